package tau2

import (
	"math/big"

	"github.com/toolgym/toolgym/pyval"
)

// Dumped marks a tool's return value that is a pydantic model: V is its
// model_dump() (a *pyval.Dict). ToJSONStr writes it as it is, where a
// plain dict's ints, floats and bools would be turned into strings.
type Dumped struct{ V pyval.Value }

// PyRepr makes Dumped a pyval.Object.
func (d Dumped) PyRepr() string { return pyval.Repr(d.V) }

// AsModel wraps a model_dump() as the model a tool returns.
func AsModel(d *pyval.Dict) Dumped { return Dumped{V: d} }

// Unwrap returns v with every Dumped replaced by its dump (deep), for
// callers that want plain Python values (Env.Run's result).
func Unwrap(v pyval.Value) pyval.Value {
	switch x := v.(type) {
	case Dumped:
		return x.V
	case []pyval.Value:
		out := make([]pyval.Value, len(x))
		for i, e := range x {
			out[i] = Unwrap(e)
		}
		return out
	case pyval.Tuple:
		out := make(pyval.Tuple, len(x))
		for i, e := range x {
			out[i] = Unwrap(e)
		}
		return out
	}
	return v
}

// ToJSONStr is the reference's Environment.to_json_str: a str as it is;
// anything else through json.dumps(_process(resp), default=str), where
// _process dumps models, turns ints, floats and bools into their str(),
// and recurses into lists, tuples and dict values. Its error is the
// reference's ValueError("Unsupported type: ...") for other objects.
func ToJSONStr(resp pyval.Value) (string, error) {
	if s, ok := resp.(string); ok {
		return s, nil
	}
	p, err := process(resp)
	if err != nil {
		return "", err
	}
	b, err := AppendJSONDefaultStr(nil, p)
	return string(b), err
}

func process(v pyval.Value) (pyval.Value, error) {
	switch x := v.(type) {
	case Dumped:
		return x.V, nil
	case string, nil:
		return x, nil
	case bool, int64, *big.Int, float64, int:
		return pyval.Str(x), nil
	case []pyval.Value:
		out := make([]pyval.Value, len(x))
		for i, e := range x {
			p, err := process(e)
			if err != nil {
				return nil, err
			}
			out[i] = p
		}
		return out, nil
	case pyval.Tuple:
		out := make(pyval.Tuple, len(x))
		for i, e := range x {
			p, err := process(e)
			if err != nil {
				return nil, err
			}
			out[i] = p
		}
		return out, nil
	case *pyval.Dict:
		out := pyval.NewDict()
		var err error
		x.Items(func(k, e pyval.Value) bool {
			var p pyval.Value
			if p, err = process(e); err != nil {
				return false
			}
			out.Set(k, p)
			return true
		})
		return out, err
	}
	return nil, pyval.ValueError("Unsupported type: <class '" + pyval.TypeName(v) + "'>")
}

// ProcessedJSONStr is to_json_str for a value that has been through
// _process already (models as their model_dump, the domain's own
// conversions done): a str as it is, anything else as
// json.dumps(v, default=str).
func ProcessedJSONStr(v pyval.Value) (string, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	b, err := AppendJSONDefaultStr(make([]byte, 0, 256), v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendJSONDefaultStr appends json.dumps(v, default=str): Python's
// default separators, keys in order, and objects JSON cannot hold (sets,
// Objects) written as the JSON string of their str().
func AppendJSONDefaultStr(b []byte, v pyval.Value) ([]byte, error) {
	if out, err := pyval.AppendJSON(b, v, true); err == nil {
		return out, nil
	}
	return appendDefaultStr(b, v)
}

func appendDefaultStr(b []byte, v pyval.Value) ([]byte, error) {
	switch x := v.(type) {
	case *pyval.Dict:
		b = append(b, '{')
		var err error
		first := true
		x.Items(func(k, e pyval.Value) bool {
			if !first {
				b = append(b, ", "...)
			}
			first = false
			if s, ok := k.(string); ok {
				b, err = pyval.AppendJSON(b, s, true)
			} else {
				// json.dumps converts a non-str key as it would a dict
				// {key: None}: take the key's text from that.
				var kb []byte
				if kb, err = pyval.AppendJSON(nil, pyval.DictOf(k, nil), true); err == nil {
					b = append(b, kb[1:len(kb)-len(": null}")]...)
				}
			}
			if err != nil {
				return false
			}
			b = append(b, ": "...)
			b, err = appendDefaultStr(b, e)
			return err == nil
		})
		if err != nil {
			return nil, err
		}
		return append(b, '}'), nil
	case []pyval.Value:
		return appendSeqDefaultStr(b, x)
	case pyval.Tuple:
		return appendSeqDefaultStr(b, x)
	case *pyval.Set, pyval.Object:
		return pyval.AppendJSON(b, pyval.Str(x), true)
	}
	return pyval.AppendJSON(b, v, true)
}

func appendSeqDefaultStr(b []byte, xs []pyval.Value) ([]byte, error) {
	b = append(b, '[')
	for i, e := range xs {
		if i > 0 {
			b = append(b, ", "...)
		}
		var err error
		if b, err = appendDefaultStr(b, e); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}
