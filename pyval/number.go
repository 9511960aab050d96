package pyval

import (
	"math"
	"math/big"
)

// norm maps the other Go scalar kinds callers naturally pass (int, uint8,
// float32, []string, ...) onto the model's types, and a *big.Int that
// fits in int64 onto int64. Every function of this package accepts them.
func norm(v Value) Value {
	switch x := v.(type) {
	case nil, bool, int64, float64, string, []Value, Tuple, *Dict, *Set:
		return v
	case int:
		return int64(x)
	case *big.Int:
		if x == nil {
			return nil
		}
		if x.IsInt64() {
			return x.Int64()
		}
		return x
	case big.Int:
		return norm(&x)
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case uint:
		return normUint(uint64(x))
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	case uint64:
		return normUint(x)
	case float32:
		return float64(x)
	case []string:
		l := make([]Value, len(x))
		for i, s := range x {
			l[i] = s
		}
		return l
	}
	return v
}

func normUint(u uint64) Value {
	if u <= math.MaxInt64 {
		return int64(u)
	}
	return new(big.Int).SetUint64(u)
}

// TypeName returns type(v).__name__: "NoneType", "bool", "int", "float",
// "str", "list", "tuple", "dict", "set", or for an Object the result of
// its optional PyType() string method ("object" without one).
func TypeName(v Value) string {
	switch x := norm(v).(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int64, *big.Int:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case []Value:
		return "list"
	case Tuple:
		return "tuple"
	case *Dict:
		return "dict"
	case *Set:
		return "set"
	case interface{ PyType() string }:
		return x.PyType()
	}
	return "object"
}

// isNumber reports whether v (normalized) is a bool, int or float.
func isNumber(v Value) bool {
	switch v.(type) {
	case bool, int64, *big.Int, float64:
		return true
	}
	return false
}

// bigOf returns the integer value of a normalized bool, int64 or *big.Int.
func bigOf(v Value) *big.Int {
	switch x := v.(type) {
	case bool:
		if x {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	case int64:
		return big.NewInt(x)
	case *big.Int:
		return x
	}
	return nil
}

// numCompare compares two normalized numbers exactly, as Python does (an
// int and a float compare by their exact values, not after rounding the
// int to a float). ok is false when either is NaN.
func numCompare(a, b Value) (c int, ok bool) {
	fa, aIsF := a.(float64)
	fb, bIsF := b.(float64)
	switch {
	case aIsF && bIsF:
		if math.IsNaN(fa) || math.IsNaN(fb) {
			return 0, false
		}
		return cmpFloat(fa, fb), true
	case aIsF:
		c, ok := floatIntCompare(fa, b)
		return c, ok
	case bIsF:
		c, ok := floatIntCompare(fb, a)
		return -c, ok
	}
	ia, aSmall := smallInt(a)
	ib, bSmall := smallInt(b)
	if aSmall && bSmall {
		switch {
		case ia < ib:
			return -1, true
		case ia > ib:
			return 1, true
		}
		return 0, true
	}
	return bigOf(a).Cmp(bigOf(b)), true
}

func smallInt(v Value) (int64, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case int64:
		return x, true
	}
	return 0, false
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

// floatIntCompare compares float f with the normalized int i exactly.
func floatIntCompare(f float64, i Value) (int, bool) {
	if math.IsNaN(f) {
		return 0, false
	}
	if math.IsInf(f, 1) {
		return 1, true
	}
	if math.IsInf(f, -1) {
		return -1, true
	}
	if n, ok := smallInt(i); ok && n > -(1<<53) && n < 1<<53 {
		return cmpFloat(f, float64(n)), true
	}
	bf := new(big.Float).SetInt(bigOf(i))
	return big.NewFloat(f).Cmp(bf), true
}

// Truth is Python's bool(v): False for None, False, zero numbers and empty
// str, list, tuple, dict and set; True for everything else (objects
// included).
func Truth(v Value) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int64:
		return x != 0
	case int:
		return x != 0
	case *big.Int:
		return x.Sign() != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []Value:
		return len(x) > 0
	case Tuple:
		return len(x) > 0
	case *Dict:
		return x.Len() > 0
	case *Set:
		return x.Len() > 0
	}
	return true
}
