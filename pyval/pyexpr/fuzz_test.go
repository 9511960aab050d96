package pyexpr

import (
	"errors"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

// FuzzEval checks that any input gives a value or a Python exception,
// never a panic, and that a value's float() does the same.
func FuzzEval(f *testing.F) {
	for _, s := range []string{"2 + 2", "(100 - 20) / 3", "2 ** -1", "((((1+2)*3)/4)**2)//5", "2(*())", "1(1(1(1+", "(*(*(*1", "-(-(-(-1+)))", "9**999999//7", "(9**99999)/(7**99999)", "...", "()", "0.1.2", "007", "1 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, d := range []Dialect{Python312, Python311} {
			v, err := d.Eval(src)
			if err == nil {
				_, err = v.Float()
			}
			var exc *pyval.Exception
			if err != nil && !errors.As(err, &exc) {
				t.Fatalf("Eval(%q): error %T is not a Python exception", src, err)
			}
		}
	})
}

// BenchmarkEval evaluates expressions of the kinds agents write, and two
// deeply nested syntax errors (which the parser memoizes its way through).
func BenchmarkEval(b *testing.B) {
	exprs := []string{
		"(100 - 20) / 3",
		"49.99 * 3 + 12.5 * 2",
		"((1200 * 0.15) + 200) / 12",
		"2 ** 0.5",
		"((((((((((((((((((((((((1+))))))))))))))))))))))))",
		"1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1+))))))))))))))))))))))))",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range exprs {
			Eval(e)
		}
	}
}
