package ticket

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// refCase is one entry of testdata/cases.json: calls run through the
// Python reference (testdata/gen_cases.py) with their exact results and
// the state they leave.
type refCase struct {
	Name    string          `json:"name"`
	Config  json.RawMessage `json:"config"`
	Calls   []string        `json:"calls"`
	Results []string        `json:"results"`
	State   json.RawMessage `json:"state"`
}

// TestReferenceCases replays call sequences the ground truth never makes
// (logged out, bad priorities, unknown ids, invalid updates, odd queues)
// and compares every result string and the final state with what the
// Python reference produced.
func TestReferenceCases(t *testing.T) {
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []refCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			cfg, err := pyval.FromJSON(c.Config)
			if err != nil {
				t.Fatal(err)
			}
			env, err := bfcl.New([]string{ClassName}, pyval.DictOf(ClassName, cfg), false)
			if err != nil {
				t.Fatal(err)
			}
			for i, call := range c.Calls {
				if got := env.Exec(call); got != c.Results[i] {
					t.Errorf("%s:\n got: %q\nwant: %q", call, got, c.Results[i])
				}
			}
			got, _ := env.States().Get(ClassName)
			if msg := diffState(got, c.State); msg != "" {
				t.Errorf("final state: %s", msg)
			}
		})
	}
}

// diffState compares a state with the reference's encoding of it.
func diffState(got pyval.Value, want json.RawMessage) string {
	gb, err := pyval.MarshalStateJSON(got)
	if err != nil {
		return err.Error()
	}
	g, err := pyval.FromJSON(gb)
	if err != nil {
		return err.Error()
	}
	w, err := pyval.FromJSON(want)
	if err != nil {
		return err.Error()
	}
	if !pyval.Equal(g, w) {
		return "\n got: " + string(gb) + "\nwant: " + string(want)
	}
	return ""
}
