package mathapi

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
)

// BenchmarkCalls measures one call through the env (parse the Python
// call, bind, run, render the result string), per typical call. The
// reference runs 7,128 MathAPI calls/s (140 µs a call).
func BenchmarkCalls(b *testing.B) {
	calls := []struct{ name, call string }{
		{"mean", "mean(numbers=[100, 95, 85, 90, 88, 92])"},
		{"standard_deviation", "standard_deviation(numbers=[100, 95, 85, 90, 88, 92])"},
		{"logarithm", "logarithm(value=980.0, base=20, precision=10)"},
		{"logarithm_p50", "logarithm(value=980.0, base=20, precision=50)"},
		{"square_root", "square_root(number=2, precision=10)"},
		{"add", "add(a=3.5, b=2)"},
		{"divide", "divide(a=10, b=3)"},
		{"power", "power(base=2.5, exponent=0.3)"},
		{"round_number", "round_number(number=2.675, decimal_places=2)"},
		{"si_unit_conversion", "si_unit_conversion(value=5, unit_in='km', unit_out='cm')"},
		{"max_value", "max_value(numbers=[3, 1.5, 9, 2])"},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			e := newEnv(b)
			b.ReportAllocs()
			for b.Loop() {
				e.Exec(c.call)
			}
		})
	}
}

// BenchmarkGroundTruth replays the class's ground-truth calls of the four
// categories, one Exec per call on a fresh env per entry; ns/call compares
// with the reference's calls/s (see bfcltest.BenchGroundTruth).
func BenchmarkGroundTruth(b *testing.B) { bfcltest.BenchGroundTruth(b, ClassName) }
