// Package py evaluates the handful of Python operations tau-bench's tools
// apply to their arguments and data (subscripts, membership, iteration,
// len, arithmetic, comparison, sorted, round, str.count, str.lower,
// json.dumps), with CPython 3.11's results and exception texts, so that a
// tool transcribed statement by statement reproduces the reference's
// observation for any argument a model sends: a number where a string is
// expected, a list where a dict is, and so on.
//
// The operations raise a Python exception by panicking with a
// *pyval.Exception, as the interpreter unwinds a frame; Run turns such a
// panic back into an error at the tool boundary, leaving the state as the
// statements before the exception left it (as Python does). Values are
// pyval values plus *docdb.Table, which behaves as a dict of records: Get
// reads a record, Mut returns it for writing.
package py

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/pyval"
)

// V is a Python value (see pyval.Value), or a *docdb.Table acting as a
// dict.
type V = pyval.Value

// Raise raises a Python exception.
func Raise(e *pyval.Exception) { panic(e) }

// Run calls f and returns its result, or the Python exception it raised.
// Panics other than Python exceptions propagate: they are bugs.
func Run(f func() V) (v V, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*pyval.Exception)
			if !ok {
				panic(r)
			}
			v, err = nil, e
		}
	}()
	return f(), nil
}

// Type returns type(v).__name__ (a table is a dict).
func Type(v V) string {
	if _, ok := v.(*docdb.Table); ok {
		return "dict"
	}
	return pyval.TypeName(v)
}

func typeErr(format string, args ...any) {
	Raise(pyval.TypeError(fmt.Sprintf(format, args...)))
}

func attrErr(v V, name string) {
	Raise(pyval.Exc("AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", Type(v), name)))
}

// checkHashable raises the TypeError a dict raises for an unhashable key.
func checkHashable(k V) {
	if !pyval.Hashable(k) {
		typeErr("unhashable type: '%s'", Type(k))
	}
}

// index converts a list or str index as Python does, or raises.
func index(k V, what string, seq V) (int64, bool) {
	switch x := k.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case int64:
		return x, true
	case *big.Int:
		Raise(pyval.Exc("IndexError", "cannot fit 'int' into an index-sized integer"))
	}
	if _, ok := seq.(string); ok {
		typeErr("string indices must be integers, not '%s'", Type(k))
	}
	typeErr("%s indices must be integers or slices, not %s", what, Type(k))
	return 0, false
}

// GetItem returns c[k].
func GetItem(c, k V) V {
	switch x := c.(type) {
	case *docdb.Table:
		checkHashable(k)
		if s, ok := k.(string); ok {
			if v, ok := x.Get(s); ok {
				return v
			}
		}
		Raise(pyval.KeyError(k))
	case *pyval.Dict:
		checkHashable(k)
		if v, ok := x.Get(k); ok {
			return v
		}
		Raise(pyval.KeyError(k))
	case []V:
		i, _ := index(k, "list", c)
		if i < 0 {
			i += int64(len(x))
		}
		if i < 0 || i >= int64(len(x)) {
			Raise(pyval.Exc("IndexError", "list index out of range"))
		}
		return x[i]
	case string:
		i, _ := index(k, "str", c)
		n := int64(utf8.RuneCountInString(x))
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			Raise(pyval.Exc("IndexError", "string index out of range"))
		}
		return string([]rune(x)[i])
	}
	typeErr("'%s' object is not subscriptable", Type(c))
	return nil
}

// MutItem returns the record t[k] for writing (a copy private to the
// table's database).
func MutItem(t *docdb.Table, k V) V {
	checkHashable(k)
	if s, ok := k.(string); ok {
		if v, ok := t.Mut(s); ok {
			return v
		}
	}
	Raise(pyval.KeyError(k))
	return nil
}

