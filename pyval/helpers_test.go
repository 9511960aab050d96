package pyval

import (
	"fmt"
	"math"
	"math/big"
	"testing"

	"go.starlark.net/syntax"
)

// testObj is an Object whose repr is its text (the generator's Obj).
type testObj struct{ text string }

func (o *testObj) PyRepr() string { return o.text }
func (o *testObj) PyType() string { return "Obj" }

// lit builds the Value of a Python literal expression, as the case
// generator (testdata/gen/gen_cases.py) evaluates it: literals, True,
// False, None, lists, tuples, dicts, unary and binary + - *, and the calls
// set(list), tuple(list), float('nan'|'inf'|'-inf'), pow(a, b) and
// obj(text) (a *testObj).
func lit(t testing.TB, src string) Value {
	t.Helper()
	e, err := syntax.ParseExpr("case", src, 0)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	v, err := litExpr(e)
	if err != nil {
		t.Fatalf("eval %q: %v", src, err)
	}
	return v
}

func litExpr(e syntax.Expr) (Value, error) {
	switch x := e.(type) {
	case *syntax.Literal:
		return norm(x.Value), nil
	case *syntax.Ident:
		switch x.Name {
		case "True":
			return true, nil
		case "False":
			return false, nil
		case "None":
			return nil, nil
		}
	case *syntax.ParenExpr:
		return litExpr(x.X)
	case *syntax.ListExpr:
		l := []Value{}
		for _, el := range x.List {
			v, err := litExpr(el)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case *syntax.TupleExpr:
		l := Tuple{}
		for _, el := range x.List {
			v, err := litExpr(el)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case *syntax.DictExpr:
		d := NewDict()
		for _, el := range x.List {
			ent := el.(*syntax.DictEntry)
			k, err := litExpr(ent.Key)
			if err != nil {
				return nil, err
			}
			v, err := litExpr(ent.Value)
			if err != nil {
				return nil, err
			}
			d.Set(k, v)
		}
		return d, nil
	case *syntax.UnaryExpr:
		v, err := litExpr(x.X)
		if err != nil {
			return nil, err
		}
		switch x.Op {
		case syntax.PLUS:
			return v, nil
		case syntax.MINUS:
			if f, ok := v.(float64); ok {
				return -f, nil
			}
			return arith(syntax.MINUS, int64(0), v)
		}
	case *syntax.BinaryExpr:
		a, err := litExpr(x.X)
		if err != nil {
			return nil, err
		}
		b, err := litExpr(x.Y)
		if err != nil {
			return nil, err
		}
		return arith(x.Op, a, b)
	case *syntax.CallExpr:
		fn, _ := x.Fn.(*syntax.Ident)
		var args []Value
		for _, a := range x.Args {
			v, err := litExpr(a)
			if err != nil {
				return nil, err
			}
			args = append(args, v)
		}
		switch {
		case fn == nil:
		case fn.Name == "set" && len(args) == 0:
			return NewSet(), nil
		case fn.Name == "set" && len(args) == 1:
			return NewSet(args[0].([]Value)...), nil
		case fn.Name == "tuple" && len(args) == 1:
			return Tuple(args[0].([]Value)), nil
		case fn.Name == "obj" && len(args) == 1:
			return &testObj{args[0].(string)}, nil
		case fn.Name == "float" && len(args) == 1:
			switch args[0] {
			case "nan":
				return math.NaN(), nil
			case "inf":
				return math.Inf(1), nil
			case "-inf":
				return math.Inf(-1), nil
			}
		case fn.Name == "pow" && len(args) == 2:
			if f, ok := args[0].(float64); ok {
				return math.Pow(f, float64(args[1].(int64))), nil
			}
			return norm(new(big.Int).Exp(bigOf(args[0]), bigOf(args[1]), nil)), nil
		}
	}
	return nil, fmt.Errorf("unsupported expression %T", e)
}

// arith applies + - * to two numbers as Python does (ints exactly).
func arith(op syntax.Token, a, b Value) (Value, error) {
	fa, aF := a.(float64)
	fb, bF := b.(float64)
	if aF || bF {
		if !aF {
			fa, _ = new(big.Float).SetInt(bigOf(a)).Float64()
		}
		if !bF {
			fb, _ = new(big.Float).SetInt(bigOf(b)).Float64()
		}
		switch op {
		case syntax.PLUS:
			return fa + fb, nil
		case syntax.MINUS:
			return fa - fb, nil
		case syntax.STAR:
			return fa * fb, nil
		}
		return nil, fmt.Errorf("unsupported operator %v", op)
	}
	x, y := bigOf(a), bigOf(b)
	if x == nil || y == nil {
		return nil, fmt.Errorf("arithmetic on %T and %T", a, b)
	}
	r := new(big.Int)
	switch op {
	case syntax.PLUS:
		r.Add(x, y)
	case syntax.MINUS:
		r.Sub(x, y)
	case syntax.STAR:
		r.Mul(x, y)
	default:
		return nil, fmt.Errorf("unsupported operator %v", op)
	}
	return norm(r), nil
}

// errText is the generator's "Type: message" form of an error.
func errText(err error) string {
	if e, ok := err.(*Exception); ok {
		return e.Type + ": " + e.Error()
	}
	return err.Error()
}

// Case types of cases_gen_test.go.
type (
	valueCase struct {
		src, repr, str, json, jsonErr string
		hashable                      bool
		state, typ                    string
	}
	equalCase struct {
		a, b string
		eq   bool
		cmp  string
	}
	jsonDecodeCase struct{ doc, repr, dump, err string }
	randomOp       struct {
		name string
		args []string
	}
	randomCase struct {
		seed string
		want []string
	}
	roundCase struct {
		x    string
		n    int
		want string
	}
	pyRoundCase struct{ x, n, want string }
	formatCase  struct{ v, spec, want, err string }
	stringCase  struct {
		s             string
		lines, fields []string
		strip, lower  string
		length        int
	}
)

// More case types of cases_gen_test.go.
type (
	numberCase struct{ s, int, float string }
	digitCase  struct {
		r                  rune
		isDigit, isDecimal bool
	}
)

var (
	posInf = math.Inf(1)
	nan    = math.NaN()
)
