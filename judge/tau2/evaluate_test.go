package tau2judge_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	tau2judge "github.com/toolgym/toolgym/judge/tau2"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// testDomain loads the mock domain over the small database of
// testdata/mock (not the benchmark's).
func testDomain(tb testing.TB) tau2.Domain {
	tb.Helper()
	dom, err := tau2.Load("mock", "testdata/mock")
	if err != nil {
		tb.Fatal(err)
	}
	return dom
}

// planTask uses both toolkits, env assertions and communicate_info, and
// has every component in its reward basis.
const planTask = `{
  "id": "plan",
  "user_scenario": {"instructions": "Ask for a new task, then finish t1."},
  "evaluation_criteria": {
    "actions": [
      {"action_id": "a1", "name": "get_users", "arguments": {}},
      {"action_id": "a2", "name": "create_task", "arguments": {"user_id": "ada", "title": "Buy soil", "description": "Two bags"}},
      {"action_id": "a3", "name": "update_task_status", "arguments": {"task_id": "t1", "status": "completed"}},
      {"action_id": "a4", "requestor": "user", "name": "dismiss_notification", "arguments": {"notification_id": "n1"}}
    ],
    "env_assertions": [
      {"env_type": "assistant", "func_name": "assert_task_status", "arguments": {"task_id": "t1", "expected_status": "completed"}},
      {"env_type": "user", "func_name": "assert_notification_status", "arguments": {"notification_id": "n1", "expected_status": "read"}}
    ],
    "communicate_info": ["task_3", "Buy soil"],
    "reward_basis": ["DB", "ENV_ASSERTION", "ACTION", "COMMUNICATE"]
  }
}`

func parseTask(tb testing.TB, js string) *tau2judge.Task {
	tb.Helper()
	tasks, err := tau2judge.ParseTasks([]byte("[" + js + "]"))
	if err != nil {
		tb.Fatal(err)
	}
	return &tasks[0]
}

// call is a tool call the simulated agent (or user) makes.
func call(r tau2.Requestor, name string, kv ...any) tau2judge.Action {
	return tau2judge.Action{ActionID: name, Requestor: r, Name: name, Arguments: tau2judge.DictOf(kv...)}
}

// play builds a trajectory as an agent making calls (run live on a fresh
// environment in the task's initial state) and ending with final would
// leave it: the oracle's shape with other calls and another last word.
func play(tb testing.TB, dom tau2.Domain, task *tau2judge.Task, calls []tau2judge.Action, final ...string) *tau2judge.SimulationRun {
	tb.Helper()
	ctx := context.Background()
	variant := *task
	crit := tau2judge.EvaluationCriteria{Actions: calls, CommunicateInfo: final}
	variant.EvaluationCriteria = &crit
	e := dom.New()
	if err := tau2judge.ApplyInitialState(ctx, e, &variant); err != nil {
		tb.Fatal(err)
	}
	msgs, err := tau2judge.OracleMessages(ctx, e, &variant)
	if err != nil {
		tb.Fatal(err)
	}
	return &tau2judge.SimulationRun{ID: "sim", TaskID: task.ID, TerminationReason: tau2judge.AgentStop, Messages: msgs}
}

func evaluate(tb testing.TB, dom tau2.Domain, task *tau2judge.Task, sim *tau2judge.SimulationRun) *tau2judge.RewardInfo {
	tb.Helper()
	ev := &tau2judge.Evaluator{Domain: dom}
	info, err := ev.Evaluate(context.Background(), task, sim, tau2judge.EvalAll)
	if err != nil {
		tb.Fatal(err)
	}
	return info
}

// bd is a breakdown in DB, ENV_ASSERTION, ACTION, COMMUNICATE order.
func bd(db, env, act, comm float64) tau2judge.Breakdown {
	return tau2judge.Breakdown{
		{Type: tau2judge.RewardDB, Reward: db}, {Type: tau2judge.RewardEnvAssertion, Reward: env},
		{Type: tau2judge.RewardAction, Reward: act}, {Type: tau2judge.RewardCommunicate, Reward: comm},
	}
}

