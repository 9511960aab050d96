package pyval

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fmtSpec is a parsed format specification:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
type fmtSpec struct {
	fill     string // one character; "" when not given
	align    byte   // '<', '>', '=', '^' or 0
	sign     byte   // '+', '-', ' ' or 0
	z        bool
	alt      bool
	width    int // -1 when not given
	grouping byte
	prec     int // -1 when not given
	typ      byte
}

func isAlign(c byte) bool { return c == '<' || c == '>' || c == '=' || c == '^' }

// parseSpec parses spec for an object of type typeName whose default
// alignment is defAlign, with Python's error messages.
func parseSpec(spec, typeName string, defAlign byte) (fmtSpec, error) {
	f := fmtSpec{width: -1, prec: -1}
	p := 0
	if _, size := utf8.DecodeRuneInString(spec); size > 0 && size < len(spec) && isAlign(spec[size]) {
		f.fill, f.align = spec[:size], spec[size]
		p = size + 1
	} else if len(spec) > 0 && isAlign(spec[0]) {
		f.align = spec[0]
		p = 1
	}
	if p < len(spec) && (spec[p] == '+' || spec[p] == '-' || spec[p] == ' ') {
		f.sign = spec[p]
		p++
	}
	if p < len(spec) && spec[p] == 'z' {
		f.z = true
		p++
	}
	if p < len(spec) && spec[p] == '#' {
		f.alt = true
		p++
	}
	if p < len(spec) && spec[p] == '0' {
		if f.fill == "" {
			f.fill = "0"
			if f.align == 0 && defAlign == '>' {
				f.align = '='
			}
		}
		p++
	}
	digits := func() (int, bool, error) {
		s := p
		for p < len(spec) && spec[p] >= '0' && spec[p] <= '9' {
			p++
		}
		if s == p {
			return 0, false, nil
		}
		n, err := strconv.Atoi(spec[s:p])
		if err != nil || n > math.MaxInt32 {
			return 0, false, ValueError("Too many decimal digits in format string")
		}
		return n, true, nil
	}
	n, ok, err := digits()
	if err != nil {
		return f, err
	}
	if ok {
		f.width = n
	}
	if p < len(spec) && (spec[p] == ',' || spec[p] == '_') {
		f.grouping = spec[p]
		p++
		if p < len(spec) && (spec[p] == ',' || spec[p] == '_') {
			if spec[p] == f.grouping {
				return f, ValueError(fmt.Sprintf("Cannot specify '%c' with '%c'.", f.grouping, f.grouping))
			}
			return f, ValueError("Cannot specify both ',' and '_'.")
		}
	}
	if p < len(spec) && spec[p] == '.' {
		p++
		n, ok, err := digits()
		if err != nil {
			return f, err
		}
		if !ok {
			return f, ValueError("Format specifier missing precision")
		}
		f.prec = n
	}
	switch rest := spec[p:]; {
	case len(rest) > 1:
		return f, ValueError(fmt.Sprintf("Invalid format specifier '%s' for object of type '%s'", spec, typeName))
	case len(rest) == 1:
		f.typ = rest[0]
	}
	if f.grouping != 0 {
		switch f.typ {
		case 0, 'd', 'e', 'f', 'g', 'E', 'F', 'G', '%':
		case 'x', 'X', 'o', 'b':
			if f.grouping == '_' {
				break
			}
			fallthrough
		default:
			return f, ValueError(fmt.Sprintf("Cannot specify '%c' with '%c'.", f.grouping, f.typ))
		}
	}
	return f, nil
}

// FormatFloat returns format(x, spec) for a Python float: the text of an
// f-string field {x:spec}, such as ".2f" (fixed, 2 decimals), ",.2f"
// (with thousands separators), ".1%", "e", ".3g", ">10.2f" or "" (repr).
// The whole format mini-language for floats is supported (fill, align,
// sign, z, #, 0, width, ',' and '_' grouping, precision, and the types
// e E f F g G n % and none), with correctly rounded digits as CPython
// prints them. It panics with Python's ValueError for an invalid spec,
// since specs are written in the source; use Format for specs read from
// data.
func FormatFloat(x float64, spec string) string {
	s, err := formatFloat(x, spec)
	if err != nil {
		panic(err)
	}
	return s
}

