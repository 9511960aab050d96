package pyexpr

import (
	"strconv"

	"github.com/toolgym/toolgym/pyval"
)

// This file runs a grammar (grammar.go) the way the C code that CPython's
// PEG generator writes for it runs: every rule function counts one level
// of the parser's stack (MemoryError past maxStack), rules with a location
// fetch the token at the mark on entry, memoized and left-recursive rules
// keep CPython's memo, and the second pass adds the invalid_ alternatives
// that raise specialised errors. Following that code step for step makes
// the errors, the order in which tokens (and tokenizer errors) are
// fetched, and the stack depth at which the parser gives up the same as
// CPython's, at a cost linear in the input for these expressions.

// maxStack is the generated parser's MAXSTACK.
const maxStack = 6000

type itemKind uint8

const (
	iRule    itemKind = iota // rule
	iOpt                     // [rule] or rule?
	iTok                     // 'tok'
	iOptTok                  // 'tok'?
	iAndRule                 // &rule
	iNotRule                 // !rule
	iAndTok                  // &'tok'
	iNotTok                  // !'tok'
	iNumber                  // NUMBER, converted by the parser
)

type item struct {
	kind itemKind
	rule *rule
	tok  tokKind
}

// An alt is one alternative of a rule; act builds its result from the
// items' values (nil: the value of its first item).
type alt struct {
	invalid bool // tried in the second pass only
	items   []item
	act     func(p *parser, v []any) any
}

type ruleKind uint8

const (
	kNormal  ruleKind = iota
	kLeftRec          // the memoizing loop around raw
	kLoop0            // alts[0].items repeated
	kLoop1
)

type rule struct {
	name string
	id   int
	kind ruleKind
	memo bool // (memo), or left-recursive
	fill bool // the rule has a location: it fetches the token at the mark
	// noInvalid turns the invalid_ rules off under the rule (the
	// _without_invalid rules).
	noInvalid bool
	raw       *rule
	alts      []alt
}

// matched is the value of a matched item that has no value of its own
// (a token, a lookahead, a dummy result).
type matched struct{}

type memoEntry struct {
	rule int
	val  any
	end  int
}

type parser struct {
	lx      *lexer
	toks    []token
	memo    [][]memoEntry // per token position
	mark    int
	level   int
	errInd  bool             // p->error_indicator
	exc     *pyval.Exception // the pending exception (PyErr_Occurred)
	invalid bool             // the second pass: invalid_ rules are on
	tokErr  bool             // the tokenizer stopped at an error
	memText string           // the MemoryError's message
	vals    []any            // the values of the items being matched
	calls   int              // rule functions run, a measure of the work
}

func syntaxError(msg string, line int) *pyval.Exception {
	return pyval.Exc("SyntaxError", msg+" (<string>, line "+strconv.Itoa(line)+")")
}

// fill fetches the next token (_PyPegen_fill_token). A tokenizer error
// stores an error token, sets the error and returns false.
func (p *parser) fill() bool {
	t, msg := p.lx.next()
	if msg != "" {
		p.toks = append(p.toks, token{kind: tNone})
		p.memo = append(p.memo, nil)
		p.tokErr = true
		p.errInd = true
		if msg != "'(' was never closed" || p.exc == nil {
			p.exc = syntaxError(msg, 1)
		}
		return false
	}
	p.toks = append(p.toks, t)
	p.memo = append(p.memo, nil)
	return true
}

// expect is _PyPegen_expect_token.
func (p *parser) expect(k tokKind) bool {
	if p.mark == len(p.toks) && !p.fill() {
		p.errInd = true
		return false
	}
	if p.toks[p.mark].kind != k || k == tNone {
		return false
	}
	p.mark++
	return true
}

// raise sets a SyntaxError raised by a rule's action, unless an error is
// already pending (_PyPegen_raise_error).
func (p *parser) raise(msg string) any {
	if !(p.errInd && p.exc != nil) {
		p.exc = syntaxError(msg, 1)
	}
	return nil
}

// enter counts a rule function on the stack: CPython's
// "if (p->level++ == MAXSTACK)".
func (p *parser) enter() {
	p.calls++
	if p.level == maxStack {
		p.errInd = true
		p.exc = pyval.Exc("MemoryError", p.memText)
	}
	p.level++
}

// memoized is _PyPegen_is_memoized: hit reports a memo entry (or a
// tokenizer error, which CPython returns as a hit with no value).
func (p *parser) memoized(r *rule) (val any, hit bool) {
	if p.mark == len(p.toks) && !p.fill() {
		p.errInd = true
		return nil, true
	}
	for _, m := range p.memo[p.mark] {
		if m.rule == r.id {
			p.mark = m.end
			return m.val, true
		}
	}
	return nil, false
}

// setMemo is _PyPegen_update_memo (and _PyPegen_insert_memo, which is
// only called when no entry exists).
func (p *parser) setMemo(mark int, r *rule, val any) {
	list := p.memo[mark]
	for i := range list {
		if list[i].rule == r.id {
			list[i].val, list[i].end = val, p.mark
			return
		}
	}
	p.memo[mark] = append(list, memoEntry{rule: r.id, val: val, end: p.mark})
}

