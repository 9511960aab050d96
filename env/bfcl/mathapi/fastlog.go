package mathapi

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/toolgym/toolgym/pyval"
)

// The ground truth asks for logarithms at a few digits, of values and
// bases that are floats or small ints. At such precisions every number
// logarithm meets fits a float64 exactly, so this path computes the same
// mpmath numbers without big.Float: each logarithm by lnFast's float64
// argument (rounded to prec bits by integer arithmetic), the quotient
// correctly rounded from a 64-bit integer division, and the digits of
// the repr from strconv's correctly rounded ones. Whatever it cannot
// settle it leaves to the general path, which gives the same results.

// maxFastPrec is the precision, in bits, up to which logFast works:
// lnFast's bound.
const maxFastPrec = 45

// logFast is logarithm's value for value and base that are positive
// floats or ints of at most 53 bits other than 1, at prec bits; ok is
// false when it leaves the call to the general path.
func logFast(value, base pyval.Value, prec uint) (float64, bool) {
	if prec > maxFastPrec {
		return 0, false
	}
	x, ok := exactPositive(value)
	if !ok {
		return 0, false
	}
	b, ok := exactPositive(base)
	if !ok {
		return 0, false
	}
	lx, ok := lnFloat(x, prec)
	if !ok {
		return 0, false
	}
	lb, ok := lnFloat(b, prec)
	if !ok {
		return 0, false
	}
	return quoRound(lx, lb, prec)
}

// exactPositive returns v as a float64 when v is a float or an int that
// a float64 holds exactly, positive, normal, finite and not 1 (log(1) is
// an exact zero, which the general path handles).
func exactPositive(v pyval.Value) (float64, bool) {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case int64:
		if x <= 0 || x > 1<<53 {
			return 0, false
		}
		f = float64(x)
	default:
		return 0, false
	}
	if !(f >= 0x1p-1022) || math.IsInf(f, 0) || f == 1 {
		return 0, false
	}
	return f, true
}

// lnFloat is lnFast on a float64: log(x) rounded to prec bits, when the
// interval of 2 ulps around math.Log(x) rounds to one prec-bit value.
func lnFloat(x float64, prec uint) (float64, bool) {
	l := math.Log(x)
	if l == 0 {
		return 0, false
	}
	lo := math.Nextafter(math.Nextafter(l, math.Inf(-1)), math.Inf(-1))
	hi := math.Nextafter(math.Nextafter(l, math.Inf(1)), math.Inf(1))
	a, b := roundBits(lo, prec), roundBits(hi, prec)
	if a != b {
		return 0, false
	}
	return a, true
}

// roundBits rounds a normal, nonzero float64 to prec bits (1 <= prec <=
// 53), to nearest even.
func roundBits(f float64, prec uint) float64 {
	fr, exp := math.Frexp(math.Abs(f)) // |f| = fr * 2**exp, fr in [0.5, 1)
	m := uint64(fr * (1 << 53))        // the 53-bit mantissa, exactly
	m, e := roundMant(m, 53, false, prec)
	r := math.Ldexp(float64(m), exp-53+e)
	if f < 0 {
		r = -r
	}
	return r
}

// roundMant rounds the n-bit integer m (with sticky set when bits below
// it were dropped and not all zero) to prec bits, to nearest even, and
// returns it with the shift applied: the value is m * 2**shift.
func roundMant(m uint64, n int, sticky bool, prec uint) (uint64, int) {
	shift := n - int(prec)
	if shift <= 0 {
		return m, 0
	}
	rem := m & (1<<shift - 1)
	half := uint64(1) << (shift - 1)
	m >>= shift
	if rem > half || (rem == half && (sticky || m&1 == 1)) {
		m++
	}
	return m, shift
}

// quoRound is a/b correctly rounded to prec bits, to nearest even, for
// nonzero normal a and b; ok is false when the quotient is not normal.
func quoRound(a, b float64, prec uint) (float64, bool) {
	fa, ea := math.Frexp(math.Abs(a))
	fb, eb := math.Frexp(math.Abs(b))
	ma := uint64(fa * (1 << 53)) // in [2**52, 2**53)
	mb := uint64(fb * (1 << 53))
	// q = floor(ma * 2**63 / mb), in [2**62, 2**64): a/b = q * 2**(ea-eb-63)
	// plus the remainder.
	q, r := bits.Div64(ma>>1, ma<<63, mb)
	n := bits.Len64(q)
	m, shift := roundMant(q, n, r != 0, prec)
	res := math.Ldexp(float64(m), ea-eb-63+shift)
	if res < 0x1p-1022 || math.IsInf(res, 0) {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		res = -res
	}
	return res, true
}

// floatDigits returns the first dps significant digits of |x| rounded
// half up on the digit after them, as mpmath's to_str takes them, and the
// decimal exponent of the first; ok is false when strconv's correctly
// rounded digits cannot tell (the digit after them reads 5). The digits
// are written in buf.
func floatDigits(buf []byte, x float64, dps int) (digits []byte, exponent int, ok bool) {
	t := strconv.AppendFloat(buf[:0], math.Abs(x), 'e', dps, 64) // d.ddd...e±XX, dps+1 digits
	epos := len(t) - 1
	for t[epos] != 'e' {
		epos--
	}
	exp := 0
	for _, c := range t[epos+2:] { // after the sign
		exp = 10*exp + int(c-'0')
	}
	if t[epos+1] == '-' {
		exp = -exp
	}
	if dps == 0 {
		digits = t[:1]
	} else {
		t[1] = t[0] // over the point
		digits = t[1:epos]
	}
	// digits holds dps+1 digits, rounded to nearest: the last one
	// decides mpmath's rounding unless it is a 5 (the exact digits may
	// then be just below or exactly half).
	last := digits[dps]
	if last == '5' {
		return nil, 0, false
	}
	digits = digits[:dps]
	if last > '5' {
		i := dps - 1
		for i >= 0 && digits[i] == '9' {
			digits[i] = '0'
			i--
		}
		if i >= 0 {
			digits[i]++
		} else {
			digits = append([]byte{'1'}, digits[:dps-1]...)
			exp++
		}
	}
	return digits, exp, true
}

// bigOfFloat is the mpf of a finite nonzero float64.
func bigOfFloat(x float64) mpf { return mpf{f: new(big.Float).SetFloat64(x)} }
