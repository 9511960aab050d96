package pyexpr

import (
	"math"
	"math/big"
)

// This file is the C library functions CPython's float and complex
// arithmetic call, rounded as glibc rounds them: correctly, in all but
// rare hard cases (glibc's pow, exp, log, sin, cos, atan2 and hypot are
// within about half an ulp). Each is computed in 256-bit arithmetic and
// rounded once; Go's math package strays by an ulp or more, which the
// calculate tool's answers would show.

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

// cPow is C's pow for x >= 0 (or NaN), the magnitude of a complex base.
func cPow(x, y float64) float64 {
	if x > 0 && x != 1 && !math.IsInf(x, 0) && y != 0 && !math.IsInf(y, 0) && !math.IsNaN(y) {
		return libmPow(x, y)
	}
	return math.Pow(x, y) // C99's special cases
}

// cExp is C's exp.
func cExp(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || x == 0:
		return math.Exp(x)
	case x > 710:
		return math.Inf(1)
	case x < -746:
		return 0
	}
	f, _ := bigExp(newBig().SetFloat64(x)).Float64()
	return f
}

// cLog is C's log for x > 0 (or inf, NaN).
func cLog(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) || x == 1 {
		return math.Log(x)
	}
	f, _ := bigLn(newBig().SetFloat64(x)).Float64()
	return f
}

// cHypot is C's hypot.
func cHypot(x, y float64) float64 {
	if math.IsInf(x, 0) || math.IsInf(y, 0) || math.IsNaN(x) || math.IsNaN(y) {
		return math.Hypot(x, y)
	}
	bx, by := newBig().SetFloat64(x), newBig().SetFloat64(y)
	s := newBig().Add(bx.Mul(bx, bx), by.Mul(by, by))
	f, _ := s.Sqrt(s).Float64()
	return f
}

// bigPi is pi to 1400 bits, enough to reduce any float argument of cos
// and sin modulo pi/2 to 256 bits.
var bigPi = func() *big.Float {
	// Machin: pi = 16 atan(1/5) - 4 atan(1/239).
	const prec = 1400
	atanInv := func(n int64) *big.Float {
		x := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetInt64(1), new(big.Float).SetPrec(prec).SetInt64(n))
		x2 := new(big.Float).SetPrec(prec).Mul(x, x)
		sum := new(big.Float).SetPrec(prec).Set(x)
		term := new(big.Float).SetPrec(prec).Set(x)
		for k := int64(3); ; k += 2 {
			term.Mul(term, x2)
			term.Neg(term)
			q := new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetPrec(prec).SetInt64(k))
			if q.Sign() == 0 || q.MantExp(nil) < -prec-8 {
				return sum
			}
			sum.Add(sum, q)
		}
	}
	a := atanInv(5)
	a.Mul(a, new(big.Float).SetPrec(prec).SetInt64(16))
	b := atanInv(239)
	b.Mul(b, new(big.Float).SetPrec(prec).SetInt64(4))
	return a.Sub(a, b)
}()

// reduceHalfPi returns r and q with x = q*pi/2 + r, |r| <= pi/4, q mod 4.
func reduceHalfPi(x float64) (*big.Float, int) {
	const prec = 1400
	bx := new(big.Float).SetPrec(prec).SetFloat64(x)
	halfPi := new(big.Float).SetPrec(prec).Quo(bigPi, new(big.Float).SetPrec(prec).SetInt64(2))
	q := new(big.Float).SetPrec(prec).Quo(bx, halfPi)
	// Round q to the nearest integer.
	qi, _ := new(big.Float).SetPrec(prec).Add(q, new(big.Float).SetFloat64(math.Copysign(0.5, x))).Int(nil)
	r := new(big.Float).SetPrec(prec).Sub(bx, new(big.Float).SetPrec(prec).Mul(halfPi, new(big.Float).SetPrec(prec).SetInt(qi)))
	m := new(big.Int).Mod(qi, big.NewInt(4))
	return newBig().Set(r), int(m.Int64())
}

// bigSinCos returns sin r and cos r for |r| <= pi/4, by their series.
func bigSinCos(r *big.Float) (*big.Float, *big.Float) {
	r2 := newBig().Mul(r, r)
	sin, cos := newBig().Set(r), newBig().SetInt64(1)
	ts, tc := newBig().Set(r), newBig().SetInt64(1)
	for k := int64(1); k < 200; k++ {
		ts.Mul(ts, r2)
		ts.Quo(ts, newBig().SetInt64(-(2*k)*(2*k+1)))
		tc.Mul(tc, r2)
		tc.Quo(tc, newBig().SetInt64(-(2*k-1)*(2*k)))
		sin.Add(sin, ts)
		cos.Add(cos, tc)
		if tc.Sign() == 0 || tc.MantExp(nil) < -bigPrec-8 {
			break
		}
	}
	return sin, cos
}

func sinCos(x float64) (float64, float64) {
	r, q := reduceHalfPi(x)
	s, c := bigSinCos(r)
	switch q {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	fs, _ := s.Float64()
	fc, _ := c.Float64()
	return fs, fc
}

// cSin is C's sin.
func cSin(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return math.Sin(x)
	}
	s, _ := sinCos(x)
	return s
}

// cCos is C's cos.
func cCos(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return math.Cos(x)
	}
	_, c := sinCos(x)
	return c
}

// bigAtan returns atan t for t >= 0: halving the argument three times
// (atan t = 2 atan(t / (1 + sqrt(1+t*t)))), then the series.
func bigAtan(t *big.Float) *big.Float {
	x := newBig().Set(t)
	const halvings = 3
	for range halvings {
		s := newBig().Mul(x, x)
		s.Add(s, newBig().SetInt64(1))
		s.Sqrt(s)
		s.Add(s, newBig().SetInt64(1))
		x.Quo(x, s)
	}
	x2 := newBig().Mul(x, x)
	sum, term := newBig().Set(x), newBig().Set(x)
	for k := int64(3); ; k += 2 {
		term.Mul(term, x2)
		term.Neg(term)
		q := newBig().Quo(term, newBig().SetInt64(k))
		if q.Sign() == 0 || q.MantExp(nil)-sum.MantExp(nil) < -bigPrec-8 {
			break
		}
		sum.Add(sum, q)
	}
	return sum.SetMantExp(sum, halvings)
}

// cAtan2 is C's atan2.
func cAtan2(y, x float64) float64 {
	if y == 0 || x == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) || math.IsNaN(x) || math.IsNaN(y) {
		return math.Atan2(y, x)
	}
	by, bx := newBig().SetFloat64(math.Abs(y)), newBig().SetFloat64(math.Abs(x))
	var a *big.Float
	pi := newBig().Set(bigPi)
	halfPi := newBig().Quo(pi, newBig().SetInt64(2))
	if by.Cmp(bx) <= 0 {
		a = bigAtan(newBig().Quo(by, bx))
	} else {
		a = newBig().Sub(halfPi, bigAtan(newBig().Quo(bx, by)))
	}
	if x < 0 {
		a.Sub(pi, a)
	}
	f, _ := a.Float64()
	return math.Copysign(f, y)
}
