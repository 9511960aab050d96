package tau2

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

func FuzzCalculate(f *testing.F) {
	for _, c := range calcCases {
		f.Add(c.expr)
	}
	f.Add("((((1+2)*3)/4)**2)//5")
	f.Add("2(*())")
	f.Fuzz(func(t *testing.T, expr string) {
		got, err := Calculate(expr)
		if err != nil {
			var exc *pyval.Exception
			if !errors.As(err, &exc) {
				t.Fatalf("calculate(%q): error %T is not a Python exception", expr, err)
			}
			return
		}
		f, perr := strconv.ParseFloat(got, 64)
		if perr != nil && got != "inf" && got != "-inf" && got != "nan" {
			t.Fatalf("calculate(%q) = %q, not a float", expr, got)
		}
		if perr == nil && !math.IsInf(f, 0) && pyval.Repr(pyval.Round(f, 2)) != got {
			t.Fatalf("calculate(%q) = %q, not rounded to 2 digits", expr, got)
		}
	})
}
