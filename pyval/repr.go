package pyval

import (
	"math"
	"math/big"
	"sort"
	"strconv"
	"unicode/utf8"
)

// Repr returns Python's repr(v).
//
// Strings use Python's quote choice and escapes; floats print as
// repr(float) does (shortest round-trip digits, "1e-05", "1e+16", "inf",
// "nan", "-0.0"); tuples of one element print as "(x,)"; an empty set as
// "set()". Python prints a set in hash-table order, which is not
// reproducible in general (string hashes are salted per process); Repr
// prints set elements in the total order of SortValues (numbers by value,
// then strings by code point, ...), which is CPython's order too for small
// non-negative ints below the hash table's size ({1, 2, 3} but not
// {3, 10}, which CPython prints as {10, 3}). An Object
// prints as its PyRepr. A string holding invalid UTF-8 prints each bad
// byte as U+FFFD (a Python str cannot hold such bytes). Cyclic values
// recurse forever, where Python prints "[...]".
func Repr(v Value) string {
	switch x := v.(type) {
	case nil:
		return "None" // (a constant: no allocation, as for most results of None)
	case bool:
		if x {
			return "True"
		}
		return "False"
	}
	return string(AppendRepr(nil, v))
}

// Str returns Python's str(v): a string itself, an Object's optional
// PyStr() string method (PyRepr without one), and repr(v) for everything
// else (containers show their elements' repr).
func Str(v Value) string {
	switch x := v.(type) {
	case string:
		return x
	case interface{ PyStr() string }:
		return x.PyStr()
	}
	return Repr(v)
}

// AppendRepr appends repr(v) to b and returns the extended buffer.
func AppendRepr(b []byte, v Value) []byte {
	switch x := norm(v).(type) {
	case nil:
		return append(b, "None"...)
	case bool:
		if x {
			return append(b, "True"...)
		}
		return append(b, "False"...)
	case int64:
		return strconv.AppendInt(b, x, 10)
	case *big.Int:
		return x.Append(b, 10)
	case float64:
		return AppendFloatRepr(b, x)
	case string:
		return AppendStrRepr(b, x)
	case []Value:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = AppendRepr(b, e)
		}
		return append(b, ']')
	case Tuple:
		b = append(b, '(')
		for i, e := range x {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = AppendRepr(b, e)
		}
		if len(x) == 1 {
			b = append(b, ',')
		}
		return append(b, ')')
	case *Dict:
		b = append(b, '{')
		for i, k := range x.keys {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = AppendRepr(b, k)
			b = append(b, ": "...)
			b = AppendRepr(b, x.vals[i])
		}
		return append(b, '}')
	case *Set:
		if x.Len() == 0 {
			return append(b, "set()"...)
		}
		b = append(b, '{')
		for i, e := range x.Values() {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = AppendRepr(b, e)
		}
		return append(b, '}')
	case Object:
		return append(b, x.PyRepr()...)
	}
	return append(b, "<"+TypeName(v)+" object>"...)
}

// AppendFloatRepr appends repr(x) for a Python float.
func AppendFloatRepr(b []byte, x float64) []byte {
	switch {
	case math.IsNaN(x):
		return append(b, "nan"...)
	case math.IsInf(x, 1):
		return append(b, "inf"...)
	case math.IsInf(x, -1):
		return append(b, "-inf"...)
	case x == 0:
		if math.Signbit(x) {
			return append(b, "-0.0"...)
		}
		return append(b, "0.0"...)
	}
	if ax := math.Abs(x); ax >= 1e-4 && ax < 1e16 {
		// Fixed notation, the commonest case: the shortest digits, with
		// ".0" after an integral value.
		if x == math.Trunc(x) {
			return append(strconv.AppendInt(b, int64(x), 10), ".0"...)
		}
		return strconv.AppendFloat(b, x, 'f', -1, 64)
	}
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], x, 'e', -1, 64) // [-]d[.ddd]e±dd
	if s[0] == '-' {
		b = append(b, '-')
		s = s[1:]
	}
	e := 0
	for e < len(s) && s[e] != 'e' {
		e++
	}
	mant, exp := s[:e], s[e+1:]
	var digits [24]byte
	nd := 0
	for _, c := range mant {
		if c != '.' {
			digits[nd] = c
			nd++
		}
	}
	x10, _ := strconv.Atoi(string(exp))
	decpt := x10 + 1 // value = 0.DIGITS * 10**decpt
	if decpt <= -4 || decpt > 16 {
		b = append(b, mant...)
		return append(append(b, 'e'), exp...)
	}
	switch {
	case decpt <= 0:
		b = append(b, "0."...)
		for i := 0; i < -decpt; i++ {
			b = append(b, '0')
		}
		b = append(b, digits[:nd]...)
	case decpt >= nd:
		b = append(b, digits[:nd]...)
		for i := nd; i < decpt; i++ {
			b = append(b, '0')
		}
		b = append(b, ".0"...)
	default:
		b = append(b, digits[:decpt]...)
		b = append(b, '.')
		b = append(b, digits[decpt:nd]...)
	}
	return b
}

// AppendStrRepr appends repr(s) for a Python str.
func AppendStrRepr(b []byte, s string) []byte {
	quote := byte('\'')
	if containsByte(s, '\'') && !containsByte(s, '"') {
		quote = '"'
	}
	b = append(b, quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == quote || c == '\\':
				b = append(b, '\\', c)
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c < ' ' || c == 0x7f:
				b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
			default:
				b = append(b, c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isPrintable(r) {
			b = utf8.AppendRune(b, r)
			continue
		}
		switch {
		case r <= 0xff:
			b = append(b, '\\', 'x')
			b = appendHex(b, uint32(r), 2)
		case r <= 0xffff:
			b = append(b, '\\', 'u')
			b = appendHex(b, uint32(r), 4)
		default:
			b = append(b, '\\', 'U')
			b = appendHex(b, uint32(r), 8)
		}
	}
	return append(b, quote)
}

const hexDigits = "0123456789abcdef"

func appendHex(b []byte, v uint32, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, hexDigits[(v>>(4*uint(i)))&15])
	}
	return b
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// IsPrintable reports whether Python 3.11's str.isprintable() holds for
// the one-character string of r (Unicode 14.0.0 data).
func IsPrintable(r rune) bool { return isPrintable(r) }

func isPrintable(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= ' ' && r != 0x7f
	}
	i := sort.Search(len(nonPrintable), func(i int) bool { return nonPrintable[i][1] >= r })
	return i == len(nonPrintable) || r < nonPrintable[i][0]
}
