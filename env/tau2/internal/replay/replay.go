// Package replay replays tau2-bench tasks' gold actions against a domain
// environment, as the anchors' oracle did (shared/anchors/tau/README.md),
// for the domains' reference-fidelity tests and benchmarks.
package replay

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// ErrNoAnchors reports that the anchors folder is absent.
var ErrNoAnchors = errors.New("replay: ../shared/anchors/tau (relative to the module root) is absent")

// AnchorsDir returns shared/anchors/tau, found next to the module root.
func AnchorsDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", ErrNoAnchors
	}
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoAnchors
		}
		dir = parent
	}
	a := filepath.Join(dir, "..", "shared", "anchors", "tau")
	if _, err := os.Stat(a); err != nil {
		return "", ErrNoAnchors
	}
	return a, nil
}

// Action is one gold action.
type Action struct {
	Name      string
	Requestor tau2.Requestor
	Arguments *pyval.Dict
	ArgsJSON  string
}

// Task is a task's id, initial state and gold actions.
type Task struct {
	ID           string
	InitialState *pyval.Dict // nil when the task has none
	Actions      []Action
}

// Expected is the anchors' record of one task's oracle replay.
type Expected struct {
	AgentDB string
	// Failing maps the step of each gold call that failed to its
	// observation ("Error: ...").
	Failing map[int]string
}

// Load reads a domain's base-split tasks and their expectations from the
// anchors (tau2/<domain>/tasks.json, split_tasks.json and
// replay_expected.json's tau2-<domain> suite).
func Load(domain string) ([]Task, map[string]Expected, error) {
	a, err := AnchorsDir()
	if err != nil {
		return nil, nil, err
	}
	read := func(p string) (pyval.Value, error) {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		return pyval.FromJSON(b)
	}
	tv, err := read(filepath.Join(a, "tau2", domain, "tasks.json"))
	if err != nil {
		return nil, nil, err
	}
	sv, err := read(filepath.Join(a, "tau2", domain, "split_tasks.json"))
	if err != nil {
		return nil, nil, err
	}
	ev, err := read(filepath.Join(a, "replay_expected.json"))
	if err != nil {
		return nil, nil, err
	}
	base := map[string]bool{}
	for _, id := range list(get(sv, "base")) {
		base[pyval.Str(id)] = true
	}
	var tasks []Task
	for _, t := range list(tv) {
		id := pyval.Str(get(t, "id"))
		if !base[id] {
			continue
		}
		task := Task{ID: id}
		if is, ok := get(t, "initial_state").(*pyval.Dict); ok {
			task.InitialState = is
		}
		for _, act := range list(get(get(t, "evaluation_criteria"), "actions")) {
			args, _ := get(act, "arguments").(*pyval.Dict)
			if args == nil {
				args = pyval.NewDict()
			}
			js, err := pyval.JSONDumps(args)
			if err != nil {
				return nil, nil, fmt.Errorf("task %s: %w", id, err)
			}
			r := tau2.Assistant
			if s, ok := get(act, "requestor").(string); ok {
				r = tau2.Requestor(s)
			}
			task.Actions = append(task.Actions, Action{Name: pyval.Str(get(act, "name")), Requestor: r, Arguments: args, ArgsJSON: js})
		}
		tasks = append(tasks, task)
	}
	exp := map[string]Expected{}
	suite := get(get(get(ev, "suites"), "tau2-"+domain), "tasks")
	if d, ok := suite.(*pyval.Dict); ok {
		d.Items(func(k, v pyval.Value) bool {
			e := Expected{AgentDB: pyval.Str(get(get(v, "db_hash"), "agent_db")), Failing: map[int]string{}}
			for _, fg := range list(get(v, "failing_golds")) {
				reason := pyval.Str(get(fg, "reason"))
				const prefix = "tool error: "
				if len(reason) > len(prefix) && reason[:len(prefix)] == prefix {
					step, _ := get(fg, "step").(int64)
					e.Failing[int(step)] = reason[len(prefix):]
				}
			}
			exp[pyval.Str(k)] = e
			return true
		})
	}
	return tasks, exp, nil
}

