package pyval

import (
	"math"
	"math/big"
	"sort"
	"strings"
)

// PyEqualer is implemented by Objects that define Python equality
// (__eq__). Equal consults it before comparing reprs.
type PyEqualer interface {
	PyEqual(other Value) bool
}

// Equal reports Python's a == b: numbers compare by exact value across
// bool, int and float (1 == 1.0 == True; 2**53+1 != 2.0**53), NaN equals
// nothing (not even itself, also inside containers, where CPython would
// call the same NaN object equal to itself), a list never equals a tuple,
// dicts are equal when they hold equal values under the same keys in any
// order, sets when they have the same members. An Object implementing
// PyEqualer decides for itself; two other Objects are equal when their
// PyRepr are equal (Python compares plain instances by identity; the
// repr rule makes states with equal contents compare equal).
func Equal(a, b Value) bool {
	// The commonest leaves first.
	if x, ok := a.(string); ok {
		if y, ok := b.(string); ok {
			return x == y
		}
	}
	a, b = norm(a), norm(b)
	if isNumber(a) && isNumber(b) {
		c, ok := numCompare(a, b)
		return ok && c == 0
	}
	if e, ok := a.(PyEqualer); ok {
		return e.PyEqual(b)
	}
	if e, ok := b.(PyEqualer); ok {
		return e.PyEqual(a)
	}
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []Value:
		y, ok := b.([]Value)
		return ok && equalSeq(x, y)
	case Tuple:
		y, ok := b.(Tuple)
		return ok && equalSeq(x, y)
	case *Dict:
		y, ok := b.(*Dict)
		if !ok || x.Len() != y.Len() {
			return false
		}
		if x == y {
			// Python compares the items, each with itself: equal.
			return true
		}
		for i, k := range x.keys {
			var yv Value
			if ks, ok := k.(string); ok && y.keys[i] == Value(ks) {
				yv = y.vals[i] // the same key at the same place
			} else if yv, ok = y.Get(k); !ok {
				return false
			}
			if !Equal(x.vals[i], yv) {
				return false
			}
		}
		return true
	case *Set:
		y, ok := b.(*Set)
		if !ok || x.Len() != y.Len() {
			return false
		}
		for h := range x.items {
			if _, ok := y.items[h]; !ok {
				return false
			}
		}
		return true
	case Object:
		y, ok := b.(Object)
		return ok && x.PyRepr() == y.PyRepr()
	}
	return false
}

func equalSeq(x, y []Value) bool {
	if len(x) != len(y) {
		return false
	}
	if len(x) > 0 && &x[0] == &y[0] {
		// The same list: Python compares each item with itself.
		return true
	}
	for i := range x {
		if !Equal(x[i], y[i]) {
			return false
		}
	}
	return true
}

// Compare orders a and b as Python's < does for the types sorted() meets
// in practice: numbers by exact value, strings by code point, lists with
// lists and tuples with tuples lexicographically, sets by proper subset.
// It returns -1, 0 or +1 (0 also when both a < b and b < a are false, as
// with a NaN or two sets neither of which contains the other), or a
// *Exception
// TypeError with Python's message ("'<' not supported between instances
// of 'str' and 'int'") for other pairs.
func Compare(a, b Value) (int, error) {
	a, b = norm(a), norm(b)
	if isNumber(a) && isNumber(b) {
		c, _ := numCompare(a, b)
		return c, nil
	}
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), nil
		}
	case []Value:
		if y, ok := b.([]Value); ok {
			return compareSeq(x, y)
		}
	case Tuple:
		if y, ok := b.(Tuple); ok {
			return compareSeq(x, y)
		}
	case *Set:
		if y, ok := b.(*Set); ok {
			switch {
			case x.Len() < y.Len() && subset(x, y):
				return -1, nil
			case y.Len() < x.Len() && subset(y, x):
				return 1, nil
			}
			return 0, nil
		}
	}
	return 0, TypeError("'<' not supported between instances of '" + TypeName(a) + "' and '" + TypeName(b) + "'")
}

func subset(x, y *Set) bool {
	for h := range x.items {
		if _, ok := y.items[h]; !ok {
			return false
		}
	}
	return true
}

func compareSeq(x, y []Value) (int, error) {
	for i := 0; i < len(x) && i < len(y); i++ {
		if Equal(x[i], y[i]) {
			continue
		}
		return Compare(x[i], y[i])
	}
	switch {
	case len(x) < len(y):
		return -1, nil
	case len(x) > len(y):
		return 1, nil
	}
	return 0, nil
}

// SortValues sorts vs in place by a total order that extends Python's <
// to mixed types, so that any collection gets a deterministic order: None
// first, then numbers by value (NaN last among them), strings by code
// point, tuples, lists (both lexicographically), and everything else by
// type name and repr. For values that Python can sort, the result equals
// sorted(vs).
func SortValues(vs []Value) {
	sort.SliceStable(vs, func(i, j int) bool { return totalCompare(vs[i], vs[j]) < 0 })
}

func typeRank(v Value) int {
	switch v.(type) {
	case nil:
		return 0
	case bool, int64, *big.Int, float64:
		return 1
	case string:
		return 2
	case Tuple:
		return 3
	case []Value:
		return 4
	}
	return 5
}

func totalCompare(a, b Value) int {
	a, b = norm(a), norm(b)
	ra, rb := typeRank(a), typeRank(b)
	if ra != rb {
		return ra - rb
	}
	switch ra {
	case 0:
		return 0
	case 1:
		if c, ok := numCompare(a, b); ok {
			return c
		}
		na, nb := isNaN(a), isNaN(b)
		switch {
		case na && nb:
			return 0
		case na:
			return 1
		}
		return -1
	case 2:
		return strings.Compare(a.(string), b.(string))
	case 3:
		return totalCompareSeq(a.(Tuple), b.(Tuple))
	case 4:
		return totalCompareSeq(a.([]Value), b.([]Value))
	}
	if c := strings.Compare(TypeName(a), TypeName(b)); c != 0 {
		return c
	}
	return strings.Compare(Repr(a), Repr(b))
}

func isNaN(v Value) bool {
	f, ok := v.(float64)
	return ok && math.IsNaN(f)
}

func totalCompareSeq(x, y []Value) int {
	for i := 0; i < len(x) && i < len(y); i++ {
		if c := totalCompare(x[i], y[i]); c != 0 {
			return c
		}
	}
	return len(x) - len(y)
}
