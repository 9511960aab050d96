package bfcl

import (
	"encoding/json"
	"strconv"
	"unsafe"

	"github.com/toolgym/toolgym/pyval"
)

// JSONResult is a method result already rendered: the json.dumps text of
// the dict the reference's method returns. [ResultString] passes it
// through as it is. Methods build one with [RenderDict] instead of
// building a dict only for the executor to encode it.
type JSONResult string

// RenderDict renders the dict of the key-value pairs kv (key, value, key,
// value, ...) as json.dumps does with its defaults, keys in the order
// given. It returns a JSONResult, or the *pyval.Dict itself when a value
// is not JSON serialisable (ResultString then falls back to str(), as the
// reference's executor does). Keys must be distinct strings; RenderDict
// panics otherwise, or if kv has odd length.
func RenderDict(kv ...pyval.Value) pyval.Value {
	if t, ok := RenderText(kv...); ok {
		return t
	}
	return pyval.DictOf(kv...)
}

// RenderText is RenderDict's text, unboxed: ok is false when a value is
// not JSON serialisable (the executor would show the dict through str()).
// With [Out], a method returns the text without an allocation.
func RenderText(kv ...pyval.Value) (JSONResult, bool) {
	if len(kv)%2 != 0 {
		panic("bfcl.RenderDict: odd number of arguments")
	}
	// The text is written once, into a buffer of about its size that
	// becomes the result string itself: no pooled scratch to copy out of
	// (long-context results carry kilobytes of constants).
	size := 2
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			panic("bfcl.RenderDict: a key that is not a string")
		}
		for j := 0; j < i; j += 2 {
			if kv[j].(string) == k {
				panic("bfcl.RenderDict: repeated key " + k)
			}
		}
		size += len(k) + 6 + sizeHint(kv[i+1])
	}
	b := append(make([]byte, 0, size), '{')
	for i := 0; i < len(kv); i += 2 {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(appendShortJSONString(b, kv[i].(string)), ": "...)
		var ok bool
		if b, ok = appendJSONValue(b, kv[i+1]); !ok {
			return "", false
		}
	}
	return BytesResult(append(b, '}')), true
}

// appendJSONValue appends json.dumps(v), writing the commonest values of
// results itself; ok is false when json.dumps would raise.
func appendJSONValue(b []byte, v pyval.Value) ([]byte, bool) {
	switch x := v.(type) {
	case string:
		if len(x) <= 64 {
			return appendShortJSONString(b, x), true
		}
	case int64:
		return strconv.AppendInt(b, x, 10), true
	case bool:
		if x {
			return append(b, "true"...), true
		}
		return append(b, "false"...), true
	case nil:
		return append(b, "null"...), true
	case json.RawMessage:
		return append(b, x...), true
	}
	b, err := pyval.AppendJSON(b, v, true)
	return b, err == nil
}

// jsonPlain marks the bytes json.dumps writes as they are: printable
// ASCII but the quote and the backslash.
var jsonPlain = func() (t [256]bool) {
	for c := ' '; c <= '~'; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendShortJSONString appends json.dumps(s) for a short s: as it is,
// quoted, when it is printable ASCII with no quote or backslash (keys and
// most values are), else through pyval.
func appendShortJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if !jsonPlain[s[i]] {
			b, _ = pyval.AppendJSON(b, s, true) // a str always encodes
			return b
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// sizeHint is about the length of v's JSON text; appending past it only
// costs a copy.
func sizeHint(v pyval.Value) int {
	switch x := v.(type) {
	case string:
		return len(x) + len(x)>>3 + 2 // room for some escapes
	case json.RawMessage:
		return len(x)
	case JSONResult:
		return len(x)
	case nil, bool:
		return 5
	}
	return 24
}

// BytesResult returns b as a JSONResult without copying it. The caller
// must have made b for this result and must not touch it again: the
// string shares its bytes (strings.Builder does the same).
func BytesResult(b []byte) JSONResult {
	return JSONResult(unsafe.String(unsafe.SliceData(b), len(b)))
}

// FloatResult renders a result of one float: prefix, then x as json.dumps
// writes a float (repr, or NaN, Infinity, -Infinity), then suffix; for
// {"result": 2.5}, FloatResult(`{"result": `, 2.5, `}`).
func FloatResult(prefix string, x float64, suffix string) JSONResult {
	b := make([]byte, 0, len(prefix)+24+len(suffix))
	b = append(b, prefix...)
	b, _ = pyval.AppendJSON(b, x, true) // a float always encodes
	return BytesResult(append(b, suffix...))
}

// Rendered is a result that is not a dict (whose text the executor would
// make with str()), delivered with that text already made: ResultString
// shows Text, through PyStr, and Value is the result itself.
type Rendered struct {
	Text  string
	Value pyval.Value
}

// PyStr returns the executor's rendering of the result.
func (r *Rendered) PyStr() string { return r.Text }

// PyRepr implements pyval.Object: repr of the result.
func (r *Rendered) PyRepr() string { return pyval.Repr(r.Value) }

// PyType reports the result's Python type.
func (r *Rendered) PyType() string { return pyval.TypeName(r.Value) }

// Out is a class instance's result slot. A method that has rendered its
// result stores the text there and returns the slot: a pointer into the
// instance, which costs nothing to return, where the text itself, as a
// pyval.Value, would be boxed (an allocation on every call). The executor
// reads the slot at once ([ResultString]); a caller that keeps a returned
// slot past the instance's next call sees that call's result instead.
// An instance's copy (Clone) has its own slot.
type Out struct{ text JSONResult }

// Return stores a rendered result in the slot and returns the slot.
func (o *Out) Return(t JSONResult) pyval.Value {
	o.text = t
	return o
}

// Text returns the result in the slot.
func (o *Out) Text() JSONResult { return o.text }

// PyStr returns the executor's rendering of the result: its text.
func (o *Out) PyStr() string { return string(o.text) }

// PyRepr implements pyval.Object: the text, as the result's repr stands
// in for nothing else here.
func (o *Out) PyRepr() string { return string(o.text) }

// PyType implements pyval.Object: a rendered result is a dict's text.
func (o *Out) PyType() string { return "dict" }

// RenderedText returns the text of a result already rendered (a
// JSONResult, or an Out slot holding one); ok is false for any other
// value.
func RenderedText(v pyval.Value) (JSONResult, bool) {
	switch r := v.(type) {
	case JSONResult:
		return r, true
	case *Out:
		return r.text, true
	}
	return "", false
}
