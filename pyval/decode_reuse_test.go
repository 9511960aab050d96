package pyval

import "testing"

// TestFromJSONReuse checks what reusing decoders and interning strings
// must not change: a decode after a failed one starts clean, an escaped
// string and its plain spelling decode to the same text, and a repeated
// key still keeps its first place and its last value.
func TestFromJSONReuse(t *testing.T) {
	docs := []struct{ in, want string }{
		{`{"a": "x", "b": ["x", {"a": 1}]}`, `{'a': 'x', 'b': ['x', {'a': 1}]}`},
		{`{"a": [1, 2, {"c": "unterminated`, ""}, // fails part-way, items on the stacks
		{`{"a": "\u0078", "\u0061b": "A"}`, `{'a': 'x', 'ab': 'A'}`},
		{`{"ab": "x", "a": "A", "ab": "y"}`, `{'ab': 'y', 'a': 'A'}`},
		{`["a", "a", "\"a\"", "a\\"]`, `['a', 'a', '"a"', 'a\\']`},
		{`{"k": {}, "l": []}`, `{'k': {}, 'l': []}`},
	}
	for round := 0; round < 3; round++ { // later rounds find the strings interned
		for _, d := range docs {
			v, err := FromJSON([]byte(d.in))
			if d.want == "" {
				if err == nil {
					t.Fatalf("FromJSON(%s) succeeded, want an error", d.in)
				}
				continue
			}
			if err != nil {
				t.Fatalf("FromJSON(%s): %v", d.in, err)
			}
			if got := Repr(v); got != d.want {
				t.Errorf("round %d: FromJSON(%s) = %s, want %s", round, d.in, got, d.want)
			}
		}
	}
	// Decoded values do not alias each other: changing one leaves the
	// next decode of the same text as it was.
	a, _ := FromJSON([]byte(`{"k": ["v"]}`))
	a.(*Dict).Set("k", "changed")
	b, _ := FromJSON([]byte(`{"k": ["v"]}`))
	if got := Repr(b); got != `{'k': ['v']}` {
		t.Errorf("second decode = %s", got)
	}
}
