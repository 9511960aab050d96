package replay

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/tool"
)

// The checks that more than one domain's tests run, over their own data
// and cases.

// domains caches each loaded domain: name → func() (*tau2.DBDomain, error).
var domains sync.Map

// Domain loads the named domain from the anchors (tau2/<name>) with
// load, once per test binary, skipping tb when the anchors are absent.
func Domain(tb testing.TB, name string, load func(dir string) (*tau2.DBDomain, error)) *tau2.DBDomain {
	tb.Helper()
	dir := filepath.Join(Anchors(tb), "tau2", name)
	f, _ := domains.LoadOrStore(name, sync.OnceValues(func() (*tau2.DBDomain, error) { return load(dir) }))
	d, err := f.(func() (*tau2.DBDomain, error))()
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// Observation is one assistant tool call on a fresh environment and the
// observation the reference gives for it: exact for errors and short
// results, a prefix for results of 150 characters or more.
type Observation struct {
	Name, Args, Want string
}

// CheckObservations runs each case on a fresh environment of d, in a
// subtest, and compares its observation, and whether it is an error,
// with the reference's.
func CheckObservations(t *testing.T, d tau2.Domain, cases []Observation) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			e := d.New()
			res := e.CallAs(context.Background(), tau2.Assistant, tool.Call{ID: "1", Name: c.Name, Arguments: c.Args})
			got := res.Text()
			if len(c.Want) >= 150 && !strings.HasPrefix(c.Want, "Error: ") {
				if !strings.HasPrefix(got, c.Want) {
					t.Errorf("%s %s:\n got %.300s\nwant prefix %s", c.Name, c.Args, got, c.Want)
				}
				return
			}
			if got != c.Want {
				t.Errorf("%s %s:\n got %s\nwant %s", c.Name, c.Args, got, c.Want)
			}
			if (res.Error != nil) != strings.HasPrefix(c.Want, "Error: ") {
				t.Errorf("%s %s: error result %v", c.Name, c.Args, res.Error != nil)
			}
		})
	}
}

// FuzzCall runs any assistant tool of d with any arguments, seeded with
// the arguments of cases: a call must never panic, must answer with
// content or an error, and a read-only tool must leave the state as it
// was.
func FuzzCall(f *testing.F, d tau2.Domain, cases []Observation) {
	infos := d.New().ToolInfo(tau2.Assistant)
	for i, c := range cases {
		f.Add(uint8(i%len(infos)), c.Args)
	}
	f.Fuzz(func(t *testing.T, idx uint8, args string) {
		info := infos[int(idx)%len(infos)]
		e := d.New()
		res := e.Call(context.Background(), tool.Call{ID: "f", Name: info.Spec.Name, Arguments: args})
		if res.Error == nil && len(res.Content) != 1 {
			t.Fatalf("%s(%s): %d content parts", info.Spec.Name, args, len(res.Content))
		}
		if res.Error != nil && res.Error.Message == "" {
			t.Fatalf("%s(%s): empty error", info.Spec.Name, args)
		}
		if !info.Mutates && !e.SameState(tau2.Assistant, d.New()) {
			t.Fatalf("read-only %s(%s) changed the state", info.Spec.Name, args)
		}
	})
}

// CheckInitialState checks a fresh environment of a domain whose user has
// no database: the agent database's hash is want, env.Hash works, the
// snapshot hashes to want, and the user has neither database nor tools.
func CheckInitialState(t *testing.T, e tau2.Env, want string) {
	t.Helper()
	h, err := e.Hash(tau2.Assistant)
	if err != nil || h != want {
		t.Fatalf("Hash = %s, %v; want %s", h, err, want)
	}
	if sh, err := env.Hash(e); err != nil || sh == "" {
		t.Fatalf("env.Hash = %q, %v", sh, err)
	}
	snap, err := e.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if got := env.HashJSON(snap); got != want {
		t.Errorf("sha256(Snapshot) = %s, want the tau2 hash", got)
	}
	if h, _ := e.Hash(tau2.User); h != "" || e.Dump(tau2.User) != nil || e.ToolInfo(tau2.User) != nil {
		t.Error("the user has a database or tools")
	}
}

// CheckToolSpecs compares the assistant's tool specs of e (name,
// description, parameters, type and mutates_state, in order) with the
// golden file at path, rewriting it first when update is set, and checks
// that each spec is valid and that Tools lists as many.
func CheckToolSpecs(t *testing.T, e tau2.Env, path string, update bool) {
	t.Helper()
	type entry struct {
		Name        string          `json:"name"`
		Description string          `json:"description"`
		Parameters  json.RawMessage `json:"parameters"`
		Type        tau2.ToolType   `json:"type"`
		Mutates     bool            `json:"mutates_state"`
	}
	var got []entry
	for _, ti := range e.ToolInfo(tau2.Assistant) {
		if err := ti.Spec.Validate(); err != nil {
			t.Error(err)
		}
		got = append(got, entry{ti.Spec.Name, ti.Spec.Description, ti.Spec.Parameters, ti.Type, ti.Mutates})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	if update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("tool specs differ from %s (rerun with -update after checking them)", path)
	}
	if len(e.Tools()) != len(got) {
		t.Errorf("Tools() has %d specs, ToolInfo %d", len(e.Tools()), len(got))
	}
}
