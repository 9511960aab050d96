package bfcl

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/pyval"
)

// parseCall reads one Python call with literal arguments, such as
// "mv(source='a.txt', destination='b')", straight into pyval values. It
// handles the forms the ground truth and models write (quoted strings with
// the common escapes, ints, floats, True/False/None, lists, tuples and
// dicts, positional and keyword arguments) in one pass; anything else is
// handed to toolcall.ParsePythonWith, whose errors say what is wrong.
func parseCall(src string) (string, []Arg, error) {
	return parseCallInto(src, make([]Arg, 0, 4))
}

// parseCallInto is parseCall appending the arguments to buf[:0], so a
// caller that is done with the previous call's arguments can reuse them.
func parseCallInto(src string, buf []Arg) (string, []Arg, error) {
	p := callParser{s: src}
	if name, args, ok := p.call(buf[:0]); ok {
		return name, args, nil
	}
	pcs, err := toolcall.ParsePythonWith(src, toolcall.PyOptions{Positional: true})
	if err != nil {
		return "", nil, err
	}
	if len(pcs) != 1 {
		return "", nil, pyval.Exc("SyntaxError", "invalid syntax")
	}
	args := make([]Arg, len(pcs[0].Args))
	for i, a := range pcs[0].Args {
		v, err := pyval.FromJSON(a.Value)
		if err != nil {
			return "", nil, err
		}
		args[i] = Arg{Name: a.Name, Value: v}
	}
	return pcs[0].Name, args, nil
}

// ParseCall reads one Python call with literal arguments, such as
// "mv(source='a.txt', destination='b')", into its name and arguments
// (positional ones with an empty Name), as the executor reads the calls it
// runs.
func ParseCall(src string) (string, []Arg, error) { return parseCall(src) }

// ParseLiteral reads one Python literal (a str, number, True/False/None,
// Ellipsis, or a list, tuple or dict of them, spanning lines inside its
// brackets), such as a constant of the reference's long_context.py.
func ParseLiteral(src string) (pyval.Value, error) {
	p := callParser{s: strings.TrimSpace(src)}
	v, ok := p.value(0)
	p.space()
	if !ok || p.i != len(p.s) {
		return nil, fmt.Errorf("bfcl: not a Python literal this reader handles (at byte %d)", p.i)
	}
	return v, nil
}

type callParser struct {
	s string
	i int
}

func (p *callParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *callParser) eat(c byte) bool {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// identClass classes the ASCII bytes of identifiers: identStart for a
// letter or underscore, identByte for those and digits. (A table: the
// parser reads every byte of every name through it.)
var identClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			t[c] = identStart | identByte
		case c >= '0' && c <= '9':
			t[c] = identByte
		}
	}
	return t
}()

const (
	identStart = 1 << iota
	identByte
)

func isIdentStart(c byte) bool { return identClass[c]&identStart != 0 }
func isIdentByte(c byte) bool  { return identClass[c]&identByte != 0 }

