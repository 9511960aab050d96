package toolcall

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode"

	"github.com/toolgym/toolgym/tool"
)

// Mistral is the format of Mistral models. Parse reads both forms, which
// may follow content:
//
//	[TOOL_CALLS][{"name": "f", "arguments": {...}, "id": "abc123XYZ"}]
//
// of the v2 to v7 tokenizers (Mistral 7B v0.3, Mixtral 8x22B, Nemo), and
//
//	[TOOL_CALLS]f[ARGS]{...}[TOOL_CALLS]g[ARGS]{...}
//
// of the v11 and later tokenizers (Mistral Small 3.1+, Magistral,
// Devstral), where a call may carry its id as f[CALL_ID]abc123XYZ[ARGS]{...}
// and [ARGS] may be missing when the server dropped special tokens. Ids the
// text carries are kept (an id "null" is none). Text after the calls (other
// than a final </s>) is an error.
//
// Format writes the v11 form unless Legacy is set; the zero value is the
// registered "mistral" parser.
type Mistral struct {
	// Legacy makes Format write the pre-v11 JSON list form, with each
	// call's id when it has one.
	Legacy bool
	// CallIDs makes Format write each call's id as [CALL_ID] in the v11
	// form, for tokenizers that have that control token.
	CallIDs bool
}

const (
	mistralCalls  = "[TOOL_CALLS]"
	mistralArgs   = "[ARGS]"
	mistralCallID = "[CALL_ID]"
	mistralHint   = `write [TOOL_CALLS]tool_name[ARGS]{"arg": "value"} for each call`
)

// Name returns "mistral".
func (Mistral) Name() string { return "mistral" }

// Parse splits text into content and calls; see [Mistral].
func (Mistral) Parse(text string) (string, []tool.Call, error) {
	const name = "mistral"
	body := trimEndTokens(text, "</s>")
	k := strings.Index(body, mistralCalls)
	if k < 0 {
		return strings.TrimSpace(text), nil, nil
	}
	fail := func(err *Error) (string, []tool.Call, error) { return strings.TrimSpace(text), nil, err }
	content := strings.TrimSpace(body[:k])
	var calls []tool.Call
	pos := k
	for pos < len(body) {
		if !strings.HasPrefix(body[pos:], mistralCalls) {
			return fail(malformed(name, pos, -1, "unexpected text after the tool calls: put any text before [TOOL_CALLS] and nothing after the calls"))
		}
		n := len(calls)
		i := skipSpace(body, pos+len(mistralCalls))
		if i == len(body) {
			return fail(malformed(name, pos, n, "[TOOL_CALLS] is not followed by a call; %s", mistralHint))
		}
		if body[i] == '[' || body[i] == '{' {
			// The pre-v11 JSON form.
			raw, end, errOff, problem := readJSON(body, i)
			if problem != "" {
				return fail(malformed(name, errOff, n, "the JSON after [TOOL_CALLS] is not valid: %s", problem))
			}
			var objs []json.RawMessage
			if raw[0] == '[' {
				if err := json.Unmarshal([]byte(raw), &objs); err != nil || len(objs) == 0 {
					return fail(malformed(name, i, n, `[TOOL_CALLS] must be followed by a list of calls such as [{"name": "tool_name", "arguments": {...}}]`))
				}
			} else {
				objs = []json.RawMessage{json.RawMessage(raw)}
			}
			for _, obj := range objs {
				c, problem := decodeCallObject(obj, "arguments", "parameters")
				if problem == "" && !validMistralName(c.Name) {
					problem = "the tool name " + strconv.Quote(clip(c.Name, 60)) + " has spaces, brackets, braces or quotes"
				}
				if problem != "" {
					return fail(malformed(name, i, len(calls), "%s", problem))
				}
				if c.ID == "null" {
					c.ID = ""
				}
				c.ID = callID(len(calls), c.ID)
				calls = append(calls, c)
			}
			pos = skipSpace(body, end)
			continue
		}
		// The v11 form: name, optional [CALL_ID]id, [ARGS], JSON object.
		// A name holds no bracket or brace, so it ends at the first one:
		// [ARGS], [CALL_ID], [TOOL_CALLS] or the arguments' {.
		nameEnd := len(body)
		if e := strings.IndexAny(body[i:], "[{"); e >= 0 {
			nameEnd = i + e
		}
		fn := strings.ToValidUTF8(strings.TrimSpace(body[i:nameEnd]), "\uFFFD")
		if !validMistralName(fn) {
			return fail(malformed(name, i, n, "expected a tool name after [TOOL_CALLS], got %q; %s", clip(fn, 40), mistralHint))
		}
		short := clip(fn, 60) // for messages
		j := nameEnd
		var id string
		if strings.HasPrefix(body[j:], mistralCallID) {
			j += len(mistralCallID)
			e := strings.Index(body[j:], mistralArgs)
			if e < 0 {
				return fail(malformed(name, j, n, "[CALL_ID] of %s is not followed by [ARGS] and the arguments", short))
			}
			id = strings.ToValidUTF8(strings.TrimSpace(body[j:j+e]), "\uFFFD")
			if !validMistralName(id) {
				return fail(malformed(name, j, n, "the call id of %s is empty or has spaces or brackets", short))
			}
			j += e
		}
		if strings.HasPrefix(body[j:], mistralArgs) {
			j += len(mistralArgs)
		}
		j = skipSpace(body, j)
		if j == len(body) || strings.HasPrefix(body[j:], mistralCalls) {
			return fail(malformed(name, j, n, "the call of %s has no arguments: write [ARGS] and a JSON object, {} when there are none", short))
		}
		raw, end, errOff, problem := readJSON(body, j)
		if problem != "" {
			return fail(malformed(name, errOff, n, "the arguments of %s are not valid JSON: %s", short, problem))
		}
		args, problem := argsObject(json.RawMessage(raw))
		if problem != "" {
			return fail(malformed(name, j, n, "in the call of %s: %s", short, problem))
		}
		calls = append(calls, tool.Call{ID: callID(n, id), Name: fn, Arguments: args})
		pos = skipSpace(body, end)
	}
	return content, calls, nil
}

