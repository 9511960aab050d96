package trading

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/toolgym/toolgym/pyval"
)

// This file holds the few pieces of Python semantics the reference's
// TradingBot leans on: truthiness, ordering comparisons, in-place + and -,
// float() and int(), subscripting, iteration and f"{x:.2f}". Each returns
// the exception Python raises, with Python's message, when the operands
// are of the wrong type.

// isNum reports whether v is a Python bool, int or float.
func isNum(v pyval.Value) bool {
	switch v.(type) {
	case bool, int64, int, *big.Int, float64:
		return true
	}
	return false
}

func isNaN(v pyval.Value) bool {
	f, ok := v.(float64)
	return ok && math.IsNaN(f)
}

// compare evaluates a <op> b, op being one of <, <=, >, >=, as Python
// does for numbers, strings, lists and tuples, and raises Python's
// TypeError for other pairs.
func compare(a, b pyval.Value, op string) (bool, error) {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			return holds(cmpInt(x, y), op), nil
		}
	}
	if x, ok := a.(float64); ok {
		if y, ok := b.(float64); ok {
			if x != x || y != y {
				return false, nil // NaN
			}
			return holds(cmpFloat(x, y), op), nil
		}
	}
	switch {
	case isNum(a) && isNum(b):
		if isNaN(a) || isNaN(b) {
			return false, nil
		}
		c, err := pyval.Compare(a, b)
		if err != nil {
			return false, err
		}
		return holds(c, op), nil
	}
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return holds(strings.Compare(x, y), op), nil
		}
	case []pyval.Value:
		if y, ok := b.([]pyval.Value); ok {
			return compareSeq(x, y, op)
		}
	case pyval.Tuple:
		if y, ok := b.(pyval.Tuple); ok {
			return compareSeq(x, y, op)
		}
	}
	return false, pyval.TypeError(fmt.Sprintf("'%s' not supported between instances of '%s' and '%s'", op, pyval.TypeName(a), pyval.TypeName(b)))
}

// compareSeq compares sequences as Python does: the first pair of
// unequal items decides, with the same operator; otherwise the lengths.
func compareSeq(x, y []pyval.Value, op string) (bool, error) {
	for i := 0; i < len(x) && i < len(y); i++ {
		if !pyval.Equal(x[i], y[i]) {
			return compare(x[i], y[i], op)
		}
	}
	return holds(len(x)-len(y), op), nil
}

func holds(c int, op string) bool {
	switch op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	}
	return c >= 0
}

// intOf returns the integer value of a bool or int.
func intOf(v pyval.Value) (*big.Int, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	case int64:
		return big.NewInt(x), true
	case int:
		return big.NewInt(int64(x)), true
	case *big.Int:
		return x, true
	}
	return nil, false
}

// smallInt returns the value of a bool or an int that fits in int64.
func smallInt(v pyval.Value) (int64, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case int64:
		return x, true
	case int:
		return int64(x), true
	}
	return 0, false
}

// bigValue returns b as an int64 when it fits, as Python values keep it.
func bigValue(b *big.Int) pyval.Value {
	if b.IsInt64() {
		return b.Int64()
	}
	return b
}

// toFloat is Python's float(v) for a number.
func toFloat(v pyval.Value) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		if math.IsInf(f, 0) {
			return 0, pyval.Exc("OverflowError", "int too large to convert to float")
		}
		return f, nil
	}
	if n, ok := smallInt(v); ok {
		return float64(n), nil
	}
	return 0, pyval.TypeError(fmt.Sprintf("float() argument must be a string or a real number, not '%s'", pyval.TypeName(v)))
}