// TestMutatedOracles checks that the oracle passes and that each way of
// spoiling it fails the components it must, and only those.
func TestMutatedOracles(t *testing.T) {
	dom := testDomain(t)
	task := parseTask(t, planTask)
	gold := task.EvaluationCriteria.Actions
	a := tau2.Assistant
	without := func(i int) []tau2judge.Action {
		return slices.Delete(slices.Clone(gold), i, i+1)
	}
	for _, tc := range []struct {
		name   string
		calls  []tau2judge.Action
		final  []string
		reward float64
		want   tau2judge.Breakdown
	}{
		{"oracle", gold, []string{"task_3", "Buy soil"}, 1, bd(1, 1, 1, 1)},
		// A dropped write changes the state and misses an action.
		{"drop write", without(2), []string{"task_3 Buy soil"}, 0, bd(0, 0, 0, 1)},
		// A dropped read leaves the state as it is; only ACTION sees it.
		{"drop read", without(0), []string{"task_3 Buy soil"}, 0, bd(1, 1, 0, 1)},
		// The user's own write counts for the user database.
		{"drop user write", without(3), []string{"task_3 Buy soil"}, 0, bd(0, 0, 0, 1)},
		{"changed argument", []tau2judge.Action{gold[0],
			call(a, "create_task", "user_id", "ada", "title", "Buy seeds", "description", "Two bags"), gold[2], gold[3]},
			[]string{"task_3 Buy soil"}, 0, bd(0, 1, 0, 1)},
		// Removing the text that communicates the required information.
		{"no communicate text", gold, nil, 0, bd(1, 1, 1, 0)},
		{"half communicated", gold, []string{"Your task is task_3."}, 0, bd(1, 1, 1, 0)},
		// Order, extra reads and failed calls do not matter.
		{"reordered with extras", []tau2judge.Action{gold[3], gold[2], call(a, "get_users"),
			call(a, "update_task_status", "task_id", "nope", "status", "completed"), gold[1], gold[0]},
			[]string{"Created TASK_3", "(Buy soil)"}, 1, bd(1, 1, 1, 1)},
		// The reference does not compare requestors: the assistant calling
		// the user's tool fails (the assistant has no such tool) and the
		// state shows it, yet the action matches.
		{"wrong requestor", []tau2judge.Action{gold[0], gold[1], gold[2], call(a, "dismiss_notification", "notification_id", "n1")},
			[]string{"task_3 Buy soil"}, 0, bd(0, 0, 1, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim := play(t, dom, task, tc.calls, tc.final...)
			info := evaluate(t, dom, task, sim)
			if float64(info.Reward) != tc.reward || !slices.Equal(info.RewardBreakdown, tc.want) {
				t.Errorf("reward %v %v, want %v %v", info.Reward, info.RewardBreakdown, tc.reward, tc.want)
			}
			if r, final := info.Final(); !final || r != tc.reward {
				t.Errorf("Final() = %v, %v", r, final)
			}
		})
	}
}

