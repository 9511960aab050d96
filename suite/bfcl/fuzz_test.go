package bfcl_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/pyval"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
)

// FuzzToolSpec converts arbitrary function docs: it never panics, never
// changes the doc, and a converted tool has no dot in its name and
// parameters whose type is "object".
func FuzzToolSpec(f *testing.F) {
	file, err := os.Open("testdata/tool_conversion.docs.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f.Add(sc.Text())
	}
	file.Close()
	f.Add(`{"name": "a.b.c", "description": "", "parameters": {"type": "dict", "properties": {"x": {"type": ["string", "null"]}}}}`)
	f.Add(`{"name": "f", "parameters": {"properties": {"x": {"type": "dict", "properties": {"y": {"type": "tuple", "items": {"type": "dict", "properties": {}}}}}}}}`)
	f.Fuzz(func(t *testing.T, doc string) {
		v, err := pyval.FromJSON([]byte(doc))
		if err != nil {
			return
		}
		d, ok := v.(*pyval.Dict)
		if !ok {
			return
		}
		before, err := pyval.AppendJSON(nil, d, false)
		if err != nil {
			return
		}
		spec, err := bfclsuite.ToolSpec(d)
		after, _ := pyval.AppendJSON(nil, d, false)
		if string(after) != string(before) {
			t.Fatalf("ToolSpec changed its doc")
		}
		if err != nil {
			return
		}
		if strings.Contains(spec.Name, ".") {
			t.Errorf("name %q", spec.Name)
		}
		p, err := pyval.FromJSON(spec.Parameters)
		if err != nil {
			t.Fatalf("parameters %s: %v", spec.Parameters, err)
		}
		if typ, _ := p.(*pyval.Dict).Get("type"); typ != "object" {
			t.Errorf("parameters type %v", typ)
		}
	})
}
