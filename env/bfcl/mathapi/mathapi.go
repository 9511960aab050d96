// Package mathapi re-implements BFCL's MathAPI (the reference's
// math_api.py): stateless arithmetic, statistics and unit conversions.
// Every method returns the dict the reference returns (most of them
// already rendered to its json.dumps text, a bfcl.JSONResult), and every
// result prints as the reference's does: floats as Python's repr, logarithm's
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

// CopiesConfig implements bfcl.ConfigCopier: Load keeps nothing of its
// config.
func (*API) CopiesConfig() {}

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
		m("logarithm", func(a *API, v []pyval.Value) (pyval.Value, error) {
			return logResult(a.Logarithm(v[0], v[1], v[2])), nil
		},
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

// errResult is the error dict {"error": msg}, rendered.
func errResult(msg string) pyval.Value { return bfcl.RenderDict("error", msg) }

func isTypeError(err error) bool { return pyval.IsExc(err, "TypeError") }

// result is {"result": v}, or the ValueError CPython raises when the
// executor prints an int of more than 4300 digits.
func result(v pyval.Value) (pyval.Value, error) {
	if !intStrOK(v) {
		return nil, errIntStr
	}
	if _, ok := v.(pyval.Object); ok {
		return pyval.DictOf("result", v), nil // json.dumps fails on it: the executor shows str()
	}
	return bfcl.RenderDict("result", v), nil
}

// caught turns a TypeError into the error dict msg, as the reference's
// `except TypeError` does, and lets other exceptions through.
func caught(v pyval.Value, err error, msg string) (pyval.Value, error) {
	if err != nil {
		if isTypeError(err) {
			return errResult(msg), nil
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
	if n, ok := precision.(int64); ok && n <= MaxPrecision {
		prec := dpsToPrec(n)
		if q, ok := logFast(value, base, uint(prec)); ok {
			return &mpValue{small: q, isSmall: true, dps: reprDps(prec)}, nil
		}
		return logGeneral(value, base, prec)
	}
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
	if q, ok := logFast(value, base, uint(prec)); ok {
		return &mpValue{small: q, isSmall: true, dps: reprDps(prec)}, nil
	}
	return logGeneral(value, base, prec)
}

// logGeneral is mpmath.log(value) / mpmath.log(base) at prec bits.
func logGeneral(value, base pyval.Value, prec int64) (pyval.Value, error) {
	p := uint(prec)
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

// logResult delivers a logarithm's {"result": mpf} with its str(), which
// the executor shows (json.dumps fails on an mpf) without trying
// json.dumps first; an error dict goes as it is.
func logResult(d *pyval.Dict) pyval.Value {
	r, _ := d.Get("result")
	v, ok := r.(*mpValue)
	if !ok {
		return d
	}
	b := make([]byte, 0, 64)
	b = append(b, "{'result': "...)
	b = v.appendRepr(b)
	return &bfcl.Rendered{Text: string(append(b, '}')), Value: d}
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
		return errResult("Cannot calculate mean of an empty list"), nil
	}
	if m, ok := meanFast(numbers); ok {
		return bfcl.FloatResult(`{"result": `, m, `}`), nil
	}
	s, err := pySum(numbers)
	if err == nil {
		s, err = pyTrueDiv(s, length(numbers))
	}
	return caught(s, err, "All elements in the list must be numbers")
}

// meanFast is sum(numbers) / len(numbers) for a non-empty list of ints
// and floats whose int sums fit an int64 and 53 bits, computed as Python
// adds them one by one (ints exactly until the first float, then floats);
// ok is false for anything else, which the general path handles.
func meanFast(numbers pyval.Value) (float64, bool) {
	xs, ok := numbers.([]pyval.Value)
	if !ok || len(xs) == 0 {
		return 0, false
	}
	var isum int64
	var fsum float64
	isFloat := false
	for _, x := range xs {
		switch v := x.(type) {
		case int64:
			if isFloat {
				if v < -(1<<53) || v > 1<<53 {
					return 0, false // float(int) rounds: leave it to the general path
				}
				fsum += float64(v)
				continue
			}
			s := isum + v
			if (s > isum) != (v > 0) {
				return 0, false // overflows an int64
			}
			isum = s
		case float64:
			if !isFloat {
				if isum < -(1<<53) || isum > 1<<53 {
					return 0, false
				}
				fsum, isFloat = float64(isum), true
			}
			fsum += v
		default:
			return 0, false
		}
	}
	if isFloat {
		return fsum / float64(len(xs)), true
	}
	if isum < -(1<<53) || isum > 1<<53 {
		return 0, false // int / int is correctly rounded from the exact values
	}
	return float64(isum) / float64(len(xs)), true
}

// stdDevFast is stdDev for the lists meanFast takes whose ints fit 53
// bits: each (x - mean) ** 2 is the float product d*d (** 2 rounds once,
// as a product does), unless it overflows, which raises in Python and is
// left to the general path.
func stdDevFast(numbers pyval.Value) (float64, bool) {
	mean, ok := meanFast(numbers)
	if !ok {
		return 0, false
	}
	xs := numbers.([]pyval.Value)
	acc := 0.0 // 0 + the first square is that square
	for _, x := range xs {
		var f float64
		switch v := x.(type) {
		case int64:
			if v < -(1<<53) || v > 1<<53 {
				return 0, false
			}
			f = float64(v)
		case float64:
			f = v
		}
		d := f - mean
		sq := d * d
		if math.IsInf(sq, 0) && !math.IsInf(d, 0) {
			return 0, false // OverflowError
		}
		acc += sq
	}
	return math.Sqrt(acc / float64(len(xs))), true
}

// StandardDeviation is standard_deviation(numbers): the population
// standard deviation.
func (*API) StandardDeviation(numbers pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(numbers) {
		return errResult("Cannot calculate standard deviation of an empty list"), nil
	}
	if sd, ok := stdDevFast(numbers); ok {
		return bfcl.FloatResult(`{"result": `, sd, `}`), nil
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
		return errResult("Value must be a number"), nil
	}
	notSupported := errResult("Conversion from '" + pyval.Str(unitIn) + "' to '" + pyval.Str(unitOut) + "' is not supported")
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
		return errResult(errTooLarge), nil
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
		return errResult("Value must be a number"), nil
	}
	if pyval.Equal(unitIn, unitOut) {
		return result(value)
	}
	key := pyval.Str(unitIn) + "_to_" + pyval.Str(unitOut)
	factor, ok := imperialFactors[key]
	if !ok {
		return errResult("Conversion from '" + pyval.Str(unitIn) + "' to '" + pyval.Str(unitOut) + "' is not supported"), nil
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
		return errResult(errTooLarge), nil
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
		return errResult("Both inputs must be numbers"), nil
	}
	r, err := pyMul(a, b)
	return caught(r, err, "Both inputs must be numbers")
}

// Divide is divide(a, b): a / b.
func (*API) Divide(a, b pyval.Value) (pyval.Value, error) {
	if pyEqualsZero(b) {
		return errResult("Cannot divide by zero"), nil
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
		return errResult(invalid), nil // number < 0 raises TypeError
	}
	if c, _ := pyval.Compare(number, int64(0)); c < 0 {
		return errResult("Cannot calculate square root of a negative number"), nil
	}
	// getcontext().prec = precision
	p, pb, ok := intOf(precision)
	switch {
	case !ok:
		return errResult(invalid), nil // TypeError: an integer is required
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
		return errResult("Whole value cannot be zero"), nil
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
		return errResult("Cannot find minimum of an empty list"), nil
	}
	r, err := extreme(numbers, -1)
	return caught(r, err, "All elements in the list must be numbers")
}

// MaxValue is max_value(numbers): max(numbers).
func (*API) MaxValue(numbers pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(numbers) {
		return errResult("Cannot find maximum of an empty list"), nil
	}
	r, err := extreme(numbers, 1)
	return caught(r, err, "All elements in the list must be numbers")
}

// SumValues is sum_values(numbers): sum(numbers).
func (*API) SumValues(numbers pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(numbers) {
		return errResult("Cannot calculate sum of an empty list"), nil
	}
	r, err := pySum(numbers)
	return caught(r, err, "All elements in the list must be numbers")
}
