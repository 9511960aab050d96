package bfcl_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/run"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/trajectory"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// httpRun runs tasks through the real OpenAI client against a scripted
// server answering from src, with the suite's step limits, and returns the
// result, the trajectories file and the server.
func httpRun(t *testing.T, s *bfclsuite.Suite, tasks []task.Task, src scripted.Source) (*run.Result, string, *scripted.Server) {
	t.Helper()
	srv := scripted.NewServer(src, scripted.WithHistory(1000))
	running, err := scripted.Start(srv)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close()
	transport := &http.Transport{}
	defer transport.CloseIdleConnections()
	client, err := openai.New(openai.Config{BaseURL: running.URL, Model: "test/scripted", HTTPClient: &http.Client{Transport: transport}, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "run.jsonl")
	res, err := run.Run(t.Context(), run.Config{
		Suite: s, Tasks: tasks, Agent: &agent.FunctionCalling{Model: client, MaxSteps: s.MaxSteps()},
		ModelName: "test/scripted", AgentName: "function-calling", Concurrency: 3, Output: out,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res, out, srv
}

// tasksOf returns the tasks of the named entries, skipping the test when
// their classes are not registered yet.
func tasksOf(t *testing.T, entries []bfclsuite.Entry, ids ...string) []task.Task {
	t.Helper()
	var out []task.Task
	for _, id := range ids {
		tk, err := entry(t, entries, id).Task()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tk)
	}
	return out
}

// readScoreFile reads a JSON Lines file into generic values.
func readScoreFile(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, m)
	}
	return out
}

// episodeIDs are entries whose first user turns differ: the scripted
// oracle finds a conversation's task by its user turns, and entries of
// different categories often share them (base and long_context share all).
var episodeIDs = []string{"multi_turn_base_52", "multi_turn_base_53", "multi_turn_miss_func_54", "multi_turn_miss_param_55"}

// The gold, played by the scripted server as native tool calls through
// the real OpenAI client, the agent and the runner, scores 100%, and the
// score files say so.
func TestEpisodesOverHTTPGoldScoresAll(t *testing.T) {
	s, entries := loadSuite(t, "base", "miss_func", "miss_param")
	tasks := tasksOf(t, entries, episodeIDs...)
	firsts := map[string]bool{}
	for _, tk := range tasks {
		firsts[tk.Turns[0].User] = true
	}
	if len(firsts) != len(tasks) {
		t.Fatal("the oracle cannot tell these tasks apart")
	}
	res, out, _ := httpRun(t, s, tasks, scripted.NewOracle(tasks))
	sum := res.Summary
	if sum.Episodes != len(tasks) || sum.Successes != len(tasks) || sum.Errored != 0 {
		for _, ep := range res.Episodes {
			t.Logf("%s: %s %v %s", ep.TaskID, ep.Status, ep.Success, ep.Error)
		}
		t.Fatalf("summary %+v: want every episode to succeed", sum)
	}
	for _, k := range []string{"accuracy", "accuracy/base", "accuracy/miss_func", "accuracy/miss_param"} {
		if sum.Metrics[k] != 1 {
			t.Errorf("metric %s = %v", k, sum.Metrics[k])
		}
	}
	dir, paths, err := bfclsuite.WriteRunScoreFiles(out)
	if err != nil {
		t.Fatal(err)
	}
	if dir != strings.TrimSuffix(out, ".jsonl") || len(paths) != 3 {
		t.Fatalf("score files %s %v", dir, paths)
	}
	lines := readScoreFile(t, filepath.Join(dir, "BFCL_v4_multi_turn_base_score.json"))
	if len(lines) != 1 || lines[0]["accuracy"] != 1.0 || lines[0]["correct_count"] != 2.0 || lines[0]["total_count"] != 2.0 {
		t.Errorf("base score file %v", lines)
	}
}

