package pyval

import (
	"math/big"
	"testing"
)

func TestParseNumbers(t *testing.T) {
	for _, c := range numberCases {
		got := ""
		if v, err := ParseInt(c.s); err != nil {
			got = errText(err)
		} else {
			got = Repr(v)
		}
		if got != c.int {
			t.Errorf("int(%q) = %s, want %s", c.s, got, c.int)
		}
		if v, err := PyInt(c.s); (err == nil && Repr(v) != c.int) || (err != nil && errText(err) != c.int) {
			t.Errorf("PyInt(%q) = %v, %v; want %s", c.s, v, err, c.int)
		}
		if f, err := ParseFloat(c.s); err != nil {
			got = errText(err)
		} else {
			got = Repr(f)
		}
		if got != c.float {
			t.Errorf("float(%q) = %s, want %s", c.s, got, c.float)
		}
	}
	for _, c := range digitCases {
		if IsDigit(c.r) != c.isDigit || IsDecimal(c.r) != c.isDecimal {
			t.Errorf("%U: IsDigit %v IsDecimal %v, want %v %v", c.r, IsDigit(c.r), IsDecimal(c.r), c.isDigit, c.isDecimal)
		}
	}
}

func TestPyIntFloat(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(1), 1100)
	cases := []struct {
		in        Value
		int, flot string
	}{
		{true, "1", "1.0"},
		{int64(-3), "-3", "-3.0"},
		{-2.9, "-2", "-2.9"},
		{1e20, "100000000000000000000", "1e+20"},
		{9007199254740993.0, "9007199254740992", "9007199254740992.0"},
		{new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 53), big.NewInt(1)), "9007199254740993", "9007199254740992.0"},
		{huge, huge.String(), "OverflowError: int too large to convert to float"},
		{[]Value{}, "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'", "TypeError: float() argument must be a string or a real number, not 'list'"},
		{nil, "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'", "TypeError: float() argument must be a string or a real number, not 'NoneType'"},
	}
	for _, c := range cases {
		got := ""
		if v, err := PyInt(c.in); err != nil {
			got = errText(err)
		} else {
			got = Repr(v)
		}
		if got != c.int {
			t.Errorf("int(%s) = %s, want %s", Repr(c.in), got, c.int)
		}
		if f, err := PyFloat(c.in); err != nil {
			got = errText(err)
		} else {
			got = Repr(f)
		}
		if got != c.flot {
			t.Errorf("float(%s) = %s, want %s", Repr(c.in), got, c.flot)
		}
	}
	for _, c := range []struct {
		in   float64
		want string
	}{{posInf, "OverflowError: cannot convert float infinity to integer"}, {nan, "ValueError: cannot convert float NaN to integer"}} {
		if _, err := PyInt(c.in); err == nil || errText(err) != c.want {
			t.Errorf("int(%v): %v", c.in, err)
		}
	}
}
