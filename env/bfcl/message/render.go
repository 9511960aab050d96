package message

import (
	"strconv"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// The methods render their results straight to the text json.dumps gives
// (a bfcl.JSONResult) rather than building a dict for the executor to
// encode. A result holding a value json.dumps rejects is built as the
// dict instead, which the executor then shows with str(), as the
// reference's executor does.

// renderBuf is the size of the stack buffer a result is rendered in; a
// longer one grows it on the heap.
const renderBuf = 256

// appendJSON appends json.dumps(v); ok is false when json.dumps raises.
func appendJSON(b []byte, v pyval.Value) ([]byte, bool) { return appendJSONDepth(b, v, 0) }

// maxDepth is how deep appendJSON goes into lists and dicts itself
// before it leaves a value to pyval (which also detects cycles).
const maxDepth = 4

func appendJSONDepth(b []byte, v pyval.Value, depth int) ([]byte, bool) {
	switch x := v.(type) {
	case string:
		return appendQuoted(b, x), true
	case int64:
		return strconv.AppendInt(b, x, 10), true
	case []pyval.Value:
		if depth >= maxDepth {
			break
		}
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ", "...)
			}
			var ok bool
			if b, ok = appendJSONDepth(b, e, depth+1); !ok {
				return b, false
			}
		}
		return append(b, ']'), true
	case *pyval.Dict:
		if depth >= maxDepth || !strKeys(x) {
			break
		}
		b = append(b, '{')
		ok, first := true, true
		x.Items(func(k, e pyval.Value) bool {
			if !first {
				b = append(b, ", "...)
			}
			first = false
			b = append(appendQuoted(b, k.(string)), ": "...)
			b, ok = appendJSONDepth(b, e, depth+1)
			return ok
		})
		return append(b, '}'), ok
	}
	// Other values are encoded apart: b, often a buffer on the caller's
	// stack, must not reach pyval.AppendJSON, whose recursion makes its
	// buffer escape.
	enc, err := pyval.AppendJSON(nil, v, true)
	return append(b, enc...), err == nil
}

// strKeys reports whether every key of d is a str.
func strKeys(d *pyval.Dict) bool {
	ok := true
	d.Items(func(k, _ pyval.Value) bool {
		_, ok = k.(string)
		return ok
	})
	return ok
}

// appendQuoted appends json.dumps(s) for a str s.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	return append(appendEscaped(b, s), '"')
}

// appendEscaped appends json.dumps(s) without its quotes: s as a part of
// a JSON string. Escaping goes character by character, so the parts of a
// str may be escaped one by one.
func appendEscaped(b []byte, s string) []byte {
	if plain(s) {
		return append(b, s...)
	}
	enc, _ := pyval.AppendJSON(nil, s, true) // a str always encodes; see appendJSON
	return append(b, enc[1:len(enc)-1]...)
}

// appendStr appends str(v), escaped as appendEscaped does.
func appendStr(b []byte, v pyval.Value) []byte {
	switch x := v.(type) {
	case string:
		return appendEscaped(b, x)
	case int64:
		return strconv.AppendInt(b, x, 10)
	}
	return appendEscaped(b, pyval.Str(v))
}

// plain reports whether json.dumps leaves s as it is: printable ASCII
// with no quote or backslash.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// textResult renders {key: prefix + str(v) + suffix}, a dict of one str.
func textResult(key string, prefix string, v pyval.Value, suffix string) bfcl.JSONResult {
	var buf [renderBuf]byte
	b := append(buf[:0], `{"`...)
	b = append(b, key...)
	b = append(b, `": "`...)
	b = append(b, prefix...)
	b = appendStr(b, v)
	b = append(b, suffix...)
	return bfcl.JSONResult(append(b, `"}`...))
}

// errResult renders {"error": prefix + str(v) + suffix}.
func errResult(prefix string, v pyval.Value, suffix string) bfcl.JSONResult {
	return textResult("error", prefix, v, suffix)
}

// Results that never vary.
const (
	resNotLoggedIn = bfcl.JSONResult(`{"error": "` + notLoggedIn + `"}`)
	resLoggedIn    = bfcl.JSONResult(`{"login_status": true}`)
	resLoggedOut   = bfcl.JSONResult(`{"login_status": false}`)
)
