package taubench

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// The calculate tool evaluates eval(expression, {"__builtins__": None},
// {}) for expressions made of "0123456789+-*/(). ". This file reproduces
// how CPython 3.11 reads such a string: its tokenizer (numbers, operators,
// '...', parenthesis levels and the tokenizer's own errors) and its PEG
// parser, restricted to the rules these tokens can reach, with the
// parser's two passes (the second trying the invalid_* rules that give
// specialised messages), its memoisation (shared by both modes, as in
// CPython) and the order in which it fetches tokens, which decides
// whether an unclosed parenthesis is reported. calc_eval.go evaluates the
// resulting tree.

type tokKind uint8

const (
	tNum tokKind = iota
	tPlus
	tMinus
	tStar
	tDStar
	tSlash
	tDSlash
	tLPar
	tRPar
	tDot
	tEllipsis
	tNewline
	tEnd
)

type token struct {
	kind  tokKind
	text  string // a number's digits
	level int    // parenthesis level after the token, as CPython records it
}

// syntaxError is a SyntaxError raised while reading the expression; its
// text is str(SyntaxError) for a one-line source.
type syntaxError struct{ msg string }

func (e syntaxError) text(line int) string {
	return fmt.Sprintf("%s (<string>, line %d)", e.msg, line)
}

const (
	maxParenLevel = 200  // CPython's MAXLEVEL
	maxIntDigits  = 4300 // sys.int_info.default_max_str_digits
	// astDepthLimit is the deepest expression tree CPython 3.11 compiles
	// when eval runs where tau-bench calls it: the compiler allows three
	// levels per free Python frame of the default recursion limit (1000),
	// and tau-bench's runner calls eval about ten frames deep (worker
	// thread, _run, agent.solve, Env.step, invoke), which leaves 2973.
	astDepthLimit = 2973
)

// tokenize splits s as CPython's tokenizer does; it stops at the first
// tokenizer error. When the source ends inside parentheses no NEWLINE or
// ENDMARKER follows the tokens.
func tokenize(s string) (toks []token, err *syntaxError) {
	level := 0
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ':
			i++
			continue
		case c >= '0' && c <= '9':
			n, e := scanNumber(s, i)
			if e != nil {
				return toks, e
			}
			toks = append(toks, token{kind: tNum, text: s[i:n], level: level})
			i = n
			continue
		case c == '.':
			if i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				n := fraction(s, i+1)
				toks = append(toks, token{kind: tNum, text: s[i:n], level: level})
				i = n
				continue
			}
			if i+2 < len(s) && s[i+1] == '.' && s[i+2] == '.' {
				toks = append(toks, token{kind: tEllipsis, level: level})
				i += 3
				continue
			}
			toks = append(toks, token{kind: tDot, level: level})
		case c == '(':
			if level >= maxParenLevel {
				return toks, &syntaxError{"too many nested parentheses"}
			}
			level++
			toks = append(toks, token{kind: tLPar, level: level})
		case c == ')':
			if level == 0 {
				return toks, &syntaxError{"unmatched ')'"}
			}
			level--
			toks = append(toks, token{kind: tRPar, level: level})
		case c == '+':
			toks = append(toks, token{kind: tPlus, level: level})
		case c == '-':
			toks = append(toks, token{kind: tMinus, level: level})
		case c == '*':
			if i+1 < len(s) && s[i+1] == '*' {
				toks = append(toks, token{kind: tDStar, level: level})
				i += 2
				continue
			}
			toks = append(toks, token{kind: tStar, level: level})
		case c == '/':
			if i+1 < len(s) && s[i+1] == '/' {
				toks = append(toks, token{kind: tDSlash, level: level})
				i += 2
				continue
			}
			toks = append(toks, token{kind: tSlash, level: level})
		default:
			// Unreachable: the tool rejects other characters first.
			return toks, &syntaxError{"invalid character"}
		}
		i++
	}
	if level == 0 {
		toks = append(toks, token{kind: tNewline}, token{kind: tEnd})
	}
	return toks, nil
}

