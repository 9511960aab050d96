package pyval

import (
	"encoding/json"
	"math/big"
	"sort"
)

// StateJSONer is implemented by Objects that have their own state
// encoding, such as the file system's Directory ({"__dir__": name,
// "contents": {...}}) and File ({"__file__": name, "content": str}).
// StateJSON returns a Value (a *Dict keeps its key order in
// MarshalStateJSON) or Go values as encoding/json decodes them
// (map[string]any, whose keys MarshalStateJSON sorts).
type StateJSONer interface {
	StateJSON() any
}

// StateJSON returns the replay anchors' encoding of a state value as Go
// values ready for encoding/json: map[string]any for dicts, []any for
// lists and tuples, and nil, bool, int64, *big.Int, float64 and string
// scalars. Dict keys become strings by StateKey ("int:3" for the int 3);
// a set becomes {"__set__": [members in SortValues order]}; an Object
// implementing StateJSONer is encoded by its StateJSON, any other Object
// as {"__repr__": repr(object)}.
//
// A Go map has no order, and encoding/json prints 1.0 as 1: to reproduce
// an anchor's bytes use MarshalStateJSON.
func StateJSON(v Value) (any, error) {
	return stateJSON(v, 0)
}

func stateJSON(v Value, depth int) (any, error) {
	if depth > maxJSONDepth {
		return nil, Exc("RecursionError", "maximum recursion depth exceeded while encoding a JSON object")
	}
	switch x := norm(v).(type) {
	case nil, bool, int64, *big.Int, float64, string, json.Number, json.RawMessage:
		return x, nil
	case []Value:
		return stateSeq(x, depth)
	case Tuple:
		return stateSeq(x, depth)
	case *Dict:
		m := make(map[string]any, x.Len())
		for i, k := range x.keys {
			sv, err := stateJSON(x.vals[i], depth+1)
			if err != nil {
				return nil, err
			}
			m[StateKey(k)] = sv
		}
		return m, nil
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			sv, err := stateJSON(e, depth+1)
			if err != nil {
				return nil, err
			}
			m[k] = sv
		}
		return m, nil
	case *Set:
		l, err := stateSeq(x.Values(), depth)
		if err != nil {
			return nil, err
		}
		return map[string]any{"__set__": l}, nil
	case StateJSONer:
		return stateJSON(x.StateJSON(), depth+1)
	case Object:
		return map[string]any{"__repr__": x.PyRepr()}, nil
	}
	return nil, notSerializable(v)
}

func stateSeq(x []Value, depth int) ([]any, error) {
	l := make([]any, len(x))
	for i, e := range x {
		sv, err := stateJSON(e, depth+1)
		if err != nil {
			return nil, err
		}
		l[i] = sv
	}
	return l, nil
}

// StateKey returns the state encoding of a dict key: a string is kept;
// an int k becomes "int:<k>" (the anchors' rule); by the same idea a bool
// becomes "bool:True" or "bool:False", a float "float:<repr>", None
// "None", a tuple "tuple:<repr>" and an Object "object:<repr>".
func StateKey(k Value) string {
	switch x := norm(k).(type) {
	case string:
		return x
	case int64, *big.Int:
		return "int:" + Repr(x)
	case bool:
		return "bool:" + Repr(x)
	case float64:
		return "float:" + Repr(x)
	case nil:
		return "None"
	case Tuple:
		return "tuple:" + Repr(x)
	}
	return "object:" + Repr(k)
}

// MarshalStateJSON encodes a state value exactly as the replay anchors
// print it: the StateJSON encoding written as Python's
// json.dumps(state, ensure_ascii=False) does, with separators ", " and
// ": ", dict keys in insertion order, floats as float.__repr__ ("10000.0")
// and non-ASCII characters unescaped. Decoding an anchor's state with
// FromJSON and encoding it again reproduces the anchor's bytes.
func MarshalStateJSON(v Value) ([]byte, error) {
	e := jsonEncoder{state: true}
	return e.encode(nil, v)
}

// sortedKeys returns m's keys sorted.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
