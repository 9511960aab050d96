package pyval

import (
	"strings"
	"testing"
)

// FuzzFromJSON checks that FromJSON never panics and that what it decodes
// survives JSONDumps and MarshalStateJSON: both re-decode to a value with
// the same repr (and an Equal one when no NaN is involved).
func FuzzFromJSON(f *testing.F) {
	for _, c := range jsonDecodeCases {
		f.Add([]byte(c.doc))
	}
	for _, line := range sampleLines(f, 2) {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := FromJSON(data)
		if err != nil {
			return
		}
		want := Repr(v)
		for name, enc := range map[string]func(Value) ([]byte, error){
			"JSONDumps": func(v Value) ([]byte, error) {
				s, err := JSONDumps(v)
				return []byte(s), err
			},
			"MarshalStateJSON": MarshalStateJSON,
		} {
			out, err := enc(v)
			if err != nil {
				t.Fatalf("%s(FromJSON(%q)): %v", name, data, err)
			}
			back, err := FromJSON(out)
			if err != nil {
				t.Fatalf("FromJSON(%s output %q): %v", name, out, err)
			}
			if got := Repr(back); got != want {
				t.Fatalf("%s round trip: repr %q, want %q", name, got, want)
			}
			if !strings.Contains(want, "nan") && !Equal(back, v) {
				t.Fatalf("%s round trip: %s not Equal to itself", name, want)
			}
		}
	})
}
