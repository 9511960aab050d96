package mathapi

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// The part of Python's decimal module that MathAPI.square_root uses:
// Decimal(number) for an int or float (exact), sqrt() in a context of
// precision p with ROUND_HALF_EVEN, and repr().

// decimal is a finite Decimal (-1)**neg * coeff * 10**exp, or a special
// value.
type decimal struct {
	neg   bool
	coeff *big.Int // >= 0
	exp   int64
	nan   bool
	inf   bool
}

func decimalFromInt(n *big.Int) decimal {
	return decimal{neg: n.Sign() < 0, coeff: new(big.Int).Abs(n)}
}

// decimalFromFloat is Decimal(float): the float's exact value, as
// Decimal.from_float writes it (an integral float has exponent 0).
func decimalFromFloat(x float64) decimal {
	switch {
	case math.IsNaN(x):
		return decimal{nan: true}
	case math.IsInf(x, 0):
		return decimal{neg: x < 0, inf: true}
	}
	d := decimal{neg: math.Signbit(x), coeff: new(big.Int)}
	if x == 0 {
		return d
	}
	frac, e := math.Frexp(math.Abs(x)) // |x| = frac * 2**e, frac in [0.5, 1)
	m := uint64(frac * (1 << 53))
	e -= 53
	// Lowest terms: m odd or e >= 0.
	for m&1 == 0 && e < 0 {
		m >>= 1
		e++
	}
	d.coeff.SetUint64(m)
	if e >= 0 {
		d.coeff.Lsh(d.coeff, uint(e))
		return d
	}
	d.coeff.Mul(d.coeff, new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(-e)), nil))
	d.exp = int64(e)
	return d
}

var bigTen = big.NewInt(10)

func pow10(n int64) *big.Int { return new(big.Int).Exp(bigTen, big.NewInt(n), nil) }

func numDigits(n *big.Int) int64 {
	if n.Sign() == 0 {
		return 1
	}
	// Estimate from the bit length, then correct.
	d := int64(float64(n.BitLen()-1)*math.Log10(2)) + 1
	p := pow10(d - 1)
	for p.CmpAbs(n) > 0 {
		d--
		p.Quo(p, bigTen)
	}
	for {
		p.Mul(p, bigTen)
		if p.CmpAbs(n) > 0 {
			return d
		}
		d++
	}
}

// floorDiv2 is Python's e // 2.
func floorDiv2(e int64) int64 {
	if e < 0 {
		return -((-e + 1) / 2)
	}
	return e / 2
}

// sqrt is Decimal.sqrt() in a context of precision p (ROUND_HALF_EVEN):
// the correctly rounded root, whose exponent is the ideal floor(exp/2)
// when the root is exact and fits in p digits.
func (d decimal) sqrt(p int64) decimal {
	switch {
	case d.nan:
		return d
	case d.inf:
		return d // +Infinity; -Infinity never reaches here (x < 0 is checked first)
	case d.coeff.Sign() == 0:
		return decimal{neg: d.neg, coeff: new(big.Int), exp: floorDiv2(d.exp)}
	}
	ideal := floorDiv2(d.exp)
	r := d.exp - 2*ideal // 0 or 1
	// N = coeff * 10**(r + 2s) has at least 2(p+1) digits, so that
	// isqrt(N) has at least p+1.
	s := max(0, (2*(p+1)-numDigits(d.coeff)-r+1)/2)
	n := new(big.Int).Mul(d.coeff, pow10(r+2*s))
	q := new(big.Int).Sqrt(n)
	exact := new(big.Int).Mul(q, q).Cmp(n) == 0
	e := ideal - s
	if exact {
		// Back to the ideal exponent: q is a multiple of 10**s.
		q.Quo(q, pow10(s))
		e = ideal
	}
	// Round to p digits, ties to even; an inexact root lies strictly
	// above q, so a dropped half rounds up.
	if nd := numDigits(q); nd > p {
		drop := nd - p
		div := pow10(drop)
		rem := new(big.Int)
		q.QuoRem(q, div, rem)
		half := new(big.Int).Quo(div, big.NewInt(2))
		c := rem.Cmp(half)
		if c > 0 || (c == 0 && (!exact || q.Bit(0) == 1)) {
			q.Add(q, big.NewInt(1))
			if numDigits(q) > p {
				q.Quo(q, bigTen)
				drop++
			}
		}
		e += drop
	}
	return decimal{coeff: q, exp: e}
}

// String is Decimal.__str__ (scientific notation for small or large
// adjusted exponents, as to-scientific-string specifies).
func (d decimal) String() string {
	sign := ""
	if d.neg {
		sign = "-"
	}
	switch {
	case d.nan:
		return "NaN"
	case d.inf:
		return sign + "Infinity"
	}
	digits := d.coeff.String()
	left := d.exp + int64(len(digits)) // digits left of the point
	dot := int64(1)
	if d.exp <= 0 && left > -6 {
		dot = left
	}
	var intPart, fracPart string
	switch {
	case dot <= 0:
		intPart, fracPart = "0", "."+strings.Repeat("0", int(-dot))+digits
	case dot >= int64(len(digits)):
		intPart = digits + strings.Repeat("0", int(dot-int64(len(digits))))
	default:
		intPart, fracPart = digits[:dot], "."+digits[dot:]
	}
	exp := ""
	if left != dot {
		exp = "E" + strconv.FormatInt(left-dot, 10)
		if left-dot > 0 {
			exp = "E+" + strconv.FormatInt(left-dot, 10)
		}
	}
	return sign + intPart + fracPart + exp
}

// decimalValue is a Decimal result. It has no JSON encoding, so a
// result dict holding it reaches the model through str(), as in the
// reference.
type decimalValue struct{ d decimal }

// PyRepr implements pyval.Object: Decimal('1.414').
func (v *decimalValue) PyRepr() string { return "Decimal('" + v.d.String() + "')" }

// PyType returns the class name.
func (v *decimalValue) PyType() string { return "Decimal" }
