package tau

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/run"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/trajectory"
)

// TestTau2OracleOverHTTP runs the oracle of tau2-mock and of the first
// telecom tasks through the whole stack: the scripted oracle model over
// loopback HTTP, the scripted user (which runs the telecom user's own gold
// actions on the phone), the orchestrator and the evaluator. The mock
// domain's two tasks whose gold cannot meet their env assertions fail, as
// in the reference; every other task scores 1.
func TestTau2OracleOverHTTP(t *testing.T) {
	data := anchorsDir(t)
	for _, c := range []struct {
		suite    string
		limit    int
		wantFail []string
	}{
		{"tau2-mock", 0, []string{"tau2-mock-update_task_with_history_and_env_assertions", "tau2-mock-update_task_with_user_tools"}},
		{"tau2-telecom", 30, nil},
	} {
		t.Run(c.suite, func(t *testing.T) {
			res, err := run.Eval(context.Background(), run.Options{Suite: c.suite, Load: suite.Options{DataDir: data}, Limit: c.limit, Concurrency: 4})
			if err != nil {
				t.Fatal(err)
			}
			var failed []string
			for _, ep := range res.Episodes {
				if ep.Status != trajectory.StatusCompleted {
					t.Errorf("%s: status %s (%s)", ep.TaskID, ep.Status, ep.Error)
				}
				if !ep.Success {
					failed = append(failed, ep.TaskID)
				}
			}
			if strings.Join(sorted(failed), ",") != strings.Join(c.wantFail, ",") {
				t.Errorf("failed tasks %v, want %v", failed, c.wantFail)
			}
			if c.limit > 0 && len(res.Episodes) != c.limit {
				t.Errorf("%d episodes, want %d", len(res.Episodes), c.limit)
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// mockEpisode prepares one tau2-mock task for runTau2 with a scripted
// agent model over loopback HTTP.
func mockEpisode(t *testing.T, taskID string, replies ...scripted.Reply) (*Tau2Suite, *task.Task, episode.Config, *agent.FunctionCalling) {
	t.Helper()
	s := NewTau2Suite("mock")
	tasks, err := s.Load(context.Background(), suite.Options{DataDir: anchorsDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	var tk *task.Task
	for i := range tasks {
		if tasks[i].ID == taskID {
			tk = &tasks[i]
		}
	}
	if tk == nil {
		t.Fatalf("no task %s", taskID)
	}
	srv, err := scripted.Start(scripted.NewServer(scripted.NewFixture(map[string][]scripted.Reply{scripted.DefaultScript: replies})))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	client, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "m", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.NewEnv(tk)
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.NewUser(tk, e)
	if err != nil {
		t.Fatal(err)
	}
	fc := &agent.FunctionCalling{Model: client}
	return s, tk, episode.Config{Task: tk, Env: e, Agent: fc, User: u, Suite: s.Name()}, fc
}

// TestTau2EndConditions drives the orchestrator into each way a tau2
// simulation ends, and checks the termination reason, the status and the
// reward the reference gives it (0 for anything but a user or agent stop).
func TestTau2EndConditions(t *testing.T) {
	loop := func(n int, r scripted.Reply) []scripted.Reply {
		out := make([]scripted.Reply, n)
		for i := range out {
			out[i] = r
		}
		return out
	}
	read := scripted.Calls(scripted.Call("get_users", map[string]any{}))
	unknown := scripted.Calls(scripted.Call("no_such_tool", map[string]any{}))
	create := scripted.Calls(scripted.Call("create_task", map[string]any{"user_id": "user_1", "title": "Important Meeting"}))
	cases := []struct {
		name       string
		replies    []scripted.Reply
		maxSteps   int
		maxErrors  int
		wantReason string
		wantStatus trajectory.Status
		wantReward float64
	}{
		{"user stop after the gold", []scripted.Reply{create, scripted.Text("Done.")}, 200, 10, reasonUserStop, trajectory.StatusCompleted, 1},
		{"max steps", loop(10, read), 7, 10, reasonMaxSteps, trajectory.StatusBudget, 0},
		{"too many errors", loop(10, unknown), 200, 3, reasonTooManyErrors, trajectory.StatusBudget, 0},
		{"empty agent message", []scripted.Reply{scripted.Text("")}, 200, 10, reasonAgentError, trajectory.StatusCompleted, 0},
		{"invalid JSON arguments", []scripted.Reply{scripted.Calls(scripted.ToolCall{Name: "create_task", Arguments: "{oops"})}, 200, 10, reasonAgentError, trajectory.StatusCompleted, 0},
		{"server error", []scripted.Reply{scripted.HTTPError(500, "")}, 200, 10, "infrastructure_error", trajectory.StatusErrored, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, tk, cfg, fc := mockEpisode(t, "tau2-mock-create_task_1", c.replies...)
			tr := runTau2(context.Background(), cfg, cfg.Env.(tau2.Env), fc.Model, fc.Settings, nil, c.maxSteps, c.maxErrors)
			if got := tr.Meta["termination_reason"]; got != c.wantReason || tr.Status != c.wantStatus {
				t.Fatalf("ended %v with status %s (%v), want %s and %s", got, tr.Status, tr.Error, c.wantReason, c.wantStatus)
			}
			score, err := s.Score(context.Background(), tk, tr, cfg.Env)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(score.Reward-c.wantReward) > 1e-9 {
				t.Errorf("reward %v, want %v (verdict %s)", score.Reward, c.wantReward, score.Verdict)
			}
			// A simulation that did not end with a stop is not evaluated:
			// the reference's verdict says why, with no reward basis.
			var v struct {
				Basis []string `json:"reward_basis"`
				Info  struct {
					Note string `json:"note"`
				} `json:"info"`
			}
			if err := json.Unmarshal(score.Verdict, &v); err != nil {
				t.Fatal(err)
			}
			if c.wantReason == reasonUserStop {
				if len(v.Basis) == 0 {
					t.Errorf("verdict %s has no reward basis", score.Verdict)
				}
			} else if !strings.Contains(v.Info.Note, "Termination reason: "+c.wantReason) {
				t.Errorf("verdict %s does not give the termination reason", score.Verdict)
			}
		})
	}
}

// TestTau2SimulatedUserWithHistory runs a tau2-mock task that starts from a
// stored history with the LLM user on its own loopback server: the user's
// first request must hold the history as the reference's get_init_state
// gives it (its own message as the assistant's, the agent's reply as the
// user's), and the episode, played by the oracle agent, must score 1.
func TestTau2SimulatedUserWithHistory(t *testing.T) {
	data := anchorsDir(t)
	s := NewTau2Suite("mock")
	tasks, err := s.Load(context.Background(), suite.Options{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	var tk *task.Task
	for i := range tasks {
		if tasks[i].ID == "tau2-mock-update_task_with_message_history" {
			tk = &tasks[i]
		}
	}
	if tk == nil {
		t.Fatal("no history task in tau2-mock")
	}
	userSrv := scripted.NewServer(scripted.NewFixture(map[string][]scripted.Reply{
		"user-model": {scripted.Text(tk.UserTurns()[1]), scripted.Text("Great, thanks. ###STOP###")},
	}))
	us, err := scripted.Start(userSrv)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = us.Close() }()
	as, err := scripted.Start(scripted.NewServer(scripted.NewOracle(tasks)))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = as.Close() }()
	res, err := run.Eval(context.Background(), run.Options{
		Suite: "tau2-mock", Load: suite.Options{DataDir: data}, TaskIDs: []string{tk.ID},
		BaseURL: as.URL, Model: "oracle", UserBaseURL: us.URL, UserModel: "user-model",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Episodes) != 1 || !res.Episodes[0].Success {
		t.Fatalf("episode: %+v", res.Episodes)
	}
	reqs := userSrv.Requests()
	if len(reqs) == 0 {
		t.Fatal("the user model was never asked")
	}
	var roles []string
	for _, m := range reqs[0].Messages {
		roles = append(roles, m.Role)
	}
	// system, the user's stored message (as assistant), the agent's
	// stored reply (as user).
	if strings.Join(roles, ",") != "system,assistant,user" {
		t.Errorf("first user-model request roles %v", roles)
	}
	if got := string(reqs[0].Messages[1].Content); !strings.Contains(got, "I need to create a task for the project review meeting.") {
		t.Errorf("the stored user message is not in the user's state: %s", got)
	}
}

// TestTrajectoriesKeepTheirMessages runs episodes one after another and
// checks that each trajectory still reads as it did when its episode
// ended: the scratch its messages grew in serves later episodes, never
// the trajectory itself.
func TestTrajectoriesKeepTheirMessages(t *testing.T) {
	s := NewTau2Suite("telecom")
	tasks, err := s.Load(context.Background(), suite.Options{DataDir: anchorsDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var trs []*trajectory.Trajectory
	var first [][]byte
	for i := range min(len(tasks), 12) {
		tk := &tasks[i]
		e, err := s.NewEnv(tk)
		if err != nil {
			t.Fatal(err)
		}
		u, err := s.NewUser(tk, e)
		if err != nil {
			t.Fatal(err)
		}
		tr := s.RunEpisode(ctx, episode.Config{Task: tk, Env: e, Agent: &agent.FunctionCalling{Model: &goldAgent{turns: tk.Turns}}, User: u, Suite: s.Name()})
		b, err := json.Marshal(tr.Messages)
		if err != nil {
			t.Fatal(err)
		}
		if len(tr.Messages) == 0 || cap(tr.Messages) != len(tr.Messages) {
			t.Errorf("%s: %d messages in room for %d", tk.ID, len(tr.Messages), cap(tr.Messages))
		}
		trs, first = append(trs, tr), append(first, b)
	}
	for i, tr := range trs {
		if b, _ := json.Marshal(tr.Messages); string(b) != string(first[i]) {
			t.Errorf("trajectory %d changed after later episodes", i)
		}
	}
}
