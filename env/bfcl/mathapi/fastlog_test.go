package mathapi

import (
	"math"
	"math/big"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

// checkLogFast compares logarithm's float64 path with the general one
// for one call, when the float64 path takes it.
func checkLogFast(t *testing.T, value, base pyval.Value, dps int64) bool {
	t.Helper()
	prec := dpsToPrec(dps)
	q, ok := logFast(value, base, uint(prec))
	if !ok {
		return false
	}
	want, err := logGeneral(value, base, prec)
	if err != nil {
		t.Fatalf("log(%v, %v) at %d digits: the general path fails: %v", value, base, dps, err)
	}
	got := &mpValue{small: q, isSmall: true, dps: reprDps(prec)}
	if g, w := got.PyRepr(), want.(*mpValue).PyRepr(); g != w {
		t.Fatalf("log(%v, %v) at %d digits: %s, general path %s", value, base, dps, g, w)
	}
	return true
}

// TestLogFastMatchesGeneral sweeps values, bases and precisions: the
// ground truth's, small ints, and random floats over many magnitudes.
func TestLogFastMatchesGeneral(t *testing.T) {
	cases := []struct{ value, base pyval.Value }{
		{int64(20), int64(10)}, {3287.0, 6.0}, {36.0, 6.0}, {630.0, int64(10)}, {980.0, int64(20)},
		{int64(8), int64(2)}, {int64(1000), int64(10)}, {0.5, int64(2)}, {int64(2), 0.5}, {1e-300, 1e300},
		{int64(1 << 53), int64(3)}, {0.9999999, int64(2)}, {1.0000000000000002, int64(10)},
	}
	taken := 0
	for _, c := range cases {
		for dps := int64(-3); dps <= 14; dps++ {
			if checkLogFast(t, c.value, c.base, dps) {
				taken++
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		value := math.Ldexp(0.5+r.Float64()/2, r.IntN(200)-100)
		base := pyval.Value(math.Ldexp(0.5+r.Float64()/2, r.IntN(40)-20))
		if r.IntN(3) == 0 {
			base = int64(2 + r.IntN(30))
		}
		if checkLogFast(t, value, base, int64(r.IntN(14))) {
			taken++
		}
	}
	if taken < 15000 {
		t.Fatalf("the float64 path took only %d calls", taken)
	}
}

// FuzzLogFast checks the float64 path of logarithm against the general
// one.
func FuzzLogFast(f *testing.F) {
	f.Add(980.0, 20.0, uint8(10))
	f.Add(20.0, 10.0, uint8(2))
	f.Add(0.1, 1e-10, uint8(13))
	f.Fuzz(func(t *testing.T, value, base float64, dps uint8) {
		checkLogFast(t, value, base, int64(dps%20))
	})
}

// TestFloatDigits compares the digits taken from strconv with the exact
// ones, at every precision the repr uses, near ties included.
func TestFloatDigits(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	xs := []float64{1, 2.5, 0.125, 9.5, 99.95, 0.000123456, 1e22, 123456789, 5e-324 * (1 << 60), 2.675, 1.0000000000000002}
	for range 20000 {
		x := math.Ldexp(0.5+r.Float64()/2, r.IntN(300)-150)
		if r.IntN(4) == 0 {
			x = float64(r.IntN(1000000)) / float64(int(1)<<r.IntN(20)) // short exact expansions: ties
		}
		if x != 0 {
			xs = append(xs, x)
		}
	}
	slow := 0
	for _, x := range xs {
		for _, dps := range []int{1, 2, 3, 4, 5, 7, 9, 11, 13, 16, 17, 20, 30} {
			for _, v := range []float64{x, -x} {
				d, e := exactDigits(new(big.Float).SetFloat64(v), dps)
				want := string(appendDigits(nil, v < 0, d, e, dps))
				if got := string(appendFloatStr(nil, v, dps)); got != want {
					t.Fatalf("%v at %d digits: %s, exact digits give %s", v, dps, got, want)
				}
				if _, _, ok := floatDigits(make([]byte, 40), v, dps); !ok {
					slow++
				}
			}
		}
	}
	if slow == 0 {
		t.Fatal("no case reached the exact digits (a 5 after the last digit)")
	}
}

// TestQuoRound compares the quotient rounding with big.Float's, on
// random quotients and on quotients just above a tie (their 64-bit
// integer quotient ends in exactly half a unit, the remainder decides).
func TestQuoRound(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	nearTies := 0
	for nearTies < 300 {
		mb := 1<<52 | r.Uint64()>>12
		prec := uint(1 + r.IntN(maxFastPrec))
		n := 63 + r.IntN(2)
		shift := n - int(prec)
		q := (1<<(prec-1)|r.Uint64()>>(64-prec+1))<<shift | 1<<(shift-1)
		hi, lo := bits.Mul64(mb, q) // ma = ceil(mb*q / 2**63)
		ma := hi<<1 | lo>>63
		if lo<<1 != 0 {
			ma++
		}
		if ma < 1<<52 || ma >= 1<<53 {
			continue
		}
		if got, rem := bits.Div64(ma>>1, ma<<63, mb); got != q || rem == 0 {
			continue
		}
		nearTies++
		a, b := math.Ldexp(float64(ma), -52), math.Ldexp(float64(mb), -52)
		got, _ := quoRound(a, b, prec)
		want, _ := new(big.Float).SetMode(big.ToNearestEven).SetPrec(prec).Quo(big.NewFloat(a), big.NewFloat(b)).Float64()
		if got != want {
			t.Fatalf("%v / %v at %d bits (near a tie): %v, want %v", a, b, prec, got, want)
		}
	}
	for range 50000 {
		a := math.Ldexp(0.5+r.Float64()/2, r.IntN(40)-20)
		b := math.Ldexp(0.5+r.Float64()/2, r.IntN(40)-20)
		if r.IntN(2) == 0 {
			a = -a
		}
		if r.IntN(8) == 0 {
			b = float64(1 + r.IntN(64)) // exact quotients and ties
		}
		prec := uint(1 + r.IntN(maxFastPrec))
		got, ok := quoRound(a, b, prec)
		if !ok {
			t.Fatalf("%v / %v: not taken", a, b)
		}
		want, _ := new(big.Float).SetMode(big.ToNearestEven).SetPrec(prec).Quo(big.NewFloat(a), big.NewFloat(b)).Float64()
		if got != want {
			t.Fatalf("%v / %v at %d bits: %v, want %v", a, b, prec, got, want)
		}
		wantA, _ := round(big.NewFloat(a), prec).f.Float64()
		if rb := roundBits(a, prec); rb != wantA {
			t.Fatalf("roundBits(%v, %d) = %v, want %v", a, prec, rb, wantA)
		}
	}
}

// TestMeanFast compares mean's int and float path with the general one
// on random lists: small and huge ints, floats, mixes, sums that
// overflow an int64.
func TestMeanFast(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	taken := 0
	for range 20000 {
		xs := make([]pyval.Value, 1+r.IntN(8))
		for i := range xs {
			switch r.IntN(5) {
			case 0:
				xs[i] = r.Float64()*1e6 - 5e5
			case 1:
				xs[i] = int64(r.Uint64()) // huge, overflowing sums
			case 2:
				xs[i] = int64(r.IntN(1<<54)) - 1<<53
			default:
				xs[i] = int64(r.IntN(10000))
			}
		}
		got, ok := meanFast(xs)
		if !ok {
			continue
		}
		taken++
		s, err := pySum(xs)
		if err == nil {
			s, err = pyTrueDiv(s, length(xs))
		}
		if err != nil || s != pyval.Value(got) {
			t.Fatalf("mean(%v) = %v, general path %v (%v)", pyval.Repr(xs), got, s, err)
		}
	}
	if taken < 5000 {
		t.Fatalf("the fast path took only %d lists", taken)
	}
}

// TestStdDevFast compares standard_deviation's int and float path with
// the general one on random lists, overflowing squares included.
func TestStdDevFast(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	taken := 0
	for range 20000 {
		xs := make([]pyval.Value, 1+r.IntN(8))
		for i := range xs {
			switch r.IntN(6) {
			case 0:
				xs[i] = r.Float64()*1e6 - 5e5
			case 1:
				xs[i] = math.Ldexp(r.Float64(), 500+r.IntN(530)) // squares overflow
			case 2:
				xs[i] = int64(r.IntN(1<<55)) - 1<<54
			case 3:
				xs[i] = []float64{math.Inf(1), math.NaN(), -0.0}[r.IntN(3)]
			default:
				xs[i] = int64(r.IntN(10000))
			}
		}
		got, ok := stdDevFast(xs)
		if !ok {
			continue
		}
		taken++
		want, err := stdDev(xs)
		if err != nil {
			t.Fatalf("standard_deviation(%v): fast %v, general path fails: %v", pyval.Repr(xs), got, err)
		}
		if w := want.(float64); !(w == got || math.IsNaN(w) && math.IsNaN(got)) {
			t.Fatalf("standard_deviation(%v) = %v, general path %v", pyval.Repr(xs), got, w)
		}
	}
	if taken < 5000 {
		t.Fatalf("the fast path took only %d lists", taken)
	}
}