// TestChecks looks at the checks behind the components.
func TestChecks(t *testing.T) {
	dom := testDomain(t)
	task := parseTask(t, planTask)
	gold := task.EvaluationCriteria.Actions
	sim := play(t, dom, task, gold[1:3], "All done: task_3")
	info := evaluate(t, dom, task, sim)

	if info.DBCheck == nil || info.DBCheck.DBMatch || info.DBCheck.DBReward != 0 {
		t.Errorf("db check %+v, want a mismatch", info.DBCheck)
	}
	var met []bool
	for _, c := range info.EnvAssertions {
		met = append(met, c.Met)
	}
	if !slices.Equal(met, []bool{true, false}) {
		t.Errorf("env assertions met %v, want [true false]", met)
	}
	var matched []string
	for _, c := range info.ActionChecks {
		matched = append(matched, c.Action.ActionID+":"+string(c.ToolType)+":"+map[bool]string{true: "y", false: "n"}[c.ActionMatch])
	}
	if want := []string{"a1:read:n", "a2:write:y", "a3:write:y", "a4:write:n"}; !slices.Equal(matched, want) {
		t.Errorf("action checks %v, want %v", matched, want)
	}
	want := []tau2judge.CommunicateCheck{
		{Info: "task_3", Met: true, Justification: "Information 'task_3' communicated in the message:\n 'Done. All done: task_3'"},
		{Info: "Buy soil", Met: false, Justification: "Information 'Buy soil' not communicated."},
	}
	if !slices.Equal(info.CommunicateChecks, want) {
		t.Errorf("communicate checks %+v, want %+v", info.CommunicateChecks, want)
	}
	if info.NLAssertions != nil {
		t.Errorf("NL assertions judged without NL_ASSERTION in the basis: %+v", info.NLAssertions)
	}
	js, err := json.Marshal(info.Info)
	if err != nil {
		t.Fatal(err)
	}
	if string(js) != `{"env":null,"nl":null,"communicate":null,"action":null}` {
		t.Errorf("info %s", js)
	}
}

// TestCommunicate covers the string rules: lowercase both, commas removed
// from the message only, assistant text messages only.
func TestCommunicate(t *testing.T) {
	dom := testDomain(t)
	for _, tc := range []struct {
		info string
		msgs []tau2judge.Message
		met  bool
	}{
		{"Refund of $1234", []tau2judge.Message{tau2judge.AssistantText("REFUND OF $1,234 issued")}, true},
		{"$1,234", []tau2judge.Message{tau2judge.AssistantText("$1,234")}, false}, // the info keeps its comma
		{"order #W1", []tau2judge.Message{tau2judge.UserText("order #W1")}, false},
		{"ΣΟΦΊΑ", []tau2judge.Message{tau2judge.AssistantText("σοφία")}, true}, // Python's lower()
		{"x", []tau2judge.Message{{Role: model.RoleAssistant, Content: tau2judge.Text("x"), ToolCalls: []tau2judge.ToolCall{}}}, true},
		{"", []tau2judge.Message{tau2judge.AssistantText("   ")}, false}, // blank text is no text
		{"", []tau2judge.Message{tau2judge.AssistantText("a")}, true},
		{"x", []tau2judge.Message{{Role: model.RoleTool, ID: "1", Content: tau2judge.Text("x")}}, false},
	} {
		task := &tau2judge.Task{ID: "c", EvaluationCriteria: &tau2judge.EvaluationCriteria{
			CommunicateInfo: []string{tc.info}, RewardBasis: []tau2judge.RewardType{tau2judge.RewardCommunicate}}}
		sim := &tau2judge.SimulationRun{TerminationReason: tau2judge.UserStop, Messages: tc.msgs}
		ev := &tau2judge.Evaluator{Domain: dom}
		info, err := ev.Evaluate(context.Background(), task, sim, tau2judge.EvalCommunicate)
		if err != nil {
			// The tool message here answers no call; the communicate check
			// alone does not replay.
			t.Fatal(err)
		}
		if got := info.CommunicateChecks[0].Met; got != tc.met {
			t.Errorf("info %q in %+v: met %v, want %v", tc.info, tc.msgs[0], got, tc.met)
		}
	}
}

