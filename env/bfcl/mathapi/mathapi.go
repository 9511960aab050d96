// Package mathapi re-implements BFCL's MathAPI (the reference's
// math_api.py): stateless arithmetic, statistics and unit conversions.
// Every method returns the dict the reference returns, and every result
// prints as the reference's does: floats as Python's repr, logarithm's
// mpmath numbers as mpf('...') or mpc(real='...', imag='...') at the
// precision asked for (mpmath 1.3.0's binary arithmetic and printing), and
// square_root's Decimal as Decimal('...') (Python's decimal module,
// correctly rounded, half to even). Arguments of the wrong type give the
// reference's error dicts, or the exception CPython would raise where the
// reference does not catch it.
//
// Known differences, all off the ground truth: CPython's float ** calls
// the C library's pow, which is not correctly rounded (glibc's is off by
// a unit in the last place in about one result in a thousand, squares
// included), while toolgym's is, so power and
// standard_deviation may differ in the last digit; the same holds for
// the cos and sin of a complex power. mpmath's log keeps 20 guard bits,
// toolgym's rounds correctly, so a logarithm could differ in the last
// bit when the exact value lies within about 2**-20 units of a rounding
// boundary. logarithm does not read complex ("2+3j"), fraction ("1/3")
// or underscored numeric strings as mpmath does, precisions beyond
// MaxPrecision digits are refused, and an int power too large to print
// fails at once where CPython would compute it first.
//
// The class registers itself as "MathAPI" with package bfcl.
package mathapi

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// ClassName is the reference's class name.
const ClassName = "MathAPI"

func init() {
	bfcl.RegisterClass(ClassName, func() bfcl.Class { return New() })
}

// MaxPrecision bounds the precision logarithm and square_root accept, in
// decimal digits; the reference has no such bound (it computes for as
// long as it takes), toolgym answers larger requests with an error.
const MaxPrecision = 20000

// API is a MathAPI instance. It has no state.
type API struct{}

var _ bfcl.Class = (*API)(nil)

// New returns an instance.
func New() *API { return &API{} }

// Name implements bfcl.Class.
func (*API) Name() string { return ClassName }

// Load implements bfcl.Class. MathAPI is stateless: the reference never
// loads a scenario into it.
func (*API) Load(*pyval.Dict, bool) error { return nil }

// State implements bfcl.Class: MathAPI has no public attributes.
func (*API) State() *pyval.Dict { return pyval.NewDict() }

// StateEqual implements bfcl.StateComparer: MathAPI has no state.
func (*API) StateEqual(other bfcl.Class) bool { _, ok := other.(*API); return ok }

// Clone implements bfcl.Class.
func (*API) Clone() bfcl.Class { return &API{} }

// Methods implements bfcl.Class: the reference's public methods, with
// their parameters in signature order.
func (a *API) Methods() []bfcl.Method { return bfcl.Bound(a, methodTable()) }

// MethodTable implements bfcl.MethodTable: the methods of Methods, for
// any instance.
func (*API) MethodTable() []bfcl.Method { return methodTable() }

// methodTable lists the methods once.
var methodTable = sync.OnceValue(func() []bfcl.Method {
	req, opt := bfcl.Req, bfcl.Opt
	m := func(name string, call func(*API, []pyval.Value) (pyval.Value, error), params ...bfcl.Param) bfcl.Method {
		return bfcl.Method{Name: name, Params: params, Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { return call(c.(*API), v) }}
	}
	return []bfcl.Method{
		m("logarithm", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.Logarithm(v[0], v[1], v[2]), nil },
			req("value"), req("base"), req("precision")),
		m("mean", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.Mean(v[0]) }, req("numbers")),
		m("standard_deviation", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.StandardDeviation(v[0]) }, req("numbers")),
		m("si_unit_conversion", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.SIUnitConversion(v[0], v[1], v[2]) },
			req("value"), req("unit_in"), req("unit_out")),
		m("imperial_si_conversion", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.ImperialSIConversion(v[0], v[1], v[2]) },
			req("value"), req("unit_in"), req("unit_out")),
		m("add", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.Add(v[0], v[1]) }, req("a"), req("b")),
		m("subtract", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.Subtract(v[0], v[1]) }, req("a"), req("b")),
		m("multiply", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.Multiply(v[0], v[1]) }, req("a"), req("b")),
		m("divide", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.Divide(v[0], v[1]) }, req("a"), req("b")),
		m("power", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.Power(v[0], v[1]) }, req("base"), req("exponent")),
		m("square_root", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.SquareRoot(v[0], v[1]) }, req("number"), req("precision")),
		m("absolute_value", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.AbsoluteValue(v[0]) }, req("number")),
		m("round_number", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.RoundNumber(v[0], v[1]) },
			req("number"), opt("decimal_places", int64(0))),
		m("percentage", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.Percentage(v[0], v[1]) }, req("part"), req("whole")),
		m("min_value", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.MinValue(v[0]) }, req("numbers")),
		m("max_value", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.MaxValue(v[0]) }, req("numbers")),
		m("sum_values", func(a *API, v []pyval.Value) (pyval.Value, error) { return a.SumValues(v[0]) }, req("numbers")),
	}
})

