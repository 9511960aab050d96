package pyval

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrInvalidJSON is wrapped by every *JSONDecodeError.
var ErrInvalidJSON = errors.New("pyval: invalid JSON")

// JSONDecodeError is a FromJSON failure, with Python's message and
// position: its Error() is str(json.JSONDecodeError), such as "Expecting
// value: line 1 column 1 (char 0)".
type JSONDecodeError struct {
	Msg  string // "Expecting value", "Extra data", ...
	Pos  int    // offset in characters (code points), as Python counts
	Line int    // 1-based
	Col  int    // 1-based, in characters
}

// Error returns Python's str(json.JSONDecodeError).
func (e *JSONDecodeError) Error() string {
	return fmt.Sprintf("%s: line %d column %d (char %d)", e.Msg, e.Line, e.Col, e.Pos)
}

// Unwrap returns ErrInvalidJSON.
func (e *JSONDecodeError) Unwrap() error { return ErrInvalidJSON }

// maxIntDigits is CPython 3.11's default int_max_str_digits.
const maxIntDigits = 4300

// FromJSON decodes UTF-8 JSON into a Value as Python's json.loads does:
// objects into *Dict in document order (a repeated key keeps its first
// position and its last value), integers (no '.', 'e' or 'E') into int64
// or *big.Int, other numbers into float64 (1e400 is inf), arrays into
// []Value, and NaN, Infinity and -Infinity accepted. A lone surrogate
// escape ("\ud800"), which a Python str can hold and a Go string cannot,
// decodes to U+FFFD. A leading UTF-8 byte order mark is skipped; other
// invalid UTF-8 is an error, as are integers of more than 4300 digits
// (Python's int_max_str_digits). Syntax errors are *JSONDecodeError with
// Python's message.
func FromJSON(b []byte) (Value, error) {
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		b = b[3:]
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%w: input is not valid UTF-8", ErrInvalidJSON)
	}
	d := decoders.Get().(*decoder)
	d.data, d.pos, d.depth = b, 0, 0
	v, err := d.decode()
	// A failed decode leaves items on the stacks: drop them.
	clear(d.keys)
	clear(d.vals)
	d.keys, d.vals, d.data = d.keys[:0], d.vals[:0], nil
	decoders.Put(d)
	return v, err
}

func (d *decoder) decode() (Value, error) {
	d.skipWS()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	d.skipWS()
	if d.pos != len(d.data) {
		return nil, d.errAt("Extra data", d.pos)
	}
	return v, nil
}

// decoders are reused, with their stacks and their interned strings.
var decoders = sync.Pool{New: func() any { return &decoder{interned: map[string]Value{}} }}

// Interning: object keys and short string values repeat across the
// documents a program decodes (record fields, enum-like values). A
// decoder keeps up to maxInterned of them, each already boxed as a Value,
// so a repeat costs a map lookup and no allocation. Strings are
// immutable, so decoded values may share them.
const (
	maxInterned    = 8192
	maxInternedLen = 32 // longer strings are rarely repeated
)

type decoder struct {
	data  []byte
	pos   int
	depth int
	// keys and vals are stacks of the items of the objects and arrays
	// being read, so each container is allocated once at its final size.
	keys []Value // strings
	vals []Value
	// interned maps strings seen before to their boxed values.
	interned map[string]Value
}

func (d *decoder) errAt(msg string, pos int) error {
	prefix := d.data[:pos]
	chars := utf8.RuneCount(prefix)
	line, lastNL := 1, -1
	for i, c := range prefix {
		if c == '\n' {
			line++
			lastNL = i
		}
	}
	col := chars + 1
	if lastNL >= 0 {
		col = chars - utf8.RuneCount(prefix[:lastNL+1]) + 1
	}
	return &JSONDecodeError{Msg: msg, Pos: chars, Line: line, Col: col}
}

func (d *decoder) skipWS() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *decoder) hasPrefix(s string) bool {
	return len(d.data)-d.pos >= len(s) && string(d.data[d.pos:d.pos+len(s)]) == s
}

// value parses the value at d.pos (whitespace already skipped).
func (d *decoder) value() (Value, error) {
	if d.pos >= len(d.data) {
		return nil, d.errAt("Expecting value", d.pos)
	}
	switch c := d.data[d.pos]; {
	case c == '"':
		return d.strValue()
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case c == 'n' && d.hasPrefix("null"):
		d.pos += 4
		return nil, nil
	case c == 't' && d.hasPrefix("true"):
		d.pos += 4
		return true, nil
	case c == 'f' && d.hasPrefix("false"):
		d.pos += 5
		return false, nil
	case c == 'N' && d.hasPrefix("NaN"):
		d.pos += 3
		return math.NaN(), nil
	case c == 'I' && d.hasPrefix("Infinity"):
		d.pos += 8
		return math.Inf(1), nil
	case c == '-' && d.hasPrefix("-Infinity"):
		d.pos += 9
		return math.Inf(-1), nil
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	}
	return nil, d.errAt("Expecting value", d.pos)
}

