package toolcall

import (
	"errors"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/tool"
)

func TestHermesParse(t *testing.T) {
	cases := []parseCase{
		{name: "empty", in: "", content: ""},
		{name: "white space", in: " \n\t ", content: ""},
		{name: "plain answer", in: "  The weather in Paris is sunny.\n", content: "The weather in Paris is sunny."},
		{
			name:  "one call",
			in:    "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}\n</tool_call>",
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris","unit":"celsius"}`}},
		},
		{
			name:    "content before and after",
			in:      "Let me check the weather.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>\nI will report back.",
			content: "Let me check the weather.\n\nI will report back.",
			calls:   []wantCall{{name: "get_weather", args: `{"city":"Paris"}`}},
		},
		{
			name:    "two calls with text between",
			in:      "First:<tool_call>{\"name\": \"a\", \"arguments\": {\"x\": 1}}</tool_call> then <tool_call>{\"name\": \"b\", \"arguments\": {\"y\": [1, 2]}}</tool_call>",
			content: "First: then",
			calls:   []wantCall{{name: "a", args: `{"x":1}`}, {name: "b", args: `{"y":[1,2]}`}},
		},
		{
			name:  "qwen parallel calls",
			in:    "<tool_call>\n{\"name\": \"get_current_temperature\", \"arguments\": {\"location\": \"San Francisco, CA, USA\"}}\n</tool_call>\n<tool_call>\n{\"name\": \"get_temperature_date\", \"arguments\": {\"location\": \"San Francisco, CA, USA\", \"date\": \"2024-10-01\"}}\n</tool_call>",
			calls: []wantCall{{name: "get_current_temperature", args: `{"location":"San Francisco, CA, USA"}`}, {name: "get_temperature_date", args: `{"location":"San Francisco, CA, USA","date":"2024-10-01"}`}},
		},
		{
			name:  "nested arguments and number text kept",
			in:    `<tool_call>{"name": "create_order", "arguments": {"items": [{"sku": "A1", "qty": 2, "price": 2.0}, {"sku": "B2", "qty": 1, "price": 1e5}], "shipping": {"address": {"city": "Berlin"}, "express": false}, "note": null}}</tool_call>`,
			calls: []wantCall{{name: "create_order", args: `{"items":[{"sku":"A1","qty":2,"price":2.0},{"sku":"B2","qty":1,"price":1e5}],"shipping":{"address":{"city":"Berlin"},"express":false},"note":null}`}},
		},
		{
			name:    "unicode",
			in:      "Je vérifie la météo à São Paulo 🌦\n<tool_call>{\"name\": \"météo\", \"arguments\": {\"ville\": \"São Paulo\", \"城市\": \"東京\"}}</tool_call>",
			content: "Je vérifie la météo à São Paulo 🌦",
			calls:   []wantCall{{name: "météo", args: `{"ville":"São Paulo","城市":"東京"}`}},
		},
		{
			name:  "escapes in strings",
			in:    `<tool_call>{"name": "write_file", "arguments": {"path": "C:\\tmp\\a.txt", "text": "line1\nline2\t\"q\" \u00e9 </tool_call> inside"}}</tool_call>`,
			calls: []wantCall{{name: "write_file", args: `{"path":"C:\\tmp\\a.txt","text":"line1\nline2\t\"q\" é </tool_call> inside"}`}},
		},
		{
			name:  "arguments as a JSON string",
			in:    `<tool_call>{"name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}</tool_call>`,
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris"}`}},
		},
		{
			name:  "arguments missing",
			in:    `<tool_call>{"name": "get_time"}</tool_call>`,
			calls: []wantCall{{name: "get_time", args: `{}`}},
		},
		{
			name:  "arguments null and empty string",
			in:    `<tool_call>{"name": "a", "arguments": null}</tool_call><tool_call>{"name": "b", "arguments": ""}</tool_call>`,
			calls: []wantCall{{name: "a", args: `{}`}, {name: "b", args: `{}`}},
		},
		{
			name:  "parameters for arguments",
			in:    `<tool_call>{"name": "f", "parameters": {"k": "v"}}</tool_call>`,
			calls: []wantCall{{name: "f", args: `{"k":"v"}`}},
		},
		{
			name:  "nested function object",
			in:    `<tool_call>{"type": "function", "function": {"name": "f", "arguments": {"k": 1}}}</tool_call>`,
			calls: []wantCall{{name: "f", args: `{"k":1}`}},
		},
		{
			name:  "array of calls in one block",
			in:    `<tool_call>[{"name": "a", "arguments": {}}, {"name": "b", "arguments": {"x": true}}]</tool_call>`,
			calls: []wantCall{{name: "a", args: `{}`}, {name: "b", args: `{"x":true}`}},
		},
		{
			name:    "unclosed final block",
			in:      "Checking.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Oslo\"}}",
			content: "Checking.",
			calls:   []wantCall{{name: "get_weather", args: `{"city":"Oslo"}`}},
		},
		{
			name:  "missing close between blocks",
			in:    `<tool_call>{"name": "a", "arguments": {}}<tool_call>{"name": "b", "arguments": {}}</tool_call>`,
			calls: []wantCall{{name: "a", args: `{}`}, {name: "b", args: `{}`}},
		},
		{
			name:  "end tokens",
			in:    "<tool_call>\n{\"name\": \"a\", \"arguments\": {}}\n</tool_call><|im_end|>\n",
			calls: []wantCall{{name: "a", args: `{}`}},
		},
		{
			name:    "call mentioned inside think is reasoning",
			in:      "<think>\nI could write <tool_call> here but should not.\n</think>\n\n<tool_call>\n{\"name\": \"f\", \"arguments\": {}}\n</tool_call>",
			content: "<think>\nI could write <tool_call> here but should not.\n</think>",
			calls:   []wantCall{{name: "f", args: `{}`}},
		},
		{
			name:    "qwen3 reasoning opened by the prompt",
			in:      "maybe <tool_call> {broken\n</think>\n\n<tool_call>\n{\"name\": \"f\", \"arguments\": {\"a\": 1}}\n</tool_call>",
			content: "maybe <tool_call> {broken\n</think>",
			calls:   []wantCall{{name: "f", args: `{"a":1}`}},
		},
		{
			name:  "a </think> inside a JSON string is no reasoning end",
			in:    `<tool_call>{"name": "f", "arguments": {"text": "</think>"}}</tool_call>`,
			calls: []wantCall{{name: "f", args: `{"text":"</think>"}`}},
		},
		{
			name:    "unclosed think hides everything",
			in:      "<think>let me call <tool_call>{\"name\": \"f\"}",
			content: "<think>let me call <tool_call>{\"name\": \"f\"}",
		},
		{
			name:    "stray closing tag stays content",
			in:      "done </tool_call>",
			content: "done </tool_call>",
		},
		{
			name:      "invalid JSON names the block",
			in:        "<tool_call>{\"name\": \"a\", \"arguments\": {}}</tool_call>\n<tool_call>{\"name\": \"b\", \"arguments\": {\"x\": }}</tool_call>",
			errHas:    []string{"hermes: tool call 2 at byte", "not valid", "invalid character '}'"},
			errCall:   1,
			errCallOK: true,
		},
		{
			name:      "cut off JSON",
			in:        `<tool_call>{"name": "a", "arguments": {"city": "Par`,
			errHas:    []string{"tool call 1", "closing quote is missing"},
			errCall:   0,
			errCallOK: true,
		},
		{
			name:   "cut off after string",
			in:     `<tool_call>{"name": "a", "arguments": {"city": "Paris"`,
			errHas: []string{"cut off", `"}}"`},
		},
		{
			name:      "empty block",
			in:        "text <tool_call>\n</tool_call>",
			errHas:    []string{"empty"},
			errOff:    5,
			errOffSet: true,
		},
		{
			name:   "empty block at end",
			in:     "text <tool_call>",
			errHas: []string{"empty"},
		},
		{
			name:   "missing name",
			in:     `<tool_call>{"arguments": {}}</tool_call>`,
			errHas: []string{`no "name"`},
		},
		{
			name:   "name not a string",
			in:     `<tool_call>{"name": 3, "arguments": {}}</tool_call>`,
			errHas: []string{`"name" must be a string`},
		},
		{
			name:   "empty name",
			in:     `<tool_call>{"name": " ", "arguments": {}}</tool_call>`,
			errHas: []string{`"name" is empty`},
		},
		{
			name:   "arguments an array",
			in:     `<tool_call>{"name": "f", "arguments": [1, 2]}</tool_call>`,
			errHas: []string{"must be a JSON object", "not an array"},
		},
		{
			name:   "arguments a string holding no object",
			in:     `<tool_call>{"name": "f", "arguments": "city=Paris"}</tool_call>`,
			errHas: []string{"string that does not hold valid JSON"},
		},
		{
			name:      "extra closing brace",
			in:        `<tool_call>{"name": "f", "arguments": {}}}</tool_call>`,
			errHas:    []string{"unexpected text after the JSON object"},
			errOff:    41,
			errOffSet: true,
		},
		{
			name:   "not JSON at all",
			in:     `<tool_call>get_weather(city="Paris")</tool_call>`,
			errHas: []string{"not valid"},
		},
		{
			name:   "a JSON scalar",
			in:     `<tool_call>"get_weather"</tool_call>`,
			errHas: []string{"must be a JSON object"},
		},
	}
	runParseCases(t, Hermes{}, cases)
}

