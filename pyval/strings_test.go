package pyval

import (
	"slices"
	"testing"
)

func TestStrings(t *testing.T) {
	for _, c := range stringCases {
		if got := SplitLines(c.s); !slices.Equal(got, c.lines) {
			t.Errorf("SplitLines(%q) = %q, want %q", c.s, got, c.lines)
		}
		if got := SplitWhitespace(c.s); !slices.Equal(got, c.fields) {
			t.Errorf("SplitWhitespace(%q) = %q, want %q", c.s, got, c.fields)
		}
		if got := StripWhitespace(c.s); got != c.strip {
			t.Errorf("StripWhitespace(%q) = %q, want %q", c.s, got, c.strip)
		}
		if got := Lower(c.s); got != c.lower {
			t.Errorf("Lower(%q) = %q, want %q", c.s, got, c.lower)
		}
		if got := Len(c.s); got != c.length {
			t.Errorf("Len(%q) = %d, want %d", c.s, got, c.length)
		}
	}
}

func TestIsPrintable(t *testing.T) {
	// Spot checks against Python 3.11's str.isprintable().
	for r, want := range map[rune]bool{
		' ': true, 'a': true, '~': true, 0x7f: false, 0x1f: false, 0xa0: false, 0xad: false, 0xe9: true,
		0x378: false, 0x2028: false, 0x3000: false, 0xe000: false, 0xfeff: false, 0x1f600: true,
		0x1e030:  false, // assigned in Unicode 15.0, unassigned in Python 3.11's 14.0
		0x10ffff: false, 0x4e2d: true,
	} {
		if got := IsPrintable(r); got != want {
			t.Errorf("IsPrintable(%U) = %v, want %v", r, got, want)
		}
	}
	for _, r := range []rune{' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1f, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000} {
		if !IsSpace(r) {
			t.Errorf("IsSpace(%U) = false", r)
		}
	}
	for _, r := range []rune{'a', 0x1b, 0x20, 0x84, 0x200b, 0x180e, 0xfeff} {
		if r != 0x20 && IsSpace(r) {
			t.Errorf("IsSpace(%U) = true", r)
		}
	}
}
