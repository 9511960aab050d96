package run_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/run"
	"github.com/toolgym/toolgym/suite"
	_ "github.com/toolgym/toolgym/suite/bank"
	"github.com/toolgym/toolgym/trajectory"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func bankSuite(t *testing.T) suite.Suite {
	t.Helper()
	s, err := suite.Lookup("bank")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// gated answers as the oracle, except that for tasks whose first user
// message contains block it waits until the request is canceled, and for
// those containing fail it answers with a server error.
type gated struct {
	oracle      model.Model
	block, fail string
	calls       atomic.Int32
}

func (g *gated) Generate(ctx context.Context, req *model.Request) (*model.Response, error) {
	g.calls.Add(1)
	var first string
	for _, m := range req.Messages {
		if m.Role == model.RoleUser {
			first = m.Text()
			break
		}
	}
	switch {
	case g.block != "" && strings.Contains(first, g.block):
		<-ctx.Done()
		return nil, ctx.Err()
	case g.fail != "" && strings.Contains(first, g.fail):
		return nil, &model.APIError{StatusCode: 503, Message: "no capacity", Attempts: 5}
	}
	return g.oracle.Generate(ctx, req)
}

func TestRunOracleScoresEverything(t *testing.T) {
	out := filepath.Join(t.TempDir(), "traj.jsonl")
	tasks := bank.Tasks()
	var progress bytes.Buffer
	res, err := run.Run(context.Background(), run.Config{
		Suite: bankSuite(t), Tasks: tasks, Concurrency: 4, Trials: 2, Output: out, Progress: &progress,
		Agent: &agent.FunctionCalling{Model: scripted.NewInProcess(scripted.NewOracle(tasks))}, ModelName: "oracle",
	})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	if s.Episodes != 2*len(tasks) || s.Successes != s.Episodes || s.MeanReward != 1 || s.Errored != 0 {
		t.Errorf("summary %+v: want every episode of every trial to succeed", s)
	}
	if s.Metrics["turn_accuracy"] != 1 || s.Metrics["calls_exact"] != 1 {
		t.Errorf("metrics %v", s.Metrics)
	}
	trs, err := trajectory.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(trs) != 2*len(tasks) {
		t.Fatalf("%d trajectories on disk, want %d", len(trs), 2*len(tasks))
	}
	ids := map[string]bool{}
	for _, tr := range trs {
		ids[tr.ID] = true
		if tr.Reward == nil || *tr.Reward != 1 || len(tr.Verdict) == 0 {
			t.Errorf("%s: reward %v, verdict %d bytes", tr.ID, tr.Reward, len(tr.Verdict))
		}
	}
	if len(ids) != 2*len(tasks) || !ids["bank-001#1"] {
		t.Errorf("episode ids %v: want one per task and trial", ids)
	}
	if !strings.Contains(progress.String(), fmt.Sprintf("%d/%d episodes", 2*len(tasks), 2*len(tasks))) {
		t.Errorf("progress lines %q", progress.String())
	}
	var table bytes.Buffer
	s.WriteTable(&table)
	if !strings.Contains(table.String(), "32 / 32  (100.0%)") {
		t.Errorf("summary table:\n%s", table.String())
	}
}

func TestRunRecordsBackendFailuresAndGoesOn(t *testing.T) {
	tasks := bank.Tasks()
	failing := tasks[2].Turns[0].User
	res, err := run.Run(context.Background(), run.Config{
		Suite: bankSuite(t), Tasks: tasks, Concurrency: 3,
		Agent: &agent.FunctionCalling{Model: &gated{oracle: scripted.NewInProcess(scripted.NewOracle(tasks)), fail: failing}},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	if s.Episodes != len(tasks) || s.Errored != 1 || s.Successes != len(tasks)-1 || s.Scored != len(tasks) {
		t.Errorf("summary %+v: want one errored episode counted as a failure, the rest successful", s)
	}
	for msg, n := range s.Errors {
		if n != 1 || !strings.Contains(msg, "503") || !strings.Contains(msg, "no capacity") {
			t.Errorf("error %q × %d", msg, n)
		}
	}
}

func TestRunCancelKeepsFinishedEpisodes(t *testing.T) {
	tasks := bank.Tasks()
	out := filepath.Join(t.TempDir(), "traj.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	blocked := tasks[5].Turns[0].User
	var finished atomic.Int32
	done := make(chan struct{})
	var res *run.Result
	go func() {
		defer close(done)
		var err error
		res, err = run.Run(ctx, run.Config{
			Suite: bankSuite(t), Tasks: tasks, Concurrency: 2, Output: out,
			Agent: &agent.FunctionCalling{Model: &gated{oracle: scripted.NewInProcess(scripted.NewOracle(tasks)), block: blocked}},
			OnEpisode: func(tr *trajectory.Trajectory, _ *suite.Score) {
				if tr.Status == trajectory.StatusCompleted && finished.Add(1) == 8 {
					cancel() // Ctrl-C after 8 episodes, with bank-006 stuck in flight
				}
			},
		})
		if err != nil {
			t.Error(err)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop after cancellation")
	}
	if !res.Canceled {
		t.Error("result not marked canceled")
	}
	trs, err := trajectory.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var completed, canceled int
	for _, tr := range trs {
		switch tr.Status {
		case trajectory.StatusCompleted:
			completed++
			if tr.Reward == nil || *tr.Reward != 1 {
				t.Errorf("%s finished but was not scored", tr.ID)
			}
		case trajectory.StatusCanceled:
			canceled++
		}
	}
	if completed < 8 || completed >= len(tasks) || canceled < 1 {
		t.Errorf("on disk: %d completed, %d canceled of %d tasks; want the 8+ finished kept and the stuck one canceled", completed, canceled, len(tasks))
	}
	if res.Summary.Canceled != canceled || res.Summary.Scored != completed {
		t.Errorf("summary %+v does not agree with the file", res.Summary)
	}
}

func TestSelect(t *testing.T) {
	tasks := bank.Tasks()
	got, err := run.Select(tasks, []string{"bank-003", "bank-001"}, 0)
	if err != nil || len(got) != 2 || got[0].ID != "bank-001" {
		t.Errorf("select by id: %v %v", got, err)
	}
	if _, err := run.Select(tasks, []string{"bank-999"}, 0); err == nil || !strings.Contains(err.Error(), "bank-999") {
		t.Errorf("unknown id: %v", err)
	}
	if got, _ := run.Select(tasks, nil, 3); len(got) != 3 {
		t.Errorf("limit 3 gave %d", len(got))
	}
}

func TestSummarize(t *testing.T) {
	eps := []run.Episode{
		{Status: trajectory.StatusCompleted, Success: true, Reward: 1, Metrics: map[string]float64{"m": 1}, Duration: time.Millisecond},
		{Status: trajectory.StatusCompleted, Reward: 0.5, Metrics: map[string]float64{"m": 0}, Duration: 3 * time.Millisecond},
		{Status: trajectory.StatusErrored, Error: "model: 503", Duration: 2 * time.Millisecond},
		{Status: trajectory.StatusCanceled, Success: true, Reward: 1},
	}
	s := run.Summarize("x", "m", eps, 5, time.Second)
	if s.Scored != 3 || s.Successes != 1 || s.Canceled != 1 || s.Errored != 1 || s.Errors["model: 503"] != 1 {
		t.Errorf("counts %+v", s)
	}
	if s.SuccessRate != 1.0/3 || s.MeanReward != 0.5 || s.Metrics["m"] != 0.5 {
		t.Errorf("rates: success %v reward %v metrics %v", s.SuccessRate, s.MeanReward, s.Metrics)
	}
	if s.P50 != 2*time.Millisecond || s.P95 != 2*time.Millisecond {
		t.Errorf("p50 %v p95 %v", s.P50, s.P95)
	}
}

func TestEvalNeedsModelWithBaseURL(t *testing.T) {
	_, err := run.Eval(context.Background(), run.Options{Suite: "bank", BaseURL: "http://127.0.0.1:1/v1"})
	if err == nil || !strings.Contains(err.Error(), "--model is required") {
		t.Errorf("err %v", err)
	}
	if _, err := run.Eval(context.Background(), run.Options{Suite: "nope"}); err == nil || !strings.Contains(err.Error(), "known suites: [bank]") {
		t.Errorf("err %v", err)
	}
}

func TestEvalOracleOverHTTP(t *testing.T) {
	res, err := run.Eval(context.Background(), run.Options{Suite: "bank", Settings: model.Request{Stream: true}, Concurrency: 4})
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary.SuccessRate != 1 || res.Summary.Episodes != len(bank.Tasks()) {
		t.Errorf("oracle over HTTP: %+v", res.Summary)
	}
}
