package libm

import (
	"math"
	"math/big"
	"sync"
)

// Elementary functions on big.Float, accurate well beyond the precision
// asked for, so that rounding their results gives the correctly rounded
// value (the functions are transcendental, so an exact tie never occurs).

// guard is the number of extra bits the functions work with.
const guard = 64

func newFloat(prec uint) *big.Float { return new(big.Float).SetPrec(prec) }

// constCache holds a constant at the highest precision computed so far.
type constCache struct {
	mu   sync.Mutex
	prec uint
	val  *big.Float
	calc func(prec uint) *big.Float
}

func (c *constCache) get(prec uint) *big.Float {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.val == nil || c.prec < prec {
		// Grow by half at least, so that rising precisions cost a few
		// computations, not one each.
		p := max(prec, 256, c.prec+c.prec/2)
		c.val, c.prec = c.calc(p), p
	}
	return newFloat(prec).Set(c.val)
}

var (
	piCache  = &constCache{calc: calcPi}
	ln2Cache = &constCache{calc: calcLn2}
)

// Pi returns π rounded to prec bits, to nearest even. It is computed
// once for the highest precision asked so far and cached.
func Pi(prec uint) *big.Float { return pi(prec) }

// BigLog returns log(x) for a finite x > 0 with at least prec correct
// bits, at a precision of more bits than prec: rounding it to prec bits
// gives the correctly rounded logarithm in all but rare hard cases.
func BigLog(x *big.Float, prec uint) *big.Float { return ln(x, prec) }

// pi returns π rounded to prec bits (to nearest even).
func pi(prec uint) *big.Float { return piCache.get(prec) }

// ln2 returns log(2) rounded to prec bits (to nearest even).
func ln2(prec uint) *big.Float { return ln2Cache.get(prec) }

// atanInv returns atan(1/n) * 2**bits as a fixed-point integer, by its
// alternating series.
func atanInv(n int64, bits uint) *big.Int {
	one := new(big.Int).Lsh(big.NewInt(1), bits)
	nn := big.NewInt(n * n)
	term := new(big.Int).Quo(one, big.NewInt(n)) // 1/n^(2k+1)
	sum := new(big.Int).Set(term)
	t := new(big.Int)
	for k := int64(1); term.Sign() != 0; k++ {
		term.Quo(term, nn)
		t.Quo(term, big.NewInt(2*k+1))
		if k%2 == 1 {
			sum.Sub(sum, t)
		} else {
			sum.Add(sum, t)
		}
	}
	return sum
}

// calcPi is Machin's formula, π = 16 atan(1/5) - 4 atan(1/239).
func calcPi(prec uint) *big.Float {
	bits := prec + guard
	a := atanInv(5, bits)
	a.Lsh(a, 4)
	b := atanInv(239, bits)
	b.Lsh(b, 2)
	a.Sub(a, b)
	f := newFloat(bits).SetInt(a)
	f.SetMantExp(f, -int(bits))
	return newFloat(prec).Set(f)
}

// calcLn2 is log(2) = 2 atanh(1/3).
func calcLn2(prec uint) *big.Float {
	bits := prec + guard
	one := new(big.Int).Lsh(big.NewInt(1), bits)
	term := new(big.Int).Quo(one, big.NewInt(3))
	sum := new(big.Int).Set(term)
	t := new(big.Int)
	for k := int64(1); term.Sign() != 0; k++ {
		term.Quo(term, big.NewInt(9))
		t.Quo(term, big.NewInt(2*k+1))
		sum.Add(sum, t)
	}
	sum.Lsh(sum, 1)
	f := newFloat(bits).SetInt(sum)
	f.SetMantExp(f, -int(bits))
	return newFloat(prec).Set(f)
}

// tablePrec is the precision of the reduction tables of ln and exp;
// beyond it the functions reduce by square roots and squarings instead.
const tablePrec = 640

// ln returns log(x) for a finite x > 0 with at least prec correct bits
// (relative), at precision prec+guard; the caller rounds.
func ln(x *big.Float, prec uint) *big.Float {
	// x = m * 2**e with m in [0.5, 1); move m into [1/sqrt2, sqrt2).
	m := new(big.Float)
	e := x.MantExp(m)
	if m.Cmp(big.NewFloat(math.Sqrt2/2)) < 0 {
		m.SetMantExp(m, 1)
		e--
	}
	wp := prec + guard + 8
	var sum *big.Float
	if wp <= tablePrec {
		// m = c * w with c = i/64 the nearest table point: log(m) =
		// log(c) + log(w), |w - 1| < 1/128.
		mf, _ := m.Float64()
		i := int(math.Round(mf * 64))
		w := newFloat(wp).Quo(m, big.NewFloat(float64(i)/64))
		sum = atanhLog(w, wp)
		sum.Add(sum, lnTable(i, wp))
	} else {
		sum = lnSqrt(m, wp)
	}
	if e != 0 {
		l2 := ln2(wp)
		l2.Mul(l2, newFloat(wp).SetInt64(int64(e)))
		sum.Add(sum, l2)
	}
	return newFloat(prec + guard).Set(sum)
}