// call runs rule r at the mark; nil is failure.
func (p *parser) call(r *rule) any {
	switch r.kind {
	case kLeftRec:
		return p.leftRec(r)
	case kLoop0, kLoop1:
		return p.loop(r)
	}
	if r.noInvalid {
		prev := p.invalid
		p.invalid = false
		defer func() { p.invalid = prev }()
	}
	p.enter()
	if p.errInd {
		p.level--
		return nil
	}
	if r.memo {
		if v, hit := p.memoized(r); hit {
			p.level--
			return v
		}
	}
	mark := p.mark
	if r.fill && p.mark == len(p.toks) && !p.fill() {
		p.errInd = true
		p.level--
		return nil
	}
	var res any
	for i := range r.alts {
		al := &r.alts[i]
		if al.invalid && !p.invalid {
			continue
		}
		if p.errInd {
			p.level--
			return nil
		}
		base, ok := p.match(al.items)
		if ok {
			if al.act != nil {
				res = al.act(p, p.vals[base:])
			} else {
				res = p.vals[base]
			}
		}
		p.vals = p.vals[:base]
		if ok {
			if res == nil && p.exc != nil {
				p.errInd = true
				p.level--
				return nil
			}
			break
		}
		p.mark = mark
	}
	if r.memo {
		p.setMemo(mark, r, res)
	}
	p.level--
	return res
}

// leftRec grows a left-recursive rule's seed as CPython does.
func (p *parser) leftRec(r *rule) any {
	p.enter()
	if v, hit := p.memoized(r); hit {
		p.level--
		return v
	}
	mark, resmark := p.mark, p.mark
	var res any
	for {
		p.setMemo(mark, r, res)
		p.mark = mark
		raw := p.call(r.raw)
		if p.errInd {
			p.level--
			return nil
		}
		if raw == nil || p.mark <= resmark {
			break
		}
		resmark, res = p.mark, raw
	}
	p.mark = resmark
	p.level--
	return res
}

// loop is a _loop0_ or _loop1_ rule: its value is a []any.
func (p *parser) loop(r *rule) any {
	p.enter()
	if p.errInd {
		p.level--
		return nil
	}
	mark := p.mark
	out := []any{}
	for {
		base, ok := p.match(r.alts[0].items)
		if ok {
			out = append(out, p.vals[len(p.vals)-1])
		}
		p.vals = p.vals[:base]
		if !ok {
			break
		}
		mark = p.mark
	}
	p.mark = mark
	if r.kind == kLoop1 && (len(out) == 0 || p.errInd) {
		p.level--
		return nil
	}
	p.level--
	return out
}

// match matches items in sequence, as the generated code's chain of &&.
// It pushes the items' values on p.vals from base (the caller truncates).
func (p *parser) match(items []item) (base int, ok bool) {
	base = len(p.vals)
	for _, it := range items {
		var v any
		switch it.kind {
		case iRule:
			if v = p.call(it.rule); v == nil {
				return base, false
			}
		case iOpt:
			if v = p.call(it.rule); p.errInd {
				return base, false
			}
		case iTok:
			if !p.expect(it.tok) {
				return base, false
			}
			v = matched{}
		case iOptTok:
			if p.expect(it.tok); p.errInd {
				return base, false
			}
		case iAndRule, iNotRule:
			m := p.mark
			got := p.call(it.rule) != nil
			p.mark = m
			if got != (it.kind == iAndRule) {
				return base, false
			}
		case iAndTok, iNotTok:
			m := p.mark
			got := p.expect(it.tok)
			p.mark = m
			if got != (it.kind == iAndTok) {
				return base, false
			}
		case iNumber:
			if v = p.number(); v == nil {
				return base, false
			}
		}
		p.vals = append(p.vals, v)
	}
	return base, true
}

// number is _PyPegen_number_token: the NUMBER at the mark as a constant.
func (p *parser) number() any {
	if !p.expect(tNum) {
		return nil
	}
	v, msg := numberValue(p.toks[p.mark-1].text)
	if msg != "" {
		p.errInd = true
		p.exc = syntaxError(msg, 1)
		return nil
	}
	return &node{kind: nConst, val: v}
}

// parse runs CPython's two passes over the source and returns the tree or
// the exception (_PyPegen_run_parser and _Pypegen_set_syntax_error).
func parse(g *grammar, src string) (*node, *pyval.Exception) {
	n, exc, _ := parseCount(g, src)
	return n, exc
}

// parseCount is parse, also returning the number of rule functions run.
func parseCount(g *grammar, src string) (_ *node, _ *pyval.Exception, calls int) {
	p := &parser{lx: &lexer{src: src}, memText: g.memText}
	defer func() { calls = p.calls }()
	if n, ok := p.call(g.start).(*node); ok && !p.errInd {
		return n, nil, 0
	}
	if p.exc != nil && p.exc.Type != "SyntaxError" {
		return nil, p.exc, 0
	}
	// The second pass, with the invalid_ rules; the error indicator and
	// tokens stay, the memo goes.
	p.mark, p.invalid = 0, true
	for i := range p.memo {
		p.memo[i] = nil
	}
	p.call(g.start)
	if p.exc != nil {
		if !p.tokErr && p.exc.Type == "SyntaxError" {
			p.scanRest()
		}
		return nil, p.exc, 0
	}
	p.exc = syntaxError("invalid syntax", 1)
	p.scanRest()
	return nil, p.exc, 0
}

// scanRest tokenizes the rest of the source: a tokenizer error there
// (other than an unclosed parenthesis on the same line) replaces a syntax
// error of the parser.
func (p *parser) scanRest() {
	for {
		t, msg := p.lx.next()
		if msg != "" {
			if msg != "'(' was never closed" {
				p.exc = syntaxError(msg, 1)
			}
			return
		}
		if t.kind == tEnd {
			return
		}
	}
}
