package message

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// zfill is Python's str.zfill(width): zeros after an optional sign.
func zfill(s string, width int) string {
	if len(s) >= width {
		return s
	}
	pad := strings.Repeat("0", width-len(s))
	if s != "" && (s[0] == '-' || s[0] == '+') {
		return s[:1] + pad + s[1:]
	}
	return pad + s
}

// containsLower reports whether lower(s) contains sub, which is already
// lowered; for ASCII s it compares in place, without building lower(s).
func containsLower(s, sub string) bool {
	if !isASCII(s) {
		return strings.Contains(lower(s), sub)
	}
	if !isASCII(sub) {
		return false // lowering ASCII gives ASCII
	}
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for j < n && asciiLower(s[i+j]) == sub[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lower is Python's str.lower(): full Unicode lowercasing, including the
// two rules Go's simple mapping lacks: U+0130 becomes "i̇" and a capital
// sigma ending a word becomes a final sigma.
func lower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch r {
		case 0x130:
			b.WriteString("i\u0307")
		case 0x3A3:
			if finalSigma(rs, i) {
				b.WriteRune(0x3C2)
			} else {
				b.WriteRune(0x3C3)
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at rs[i] is in the
// Final_Sigma context: a cased letter before it and none after it,
// skipping case-ignorable characters.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}
