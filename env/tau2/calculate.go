package tau2

import (
	"math"
	"math/big"
	"math/cmplx"
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// calcChars are the characters the reference's calculate tool allows.
const calcChars = "0123456789+-*/(). "

// Calculate is the reference's calculate tool (GenericToolKit.calculate,
// repeated in the retail and airline toolkits):
//
//	if not all(char in "0123456789+-*/(). " for char in expression):
//	    raise ValueError("Invalid characters in expression")
//	return str(round(float(eval(expression, {"__builtins__": None}, {})), 2))
//
// It never evaluates code: it parses the expression as CPython 3.12 does
// for that alphabet (numbers, + - * / // **, parentheses, the empty
// tuple, the Ellipsis, calls) and computes with Python's number semantics:
// exact ints, IEEE floats, correctly rounded int/int division, float
// floor division and pow as CPython implements them. Errors are the
// exceptions Python raises, with CPython 3.12's texts: SyntaxError ("invalid
// syntax (<string>, line 1)", "'(' was never closed", "unmatched ')'",
// "invalid syntax. Perhaps you forgot a comma?", leading zeros),
// ZeroDivisionError, OverflowError and TypeError.
//
// One deliberate difference: an int power or product whose result would
// exceed 2**22 bits fails at once with OverflowError("int too large to convert to
// float"), where Python would spend seconds to hours computing it (and
// then, almost always, fail the same way converting it to float).
func Calculate(expression pyval.Value) (string, error) {
	items, err := Iter(expression)
	if err != nil {
		return "", err
	}
	for _, it := range items {
		s, ok := it.(string)
		if !ok {
			return "", pyval.TypeError("'in <string>' requires string as left operand, not " + pyval.TypeName(it))
		}
		if !strings.Contains(calcChars, s) {
			return "", pyval.ValueError("Invalid characters in expression")
		}
	}
	src, ok := expression.(string)
	if !ok {
		return "", pyval.TypeError("eval() arg 1 must be a string, bytes or code object")
	}
	v, err := evalExpr(src)
	if err != nil {
		return "", err
	}
	f, err := pyFloat(v)
	if err != nil {
		return "", err
	}
	return pyval.Repr(pyval.Round(f, 2)), nil
}

// Calculator values: *big.Int (int), float64, complex128, tupleVal (the
// empty tuple), ellipsisVal.
type (
	tupleVal    struct{}
	ellipsisVal struct{}
)

func calcTypeName(v any) string {
	switch v.(type) {
	case *big.Int:
		return "int"
	case float64:
		return "float"
	case complex128:
		return "complex"
	case tupleVal:
		return "tuple"
	case ellipsisVal:
		return "ellipsis"
	}
	return "object"
}

func pyFloat(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case *big.Int:
		return intToFloat(x)
	}
	return 0, pyval.TypeError("float() argument must be a string or a real number, not '" + calcTypeName(v) + "'")
}

func intToFloat(x *big.Int) (float64, error) {
	if x.IsInt64() {
		if i := x.Int64(); i > -(1<<53) && i < 1<<53 {
			return float64(i), nil
		}
	}
	f, _ := new(big.Float).SetInt(x).Float64()
	if math.IsInf(f, 0) {
		return 0, pyval.Exc("OverflowError", "int too large to convert to float")
	}
	return f, nil
}

func syntaxError(msg string, line int) error {
	return pyval.Exc("SyntaxError", msg+" (<string>, line "+strconv.Itoa(line)+")")
}

// Tokens.
type calcTok struct {
	kind  byte // 'n' number, 'o' operator, 'e' end
	text  string
	level int // parenthesis depth after the token
}

// calcLexer tokenizes lazily, as CPython's parser pulls tokens: a
// tokenizer error surfaces when the parser first asks for the token.
type calcLexer struct {
	src   string
	pos   int
	level int
	toks  []calcTok
	err   error // the tokenizer error, once met
	done  bool
	// scan is set for the tokenizing of the rest of the source after a
	// syntax error, where an unclosed parenthesis is not an error.
	scan bool
}