func (p *callParser) ident() string {
	p.space()
	start := p.i
	if p.i >= len(p.s) || !isIdentStart(p.s[p.i]) {
		return ""
	}
	for p.i < len(p.s) && isIdentByte(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

// isPyKeyword reports whether id is a Python keyword, which cannot name
// a function or an argument. (A switch: the compiler's search by length
// and bytes beats hashing the name into a map.)
func isPyKeyword(id string) bool {
	switch id {
	case "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
		"def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
		"is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield":
		return true
	}
	return false
}

// name reads an identifier that is not a Python keyword.
func (p *callParser) name() string {
	save := p.i
	id := p.ident()
	if isPyKeyword(id) {
		p.i = save
		return ""
	}
	return id
}

// call parses name(args) and reports whether the whole input was read.
// Input with line breaks goes to the full parser (where Python allows them
// depends on bracket depth).
func (p *callParser) call(args []Arg) (string, []Arg, bool) {
	if strings.IndexByte(p.s, '\n') >= 0 || strings.IndexByte(p.s, '\r') >= 0 { // (IndexByte is vectorised)
		return "", nil, false
	}
	name := p.name()
	for name != "" && p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		part := p.name()
		if part == "" {
			return "", nil, false
		}
		name += "." + part
	}
	if name == "" || !p.eat('(') {
		return "", nil, false
	}
	for {
		if p.eat(')') {
			break
		}
		if len(args) > 0 && !p.eat(',') {
			return "", nil, false
		}
		if p.eat(')') {
			break
		}
		save := p.i
		kw := p.name()
		if kw != "" && p.eat('=') {
			for _, a := range args {
				if a.Name == kw {
					return "", nil, false // repeated: the full parser says so
				}
			}
			v, ok := p.value(0)
			if !ok {
				return "", nil, false
			}
			args = append(args, Arg{Name: kw, Value: v})
			continue
		}
		p.i = save
		if len(args) > 0 && args[len(args)-1].Name != "" {
			return "", nil, false
		}
		v, ok := p.value(0)
		if !ok {
			return "", nil, false
		}
		args = append(args, Arg{Value: v})
	}
	p.space()
	return name, args, p.i == len(p.s)
}

func (p *callParser) value(depth int) (pyval.Value, bool) {
	if depth > 100 {
		return nil, false
	}
	p.space()
	if p.i >= len(p.s) {
		return nil, false
	}
	switch c := p.s[p.i]; {
	case c == '\'' || c == '"':
		return p.str()
	case c == '[' || c == '(':
		closer := byte(']')
		if c == '(' {
			closer = ')'
		}
		p.i++
		// The items gather on the stack; the value gets a copy of exactly
		// their number (one allocation, where appending to a new slice
		// takes one per doubling).
		var scratch [8]pyval.Value
		items := scratch[:0]
		comma := false
		for {
			if p.eat(closer) {
				break
			}
			if len(items) > 0 && !p.eat(',') {
				return nil, false
			}
			if p.eat(closer) {
				comma = true
				break
			}
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			items = append(items, v)
		}
		if c == '(' && len(items) == 1 && !comma {
			return items[0], true // a parenthesised value, not a tuple
		}
		out := append(make([]pyval.Value, 0, len(items)), items...)
		if c == '(' {
			return pyval.Tuple(out), true
		}
		return out, true
	case c == '{':
		p.i++
		d := pyval.NewDict()
		for {
			if p.eat('}') {
				break
			}
			if d.Len() > 0 && !p.eat(',') {
				return nil, false
			}
			if p.eat('}') {
				break
			}
			k, ok := p.value(depth + 1)
			if !ok || !pyval.Hashable(k) || !p.eat(':') {
				return nil, false
			}
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			d.Set(k, v)
		}
		return d, true
	case c == '.' && strings.HasPrefix(p.s[p.i:], "..."):
		p.i += 3
		return pyval.Ellipsis, true
	case c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'):
		return p.number()
	case isIdentStart(c):
		switch p.ident() {
		case "True":
			return true, true
		case "False":
			return false, true
		case "None":
			return nil, true
		case "Ellipsis":
			return pyval.Ellipsis, true
		}
	}
	return nil, false
}

func (p *callParser) number() (pyval.Value, bool) {
	start := p.i
	if p.s[p.i] == '-' || p.s[p.i] == '+' {
		p.i++
	}
	isFloat := false
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' || c == 'e' || c == 'E':
			isFloat = true
		case (c == '-' || c == '+') && (p.s[p.i-1] == 'e' || p.s[p.i-1] == 'E'):
		default:
			goto done
		}
		p.i++
	}
done:
	text := p.s[start:p.i]
	if isFloat {
		if f, ok := simpleDecimal(text); ok {
			return f, true
		}
		f, err := strconv.ParseFloat(text, 64)
		return f, err == nil
	}
	digits := strings.TrimLeft(text, "+-")
	if len(digits) > 1 && digits[0] == '0' {
		return nil, false // 007 is a syntax error in Python; let the full parser say so
	}
	n, err := strconv.ParseInt(text, 10, 64)
	return n, err == nil
}

