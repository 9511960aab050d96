package ticket

import (
	"strconv"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// render returns the rendered result {key: prefix + str(v) + suffix}, the
// text json.dumps gives for the dict the reference returns, made without
// building the dict (an int v is written straight into the text).
func render(key, prefix string, v pyval.Value, suffix string) bfcl.JSONResult {
	var buf [192]byte
	b := append(buf[:0], `{"`...)
	b = append(b, key...)
	b = append(b, `": "`...)
	b = appendEscaped(b, prefix)
	switch x := v.(type) {
	case int64:
		b = strconv.AppendInt(b, x, 10)
	case string:
		b = appendEscaped(b, x)
	default:
		b = appendEscaped(b, pyval.Str(v))
	}
	b = appendEscaped(b, suffix)
	return bfcl.JSONResult(append(b, `"}`...))
}

// appendEscaped appends json.dumps(s) without its quotes: s as a part of
// a JSON string. Escaping goes character by character, so the parts of a
// str may be escaped one by one.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			// Encoded apart: b, often a buffer on the caller's stack, must
			// not reach pyval.AppendJSON, whose recursion makes it escape.
			enc, _ := pyval.AppendJSON(nil, s, true) // a str always encodes
			return append(b, enc[1:len(enc)-1]...)
		}
	}
	return append(b, s...)
}
