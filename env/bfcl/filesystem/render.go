package filesystem

import (
	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// Results are written straight as the json.dumps text of the dict the
// reference returns (a bfcl.JSONResult), one buffer per result, instead
// of a dict for bfcl.RenderDict to encode. The texts of str values are
// written in pieces (a line, a separator, the next line): json.dumps
// escapes a str code point by code point, so the text of a str cut at
// code point boundaries is the texts of its pieces one after the other.

// suffix is FILE_CONTENT_EXTENSION, the text the long-context variant
// appends to most files, with what the methods need of it made once: its
// JSON text (a few kilobytes that every result showing such a file's
// last line would escape again) and its length in code points.
type suffix struct {
	text  string
	json  string // the body of json.dumps(text): no quotes
	runes int    // len(text) as a str
}

// newSuffix returns the suffix for text, or nil when a content cannot
// be kept as two pieces with text the second: text is empty, starts
// with a byte that is not ASCII (the cut might split a code point, or a
// "\r\n"), or holds a line break (lines would span the pieces).
func newSuffix(text string) *suffix {
	if text == "" || text[0] >= 0x80 {
		return nil
	}
	if line, _, _ := nextLine(text, 0); len(line) != len(text) {
		return nil
	}
	return &suffix{text: text, json: string(appendBody(nil, text)), runes: runeLen(text)}
}

// jsonSize is about the length of the body of json.dumps(t).
func (t text) jsonSize() int {
	n := len(t.head) + len(t.head)>>3 + 2
	if t.x != nil {
		n += len(t.x.json)
	}
	return n
}

// appendJSON appends the body of json.dumps(t).
func (t text) appendJSON(b []byte) []byte {
	if t.boxed != nil {
		b = appendBodyOf(b, t.boxed, t.head)
	} else {
		b = appendBody(b, t.head)
	}
	if t.x != nil {
		b = append(b, t.x.json...)
	}
	return b
}

// appendLine appends the body of json.dumps of line sp of t.
func (t text) appendLine(b []byte, sp span) []byte {
	b = appendBody(b, t.head[sp.start:sp.end])
	if sp.ext {
		b = append(b, t.x.json...)
	}
	return b
}

// lineSize is about the length of what appendLine writes.
func (t text) lineSize(sp span) int {
	n := sp.end - sp.start
	n += n>>3 + 2
	if sp.ext {
		n += len(t.x.json)
	}
	return n
}

// textResult returns {key: t} (head holds `{"key": "`).
func textResult(head string, t text) pyval.Value {
	w := newWriter(len(head)+t.jsonSize()+2, head)
	w.b = t.appendJSON(w.b)
	return w.done()
}

// joinResult returns {key: "\n".join(lines)} for lines of t (head holds
// `{"key": "`).
func (t text) joinResult(head string, lines []span) pyval.Value {
	n := len(head) + 2
	for _, sp := range lines {
		n += t.lineSize(sp) + 2
	}
	w := newWriter(n, head)
	for i, sp := range lines {
		if i > 0 {
			w.lit(`\n`)
		}
		w.b = t.appendLine(w.b, sp)
	}
	return w.done()
}

// appendBody appends the body of json.dumps(s) (ensure_ascii): s itself
// when it is printable ASCII with no quote or backslash, as names and
// most lines are.
func appendBody(b []byte, s string) []byte {
	if plainJSON(s) {
		return append(b, s...)
	}
	return appendEscaped(b, s)
}

// appendBodyOf is appendBody for s held by v, a Value already (its
// escaping does not box s again).
func appendBodyOf(b []byte, v pyval.Value, s string) []byte {
	if plainJSON(s) {
		return append(b, s...)
	}
	return appendEscaped(b, v)
}

// appendEscaped appends the body of json.dumps(s) for s a str.
func appendEscaped(b []byte, s pyval.Value) []byte {
	n := len(b)
	b, _ = pyval.AppendJSON(b, s, true) // a str always encodes
	// Drop the quotes around the text.
	copy(b[n:], b[n+1:len(b)-1])
	return b[:len(b)-2]
}

// appendQuoted appends json.dumps(s).
func appendQuoted(b []byte, s string) []byte {
	if plainJSON(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	b, _ = pyval.AppendJSON(b, s, true)
	return b
}

// plainJSON reports whether json.dumps writes s as it is between its
// quotes: every byte printable ASCII (' ' to '~') but '"' and '\\'.
func plainJSON(s string) bool {
	if len(s) < 8 {
		for i := 0; i < len(s); i++ {
			if !plainByte[s[i]] {
				return false
			}
		}
		return true
	}
	// Eight bytes at a time, the last word overlapping the one before.
	for i := 0; ; i += 8 {
		if i > len(s)-8 {
			i = len(s) - 8
		}
		if special8(load8(s, i)) != 0 {
			return false
		}
		if i == len(s)-8 {
			return true
		}
	}
}

// special8 is nonzero when one of the eight bytes of x is not one that
// plainJSON accepts: below ' ' or above '~' (DEL and the non-ASCII) sets
// its high bit in x-0x20 or in x or in x+1, and '"' or '\\' is a zero
// byte of x^c. Borrows and carries only start at such a byte, so the
// result is 0 exactly when there is none.
func special8(x uint64) uint64 {
	q := x ^ ('"' * lsb8)
	bs := x ^ ('\\' * lsb8)
	return ((x - 0x20*lsb8) | x | (x + lsb8) | (q-lsb8)&^q | (bs-lsb8)&^bs) & msb8
}

// plainByte marks the bytes plainJSON accepts.
var plainByte = func() (t [256]bool) {
	for c := ' '; c <= '~'; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// result returns the text in b as a JSONResult, without copying it; b
// must not be touched again.
func result(b []byte) pyval.Value {
	return bfcl.BytesResult(b)
}

// writer writes a result: literal text as it is, str values as their
// JSON text.
type writer struct{ b []byte }

// newWriter returns a writer with room for n bytes, holding head.
func newWriter(n int, head string) writer {
	return writer{append(make([]byte, 0, n), head...)}
}

// lit appends s, which needs no escaping.
func (w *writer) lit(s string) { w.b = append(w.b, s...) }

// text appends the body of json.dumps(s).
func (w *writer) text(s string) { w.b = appendBody(w.b, s) }

// done closes the str value and the dict: the result.
func (w *writer) done() pyval.Value { return result(append(w.b, `"}`...)) }

// plainResult returns {key: s} (head holds `{"key": "`).
func plainResult(head, s string) pyval.Value {
	w := newWriter(len(head)+len(s)+len(s)>>3+2, head)
	w.text(s)
	return w.done()
}
