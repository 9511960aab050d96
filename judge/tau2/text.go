package tau2judge

import (
	"strings"
	"unicode/utf8"

	"github.com/toolgym/toolgym/pyval"
)

// indent is Python's textwrap.indent(text, prefix): prefix is added to
// every line (as str.splitlines(keepends=True) splits) that is not made
// of whitespace only.
func indent(text, prefix string) string {
	var b strings.Builder
	b.Grow(len(text) + len(prefix)*4)
	start := 0
	emit := func(line string) {
		if pyval.StripWhitespace(line) != "" {
			b.WriteString(prefix)
		}
		b.WriteString(line)
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !isLineBreak(r) {
			continue
		}
		if r == '\r' && i < len(text) && text[i] == '\n' {
			i++
		}
		emit(text[start:i])
		start = i
	}
	if start < len(text) {
		emit(text[start:])
	}
	return b.String()
}

// isLineBreak reports the characters str.splitlines breaks at.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// hasText is the reference's has_text_content: content is not None and
// content.strip() is not empty.
func hasText(content *string) bool {
	return content != nil && pyval.StripWhitespace(*content) != ""
}
