package mathapi

import (
	"math"
	"math/big"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/internal/libm"
	"github.com/toolgym/toolgym/pyval"
)

// TestResults checks results whose printing is special: mpmath numbers,
// Decimals, complex numbers, big ints, and the errors the reference lets
// through. The expected strings come from running the reference.
func TestResults(t *testing.T) {
	tests := []struct{ call, want string }{
		{"logarithm(value=36.0, base=6.0, precision=4)", "{'result': mpf('2.0')}"},
		{"logarithm(value=20, base=10, precision=2)", "{'result': mpf('1.3027')}"},
		{"logarithm(value=-5, base=10, precision=5)", "{'result': mpc(real='0.69896984', imag='1.3643761')}"},
		{"logarithm(value=0, base=10, precision=5)", "{'result': mpf('-inf')}"},
		{"logarithm(value=5, base=1, precision=5)", `{"error": ""}`},
		{"logarithm(value='abc', base=10, precision=5)", `{"error": "cannot create mpf from 'abc'"}`},
		{"logarithm(value=10, base=10, precision='x')", `{"error": "invalid literal for int() with base 10: 'x'"}`},
		{"logarithm(value=0.9999999, base=2, precision=0)", "{'result': mpf('-1.49e-7')}"},
		{"square_root(number=2, precision=28)", "{'result': Decimal('1.414213562373095048801688724')}"},
		{"square_root(number=4096, precision=1)", "{'result': Decimal('6E+1')}"},
		{"square_root(number=-0.0, precision=3)", "{'result': Decimal('-0')}"},
		{"square_root(number=4, precision=0)", "Error during execution: valid range for prec is [1, MAX_PREC]"},
		{"square_root(number='4', precision=5)", `{"error": "Input must be a number or computation resulted in an invalid operation"}`},
		{"power(base=-8, exponent=0.3333333333333333)", "{'result': (1.0000000000000002+1.7320508075688772j)}"},
		{"power(base=2, exponent=100)", `{"result": 1267650600228229401496703205376}`},
		{"power(base=10, exponent=4300)", "Error during execution: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"},
		{"power(base=2.0, exponent=10000)", "Error during execution: (34, 'Numerical result out of range')"},
		{"power(base=0, exponent=-1)", "Error during execution: 0.0 cannot be raised to a negative power"},
		{"add(a='a', b=1)", `{"error": "Both inputs must be numbers"}`},
		{"add(a='a', b='b')", `{"result": "ab"}`},
		{"add(a=9223372036854775807, b=1)", `{"result": 9223372036854775808}`},
		{"divide(a=1, b=0.0)", `{"error": "Cannot divide by zero"}`},
		{"divide(a=7, b=2)", `{"result": 3.5}`},
		{"mean(numbers=[])", `{"error": "Cannot calculate mean of an empty list"}`},
		{"mean(numbers=[1, 'a'])", `{"error": "All elements in the list must be numbers"}`},
		{"standard_deviation(numbers=[1e308, 1e308])", `{"result": Infinity}`},
		{"min_value(numbers=['b', 'a'])", `{"result": "a"}`},
		{"max_value(numbers=[1, 3, 3.0, 2])", `{"result": 3}`},
		{"round_number(number=2.675, decimal_places=2)", `{"result": 2.67}`},
		{"round_number(number=1250, decimal_places=-2)", `{"result": 1200}`},
		{"percentage(part=1, whole=3)", `{"result": 33.33333333333333}`},
		{"si_unit_conversion(value=5, unit_in='km', unit_out='m')", `{"result": 5000.0}`},
		{"si_unit_conversion(value=5, unit_in=['km'], unit_out='m')", "Error during execution: unhashable type: 'list'"},
		{"imperial_si_conversion(value=100, unit_in='celsius', unit_out='fahrenheit')", `{"result": 212.0}`},
		{"imperial_si_conversion(value=5, unit_in='x', unit_out='x')", `{"result": 5}`},
		{"absolute_value(number=-9223372036854775808)", `{"result": 9223372036854775808}`},
		{"sum_values(numbers=[0.1, 0.2, 0.3])", `{"result": 0.6000000000000001}`},
		{"mean()", "Error during execution: MathAPI.mean() missing 1 required positional argument: 'numbers'"},
	}
	e := newEnv(t)
	for _, tc := range tests {
		if got := e.Exec(tc.call); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.call, got, tc.want)
		}
	}
}

// TestStateless checks the class has no state and clones independently.
func TestStateless(t *testing.T) {
	a := New()
	if a.State().Len() != 0 {
		t.Error("MathAPI has state")
	}
	c := a.Clone()
	if c == bfcl.Class(a) || c.Name() != ClassName || c.State().Len() != 0 {
		t.Error("clone is not a fresh instance")
	}
	if err := c.Load(pyval.DictOf("x", int64(1)), true); err != nil {
		t.Error(err)
	}
}

// TestLnFast checks the float64 shortcut of log against the big-float
// path: both must give the correctly rounded value.
func TestLnFast(t *testing.T) {
	for _, x := range []float64{2, 3, 10, 0.1, 1e-300, 1e300, 1.0000001, 0.9999999, 123456789, math.Pi, 5e-324, 1e-310, 0x1p-1022} {
		for prec := uint(1); prec <= 45; prec += 4 {
			bx := new(big.Float).SetFloat64(x)
			fast, ok := lnFast(bx, prec)
			if !ok {
				continue
			}
			slow := round(libm.BigLog(bx, prec), prec)
			if fast.f.Cmp(slow.f) != 0 {
				t.Errorf("log(%g) at %d bits: fast %s, slow %s", x, prec, fast.f.Text('p', 0), slow.f.Text('p', 0))
			}
		}
	}
}

// TestDecimalString checks Decimal.__str__'s notation switches.
func TestDecimalString(t *testing.T) {
	tests := []struct {
		coeff int64
		exp   int64
		want  string
	}{
		{123, 0, "123"}, {123, -2, "1.23"}, {123, -5, "0.00123"}, {123, -9, "1.23E-7"}, {123, 1, "1.23E+3"},
		{5, -7, "5E-7"}, {5, -6, "0.000005"}, {0, -2, "0.00"}, {0, 3, "0E+3"}, {100, 0, "100"},
	}
	for _, tc := range tests {
		d := decimal{coeff: big.NewInt(tc.coeff), exp: tc.exp}
		if got := d.String(); got != tc.want {
			t.Errorf("%dE%d: got %s, want %s", tc.coeff, tc.exp, got, tc.want)
		}
	}
}
