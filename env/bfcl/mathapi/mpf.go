package mathapi

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/internal/libm"
	"github.com/toolgym/toolgym/pyval"
)

// The part of mpmath (1.3.0) that MathAPI.logarithm uses: binary floats
// of a chosen precision with mpmath's special values (no negative zero),
// log (with complex results for negative arguments), division, and the
// repr that the result reaches the model through.

type mpKind uint8

const (
	mpFinite mpKind = iota // f holds the value; zero is a positive zero
	mpInf
	mpNegInf
	mpNaN
)

// mpf is an mpmath real. f is nil unless kind is mpFinite.
type mpf struct {
	kind mpKind
	f    *big.Float
}

var (
	mpZero = mpf{kind: mpFinite, f: new(big.Float)}
	mpNaNv = mpf{kind: mpNaN}
)

func (x mpf) isZero() bool { return x.kind == mpFinite && x.f.Sign() == 0 }

// sign is mpmath's mpf_sign.
func (x mpf) sign() int {
	switch x.kind {
	case mpFinite:
		return x.f.Sign()
	case mpInf:
		return 1
	case mpNegInf:
		return -1
	}
	return 0
}

func (x mpf) neg() mpf {
	switch x.kind {
	case mpInf:
		return mpf{kind: mpNegInf}
	case mpNegInf:
		return mpf{kind: mpInf}
	case mpFinite:
		if x.f.Sign() == 0 {
			return x
		}
		return mpf{f: new(big.Float).Neg(x.f)}
	}
	return x
}

// round returns f rounded to prec bits, to nearest even.
func round(f *big.Float, prec uint) mpf {
	r := new(big.Float).SetMode(big.ToNearestEven).SetPrec(prec).Set(f)
	if r.Sign() == 0 {
		return mpZero
	}
	return mpf{f: r}
}

// fromFloat is mpmath's exact conversion of a float.
func fromFloat(x float64) mpf {
	switch {
	case math.IsNaN(x):
		return mpNaNv
	case math.IsInf(x, 1):
		return mpf{kind: mpInf}
	case math.IsInf(x, -1):
		return mpf{kind: mpNegInf}
	case x == 0:
		return mpZero
	}
	return mpf{f: new(big.Float).SetFloat64(x)}
}

func fromInt(n *big.Int) mpf {
	if n.Sign() == 0 {
		return mpZero
	}
	return mpf{f: new(big.Float).SetInt(n)}
}

// mpConvert is mpmath's ctx.convert of a logarithm argument at precision
// prec: ints and floats exactly, numeric strings rounded to prec.
func mpConvert(v pyval.Value, prec uint) (mpf, error) {
	switch x := v.(type) {
	case bool:
		if x {
			return fromInt(big.NewInt(1)), nil
		}
		return mpZero, nil
	case int64:
		return fromInt(big.NewInt(x)), nil
	case *big.Int:
		return fromInt(x), nil
	case float64:
		return fromFloat(x), nil
	case string:
		if f, ok := mpFromStr(x, prec); ok {
			return f, nil
		}
	}
	return mpf{}, pyval.TypeError("cannot create mpf from " + pyval.Repr(v))
}

// mpFromStr parses a decimal literal as mpmath's from_str does, rounding
// to prec bits; ok is false for text mpmath would not read as a real.
func mpFromStr(s string, prec uint) (mpf, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "inf", "+inf":
		return mpf{kind: mpInf}, true
	case "-inf":
		return mpf{kind: mpNegInf}, true
	case "nan":
		return mpNaNv, true
	}
	if t == "" || strings.ContainsAny(t, "_xj/") || strings.Contains(t, "inf") || strings.Contains(t, "nan") {
		return mpf{}, false
	}
	if _, err := strconv.ParseFloat(t, 64); err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return mpf{}, false
		}
	}
	r, ok := new(big.Rat).SetString(t)
	if !ok {
		return mpf{}, false
	}
	if r.Sign() == 0 {
		return mpZero, true
	}
	return mpf{f: new(big.Float).SetMode(big.ToNearestEven).SetPrec(prec).SetRat(r)}, true
}