func (lx *calcLexer) fetch() {
	if lx.done {
		return
	}
	s := lx.src
	for lx.pos < len(s) && s[lx.pos] == ' ' {
		lx.pos++
	}
	if lx.pos >= len(s) {
		lx.done = true
		if lx.level > 0 && !lx.scan {
			lx.err = syntaxError("'(' was never closed", 1)
			return
		}
		lx.toks = append(lx.toks, calcTok{kind: 'e'})
		return
	}
	c := s[lx.pos]
	start := lx.pos
	switch {
	case c >= '0' && c <= '9' || c == '.' && lx.pos+1 < len(s) && s[lx.pos+1] >= '0' && s[lx.pos+1] <= '9':
		lx.number()
		if lx.err != nil {
			lx.done = true
			return
		}
		lx.toks = append(lx.toks, calcTok{kind: 'n', text: s[start:lx.pos], level: lx.level})
		return
	case c == '.':
		if strings.HasPrefix(s[lx.pos:], "...") {
			lx.pos += 3
		} else {
			lx.pos++
		}
	case c == '*' || c == '/':
		lx.pos++
		if lx.pos < len(s) && s[lx.pos] == c {
			lx.pos++
		}
	case c == '(':
		if lx.level >= maxParenLevel {
			lx.err = syntaxError("too many nested parentheses", 1)
			lx.done = true
			return
		}
		lx.pos++
		lx.level++
	case c == ')':
		if lx.level == 0 {
			lx.err = syntaxError("unmatched ')'", 1)
			lx.done = true
			return
		}
		lx.pos++
		lx.level--
	default: // + -
		lx.pos++
	}
	lx.toks = append(lx.toks, calcTok{kind: 'o', text: s[start:lx.pos], level: lx.level})
}

// number scans a number literal at lx.pos.
func (lx *calcLexer) number() {
	s := lx.src
	digits := func() {
		for lx.pos < len(s) && s[lx.pos] >= '0' && s[lx.pos] <= '9' {
			lx.pos++
		}
	}
	if s[lx.pos] == '.' {
		lx.pos++
		digits()
		return
	}
	if s[lx.pos] == '0' {
		for lx.pos < len(s) && s[lx.pos] == '0' {
			lx.pos++
		}
		nonzero := lx.pos < len(s) && s[lx.pos] >= '1' && s[lx.pos] <= '9'
		digits()
		if lx.pos < len(s) && s[lx.pos] == '.' {
			lx.pos++
			digits()
			return
		}
		if nonzero {
			lx.err = syntaxError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1)
		}
		return
	}
	digits()
	if lx.pos < len(s) && s[lx.pos] == '.' {
		lx.pos++
		digits()
	}
}

// Parsed expression nodes.
type calcNode struct {
	op   string // "num", "tuple", "ellipsis", "neg", "pos", "call", or a binary operator
	val  any    // the number of a "num"
	l, r *calcNode
	star string // a call's argument: "", "*" or "**" (r nil when no argument)
}

// calcAbort carries a parse error up through the recursion.
type calcAbort struct{ err error }

type calcParser struct {
	lx      *calcLexer
	pos     int
	invalid bool // pass 2: the grammar's invalid_ rules are on
	depth   int  // an estimate of CPython's parser stack depth
	memo    map[memoKey]memoEntry
}

// The parser memoizes sum at each position, as CPython's PEG parser
// memoizes its left-recursive rules: without it, pass 2 (where
// expression tries sum twice at the same position) takes time exponential
// in the nesting depth of parentheses.
type memoKey struct {
	pos     int
	invalid bool
}

type memoEntry struct {
	n   *calcNode
	end int
}

// CPython's limits on deep expressions: the parser's stack (reached by
// about 5975 nested unary operators, a parenthesised group costing
// 28 levels) and the compiler's recursion limit (an expression tree
// deeper than 2996 nodes).
const (
	maxParserDepth = 5975
	groupDepth     = 28
	maxASTDepth    = 2996
)