func digitsEnd(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// fraction scans the digits after a decimal point at s[i-1].
func fraction(s string, i int) int { return digitsEnd(s, i) }

// scanNumber scans a number starting with a digit at s[i].
func scanNumber(s string, i int) (int, *syntaxError) {
	if s[i] == '0' {
		j := i
		for j < len(s) && s[j] == '0' {
			j++
		}
		nonzero := false
		if j < len(s) && s[j] >= '1' && s[j] <= '9' {
			nonzero = true
			j = digitsEnd(s, j)
		}
		if j < len(s) && s[j] == '.' {
			return fraction(s, j+1), nil
		}
		if nonzero {
			return 0, &syntaxError{"leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"}
		}
		return j, nil
	}
	j := digitsEnd(s, i)
	if j < len(s) && s[j] == '.' {
		return fraction(s, j+1), nil
	}
	return j, nil
}

// Expression tree.

type nodeKind uint8

const (
	nConst nodeKind = iota
	nEllipsis
	nTuple // the empty tuple: no other tuple can be written without commas
	nUnary
	nBinary
	nCall
)

type node struct {
	kind nodeKind
	op   tokKind // nUnary: tPlus or tMinus; nBinary: the operator
	val  cval    // nConst
	a, b *node   // operands; nCall: a the callee, b the argument (or nil)
	star int     // nCall: 1 for f(*b), 2 for f(**b)
}

// depth returns the node's depth as CPython's compiler counts it (a
// starred argument is a node of its own, a ** argument is not).
func (n *node) depth() int {
	if n == nil {
		return 0
	}
	switch n.kind {
	case nUnary:
		return 1 + n.a.depth()
	case nBinary:
		return 1 + max(n.a.depth(), n.b.depth())
	case nCall:
		d := n.b.depth()
		if n.star == 1 {
			d++
		}
		return 1 + max(n.a.depth(), d)
	}
	return 1
}

// Parser.

type rule uint8

const (
	rExpression  rule = iota
	rDisjunction      // disjunction, conjunction and inversion (memoised together)
	rBitwiseOr        // bitwise_or .. sum (left-recursive, memoised)
	rTerm
	rFactor
	rPrimary // await_primary and primary
	rArguments
	rInvalidNamed
	nRules
)

type memoEntry struct {
	n   *node
	end int
	ok  bool
}

// maxStack is CPython's MAXSTACK: entering a parser rule function
// nested deeper raises MemoryError.
const maxStack = 6000

// memoryError is the parser's MemoryError (its str is empty).
type memoryError struct{}

type parser struct {
	toks    []token
	tokErr  *syntaxError // the tokenizer's error after toks, if any
	pos     int
	invalid bool // the second pass: invalid_* rules are tried
	depth   int  // nesting of CPython's rule functions
	memo    []map[int]memoEntry
}

// tok returns the token at i, fetching it as CPython's parser would:
// fetching the position of a tokenizer error raises it, and a fetch past
// the end of a source that ends inside parentheses raises "'(' was never
// closed".
func (p *parser) tok(i int) token {
	if i >= len(p.toks) {
		if p.tokErr != nil {
			panic(*p.tokErr)
		}
		panic(syntaxError{"'(' was never closed"})
	}
	return p.toks[i]
}

func (p *parser) peek(k tokKind) bool { return p.tok(p.pos).kind == k }

func (p *parser) accept(k tokKind) bool {
	if p.peek(k) {
		p.pos++
		return true
	}
	return false
}

// enter accounts for n nested rule functions; leave undoes it.
func (p *parser) enter(n int) {
	p.depth += n
	if p.depth > maxStack {
		panic(memoryError{})
	}
}

func (p *parser) leave(n int) { p.depth -= n }

// memoized runs f for rule r at the current position once per pass; the
// memo is shared by both modes of the second pass, as CPython's is.
func (p *parser) memoized(r rule, f func() (*node, bool)) (*node, bool) {
	start := p.pos
	if e, ok := p.memo[r][start]; ok {
		p.pos = e.end
		return e.n, e.ok
	}
	n, ok := f()
	if !ok {
		p.pos = start
	}
	p.memo[r][start] = memoEntry{n, p.pos, ok}
	return n, ok
}

// try runs an alternative, restoring the position when it fails.
func (p *parser) try(f func() (*node, bool)) (*node, bool) {
	start := p.pos
	n, ok := f()
	if !ok {
		p.pos = start
	}
	return n, ok
}

// parseError is what parseExpr reports: a SyntaxError, or the parser's
// MemoryError (mem).
type parseError struct {
	syntax *syntaxError
	mem    bool
}

// parseExpr parses the tokens as eval input, in CPython's two passes.
func parseExpr(toks []token, tokErr *syntaxError) (*node, *parseError) {
	p := &parser{toks: toks, tokErr: tokErr}
	run := func(invalid bool) (n *node, ok bool, e *parseError) {
		defer func() {
			if r := recover(); r != nil {
				switch x := r.(type) {
				case syntaxError:
					n, ok, e = nil, false, &parseError{syntax: &x}
				case memoryError:
					n, ok, e = nil, false, &parseError{mem: true}
				default:
					panic(r)
				}
			}
		}()
		p.pos, p.invalid, p.depth = 0, invalid, 0
		if invalid {
			// Measured: CPython's second pass runs two rule levels
			// deeper than the first.
			p.depth = 2
		}
		p.memo = make([]map[int]memoEntry, nRules)
		for i := range p.memo {
			p.memo[i] = map[int]memoEntry{}
		}
		n, ok = p.evalInput()
		return n, ok, nil
	}
	n, ok, e := run(false)
	if e == nil && !ok {
		_, _, e = run(true)
		if e == nil {
			e = &parseError{syntax: &syntaxError{"invalid syntax"}}
		}
	}
	if e != nil && !e.mem && tokErr != nil {
		// A SyntaxError of the parser gives way to the tokenizer's error
		// further on (_PyPegen_tokenize_full_source_to_check_for_errors).
		e = &parseError{syntax: tokErr}
	}
	return n, e
}

// eval: expressions NEWLINE* ENDMARKER
func (p *parser) evalInput() (*node, bool) {
	p.enter(2) // eval_rule, expressions_rule
	defer p.leave(2)
	// expressions: its comma alternatives each parse an expression and
	// peek at the token after it; the memo makes them one parse.
	e, ok := p.expression()
	if !ok {
		return nil, false
	}
	for p.accept(tNewline) {
	}
	if !p.accept(tEnd) {
		return nil, false
	}
	return e, true
}

// expression (memo):
//
//	invalid_expression | invalid_legacy_expression
//	| disjunction 'if' disjunction 'else' expression | disjunction | lambdef
func (p *parser) expression() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	return p.memoized(rExpression, func() (*node, bool) {
		if p.invalid {
			p.invalidExpression()
		}
		return p.disjunction()
	})
}

