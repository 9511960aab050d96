package docdb

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// HashableRepr appends str(to_hashable(v)) as tau-bench's Env.get_data_hash
// builds it: a dict becomes the tuple of its (key, value) pairs sorted by
// key, a list the tuple of its elements, a set the sorted tuple of its
// elements, and the result is printed as Python prints tuples.
func HashableRepr(b []byte, v pyval.Value) []byte {
	switch x := v.(type) {
	case *pyval.Dict:
		type kv struct {
			k string
			v pyval.Value
		}
		items := make([]kv, 0, x.Len())
		var other []pyval.Value
		x.Items(func(k, v pyval.Value) bool {
			if s, ok := k.(string); ok {
				items = append(items, kv{s, v})
			} else {
				other = append(other, k)
			}
			return true
		})
		if len(other) > 0 {
			// Non-string keys never occur in the tau-bench data; print
			// them through the general path so the output stays Python's.
			return hashableGeneric(b, x)
		}
		slices.SortFunc(items, func(a, b kv) int { return strings.Compare(a.k, b.k) })
		b = append(b, '(')
		for i, it := range items {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, '(')
			b = pyval.AppendStrRepr(b, it.k)
			b = append(b, ", "...)
			b = HashableRepr(b, it.v)
			b = append(b, ')')
		}
		if len(items) == 1 {
			b = append(b, ',')
		}
		return append(b, ')')
	case []pyval.Value:
		return hashableSeq(b, x)
	case pyval.Tuple:
		return pyval.AppendRepr(b, x)
	case *pyval.Set:
		vals := x.Values()
		hs := make([]pyval.Value, len(vals))
		for i, e := range vals {
			hs[i] = toHashable(e)
		}
		pyval.SortValues(hs)
		return pyval.AppendRepr(b, pyval.Tuple(hs))
	}
	return pyval.AppendRepr(b, v)
}

func hashableSeq(b []byte, xs []pyval.Value) []byte {
	b = append(b, '(')
	for i, e := range xs {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = HashableRepr(b, e)
	}
	if len(xs) == 1 {
		b = append(b, ',')
	}
	return append(b, ')')
}

// hashableGeneric converts with toHashable and prints with repr.
func hashableGeneric(b []byte, v pyval.Value) []byte {
	return pyval.AppendRepr(b, toHashable(v))
}

// toHashable is to_hashable building Python values.
func toHashable(v pyval.Value) pyval.Value {
	switch x := v.(type) {
	case *pyval.Dict:
		keys := x.Keys()
		pyval.SortValues(keys)
		out := make(pyval.Tuple, len(keys))
		for i, k := range keys {
			e, _ := x.Get(k)
			out[i] = pyval.Tuple{k, toHashable(e)}
		}
		return out
	case []pyval.Value:
		out := make(pyval.Tuple, len(x))
		for i, e := range x {
			out[i] = toHashable(e)
		}
		return out
	case *pyval.Set:
		vals := x.Values()
		out := make(pyval.Tuple, len(vals))
		for i, e := range vals {
			out[i] = toHashable(e)
		}
		pyval.SortValues(out)
		return out
	}
	return v
}

// HashTauBench returns tau-bench's Env.get_data_hash() of the database:
// the SHA-256 hex digest of str(to_hashable(data)).
func (db *DB) HashTauBench() string {
	b := HashableRepr(make([]byte, 0, 1<<16), db.Dict())
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// SortedJSON appends json.dumps(v, sort_keys=True, default=str): Python's
// default separators and ensure_ascii, dict keys sorted, and values JSON
// cannot hold (Objects such as dates) written as the JSON string of
// str(value).
func SortedJSON(b []byte, v pyval.Value) ([]byte, error) {
	switch x := v.(type) {
	case *pyval.Dict:
		keys := x.Keys()
		for _, k := range keys {
			if _, ok := k.(string); !ok {
				return nil, fmt.Errorf("docdb: sorted JSON: key %s is not a str", pyval.Repr(k))
			}
		}
		slices.SortFunc(keys, func(a, b pyval.Value) int { return strings.Compare(a.(string), b.(string)) })
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ", "...)
			}
			var err error
			if b, err = pyval.AppendJSON(b, k, true); err != nil {
				return nil, err
			}
			b = append(b, ": "...)
			e, _ := x.Get(k)
			if b, err = SortedJSON(b, e); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case []pyval.Value:
		return sortedJSONSeq(b, x)
	case pyval.Tuple:
		return sortedJSONSeq(b, x)
	case pyval.Object:
		return pyval.AppendJSON(b, pyval.Str(x), true)
	}
	return pyval.AppendJSON(b, v, true)
}

func sortedJSONSeq(b []byte, xs []pyval.Value) ([]byte, error) {
	b = append(b, '[')
	for i, e := range xs {
		if i > 0 {
			b = append(b, ", "...)
		}
		var err error
		if b, err = SortedJSON(b, e); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// HashTau2 returns tau2-bench's DB.get_hash() of the database, given that
// its values are what the reference's model_dump() returns: the SHA-256
// hex digest of json.dumps(data, sort_keys=True, default=str).
func (db *DB) HashTau2() (string, error) {
	return HashSortedJSON(db.Dict())
}

// HashSortedJSON returns the SHA-256 hex digest of
// json.dumps(v, sort_keys=True, default=str) (tau2's get_dict_hash).
func HashSortedJSON(v pyval.Value) (string, error) {
	b, err := SortedJSON(make([]byte, 0, 1<<16), v)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