func (p *calcParser) enter(n int) {
	p.depth += n
	if p.depth >= maxParserDepth {
		panic(calcAbort{pyval.Exc("MemoryError", "Parser stack overflowed - Python source too complex to parse")})
	}
}

func (p *calcParser) peek() calcTok {
	for p.pos >= len(p.lx.toks) {
		if p.lx.err != nil {
			panic(calcAbort{p.lx.err})
		}
		p.lx.fetch()
	}
	return p.lx.toks[p.pos]
}

func (p *calcParser) is(text string) bool {
	t := p.peek()
	return t.kind == 'o' && t.text == text
}

// evalExpr parses and evaluates src as eval() would.
func evalExpr(src string) (v any, err error) {
	src = strings.TrimLeft(src, " ")
	lx := &calcLexer{src: src}
	n, err := parseCalc(lx)
	if err != nil {
		return nil, err
	}
	if astDepth(n) > maxASTDepth {
		return nil, pyval.Exc("RecursionError", "maximum recursion depth exceeded during compilation")
	}
	return evalNode(n)
}

func parseCalc(lx *calcLexer) (*calcNode, error) {
	memo := make(map[memoKey]memoEntry)
	p := &calcParser{lx: lx, memo: memo}
	n, perr := p.run()
	if n != nil {
		return n, nil
	}
	if perr == nil {
		// Second pass with the invalid_ rules, which raise specific errors.
		p = &calcParser{lx: lx, invalid: true, memo: memo}
		_, perr = p.run()
	}
	if lx.err != nil {
		return nil, lx.err // tokenizer errors stop the parser at once
	}
	// A custom or generic syntax error: a tokenizer error further on in
	// the source (not an unclosed parenthesis) takes precedence.
	lx.scan = true
	for !lx.done {
		lx.fetch()
	}
	if lx.err != nil {
		return nil, lx.err
	}
	if perr != nil {
		return nil, perr
	}
	line := 1
	if len(lx.toks) == 1 && lx.toks[0].kind == 'e' {
		line = 0
	}
	return nil, syntaxError("invalid syntax", line)
}

// run parses the input; a non-nil error is a syntax error raised by a
// rule (or the tokenizer: then lx.err is set too).
func (p *calcParser) run() (n *calcNode, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, ok := r.(calcAbort)
			if !ok {
				panic(r)
			}
			n, err = nil, a.err
		}
	}()
	return p.evalInput(), nil
}

func (p *calcParser) evalInput() *calcNode {
	n := p.expression()
	if n == nil || p.peek().kind != 'e' {
		return nil
	}
	return n
}

// expression is the grammar's expression rule; in pass 2 it first tries
// invalid_expression: two expressions side by side inside brackets.
func (p *calcParser) expression() *calcNode {
	if p.invalid {
		start := p.pos
		if a := p.sum(); a != nil {
			q := &calcParser{lx: p.lx, pos: p.pos, memo: p.memo}
			if b := q.expression(); b != nil && p.lx.toks[q.pos-1].level > 0 {
				panic(calcAbort{syntaxError("invalid syntax. Perhaps you forgot a comma?", 1)})
			}
		}
		p.pos = start
	}
	return p.sum()
}

func (p *calcParser) sum() *calcNode {
	key := memoKey{p.pos, p.invalid}
	if e, ok := p.memo[key]; ok {
		p.pos = e.end
		return e.n
	}
	n := p.sumRule()
	p.memo[key] = memoEntry{n, p.pos}
	return n
}

func (p *calcParser) sumRule() *calcNode {
	n := p.term()
	if n == nil {
		return nil
	}
	for p.is("+") || p.is("-") {
		save := p.pos
		op := p.peek().text
		p.pos++
		r := p.term()
		if r == nil {
			p.pos = save
			return n
		}
		n = &calcNode{op: op, l: n, r: r}
	}
	return n
}