// mpLn is mpmath's ln at precision prec: mpf, or an mpc for a negative
// argument.
func mpLn(x mpf, prec uint) (re, im mpf, complex bool) {
	switch x.kind {
	case mpInf:
		return x, mpf{}, false
	case mpNaN:
		return x, mpf{}, false
	case mpNegInf:
		// mpc_log(-inf): log|x| = +inf, arg = π.
		return mpf{kind: mpInf}, round(libm.Pi(prec), prec), true
	}
	switch x.f.Sign() {
	case 0:
		return mpf{kind: mpNegInf}, mpf{}, false
	case -1:
		re, _, _ = mpLn(mpf{f: new(big.Float).Abs(x.f)}, prec)
		return re, round(libm.Pi(prec), prec), true
	}
	if x.f.IsInt() && x.f.MinPrec() == 1 && x.f.MantExp(nil) == 1 {
		return mpZero, mpf{}, false // log(1) is exactly 0
	}
	if l, ok := lnFast(x.f, prec); ok {
		return l, mpf{}, false
	}
	return round(libm.BigLog(x.f, prec), prec), mpf{}, false
}

// lnFast computes log(x) rounded to prec bits from float64 arithmetic
// when prec is small: math.Log is within 1 ulp, so when the interval of
// 2 ulps around it rounds to one prec-bit value, that value is the
// correctly rounded log. ok is false when it cannot tell.
func lnFast(x *big.Float, prec uint) (mpf, bool) {
	if prec > 45 {
		return mpf{}, false
	}
	f, acc := x.Float64()
	// Go's math.Log on amd64 is wrong for subnormals: leave them out.
	if acc != big.Exact || f < 0x1p-1022 || math.IsInf(f, 0) {
		return mpf{}, false
	}
	l := math.Log(f)
	if l == 0 {
		return mpf{}, false
	}
	lo := math.Nextafter(math.Nextafter(l, math.Inf(-1)), math.Inf(-1))
	hi := math.Nextafter(math.Nextafter(l, math.Inf(1)), math.Inf(1))
	a := round(new(big.Float).SetFloat64(lo), prec)
	b := round(new(big.Float).SetFloat64(hi), prec)
	if a.f.Cmp(b.f) != 0 {
		return mpf{}, false
	}
	return a, true
}

// mpMul is mpf_mul without rounding (exact).
func mpMul(a, b mpf) mpf {
	if a.kind == mpFinite && b.kind == mpFinite {
		if a.f.Sign() == 0 || b.f.Sign() == 0 {
			return mpZero
		}
		p := a.f.MinPrec() + b.f.MinPrec()
		return mpf{f: new(big.Float).SetPrec(max(p, 1)).Mul(a.f, b.f)}
	}
	if a.kind == mpNaN || b.kind == mpNaN || a.isZero() || b.isZero() {
		return mpNaNv
	}
	if a.sign()*b.sign() > 0 {
		return mpf{kind: mpInf}
	}
	return mpf{kind: mpNegInf}
}

// mpAdd is mpf_add rounded to prec bits toward zero (mpmath's
// round_fast, the default of the mpc helpers that call it).
func mpAdd(a, b mpf, prec uint) mpf {
	if a.kind != mpFinite || b.kind != mpFinite {
		switch {
		case a.kind == mpNaN || b.kind == mpNaN:
			return mpNaNv
		case a.kind != mpFinite && b.kind != mpFinite:
			if a.kind == b.kind {
				return a
			}
			return mpNaNv
		case a.kind != mpFinite:
			return a
		}
		return b
	}
	r := new(big.Float).SetMode(big.ToZero).SetPrec(prec).Add(a.f, b.f)
	if r.Sign() == 0 {
		return mpZero
	}
	return mpf{f: r}
}

// errMPZeroDivision is the bare ZeroDivisionError mpf_div raises; its
// str() is empty.
var errMPZeroDivision = pyval.ZeroDivisionError("")

// mpDiv is mpf_div rounded to prec bits, to nearest even.
func mpDiv(s, t mpf, prec uint) (mpf, error) {
	if s.kind == mpFinite && t.kind == mpFinite && s.f.Sign() != 0 && t.f.Sign() != 0 {
		r := new(big.Float).SetMode(big.ToNearestEven).SetPrec(prec).Quo(s.f, t.f)
		return mpf{f: r}, nil
	}
	if s.isZero() {
		if t.isZero() {
			return mpf{}, errMPZeroDivision
		}
		if t.kind == mpNaN {
			return mpNaNv, nil
		}
		return mpZero, nil
	}
	if t.isZero() {
		return mpf{}, errMPZeroDivision
	}
	sSpecial, tSpecial := s.kind != mpFinite, t.kind != mpFinite
	if sSpecial && tSpecial {
		return mpNaNv, nil
	}
	if s.kind == mpNaN || t.kind == mpNaN {
		return mpNaNv, nil
	}
	if !tSpecial {
		if s.sign()*t.sign() > 0 {
			return mpf{kind: mpInf}, nil
		}
		return mpf{kind: mpNegInf}, nil
	}
	return mpZero, nil
}

