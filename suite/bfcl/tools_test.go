package bfcl_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/pyval"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
)

func readJSONL(t *testing.T, path string) []*pyval.Dict {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*pyval.Dict
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		v, err := pyval.FromJSON(sc.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v.(*pyval.Dict))
	}
	return out
}

func get(d *pyval.Dict, keys ...string) pyval.Value {
	var v pyval.Value = d
	for _, k := range keys {
		v, _ = v.(*pyval.Dict).Get(k)
	}
	return v
}

func pyJSON(t *testing.T, v pyval.Value) string {
	t.Helper()
	b, err := pyval.AppendJSON(nil, v, false)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The expected tools are what the reference's convert_to_tool (OpenAI
// completions style, GORILLA_TO_OPENAPI) made of the docs in
// testdata/tool_conversion.docs.jsonl: every type of the mapping's
// branches, nested properties and items, a dotted name, no parameters.
func TestToolSpecMatchesReference(t *testing.T) {
	docs := readJSONL(t, "testdata/tool_conversion.docs.jsonl")
	want := readJSONL(t, "testdata/tool_conversion.expected.jsonl")
	if len(docs) != len(want) {
		t.Fatal("fixture sizes differ")
	}
	for i, d := range docs {
		before := pyJSON(t, d)
		spec, err := bfclsuite.ToolSpec(d)
		if err != nil {
			t.Fatal(err)
		}
		if pyJSON(t, d) != before {
			t.Errorf("ToolSpec changed its doc")
		}
		fn := get(want[i], "function").(*pyval.Dict)
		if spec.Name != get(fn, "name") || spec.Description != get(fn, "description") {
			t.Errorf("tool %d: name %q description %q, want %v %v", i, spec.Name, spec.Description, get(fn, "name"), get(fn, "description"))
		}
		got, err := pyval.FromJSON(spec.Parameters)
		if err != nil {
			t.Fatal(err)
		}
		// Same keys in the same order, same values.
		if g, w := pyJSON(t, got), pyJSON(t, get(fn, "parameters")); g != w {
			t.Errorf("tool %s parameters:\n got %s\nwant %s", spec.Name, g, w)
		}
		if !json.Valid(spec.Parameters) {
			t.Errorf("parameters are not JSON")
		}
	}
}

func TestToolSpecErrors(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`{"description": "x", "parameters": {"type": "dict", "properties": {}}}`, "without a name"},
		{`{"name": "f", "parameters": []}`, "parameters is not an object"},
		{`{"name": "f", "parameters": {"type": "dict"}}`, "properties is not an object"},
		{`{"name": "f", "parameters": {"type": "dict", "properties": {"x": {"type": "float"}}}}`, "no description"},
		{`{"name": "f", "parameters": {"type": "dict", "properties": {"x": {"type": "array", "items": {"type": "set"}}}}}`, "does not know"},
	} {
		v, err := pyval.FromJSON([]byte(tc.doc))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bfclsuite.ToolSpec(v.(*pyval.Dict)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err %v, want %q", tc.doc, err, tc.want)
		}
	}
}

// The expected prompts are the reference's formulate_system_prompt with
// DEFAULT_SYSTEM_PROMPT_FORMAT over the fixture docs, and
// DEFAULT_USER_PROMPT_FOR_ADDITIONAL_FUNCTION_PROMPTING over the second.
func TestPromptingPrompts(t *testing.T) {
	docs := readJSONL(t, "testdata/tool_conversion.docs.jsonl")
	b, err := os.ReadFile("testdata/prompting.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		System  string `json:"system_prompt"`
		Holdout string `json:"holdout_prompt"`
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	fns := make([]*bfclsuite.Function, len(docs))
	for i, d := range docs {
		fns[i] = &bfclsuite.Function{Doc: d}
	}
	if got := bfclsuite.SystemPrompt(fns); got != want.System {
		t.Errorf("system prompt:\n%s\nwant:\n%s", got, want.System)
	}
	if got := bfclsuite.HoldoutUserPromptPrompting(fns[1:]); got != want.Holdout {
		t.Errorf("held-out prompt %q, want %q", got, want.Holdout)
	}
}

// Every function doc of the anchors converts, floats get their format,
// and no name has a dot.
func TestToolSpecAnchors(t *testing.T) {
	_, entries := loadSuite(t, "base")
	floats := 0
	seen := map[string]bool{}
	for i := range entries {
		for _, f := range entries[i].Functions {
			if seen[f.Name] {
				continue
			}
			seen[f.Name] = true
			if strings.Contains(f.Spec.Name, ".") || f.Spec.Name != f.Name {
				t.Errorf("tool name %q for %q", f.Spec.Name, f.Name)
			}
			floats += strings.Count(string(f.Spec.Parameters), `"format": "float"`)
			if strings.Contains(string(f.Spec.Parameters), `"type": "dict"`) || strings.Contains(string(f.Spec.Parameters), `"type": "float"`) {
				t.Errorf("%s: unconverted type in %s", f.Name, f.Spec.Parameters)
			}
		}
	}
	if len(seen) != 128 || floats != 36 {
		t.Errorf("%d functions with %d float parameters, want 128 and 36", len(seen), floats)
	}
}
