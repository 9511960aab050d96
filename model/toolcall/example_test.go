package toolcall_test

import (
	"fmt"

	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/tool"
)

func ExampleLookup() {
	p, _ := toolcall.Lookup("hermes")
	content, calls, err := p.Parse("Let me check.\n<tool_call>\n" +
		`{"name": "get_weather", "arguments": {"city": "Paris", "unit": "celsius"}}` +
		"\n</tool_call>")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("content: %q\n", content)
	for _, c := range calls {
		fmt.Println(c.ID, c.Name, c.Arguments)
	}
	// Output:
	// content: "Let me check."
	// call_0 get_weather {"city":"Paris","unit":"celsius"}
}

func ExampleParsePython() {
	calls, err := toolcall.ParsePython("[cd(folder='document'), calc(values=[1, 2.0], exact=True)]")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range calls {
		fmt.Print(c.Name, ":")
		for _, a := range c.Args {
			fmt.Printf(" %s=%s", a.Name, a.Value)
		}
		fmt.Println()
	}
	// Output:
	// cd: folder="document"
	// calc: values=[1,2.0] exact=true
}

func ExampleParser_Format() {
	calls := []tool.Call{{ID: "call_0", Name: "get_weather", Arguments: `{"city":"Paris","days":2}`}}
	for _, name := range toolcall.Names() {
		p, _ := toolcall.Lookup(name)
		text, _ := p.Format(calls)
		fmt.Printf("%s: %s\n", name, text)
	}
	// Output:
	// hermes: <tool_call>
	// {"name": "get_weather", "arguments": {"city": "Paris", "days": 2}}
	// </tool_call>
	// llama3: {"name": "get_weather", "parameters": {"city": "Paris", "days": 2}}
	// mistral: [TOOL_CALLS]get_weather[ARGS]{"city": "Paris", "days": 2}
	// pythonic: [get_weather(city='Paris', days=2)]
}

func Example_malformed() {
	p, _ := toolcall.Lookup("pythonic")
	_, _, err := p.Parse("[get_weather('Paris')]")
	fmt.Println(err)
	// Output:
	// pythonic: tool call 1 at byte 13: argument 1 of get_weather is positional, but keyword arguments are required: write get_weather(name=value, ...)
}