// mpNumber is the value of a logarithm: an mpf, or an mpc when im is
// set.
type mpNumber struct {
	re, im  mpf
	complex bool
}

// mpQuo divides two mpmath numbers as mpf.__truediv__ and
// mpc.__truediv__ do at precision prec.
func mpQuo(a, b mpNumber, prec uint) (mpNumber, error) {
	switch {
	case !a.complex && !b.complex:
		r, err := mpDiv(a.re, b.re, prec)
		return mpNumber{re: r}, err
	case a.complex && !b.complex: // mpc_div_mpf
		re, err := mpDiv(a.re, b.re, prec)
		if err != nil {
			return mpNumber{}, err
		}
		im, err := mpDiv(a.im, b.re, prec)
		return mpNumber{re: re, im: im, complex: true}, err
	case !a.complex: // mpc_mpf_div(p, z)
		p, x, y := a.re, b.re, b.im
		m := mpAdd(mpMul(x, x), mpMul(y, y), prec+10)
		re, err := mpDiv(mpMul(x, p), m, prec)
		if err != nil {
			return mpNumber{}, err
		}
		im, err := mpDiv(mpMul(y, p).neg(), m, prec)
		return mpNumber{re: re, im: im, complex: true}, err
	}
	// mpc_div
	wp := prec + 10
	x, y, c, d := a.re, a.im, b.re, b.im
	mag := mpAdd(mpMul(c, c), mpMul(d, d), wp)
	t := mpAdd(mpMul(x, c), mpMul(y, d), wp)
	u := mpAdd(mpMul(y, c), mpMul(x, d).neg(), wp)
	re, err := mpDiv(t, mag, prec)
	if err != nil {
		return mpNumber{}, err
	}
	im, err := mpDiv(u, mag, prec)
	return mpNumber{re: re, im: im, complex: true}, err
}

// dpsToPrec is mpmath's dps_to_prec.
func dpsToPrec(dps int64) int64 {
	return max(1, int64(math.RoundToEven(float64(dps+1)*3.3219280948873626)))
}

// reprDps is mpmath's repr_dps: the digits repr shows at prec bits.
func reprDps(prec int64) int {
	dps := max(1, int(math.RoundToEven(float64(prec)/3.3219280948873626)-1))
	if dps == 15 {
		return 17
	}
	return dps + 3
}

// mpToStr is mpmath's to_str(x, dps) with its defaults: the first dps
// significant digits, rounded half up on the digit after them, in fixed
// notation for moderate exponents and trailing zeros stripped.
func mpToStr(x mpf, dps int) string { return string(appendMPStr(nil, x, dps)) }

// appendMPStr appends mpToStr(x, dps) to b.
func appendMPStr(b []byte, x mpf, dps int) []byte {
	switch x.kind {
	case mpInf:
		return append(b, "+inf"...)
	case mpNegInf:
		return append(b, "-inf"...)
	case mpNaN:
		return append(b, "nan"...)
	}
	if x.f.Sign() == 0 {
		return append(b, "0.0"...)
	}
	if f, acc := x.f.Float64(); acc == big.Exact && math.Abs(f) >= 0x1p-1022 && !math.IsInf(f, 0) {
		var buf [40]byte
		if digits, exponent, ok := floatDigits(buf[:], f, dps); ok {
			return appendDigits(b, x.f.Sign() < 0, digits, exponent, dps)
		}
	}
	digits, exponent := exactDigits(x.f, dps)
	return appendDigits(b, x.f.Sign() < 0, digits, exponent, dps)
}

// appendFloatStr appends mpToStr of a finite nonzero float64 to b.
func appendFloatStr(b []byte, x float64, dps int) []byte {
	var buf [40]byte
	if digits, exponent, ok := floatDigits(buf[:], x, dps); ok {
		return appendDigits(b, x < 0, digits, exponent, dps)
	}
	return appendMPStr(b, bigOfFloat(x), dps)
}