// invalid_expression:
//
//	!(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
//	| a=disjunction 'if' b=disjunction !('else'|':')
func (p *parser) invalidExpression() {
	p.enter(1)
	defer p.leave(1)
	p.tok(p.pos) // !(NAME STRING | SOFT_KEYWORD)
	p.try(func() (*node, bool) {
		if _, ok := p.disjunction(); !ok {
			return nil, false
		}
		if _, ok := p.expressionWithoutInvalid(); !ok {
			return nil, false
		}
		if p.toks[p.pos-1].level > 0 {
			panic(syntaxError{"invalid syntax. Perhaps you forgot a comma?"})
		}
		return nil, false
	})
	// a=disjunction 'if' ...: 'if' cannot follow.
	start := p.pos
	p.disjunction()
	p.pos = start
}

// expression_without_invalid: the expression alternatives with the
// invalid rules off (the memo stays shared).
func (p *parser) expressionWithoutInvalid() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	saved := p.invalid
	p.invalid = false
	defer func() { p.invalid = saved }()
	return p.disjunction()
}

// disjunction (memo) -> conjunction (memo) -> inversion (memo) ->
// comparison -> bitwise_or: no token of ours continues a disjunction,
// conjunction or comparison, so they only peek at the next token.
func (p *parser) disjunction() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	return p.memoized(rDisjunction, func() (*node, bool) {
		p.enter(3)
		defer p.leave(3)
		return p.bitwiseOr()
	})
}

