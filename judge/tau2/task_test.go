package tau2judge_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/judge/passk"
	tau2judge "github.com/toolgym/toolgym/judge/tau2"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/pyval"
)

func TestTaskDefaults(t *testing.T) {
	task := parseTask(t, `{
	  "id": "d",
	  "user_scenario": {"instructions": "plain"},
	  "annotations": {"by": "someone"},
	  "evaluation_criteria": {
	    "actions": [{"action_id": "x", "name": "f", "arguments": {"n": 1, "f": 1.0, "s": [true, null]}},
	                {"action_id": "y", "name": "g", "arguments": {}, "requestor": "user", "compare_args": []}],
	    "env_assertions": [{"env_type": "user", "func_name": "h", "arguments": {}}]
	  },
	  "user_tools": []
	}`)
	c := task.EvaluationCriteria
	if !slices.Equal(c.RewardBasis, tau2judge.DefaultRewardBasis()) {
		t.Errorf("basis %v", c.RewardBasis)
	}
	if c.Actions[0].Requestor != tau2.Assistant || c.Actions[1].Requestor != tau2.User {
		t.Errorf("requestors %s, %s", c.Actions[0].Requestor, c.Actions[1].Requestor)
	}
	if c.Actions[0].CompareArgs != nil || c.Actions[1].CompareArgs == nil {
		t.Errorf("compare_args: None and [] must differ: %#v, %#v", c.Actions[0].CompareArgs, c.Actions[1].CompareArgs)
	}
	if !c.EnvAssertions[0].AssertValue || c.EnvAssertions[0].Message != nil {
		t.Errorf("assertion defaults %+v", c.EnvAssertions[0])
	}
	if c.CommunicateInfo != nil || c.NLAssertions != nil {
		t.Error("absent lists must stay nil")
	}
	if task.UserTools == nil || len(task.UserTools) != 0 {
		t.Errorf("user_tools [] must be empty, not nil: %#v", task.UserTools)
	}
	if string(task.Extra["annotations"]) != `{"by": "someone"}` {
		t.Errorf("extra %s", task.Extra)
	}
	// Arguments keep their order and the int/float distinction.
	args, err := json.Marshal(c.Actions[0].Arguments)
	if err != nil || string(args) != `{"n":1,"f":1.0,"s":[true,null]}` {
		t.Errorf("arguments %s, %v", args, err)
	}
	// Written back as model_dump writes a task: every member, no extras.
	b, err := json.Marshal(task)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]json.RawMessage
	json.Unmarshal(b, &back)
	var keys []string
	for k := range back {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"description", "evaluation_criteria", "id", "initial_state", "issues", "required_documents", "ticket", "user_scenario", "user_tools"}; !slices.Equal(keys, want) {
		t.Errorf("members %v", keys)
	}
	again := parseTask(t, string(b))
	again.Extra = task.Extra
	if !reflect.DeepEqual(again.EvaluationCriteria.RewardBasis, task.EvaluationCriteria.RewardBasis) || again.UserScenario.Instructions != task.UserScenario.Instructions {
		t.Error("round trip changed the task")
	}
}

func TestTaskErrors(t *testing.T) {
	for _, js := range []string{
		`{"user_scenario": {"instructions": "x"}}`,
		`{"id": "a"}`,
		`{"id": "a", "user_scenario": {}}`,
		`{"id": "a", "user_scenario": {"instructions": {"domain": "d"}}}`,
		`{"id": "a", "user_scenario": {"instructions": "x"}, "evaluation_criteria": {"reward_basis": ["DB", "VIBES"]}}`,
		`{"id": "a", "user_scenario": {"instructions": "x"}, "evaluation_criteria": {"reward_basis": null}}`,
		`{"id": "a", "user_scenario": {"instructions": "x"}, "evaluation_criteria": {"actions": [{"action_id": "x", "name": "f"}]}}`,
		`{"id": "a", "user_scenario": {"instructions": "x"}, "evaluation_criteria": {"actions": [{"action_id": "x", "name": "f", "arguments": {}, "requestor": "system"}]}}`,
		`{"id": "a", "user_scenario": {"instructions": "x"}, "evaluation_criteria": {"env_assertions": [{"func_name": "f", "arguments": {}}]}}`,
		`{"id": "a", "user_scenario": {"instructions": "x"}, "initial_state": {"message_history": [{"role": "tool", "content": "x"}]}}`,
		`{"id": "a", "user_scenario": {"instructions": "x"}, "initial_state": {"message_history": [{"role": "robot", "content": "x"}]}}`,
	} {
		if _, err := tau2judge.ParseTasks([]byte("[" + js + "]")); !errors.Is(err, tau2judge.ErrInvalidTask) {
			t.Errorf("%s: err = %v, want ErrInvalidTask", js, err)
		}
	}
	dup := `{"id": "a", "user_scenario": {"instructions": "x"}}`
	if _, err := tau2judge.ParseTasks([]byte("[" + dup + "," + dup + "]")); !errors.Is(err, tau2judge.ErrInvalidTask) {
		t.Errorf("duplicate ids: %v", err)
	}
}

