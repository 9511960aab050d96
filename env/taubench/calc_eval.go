package taubench

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// calcChars are the characters the calculate tool accepts.
const calcChars = "0123456789+-*/(). "

// Calculate returns what tau-bench's calculate tool returns for a str
// expression: str(round(float(eval(expression)), 2)) for an arithmetic
// expression, "Error: invalid characters in expression" when it holds
// anything but digits, + - * / ( ) . and spaces, and "Error: " + str(e)
// for the SyntaxError, ZeroDivisionError, OverflowError or TypeError
// Python raises (eval runs with no builtins, so nothing but arithmetic on
// numbers, the empty tuple and Ellipsis can be written). The expression
// is parsed and evaluated by this package, never executed.
func Calculate(expression string) string {
	for _, r := range expression {
		if !strings.ContainsRune(calcChars, r) {
			return "Error: invalid characters in expression"
		}
	}
	v, err := evalExpression(expression)
	if err != nil {
		return "Error: " + err.Error()
	}
	f, err := v.toFloatArg()
	if err != nil {
		return "Error: " + err.Error()
	}
	return pyval.Str(pyval.Round(f, 2))
}

// evalExpression evaluates the expression as eval would.
func evalExpression(s string) (v cval, err error) {
	// eval strips leading spaces and tabs from a str source.
	s = strings.TrimLeft(s, " \t")
	if s == "" {
		return cval{}, pyval.Exc("SyntaxError", syntaxError{"invalid syntax"}.text(0))
	}
	toks, tokErr := tokenize(s)
	root, perr := parseExpr(toks, tokErr)
	if perr != nil {
		if perr.mem {
			return cval{}, pyval.Exc("MemoryError", "")
		}
		return cval{}, pyval.Exc("SyntaxError", perr.syntax.text(1))
	}
	if root.depth() > astDepthLimit {
		return cval{}, pyval.Exc("RecursionError", "maximum recursion depth exceeded during compilation")
	}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*pyval.Exception)
			if !ok {
				panic(r)
			}
			v, err = cval{}, e
		}
	}()
	return root.eval(), nil
}

// Values of calculate expressions.

type ckind uint8

const (
	kInt ckind = iota
	kFloat
	kComplex
	kTuple
	kEllipsis
)

type cval struct {
	kind ckind
	i    *big.Int // kInt
	f    float64  // kFloat; the real part of kComplex
	im   float64  // kComplex
}

func intVal(b *big.Int) cval  { return cval{kind: kInt, i: b} }
func floatVal(f float64) cval { return cval{kind: kFloat, f: f} }
func complexVal(re, im float64) cval {
	return cval{kind: kComplex, f: re, im: im}
}

// maxIntBits bounds the ints an expression may build. Python would go on
// computing far larger ones (for seconds, minutes or until memory runs
// out); past this size the evaluator gives what Python ends with in the
// usual case, float() of the result failing.
const maxIntBits = 1 << 22

func raise(typ, format string, args ...any) {
	panic(pyval.Exc(typ, fmt.Sprintf(format, args...)))
}

func (v cval) typeName() string {
	switch v.kind {
	case kInt:
		return "int"
	case kFloat:
		return "float"
	case kComplex:
		return "complex"
	case kTuple:
		return "tuple"
	}
	return "ellipsis"
}

func (v cval) isNumber() bool { return v.kind <= kComplex }