func (p *calcParser) term() *calcNode {
	n := p.factor()
	if n == nil {
		return nil
	}
	for p.is("*") || p.is("/") || p.is("//") {
		save := p.pos
		op := p.peek().text
		p.pos++
		r := p.factor()
		if r == nil {
			p.pos = save
			return n
		}
		n = &calcNode{op: op, l: n, r: r}
	}
	return n
}

func (p *calcParser) factor() *calcNode {
	if p.is("+") || p.is("-") {
		save := p.pos
		op := "pos"
		if p.peek().text == "-" {
			op = "neg"
		}
		p.pos++
		p.enter(1)
		x := p.factor()
		p.depth--
		if x != nil {
			return &calcNode{op: op, l: x}
		}
		p.pos = save
		return nil
	}
	return p.power()
}

func (p *calcParser) power() *calcNode {
	n := p.primary()
	if n == nil {
		return nil
	}
	if p.is("**") {
		save := p.pos
		p.pos++
		if r := p.factor(); r != nil {
			return &calcNode{op: "**", l: n, r: r}
		}
		p.pos = save
	}
	return n
}

func (p *calcParser) primary() *calcNode {
	n := p.atom()
	if n == nil {
		return nil
	}
	for {
		if p.is(".") {
			// primary '.' NAME: the parser looks at the token after the
			// dot, which is never a NAME here.
			p.pos++
			p.peek()
			p.pos--
			return n
		}
		if !p.is("(") {
			return n
		}
		save := p.pos
		p.pos++
		call := &calcNode{op: "call", l: n}
		if !p.is(")") {
			if p.is("*") || p.is("**") {
				call.star = p.peek().text
				p.pos++
			}
			if call.r = p.expression(); call.r == nil {
				p.pos = save
				return n
			}
		}
		if !p.is(")") {
			p.pos = save
			return n
		}
		p.pos++
		n = call
	}
}

func (p *calcParser) atom() *calcNode {
	t := p.peek()
	switch {
	case t.kind == 'n':
		p.pos++
		return &calcNode{op: "num", val: p.number(t.text)}
	case t.kind == 'o' && t.text == "...":
		p.pos++
		return &calcNode{op: "ellipsis"}
	case t.kind == 'o' && t.text == "(":
		save := p.pos
		p.pos++
		if p.is(")") {
			p.pos++
			return &calcNode{op: "tuple"}
		}
		p.enter(groupDepth)
		inner := p.expression()
		p.depth -= groupDepth
		if inner != nil && p.is(")") {
			p.pos++
			return inner
		}
		p.pos = save + 1
		if p.invalid {
			// invalid_group: '(' starred_expression ')' or '(' '**' expression ')'.
			if p.is("*") || p.is("**") {
				star := p.peek().text
				p.pos++
				if e := p.expression(); e != nil && p.is(")") {
					if star == "*" {
						panic(calcAbort{syntaxError("cannot use starred expression here", 1)})
					}
					panic(calcAbort{syntaxError("cannot use double starred expression here", 1)})
				}
			}
		}
		p.pos = save
	}
	return nil
}

// maxParenLevel is the CPython tokenizer's MAXLEVEL.
const maxParenLevel = 200

// maxIntDigits is CPython's default sys.get_int_max_str_digits().
const maxIntDigits = 4300

func (p *calcParser) number(text string) any {
	if strings.ContainsRune(text, '.') {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !math.IsInf(f, 0) {
			panic(calcAbort{syntaxError("invalid syntax", 1)})
		}
		return f
	}
	if len(text) > maxIntDigits {
		panic(calcAbort{syntaxError("Exceeds the limit (4300 digits) for integer string conversion: value has "+strconv.Itoa(len(text))+" digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", 1)})
	}
	n, _ := new(big.Int).SetString(text, 10)
	return n
}

