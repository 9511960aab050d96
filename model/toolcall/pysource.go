package toolcall

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file prepares Python source for go.starlark.net/syntax, whose
// lexical rules differ from Python's in a few places that model output
// reaches: Python keeps the backslash of an unknown escape ('\d' is two
// characters), allows \xHH and octal escapes above 127 in str literals,
// u'' prefixes and the upper-case prefixes R'' and B'', and allows load as
// a name. prepPython rewrites those forms into equivalent Starlark, keeping
// a map back to the original offsets, and rejects with a clear message the
// Python forms Starlark has no equivalent for: f-strings, digit separators
// (1_000), complex numbers and set literals.

// loadPlaceholder stands in for the Python name load, a Starlark keyword.
// It has the same length in bytes, so offsets do not move.
const loadPlaceholder = "ǀǀ"

// pySource is Python source rewritten for the Starlark parser.
type pySource struct {
	src   string    // the rewritten source
	marks []offMark // change points, in order
	load  bool      // whether load names were replaced by loadPlaceholder
}

// offMark says that offset at in the rewritten source is offset orig in
// the original, and so on linearly up to the next mark.
type offMark struct{ at, orig int }

// origOffset maps an offset in the rewritten source back to the original.
func (p *pySource) origOffset(off int) int {
	o := off
	for _, m := range p.marks {
		if m.at > off {
			break
		}
		o = m.orig + (off - m.at)
	}
	return o
}

// offsetOf converts a Starlark line and column (1-based, columns counted
// in runes) into a byte offset of the original source.
func (p *pySource) offsetOf(line, col int32) int {
	s := p.src
	i := 0
	for l := int32(1); l < line && i < len(s); l++ {
		k := strings.IndexByte(s[i:], '\n')
		if k < 0 {
			i = len(s)
			break
		}
		i += k + 1
	}
	for c := int32(1); c < col && i < len(s); c++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return p.origOffset(i)
}

type rewriter struct {
	s      string
	b      []byte
	copied int
	marks  []offMark
}

// replace replaces s[from:to] with with. Calls come in increasing order.
func (w *rewriter) replace(from, to int, with string) {
	if w.b == nil {
		w.b = make([]byte, 0, len(w.s)+16)
	}
	w.b = append(w.b, w.s[w.copied:from]...)
	w.b = append(w.b, with...)
	w.copied = to
	w.marks = append(w.marks, offMark{at: len(w.b), orig: to})
}

func (w *rewriter) result() string {
	if w.b == nil {
		return w.s
	}
	return string(append(w.b, w.s[w.copied:]...))
}

// frame is an open bracket, tracked to recognise set literals.
type frame struct {
	open     byte
	pos      int
	colon    bool
	nonEmpty bool
}

// prepPython rewrites s for the Starlark parser; see the comment at the
// top of this file. Errors carry offsets into s.
func prepPython(s string) (*pySource, *Error) {
	w := rewriter{s: s}
	sawPlaceholder := false
	src := &pySource{}
	var stackBuf [16]frame
	stack := stackBuf[:0]
	mark := func() {
		if len(stack) > 0 {
			stack[len(stack)-1].nonEmpty = true
		}
	}
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case isSpace(c) || c == '\\':
			i++
		case c == '"' || c == '\'':
			mark()
			var err *Error
			if i, err = w.str(i, i, ""); err != nil {
				return nil, err
			}
		case isDigit(c) || c == '.' && i+1 < len(s) && isDigit(s[i+1]):
			mark()
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if !isIdentRune(r) && r != '.' {
					break
				}
				j += size
			}
			num := s[i:j]
			if strings.Contains(num, "_") {
				return nil, malformed("pythonic", i, -1, "the number %s uses digit separators, which are not supported: write it without underscores, as in %s", clip(num, 40), clip(strings.ReplaceAll(num, "_", ""), 40))
			}
			if last := num[len(num)-1]; (last == 'j' || last == 'J') && !strings.HasPrefix(strings.ToLower(num), "0x") {
				return nil, malformed("pythonic", i, -1, "complex numbers such as %s are not supported", clip(num, 40))
			}
			i = j
		case c == '(' || c == '[' || c == '{':
			mark()
			stack = append(stack, frame{open: c, pos: i})
			i++
		case c == ')' || c == ']' || c == '}':
			if n := len(stack); n > 0 {
				f := stack[n-1]
				stack = stack[:n-1]
				if c == '}' && f.open == '{' && f.nonEmpty && !f.colon {
					return nil, malformed("pythonic", f.pos, -1, "set literals such as {1, 2} are not supported: use a list such as [1, 2]")
				}
			}
			i++
		case c == ':':
			if n := len(stack); n > 0 {
				stack[n-1].colon = true
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			mark()
			if !isIdentStart(r) {
				i += size
				break
			}
			j := i + size
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if !isIdentRune(r) {
					break
				}
				j += size
			}
			word := s[i:j]
			if j < len(s) && (s[j] == '"' || s[j] == '\'') && isStrPrefix(word) {
				var err *Error
				if i, err = w.str(i, j, word); err != nil {
					return nil, err
				}
				break
			}
			switch word {
			case "load":
				w.replace(i, j, loadPlaceholder)
				src.load = true
			case loadPlaceholder:
				sawPlaceholder = true
			}
			if src.load && sawPlaceholder {
				return nil, malformed("pythonic", i, -1, "the names load and %s cannot both appear", loadPlaceholder)
			}
			i = j
		}
	}
	src.src = w.result()
	src.marks = w.marks
	return src, nil
}

