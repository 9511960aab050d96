package bfcl

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"

	"go.starlark.net/syntax"

	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/pyval"
)

// ErrUndecodable is wrapped by [DecodeExecutePrompting]'s errors: the
// reference's decoder raises on the reply, and its prompting loop ends
// the turn there.
var ErrUndecodable = errors.New("bfcl: the reply does not decode as a list of function calls")

// PromptCall is one call of a prompting model's reply, decoded as the
// reference decodes it.
type PromptCall struct {
	// Name is the called function's name, dotted as written.
	Name string
	// Args are the keyword arguments' values by name, in the order written
	// (a repeated keyword keeps its first place and its last value; a
	// **mapping argument is named None), as the reference's
	// resolve_ast_by_type resolves them: literals as Python values, a bare
	// name as its text, a call with keywords as {name: {keyword: value}},
	// any other call or a subscript as its source text (ast.unparse), an
	// arithmetic expression as its value. Positional arguments are
	// dropped, as the reference drops them.
	Args *pyval.Dict
	// Source is the call as the reference's decoder writes it for its
	// executor: name(k1=v1, k2=v2), each value through parse_nested_value.
	Source string
}

// DecodeExecutePrompting decodes a prompting model's reply into the call
// strings the reference executes, as its default_decode_execute_prompting
// does (model_handler/utils.py): the reply is stripped of backticks,
// newlines and spaces at both ends, wrapped in brackets unless it starts
// with "[" and ends with "]", and parsed as a Python list whose every
// element must be a call. An empty list decodes to no calls; the prompting
// loop ends the turn then, and on an error (wrapping [ErrUndecodable]).
//
// Forms the reference accepts but toolgym does not decode (they fail
// here, and the turn ends): bytes and complex literals, digit separators
// (1_000), \N{name} escapes, Ellipsis, the ** operator, slices, arithmetic beyond int, float, str,
// list and tuple operands, and ast.unparse of anything but names, dotted
// names, literals, lists, tuples, dicts, signed numbers, calls and
// subscripts. Models almost never write them.
func DecodeExecutePrompting(text string) ([]string, error) {
	calls, err := DecodePrompting(text)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(calls))
	for i, c := range calls {
		out[i] = c.Source
	}
	return out, nil
}

// DecodePrompting is [DecodeExecutePrompting] with each call's name and
// resolved arguments beside its source.
func DecodePrompting(text string) ([]PromptCall, error) {
	s := strings.Trim(text, "`\n ")
	if !strings.HasPrefix(s, "[") {
		s = "[" + s
	}
	if !strings.HasSuffix(s, "]") {
		s += "]"
	}
	expr, err := toolcall.ParsePythonExpr(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUndecodable, err)
	}
	var elems []syntax.Expr
	switch e := unparen(expr).(type) {
	case *syntax.ListExpr:
		elems = e.List
	case *syntax.CallExpr:
		elems = []syntax.Expr{e}
	default:
		return nil, fmt.Errorf("%w: not a list", ErrUndecodable)
	}
	out := make([]PromptCall, 0, len(elems))
	for i, el := range elems {
		ce, ok := unparen(el).(*syntax.CallExpr)
		if !ok {
			return nil, fmt.Errorf("%w: element %d is not a call", ErrUndecodable, i+1)
		}
		name, args, err := resolveCall(ce)
		if err != nil {
			return nil, fmt.Errorf("%w: call %d: %v", ErrUndecodable, i+1, err)
		}
		src, err := callSource(name, args)
		if err != nil {
			return nil, fmt.Errorf("%w: call %d: %v", ErrUndecodable, i+1, err)
		}
		out = append(out, PromptCall{Name: name, Args: args, Source: src})
	}
	return out, nil
}

