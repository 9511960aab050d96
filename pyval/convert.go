package pyval

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

func inRanges(table [][2]rune, r rune) (lo rune, ok bool) {
	i := sort.Search(len(table), func(i int) bool { return table[i][1] >= r })
	if i < len(table) && r >= table[i][0] {
		return table[i][0], true
	}
	return 0, false
}

// IsDecimal reports whether Python 3.11's str.isdecimal() holds for r
// (Unicode category Nd, such as '٣'): the digits int() and float() accept.
func IsDecimal(r rune) bool {
	_, ok := inRanges(decimalRanges[:], r)
	return ok
}

// IsDigit reports whether Python 3.11's str.isdigit() holds for r: the
// decimal digits plus superscripts and other digits ('²', '①'), which
// int() rejects.
func IsDigit(r rune) bool {
	_, ok := inRanges(digitRanges[:], r)
	return ok
}

// decimalValue returns the value of a decimal digit (unicodedata.decimal).
func decimalValue(r rune) (int, bool) {
	lo, ok := inRanges(decimalRanges[:], r)
	if !ok {
		return 0, false
	}
	return int(r-lo) % 10, true
}

// toASCIINumber is CPython's _PyUnicode_TransformDecimalAndSpaceToASCII:
// decimal digits become ASCII digits, whitespace a space, other non-ASCII
// characters '?', which no number syntax accepts.
func toASCIINumber(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch d, ok := decimalValue(r); {
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case IsSpace(r):
			b = append(b, ' ')
		case ok:
			b = append(b, byte('0'+d))
		default:
			b = append(b, '?')
		}
	}
	return string(b)
}

// removeUnderscores drops the underscores of s if each one sits between
// two ASCII digits, as Python's number syntax requires.
func removeUnderscores(s string) (string, bool) {
	if strings.IndexByte(s, '_') < 0 {
		return s, true
	}
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '_' {
			if !isDigit(i-1) || !isDigit(i+1) {
				return "", false
			}
			continue
		}
		b = append(b, s[i])
	}
	return string(b), true
}

func trimASCIISpace(s string) string {
	return strings.Trim(s, " \t\n\v\f\r")
}

// ParseInt returns Python's int(s) for a str (base 10): surrounding
// whitespace, a sign, single underscores between digits and any Unicode
// decimal digits ('٣') are accepted; anything else is Python's ValueError
// "invalid literal for int() with base 10: 'x'". The result is an int64,
// or a *big.Int beyond it.
func ParseInt(s string) (Value, error) {
	t := trimASCIISpace(toASCIINumber(s))
	bad := func() error {
		r := []rune(Repr(s))
		if len(r) > 200 {
			r = r[:200]
		}
		return ValueError("invalid literal for int() with base 10: " + string(r))
	}
	body := t
	if len(body) > 0 && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	if body == "" || body[0] < '0' || body[0] > '9' {
		return nil, bad()
	}
	body, ok := removeUnderscores(body)
	if !ok {
		return nil, bad()
	}
	for i := 0; i < len(body); i++ {
		if body[i] < '0' || body[i] > '9' {
			return nil, bad()
		}
	}
	if len(body) > maxIntDigits {
		return nil, ValueError(fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits, len(body)))
	}
	neg := t[0] == '-'
	if len(body) <= 18 {
		n, _ := strconv.ParseInt(body, 10, 64)
		if neg {
			n = -n
		}
		return n, nil
	}
	n, _ := new(big.Int).SetString(body, 10)
	if neg {
		n.Neg(n)
	}
	return norm(n), nil
}

// ParseFloat returns Python's float(s) for a str: surrounding whitespace,
// a sign, "inf", "infinity" and "nan" in any case, decimal and exponent
// forms (".5", "5.", "1e-3"), single underscores between digits and
// Unicode decimal digits are accepted; a value beyond the float range is
// ±inf. Anything else (hex, "1e", "") is Python's ValueError "could not
// convert string to float: 'x'".
func ParseFloat(s string) (float64, error) {
	bad := func() (float64, error) {
		return 0, ValueError("could not convert string to float: " + Repr(s))
	}
	t := trimASCIISpace(toASCIINumber(s))
	t, ok := removeUnderscores(t)
	if !ok || t == "" {
		return bad()
	}
	body := t
	if body[0] == '+' || body[0] == '-' {
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		return math.Copysign(math.Inf(1), signOfText(t)), nil
	case "nan":
		return math.NaN(), nil
	}
	// digits [. digits] [e [sign] digits], with a digit in the mantissa.
	i, mant := 0, 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i++
		mant++
	}
	if i < len(body) && body[i] == '.' {
		i++
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i++
			mant++
		}
	}
	if mant == 0 {
		return bad()
	}
	if i < len(body) && (body[i] == 'e' || body[i] == 'E') {
		i++
		if i < len(body) && (body[i] == '+' || body[i] == '-') {
			i++
		}
		exp := 0
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return bad()
		}
	}
	if i != len(body) {
		return bad()
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return bad()
	}
	return f, nil
}

func signOfText(t string) float64 {
	if t[0] == '-' {
		return -1
	}
	return 1
}

// PyInt returns Python's int(v): a bool as 0 or 1, an int as itself, a
// float truncated toward zero (an infinity or NaN is Python's
// OverflowError or ValueError), a str by ParseInt; any other type is
// Python's TypeError.
func PyInt(v Value) (Value, error) {
	switch x := norm(v).(type) {
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case int64, *big.Int:
		return x, nil
	case float64:
		switch {
		case math.IsNaN(x):
			return nil, ValueError("cannot convert float NaN to integer")
		case math.IsInf(x, 0):
			return nil, Exc("OverflowError", "cannot convert float infinity to integer")
		}
		t := math.Trunc(x)
		if t >= -(1<<63) && t < 1<<63 {
			return int64(t), nil
		}
		n, _ := big.NewFloat(t).Int(nil)
		return norm(n), nil
	case string:
		return ParseInt(x)
	}
	return nil, TypeError("int() argument must be a string, a bytes-like object or a real number, not '" + TypeName(v) + "'")
}

// PyFloat returns Python's float(v): a bool or int converted (correctly
// rounded; an int beyond the float range is Python's OverflowError), a
// float as itself, a str by ParseFloat; any other type is Python's
// TypeError.
func PyFloat(v Value) (float64, error) {
	switch x := norm(v).(type) {
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case int64:
		return float64(x), nil
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		if math.IsInf(f, 0) {
			return 0, Exc("OverflowError", "int too large to convert to float")
		}
		return f, nil
	case float64:
		return x, nil
	case string:
		return ParseFloat(x)
	}
	return 0, TypeError("float() argument must be a string or a real number, not '" + TypeName(v) + "'")
}
