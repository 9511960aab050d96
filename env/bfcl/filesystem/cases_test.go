package filesystem

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// fixtureCase is one call sequence of testdata/cases.json, produced by
// running the reference class (testdata/gen_cases.py).
type fixtureCase struct {
	Name        string          `json:"name"`
	Config      json.RawMessage `json:"config"`
	LongContext bool            `json:"long_context"`
	Steps       []struct {
		Call   string  `json:"call"`
		Result string  `json:"result"`
		State  *string `json:"state"`
	} `json:"steps"`
}

func loadCases(t testing.TB) []fixtureCase {
	t.Helper()
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []fixtureCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func newEnv(t testing.TB, config json.RawMessage, longContext bool) (*bfcl.Env, *FileSystem) {
	t.Helper()
	cfg, err := pyval.FromJSON(config)
	if err != nil {
		t.Fatal(err)
	}
	e, err := bfcl.New([]string{ClassName}, pyval.DictOf(ClassName, cfg), longContext)
	if err != nil {
		t.Fatal(err)
	}
	return e, e.Classes()[0].(*FileSystem)
}

// TestCases runs call sequences off the ground truth's beaten path (wrong
// types, missing files, quirks of mv and cp, recursion through a cycle,
// the long-context variant) and compares each result string and each
// state with what the reference produced.
func TestCases(t *testing.T) {
	bfcltest.AnchorDir(t) // loads the long-context constants
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			e, fs := newEnv(t, c.Config, c.LongContext)
			for i, s := range c.Steps {
				if got := e.Exec(s.Call); got != s.Result {
					t.Errorf("step %d %s:\n got: %q\nwant: %q", i, s.Call, got, s.Result)
				}
				if s.State == nil {
					continue // the reference could not encode a cyclic tree
				}
				got, err := pyval.MarshalStateJSON(fs.State())
				if err != nil {
					t.Fatalf("step %d %s: state: %v", i, s.Call, err)
				}
				if string(got) != *s.State {
					t.Fatalf("step %d %s: state:\n got: %s\nwant: %s", i, s.Call, got, *s.State)
				}
			}
		})
	}
}
