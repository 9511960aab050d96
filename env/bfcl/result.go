package bfcl

import (
	"sync"

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
	if len(kv)%2 != 0 {
		panic("bfcl.RenderDict: odd number of arguments")
	}
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			panic("bfcl.RenderDict: a key that is not a string")
		}
		for j := 0; j < i; j += 2 {
			if kv[j] == k {
				panic("bfcl.RenderDict: repeated key " + k)
			}
		}
	}
	p := renderBufs.Get().(*[]byte)
	b := append((*p)[:0], '{')
	var err error
	for i := 0; i < len(kv) && err == nil; i += 2 {
		if i > 0 {
			b = append(b, ", "...)
		}
		if b, err = pyval.AppendJSON(b, kv[i], true); err == nil {
			b = append(b, ": "...)
			b, err = pyval.AppendJSON(b, kv[i+1], true)
		}
	}
	b = append(b, '}')
	out := JSONResult(b)
	if cap(b) <= 64<<10 {
		*p = b
		renderBufs.Put(p)
	}
	if err != nil {
		return pyval.DictOf(kv...)
	}
	return out
}

// renderBufs holds RenderDict's scratch buffers, so a result allocates its
// string and nothing else.
var renderBufs = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// FloatResult renders a result of one float: prefix, then x as json.dumps
// writes a float (repr, or NaN, Infinity, -Infinity), then suffix; for
// {"result": 2.5}, FloatResult(`{"result": `, 2.5, `}`).
func FloatResult(prefix string, x float64, suffix string) JSONResult {
	b := make([]byte, 0, len(prefix)+24+len(suffix))
	b = append(b, prefix...)
	b, _ = pyval.AppendJSON(b, x, true) // a float always encodes
	return JSONResult(append(b, suffix...))
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
