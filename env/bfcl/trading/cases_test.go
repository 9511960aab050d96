package trading

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// refCase is one entry of testdata/cases.json: calls run through the
// Python reference (testdata/gen_cases.py) with their exact results and
// the state they leave.
type refCase struct {
	Name        string            `json:"name"`
	LongContext bool              `json:"long_context"`
	Config      json.RawMessage   `json:"config"`
	Calls       []string          `json:"calls"`
	Results     []json.RawMessage `json:"results"`
	State       json.RawMessage   `json:"state"`
}

// digest stands for a long result: its SHA-256, length and ends.
type digest struct {
	SHA256 string `json:"sha256"`
	Len    int    `json:"len"`
	Head   string `json:"head"`
	Tail   string `json:"tail"`
}

func loadCases(t *testing.T) []refCase {
	t.Helper()
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []refCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// matchResult reports whether got is the reference's result want (a
// string, or a digest of a long one), with a description when not.
func matchResult(got string, want json.RawMessage) (bool, string) {
	var s string
	if json.Unmarshal(want, &s) == nil {
		return got == s, s
	}
	var d digest
	if err := json.Unmarshal(want, &d); err != nil {
		return false, "bad fixture: " + err.Error()
	}
	sum := sha256.Sum256([]byte(got))
	return hex.EncodeToString(sum[:]) == d.SHA256, d.Head + " ... " + d.Tail
}

// TestReferenceCases replays call sequences the ground truth never makes
// (wrong types, unknown ids, insufficient funds, bad dates, odd
// scenarios) and compares every result string and the final state with
// what the Python reference produced.
func TestReferenceCases(t *testing.T) {
	bfcltest.AnchorDir(t) // loads the long-context constants
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			cfg, err := pyval.FromJSON(c.Config)
			if err != nil {
				t.Fatal(err)
			}
			env, err := bfcl.New([]string{ClassName}, pyval.DictOf(ClassName, cfg), c.LongContext)
			if err != nil {
				t.Fatal(err)
			}
			for i, call := range c.Calls {
				got := env.Exec(call)
				if ok, want := matchResult(got, c.Results[i]); !ok {
					t.Errorf("%s:\n got: %.600q\nwant: %.600q", call, got, want)
				}
			}
			gotState, _ := env.States().Get(ClassName)
			if msg := diffState(gotState, c.State); msg != "" {
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
