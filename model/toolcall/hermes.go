package toolcall

import (
	"encoding/json"
	"strings"

	"github.com/toolgym/toolgym/tool"
)

// Hermes is the format of Hermes, Qwen2.5 and Qwen3 models: each call is a
// JSON object in a block
//
//	<tool_call>
//	{"name": "get_weather", "arguments": {"city": "Paris"}}
//	</tool_call>
//
// anywhere in the text; the text outside the blocks is content. As vLLM's
// hermes parser, it accepts a final block left unclosed at the end of the
// text, arguments given as a JSON string holding an object, and missing
// arguments (meaning {}). It also accepts "parameters" for "arguments", a
// call nested as {"function": {...}}, and a JSON array of calls in one block.
// Blocks inside <think>...</think> are reasoning, not calls, and stay in the
// content.
type Hermes struct{}

const (
	hermesOpen  = "<tool_call>"
	hermesClose = "</tool_call>"
	thinkOpen   = "<think>"
	thinkClose  = "</think>"
)

const hermesHint = `write each call as <tool_call>{"name": "tool_name", "arguments": {...}}</tool_call>`

// Name returns "hermes".
func (Hermes) Name() string { return "hermes" }

// Parse splits text into content and calls; see [Hermes].
func (Hermes) Parse(text string) (string, []tool.Call, error) {
	const name = "hermes"
	orig := text
	text = trimEndTokens(text, "<|im_end|>", "<|endoftext|>")
	from := 0
	// A Qwen3 prompt may open the reasoning itself, leaving only its end
	// in the completion; that end is not one when it sits inside a JSON
	// string of a call.
	if e := strings.Index(text, thinkClose); e >= 0 {
		o := strings.Index(text, thinkOpen)
		first := strings.Index(text, hermesOpen)
		if (o < 0 || o > e) && (first < 0 || first > e || !inJSONString(text, first+len(hermesOpen), e)) {
			from = e + len(thinkClose)
		}
	}
	start := hermesFind(text, from)
	if start < 0 {
		return strings.TrimSpace(orig), nil, nil
	}
	fail := func(err *Error) (string, []tool.Call, error) {
		return strings.TrimSpace(orig), nil, err
	}
	var content strings.Builder
	var calls []tool.Call
	pos := 0
	for ; start >= 0; start = hermesFind(text, pos) {
		content.WriteString(text[pos:start])
		n := len(calls)
		i := skipSpace(text, start+len(hermesOpen))
		if i == len(text) || strings.HasPrefix(text[i:], hermesClose) || strings.HasPrefix(text[i:], hermesOpen) {
			return fail(malformed(name, start, n, "the <tool_call> block is empty; %s", hermesHint))
		}
		raw, end, errOff, problem := readJSON(text, i)
		if problem != "" {
			return fail(malformed(name, errOff, n, "the JSON inside <tool_call> is not valid: %s; %s", problem, hermesHint))
		}
		if raw[0] == '[' {
			var elems []json.RawMessage
			if err := json.Unmarshal([]byte(raw), &elems); err != nil || len(elems) == 0 {
				return fail(malformed(name, i, n, "the <tool_call> block holds an empty or invalid array; %s", hermesHint))
			}
			for _, el := range elems {
				c, problem := decodeCallObject(el, "arguments", "parameters")
				if problem != "" {
					return fail(malformed(name, i, len(calls), "%s; %s", problem, hermesHint))
				}
				c.ID = callID(len(calls), "")
				calls = append(calls, c)
			}
		} else {
			c, problem := decodeCallObject(json.RawMessage(raw), "arguments", "parameters")
			if problem != "" {
				return fail(malformed(name, i, n, "%s; %s", problem, hermesHint))
			}
			c.ID = callID(n, "")
			calls = append(calls, c)
		}
		j := skipSpace(text, end)
		switch {
		case strings.HasPrefix(text[j:], hermesClose):
			pos = j + len(hermesClose)
		case j == len(text), strings.HasPrefix(text[j:], hermesOpen):
			pos = j
		default:
			return fail(malformed(name, j, n, "unexpected text after the JSON object: close the block with </tool_call> right after the object"))
		}
	}
	content.WriteString(text[pos:])
	return strings.TrimSpace(content.String()), calls, nil
}

