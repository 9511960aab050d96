// Package toolcall turns the raw text of models without native tool calls
// into [tool.Call] values and back. Each supported text format (Hermes and
// Qwen's <tool_call> blocks, BFCL-style Python call lists, Llama 3 JSON and
// Mistral's [TOOL_CALLS]) has a [Parser]: Parse splits a completion into its
// prose content and its calls, and Format renders past calls in the model's
// own form so they can be put back into a prompt.
//
// Parsers are lenient where real servers are (an unclosed final block, or
// arguments sent as a JSON string) and otherwise strict: text that is
// clearly an attempted call but cannot be read fails with an error wrapping
// [ErrMalformed]. Its message says where (byte offset, which call) and what is
// wrong in words a model can act on, since it may be shown to the model as an
// observation. Text that is not an attempt at a call is content, with no
// calls and no error.
//
// [ParsePython] is the lower-level reader of Python call strings such as
// cd(folder='document'); it parses with go.starlark.net/syntax and never
// evaluates anything.
package toolcall

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/toolgym/toolgym/tool"
)

// Parser reads and writes one model family's text form of tool calls.
// Parsers hold no state and are safe for concurrent use.
type Parser interface {
	// Name is the name the parser is registered under, such as "hermes".
	Name() string
	// Parse splits a model's raw text into its prose content (the text
	// outside the call markup, trimmed) and the calls it makes, in order.
	// Calls get the ids the format carries, or else "call_0", "call_1", ...
	// by position. When the text attempts calls that cannot be read, Parse
	// returns the whole trimmed text as content, no calls and an error
	// wrapping [ErrMalformed].
	Parse(text string) (content string, calls []tool.Call, err error)
	// Format renders calls in the model's text form, the way its chat
	// template shows past assistant calls. Calls whose arguments are not a
	// JSON object, or whose names the form cannot carry, fail with an error
	// wrapping [ErrMalformed]. No calls render as "".
	Format(calls []tool.Call) (string, error)
}

// ErrMalformed is wrapped by every error about text that attempts tool calls
// but cannot be read, and by Format errors about calls that cannot be
// rendered.
var ErrMalformed = errors.New("malformed tool call")

// Error is a malformed tool call: where it is and what is wrong. It wraps
// [ErrMalformed].
type Error struct {
	// Parser is the name of the format, such as "hermes".
	Parser string
	// Offset is the byte offset in the parsed text where the problem is, or
	// -1 when unknown (always -1 for Format errors).
	Offset int
	// Call is the index of the call at fault, counting from 0, or -1 when
	// the problem is not in one call.
	Call int
	// Msg says what is wrong and how to write it instead.
	Msg string
}

// Error renders the error as a model-readable sentence, such as
// "hermes: tool call 2 at byte 57: ...".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Parser)
	b.WriteString(": ")
	switch {
	case e.Call >= 0 && e.Offset >= 0:
		fmt.Fprintf(&b, "tool call %d at byte %d: ", e.Call+1, e.Offset)
	case e.Call >= 0:
		fmt.Fprintf(&b, "tool call %d: ", e.Call+1)
	case e.Offset >= 0:
		fmt.Fprintf(&b, "at byte %d: ", e.Offset)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns [ErrMalformed].
func (e *Error) Unwrap() error { return ErrMalformed }

func malformed(parser string, offset, call int, format string, args ...any) *Error {
	return &Error{Parser: parser, Offset: offset, Call: call, Msg: fmt.Sprintf(format, args...)}
}

var registry = map[string]Parser{
	"hermes":   Hermes{},
	"pythonic": Pythonic{},
	"llama3":   Llama3{},
	"mistral":  Mistral{},
}

// Lookup returns the parser registered under name: "hermes", "pythonic",
// "llama3" or "mistral".
func Lookup(name string) (Parser, bool) {
	p, ok := registry[name]
	return p, ok
}

// Names returns the registered parser names, sorted.
func Names() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// callID returns the id of the i-th call: the format's own id when it has
// one, else "call_i".
func callID(i int, own string) string {
	if own != "" {
		return own
	}
	return "call_" + strconv.Itoa(i)
}

// isSpace reports whether c is JSON or Python insignificant white space.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// jsonEnd returns the end of the JSON value that starts at s[i] (not white
// space). It checks bracket nesting and string ends only; the value must
// still be validated. A value cut off by the end of s yields a description
// of what is missing.
func jsonEnd(s string, i int) (end int, problem string) {
	var stackBuf [32]byte
	stack := stackBuf[:0]
	j := i
	for j < len(s) {
		c := s[j]
		switch c {
		case '"':
			k := j + 1
			for k < len(s) && s[k] != '"' {
				if s[k] == '\\' {
					k++
				}
				k++
			}
			if k >= len(s) {
				return len(s), "the JSON ends inside a string: a closing quote is missing"
			}
			j = k + 1
		case '{', '[':
			stack = append(stack, c)
			j++
		case '}', ']':
			open := byte('{')
			if c == ']' {
				open = '['
			}
			if len(stack) == 0 || stack[len(stack)-1] != open {
				return j + 1, ""
			}
			stack = stack[:len(stack)-1]
			j++
		default:
			if len(stack) == 0 {
				// A scalar: runs to the next delimiter.
				for j < len(s) && !isSpace(s[j]) && !strings.ContainsRune(",:;{}[]\"<", rune(s[j])) {
					j++
				}
				return j, ""
			}
			j++
		}
		if len(stack) == 0 {
			return j, ""
		}
	}
	n := len(stack)
	if n > 8 {
		return len(s), fmt.Sprintf("the JSON is cut off: %d brackets are not closed", n)
	}
	closers := make([]byte, n)
	for k := range n {
		if stack[n-1-k] == '{' {
			closers[k] = '}'
		} else {
			closers[k] = ']'
		}
	}
	return len(s), fmt.Sprintf("the JSON is cut off: %d bracket(s) are not closed (missing %q)", n, closers)
}

// jsonProblem describes why raw is not valid JSON, with the byte offset of
// the fault within raw.
func jsonProblem(raw string) (offset int, msg string) {
	var v any
	err := json.Unmarshal([]byte(raw), &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := int(se.Offset) - 1
		if off < 0 {
			off = 0
		}
		return off, se.Error()
	}
	if err != nil {
		return 0, err.Error()
	}
	return 0, "unknown JSON error"
}

// readJSON reads the JSON value starting at s[i] (not white space) and
// returns it with its end. On failure it returns the absolute offset of
// the fault and a description.
func readJSON(s string, i int) (raw string, end int, errOff int, problem string) {
	end, problem = jsonEnd(s, i)
	if problem != "" {
		return "", end, end, problem
	}
	raw = s[i:end]
	if !json.Valid([]byte(raw)) {
		off, msg := jsonProblem(raw)
		return "", end, i + off, "invalid JSON: " + msg
	}
	return raw, end, 0, ""
}

// argsObject turns the arguments member of a call object into compact JSON
// object text. Missing or null arguments, and the empty string, mean {};
// a JSON string holding an object is unquoted.
func argsObject(raw json.RawMessage) (string, string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "{}", ""
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", "the arguments string is not valid JSON: " + err.Error()
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return "{}", ""
		}
		if !json.Valid([]byte(s)) {
			_, msg := jsonProblem(s)
			return "", "the arguments are a string that does not hold valid JSON (" + msg + "); give the arguments as a JSON object"
		}
		raw = json.RawMessage(s)
	}
	if raw[0] != '{' {
		return "", "the arguments must be a JSON object such as {\"city\": \"Paris\"}, not " + tool.JSONKind(string(raw))
	}
	var b bytes.Buffer
	b.Grow(len(raw))
	if err := json.Compact(&b, raw); err != nil {
		return "", "the arguments are not valid JSON: " + err.Error()
	}
	return b.String(), ""
}