func (d *decoder) enter() error {
	d.depth++
	if d.depth > maxJSONDepth {
		return fmt.Errorf("%w: nested deeper than %d", ErrInvalidJSON, maxJSONDepth)
	}
	return nil
}

func (d *decoder) object() (Value, error) {
	if err := d.enter(); err != nil {
		return nil, err
	}
	defer func() { d.depth-- }()
	d.pos++ // '{'
	d.skipWS()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		return NewDict(), nil
	}
	kbase, vbase := len(d.keys), len(d.vals)
	for {
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return nil, d.errAt("Expecting property name enclosed in double quotes", d.pos)
		}
		k, err := d.strValue()
		if err != nil {
			return nil, err
		}
		d.skipWS()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return nil, d.errAt("Expecting ':' delimiter", d.pos)
		}
		d.pos++
		d.skipWS()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		d.keys = append(d.keys, k)
		d.vals = append(d.vals, v)
		d.skipWS()
		if d.pos < len(d.data) {
			switch d.data[d.pos] {
			case '}':
				d.pos++
				return d.popDict(kbase, vbase), nil
			case ',':
				d.pos++
				d.skipWS()
				continue
			}
		}
		return nil, d.errAt("Expecting ',' delimiter", d.pos)
	}
}

// popDict builds the dict of the items pushed since kbase and vbase (a
// repeated key keeps its first place and its last value, as Python's json
// does) and pops them.
func (d *decoder) popDict(kbase, vbase int) *Dict {
	ks, vs := d.keys[kbase:], d.vals[vbase:]
	n := len(ks)
	obj := newDictCap(n)
	if n > smallDict {
		obj.index = make(map[any]int, n)
	}
	for i, kv := range ks {
		if obj.index != nil {
			if j, ok := obj.index[kv]; ok {
				obj.vals[j] = vs[i]
				continue
			}
			obj.index[kv] = len(obj.keys)
		} else if j := obj.find(kv); j >= 0 {
			obj.vals[j] = vs[i]
			continue
		}
		obj.keys = append(obj.keys, kv)
		obj.vals = append(obj.vals, vs[i])
		obj.hkeys = append(obj.hkeys, kv)
	}
	clear(ks)
	clear(vs)
	d.keys, d.vals = d.keys[:kbase], d.vals[:vbase]
	return obj
}

func (d *decoder) array() (Value, error) {
	if err := d.enter(); err != nil {
		return nil, err
	}
	defer func() { d.depth-- }()
	d.pos++ // '['
	d.skipWS()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		return []Value{}, nil
	}
	base := len(d.vals)
	for {
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		d.vals = append(d.vals, v)
		d.skipWS()
		if d.pos < len(d.data) {
			switch d.data[d.pos] {
			case ']':
				d.pos++
				list := make([]Value, len(d.vals)-base)
				copy(list, d.vals[base:])
				clear(d.vals[base:])
				d.vals = d.vals[:base]
				return list, nil
			case ',':
				d.pos++
				d.skipWS()
				continue
			}
		}
		return nil, d.errAt("Expecting ',' delimiter", d.pos)
	}
}

// number parses -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?, Python's number
// pattern; what follows a partial match (the "." of "1.") is left for the
// caller to reject.
func (d *decoder) number() (Value, error) {
	start := d.pos
	p := d.pos
	data := d.data
	if data[p] == '-' {
		p++
	}
	digits := func(p int) int {
		for p < len(data) && data[p] >= '0' && data[p] <= '9' {
			p++
		}
		return p
	}
	switch {
	case p < len(data) && data[p] == '0':
		p++
	case p < len(data) && data[p] >= '1' && data[p] <= '9':
		p = digits(p)
	default:
		return nil, d.errAt("Expecting value", start)
	}
	intEnd := p
	isFloat := false
	if p+1 < len(data) && data[p] == '.' && data[p+1] >= '0' && data[p+1] <= '9' {
		p = digits(p + 1)
		isFloat = true
	}
	if p < len(data) && (data[p] == 'e' || data[p] == 'E') {
		q := p + 1
		if q < len(data) && (data[q] == '+' || data[q] == '-') {
			q++
		}
		if q < len(data) && data[q] >= '0' && data[q] <= '9' {
			p = digits(q)
			isFloat = true
		}
	}
	d.pos = p
	text := string(data[start:p])
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, fmt.Errorf("%w: number %q: %w", ErrInvalidJSON, text, err)
		}
		return f, nil
	}
	if intEnd-start <= 18 {
		n, err := strconv.ParseInt(text, 10, 64)
		if err == nil {
			return n, nil
		}
	}
	nd := intEnd - start
	if data[start] == '-' {
		nd--
	}
	if nd > maxIntDigits {
		return nil, ValueError(fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits, nd))
	}
	n, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return nil, fmt.Errorf("%w: integer %q", ErrInvalidJSON, text)
	}
	return norm(n), nil
}

