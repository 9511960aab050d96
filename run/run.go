// Package run runs many episodes concurrently: every task of a suite, for
// a number of trials, through a bounded pool of workers, writing each
// finished trajectory to a JSONL file the moment it ends (so Ctrl-C or a
// crash loses no finished episode), showing progress, and summarising the
// results in a table.
package run

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/judge/passk"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
)

// Config is one run.
type Config struct {
	// Suite builds envs and users and scores episodes.
	Suite suite.Suite
	// Tasks are the tasks to run (usually Suite.Load's).
	Tasks []task.Task
	// Agent answers every episode; it must be safe for concurrent use
	// (agent.FunctionCalling is).
	Agent agent.Agent
	// ModelName and AgentName label trajectories.
	ModelName, AgentName string
	// UserModel, when set, plays the user in suites that simulate users
	// with a language model (suite.SimulatedUsers); other suites use
	// their own users.
	UserModel model.Model
	// Concurrency is the number of episodes in flight (default 8).
	Concurrency int
	// Trials runs every task this many times (default 1).
	Trials int
	// MaxTurns bounds user turns per episode (episode.DefaultMaxTurns if 0).
	MaxTurns int
	// Seed is recorded in trajectories; trial i gets Seed+i.
	Seed int64
	// Output, when set, is the JSONL file trajectories are appended to.
	Output string
	// Progress is where progress goes (a bar on a terminal, periodic lines
	// otherwise); nil shows none.
	Progress io.Writer
	// OnEpisode, when set, sees each finished episode (from worker
	// goroutines, one at a time).
	OnEpisode func(*trajectory.Trajectory, *suite.Score)
}

// Episode is the outcome of one episode, kept for the summary.
type Episode struct {
	TaskID   string             `json:"task_id"`
	Trial    int                `json:"trial"`
	Status   trajectory.Status  `json:"status"`
	Error    string             `json:"error,omitempty"`
	Reward   float64            `json:"reward"`
	Success  bool               `json:"success"`
	Metrics  map[string]float64 `json:"metrics,omitempty"`
	Turns    int                `json:"turns"`
	Steps    int                `json:"steps"`
	Duration time.Duration      `json:"duration_ns"`
	Usage    trajectoryUsage    `json:"usage"`
}

type trajectoryUsage = struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Result is what a run produced.
type Result struct {
	// Episodes are in the order they finished.
	Episodes []Episode
	Summary  Summary
	// Canceled reports that the run was stopped before every episode ran.
	Canceled bool
	// Reports is where the suite wrote its own result files, if it did
	// (suite.Reporter).
	Reports string `json:"reports,omitempty"`
}

type job struct {
	task  *task.Task
	trial int
}

// Run runs every task Trials times with Concurrency workers. It returns an
// error only when the run cannot start (the output cannot be opened); an
// episode that fails is recorded as errored and the run goes on. When ctx
// is canceled, no new episode starts, episodes in flight end as canceled
// (and are written too), and Run returns what finished.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if cfg.Suite == nil || cfg.Agent == nil {
		return nil, fmt.Errorf("run: a suite and an agent are required")
	}
	conc := cfg.Concurrency
	if conc <= 0 {
		conc = 8
	}
	trials := max(cfg.Trials, 1)
	var w *trajectory.Writer
	if cfg.Output != "" {
		var err error
		if w, err = trajectory.Create(cfg.Output); err != nil {
			return nil, fmt.Errorf("run: %w", err)
		}
		defer w.Close()
	}

	total := len(cfg.Tasks) * trials
	prog := newProgress(cfg.Progress, total, cfg.Suite.Name())
	start := time.Now()

	jobs := make(chan job)
	var (
		mu   sync.Mutex
		res  = &Result{}
		wg   sync.WaitGroup
		werr error
	)
	for range min(conc, max(total, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				tr, score := runOne(ctx, cfg, j)
				mu.Lock()
				if w != nil {
					if err := w.Write(tr); err != nil && werr == nil {
						werr = err
					}
				}
				ep := summarize(tr, score)
				res.Episodes = append(res.Episodes, ep)
				if cfg.OnEpisode != nil {
					cfg.OnEpisode(tr, score)
				}
				mu.Unlock()
				prog.done(ep)
			}
		}()
	}