// TestReplay covers the replay of a recorded trajectory: strict and
// lenient, broken structure, unknown and read-only tools.
func TestReplay(t *testing.T) {
	dom := testDomain(t)
	task := parseTask(t, planTask)
	ctx := context.Background()
	oracle := func() *tau2judge.SimulationRun {
		return play(t, dom, task, task.EvaluationCriteria.Actions, "task_3", "Buy soil")
	}
	// find returns the index of the tool message answering the call named.
	find := func(sim *tau2judge.SimulationRun, name string) int {
		for i, m := range sim.Messages {
			if len(m.ToolCalls) == 1 && m.ToolCalls[0].Name == name {
				return i + 1
			}
		}
		t.Fatalf("no call of %s", name)
		return -1
	}

	t.Run("changed write result", func(t *testing.T) {
		sim := oracle()
		i := find(sim, "create_task")
		sim.Messages[i].Content = tau2judge.Text(`{"task_id": "task_9"}`)
		ev := &tau2judge.Evaluator{Domain: dom}
		if _, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAll); !errors.Is(err, tau2judge.ErrReplay) {
			t.Errorf("strict: err = %v, want ErrReplay", err)
		}
		ev.Lenient = true
		info, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAll)
		if err != nil || info.Reward != 1 {
			t.Errorf("lenient: %v, %v; want reward 1", info, err)
		}
		// EvalAllIgnoreBasis replays strictly whatever Lenient says, as the
		// reference's call passes no strict_replay.
		if _, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAllIgnoreBasis); !errors.Is(err, tau2judge.ErrReplay) {
			t.Errorf("ignore basis: err = %v, want ErrReplay", err)
		}
	})
	t.Run("same JSON written differently", func(t *testing.T) {
		sim := oracle()
		i := find(sim, "update_task_status")
		var v map[string]any
		if err := json.Unmarshal([]byte(*sim.Messages[i].Content), &v); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(v) // compact, keys sorted: equal once loaded
		sim.Messages[i].Content = tau2judge.Text(string(b))
		if info := evaluate(t, dom, task, sim); info.Reward != 1 {
			t.Errorf("reward %v", info.Reward)
		}
	})
	t.Run("changed read result", func(t *testing.T) {
		sim := oracle()
		sim.Messages[find(sim, "get_users")].Content = tau2judge.Text("[]")
		if info := evaluate(t, dom, task, sim); info.Reward != 1 {
			t.Errorf("reads are not replayed, yet reward %v", info.Reward)
		}
	})
	t.Run("unknown tool", func(t *testing.T) {
		sim := oracle()
		bogus := tau2judge.ToolCall{ID: "x1", Name: "delete_everything", Arguments: tau2judge.DictOf()}
		extra := []tau2judge.Message{tau2judge.CallMessage(tau2.Assistant, bogus),
			{Role: model.RoleTool, ID: "x1", Content: tau2judge.Text("Error: Tool 'delete_everything' not found."), Requestor: tau2.Assistant, Error: true}}
		sim.Messages = slices.Insert(sim.Messages, 2, extra...)
		if info := evaluate(t, dom, task, sim); info.Reward != 1 {
			t.Errorf("reward %v", info.Reward)
		}
	})
	for _, tc := range []struct {
		name  string
		spoil func(sim *tau2judge.SimulationRun)
	}{
		{"orphan tool message", func(sim *tau2judge.SimulationRun) {
			i := find(sim, "create_task")
			sim.Messages = slices.Delete(sim.Messages, i-1, i)
		}},
		{"missing tool message", func(sim *tau2judge.SimulationRun) {
			i := find(sim, "create_task")
			sim.Messages = slices.Delete(sim.Messages, i, i+1)
		}},
		{"id mismatch", func(sim *tau2judge.SimulationRun) {
			sim.Messages[find(sim, "create_task")].ID = "other"
		}},
		{"call at the end", func(sim *tau2judge.SimulationRun) {
			sim.Messages = sim.Messages[:find(sim, "dismiss_notification")]
		}},
		{"multi tool message", func(sim *tau2judge.SimulationRun) {
			i := find(sim, "create_task")
			sim.Messages[i] = tau2judge.Message{Role: model.RoleTool, ToolMessages: []tau2judge.Message{sim.Messages[i]}}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim := oracle()
			tc.spoil(sim)
			ev := &tau2judge.Evaluator{Domain: dom, Lenient: true}
			if _, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAll); !errors.Is(err, tau2judge.ErrReplay) {
				t.Errorf("err = %v, want ErrReplay", err)
			}
		})
	}
}

