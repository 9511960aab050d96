package telecom

import (
	"math"
	"math/big"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// A small model of pydantic's lax-mode validation, enough for the
// domain's models: it turns Python values into a model's model_dump()
// (fields in declaration order, defaults filled in, values coerced) or
// into pydantic's ValidationError text.

type kind int

const (
	kAny kind = iota
	kStr
	kInt
	kFloat
	kBool
	kEnum
	kDate
	kDateTime
	kList
	kDict
	kOpt
	kModel
)

// typ is a field type.
type typ struct {
	k     kind
	enum  *enumDef
	elem  *typ // list, dict values, optional
	key   *typ // dict keys (nil: str)
	model *modelDef
}

// enumDef is a str Enum class: its name and values in order.
type enumDef struct {
	name string
	vals []string
}

func (e *enumDef) has(s string) bool {
	for _, v := range e.vals {
		if v == s {
			return true
		}
	}
	return false
}

// field is one model field; def, when set, makes the default (a fresh
// value each time, as default_factory does).
type field struct {
	name string
	t    *typ
	def  func() pyval.Value
}

// modelDef is a model class.
type modelDef struct {
	name   string
	fields []field
	forbid bool
}

var (
	tStr      = &typ{k: kStr}
	tInt      = &typ{k: kInt}
	tFloat    = &typ{k: kFloat}
	tBool     = &typ{k: kBool}
	tDate     = &typ{k: kDate}
	tDateTime = &typ{k: kDateTime}
)

func tEnum(e *enumDef) *typ         { return &typ{k: kEnum, enum: e} }
func tList(e *typ) *typ             { return &typ{k: kList, elem: e} }
func tDict(key, e *typ) *typ        { return &typ{k: kDict, key: key, elem: e} }
func tOpt(e *typ) *typ              { return &typ{k: kOpt, elem: e} }
func tModel(m *modelDef) *typ       { return &typ{k: kModel, model: m} }
func req(name string, t *typ) field { return field{name: name, t: t} }
func def(name string, t *typ, v pyval.Value) field {
	return field{name: name, t: t, def: func() pyval.Value { return pyval.DeepCopy(v) }}
}
func defFn(name string, t *typ, fn func() pyval.Value) field {
	return field{name: name, t: t, def: fn}
}

type validator struct{ errs []tau2.ErrorLine }

func (v *validator) fail(loc []pyval.Value, typ, msg string, input pyval.Value) pyval.Value {
	v.errs = append(v.errs, tau2.ErrorLine{Loc: append([]pyval.Value(nil), loc...), Type: typ, Msg: msg, Input: input})
	return nil
}

// validate validates input as m and returns its model_dump().
func validate(m *modelDef, input pyval.Value) (*pyval.Dict, error) {
	v := &validator{}
	out := v.model(m, input, nil)
	if len(v.errs) > 0 {
		return nil, (&tau2.ValidationError{Title: m.name, Errors: v.errs}).Exception()
	}
	return out.(*pyval.Dict), nil
}

// construct is Model(**kwargs): kwargs as name, value pairs.
func construct(m *modelDef, kv ...pyval.Value) (*pyval.Dict, error) {
	return validate(m, pyval.DictOf(kv...))
}

func (v *validator) model(m *modelDef, input pyval.Value, loc []pyval.Value) pyval.Value {
	d, ok := input.(*pyval.Dict)
	if !ok {
		return v.fail(loc, "model_type", "Input should be a valid dictionary or instance of "+m.name, input)
	}
	out := pyval.NewDict()
	for i := range m.fields {
		f := &m.fields[i]
		x, ok := d.Get(f.name)
		if !ok {
			if f.def != nil {
				out.Set(f.name, f.def())
				continue
			}
			v.fail(tau2.ExtendLoc(loc, f.name), "missing", "Field required", d)
			continue
		}
		out.Set(f.name, v.typ(f.t, x, tau2.ExtendLoc(loc, f.name)))
	}
	if m.forbid {
		d.Items(func(k, x pyval.Value) bool {
			known := false
			if s, ok := k.(string); ok {
				for i := range m.fields {
					known = known || m.fields[i].name == s
				}
			}
			if !known {
				v.fail(tau2.ExtendLoc(loc, k), "extra_forbidden", "Extra inputs are not permitted", x)
			}
			return true
		})
	}
	return out
}

func (v *validator) typ(t *typ, x pyval.Value, loc []pyval.Value) pyval.Value {
	switch t.k {
	case kAny:
		return x
	case kStr:
		if s, ok := x.(string); ok {
			return s
		}
		return v.fail(loc, "string_type", "Input should be a valid string", x)
	case kInt:
		return v.intValue(x, loc)
	case kFloat:
		return v.floatValue(x, loc)
	case kBool:
		return v.boolValue(x, loc)
	case kEnum:
		if s, ok := x.(string); ok && t.enum.has(s) {
			return s
		}
		return v.fail(loc, "enum", "Input should be "+tau2.OrList(t.enum.vals), x)
	case kDate:
		return v.dateValue(x, loc)
	case kDateTime:
		return v.dateTimeValue(x, loc)
	case kList:
		xs, ok := x.([]pyval.Value)
		if !ok {
			if tu, isTuple := x.(pyval.Tuple); isTuple {
				xs, ok = tu, true
			}
		}
		if !ok {
			return v.fail(loc, "list_type", "Input should be a valid list", x)
		}
		out := make([]pyval.Value, len(xs))
		for i, e := range xs {
			out[i] = v.typ(t.elem, e, tau2.ExtendLoc(loc, int64(i)))
		}
		return out
	case kDict:
		d, ok := x.(*pyval.Dict)
		if !ok {
			return v.fail(loc, "dict_type", "Input should be a valid dictionary", x)
		}
		key := t.key
		if key == nil {
			key = tStr
		}
		out := pyval.NewDict()
		d.Items(func(k, e pyval.Value) bool {
			kk := v.typ(key, k, tau2.ExtendLoc(tau2.ExtendLoc(loc, k), "[key]"))
			ev := v.typ(t.elem, e, tau2.ExtendLoc(loc, k))
			if kk != nil {
				out.Set(kk, ev)
			}
			return true
		})
		return out
	case kOpt:
		if x == nil {
			return nil
		}
		return v.typ(t.elem, x, loc)
	case kModel:
		return v.model(t.model, x, loc)
	}
	return x
}

func (v *validator) intValue(x pyval.Value, loc []pyval.Value) pyval.Value {
	switch n := x.(type) {
	case bool:
		if n {
			return int64(1)
		}
		return int64(0)
	case int64, *big.Int:
		return n
	case float64:
		switch {
		case math.IsNaN(n) || math.IsInf(n, 0):
			return v.fail(loc, "finite_number", "Input should be a finite number", x)
		case n != math.Trunc(n):
			return v.fail(loc, "int_from_float", "Input should be a valid integer, got a number with a fractional part", x)
		case n >= 9.223372036854775807e18 || n < -9.223372036854775808e18:
			return v.fail(loc, "int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size", x)
		}
		return int64(n)
	case string:
		if i, ok := tau2.LaxInt(n); ok {
			return i
		}
		return v.fail(loc, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", x)
	}
	return v.fail(loc, "int_type", "Input should be a valid integer", x)
}

func (v *validator) floatValue(x pyval.Value, loc []pyval.Value) pyval.Value {
	switch n := x.(type) {
	case float64:
		return n
	case bool:
		return toFloat(n)
	case int64:
		return float64(n)
	case *big.Int:
		return toFloat(n)
	case string:
		if f, ok := tau2.LaxFloat(n); ok {
			return f
		}
		return v.fail(loc, "float_parsing", "Input should be a valid number, unable to parse string as a number", x)
	}
	return v.fail(loc, "float_type", "Input should be a valid number", x)
}

func (v *validator) boolValue(x pyval.Value, loc []pyval.Value) pyval.Value {
	switch n := x.(type) {
	case bool:
		return n
	case int64:
		if n == 0 || n == 1 {
			return n == 1
		}
	case float64:
		if n == 0 || n == 1 {
			return n == 1
		}
	case string:
		if b, ok := tau2.LaxBool(n); ok {
			return b
		}
	default:
		return v.fail(loc, "bool_type", "Input should be a valid boolean", x)
	}
	return v.fail(loc, "bool_parsing", "Input should be a valid boolean, unable to interpret input", x)
}

func (v *validator) dateValue(x pyval.Value, loc []pyval.Value) pyval.Value {
	switch d := x.(type) {
	case date:
		return d
	case datetime:
		if d.h != 0 || d.mi != 0 || d.s != 0 || d.us != 0 {
			return v.fail(loc, "date_from_datetime_inexact", "Datetimes provided to dates should have zero time - e.g. be exact dates", x)
		}
		return d.date
	case string:
		dd, rest, msg := parseDate(d)
		if msg != "" {
			return v.fail(loc, "date_from_datetime_parsing", "Input should be a valid date or datetime, "+msg, x)
		}
		if rest == "" {
			return dd
		}
		dt, msg := parseDateTimeRest(dd, rest)
		if msg != "" {
			return v.fail(loc, "date_from_datetime_parsing", "Input should be a valid date or datetime, "+msg, x)
		}
		if dt.h != 0 || dt.mi != 0 || dt.s != 0 || dt.us != 0 {
			return v.fail(loc, "date_from_datetime_inexact", "Datetimes provided to dates should have zero time - e.g. be exact dates", x)
		}
		return dd
	}
	return v.fail(loc, "date_type", "Input should be a valid date", x)
}

func (v *validator) dateTimeValue(x pyval.Value, loc []pyval.Value) pyval.Value {
	switch d := x.(type) {
	case datetime:
		return d
	case date:
		return datetime{date: d}
	case string:
		dd, rest, msg := parseDate(d)
		if msg == "" && rest == "" {
			return datetime{date: dd}
		}
		if msg == "" {
			var dt datetime
			if dt, msg = parseDateTimeRest(dd, rest); msg == "" {
				return dt
			}
		}
		return v.fail(loc, "datetime_from_date_parsing", "Input should be a valid datetime or date, "+msg, x)
	}
	return v.fail(loc, "datetime_type", "Input should be a valid datetime", x)
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// parseDate parses the YYYY-MM-DD head of s, returning the rest; msg is
// pydantic's reason when it fails.
func parseDate(s string) (d date, rest, msg string) {
	if len(s) < 10 {
		return d, "", "input is too short"
	}
	y, ok := digits(s[:4])
	if !ok {
		return d, "", "invalid character in year"
	}
	if s[4] != '-' {
		return d, "", "invalid date separator, expected `-`"
	}
	m, ok := digits(s[5:7])
	if !ok {
		return d, "", "invalid character in month"
	}
	if s[7] != '-' {
		return d, "", "invalid date separator, expected `-`"
	}
	dd, ok := digits(s[8:10])
	if !ok {
		return d, "", "invalid character in day"
	}
	if m < 1 || m > 12 {
		return d, "", "month value is outside expected range of 1-12"
	}
	if dd < 1 || dd > daysIn(y, m) {
		return d, "", "day value is outside expected range"
	}
	return date{y, m, dd}, s[10:], ""
}

// parseDateTimeRest parses "THH:MM[:SS[.ffffff]][Z|±HH:MM]" after a date.
func parseDateTimeRest(d date, s string) (datetime, string) {
	dt := datetime{date: d}
	if s[0] != 'T' && s[0] != 't' && s[0] != ' ' && s[0] != '_' {
		return dt, "invalid character in hour"
	}
	s = s[1:]
	if len(s) < 5 {
		return dt, "input is too short"
	}
	var ok bool
	if dt.h, ok = digits(s[:2]); !ok {
		return dt, "invalid character in hour"
	}
	if s[2] != ':' {
		return dt, "invalid time separator, expected `:`"
	}
	if dt.mi, ok = digits(s[3:5]); !ok {
		return dt, "invalid character in minute"
	}
	s = s[5:]
	if len(s) >= 3 && s[0] == ':' {
		if dt.s, ok = digits(s[1:3]); !ok {
			return dt, "invalid character in second"
		}
		s = s[3:]
		if len(s) > 0 && (s[0] == '.' || s[0] == ',') {
			i := 1
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			frac := s[1:i]
			if frac == "" {
				return dt, "second fraction value is missing"
			}
			for len(frac) < 6 {
				frac += "0"
			}
			dt.us, _ = digits(frac[:6])
			s = s[i:]
		}
	}
	if dt.h > 23 {
		return dt, "hour value is outside expected range of 0-23"
	}
	if dt.mi > 59 {
		return dt, "minute value is outside expected range of 0-59"
	}
	if dt.s > 59 {
		return dt, "second value is outside expected range of 0-59"
	}
	switch {
	case s == "":
	case s == "Z" || s == "z":
		dt.tz = true
	case (s[0] == '+' || s[0] == '-') && len(s) == 6 && s[3] == ':':
		hh, ok1 := digits(s[1:3])
		mm, ok2 := digits(s[4:6])
		if !ok1 || !ok2 {
			return dt, "invalid timezone sign"
		}
		dt.tz, dt.offset = true, hh*3600+mm*60
		if s[0] == '-' {
			dt.offset = -dt.offset
		}
	default:
		return dt, "unexpected extra characters at the end of the input"
	}
	return dt, ""
}
