package pyexpr

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/toolgym/toolgym/internal/libm"
	"github.com/toolgym/toolgym/pyval"
)

// This file computes with Python's number semantics: exact ints, IEEE
// floats with CPython's float_floor_div and float_pow (and C's pow as
// glibc rounds it), complex numbers as complexobject.c computes them,
// and the operators' TypeError texts for the empty tuple and Ellipsis.
// Errors are raised as panics of *pyval.Exception, which Eval recovers.

// maxIntBits bounds the ints an expression may build. Python would go on
// computing far larger ones (for seconds, minutes or until memory runs
// out); past this size the evaluator gives what Python ends with in the
// usual case, float() of the result failing.
const maxIntBits = 1 << 22

func raise(typ, format string, args ...any) {
	panic(pyval.Exc(typ, fmt.Sprintf(format, args...)))
}

// float converts an int or float operand as Python's float arithmetic
// does.
func (v Value) float() float64 {
	if v.kind == kFloat {
		return v.f
	}
	if v.i.IsInt64() {
		return float64(v.i.Int64())
	}
	f, _ := new(big.Float).SetInt(v.i).Float64()
	if math.IsInf(f, 0) {
		raise("OverflowError", "int too large to convert to float")
	}
	return f
}

// complex converts a number to a complex operand.
func (v Value) complex() (float64, float64) {
	if v.kind == kComplex {
		return v.f, v.im
	}
	return v.float(), 0
}

