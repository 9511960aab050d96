package pyval

import (
	"encoding/json"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"sync"
	"unicode/utf8"
)

// JSONDumps returns json.dumps(v) with Python's default settings:
// separators ", " and ": ", ensure_ascii=True (non-ASCII as \uXXXX,
// surrogate pairs beyond the BMP), floats as float.__repr__ with NaN,
// Infinity and -Infinity literals, tuples as arrays, and dict keys
// converted as Python converts them (1 -> "1", 1.5 -> "1.5", True ->
// "true", None -> "null"). Other keys fail with a *Exception TypeError
// "keys must be str, int, float, bool or None, not tuple", and a set or
// Object value with "Object of type set is not JSON serializable", the
// errors Python raises.
//
// Besides Values, it accepts the Go values encoding/json decodes into
// (map[string]any, written with sorted keys; json.Number) and
// json.RawMessage, written as is.
func JSONDumps(v Value) (string, error) {
	p := dumpBufs.Get().(*[]byte)
	b, err := AppendJSON((*p)[:0], v, true)
	s := string(b)
	if cap(b) <= maxPooledBuf {
		*p = b
		dumpBufs.Put(p)
	}
	return s, err
}

// dumpBufs holds JSONDumps's scratch buffers, so a dump allocates its
// string and nothing else.
var dumpBufs = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// maxPooledBuf is the largest buffer kept for reuse.
const maxPooledBuf = 64 << 10

// AppendJSON appends json.dumps(v, ensure_ascii=ensureASCII) to b; see
// JSONDumps.
func AppendJSON(b []byte, v Value, ensureASCII bool) ([]byte, error) {
	e := jsonEncoder{ensureASCII: ensureASCII}
	return e.encode(b, v)
}

// jsonEncoder writes Python-style JSON. With state set it writes the
// replay anchors' state encoding instead of failing on sets, Objects and
// non-string keys (see StateJSON).
type jsonEncoder struct {
	ensureASCII bool
	state       bool
	depth       int
}

// maxJSONDepth bounds nesting; Python raises RecursionError near 1000.
const maxJSONDepth = 10000

func (e *jsonEncoder) encode(b []byte, v Value) ([]byte, error) {
	// The commonest values first, before norm's conversions.
	switch x := v.(type) {
	case string:
		return appendJSONString(b, x, e.ensureASCII), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case float64:
		return appendJSONFloat(b, x), nil
	}
	switch x := norm(v).(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		if x {
			return append(b, "true"...), nil
		}
		return append(b, "false"...), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case *big.Int:
		return x.Append(b, 10), nil
	case float64:
		return appendJSONFloat(b, x), nil
	case string:
		return appendJSONString(b, x, e.ensureASCII), nil
	case json.Number:
		return append(b, x...), nil
	case json.RawMessage:
		return append(b, x...), nil
	case []Value:
		return e.encodeSeq(b, x)
	case Tuple:
		return e.encodeSeq(b, x)
	case *Dict:
		return e.encodeDict(b, x)
	case map[string]any:
		return e.encodeMap(b, x)
	case *Set:
		if !e.state {
			return b, notSerializable(x)
		}
		b = append(b, `{"__set__": `...)
		b, err := e.encodeSeq(b, x.Values())
		if err != nil {
			return b, err
		}
		return append(b, '}'), nil
	}
	if !e.state {
		return b, notSerializable(v)
	}
	if s, ok := v.(StateJSONer); ok {
		return e.encodeStateJSON(b, s)
	}
	if o, ok := v.(Object); ok {
		b = append(b, `{"__repr__": `...)
		b = appendJSONString(b, o.PyRepr(), e.ensureASCII)
		return append(b, '}'), nil
	}
	return b, notSerializable(v)
}

