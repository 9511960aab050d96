package posting

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/toolgym/toolgym/pyval"
)

// This file holds the few Python operations the reference's methods
// perform on values a model may send with any type (truth, membership,
// len, subscription, iteration, str.lower, int()), each raising the
// exception text CPython 3.11 raises.

// typeName returns type(v).__name__.
func typeName(v pyval.Value) string { return pyval.TypeName(v) }

// hashable returns the TypeError hash(v) raises, or nil.
func hashable(v pyval.Value) error {
	switch x := v.(type) {
	case nil, bool, int64, *big.Int, float64, string:
		return nil
	case []pyval.Value, *pyval.Dict, *pyval.Set:
		return pyval.TypeError(fmt.Sprintf("unhashable type: '%s'", typeName(v)))
	case pyval.Tuple:
		for _, e := range x {
			if err := hashable(e); err != nil {
				return err
			}
		}
	default:
		if !pyval.Hashable(v) {
			return pyval.TypeError(fmt.Sprintf("unhashable type: '%s'", typeName(v)))
		}
	}
	return nil
}

// dictGet returns d[key] as `key in d` finds it, raising TypeError for an
// unhashable key.
func dictGet(d *pyval.Dict, key pyval.Value) (pyval.Value, bool, error) {
	if err := hashable(key); err != nil {
		return nil, false, err
	}
	v, ok := d.Get(key)
	return v, ok, nil
}

// asDict returns v as a dict, or the TypeError "'<type>' object <what>"
// that the attempted operation raises on another type.
func asDict(v pyval.Value, what string) (*pyval.Dict, error) {
	if d, ok := v.(*pyval.Dict); ok {
		return d, nil
	}
	return nil, pyval.TypeError(fmt.Sprintf("'%s' object %s", typeName(v), what))
}

// contains returns `x in container`.
func contains(container, x pyval.Value) (bool, error) {
	switch c := container.(type) {
	case []pyval.Value:
		return seqContains(c, x), nil
	case pyval.Tuple:
		return seqContains(c, x), nil
	case *pyval.Dict:
		_, ok, err := dictGet(c, x)
		return ok, err
	case *pyval.Set:
		if err := hashable(x); err != nil {
			return false, err
		}
		return c.Has(x), nil
	case string:
		s, ok := x.(string)
		if !ok {
			return false, pyval.TypeError(fmt.Sprintf("'in <string>' requires string as left operand, not %s", typeName(x)))
		}
		return strings.Contains(c, s), nil
	}
	return false, pyval.TypeError(fmt.Sprintf("argument of type '%s' is not iterable", typeName(container)))
}

func seqContains(s []pyval.Value, x pyval.Value) bool {
	for _, e := range s {
		if pyval.Equal(e, x) {
			return true
		}
	}
	return false
}

// length returns len(v).
func length(v pyval.Value) (int64, error) {
	switch x := v.(type) {
	case []pyval.Value:
		return int64(len(x)), nil
	case pyval.Tuple:
		return int64(len(x)), nil
	case *pyval.Dict:
		return int64(x.Len()), nil
	case *pyval.Set:
		return int64(x.Len()), nil
	case string:
		return int64(utf8.RuneCountInString(x)), nil
	}
	return 0, pyval.TypeError(fmt.Sprintf("object of type '%s' has no len()", typeName(v)))
}

// item returns container[key] for a str key (pass a constant: a
// constant boxes without allocating).
func item(container, key pyval.Value) (pyval.Value, error) {
	switch c := container.(type) {
	case *pyval.Dict:
		v, ok := c.Get(key)
		if !ok {
			return nil, pyval.KeyError(key)
		}
		return v, nil
	case []pyval.Value:
		return nil, pyval.TypeError("list indices must be integers or slices, not str")
	case pyval.Tuple:
		return nil, pyval.TypeError("tuple indices must be integers or slices, not str")
	case string:
		return nil, pyval.TypeError("string indices must be integers, not 'str'")
	}
	return nil, pyval.TypeError(fmt.Sprintf("'%s' object is not subscriptable", typeName(container)))
}

// iterate returns the items `for x in v` visits.
func iterate(v pyval.Value) ([]pyval.Value, error) {
	switch x := v.(type) {
	case []pyval.Value:
		return x, nil
	case pyval.Tuple:
		return x, nil
	case *pyval.Dict:
		return x.Keys(), nil
	case string:
		out := make([]pyval.Value, 0, len(x))
		for _, r := range x {
			out = append(out, string(r))
		}
		return out, nil
	}
	return nil, pyval.TypeError(fmt.Sprintf("'%s' object is not iterable", typeName(v)))
}

// noAttr is the AttributeError for a missing attribute.
func noAttr(v pyval.Value, attr string) error {
	return pyval.Exc("AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", typeName(v), attr))
}