func TestHermesFormat(t *testing.T) {
	got, err := Hermes{}.Format([]tool.Call{
		{ID: "x", Name: "get_weather", Arguments: `{"city":"Paris","unit":"celsius"}`},
		{Name: "get_time", Arguments: ""},
		{Name: "say", Arguments: ` {"text": "a, b: <c> & \"d\""} `},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}\n</tool_call>\n" +
		"<tool_call>\n{\"name\": \"get_time\", \"arguments\": {}}\n</tool_call>\n" +
		"<tool_call>\n{\"name\": \"say\", \"arguments\": {\"text\": \"a, b: <c> & \\\"d\\\"\"}}\n</tool_call>"
	if got != want {
		t.Errorf("Format =\n%s\nwant\n%s", got, want)
	}
	if s, err := (Hermes{}).Format(nil); s != "" || err != nil {
		t.Errorf("Format(nil) = %q, %v", s, err)
	}
}

func TestFormatErrors(t *testing.T) {
	cases := []struct {
		p     Parser
		calls []tool.Call
		has   string
	}{
		{Hermes{}, []tool.Call{{Name: "f", Arguments: `[1]`}}, "not a JSON object"},
		{Hermes{}, []tool.Call{{Name: "f", Arguments: `{"a":`}}, "not a JSON object"},
		{Hermes{}, []tool.Call{{Name: "", Arguments: `{}`}}, "no name"},
		{Llama3{}, []tool.Call{{Name: "f", Arguments: `"x"`}}, "not a JSON object"},
		{Mistral{}, []tool.Call{{Name: "get weather", Arguments: `{}`}}, "cannot be written"},
		{Mistral{CallIDs: true}, []tool.Call{{ID: "a b", Name: "f", Arguments: `{}`}}, "call id"},
		{Pythonic{}, []tool.Call{{Name: "get-weather", Arguments: `{}`}}, "not a Python name"},
		{Pythonic{}, []tool.Call{{Name: "f", Arguments: `{"first-name": 1}`}}, "not a Python name"},
		{Pythonic{}, []tool.Call{{Name: "f", Arguments: `{"class": 1}`}}, "not a Python name"},
		{Pythonic{}, []tool.Call{{Name: "f", Arguments: `{"a": 1, "a": 2}`}}, "given twice"},
		{Pythonic{}, []tool.Call{{Name: "ok", Arguments: `{}`}, {Name: "f", Arguments: `{"a": 1`}}, "tool call 2"},
	}
	for _, tc := range cases {
		_, err := tc.p.Format(tc.calls)
		if err == nil || !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), tc.has) {
			t.Errorf("%s.Format(%v) error = %v, want ErrMalformed containing %q", tc.p.Name(), tc.calls, err, tc.has)
		}
	}
}
