// Package tautest holds what the tau-bench domains' tests share: finding
// and loading the anchor data (../shared/anchors beside the module),
// reading the anchors' tasks and replay expectations, replaying a task's
// gold actions through an env's Call, and the checks, fuzz target and
// benchmark bodies that both domains run over their own data and cases.
package tautest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/taubench"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Action is one gold action of a task.
type Action struct {
	Name   string          `json:"name"`
	Kwargs json.RawMessage `json:"kwargs"`
}

// Task is one task of the anchors' tasks_<split>.json.
type Task struct {
	TaskID      int      `json:"task_id"`
	UserID      string   `json:"user_id"`
	Instruction string   `json:"instruction"`
	Actions     []Action `json:"actions"`
	Outputs     []string `json:"outputs"`
}

// FailingGold is one replay_expected failing_golds entry.
type FailingGold struct {
	Action struct {
		Name   string          `json:"name"`
		Kwargs json.RawMessage `json:"kwargs"`
	} `json:"action"`
	Reason string `json:"reason"`
}

// Expected is replay_expected.json's record of one v1 task.
type Expected struct {
	DBHash       string        `json:"db_hash"`
	OracleReward float64       `json:"oracle_reward"`
	FailingGolds []FailingGold `json:"failing_golds"`
}

// AnchorsDir returns the anchors folder (../shared/anchors beside the
// module root), skipping the test when it is absent.
func AnchorsDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
	anchors := filepath.Join(dir, "..", "shared", "anchors")
	if _, err := os.Stat(filepath.Join(anchors, "tau", "tau-bench")); err != nil {
		tb.Skipf("tau-bench anchor data not found: %s/tau/tau-bench is absent (../shared/anchors beside the module)", anchors)
	}
	return anchors
}

// DomainDir returns the anchors' folder of a tau-bench domain.
func DomainDir(tb testing.TB, domain string) string {
	return filepath.Join(AnchorsDir(tb), "tau", "tau-bench", domain)
}

// LoadTasks reads a domain's tasks_<split>.json.
func LoadTasks(tb testing.TB, domain, split string) []Task {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(DomainDir(tb, domain), "tasks_"+split+".json"))
	if err != nil {
		tb.Fatal(err)
	}
	var tasks []Task
	if err := json.Unmarshal(b, &tasks); err != nil {
		tb.Fatal(err)
	}
	return tasks
}

// LoadExpected reads replay_expected.json's tasks of a v1 suite
// ("tau-retail", "tau-airline"), by task id.
func LoadExpected(tb testing.TB, suite string) map[string]Expected {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(AnchorsDir(tb), "tau", "replay_expected.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var doc struct {
		Suites map[string]json.RawMessage `json:"suites"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		tb.Fatal(err)
	}
	raw, ok := doc.Suites[suite]
	if !ok {
		tb.Fatalf("replay_expected.json has no suite %s", suite)
	}
	var s struct {
		Tasks map[string]Expected `json:"tasks"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		tb.Fatal(err)
	}
	return s.Tasks
}

// Step is one replayed gold action and its observation.
type Step struct {
	Action Action
	Result tool.Result
}

// Replay runs a task's gold actions (respond excluded) through e.Call, as
// the reference's oracle steps them; a terminate tool ends the episode
// after its call.
func Replay(ctx context.Context, e *taubench.Env, actions []Action) []Step {
	var steps []Step
	terminate := e.Terminate()
	for i, a := range actions {
		if a.Name == "respond" {
			continue
		}
		res := e.Call(ctx, tool.Call{ID: fmt.Sprint(i), Name: a.Name, Arguments: string(a.Kwargs)})
		steps = append(steps, Step{a, res})
		for _, t := range terminate {
			if a.Name == t {
				return steps
			}
		}
	}
	return steps
}

// Failing reports whether an observation is one the anchors list among
// failing golds.
func Failing(obs string) bool {
	return strings.HasPrefix(obs, "Error:") || strings.HasPrefix(obs, "Unknown action")
}

// CheckGoldReplay replays the gold actions of every test task of domain
// (n of them) on a fresh env of d and compares the final data hash and
// the error observations, in order, with the reference's
// (replay_expected.json's db_hash and failing_golds for tau-<domain>).
func CheckGoldReplay(t *testing.T, d *taubench.Data, domain string, n int) {
	t.Helper()
	tasks := LoadTasks(t, domain, "test")
	if len(tasks) != n {
		t.Fatalf("%d test tasks, want %d", len(tasks), n)
	}
	want := LoadExpected(t, "tau-"+domain)
	if len(want) != len(tasks) {
		t.Fatalf("%d tasks but %d expectations", len(tasks), len(want))
	}
	for _, task := range tasks {
		t.Run(fmt.Sprint(task.TaskID), func(t *testing.T) {
			exp, ok := want[fmt.Sprint(task.TaskID)]
			if !ok {
				t.Fatalf("no expectation for task %d", task.TaskID)
			}
			e := d.New()
			steps := Replay(context.Background(), e, task.Actions)
			var failing, wantFailing []string
			for _, s := range steps {
				if obs := s.Result.Text(); Failing(obs) {
					failing = append(failing, s.Action.Name+": "+obs)
				}
			}
			for _, f := range exp.FailingGolds {
				wantFailing = append(wantFailing, f.Action.Name+": "+f.Reason)
			}
			if strings.Join(failing, "\n") != strings.Join(wantFailing, "\n") {
				t.Errorf("error observations:\n%s\nwant:\n%s", strings.Join(failing, "\n"), strings.Join(wantFailing, "\n"))
			}
			if got := e.Hash(); got != exp.DBHash {
				t.Errorf("final hash %s, want %s", got, exp.DBHash)
			}
		})
	}
}

// InfoDigest returns the SHA-256 of json.dumps([get_info() for each
// tool]) rebuilt from the specs, as CPython prints it: the reference's
// {"type": "function", "function": {name, description, parameters}}.
func InfoDigest(tb testing.TB, specs []tool.Spec) string {
	tb.Helper()
	var infos []pyval.Value
	for _, s := range specs {
		params, err := pyval.FromJSON(s.Parameters)
		if err != nil {
			tb.Fatalf("%s: %v", s.Name, err)
		}
		infos = append(infos, pyval.DictOf("type", "function", "function",
			pyval.DictOf("name", s.Name, "description", s.Description, "parameters", params)))
	}
	out, err := pyval.JSONDumps(infos)
	if err != nil {
		tb.Fatal(err)
	}
	sum := sha256.Sum256([]byte(out))
	return hex.EncodeToString(sum[:])
}

// ReplayDigest replays every task on a fresh env and returns the SHA-256
// of, per task, "<task_id> <final hash>\n" followed by one
// "  <tool>: <observation>\n" line per error observation, and the number
// of error observations: one figure to compare with the same digest of
// the reference's replay.
func ReplayDigest(d *taubench.Data, tasks []Task) (string, int) {
	h := sha256.New()
	n := 0
	for _, task := range tasks {
		e := d.New()
		steps := Replay(context.Background(), e, task.Actions)
		fmt.Fprintf(h, "%d %s\n", task.TaskID, e.Hash())
		for _, s := range steps {
			if obs := s.Result.Text(); Failing(obs) {
				fmt.Fprintf(h, "  %s: %s\n", s.Action.Name, obs)
				n++
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), n
}
