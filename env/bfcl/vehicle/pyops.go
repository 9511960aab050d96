package vehicle

import (
	"cmp"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/toolgym/toolgym/pyval"
)

// This file holds the few pieces of Python's number semantics the
// reference's methods rely on: comparisons, + - * / and % between bools,
// ints and floats (with Python's result types and TypeError texts),
// float() and truthiness. Arguments arrive as pyval values of any type, so
// every operation checks its operands and fails as CPython would.

// num is a Python number split into its int or float form.
type num struct {
	isFloat bool
	f       float64
	i       int64
	big     *big.Int // set for ints outside int64
}

// asNum returns v as a number; ok is false for non-numbers.
func asNum(v pyval.Value) (num, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return num{i: 1}, true
		}
		return num{}, true
	case int64:
		return num{i: x}, true
	case int:
		return num{i: int64(x)}, true
	case float64:
		return num{isFloat: true, f: x}, true
	case *big.Int:
		if x.IsInt64() {
			return num{i: x.Int64()}, true
		}
		return num{big: x}, true
	}
	return num{}, false
}

// float converts an int to float as Python does (round half to even),
// failing with OverflowError for ints beyond the float range.
func (n num) float() (float64, error) {
	switch {
	case n.isFloat:
		return n.f, nil
	case n.big == nil:
		return float64(n.i), nil
	}
	f, _ := new(big.Float).SetInt(n.big).Float64()
	if math.IsInf(f, 0) {
		return 0, pyval.Exc("OverflowError", "int too large to convert to float")
	}
	return f, nil
}

func (n num) bigInt() *big.Int {
	if n.big != nil {
		return n.big
	}
	return big.NewInt(n.i)
}

// value returns the number as a pyval value (int64, *big.Int or float64).
func (n num) value() pyval.Value {
	switch {
	case n.isFloat:
		return n.f
	case n.big != nil:
		if n.big.IsInt64() {
			return n.big.Int64()
		}
		return n.big
	}
	return n.i
}

func bigNum(b *big.Int) num {
	if b.IsInt64() {
		return num{i: b.Int64()}
	}
	return num{big: b}
}

func unsupported(op string, a, b pyval.Value) error {
	return pyval.TypeError("unsupported operand type(s) for " + op + ": '" + pyval.TypeName(a) + "' and '" + pyval.TypeName(b) + "'")
}

// isSeq reports whether v is a str, list or tuple (the sequences + and *
// treat specially).
func isSeq(v pyval.Value) bool {
	switch v.(type) {
	case string, []pyval.Value, pyval.Tuple:
		return true
	}
	return false
}

// arith applies a binary arithmetic operator ("+", "-", "*") to two
// Python values.
func arith(op string, a, b pyval.Value) (pyval.Value, error) {
	x, okA := asNum(a)
	y, okB := asNum(b)
	if !okA || !okB {
		return nil, arithTypeError(op, a, b, okA, okB)
	}
	if x.isFloat || y.isFloat {
		fx, err := x.float()
		if err != nil {
			return nil, err
		}
		fy, err := y.float()
		if err != nil {
			return nil, err
		}
		switch op {
		case "+":
			return fx + fy, nil
		case "-":
			return fx - fy, nil
		}
		return fx * fy, nil
	}
	if x.big == nil && y.big == nil {
		switch op {
		case "+":
			if s := x.i + y.i; (s > x.i) == (y.i > 0) {
				return s, nil
			}
		case "-":
			if s := x.i - y.i; (s < x.i) == (y.i > 0) {
				return s, nil
			}
		default:
			if x.i == 0 || y.i == 0 {
				return int64(0), nil
			}
			p := x.i * y.i
			if p/y.i == x.i && !(x.i == -1 && y.i == math.MinInt64) && !(y.i == -1 && x.i == math.MinInt64) {
				return p, nil
			}
		}
	}
	r := new(big.Int)
	switch op {
	case "+":
		r.Add(x.bigInt(), y.bigInt())
	case "-":
		r.Sub(x.bigInt(), y.bigInt())
	default:
		r.Mul(x.bigInt(), y.bigInt())
	}
	return bigNum(r).value(), nil
}