// bitwise_or (left-recursive, memo) down to sum: bitwise_or_raw,
// bitwise_xor, bitwise_and and shift_expr (rule and raw each) only peek;
// sum: sum ('+' | '-') term | term.
func (p *parser) bitwiseOr() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	return p.memoized(rBitwiseOr, func() (*node, bool) {
		p.enter(9)
		defer p.leave(9)
		a, ok := p.term()
		if !ok {
			return nil, false
		}
		for {
			mark := p.pos
			t := p.tok(p.pos).kind
			if t != tPlus && t != tMinus {
				break
			}
			p.pos++
			b, ok := p.term()
			if !ok {
				p.pos = mark
				break
			}
			a = &node{kind: nBinary, op: t, a: a, b: b}
		}
		return a, true
	})
}

// term (left-recursive): term ('*' | '/' | '//' | '%' | '@') factor | factor
func (p *parser) term() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	return p.memoized(rTerm, func() (*node, bool) {
		p.enter(1) // term_raw
		defer p.leave(1)
		a, ok := p.factor()
		if !ok {
			return nil, false
		}
		for {
			mark := p.pos
			t := p.tok(p.pos).kind
			if t != tStar && t != tSlash && t != tDSlash {
				break
			}
			p.pos++
			b, ok := p.factor()
			if !ok {
				p.pos = mark
				break
			}
			a = &node{kind: nBinary, op: t, a: a, b: b}
		}
		return a, true
	})
}

// factor (memo): '+' factor | '-' factor | '~' factor | power
func (p *parser) factor() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	return p.memoized(rFactor, func() (*node, bool) {
		for _, op := range []tokKind{tPlus, tMinus} {
			if n, ok := p.try(func() (*node, bool) {
				if !p.accept(op) {
					return nil, false
				}
				a, ok := p.factor()
				if !ok {
					return nil, false
				}
				return &node{kind: nUnary, op: op, a: a}, true
			}); ok {
				return n, true
			}
		}
		return p.power()
	})
}

// power: await_primary '**' factor | await_primary
func (p *parser) power() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	if n, ok := p.try(func() (*node, bool) {
		a, ok := p.primary()
		if !ok || !p.accept(tDStar) {
			return nil, false
		}
		b, ok := p.factor()
		if !ok {
			return nil, false
		}
		return &node{kind: nBinary, op: tDStar, a: a, b: b}, true
	}); ok {
		return n, true
	}
	return p.primary()
}

// primary (await_primary's memo, then the left-recursive primary):
//
//	primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//	| primary '[' slices ']' | atom
func (p *parser) primary() (*node, bool) {
	p.enter(1) // await_primary_rule
	defer p.leave(1)
	return p.memoized(rPrimary, func() (*node, bool) {
		p.enter(2) // primary_rule, primary_raw
		defer p.leave(2)
		a, ok := p.atom()
		if !ok {
			return nil, false
		}
		for {
			mark := p.pos
			if p.accept(tDot) {
				p.tok(p.pos) // NAME
				p.pos = mark
			}
			p.try(p.genexp)
			p.pos = mark
			if n, ok := p.try(func() (*node, bool) {
				if !p.accept(tLPar) {
					return nil, false
				}
				call := &node{kind: nCall, a: a}
				if args, ok := p.arguments(); ok {
					call.b, call.star = args.b, args.star
				}
				if !p.accept(tRPar) {
					return nil, false
				}
				return call, true
			}); ok {
				a = n
				continue
			}
			p.pos = mark
			return a, true
		}
	})
}

// atom: NUMBER | &'(' (tuple | group | genexp) | '...' (the others need
// tokens these expressions cannot hold).
func (p *parser) atom() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	t := p.tok(p.pos)
	switch t.kind {
	case tNum:
		p.pos++
		v, err := numberValue(t.text)
		if err != nil {
			panic(*err)
		}
		return &node{kind: nConst, val: v}, true
	case tEllipsis:
		p.pos++
		return &node{kind: nEllipsis}, true
	case tLPar:
		p.enter(1) // the group (tuple | group | genexp)
		defer p.leave(1)
		if n, ok := p.try(p.tuple); ok {
			return n, true
		}
		if n, ok := p.try(p.group); ok {
			return n, true
		}
		return p.try(p.genexp)
	}
	return nil, false
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
func (p *parser) tuple() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	if !p.accept(tLPar) {
		return nil, false
	}
	p.try(func() (*node, bool) {
		p.enter(1) // the optional group
		defer p.leave(1)
		if _, ok := p.starNamedExpression(); !ok {
			return nil, false
		}
		p.tok(p.pos) // ','
		return nil, false
	})
	if !p.accept(tRPar) {
		return nil, false
	}
	return &node{kind: nTuple}, true
}