// atanhLog returns log(w) = 2 atanh((w-1)/(w+1)) at precision wp, for w
// near 1.
func atanhLog(w *big.Float, wp uint) *big.Float {
	one := newFloat(wp).SetInt64(1)
	num := newFloat(wp).Sub(w, one)
	den := newFloat(wp).Add(w, one)
	z := newFloat(wp).Quo(num, den)
	z2 := newFloat(wp).Mul(z, z)
	sum := newFloat(wp).Set(z)
	pow := newFloat(wp).Set(z)
	term := newFloat(wp)
	n := newFloat(64)
	for k := int64(3); ; k += 2 {
		pow.Mul(pow, z2)
		term.Quo(pow, n.SetInt64(k))
		if term.Sign() == 0 || sum.MantExp(nil)-term.MantExp(nil) > int(wp)+2 {
			break
		}
		sum.Add(sum, term)
	}
	return sum.SetMantExp(sum, 1)
}

// lnSqrt returns log(m) for m near 1 at precision wp (plus the bits the
// reduction costs): k square roots bring m close to 1, so the series
// gains many bits per term, and each root costs one bit of accuracy.
func lnSqrt(m *big.Float, wp uint) *big.Float {
	k := uint(math.Sqrt(float64(wp)) / 2)
	wp += k
	r := newFloat(max(wp, m.MinPrec())).Set(m)
	for i := uint(0); i < k; i++ {
		r.Sqrt(r)
	}
	sum := atanhLog(r, wp)
	return sum.SetMantExp(sum, int(k))
}

// table holds values computed when first needed, at tablePrec bits.
type table struct {
	mu   sync.Mutex
	vals []*big.Float
	calc func(i int) *big.Float
}

func (t *table) get(i int, wp uint) *big.Float {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.vals[i] == nil {
		t.vals[i] = newFloat(tablePrec).Set(t.calc(i))
	}
	return newFloat(wp).Set(t.vals[i])
}

// lnTab holds log(i/64) for i in [45, 91].
var lnTab = &table{vals: make([]*big.Float, 92), calc: func(i int) *big.Float {
	m := new(big.Float)
	e := big.NewFloat(float64(i) / 64).MantExp(m)
	if m.Cmp(big.NewFloat(math.Sqrt2/2)) < 0 {
		m.SetMantExp(m, 1)
		e--
	}
	v := lnSqrt(m, tablePrec+guard)
	if e != 0 {
		l2 := ln2(tablePrec + guard)
		v.Add(v, l2.Mul(l2, newFloat(tablePrec+guard).SetInt64(int64(e))))
	}
	return v
}}

func lnTable(i int, wp uint) *big.Float { return lnTab.get(i, wp) }

// expTab holds 2**(j/64) for j in [-32, 32], at index j+32.
var expTab = &table{vals: make([]*big.Float, 65), calc: func(i int) *big.Float {
	t := ln2(tablePrec + guard)
	t.Mul(t, big.NewFloat(float64(i-32)/64))
	return expSquare(t, tablePrec+guard)
}}

func expTable(j int, wp uint) *big.Float { return expTab.get(j+32, wp) }

// exp returns e**x for a finite x with at least prec correct bits, at
// precision prec+guard; the caller rounds. |x| must be small enough for
// the result's binary exponent to fit in an int32.
func exp(x *big.Float, prec uint) *big.Float {
	ex := x.MantExp(nil)
	wp := prec + guard + 16 + uint(max(ex, 0))
	if wp > tablePrec {
		return newFloat(prec + guard).Set(expSquare(x, prec))
	}
	// x = (n + j/64)*log(2) + r, |r| <= log(2)/128.
	l2 := ln2(wp)
	q := newFloat(wp).Quo(x, l2)
	qf, _ := q.Float64()
	nj := math.Round(qf * 64)
	n := math.Floor(nj / 64)
	j := int(nj - 64*n)
	if j > 32 {
		j -= 64
		n++
	}
	r := newFloat(wp).Mul(l2, newFloat(wp).SetFloat64(nj/64))
	r.Sub(x, r)
	sum := expSeries(r, wp, 3)
	sum.Mul(sum, expTable(j, wp))
	sum.SetMantExp(sum, int(n))
	return newFloat(prec + guard).Set(sum)
}