// toInt is Python's int(v) for a number.
func toInt(v pyval.Value) (pyval.Value, error) {
	if f, ok := v.(float64); ok {
		switch {
		case math.IsInf(f, 0):
			return nil, pyval.Exc("OverflowError", "cannot convert float infinity to integer")
		case math.IsNaN(f):
			return nil, pyval.ValueError("cannot convert float NaN to integer")
		}
		t := math.Trunc(f)
		if t >= -(1<<63) && t < 1<<63 {
			return int64(t), nil
		}
		b, _ := big.NewFloat(t).Int(nil)
		return b, nil
	}
	if b, ok := intOf(v); ok {
		return bigValue(b), nil
	}
	return nil, pyval.TypeError(fmt.Sprintf("int() argument must be a string, a bytes-like object or a real number, not '%s'", pyval.TypeName(v)))
}

// arith is Python's a + b or a - b (sym names the operator in messages,
// such as "+=") for numbers, and + for two strs or two lists.
func arith(a, b pyval.Value, minus bool, sym string) (pyval.Value, error) {
	if isNum(a) && isNum(b) {
		_, af := a.(float64)
		_, bf := b.(float64)
		if af || bf {
			x, err := toFloat(a)
			if err != nil {
				return nil, err
			}
			y, err := toFloat(b)
			if err != nil {
				return nil, err
			}
			if minus {
				return x - y, nil
			}
			return x + y, nil
		}
		x, xok := smallInt(a)
		y, yok := smallInt(b)
		if xok && yok {
			if minus && !((y > 0 && x < math.MinInt64+y) || (y < 0 && x > math.MaxInt64+y)) {
				return x - y, nil
			}
			if !minus && !((y > 0 && x > math.MaxInt64-y) || (y < 0 && x < math.MinInt64-y)) {
				return x + y, nil
			}
		}
		bx, _ := intOf(a)
		by, _ := intOf(b)
		if minus {
			return bigValue(new(big.Int).Sub(bx, by)), nil
		}
		return bigValue(new(big.Int).Add(bx, by)), nil
	}
	if !minus {
		switch x := a.(type) {
		case string:
			if y, ok := b.(string); ok {
				return x + y, nil
			}
			return nil, pyval.TypeError(fmt.Sprintf("can only concatenate str (not \"%s\") to str", pyval.TypeName(b)))
		case []pyval.Value:
			if y, ok := b.([]pyval.Value); ok {
				return append(append([]pyval.Value{}, x...), y...), nil
			}
		}
	}
	return nil, pyval.TypeError(fmt.Sprintf("unsupported operand type(s) for %s: '%s' and '%s'", sym, pyval.TypeName(a), pyval.TypeName(b)))
}

// abs is Python's abs(v) for a number.
func abs(v pyval.Value) (pyval.Value, error) {
	switch x := v.(type) {
	case float64:
		return math.Abs(x), nil
	case *big.Int:
		return new(big.Int).Abs(x), nil
	}
	if n, ok := smallInt(v); ok {
		if n == math.MinInt64 {
			return new(big.Int).Neg(big.NewInt(n)), nil
		}
		if n < 0 {
			n = -n
		}
		return n, nil
	}
	return nil, pyval.TypeError("bad operand type for abs(): '" + pyval.TypeName(v) + "'")
}

// format2f is Python's f"{v:.2f}" for a number.
func format2f(v pyval.Value) (string, error) {
	f, err := toFloat(v)
	if err != nil || !isNum(v) {
		if s, ok := v.(string); ok {
			return "", pyval.ValueError("Unknown format code 'f' for object of type '" + pyval.TypeName(s) + "'")
		}
		return "", pyval.TypeError("unsupported format string passed to " + pyval.TypeName(v) + ".__format__")
	}
	switch {
	case math.IsInf(f, 1):
		return "inf", nil
	case math.IsInf(f, -1):
		return "-inf", nil
	case math.IsNaN(f):
		return "nan", nil
	}
	return strconv.FormatFloat(f, 'f', 2, 64), nil
}