// encodeDict writes a dict. (The containers' encoders are functions of
// their own: a defer in encode itself, on its many return paths, would
// not be open-coded, and every call of encode, a string's too, would pay
// for the runtime's deferred-call machinery.)
func (e *jsonEncoder) encodeDict(b []byte, x *Dict) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	defer e.leave()
	if x.Len() == 0 {
		return append(b, "{}"...), nil
	}
	b = append(b, '{')
	for i, k := range x.keys {
		if i > 0 {
			b = append(b, ", "...)
		}
		var err error
		if b, err = e.encodeKey(b, k); err != nil {
			return b, err
		}
		b = append(b, ": "...)
		if b, err = e.encode(b, x.vals[i]); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

// encodeMap writes a map[string]any, keys sorted.
func (e *jsonEncoder) encodeMap(b []byte, x map[string]any) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	defer e.leave()
	if len(x) == 0 {
		return append(b, "{}"...), nil
	}
	b = append(b, '{')
	for i, k := range sortedKeys(x) {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendJSONString(b, k, e.ensureASCII)
		b = append(b, ": "...)
		var err error
		if b, err = e.encode(b, x[k]); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

// encodeStateJSON writes what a StateJSONer stands for.
func (e *jsonEncoder) encodeStateJSON(b []byte, s StateJSONer) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	defer e.leave()
	return e.encode(b, s.StateJSON())
}

func notSerializable(v Value) error {
	return TypeError("Object of type " + TypeName(v) + " is not JSON serializable")
}

func (e *jsonEncoder) enter() error {
	e.depth++
	if e.depth > maxJSONDepth {
		return Exc("RecursionError", "maximum recursion depth exceeded while encoding a JSON object")
	}
	return nil
}

func (e *jsonEncoder) leave() { e.depth-- }

func (e *jsonEncoder) encodeSeq(b []byte, x []Value) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	defer e.leave()
	if len(x) == 0 {
		return append(b, "[]"...), nil
	}
	b = append(b, '[')
	for i, el := range x {
		if i > 0 {
			b = append(b, ", "...)
		}
		var err error
		if b, err = e.encode(b, el); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// encodeKey writes a dict key: as json.dumps converts it, or in state
// mode as the anchors' state encoding does (see StateKey).
func (e *jsonEncoder) encodeKey(b []byte, k Value) ([]byte, error) {
	if e.state {
		return appendJSONString(b, StateKey(k), e.ensureASCII), nil
	}
	switch x := norm(k).(type) {
	case string:
		return appendJSONString(b, x, e.ensureASCII), nil
	case float64:
		b = append(b, '"')
		b = appendJSONFloat(b, x)
		return append(b, '"'), nil
	case bool, nil:
		b = append(b, '"')
		b, _ = e.encode(b, x)
		return append(b, '"'), nil
	case int64, *big.Int:
		b = append(b, '"')
		b = AppendRepr(b, x)
		return append(b, '"'), nil
	}
	return b, TypeError("keys must be str, int, float, bool or None, not " + TypeName(k))
}

// appendJSONFloat writes a float as Python's json module does.
func appendJSONFloat(b []byte, x float64) []byte {
	switch {
	case math.IsNaN(x):
		return append(b, "NaN"...)
	case math.IsInf(x, 1):
		return append(b, "Infinity"...)
	case math.IsInf(x, -1):
		return append(b, "-Infinity"...)
	}
	return AppendFloatRepr(b, x)
}

// appendJSONString writes s as a JSON string the way Python's json module
// does: with ensureASCII every character outside ' '..'~' is escaped as
// \uXXXX (lower-case hex, surrogate pairs beyond the BMP); without it only
// '"', '\\' and control characters below 0x20 are escaped. Short escapes
// are used for \n \r \t \b \f. Invalid UTF-8 is written as U+FFFD.
func appendJSONString(b []byte, s string, ensureASCII bool) []byte {
	b = append(b, '"')
	start := 0 // s[start:i] is pending, to be copied verbatim
	for i := 0; i < len(s); {
		// Skip eight plain bytes at a time (most strings are plain ASCII),
		// then straight to the first byte that is not.
		for i+8 <= len(s) {
			if bad := special8(load8(s, i), ensureASCII); bad != 0 {
				i += bits.TrailingZeros64(bad) >> 3
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && (c != 0x7f || !ensureASCII) {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"':
				b = append(b, '\\', '"')
			case '\\':
				b = append(b, '\\', '\\')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u')
				b = appendHex(b, uint32(c), 4)
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !ensureASCII {
			if r == utf8.RuneError && size == 1 {
				b = append(b, s[start:i]...)
				b = append(b, "\uFFFD"...)
				i += size
				start = i
				continue
			}
			i += size
			continue
		}
		b = append(b, s[start:i]...)
		if r > 0xffff {
			r -= 0x10000
			b = append(b, '\\', 'u')
			b = appendHex(b, uint32(0xd800+(r>>10)), 4)
			b = append(b, '\\', 'u')
			b = appendHex(b, uint32(0xdc00+(r&0x3ff)), 4)
		} else {
			b = append(b, '\\', 'u')
			b = appendHex(b, uint32(r), 4)
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// SWAR constants for special8.
const (
	lsb8 = 0x0101010101010101
	msb8 = 0x8080808080808080
)

// load8 reads s[i:i+8] as a little-endian word.
func load8(s string, i int) uint64 {
	w := s[i : i+8] // one bounds check, and the compiler merges the loads
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// special8 marks (with its high bit) each of the eight bytes of x that
// needs escaping or decoding: one that is not ASCII, below ' ', '"' or
// '\\', or (with ensureASCII) DEL. Bytes above a marked one may be marked
// wrongly (a borrow runs up), so only the lowest mark is exact: it is the
// first such byte.
func special8(x uint64, ensureASCII bool) uint64 {
	bad := x & msb8                    // >= 0x80
	bad |= (x - 0x20*lsb8) & ^x & msb8 // < 0x20
	bad |= hasZero8(x ^ ('"' * lsb8))  // '"'
	bad |= hasZero8(x ^ ('\\' * lsb8)) // '\\'
	if ensureASCII {
		bad |= hasZero8(x ^ (0x7f * lsb8)) // DEL
	}
	return bad
}

// hasZero8 has the high bit of a byte set when that byte of x may be zero;
// it is exact for the lowest byte marked, and for all when no byte of x
// is zero.
func hasZero8(x uint64) uint64 { return (x - lsb8) & ^x & msb8 }
