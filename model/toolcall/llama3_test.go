package toolcall

import (
	"testing"

	"github.com/toolgym/toolgym/tool"
)

func TestLlama3Parse(t *testing.T) {
	cases := []parseCase{
		{name: "empty", in: "", content: ""},
		{name: "plain answer", in: "It is 18°C in Paris.\n", content: "It is 18°C in Paris."},
		{name: "JSON answer is content", in: `{"answer": 42}`, content: `{"answer": 42}`},
		{name: "object with a name but no parameters is content", in: `{"name": "Alice", "age": 30}`, content: `{"name": "Alice", "age": 30}`},
		{name: "JSON array answer", in: `[1, 2, 3]`, content: `[1, 2, 3]`},
		{name: "broken JSON without a name is content", in: `{"result": tru`, content: `{"result": tru`},
		{name: "prose before JSON is content", in: `Here it is: {"name": "f", "parameters": {}}`, content: `Here it is: {"name": "f", "parameters": {}}`},
		{name: "python tag with built-in tool code is content", in: `<|python_tag|>brave_search.call(query="weather")`, content: `<|python_tag|>brave_search.call(query="weather")`},
		{
			name:  "one call",
			in:    `{"name": "get_weather", "parameters": {"city": "Paris", "unit": "celsius"}}`,
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris","unit":"celsius"}`}},
		},
		{
			name:  "python tag and end token",
			in:    "<|python_tag|>{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}<|eom_id|>",
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris"}`}},
		},
		{
			name:  "code fence",
			in:    "```json\n{\"name\": \"f\", \"parameters\": {\"a\": 1}}\n```",
			calls: []wantCall{{name: "f", args: `{"a":1}`}},
		},
		{name: "code fence with a JSON answer is content", in: "```json\n{\"a\": 1}\n```", content: "```json\n{\"a\": 1}\n```"},
		{
			name:      "error offset inside a code fence",
			in:        "```json\n{\"name\": \"f\", \"parameters\": {\"a\": x}}\n```",
			errHas:    []string{"invalid character 'x'"},
			errOff:    42,
			errOffSet: true,
		},
		{
			name:  "arguments for parameters",
			in:    ` {"name": "f", "arguments": {"a": [1, 2.0]}} `,
			calls: []wantCall{{name: "f", args: `{"a":[1,2.0]}`}},
		},
		{
			name:  "parameters as a JSON string",
			in:    `{"name": "f", "parameters": "{\"a\": 1}"}`,
			calls: []wantCall{{name: "f", args: `{"a":1}`}},
		},
		{
			name:  "several separated by semicolons",
			in:    `{"name": "a", "parameters": {"x": 1}}; {"name": "b", "parameters": {"y": "two"}};`,
			calls: []wantCall{{name: "a", args: `{"x":1}`}, {name: "b", args: `{"y":"two"}`}},
		},
		{
			name:  "several on lines",
			in:    "{\"name\": \"a\", \"parameters\": {}}\n{\"name\": \"b\", \"parameters\": {}}",
			calls: []wantCall{{name: "a", args: `{}`}, {name: "b", args: `{}`}},
		},
		{
			name:  "a JSON array of calls",
			in:    `[{"name": "a", "parameters": {}}, {"name": "b", "parameters": {"n": null}}]`,
			calls: []wantCall{{name: "a", args: `{}`}, {name: "b", args: `{"n":null}`}},
		},
		{
			name:  "nested, unicode and escapes",
			in:    `{"name": "send_message", "parameters": {"to": ["ana@example.com"], "body": "Olá!\nLínea 2 \"citada\" \u4f60\u597d", "meta": {"priority": 1.0, "tags": []}}}`,
			calls: []wantCall{{name: "send_message", args: `{"to":["ana@example.com"],"body":"Olá!\nLínea 2 \"citada\" 你好","meta":{"priority":1.0,"tags":[]}}`}},
		},
		{
			name:      "cut off call",
			in:        `{"name": "get_weather", "parameters": {"city": "Paris"}`,
			errHas:    []string{"llama3: tool call 1", "cut off"},
			errCall:   0,
			errCallOK: true,
		},
		{
			name:      "invalid JSON in a call",
			in:        `{"name": "get_weather", "parameters": {"city": Paris}}`,
			errHas:    []string{"not valid", "invalid character 'P'"},
			errOff:    47,
			errOffSet: true,
		},
		{
			name:   "parameters not an object",
			in:     `{"name": "f", "parameters": [1]}`,
			errHas: []string{"must be a JSON object"},
		},
		{
			name:   "name not a string",
			in:     `{"name": 1, "parameters": {}}`,
			errHas: []string{`"name" must be a string`},
		},
		{
			name:   "empty name",
			in:     `{"name": "", "parameters": {}}`,
			errHas: []string{`"name" is empty`},
		},
		{
			name:      "text after the call",
			in:        `{"name": "f", "parameters": {}} The weather is nice.`,
			errHas:    []string{"unexpected text after the tool call"},
			errOff:    32,
			errOffSet: true,
		},
		{
			name:      "second object not a call",
			in:        `{"name": "f", "parameters": {}}; {"answer": 1}`,
			errHas:    []string{"tool call 2", "expected a call object"},
			errCall:   1,
			errCallOK: true,
		},
		{
			name:   "array mixing a call and a non-call",
			in:     `{"name": "f", "parameters": {}}; [{"name": "g", "parameters": {}}, 5]`,
			errHas: []string{"tool call 2", "expected call objects"},
		},
	}
	runParseCases(t, Llama3{}, cases)
}

func TestLlama3Format(t *testing.T) {
	got, err := Llama3{}.Format([]tool.Call{
		{Name: "get_weather", Arguments: `{"city":"Paris"}`},
		{Name: "get_time", Arguments: ``},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"name": "get_weather", "parameters": {"city": "Paris"}}; {"name": "get_time", "parameters": {}}`
	if got != want {
		t.Errorf("Format =\n%s\nwant\n%s", got, want)
	}
}