// expSquare is exp by reduction to |r| <= log(2)/2 and squarings, for any
// precision.
func expSquare(x *big.Float, prec uint) *big.Float {
	// x = n*log(2) + r, |r| <= log(2)/2.
	ex := x.MantExp(nil)
	wp := prec + guard + 16 + uint(max(ex, 0))
	l2 := ln2(wp)
	q := newFloat(wp).Quo(x, l2)
	nf, _ := q.Float64()
	n := math.Round(nf)
	r := newFloat(wp).Mul(l2, newFloat(wp).SetFloat64(n))
	r.Sub(x, r)
	sum := expSeries(r, wp, 12)
	sum.SetMantExp(sum, int(n))
	return sum
}

// expSeries is e**r = (e**(r/2**s))**(2**s) by the Taylor series, for a
// small r.
func expSeries(r *big.Float, wp uint, s int) *big.Float {
	r = newFloat(wp).SetMantExp(r, -s)
	sum := newFloat(wp).SetInt64(1)
	term := newFloat(wp).SetInt64(1)
	k := newFloat(64)
	for i := int64(1); ; i++ {
		term.Mul(term, r)
		term.Quo(term, k.SetInt64(i))
		if term.Sign() == 0 || sum.MantExp(nil)-term.MantExp(nil) > int(wp)+2 {
			break
		}
		sum.Add(sum, term)
	}
	for i := 0; i < s; i++ {
		sum.Mul(sum, sum)
	}
	return sum
}

// sinCos returns sin(x) and cos(x) for a finite float64 x, correctly
// rounded to float64.
func sinCos(x float64) (sin, cos float64) {
	if x == 0 {
		return x, 1
	}
	_, ex := math.Frexp(x)
	wp := uint(max(ex, 0)) + 53 + 2*guard
	// x = q*(π/2) + r with |r| <= π/4.
	halfPi := pi(wp)
	halfPi.SetMantExp(halfPi, -1)
	bx := newFloat(wp).SetFloat64(x)
	qf := newFloat(wp).Quo(bx, halfPi)
	qi, _ := qf.Int(nil)
	// Round q to the nearest integer.
	frac := newFloat(wp).Sub(qf, newFloat(wp).SetInt(qi))
	if frac.Cmp(big.NewFloat(0.5)) > 0 {
		qi.Add(qi, big.NewInt(1))
	} else if frac.Cmp(big.NewFloat(-0.5)) < 0 {
		qi.Sub(qi, big.NewInt(1))
	}
	r := newFloat(wp).Mul(halfPi, newFloat(wp).SetInt(qi))
	r.Sub(bx, r)
	s, c := sinCosSeries(r, 53+guard)
	switch new(big.Int).And(qi, big.NewInt(3)).Int64() {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	sin, _ = s.Float64()
	cos, _ = c.Float64()
	return sin, cos
}

// sinCosSeries returns sin(r) and cos(r) for |r| <= π/4 by their Taylor
// series.
func sinCosSeries(r *big.Float, prec uint) (*big.Float, *big.Float) {
	wp := prec + 16
	r2 := newFloat(wp).Mul(r, r)
	sin := newFloat(wp).Set(r)
	cos := newFloat(wp).SetInt64(1)
	st := newFloat(wp).Set(r)
	ct := newFloat(wp).SetInt64(1)
	d := newFloat(64)
	for n := int64(1); ; n++ {
		st.Mul(st, r2)
		st.Quo(st, d.SetInt64((2*n)*(2*n+1)))
		st.Neg(st)
		ct.Mul(ct, r2)
		ct.Quo(ct, d.SetInt64((2*n-1)*(2*n)))
		ct.Neg(ct)
		sin.Add(sin, st)
		cos.Add(cos, ct)
		if (st.Sign() == 0 || sin.MantExp(nil)-st.MantExp(nil) > int(wp)+2) &&
			(ct.Sign() == 0 || cos.MantExp(nil)-ct.MantExp(nil) > int(wp)+2) {
			break
		}
	}
	return sin, cos
}

// atan returns atan(t) for t >= 0 at precision prec: three halvings of
// the argument (atan t = 2 atan(t / (1 + sqrt(1 + t*t)))) bring it below
// tan(π/32), then the series.
func atan(t *big.Float, prec uint) *big.Float {
	const halvings = 3
	x := newFloat(prec).Set(t)
	one := newFloat(prec).SetInt64(1)
	s := newFloat(prec)
	for range halvings {
		s.Mul(x, x)
		s.Add(s, one)
		s.Sqrt(s)
		s.Add(s, one)
		x.Quo(x, s)
	}
	x2 := newFloat(prec).Mul(x, x)
	sum, pow, term := newFloat(prec).Set(x), newFloat(prec).Set(x), newFloat(prec)
	n := newFloat(64)
	for k := int64(3); ; k += 2 {
		pow.Mul(pow, x2)
		pow.Neg(pow)
		term.Quo(pow, n.SetInt64(k))
		if term.Sign() == 0 || sum.MantExp(nil)-term.MantExp(nil) > int(prec)+8 {
			break
		}
		sum.Add(sum, term)
	}
	return sum.SetMantExp(sum, halvings)
}
