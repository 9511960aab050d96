package mathapi

import (
	"math"
	"math/big"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/internal/libm"
	"github.com/toolgym/toolgym/pyval"
)

// FuzzLog checks mpmath's log at small precisions: the float64 shortcut
// and the big-float series must agree, and the series must be stable
// under more working precision (it rounds correctly).
func FuzzLog(f *testing.F) {
	f.Add(36.0, uint8(17))
	f.Add(0.9999999, uint8(10))
	f.Add(5e-324, uint8(40))
	f.Add(1e300, uint8(3))
	f.Fuzz(func(t *testing.T, x float64, p uint8) {
		if !(x > 0) || math.IsInf(x, 0) || x == 1 {
			return
		}
		prec := uint(p%120) + 1
		bx := new(big.Float).SetFloat64(x)
		slow := round(libm.BigLog(bx, prec), prec)
		more := round(libm.BigLog(bx, prec+150), prec)
		if slow.f.Cmp(more.f) != 0 {
			t.Fatalf("log(%v) at %d bits: %s, with more precision %s", x, prec, slow.f.Text('p', 0), more.f.Text('p', 0))
		}
		if fast, ok := lnFast(bx, prec); ok && fast.f.Cmp(slow.f) != 0 {
			t.Fatalf("log(%v) at %d bits: fast %s, slow %s", x, prec, fast.f.Text('p', 0), slow.f.Text('p', 0))
		}
	})
}

// FuzzPow checks that float powers answer a value or a Python exception
// (the rounding itself is internal/libm's FuzzPow).
func FuzzPow(f *testing.F) {
	f.Add(-2.5, 0.5)  // a complex result
	f.Add(0.0, -1.0)  // ZeroDivisionError
	f.Add(1e300, 2.0) // OverflowError
	f.Add(-8.0, 3.0)  // an odd power of a negative base
	f.Add(1.0000001, 1e10)
	f.Fuzz(func(t *testing.T, x, y float64) {
		if _, err := floatPow(x, y); err != nil && !pyval.IsExc(err, "OverflowError") && !pyval.IsExc(err, "ZeroDivisionError") {
			t.Fatalf("pow(%v, %v): %v", x, y, err)
		}
	})
}

// FuzzSqrt checks Decimal square roots: p digits, within half a unit in
// the last place of the exact root, and exact roots at the ideal
// exponent.
func FuzzSqrt(f *testing.F) {
	f.Add(2.0, uint8(28))
	f.Add(4096.0, uint8(1))
	f.Add(6.25, uint8(5))
	f.Add(1e-300, uint8(17))
	f.Fuzz(func(t *testing.T, x float64, p uint8) {
		if !(x > 0) || math.IsInf(x, 0) {
			return
		}
		prec := int64(p%60) + 1
		d := decimalFromFloat(x)
		r := d.sqrt(prec)
		if numDigits(r.coeff) > prec {
			t.Fatalf("sqrt(%v) at %d digits has %d digits", x, prec, numDigits(r.coeff))
		}
		// |r^2 - x| <= (half an ulp) * (2r + half an ulp), checked as
		// (r - u/2)^2 <= x <= (r + u/2)^2 with u = 10**r.exp.
		rv := decRat(r.coeff, r.exp)
		half := decRat(big.NewInt(5), r.exp-1)
		lo := new(big.Rat).Sub(rv, half)
		hi := new(big.Rat).Add(rv, half)
		xv := decRat(d.coeff, d.exp)
		if lo.Sign() > 0 && new(big.Rat).Mul(lo, lo).Cmp(xv) > 0 || new(big.Rat).Mul(hi, hi).Cmp(xv) < 0 {
			t.Fatalf("sqrt(%v) at %d digits = %s, not the rounded root", x, prec, r.String())
		}
		if new(big.Rat).Mul(rv, rv).Cmp(xv) == 0 && numDigits(r.coeff) < prec && r.exp != floorDiv2(d.exp) {
			t.Fatalf("exact sqrt(%v) = %s, not at the ideal exponent %d", x, r.String(), floorDiv2(d.exp))
		}
	})
}

func decRat(c *big.Int, e int64) *big.Rat {
	r := new(big.Rat).SetInt(c)
	p := new(big.Rat).SetInt(pow10(abs(e)))
	if e >= 0 {
		return r.Mul(r, p)
	}
	return r.Quo(r, p)
}

func abs(e int64) int64 {
	if e < 0 {
		return -e
	}
	return e
}

// fuzzArgs are the argument values FuzzMethods picks from.
var fuzzArgs = []pyval.Value{
	int64(0), int64(1), int64(-1), int64(2), int64(10), int64(-7), int64(math.MaxInt64), int64(math.MinInt64),
	new(big.Int).Lsh(big.NewInt(1), 100), 0.5, -2.5, 1e308, -1e-320, math.NaN(), math.Inf(1), math.Inf(-1), 0.0,
	math.Copysign(0, -1), true, false, nil, "km", "m", "celsius", "fahrenheit", "abc", "12", "",
	[]pyval.Value{int64(1), 2.5}, []pyval.Value{}, []pyval.Value{"a", "b"}, []pyval.Value{int64(1), "a"},
	pyval.DictOf("k", int64(1)), pyval.Tuple{int64(3)}, int64(60), int64(4301),
}

// FuzzMethods calls every method with arbitrary arguments straight (no
// panic recovery) and checks that each returns a result or a Python
// exception, and that the result renders.
func FuzzMethods(f *testing.F) {
	f.Add([]byte{0, 9, 5, 4})
	f.Add([]byte{9, 8, 33, 0})
	f.Add([]byte{10, 13, 20, 1})
	methods := New().Methods()
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := 0; i+3 < len(data) && i < 64; i += 4 {
			m := methods[int(data[i])%len(methods)]
			args := make([]pyval.Value, len(m.Params))
			for j := range args {
				args[j] = fuzzArgs[int(data[i+1+j])%len(fuzzArgs)]
			}
			if m.Name == "logarithm" || m.Name == "square_root" {
				// Keep the precisions small: large ones are slow, not wrong.
				if n, ok := args[len(args)-1].(int64); ok && n > 100 {
					args[len(args)-1] = n % 100
				}
			}
			r, err := m.Call(args)
			if err != nil {
				if _, ok := err.(*pyval.Exception); !ok {
					t.Fatalf("%s%v: non-Python error %v", m.Name, args, err)
				}
				continue
			}
			if s := bfcl.ResultString(r); s == "" {
				t.Fatalf("%s%v: empty result", m.Name, args)
			}
		}
	})
}
