package telecom

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// This file holds the Python behaviour the domain needs beyond pyval and
// env/tau2: dates as datetime.date and datetime.datetime objects,
// to_json_str's _process for them (to_json_str itself is
// tau2.ProcessedJSONStr), and the comparisons and arithmetic of its tools
// with the TypeError texts Python raises on wrong argument types.

// date is a datetime.date.
type date struct{ y, m, d int }

// PyRepr returns repr(date).
func (x date) PyRepr() string { return fmt.Sprintf("datetime.date(%d, %d, %d)", x.y, x.m, x.d) }

// PyStr returns str(date), the ISO form.
func (x date) PyStr() string { return fmt.Sprintf("%04d-%02d-%02d", x.y, x.m, x.d) }

// PyType returns "date".
func (x date) PyType() string { return "date" }

func (x date) before(o date) bool {
	if x.y != o.y {
		return x.y < o.y
	}
	if x.m != o.m {
		return x.m < o.m
	}
	return x.d < o.d
}

// addDays returns x + timedelta(days=n).
func (x date) addDays(n int) date {
	return fromOrdinal(x.ordinal() + n)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ordinal is date.toordinal().
func (x date) ordinal() int {
	y := x.y - 1
	n := y*365 + y/4 - y/100 + y/400
	for m := 1; m < x.m; m++ {
		n += daysIn(x.y, m)
	}
	return n + x.d
}

func fromOrdinal(n int) date {
	// Walk years then months; dates here stay near 2025.
	y := (n - 1) / 366
	for (date{y + 1, 1, 1}).ordinal() <= n {
		y++
	}
	m := 1
	for (date{y, m, daysIn(y, m)}).ordinal() < n {
		m++
	}
	return date{y, m, n - date{y, m, 1}.ordinal() + 1}
}

// datetime is a datetime.datetime, naive or with a fixed UTC offset.
type datetime struct {
	date
	h, mi, s, us int
	tz           bool
	offset       int // seconds east of UTC, when tz
}

// PyRepr returns a repr close to Python's (pydantic's TzInfo aside).
func (x datetime) PyRepr() string {
	s := fmt.Sprintf("datetime.datetime(%d, %d, %d, %d, %d", x.y, x.m, x.d, x.h, x.mi)
	if x.s != 0 || x.us != 0 {
		s += fmt.Sprintf(", %d", x.s)
	}
	if x.us != 0 {
		s += fmt.Sprintf(", %d", x.us)
	}
	if x.tz {
		s += fmt.Sprintf(", tzinfo=TzInfo(%d)", x.offset)
	}
	return s + ")"
}

// PyStr returns str(datetime): "YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM]".
func (x datetime) PyStr() string {
	s := fmt.Sprintf("%s %02d:%02d:%02d", x.date.PyStr(), x.h, x.mi, x.s)
	if x.us != 0 {
		s += fmt.Sprintf(".%06d", x.us)
	}
	if x.tz {
		sign, off := '+', x.offset
		if off < 0 {
			sign, off = '-', -off
		}
		s += fmt.Sprintf("%c%02d:%02d", sign, off/3600, off/60%60)
		if off%60 != 0 {
			s += fmt.Sprintf(":%02d", off%60)
		}
	}
	return s
}

// PyType returns "datetime".
func (x datetime) PyType() string { return "datetime" }

// today is get_today() of the domain's utils.py.
var today = date{2025, 2, 25}

// process is to_json_str's _process for a value inside a dict result:
// numbers and bools become their str(), dates their isoformat().
func process(v pyval.Value) pyval.Value {
	switch x := v.(type) {
	case bool, int64, *big.Int, float64:
		return pyval.Str(x)
	case date:
		return x.PyStr()
	}
	return v
}

// isNumber reports whether v is an int, float or bool.
func isNumber(v pyval.Value) bool {
	switch v.(type) {
	case bool, int64, *big.Int, float64:
		return true
	}
	return false
}

// compare returns Python's `a <op> b` for numbers, or the TypeError
// Python raises for other operands.
func compare(op string, a, b pyval.Value) (bool, error) {
	if !isNumber(a) || !isNumber(b) {
		if sa, ok := a.(string); ok {
			if sb, ok := b.(string); ok {
				c := strings.Compare(sa, sb)
				return cmpResult(op, c), nil
			}
		}
		return false, pyval.TypeError(fmt.Sprintf("'%s' not supported between instances of '%s' and '%s'", op, pyval.TypeName(a), pyval.TypeName(b)))
	}
	fa, fb := toFloat(a), toFloat(b)
	if math.IsNaN(fa) || math.IsNaN(fb) {
		return false, nil
	}
	c, err := pyval.Compare(a, b)
	if err != nil {
		return false, err
	}
	return cmpResult(op, c), nil
}

func cmpResult(op string, c int) bool {
	switch op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	}
	return c == 0
}

// toFloat converts a number to float64 (bools as 0 and 1).
func toFloat(v pyval.Value) float64 {
	switch x := v.(type) {
	case bool:
		if x {
			return 1
		}
		return 0
	case int64:
		return float64(x)
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	case float64:
		return x
	}
	return math.NaN()
}

// floatOf converts a number to float as float(x) would in arithmetic with
// a float: an int too large raises OverflowError.
func floatOf(v pyval.Value) (float64, error) {
	if b, ok := v.(*big.Int); ok {
		f, _ := new(big.Float).SetInt(b).Float64()
		if math.IsInf(f, 0) {
			return 0, pyval.Exc("OverflowError", "int too large to convert to float")
		}
		return f, nil
	}
	return toFloat(v), nil
}

// mulFloat is Python's x * f for a number x and a float f.
func mulFloat(x pyval.Value, f float64) (float64, error) {
	xf, err := floatOf(x)
	if err != nil {
		return 0, err
	}
	return xf * f, nil
}

// fmt2f is format(x, ".2f").
func fmt2f(x float64) string { return pyval.FormatFloat(x, ".2f") }

// pyFloatStr is str(float).
func pyFloatStr(x float64) string { return string(pyval.AppendFloatRepr(nil, x)) }

// parseIntText parses a TOML integer literal.
func parseIntText(s string) (pyval.Value, error) {
	s = strings.ReplaceAll(s, "_", "")
	base := 10
	switch {
	case strings.HasPrefix(s, "0x"):
		base, s = 16, s[2:]
	case strings.HasPrefix(s, "0o"):
		base, s = 8, s[2:]
	case strings.HasPrefix(s, "0b"):
		base, s = 2, s[2:]
	}
	if i, err := strconv.ParseInt(s, base, 64); err == nil {
		return i, nil
	}
	b, ok := new(big.Int).SetString(strings.TrimPrefix(s, "+"), base)
	if !ok {
		return nil, fmt.Errorf("bad integer %q", s)
	}
	return b, nil
}

// parseFloatText parses a TOML float literal.
func parseFloatText(s string) (float64, error) {
	s = strings.ReplaceAll(s, "_", "")
	switch strings.TrimLeft(s, "+-") {
	case "inf":
		if strings.HasPrefix(s, "-") {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	return strconv.ParseFloat(s, 64)
}
