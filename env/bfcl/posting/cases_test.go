package posting

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// conformanceCase is one scenario of testdata/cases.json: calls run in
// order on a fresh instance, with the result strings and (optionally) the
// final state the Python reference gives. The expectations were derived
// from posting_api.py and checked against the reference executor.
type conformanceCase struct {
	Name   string          `json:"name"`
	Config json.RawMessage `json:"config"`
	Calls  []string        `json:"calls"`
	Want   []string        `json:"want"`
	State  json.RawMessage `json:"state"`
}

func loadCases(t *testing.T) []conformanceCase {
	t.Helper()
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []conformanceCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// newEnv builds a one-class env from a TwitterAPI initial_config.
func newEnv(t testing.TB, config string) *bfcl.Env {
	t.Helper()
	cfg, err := pyval.FromJSON([]byte(`{"TwitterAPI": ` + config + `}`))
	if err != nil {
		t.Fatal(err)
	}
	e, err := bfcl.New([]string{ClassName}, cfg.(*pyval.Dict), false)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// stateBytes is the class's state in the anchors' encoding.
func stateBytes(t testing.TB, c bfcl.Class) string {
	t.Helper()
	b, err := pyval.MarshalStateJSON(c.State())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// canonical re-encodes an anchor-encoded state so that it compares byte
// for byte with stateBytes (key order, 0.0 against 0 and all).
func canonical(t testing.TB, raw json.RawMessage) string {
	t.Helper()
	v, err := pyval.FromJSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	b, err := pyval.MarshalStateJSON(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestConformanceCases(t *testing.T) {
	cases := loadCases(t)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if len(tc.Calls) != len(tc.Want) {
				t.Fatalf("%d calls, %d results", len(tc.Calls), len(tc.Want))
			}
			e := newEnv(t, string(tc.Config))
			for i, got := range e.ExecAll(tc.Calls) {
				if got != tc.Want[i] {
					t.Errorf("%s\n got: %s\nwant: %s", tc.Calls[i], got, tc.Want[i])
				}
			}
			if tc.State != nil {
				got, want := stateBytes(t, e.Classes()[0]), canonical(t, tc.State)
				if got != want {
					t.Errorf("state\n got: %s\nwant: %s", got, want)
				}
			}
		})
	}
}
