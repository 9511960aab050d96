package mathapi

import (
	"math"
	"math/big"

	"github.com/toolgym/toolgym/internal/libm"
	"github.com/toolgym/toolgym/pyval"
)

// Python's arithmetic on argument values of any type: int (int64, or
// *big.Int beyond it; bool counts as int), float, and for + the str and
// list concatenations, with CPython's results and exceptions.

// maxIntDigits is CPython 3.11's default limit on the digits of an int
// converted to a string; a bigger result makes the executor fail when it
// prints it.
const maxIntDigits = 4300

var (
	errIntTooLarge = pyval.Exc("OverflowError", "int too large to convert to float")
	errIntDivLarge = pyval.Exc("OverflowError", "integer division result too large for a float")
	errRange       = pyval.Exc("OverflowError", "(34, 'Numerical result out of range')")
	errIntStr      = pyval.ValueError("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
	errZeroPow     = pyval.ZeroDivisionError("0.0 cannot be raised to a negative power")
)

func isNumber(v pyval.Value) bool {
	switch v.(type) {
	case bool, int64, *big.Int, float64:
		return true
	}
	return false
}

// intOf returns an int value (bool included) as int64 or *big.Int.
func intOf(v pyval.Value) (small int64, large *big.Int, ok bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, nil, true
		}
		return 0, nil, true
	case int64:
		return x, nil, true
	case *big.Int:
		if x.IsInt64() {
			return x.Int64(), nil, true
		}
		return 0, x, true
	}
	return 0, nil, false
}

func bigOf(v pyval.Value) *big.Int {
	n, b, _ := intOf(v)
	if b != nil {
		return b
	}
	return big.NewInt(n)
}

// normInt returns a *big.Int as int64 when it fits.
func normInt(b *big.Int) pyval.Value {
	if b.IsInt64() {
		return b.Int64()
	}
	return b
}

// toFloat is float(v) for a number, with Python's OverflowError for an
// int beyond the float range.
func toFloat(v pyval.Value) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case int64:
		return float64(x), nil
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		if math.IsInf(f, 0) {
			return 0, errIntTooLarge
		}
		return f, nil
	}
	return 0, pyval.TypeError("must be real number, not " + pyval.TypeName(v))
}

func opError(op string, a, b pyval.Value) error {
	return pyval.TypeError("unsupported operand type(s) for " + op + ": '" + pyval.TypeName(a) + "' and '" + pyval.TypeName(b) + "'")
}

// pyAdd is a + b.
func pyAdd(a, b pyval.Value) (pyval.Value, error) {
	if x, xb, ok := intOf(a); ok {
		if y, yb, ok := intOf(b); ok {
			if xb == nil && yb == nil {
				if s := x + y; (s > x) == (y > 0) {
					return s, nil
				}
			}
			return normInt(new(big.Int).Add(bigOf(a), bigOf(b))), nil
		}
	}
	if isNumber(a) && isNumber(b) {
		x, err := toFloat(a)
		if err != nil {
			return nil, err
		}
		y, err := toFloat(b)
		if err != nil {
			return nil, err
		}
		return x + y, nil
	}
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return x + y, nil
		}
		return nil, pyval.TypeError("can only concatenate str (not \"" + pyval.TypeName(b) + "\") to str")
	case []pyval.Value:
		if y, ok := b.([]pyval.Value); ok {
			out := make([]pyval.Value, 0, len(x)+len(y))
			return append(append(out, x...), y...), nil
		}
		return nil, pyval.TypeError("can only concatenate list (not \"" + pyval.TypeName(b) + "\") to list")
	case pyval.Tuple:
		if y, ok := b.(pyval.Tuple); ok {
			out := make(pyval.Tuple, 0, len(x)+len(y))
			return append(append(out, x...), y...), nil
		}
		return nil, pyval.TypeError("can only concatenate tuple (not \"" + pyval.TypeName(b) + "\") to tuple")
	}
	return nil, opError("+", a, b)
}

// pySub is a - b.
func pySub(a, b pyval.Value) (pyval.Value, error) {
	if !isNumber(a) || !isNumber(b) {
		return nil, opError("-", a, b)
	}
	if x, xb, ok := intOf(a); ok {
		if y, yb, ok := intOf(b); ok {
			if xb == nil && yb == nil {
				if d := x - y; (d < x) == (y > 0) {
					return d, nil
				}
			}
			return normInt(new(big.Int).Sub(bigOf(a), bigOf(b))), nil
		}
	}
	x, err := toFloat(a)
	if err != nil {
		return nil, err
	}
	y, err := toFloat(b)
	if err != nil {
		return nil, err
	}
	return x - y, nil
}