// str scans the string literal whose prefix starts at start and whose
// opening quote is at q, rewriting what Starlark reads differently, and
// returns the offset after it. An unterminated literal is left for the
// Starlark parser to report.
func (w *rewriter) str(start, q int, prefix string) (int, *Error) {
	s := w.s
	lp := strings.ToLower(prefix)
	if strings.Contains(lp, "f") {
		return 0, malformed("pythonic", start, -1, "f-strings are not supported: write the value as a plain string")
	}
	raw := strings.Contains(lp, "r")
	isBytes := strings.Contains(lp, "b")
	norm := ""
	switch {
	case raw && isBytes:
		norm = "rb"
	case raw:
		norm = "r"
	case isBytes:
		norm = "b"
	}
	if norm != prefix {
		w.replace(start, q, norm)
	}
	quote := s[q]
	triple := q+2 < len(s) && s[q+1] == quote && s[q+2] == quote
	i := q + 1
	if triple {
		i = q + 3
	}
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\\':
			if i+1 >= len(s) {
				return len(s), nil
			}
			if raw || isBytes {
				i += 2
				continue
			}
			i = w.escape(i)
		case c == quote:
			if !triple {
				return i + 1, nil
			}
			if i+2 < len(s) && s[i+1] == quote && s[i+2] == quote {
				return i + 3, nil
			}
			i++
		case c == '\n' && !triple:
			return i, nil
		default:
			i++
		}
	}
	return i, nil
}

// escape handles the escape sequence at s[i] (a backslash, not the last
// byte) of a str literal and returns the offset after it.
func (w *rewriter) escape(i int) int {
	s := w.s
	n := s[i+1]
	switch {
	case strings.IndexByte("\n\rabfnrtv\\'\"uUN", n) >= 0:
		return i + 2
	case n >= '0' && n <= '7':
		j, v := i+1, 0
		for k := 0; k < 3 && j < len(s) && s[j] >= '0' && s[j] <= '7'; k++ {
			v = v*8 + int(s[j]-'0')
			j++
		}
		if v > 127 {
			w.replace(i, j, fmt.Sprintf(`\u%04x`, v))
		}
		return j
	case n == 'x':
		if i+3 < len(s) && isHex(s[i+2]) && isHex(s[i+3]) {
			if v := hexVal(s[i+2])<<4 | hexVal(s[i+3]); v >= 0x80 {
				w.replace(i, i+4, fmt.Sprintf(`\u%04x`, v))
			}
			return i + 4
		}
		return i + 2 // invalid: the Starlark parser reports it
	default:
		// Python keeps the backslash of an unknown escape.
		w.replace(i, i+1, `\\`)
		return i + 1
	}
}

func isStrPrefix(word string) bool {
	switch strings.ToLower(word) {
	case "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func hexVal(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case c >= 'a':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}

// isIdentStart and isIdentRune follow the Starlark scanner's rules for
// names.
func isIdentStart(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_' || r >= utf8.RuneSelf && unicode.IsLetter(r)
}

func isIdentRune(r rune) bool { return '0' <= r && r <= '9' || isIdentStart(r) }

// isPyName reports whether s is a name Python and Starlark both accept.
func isPyName(s string) bool {
	if s == "" || pyKeywords[s] {
		return false
	}
	for i, r := range s {
		if i == 0 && !isIdentStart(r) || !isIdentRune(r) {
			return false
		}
	}
	return true
}

// pyKeywords are Python's reserved words.
var pyKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true,
	"def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true,
	"not": true, "or": true, "pass": true, "raise": true, "return": true,
	"try": true, "while": true, "with": true, "yield": true,
}

// appendPyString appends s as Python's repr writes a str.
func appendPyString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b = append(b, quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == '\t':
			b = append(b, '\\', 't')
		case r < 0x20 || r == 0x7f:
			b = append(b, '\\', 'x', hex[r>>4], hex[r&0xf])
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case !unicode.IsPrint(r):
			switch {
			case r < 0x100:
				b = append(b, '\\', 'x', hex[r>>4], hex[r&0xf])
			case r < 0x10000:
				b = fmt.Appendf(b, `\u%04x`, r)
			default:
				b = fmt.Appendf(b, `\U%08x`, r)
			}
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, quote)
}