// star_named_expression: '*' bitwise_or | named_expression
func (p *parser) starNamedExpression() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	if n, ok := p.try(func() (*node, bool) {
		if !p.accept(tStar) {
			return nil, false
		}
		return p.bitwiseOr()
	}); ok {
		return n, true
	}
	return p.namedExpression()
}

// group: '(' (yield_expr | named_expression) ')' | invalid_group
func (p *parser) group() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	if n, ok := p.try(func() (*node, bool) {
		if !p.accept(tLPar) {
			return nil, false
		}
		p.enter(1) // (yield_expr | named_expression)
		n, ok := p.namedExpression()
		p.leave(1)
		if !ok || !p.accept(tRPar) {
			return nil, false
		}
		return n, true
	}); ok {
		return n, true
	}
	if p.invalid {
		p.invalidGroup()
	}
	return nil, false
}

// invalid_group: '(' starred_expression ')' | '(' '**' expression ')'
func (p *parser) invalidGroup() {
	p.enter(1)
	defer p.leave(1)
	p.try(func() (*node, bool) {
		if p.accept(tLPar) {
			if _, ok := p.starredExpression(); ok && p.accept(tRPar) {
				panic(syntaxError{"cannot use starred expression here"})
			}
		}
		return nil, false
	})
	p.try(func() (*node, bool) {
		if p.accept(tLPar) && p.accept(tDStar) {
			if _, ok := p.expression(); ok && p.accept(tRPar) {
				panic(syntaxError{"cannot use double starred expression here"})
			}
		}
		return nil, false
	})
}

// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
// | invalid_comprehension. Neither can match: both end at the missing
// 'for', after parsing what comes before it.
func (p *parser) genexp() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	p.try(func() (*node, bool) {
		if p.accept(tLPar) {
			p.enter(1) // (assignment_expression | expression !':=')
			_, ok := p.expression()
			p.leave(1)
			if ok {
				p.tok(p.pos) // ':=' then for_if_clauses
			}
		}
		return nil, false
	})
	if p.invalid {
		// invalid_comprehension: ('[' | '(' | '{') starred_expression for_if_clauses
		p.enter(1)
		defer p.leave(1)
		p.try(func() (*node, bool) {
			if p.accept(tLPar) {
				if _, ok := p.starredExpression(); ok {
					p.tok(p.pos)
				}
			}
			return nil, false
		})
	}
	return nil, false
}

// named_expression: assignment_expression | invalid_named_expression
// | expression !':='
func (p *parser) namedExpression() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	if p.invalid {
		p.invalidNamedExpression()
	}
	n, ok := p.expression()
	if ok {
		p.tok(p.pos) // !':='
	}
	return n, ok
}

// invalid_named_expression (memo): none of its alternatives can match
// without '=' or ':=', but they parse an expression, a lookahead and an
// operand first.
func (p *parser) invalidNamedExpression() {
	p.enter(1)
	defer p.leave(1)
	p.memoized(rInvalidNamed, func() (*node, bool) {
		// a=expression ':=' expression
		p.try(func() (*node, bool) {
			if _, ok := p.expression(); ok {
				p.tok(p.pos)
			}
			return nil, false
		})
		// !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' ...
		start := p.pos
		p.enter(1) // the lookahead's group
		_, isTuple := p.try(p.tuple)
		p.pos = start
		isGenexp := false
		if !isTuple {
			_, isGenexp = p.try(p.genexp)
			p.pos = start
		}
		p.leave(1)
		if !isTuple && !isGenexp {
			p.try(func() (*node, bool) {
				if _, ok := p.bitwiseOr(); ok {
					p.tok(p.pos)
				}
				return nil, false
			})
		}
		p.pos = start
		return nil, false
	})
}

// starred_expression: '*' expression
func (p *parser) starredExpression() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	return p.try(func() (*node, bool) {
		if !p.accept(tStar) {
			return nil, false
		}
		return p.expression()
	})
}