// TestTerminationReasons checks that only agent and user stops are
// scored, and what the others give.
func TestTerminationReasons(t *testing.T) {
	dom := testDomain(t)
	task := parseTask(t, planTask)
	sim := play(t, dom, task, task.EvaluationCriteria.Actions, "task_3", "Buy soil")
	for _, r := range tau2judge.TerminationReasons() {
		sim.TerminationReason = r
		info := evaluate(t, dom, task, sim)
		got, err := json.Marshal(info)
		if err != nil {
			t.Fatal(err)
		}
		if r.Scored() {
			if info.Reward != 1 || len(info.RewardBreakdown) != 4 {
				t.Errorf("%s: %s", r, got)
			}
			continue
		}
		want := `{"reward":0.0,"db_check":null,"env_assertions":null,"action_checks":null,"nl_assertions":null,` +
			`"communicate_checks":null,"reward_basis":null,"reward_breakdown":null,` +
			`"info":{"note":"Simulation terminated prematurely. Termination reason: ` + string(r) + `"}}`
		if string(got) != want {
			t.Errorf("%s:\n got %s\nwant %s", r, got, want)
		}
	}
	if n := len(tau2judge.TerminationReasons()); n != 10 {
		t.Errorf("%d termination reasons", n)
	}
	if !tau2judge.UserStop.Scored() || !tau2judge.AgentStop.Scored() || tau2judge.MaxSteps.Scored() {
		t.Error("Scored")
	}
}

// TestEvaluationTypes checks what each evaluation type computes.
func TestEvaluationTypes(t *testing.T) {
	dom := testDomain(t)
	ctx := context.Background()
	// Basis COMMUNICATE only; the trajectory misses a write, so the DB
	// check fails but does not count.
	task := parseTask(t, strings.Replace(planTask, `"reward_basis": ["DB", "ENV_ASSERTION", "ACTION", "COMMUNICATE"]`, `"reward_basis": ["COMMUNICATE"]`, 1))
	sim := play(t, dom, task, task.EvaluationCriteria.Actions[:3], "task_3 Buy soil")
	ev := &tau2judge.Evaluator{Domain: dom}
	for _, tc := range []struct {
		typ    tau2judge.EvaluationType
		reward float64
		basis  []tau2judge.RewardType
		want   string // the breakdown's JSON
	}{
		{tau2judge.EvalAll, 1, []tau2judge.RewardType{tau2judge.RewardCommunicate}, `{"COMMUNICATE":1.0}`},
		{tau2judge.EvalAllWithNLAssertions, 1, []tau2judge.RewardType{tau2judge.RewardCommunicate}, `{"COMMUNICATE":1.0}`},
		{tau2judge.EvalAllIgnoreBasis, 0,
			[]tau2judge.RewardType{tau2judge.RewardDB, tau2judge.RewardEnvAssertion, tau2judge.RewardAction, tau2judge.RewardCommunicate},
			`{"ACTION":0.0,"COMMUNICATE":1.0}`},
		// The env evaluator reports the task's basis; the others keep the
		// reference's default basis, [DB].
		{tau2judge.EvalEnv, 1, []tau2judge.RewardType{tau2judge.RewardCommunicate}, `{}`},
		{tau2judge.EvalCommunicate, 1, []tau2judge.RewardType{tau2judge.RewardDB}, `{"COMMUNICATE":1.0}`},
		{tau2judge.EvalAction, 0, []tau2judge.RewardType{tau2judge.RewardDB}, `{"ACTION":0.0}`},
		{tau2judge.EvalNLAssertions, 1, []tau2judge.RewardType{tau2judge.RewardDB}, `{"NL_ASSERTION":1.0}`},
	} {
		info, err := ev.Evaluate(ctx, task, sim, tc.typ)
		if err != nil {
			t.Errorf("%s: %v", tc.typ, err)
			continue
		}
		b, _ := json.Marshal(info.RewardBreakdown)
		if float64(info.Reward) != tc.reward || !slices.Equal(info.RewardBasis, tc.basis) || string(b) != tc.want {
			t.Errorf("%s: reward %v basis %v breakdown %s; want %v %v %s", tc.typ, info.Reward, info.RewardBasis, b, tc.reward, tc.basis, tc.want)
		}
	}
	if _, err := ev.Evaluate(ctx, task, sim, "everything"); !errors.Is(err, tau2judge.ErrUnknownEvaluationType) {
		t.Errorf("unknown type: %v", err)
	}
}

