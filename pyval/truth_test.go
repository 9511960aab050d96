package pyval

import (
	"math/big"
	"testing"
)

func TestTruth(t *testing.T) {
	cases := []struct {
		v    Value
		want bool
	}{
		{nil, false}, {false, false}, {true, true}, {int64(0), false}, {int64(-3), true},
		{big.NewInt(0), false}, {0.0, false}, {0.1, true}, {"", false}, {"0", true},
		{[]Value{}, false}, {[]Value{nil}, true}, {Tuple{}, false}, {NewDict(), false},
		{DictOf("k", nil), true}, {NewSet(), false}, {NewSet(int64(1)), true}, {Ellipsis, true},
	}
	for _, c := range cases {
		if got := Truth(c.v); got != c.want {
			t.Errorf("bool(%s) = %v, want %v", Repr(c.v), got, c.want)
		}
	}
}