// arithTypeError is CPython's message for an operator applied to
// operands it does not support.
func arithTypeError(op string, a, b pyval.Value, numA, numB bool) error {
	switch op {
	case "+":
		if s := pyval.TypeName(a); isSeq(a) && s != pyval.TypeName(b) {
			return pyval.TypeError("can only concatenate " + s + " (not \"" + pyval.TypeName(b) + "\") to " + s)
		}
	case "*":
		// A sequence times a float (or anything not an int).
		if isSeq(a) && !numB {
			return pyval.TypeError("can't multiply sequence by non-int of type '" + pyval.TypeName(b) + "'")
		}
		if isSeq(a) && numB {
			if n, _ := asNum(b); n.isFloat {
				return pyval.TypeError("can't multiply sequence by non-int of type 'float'")
			}
		}
		if isSeq(b) && numA {
			if n, _ := asNum(a); n.isFloat {
				return pyval.TypeError("can't multiply sequence by non-int of type 'float'")
			}
		}
	}
	return unsupported(op, a, b)
}

// trueDiv is Python's a / b.
func trueDiv(a, b pyval.Value) (pyval.Value, error) {
	x, okA := asNum(a)
	y, okB := asNum(b)
	if !okA || !okB {
		return nil, unsupported("/", a, b)
	}
	if !x.isFloat && !y.isFloat {
		if y.big == nil && y.i == 0 {
			return nil, pyval.ZeroDivisionError("division by zero")
		}
		const exact = 1 << 53
		if x.big == nil && y.big == nil && x.i > -exact && x.i < exact && y.i > -exact && y.i < exact {
			return float64(x.i) / float64(y.i), nil
		}
		f, _ := new(big.Rat).SetFrac(x.bigInt(), y.bigInt()).Float64()
		if math.IsInf(f, 0) {
			return nil, pyval.Exc("OverflowError", "integer division result too large for a float")
		}
		return f, nil
	}
	fx, err := x.float()
	if err != nil {
		return nil, err
	}
	fy, err := y.float()
	if err != nil {
		return nil, err
	}
	if fy == 0 {
		return nil, pyval.ZeroDivisionError("float division by zero")
	}
	return fx / fy, nil
}

// floatMod is Python's x % y for floats: the result takes the divisor's
// sign.
func floatMod(x, y float64) (float64, error) {
	if y == 0 {
		return 0, pyval.ZeroDivisionError("float modulo")
	}
	m := math.Mod(x, y)
	if m != 0 {
		if (y < 0) != (m < 0) {
			m += y
		}
	} else {
		m = math.Copysign(0, y)
	}
	return m, nil
}

// compare evaluates the ordering a op b for op one of "<", "<=", ">",
// ">=", with Python's rules: numbers by exact value (NaN compares false),
// strings by code point, lists with lists and tuples with tuples;
// anything else is a TypeError naming the operator.
func compare(op string, a, b pyval.Value) (bool, error) {
	x, okA := asNum(a)
	y, okB := asNum(b)
	var c int
	if okA && okB {
		if (x.isFloat && math.IsNaN(x.f)) || (y.isFloat && math.IsNaN(y.f)) {
			return false, nil
		}
		if fx, fy, ok := exactFloats(x, y); ok {
			c = cmp.Compare(fx, fy)
			goto done
		}
	} else if !sameOrderable(a, b) {
		return false, pyval.TypeError("'" + op + "' not supported between instances of '" + pyval.TypeName(a) + "' and '" + pyval.TypeName(b) + "'")
	}
	{
		var err error
		if c, err = pyval.Compare(a, b); err != nil {
			return false, err
		}
	}
done:
	switch op {
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	}
	return c >= 0, nil
}

