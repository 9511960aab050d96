package bfcl

import (
	"math"
	"math/big"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

func TestRenderDict(t *testing.T) {
	cases := [][]pyval.Value{
		{},
		{"status", "ok"},
		{"count", int64(3), "type", "lines"},
		{"a", 1.5, "b", math.Inf(1), "c", nil, "d", true, "e", new(big.Int).Lsh(big.NewInt(1), 80)},
		{"name", "café ☕ \"q\" \\ \n", "list", []pyval.Value{"x", int64(1), pyval.Tuple{2.0}}},
		{"nested", pyval.DictOf("k", []pyval.Value{}, "l", pyval.NewDict())},
	}
	for _, kv := range cases {
		want, err := pyval.JSONDumps(pyval.DictOf(kv...))
		if err != nil {
			t.Fatal(err)
		}
		got := RenderDict(kv...)
		r, ok := got.(JSONResult)
		if !ok {
			t.Errorf("RenderDict(%v) = %T, want a JSONResult", kv, got)
			continue
		}
		if string(r) != want || ResultString(got) != want {
			t.Errorf("RenderDict(%v) = %s, want %s", kv, r, want)
		}
	}
	// A value json.dumps refuses leaves a dict, which the executor shows
	// through str(), as the reference does.
	bad := []pyval.Value{"s", pyval.NewSet(int64(1))}
	got := RenderDict(bad...)
	if _, ok := got.(*pyval.Dict); !ok {
		t.Fatalf("RenderDict with a set = %T, want the *pyval.Dict", got)
	}
	if want := pyval.Str(pyval.DictOf(bad...)); ResultString(got) != want {
		t.Errorf("ResultString = %q, want %q", ResultString(got), want)
	}
	for _, kv := range [][]pyval.Value{{"a", int64(1), "a", int64(2)}, {int64(1), "x"}, {"odd"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("RenderDict(%v) did not panic", kv)
				}
			}()
			RenderDict(kv...)
		}()
	}
}

func BenchmarkRenderDict(b *testing.B) {
	b.ReportAllocs()
	b.Run("RenderDict", func(b *testing.B) {
		for b.Loop() {
			ResultString(RenderDict("count", int64(42), "type", "words"))
		}
	})
	b.Run("DictOf+JSONDumps", func(b *testing.B) {
		for b.Loop() {
			ResultString(pyval.DictOf("count", int64(42), "type", "words"))
		}
	})
}

// TestFloatResult checks one-float results against json.dumps of the
// same dict.
func TestFloatResult(t *testing.T) {
	for _, x := range []float64{400, 91.66666666666667, 0.1, -0.0, 1e16, 1.5e-7, 2, 123456789.125, math.Inf(1), math.Inf(-1), math.NaN()} {
		for _, c := range []struct {
			prefix, suffix string
			dict           *pyval.Dict
		}{
			{`{"result": `, `}`, pyval.DictOf("result", x)},
			{`{"travel_cost_list": [`, `]}`, pyval.DictOf("travel_cost_list", []pyval.Value{x})},
		} {
			want, err := pyval.JSONDumps(c.dict)
			if err != nil {
				t.Fatal(err)
			}
			if got := FloatResult(c.prefix, x, c.suffix); string(got) != want {
				t.Errorf("FloatResult(%q, %v, %q) = %s, want %s", c.prefix, x, c.suffix, got, want)
			}
		}
	}
}