func errDict(msg string) *pyval.Dict { return pyval.DictOf("error", msg) }

func isTypeError(err error) bool { return pyval.IsExc(err, "TypeError") }

// result is {"result": v}, or the ValueError CPython raises when the
// executor prints an int of more than 4300 digits.
func result(v pyval.Value) (pyval.Value, error) {
	if !intStrOK(v) {
		return nil, errIntStr
	}
	return pyval.DictOf("result", v), nil
}

// caught turns a TypeError into the error dict msg, as the reference's
// `except TypeError` does, and lets other exceptions through.
func caught(v pyval.Value, err error, msg string) (pyval.Value, error) {
	if err != nil {
		if isTypeError(err) {
			return errDict(msg), nil
		}
		return nil, err
	}
	return result(v)
}

// Logarithm is logarithm(value, base, precision): log(value)/log(base)
// computed by mpmath at precision decimal digits. Every failure is an
// error dict with the exception's text, as the reference catches all.
func (*API) Logarithm(value, base, precision pyval.Value) *pyval.Dict {
	r, err := logarithm(value, base, precision)
	if err != nil {
		return errDict(err.Error())
	}
	return pyval.DictOf("result", r)
}

func logarithm(value, base, precision pyval.Value) (pyval.Value, error) {
	// mpmath.mp.dps = precision
	dps, err := pyInt(precision)
	if err != nil {
		return nil, err
	}
	if !dps.IsInt64() || dps.Int64() > MaxPrecision {
		if f, _ := new(big.Float).SetInt(dps).Float64(); math.IsInf(f, 0) {
			return nil, errIntTooLarge
		}
		if dps.Sign() > 0 {
			return nil, pyval.ValueError("precision above " + strconv.Itoa(MaxPrecision) + " digits is not supported")
		}
	}
	prec := int64(1)
	if dps.IsInt64() {
		prec = dpsToPrec(dps.Int64())
	}
	p := uint(prec)
	// mpmath.log(value) / mpmath.log(base)
	x, err := mpConvert(value, p)
	if err != nil {
		return nil, err
	}
	var lx, lb mpNumber
	lx.re, lx.im, lx.complex = mpLn(x, p)
	b, err := mpConvert(base, p)
	if err != nil {
		return nil, err
	}
	lb.re, lb.im, lb.complex = mpLn(b, p)
	q, err := mpQuo(lx, lb, p)
	if err != nil {
		return nil, err
	}
	return &mpValue{n: q, dps: reprDps(prec)}, nil
}

// pyInt is int(v) for the values a call can carry, with Python's errors.
func pyInt(v pyval.Value) (*big.Int, error) {
	switch x := v.(type) {
	case bool, int64, *big.Int:
		return bigOf(x), nil
	case float64:
		switch {
		case math.IsNaN(x):
			return nil, pyval.ValueError("cannot convert float NaN to integer")
		case math.IsInf(x, 0):
			return nil, pyval.Exc("OverflowError", "cannot convert float infinity to integer")
		}
		n, _ := new(big.Float).SetFloat64(math.Trunc(x)).Int(nil)
		return n, nil
	case string:
		if n, ok := parseIntLiteral(x); ok {
			return n, nil
		}
		return nil, pyval.ValueError("invalid literal for int() with base 10: " + pyval.Repr(x))
	}
	return nil, pyval.TypeError("int() argument must be a string, a bytes-like object or a real number, not '" + pyval.TypeName(v) + "'")
}

