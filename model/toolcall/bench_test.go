package toolcall

import "testing"

// benchMessages are realistic two-call messages, one per format.
var benchMessages = map[string]string{
	"hermes": "I'll look up both cities.\n<tool_call>\n" +
		`{"name": "get_weather", "arguments": {"location": "San Francisco, CA", "unit": "fahrenheit", "days": 3}}` +
		"\n</tool_call>\n<tool_call>\n" +
		`{"name": "get_weather", "arguments": {"location": "Tokyo, Japan", "unit": "celsius", "days": 3}}` +
		"\n</tool_call>",
	"pythonic": "[get_weather(location='San Francisco, CA', unit='fahrenheit', days=3), get_weather(location='Tokyo, Japan', unit='celsius', days=3)]",
	"llama3": `{"name": "get_weather", "parameters": {"location": "San Francisco, CA", "unit": "fahrenheit", "days": 3}}; ` +
		`{"name": "get_weather", "parameters": {"location": "Tokyo, Japan", "unit": "celsius", "days": 3}}`,
	"mistral": "I'll look up both cities.[TOOL_CALLS]get_weather[ARGS]" +
		`{"location": "San Francisco, CA", "unit": "fahrenheit", "days": 3}` +
		"[TOOL_CALLS]get_weather[ARGS]" +
		`{"location": "Tokyo, Japan", "unit": "celsius", "days": 3}`,
}

func benchParse(b *testing.B, name string) {
	p, _ := Lookup(name)
	msg := benchMessages[name]
	if _, calls, err := p.Parse(msg); err != nil || len(calls) != 2 {
		b.Fatalf("Parse: %v, %d calls", err, len(calls))
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		if _, _, err := p.Parse(msg); err != nil {
			b.Fatal(err)
		}
	}
}

func benchFormat(b *testing.B, name string) {
	p, _ := Lookup(name)
	_, calls, err := p.Parse(benchMessages[name])
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Format(calls); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHermes(b *testing.B)    { benchParse(b, "hermes") }
func BenchmarkParsePythonic(b *testing.B)  { benchParse(b, "pythonic") }
func BenchmarkParseLlama3(b *testing.B)    { benchParse(b, "llama3") }
func BenchmarkParseMistral(b *testing.B)   { benchParse(b, "mistral") }
func BenchmarkFormatHermes(b *testing.B)   { benchFormat(b, "hermes") }
func BenchmarkFormatPythonic(b *testing.B) { benchFormat(b, "pythonic") }
func BenchmarkFormatLlama3(b *testing.B)   { benchFormat(b, "llama3") }
func BenchmarkFormatMistral(b *testing.B)  { benchFormat(b, "mistral") }

// BenchmarkParsePlainAnswer measures the common case of a message with no
// calls.
func BenchmarkParsePlainAnswer(b *testing.B) {
	msg := "The weather in San Francisco is 64°F and sunny; Tokyo is 18°C with light rain. Both forecasts hold for the next three days."
	for _, name := range Names() {
		p, _ := Lookup(name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, calls, err := p.Parse(msg); err != nil || calls != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
