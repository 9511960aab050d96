package posting

import (
	"errors"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// FuzzLowerMatch checks the allocation-free ASCII paths of search_tweets
// against lowering the whole string.
func FuzzLowerMatch(f *testing.F) {
	for _, s := range [][2]string{{"Loving the SUNSHINE", "sun"}, {"#Summer", "#summer"}, {"İstanbul", "i̇stanbul"}, {"", ""}, {"ab", "abc"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, s, kw string) {
		kw = pyLower(kw)
		if got, want := lowerContains(s, kw), strings.Contains(pyLower(s), kw); got != want {
			t.Fatalf("lowerContains(%q, %q) = %v, want %v", s, kw, got, want)
		}
		if got, want := lowerEquals(s, kw), pyLower(s) == kw; got != want {
			t.Fatalf("lowerEquals(%q, %q) = %v, want %v", s, kw, got, want)
		}
	})
}

// FuzzMethods calls every method with arbitrary JSON arguments: a call
// must return a value that renders, or a Python exception, never panic.
func FuzzMethods(f *testing.F) {
	for _, s := range []string{`[0]`, `["john", "john123"]`, `[[1], {"a": 1}]`, `[null, 1.5, true]`, `["x", ["#t"], "@m"]`, `[]`, `[1e308, -0.0, "İ"]`} {
		for i := range 14 {
			f.Add(uint8(i), s)
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, argsJSON string) {
		v, err := pyval.FromJSON([]byte(argsJSON))
		if err != nil {
			return
		}
		list, ok := v.([]pyval.Value)
		if !ok {
			return
		}
		e := newEnv(t, benchConfig)
		c := e.Classes()[0]
		// A few posts first, so that shared defaults and odd counters are
		// in play.
		e.ExecAll([]string{"post_tweet(content='a')", "post_tweet(content='B', tags=['#X'])"})
		ms := c.Methods()
		m := ms[int(which)%len(ms)]
		args := make([]bfcl.Arg, len(list))
		for i, x := range list {
			args[i] = bfcl.Arg{Value: x}
		}
		vals, err := bfcl.Bind(c.Name(), &m, args)
		if err != nil {
			return
		}
		for range 2 { // twice: the second call sees the first's changes
			res, err := callNoPanic(t, m, vals)
			if err != nil {
				var exc *pyval.Exception
				if !errors.As(err, &exc) {
					t.Fatalf("%s%s: error %T %v is not a Python exception", m.Name, argsJSON, err, err)
				}
				continue
			}
			_ = bfcl.ResultString(res)
		}
		if _, err := pyval.MarshalStateJSON(c.State()); err != nil {
			t.Fatalf("%s%s: state: %v", m.Name, argsJSON, err)
		}
		_ = c.Clone()
	})
}

func callNoPanic(t *testing.T, m bfcl.Method, vals []pyval.Value) (res pyval.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("%s(%s) panicked: %v", m.Name, pyval.Repr(pyval.Tuple(vals)), p)
		}
	}()
	return m.Call(vals)
}
