package toolcall

import (
	"encoding/json"
	"strings"

	"github.com/toolgym/toolgym/tool"
)

// Llama3 is the JSON tool-calling format of Llama 3.1, 3.2 and 3.3: the
// whole message is a call object
//
//	{"name": "get_weather", "parameters": {"city": "Paris"}}
//
// optionally after <|python_tag|>, possibly several separated by ";" or
// new lines, or given as one JSON array, possibly in a Markdown code fence. "arguments" is accepted for
// "parameters". A message that does not start with such JSON is a plain
// answer: all content, no calls. JSON that starts like a call but cannot be
// read, or text after the calls, is an error.
type Llama3 struct{}

const (
	pythonTag  = "<|python_tag|>"
	llama3Hint = `a tool call is the whole message, written as {"name": "tool_name", "parameters": {...}}`
)

// Name returns "llama3".
func (Llama3) Name() string { return "llama3" }

// Parse splits text into content and calls; see [Llama3].
func (Llama3) Parse(text string) (string, []tool.Call, error) {
	const name = "llama3"
	trimmed := strings.TrimSpace(text)
	body := trimEndTokens(text, "<|eom_id|>", "<|eot_id|>")
	i := skipSpace(body, 0)
	if inner, off, ok := stripFence(body); ok {
		if k := skipSpace(inner, 0); k < len(inner) && inner[k] == '{' {
			// Offsets stay those of text: blank out the fence.
			body = strings.Repeat(" ", off) + inner
			i = off + k
		}
	}
	if strings.HasPrefix(body[i:], pythonTag) {
		i = skipSpace(body, i+len(pythonTag))
	}
	if i == len(body) || (body[i] != '{' && body[i] != '[') {
		return trimmed, nil, nil
	}
	fail := func(err *Error) (string, []tool.Call, error) { return trimmed, nil, err }
	var calls []tool.Call
	for {
		raw, end, errOff, problem := readJSON(body, i)
		if problem != "" {
			if len(calls) == 0 && !strings.Contains(body[i:end], `"name"`) {
				return trimmed, nil, nil // broken JSON that is no call: a plain answer
			}
			return fail(malformed(name, errOff, len(calls), "the call's JSON is not valid: %s; %s", problem, llama3Hint))
		}
		var objs []map[string]json.RawMessage
		if raw[0] == '[' {
			if err := json.Unmarshal([]byte(raw), &objs); err != nil || len(objs) == 0 || !allCallLike(objs) {
				if len(calls) == 0 {
					return trimmed, nil, nil // a JSON array answer
				}
				return fail(malformed(name, i, len(calls), "expected call objects; %s", llama3Hint))
			}
		} else {
			var m map[string]json.RawMessage
			if err := json.Unmarshal([]byte(raw), &m); err != nil || !isCallLike(m) {
				if len(calls) == 0 {
					return trimmed, nil, nil // a JSON answer, not a call
				}
				return fail(malformed(name, i, len(calls), "expected a call object with \"name\" and \"parameters\"; %s", llama3Hint))
			}
			objs = []map[string]json.RawMessage{m}
		}
		for _, m := range objs {
			c, problem := decodeCallMap(m, "parameters", "arguments")
			if problem != "" {
				return fail(malformed(name, i, len(calls), "%s; %s", problem, llama3Hint))
			}
			c.ID = callID(len(calls), "")
			calls = append(calls, c)
		}
		j := end
		for j < len(body) && (isSpace(body[j]) || body[j] == ';') {
			j++
		}
		if j == len(body) {
			break
		}
		if body[j] != '{' && body[j] != '[' {
			return fail(malformed(name, j, -1, "unexpected text after the tool call: a message with tool calls must contain only the calls, separated by \";\""))
		}
		i = j
	}
	return "", calls, nil
}

// isCallLike reports whether the object m is an attempt at a call: it
// has a "name" and a "parameters" or "arguments" member, whatever their
// values. An object with only some of these is taken for a plain JSON
// answer.
func isCallLike(m map[string]json.RawMessage) bool {
	if m == nil {
		return false
	}
	if _, ok := m["name"]; !ok {
		return false
	}
	_, p := m["parameters"]
	_, a := m["arguments"]
	return p || a
}

func allCallLike(objs []map[string]json.RawMessage) bool {
	for _, m := range objs {
		if !isCallLike(m) {
			return false
		}
	}
	return true
}

// Format renders calls as Llama 3 call objects separated by "; ".
func (Llama3) Format(calls []tool.Call) (string, error) {
	var b []byte
	for i, c := range calls {
		if strings.TrimSpace(c.Name) == "" {
			return "", malformed("llama3", -1, i, "the call has no name")
		}
		args, err := callArgs("llama3", i, c)
		if err != nil {
			return "", err
		}
		if i > 0 {
			b = append(b, "; "...)
		}
		b = append(b, `{"name": `...)
		b = appendJSONString(b, c.Name)
		b = append(b, `, "parameters": `...)
		b = appendSpacedJSON(b, args)
		b = append(b, '}')
	}
	return string(b), nil
}