// TestInstructionsString checks str() of user instructions: the
// structured form's layout and textwrap.indent's rule (blank lines are
// not indented).
func TestInstructionsString(t *testing.T) {
	task := parseTask(t, `{"id": "s", "user_scenario": {
	  "persona": "Calm.\n\nPatient.",
	  "instructions": {"domain": "retail", "reason_for_call": "Return\n  \nitems", "known_info": "Name: Ann",
	    "unknown_info": null, "task_instructions": "Be brief.\r\nThen stop."}}}`)
	want := "Domain: retail\nReason for call:\n\tReturn\n  \n\titems\nKnown info:\n\tName: Ann\nTask instructions:\n\tBe brief.\r\n\tThen stop."
	if got := task.UserScenario.Instructions.String(); got != want {
		t.Errorf("instructions:\n%q\nwant\n%q", got, want)
	}
	wantScenario := "Persona:\n\tCalm.\n\n\tPatient.\nInstructions:\n\tDomain: retail\n\tReason for call:\n\t\tReturn\n  \n\t\titems\n\tKnown info:\n\t\tName: Ann\n\tTask instructions:\n\t\tBe brief.\r\n\t\tThen stop."
	if got := task.UserScenario.String(); got != wantScenario {
		t.Errorf("scenario:\n%q\nwant\n%q", got, wantScenario)
	}
	plain := parseTask(t, `{"id": "p", "user_scenario": {"instructions": "Just do it."}}`)
	if got := plain.UserScenario.Instructions.String(); got != "Just do it." {
		t.Errorf("plain %q", got)
	}
}

