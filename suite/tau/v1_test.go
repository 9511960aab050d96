package tau

import (
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/run"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
)

// TestV1ReplayMatchesAnchors plays every test task's oracle episode of
// both tau-bench domains and checks the final data hash and reward against
// the reference's (replay_expected.json).
func TestV1ReplayMatchesAnchors(t *testing.T) {
	want := expected(t)
	for _, d := range []string{"retail", "airline"} {
		t.Run(d, func(t *testing.T) {
			s := NewV1Suite(d)
			tasks, _, err := s.LoadTasks(suite.Options{DataDir: anchorsDir(t)})
			if err != nil {
				t.Fatal(err)
			}
			exp := want[s.Name()]
			if len(tasks) != len(exp) {
				t.Fatalf("%d tasks, the anchors have %d", len(tasks), len(exp))
			}
			for i := range tasks {
				o := RunV1Oracle(context.Background(), s.world, s.dom, &tasks[i])
				e := exp[strconv.Itoa(i)]
				var hash string
				if err := json.Unmarshal(e.DBHash, &hash); err != nil {
					t.Fatal(err)
				}
				if o.DataHash != hash || o.Reward.Reward != e.Reward {
					t.Errorf("task %d: hash %s reward %v, reference %s %v", i, o.DataHash, o.Reward.Reward, hash, e.Reward)
				}
			}
		})
	}
}

// TestV1OracleOverHTTP runs tau-bench episodes through the whole stack:
// the oracle model over loopback HTTP, the scripted user, the reference's
// loop and reward.
func TestV1OracleOverHTTP(t *testing.T) {
	data := anchorsDir(t)
	for _, c := range []struct {
		suite string
		limit int
	}{{"tau-retail", 25}, {"tau-airline", 0}} {
		res, err := run.Eval(context.Background(), run.Options{Suite: c.suite, Load: suite.Options{DataDir: data}, Limit: c.limit, Concurrency: 4})
		if err != nil {
			t.Fatal(err)
		}
		if res.Summary.Successes != res.Summary.Episodes || res.Summary.Episodes == 0 {
			t.Errorf("%s: %d of %d episodes succeeded: %+v", c.suite, res.Summary.Successes, res.Summary.Episodes, res.Summary.Errors)
		}
	}
}

