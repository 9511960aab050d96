package pyval

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
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

// FuzzJSONString checks appendJSONString, whose loop skips plain bytes
// eight at a time, against a plain byte-by-byte rendering of Python's
// json string escaping, with and without ensure_ascii.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain ascii text here", "quote\" back\\slash", "tab\tnew\nline\x7f", "é ü 日本 \U0001F600", "\xff\xfe bad utf8", "12345678\x0012345678", "abcdefg\"", "abcdefgh\x1f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ascii := range []bool{true, false} {
			got := string(appendJSONString(nil, s, ascii))
			if want := slowJSONString(s, ascii); got != want {
				t.Fatalf("appendJSONString(%q, %v) = %q, want %q", s, ascii, got, want)
			}
		}
	})
}

// slowJSONString is json.dumps of a str, one character at a time.
func slowJSONString(s string, ascii bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:]) // an invalid byte is U+FFFD
		i += size
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20 || (ascii && r == 0x7f):
			fmt.Fprintf(&b, `\u%04x`, r)
		case ascii && r > 0xffff:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		case ascii && r > 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