// exactFloats returns two numbers as floats when both convert exactly (a
// float, or an int within 2**53), so that comparing the floats is
// comparing the numbers; ok is false otherwise.
func exactFloats(x, y num) (fx, fy float64, ok bool) {
	const exact = 1 << 53
	conv := func(n num) (float64, bool) {
		switch {
		case n.isFloat:
			return n.f, true
		case n.big == nil && n.i >= -exact && n.i <= exact:
			return float64(n.i), true
		}
		return 0, false
	}
	fx, okX := conv(x)
	fy, okY := conv(y)
	return fx, fy, okX && okY
}

func sameOrderable(a, b pyval.Value) bool {
	switch a.(type) {
	case string:
		_, ok := b.(string)
		return ok
	case []pyval.Value:
		_, ok := b.([]pyval.Value)
		return ok
	case pyval.Tuple:
		_, ok := b.(pyval.Tuple)
		return ok
	}
	return false
}

// between evaluates Python's chained lo <= v <= hi.
func between(lo, v, hi pyval.Value) (bool, error) {
	ok, err := compare("<=", lo, v)
	if err != nil || !ok {
		return false, err
	}
	return compare("<=", v, hi)
}

// toFloat is Python's float(v).
func toFloat(v pyval.Value) (float64, error) {
	if n, ok := asNum(v); ok {
		return n.float()
	}
	s, ok := v.(string)
	if !ok {
		return 0, pyval.TypeError("float() argument must be a string or a real number, not '" + pyval.TypeName(v) + "'")
	}
	if f, ok := parsePyFloat(s); ok {
		return f, nil
	}
	return 0, pyval.ValueError("could not convert string to float: " + pyval.Repr(s))
}

// parsePyFloat parses a string as float() does: surrounding whitespace,
// an optional sign, decimal digits with single underscores between them,
// an optional fraction and exponent, or inf, infinity and nan in any case.
func parsePyFloat(s string) (float64, bool) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	body := s
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity", "nan":
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	}
	var clean strings.Builder
	digits, expDigits := 0, 0
	seenDot, seenExp := false, false
	prevDigit := false
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= '0' && c <= '9':
			if seenExp {
				expDigits++
			} else {
				digits++
			}
			prevDigit = true
			clean.WriteByte(c)
			continue
		case c == '_':
			if !prevDigit || i+1 >= len(body) || body[i+1] < '0' || body[i+1] > '9' {
				return 0, false
			}
		case c == '.' && !seenDot && !seenExp:
			seenDot = true
			clean.WriteByte(c)
		case (c == 'e' || c == 'E') && !seenExp && digits > 0:
			seenExp = true
			clean.WriteByte(c)
			if i+1 < len(body) && (body[i+1] == '+' || body[i+1] == '-') {
				i++
				clean.WriteByte(body[i])
			}
		default:
			return 0, false
		}
		prevDigit = false
	}
	if digits == 0 || (seenExp && expDigits == 0) {
		return 0, false
	}
	f, err := strconv.ParseFloat(clean.String(), 64)
	if err != nil && !isRangeErr(err) {
		return 0, false
	}
	if len(s) > 0 && s[0] == '-' {
		f = -f
	}
	return f, true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// isStr reports whether v is the str s (Python's v == s).
func isStr(v pyval.Value, s string) bool {
	x, ok := v.(string)
	return ok && x == s
}

// iterate returns the items a for loop over v visits: list and tuple
// elements, a str's characters, a dict's keys; other types are a
// TypeError.
func iterate(v pyval.Value) ([]pyval.Value, error) {
	switch x := v.(type) {
	case []pyval.Value:
		return x, nil
	case pyval.Tuple:
		return x, nil
	case string:
		out := make([]pyval.Value, 0, len(x))
		for _, r := range x {
			out = append(out, string(r))
		}
		return out, nil
	case *pyval.Dict:
		return x.Keys(), nil
	}
	return nil, pyval.TypeError("'" + pyval.TypeName(v) + "' object is not iterable")
}