// Format returns Python's format(v, spec), the text of the f-string field
// {v:spec}: floats as FormatFloat; ints (and bools with a non-empty spec)
// with the integer types d n x X o b c, or converted to float for the
// float types; strings with fill, alignment, width and precision
// (truncation). Any other value with an empty spec formats as str(v); with
// a non-empty spec it is Python's TypeError "unsupported format string
// passed to list.__format__".
func Format(v Value, spec string) (string, error) {
	switch x := norm(v).(type) {
	case float64:
		return formatFloat(x, spec)
	case bool:
		if spec == "" {
			return Str(x), nil
		}
		if x {
			return formatInt(big.NewInt(1), spec)
		}
		return formatInt(big.NewInt(0), spec)
	case int64:
		return formatInt(big.NewInt(x), spec)
	case *big.Int:
		return formatInt(x, spec)
	case string:
		return formatStr(x, spec)
	}
	if spec == "" {
		return Str(v), nil
	}
	return "", TypeError("unsupported format string passed to " + TypeName(v) + ".__format__")
}

func formatStr(s, spec string) (string, error) {
	f, err := parseSpec(spec, "str", '<')
	if err != nil {
		return "", err
	}
	switch {
	case f.typ != 0 && f.typ != 's':
		return "", ValueError(fmt.Sprintf("Unknown format code '%c' for object of type 'str'", f.typ))
	case f.sign != 0:
		return "", ValueError("Sign not allowed in string format specifier")
	case f.alt:
		return "", ValueError("Alternate form (#) not allowed in string format specifier")
	case f.z:
		return "", ValueError("Negative zero coercion (z) not allowed in string format specifier")
	case f.align == '=':
		return "", ValueError("'=' alignment not allowed in string format specifier")
	case f.grouping != 0:
		return "", ValueError(fmt.Sprintf("Cannot specify '%c' with 's'.", f.grouping))
	}
	if f.prec >= 0 && utf8.RuneCountInString(s) > f.prec {
		n := 0
		for i := range s {
			if n == f.prec {
				s = s[:i]
				break
			}
			n++
		}
	}
	return pad("", s, f, '<'), nil
}

func formatInt(n *big.Int, spec string) (string, error) {
	f, err := parseSpec(spec, "int", '>')
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		x, acc := new(big.Float).SetInt(n).Float64()
		if math.IsInf(x, 0) && acc != big.Exact {
			return "", Exc("OverflowError", "int too large to convert to float")
		}
		return formatFloat(x, spec)
	case 0, 'd', 'n', 'x', 'X', 'o', 'b', 'c':
	default:
		return "", ValueError(fmt.Sprintf("Unknown format code '%c' for object of type 'int'", f.typ))
	}
	if f.prec >= 0 {
		return "", ValueError("Precision not allowed in integer format specifier")
	}
	if f.z {
		return "", ValueError("Negative zero coercion (z) not allowed in integer format specifier")
	}
	if f.typ == 'c' {
		if f.sign != 0 {
			return "", ValueError("Sign not allowed with integer format specifier 'c'")
		}
		if !n.IsInt64() {
			return "", Exc("OverflowError", "Python int too large to convert to C long")
		}
		if n.Int64() < 0 || n.Int64() > 0x10ffff {
			return "", Exc("OverflowError", "%c arg not in range(0x110000)")
		}
		return pad("", string(rune(n.Int64())), f, '>'), nil
	}
	base, prefix := 10, ""
	switch f.typ {
	case 'x', 'X':
		base, prefix = 16, "0x"
	case 'o':
		base, prefix = 8, "0o"
	case 'b':
		base, prefix = 2, "0b"
	}
	digits := new(big.Int).Abs(n).Text(base)
	if f.typ == 'X' {
		digits = strings.ToUpper(digits)
		prefix = "0X"
	}
	if !f.alt {
		prefix = ""
	}
	sign := signOf(n.Sign() < 0, f.sign)
	return padNumber(sign+prefix, digits, "", f, groupSize(base)), nil
}

func groupSize(base int) int {
	if base == 10 {
		return 3
	}
	return 4
}

func signOf(neg bool, flag byte) string {
	switch {
	case neg:
		return "-"
	case flag == '+':
		return "+"
	case flag == ' ':
		return " "
	}
	return ""
}

func formatFloat(x float64, spec string) (string, error) {
	f, err := parseSpec(spec, "float", '>')
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
	default:
		return "", ValueError(fmt.Sprintf("Unknown format code '%c' for object of type 'float'", f.typ))
	}
	typ := f.typ
	addDot0 := false
	prec := f.prec
	if typ == 0 {
		addDot0 = true
		if prec < 0 {
			typ = 'r'
		} else {
			typ = 'g'
		}
	}
	if typ == 'n' {
		typ = 'g'
	}
	pct := false
	if typ == '%' {
		typ, pct = 'f', true
		x *= 100
	}
	if prec < 0 {
		prec = 6
	}
	upper := typ == 'E' || typ == 'F' || typ == 'G'
	body := floatBody(math.Abs(x), typ|0x20, prec, f.alt, addDot0)
	neg := math.Signbit(x) && !math.IsNaN(x)
	if neg && f.z && !math.IsInf(x, 0) && isZeroText(body) {
		neg = false
	}
	if upper {
		body = strings.ToUpper(body)
	}
	if pct {
		body += "%"
	}
	// Split the leading integer digits (grouped, zero padded) from the rest.
	i := 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i++
	}
	return padNumber(signOf(neg, f.sign), body[:i], body[i:], f, 3), nil
}