// lower returns v.lower() for a str v: Python's full lowercase mapping,
// with its special case (U+0130) and final sigma.
func lower(v pyval.Value) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", noAttr(v, "lower")
	}
	return pyLower(s), nil
}

func pyLower(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == 'İ':
			b.WriteString("i\u0307")
		case r == 'Σ':
			if finalSigma(s, i) {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at byte i ends a word as
// Unicode's Final_Sigma condition (which CPython applies) defines it: a
// cased letter before it (skipping case-ignorable ones) and none after.
func finalSigma(s string, i int) bool {
	before := false
	for j := i; j > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		j -= n
		if caseIgnorable(r) {
			continue
		}
		before = cased(r)
		break
	}
	if !before {
		return false
	}
	for j := i + len("Σ"); j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		j += n
		if caseIgnorable(r) {
			continue
		}
		return !cased(r)
	}
	return true
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.In(r, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

func caseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) ||
		strings.ContainsRune("'.:^`\u00b7\u0387\u055f\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a", r)
}

// pyInt returns int(k) for a dict key of a scenario: a str of base-10
// digits (surrounding whitespace, a sign and single underscores between
// digits allowed), or a number.
func pyInt(k pyval.Value) (pyval.Value, error) {
	switch x := k.(type) {
	case int64, *big.Int:
		return x, nil
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case float64:
		if math.IsNaN(x) {
			return nil, pyval.ValueError("cannot convert float NaN to integer")
		}
		if math.IsInf(x, 0) {
			return nil, pyval.Exc("OverflowError", "cannot convert float infinity to integer")
		}
		t := math.Trunc(x)
		if t >= -(1<<63) && t < 1<<63 {
			return int64(t), nil
		}
		bf := new(big.Float).SetFloat64(t)
		bi, _ := bf.Int(nil)
		return bi, nil
	case string:
		if v, ok := parseDecimal(x); ok {
			return v, nil
		}
		return nil, pyval.ValueError("invalid literal for int() with base 10: " + pyval.Repr(x))
	}
	return nil, pyval.TypeError(fmt.Sprintf("int() argument must be a string, a bytes-like object or a real number, not '%s'", typeName(k)))
}

func parseDecimal(s string) (pyval.Value, bool) {
	if n, ok := plainDigits(s); ok {
		return n, true
	}
	s = strings.TrimFunc(s, unicode.IsSpace)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' {
		return nil, false
	}
	digits := make([]byte, 0, len(s)+1)
	if neg {
		digits = append(digits, '-')
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			digits = append(digits, c)
		case c == '_' && s[i+1] != '_':
		default:
			return nil, false
		}
	}
	n, ok := new(big.Int).SetString(string(digits), 10)
	if !ok {
		return nil, false
	}
	if n.IsInt64() {
		return n.Int64(), true
	}
	return n, true
}

// plainDigits parses the common key: 1 to 18 ASCII digits, nothing else
// (so it fits in int64).
func plainDigits(s string) (int64, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// addOne returns v + 1 as `v += 1` computes it.
func addOne(v pyval.Value) (pyval.Value, error) {
	switch x := v.(type) {
	case int64:
		if x == math.MaxInt64 {
			return new(big.Int).Add(big.NewInt(x), big.NewInt(1)), nil
		}
		return x + 1, nil
	case *big.Int:
		n := new(big.Int).Add(x, big.NewInt(1))
		if n.IsInt64() {
			return n.Int64(), nil
		}
		return n, nil
	case bool:
		if x {
			return int64(2), nil
		}
		return int64(1), nil
	case float64:
		return x + 1, nil
	case string:
		return nil, pyval.TypeError(`can only concatenate str (not "int") to str`)
	case []pyval.Value:
		return nil, pyval.TypeError("'int' object is not iterable")
	}
	return nil, pyval.TypeError(fmt.Sprintf("unsupported operand type(s) for +=: '%s' and 'int'", typeName(v)))
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// lowerContains returns `kw in s.lower()` for an already lowered kw,
// without building s.lower() when s is ASCII (then lowering maps byte to
// byte).
func lowerContains(s, kw string) bool {
	if !isASCII(s) {
		return strings.Contains(pyLower(s), kw)
	}
	n := len(kw)
	if n == 0 {
		return true
	}
	first := kw[0]
	for i := 0; i+n <= len(s); i++ {
		if lowerByte(s[i]) != first {
			continue
		}
		j := 1
		for j < n && lowerByte(s[i+j]) == kw[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

// lowerEquals returns `s.lower() == kw` for an already lowered kw.
func lowerEquals(s, kw string) bool {
	if !isASCII(s) {
		return pyLower(s) == kw
	}
	if len(s) != len(kw) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != kw[i] {
			return false
		}
	}
	return true
}
