package toolcall

import (
	"testing"

	"github.com/toolgym/toolgym/tool"
)

func TestMistralParse(t *testing.T) {
	cases := []parseCase{
		{name: "empty", in: "", content: ""},
		{name: "plain answer", in: "Bonjour ! Il fait beau.</s>", content: "Bonjour ! Il fait beau.</s>"},
		{
			name:  "pre-v11 list with ids",
			in:    `[TOOL_CALLS] [{"name": "get_current_weather", "arguments": {"location": "Paris, France", "format": "celsius"}, "id": "abc123XYZ"}]`,
			calls: []wantCall{{name: "get_current_weather", args: `{"location":"Paris, France","format":"celsius"}`, id: "abc123XYZ"}},
		},
		{
			name:    "pre-v11 content, three calls, two without id",
			in:      "I will check both.\n[TOOL_CALLS][{\"name\": \"a\", \"arguments\": {\"x\": 1}, \"id\": \"Qw3rTy123\"}, {\"name\": \"b\", \"arguments\": {}}, {\"id\": \"null\", \"name\": \"c\", \"arguments\": {}}]</s>",
			content: "I will check both.",
			calls:   []wantCall{{name: "a", args: `{"x":1}`, id: "Qw3rTy123"}, {name: "b", args: `{}`}, {name: "c", args: `{}`}},
		},
		{
			name:  "pre-v11 single object and arguments string",
			in:    `[TOOL_CALLS] {"name": "f", "arguments": "{\"q\": \"x\"}"}`,
			calls: []wantCall{{name: "f", args: `{"q":"x"}`}},
		},
		{
			name:  "v11 single",
			in:    `[TOOL_CALLS]get_weather[ARGS]{"city": "Paris"}`,
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris"}`}},
		},
		{
			name:    "v11 repeated with content",
			in:      "Let me look these up.[TOOL_CALLS]get_weather[ARGS]{\"city\": \"Paris\"}[TOOL_CALLS]get_time[ARGS]{\"tz\": \"Europe/Paris\"}</s>",
			content: "Let me look these up.",
			calls:   []wantCall{{name: "get_weather", args: `{"city":"Paris"}`}, {name: "get_time", args: `{"tz":"Europe/Paris"}`}},
		},
		{
			name:  "v13 call ids",
			in:    `[TOOL_CALLS]get_weather[CALL_ID]a1B2c3D4e[ARGS]{"city": "Paris"}[TOOL_CALLS]noop[CALL_ID]z9Y8x7W6v[ARGS]{}`,
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris"}`, id: "a1B2c3D4e"}, {name: "noop", args: `{}`, id: "z9Y8x7W6v"}},
		},
		{
			name:  "v11 with [ARGS] dropped",
			in:    `[TOOL_CALLS]get_weather{"city": "Paris"}`,
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris"}`}},
		},
		{
			name:  "v11 spaces around parts, nested unicode arguments",
			in:    "[TOOL_CALLS] book_hotel [ARGS] {\"city\": \"Zürich\", \"guests\": [{\"name\": \"Zoë\"}], \"nights\": 2, \"budget\": 350.0, \"note\": \"late \\\"check-in\\\"\"}\n",
			calls: []wantCall{{name: "book_hotel", args: `{"city":"Zürich","guests":[{"name":"Zoë"}],"nights":2,"budget":350.0,"note":"late \"check-in\""}`}},
		},
		{
			name:  "v11 name with invalid UTF-8 is made valid",
			in:    "[TOOL_CALLS]f\xcd[ARGS]{}",
			calls: []wantCall{{name: "f\uFFFD", args: `{}`}},
		},
		{
			name:   "prose after the token",
			in:     "[TOOL_CALLS] I cannot call a tool for that.",
			errHas: []string{"mistral: tool call 1", "expected a tool name"},
		},
		{
			name:   "nothing after the token",
			in:     "Sure.[TOOL_CALLS]",
			errHas: []string{"not followed by a call"},
		},
		{
			name:      "broken JSON",
			in:        `[TOOL_CALLS]f[ARGS]{"a": 1}[TOOL_CALLS]g[ARGS]{"b": }`,
			errHas:    []string{"tool call 2", "arguments of g are not valid JSON"},
			errOff:    52,
			errOffSet: true,
			errCall:   1,
			errCallOK: true,
		},
		{
			name:   "cut off arguments",
			in:     `[TOOL_CALLS]f[ARGS]{"a": [1, 2`,
			errHas: []string{"cut off"},
		},
		{
			name:   "missing arguments",
			in:     `[TOOL_CALLS]f[ARGS]`,
			errHas: []string{"has no arguments"},
		},
		{
			name:   "missing arguments before the next call",
			in:     `[TOOL_CALLS]f[TOOL_CALLS]g[ARGS]{}`,
			errHas: []string{"tool call 1", "has no arguments"},
		},
		{
			name:   "arguments an array",
			in:     `[TOOL_CALLS]f[ARGS][1]`,
			errHas: []string{"must be a JSON object"},
		},
		{
			name:      "text after the calls",
			in:        `[TOOL_CALLS]f[ARGS]{} and done`,
			errHas:    []string{"unexpected text after the tool calls"},
			errOff:    22,
			errOffSet: true,
		},
		{
			name:   "call id without arguments",
			in:     `[TOOL_CALLS]f[CALL_ID]abc`,
			errHas: []string{"[CALL_ID]"},
		},
		{
			name:   "pre-v11 broken list",
			in:     `[TOOL_CALLS][{"name": "f", "arguments": {}}`,
			errHas: []string{"cut off"},
		},
		{
			name:   "pre-v11 name with spaces",
			in:     `[TOOL_CALLS][{"name": "get weather", "arguments": {}}]`,
			errHas: []string{"has spaces"},
		},
		{
			name:   "pre-v11 empty list",
			in:     `[TOOL_CALLS][]`,
			errHas: []string{"list of calls"},
		},
	}
	runParseCases(t, Mistral{}, cases)
}

func TestMistralFormat(t *testing.T) {
	calls := []tool.Call{
		{ID: "abc123XYZ", Name: "get_weather", Arguments: `{"city":"Paris"}`},
		{Name: "get_time", Arguments: ``},
	}
	cases := []struct {
		m    Mistral
		want string
	}{
		{Mistral{}, `[TOOL_CALLS]get_weather[ARGS]{"city": "Paris"}[TOOL_CALLS]get_time[ARGS]{}`},
		{Mistral{CallIDs: true}, `[TOOL_CALLS]get_weather[CALL_ID]abc123XYZ[ARGS]{"city": "Paris"}[TOOL_CALLS]get_time[ARGS]{}`},
		{Mistral{Legacy: true}, `[TOOL_CALLS][{"name": "get_weather", "arguments": {"city": "Paris"}, "id": "abc123XYZ"}, {"name": "get_time", "arguments": {}}]`},
	}
	for _, tc := range cases {
		got, err := tc.m.Format(calls)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%+v Format =\n%s\nwant\n%s", tc.m, got, tc.want)
		}
	}
}