// parseIntLiteral reads a base-10 int as int(str) does: surrounding
// whitespace, an optional sign, digits with single underscores between
// them.
func parseIntLiteral(s string) (*big.Int, bool) {
	s = strings.TrimFunc(s, pyval.IsSpace)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return nil, false
	}
	s = strings.ReplaceAll(s, "_", "")
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
	}
	n, ok := new(big.Int).SetString(s, 10)
	if ok && neg {
		n.Neg(n)
	}
	return n, ok
}

// items is iter(v) for the values a call can carry: a list's or tuple's
// elements, a str's characters, a dict's keys.
func items(v pyval.Value) ([]pyval.Value, error) {
	switch x := v.(type) {
	case []pyval.Value:
		return x, nil
	case pyval.Tuple:
		return x, nil
	case string:
		out := make([]pyval.Value, 0, len(x))
		for _, r := range x {
			out = append(out, string(r))
		}
		return out, nil
	case *pyval.Dict:
		return x.Keys(), nil
	case *pyval.Set:
		return x.Values(), nil
	}
	return nil, pyval.TypeError("'" + pyval.TypeName(v) + "' object is not iterable")
}

// pySum is sum(v): 0 plus each item in turn.
func pySum(v pyval.Value) (pyval.Value, error) {
	xs, err := items(v)
	if err != nil {
		return nil, err
	}
	var acc pyval.Value = int64(0)
	for _, x := range xs {
		if acc, err = pyAdd(acc, x); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// length is len(v) for an iterable that pySum accepted.
func length(v pyval.Value) int64 {
	xs, _ := items(v)
	return int64(len(xs))
}

// Mean is mean(numbers).
func (*API) Mean(numbers pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(numbers) {
		return errDict("Cannot calculate mean of an empty list"), nil
	}
	s, err := pySum(numbers)
	if err == nil {
		s, err = pyTrueDiv(s, length(numbers))
	}
	return caught(s, err, "All elements in the list must be numbers")
}

// StandardDeviation is standard_deviation(numbers): the population
// standard deviation.
func (*API) StandardDeviation(numbers pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(numbers) {
		return errDict("Cannot calculate standard deviation of an empty list"), nil
	}
	v, err := stdDev(numbers)
	return caught(v, err, "All elements in the list must be numbers")
}

func stdDev(numbers pyval.Value) (pyval.Value, error) {
	s, err := pySum(numbers)
	if err != nil {
		return nil, err
	}
	n := length(numbers)
	mean, err := pyTrueDiv(s, n)
	if err != nil {
		return nil, err
	}
	xs, _ := items(numbers)
	var acc pyval.Value = int64(0)
	for _, x := range xs {
		d, err := pySub(x, mean)
		if err != nil {
			return nil, err
		}
		sq, err := pyPow(d, int64(2))
		if err != nil {
			return nil, err
		}
		if acc, err = pyAdd(acc, sq); err != nil {
			return nil, err
		}
	}
	variance, err := pyTrueDiv(acc, n)
	if err != nil {
		return nil, err
	}
	f, err := toFloat(variance)
	if err != nil {
		return nil, err
	}
	if f < 0 {
		return nil, pyval.ValueError("math domain error")
	}
	return math.Sqrt(f), nil
}

// siFactors is the reference's to_meters table, in its order.
var siFactors = []struct {
	unit   string
	factor pyval.Value
}{
	{"km", int64(1000)}, {"m", int64(1)}, {"cm", 0.01}, {"mm", 0.001}, {"um", 1e-6}, {"nm", 1e-9},
}

func siFactor(unit pyval.Value) (pyval.Value, bool) {
	s, ok := unit.(string)
	if !ok {
		return nil, false
	}
	for _, f := range siFactors {
		if f.unit == s {
			return f.factor, true
		}
	}
	return nil, false
}

func unhashable(v pyval.Value) error {
	return pyval.TypeError("unhashable type: '" + pyval.TypeName(v) + "'")
}

const errTooLarge = "Conversion resulted in a value too large to represent"

// SIUnitConversion is si_unit_conversion(value, unit_in, unit_out)
// between km, m, cm, mm, um and nm.
func (*API) SIUnitConversion(value, unitIn, unitOut pyval.Value) (pyval.Value, error) {
	if !isNumber(value) {
		return errDict("Value must be a number"), nil
	}
	notSupported := errDict("Conversion from '" + pyval.Str(unitIn) + "' to '" + pyval.Str(unitOut) + "' is not supported")
	if !pyval.Hashable(unitIn) {
		return nil, unhashable(unitIn)
	}
	in, ok := siFactor(unitIn)
	if !ok {
		return notSupported, nil
	}
	if !pyval.Hashable(unitOut) {
		return nil, unhashable(unitOut)
	}
	out, ok := siFactor(unitOut)
	if !ok {
		return notSupported, nil
	}
	// from_meters[unit] = 1 / factor
	inv, _ := pyTrueDiv(int64(1), out)
	meters, err := pyMul(value, in)
	if err == nil {
		var r pyval.Value
		if r, err = pyMul(meters, inv); err == nil {
			return result(r)
		}
	}
	if pyval.IsExc(err, "OverflowError") {
		return errDict(errTooLarge), nil
	}
	return nil, err
}

// imperialFactors is the reference's conversion table.
var imperialFactors = map[string]float64{
	"cm_to_in":              0.393701,
	"in_to_cm":              2.54,
	"m_to_ft":               3.28084,
	"ft_to_m":               0.3048,
	"m_to_yd":               1.09361,
	"yd_to_m":               0.9144,
	"km_to_miles":           0.621371,
	"miles_to_km":           1.60934,
	"kg_to_lb":              2.20462,
	"lb_to_kg":              0.453592,
	"celsius_to_fahrenheit": 1.8,
	"fahrenheit_to_celsius": 5.0 / 9,
}

// ImperialSIConversion is imperial_si_conversion(value, unit_in,
// unit_out) for the reference's pairs of units.
func (*API) ImperialSIConversion(value, unitIn, unitOut pyval.Value) (pyval.Value, error) {
	if !isNumber(value) {
		return errDict("Value must be a number"), nil
	}
	if pyval.Equal(unitIn, unitOut) {
		return result(value)
	}
	key := pyval.Str(unitIn) + "_to_" + pyval.Str(unitOut)
	factor, ok := imperialFactors[key]
	if !ok {
		return errDict("Conversion from '" + pyval.Str(unitIn) + "' to '" + pyval.Str(unitOut) + "' is not supported"), nil
	}
	var r pyval.Value
	var err error
	switch key {
	case "celsius_to_fahrenheit":
		if r, err = pyMul(value, factor); err == nil {
			r, err = pyAdd(r, int64(32))
		}
	case "fahrenheit_to_celsius":
		if r, err = pySub(value, int64(32)); err == nil {
			r, err = pyMul(r, factor)
		}
	default:
		r, err = pyMul(value, factor)
	}
	if pyval.IsExc(err, "OverflowError") {
		return errDict(errTooLarge), nil
	}
	if err != nil {
		return nil, err
	}
	return result(r)
}

// Add is add(a, b): a + b.
func (*API) Add(a, b pyval.Value) (pyval.Value, error) {
	r, err := pyAdd(a, b)
	return caught(r, err, "Both inputs must be numbers")
}

// Subtract is subtract(a, b): a - b.
func (*API) Subtract(a, b pyval.Value) (pyval.Value, error) {
	r, err := pySub(a, b)
	return caught(r, err, "Both inputs must be numbers")
}

// Multiply is multiply(a, b): a * b for numbers.
func (*API) Multiply(a, b pyval.Value) (pyval.Value, error) {
	if !isNumber(a) || !isNumber(b) {
		return errDict("Both inputs must be numbers"), nil
	}
	r, err := pyMul(a, b)
	return caught(r, err, "Both inputs must be numbers")
}

// Divide is divide(a, b): a / b.
func (*API) Divide(a, b pyval.Value) (pyval.Value, error) {
	if pyEqualsZero(b) {
		return errDict("Cannot divide by zero"), nil
	}
	r, err := pyTrueDiv(a, b)
	return caught(r, err, "Both inputs must be numbers")
}

// Power is power(base, exponent): base ** exponent, an int for int
// operands and a non-negative exponent, a complex for a negative base and
// a fractional exponent.
func (*API) Power(base, exponent pyval.Value) (pyval.Value, error) {
	r, err := pyPow(base, exponent)
	return caught(r, err, "Both inputs must be numbers")
}

// SquareRoot is square_root(number, precision): the square root as a
// Decimal of precision significant digits.
func (*API) SquareRoot(number, precision pyval.Value) (pyval.Value, error) {
	const invalid = "Input must be a number or computation resulted in an invalid operation"
	if !isNumber(number) {
		return errDict(invalid), nil // number < 0 raises TypeError
	}
	if c, _ := pyval.Compare(number, int64(0)); c < 0 {
		return errDict("Cannot calculate square root of a negative number"), nil
	}
	// getcontext().prec = precision
	p, pb, ok := intOf(precision)
	switch {
	case !ok:
		return errDict(invalid), nil // TypeError: an integer is required
	case pb != nil:
		return nil, pyval.Exc("OverflowError", "Python int too large to convert to C ssize_t")
	case p < 1 || p > 999999999999999999:
		return nil, pyval.ValueError("valid range for prec is [1, MAX_PREC]")
	case p > MaxPrecision:
		return nil, pyval.ValueError("precision above " + strconv.Itoa(MaxPrecision) + " digits is not supported")
	}
	var d decimal
	if f, ok := number.(float64); ok {
		d = decimalFromFloat(f)
	} else {
		d = decimalFromInt(bigOf(number))
	}
	return pyval.DictOf("result", &decimalValue{d.sqrt(p)}), nil
}

// AbsoluteValue is absolute_value(number): abs(number).
func (*API) AbsoluteValue(number pyval.Value) (pyval.Value, error) {
	r, err := pyAbs(number)
	return caught(r, err, "Input must be a number")
}

// RoundNumber is round_number(number, decimal_places=0): round(number,
// decimal_places), ties to even on the exact value.
func (*API) RoundNumber(number, decimalPlaces pyval.Value) (pyval.Value, error) {
	r, err := pyval.PyRound(number, decimalPlaces)
	return caught(r, err, "First input must be a number, second input must be an integer")
}

// Percentage is percentage(part, whole): part / whole * 100.
func (*API) Percentage(part, whole pyval.Value) (pyval.Value, error) {
	if pyEqualsZero(whole) {
		return errDict("Whole value cannot be zero"), nil
	}
	r, err := pyTrueDiv(part, whole)
	if err == nil {
		r, err = pyMul(r, int64(100))
	}
	return caught(r, err, "Both inputs must be numbers")
}

// extreme is min(numbers) (sign -1) or max(numbers) (sign +1): the first
// item no other item is below (above).
func extreme(numbers pyval.Value, sign int) (pyval.Value, error) {
	xs, err := items(numbers)
	if err != nil {
		return nil, err
	}
	best := xs[0]
	for _, x := range xs[1:] {
		c, err := pyval.Compare(x, best)
		if err != nil {
			return nil, err
		}
		if c == sign {
			best = x
		}
	}
	return best, nil
}

// MinValue is min_value(numbers): min(numbers).
func (*API) MinValue(numbers pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(numbers) {
		return errDict("Cannot find minimum of an empty list"), nil
	}
	r, err := extreme(numbers, -1)
	return caught(r, err, "All elements in the list must be numbers")
}

// MaxValue is max_value(numbers): max(numbers).
func (*API) MaxValue(numbers pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(numbers) {
		return errDict("Cannot find maximum of an empty list"), nil
	}
	r, err := extreme(numbers, 1)
	return caught(r, err, "All elements in the list must be numbers")
}

// SumValues is sum_values(numbers): sum(numbers).
func (*API) SumValues(numbers pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(numbers) {
		return errDict("Cannot calculate sum of an empty list"), nil
	}
	r, err := pySum(numbers)
	return caught(r, err, "All elements in the list must be numbers")
}