// TestCompareWithToolCall covers compare_with_tool_call, quirks included.
func TestCompareWithToolCall(t *testing.T) {
	gold := func(compare []string, kv ...any) *tau2judge.Action {
		return &tau2judge.Action{Name: "f", Arguments: tau2judge.DictOf(kv...), CompareArgs: compare}
	}
	tc := func(name string, kv ...any) *tau2judge.ToolCall {
		return &tau2judge.ToolCall{Name: name, Arguments: tau2judge.DictOf(kv...)}
	}
	for _, c := range []struct {
		name string
		gold *tau2judge.Action
		call *tau2judge.ToolCall
		want bool
	}{
		{"equal", gold(nil, "a", int64(1), "b", "x"), tc("f", "b", "x", "a", int64(1)), true},
		{"other name", gold(nil, "a", int64(1)), tc("g", "a", int64(1)), false},
		{"other value", gold(nil, "a", int64(1)), tc("f", "a", int64(2)), false},
		{"1 == 1.0 == True", gold(nil, "a", int64(1), "b", true), tc("f", "a", 1.0, "b", int64(1)), true},
		{"extra call argument", gold(nil, "a", int64(1)), tc("f", "a", int64(1), "b", int64(2)), false},
		// compare_args None compares the call's arguments only: one the
		// call lacks is not compared, and a call without arguments matches.
		{"call lacks an argument", gold(nil, "a", int64(1), "b", int64(2)), tc("f", "a", int64(1)), true},
		{"call without arguments", gold(nil, "a", int64(1)), tc("f"), true},
		{"compare_args subset", gold([]string{"a"}, "a", int64(1), "b", int64(2)), tc("f", "a", int64(1), "b", int64(3)), true},
		{"compare_args missing in call", gold([]string{"a", "b"}, "a", int64(1), "b", int64(2)), tc("f", "a", int64(1)), false},
		{"compare_args empty", gold([]string{}, "a", int64(1)), tc("f", "a", int64(9)), true},
		{"nested", gold(nil, "items", []pyval.Value{pyval.DictOf("id", "x", "n", int64(2))}),
			tc("f", "items", []pyval.Value{pyval.DictOf("n", 2.0, "id", "x")}), true},
		{"list order matters", gold(nil, "l", []pyval.Value{"a", "b"}), tc("f", "l", []pyval.Value{"b", "a"}), false},
	} {
		if got := c.gold.CompareWithToolCall(c.call); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestMessageJSON(t *testing.T) {
	for _, tc := range []struct {
		in, out string
		check   func(m tau2judge.Message) bool
	}{
		{
			`{"role": "assistant", "content": "hi", "turn_idx": 3, "cost": 0.5, "usage": {"x": 1}}`,
			`{"role":"assistant","content":"hi","tool_calls":null,"turn_idx":3,"timestamp":null,"cost":0.5,"usage":{"x":1}}`,
			func(m tau2judge.Message) bool { return !m.IsToolCall() && *m.TurnIdx == 3 && m.Extra["cost"] != nil },
		},
		{
			`{"role": "user", "tool_calls": [{"name": "f", "arguments": {"b": 2.0, "a": 1}}]}`,
			`{"role":"user","content":null,"tool_calls":[{"id":"","name":"f","arguments":{"b":2.0,"a":1},"requestor":"assistant"}],"turn_idx":null,"timestamp":null}`,
			func(m tau2judge.Message) bool { return m.IsToolCall() && m.ToolCalls[0].Requestor == tau2.Assistant },
		},
		{
			`{"role": "assistant", "tool_calls": []}`,
			`{"role":"assistant","content":null,"tool_calls":[],"turn_idx":null,"timestamp":null}`,
			func(m tau2judge.Message) bool { return m.IsToolCall() }, // [] is not None
		},
		{
			`{"role": "tool", "id": "c1", "content": "Error: no", "error": true, "requestor": "user"}`,
			`{"role":"tool","id":"c1","content":"Error: no","requestor":"user","error":true,"turn_idx":null,"timestamp":null}`,
			func(m tau2judge.Message) bool { return m.Error && m.Requestor == tau2.User && m.ID == "c1" },
		},
		{
			`{"role": "tool", "id": "c1", "content": null}`,
			`{"role":"tool","id":"c1","content":null,"requestor":"assistant","error":false,"turn_idx":null,"timestamp":null}`,
			func(m tau2judge.Message) bool { return m.Content == nil && m.Requestor == tau2.Assistant },
		},
		{
			`{"role": "tool", "tool_messages": [{"role": "tool", "id": "a", "content": "1"}]}`,
			`{"role":"tool","tool_messages":[{"role":"tool","id":"a","content":"1","requestor":"assistant","error":false,"turn_idx":null,"timestamp":null}]}`,
			func(m tau2judge.Message) bool { return len(m.ToolMessages) == 1 },
		},
		{
			`{"role": "system", "content": "rules", "timestamp": "2025-01-01T00:00:00"}`,
			`{"role":"system","content":"rules","turn_idx":null,"timestamp":"2025-01-01T00:00:00"}`,
			func(m tau2judge.Message) bool { return m.Role == model.RoleSystem },
		},
	} {
		var m tau2judge.Message
		if err := json.Unmarshal([]byte(tc.in), &m); err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if !tc.check(m) {
			t.Errorf("%s: decoded %+v", tc.in, m)
		}
		out, err := json.Marshal(m)
		if err != nil || string(out) != tc.out {
			t.Errorf("%s:\n got %s (%v)\nwant %s", tc.in, out, err, tc.out)
		}
	}
}

// TestResults writes a results file in both of the reference's formats
// and reads it back.
func TestResults(t *testing.T) {
	dom := testDomain(t)
	task := parseTask(t, planTask)
	sim := play(t, dom, task, task.EvaluationCriteria.Actions, "task_3 Buy soil")
	trial := 2
	sim.Trial = &trial
	sim.Extra = map[string]json.RawMessage{"review": json.RawMessage(`{"summary":"ok"}`)}
	sim.RewardInfo = evaluate(t, dom, task, sim)
	res := tau2judge.Results{Info: json.RawMessage(`{"num_trials": 3}`), Tasks: []tau2judge.Task{*task}, Simulations: []tau2judge.SimulationRun{*sim}}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	one := filepath.Join(dir, "one", "results.json")
	os.MkdirAll(filepath.Dir(one), 0o755)
	os.WriteFile(one, b, 0o644)
	// The directory format: the simulations one file each.
	meta := res
	meta.Simulations = nil
	mb, _ := json.Marshal(meta)
	sb, _ := json.Marshal(sim)
	os.MkdirAll(filepath.Join(dir, "split", "simulations"), 0o755)
	os.WriteFile(filepath.Join(dir, "split", "results.json"), mb, 0o644)
	os.WriteFile(filepath.Join(dir, "split", "simulations", sim.ID+".json"), sb, 0o644)

	for _, path := range []string{one, filepath.Join(dir, "split")} {
		got, err := tau2judge.LoadResults(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Simulations) != 1 || got.Task("plan") == nil || got.Task("other") != nil {
			t.Fatalf("%s: %d simulations", path, len(got.Simulations))
		}
		s := got.Simulations[0]
		if *s.Trial != 2 || string(s.Extra["review"]) != `{"summary":"ok"}` || len(s.Messages) != len(sim.Messages) {
			t.Errorf("%s: simulation %+v", path, s)
		}
		// Rescoring the recorded run gives the recorded verdict.
		again := evaluate(t, dom, got.Task(s.TaskID), &s)
		a, _ := json.Marshal(again)
		r, _ := json.Marshal(s.RewardInfo)
		if string(a) != string(r) {
			t.Errorf("%s: rescored\n%s\nrecorded\n%s", path, a, r)
		}
		if !strings.Contains(string(r), `"reward":1.0,"db_check":{"db_match":true,"db_reward":1.0}`) {
			t.Errorf("recorded %s", r)
		}
		if tr := got.Trials(); len(tr) != 1 || tr[0] != (passk.Trial{TaskID: "plan", Trial: 2, Reward: 1}) || got.NumTrials() != 3 {
			t.Errorf("trials %+v, num_trials %d", tr, got.NumTrials())
		}
	}
	if _, err := tau2judge.LoadResults(filepath.Join(dir, "none.json")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestSplits(t *testing.T) {
	tasks, err := tau2judge.ParseTasks([]byte(`[{"id": "a", "user_scenario": {"instructions": "x"}},
		{"id": "b", "user_scenario": {"instructions": "y"}}]`))
	if err != nil {
		t.Fatal(err)
	}
	s := tau2judge.Splits{"base": {"b", "a"}, "odd": {"c"}}
	got, err := s.Select("base", tasks)
	if err != nil || len(got) != 2 || got[0].ID != "b" {
		t.Errorf("base: %v, %v", got, err)
	}
	if _, err := s.Select("odd", tasks); err == nil {
		t.Error("unknown id: no error")
	}
	if _, err := s.Select("test", tasks); err == nil {
		t.Error("unknown split: no error")
	}
}

// TestAnchorTasks decodes every tau2 task file of the anchors.
func TestAnchorTasks(t *testing.T) {
	loadExpected(t) // skips without the anchors
	for _, tc := range []struct {
		file  string
		n     int
		split string
		ns    int
	}{
		{"mock/tasks.json", 10, "base", 10},
		{"retail/tasks.json", 114, "base", 114},
		{"airline/tasks.json", 50, "base", 50},
		{"telecom/tasks_base114.release-37199f3.json", 114, "base", 114},
		{"telecom/tasks_small.json", 20, "", 0},
		{"banking_knowledge/tasks.json", 97, "", 0},
	} {
		path := filepath.Join(anchorDir, "tau2", tc.file)
		tasks, err := tau2judge.LoadTasks(path)
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		if len(tasks) != tc.n {
			t.Errorf("%s: %d tasks, want %d", tc.file, len(tasks), tc.n)
		}
		for i := range tasks {
			if tasks[i].UserScenario.Instructions.String() == "" || tasks[i].EvaluationCriteria == nil {
				t.Errorf("%s: task %s lacks instructions or criteria", tc.file, tasks[i].ID)
			}
		}
		if tc.split == "" {
			continue
		}
		splits, err := tau2judge.LoadSplits(filepath.Join(filepath.Dir(path), "split_tasks.json"))
		if err != nil {
			t.Fatal(err)
		}
		sel, err := splits.Select(tc.split, tasks)
		if err != nil || len(sel) != tc.ns {
			t.Errorf("%s: split %s: %d tasks, %v", tc.file, tc.split, len(sel), err)
		}
	}
}