// pyMul is a * b for numbers.
func pyMul(a, b pyval.Value) (pyval.Value, error) {
	if !isNumber(a) || !isNumber(b) {
		return nil, opError("*", a, b)
	}
	if x, xb, ok := intOf(a); ok {
		if y, yb, ok := intOf(b); ok {
			if xb == nil && yb == nil {
				if fits, p := mul64(x, y); fits {
					return p, nil
				}
			}
			return normInt(new(big.Int).Mul(bigOf(a), bigOf(b))), nil
		}
	}
	x, err := toFloat(a)
	if err != nil {
		return nil, err
	}
	y, err := toFloat(b)
	if err != nil {
		return nil, err
	}
	return x * y, nil
}

// mul64 returns x*y and whether it fits in an int64.
func mul64(x, y int64) (bool, int64) {
	if x == 0 || y == 0 {
		return true, 0
	}
	p := x * y
	if p/y != x || (x == -1 && y == math.MinInt64) || (y == -1 && x == math.MinInt64) {
		return false, 0
	}
	return true, p
}

// pyTrueDiv is a / b for numbers, b nonzero.
func pyTrueDiv(a, b pyval.Value) (pyval.Value, error) {
	if !isNumber(a) || !isNumber(b) {
		return nil, opError("/", a, b)
	}
	x, xb, xInt := intOf(a)
	y, yb, yInt := intOf(b)
	if xInt && yInt {
		if y == 0 && yb == nil {
			return nil, pyval.ZeroDivisionError("division by zero")
		}
		const exact = 1 << 53
		if xb == nil && yb == nil && x >= -exact && x <= exact && y >= -exact && y <= exact {
			return float64(x) / float64(y), nil
		}
		f, _ := new(big.Rat).SetFrac(bigOf(a), bigOf(b)).Float64()
		if math.IsInf(f, 0) {
			return nil, errIntDivLarge
		}
		return f, nil
	}
	fx, err := toFloat(a)
	if err != nil {
		return nil, err
	}
	fy, err := toFloat(b)
	if err != nil {
		return nil, err
	}
	if fy == 0 {
		return nil, pyval.ZeroDivisionError("float division by zero")
	}
	return fx / fy, nil
}

// pyAbs is abs(v).
func pyAbs(v pyval.Value) (pyval.Value, error) {
	switch x := v.(type) {
	case float64:
		return math.Abs(x), nil
	case bool, int64, *big.Int:
		n, b, _ := intOf(x)
		if b == nil && n != math.MinInt64 {
			if n < 0 {
				return -n, nil
			}
			return n, nil
		}
		return normInt(new(big.Int).Abs(bigOf(x))), nil
	}
	return nil, pyval.TypeError("bad operand type for abs(): '" + pyval.TypeName(v) + "'")
}

// pyEqualsZero is v == 0.
func pyEqualsZero(v pyval.Value) bool {
	return isNumber(v) && pyval.Equal(v, int64(0))
}

// pyPow is base ** exponent.
func pyPow(base, exponent pyval.Value) (pyval.Value, error) {
	if !isNumber(base) || !isNumber(exponent) {
		return nil, pyval.TypeError("unsupported operand type(s) for ** or pow(): '" + pyval.TypeName(base) + "' and '" + pyval.TypeName(exponent) + "'")
	}
	if _, _, ok := intOf(base); ok {
		if e, eb, ok := intOf(exponent); ok && (eb == nil && e >= 0 || eb != nil && eb.Sign() > 0) {
			return intPow(bigOf(base), e, eb)
		}
	}
	x, err := toFloat(base)
	if err != nil {
		return nil, err
	}
	y, err := toFloat(exponent)
	if err != nil {
		return nil, err
	}
	return floatPow(x, y)
}