// TestNoCriteria covers tasks with little or nothing to check.
func TestNoCriteria(t *testing.T) {
	dom := testDomain(t)
	sim := &tau2judge.SimulationRun{TerminationReason: tau2judge.UserStop, Messages: []tau2judge.Message{tau2judge.AssistantText("hi")}}
	for _, tc := range []struct {
		task string
		want string
	}{
		{`{"id": "none", "user_scenario": {"instructions": "x"}}`,
			`{"reward":1.0,"db_check":null,"env_assertions":null,"action_checks":null,"nl_assertions":null,"communicate_checks":null,` +
				`"reward_basis":null,"reward_breakdown":null,"info":{"note":"No evaluation criteria"}}`},
		// Neither actions nor env assertions: the DB check passes without a
		// replay and adds nothing to the breakdown; the default basis is DB
		// and COMMUNICATE.
		{`{"id": "empty", "user_scenario": {"instructions": "x"}, "evaluation_criteria": {}}`,
			`{"reward":1.0,"db_check":{"db_match":true,"db_reward":1.0},"env_assertions":null,"action_checks":null,"nl_assertions":null,` +
				`"communicate_checks":null,"reward_basis":["DB","COMMUNICATE"],"reward_breakdown":{"COMMUNICATE":1.0},` +
				`"info":{"env":{"note":"No expected actions or env assertions"},"nl":null,"communicate":{"note":"No communicate_info to evaluate"},"action":{"note":"No actions to evaluate"}}}`},
		// An empty action list is not None: the environments are compared.
		{`{"id": "empty-actions", "user_scenario": {"instructions": "x"}, "evaluation_criteria": {"actions": []}}`,
			`{"reward":1.0,"db_check":{"db_match":true,"db_reward":1.0},"env_assertions":[],"action_checks":null,"nl_assertions":null,` +
				`"communicate_checks":null,"reward_basis":["DB","COMMUNICATE"],"reward_breakdown":{"DB":1.0,"COMMUNICATE":1.0},` +
				`"info":{"env":null,"nl":null,"communicate":{"note":"No communicate_info to evaluate"},"action":{"note":"No actions to evaluate"}}}`},
	} {
		info := evaluate(t, dom, parseTask(t, tc.task), sim)
		got, _ := json.Marshal(info)
		if string(got) != tc.want {
			t.Errorf("\n got %s\nwant %s", got, tc.want)
		}
	}
}

