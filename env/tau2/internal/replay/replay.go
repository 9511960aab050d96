// Package replay is the tau2 domains' shared test support. It replays
// tau2-bench tasks' gold actions against a domain environment, as the
// anchors' oracle did (shared/anchors/tau/README.md), and checks the
// result against the anchors' expectations; it also holds the checks,
// fuzz target and benchmark bodies that more than one domain runs over
// its own data and cases.
package replay

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// ErrNoAnchors reports that the anchors folder is absent.
var ErrNoAnchors = errors.New("replay: ../shared/anchors/tau (relative to the module root) is absent")

// ErrHistory reports that a tool call of a task's message_history, re-run
// during set-up, returned other than the tool message recorded after it.
var ErrHistory = errors.New("replay: history call's result differs from the recorded one")

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

// Anchors returns AnchorsDir's folder, or skips tb when it is absent.
func Anchors(tb testing.TB) string {
	tb.Helper()
	a, err := AnchorsDir()
	if err != nil {
		tb.Skip("../shared/anchors/tau (relative to the module root) is absent")
	}
	return a
}

// Dict decodes a JSON object (keeping its key order) for a function's
// keyword arguments or a database update; empty or null input gives an
// empty dict, and anything but an object fails tb.
func Dict(tb testing.TB, raw []byte) *pyval.Dict {
	tb.Helper()
	if len(raw) == 0 || string(raw) == "null" {
		return pyval.NewDict()
	}
	v, err := pyval.FromJSON(raw)
	if err != nil {
		tb.Fatal(err)
	}
	d, ok := v.(*pyval.Dict)
	if !ok {
		tb.Fatalf("%s is not a JSON object", raw)
	}
	return d
}

// Action is one gold action.
type Action struct {
	Name      string
	Requestor tau2.Requestor
	Arguments *pyval.Dict
	ArgsJSON  string
}

// Assertion is one of a task's env_assertions: a function of the
// requestor's toolkit that returns a bool, and the value it must return.
type Assertion struct {
	Requestor tau2.Requestor // env_type
	Func      string
	Arguments *pyval.Dict
	ArgsJSON  string // json.dumps of Arguments
	Want      bool   // assert_value, true when absent
}

// Task is a task's id, initial state, gold actions and env assertions.
type Task struct {
	ID           string
	InitialState *pyval.Dict // nil when the task has none
	Actions      []Action
	Assertions   []Assertion
}

// Expected is the anchors' record of one task's oracle replay.
type Expected struct {
	AgentDB string
	UserDB  string // "" when the domain has no user database
	// Failing maps the step of each gold call that failed to its
	// observation ("Error: ...").
	Failing map[int]string
	// Unmet lists the env assertions that the oracle's final state did
	// not meet.
	Unmet []Assertion
	// EnvScored tells whether the reward breakdown scores ENV_ASSERTION,
	// and EnvReward is that score.
	EnvScored bool
	EnvReward float64
}

// Load reads a domain's base-split tasks from tau2/<domain>/tasks.json,
// as LoadFile does.
func Load(domain string) ([]Task, map[string]Expected, error) {
	return LoadFile(domain, "tasks.json")
}