// closingQuote returns the index of the quote q that closes the string
// whose text starts at s[i:] (the first q, or qqq when triple, not escaped
// by an odd run of backslashes), or len(s) when there is none.
func closingQuote(s string, i int, q byte, triple bool) int {
	for j := i; ; j++ {
		k := strings.IndexByte(s[j:], q)
		if k < 0 {
			return len(s)
		}
		j += k
		backslashes := 0
		for m := j - 1; m >= i && s[m] == '\\'; m-- {
			backslashes++
		}
		if backslashes%2 == 0 && (!triple || strings.HasPrefix(s[j:], string([]byte{q, q, q}))) {
			return j
		}
	}
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// simpleDecimal reads a float literal of at most 15 digits and no
// exponent, such as "1.0" or "-22.75", the way the ground truth writes
// them: the digits make an integer below 2**53 and the divisor is an exact
// power of ten, so one division rounds correctly, as strconv.ParseFloat
// would. ok is false for any other text.
func simpleDecimal(text string) (f float64, ok bool) {
	neg := false
	switch {
	case text == "":
		return 0, false
	case text[0] == '-':
		neg, text = true, text[1:]
	case text[0] == '+':
		text = text[1:]
	}
	var mant uint64
	digits, frac, dot := 0, 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	f = float64(mant) / pow10[frac]
	if neg {
		f = -f
	}
	return f, true
}

// str reads a quoted string (single, double or triple quotes) with the
// common escapes; prefixes and rarer escapes go to the full parser.
func (p *callParser) str() (pyval.Value, bool) {
	q := p.s[p.i]
	// A short plain string (printable ASCII, no backslash) ends at the
	// first quote: one pass over it, the commonest argument.
	for j := p.i + 1; j < len(p.s) && j <= p.i+48; j++ {
		c := p.s[j]
		if c == q {
			if j == p.i+1 && strings.HasPrefix(p.s[j:], string([]byte{q, q})) {
				break // the start of a triple-quoted string
			}
			v := p.s[p.i+1 : j]
			p.i = j + 1
			return v, true
		}
		if c < ' ' || c > '~' || c == '\\' {
			break
		}
	}
	triple := strings.HasPrefix(p.s[p.i:], string([]byte{q, q, q}))
	if triple {
		p.i += 3
	} else {
		p.i++
		// The common case, no escape and no line break: the text as it is.
		// (Found with vectorised byte searches: long-context calls carry
		// strings of kilobytes.)
		if j := strings.IndexByte(p.s[p.i:], q); j >= 0 {
			v := p.s[p.i : p.i+j]
			if strings.IndexByte(v, '\\') < 0 && strings.IndexByte(v, '\n') < 0 {
				if !utf8.ValidString(v) {
					return nil, false // not UTF-8: the full parser decides
				}
				p.i += j + 1
				return v, true
			}
		}
	}
	// The decoded text is no longer than the source up to the closing
	// quote (an escape is longer than what it stands for): room for that
	// much, found by skipping escaped quotes, means one allocation.
	var b strings.Builder
	b.Grow(closingQuote(p.s, p.i, q, triple) - p.i)
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == q && !triple:
			p.i++
			return b.String(), true
		case c == q && strings.HasPrefix(p.s[p.i:], string([]byte{q, q, q})):
			p.i += 3
			return b.String(), true
		case c == '\n' && !triple:
			return nil, false
		case c == '\\':
			if p.i+1 >= len(p.s) {
				return nil, false
			}
			e := p.s[p.i+1]
			p.i += 2
			switch e {
			case '\\', '\'', '"':
				b.WriteByte(e)
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '\n':
			case 'u', 'U':
				// \uXXXX and \UXXXXXXXX: a code point (a surrogate, which a
				// Go string cannot hold, is left to the full parser).
				n := 4
				if e == 'U' {
					n = 8
				}
				if p.i+n > len(p.s) {
					return nil, false
				}
				cp, err := strconv.ParseUint(p.s[p.i:p.i+n], 16, 32)
				if err != nil || cp > unicode.MaxRune || (cp >= 0xd800 && cp < 0xe000) {
					return nil, false
				}
				b.WriteRune(rune(cp))
				p.i += n
			default:
				return nil, false
			}
		default:
			// A run of plain text, up to the next quote, backslash or
			// line break, copied at once.
			j := p.i + 1
			for j < len(p.s) && p.s[j] != q && p.s[j] != '\\' && p.s[j] != '\n' {
				j++
			}
			run := p.s[p.i:j]
			if !utf8.ValidString(run) {
				return nil, false // not UTF-8: the full parser decides
			}
			b.WriteString(run)
			p.i = j
		}
	}
	return nil, false
}