// A model that only talks scores 0, each entry failing at its first turn
// with an empty model response.
func TestEpisodesOverHTTPTalkerScoresNothing(t *testing.T) {
	s, entries := loadSuite(t, "base", "miss_func", "miss_param")
	tasks := tasksOf(t, entries, episodeIDs...)
	talker := scripted.SourceFunc(func(*openai.ChatRequest, int) scripted.Reply {
		return scripted.Text("I would rather not call any function.")
	})
	res, out, _ := httpRun(t, s, tasks, talker)
	if res.Summary.Successes != 0 || res.Summary.Metrics["accuracy"] != 0 || res.Summary.Errored != 0 {
		t.Fatalf("summary %+v", res.Summary)
	}
	trs, err := trajectory.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range trs {
		var v bfclsuite.Verdict
		if err := json.Unmarshal(tr.Verdict, &v); err != nil {
			t.Fatal(err)
		}
		if v.ErrorType != bfclsuite.TypeEmptyTurnModelResponse || tr.Reward == nil || *tr.Reward != 0 {
			t.Errorf("%s: %s %s", tr.TaskID, v.ErrorType, v.ErrorMessage)
		}
	}
	dir, _, err := bfclsuite.WriteRunScoreFiles(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := readScoreFile(t, filepath.Join(dir, "BFCL_v4_multi_turn_base_score.json"))
	if len(lines) != 3 || lines[0]["accuracy"] != 0.0 || lines[1]["id"] != "multi_turn_base_52" || lines[2]["id"] != "multi_turn_base_53" {
		t.Fatalf("score file %v", lines)
	}
	if e := lines[1]["error"].(map[string]any); e["error_type"] != bfclsuite.TypeEmptyTurnModelResponse || lines[1]["model_name"] != "test_scripted" {
		t.Errorf("failed line %v", lines[1])
	}
}

// A model that never stops calling is forced to quit after the
// reference's MAXIMUM_STEP_LIMIT+1 steps with calls, and the entry fails
// as force-terminated.
func TestEpisodesOverHTTPForceQuit(t *testing.T) {
	s, entries := loadSuite(t, "base")
	tasks := tasksOf(t, entries, "multi_turn_base_52")
	looper := scripted.SourceFunc(func(*openai.ChatRequest, int) scripted.Reply {
		return scripted.Calls(scripted.Call("displayCarStatus", map[string]string{"option": "fuel"}))
	})
	res, out, srv := httpRun(t, s, tasks, looper)
	if srv.Count() != bfclsuite.MaxStepLimit+1 {
		t.Errorf("%d model calls, want %d", srv.Count(), bfclsuite.MaxStepLimit+1)
	}
	trs, err := trajectory.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tr := trs[0]
	var v bfclsuite.Verdict
	if err := json.Unmarshal(tr.Verdict, &v); err != nil {
		t.Fatal(err)
	}
	if tr.Status != trajectory.StatusBudget || len(tr.Turns) != 1 || v.ErrorType != bfclsuite.TypeForceTerminated || res.Summary.Successes != 0 {
		t.Errorf("status %s, %d turns, %s", tr.Status, len(tr.Turns), v.ErrorType)
	}
}

// A held-out function is offered from its turn on, and only then; that
// turn's user message is the reference's; held-out docs lack the Python
// hint the others have.
func TestHeldOutToolsAppearAtTheirTurn(t *testing.T) {
	s, entries := loadSuite(t, "miss_func")
	e := entry(t, entries, "multi_turn_miss_func_52") // startEngine held out until turn 1
	if len(e.Held[1]) != 1 || e.Held[1][0].Name != "startEngine" {
		t.Fatalf("held %v", e.Held)
	}
	tasks := tasksOf(t, entries, e.ID)
	res, _, srv := httpRun(t, s, tasks, scripted.NewOracle(tasks))
	if res.Summary.Successes != 1 {
		t.Fatalf("summary %+v", res.Summary)
	}
	seen := map[int]bool{}
	for _, req := range srv.Requests() {
		turn, last := -1, ""
		for _, m := range req.Messages {
			if m.Role == "user" {
				turn++
				_ = json.Unmarshal(m.Content, &last)
			}
		}
		seen[turn] = true
		has := false
		for _, tl := range req.Tools {
			if tl.Function.Name == "startEngine" {
				has = true
				if strings.HasSuffix(tl.Function.Description, bfclsuite.PythonHint) {
					t.Errorf("held-out startEngine has the Python hint")
				}
			} else if !strings.HasSuffix(tl.Function.Description, bfclsuite.PythonHint) {
				t.Errorf("%s lacks the Python hint", tl.Function.Name)
			}
		}
		if has != (turn >= 1) {
			t.Errorf("turn %d: startEngine offered: %v", turn, has)
		}
		if turn == 1 && last != bfclsuite.HoldoutUserPrompt {
			t.Errorf("held-out turn's user message %q", last)
		}
		if want := len(e.ToolsAt(turn)); len(req.Tools) != want {
			t.Errorf("turn %d: %d tools, want %d", turn, len(req.Tools), want)
		}
	}
	if len(seen) != len(e.Question) {
		t.Errorf("requests for turns %v", seen)
	}
}

// The user adds held-out tools to the env right before the held-out turn.
func TestUserSetsHeldOutTools(t *testing.T) {
	_, entries := loadSuite(t, "miss_func")
	e := entry(t, entries, "multi_turn_miss_func_52")
	en, err := e.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	u, err := e.NewUser(en)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var hist []modelMessage
	for turn := range e.Question {
		msg, done, err := u.Next(ctx, hist)
		if err != nil || done {
			t.Fatalf("turn %d: done=%v err=%v", turn, done, err)
		}
		if got, want := len(en.Tools()), len(e.ToolsAt(turn)); got != want {
			t.Errorf("turn %d: env offers %d tools, want %d", turn, got, want)
		}
		if turn == 1 && msg != bfclsuite.HoldoutUserPrompt {
			t.Errorf("turn 1 says %q", msg)
		}
		hist = append(hist, userMessage(msg))
	}
	if _, done, _ := u.Next(ctx, hist); !done {
		t.Error("the user did not end")
	}
	if len(e.ToolsAt(0))+1 != len(e.ToolsAt(1)) {
		t.Errorf("ToolsAt: %d then %d", len(e.ToolsAt(0)), len(e.ToolsAt(1)))
	}
}
