// Package suite defines benchmark adapters: a [Suite] loads tasks, builds
// each task's env and user, and scores a finished trajectory. Suites
// register themselves by name ([Register]) so the CLI and the runner find
// them; adapters live one folder down (suite/bank, and later suite/bfcl,
// suite/tau).
package suite

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/judge/passk"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
)

// Suite is a benchmark adapter.
type Suite interface {
	// Name is the suite's registry name, as given to --suite.
	Name() string
	// Description says in one line what the suite holds.
	Description() string
	// Load returns the suite's tasks.
	Load(ctx context.Context, opts Options) ([]task.Task, error)
	// NewEnv builds a fresh env in the task's initial state.
	NewEnv(t *task.Task) (env.Env, error)
	// NewUser builds the user for the task, speaking to the agent that
	// acts on e (a user may change e between turns, as BFCL's held-out
	// functions appear at a later turn).
	NewUser(t *task.Task, e env.Env) (user.User, error)
	// Score judges a finished trajectory; final is the env as the episode
	// left it.
	Score(ctx context.Context, t *task.Task, tr *trajectory.Trajectory, final env.Env) (*Score, error)
}

// Options select what Load returns.
type Options struct {
	// DataDir is where suites that need downloaded data find it.
	DataDir string
	// Categories and Split narrow the tasks, as each suite defines them.
	Categories []string
	Split      string
}

// Score is a suite's verdict on one episode.
type Score struct {
	// Reward is the scalar reward (0..1 for the built-in suites).
	Reward float64 `json:"reward"`
	// Success is whether the episode counts as solved.
	Success bool `json:"success"`
	// Metrics are per-episode figures the run summary averages
	// (for example "turn_accuracy", "state_match").
	Metrics map[string]float64 `json:"metrics,omitempty"`
	// Verdict is the suite's full verdict, stored in the trajectory.
	Verdict json.RawMessage `json:"verdict,omitempty"`
}

// StepLimits is implemented by suites whose reference harness bounds the
// agent's steps per turn: the runner uses MaxSteps unless the user set a
// limit, and when StopAtMaxSteps is true a turn that runs out of steps
// ends the episode (BFCL's force quit).
type StepLimits interface {
	MaxSteps() int
	StopAtMaxSteps() bool
}

// Replayer is implemented by suites that can replay their ground truth:
// every task's gold calls on fresh envs, scored by the suite's own judge,
// with the states written under dump (when not empty) so they can be
// diffed against the reference harness's. `toolgym replay` calls it.
type Replayer interface {
	Replay(ctx context.Context, opts Options, dump string) (*ReplayReport, error)
}

// ReplayReport summarises a gold replay.
type ReplayReport struct {
	Tasks int `json:"tasks"`
	Turns int `json:"turns"`
	Calls int `json:"calls"`
	// Passed counts tasks whose gold the suite's judge scores as a success.
	Passed int `json:"passed"`
	// Failures name the tasks that did not pass, with the reason.
	Failures []string `json:"failures,omitempty"`
	// ByCategory counts tasks and passes per category, when the suite has
	// categories.
	ByCategory map[string][2]int `json:"by_category,omitempty"`
	Duration   time.Duration     `json:"duration_ns"`
}

// Reporter is implemented by suites that write result files of their own
// after a run, next to the trajectories file (BFCL's score files). It
// returns where they went ("" when there was nothing to write).
type Reporter interface {
	WriteReports(trajectoriesPath string) (string, error)
}

var (
	mu       sync.RWMutex
	registry = map[string]Suite{}
)

// Register makes a suite available by name; it panics on a repeated name.
func Register(s Suite) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registry[s.Name()]; dup {
		panic("suite: Register called twice for " + s.Name())
	}
	registry[s.Name()] = s
}

// Lookup returns the suite of that name, or an error listing the known ones.
func Lookup(name string) (Suite, error) {
	mu.RLock()
	s, ok := registry[name]
	mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("unknown suite %q; known suites: %v (see `toolgym ls`)", name, Names())
	}
	return s, nil
}

// Names lists registered suites, sorted.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// EpisodeRunner is implemented by suites whose reference harness runs the
// conversation its own way (tau-bench's and tau2-bench's orchestrators:
// one tool call per step, stop tokens, transfers, step and error limits
// over the whole conversation). The runner calls RunEpisode instead of
// episode.Run. cfg.Agent is the agent the run was configured with; a suite
// that drives the model itself takes the Model and Settings of an
// *agent.FunctionCalling.
type EpisodeRunner interface {
	RunEpisode(ctx context.Context, cfg episode.Config) *trajectory.Trajectory
}

// SimulatedUsers is implemented by suites whose users can be played by a
// language model (tau-bench's simulated customers). When a run has a user
// model (--user-model), the runner builds each episode's user with
// NewSimulatedUser instead of NewUser.
type SimulatedUsers interface {
	NewSimulatedUser(t *task.Task, e env.Env, m model.Model) (user.User, error)
}

// Rescorer is implemented by suites that can recompute the rewards of runs
// recorded by their reference harness (tau-bench's results files), to check
// toolgym's judge against the reference's on real model outputs.
// `toolgym rescore` calls it.
type Rescorer interface {
	Rescore(ctx context.Context, opts Options, path string) (*RescoreReport, error)
}

// RescoreReport compares toolgym's rewards with recorded ones.
type RescoreReport struct {
	Records int `json:"records"`
	// Agree counts records whose reward toolgym reproduces.
	Agree int `json:"agree"`
	// Mismatches explain each record whose reward differs.
	Mismatches []string `json:"mismatches,omitempty"`
	// Notes are other differences seen (observations rendered
	// differently, changed gold data), which may not change rewards.
	Notes []string `json:"notes,omitempty"`
	// Detail is the suite's full per-record result.
	Detail any `json:"detail,omitempty"`
}

// PassKEstimator is implemented by suites whose reference computes pass^k
// its own way (tau-bench counts every trial, tau2 leaves out
// infrastructure errors); the runner uses it for runs of several trials,
// and tau2's estimator for other suites.
type PassKEstimator interface {
	PassK(trials []passk.Trial, numTrials int) (passk.Metrics, error)
}

// JudgeModels is implemented by suites whose judge can ask a language
// model (tau2's NL assertions). WithJudge returns a suite, not yet loaded,
// that judges with m (modelName is sent with each request when not
// empty); `toolgym run --judge-model` uses it.
type JudgeModels interface {
	WithJudge(m model.Model, modelName string) Suite
}
