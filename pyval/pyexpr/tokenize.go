package pyexpr

// This file is CPython's tokenizer (Parser/tokenizer.c) for the calculate
// alphabet: numbers, the operators + - * / // **, parentheses, '.' and
// '...', spaces, and the NEWLINE and ENDMARKER that end a one-line
// source. It is pulled one token at a time, as the parser pulls it: a
// tokenizer error surfaces when the parser first asks for the token that
// holds it.

type tokKind uint8

const (
	tEnd tokKind = iota // ENDMARKER
	tNum
	tNewline
	tLPar
	tRPar
	tPlus
	tMinus
	tStar
	tSlash
	tDot
	tDStar
	tDSlash
	tEllipsis
	// tNone stands for every token the grammar names that this alphabet
	// cannot produce (NAME, STRING, ',', '=', keywords...): expecting it
	// fetches the token at the mark and fails.
	tNone
)

type token struct {
	kind  tokKind
	text  string // a number's characters
	level int    // parenthesis depth after the token, as CPython records it
}

// Tokenizer limits.
const (
	maxParenLevel = 200  // MAXLEVEL
	maxIntDigits  = 4300 // sys.int_info.default_max_str_digits
)

type lexer struct {
	src   string
	pos   int
	level int
	nl    bool // the implicit NEWLINE at the end was returned
	done  bool // ENDMARKER or an error was returned
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// next returns the next token, or the tokenizer's SyntaxError message.
// After an error or ENDMARKER it keeps returning ENDMARKER; errors are
// reported once, as CPython's tokenizer stops at its first error.
func (lx *lexer) next() (token, string) {
	if lx.done {
		return token{kind: tEnd}, ""
	}
	s := lx.src
	for lx.pos < len(s) && s[lx.pos] == ' ' {
		lx.pos++
	}
	if lx.pos >= len(s) {
		if lx.level > 0 {
			// EOF inside brackets: CPython skips the implicit newline
			// and fails with E_EOF.
			lx.done = true
			return token{}, "'(' was never closed"
		}
		if !lx.nl {
			lx.nl = true
			return token{kind: tNewline}, ""
		}
		lx.done = true
		return token{kind: tEnd}, ""
	}
	c := s[lx.pos]
	start := lx.pos
	tok := func(k tokKind, n int) (token, string) {
		lx.pos += n
		return token{kind: k, level: lx.level}, ""
	}
	switch {
	case isDigit(c) || c == '.' && lx.pos+1 < len(s) && isDigit(s[lx.pos+1]):
		end, msg := scanNumber(s, lx.pos)
		if msg != "" {
			lx.done = true
			return token{}, msg
		}
		lx.pos = end
		return token{kind: tNum, text: s[start:end], level: lx.level}, ""
	case c == '.':
		if lx.pos+2 < len(s) && s[lx.pos+1] == '.' && s[lx.pos+2] == '.' {
			return tok(tEllipsis, 3)
		}
		return tok(tDot, 1)
	case c == '(':
		if lx.level >= maxParenLevel {
			lx.done = true
			return token{}, "too many nested parentheses"
		}
		lx.level++
		return tok(tLPar, 1)
	case c == ')':
		if lx.level == 0 {
			lx.done = true
			return token{}, "unmatched ')'"
		}
		lx.level--
		return tok(tRPar, 1)
	case c == '+':
		return tok(tPlus, 1)
	case c == '-':
		return tok(tMinus, 1)
	case c == '*':
		if lx.pos+1 < len(s) && s[lx.pos+1] == '*' {
			return tok(tDStar, 2)
		}
		return tok(tStar, 1)
	case c == '/':
		if lx.pos+1 < len(s) && s[lx.pos+1] == '/' {
			return tok(tDSlash, 2)
		}
		return tok(tSlash, 1)
	}
	// Eval checks the alphabet before tokenizing.
	lx.done = true
	return token{}, "invalid character"
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// scanNumber scans the number at s[i] (a digit, or a '.' before a digit)
// and returns its end, or the tokenizer's error message.
func scanNumber(s string, i int) (int, string) {
	if s[i] == '.' {
		return digitsEnd(s, i+1), ""
	}
	if s[i] == '0' {
		j := i
		for j < len(s) && s[j] == '0' {
			j++
		}
		nonzero := j < len(s) && isDigit(s[j])
		j = digitsEnd(s, j)
		if j < len(s) && s[j] == '.' {
			return digitsEnd(s, j+1), ""
		}
		if nonzero {
			return 0, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
		}
		return j, ""
	}
	j := digitsEnd(s, i)
	if j < len(s) && s[j] == '.' {
		j = digitsEnd(s, j+1)
	}
	return j, ""
}
