package libm

import (
	"math/big"
	"strconv"
	"testing"
)

var sink float64

// bench measures f, a call of one function on fixed arguments.
func bench(b *testing.B, f func() float64) {
	b.ReportAllocs()
	for b.Loop() {
		sink = f()
	}
}

func BenchmarkPow(b *testing.B) {
	b.Run("real", func(b *testing.B) { bench(b, func() float64 { return Pow(2.5, 0.3) }) })
	b.Run("small_int", func(b *testing.B) { bench(b, func() float64 { return Pow(1.1, 17) }) })
	b.Run("large_int", func(b *testing.B) { bench(b, func() float64 { return Pow(1.0000001, 1e9) }) })
}

func BenchmarkExp(b *testing.B) { bench(b, func() float64 { return Exp(3.7) }) }

func BenchmarkLog(b *testing.B) { bench(b, func() float64 { return Log(3.7) }) }

func BenchmarkHypot(b *testing.B) { bench(b, func() float64 { return Hypot(0.3, 2.5) }) }

func BenchmarkSin(b *testing.B) { bench(b, func() float64 { return Sin(3.7) }) }

// BenchmarkCos takes a huge argument: its reduction needs 1200 bits of π.
func BenchmarkCos(b *testing.B) { bench(b, func() float64 { return Cos(1e300) }) }

func BenchmarkSinCos(b *testing.B) {
	bench(b, func() float64 {
		s, c := SinCos(3.7)
		return s + c
	})
}

func BenchmarkAtan2(b *testing.B) { bench(b, func() float64 { return Atan2(0.3, 2.5) }) }

func BenchmarkPi(b *testing.B) {
	bench(b, func() float64 {
		f, _ := Pi(200).Float64()
		return f
	})
}

// BenchmarkBigLog runs at mpmath's precisions for 10 and 50 digits, and
// past the reduction tables.
func BenchmarkBigLog(b *testing.B) {
	x := big.NewFloat(980)
	for _, prec := range []uint{37, 170, 2000} {
		b.Run(strconv.Itoa(int(prec)), func(b *testing.B) {
			BigLog(x, prec) // fill the caches
			bench(b, func() float64 {
				f, _ := BigLog(x, prec).Float64()
				return f
			})
		})
	}
}