// astDepth is the depth of the expression tree.
func astDepth(n *calcNode) int {
	if n == nil {
		return 0
	}
	return 1 + max(astDepth(n.l), astDepth(n.r))
}

// Evaluation.

func evalNode(n *calcNode) (any, error) {
	switch n.op {
	case "num":
		return n.val, nil
	case "tuple":
		return tupleVal{}, nil
	case "ellipsis":
		return ellipsisVal{}, nil
	case "neg", "pos":
		x, err := evalNode(n.l)
		if err != nil {
			return nil, err
		}
		return unary(n.op, x)
	case "call":
		f, err := evalNode(n.l)
		if err != nil {
			return nil, err
		}
		if n.r != nil {
			a, err := evalNode(n.r)
			if err != nil {
				return nil, err
			}
			switch n.star {
			case "*":
				if _, ok := a.(tupleVal); !ok {
					return nil, pyval.TypeError(calcStr(f) + " argument after * must be an iterable, not " + calcTypeName(a))
				}
			case "**":
				return nil, pyval.TypeError(calcStr(f) + " argument after ** must be a mapping, not " + calcTypeName(a))
			}
		}
		return nil, pyval.TypeError("'" + calcTypeName(f) + "' object is not callable")
	}
	a, err := evalNode(n.l)
	if err != nil {
		return nil, err
	}
	b, err := evalNode(n.r)
	if err != nil {
		return nil, err
	}
	return binary(n.op, a, b)
}

// calcStr is str(v) as _PyObject_FunctionStr prints a non-function.
func calcStr(v any) string {
	switch x := v.(type) {
	case *big.Int:
		return x.String()
	case float64:
		return pyval.Repr(x)
	case complex128:
		return complexRepr(x)
	case tupleVal:
		return "()"
	case ellipsisVal:
		return "Ellipsis"
	}
	return "?"
}

func complexRepr(c complex128) string {
	re, im := real(c), imag(c)
	ims := pyval.Repr(im)
	if re == 0 && !math.Signbit(re) {
		return strings.TrimSuffix(ims, ".0") + "j"
	}
	sign := "+"
	if im < 0 || math.Signbit(im) {
		sign = ""
	}
	return "(" + strings.TrimSuffix(pyval.Repr(re), ".0") + sign + strings.TrimSuffix(ims, ".0") + "j)"
}

func unary(op string, x any) (any, error) {
	switch v := x.(type) {
	case *big.Int:
		if op == "neg" {
			return new(big.Int).Neg(v), nil
		}
		return v, nil
	case float64:
		if op == "neg" {
			return -v, nil
		}
		return v, nil
	case complex128:
		if op == "neg" {
			return -v, nil
		}
		return v, nil
	}
	sym := "-"
	if op == "pos" {
		sym = "+"
	}
	return nil, pyval.TypeError("bad operand type for unary " + sym + ": '" + calcTypeName(x) + "'")
}

func isNum(v any) bool {
	switch v.(type) {
	case *big.Int, float64, complex128:
		return true
	}
	return false
}

func unsupported(op string, a, b any) error {
	if op == "**" {
		op = "** or pow()"
	}
	return pyval.TypeError("unsupported operand type(s) for " + op + ": '" + calcTypeName(a) + "' and '" + calcTypeName(b) + "'")
}

func binary(op string, a, b any) (any, error) {
	_, at := a.(tupleVal)
	_, bt := b.(tupleVal)
	if at || bt {
		return tupleBinary(op, a, b, at, bt)
	}
	if !isNum(a) || !isNum(b) {
		return nil, unsupported(op, a, b)
	}
	_, ac := a.(complex128)
	_, bc := b.(complex128)
	if ac || bc {
		return complexBinary(op, a, b)
	}
	ai, aInt := a.(*big.Int)
	bi, bInt := b.(*big.Int)
	if aInt && bInt {
		return intBinary(op, ai, bi)
	}
	x, err := pyFloat(a)
	if err != nil {
		return nil, err
	}
	y, err := pyFloat(b)
	if err != nil {
		return nil, err
	}
	return floatBinary(op, x, y)
}

