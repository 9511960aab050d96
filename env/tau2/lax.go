package tau2

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// The string forms pydantic's lax mode (v2) accepts for int, float and
// bool fields. Both the shared validator (pydantic.go) and the telecom
// domain's use them; lax_test.go holds inputs and pydantic's answers.

// LaxInt parses s as a pydantic int field does: surrounding whitespace,
// one sign, digits with single underscores between them, and a tail of a
// '.' and zeros (at least one); an int past int64 is a *big.Int.
func LaxInt(s string) (pyval.Value, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		if i == len(s)-1 || strings.Trim(s[i+1:], "0") != "" {
			return nil, false
		}
		s = s[:i]
	}
	body := s
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	if !digitGroups(body) {
		return nil, false
	}
	s = strings.ReplaceAll(s, "_", "")
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i, true
	}
	b, ok := new(big.Int).SetString(strings.TrimPrefix(s, "+"), 10)
	if !ok {
		return nil, false
	}
	return b, true
}

// LaxFloat parses s as a pydantic float field does: surrounding
// whitespace; underscores anywhere inside but not at either end nor two
// in a row (they are dropped first, so "i_nf" is inf); inf, infinity and
// nan in any case, with a sign; or a decimal number (digits before or
// after the point, an optional exponent). Out of range is ±inf or 0, as
// in Python.
func LaxFloat(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if strings.IndexByte(s, '_') >= 0 {
		if s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
			return 0, false
		}
		s = strings.ReplaceAll(s, "_", "")
	}
	body := s
	neg := false
	if body != "" && (body[0] == '+' || body[0] == '-') {
		neg, body = body[0] == '-', body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if neg {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	mant, exp, hasExp := body, "", false
	if i := strings.IndexAny(body, "eE"); i >= 0 {
		mant, exp, hasExp = body[:i], body[i+1:], true
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" && frac == "" || intPart != "" && !allDigits(intPart) || frac != "" && !allDigits(frac) {
		return 0, false
	}
	if hasExp {
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		if exp == "" || !allDigits(exp) {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}

// LaxBool parses s as a pydantic bool field does: one of 0, off, f,
// false, n, no, 1, on, t, true, y, yes in any case, with no surrounding
// whitespace.
func LaxBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "0", "off", "f", "false", "n", "no":
		return false, true
	case "1", "on", "t", "true", "y", "yes":
		return true, true
	}
	return false, false
}

// digitGroups reports whether s is ASCII digits with single underscores
// between them.
func digitGroups(s string) bool {
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if s[i-1] == '_' {
				return false
			}
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// allDigits reports whether s is ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
