package pyval

import (
	"math"
	"math/big"
	"reflect"
)

// Map keys produced by hashKey. Python-equal hashable values get equal
// keys: bools and integral floats become the int64 (or bigKey) of their
// integer value, so 1, 1.0 and True share one key.
type (
	noneKey       struct{}
	bigKey        string // decimal digits of an int outside int64
	emptyTupleKey struct{}
	// tupleKey is a cons cell: head is the first element's key, tail the
	// key of the rest (another tupleKey, or emptyTupleKey).
	tupleKey struct{ head, tail any }
)

// Hashable reports whether v can be a dict key or set element: None,
// bool, int, float, str, tuples of hashables, and Objects whose Go type is
// comparable (hashed by identity for pointers, as Python hashes plain
// class instances). Lists, dicts and sets are not hashable.
func Hashable(v Value) bool {
	_, err := tryHashKey(v)
	return err == nil
}

// hashKey returns the comparable map key of a hashable value. It panics
// with a *Exception TypeError("unhashable type: 'list'") for unhashable
// values; callers check with Hashable first where the value is not
// known to be hashable.
func hashKey(v Value) any {
	k, err := tryHashKey(v)
	if err != nil {
		panic(err)
	}
	return k
}

func tryHashKey(v Value) (any, *Exception) {
	// The common keys are their own map keys: return the interface value
	// as it is, which avoids boxing the string or int again.
	switch v.(type) {
	case string, int64:
		return v, nil
	}
	switch x := norm(v).(type) {
	case nil:
		return noneKey{}, nil
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case int64:
		return x, nil
	case *big.Int:
		return bigKey(x.String()), nil
	case float64:
		return floatKey(x), nil
	case string:
		return x, nil
	case Tuple:
		var k any = emptyTupleKey{}
		for i := len(x) - 1; i >= 0; i-- {
			h, err := tryHashKey(x[i])
			if err != nil {
				return nil, err
			}
			k = tupleKey{h, k}
		}
		return k, nil
	case []Value, *Dict, *Set:
		return nil, TypeError("unhashable type: '" + TypeName(x) + "'")
	default:
		if t := reflect.TypeOf(x); t.Comparable() {
			return x, nil
		}
		return nil, TypeError("unhashable type: '" + TypeName(x) + "'")
	}
}

// floatKey is the key of a float: the int64 or bigKey of an integral
// value, otherwise the float itself (each NaN is its own key, as distinct
// NaN objects are in Python).
func floatKey(x float64) any {
	if x != math.Trunc(x) || math.IsInf(x, 0) {
		return x
	}
	if x >= -(1<<63) && x < 1<<63 {
		return int64(x)
	}
	b, _ := big.NewFloat(x).Int(nil)
	return bigKey(b.String())
}
