package libm

import (
	"math"
	"math/big"
	"sync"
)

// The oracle: slow, plain evaluations at refPrec bits, written apart from
// the package's kernels (other series, other reductions, Newton's method),
// whose rounding to float64 is the correctly rounded value: the hardest
// float64 cases need about 160 bits.

const refPrec = 600

var refPiCache struct {
	sync.Mutex
	prec uint
	val  *big.Float
}

// refPi is π at prec bits by π/4 = atan(1/2) + atan(1/3).
func refPi(prec uint) *big.Float {
	refPiCache.Lock()
	defer refPiCache.Unlock()
	if refPiCache.prec < prec {
		wp := prec + 32
		sum := refAtanSeries(newFloat(wp).Quo(newFloat(wp).SetInt64(1), newFloat(wp).SetInt64(2)), wp)
		sum.Add(sum, refAtanSeries(newFloat(wp).Quo(newFloat(wp).SetInt64(1), newFloat(wp).SetInt64(3)), wp))
		refPiCache.val, refPiCache.prec = sum.SetMantExp(sum, 2), prec
	}
	return newFloat(prec).Set(refPiCache.val)
}

// refAtanSeries is atan(x) = x - x³/3 + x⁵/5 - ... for |x| <= 1/2.
func refAtanSeries(x *big.Float, wp uint) *big.Float {
	sum, pow := newFloat(wp).Set(x), newFloat(wp).Set(x)
	x2 := newFloat(wp).Mul(x, x)
	for k := int64(3); ; k += 2 {
		pow.Mul(pow, x2)
		pow.Neg(pow)
		term := newFloat(wp).Quo(pow, newFloat(wp).SetInt64(k))
		if term.Sign() == 0 || term.MantExp(nil) < sum.MantExp(nil)-int(wp)-4 {
			return sum
		}
		sum.Add(sum, term)
	}
}

// refExpBig is e**x by the Taylor series of x/2**k, squared k times.
func refExpBig(x *big.Float, prec uint) *big.Float {
	k := uint(max(x.MantExp(nil), 0)) + 40
	wp := prec + k + 16
	r := newFloat(wp).SetMantExp(x, -int(k))
	sum, term := newFloat(wp).SetInt64(1), newFloat(wp).SetInt64(1)
	for i := int64(1); ; i++ {
		term.Mul(term, r)
		term.Quo(term, newFloat(wp).SetInt64(i))
		if term.Sign() == 0 || term.MantExp(nil) < -int(wp)-4 {
			break
		}
		sum.Add(sum, term)
	}
	for range k {
		sum.Mul(sum, sum)
	}
	return sum
}

// refLogBig is log(x) by Halley's iteration y += 2(x - e**y)/(x + e**y)
// from float64's estimate (the triple of correct bits each step).
func refLogBig(x *big.Float, prec uint) *big.Float {
	wp := prec + 32
	m := new(big.Float)
	e := x.MantExp(m)
	mf, _ := m.Float64()
	y := newFloat(wp).SetFloat64(math.Log(mf) + float64(e)*math.Ln2)
	bx := newFloat(wp).Set(x)
	for bits := uint(40); bits < 3*wp; bits *= 3 {
		ey := refExpBig(y, wp)
		num := newFloat(wp).Sub(bx, ey)
		den := newFloat(wp).Add(bx, ey)
		num.Quo(num, den)
		y.Add(y, num.SetMantExp(num, 1))
	}
	return y
}

// refSinCosBig is sin r and cos r for |r| <= 4 by their Taylor series.
func refSinCosBig(r *big.Float, wp uint) (sin, cos *big.Float) {
	sin, cos = newFloat(wp), newFloat(wp)
	term := newFloat(wp).SetInt64(1)
	for i := int64(0); ; i++ {
		switch i % 4 {
		case 0:
			cos.Add(cos, term)
		case 1:
			sin.Add(sin, term)
		case 2:
			cos.Sub(cos, term)
		case 3:
			sin.Sub(sin, term)
		}
		term.Mul(term, r)
		term.Quo(term, newFloat(wp).SetInt64(i+1))
		if term.Sign() == 0 || term.MantExp(nil) < -int(wp)-4 && i > 4 {
			return sin, cos
		}
	}
}

// refSinCos reduces x modulo 2π with enough bits of π for any float64.
func refSinCos(x float64) (float64, float64) {
	_, e := math.Frexp(x)
	wp := uint(max(e, 0)) + refPrec + 128
	twoPi := refPi(wp)
	twoPi.SetMantExp(twoPi, 1)
	bx := newFloat(wp).SetFloat64(x)
	q := newFloat(wp).Quo(bx, twoPi)
	q.Add(q, big.NewFloat(math.Copysign(0.5, x)))
	n, _ := q.Int(nil)
	r := newFloat(wp).Sub(bx, newFloat(wp).Mul(twoPi, newFloat(wp).SetInt(n)))
	s, c := refSinCosBig(r, refPrec)
	sf, _ := s.Float64()
	cf, _ := c.Float64()
	return sf, cf
}

func refExp(x float64) float64 {
	f, _ := refExpBig(newFloat(53).SetFloat64(x), refPrec).Float64()
	return f
}

func refLog(x float64) float64 {
	f, _ := refLogBig(newFloat(53).SetFloat64(x), refPrec).Float64()
	return f
}

// refPow is x**y for x > 0: integer powers up to 256 exactly in rational
// arithmetic (ties round to even), others as e**(y*log(x)).
func refPow(x, y float64) float64 {
	if y == math.Trunc(y) && math.Abs(y) <= 256 {
		bx := new(big.Rat).SetFloat64(x)
		acc := big.NewRat(1, 1)
		for range int(math.Abs(y)) {
			acc.Mul(acc, bx)
		}
		if y < 0 {
			acc.Inv(acc)
		}
		f, _ := acc.Float64()
		return f
	}
	t := refLogBig(newFloat(53).SetFloat64(x), refPrec+64)
	t.Mul(t, newFloat(53).SetFloat64(y))
	if tf, _ := t.Float64(); tf > 800 {
		return math.Inf(1)
	} else if tf < -800 {
		return 0
	}
	f, _ := refExpBig(t, refPrec).Float64()
	return f
}

// refAtan2 solves x sin a = y cos a by Newton's method from float64's
// estimate.
func refAtan2(y, x float64) float64 {
	wp := uint(refPrec)
	by, bx := newFloat(wp).SetFloat64(y), newFloat(wp).SetFloat64(x)
	// Go's math.Atan2 loses the sign of y when y/x underflows.
	a := newFloat(wp).SetFloat64(math.Copysign(math.Atan2(y, x), y))
	for range 5 {
		s, c := refSinCosBig(a, wp)
		f := newFloat(wp).Sub(newFloat(wp).Mul(bx, s), newFloat(wp).Mul(by, c))
		df := newFloat(wp).Add(newFloat(wp).Mul(bx, c), newFloat(wp).Mul(by, s))
		a.Sub(a, f.Quo(f, df))
	}
	f, _ := a.Float64()
	return f
}

// refHypot is the square root of x*x + y*y summed exactly.
func refHypot(x, y float64) float64 {
	const wp = 4400 // x*x + y*y exactly, for any float64s
	bx, by := newFloat(wp).SetFloat64(x), newFloat(wp).SetFloat64(y)
	s := newFloat(wp).Add(bx.Mul(bx, bx), by.Mul(by, by))
	f, _ := s.Sqrt(s).Float64()
	return f
}