// LoadFile reads the tasks of tau2/<domain>/<file> in the anchors that
// split_tasks.json puts in the base split, and the expectations of
// replay_expected.json's tau2-<domain> suite.
func LoadFile(domain, file string) ([]Task, map[string]Expected, error) {
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
	tv, err := read(filepath.Join(a, "tau2", domain, file))
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
		crit := get(t, "evaluation_criteria")
		for _, act := range list(get(crit, "actions")) {
			args, js, err := arguments(act)
			if err != nil {
				return nil, nil, fmt.Errorf("task %s: %w", id, err)
			}
			task.Actions = append(task.Actions, Action{Name: pyval.Str(get(act, "name")), Requestor: requestor(act, "requestor"), Arguments: args, ArgsJSON: js})
		}
		for _, ea := range list(get(crit, "env_assertions")) {
			as, err := assertion(ea)
			if err != nil {
				return nil, nil, fmt.Errorf("task %s: %w", id, err)
			}
			task.Assertions = append(task.Assertions, as)
		}
		tasks = append(tasks, task)
	}
	exp := map[string]Expected{}
	suite := get(get(get(ev, "suites"), "tau2-"+domain), "tasks")
	if d, ok := suite.(*pyval.Dict); ok {
		var err error
		d.Items(func(k, v pyval.Value) bool {
			var e Expected
			e, err = expected(v)
			if err != nil {
				err = fmt.Errorf("expectation %s: %w", pyval.Str(k), err)
				return false
			}
			exp[pyval.Str(k)] = e
			return true
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return tasks, exp, nil
}

// expected decodes one task of replay_expected.json.
func expected(v pyval.Value) (Expected, error) {
	hashes := get(v, "db_hash")
	e := Expected{AgentDB: pyval.Str(get(hashes, "agent_db")), Failing: map[int]string{}}
	if s, ok := get(hashes, "user_db").(string); ok {
		e.UserDB = s
	}
	for _, fg := range list(get(v, "failing_golds")) {
		reason := pyval.Str(get(fg, "reason"))
		const prefix = "tool error: "
		if len(reason) > len(prefix) && reason[:len(prefix)] == prefix {
			step, _ := get(fg, "step").(int64)
			e.Failing[int(step)] = reason[len(prefix):]
		}
		for _, f := range list(get(fg, "env_assertions_failed")) {
			if met, _ := get(f, "met").(bool); met {
				continue
			}
			as, err := assertion(get(f, "env_assertion"))
			if err != nil {
				return Expected{}, err
			}
			e.Unmet = append(e.Unmet, as)
		}
	}
	if d, ok := get(v, "reward_breakdown").(*pyval.Dict); ok {
		if r, ok := d.Get("ENV_ASSERTION"); ok {
			e.EnvScored = true
			switch r := r.(type) {
			case float64:
				e.EnvReward = r
			case int64:
				e.EnvReward = float64(r)
			}
		}
	}
	return e, nil
}

// assertion decodes one env_assertion.
func assertion(v pyval.Value) (Assertion, error) {
	args, js, err := arguments(v)
	if err != nil {
		return Assertion{}, err
	}
	want := true
	if b, ok := get(v, "assert_value").(bool); ok {
		want = b
	}
	return Assertion{Requestor: tau2.Requestor(pyval.Str(get(v, "env_type"))), Func: pyval.Str(get(v, "func_name")), Arguments: args, ArgsJSON: js, Want: want}, nil
}

// arguments returns v's "arguments" (an empty dict when it has none) and
// their json.dumps.
func arguments(v pyval.Value) (*pyval.Dict, string, error) {
	args, _ := get(v, "arguments").(*pyval.Dict)
	if args == nil {
		args = pyval.NewDict()
	}
	js, err := pyval.JSONDumps(args)
	if err != nil {
		return nil, "", err
	}
	return args, js, nil
}

// requestor returns v's key as a requestor, the assistant when absent.
func requestor(v pyval.Value, key string) tau2.Requestor {
	if s, ok := get(v, key).(string); ok {
		return tau2.Requestor(s)
	}
	return tau2.Assistant
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
// the functions), and the tool calls of message_history, the mutating
// ones re-run and their results compared with the tool messages that
// follow them (ErrHistory when one differs).
func SetUp(e tau2.Env, is *pyval.Dict) error {
	if is == nil {
		return nil
	}
	if data, ok := get(is, "initialization_data").(*pyval.Dict); ok {
		if ad, ok := get(data, "agent_data").(*pyval.Dict); ok {
			if err := e.UpdateDB(tau2.Assistant, ad); err != nil {
				return fmt.Errorf("agent_data: %w", err)
			}
		}
		if ud, ok := get(data, "user_data").(*pyval.Dict); ok {
			if err := e.UpdateDB(tau2.User, ud); err != nil {
				return fmt.Errorf("user_data: %w", err)
			}
		}
	}
	for _, a := range list(get(is, "initialization_actions")) {
		args, _, err := arguments(a)
		if err != nil {
			return err
		}
		name := pyval.Str(get(a, "func_name"))
		if _, err := e.Run(tau2.Requestor(pyval.Str(get(a, "env_type"))), name, args); err != nil {
			return fmt.Errorf("initialization action %s: %w", name, err)
		}
	}
	// Each tool call is followed, in order, by the tool message holding
	// its result.
	msgs := list(get(is, "message_history"))
	for i := 0; i < len(msgs); i++ {
		for _, tc := range list(get(msgs[i], "tool_calls")) {
			i++
			if i >= len(msgs) {
				return fmt.Errorf("%w: history ends before the result of %s", ErrHistory, pyval.Str(get(tc, "name")))
			}
			name := pyval.Str(get(tc, "name"))
			r := requestor(tc, "requestor")
			if !mutates(e, r, name) {
				continue
			}
			js, err := pyval.JSONDumps(get(tc, "arguments"))
			if err != nil {
				return err
			}
			res := e.CallAs(context.Background(), r, tool.Call{ID: pyval.Str(get(tc, "id")), Name: name, Arguments: js})
			want, _ := get(msgs[i], "content").(string)
			if !sameJSONText(res.Text(), want) {
				return fmt.Errorf("%w: %s returned %q, recorded %q", ErrHistory, name, res.Text(), want)
			}
		}
	}
	return nil
}

// mutates reports whether r's toolkit has a tool of that name that
// mutates the state.
func mutates(e tau2.Env, r tau2.Requestor, name string) bool {
	for _, in := range e.ToolInfo(r) {
		if in.Spec.Name == name {
			return in.Mutates
		}
	}
	return false
}

// sameJSONText compares two tool outputs as set_state does: parsed as
// JSON when both are JSON, as text otherwise.
func sameJSONText(a, b string) bool {
	va, errA := pyval.FromJSON([]byte(a))
	vb, errB := pyval.FromJSON([]byte(b))
	if errA != nil || errB != nil {
		return a == b
	}
	return pyval.Equal(va, vb)
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

// Assert runs a task's env assertions on e and reports, for each, whether
// it returned the value it must.
func Assert(e tau2.Env, t Task) ([]bool, error) {
	met := make([]bool, 0, len(t.Assertions))
	for _, a := range t.Assertions {
		v, err := e.Run(a.Requestor, a.Func, a.Arguments)
		if err != nil {
			return nil, fmt.Errorf("assertion %s: %w", a.Func, err)
		}
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("assertion %s returned %s", a.Func, pyval.Repr(v))
		}
		met = append(met, b == a.Want)
	}
	return met, nil
}

// Check is CheckFile for the domain's tasks.json.
func Check(t *testing.T, d tau2.Domain, domain string, want int) {
	t.Helper()
	CheckFile(t, d, domain, "tasks.json", want)
}

// CheckFile replays every base task of tau2/<domain>/<file> on a fresh
// environment of d, in a subtest per task, and reports each difference
// from the anchors: a set-up that fails, failing gold calls (by step and
// observation), the final agent and user database hashes, and the env
// assertions the final state does not meet (those the reference's oracle
// met must hold, those it did not must fail, and ENV_ASSERTION's score
// must agree). want is the number of base tasks and of expectations.
func CheckFile(t *testing.T, d tau2.Domain, domain, file string, want int) {
	t.Helper()
	tasks, exp, err := LoadFile(domain, file)
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) != want || len(exp) != want {
		t.Fatalf("%d base tasks and %d expectations, want %d", len(tasks), len(exp), want)
	}
	for _, task := range tasks {
		t.Run(task.ID, func(t *testing.T) {
			x, ok := exp[task.ID]
			if !ok {
				t.Fatalf("no expectation for %s", task.ID)
			}
			e := d.New()
			if err := SetUp(e, task.InitialState); err != nil {
				t.Fatalf("set-up: %v", err)
			}
			if failing := Run(e, task); !maps.Equal(failing, x.Failing) {
				t.Errorf("failing golds %v, want %v", failing, x.Failing)
			}
			for _, h := range []struct {
				r    tau2.Requestor
				want string
			}{{tau2.Assistant, x.AgentDB}, {tau2.User, x.UserDB}} {
				got, err := e.Hash(h.r)
				if err != nil {
					t.Fatalf("%s db hash: %v", h.r, err)
				}
				if got != h.want {
					t.Errorf("%s db hash %s, want %s", h.r, got, h.want)
				}
			}
			checkAssertions(t, e, task, x)
		})
	}
}

// checkAssertions runs task's env assertions on e and compares the unmet
// ones with x's.
func checkAssertions(t *testing.T, e tau2.Env, task Task, x Expected) {
	t.Helper()
	met, err := Assert(e, task)
	if err != nil {
		t.Fatal(err)
	}
	unmet := 0
	for i, ok := range met {
		if ok {
			continue
		}
		unmet++
		a := task.Assertions[i]
		if !slices.ContainsFunc(x.Unmet, func(u Assertion) bool { return u.Func == a.Func && u.ArgsJSON == a.ArgsJSON }) {
			t.Errorf("assertion %s %s failed; the reference has it met", a.Func, a.ArgsJSON)
		}
	}
	if unmet != len(x.Unmet) {
		t.Errorf("%d assertions failed, the reference lists %d", unmet, len(x.Unmet))
	}
	if x.EnvScored && (x.EnvReward == 1) != (unmet == 0) {
		t.Errorf("ENV_ASSERTION %v in the reference, %d assertions failed here", x.EnvReward, unmet)
	}
}
