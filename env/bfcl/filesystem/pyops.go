package filesystem

import (
	"math/big"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// Python operations on argument values of any type, with CPython's
// results and error texts.

func errDict(msg string) pyval.Value { return plainResult(`{"error": "`, msg) }

func noAttribute(v pyval.Value, attr string) error {
	return pyval.Exc("AttributeError", "'"+pyval.TypeName(v)+"' object has no attribute '"+attr+"'")
}

// str returns v as a str, or the AttributeError of calling str method attr
// on it.
func str(v pyval.Value, attr string) (string, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	return "", noAttribute(v, attr)
}

// contains is Python's `item in container` for a str item.
func contains(container pyval.Value, item string) (bool, error) {
	switch x := container.(type) {
	case string:
		return strings.Contains(x, item), nil
	case []pyval.Value:
		return seqHas(x, item), nil
	case pyval.Tuple:
		return seqHas(x, item), nil
	case *pyval.Dict:
		return x.Has(item), nil
	case *pyval.Set:
		return x.Has(item), nil
	}
	return false, pyval.TypeError("argument of type '" + pyval.TypeName(container) + "' is not iterable")
}

func seqHas(xs []pyval.Value, item string) bool {
	for _, x := range xs {
		if s, ok := x.(string); ok && s == item {
			return true
		}
	}
	return false
}

// substr is Python's `needle in haystack` for a str haystack.
func substr(needle pyval.Value, haystack string) (bool, error) {
	s, ok := needle.(string)
	if !ok {
		return false, pyval.TypeError("'in <string>' requires string as left operand, not " + pyval.TypeName(needle))
	}
	return strings.Contains(haystack, s), nil
}

// validName is the reference's _validate_file_or_directory_name: false
// when the name holds one of |/\?%*:"><.
func validName(name pyval.Value) (bool, error) {
	if s, ok := name.(string); ok {
		for i := 0; i < len(s); i++ {
			if invalidNameByte[s[i]] {
				return false, nil
			}
		}
		return true, nil
	}
	for _, c := range `|/\?%*:"><` {
		in, err := contains(name, string(c))
		if err != nil {
			return false, err
		}
		if in {
			return false, nil
		}
	}
	return true, nil
}

// invalidNameByte marks the characters a name must not hold.
var invalidNameByte = [256]bool{'|': true, '/': true, '\\': true, '?': true, '%': true, '*': true, ':': true, '"': true, '>': true, '<': true}

// lookup is `key in d` followed by the reference's _get_item(key): the
// entry for a str key ("." being the directory itself when d holds a
// "." entry), nil and false for a key d does not hold, and Python's
// TypeError for an unhashable key.
func lookup(d *Directory, key pyval.Value) (string, Node, bool, error) {
	s, ok := key.(string)
	if !ok {
		if !pyval.Hashable(key) {
			return "", nil, false, pyval.TypeError("unhashable type: '" + pyval.TypeName(key) + "'")
		}
		// Entries are named by str; no other key is in the dict.
		return "", nil, false, nil
	}
	v, ok := d.Contents.Get(s)
	if !ok {
		return s, nil, false, nil
	}
	if s == "." {
		return s, d, true, nil
	}
	return s, v, true, nil
}

// pyLen is Python's len(v).
func pyLen(v pyval.Value) (int64, error) {
	switch x := v.(type) {
	case string:
		return int64(pyval.Len(x)), nil
	case []pyval.Value:
		return int64(len(x)), nil
	case pyval.Tuple:
		return int64(len(x)), nil
	case *pyval.Dict:
		return int64(x.Len()), nil
	case *pyval.Set:
		return int64(x.Len()), nil
	}
	return 0, pyval.TypeError("object of type '" + pyval.TypeName(v) + "' has no len()")
}

// isInt reports whether v is a Python int (bool included) and returns it
// when it fits in an int64.
func isInt(v pyval.Value) (n int64, big_ *big.Int, ok bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, nil, true
		}
		return 0, nil, true
	case int64:
		return x, nil, true
	case *big.Int:
		if x.IsInt64() {
			return x.Int64(), nil, true
		}
		return 0, x, true
	}
	return 0, nil, false
}

// newName returns the name of a new entry (v itself, a str). Python would store any
// hashable key that passed the checks before (a tuple, say) and break
// on it later; toolgym keeps names str and refuses the rest.
func newName(v pyval.Value) (string, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	return "", pyval.TypeError("toolgym: a file or directory name must be a str, not '" + pyval.TypeName(v) + "'")
}