// str returns str(v), for the messages that name a callee: String, but
// an int past Python's limit on int to str conversion raises ValueError.
func (v Value) str() string {
	if v.kind == kInt && !intStrOK(v.bigInt()) {
		raise("ValueError", "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits)
	}
	return v.String()
}

// complexRepr is repr(complex).
func complexRepr(re, im float64) string {
	short := func(x float64, sign bool) string {
		s := strings.TrimSuffix(pyval.Repr(x), ".0")
		if sign && !strings.HasPrefix(s, "-") {
			s = "+" + s
		}
		return s
	}
	if re == 0 && !math.Signbit(re) {
		return short(im, false) + "j"
	}
	return "(" + short(re, false) + short(im, true) + "j)"
}

// intStrOK reports whether str(x) is within Python's limit of 4300
// digits (the sign not counted).
func intStrOK(x *big.Int) bool {
	// 10**4300 has 14285 bits.
	switch n := x.BitLen(); {
	case n < 14280:
		return true
	case n > 14290:
		return false
	}
	return len(new(big.Int).Abs(x).String()) <= maxIntDigits
}

func checkIntSize(b *big.Int) Value {
	if b.BitLen() > maxIntBits {
		raise("OverflowError", "int too large to convert to float")
	}
	return intVal(b)
}

func unary(op tokKind, a Value) Value {
	name := "+"
	if op == tMinus {
		name = "-"
	}
	switch a.kind {
	case kInt:
		if op == tMinus {
			return intVal(new(big.Int).Neg(a.i))
		}
		return a
	case kFloat:
		if op == tMinus {
			return floatVal(-a.f)
		}
		return a
	case kComplex:
		if op == tMinus {
			return complexVal(-a.f, -a.im)
		}
		return a
	}
	raise("TypeError", "bad operand type for unary %s: '%s'", name, a.typeName())
	return Value{}
}

func opName(op tokKind) string {
	switch op {
	case tPlus:
		return "+"
	case tMinus:
		return "-"
	case tStar:
		return "*"
	case tSlash:
		return "/"
	case tDSlash:
		return "//"
	}
	return "** or pow()"
}

func unsupportedOp(op tokKind, a, b Value) {
	raise("TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", opName(op), a.typeName(), b.typeName())
}

func binary(op tokKind, a, b Value) Value {
	if !a.isNumber() || !b.isNumber() {
		return seqOp(op, a, b)
	}
	if a.kind == kComplex || b.kind == kComplex {
		return complexOp(op, a, b)
	}
	if a.kind == kInt && b.kind == kInt {
		return intOp(op, a.i, b.i)
	}
	switch op {
	case tPlus:
		return floatVal(a.float() + b.float())
	case tMinus:
		return floatVal(a.float() - b.float())
	case tStar:
		return floatVal(a.float() * b.float())
	case tSlash:
		x, y := a.float(), b.float()
		if y == 0 {
			raise("ZeroDivisionError", "float division by zero")
		}
		return floatVal(x / y)
	case tDSlash:
		x, y := a.float(), b.float()
		if y == 0 {
			raise("ZeroDivisionError", "float floor division by zero")
		}
		return floatVal(floatFloorDiv(x, y))
	}
	return floatPow(a.float(), b.float())
}

// seqOp applies an operator when an operand is the empty tuple or
// Ellipsis.
func seqOp(op tokKind, a, b Value) Value {
	switch op {
	case tPlus:
		if a.kind == kTuple {
			if b.kind == kTuple {
				return a
			}
			raise("TypeError", `can only concatenate tuple (not "%s") to tuple`, b.typeName())
		}
	case tStar:
		seq, n := a, b
		if a.kind != kTuple {
			seq, n = b, a
		}
		if seq.kind == kTuple {
			if n.kind != kInt {
				raise("TypeError", "can't multiply sequence by non-int of type '%s'", n.typeName())
			}
			if !n.i.IsInt64() {
				raise("OverflowError", "cannot fit 'int' into an index-sized integer")
			}
			return seq
		}
	}
	unsupportedOp(op, a, b)
	return Value{}
}

func intOp(op tokKind, x, y *big.Int) Value {
	switch op {
	case tPlus:
		return checkIntSize(new(big.Int).Add(x, y))
	case tMinus:
		return checkIntSize(new(big.Int).Sub(x, y))
	case tStar:
		if x.BitLen()+y.BitLen() > maxIntBits+1 && x.Sign() != 0 && y.Sign() != 0 {
			raise("OverflowError", "int too large to convert to float")
		}
		return checkIntSize(new(big.Int).Mul(x, y))
	case tSlash:
		f, err := pyval.IntTrueDiv(x, y)
		if err != nil {
			panic(err)
		}
		return floatVal(f)
	case tDSlash:
		if y.Sign() == 0 {
			raise("ZeroDivisionError", "integer division or modulo by zero")
		}
		q, r := new(big.Int).QuoRem(x, y, new(big.Int))
		if r.Sign() != 0 && (r.Sign() < 0) != (y.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
		}
		return intVal(q)
	}
	return intPow(x, y)
}

func intPow(x, y *big.Int) Value {
	if y.Sign() < 0 {
		// A negative exponent makes it float ** float.
		return floatPow(intVal(x).float(), intVal(y).float())
	}
	switch {
	case y.Sign() == 0:
		return intVal(big.NewInt(1))
	case x.Sign() == 0 || x.CmpAbs(big.NewInt(1)) == 0:
		if x.Sign() < 0 && y.Bit(0) == 0 {
			return intVal(big.NewInt(1))
		}
		return intVal(new(big.Int).Set(x))
	}
	if !y.IsInt64() || y.Int64() > maxIntBits || int64(x.BitLen()-1)*y.Int64() > maxIntBits {
		raise("OverflowError", "int too large to convert to float")
	}
	return checkIntSize(new(big.Int).Exp(x, y, nil))
}

// floatFloorDiv is float // float (y != 0), as CPython's float_floor_div.
func floatFloorDiv(x, y float64) float64 {
	mod := math.Mod(x, y)
	div := (x - mod) / y
	if mod != 0 {
		if (y < 0) != (mod < 0) {
			div -= 1
		}
	}
	if div != 0 {
		fd := math.Floor(div)
		if div-fd > 0.5 {
			fd += 1
		}
		return fd
	}
	return math.Copysign(0, x/y)
}

func isOddInteger(x float64) bool {
	return math.Mod(x, 2) == 1 || math.Mod(x, 2) == -1
}

// floatPow is float ** float, following CPython's float_pow special
// cases; a negative base with a fractional exponent goes complex.
func floatPow(iv, iw float64) Value {
	switch {
	case iw == 0:
		return floatVal(1)
	case math.IsNaN(iv):
		return floatVal(iv)
	case math.IsNaN(iw):
		if iv == 1 {
			return floatVal(1)
		}
		return floatVal(iw)
	case math.IsInf(iw, 0):
		av := math.Abs(iv)
		switch {
		case av == 1:
			return floatVal(1)
		case (iw > 0) == (av > 1):
			return floatVal(math.Abs(iw))
		}
		return floatVal(0)
	case math.IsInf(iv, 0):
		odd := isOddInteger(iw)
		if iw > 0 {
			if odd {
				return floatVal(iv)
			}
			return floatVal(math.Abs(iv))
		}
		if odd {
			return floatVal(math.Copysign(0, iv))
		}
		return floatVal(0)
	case iv == 0:
		odd := isOddInteger(iw)
		if iw < 0 {
			raise("ZeroDivisionError", "0.0 cannot be raised to a negative power")
		}
		if odd {
			return floatVal(iv)
		}
		return floatVal(0)
	}
	negate := false
	if iv < 0 {
		if iw != math.Floor(iw) {
			return complexPow(iv, 0, iw, 0)
		}
		iv = -iv
		negate = isOddInteger(iw)
	}
	if iv == 1 {
		if negate {
			return floatVal(-1)
		}
		return floatVal(1)
	}
	r := libm.Pow(iv, iw)
	if math.IsInf(r, 0) {
		raise("OverflowError", "(34, 'Numerical result out of range')")
	}
	if negate {
		r = -r
	}
	return floatVal(r)
}

// Complex arithmetic, as CPython's complexobject.c.

func cprod(ar, ai, br, bi float64) (float64, float64) {
	return float64(ar*br) - float64(ai*bi), float64(ar*bi) + float64(ai*br)
}

// cquot is _Py_c_quot; ok is false for a zero divisor.
func cquot(ar, ai, br, bi float64) (float64, float64, bool) {
	absBr, absBi := math.Abs(br), math.Abs(bi)
	switch {
	case absBr >= absBi:
		if absBr == 0 {
			return 0, 0, false
		}
		ratio := bi / br
		denom := br + float64(bi*ratio)
		return (ar + float64(ai*ratio)) / denom, (ai - float64(ar*ratio)) / denom, true
	case absBi >= absBr:
		ratio := br / bi
		denom := float64(br*ratio) + bi
		return (float64(ar*ratio) + ai) / denom, (float64(ai*ratio) - ar) / denom, true
	}
	return math.NaN(), math.NaN(), true
}

func complexOp(op tokKind, a, b Value) Value {
	if op == tDSlash {
		unsupportedOp(op, a, b)
	}
	ar, ai := a.complex()
	br, bi := b.complex()
	switch op {
	case tPlus:
		return complexVal(ar+br, ai+bi)
	case tMinus:
		return complexVal(ar-br, ai-bi)
	case tStar:
		r, i := cprod(ar, ai, br, bi)
		return complexVal(r, i)
	case tSlash:
		r, i, ok := cquot(ar, ai, br, bi)
		if !ok {
			raise("ZeroDivisionError", "complex division by zero")
		}
		return complexVal(r, i)
	}
	return complexPow(ar, ai, br, bi)
}

// complexPow is complex_pow: small integral exponents by repeated
// multiplication (c_powi), others in polar form (_Py_c_pow), with C's
// errno deciding the error: EDOM (a zero divisor in c_powi, or cos and
// sin of an infinite phase) is ZeroDivisionError, an infinite part
// OverflowError.
func complexPow(ar, ai, br, bi float64) Value {
	var r, i float64
	edom := false
	if bi == 0 && br == math.Floor(br) && math.Abs(br) <= 100 {
		n := int64(br)
		if n > 0 {
			r, i = cpowu(ar, ai, n)
		} else {
			pr, pi := cpowu(ar, ai, -n)
			var ok bool
			r, i, ok = cquot(1, 0, pr, pi)
			edom = !ok
		}
	} else {
		switch {
		case br == 0 && bi == 0:
			r, i = 1, 0
		case ar == 0 && ai == 0:
			edom = bi != 0 || br < 0
		default:
			vabs := libm.Hypot(ar, ai)
			length := libm.Pow(vabs, br)
			at := libm.Atan2(ai, ar)
			phase := float64(at * br)
			if bi != 0 {
				length /= libm.Exp(float64(at * bi))
				phase += float64(bi * libm.Log(vabs))
			}
			edom = math.IsInf(phase, 0)
			r, i = float64(length*libm.Cos(phase)), float64(length*libm.Sin(phase))
		}
	}
	if edom {
		raise("ZeroDivisionError", "0.0 to a negative or complex power")
	}
	if math.IsInf(r, 0) || math.IsInf(i, 0) {
		raise("OverflowError", "complex exponentiation")
	}
	return complexVal(r, i)
}

func cpowu(xr, xi float64, n int64) (float64, float64) {
	rr, ri := 1.0, 0.0
	pr, pi := xr, xi
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			rr, ri = cprod(rr, ri, pr, pi)
		}
		pr, pi = cprod(pr, pi, pr, pi)
	}
	return rr, ri
}