// TestAssertionErrors covers env assertions the reference cannot run.
func TestAssertionErrors(t *testing.T) {
	dom := testDomain(t)
	for _, tc := range []struct {
		assertion, msg string
	}{
		// get_db_hash returns a str.
		{`{"env_type": "assistant", "func_name": "get_db_hash", "arguments": {}}`, "Function get_db_hash returned <class 'str'> instead of bool"},
		{`{"env_type": "assistant", "func_name": "no_such_function", "arguments": {}}`, "no_such_function"},
		{`{"env_type": "assistant", "func_name": "assert_task_status", "arguments": {"task_id": "t9", "expected_status": "completed"}}`, "Task t9 not found"},
	} {
		task := parseTask(t, `{"id": "a", "user_scenario": {"instructions": "x"}, "evaluation_criteria": {"env_assertions": [`+tc.assertion+`], "reward_basis": ["ENV_ASSERTION"]}}`)
		sim := &tau2judge.SimulationRun{TerminationReason: tau2judge.UserStop}
		ev := &tau2judge.Evaluator{Domain: dom}
		_, err := ev.Evaluate(context.Background(), task, sim, tau2judge.EvalAll)
		if !errors.Is(err, tau2judge.ErrAssertion) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: err = %v, want ErrAssertion with %q", tc.assertion, err, tc.msg)
		}
	}
	// assert_value false inverts the verdict.
	task := parseTask(t, `{"id": "a", "user_scenario": {"instructions": "x"}, "evaluation_criteria": {"env_assertions": [
		{"env_type": "assistant", "func_name": "assert_task_status", "arguments": {"task_id": "t1", "expected_status": "completed"}, "assert_value": false}],
		"reward_basis": ["ENV_ASSERTION"]}}`)
	info := evaluate(t, dom, task, &tau2judge.SimulationRun{TerminationReason: tau2judge.UserStop})
	if info.Reward != 1 || !info.EnvAssertions[0].Met {
		t.Errorf("assert_value false: %+v", info.EnvAssertions)
	}
}

// TestInitialState covers initialization data, actions and a message
// history, on the predicted and the gold environments alike.
func TestInitialState(t *testing.T) {
	dom := testDomain(t)
	ctx := context.Background()
	task := parseTask(t, `{
	  "id": "init",
	  "user_scenario": {"instructions": "Finish the task created before."},
	  "initial_state": {
	    "initialization_data": {"agent_data": {"tasks": {"t2": {"status": "pending"}}}},
	    "initialization_actions": [{"env_type": "assistant", "func_name": "create_task",
	      "arguments": {"user_id": "ada", "title": "Sweep"}}],
	    "message_history": [
	      {"role": "user", "content": "Make a task 'Call mum' for bob."},
	      {"role": "assistant", "tool_calls": [{"id": "h1", "name": "create_task", "arguments": {"user_id": "bob", "title": "Call mum"}}]},
	      {"role": "tool", "id": "h1", "content": "{\"task_id\":\"task_4\",\"title\":\"Call mum\",\"description\":null,\"status\":\"pending\"}"},
	      {"role": "assistant", "content": "Created task_4."}
	    ]
	  },
	  "evaluation_criteria": {
	    "actions": [{"action_id": "u", "name": "update_task_status", "arguments": {"task_id": "task_4", "status": "completed"}}],
	    "env_assertions": [{"env_type": "assistant", "func_name": "assert_task_status", "arguments": {"task_id": "t2", "expected_status": "pending"}},
	      {"env_type": "assistant", "func_name": "assert_number_of_tasks", "arguments": {"user_id": "ada", "expected_number": 2}}],
	    "reward_basis": ["DB", "ENV_ASSERTION"]
	  }
	}`)
	sim, err := tau2judge.Oracle(ctx, dom, task)
	if err != nil {
		t.Fatal(err)
	}
	// The history, the oracle's "Please continue.", one call and its
	// result, "Done." and the stop.
	var roles []string
	for _, m := range sim.Messages {
		roles = append(roles, string(m.Role))
	}
	if want := []string{"user", "assistant", "tool", "assistant", "user", "assistant", "tool", "assistant", "user"}; !slices.Equal(roles, want) {
		t.Fatalf("roles %v, want %v", roles, want)
	}
	if c := *sim.Messages[4].Content; c != "Please continue." {
		t.Errorf("message 4: %q", c)
	}
	if info := evaluate(t, dom, task, sim); info.Reward != 1 {
		t.Errorf("oracle: %+v", info)
	}
	// As the reference's set_state leaves them, after agent_data both
	// toolkits hold the agent's database.
	e := dom.New()
	if err := tau2judge.ApplyInitialState(ctx, e, task); err != nil {
		t.Fatal(err)
	}
	if a, u := hashes(t, e); a == "" || u != a {
		t.Errorf("user db hash %s, agent db hash %s: not shared", u, a)
	}
	// The agent never finishes the task: DB fails, the assertion holds.
	short := &tau2judge.SimulationRun{TerminationReason: tau2judge.AgentStop, Messages: sim.Messages[:5]}
	if info := evaluate(t, dom, task, short); info.Reward != 0 || !slices.Equal(info.RewardBreakdown,
		tau2judge.Breakdown{{Type: tau2judge.RewardDB, Reward: 0}, {Type: tau2judge.RewardEnvAssertion, Reward: 1}}) {
		t.Errorf("short: %v %v", info.Reward, info.RewardBreakdown)
	}
	// A history whose recorded result disagrees with the environment.
	bad := *task
	st := *task.InitialState
	st.MessageHistory = slices.Clone(st.MessageHistory)
	st.MessageHistory[2].Content = tau2judge.Text(`{"task_id": "task_7"}`)
	bad.InitialState = &st
	if err := tau2judge.ApplyInitialState(ctx, dom.New(), &bad); !errors.Is(err, tau2judge.ErrReplay) {
		t.Errorf("bad history: err = %v, want ErrReplay", err)
	}
	// A failing initialization action.
	st2 := *task.InitialState
	st2.InitializationActions = []tau2judge.EnvFunctionCall{{EnvType: tau2.Assistant, FuncName: "create_task", Arguments: tau2judge.DictOf()}}
	bad.InitialState = &st2
	if err := tau2judge.ApplyInitialState(ctx, dom.New(), &bad); !errors.Is(err, tau2judge.ErrInitialState) {
		t.Errorf("bad action: err = %v, want ErrInitialState", err)
	}
}