func isZeroText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '1' && c <= '9' {
			return false
		} else if c == 'e' || c == 'E' {
			break
		}
	}
	return true
}

// floatBody formats a non-negative x (or NaN) without sign, as CPython's
// PyOS_double_to_string does for typ 'e', 'f', 'g' or 'r'.
func floatBody(x float64, typ byte, prec int, alt, addDot0 bool) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 0):
		return "inf"
	}
	switch typ {
	case 'r':
		return string(AppendFloatRepr(nil, x))
	case 'f':
		s := strconv.FormatFloat(x, 'f', prec, 64)
		if alt && prec == 0 {
			s += "."
		}
		return s
	case 'e':
		s := strconv.FormatFloat(x, 'e', prec, 64)
		if alt && prec == 0 {
			s = s[:1] + "." + s[1:]
		}
		return s
	}
	// 'g': prec significant digits, trailing zeros removed unless alt.
	if prec == 0 {
		prec = 1
	}
	es := strconv.FormatFloat(x, 'e', prec-1, 64)
	e := strings.IndexByte(es, 'e')
	digits := strings.Replace(es[:e], ".", "", 1)
	x10, _ := strconv.Atoi(es[e+1:])
	if x == 0 {
		x10 = 0
	}
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		digits = "0"
	}
	decpt := x10 + 1
	limit := prec
	if addDot0 {
		limit = prec - 1
	}
	useExp := decpt <= -4 || decpt > limit
	nd := len(digits) // digits to show; alt pads to prec
	if alt && nd < prec {
		digits += strings.Repeat("0", prec-nd)
		nd = prec
	}
	var b strings.Builder
	if useExp {
		b.WriteByte(digits[0])
		if nd > 1 || alt {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		if x10 < 0 {
			b.WriteString("e-" + twoDigits(-x10))
		} else {
			b.WriteString("e+" + twoDigits(x10))
		}
		return b.String()
	}
	switch {
	case decpt <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -decpt))
		b.WriteString(digits)
	case decpt >= nd:
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", decpt-nd))
		if addDot0 {
			b.WriteString(".0")
		} else if alt {
			b.WriteByte('.')
		}
	default:
		b.WriteString(digits[:decpt])
		b.WriteByte('.')
		b.WriteString(digits[decpt:])
	}
	return b.String()
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// padNumber assembles sign + grouped integer digits + rest, padded to the
// width: with '=' alignment the fill goes between the sign and the digits,
// and a '0' fill with grouping becomes grouped leading zeros, as CPython
// does.
func padNumber(sign, intDigits, rest string, f fmtSpec, group int) string {
	sep := ""
	if f.grouping != 0 {
		sep = string(f.grouping)
	}
	if f.align == '=' && f.fill == "0" && f.width > 0 && intDigits != "" {
		minWidth := f.width - len(sign) - utf8.RuneCountInString(rest)
		for groupedLen(len(intDigits), sep, group) < minWidth {
			intDigits = "0" + intDigits
		}
	}
	return pad(sign, groupDigits(intDigits, sep, group)+rest, f, '>')
}

func groupedLen(n int, sep string, group int) int {
	if sep == "" || n == 0 {
		return n
	}
	return n + (n-1)/group
}

func groupDigits(d, sep string, group int) string {
	if sep == "" || len(d) <= group {
		return d
	}
	var b strings.Builder
	first := len(d) % group
	if first == 0 {
		first = group
	}
	b.WriteString(d[:first])
	for i := first; i < len(d); i += group {
		b.WriteString(sep)
		b.WriteString(d[i : i+group])
	}
	return b.String()
}

