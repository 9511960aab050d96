package filesystem

import (
	"cmp"
	"strings"
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
	n, _ := countWordsFrom(s, false)
	return n
}

// countWordsFrom is countWords continued from a text that ended inside a
// word (in) or not: the words that start in s, and whether s ends inside
// one.
func countWordsFrom(s string, in bool) (int, bool) {
	n := 0
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
	return n, in
}

// text is a str in at most two pieces: head, then, when x is set, the
// suffix's text, which starts with an ASCII character and holds no line
// break (see newSuffix). A file loaded in the long-context variant holds
// its content so (see extended); the methods read it through text,
// without joining the pieces.
type text struct {
	head  string
	x     *suffix
	boxed pyval.Value // head as a Value, when it is one already
}

// tail returns the second piece ("" when there is none).
func (t text) tail() string {
	if t.x != nil {
		return t.x.text
	}
	return ""
}

// len returns the length of the str in bytes.
func (t text) len() int { return len(t.head) + len(t.tail()) }

// equal reports whether t and u are the same str.
func (t text) equal(u text) bool { return equal2(t.head, t.tail(), u.head, u.tail()) }

// span is a line of a text: head[start:end], followed by the suffix's
// text when ext is set.
type span struct {
	start, end int
	ext        bool
}

// lines appends the lines of t, as str.splitlines() gives them, to dst,
// and reports whether the line breaks between them are all single "\n"s
// (a break that ends the str is not between two lines). The suffix holds
// no break: it ends the last line of head, or is a line of its own when
// head is empty or ends with a break.
func (t text) lines(dst []span) ([]span, bool) {
	s := t.head
	plain := true
	for i := 0; i < len(s); {
		line, next, nl := nextLine(s, i)
		end := i + len(line)
		dst = append(dst, span{start: i, end: end})
		plain = plain && (nl || end == len(s) || next == len(s) && t.x == nil)
		i = next
	}
	if t.x != nil {
		if n := len(dst); n > 0 && dst[n-1].end == len(s) {
			dst[n-1].ext = true
		} else {
			dst = append(dst, span{start: len(s), end: len(s), ext: true})
		}
	}
	return dst, plain
}

// lineCount is len(t.splitlines()).
func (t text) lineCount() int {
	s := t.head
	n, end := 0, 0 // end: where the last line of head ends
	for i := 0; i < len(s); n++ {
		line, next, _ := nextLine(s, i)
		end = i + len(line)
		i = next
	}
	if t.x != nil && (n == 0 || end < len(s)) {
		n++ // the suffix is a line of its own
	}
	return n
}

// line returns the pieces of line sp of t.
func (t text) line(sp span) (string, string) {
	if sp.ext {
		return t.head[sp.start:sp.end], t.x.text
	}
	return t.head[sp.start:sp.end], ""
}

// equal2 reports whether a1+a2 == b1+b2.
func equal2(a1, a2, b1, b2 string) bool {
	if a2 == "" && b2 == "" {
		return a1 == b1
	}
	return len(a1)+len(a2) == len(b1)+len(b2) && compare2(a1, a2, b1, b2) == 0
}

// compare2 is strings.Compare(a1+a2, b1+b2), without joining them.
func compare2(a1, a2, b1, b2 string) int {
	for {
		if a1 == "" {
			a1, a2 = a2, ""
		}
		if b1 == "" {
			b1, b2 = b2, ""
		}
		if a1 == "" || b1 == "" {
			return cmp.Compare(len(a1), len(b1)) // one is a prefix of the other
		}
		n := min(len(a1), len(b1))
		if c := strings.Compare(a1[:n], b1[:n]); c != 0 {
			return c
		}
		a1, b1 = a1[n:], b1[n:]
	}
}

// contains2 is strings.Contains(h+t, p), without joining h and t.
func contains2(h, t, p string) bool {
	if strings.Contains(h, p) {
		return true
	}
	if t == "" {
		return false
	}
	if strings.Contains(t, p) {
		return true
	}
	// A match across the boundary starts in the last len(p)-1 bytes of h.
	for i := max(0, len(h)-len(p)+1); i < len(h); i++ {
		n := len(h) - i // the match's bytes in h, fewer than len(p)
		if h[i:] == p[:n] && strings.HasPrefix(t, p[n:]) {
			return true
		}
	}
	return false
}