func hashes(tb testing.TB, e tau2.Env) (agent, user string) {
	tb.Helper()
	a, err := e.Hash(tau2.Assistant)
	if err != nil {
		tb.Fatal(err)
	}
	u, err := e.Hash(tau2.User)
	if err != nil {
		tb.Fatal(err)
	}
	return a, u
}

// TestCanceled checks that a canceled context stops the evaluation.
func TestCanceled(t *testing.T) {
	dom := testDomain(t)
	task := parseTask(t, planTask)
	sim := play(t, dom, task, task.EvaluationCriteria.Actions, "task_3")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ev := &tau2judge.Evaluator{Domain: dom}
	if _, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAll); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// unsyncedDomain wraps a domain whose environments count the calls made
// through CallUnsynced.
type unsyncedDomain struct {
	tau2.Domain
	calls *int
}

func (d unsyncedDomain) New() tau2.Env { return unsyncedEnv{d.Domain.New(), d.calls} }

type unsyncedEnv struct {
	tau2.Env
	calls *int
}

func (e unsyncedEnv) CallUnsynced(ctx context.Context, r tau2.Requestor, c tool.Call) error {
	*e.calls++
	if res := e.Env.CallAs(ctx, r, c); res.Error != nil {
		return res.Error
	}
	return nil
}

func (e unsyncedEnv) SameState(r tau2.Requestor, other tau2.Env) bool {
	if o, ok := other.(unsyncedEnv); ok {
		other = o.Env
	}
	return e.Env.SameState(r, other)
}

// TestUnsyncedGold checks that the gold actions, and only they, go
// through CallUnsynced when the environment has it.
func TestUnsyncedGold(t *testing.T) {
	n := 0
	dom := unsyncedDomain{testDomain(t), &n}
	task := parseTask(t, planTask)
	sim := play(t, dom, task, task.EvaluationCriteria.Actions, "task_3 Buy soil")
	n = 0
	if info := evaluate(t, dom, task, sim); info.Reward != 1 {
		t.Errorf("reward %v", info.Reward)
	}
	if n != len(task.EvaluationCriteria.Actions) {
		t.Errorf("%d unsynced calls, want one per gold action (%d)", n, len(task.EvaluationCriteria.Actions))
	}
}