// callArgs returns a call's arguments as compact JSON object text, or a
// Format error.
func callArgs(parser string, i int, c tool.Call) ([]byte, error) {
	s := strings.TrimSpace(c.Arguments)
	if s == "" {
		return []byte("{}"), nil
	}
	if !json.Valid([]byte(s)) || s[0] != '{' {
		return nil, malformed(parser, -1, i, "the arguments of %s are not a JSON object", c.Name)
	}
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		return nil, malformed(parser, -1, i, "the arguments of %s are not a JSON object: %v", c.Name, err)
	}
	return b.Bytes(), nil
}

// appendSpacedJSON appends compact JSON with a space after each comma and
// colon outside strings, as Python's json.dumps writes it (and so as chat
// templates show arguments).
func appendSpacedJSON(dst, compact []byte) []byte {
	inStr := false
	for i := 0; i < len(compact); i++ {
		c := compact[i]
		dst = append(dst, c)
		switch {
		case inStr:
			if c == '\\' && i+1 < len(compact) {
				i++
				dst = append(dst, compact[i])
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == ',' || c == ':':
			dst = append(dst, ' ')
		}
	}
	return dst
}

// appendJSONString appends s as a JSON string, without HTML escaping;
// invalid UTF-8 becomes U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// stripFence returns the inside of a Markdown code fence that makes up
// all of s (white space aside), as in "```python\n[f(a=1)]\n```", and its
// offset in s. The fence may name a language.
func stripFence(s string) (inner string, offset int, ok bool) {
	i := skipSpace(s, 0)
	if !strings.HasPrefix(s[i:], "```") {
		return "", 0, false
	}
	i += 3
	nl := strings.IndexByte(s[i:], '\n')
	if nl < 0 {
		return "", 0, false
	}
	lang := strings.TrimSpace(s[i : i+nl])
	for _, r := range lang {
		if !isIdentRune(r) && r != '-' {
			return "", 0, false
		}
	}
	i += nl + 1
	t := strings.TrimRight(s, " \t\r\n")
	if !strings.HasSuffix(t, "```") || len(t)-3 < i {
		return "", 0, false
	}
	inner = t[i : len(t)-3]
	if strings.Contains(inner, "```") {
		return "", 0, false
	}
	return inner, i, true
}

// trimEndTokens removes trailing end-of-turn special tokens that servers
// may leave in raw text.
func trimEndTokens(s string, tokens ...string) string {
	for {
		t := strings.TrimRightFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
		trimmed := false
		for _, tok := range tokens {
			if strings.HasSuffix(t, tok) {
				t = t[:len(t)-len(tok)]
				trimmed = true
			}
		}
		s = t
		if !trimmed {
			return s
		}
	}
}