func tupleBinary(op string, a, b any, at, bt bool) (any, error) {
	switch op {
	case "+":
		if at && bt {
			return tupleVal{}, nil
		}
		if at {
			return nil, pyval.TypeError(`can only concatenate tuple (not "` + calcTypeName(b) + `") to tuple`)
		}
	case "*":
		other := b
		if !at {
			other = a
		}
		if n, ok := other.(*big.Int); ok {
			if !n.IsInt64() {
				return nil, pyval.Exc("OverflowError", "cannot fit 'int' into an index-sized integer")
			}
			return tupleVal{}, nil
		}
		return nil, pyval.TypeError("can't multiply sequence by non-int of type '" + calcTypeName(other) + "'")
	}
	return nil, unsupported(op, a, b)
}

// maxPowBits bounds int powers (see Calculate).
const maxPowBits = 1 << 22

func intBinary(op string, x, y *big.Int) (any, error) {
	switch op {
	case "+":
		return new(big.Int).Add(x, y), nil
	case "-":
		return new(big.Int).Sub(x, y), nil
	case "*":
		if x.BitLen()+y.BitLen() > maxPowBits+1 && x.Sign() != 0 && y.Sign() != 0 {
			return nil, pyval.Exc("OverflowError", "int too large to convert to float")
		}
		return new(big.Int).Mul(x, y), nil
	case "/":
		return pyval.IntTrueDiv(x, y)
	case "//":
		if y.Sign() == 0 {
			return nil, pyval.ZeroDivisionError("integer division or modulo by zero")
		}
		q, r := new(big.Int).QuoRem(x, y, new(big.Int))
		if r.Sign() != 0 && (r.Sign() < 0) != (y.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
		}
		return q, nil
	case "**":
		if y.Sign() < 0 {
			fx, err := intToFloat(x)
			if err != nil {
				return nil, err
			}
			fy, err := intToFloat(y)
			if err != nil {
				return nil, err
			}
			return floatBinary("**", fx, fy)
		}
		if x.CmpAbs(big.NewInt(1)) > 0 {
			if !y.IsInt64() || uint64(x.BitLen()-1)*uint64(y.Int64()) > maxPowBits {
				return nil, pyval.Exc("OverflowError", "int too large to convert to float")
			}
		}
		return new(big.Int).Exp(x, y, nil), nil
	}
	return nil, unsupported(op, x, y)
}

func floatBinary(op string, x, y float64) (any, error) {
	switch op {
	case "+":
		return x + y, nil
	case "-":
		return x - y, nil
	case "*":
		return x * y, nil
	case "/":
		if y == 0 {
			return nil, pyval.ZeroDivisionError("float division by zero")
		}
		return x / y, nil
	case "//":
		if y == 0 {
			return nil, pyval.ZeroDivisionError("float floor division by zero")
		}
		return floatFloorDiv(x, y), nil
	case "**":
		return floatPow(x, y)
	}
	return nil, unsupported(op, x, y)
}

// floatFloorDiv is CPython's float_floor_div (_float_div_mod).
func floatFloorDiv(vx, wx float64) float64 {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			div -= 1.0
		}
	}
	if div != 0 {
		fl := math.Floor(div)
		if div-fl > 0.5 {
			fl += 1.0
		}
		return fl
	}
	return math.Copysign(0, vx/wx)
}

