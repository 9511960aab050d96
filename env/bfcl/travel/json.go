package travel

import (
	"math"
	"strconv"

	"github.com/toolgym/toolgym/pyval"
)

// appendJSON appends json.dumps(v) (Python's defaults: ensure_ascii, ", "
// and ": " separators) to b. The values booking records and invoices
// hold (printable ASCII str, int, finite float, flat dicts of them) are
// written here; anything else goes through pyval.AppendJSON, whose error
// is the TypeError json.dumps raises.
func appendJSON(b []byte, v pyval.Value) ([]byte, error) {
	switch x := v.(type) {
	case string:
		return appendKey(b, x), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case float64:
		if !math.IsInf(x, 0) && !math.IsNaN(x) {
			return pyval.AppendFloatRepr(b, x), nil // json.dumps writes float.__repr__
		}
	case *pyval.Dict:
		return appendDictJSON(b, x)
	}
	return pyval.AppendJSON(b, v, true)
}

// appendDictJSON is appendJSON for a dict: a dict of str keys and values
// appendJSON writes itself is written here, any other through
// pyval.AppendJSON.
func appendDictJSON(b []byte, d *pyval.Dict) ([]byte, error) {
	start := len(b)
	b = append(b, '{')
	plain := true
	d.Items(func(k, v pyval.Value) bool {
		key, isStr := k.(string)
		if !isStr {
			plain = false
			return false
		}
		if len(b) > start+1 {
			b = append(b, ", "...)
		}
		b = append(appendKey(b, key), ": "...)
		switch x := v.(type) {
		case string:
			b = appendKey(b, x)
		case int64:
			b = strconv.AppendInt(b, x, 10)
		case float64:
			if math.IsInf(x, 0) || math.IsNaN(x) {
				plain = false
				return false
			}
			b = pyval.AppendFloatRepr(b, x)
		default:
			plain = false
			return false
		}
		return true
	})
	if !plain {
		return pyval.AppendJSON(b[:start], d, true)
	}
	return append(b, '}'), nil
}
