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

// FuzzDecodePrompting decodes arbitrary replies: it never panics, every
// call's source is its name and arguments, and a call without dict
// arguments decodes from its own source to itself (the reference writes a
// dict as a call or with its keys' str() in quotes, and inf and nan as
// names, none of which read back).
func FuzzDecodePrompting(f *testing.F) {
	for _, s := range []string{
		"[cd(folder='document'), ls()]", "f(a={'x': {'y': 1}})", "f(a=-5, b=+5, c=not 5)",
		"f(a=1+2*3, b=7//2, c='a'*2)", "f(a=g(1, 'a'), b=x[0])", "```\n[f(a=(1,), b={1: [None]})]\n```",
		"f(**k, a=1)", "[f(a=1)][0]", "f(a=1, 2)", "f(a=1e308*10)", "f(a=-9223372036854775808)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		calls, err := bfclsuite.DecodePrompting(text)
		if err != nil {
			return
		}
		for _, c := range calls {
			if !strings.HasPrefix(c.Source, c.Name+"(") || !strings.HasSuffix(c.Source, ")") {
				t.Fatalf("%q: source %q of call %q", text, c.Source, c.Name)
			}
			plain := c.Name != "" && !strings.Contains(c.Source, "inf") && !strings.Contains(c.Source, "nan")
			c.Args.Items(func(k, v pyval.Value) bool {
				_, isDict := v.(*pyval.Dict)
				plain = plain && !isDict && k != nil
				return plain
			})
			if !plain {
				continue
			}
			again, err := bfclsuite.DecodeExecutePrompting(c.Source)
			if err != nil || len(again) != 1 || again[0] != c.Source {
				t.Fatalf("%q decodes to %q, which decodes to %q, %v", text, c.Source, again, err)
			}
		}
	})
}
