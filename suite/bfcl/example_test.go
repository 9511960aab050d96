package bfcl_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/suite"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
)

// A BFCL function doc becomes the tool a function-calling model is given,
// as the reference's handlers for OpenAI-compatible models convert it.
func ExampleToolSpec() {
	doc, _ := pyval.FromJSON([]byte(`{"name": "fillFuelTank", "description": "Fills the fuel tank.", "parameters": {"type": "dict", "properties": {"fuelAmount": {"type": "float", "description": "Gallons to add."}}, "required": ["fuelAmount"]}}`))
	spec, err := bfclsuite.ToolSpec(doc.(*pyval.Dict))
	if err != nil {
		panic(err)
	}
	fmt.Println(spec.Name)
	fmt.Println(string(spec.Parameters))
	// Output:
	// fillFuelTank
	// {"type": "object", "properties": {"fuelAmount": {"type": "number", "description": "Gallons to add. This is a float type value.", "format": "float"}}, "required": ["fuelAmount"]}
}

// Replaying the ground truth checks the suite's envs and judge against the
// data: every entry should pass.
func ExampleSuite_Replay() {
	s := bfclsuite.New()
	rep, err := s.Replay(context.Background(), suite.Options{DataDir: "path/to/bfcl_eval/data", Categories: []string{"base"}}, "")
	if err != nil {
		// Without the data, the error says where to get it.
		fmt.Println("data missing:", errors.Is(err, bfclsuite.ErrNoData))
		return
	}
	fmt.Printf("%d of %d passed\n", rep.Passed, rep.Tasks)
	// Output: data missing: true
}

// A prompting model's reply decodes into the call strings the reference
// runs, and their results go back as the reference's one user message.
func ExampleDecodeExecutePrompting() {
	calls, err := bfclsuite.DecodeExecutePrompting("```\n[cd(folder='document'), mkdir(dir_name = \"temp\")]\n```")
	if err != nil {
		panic(err)
	}
	fmt.Println(calls)
	fmt.Println(bfclsuite.ResultsMessagePrompting(calls, []string{`{"current_working_directory": "document"}`, "None"}))
	_, err = bfclsuite.DecodeExecutePrompting("I would call cd(folder='document').")
	fmt.Println(errors.Is(err, bfclsuite.ErrUndecodable))
	// Output:
	// [cd(folder='document') mkdir(dir_name='temp')]
	// [{'role': 'tool', 'name': "cd(folder='document')", 'content': '{"current_working_directory": "document"}'}, {'role': 'tool', 'name': "mkdir(dir_name='temp')", 'content': 'None'}]
	// true
}
