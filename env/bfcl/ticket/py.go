package ticket

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// This file holds the pieces of Python semantics TicketAPI leans on:
// truthiness, ordering comparisons, the counter's += 1, subscripting and
// str.lower, each raising what Python raises on values of the wrong type.

func isNum(v pyval.Value) bool {
	switch v.(type) {
	case bool, int64, int, *big.Int, float64:
		return true
	}
	return false
}

// compare evaluates a <op> b (op is < or >) as Python does for numbers
// and strings, and raises Python's TypeError for other pairs.
func compare(a, b pyval.Value, op string) (bool, error) {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			if op == "<" {
				return x < y, nil
			}
			return x > y, nil
		}
	}
	if isNum(a) && isNum(b) {
		if f, ok := a.(float64); ok && math.IsNaN(f) {
			return false, nil
		}
		c, err := pyval.Compare(a, b)
		if err != nil {
			return false, err
		}
		if op == "<" {
			return c < 0, nil
		}
		return c > 0, nil
	}
	return false, pyval.TypeError(fmt.Sprintf("'%s' not supported between instances of '%s' and '%s'", op, pyval.TypeName(a), pyval.TypeName(b)))
}

// increment is Python's v += 1.
func increment(v pyval.Value) (pyval.Value, error) {
	switch x := v.(type) {
	case bool:
		if x {
			return int64(2), nil
		}
		return int64(1), nil
	case int64:
		if x == math.MaxInt64 {
			return new(big.Int).Add(big.NewInt(x), big.NewInt(1)), nil
		}
		return x + 1, nil
	case int:
		return int64(x) + 1, nil
	case *big.Int:
		n := new(big.Int).Add(x, big.NewInt(1))
		if n.IsInt64() {
			return n.Int64(), nil
		}
		return n, nil
	case float64:
		return x + 1, nil
	case string:
		return nil, pyval.TypeError(`can only concatenate str (not "int") to str`)
	}
	return nil, pyval.TypeError("unsupported operand type(s) for +=: '" + pyval.TypeName(v) + "' and 'int'")
}

// The str keys item reads, held as values once: passing a string
// variable as a pyval.Value would allocate on every call.
var (
	keyID        pyval.Value = "id"
	keyStatus    pyval.Value = "status"
	keyCreatedBy pyval.Value = "created_by"
)

// item is Python's v[key] for a str key.
func item(v pyval.Value, key pyval.Value) (pyval.Value, error) {
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

// lower is Python's s.lower().
func lower(v pyval.Value) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", pyval.Exc("AttributeError", "'"+pyval.TypeName(v)+"' object has no attribute 'lower'")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s), nil
		}
	}
	return s, nil
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