// intPow is int ** int for a non-negative exponent. Results beyond the
// digits CPython prints fail as printing them would.
func intPow(b *big.Int, e int64, eb *big.Int) (pyval.Value, error) {
	switch {
	case b.Sign() == 0:
		if eb == nil && e == 0 {
			return int64(1), nil
		}
		return int64(0), nil
	case b.CmpAbs(big.NewInt(1)) == 0:
		if b.Sign() < 0 && (eb != nil && eb.Bit(0) == 1 || eb == nil && e%2 == 1) {
			return int64(-1), nil
		}
		return int64(1), nil
	case eb != nil:
		return nil, errIntStr
	}
	// digits of |b|**e: about e * log10|b|; well beyond the limit, fail
	// without computing it.
	if float64(e)*float64(b.BitLen()-1)*math.Log10(2) > maxIntDigits+10 {
		return nil, errIntStr
	}
	r := new(big.Int).Exp(b, big.NewInt(e), nil)
	return normInt(r), nil
}

// floatPow is float ** float as CPython's float_pow computes it, with
// libm's pow replaced by a correctly rounded one.
func floatPow(x, y float64) (pyval.Value, error) {
	switch {
	case y == 0:
		return 1.0, nil
	case math.IsNaN(x):
		return x, nil
	case math.IsNaN(y):
		if x == 1 {
			return 1.0, nil
		}
		return y, nil
	case math.IsInf(y, 0):
		ax := math.Abs(x)
		switch {
		case ax == 1:
			return 1.0, nil
		case (y > 0) == (ax > 1):
			return math.Inf(1), nil
		}
		return 0.0, nil
	case math.IsInf(x, 0):
		odd := isOddInteger(y)
		if y > 0 {
			if odd {
				return x, nil
			}
			return math.Abs(x), nil
		}
		if odd {
			return math.Copysign(0, x), nil
		}
		return 0.0, nil
	case x == 0:
		if y < 0 {
			return nil, errZeroPow
		}
		if isOddInteger(y) {
			return x, nil
		}
		return 0.0, nil
	}
	negate := false
	if x < 0 {
		if y != math.Floor(y) {
			return complexPow(x, y)
		}
		x = -x
		negate = isOddInteger(y)
	}
	if x == 1 {
		if negate {
			return -1.0, nil
		}
		return 1.0, nil
	}
	r := libm.Pow(x, y)
	if math.IsInf(r, 0) {
		return nil, errRange
	}
	if negate {
		r = -r
	}
	return r, nil
}

func isOddInteger(y float64) bool {
	return y == math.Floor(y) && math.Abs(y) < 1<<53 && int64(y)%2 != 0
}

// complexPow is CPython's complex power for a negative float base and a
// non-integral exponent (float_pow hands these to complex_pow).
func complexPow(x, y float64) (pyval.Value, error) {
	length := libm.Pow(-x, y) // hypot(x, 0) == |x|
	phase := math.Pi * y      // atan2(0, x) == π for x < 0
	sin, cos := libm.SinCos(phase)
	c := complexValue{re: length * cos, im: length * sin}
	if math.IsInf(length, 0) || math.IsInf(c.re, 0) || math.IsInf(c.im, 0) {
		return nil, pyval.Exc("OverflowError", "complex exponentiation")
	}
	return c, nil
}

// complexValue is a Python complex. It has no JSON encoding, so a result
// dict holding it reaches the model through str(), as in the reference.
type complexValue struct{ re, im float64 }

// PyRepr implements pyval.Object: (1+2j), 2j, (1.5-0.5j).
func (c complexValue) PyRepr() string {
	im := complexPart(c.im)
	if c.re == 0 && !math.Signbit(c.re) {
		return im + "j"
	}
	if !math.Signbit(c.im) || math.IsNaN(c.im) {
		im = "+" + im
	}
	return "(" + complexPart(c.re) + im + "j)"
}

// PyType returns the class name.
func (c complexValue) PyType() string { return "complex" }

// complexPart is repr of a float without the ".0" an integral value
// otherwise gets, as complex.__repr__ prints its parts.
func complexPart(x float64) string {
	s := pyval.Repr(x)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}

// intStrOK reports whether an int result can be printed (CPython 3.11
// refuses ints of more than 4300 digits).
func intStrOK(v pyval.Value) bool {
	b, ok := v.(*big.Int)
	if !ok || b.BitLen() <= 14000 { // fewer than 4215 digits
		return true
	}
	n := len(b.String())
	if b.Sign() < 0 {
		n--
	}
	return n <= maxIntDigits
}
