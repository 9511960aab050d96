package pyexpr

import "sync"

// This file holds the part of CPython's grammar (Grammar/python.gram) that
// the calculate alphabet can reach from the eval start rule, rule for
// rule as CPython's parser generator lays it out: each parenthesised
// group, optional group, repetition and lookahead group is a helper rule
// of its own (a level on the parser's stack), the rules with a location
// fetch their first token on entry, and alternatives are cut where they
// expect a token this alphabet cannot produce (NAME, a keyword, ',', '=',
// '[', ...), which CPython fetches and rejects there. The helper rules
// keep the generator's names (_tmp_94, _loop1_82...) so that they can be
// compared with CPython's Parser/parser.c.

type grammar struct {
	start   *rule
	memText string // str() of the parser's MemoryError
}

type gbuilder struct {
	minor int
	rules map[string]*rule
}

func (b *gbuilder) r(name string) *rule {
	if r, ok := b.rules[name]; ok {
		return r
	}
	r := &rule{name: name, id: len(b.rules)}
	b.rules[name] = r
	return r
}

// Items.
func (b *gbuilder) R(name string) item   { return item{kind: iRule, rule: b.r(name)} }
func (b *gbuilder) Opt(name string) item { return item{kind: iOpt, rule: b.r(name)} }
func (b *gbuilder) And(name string) item { return item{kind: iAndRule, rule: b.r(name)} }
func (b *gbuilder) Not(name string) item { return item{kind: iNotRule, rule: b.r(name)} }
func tk(k tokKind) item                  { return item{kind: iTok, tok: k} }
func optTk(k tokKind) item               { return item{kind: iOptTok, tok: k} }
func andTk(k tokKind) item               { return item{kind: iAndTok, tok: k} }
func notTk(k tokKind) item               { return item{kind: iNotTok, tok: k} }

// seq is an alternative; invSeq one tried in the second pass only; actSeq
// one whose result f builds.
func seq(items ...item) alt    { return alt{items: items} }
func invSeq(items ...item) alt { return alt{invalid: true, items: items} }
func actSeq(f func(p *parser, v []any) any, items ...item) alt {
	return alt{items: items, act: f}
}

// dead is an alternative that starts with a token this alphabet never
// produces: CPython fetches the token at the mark and fails.
var dead = seq(tk(tNone))

// def defines a rule.
func (b *gbuilder) def(name string, memo, fill bool, alts ...alt) {
	r := b.r(name)
	r.memo, r.fill, r.alts = memo, fill, alts
}

// leftRec defines a left-recursive rule and its _raw function.
func (b *gbuilder) leftRec(name string, alts ...alt) {
	raw := b.r(name + "_raw")
	raw.fill, raw.alts = true, alts
	r := b.r(name)
	r.kind, r.memo, r.raw = kLeftRec, true, raw
}

// loop defines a _loop0_ (min 0) or _loop1_ (min 1) rule.
func (b *gbuilder) loop(name string, min int, items ...item) {
	r := b.r(name)
	r.kind = kLoop0
	if min == 1 {
		r.kind = kLoop1
	}
	r.alts = []alt{seq(items...)}
}

// Actions.

func second(_ *parser, v []any) any { return v[1] }

func binop(op tokKind) func(*parser, []any) any {
	return func(_ *parser, v []any) any {
		return &node{kind: nBinary, op: op, a: v[0].(*node), b: v[2].(*node)}
	}
}

func unop(op tokKind) func(*parser, []any) any {
	return func(_ *parser, v []any) any {
		return &node{kind: nUnary, op: op, a: v[1].(*node)}
	}
}

func starred(_ *parser, v []any) any {
	return &node{kind: nStarred, a: v[1].(*node)}
}

// gather is _PyPegen_seq_insert_in_front(elem, seq).
func gather(_ *parser, v []any) any {
	return append([]any{v[0]}, v[1].([]any)...)
}

// callArgs is the arguments of a call: positional ones (nStarred for
// *x) and the values of ** arguments.
type callArgs struct {
	args, kwargs []*node
}

// kwarg is a kwarg_or_starred or kwarg_or_double_starred: a starred
// expression or a ** keyword.
type kwarg struct {
	n    *node
	star bool
}

