package pyval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsSpace reports whether Python's str.isspace() holds for r: the ASCII
// whitespace \t \n \v \f \r and space, the separators \x1c-\x1f, and the
// Unicode spaces (U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029,
// U+202F, U+205F, U+3000). Go's unicode.IsSpace lacks \x1c-\x1f.
func IsSpace(r rune) bool {
	switch {
	case r <= ' ':
		return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f)
	case r < 0x85:
		return false
	}
	switch r {
	case 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// SplitWhitespace returns str.split() with no arguments: the runs of
// non-whitespace (by IsSpace), with no empty strings. It differs from
// strings.Fields for \x1c-\x1f.
func SplitWhitespace(s string) []string { return strings.FieldsFunc(s, IsSpace) }

// StripWhitespace returns str.strip() with no arguments (whitespace by
// IsSpace).
func StripWhitespace(s string) string { return strings.TrimFunc(s, IsSpace) }

// isLineBreak reports whether r ends a line for str.splitlines().
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// SplitLines returns str.splitlines(): the lines of s without their line
// breaks, where a break is \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, U+0085,
// U+2028 or U+2029; a final break does not start an empty line, and "" has
// no lines.
func SplitLines(s string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isLineBreak(r) {
			i += size
			continue
		}
		lines = append(lines, s[start:i])
		i += size
		if r == '\r' && i < len(s) && s[i] == '\n' {
			i++
		}
		start = i
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// Len returns len(s) for a Python str: the number of code points (Go's
// len counts bytes).
func Len(s string) int { return utf8.RuneCountInString(s) }

// Lower returns str.lower(): Go's simple lower-case mapping plus Python's
// two context rules: U+0130 (İ) becomes "i̇" (i and U+0307), and a
// capital sigma at the end of a word becomes the final sigma ς. Go's
// Unicode tables (15.0) are newer than Python 3.11's (14.0), so the few
// characters added in 15.0 with lower-case forms are mapped where Python
// leaves them.
func Lower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch r {
		case 0x130:
			b.WriteString("i\u0307")
		case 0x3a3:
			if finalSigma(s, i) {
				b.WriteRune(0x3c2)
			} else {
				b.WriteRune(0x3c3)
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at byte offset i of s is in
// the Final_Sigma context: preceded by a cased letter and not followed by
// one (case-ignorable characters skipped on both sides).
func finalSigma(s string, i int) bool {
	j := i
	before := false
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		j -= size
		if !caseIgnorable(r) {
			before = cased(r)
			break
		}
	}
	if !before {
		return false
	}
	for _, r := range s[i+len("Σ"):] {
		if !caseIgnorable(r) {
			return !cased(r)
		}
	}
	return true
}

func cased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// caseIgnorable is Unicode's Case_Ignorable: Mn, Me, Cf, Lm, Sk, and the
// Word_Break classes MidLetter, MidNumLet and Single_Quote.
func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}