// pad pads sign+body to f.width with f.fill by f.align (default defAlign).
func pad(sign, body string, f fmtSpec, defAlign byte) string {
	n := utf8.RuneCountInString(sign) + utf8.RuneCountInString(body)
	if f.width <= n {
		return sign + body
	}
	fill := f.fill
	if fill == "" {
		fill = " "
	}
	total := f.width - n
	align := f.align
	if align == 0 {
		align = defAlign
	}
	switch align {
	case '<':
		return sign + body + strings.Repeat(fill, total)
	case '^':
		left := total / 2
		return strings.Repeat(fill, left) + sign + body + strings.Repeat(fill, total-left)
	case '=':
		return sign + strings.Repeat(fill, total) + body
	}
	return strings.Repeat(fill, total) + sign + body
}

// Round returns Python's round(x, ndigits) for a float: x rounded to
// ndigits decimal places (negative: to tens, hundreds, ...), correctly
// rounded with ties to even on x's exact binary value (so round(2.675, 2)
// is 2.67 and round(0.125, 2) is 0.12), as CPython does through its dtoa.
// NaN and infinities round to themselves; a result too large for a float
// is ±Inf where Python raises OverflowError (PyRound reports it).
func Round(x float64, ndigits int) float64 {
	r, _ := roundFloat(x, ndigits)
	return r
}

// NDIGITS bounds of CPython's float.__round__.
const (
	roundNDigitsMax = 323
	roundNDigitsMin = -308
)

func roundFloat(x float64, ndigits int) (float64, error) {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return x, nil
	case ndigits > roundNDigitsMax:
		return x, nil
	case ndigits < roundNDigitsMin:
		return 0 * x, nil
	case ndigits >= 0:
		r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', ndigits, 64), 64)
		return r, nil
	}
	// Negative ndigits: q = round_half_even(x / 10**k), result q * 10**k.
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-ndigits)), nil)
	q := roundHalfEvenRat(new(big.Rat).SetFloat64(x), pow)
	q.Mul(q, pow)
	r, _ := new(big.Float).SetInt(q).Float64()
	if q.Sign() == 0 && math.Signbit(x) {
		r = math.Copysign(0, -1)
	}
	if math.IsInf(r, 0) {
		return r, Exc("OverflowError", "rounded value too large to represent")
	}
	return r, nil
}

// roundHalfEvenRat returns x / div rounded to an integer, ties to even.
func roundHalfEvenRat(x *big.Rat, div *big.Int) *big.Int {
	num := new(big.Int).Set(x.Num())
	den := new(big.Int).Mul(x.Denom(), div)
	q, m := new(big.Int).DivMod(num, den, new(big.Int)) // floor division, 0 <= m < den
	c := new(big.Int).Lsh(m, 1).Cmp(den)
	if c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// PyRound returns Python's round(x, ndigits) for any number: with
// ndigits nil (round(x)) an int, ties to even (a float infinity or NaN is
// Python's OverflowError or ValueError); with an int ndigits a float for a
// float x (see Round) and an int for an int or bool x (rounded to tens,
// hundreds, ... when ndigits < 0). A non-number x or a non-int ndigits is
// Python's TypeError.
func PyRound(x, ndigits Value) (Value, error) {
	x, ndigits = norm(x), norm(ndigits)
	var nd *big.Int
	switch n := ndigits.(type) {
	case nil:
	case bool, int64, *big.Int:
		nd = bigOf(n)
	default:
		return nil, TypeError("'" + TypeName(ndigits) + "' object cannot be interpreted as an integer")
	}
	switch v := x.(type) {
	case float64:
		if nd == nil {
			switch {
			case math.IsNaN(v):
				return nil, ValueError("cannot convert float NaN to integer")
			case math.IsInf(v, 0):
				return nil, Exc("OverflowError", "cannot convert float infinity to integer")
			}
			q := roundHalfEvenRat(new(big.Rat).SetFloat64(v), big.NewInt(1))
			return norm(q), nil
		}
		n := clampInt(nd)
		return roundFloat(v, n)
	case bool, int64, *big.Int:
		i := bigOf(v)
		if nd == nil || nd.Sign() >= 0 {
			return norm(new(big.Int).Set(i)), nil
		}
		k := new(big.Int).Neg(nd)
		if k.BitLen() > 31 || k.Int64() > int64(len(i.String())+1) {
			return int64(0), nil
		}
		pow := new(big.Int).Exp(big.NewInt(10), k, nil)
		q := roundHalfEvenRat(new(big.Rat).SetInt(i), pow)
		return norm(q.Mul(q, pow)), nil
	}
	return nil, TypeError("type " + TypeName(x) + " doesn't define __round__ method")
}

func clampInt(n *big.Int) int {
	switch {
	case n.Cmp(big.NewInt(math.MaxInt32)) > 0:
		return math.MaxInt32
	case n.Cmp(big.NewInt(math.MinInt32)) < 0:
		return math.MinInt32
	}
	return int(n.Int64())
}