// exactDigits returns the first dps significant digits of |x| (fewer
// when its exact decimal expansion is shorter), rounded half up on the
// digit after them, and the decimal exponent of the first.
func exactDigits(x *big.Float, dps int) ([]byte, int) {
	// Exact decimal digits of |x| = mant * 2**exp.
	mant := new(big.Int)
	ax := new(big.Float).Abs(x)
	e := ax.MantExp(nil) - int(ax.MinPrec())
	new(big.Float).SetMantExp(ax, -e).Int(mant) // now |x| = mant * 2**e exactly
	var digits []byte
	var point int // decimal exponent: |x| = 0.digits * 10**point
	if e >= 0 {
		digits = mant.Lsh(mant, uint(e)).Append(nil, 10)
		point = len(digits)
	} else {
		mant.Mul(mant, new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(-e)), nil))
		digits = mant.Append(nil, 10)
		point = len(digits) + e
	}
	exponent := point - 1 // of the leading digit
	// Round half up at dps digits.
	if len(digits) > dps && digits[dps] >= '5' {
		b := digits[:dps]
		i := dps - 1
		for i >= 0 && b[i] == '9' {
			b[i] = '0'
			i--
		}
		if i >= 0 {
			b[i]++
		} else {
			b = append([]byte{'1'}, b[:dps-1]...)
			exponent++
		}
		digits = b
	} else if len(digits) > dps {
		digits = digits[:dps]
	}
	return digits, exponent
}

// appendDigits appends a number written from its significant digits and
// the decimal exponent of the first, as to_str writes it: fixed notation
// for moderate exponents, trailing zeros stripped.
func appendDigits(b []byte, neg bool, digits []byte, exponent, dps int) []byte {
	if neg {
		b = append(b, '-')
	}
	minFixed, maxFixed := min(-(dps/3), -5), dps
	split := 1
	if minFixed < exponent && exponent < maxFixed {
		if exponent < 0 {
			b = append(b, '0', '.')
			for range -exponent - 1 {
				b = append(b, '0')
			}
			b = append(b, digits...)
			exponent = 0
			split = 0
		} else {
			split = exponent + 1
			exponent = 0
		}
	}
	if split > 0 {
		if split <= len(digits) {
			b = append(b, digits[:split]...)
			b = append(b, '.')
			b = append(b, digits[split:]...)
		} else {
			b = append(b, digits...)
			for range split - len(digits) {
				b = append(b, '0')
			}
			b = append(b, '.')
		}
	}
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = append(b, '0')
	}
	switch {
	case exponent > 0:
		b = append(b, "e+"...)
		b = strconv.AppendInt(b, int64(exponent), 10)
	case exponent < 0:
		b = append(b, 'e')
		b = strconv.AppendInt(b, int64(exponent), 10)
	}
	return b
}

// mpValue is an mpf or mpc result, shown as mpmath's repr at the
// precision it was computed at. It has no JSON encoding, so a result
// dict holding it reaches the model through str(), as in the reference.
type mpValue struct {
	n   mpNumber
	dps int
	// small is the value when isSmall: an mpf that a float64 holds
	// exactly (logFast's results), n is then unset.
	small   float64
	isSmall bool
}

// PyRepr implements pyval.Object: mpf('1.3027') or
// mpc(real='0.69896984', imag='1.3643761').
func (v *mpValue) PyRepr() string { return string(v.appendRepr(nil)) }

// appendRepr appends PyRepr's text to b.
func (v *mpValue) appendRepr(b []byte) []byte {
	switch {
	case v.isSmall:
		b = append(b, "mpf('"...)
		b = appendFloatStr(b, v.small, v.dps)
	case v.n.complex:
		b = append(b, "mpc(real='"...)
		b = appendMPStr(b, v.n.re, v.dps)
		b = append(b, "', imag='"...)
		b = appendMPStr(b, v.n.im, v.dps)
	default:
		b = append(b, "mpf('"...)
		b = appendMPStr(b, v.n.re, v.dps)
	}
	return append(b, "')"...)
}

// PyType returns the class name.
func (v *mpValue) PyType() string {
	if !v.isSmall && v.n.complex {
		return "mpc"
	}
	return "mpf"
}
