package trajectory_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/toolgym/toolgym/trajectory"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.jsonl from sample()")

const schemaPath = "../docs/trajectory.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	abs, err := filepath.Abs(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.AssertContent()
	sch, err := c.Compile(abs)
	if err != nil {
		t.Fatalf("compiling %s: %v", schemaPath, err)
	}
	return sch
}

func validate(sch *jsonschema.Schema, line []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// TestSchemaValidatesRecords checks that what the Go types marshal to is
// what docs/trajectory.schema.json describes, and that the schema is not
// so loose that it accepts anything.
func TestSchemaValidatesRecords(t *testing.T) {
	sch := compileSchema(t)
	full := sample()
	line, err := trajectory.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(sch, line); err != nil {
		t.Fatalf("sample record does not validate: %v\n%s", err, line)
	}

	// A minimal record: an episode that errored before any message.
	minimal := &trajectory.Trajectory{ID: "t#0", TaskID: "t", Env: "bank", Status: trajectory.StatusErrored,
		Error: &trajectory.Error{Kind: "model", Message: "connection refused"}}
	line, err = trajectory.Marshal(minimal)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(sch, line); err != nil {
		t.Fatalf("minimal record does not validate: %v\n%s", err, line)
	}

	bad := []struct {
		name string
		edit func(m map[string]any)
	}{
		{"no version", func(m map[string]any) { delete(m, "version") }},
		{"other version", func(m map[string]any) { m["version"] = "toolgym.trajectory/v0" }},
		{"unknown status", func(m map[string]any) { m["status"] = "done" }},
		{"unknown field", func(m map[string]any) { m["rewards"] = 1 }},
		{"duration as text", func(m map[string]any) { m["turns"].([]any)[0].(map[string]any)["duration_ns"] = "1.3s" }},
		{"negative latency", func(m map[string]any) { m["messages"].([]any)[2].(map[string]any)["latency_ns"] = -1 }},
		{"bad role", func(m map[string]any) { m["messages"].([]any)[0].(map[string]any)["role"] = "developer" }},
		{"bad part type", func(m map[string]any) {
			m["messages"].([]any)[0].(map[string]any)["content"] = []any{map[string]any{"type": "audio"}}
		}},
		{"arguments as object", func(m map[string]any) {
			m["messages"].([]any)[2].(map[string]any)["tool_calls"].([]any)[0].(map[string]any)["arguments"] = map[string]any{}
		}},
		{"bad hash", func(m map[string]any) { m["initial_state_hash"] = "xyz" }},
		{"bad time", func(m map[string]any) { m["start"] = "yesterday" }},
		{"bad base64", func(m map[string]any) {
			m["messages"].([]any)[8].(map[string]any)["content"].([]any)[1].(map[string]any)["data"] = "not base64!"
		}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			line, _ := trajectory.Marshal(full)
			var m map[string]any
			if err := json.Unmarshal(line, &m); err != nil {
				t.Fatal(err)
			}
			tc.edit(m)
			b, _ := json.Marshal(m)
			err := validate(sch, b)
			var ve *jsonschema.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("record with %s validates (err %v)", tc.name, err)
			}
		})
	}
}

// TestSampleGolden pins the format: sample() must marshal to exactly the
// bytes in testdata/sample.jsonl, and that file must read back to it. A
// change here is a format change: see the versioning policy in
// docs/trajectory.md.
func TestSampleGolden(t *testing.T) {
	path := filepath.Join("testdata", "sample.jsonl")
	line, err := trajectory.Marshal(sample())
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, line, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	golden, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(line, golden) {
		t.Fatalf("sample marshals differently from %s (run go test -update after a deliberate format change)\n got %s\nwant %s", path, line, golden)
	}
	if err := validate(compileSchema(t), golden); err != nil {
		t.Fatalf("%s does not validate: %v", path, err)
	}
	trs, err := trajectory.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(trs) != 1 {
		t.Fatalf("read %d records", len(trs))
	}
	again, err := trajectory.Marshal(trs[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, golden) {
		t.Errorf("read and re-marshalled record differs:\n got %s\nwant %s", again, golden)
	}
	if !strings.Contains(string(golden), `"at_ns":410000000`) || !strings.Contains(string(golden), "<anymore> & thanks") {
		t.Errorf("durations must be nanoseconds and text must not be HTML-escaped: %s", golden)
	}
}