func get(v pyval.Value, k string) pyval.Value {
	if d, ok := v.(*pyval.Dict); ok {
		x, _ := d.Get(k)
		return x
	}
	return nil
}

func list(v pyval.Value) []pyval.Value {
	l, _ := v.([]pyval.Value)
	return l
}

// SetUp applies a task's initial state to e as Environment.set_state
// does: initialization_data (update_db), initialization_actions (run
// the functions), and the tool calls of message_history (mutating ones
// re-run).
func SetUp(e tau2.Env, is *pyval.Dict) error {
	if is == nil {
		return nil
	}
	if data, ok := get(is, "initialization_data").(*pyval.Dict); ok {
		if ad, ok := get(data, "agent_data").(*pyval.Dict); ok {
			if err := e.UpdateDB(tau2.Assistant, ad); err != nil {
				return err
			}
		}
		if ud, ok := get(data, "user_data").(*pyval.Dict); ok {
			if err := e.UpdateDB(tau2.User, ud); err != nil {
				return err
			}
		}
	}
	for _, a := range list(get(is, "initialization_actions")) {
		args, _ := get(a, "arguments").(*pyval.Dict)
		r := tau2.Requestor(pyval.Str(get(a, "env_type")))
		if _, err := e.Run(r, pyval.Str(get(a, "func_name")), args); err != nil {
			return err
		}
	}
	for _, m := range list(get(is, "message_history")) {
		for _, tc := range list(get(m, "tool_calls")) {
			name := pyval.Str(get(tc, "name"))
			r := tau2.Assistant
			if s, ok := get(tc, "requestor").(string); ok {
				r = tau2.Requestor(s)
			}
			mutates := true
			known := false
			for _, info := range e.ToolInfo(r) {
				if info.Spec.Name == name {
					mutates, known = info.Mutates, true
				}
			}
			if !known || !mutates {
				continue
			}
			js, err := pyval.JSONDumps(get(tc, "arguments"))
			if err != nil {
				return err
			}
			e.CallAs(context.Background(), r, tool.Call{ID: pyval.Str(get(tc, "id")), Name: name, Arguments: js})
		}
	}
	return nil
}

// Run replays a task's gold actions on e and returns the observation of
// each call that failed, by step.
func Run(e tau2.Env, t Task) map[int]string {
	failing := map[int]string{}
	for i, a := range t.Actions {
		res := e.CallAs(context.Background(), a.Requestor, tool.Call{ID: fmt.Sprint(i), Name: a.Name, Arguments: a.ArgsJSON})
		if res.Error != nil {
			failing[i] = res.Text()
		}
	}
	return failing
}

// Check replays every base task of the domain on a fresh environment of
// d and reports, through t, each task whose final agent database hash or
// failing gold calls differ from the anchors'. want is the number of base
// tasks the anchors hold.
func Check(t testing.TB, d tau2.Domain, domain string, want int) {
	t.Helper()
	tasks, exp, err := Load(domain)
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) != want {
		t.Fatalf("%d base tasks, want %d", len(tasks), want)
	}
	for _, task := range tasks {
		e := d.New()
		if err := SetUp(e, task.InitialState); err != nil {
			t.Errorf("task %s: set-up: %v", task.ID, err)
			continue
		}
		failing := Run(e, task)
		x, ok := exp[task.ID]
		if !ok {
			t.Errorf("task %s: no expectation", task.ID)
			continue
		}
		h, err := e.Hash(tau2.Assistant)
		if err != nil {
			t.Fatal(err)
		}
		if h != x.AgentDB {
			t.Errorf("task %s: agent_db hash %s, want %s", task.ID, h, x.AgentDB)
		}
		if !maps.Equal(failing, x.Failing) {
			t.Errorf("task %s: failing golds %v, want %v", task.ID, failing, x.Failing)
		}
	}
}
