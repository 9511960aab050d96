package filesystem

import (
	"unicode/utf8"

	"github.com/toolgym/toolgym/pyval"
)

// Python's str methods on file contents, with CPython's results, made to
// scan long contents eight bytes at a time: the long-context variant
// appends a text of a few kilobytes to most files.

// SWAR constants: a byte's lowest and highest bit in each of eight.
const (
	lsb8 = 0x0101010101010101
	msb8 = 0x8080808080808080
)

// load8 reads s[i:i+8] as a little-endian word.
func load8(s string, i int) uint64 {
	w := s[i : i+8] // one bounds check, and the eight loads become one
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// printable8 reports whether the eight bytes of x are all printable ASCII
// or DEL (0x20 to 0x7f): none is a line break, a space other than ' ',
// or part of a multi-byte character.
func printable8(x uint64) bool {
	return (x|(x-0x20*lsb8))&msb8 == 0
}

// lineBreak returns the length of the line break starting at s[i] (a
// str.splitlines() break: \n, \r, \v, \f, \x1c, \x1d, \x1e, U+0085, U+2028,
// U+2029; \r\n counts as one break of two bytes), or 0.
func lineBreak(s string, i int) int {
	switch c := s[i]; c {
	case '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return 2
		}
		return 1
	case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e:
		return 1
	case 0xc2: // U+0085 is C2 85
		if i+1 < len(s) && s[i+1] == 0x85 {
			return 2
		}
	case 0xe2: // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
			return 3
		}
	}
	return 0
}

// nextLine returns the line of s starting at start, the position after
// its break (len(s) for the last line), and whether its break is a single
// "\n". A lead byte of a multi-byte character never occurs inside
// another character, so a byte scan finds the breaks a decoder would.
func nextLine(s string, start int) (line string, next int, newline bool) {
	i := start
	for {
		for i+8 <= len(s) && printable8(load8(s, i)) {
			i += 8
		}
		if i >= len(s) {
			return s[start:], len(s), false
		}
		if n := lineBreak(s, i); n > 0 {
			return s[start:i], i + n, n == 1 && s[i] == '\n'
		}
		i++
	}
}

// appendLines appends the lines of s, as str.splitlines() gives them
// (see pyval.SplitLines), to dst.
func appendLines(dst []string, s string) []string {
	for i := 0; i < len(s); {
		var line string
		line, i, _ = nextLine(s, i)
		dst = append(dst, line)
	}
	return dst
}

// runeLen is len(s) for a str: its code points (an invalid byte counts
// as one, as utf8.RuneCountInString counts it).
func runeLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && load8(s, i)&msb8 == 0 {
			i += 8
			n += 8
		}
		if i >= len(s) {
			break
		}
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		n++
	}
	return n
}

// asciiSpace marks the ASCII bytes str.split() splits on: \t to \r, \x1c
// to \x1f and ' '.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true,
	0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true, ' ': true}

// countWords is len(s.split()).
func countWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = pyval.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