// float converts an int or float operand as Python's float arithmetic
// does.
func (v cval) float() float64 {
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
func (v cval) complex() (float64, float64) {
	if v.kind == kComplex {
		return v.f, v.im
	}
	return v.float(), 0
}

// toFloatArg is float(v), the conversion the tool applies to the result.
func (v cval) toFloatArg() (f float64, err error) {
	switch v.kind {
	case kInt, kFloat:
		defer func() {
			if r := recover(); r != nil {
				e, ok := r.(*pyval.Exception)
				if !ok {
					panic(r)
				}
				err = e
			}
		}()
		return v.float(), nil
	}
	return 0, pyval.TypeError(fmt.Sprintf("float() argument must be a string or a real number, not '%s'", v.typeName()))
}

// str returns str(v), for the messages that name a callee.
func (v cval) str() string {
	switch v.kind {
	case kInt:
		if len(v.i.String()) > maxIntDigits+1 {
			raise("ValueError", "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits)
		}
		return v.i.String()
	case kFloat:
		return pyval.Repr(v.f)
	case kComplex:
		return complexRepr(v.f, v.im)
	case kTuple:
		return "()"
	}
	return "Ellipsis"
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

func checkIntSize(b *big.Int) cval {
	if b.BitLen() > maxIntBits {
		raise("OverflowError", "int too large to convert to float")
	}
	return intVal(b)
}

func (n *node) eval() cval {
	switch n.kind {
	case nConst:
		return n.val
	case nEllipsis:
		return cval{kind: kEllipsis}
	case nTuple:
		return cval{kind: kTuple}
	case nUnary:
		return unary(n.op, n.a.eval())
	case nBinary:
		a := n.a.eval()
		b := n.b.eval()
		return binary(n.op, a, b)
	case nCall:
		f := n.a.eval()
		if n.b != nil {
			arg := n.b.eval()
			switch n.star {
			case 1:
				if arg.kind != kTuple {
					raise("TypeError", "%s argument after * must be an iterable, not %s", f.str(), arg.typeName())
				}
			case 2:
				raise("TypeError", "%s argument after ** must be a mapping, not %s", f.str(), arg.typeName())
			}
		}
		raise("TypeError", "'%s' object is not callable", f.typeName())
	}
	panic("taubench: unknown node")
}

func unary(op tokKind, a cval) cval {
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
	return cval{}
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

func unsupportedOp(op tokKind, a, b cval) {
	raise("TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", opName(op), a.typeName(), b.typeName())
}

func binary(op tokKind, a, b cval) cval {
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
func seqOp(op tokKind, a, b cval) cval {
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
	return cval{}
}

func intOp(op tokKind, x, y *big.Int) cval {
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

func intPow(x, y *big.Int) cval {
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
func floatPow(iv, iw float64) cval {
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
	r := libmPow(iv, iw)
	if math.IsInf(r, 0) {
		raise("OverflowError", "(34, 'Numerical result out of range')")
	}
	if negate {
		r = -r
	}
	return floatVal(r)
}

// libmPow is C's pow for finite x > 0, x != 1, finite y != 0, rounded
// correctly as glibc's pow (at most 0.52 ulp from the exact value) almost
// always is: an integer exponent by repeated squaring, any other as
// exp(y*ln(x)), both in 256-bit arithmetic. (Go's math.Pow strays by
// several ulps for large results, which the tool's output shows.)
func libmPow(x, y float64) float64 {
	if y == math.Trunc(y) && math.Abs(y) < 1<<53 {
		n := int64(math.Abs(y))
		base := newBig().SetFloat64(x)
		acc := newBig().SetInt64(1)
		for n > 0 {
			if n&1 == 1 {
				acc.Mul(acc, base)
			}
			n >>= 1
			if n > 0 {
				base.Mul(base, base)
			}
		}
		if y < 0 {
			acc.Quo(newBig().SetInt64(1), acc)
		}
		f, _ := acc.Float64()
		return f
	}
	t := bigLn(newBig().SetFloat64(x))
	t.Mul(t, newBig().SetFloat64(y))
	// Beyond these the result is infinite or zero whatever the rounding.
	if tf, _ := t.Float64(); tf > 710 {
		return math.Inf(1)
	} else if tf < -746 {
		return 0
	}
	f, _ := bigExp(t).Float64()
	return f
}

const bigPrec = 256

func newBig() *big.Float { return new(big.Float).SetPrec(bigPrec) }

// bigLn2 is ln 2 to bigPrec bits.
var bigLn2 = func() *big.Float {
	// ln 2 = 2 atanh(1/3)
	z := newBig().Quo(newBig().SetInt64(1), newBig().SetInt64(3))
	return bigAtanh2(z)
}()

// bigAtanh2 returns 2*atanh(z) for small |z|: 2(z + z^3/3 + z^5/5 + ...).
func bigAtanh2(z *big.Float) *big.Float {
	sum := newBig().Set(z)
	z2 := newBig().Mul(z, z)
	term := newBig().Set(z)
	for k := int64(3); ; k += 2 {
		term.Mul(term, z2)
		q := newBig().Quo(term, newBig().SetInt64(k))
		if q.Sign() == 0 || q.MantExp(nil)-sum.MantExp(nil) < -bigPrec-8 {
			break
		}
		sum.Add(sum, q)
	}
	return sum.Mul(sum, newBig().SetInt64(2))
}

// bigLn returns ln(x) for x > 0: with x = m * 2^e and m in [1/sqrt2,
// sqrt2), ln x = e ln2 + 2 atanh((m-1)/(m+1)).
func bigLn(x *big.Float) *big.Float {
	m := newBig()
	e := x.MantExp(m) // m in [0.5, 1)
	if m.Cmp(newBig().SetFloat64(math.Sqrt2/2)) < 0 {
		m.SetMantExp(m, 1)
		e--
	}
	num := newBig().Sub(m, newBig().SetInt64(1))
	den := newBig().Add(m, newBig().SetInt64(1))
	r := bigAtanh2(num.Quo(num, den))
	return r.Add(r, newBig().Mul(bigLn2, newBig().SetInt64(int64(e))))
}

// bigExp returns exp(t) for |t| < 750: t = k ln2 + r, exp(r) by its
// series on r/2^16 squared back 16 times.
func bigExp(t *big.Float) *big.Float {
	kf, _ := newBig().Quo(t, bigLn2).Float64()
	k := int64(math.Round(kf))
	r := newBig().Sub(t, newBig().Mul(bigLn2, newBig().SetInt64(k)))
	const halvings = 16
	r.SetMantExp(r, -halvings)
	sum := newBig().SetInt64(1)
	term := newBig().SetInt64(1)
	for n := int64(1); ; n++ {
		term.Mul(term, r)
		term.Quo(term, newBig().SetInt64(n))
		if term.Sign() == 0 || term.MantExp(nil) < -bigPrec-8 {
			break
		}
		sum.Add(sum, term)
	}
	for range halvings {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
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

func complexOp(op tokKind, a, b cval) cval {
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
// multiplication (c_powi), others by polar form (_Py_c_pow).
func complexPow(ar, ai, br, bi float64) cval {
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
			if bi != 0 || br < 0 {
				edom = true
			}
		default:
			vabs := math.Hypot(ar, ai)
			length := math.Pow(vabs, br)
			at := math.Atan2(ai, ar)
			phase := at * br
			if bi != 0 {
				length /= math.Exp(at * bi)
				phase += bi * math.Log(vabs)
			}
			r, i = length*math.Cos(phase), length*math.Sin(phase)
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
