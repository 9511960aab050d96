package toolcall

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// checkParser is the property every parser keeps on any input: Parse does
// not panic; it fails only with ErrMalformed; its calls have names and JSON
// object arguments; and Format of the calls parses back to the same calls
// (with the same ids too when sameIDs is set).
func checkParser(t *testing.T, p Parser, text string, sameIDs bool) {
	content, calls, err := p.Parse(text)
	if err != nil {
		if !errors.Is(err, ErrMalformed) {
			t.Fatalf("Parse(%q): error %v does not wrap ErrMalformed", text, err)
		}
		var pe *Error
		if !errors.As(err, &pe) || pe.Offset < -1 || pe.Offset > len(text) {
			t.Fatalf("Parse(%q): error %#v has no offset within the text", text, err)
		}
		if calls != nil {
			t.Fatalf("Parse(%q): calls %v with an error", text, calls)
		}
		return
	}
	if content != strings.TrimSpace(content) {
		t.Fatalf("Parse(%q): content %q is not trimmed", text, content)
	}
	for i, c := range calls {
		if strings.TrimSpace(c.Name) == "" {
			t.Fatalf("Parse(%q): call %d has no name", text, i)
		}
		if c.ID == "" {
			t.Fatalf("Parse(%q): call %d has no id", text, i)
		}
		if !json.Valid([]byte(c.Arguments)) || !strings.HasPrefix(c.Arguments, "{") {
			t.Fatalf("Parse(%q): call %d arguments %q are not a JSON object", text, i, c.Arguments)
		}
	}
	out, err := p.Format(calls)
	if err != nil {
		t.Fatalf("Parse(%q) = %v; Format: %v", text, calls, err)
	}
	content2, calls2, err := p.Parse(out)
	if err != nil {
		t.Fatalf("Parse(%q) = %v; Format = %q; Parse: %v", text, calls, out, err)
	}
	if content2 != "" || len(calls2) != len(calls) {
		t.Fatalf("Parse(%q) = %v; Format = %q; Parse = %q, %v", text, calls, out, content2, calls2)
	}
	for i := range calls {
		if calls2[i].Name != calls[i].Name || canon(t, calls2[i].Arguments) != canon(t, calls[i].Arguments) ||
			sameIDs && calls2[i].ID != calls[i].ID {
			t.Fatalf("Parse(%q) = %v; Format = %q; Parse = %v", text, calls, out, calls2)
		}
	}
}

func fuzzParser(f *testing.F, p Parser, seeds []string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkParser(t, p, text, false)
		if _, ok := p.(Mistral); ok {
			// The pre-v11 form carries ids: they must survive too.
			checkParser(t, Mistral{Legacy: true}, text, true)
		}
	})
}

func FuzzHermes(f *testing.F) {
	fuzzParser(f, Hermes{}, []string{
		"",
		"Just an answer.",
		"<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}\n</tool_call>",
		"Let me check.\n<tool_call>\n{\"name\": \"a\", \"arguments\": {\"x\": [1, 2.0, {\"y\": null}]}}\n</tool_call>\n<tool_call>\n{\"name\": \"b\", \"arguments\": \"{\\\"q\\\": \\\"\\u00e9\\\"}\"}\n</tool_call>",
		"<tool_call>{\"name\": \"f\"}",
		"<tool_call>{\"name\": \"f\", \"arguments\": {\"t\": \"</tool_call>\"}}</tool_call>",
		"<think>maybe <tool_call></think><tool_call>{\"name\": \"f\", \"parameters\": {}}</tool_call>",
		"reasoning</think>\n<tool_call>[{\"name\": \"a\", \"arguments\": {}}, {\"function\": {\"name\": \"b\", \"arguments\": {}}}]</tool_call><|im_end|>",
		"<tool_call>{\"name\": \"f\", \"arguments\": {\"a\": }}</tool_call>",
		"<tool_call></tool_call>",
	})
}

func FuzzPythonic(f *testing.F) {
	fuzzParser(f, Pythonic{}, []string{
		"",
		"The answer is 4.",
		"[get_weather(city='Paris', unit=\"celsius\")]",
		"get_weather(city='Paris')",
		"[math.factorial(n=5), spotify.play(artist='Taylor Swift', duration=20)]",
		"[f(a=1, b=-2.5, c=0x1F, d=1e5, e=True, f=None, g=[1, (2, 3)], h={'k': {'n': [False]}})]",
		"[s(a='it\\'s', b=\"\"\"tri\nple\"\"\", c=r'\\d+', d='\\d\\xe9\\351', e=u'x', f='\\U0001F600')]",
		"[load(path='x'), db.load(load=1)]",
		"<|python_start|>[f(a=1)]<|python_end|>",
		"[f(1)]",
		"[f(a={1, 2})]",
		"[f(a=1_000)]",
		"[]",
		"[f(a=1), g(b=",
		"[\n  f(a=1,),  # comment\n]",
	})
}

func FuzzLlama3(f *testing.F) {
	fuzzParser(f, Llama3{}, []string{
		"",
		"It is sunny.",
		"{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}",
		"<|python_tag|>{\"name\": \"f\", \"arguments\": {\"a\": [1, 2.0]}}<|eom_id|>",
		"{\"name\": \"a\", \"parameters\": {}}; {\"name\": \"b\", \"parameters\": {\"x\": \"\\u00e9\"}}",
		"[{\"name\": \"a\", \"parameters\": {}}, {\"name\": \"b\", \"parameters\": \"{\\\"k\\\": 1}\"}]",
		"{\"answer\": 42}",
		"{\"name\": \"f\", \"parameters\": {\"a\": 1}",
		"{\"name\": \"f\", \"parameters\": {}} trailing",
	})
}

func FuzzMistral(f *testing.F) {
	fuzzParser(f, Mistral{}, []string{
		"",
		"Bonjour.",
		"[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}, \"id\": \"abc123XYZ\"}]",
		"Sure.[TOOL_CALLS]get_weather[ARGS]{\"city\": \"Paris\"}[TOOL_CALLS]get_time[ARGS]{}</s>",
		"[TOOL_CALLS]f[CALL_ID]a1B2c3D4e[ARGS]{\"x\": [1, 2.0]}",
		"[TOOL_CALLS]f{\"a\": \"\\u00e9\"}",
		"[TOOL_CALLS] {\"name\": \"f\", \"arguments\": \"{\\\"q\\\": 1}\"}",
		"[TOOL_CALLS] I cannot.",
		"[TOOL_CALLS]f[ARGS]{\"a\": 1",
	})
}
