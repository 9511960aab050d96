package pyexpr

// The expression tree the parser builds: what CPython's compiler gets.

type nodeKind uint8

const (
	nConst   nodeKind = iota // a number, the empty tuple or Ellipsis
	nUnary                   // op a
	nBinary                  // a op b
	nCall                    // a(args..., **kwargs...)
	nStarred                 // *a, an argument
)

type node struct {
	kind   nodeKind
	op     tokKind // nUnary: tPlus or tMinus; nBinary: the operator
	val    Value   // nConst
	a, b   *node
	args   []*node // nCall: positional arguments (nStarred for *x)
	kwargs []*node // nCall: the values of ** arguments
}

// depth is the depth of the tree as the compiler's AST optimizer counts
// it before folding constants: one level per expression node (a **
// argument is a keyword, not an expression).
func (n *node) depth() int {
	if n == nil {
		return 0
	}
	d := max(n.a.depth(), n.b.depth())
	for _, c := range n.args {
		d = max(d, c.depth())
	}
	for _, c := range n.kwargs {
		d = max(d, c.depth())
	}
	return 1 + d
}

// eval evaluates the tree in Python's order; errors are panics of
// *pyval.Exception.
func (n *node) eval() Value {
	switch n.kind {
	case nConst:
		return n.val
	case nUnary:
		return unary(n.op, n.a.eval())
	case nBinary:
		x := n.a.eval()
		y := n.b.eval()
		return binary(n.op, x, y)
	}
	// A call: the callee, then the arguments, each checked as
	// CALL_FUNCTION_EX and DICT_MERGE check them; nothing is callable.
	f := n.a.eval()
	for _, arg := range n.args {
		if arg.kind == nStarred {
			if v := arg.a.eval(); v.kind != kTuple {
				raise("TypeError", "%s argument after * must be an iterable, not %s", f.str(), v.typeName())
			}
			continue
		}
		arg.eval()
	}
	for _, kw := range n.kwargs {
		v := kw.eval()
		raise("TypeError", "%s argument after ** must be a mapping, not %s", f.str(), v.typeName())
	}
	raise("TypeError", "'%s' object is not callable", f.typeName())
	return Value{}
}
