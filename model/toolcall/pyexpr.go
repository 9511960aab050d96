package toolcall

import (
	"errors"
	"strings"

	"go.starlark.net/syntax"
)

// ParsePythonExpr parses src, one Python expression, into a
// go.starlark.net/syntax tree, for callers that give Python expressions a
// meaning of their own (a benchmark's reference decoder, say) rather than
// ParsePython's literal-only calls. The source is first rewritten as
// ParsePython rewrites it: Python's string escapes and prefixes become
// Starlark's, so string literals carry the values Python gives them, and
// an identifier load comes back named "load". Python forms Starlark lacks
// (f-strings, digit separators, complex numbers, set literals, the **
// operator, Ellipsis) fail with an error wrapping [ErrMalformed], as does
// text that is not one expression. Parenthesised expressions keep their
// *syntax.ParenExpr node.
func ParsePythonExpr(src string) (syntax.Expr, error) {
	p, perr := prepPython(src)
	if perr != nil {
		return nil, perr
	}
	expr, err := (&syntax.FileOptions{}).ParseExpr("", p.src, 0)
	if err != nil {
		off, msg := -1, err.Error()
		var se syntax.Error
		if errors.As(err, &se) {
			off, msg = p.offsetOf(se.Pos.Line, se.Pos.Col), se.Msg
		}
		if p.load {
			msg = strings.ReplaceAll(msg, loadPlaceholder, "load")
		}
		return nil, malformed("pythonic", off, -1, "invalid Python: %s", msg)
	}
	if p.load {
		syntax.Walk(expr, func(n syntax.Node) bool {
			if id, ok := n.(*syntax.Ident); ok && id.Name == loadPlaceholder {
				id.Name = "load"
			}
			return true
		})
	}
	return expr, nil
}
