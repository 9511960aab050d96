package bank

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/toolgym/toolgym/tool"
)

// Money is an exact amount in cents (hundredths of the currency unit). It
// marshals as a decimal string with two places ("1250.00", "-842.16") and
// unmarshals exactly from such a string or from a JSON number, so no
// floating-point rounding ever touches a balance.
type Money int64

// maxMoneyDigits bounds the integer part of an amount (13 digits, under
// 10 trillion units), far from int64 overflow.
const maxMoneyDigits = 13

var (
	errMoneySyntax   = errors.New("not a decimal amount")
	errMoneyDecimals = errors.New("more than 2 decimal places")
	errMoneyTooLarge = errors.New("too large")
)

// String formats m with two decimals and no thousands separator: "-842.16".
func (m Money) String() string {
	u := uint64(m)
	sign := ""
	if m < 0 {
		u = uint64(-m)
		sign = "-"
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

// ParseMoney parses a decimal amount such as "1250", "1250.5" or "-842.16"
// exactly. It rejects exponents, more than 2 decimals and more than 13
// integer digits.
func ParseMoney(s string) (Money, error) {
	m, err := parseMoney(s)
	if err != nil {
		return 0, fmt.Errorf("amount %q: %w", s, err)
	}
	return m, nil
}

func parseMoney(s string) (Money, error) {
	neg := false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if intPart == "" || !allDigits(intPart) || (hasDot && (frac == "" || !allDigits(frac))) {
		return 0, errMoneySyntax
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > maxMoneyDigits {
		return 0, errMoneyTooLarge
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > 2 {
		return 0, errMoneyDecimals
	}
	frac += strings.Repeat("0", 2-len(frac))
	n, err := strconv.ParseInt(intPart+frac, 10, 64)
	if err != nil {
		return 0, errMoneySyntax
	}
	if neg {
		n = -n
	}
	return Money(n), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MarshalJSON writes m as a decimal string.
func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(`"` + m.String() + `"`), nil
}

// UnmarshalJSON reads a decimal string or a JSON number, exactly.
func (m *Money) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	v, err := ParseMoney(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// amountArg converts an amount a model gave as a JSON number into Money.
// The float's shortest decimal form is what the model wrote (for up to 15
// significant digits), so parsing that text is exact.
func amountArg(field string, f float64) (Money, error) {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	m, err := parseMoney(s)
	switch {
	case errors.Is(err, errMoneyDecimals):
		return 0, tool.Errorf("%s %s has more than 2 decimal places; give it in cents at most, like 12.34", field, s)
	case errors.Is(err, errMoneyTooLarge):
		return 0, tool.Errorf("%s %s is too large", field, strconv.FormatFloat(f, 'g', -1, 64))
	case err != nil:
		return 0, tool.Errorf("%s %s is not a valid amount", field, s)
	case m <= 0:
		return 0, tool.Errorf("%s must be greater than 0.00, got %s", field, m)
	}
	return m, nil
}

// Rate is an exchange rate in millionths (1.0842 is 1084200). It marshals
// as a decimal string with at least 4 decimals and unmarshals exactly from
// a string or a JSON number with at most 6 decimals.
type Rate int64

const rateScale = 1_000_000

// String formats r with at least 4 and at most 6 decimals: "1.0842".
func (r Rate) String() string {
	s := fmt.Sprintf("%d.%06d", int64(r)/rateScale, int64(r)%rateScale)
	for strings.HasSuffix(s, "0") && len(s)-strings.IndexByte(s, '.') > 5 {
		s = s[:len(s)-1]
	}
	return s
}

// ParseRate parses a positive decimal rate with at most 6 decimals.
func ParseRate(s string) (Rate, error) {
	intPart, frac, hasDot := strings.Cut(s, ".")
	if intPart == "" || !allDigits(intPart) || (hasDot && (frac == "" || !allDigits(frac))) {
		return 0, fmt.Errorf("rate %q: not a positive decimal number", s)
	}
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	if len(intPart) > 6 {
		return 0, fmt.Errorf("rate %q: too large", s)
	}
	if len(frac) > 6 {
		return 0, fmt.Errorf("rate %q: more than 6 decimal places", s)
	}
	n, err := strconv.ParseInt(intPart+frac+strings.Repeat("0", 6-len(frac)), 10, 64)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("rate %q: must be greater than 0", s)
	}
	return Rate(n), nil
}

// MarshalJSON writes r as a decimal string.
func (r Rate) MarshalJSON() ([]byte, error) {
	return []byte(`"` + r.String() + `"`), nil
}

// UnmarshalJSON reads a decimal string or a JSON number, exactly.
func (r *Rate) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	v, err := ParseRate(s)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Convert returns m converted at rate r, rounded to the cent, halves away
// from zero.
func Convert(m Money, r Rate) Money {
	p := new(big.Int).Mul(big.NewInt(int64(m)), big.NewInt(int64(r)))
	neg := p.Sign() < 0
	p.Abs(p)
	p.Add(p, big.NewInt(rateScale/2))
	p.Quo(p, big.NewInt(rateScale))
	if neg {
		p.Neg(p)
	}
	return Money(p.Int64())
}

// dateLayout is the only date format the bank reads and writes.
const dateLayout = time.DateOnly

// parseDate parses a YYYY-MM-DD date.
func parseDate(s string) (time.Time, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	return t, nil
}

// jsonString quotes s as JSON does, for error messages.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
