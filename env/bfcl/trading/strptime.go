package trading

import (
	"regexp"
	"time"

	"github.com/toolgym/toolgym/pyval"
)

// The reference filters transactions with datetime.strptime. CPython's
// _strptime turns a format into a regular expression matched from the
// start of the string (Unicode digits count as digits, whitespace in the
// format matches any run of whitespace), reports leftover text, and then
// lets the date constructor reject impossible dates. Go's regexp picks the
// same leftmost-first match as Python's backtracking engine, so the
// directive patterns below are CPython's own.
const (
	reDigit = `\p{Nd}`
	reYear  = `(` + reDigit + reDigit + reDigit + reDigit + `)`
	reMonth = `(1[0-2]|0[1-9]|[1-9])`
	reDay   = `(3[01]|[12]` + reDigit + `|0[1-9]|[1-9]| [1-9])`
	reHour  = `(2[0-3]|[0-1]` + reDigit + `|` + reDigit + `)`
	reMin   = `([0-5]` + reDigit + `|` + reDigit + `)`
	reSec   = `(6[0-1]|[0-5]` + reDigit + `|` + reDigit + `)`
	reSpace = `[\t\n\v\f\r\x1c-\x1f\x85\p{Z}]+`
)

// dateFormat and dateTimeFormat are the two formats the reference parses.
const (
	dateFormat     = "%Y-%m-%d"
	dateTimeFormat = "%Y-%m-%d %H:%M:%S"
)

var (
	dateRE     = regexp.MustCompile(`^` + reYear + `-` + reMonth + `-` + reDay)
	dateTimeRE = regexp.MustCompile(`^` + reYear + `-` + reMonth + `-` + reDay + reSpace + reHour + `:` + reMin + `:` + reSec)
)

// moment is a naive datetime as seconds since 0001-01-01 00:00:00 of the
// proleptic Gregorian calendar; datetimes the reference compares never
// carry microseconds except datetime.max, which momentMax stands for.
type moment int64

var (
	epoch0    = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	momentMin = moment(0)
	momentMax = moment(time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC).Unix() - epoch0)
)

// strptime is datetime.strptime(v, format) for dateFormat and
// dateTimeFormat, with CPython's exceptions.
func strptime(v pyval.Value, format string) (moment, error) {
	s, ok := v.(string)
	if !ok {
		return 0, pyval.TypeError("strptime() argument 1 must be str, not " + pyval.TypeName(v))
	}
	re := dateRE
	if format == dateTimeFormat {
		re = dateTimeRE
	}
	m := re.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, pyval.ValueError("time data " + pyval.Repr(s) + " does not match format " + pyval.Repr(format))
	}
	if m[1] != len(s) {
		return 0, pyval.ValueError("unconverted data remains: " + s[m[1]:])
	}
	var f [6]int
	for i := 0; 2*i+3 < len(m) && i < len(f); i++ {
		f[i] = atoiDigits(s[m[2*i+2]:m[2*i+3]])
	}
	year, month, day := f[0], f[1], f[2]
	if year < 1 {
		return 0, pyval.ValueError("year 0 is out of range")
	}
	if day > daysIn(year, month) {
		return 0, pyval.ValueError("day is out of range for month")
	}
	if f[5] > 59 {
		return 0, pyval.ValueError("second must be in 0..59")
	}
	t := time.Date(year, time.Month(month), day, f[3], f[4], f[5], 0, time.UTC)
	return moment(t.Unix() - epoch0), nil
}

// atoiDigits converts digits (any Unicode decimal digits, and the space
// CPython's day pattern allows before one digit) to an int.
func atoiDigits(s string) int {
	n := 0
	for _, r := range s {
		if r == ' ' {
			continue
		}
		n = 10*n + digitValue(r)
	}
	return n
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