func argsFromSeq(_ *parser, v []any) any {
	ca := &callArgs{}
	for _, x := range v[0].([]any) {
		ca.args = append(ca.args, x.(*node))
	}
	return ca
}

func argsFromKwargs(_ *parser, v []any) any {
	ca := &callArgs{}
	for _, x := range v[0].([]any) {
		if k := x.(kwarg); k.star {
			ca.args = append(ca.args, k.n)
		} else {
			ca.kwargs = append(ca.kwargs, k.n)
		}
	}
	return ca
}

// The start rules, built once per version.
var (
	grammarOnce sync.Once
	grammar311  *grammar
	grammar312  *grammar
)

func grammarFor(minor int) *grammar {
	grammarOnce.Do(func() {
		grammar311 = buildGrammar(11)
		grammar312 = buildGrammar(12)
	})
	if minor == 11 {
		return grammar311
	}
	return grammar312
}

func buildGrammar(minor int) *grammar {
	b := &gbuilder{minor: minor, rules: map[string]*rule{}}
	R, Opt, And, Not := b.R, b.Opt, b.And, b.Not

	// eval: expressions NEWLINE* ENDMARKER
	b.def("eval", false, false, seq(R("expressions"), R("_loop0_1"), tk(tEnd)))
	b.loop("_loop0_1", 0, tk(tNewline))
	// expressions: expression (',' expression)+ [','] | expression ',' | expression
	b.def("expressions", false, true,
		seq(R("expression"), R("_loop1_82"), optTk(tNone)),
		seq(R("expression"), tk(tNone)),
		seq(R("expression")))
	b.loop("_loop1_82", 1, R("_tmp_254"))
	b.def("_tmp_254", false, false, dead)
	// expression (memo): invalid_expression | invalid_legacy_expression
	// | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
	b.def("expression", true, true,
		invSeq(R("invalid_expression")),
		invSeq(R("invalid_legacy_expression")),
		seq(R("disjunction"), tk(tNone)),
		seq(R("disjunction")),
		seq(R("lambdef")))
	// invalid_expression:
	//   !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
	//   | disjunction 'if' disjunction !('else'|':') | 'lambda' ... (3.12)
	invExpr := []alt{
		actSeq(forgotComma, Not("_tmp_158"), R("disjunction"), R("expression_without_invalid")),
		seq(R("disjunction"), tk(tNone)),
	}
	if minor >= 12 {
		invExpr = append(invExpr, dead)
	}
	b.def("invalid_expression", false, false, invExpr...)
	b.def("_tmp_158", false, false, dead, dead)
	b.def("invalid_legacy_expression", false, false, dead)
	b.def("lambdef", false, true, dead)
	b.def("expression_without_invalid", false, true,
		seq(R("disjunction"), tk(tNone)),
		seq(R("disjunction")),
		seq(R("lambdef")))
	b.rules["expression_without_invalid"].noInvalid = true
	// disjunction, conjunction, inversion: no 'or', 'and' or 'not' here.
	b.def("disjunction", true, true, seq(R("conjunction"), R("_loop1_86")), seq(R("conjunction")))
	b.loop("_loop1_86", 1, R("_tmp_256"))
	b.def("_tmp_256", false, false, dead)
	b.def("conjunction", true, true, seq(R("inversion"), R("_loop1_87")), seq(R("inversion")))
	b.loop("_loop1_87", 1, R("_tmp_257"))
	b.def("_tmp_257", false, false, dead)
	b.def("inversion", true, true, dead, seq(R("comparison")))
	b.def("comparison", false, true, seq(R("bitwise_or"), R("_loop1_88")), seq(R("bitwise_or")))
	b.loop("_loop1_88", 1, R("compare_op_bitwise_or_pair"))
	b.def("compare_op_bitwise_or_pair", false, false,
		seq(R("eq_bitwise_or")), seq(R("noteq_bitwise_or")), seq(R("lte_bitwise_or")),
		seq(R("lt_bitwise_or")), seq(R("gte_bitwise_or")), seq(R("gt_bitwise_or")),
		seq(R("notin_bitwise_or")), seq(R("in_bitwise_or")), seq(R("isnot_bitwise_or")),
		seq(R("is_bitwise_or")))
	for _, name := range []string{"eq", "lte", "lt", "gte", "gt", "notin", "in", "isnot", "is"} {
		b.def(name+"_bitwise_or", false, false, dead)
	}
	b.def("noteq_bitwise_or", false, false, seq(R("_tmp_89"), R("bitwise_or")))
	b.def("_tmp_89", false, false, dead)
	// bitwise_or, bitwise_xor, bitwise_and, shift_expr: none of their
	// operators is in the alphabet.
	b.leftRec("bitwise_or", seq(R("bitwise_or"), tk(tNone)), seq(R("bitwise_xor")))
	b.leftRec("bitwise_xor", seq(R("bitwise_xor"), tk(tNone)), seq(R("bitwise_and")))
	b.leftRec("bitwise_and", seq(R("bitwise_and"), tk(tNone)), seq(R("shift_expr")))
	b.leftRec("shift_expr", seq(R("shift_expr"), tk(tNone)), seq(R("shift_expr"), tk(tNone)), seq(R("sum")))
	// sum: sum '+' term | sum '-' term | term
	b.leftRec("sum",
		actSeq(binop(tPlus), R("sum"), tk(tPlus), R("term")),
		actSeq(binop(tMinus), R("sum"), tk(tMinus), R("term")),
		seq(R("term")))
	// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
	b.leftRec("term",
		actSeq(binop(tStar), R("term"), tk(tStar), R("factor")),
		actSeq(binop(tSlash), R("term"), tk(tSlash), R("factor")),
		actSeq(binop(tDSlash), R("term"), tk(tDSlash), R("factor")),
		seq(R("term"), tk(tNone)),
		seq(R("term"), tk(tNone)),
		seq(R("factor")))
	// factor (memo): '+' factor | '-' factor | '~' factor | power
	b.def("factor", true, true,
		actSeq(unop(tPlus), tk(tPlus), R("factor")),
		actSeq(unop(tMinus), tk(tMinus), R("factor")),
		dead,
		seq(R("power")))
	// power: await_primary '**' factor | await_primary
	b.def("power", false, true,
		actSeq(binop(tDStar), R("await_primary"), tk(tDStar), R("factor")),
		seq(R("await_primary")))
	b.def("await_primary", true, true, dead, seq(R("primary")))
	// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
	// | primary '[' slices ']' | atom
	b.leftRec("primary",
		seq(R("primary"), tk(tDot), tk(tNone)),
		seq(R("primary"), R("genexp")),
		actSeq(call, R("primary"), tk(tLPar), Opt("arguments"), tk(tRPar)),
		seq(R("primary"), tk(tNone)),
		seq(R("atom")))
	// atom: NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
	// | &'(' (tuple | group | genexp) | &'[' ... | &'{' ... | '...'
	strLook := And("_tmp_93") // 3.12: &(STRING|FSTRING_START)
	if minor == 11 {
		strLook = andTk(tNone)
	}
	b.def("atom", false, true,
		dead, dead, dead, dead,
		seq(strLook, R("strings")),
		seq(item{kind: iNumber}),
		actSeq(second, andTk(tLPar), R("_tmp_94")),
		seq(andTk(tNone)),
		seq(andTk(tNone)),
		actSeq(ellipsis, tk(tEllipsis)))
	b.def("_tmp_93", false, false, dead, dead)
	b.def("strings", true, true, dead)
	b.def("_tmp_94", false, false, seq(R("tuple")), seq(R("group")), seq(R("genexp")))
	// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
	b.def("tuple", false, true, actSeq(emptyTuple, tk(tLPar), Opt("_tmp_116"), tk(tRPar)))
	b.def("_tmp_116", false, false, seq(R("star_named_expression"), tk(tNone)))
	b.def("star_named_expression", false, true,
		actSeq(starred, tk(tStar), R("bitwise_or")),
		seq(R("named_expression")))
	// group: '(' (yield_expr | named_expression) ')' | invalid_group
	b.def("group", false, false,
		actSeq(second, tk(tLPar), R("_tmp_97"), tk(tRPar)),
		invSeq(R("invalid_group")))
	b.def("_tmp_97", false, false, seq(R("yield_expr")), seq(R("named_expression")))
	b.def("yield_expr", false, true, dead, dead)
	b.def("invalid_group", false, false,
		actSeq(raiser("cannot use starred expression here"), tk(tLPar), R("starred_expression"), tk(tRPar)),
		actSeq(raiser("cannot use double starred expression here"), tk(tLPar), tk(tDStar), R("expression"), tk(tRPar)))
	// named_expression: assignment_expression | invalid_named_expression
	// | expression !':='
	b.def("named_expression", false, false,
		seq(R("assignment_expression")),
		invSeq(R("invalid_named_expression")),
		seq(R("expression"), notTk(tNone)))
	b.def("assignment_expression", false, true, dead)
	b.def("invalid_named_expression", true, false,
		seq(R("expression"), tk(tNone)),
		dead,
		seq(Not("_tmp_161"), R("bitwise_or"), tk(tNone)))
	b.def("_tmp_161", false, false, seq(R("list")), seq(R("tuple")), seq(R("genexp")), dead, dead, dead)
	b.def("list", false, true, dead)
	// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
	// | invalid_comprehension
	b.def("genexp", false, true,
		seq(tk(tLPar), R("_tmp_122"), R("for_if_clauses"), tk(tRPar)),
		invSeq(R("invalid_comprehension")))
	b.def("_tmp_122", false, false, seq(R("assignment_expression")), seq(R("expression"), notTk(tNone)))
	b.def("for_if_clauses", false, false, seq(R("_loop1_119")))
	b.loop("_loop1_119", 1, R("for_if_clause"))
	b.def("for_if_clause", false, false, dead, dead, invSeq(R("invalid_for_target")))
	b.def("invalid_for_target", false, false, seq(optTk(tNone), tk(tNone)))
	b.def("invalid_comprehension", false, false,
		seq(R("_tmp_167"), R("starred_expression"), R("for_if_clauses")),
		seq(R("_tmp_168"), R("star_named_expression"), tk(tNone)),
		seq(R("_tmp_169"), R("star_named_expression"), tk(tNone)))
	b.def("_tmp_167", false, false, dead, seq(tk(tLPar)), dead)
	b.def("_tmp_168", false, false, dead, dead)
	b.def("_tmp_169", false, false, dead, dead)
	// starred_expression: [invalid_starred_expression] '*' expression
	if minor >= 12 {
		b.def("starred_expression", false, true,
			invSeq(R("invalid_starred_expression")),
			actSeq(starred, tk(tStar), R("expression")))
		b.def("invalid_starred_expression", false, false, seq(tk(tStar), R("expression"), tk(tNone)))
	} else {
		b.def("starred_expression", false, true, actSeq(starred, tk(tStar), R("expression")))
	}
	// arguments (memo): args [','] &')' | invalid_arguments
	b.def("arguments", true, false,
		seq(R("args"), optTk(tNone), andTk(tRPar)),
		invSeq(R("invalid_arguments")))
	// args: ','.(starred_expression | (assignment_expression | expression
	// !':=') !'=')+ [',' kwargs] | kwargs
	b.def("args", false, true,
		actSeq(argsFromSeq, R("_gather_123"), Opt("_tmp_125")),
		actSeq(argsFromKwargs, R("kwargs")))
	b.def("_gather_123", false, false, actSeq(gather, R("_tmp_262"), R("_loop0_124")))
	b.loop("_loop0_124", 0, tk(tNone), R("_tmp_262"))
	b.def("_tmp_262", false, false, seq(R("starred_expression")), seq(R("_tmp_276"), notTk(tNone)))
	b.def("_tmp_276", false, false, seq(R("assignment_expression")), seq(R("expression"), notTk(tNone)))
	b.def("_tmp_125", false, false, dead)
	// kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
	// | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
	b.def("kwargs", false, false,
		seq(R("_gather_126"), tk(tNone)),
		seq(R("_gather_130")),
		seq(R("_gather_132")))
	b.def("_gather_126", false, false, actSeq(gather, R("kwarg_or_starred"), R("_loop0_127")))
	b.def("_gather_130", false, false, actSeq(gather, R("kwarg_or_starred"), R("_loop0_131")))
	b.def("_gather_132", false, false, actSeq(gather, R("kwarg_or_double_starred"), R("_loop0_133")))
	b.loop("_loop0_127", 0, tk(tNone), R("kwarg_or_starred"))
	b.loop("_loop0_131", 0, tk(tNone), R("kwarg_or_starred"))
	b.loop("_loop0_133", 0, tk(tNone), R("kwarg_or_double_starred"))
	b.def("kwarg_or_starred", false, true,
		invSeq(R("invalid_kwarg")),
		dead,
		actSeq(func(_ *parser, v []any) any { return kwarg{n: v[0].(*node), star: true} }, R("starred_expression")))
	b.def("kwarg_or_double_starred", false, true,
		invSeq(R("invalid_kwarg")),
		dead,
		actSeq(func(_ *parser, v []any) any { return kwarg{n: v[1].(*node)} }, tk(tDStar), R("expression")))
	// invalid_kwarg: ('True'|'False'|'None') '=' | NAME '=' expression
	// for_if_clauses | !(NAME '=') expression '=' | '**' expression '=' expression (3.12)
	invKwarg := []alt{
		seq(R("_tmp_156"), tk(tNone)),
		dead,
		seq(Not("_tmp_157"), R("expression"), tk(tNone)),
	}
	if minor >= 12 {
		invKwarg = append(invKwarg, seq(tk(tDStar), R("expression"), tk(tNone)))
	}
	b.def("invalid_kwarg", false, false, invKwarg...)
	b.def("_tmp_156", false, false, dead, dead, dead)
	b.def("_tmp_157", false, false, dead)
	// invalid_arguments: each alternative needs a ',', a NAME or 'for'
	// after what it parses.
	if minor >= 12 {
		b.def("invalid_arguments", false, false,
			seq(R("_tmp_150"), tk(tNone)),
			seq(R("expression"), R("for_if_clauses"), tk(tNone)),
			dead,
			seq(Opt("_tmp_154"), tk(tNone)),
			seq(R("args"), R("for_if_clauses")),
			seq(R("args"), tk(tNone)),
			seq(R("args"), tk(tNone)))
		b.def("_tmp_150", false, false, seq(R("_tmp_265")), seq(R("kwargs")))
		b.def("_tmp_265", false, false, seq(R("_gather_277"), tk(tNone)))
		b.def("_gather_277", false, false, actSeq(gather, R("_tmp_283"), R("_loop0_278")))
		b.loop("_loop0_278", 0, tk(tNone), R("_tmp_283"))
		b.def("_tmp_283", false, false, seq(R("starred_expression")), seq(R("_tmp_284"), notTk(tNone)))
		b.def("_tmp_284", false, false, seq(R("assignment_expression")), seq(R("expression"), notTk(tNone)))
		b.def("_tmp_154", false, false, seq(R("args"), tk(tNone)))
	} else {
		b.def("invalid_arguments", false, false,
			seq(R("args"), tk(tNone)),
			seq(R("expression"), R("for_if_clauses"), tk(tNone)),
			dead,
			seq(R("args"), R("for_if_clauses")),
			seq(R("args"), tk(tNone)),
			seq(R("args"), tk(tNone)))
	}
	g := &grammar{start: b.r("eval")}
	if minor >= 12 {
		g.memText = "Parser stack overflowed - Python source too complex to parse"
	}
	return g
}

// forgotComma is invalid_expression's action: two expressions side by
// side inside brackets.
func forgotComma(p *parser, _ []any) any {
	if p.toks[p.mark-1].level == 0 {
		return nil
	}
	return p.raise("invalid syntax. Perhaps you forgot a comma?")
}

func raiser(msg string) func(*parser, []any) any {
	return func(p *parser, _ []any) any { return p.raise(msg) }
}

func call(_ *parser, v []any) any {
	n := &node{kind: nCall, a: v[0].(*node)}
	if ca, ok := v[2].(*callArgs); ok {
		n.args, n.kwargs = ca.args, ca.kwargs
	}
	return n
}

func ellipsis(_ *parser, _ []any) any { return &node{kind: nConst, val: Value{kind: kEllipsis}} }

func emptyTuple(_ *parser, _ []any) any { return &node{kind: nConst, val: Value{kind: kTuple}} }