func unparen(e syntax.Expr) syntax.Expr {
	for {
		p, ok := e.(*syntax.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

// resolveCall is the reference's resolve_ast_call: the dotted name and the
// keyword arguments, resolved.
func resolveCall(ce *syntax.CallExpr) (string, *pyval.Dict, error) {
	if err := checkArgOrder(ce); err != nil {
		return "", nil, err
	}
	var parts []string
	fn := unparen(ce.Fn)
	for {
		d, ok := fn.(*syntax.DotExpr)
		if !ok {
			break
		}
		parts = append(parts, d.Name.Name)
		fn = unparen(d.X)
	}
	if id, ok := fn.(*syntax.Ident); ok {
		parts = append(parts, id.Name)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	args := pyval.NewDict()
	for _, a := range ce.Args {
		switch a := a.(type) {
		case *syntax.BinaryExpr:
			if a.Op != syntax.EQ {
				continue
			}
			id, ok := a.X.(*syntax.Ident)
			if !ok {
				return "", nil, fmt.Errorf("a keyword must be a name")
			}
			v, err := resolve(a.Y, 0)
			if err != nil {
				return "", nil, err
			}
			args.Set(id.Name, v)
		case *syntax.UnaryExpr:
			if a.Op == syntax.STARSTAR {
				v, err := resolve(a.X, 0)
				if err != nil {
					return "", nil, err
				}
				// Python's keyword node has arg None.
				args.Set(nil, v)
			}
		}
	}
	return strings.Join(parts, "."), args, nil
}

// checkArgOrder rejects what Python's parser rejects and Starlark's
// accepts: a positional argument after a keyword argument or **mapping,
// and *iterable after **mapping.
func checkArgOrder(ce *syntax.CallExpr) error {
	keyword, starstar := false, false
	for _, a := range ce.Args {
		switch a := a.(type) {
		case *syntax.BinaryExpr:
			if a.Op == syntax.EQ {
				keyword = true
				continue
			}
		case *syntax.UnaryExpr:
			switch a.Op {
			case syntax.STARSTAR:
				starstar = true
				continue
			case syntax.STAR:
				if starstar {
					return fmt.Errorf("iterable argument unpacking follows keyword argument unpacking")
				}
				continue
			}
		}
		if keyword || starstar {
			return fmt.Errorf("positional argument follows keyword argument")
		}
	}
	return nil
}

// maxResolveDepth bounds nesting (Python's parser stops far earlier).
const maxResolveDepth = 200

// resolve is the reference's resolve_ast_by_type.
func resolve(e syntax.Expr, depth int) (pyval.Value, error) {
	if depth > maxResolveDepth {
		return nil, fmt.Errorf("too deeply nested")
	}
	switch e := e.(type) {
	case *syntax.ParenExpr:
		return resolve(e.X, depth+1)
	case *syntax.Literal:
		return literal(e)
	case *syntax.Ident:
		switch e.Name {
		case "True":
			return true, nil
		case "False":
			return false, nil
		case "None":
			return nil, nil
		}
		return e.Name, nil
	case *syntax.UnaryExpr:
		// -operand.value, whatever the operator: only a constant has a
		// value, and -True is -1.
		switch e.Op {
		case syntax.MINUS, syntax.PLUS, syntax.TILDE, syntax.NOT:
		default:
			return nil, fmt.Errorf("unsupported expression")
		}
		v, ok, err := constant(unparen(e.X))
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("a sign applies to something that is not a constant")
		}
		return negate(v)
	case *syntax.ListExpr:
		out := make([]pyval.Value, len(e.List))
		for i, x := range e.List {
			v, err := resolve(x, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case *syntax.TupleExpr:
		out := make(pyval.Tuple, len(e.List))
		for i, x := range e.List {
			v, err := resolve(x, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case *syntax.DictExpr:
		d := pyval.NewDict()
		for _, x := range e.List {
			en := x.(*syntax.DictEntry)
			k, err := resolve(en.Key, depth+1)
			if err != nil {
				return nil, err
			}
			v, err := resolve(en.Value, depth+1)
			if err != nil {
				return nil, err
			}
			if !pyval.Hashable(k) {
				return nil, fmt.Errorf("unhashable dict key")
			}
			d.Set(k, v)
		}
		return d, nil
	case *syntax.BinaryExpr:
		switch e.Op {
		case syntax.PLUS, syntax.MINUS, syntax.STAR, syntax.SLASH, syntax.SLASHSLASH, syntax.PERCENT,
			syntax.AMP, syntax.PIPE, syntax.CIRCUMFLEX, syntax.LTLT, syntax.GTGT:
			// eval(ast.unparse(value))
			return evalExpr(e, depth)
		}
		return nil, fmt.Errorf("unsupported expression")
	case *syntax.CallExpr:
		for _, a := range e.Args {
			if b, ok := a.(*syntax.BinaryExpr); ok && b.Op == syntax.EQ {
				name, args, err := resolveCall(e)
				if err != nil {
					return nil, err
				}
				return pyval.DictOf(name, args), nil
			}
			if u, ok := a.(*syntax.UnaryExpr); ok && u.Op == syntax.STARSTAR {
				name, args, err := resolveCall(e)
				if err != nil {
					return nil, err
				}
				return pyval.DictOf(name, args), nil
			}
		}
		var b strings.Builder
		if err := unparse(&b, e, depth); err != nil {
			return nil, err
		}
		return b.String(), nil
	case *syntax.IndexExpr:
		var b strings.Builder
		if err := unparse(&b, e, depth); err != nil {
			return nil, err
		}
		return b.String(), nil
	}
	return nil, fmt.Errorf("unsupported expression")
}

// literal is a Literal's Python value.
func literal(l *syntax.Literal) (pyval.Value, error) {
	switch l.Token {
	case syntax.STRING:
		return l.Value.(string), nil
	case syntax.INT:
		switch v := l.Value.(type) {
		case int64:
			return v, nil
		case *big.Int:
			return normInt(v), nil
		}
	case syntax.FLOAT:
		if f, ok := l.Value.(float64); ok {
			return f, nil
		}
	}
	return nil, fmt.Errorf("unsupported literal")
}

// constant reports whether e is an ast.Constant (True, False and None are
// names in Starlark, constants in Python) and its value.
func constant(e syntax.Expr) (pyval.Value, bool, error) {
	switch e := e.(type) {
	case *syntax.Literal:
		v, err := literal(e)
		return v, err == nil, err
	case *syntax.Ident:
		switch e.Name {
		case "True":
			return true, true, nil
		case "False":
			return false, true, nil
		case "None":
			return nil, true, nil
		}
	}
	return nil, false, nil
}

// negate is Python's unary minus.
func negate(v pyval.Value) (pyval.Value, error) {
	switch x := v.(type) {
	case bool:
		if x {
			return int64(-1), nil
		}
		return int64(0), nil
	case int64:
		if x == math.MinInt64 {
			return new(big.Int).Neg(big.NewInt(x)), nil
		}
		return -x, nil
	case *big.Int:
		return normInt(new(big.Int).Neg(x)), nil
	case float64:
		return -x, nil
	}
	return nil, fmt.Errorf("bad operand type for unary -: '%s'", pyval.TypeName(v))
}

func normInt(x *big.Int) pyval.Value {
	if x.IsInt64() {
		return x.Int64()
	}
	return x
}

// unparse writes the source of e as ast.unparse writes it, for the forms
// it covers.
func unparse(b *strings.Builder, e syntax.Expr, depth int) error {
	if depth > maxResolveDepth {
		return fmt.Errorf("too deeply nested")
	}
	switch e := e.(type) {
	case *syntax.ParenExpr:
		// ast.unparse writes no redundant parentheses (a tuple gets its own).
		return unparse(b, e.X, depth+1)
	case *syntax.Ident:
		b.WriteString(e.Name)
	case *syntax.DotExpr:
		if err := unparse(b, e.X, depth+1); err != nil {
			return err
		}
		b.WriteByte('.')
		b.WriteString(e.Name.Name)
	case *syntax.Literal:
		v, err := literal(e)
		if err != nil {
			return err
		}
		b.WriteString(pyval.Repr(v))
	case *syntax.UnaryExpr:
		switch e.Op {
		case syntax.MINUS, syntax.PLUS, syntax.TILDE:
			if _, ok := unparen(e.X).(*syntax.Literal); !ok {
				return fmt.Errorf("unsupported expression")
			}
			b.WriteString(e.Op.String())
			return unparse(b, e.X, depth+1)
		case syntax.STAR, syntax.STARSTAR:
			b.WriteString(e.Op.String())
			return unparse(b, e.X, depth+1)
		}
		return fmt.Errorf("unsupported expression")
	case *syntax.ListExpr:
		b.WriteByte('[')
		if err := unparseList(b, e.List, depth); err != nil {
			return err
		}
		b.WriteByte(']')
	case *syntax.TupleExpr:
		b.WriteByte('(')
		if err := unparseList(b, e.List, depth); err != nil {
			return err
		}
		if len(e.List) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *syntax.DictExpr:
		b.WriteByte('{')
		for i, x := range e.List {
			if i > 0 {
				b.WriteString(", ")
			}
			en := x.(*syntax.DictEntry)
			if err := unparse(b, en.Key, depth+1); err != nil {
				return err
			}
			b.WriteString(": ")
			if err := unparse(b, en.Value, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case *syntax.CallExpr:
		if err := unparse(b, e.Fn, depth+1); err != nil {
			return err
		}
		b.WriteByte('(')
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			if kw, ok := a.(*syntax.BinaryExpr); ok && kw.Op == syntax.EQ {
				if err := unparse(b, kw.X, depth+1); err != nil {
					return err
				}
				b.WriteByte('=')
				if err := unparse(b, kw.Y, depth+1); err != nil {
					return err
				}
				continue
			}
			if err := unparse(b, a, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(')')
	case *syntax.IndexExpr:
		if err := unparse(b, e.X, depth+1); err != nil {
			return err
		}
		b.WriteByte('[')
		if err := unparse(b, e.Y, depth+1); err != nil {
			return err
		}
		b.WriteByte(']')
	default:
		return fmt.Errorf("unsupported expression")
	}
	return nil
}

func unparseList(b *strings.Builder, xs []syntax.Expr, depth int) error {
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		if err := unparse(b, x, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// callSource is the reference's decoded_output_to_execution_list for one
// call: name(k1=parse_nested_value(v1), ...).
func callSource(name string, args *pyval.Dict) (string, error) {
	var b strings.Builder
	b.WriteString(name)
	b.WriteByte('(')
	var err error
	i := 0
	args.Items(func(k, v pyval.Value) bool {
		if i > 0 {
			b.WriteString(", ")
		}
		i++
		b.WriteString(pyval.Str(k))
		b.WriteByte('=')
		err = nestedValue(&b, v, 0)
		return err == nil
	})
	if err != nil {
		return "", err
	}
	b.WriteByte(')')
	return b.String(), nil
}

// nestedValue is the reference's parse_nested_value: a dict whose values
// are all dicts is written as a call of its first key (an empty dict has
// none, and fails), any other dict as {'k': value} with each key's str()
// in single quotes, anything else as its repr.
func nestedValue(b *strings.Builder, v pyval.Value, depth int) error {
	d, ok := v.(*pyval.Dict)
	if !ok {
		b.WriteString(pyval.Repr(v))
		return nil
	}
	if depth > maxResolveDepth {
		return fmt.Errorf("too deeply nested")
	}
	allDicts := true
	d.Items(func(_, x pyval.Value) bool {
		_, allDicts = x.(*pyval.Dict)
		return allDicts
	})
	var err error
	if allDicts {
		if d.Len() == 0 {
			return fmt.Errorf("IndexError: list index out of range")
		}
		k := d.Keys()[0]
		inner, _ := d.Get(k)
		b.WriteString(pyval.Str(k))
		b.WriteByte('(')
		i := 0
		inner.(*pyval.Dict).Items(func(ik, iv pyval.Value) bool {
			if i > 0 {
				b.WriteString(", ")
			}
			i++
			b.WriteString(pyval.Str(ik))
			b.WriteByte('=')
			err = nestedValue(b, iv, depth+1)
			return err == nil
		})
		b.WriteByte(')')
		return err
	}
	b.WriteByte('{')
	i := 0
	d.Items(func(k, x pyval.Value) bool {
		if i > 0 {
			b.WriteString(", ")
		}
		i++
		b.WriteByte('\'')
		b.WriteString(pyval.Str(k))
		b.WriteString("': ")
		err = nestedValue(b, x, depth+1)
		return err == nil
	})
	b.WriteByte('}')
	return err
}