// floatPow is CPython's float_pow.
func floatPow(iv, iw float64) (any, error) {
	if iw == 0 {
		return 1.0, nil
	}
	if math.IsNaN(iv) {
		return iv, nil
	}
	if math.IsNaN(iw) {
		if iv == 1.0 {
			return 1.0, nil
		}
		return iw, nil
	}
	if math.IsInf(iw, 0) {
		av := math.Abs(iv)
		switch {
		case av == 1.0:
			return 1.0, nil
		case (iw > 0) == (av > 1.0):
			return math.Abs(iw), nil
		}
		return 0.0, nil
	}
	iwIsOdd := math.Mod(math.Abs(iw), 2.0) == 1.0
	if math.IsInf(iv, 0) {
		if iw > 0 {
			if iwIsOdd {
				return iv, nil
			}
			return math.Abs(iv), nil
		}
		if iwIsOdd {
			return math.Copysign(0, iv), nil
		}
		return 0.0, nil
	}
	if iv == 0 {
		if iw < 0 {
			return nil, pyval.ZeroDivisionError("0.0 cannot be raised to a negative power")
		}
		if iwIsOdd {
			return iv, nil
		}
		return 0.0, nil
	}
	negate := false
	if iv < 0 {
		if iw != math.Floor(iw) {
			return complexPow(complex(iv, 0), complex(iw, 0))
		}
		iv = -iv
		negate = iwIsOdd
	}
	if iv == 1.0 {
		if negate {
			return -1.0, nil
		}
		return 1.0, nil
	}
	ix := powCorrect(iv, iw)
	if math.IsInf(ix, 0) {
		return nil, pyval.Exc("OverflowError", "(34, 'Numerical result out of range')")
	}
	if negate {
		ix = -ix
	}
	return ix, nil
}

// powCorrect returns x**y for x > 0 as glibc's pow (which the
// reference's CPython calls) gives it, to well under an ulp: for y a
// multiple of 1/8 of moderate size, correctly rounded from an exact power
// and square roots computed with 300 bits; otherwise Go's math.Pow, which
// may differ from glibc in the last bit. (glibc itself is not correctly
// rounded in every case: an exact tie, such as 82.0**10, may round
// either way.)
func powCorrect(x, y float64) float64 {
	for m := 0; m <= 3; m++ {
		k := y * float64(int(1)<<m)
		if k != math.Trunc(k) || math.Abs(k) > 1<<20 {
			continue
		}
		const prec = 300
		n := int64(math.Abs(k))
		base := new(big.Float).SetPrec(prec).SetFloat64(x)
		acc := new(big.Float).SetPrec(prec).SetInt64(1)
		for n > 0 {
			if n&1 == 1 {
				acc.Mul(acc, base)
			}
			n >>= 1
			if n > 0 {
				base.Mul(base, base)
			}
		}
		for i := 0; i < m; i++ {
			acc.Sqrt(acc)
		}
		if k < 0 {
			acc.Quo(new(big.Float).SetPrec(prec).SetInt64(1), acc)
		}
		f, _ := acc.Float64()
		return f
	}
	return math.Pow(x, y)
}

func toComplex(v any) (complex128, error) {
	switch x := v.(type) {
	case complex128:
		return x, nil
	case float64:
		return complex(x, 0), nil
	case *big.Int:
		f, err := intToFloat(x)
		return complex(f, 0), err
	}
	return 0, nil
}

func complexBinary(op string, a, b any) (any, error) {
	x, err := toComplex(a)
	if err != nil {
		return nil, err
	}
	y, err := toComplex(b)
	if err != nil {
		return nil, err
	}
	switch op {
	case "+":
		return x + y, nil
	case "-":
		return x - y, nil
	case "*":
		return x * y, nil
	case "/":
		if y == 0 {
			return nil, pyval.ZeroDivisionError("complex division by zero")
		}
		return x / y, nil
	case "**":
		return complexPow(x, y)
	}
	return nil, unsupported(op, a, b)
}

func complexPow(x, y complex128) (any, error) {
	if y == 0 {
		return complex(1, 0), nil
	}
	if x == 0 {
		if real(y) < 0 || imag(y) != 0 {
			return nil, pyval.ZeroDivisionError("0.0 to a negative or complex power")
		}
		return complex(0, 0), nil
	}
	r := cmplx.Pow(x, y)
	if cmplx.IsInf(r) {
		return nil, pyval.Exc("OverflowError", "complex exponentiation")
	}
	return r, nil
}
