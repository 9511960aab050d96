package mock

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// The oracle of the anchors README: a fresh env, the task's initial_state
// (initialization_data, initialization_actions, message_history replayed
// as set_state replays it), then each gold action through CallAs with its
// requestor.

type envCall struct {
	EnvType     string          `json:"env_type"`
	FuncName    string          `json:"func_name"`
	Arguments   json.RawMessage `json:"arguments"`
	AssertValue *bool           `json:"assert_value"`
}

type histCall struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	Arguments json.RawMessage `json:"arguments"`
	Requestor string          `json:"requestor"`
}

type histMsg struct {
	Role      string     `json:"role"`
	ID        string     `json:"id"`
	Content   string     `json:"content"`
	ToolCalls []histCall `json:"tool_calls"`
}

type goldTask struct {
	ID           string `json:"id"`
	InitialState *struct {
		InitializationData *struct {
			AgentData json.RawMessage `json:"agent_data"`
			UserData  json.RawMessage `json:"user_data"`
		} `json:"initialization_data"`
		InitializationActions []envCall `json:"initialization_actions"`
		MessageHistory        []histMsg `json:"message_history"`
	} `json:"initial_state"`
	EvaluationCriteria *struct {
		Actions []struct {
			Requestor string          `json:"requestor"`
			Name      string          `json:"name"`
			Arguments json.RawMessage `json:"arguments"`
		} `json:"actions"`
		EnvAssertions []envCall `json:"env_assertions"`
	} `json:"evaluation_criteria"`
}

type expectedTask struct {
	DBHash struct {
		AgentDB string `json:"agent_db"`
		UserDB  string `json:"user_db"`
	} `json:"db_hash"`
	FailingGolds []struct {
		Reason          string `json:"reason"`
		EnvAssertsError []struct {
			EnvAssertion envCall `json:"env_assertion"`
			Met          bool    `json:"met"`
		} `json:"env_assertions_failed"`
		Name string `json:"name"`
	} `json:"failing_golds"`
	RewardBreakdown map[string]float64 `json:"reward_breakdown"`
}

// anchorsDir returns ../shared/anchors/tau beside the module root, or
// skips the test when it is absent.
func anchorsDir(tb testing.TB) string {
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
			tb.Skip("module root not found")
		}
		dir = parent
	}
	a := filepath.Join(dir, "..", "shared", "anchors", "tau")
	if _, err := os.Stat(a); err != nil {
		tb.Skipf("tau anchors not found (../shared/anchors/tau beside the module root): %v", err)
	}
	return a
}

func pyDict(tb testing.TB, raw json.RawMessage) *pyval.Dict {
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
		tb.Fatalf("arguments %s are not an object", raw)
	}
	return d
}

func loadGold(tb testing.TB, anchors, domain, file string) ([]goldTask, map[string]expectedTask) {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(anchors, "tau2", domain, file))
	if err != nil {
		tb.Fatal(err)
	}
	var tasks []goldTask
	if err := json.Unmarshal(b, &tasks); err != nil {
		tb.Fatal(err)
	}
	b, err = os.ReadFile(filepath.Join(anchors, "replay_expected.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var exp struct {
		Suites map[string]json.RawMessage `json:"suites"`
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		tb.Fatal(err)
	}
	var suite struct {
		Tasks map[string]expectedTask `json:"tasks"`
	}
	if err := json.Unmarshal(exp.Suites["tau2-"+domain], &suite); err != nil {
		tb.Fatal(err)
	}
	return tasks, suite.Tasks
}

// applyInitialState runs set_state's steps for a task.
func applyInitialState(tb testing.TB, e tau2.Env, t goldTask) {
	tb.Helper()
	is := t.InitialState
	if is == nil {
		return
	}
	if d := is.InitializationData; d != nil {
		if len(d.AgentData) > 0 && string(d.AgentData) != "null" {
			if err := e.UpdateDB(tau2.Assistant, pyDict(tb, d.AgentData)); err != nil {
				tb.Fatalf("%s: agent_data: %v", t.ID, err)
			}
		}
		if len(d.UserData) > 0 && string(d.UserData) != "null" {
			if err := e.UpdateDB(tau2.User, pyDict(tb, d.UserData)); err != nil {
				tb.Fatalf("%s: user_data: %v", t.ID, err)
			}
		}
	}
	for _, a := range is.InitializationActions {
		if _, err := e.Run(tau2.Requestor(a.EnvType), a.FuncName, pyDict(tb, a.Arguments)); err != nil {
			tb.Fatalf("%s: initialization action %s: %v", t.ID, a.FuncName, err)
		}
	}
	// Replay the history's mutating tool calls, checking their results.
	msgs := is.MessageHistory
	for i := 0; i < len(msgs); i++ {
		for _, tc := range msgs[i].ToolCalls {
			i++
			want := msgs[i]
			r := tau2.Assistant
			if tc.Requestor != "" {
				r = tau2.Requestor(tc.Requestor)
			}
			if !mutates(e, r, tc.Name) {
				continue
			}
			res := e.CallAs(context.Background(), r, tool.Call{ID: tc.ID, Name: tc.Name, Arguments: string(tc.Arguments)})
			if !sameJSONText(res.Text(), want.Content) {
				tb.Fatalf("%s: history call %s returned %q, recorded %q", t.ID, tc.Name, res.Text(), want.Content)
			}
		}
	}
}

