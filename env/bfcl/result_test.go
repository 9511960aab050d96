package bfcl

import (
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"
	"unicode/utf8"

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
		{"key \"q\"\x7f", "del \x7f tab\t", "ké", int64(-9007199254740993), "raw", json.RawMessage(`{"x": [1, 2]}`)},
		{"long", strings.Repeat("plain text, then \"quotes\" and é ", 8), "false", false},
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

// FuzzRenderDict checks RenderDict against json.dumps of the dict for any
// key and str, int and bool values.
func FuzzRenderDict(f *testing.F) {
	f.Add("status", "ok", int64(3), true)
	f.Add("k\"\\", "café\n\x7f", int64(-1), false)
	f.Fuzz(func(t *testing.T, key, str string, n int64, flag bool) {
		if !utf8.ValidString(key) || !utf8.ValidString(str) {
			return // pyval strings are UTF-8, as Python's str
		}
		kv := []pyval.Value{key, str}
		for _, k := range []string{"n", "flag", "none"} {
			if k == key {
				return
			}
		}
		kv = append(kv, "n", n, "flag", flag, "none", nil)
		want, err := pyval.JSONDumps(pyval.DictOf(kv...))
		if err != nil {
			t.Fatal(err)
		}
		if got := ResultString(RenderDict(kv...)); got != want {
			t.Errorf("RenderDict(%q) = %s, want %s", kv, got, want)
		}
	})
}