// str parses the string starting at d.pos (on the opening quote).
// strValue is str boxed as a Value, interned when short: a string
// without escapes that the decoder has seen costs no allocation.
func (d *decoder) strValue() (Value, error) {
	data := d.data
	for p := d.pos + 1; p < len(data) && p-d.pos-1 <= maxInternedLen; p++ {
		c := data[p]
		if c == '"' {
			raw := data[d.pos+1 : p]
			if v, ok := d.interned[string(raw)]; ok {
				d.pos = p + 1
				return v, nil
			}
			break
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}
	s, err := d.str()
	if err != nil {
		return nil, err
	}
	var v Value = s
	if len(s) <= maxInternedLen && len(d.interned) < maxInterned {
		d.interned[s] = v
	}
	return v, nil
}

func (d *decoder) str() (string, error) {
	begin := d.pos
	p := d.pos + 1
	data := d.data
	// Fast path: no escapes.
	for p < len(data) {
		c := data[p]
		if c == '"' {
			d.pos = p + 1
			return string(data[begin+1 : p]), nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", d.errAt("Invalid control character at", p)
		}
		p++
	}
	buf := append([]byte(nil), data[begin+1:p]...)
	for {
		if p >= len(data) {
			return "", d.errAt("Unterminated string starting at", begin)
		}
		c := data[p]
		switch {
		case c == '"':
			d.pos = p + 1
			return string(buf), nil
		case c < 0x20:
			return "", d.errAt("Invalid control character at", p)
		case c != '\\':
			buf = append(buf, c)
			p++
			continue
		}
		// Backslash escape.
		if p+1 >= len(data) {
			return "", d.errAt("Unterminated string starting at", begin)
		}
		esc := data[p+1]
		switch esc {
		case '"', '\\', '/':
			buf = append(buf, esc)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			// Like Python, insist on a character after the four digits.
			r, ok := hex4(data, p+2)
			if !ok || p+6 >= len(data) {
				return "", d.errAt("Invalid \\uXXXX escape", p+1)
			}
			p += 6
			if utf16.IsSurrogate(r) && r < 0xdc00 && p+6 < len(data) && data[p] == '\\' && data[p+1] == 'u' {
				r2, ok := hex4(data, p+2)
				if !ok {
					return "", d.errAt("Invalid \\uXXXX escape", p+1)
				}
				if r2 >= 0xdc00 && r2 <= 0xdfff {
					r = utf16.DecodeRune(r, r2)
					p += 6
				}
			}
			if utf16.IsSurrogate(r) {
				r = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, r)
			continue
		default:
			return "", d.errAt("Invalid \\escape", p)
		}
		p += 2
	}
}

func hex4(data []byte, p int) (rune, bool) {
	if p+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[p : p+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// FromGo converts a Go value as encoding/json decodes it into a Value:
// map[string]any becomes a *Dict with its keys sorted (a Go map keeps no
// order), []any a list, json.Number an int or a float by its text (decode
// with UseNumber to keep 2 and 2.0 apart: a float64 stays a float), and
// Go integer kinds int64 (or *big.Int). Values of this package pass
// through, with their contents converted; other types (such as
// map[string]string or []int) are converted through reflection.
func FromGo(v any) Value {
	switch x := norm(v).(type) {
	case nil, bool, int64, *big.Int, float64, string, *Set:
		return x
	case json.Number:
		if f, err := FromJSON([]byte(x)); err == nil {
			return f
		}
		return string(x)
	case []Value:
		l := make([]Value, len(x))
		for i, e := range x {
			l[i] = FromGo(e)
		}
		return l
	case Tuple:
		l := make(Tuple, len(x))
		for i, e := range x {
			l[i] = FromGo(e)
		}
		return l
	case *Dict:
		c := x.Copy()
		for i, e := range c.vals {
			c.vals[i] = FromGo(e)
		}
		return c
	case map[string]any:
		d := NewDict()
		for _, k := range sortedKeys(x) {
			d.Set(k, FromGo(x[k]))
		}
		return d
	case Object:
		return x
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return nil
		}
		l := make([]Value, rv.Len())
		for i := range l {
			l[i] = FromGo(rv.Index(i).Interface())
		}
		return l
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		m := make(map[string]any, rv.Len())
		it := rv.MapRange()
		for it.Next() {
			m[it.Key().String()] = it.Value().Interface()
		}
		return FromGo(m)
	case reflect.Pointer:
		if rv.IsNil() {
			return nil
		}
		return FromGo(rv.Elem().Interface())
	case reflect.String:
		return rv.String()
	case reflect.Bool:
		return rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return normUint(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	}
	return v
}
