package vehicle

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/env/bfcl/pyval"
)

// refCase is one line of testdata/cases.jsonl: calls run in order on a
// fresh instance, with the result strings and the final state the Python
// reference (run through its own executor) produced for them. The cases
// cover the error paths and argument types the ground truth never uses.
type refCase struct {
	Name        string          `json:"name"`
	LongContext bool            `json:"long_context"`
	Config      json.RawMessage `json:"config"`
	Calls       []string        `json:"calls"`
	Results     []string        `json:"results"`
	State       json.RawMessage `json:"state"`
}

func loadCases(t *testing.T) []refCase {
	t.Helper()
	f, err := os.Open("testdata/cases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []refCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var c refCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no cases in testdata/cases.jsonl")
	}
	return out
}

// TestReferenceCases runs the cases of testdata/cases.jsonl and compares
// every result string byte for byte and the final state with Python ==.
func TestReferenceCases(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			if c.LongContext {
				bfcltest.AnchorDir(t) // loads the long-context constants
			}
			cfg, err := pyval.FromJSON(c.Config)
			if err != nil {
				t.Fatal(err)
			}
			all := pyval.NewDict()
			all.Set(ClassName, cfg)
			e, err := bfcl.New([]string{ClassName}, all, c.LongContext)
			if err != nil {
				t.Fatal(err)
			}
			for i, call := range c.Calls {
				if got := e.Exec(call); got != c.Results[i] {
					t.Errorf("%s:\n got: %s\nwant: %s", call, got, c.Results[i])
				}
			}
			checkState(t, e.Classes()[0].State(), c.State)
		})
	}
}

// checkState compares a state with the reference's (its JSON in the
// anchors' encoding): attribute names in order, values with Python ==.
func checkState(t *testing.T, state *pyval.Dict, want json.RawMessage) {
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
