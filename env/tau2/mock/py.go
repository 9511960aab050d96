package mock

import (
	"fmt"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// This file holds the small pieces of Python and pydantic behaviour the
// domain needs: to_json_str rendering, pydantic's ValidationError text and
// Python's AttributeError and TypeError texts.

// toJSONStr is Environment.to_json_str for a value the tools already
// processed (models as their model_dump): a str as is, anything else as
// json.dumps(value, default=str).
func toJSONStr(v pyval.Value) (string, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	b, err := appendJSONDefaultStr(nil, v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// appendJSONDefaultStr appends json.dumps(v, default=str) in insertion
// order.
func appendJSONDefaultStr(b []byte, v pyval.Value) ([]byte, error) {
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
			if b, err = pyval.AppendJSON(b, pyval.Str(k), true); err != nil {
				return false
			}
			b = append(b, ": "...)
			b, err = appendJSONDefaultStr(b, e)
			return err == nil
		})
		if err != nil {
			return nil, err
		}
		return append(b, '}'), nil
	case []pyval.Value:
		return appendJSONSeq(b, x)
	case pyval.Tuple:
		return appendJSONSeq(b, x)
	case pyval.Object:
		return pyval.AppendJSON(b, pyval.Str(x), true)
	}
	return pyval.AppendJSON(b, v, true)
}

func appendJSONSeq(b []byte, xs []pyval.Value) ([]byte, error) {
	b = append(b, '[')
	for i, e := range xs {
		if i > 0 {
			b = append(b, ", "...)
		}
		var err error
		if b, err = appendJSONDefaultStr(b, e); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// attributeError is Python's AttributeError for a missing attribute.
func attributeError(typeName, attr string) error {
	return pyval.Exc("AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", typeName, attr))
}

// unhashable is the TypeError Python raises when v is used as a dict key.
func unhashable(v pyval.Value) error {
	return pyval.TypeError(fmt.Sprintf("unhashable type: '%s'", pyval.TypeName(v)))
}

// pydanticVersion is the minor version in pydantic's error URLs (the
// reference pins pydantic 2.12).
const pydanticVersion = "2.12"

// lineError is one error of a pydantic ValidationError.
type lineError struct {
	loc   []pyval.Value // field names (str) and list indexes (int64)
	typ   string
	msg   string
	input pyval.Value
}

// validation collects the errors of one model validation.
type validation struct {
	model string
	errs  []lineError
}

func (v *validation) add(loc []pyval.Value, typ, msg string, input pyval.Value) {
	v.errs = append(v.errs, lineError{loc: append([]pyval.Value(nil), loc...), typ: typ, msg: msg, input: input})
}

// err returns the ValidationError, or nil when there were no errors.
func (v *validation) err() error {
	if len(v.errs) == 0 {
		return nil
	}
	var b strings.Builder
	plural := "s"
	if len(v.errs) == 1 {
		plural = ""
	}
	fmt.Fprintf(&b, "%d validation error%s for %s", len(v.errs), plural, v.model)
	for _, e := range v.errs {
		b.WriteByte('\n')
		for i, l := range e.loc {
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(pyval.Str(l))
		}
		fmt.Fprintf(&b, "\n  %s [type=%s, input_value=%s, input_type=%s]\n    For further information visit https://errors.pydantic.dev/%s/v/%s",
			e.msg, e.typ, truncatedRepr(e.input), pyval.TypeName(e.input), pydanticVersion, e.typ)
	}
	return pyval.Exc("ValidationError", b.String())
}

// truncatedRepr is repr(v) as pydantic prints an input value: longer than
// 50 characters, its first 25 and last 24 around "...".
func truncatedRepr(v pyval.Value) string {
	r := []rune(pyval.Repr(v))
	if len(r) <= 50 {
		return string(r)
	}
	return string(r[:25]) + "..." + string(r[len(r)-24:])
}

// str validates a str field (lax mode takes only str from JSON values).
func (v *validation) str(loc []pyval.Value, x pyval.Value) {
	if _, ok := x.(string); !ok {
		v.add(loc, "string_type", "Input should be a valid string", x)
	}
}

// optStr validates an Optional[str] field.
func (v *validation) optStr(loc []pyval.Value, x pyval.Value) {
	if x != nil {
		v.str(loc, x)
	}
}

// literal validates a Literal of strings.
func (v *validation) literal(loc []pyval.Value, x pyval.Value, allowed ...string) {
	if s, ok := x.(string); ok {
		for _, a := range allowed {
			if s == a {
				return
			}
		}
	}
	v.add(loc, "literal_error", "Input should be "+orList(allowed), x)
}

// orList renders 'a', 'b' or 'c' as pydantic lists expected values.
func orList(vals []string) string {
	q := make([]string, len(vals))
	for i, s := range vals {
		q[i] = pyval.Repr(s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// with returns loc extended by one element, in a fresh slice.
func with(loc []pyval.Value, e pyval.Value) []pyval.Value {
	out := make([]pyval.Value, len(loc)+1)
	copy(out, loc)
	out[len(loc)] = e
	return out
}

// addictMerge merges src into dst as addict's Dict.update does (nested
// dicts merged key by key, anything else replaced), in place.
func addictMerge(dst, src *pyval.Dict) {
	src.Items(func(k, v pyval.Value) bool {
		cur, ok := dst.Get(k)
		cd, curDict := cur.(*pyval.Dict)
		vd, newDict := v.(*pyval.Dict)
		if ok && curDict && newDict {
			addictMerge(cd, vd)
		} else {
			dst.Set(k, pyval.DeepCopy(v))
		}
		return true
	})
}
