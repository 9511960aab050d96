package tau2

import (
	"math"
	"math/big"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// This file holds the pieces of Python semantics the reference's tools
// apply to their arguments, which arrive untyped from a model's JSON: a
// tool declared with `order_id: str` may get an int, a list or None, and
// the reference then fails with Python's own TypeError or AttributeError
// text, or goes on with the odd value. The helpers return those
// exceptions as *pyval.Exception.

// AttributeError returns AttributeError("'int' object has no attribute
// 'lower'").
func AttributeError(v pyval.Value, attr string) *pyval.Exception {
	return ClassAttributeError(pyval.TypeName(v), attr)
}

// ClassAttributeError returns the AttributeError of an instance of the
// named class: "'MockDB' object has no attribute 'x'".
func ClassAttributeError(class, attr string) *pyval.Exception {
	return pyval.Exc("AttributeError", "'"+class+"' object has no attribute '"+attr+"'")
}

// CheckHashable returns Python's TypeError for an unhashable value (used
// as a dict key or looked up in a dict or set), or nil.
func CheckHashable(v pyval.Value) error {
	if pyval.Hashable(v) {
		return nil
	}
	return pyval.TypeError("unhashable type: '" + pyval.TypeName(v) + "'")
}

// StrKey returns v as the key of a dict whose keys are all str: (v,
// true) for a str, ("", false) for another hashable value (never found
// there), and Python's TypeError for an unhashable one.
func StrKey(v pyval.Value) (string, bool, error) {
	if err := CheckHashable(v); err != nil {
		return "", false, err
	}
	s, ok := v.(string)
	return s, ok, nil
}

// KeyIn is `v in d` for a dict whose keys are all str, with has looking a
// str key up: a hashable non-str is never found, an unhashable value
// raises TypeError.
func KeyIn(v pyval.Value, has func(string) bool) (bool, error) {
	if s, ok := v.(string); ok {
		return has(s), nil
	}
	if err := CheckHashable(v); err != nil {
		return false, err
	}
	return false, nil
}

// Iter returns the items `for x in v` visits: a list's or tuple's items,
// a str's characters, a dict's keys, a set's members; other values raise
// TypeError("'int' object is not iterable").
func Iter(v pyval.Value) ([]pyval.Value, error) {
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

// Len is len(v).
func Len(v pyval.Value) (int, error) {
	switch x := v.(type) {
	case []pyval.Value:
		return len(x), nil
	case pyval.Tuple:
		return len(x), nil
	case string:
		return pyval.Len(x), nil
	case *pyval.Dict:
		return x.Len(), nil
	case *pyval.Set:
		return x.Len(), nil
	}
	return 0, pyval.TypeError("object of type '" + pyval.TypeName(v) + "' has no len()")
}

// Count is container.count(x) for a list, tuple or str.
func Count(container, x pyval.Value) (int, error) {
	switch c := container.(type) {
	case []pyval.Value:
		return countSeq(c, x), nil
	case pyval.Tuple:
		return countSeq(c, x), nil
	case string:
		s, ok := x.(string)
		if !ok {
			return 0, pyval.TypeError("must be str, not " + pyval.TypeName(x))
		}
		if s == "" {
			return pyval.Len(c) + 1, nil
		}
		return strings.Count(c, s), nil
	}
	return 0, AttributeError(container, "count")
}

func countSeq(xs []pyval.Value, x pyval.Value) int {
	n := 0
	for _, e := range xs {
		if pyval.Equal(e, x) {
			n++
		}
	}
	return n
}

// Sorted is sorted(v).
func Sorted(v pyval.Value) ([]pyval.Value, error) {
	items, err := Iter(v)
	if err != nil {
		return nil, err
	}
	out := append([]pyval.Value(nil), items...)
	// Insertion sort with Python's < keeps the reference's stability and
	// raises the same TypeError on the first pair Python would compare.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0; j-- {
			lt, err := Less(out[j], out[j-1])
			if err != nil {
				return nil, err
			}
			if !lt {
				break
			}
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

// Less is a < b.
func Less(a, b pyval.Value) (bool, error) {
	c, err := Compare("<", a, b)
	return c < 0, err
}

// Compare orders a and b for the comparison op ("<", ">", "<=", ">="),
// returning Python's TypeError with that operator for unorderable pairs.
// NaN compares as neither less nor greater (the result is then 0 and the
// caller's < or > is false, as in Python; <= and >= are the caller's to
// treat).
func Compare(op string, a, b pyval.Value) (int, error) {
	c, err := pyval.Compare(a, b)
	if err != nil {
		return 0, pyval.TypeError("'" + op + "' not supported between instances of '" + pyval.TypeName(a) + "' and '" + pyval.TypeName(b) + "'")
	}
	return c, nil
}

// IsNumber reports whether v is a bool, int or float.
func IsNumber(v pyval.Value) bool {
	switch v.(type) {
	case bool, int64, *big.Int, float64, int:
		return true
	}
	return false
}

// Lower is v.lower().
func Lower(v pyval.Value) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", AttributeError(v, "lower")
	}
	return pyval.Lower(s), nil
}

// Binary applies a Python arithmetic operator ("+", "-", "*") to a and b.
// aug names the operator in error texts ("+=" for an augmented
// assignment).
func Binary(op, aug string, a, b pyval.Value) (pyval.Value, error) {
	if IsNumber(a) && IsNumber(b) {
		return numBinary(op, a, b), nil
	}
	if aug == "" {
		aug = op
	}
	switch op {
	case "+":
		switch x := a.(type) {
		case string:
			if y, ok := b.(string); ok {
				return x + y, nil
			}
			return nil, pyval.TypeError(`can only concatenate str (not "` + pyval.TypeName(b) + `") to str`)
		case []pyval.Value:
			if y, ok := b.([]pyval.Value); ok {
				return append(append([]pyval.Value(nil), x...), y...), nil
			}
			return nil, pyval.TypeError(`can only concatenate list (not "` + pyval.TypeName(b) + `") to list`)
		}
	case "*":
		if n, ok := intOf(b); ok && isSeq(a) {
			return repeat(a, n)
		}
		if n, ok := intOf(a); ok && isSeq(b) {
			return repeat(b, n)
		}
		if isSeq(a) && !isDict(b) || isSeq(b) && !isDict(a) {
			other := b
			if !isSeq(a) {
				other = a
			}
			if IsNumber(other) || other == nil || isSeq(other) {
				return nil, pyval.TypeError("can't multiply sequence by non-int of type '" + pyval.TypeName(other) + "'")
			}
		}
	}
	return nil, pyval.TypeError("unsupported operand type(s) for " + aug + ": '" + pyval.TypeName(a) + "' and '" + pyval.TypeName(b) + "'")
}

func isSeq(v pyval.Value) bool {
	switch v.(type) {
	case string, []pyval.Value, pyval.Tuple:
		return true
	}
	return false
}

func isDict(v pyval.Value) bool { _, ok := v.(*pyval.Dict); return ok }

// intOf returns an int or bool as an int64 (ints too big to repeat a
// sequence by fail).
func intOf(v pyval.Value) (int64, bool) {
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

// maxRepeat bounds sequence repetition (Python would raise MemoryError
// or take minutes well before).
const maxRepeat = 1 << 24

func repeat(seq pyval.Value, n int64) (pyval.Value, error) {
	if n < 0 {
		n = 0
	}
	size := int64(0)
	switch x := seq.(type) {
	case string:
		size = int64(len(x))
	case []pyval.Value:
		size = int64(len(x))
	case pyval.Tuple:
		size = int64(len(x))
	}
	if size > 0 && n > maxRepeat/size {
		return nil, pyval.Exc("MemoryError", "")
	}
	switch x := seq.(type) {
	case string:
		return strings.Repeat(x, int(n)), nil
	case []pyval.Value:
		out := make([]pyval.Value, 0, int(n)*len(x))
		for i := int64(0); i < n; i++ {
			out = append(out, x...)
		}
		return out, nil
	case pyval.Tuple:
		out := make(pyval.Tuple, 0, int(n)*len(x))
		for i := int64(0); i < n; i++ {
			out = append(out, x...)
		}
		return out, nil
	}
	return nil, nil
}

// numBinary applies op to two numbers as Python does: ints (and bools)
// exactly, anything with a float in floating point.
func numBinary(op string, a, b pyval.Value) pyval.Value {
	fa, aF := a.(float64)
	fb, bF := b.(float64)
	if aF || bF {
		if !aF {
			fa = toFloat(a)
		}
		if !bF {
			fb = toFloat(b)
		}
		switch op {
		case "+":
			return fa + fb
		case "-":
			return fa - fb
		}
		return fa * fb
	}
	x, y := bigInt(a), bigInt(b)
	var z big.Int
	switch op {
	case "+":
		z.Add(x, y)
	case "-":
		z.Sub(x, y)
	default:
		z.Mul(x, y)
	}
	if z.IsInt64() {
		return z.Int64()
	}
	return &z
}

func toFloat(v pyval.Value) float64 {
	switch x := v.(type) {
	case bool:
		if x {
			return 1
		}
		return 0
	case int64:
		return float64(x)
	case int:
		return float64(x)
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	case float64:
		return x
	}
	return math.NaN()
}

func bigInt(v pyval.Value) *big.Int {
	switch x := v.(type) {
	case bool:
		if x {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	case int64:
		return big.NewInt(x)
	case int:
		return big.NewInt(int64(x))
	case *big.Int:
		return x
	}
	return new(big.Int)
}

// Abs is abs(v) for a number.
func Abs(v pyval.Value) (pyval.Value, error) {
	switch x := v.(type) {
	case float64:
		return math.Abs(x), nil
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case int64:
		if x < 0 {
			return numBinary("-", int64(0), x), nil
		}
		return x, nil
	case *big.Int:
		return new(big.Int).Abs(x), nil
	}
	return nil, pyval.TypeError("bad operand type for abs(): '" + pyval.TypeName(v) + "'")
}

// RoundNumber is round(v, ndigits) for an int (returned as it is, as
// Python's int.__round__ does for ndigits >= 0) or a float.
func RoundNumber(v pyval.Value, ndigits int) pyval.Value {
	if f, ok := v.(float64); ok {
		return pyval.Round(f, ndigits)
	}
	if b, ok := v.(bool); ok {
		if b {
			return int64(1)
		}
		return int64(0)
	}
	return v
}

// KeyInDict is `v in d`: TypeError for an unhashable v.
func KeyInDict(v pyval.Value, d *pyval.Dict) (bool, error) {
	if err := CheckHashable(v); err != nil {
		return false, err
	}
	return d.Has(v), nil
}

// Attr reads field k of a model from its dump (nil when d is no dict or
// lacks k).
func Attr(d pyval.Value, k string) pyval.Value {
	if m, ok := d.(*pyval.Dict); ok {
		v, _ := m.Get(k)
		return v
	}
	return nil
}

// AsDict returns v as a dict, or an empty dict.
func AsDict(v pyval.Value) *pyval.Dict {
	if d, ok := v.(*pyval.Dict); ok && d != nil {
		return d
	}
	return pyval.NewDict()
}

// AsList returns v as a list, or nil.
func AsList(v pyval.Value) []pyval.Value {
	l, _ := v.([]pyval.Value)
	return l
}
