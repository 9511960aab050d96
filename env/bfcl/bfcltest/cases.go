package bfcltest

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// RefCase is one line of a class's reference-cases file: calls run in
// order on a fresh instance, with the result strings and the final state
// the Python reference (run through its own executor) produced for them.
// Such cases cover the error paths and argument types the ground truth
// never uses.
type RefCase struct {
	Name        string          `json:"name"`
	LongContext bool            `json:"long_context"`
	Config      json.RawMessage `json:"config"`
	Calls       []string        `json:"calls"`
	Results     []string        `json:"results"`
	State       json.RawMessage `json:"state"`
}

// RunCases runs the cases of a JSONL file (one RefCase per line) on class
// and compares every result string byte for byte and the final state with
// Python ==, attribute names in order.
func RunCases(t *testing.T, class, path string) {
	lines := readLines(t, filepath.Clean(path))
	if len(lines) == 0 {
		t.Fatalf("no cases in %s", path)
	}
	for _, line := range lines {
		var c RefCase
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatal(err)
		}
		t.Run(c.Name, func(t *testing.T) {
			if c.LongContext {
				AnchorDir(t) // loads the long-context constants
			}
			cfg, err := pyval.FromJSON(c.Config)
			if err != nil {
				t.Fatal(err)
			}
			all := pyval.NewDict()
			all.Set(class, cfg)
			e, err := bfcl.New([]string{class}, all, c.LongContext)
			if err != nil {
				t.Fatal(err)
			}
			for i, call := range c.Calls {
				if got := e.Exec(call); got != c.Results[i] {
					t.Errorf("%s:\n got: %s\nwant: %s", call, got, c.Results[i])
				}
			}
			CheckState(t, e.Classes()[0].State(), c.State)
		})
	}
}

// CheckState compares a class's state with the reference's (its JSON in
// the anchors' encoding): attribute names in order, values with Python ==.
func CheckState(t *testing.T, state *pyval.Dict, want json.RawMessage) {
	t.Helper()
	b, err := pyval.MarshalStateJSON(state)
	if err != nil {
		t.Fatal(err)
	}
	got, err := pyval.FromJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	w, err := pyval.FromJSON(want)
	if err != nil {
		t.Fatal(err)
	}
	gd, wd := got.(*pyval.Dict), w.(*pyval.Dict)
	if gk, wk := pyval.Repr(gd.Keys()), pyval.Repr(wd.Keys()); gk != wk {
		t.Errorf("state attributes:\n got %s\nwant %s", gk, wk)
	}
	if !pyval.Equal(gd, wd) {
		t.Errorf("state:\n got %s\nwant %s", b, want)
	}
}
