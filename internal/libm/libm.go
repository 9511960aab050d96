// Package libm computes the C math library's functions as glibc rounds
// them, correctly in all but rare hard cases, by evaluating them in
// big-float precision and rounding once; Go's math package strays by an
// ulp or more, which Python-faithful outputs would show.
//
// The float64 functions follow C99's special cases (infinities, NaNs,
// zeros), which Go's math package gets exactly, and compute every other
// value with more than 110 bits to spare before the one rounding. Pi and
// BigLog serve callers that work in big.Float themselves (mpmath's
// arbitrary precision).
package libm

import (
	"math"
	"math/big"
)

// fixedPrec is the working precision of the functions that have no
// precision-tuned kernel: hypot, atan2 and large integer powers.
const fixedPrec = 256

// Overflow and underflow bounds of exp: beyond them the result is
// infinite or zero whatever the rounding (log(MaxFloat64) ≈ 709.78,
// log(2**-1075) ≈ -745.13).
const (
	expOverflow  = 710
	expUnderflow = -746
)

func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// Pow is C's pow(x, y).
func Pow(x, y float64) float64 {
	switch {
	case !isFinite(x) || !isFinite(y) || x == 0 || y == 0 || math.Abs(x) == 1:
		return math.Pow(x, y) // C99's special cases, all exact
	case x < 0:
		if y != math.Trunc(y) {
			return math.NaN()
		}
		r := pow(-x, y)
		if math.Mod(y, 2) != 0 {
			r = -r
		}
		return r
	}
	return pow(x, y)
}

// pow is x**y for finite x > 0, x != 1, and finite y != 0: a small
// integer power exactly, then one rounding; a larger integer power by
// repeated squaring; any other as e**(y*log(x)).
func pow(x, y float64) float64 {
	if y == 2 {
		return x * x
	}
	if n := math.Abs(y); y == math.Trunc(y) && n < 1<<53 {
		prec := uint(fixedPrec)
		if n <= 64 {
			prec = 53 * uint(n) // x**n has at most 53n bits: exact
		}
		return powInt(x, int64(n), y < 0, prec)
	}
	if r, ok := powRoot(x, y); ok {
		return r
	}
	t := ln(newFloat(53).SetFloat64(x), 53+guard)
	t.Mul(t, newFloat(53).SetFloat64(y))
	if tf, _ := t.Float64(); tf > expOverflow {
		return math.Inf(1)
	} else if tf < expUnderflow {
		return 0
	}
	f, _ := exp(t, 53+guard).Float64()
	return f
}

// powRoot is x**y for a non-integral y = n/2**j when x is a perfect
// (2**j)th power: then x**y = (x**(1/2**j))**n is exact or rounds once
// from an exact power, where e**(y*log(x)) may land on either side of an
// exact tie (0.25**537.5 is 2**-1075, halfway between 0 and the least
// subnormal). ok is false for any other x and y, nearly all of them.
func powRoot(x, y float64) (r float64, ok bool) {
	j := 0
	for n := y; n != math.Trunc(n); n *= 2 {
		j++
	}
	// Each root of a float64 that is a perfect square has at most 27
	// bits, so 64 bits hold it exactly and 128 its square.
	root := newFloat(64).SetFloat64(x)
	sq := newFloat(128)
	for range j {
		s := newFloat(64).Sqrt(root)
		if sq.Mul(s, s).Cmp(root) != 0 {
			return 0, false
		}
		root = s
	}
	n := math.Abs(math.Ldexp(y, j)) // odd, below 2**53
	prec := uint(fixedPrec)
	if n <= 64 {
		prec = 53 * uint(n)
	}
	rf, _ := root.Float64()
	return powInt(rf, int64(n), y < 0, prec), true
}

// powInt is x**n, or x**-n when neg, by repeated squaring at precision
// prec. The reciprocal is taken with guard bits more than the power has,
// enough for the one rounding to float64 to be correct when the power is
// exact.
func powInt(x float64, n int64, neg bool, prec uint) float64 {
	base := newFloat(prec).SetFloat64(x)
	acc := newFloat(prec).SetInt64(1)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			acc.Mul(acc, base)
		}
		if n > 1 {
			base.Mul(base, base)
		}
	}
	if neg {
		acc = newFloat(prec+guard).Quo(newFloat(prec).SetInt64(1), acc)
	}
	f, _ := acc.Float64()
	return f
}

// Exp is C's exp(x).
func Exp(x float64) float64 {
	switch {
	case !isFinite(x) || x == 0:
		return math.Exp(x)
	case x > expOverflow:
		return math.Inf(1)
	case x < expUnderflow:
		return 0
	}
	f, _ := exp(newFloat(53).SetFloat64(x), 53+guard).Float64()
	return f
}

// Log is C's log(x).
func Log(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) || x == 1 {
		return math.Log(x) // NaN, -Inf, +Inf or 0, exactly
	}
	f, _ := ln(newFloat(53).SetFloat64(x), 53+guard).Float64()
	return f
}

// Hypot is C's hypot(x, y): the square root of x*x + y*y without
// intermediate overflow.
func Hypot(x, y float64) float64 {
	if !isFinite(x) || !isFinite(y) {
		return math.Hypot(x, y) // an infinity wins over a NaN
	}
	bx, by := newFloat(fixedPrec).SetFloat64(x), newFloat(fixedPrec).SetFloat64(y)
	s := newFloat(fixedPrec).Add(bx.Mul(bx, bx), by.Mul(by, by))
	f, _ := s.Sqrt(s).Float64()
	return f
}

// SinCos returns C's sin(x) and cos(x).
func SinCos(x float64) (sin, cos float64) {
	if !isFinite(x) {
		return math.NaN(), math.NaN()
	}
	return sinCos(x)
}

// Sin is C's sin(x).
func Sin(x float64) float64 {
	s, _ := SinCos(x)
	return s
}

// Cos is C's cos(x).
func Cos(x float64) float64 {
	_, c := SinCos(x)
	return c
}

// Atan2 is C's atan2(y, x): the angle of the point (x, y), in [-π, π].
func Atan2(y, x float64) float64 {
	if y == 0 || x == 0 || !isFinite(x) || !isFinite(y) {
		return math.Atan2(y, x) // C99's special cases, all exact
	}
	ay, ax := newFloat(fixedPrec).SetFloat64(math.Abs(y)), newFloat(fixedPrec).SetFloat64(math.Abs(x))
	p := pi(fixedPrec)
	var a *big.Float
	if ay.Cmp(ax) <= 0 {
		a = atan(ay.Quo(ay, ax), fixedPrec)
	} else {
		// atan(y/x) = π/2 - atan(x/y)
		a = atan(ax.Quo(ax, ay), fixedPrec)
		a.Sub(newFloat(fixedPrec).SetMantExp(p, -1), a)
	}
	if x < 0 {
		a.Sub(p, a)
	}
	f, _ := a.Float64()
	return math.Copysign(f, y)
}