feed:
	for t := range cfg.Tasks {
		for trial := range trials {
			select {
			case jobs <- job{task: &cfg.Tasks[t], trial: trial}:
			case <-ctx.Done():
				break feed
			}
		}
	}
	close(jobs)
	wg.Wait()
	prog.close()
	res.Summary = Summarize(cfg.Suite.Name(), cfg.ModelName, res.Episodes, total, time.Since(start))
	if trials > 1 {
		var est func([]passk.Trial, int) (passk.Metrics, error)
		if pe, ok := cfg.Suite.(suite.PassKEstimator); ok {
			est = pe.PassK
		}
		if m, err := PassK(res.Episodes, trials, est); err == nil {
			res.Summary.PassHatK, res.Summary.PassKInfraErrors = m.PassHatK, m.InfraErrors
		}
	}
	res.Canceled = res.Summary.Canceled > 0 || len(res.Episodes) < total
	if werr != nil {
		return res, fmt.Errorf("run: writing trajectories: %w", werr)
	}
	return res, nil
}

// runOne runs and scores one episode; failures become errored trajectories.
func runOne(ctx context.Context, cfg Config, j job) (*trajectory.Trajectory, *suite.Score) {
	t := j.task
	id := t.ID
	if cfg.Trials > 1 {
		id = fmt.Sprintf("%s#%d", t.ID, j.trial)
	}
	failed := func(kind string, err error) *trajectory.Trajectory {
		now := time.Now()
		return &trajectory.Trajectory{
			Version: trajectory.Version, ID: id, Suite: cfg.Suite.Name(), TaskID: t.ID, Trial: j.trial, Env: t.Env,
			Model: cfg.ModelName, Agent: cfg.AgentName, Messages: []trajectory.Message{}, Turns: []trajectory.Turn{},
			Start: now, End: now, Status: trajectory.StatusErrored, Error: &trajectory.Error{Kind: kind, Message: err.Error()},
		}
	}
	e, err := cfg.Suite.NewEnv(t)
	if err != nil {
		return failed("env", err), nil
	}
	var u user.User
	if su, ok := cfg.Suite.(suite.SimulatedUsers); ok && cfg.UserModel != nil {
		u, err = su.NewSimulatedUser(t, e, cfg.UserModel)
	} else {
		u, err = cfg.Suite.NewUser(t, e)
	}
	if err != nil {
		return failed("user", err), nil
	}
	stop := false
	if sl, ok := cfg.Suite.(suite.StepLimits); ok {
		stop = sl.StopAtMaxSteps()
	}
	ecfg := episode.Config{
		ID: id, Task: t, Env: e, Agent: cfg.Agent, User: u, MaxTurns: cfg.MaxTurns, StopAtMaxSteps: stop,
		Suite: cfg.Suite.Name(), Model: cfg.ModelName, AgentName: cfg.AgentName, Trial: j.trial, Seed: cfg.Seed + int64(j.trial),
	}
	var tr *trajectory.Trajectory
	if er, ok := cfg.Suite.(suite.EpisodeRunner); ok {
		tr = er.RunEpisode(ctx, ecfg)
	} else {
		tr = episode.Run(ctx, ecfg)
	}
	if tr.Status == trajectory.StatusCanceled {
		return tr, nil
	}
	// Scoring must finish even when the run is being stopped.
	score, err := cfg.Suite.Score(context.WithoutCancel(ctx), t, tr, e)
	if err != nil {
		tr.Meta = map[string]any{"score_error": err.Error()}
		return tr, nil
	}
	r := score.Reward
	tr.Reward = &r
	tr.Verdict = score.Verdict
	return tr, score
}

func summarize(tr *trajectory.Trajectory, s *suite.Score) Episode {
	ep := Episode{
		TaskID: tr.TaskID, Trial: tr.Trial, Status: tr.Status, Turns: len(tr.Turns), Duration: tr.Duration(),
		Usage: trajectoryUsage{PromptTokens: tr.Usage.PromptTokens, CompletionTokens: tr.Usage.CompletionTokens},
	}
	for _, t := range tr.Turns {
		ep.Steps += t.Steps
	}
	if tr.Error != nil {
		ep.Error = tr.Error.Kind + ": " + tr.Error.Message
	}
	if s != nil {
		ep.Reward, ep.Success, ep.Metrics = s.Reward, s.Success, s.Metrics
	}
	return ep
}

// JSON returns the result as indented JSON (summary and episodes).
func (r *Result) JSON() ([]byte, error) { return json.MarshalIndent(r, "", "  ") }