// arguments (memo): args [','] &')' | invalid_arguments. Its result is a
// call node holding the one argument (b) and its star kind.
func (p *parser) arguments() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	return p.memoized(rArguments, func() (*node, bool) {
		if n, ok := p.try(func() (*node, bool) {
			n, ok := p.args()
			if !ok {
				return nil, false
			}
			p.tok(p.pos) // [',']
			if !p.peek(tRPar) {
				return nil, false
			}
			return n, true
		}); ok {
			return n, true
		}
		if p.invalid {
			p.invalidArguments()
		}
		return nil, false
	})
}

// invalid_arguments: each alternative parses args or an expression, then
// fails at a ',' or 'for' that these expressions cannot hold.
func (p *parser) invalidArguments() {
	p.enter(1)
	defer p.leave(1)
	argsThenPeek := func() (*node, bool) {
		if _, ok := p.args(); ok {
			p.tok(p.pos)
		}
		return nil, false
	}
	p.try(argsThenPeek)          // args ',' '*'
	p.try(func() (*node, bool) { // expression for_if_clauses ...
		if _, ok := p.expression(); ok {
			p.tok(p.pos)
		}
		return nil, false
	})
	p.try(argsThenPeek) // args for_if_clauses
	p.try(argsThenPeek) // args ',' expression for_if_clauses
	p.try(argsThenPeek) // args ',' args
}

// args: ','.(starred_expression | (assignment_expression | expression
// !':=') !'=')+ [',' kwargs] | kwargs
func (p *parser) args() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	if n, ok := p.try(func() (*node, bool) {
		p.enter(2) // the gather and its element's group
		defer p.leave(2)
		var arg *node
		star := 0
		if a, ok := p.starredExpression(); ok {
			arg, star = a, 1
		} else if a, ok := p.try(func() (*node, bool) {
			p.enter(1) // (assignment_expression | expression !':=')
			defer p.leave(1)
			a, ok := p.expression()
			if !ok {
				return nil, false
			}
			p.tok(p.pos) // !':=' and !'='
			return a, true
		}); ok {
			arg = a
		} else {
			return nil, false
		}
		p.tok(p.pos) // the gather's ',' and then [',' kwargs]
		return &node{kind: nCall, b: arg, star: star}, true
	}); ok {
		return n, true
	}
	return p.kwargs()
}

// kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
// | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
func (p *parser) kwargs() (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	for alt := range 2 {
		if n, ok := p.try(func() (*node, bool) {
			p.enter(1) // the gather
			defer p.leave(1)
			a, ok := p.kwargOr(false)
			if !ok {
				return nil, false
			}
			p.tok(p.pos) // ','
			if alt == 0 {
				return nil, false // needs ',' and a ** argument
			}
			return &node{kind: nCall, b: a, star: 1}, true
		}); ok {
			return n, true
		}
	}
	return p.try(func() (*node, bool) {
		p.enter(1) // the gather
		defer p.leave(1)
		a, ok := p.kwargOr(true)
		if !ok {
			return nil, false
		}
		p.tok(p.pos) // ','
		return &node{kind: nCall, b: a, star: 2}, true
	})
}

// kwargOr parses kwarg_or_starred (double false) or
// kwarg_or_double_starred (double true): invalid_kwarg | NAME '='
// expression | starred_expression, or '**' expression.
func (p *parser) kwargOr(double bool) (*node, bool) {
	p.enter(1)
	defer p.leave(1)
	if p.invalid {
		// invalid_kwarg: ... | !(NAME '=') a=expression b='='
		p.enter(1)
		p.try(func() (*node, bool) {
			if _, ok := p.expression(); ok {
				p.tok(p.pos)
			}
			return nil, false
		})
		p.leave(1)
	}
	if !double {
		return p.starredExpression()
	}
	return p.try(func() (*node, bool) {
		if !p.accept(tDStar) {
			return nil, false
		}
		return p.expression()
	})
}

// numberValue converts a NUMBER token as the parser's action does.
func numberValue(text string) (cval, *syntaxError) {
	if strings.ContainsRune(text, '.') {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !isRangeErr(err) {
			return cval{}, &syntaxError{"invalid decimal literal"}
		}
		return floatVal(f), nil
	}
	if text[0] != '0' && len(text) > maxIntDigits {
		return cval{}, &syntaxError{fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", maxIntDigits, len(text))}
	}
	b, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return cval{}, &syntaxError{"invalid decimal literal"}
	}
	return intVal(b), nil
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}