// validMistralName reports whether s can stand as a tool name or call id
// in the v11 form: not empty, without spaces, brackets, braces or quotes.
func validMistralName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`[]{}"`, r) {
			return false
		}
	}
	return true
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && cut < len(s) && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "..."
}

// Format renders calls in the v11 form, or the pre-v11 JSON list form when
// m.Legacy is set.
func (m Mistral) Format(calls []tool.Call) (string, error) {
	if len(calls) == 0 {
		return "", nil
	}
	var b []byte
	if m.Legacy {
		b = append(b, mistralCalls+"["...)
	}
	for i, c := range calls {
		if strings.TrimSpace(c.Name) == "" {
			return "", malformed("mistral", -1, i, "the call has no name")
		}
		args, err := callArgs("mistral", i, c)
		if err != nil {
			return "", err
		}
		if m.Legacy {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, `{"name": `...)
			b = appendJSONString(b, c.Name)
			b = append(b, `, "arguments": `...)
			b = appendSpacedJSON(b, args)
			if c.ID != "" {
				b = append(b, `, "id": `...)
				b = appendJSONString(b, c.ID)
			}
			b = append(b, '}')
			continue
		}
		if !validMistralName(c.Name) {
			return "", malformed("mistral", -1, i, "the tool name %q cannot be written in the [TOOL_CALLS] form: it has spaces, brackets, braces or quotes", c.Name)
		}
		b = append(b, mistralCalls...)
		b = append(b, c.Name...)
		if m.CallIDs && c.ID != "" {
			if !validMistralName(c.ID) {
				return "", malformed("mistral", -1, i, "the call id %q cannot be written in the [TOOL_CALLS] form", c.ID)
			}
			b = append(b, mistralCallID...)
			b = append(b, c.ID...)
		}
		b = append(b, mistralArgs...)
		b = appendSpacedJSON(b, args)
	}
	if m.Legacy {
		b = append(b, ']')
	}
	return string(b), nil
}