func mutates(e tau2.Env, r tau2.Requestor, name string) bool {
	for _, in := range e.ToolInfo(r) {
		if in.Spec.Name == name {
			return in.Mutates
		}
	}
	return false
}

// sameJSONText compares two tool outputs as set_state does: parsed as
// JSON when they are JSON, as text otherwise.
func sameJSONText(a, b string) bool {
	va, errA := pyval.FromJSON([]byte(a))
	vb, errB := pyval.FromJSON([]byte(b))
	if errA != nil || errB != nil {
		return a == b
	}
	return pyval.Equal(va, vb)
}

// runGold runs a task's oracle and returns the error texts of failing gold
// calls.
func runGold(tb testing.TB, e tau2.Env, t goldTask) []string {
	tb.Helper()
	applyInitialState(tb, e, t)
	var errs []string
	if t.EvaluationCriteria == nil {
		return nil
	}
	for i, a := range t.EvaluationCriteria.Actions {
		r := tau2.Assistant
		if a.Requestor != "" {
			r = tau2.Requestor(a.Requestor)
		}
		args := string(a.Arguments)
		res := e.CallAs(context.Background(), r, tool.Call{ID: fmt.Sprint(i), Name: a.Name, Arguments: args})
		if res.Error != nil {
			errs = append(errs, res.Text())
		}
	}
	return errs
}

// assertionsMet runs the task's env_assertions and reports which hold.
func assertionsMet(tb testing.TB, e tau2.Env, t goldTask) []bool {
	tb.Helper()
	var met []bool
	for _, a := range t.EvaluationCriteria.EnvAssertions {
		v, err := e.Run(tau2.Requestor(a.EnvType), a.FuncName, pyDict(tb, a.Arguments))
		if err != nil {
			tb.Fatalf("%s: assertion %s: %v", t.ID, a.FuncName, err)
		}
		b, ok := v.(bool)
		if !ok {
			tb.Fatalf("%s: assertion %s returned %s", t.ID, a.FuncName, pyval.Repr(v))
		}
		want := true
		if a.AssertValue != nil {
			want = *a.AssertValue
		}
		met = append(met, b == want)
	}
	return met
}

func TestGoldReplay(t *testing.T) {
	anchors := anchorsDir(t)
	d, err := Load(filepath.Join(anchors, "tau2", "mock"))
	if err != nil {
		t.Fatal(err)
	}
	tasks, expected := loadGold(t, anchors, "mock", "tasks.json")
	if len(tasks) != 10 || len(expected) != 10 {
		t.Fatalf("got %d tasks and %d expectations, want 10", len(tasks), len(expected))
	}
	for _, task := range tasks {
		t.Run(task.ID, func(t *testing.T) {
			exp, ok := expected[task.ID]
			if !ok {
				t.Fatalf("no expectation for %s", task.ID)
			}
			e := d.New()
			var wantErrs []string
			for _, fg := range exp.FailingGolds {
				if msg, ok := strings.CutPrefix(fg.Reason, "tool error: "); ok {
					wantErrs = append(wantErrs, msg)
				}
			}
			if errs := runGold(t, e, task); !slices.Equal(errs, wantErrs) {
				t.Errorf("gold call errors %q, want %q", errs, wantErrs)
			}
			if h, _ := e.Hash(tau2.Assistant); h != exp.DBHash.AgentDB {
				t.Errorf("agent db hash %s, want %s", h, exp.DBHash.AgentDB)
			}
			if h, _ := e.Hash(tau2.User); h != exp.DBHash.UserDB {
				t.Errorf("user db hash %s, want %s", h, exp.DBHash.UserDB)
			}
			met := assertionsMet(t, e, task)
			wantAll, scored := exp.RewardBreakdown["ENV_ASSERTION"]
			var failed []envCall
			for _, fg := range exp.FailingGolds {
				for _, ea := range fg.EnvAssertsError {
					if !ea.Met {
						failed = append(failed, ea.EnvAssertion)
					}
				}
			}
			nFailed := 0
			for i, m := range met {
				if !m {
					nFailed++
					a := task.EvaluationCriteria.EnvAssertions[i]
					found := false
					for _, f := range failed {
						found = found || (f.FuncName == a.FuncName && string(mustCompact(t, f.Arguments)) == string(mustCompact(t, a.Arguments)))
					}
					if !found {
						t.Errorf("assertion %s %s failed; the reference has it met", a.FuncName, a.Arguments)
					}
				}
			}
			if nFailed != len(failed) {
				t.Errorf("%d assertions failed, the reference lists %d", nFailed, len(failed))
			}
			if scored && (wantAll == 1) != (nFailed == 0) {
				t.Errorf("ENV_ASSERTION %v in the reference, %d assertions failed here", wantAll, nFailed)
			}
		})
	}
}

func mustCompact(tb testing.TB, raw json.RawMessage) []byte {
	tb.Helper()
	d := pyDict(tb, raw)
	b, err := pyval.JSONDumps(d)
	if err != nil {
		tb.Fatal(err)
	}
	return []byte(b)
}