// TestV1SimulatedUserOverHTTP runs one tau-retail episode with the agent
// and the LLM user each on its own loopback server: the user's model
// (a fixture) says the instruction, the agent (the oracle) plays the gold
// and replies, and the user's model says ###STOP###.
func TestV1SimulatedUserOverHTTP(t *testing.T) {
	data := anchorsDir(t)
	s := NewV1Suite("retail")
	tasks, err := s.Load(context.Background(), suite.Options{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	userSrv, err := scripted.Start(scripted.NewServer(scripted.NewFixture(map[string][]scripted.Reply{
		"user-model": {scripted.Text(tasks[0].Goal), scripted.Text("Thanks! ###STOP###")},
	})))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = userSrv.Close() }()
	agentSrv, err := scripted.Start(scripted.NewServer(scripted.NewOracle(tasks[:1])))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = agentSrv.Close() }()
	out := filepath.Join(t.TempDir(), "out.jsonl")
	res, err := run.Eval(context.Background(), run.Options{
		Suite: "tau-retail", Load: suite.Options{DataDir: data}, TaskIDs: []string{tasks[0].ID},
		BaseURL: agentSrv.URL, Model: "oracle", UserBaseURL: userSrv.URL, UserModel: "user-model",
		Output: out,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Episodes) != 1 || !res.Episodes[0].Success {
		t.Fatalf("episode: %+v", res.Episodes)
	}
	trs, err := trajectory.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tr := trs[0]
	if got := tr.Messages[1].Text(); got != tasks[0].Goal {
		t.Errorf("first user message %q, want the user model's reply", got)
	}
	if last := tr.Messages[len(tr.Messages)-1].Text(); !strings.Contains(last, stopToken) || tr.Meta["termination_reason"] != endUserStop {
		t.Errorf("last message %q, termination %v", last, tr.Meta["termination_reason"])
	}
}

// TestV1EndConditions drives the tau-bench loop into each way an episode
// ends and checks the reward the reference gives.
func TestV1EndConditions(t *testing.T) {
	data := anchorsDir(t)
	s := NewV1Suite("retail")
	tasks, err := s.Load(context.Background(), suite.Options{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	// Task 0 has no outputs; find one with outputs for the outputs check.
	var withOutputs *task.Task
	for i := range tasks {
		if len(tasks[i].Turns[0].Gold.Outputs) > 0 {
			withOutputs = &tasks[i]
			break
		}
	}
	goldReplies := func(tk *task.Task, reply string) []scripted.Reply {
		var out []scripted.Reply
		for _, st := range tk.Turns[0].Gold.Steps {
			c := st[0]
			out = append(out, scripted.Calls(scripted.ToolCall{Name: c.Name, Arguments: string(c.Arguments)}))
		}
		return append(out, scripted.Text(reply))
	}
	read := scripted.Calls(scripted.Call("get_user_details", map[string]any{"user_id": "yusuf_rossi_9620"}))
	loop := make([]scripted.Reply, V1MaxSteps+1)
	for i := range loop {
		loop[i] = read
	}
	two := scripted.Calls(scripted.Call("transfer_to_human_agents", map[string]any{"summary": "x"}), scripted.Call("get_user_details", map[string]any{"user_id": "x"}))
	cases := []struct {
		name       string
		tk         *task.Task
		replies    []scripted.Reply
		wantReason string
		wantStatus trajectory.Status
		wantReward float64
	}{
		{"gold then stop", &tasks[0], goldReplies(&tasks[0], "Done."), endUserStop, trajectory.StatusCompleted, 1},
		{"outputs said", withOutputs, goldReplies(withOutputs, oracleReply(withOutputs.Turns[0].Gold.Outputs)), endUserStop, trajectory.StatusCompleted, 1},
		{"outputs missing", withOutputs, goldReplies(withOutputs, "Done."), endUserStop, trajectory.StatusCompleted, 0},
		{"max steps", &tasks[0], loop, endMaxSteps, trajectory.StatusBudget, 0},
		{"transfer ends it, only the first call runs", &tasks[0], []scripted.Reply{two}, endTransfer, trajectory.StatusCompleted, 0},
		{"outputs said through a respond call", withOutputs, append(goldReplies(withOutputs, "")[:len(withOutputs.Turns[0].Gold.Steps)], scripted.Calls(scripted.Call("respond", map[string]any{"content": oracleReply(withOutputs.Turns[0].Gold.Outputs)}))), endUserStop, trajectory.StatusCompleted, 1},
		{"invalid JSON arguments", &tasks[0], []scripted.Reply{scripted.Calls(scripted.ToolCall{Name: "get_user_details", Arguments: "{"})}, endBadAction, trajectory.StatusErrored, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, err := scripted.Start(scripted.NewServer(scripted.NewFixture(map[string][]scripted.Reply{scripted.DefaultScript: c.replies})))
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = srv.Close() }()
			client, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "m", MaxRetries: -1})
			if err != nil {
				t.Fatal(err)
			}
			e, err := s.NewEnv(c.tk)
			if err != nil {
				t.Fatal(err)
			}
			cfg := episode.Config{Task: c.tk, Env: e, Agent: &agent.FunctionCalling{Model: client}, User: user.NewScripted(c.tk.Goal), Suite: s.Name()}
			tr := s.RunEpisode(context.Background(), cfg)
			if tr.Meta["termination_reason"] != c.wantReason || tr.Status != c.wantStatus {
				t.Fatalf("ended %v with %s (%v), want %s and %s", tr.Meta["termination_reason"], tr.Status, tr.Error, c.wantReason, c.wantStatus)
			}
			score, err := s.Score(context.Background(), c.tk, tr, e)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(score.Reward-c.wantReward) > 1e-9 {
				t.Errorf("reward %v, want %v: %s", score.Reward, c.wantReward, score.Verdict)
			}
			if c.wantReason == endTransfer {
				for _, m := range tr.Messages {
					if len(m.ToolCalls) > 1 {
						t.Errorf("a message kept %d calls; the reference keeps the first", len(m.ToolCalls))
					}
				}
			}
		})
	}
}

// TestRescoreHistorical rescores the recorded gpt-4o airline runs: every
// recorded reward must be reproduced.
func TestRescoreHistorical(t *testing.T) {
	data := anchorsDir(t)
	s := NewV1Suite("airline")
	rep, err := s.Rescore(context.Background(), suite.Options{DataDir: data}, filepath.Join(data, "tau-bench", "historical_trajectories", "gpt-4o-airline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 200 || rep.Agree != rep.Records {
		t.Errorf("%d of %d rewards reproduced: %v", rep.Agree, rep.Records, rep.Mismatches)
	}
}