// SetItem runs c[k] = v.
func SetItem(c, k, v V) {
	switch x := c.(type) {
	case *docdb.Table:
		checkHashable(k)
		s, ok := k.(string)
		if !ok {
			// Tables hold records under str keys only; the tools never
			// insert others.
			typeErr("table keys must be str, not '%s'", Type(k))
		}
		x.Put(s, v)
		return
	case *pyval.Dict:
		checkHashable(k)
		x.Set(k, v)
		return
	case []V:
		i, _ := index(k, "list", c)
		if i < 0 {
			i += int64(len(x))
		}
		if i < 0 || i >= int64(len(x)) {
			Raise(pyval.Exc("IndexError", "list assignment index out of range"))
		}
		x[i] = v
		return
	}
	typeErr("'%s' object does not support item assignment", Type(c))
}

// DelItem runs del c[k] for a dict.
func DelItem(c, k V) {
	switch x := c.(type) {
	case *pyval.Dict:
		checkHashable(k)
		if !x.Delete(k) {
			Raise(pyval.KeyError(k))
		}
		return
	case *docdb.Table:
		checkHashable(k)
		if s, ok := k.(string); ok && x.Delete(s) {
			return
		}
		Raise(pyval.KeyError(k))
	}
	typeErr("'%s' object doesn't support item deletion", Type(c))
}

// In reports x in c.
func In(x, c V) bool {
	switch y := c.(type) {
	case *docdb.Table:
		checkHashable(x)
		s, ok := x.(string)
		return ok && y.Has(s)
	case *pyval.Dict:
		checkHashable(x)
		return y.Has(x)
	case []V:
		for _, e := range y {
			if sameOrEqual(e, x) {
				return true
			}
		}
		return false
	case string:
		s, ok := x.(string)
		if !ok {
			typeErr("'in <string>' requires string as left operand, not %s", Type(x))
		}
		return strings.Contains(y, s)
	}
	typeErr("argument of type '%s' is not iterable", Type(c))
	return false
}

// Eq reports a == b.
func Eq(a, b V) bool { return pyval.Equal(a, b) }

// sameOrEqual is how list.count and `in` compare an item: `a is b or a
// == b`. Every NaN json.loads makes is the same object (json's NaN
// constant), so NaNs from arguments match each other; the data holds no
// other NaN.
func sameOrEqual(a, b V) bool {
	if isNaN(a) && isNaN(b) {
		return true
	}
	return Eq(a, b)
}

// Iter returns the items a for loop over v visits: a list's elements, a
// str's characters, a dict's keys.
func Iter(v V) []V {
	switch x := v.(type) {
	case []V:
		return x
	case string:
		out := make([]V, 0, len(x))
		for _, r := range x {
			out = append(out, string(r))
		}
		return out
	case *pyval.Dict:
		return x.Keys()
	case *docdb.Table:
		ks := x.Keys()
		out := make([]V, len(ks))
		for i, k := range ks {
			out[i] = k
		}
		return out
	}
	typeErr("'%s' object is not iterable", Type(v))
	return nil
}

// Len returns len(v).
func Len(v V) int64 {
	switch x := v.(type) {
	case []V:
		return int64(len(x))
	case string:
		return int64(utf8.RuneCountInString(x))
	case *pyval.Dict:
		return int64(x.Len())
	case *docdb.Table:
		return int64(x.Len())
	}
	typeErr("object of type '%s' has no len()", Type(v))
	return 0
}

// Count returns seq.count(x) for a list or str.
func Count(seq, x V) int64 {
	switch s := seq.(type) {
	case []V:
		n := int64(0)
		for _, e := range s {
			if sameOrEqual(e, x) {
				n++
			}
		}
		return n
	case string:
		sub, ok := x.(string)
		if !ok {
			typeErr("must be str, not %s", Type(x))
		}
		if sub == "" {
			return int64(utf8.RuneCountInString(s)) + 1
		}
		return int64(strings.Count(s, sub))
	}
	attrErr(seq, "count")
	return 0
}

// Lower returns v.lower() for a str.
func Lower(v V) string {
	s, ok := v.(string)
	if !ok {
		attrErr(v, "lower")
	}
	return pyval.Lower(s)
}

