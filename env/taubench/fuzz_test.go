package taubench

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzCalculate checks that any expression gives the reference's kind of
// answer, a number as Python prints it or an "Error: " text, and never a
// panic.
func FuzzCalculate(f *testing.F) {
	for _, c := range calcCases {
		if len(c.expr) < 200 {
			f.Add(c.expr)
		}
	}
	f.Fuzz(func(t *testing.T, expr string) {
		got := Calculate(expr)
		if strings.HasPrefix(got, "Error: ") {
			return
		}
		if _, err := strconv.ParseFloat(got, 64); err != nil {
			t.Fatalf("Calculate(%q) = %q: neither a number nor an error", expr, got)
		}
		if !strings.ContainsAny(got, ".en") {
			t.Fatalf("Calculate(%q) = %q: not a Python float", expr, got)
		}
	})
}
