package tautest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/env/taubench"
	"github.com/toolgym/toolgym/tool"
)

// The tests both domains run, over their own data and cases.

// loaded caches each domain's data: name → func() (*taubench.Data, error).
var loaded sync.Map

// LoadData loads a domain's anchor data with load, once per test binary,
// skipping tb when the anchors are absent.
func LoadData(tb testing.TB, domain string, load func(dir string) (*taubench.Data, error)) *taubench.Data {
	tb.Helper()
	dir := DomainDir(tb, domain)
	f, _ := loaded.LoadOrStore(domain, sync.OnceValues(func() (*taubench.Data, error) { return load(dir) }))
	d, err := f.(func() (*taubench.Data, error))()
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// CaseCall is one call of a ToolCase.
type CaseCall struct {
	Name, Args string
	// Want is the observation (see Observation).
	Want string
}

// ToolCase is a call sequence on a fresh env, with the observations and
// the final data hash ("" when unchanged) the reference gives.
type ToolCase struct {
	Name  string
	Calls []CaseCall
	Hash  string
}

// Observation is the text a result shows, "None" for the reference's
// None, and "sha256:<hex>" of one longer than 160 bytes.
func Observation(r tool.Result) string {
	if r.Error != nil && errors.Is(r.Error, taubench.ErrNoObservation) {
		return "None"
	}
	s := r.Text()
	if len(s) > 160 {
		sum := sha256.Sum256([]byte(s))
		return "sha256:" + hex.EncodeToString(sum[:])
	}
	return s
}

// CheckToolCases runs each case on a fresh env of d, in a subtest, and
// compares every observation, the call id and name each result carries,
// and the final data hash.
func CheckToolCases(t *testing.T, d *taubench.Data, cases []ToolCase) {
	t.Helper()
	base := d.Hash()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			e := d.New()
			for _, c := range tc.Calls {
				r := e.Call(context.Background(), tool.Call{ID: "c", Name: c.Name, Arguments: c.Args})
				if got := Observation(r); got != c.Want {
					t.Errorf("%s(%.120s) = %q, want %q", c.Name, c.Args, got, c.Want)
				}
				if r.CallID != "c" || r.Name != c.Name {
					t.Errorf("%s: result names call %q %q", c.Name, r.CallID, r.Name)
				}
			}
			want := tc.Hash
			if want == "" {
				want = base
			}
			if got := e.Hash(); got != want {
				t.Errorf("final hash %s, want %s", got, want)
			}
		})
	}
}

// FuzzCall calls d's tools (specs, in order) with arbitrary argument
// text, seeded with the calls of cases: a call must never panic, must
// answer naming its call, and must leave the base data untouched.
func FuzzCall(f *testing.F, d *taubench.Data, specs []tool.Spec, cases []ToolCase) {
	for _, tc := range cases {
		for _, c := range tc.Calls {
			for i, s := range specs {
				if s.Name == c.Name {
					f.Add(uint8(i), c.Args)
				}
			}
		}
	}
	f.Add(uint8(200), `{}`)
	base := d.Hash()
	f.Fuzz(func(t *testing.T, which uint8, args string) {
		name := "no_such_tool"
		if int(which) < len(specs) {
			name = specs[which].Name
		}
		e := d.New()
		r := e.Call(context.Background(), tool.Call{ID: "f", Name: name, Arguments: args})
		if r.CallID != "f" || r.Name != name {
			t.Fatalf("result %+v does not name its call", r)
		}
		if r.Error != nil && r.Error.Message == "" {
			t.Fatalf("error without a message: %+v", r)
		}
		if got := d.New().Hash(); got != base {
			t.Fatalf("%s(%s) changed the base data", name, args)
		}
	})
}

// CheckTools checks a domain's specs against the reference's: each
// valid, the names in order (space-separated), and the get_info digest
// (see InfoDigest).
func CheckTools(t *testing.T, specs []tool.Spec, names, digest string) {
	t.Helper()
	var got []string
	for _, s := range specs {
		got = append(got, s.Name)
		if err := s.Validate(); err != nil {
			t.Error(err)
		}
	}
	if g := strings.Join(got, " "); g != names {
		t.Errorf("tools %s", g)
	}
	if g := InfoDigest(t, specs); g != digest {
		t.Errorf("get_info digest %s, want %s", g, digest)
	}
}

// CheckForkIsolation replays tasks on forks (a clone of one env, then a
// fork of the clone) and checks that neither the base data nor the env
// forked from keeps any change, and that envs compare as their hashes
// do.
func CheckForkIsolation(t *testing.T, d *taubench.Data, tasks []Task) {
	t.Helper()
	base := d.Hash()
	parent := d.New()
	for _, task := range tasks {
		child := parent.Clone()
		Replay(context.Background(), child, task.Actions)
		grandchild := child.Fork().(*taubench.Env)
		Replay(context.Background(), grandchild, task.Actions)
		if got := parent.Hash(); got != base {
			t.Fatalf("task %d: the parent's hash changed to %s", task.TaskID, got)
		}
		if got := d.New().Hash(); got != base {
			t.Fatalf("task %d: a new env's hash is %s", task.TaskID, got)
		}
		changed := child.Hash() != base
		if taubench.Equal(child, parent) == changed {
			t.Errorf("task %d: Equal(child, parent) = %v but the hashes differ: %v", task.TaskID, !changed, changed)
		}
		again := d.New()
		Replay(context.Background(), again, task.Actions)
		if !taubench.Equal(child, again) || child.Hash() != again.Hash() {
			t.Errorf("task %d: two replays differ", task.TaskID)
		}
	}
}

// CheckConcurrentCalls replays tasks on one env, and on clones of it,
// from several goroutines, hashing, comparing and forking meanwhile (run
// with -race). It needs eight tasks.
func CheckConcurrentCalls(t *testing.T, d *taubench.Data, tasks []Task) {
	t.Helper()
	e := d.New()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Replay(context.Background(), e, tasks[i].Actions)
			f := e.Clone()
			Replay(context.Background(), f, tasks[i+4].Actions)
			_ = e.Hash()
			_ = taubench.Equal(e, f)
			_ = d.New()
		}()
	}
	wg.Wait()
}