// Append runs c[k].append(v): c[k] must be a list. Lists are Go slices,
// so the grown list is stored back under k.
func Append(c, k, v V) {
	l := GetItem(c, k)
	lst, ok := l.([]V)
	if !ok {
		attrErr(l, "append")
	}
	SetItem(c, k, append(slices.Clip(lst), v))
}

// Extend runs c[k].extend(items) for a list of items.
func Extend(c, k V, items []V) {
	l := GetItem(c, k)
	lst, ok := l.([]V)
	if !ok {
		attrErr(l, "extend")
	}
	SetItem(c, k, append(slices.Clip(lst), items...))
}

// Items returns the (key, value) pairs of a dict, for d.items().
func Items(d V) (keys, vals []V) {
	switch x := d.(type) {
	case *pyval.Dict:
		return x.Keys(), x.Values()
	case *docdb.Table:
		for k, v := range x.All() {
			keys = append(keys, k)
			vals = append(vals, v)
		}
		return keys, vals
	}
	attrErr(d, "items")
	return nil, nil
}

// Values returns d.values() of a dict or table.
func Values(d V) []V {
	_, vals := Items(d)
	return vals
}

// SliceFrom returns v[start:].
func SliceFrom(v V, start int) V {
	clamp := func(n int) int {
		s := start
		if s < 0 {
			s += n
			if s < 0 {
				s = 0
			}
		}
		if s > n {
			s = n
		}
		return s
	}
	switch x := v.(type) {
	case string:
		r := []rune(x)
		return string(r[clamp(len(r)):])
	case []V:
		return slices.Clone(x[clamp(len(x)):])
	case *pyval.Dict, *docdb.Table:
		typeErr("unhashable type: 'slice'")
	}
	typeErr("'%s' object is not subscriptable", Type(v))
	return nil
}

// Int returns int(v).
func Int(v V) V {
	r, err := pyval.PyInt(v)
	if err != nil {
		panic(err)
	}
	return r
}

// Str returns str(v), which is also what an f-string field {v} prints.
func Str(v V) string { return pyval.Str(v) }

// Dumps returns json.dumps(v).
func Dumps(v V) string {
	s, err := pyval.JSONDumps(v)
	if err != nil {
		panic(err)
	}
	return s
}

// DeepCopy returns copy.deepcopy(v).
func DeepCopy(v V) V { return pyval.DeepCopy(v) }

// Sorted returns sorted(v).
func Sorted(v V) []V {
	out := slices.Clone(Iter(v))
	slices.SortStableFunc(out, func(a, b V) int {
		if Lt(a, b) {
			return -1
		}
		if Lt(b, a) {
			return 1
		}
		return 0
	})
	return out
}

// Round returns round(v, n).
func Round(v V, n int64) V {
	r, err := pyval.PyRound(v, n)
	if err != nil {
		panic(err)
	}
	return r
}

// Float returns float(v) for a number (Python's conversion of an int
// operand in mixed arithmetic), raising OverflowError for an int beyond
// the float range.
func toFloat(v V) float64 {
	switch x := v.(type) {
	case bool:
		if x {
			return 1
		}
		return 0
	case int64:
		return float64(x)
	case *big.Int:
		f, acc := new(big.Float).SetInt(x).Float64()
		if math.IsInf(f, 0) || (f == 0 && acc != big.Exact && x.Sign() != 0) {
			Raise(pyval.Exc("OverflowError", "int too large to convert to float"))
		}
		return f
	case float64:
		return x
	}
	return math.NaN()
}

// Zip returns the pairs zip(a, b) yields.
func Zip(a, b V) [][2]V {
	xs, ys := Iter(a), Iter(b)
	n := min(len(xs), len(ys))
	out := make([][2]V, n)
	for i := range n {
		out[i] = [2]V{xs[i], ys[i]}
	}
	return out
}

// Truth returns bool(v).
func Truth(v V) bool {
	if t, ok := v.(*docdb.Table); ok {
		return t.Len() > 0
	}
	return pyval.Truth(v)
}
