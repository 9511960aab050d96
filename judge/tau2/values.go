package tau2judge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/toolgym/toolgym/pyval"
)

// Dict is a JSON object held as the reference holds it after json.loads:
// a *pyval.Dict with its keys in document order and Python's int/float
// distinction (1 and 1.0 differ when replayed as keyword arguments, and
// compare equal as Python compares them). The zero Dict is JSON null.
type Dict struct{ *pyval.Dict }

// DictOf returns a Dict of alternating keys and values, as pyval.DictOf.
func DictOf(kv ...pyval.Value) Dict { return Dict{pyval.DictOf(kv...)} }

// IsNil reports whether d is null.
func (d Dict) IsNil() bool { return d.Dict == nil }

// Size returns the number of keys (0 for null).
func (d Dict) Size() int {
	if d.Dict == nil {
		return 0
	}
	return d.Dict.Len()
}

// get returns d[k]; a null Dict has no keys.
func (d Dict) get(k pyval.Value) (pyval.Value, bool) {
	if d.Dict == nil {
		return nil, false
	}
	return d.Dict.Get(k)
}

// MarshalJSON writes the object as json.dumps would, keys in order.
func (d Dict) MarshalJSON() ([]byte, error) {
	if d.Dict == nil {
		return []byte("null"), nil
	}
	return pyval.AppendJSON(nil, d.Dict, false)
}

// UnmarshalJSON decodes a JSON object (or null) as json.loads would.
func (d *Dict) UnmarshalJSON(b []byte) error {
	v, err := pyval.FromJSON(b)
	if err != nil {
		return err
	}
	switch x := v.(type) {
	case nil:
		d.Dict = nil
	case *pyval.Dict:
		d.Dict = x
	default:
		return fmt.Errorf("tau2judge: want a JSON object, got %s", pyval.TypeName(v))
	}
	return nil
}

// argsJSON returns the arguments as the JSON text a tool call carries.
func (d Dict) argsJSON() (string, error) {
	if d.Dict == nil {
		return "{}", nil
	}
	return pyval.JSONDumps(d.Dict)
}

// Float is a float64 that marshals as pydantic writes a Python float
// (1.0, 0.0, 1e-05), so that RewardInfo JSON reads like the reference's.
// Non-finite values marshal as null, pydantic's default.
type Float float64

// MarshalJSON writes f as Python's float repr.
func (f Float) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return pyval.AppendFloatRepr(nil, x), nil
}

// UnmarshalJSON reads any JSON number.
func (f *Float) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = Float(math.NaN())
		return nil
	}
	x, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return fmt.Errorf("tau2judge: want a number, got %s", b)
	}
	*f = Float(x)
	return nil
}

// jsonFields holds the members of a JSON object (a repeated member keeps
// its last value, as json.loads does).
type jsonFields struct {
	vals map[string]json.RawMessage
}

func decodeFields(b []byte, what string) (*jsonFields, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("tau2judge: %s: %w", what, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("tau2judge: %s: want a JSON object, got %s", what, firstToken(b))
	}
	f := &jsonFields{vals: map[string]json.RawMessage{}}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("tau2judge: %s: %w", what, err)
		}
		k := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("tau2judge: %s.%s: %w", what, k, err)
		}
		f.vals[k] = raw
	}
	return f, nil
}

func firstToken(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) > 20 {
		b = b[:20]
	}
	return string(b)
}

// take removes and returns member k (nil when absent).
func (f *jsonFields) take(k string) json.RawMessage {
	v, ok := f.vals[k]
	if !ok {
		return nil
	}
	delete(f.vals, k)
	return v
}

// present reports whether member k is there and not null.
func present(raw json.RawMessage) bool {
	return raw != nil && string(bytes.TrimSpace(raw)) != "null"
}

// rest returns the members not taken, or nil.
func (f *jsonFields) rest() map[string]json.RawMessage {
	if len(f.vals) == 0 {
		return nil
	}
	return f.vals
}

// into decodes member k into v when it is present and not null.
func (f *jsonFields) into(k string, v any, what string) error {
	raw := f.take(k)
	if !present(raw) {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("tau2judge: %s.%s: %w", what, k, err)
	}
	return nil
}

// objectWriter writes a JSON object member by member.
type objectWriter struct {
	b   []byte
	err error
}

func newObject() *objectWriter { return &objectWriter{b: []byte{'{'}} }

func (w *objectWriter) field(k string, v any) {
	if w.err != nil {
		return
	}
	if len(w.b) > 1 {
		w.b = append(w.b, ',')
	}
	kb, _ := json.Marshal(k)
	w.b = append(append(w.b, kb...), ':')
	if raw, ok := v.(json.RawMessage); ok {
		if raw == nil {
			raw = json.RawMessage("null")
		}
		w.b = append(w.b, raw...)
		return
	}
	enc, err := json.Marshal(v)
	if err != nil {
		w.err = fmt.Errorf("tau2judge: marshal %s: %w", k, err)
		return
	}
	w.b = append(w.b, enc...)
}

// extra writes the members of m in sorted key order.
func (w *objectWriter) extra(m map[string]json.RawMessage) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		w.field(k, m[k])
	}
}

func (w *objectWriter) done() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	return append(w.b, '}'), nil
}
