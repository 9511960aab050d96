package travel

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/toolgym/toolgym/pyval"
)

// This file holds the few pieces of Python semantics the reference's
// methods lean on when a model passes arguments of unexpected types:
// dict membership (hashing), float(), arithmetic and < on numbers, and
// datetime.strptime with "%Y-%m-%d". Each returns the exception CPython
// 3.11 raises, with its exact message.

// unhashable returns the TypeError Python raises when v is used as a dict
// key, or nil when v is hashable.
func unhashable(v pyval.Value) error {
	switch x := v.(type) {
	case []pyval.Value, *pyval.Dict, *pyval.Set:
		return pyval.TypeError("unhashable type: '" + pyval.TypeName(v) + "'")
	case pyval.Tuple:
		for _, e := range x {
			if err := unhashable(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// lookup is d[key] / key in d: the value, whether it is there, and the
// TypeError for an unhashable key.
func lookup(d *pyval.Dict, key pyval.Value) (pyval.Value, bool, error) {
	if _, ok := key.(string); !ok {
		if err := unhashable(key); err != nil {
			return nil, false, err
		}
	}
	v, ok := d.Get(key)
	return v, ok, nil
}

// item is obj[key] for a value the reference indexes as a dict: a
// KeyError when the key is absent, a TypeError when obj is not a dict.
func item(obj, key pyval.Value) (pyval.Value, error) {
	d, ok := obj.(*pyval.Dict)
	if !ok {
		switch obj.(type) {
		case string:
			return nil, pyval.TypeError("string indices must be integers, not '" + pyval.TypeName(key) + "'")
		case []pyval.Value, pyval.Tuple:
			return nil, pyval.TypeError(pyval.TypeName(obj) + " indices must be integers or slices, not " + pyval.TypeName(key))
		}
		return nil, pyval.TypeError("'" + pyval.TypeName(obj) + "' object is not subscriptable")
	}
	v, found, err := lookup(d, key)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, pyval.KeyError(key)
	}
	return v, nil
}

// isZero is Python's v == 0.
func isZero(v pyval.Value) bool {
	switch x := v.(type) {
	case int64:
		return x == 0
	case float64:
		return x == 0
	case bool:
		return !x
	}
	return pyval.Equal(v, int64(0))
}

// less is Python's a < b.
func less(a, b pyval.Value) (bool, error) {
	if x, ok := a.(float64); ok {
		if y, ok := b.(float64); ok {
			return x < y, nil
		}
	}
	c, err := pyval.Compare(a, b)
	if err != nil {
		return false, err
	}
	if c < 0 {
		// Compare reports 0 for NaN; a real "less" is only ever -1.
		return true, nil
	}
	return false, nil
}

// errIntTooLarge is Python's OverflowError for float(int) out of range.
func errIntTooLarge() error { return pyval.Exc("OverflowError", "int too large to convert to float") }

// isNum reports whether v is a Python number (bool, int or float).
func isNum(v pyval.Value) bool {
	switch v.(type) {
	case bool, int64, *big.Int, float64:
		return true
	}
	return false
}

// bigInt returns the integer value of a bool, int64 or *big.Int.
func bigInt(v pyval.Value) *big.Int {
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

// intValue narrows a *big.Int to int64 when it fits, as pyval keeps ints.
func intValue(b *big.Int) pyval.Value {
	if b.IsInt64() {
		return b.Int64()
	}
	return b
}

// numFloat is float(v) for a Python number.
func numFloat(v pyval.Value) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case int64:
		return float64(x), nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		if math.IsInf(f, 0) {
			return 0, errIntTooLarge()
		}
		return f, nil
	}
	return 0, pyval.TypeError("must be real number, not " + pyval.TypeName(v))
}

// toFloat is Python's float(v).
func toFloat(v pyval.Value) (float64, error) {
	switch x := v.(type) {
	case string:
		f, ok := parseFloat(x)
		if !ok {
			return 0, pyval.ValueError("could not convert string to float: " + pyval.Repr(x))
		}
		return f, nil
	case bool, int64, *big.Int, float64:
		return numFloat(v)
	}
	return 0, pyval.TypeError("float() argument must be a string or a real number, not '" + pyval.TypeName(v) + "'")
}

// parseFloat parses a string as Python's float() does: surrounding
// whitespace, any Unicode decimal digits, single underscores between
// digits, "inf", "infinity" and "nan" in any case; no hex.
func parseFloat(s string) (float64, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80 && !isPySpace(r):
			b.WriteRune(r)
		case isPySpace(r):
			b.WriteByte(' ')
		case unicode.IsDigit(r):
			b.WriteByte(byte('0' + digitValue(r)))
		default:
			return 0, false
		}
	}
	t := strings.Trim(b.String(), " ")
	body := strings.TrimLeft(t, "+-")
	if len(t)-len(body) > 1 {
		return 0, false
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if t[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	if !validDecimal(body) {
		return 0, false
	}
	// Out of range gives ±inf or ±0 with ErrRange, as Python's float()
	// gives inf and 0.0.
	f, _ := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	return f, true
}

// validDecimal checks digits[.digits][e[sign]digits] (or .digits), with
// underscores only between two digits.
func validDecimal(s string) bool {
	i := 0
	digits := func() int {
		start := i
		for i < len(s) {
			c := s[i]
			if c >= '0' && c <= '9' {
				i++
				continue
			}
			if c == '_' && i > start && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				i++
				continue
			}
			break
		}
		return i - start
	}
	intPart := digits()
	frac := 0
	if i < len(s) && s[i] == '.' {
		i++
		if i < len(s) && s[i] == '_' {
			return false
		}
		frac = digits()
	}
	if intPart == 0 && frac == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i < len(s) && s[i] == '_' {
			return false
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// isPySpace is Python's str.isspace for one character.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// digitValue is the value of a Unicode decimal digit (category Nd): Nd
// characters come in runs of ten starting at zero, so the position in
// the run gives the value.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	k := 0
	for unicode.IsDigit(r - rune(k) - 1) {
		k++
	}
	return k % 10
}

// nonDecimalDigits are the characters for which Python's str.isdigit is
// true but which are no decimal digit (superscripts, circled digits...),
// so int() refuses them (Unicode 14, CPython 3.11).
var nonDecimalDigits = [...][2]rune{
	{0xB2, 0xB3}, {0xB9, 0xB9}, {0x1369, 0x1371}, {0x19DA, 0x19DA}, {0x2070, 0x2070},
	{0x2074, 0x2079}, {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247C}, {0x2488, 0x2490},
	{0x24EA, 0x24EA}, {0x24F5, 0x24FD}, {0x24FF, 0x24FF}, {0x2776, 0x277E}, {0x2780, 0x2788},
	{0x278A, 0x2792}, {0x10A40, 0x10A43}, {0x10E60, 0x10E68}, {0x11052, 0x1105A}, {0x1F100, 0x1F10A},
}

func isNonDecimalDigit(r rune) bool {
	for _, rg := range nonDecimalDigits {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// isDigitStr is Python's s.isdigit().
func isDigitStr(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && !isNonDecimalDigit(r) {
			return false
		}
	}
	return true
}

// digitParity returns int(s) % 2 for a string that isdigit() accepts, or
// int()'s ValueError when it holds a digit that is not decimal.
func digitParity(s string) (int, error) {
	last := 0
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return 0, pyval.ValueError("invalid literal for int() with base 10: " + pyval.Repr(s))
		}
		last = digitValue(r)
	}
	return last % 2, nil
}

// arith applies one of Python's + and - to two values, as the reference's
// balance updates do (op is "+=" or "-=", the augmented form named in the
// TypeError).
func arith(a, b pyval.Value, op string) (pyval.Value, error) {
	if isNum(a) && isNum(b) {
		fa, aF := a.(float64)
		fb, bF := b.(float64)
		if aF || bF {
			var err error
			if !aF {
				if fa, err = numFloat(a); err != nil {
					return nil, err
				}
			}
			if !bF {
				if fb, err = numFloat(b); err != nil {
					return nil, err
				}
			}
			if op == "+=" {
				return fa + fb, nil
			}
			return fa - fb, nil
		}
		ia, aSmall := a.(int64)
		ib, bSmall := b.(int64)
		if aSmall && bSmall {
			if op == "+=" {
				if s := ia + ib; (s > ia) == (ib > 0) {
					return s, nil
				}
			} else if s := ia - ib; (s < ia) == (ib > 0) {
				return s, nil
			}
		}
		if op == "+=" {
			return intValue(new(big.Int).Add(bigInt(a), bigInt(b))), nil
		}
		return intValue(new(big.Int).Sub(bigInt(a), bigInt(b))), nil
	}
	if op == "+=" {
		switch x := a.(type) {
		case string:
			if y, ok := b.(string); ok {
				return x + y, nil
			}
		case []pyval.Value:
			if y, ok := b.([]pyval.Value); ok {
				return append(append([]pyval.Value(nil), x...), y...), nil
			}
		}
	}
	return nil, pyval.TypeError("unsupported operand type(s) for " + op + ": '" + pyval.TypeName(a) + "' and '" + pyval.TypeName(b) + "'")
}

// mulFloat is float(value * rate) for an int or float rate.
func mulFloat(value, rate pyval.Value) (float64, error) {
	_, rateIsFloat := rate.(float64)
	switch x := value.(type) {
	case float64, bool, int64, *big.Int:
		if f, ok := x.(float64); ok || rateIsFloat {
			if !ok {
				var err error
				if f, err = numFloat(x); err != nil {
					return 0, err
				}
			}
			r, _ := numFloat(rate)
			return f * r, nil
		}
		p := new(big.Int).Mul(bigInt(x), bigInt(rate))
		if p.IsInt64() {
			return float64(p.Int64()), nil
		}
		return numFloat(p)
	case string, []pyval.Value, pyval.Tuple:
		if rateIsFloat {
			return 0, pyval.TypeError("can't multiply sequence by non-int of type 'float'")
		}
		n := int(rate.(int64))
		switch s := x.(type) {
		case string:
			return toFloat(strings.Repeat(s, n))
		default:
			return toFloat(value)
		}
	}
	return 0, pyval.TypeError("unsupported operand type(s) for *: '" + pyval.TypeName(value) + "' and '" + pyval.TypeName(rate) + "'")
}

// divFloat is value / rate (true division) for an int or float rate.
func divFloat(value, rate pyval.Value) (float64, error) {
	if !isNum(value) {
		return 0, pyval.TypeError("unsupported operand type(s) for /: '" + pyval.TypeName(value) + "' and '" + pyval.TypeName(rate) + "'")
	}
	r, _ := numFloat(rate)
	if _, ok := rate.(float64); ok {
		f, err := numFloat(value)
		if err != nil {
			return 0, err
		}
		return f / r, nil
	}
	switch x := value.(type) {
	case float64:
		return x / r, nil
	case int64:
		if x > -(1<<53) && x < 1<<53 {
			return float64(x) / r, nil
		}
	case bool:
		f, _ := numFloat(x)
		return f / r, nil
	}
	// int / int is correctly rounded in Python, whatever the size.
	q, _ := new(big.Rat).SetFrac(bigInt(value), bigInt(rate)).Float64()
	if math.IsInf(q, 0) {
		return 0, pyval.Exc("OverflowError", "integer division result too large for a float")
	}
	return q, nil
}

// ymd is a calendar date.
type ymd struct{ year, month, day int }

// strptimeYMD is datetime.strptime(v, "%Y-%m-%d") as CPython 3.11 runs
// it: a TypeError for a non-str, a ValueError for text that does not
// match (its regex takes Unicode digits for \d) or is no valid date.
func strptimeYMD(v pyval.Value) (ymd, error) {
	s, ok := v.(string)
	if !ok {
		// CPython's argument parser names None "None", other types by name.
		name := pyval.TypeName(v)
		if v == nil {
			name = "None"
		}
		return ymd{}, pyval.TypeError("strptime() argument 1 must be str, not " + name)
	}
	if d, ok := plainYMD(s); ok {
		return d, nil
	}
	return strptimeText(s)
}

// strptimeText is strptimeYMD for a str.
func strptimeText(s string) (ymd, error) {
	noMatch := func() error {
		return pyval.ValueError("time data " + pyval.Repr(s) + " does not match format '%Y-%m-%d'")
	}
	// at returns the rune k runes after byte offset i (-1 past the end)
	// and the byte offset after it.
	i := 0
	at := func(k int) (rune, int) {
		j := i
		for ; ; k-- {
			if j >= len(s) {
				return -1, j
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if k == 0 {
				return r, j + n
			}
			j += n
		}
	}
	in := func(r rune, lo, hi rune) bool { return r >= lo && r <= hi }
	var d ymd
	for range 4 {
		r, next := at(0)
		if r < 0 || !unicode.IsDigit(r) {
			return ymd{}, noMatch()
		}
		d.year = d.year*10 + digitValue(r)
		i = next
	}
	dash := func() bool {
		r, next := at(0)
		i = next
		return r == '-'
	}
	if !dash() {
		return ymd{}, noMatch()
	}
	// %m: 1[0-2]|0[1-9]|[1-9]
	r0, after0 := at(0)
	r1, after1 := at(1)
	switch {
	case r0 == '1' && in(r1, '0', '2'):
		d.month, i = 10+int(r1-'0'), after1
	case r0 == '0' && in(r1, '1', '9'):
		d.month, i = int(r1-'0'), after1
	case in(r0, '1', '9'):
		d.month, i = int(r0-'0'), after0
	default:
		return ymd{}, noMatch()
	}
	if !dash() {
		return ymd{}, noMatch()
	}
	// %d: 3[01]|[12]\d|0[1-9]|[1-9]| [1-9]
	r0, after0 = at(0)
	r1, after1 = at(1)
	switch {
	case r0 == '3' && in(r1, '0', '1'):
		d.day, i = 30+int(r1-'0'), after1
	case in(r0, '1', '2') && r1 >= 0 && unicode.IsDigit(r1):
		d.day, i = 10*int(r0-'0')+digitValue(r1), after1
	case r0 == '0' && in(r1, '1', '9'):
		d.day, i = int(r1-'0'), after1
	case in(r0, '1', '9'):
		d.day, i = int(r0-'0'), after0
	case r0 == ' ' && in(r1, '1', '9'):
		d.day, i = int(r1-'0'), after1
	default:
		return ymd{}, noMatch()
	}
	if i < len(s) {
		return ymd{}, pyval.ValueError("unconverted data remains: " + s[i:])
	}
	if d.year == 0 {
		return ymd{}, pyval.ValueError("year 0 is out of range")
	}
	if d.day > daysIn(d.year, d.month) {
		return ymd{}, pyval.ValueError("day is out of range for month")
	}
	return d, nil
}

// plainYMD reads the commonest date text, "YYYY-MM-DD" in ASCII digits
// with a two-digit month and day that strptime takes whole, and reports
// whether s is one and a valid date; strptimeYMD reads any other text
// (with the same answer for these).
func plainYMD(s string) (ymd, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return ymd{}, false
	}
	var n [8]int
	for i, j := range [8]int{0, 1, 2, 3, 5, 6, 8, 9} {
		c := s[j]
		if c < '0' || c > '9' {
			return ymd{}, false
		}
		n[i] = int(c - '0')
	}
	d := ymd{n[0]*1000 + n[1]*100 + n[2]*10 + n[3], n[4]*10 + n[5], n[6]*10 + n[7]}
	// %m takes two digits for 01-12 and %d for 01-31; other texts are
	// strptime's general case.
	if d.year == 0 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysIn(d.year, d.month) {
		return ymd{}, false
	}
	return d, true
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