// iterate returns the items a Python for loop over v visits: a str's
// characters, a dict's keys, a list's, tuple's or set's items.
func iterate(v pyval.Value) ([]pyval.Value, error) {
	switch x := v.(type) {
	case []pyval.Value:
		return x, nil
	case pyval.Tuple:
		return x, nil
	case *pyval.Dict:
		return x.Keys(), nil
	case *pyval.Set:
		return x.Values(), nil
	case string:
		out := make([]pyval.Value, 0, len(x))
		for _, r := range x {
			out = append(out, string(r))
		}
		return out, nil
	}
	return nil, pyval.TypeError("'" + pyval.TypeName(v) + "' object is not iterable")
}

// contains is Python's key in d for a dict.
func contains(d *pyval.Dict, key pyval.Value) (bool, error) {
	if !pyval.Hashable(key) {
		return false, unhashable(key)
	}
	return d.Has(key), nil
}

// get is Python's d.get(key) for a dict: the value and whether it was
// there.
func get(d *pyval.Dict, key pyval.Value) (pyval.Value, bool, error) {
	if !pyval.Hashable(key) {
		return nil, false, unhashable(key)
	}
	v, ok := d.Get(key)
	return v, ok, nil
}

func unhashable(v pyval.Value) error {
	return pyval.TypeError("unhashable type: '" + pyval.TypeName(v) + "'")
}

// listIndex returns the index of the first item of l equal to v, or -1.
func listIndex(l []pyval.Value, v pyval.Value) int {
	for i, x := range l {
		if equal(x, v) {
			return i
		}
	}
	return -1
}

// item is Python's v[key] for a str key, as the reference subscripts its
// records.
func item(v pyval.Value, key string) (pyval.Value, error) {
	switch x := v.(type) {
	case *pyval.Dict:
		if r, ok := x.Get(key); ok {
			return r, nil
		}
		return nil, pyval.KeyError(key)
	case string:
		return nil, pyval.TypeError("string indices must be integers, not 'str'")
	case []pyval.Value, pyval.Tuple:
		return nil, pyval.TypeError(pyval.TypeName(v) + " indices must be integers or slices, not str")
	}
	return nil, pyval.TypeError("'" + pyval.TypeName(v) + "' object is not subscriptable")
}

// setItem is Python's v[key] = x for a str key.
func setItem(v pyval.Value, key string, x pyval.Value) error {
	switch d := v.(type) {
	case *pyval.Dict:
		d.Set(key, x)
		return nil
	case string, pyval.Tuple:
		return pyval.TypeError("'" + pyval.TypeName(v) + "' object does not support item assignment")
	case []pyval.Value:
		return pyval.TypeError("list indices must be integers or slices, not str")
	}
	return pyval.TypeError("'" + pyval.TypeName(v) + "' object does not support item assignment")
}

// lower is Python's s.lower().
func lower(v pyval.Value) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", noAttr(v, "lower")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s), nil
		}
	}
	return s, nil
}

func noAttr(v pyval.Value, name string) error {
	return pyval.Exc("AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", pyval.TypeName(v), name))
}

// digitValue returns the value of a Unicode decimal digit (category Nd),
// which Python's int() accepts: Nd digits come in runs of ten from zero.
func digitValue(r rune) int {
	if '0' <= r && r <= '9' {
		return int(r - '0')
	}
	n := 0
	for z := r - 1; unicode.IsDigit(z); z-- {
		n++
	}
	return n % 10
}

// isDigits is Python's s.isdigit() for the decimal digits int() accepts.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// parseDigits is int(s) for a string of decimal digits.
func parseDigits(s string) pyval.Value {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	b := new(big.Int)
	ten := big.NewInt(10)
	for _, r := range s {
		b.Mul(b, ten)
		b.Add(b, big.NewInt(int64(digitValue(r))))
	}
	return bigValue(b)
}

// equal is Python's a == b, with the common cases first.
func equal(a, b pyval.Value) bool {
	switch x := a.(type) {
	case int64:
		if y, ok := b.(int64); ok {
			return x == y
		}
	case string:
		if y, ok := b.(string); ok {
			return x == y
		}
	}
	return pyval.Equal(a, b)
}

// str is Python's str(v), with the common cases first.
func str(v pyval.Value) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return pyval.Str(v)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
