package py

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// maxRepeat bounds the size of a repeated str or list ("ab" * n); Python
// would try and fail with MemoryError far beyond it.
const maxRepeat = 1 << 26

// numKind classifies a value for arithmetic: 0 not a number, 1 an int
// (bool included), 2 a float.
func numKind(v V) int {
	switch v.(type) {
	case bool, int64, *big.Int:
		return 1
	case float64:
		return 2
	}
	return 0
}

func bigOf(v V) *big.Int {
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

// small returns an int operand as int64 when it fits.
func small(v V) (int64, bool) {
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

// normInt returns b as int64 when it fits.
func normInt(b *big.Int) V {
	if b.IsInt64() {
		return b.Int64()
	}
	return b
}

func unsupported(op string, a, b V) {
	typeErr("unsupported operand type(s) for %s: '%s' and '%s'", op, Type(a), Type(b))
}

// intOp applies +, - or * to two ints.
func intOp(op byte, a, b V) V {
	x, okx := small(a)
	y, oky := small(b)
	if okx && oky {
		switch op {
		case '+':
			if s := x + y; (s > x) == (y > 0) {
				return s
			}
		case '-':
			if s := x - y; (s < x) == (y > 0) {
				return s
			}
		case '*':
			if x == 0 || y == 0 {
				return int64(0)
			}
			if p := x * y; p/y == x && !(x == -1 && y == math.MinInt64) && !(y == -1 && x == math.MinInt64) {
				return p
			}
		}
	}
	r := new(big.Int)
	switch op {
	case '+':
		r.Add(bigOf(a), bigOf(b))
	case '-':
		r.Sub(bigOf(a), bigOf(b))
	case '*':
		r.Mul(bigOf(a), bigOf(b))
	}
	return normInt(r)
}

func floatOp(op byte, a, b V) V {
	x, y := toFloat(a), toFloat(b)
	switch op {
	case '+':
		return x + y
	case '-':
		return x - y
	}
	return x * y
}

// arith applies a numeric binary operator, reporting whether both
// operands were numbers.
func arith(op byte, a, b V) (V, bool) {
	ka, kb := numKind(a), numKind(b)
	if ka == 0 || kb == 0 {
		return nil, false
	}
	if ka == 1 && kb == 1 {
		return intOp(op, a, b), true
	}
	return floatOp(op, a, b), true
}

// Add returns a + b.
func Add(a, b V) V { return add(a, b, "+") }

// IAdd returns the value of a after a += b (a number, str or list).
func IAdd(a, b V) V {
	if l, ok := a.([]V); ok {
		return append(slices.Clip(l), Iter(b)...)
	}
	return add(a, b, "+=")
}

func add(a, b V, op string) V {
	if r, ok := arith('+', a, b); ok {
		return r
	}
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		if !ok {
			typeErr(`can only concatenate str (not "%s") to str`, Type(b))
		}
		return x + y
	case []V:
		y, ok := b.([]V)
		if !ok {
			typeErr(`can only concatenate list (not "%s") to list`, Type(b))
		}
		return append(slices.Clip(x), y...)
	}
	unsupported(op, a, b)
	return nil
}

// Sub returns a - b.
func Sub(a, b V) V { return sub(a, b, "-") }

// ISub returns the value of a after a -= b.
func ISub(a, b V) V { return sub(a, b, "-=") }

func sub(a, b V, op string) V {
	if r, ok := arith('-', a, b); ok {
		return r
	}
	unsupported(op, a, b)
	return nil
}

// Mul returns a * b, sequence repetition included.
func Mul(a, b V) V {
	if r, ok := arith('*', a, b); ok {
		return r
	}
	if isSeq(a) {
		return repeat(a, b)
	}
	if isSeq(b) {
		return repeat(b, a)
	}
	unsupported("*", a, b)
	return nil
}

func isSeq(v V) bool {
	switch v.(type) {
	case string, []V:
		return true
	}
	return false
}

func repeat(seq, n V) V {
	if numKind(n) != 1 {
		typeErr("can't multiply sequence by non-int of type '%s'", Type(n))
	}
	k, ok := small(n)
	if !ok {
		Raise(pyval.Exc("OverflowError", "cannot fit 'int' into an index-sized integer"))
	}
	if k < 0 {
		k = 0
	}
	switch s := seq.(type) {
	case string:
		if len(s) > 0 && k > maxRepeat/int64(len(s)) {
			Raise(pyval.Exc("MemoryError", ""))
		}
		return strings.Repeat(s, int(k))
	case []V:
		if len(s) > 0 && k > maxRepeat/int64(len(s)) {
			Raise(pyval.Exc("MemoryError", ""))
		}
		out := make([]V, 0, len(s)*int(k))
		for range k {
			out = append(out, s...)
		}
		return out
	}
	return nil
}

// Neg returns -a.
func Neg(a V) V {
	switch numKind(a) {
	case 1:
		return intOp('-', int64(0), a)
	case 2:
		return -a.(float64)
	}
	typeErr("bad operand type for unary -: '%s'", Type(a))
	return nil
}

// Abs returns abs(a).
func Abs(a V) V {
	switch numKind(a) {
	case 1:
		b := bigOf(a)
		if b.Sign() < 0 {
			return Neg(a)
		}
		if x, ok := small(a); ok {
			return x
		}
		return a
	case 2:
		return math.Abs(a.(float64))
	}
	typeErr("bad operand type for abs(): '%s'", Type(a))
	return nil
}

// Lt reports a < b.
func Lt(a, b V) bool { return compare("<", a, b) }

// Gt reports a > b.
func Gt(a, b V) bool { return compare(">", a, b) }

// compare evaluates a rich comparison as Python does for numbers, str and
// lists (lexicographically, the first unequal items deciding).
func compare(op string, a, b V) bool {
	if numKind(a) != 0 && numKind(b) != 0 {
		c, err := pyval.Compare(a, b)
		if err != nil {
			panic(err)
		}
		if isNaN(a) || isNaN(b) {
			return false
		}
		return cmpOK(op, c)
	}
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return cmpOK(op, strings.Compare(x, y))
		}
	case []V:
		if y, ok := b.([]V); ok {
			for i := 0; i < len(x) && i < len(y); i++ {
				if !Eq(x[i], y[i]) {
					return compare(op, x[i], y[i])
				}
			}
			return cmpOK(op, cmpInt(len(x), len(y)))
		}
	}
	typeErr("'%s' not supported between instances of '%s' and '%s'", op, Type(a), Type(b))
	return false
}

func isNaN(v V) bool {
	f, ok := v.(float64)
	return ok && math.IsNaN(f)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpOK(op string, c int) bool {
	switch op {
	case "<":
		return c < 0
	case ">":
		return c > 0
	case "<=":
		return c <= 0
	case ">=":
		return c >= 0
	}
	panic(fmt.Sprintf("py: comparison %q", op))
}

// Max2 returns max(a, b).
func Max2(a, b V) V {
	if Gt(b, a) {
		return b
	}
	return a
}

// Sum returns sum(items).
func Sum(items []V) V {
	var r V = int64(0)
	for _, it := range items {
		r = Add(r, it)
	}
	return r
}
