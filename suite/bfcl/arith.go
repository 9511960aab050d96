package bfcl

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"go.starlark.net/syntax"

	"github.com/toolgym/toolgym/pyval"
)

// evalExpr evaluates an arithmetic expression as Python's eval does, for
// the reference's eval(ast.unparse(value)) of a binary operation: ints
// (exact), floats, bools as ints, str, list and tuple concatenation and
// repetition. Names, calls and other operands fail, as they mostly do in
// the reference (NameError).
func evalExpr(e syntax.Expr, depth int) (pyval.Value, error) {
	if depth > maxResolveDepth {
		return nil, fmt.Errorf("too deeply nested")
	}
	switch e := e.(type) {
	case *syntax.ParenExpr:
		return evalExpr(e.X, depth+1)
	case *syntax.Literal:
		return literal(e)
	case *syntax.Ident:
		if v, ok, _ := constant(e); ok {
			return v, nil
		}
		return nil, fmt.Errorf("NameError: name '%s' is not defined", e.Name)
	case *syntax.UnaryExpr:
		x, err := evalExpr(e.X, depth+1)
		if err != nil {
			return nil, err
		}
		switch e.Op {
		case syntax.MINUS:
			return negate(x)
		case syntax.PLUS:
			if b, ok := x.(bool); ok {
				return boolInt(b), nil
			}
			if isNumber(x) {
				return x, nil
			}
		case syntax.TILDE:
			if i, ok := toBig(x); ok {
				return normInt(new(big.Int).Not(i)), nil
			}
		case syntax.NOT:
			return !pyval.Truth(x), nil
		}
		return nil, fmt.Errorf("TypeError: bad operand type for unary %s: '%s'", e.Op, pyval.TypeName(x))
	case *syntax.ListExpr:
		out := make([]pyval.Value, len(e.List))
		for i, x := range e.List {
			v, err := evalExpr(x, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case *syntax.TupleExpr:
		out := make(pyval.Tuple, len(e.List))
		for i, x := range e.List {
			v, err := evalExpr(x, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case *syntax.BinaryExpr:
		x, err := evalExpr(e.X, depth+1)
		if err != nil {
			return nil, err
		}
		y, err := evalExpr(e.Y, depth+1)
		if err != nil {
			return nil, err
		}
		return binary(e.Op, x, y)
	}
	return nil, fmt.Errorf("unsupported expression")
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func isNumber(v pyval.Value) bool {
	switch v.(type) {
	case int64, *big.Int, float64:
		return true
	}
	return false
}

// toBig returns an int (or bool) as a big.Int.
func toBig(v pyval.Value) (*big.Int, bool) {
	switch x := v.(type) {
	case bool:
		return big.NewInt(boolInt(x)), true
	case int64:
		return big.NewInt(x), true
	case *big.Int:
		return x, true
	}
	return nil, false
}

// toFloat returns a number as a float, failing as Python's int-to-float
// conversion does for ints out of range.
func toFloat(v pyval.Value) (float64, bool, error) {
	switch x := v.(type) {
	case float64:
		return x, true, nil
	case bool, int64, *big.Int:
		i, _ := toBig(x)
		f, _ := new(big.Float).SetInt(i).Float64()
		if math.IsInf(f, 0) {
			return 0, true, fmt.Errorf("OverflowError: int too large to convert to float")
		}
		return f, true, nil
	}
	return 0, false, nil
}

// maxShift bounds left shifts (Python would build the number; no model
// means it).
const maxShift = 1 << 16

func binary(op syntax.Token, x, y pyval.Value) (pyval.Value, error) {
	xi, xInt := toBig(x)
	yi, yInt := toBig(y)
	if xInt && yInt {
		return intBinary(op, xi, yi)
	}
	_, xNum, _ := toFloat(x)
	_, yNum, _ := toFloat(y)
	if xNum && yNum {
		a, _, err := toFloat(x)
		if err != nil {
			return nil, err
		}
		b, _, err := toFloat(y)
		if err != nil {
			return nil, err
		}
		return floatBinary(op, a, b)
	}
	switch op {
	case syntax.PLUS:
		switch a := x.(type) {
		case string:
			if b, ok := y.(string); ok {
				return a + b, nil
			}
		case []pyval.Value:
			if b, ok := y.([]pyval.Value); ok {
				return append(append(make([]pyval.Value, 0, len(a)+len(b)), a...), b...), nil
			}
		case pyval.Tuple:
			if b, ok := y.(pyval.Tuple); ok {
				return append(append(make(pyval.Tuple, 0, len(a)+len(b)), a...), b...), nil
			}
		}
	case syntax.STAR:
		if n, ok := yi, yInt; ok {
			return repeat(x, n)
		}
		if n, ok := xi, xInt; ok {
			return repeat(y, n)
		}
	}
	return nil, fmt.Errorf("TypeError: unsupported operand types for %s: '%s' and '%s'", op, pyval.TypeName(x), pyval.TypeName(y))
}

// maxRepeat bounds the length a repetition may build.
const maxRepeat = 1 << 20

func repeat(seq pyval.Value, n *big.Int) (pyval.Value, error) {
	k := int64(0)
	if n.Sign() > 0 {
		if !n.IsInt64() {
			return nil, fmt.Errorf("OverflowError: repetition too large")
		}
		k = n.Int64()
	}
	switch s := seq.(type) {
	case string:
		if k*int64(len(s)) > maxRepeat {
			return nil, fmt.Errorf("repetition too large")
		}
		return strings.Repeat(s, int(k)), nil
	case []pyval.Value:
		if k*int64(len(s)) > maxRepeat {
			return nil, fmt.Errorf("repetition too large")
		}
		out := make([]pyval.Value, 0, int(k)*len(s))
		for range k {
			out = append(out, s...)
		}
		return out, nil
	case pyval.Tuple:
		if k*int64(len(s)) > maxRepeat {
			return nil, fmt.Errorf("repetition too large")
		}
		out := make(pyval.Tuple, 0, int(k)*len(s))
		for range k {
			out = append(out, s...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("TypeError: can't multiply sequence by non-int")
}

func intBinary(op syntax.Token, a, b *big.Int) (pyval.Value, error) {
	r := new(big.Int)
	switch op {
	case syntax.PLUS:
		r.Add(a, b)
	case syntax.MINUS:
		r.Sub(a, b)
	case syntax.STAR:
		r.Mul(a, b)
	case syntax.SLASH:
		if b.Sign() == 0 {
			return nil, fmt.Errorf("ZeroDivisionError: division by zero")
		}
		f, _ := new(big.Rat).SetFrac(a, b).Float64()
		if math.IsInf(f, 0) {
			return nil, fmt.Errorf("OverflowError: integer division result too large for a float")
		}
		return f, nil
	case syntax.SLASHSLASH, syntax.PERCENT:
		if b.Sign() == 0 {
			return nil, fmt.Errorf("ZeroDivisionError: integer division or modulo by zero")
		}
		q, m := new(big.Int), new(big.Int)
		q.QuoRem(a, b, m) // truncated
		if m.Sign() != 0 && m.Sign() != b.Sign() {
			// Python floors: the remainder takes the divisor's sign.
			m.Add(m, b)
			q.Sub(q, big.NewInt(1))
		}
		if op == syntax.SLASHSLASH {
			return normInt(q), nil
		}
		return normInt(m), nil
	case syntax.AMP:
		r.And(a, b)
	case syntax.PIPE:
		r.Or(a, b)
	case syntax.CIRCUMFLEX:
		r.Xor(a, b)
	case syntax.LTLT, syntax.GTGT:
		if b.Sign() < 0 {
			return nil, fmt.Errorf("ValueError: negative shift count")
		}
		if !b.IsInt64() || (op == syntax.LTLT && b.Int64() > maxShift) {
			return nil, fmt.Errorf("shift too large")
		}
		if op == syntax.LTLT {
			r.Lsh(a, uint(b.Int64()))
		} else {
			r.Rsh(a, uint(b.Int64()))
		}
	default:
		return nil, fmt.Errorf("unsupported operator %s", op)
	}
	return normInt(r), nil
}

func floatBinary(op syntax.Token, a, b float64) (pyval.Value, error) {
	switch op {
	case syntax.PLUS:
		return a + b, nil
	case syntax.MINUS:
		return a - b, nil
	case syntax.STAR:
		return a * b, nil
	case syntax.SLASH:
		if b == 0 {
			return nil, fmt.Errorf("ZeroDivisionError: float division by zero")
		}
		return a / b, nil
	case syntax.SLASHSLASH, syntax.PERCENT:
		if b == 0 {
			return nil, fmt.Errorf("ZeroDivisionError: float floor division by zero")
		}
		div, mod := floatDivmod(a, b)
		if op == syntax.SLASHSLASH {
			return div, nil
		}
		return mod, nil
	}
	return nil, fmt.Errorf("TypeError: unsupported operand types for %s: 'float'", op)
}

// floatDivmod is CPython's float divmod (floatobject.c).
func floatDivmod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}