// hermesFind returns the offset of the next <tool_call> at or after from
// that is not inside <think>...</think>, or -1.
func hermesFind(text string, from int) int {
	for from <= len(text) {
		rest := text[from:]
		i := strings.Index(rest, hermesOpen)
		if i < 0 {
			return -1
		}
		t := strings.Index(rest[:i], thinkOpen)
		if t < 0 {
			return from + i
		}
		e := strings.Index(rest[t:], thinkClose)
		if e < 0 {
			return -1
		}
		from += t + e + len(thinkClose)
	}
	return -1
}

// inJSONString reports whether offset e of s is inside a JSON string,
// reading JSON string quotes from offset from on.
func inJSONString(s string, from, e int) bool {
	in := false
	for i := from; i < e; i++ {
		switch s[i] {
		case '\\':
			if in {
				i++
			}
		case '"':
			in = !in
		}
	}
	return in
}

// Format renders calls as <tool_call> blocks separated by newlines, the
// way Qwen's chat template shows them.
func (Hermes) Format(calls []tool.Call) (string, error) {
	var b []byte
	for i, c := range calls {
		if strings.TrimSpace(c.Name) == "" {
			return "", malformed("hermes", -1, i, "the call has no name")
		}
		args, err := callArgs("hermes", i, c)
		if err != nil {
			return "", err
		}
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, hermesOpen+"\n"+`{"name": `...)
		b = appendJSONString(b, c.Name)
		b = append(b, `, "arguments": `...)
		b = appendSpacedJSON(b, args)
		b = append(b, "}\n"+hermesClose...)
	}
	return string(b), nil
}

// decodeCallObject reads a {"name": ..., "arguments": ...} call object.
// The arguments are taken from the first of argKeys present; a call nested
// as {"function": {...}} is unwrapped. The id is kept when it is a
// non-empty string.
func decodeCallObject(raw json.RawMessage, argKeys ...string) (tool.Call, string) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return tool.Call{}, `a call must be a JSON object with "name" and "arguments"`
	}
	return decodeCallMap(m, argKeys...)
}

// decodeCallMap is decodeCallObject on the object's members.
func decodeCallMap(m map[string]json.RawMessage, argKeys ...string) (tool.Call, string) {
	if _, ok := m["name"]; !ok {
		if fn, ok := m["function"]; ok && len(fn) > 0 && fn[0] == '{' {
			var inner map[string]json.RawMessage
			if json.Unmarshal(fn, &inner) == nil && inner != nil {
				if id, ok := m["id"]; ok {
					inner["id"] = id
				}
				m = inner
			}
		}
	}
	nameRaw, ok := m["name"]
	if !ok {
		return tool.Call{}, `the call object has no "name"`
	}
	var name string
	if err := json.Unmarshal(nameRaw, &name); err != nil {
		return tool.Call{}, `"name" must be a string holding the tool name`
	}
	if strings.TrimSpace(name) == "" {
		return tool.Call{}, `"name" is empty: give the tool name`
	}
	var argsRaw json.RawMessage
	for _, k := range argKeys {
		if v, ok := m[k]; ok {
			argsRaw = v
			break
		}
	}
	args, problem := argsObject(argsRaw)
	if problem != "" {
		return tool.Call{}, "in the call of " + clip(name, 60) + ": " + problem
	}
	var id string
	if idRaw, ok := m["id"]; ok {
		_ = json.Unmarshal(idRaw, &id) // a non-string id is ignored
	}
	return tool.Call{ID: id, Name: name, Arguments: args}, ""
}
