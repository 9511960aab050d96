// Package episode runs the loop at the heart of toolgym: a user speaks, an
// agent answers by calling a model and the tools of an env, and so on until
// the user ends the conversation or a budget runs out. [Run] records
// everything as a trajectory.Trajectory (never losing what happened before
// a failure) and reports progress as [Event]s.
package episode

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
)

// Config is one episode to run.
type Config struct {
	// ID names the episode in its trajectory (default: task id).
	ID string
	// Task is what the episode is about; its System prompt opens the
	// conversation.
	Task *task.Task
	// Env is the world the agent acts on; it is changed by the episode.
	Env env.Env
	// Agent answers each user turn.
	Agent agent.Agent
	// User speaks the user's side.
	User user.User
	// MaxTurns bounds the user turns (default 100).
	MaxTurns int
	// StopAtMaxSteps ends the episode, with status budget_exhausted, when
	// a turn runs out of agent steps (BFCL's force quit); otherwise the
	// next user turn follows.
	StopAtMaxSteps bool
	// Observer, when set, sees events as they happen, from the episode's
	// goroutine.
	Observer func(Event)
	// Labels copied into the trajectory.
	Suite, Model, AgentName string
	Trial                   int
	Seed                    int64
}

// DefaultMaxTurns bounds user turns when Config.MaxTurns is 0.
const DefaultMaxTurns = 100

// EventKind names what happened.
type EventKind string

// Event kinds.
const (
	EpisodeStart EventKind = "episode_start"
	TurnStart    EventKind = "turn_start"
	StepEnd      EventKind = "step_end"
	TurnEnd      EventKind = "turn_end"
	EpisodeEnd   EventKind = "episode_end"
)

// Event reports progress.
type Event struct {
	Kind EventKind
	// EpisodeID and Turn say where it happened.
	EpisodeID string
	Turn      int
	// Step is set for StepEnd.
	Step *agent.Step
	// Trajectory is set for EpisodeEnd.
	Trajectory *trajectory.Trajectory
}

// Run runs one episode and returns its trajectory. It never returns nil:
// a failure of the model, the env or the user ends the episode with status
// errored (or canceled when ctx was), keeping every message before it.
func Run(ctx context.Context, cfg Config) *trajectory.Trajectory {
	r := &runner{cfg: cfg, start: time.Now()}
	return r.run(ctx)
}

type runner struct {
	cfg     Config
	start   time.Time
	tr      *trajectory.Trajectory
	history []model.Message
}

func (r *runner) emit(e Event) {
	if r.cfg.Observer != nil {
		e.EpisodeID = r.tr.ID
		r.cfg.Observer(e)
	}
}

func (r *runner) add(m model.Message, turn, step int, at time.Time) *trajectory.Message {
	r.history = append(r.history, m)
	r.tr.Messages = append(r.tr.Messages, trajectory.Message{Message: m, Turn: turn, Step: step, At: at.Sub(r.start)})
	return &r.tr.Messages[len(r.tr.Messages)-1]
}

func (r *runner) run(ctx context.Context) *trajectory.Trajectory {
	cfg := r.cfg
	id := cfg.ID
	if id == "" {
		id = cfg.Task.ID
	}
	r.tr = &trajectory.Trajectory{
		Version: trajectory.Version, ID: id, Suite: cfg.Suite, TaskID: cfg.Task.ID, Trial: cfg.Trial,
		Env: cfg.Task.Env, Model: cfg.Model, Agent: cfg.AgentName, Seed: cfg.Seed,
		Tools: cfg.Env.Tools(), Start: r.start, Messages: []trajectory.Message{}, Turns: []trajectory.Turn{},
	}
	r.emit(Event{Kind: EpisodeStart})
	if h, err := env.Hash(cfg.Env); err == nil {
		r.tr.InitialStateHash = h
	} else {
		return r.finish(trajectory.StatusErrored, &trajectory.Error{Kind: "env", Message: "snapshot: " + err.Error()})
	}
	if cfg.Task.System != "" {
		r.add(model.System(cfg.Task.System), 0, 0, r.start)
	}
	maxTurns := cfg.MaxTurns
	if maxTurns <= 0 {
		maxTurns = DefaultMaxTurns
	}
	for turn := 0; ; turn++ {
		if err := ctx.Err(); err != nil {
			return r.finish(trajectory.StatusCanceled, &trajectory.Error{Kind: "canceled", Message: err.Error()})
		}
		text, done, err := cfg.User.Next(ctx, r.history)
		if err != nil {
			return r.finish(statusOf(ctx, err), &trajectory.Error{Kind: kindOf(ctx, err, "user"), Message: err.Error()})
		}
		if done {
			return r.finish(trajectory.StatusCompleted, nil)
		}
		if turn >= maxTurns {
			return r.finish(trajectory.StatusBudget, &trajectory.Error{Kind: "budget", Message: fmt.Sprintf("the user still had turns after %d turns (max turns)", maxTurns)})
		}
		if status, terr := r.turn(ctx, turn, text); status != "" {
			return r.finish(status, terr)
		}
	}
}

// turn runs one user turn; it returns a status when the episode must end.
func (r *runner) turn(ctx context.Context, turn int, text string) (trajectory.Status, *trajectory.Error) {
	cfg := r.cfg
	tstart := time.Now()
	first := len(r.tr.Messages)
	r.add(model.User(text), turn, 0, tstart)
	r.emit(Event{Kind: TurnStart, Turn: turn})

	var usage model.Usage
	ctx = model.WithCallInfo(ctx, model.CallInfo{TaskID: cfg.Task.ID, EpisodeID: r.tr.ID, Turn: turn})
	reply, err := cfg.Agent.Respond(ctx, r.history, cfg.Env, func(s agent.Step) {
		u := s.Response.Usage
		usage = usage.Add(u)
		m := r.add(s.Response.Message, turn, s.Index, s.Start)
		m.Latency, m.Usage, m.FinishReason, m.Attempts = s.Response.Latency, &u, s.Response.FinishReason, s.Response.Attempts
		for _, res := range s.Results {
			tm := r.add(model.ToolMessage(res), turn, s.Index, s.Start.Add(s.Response.Latency))
			tm.Latency, tm.ToolError = res.Duration, res.Error
		}
		r.emit(Event{Kind: StepEnd, Turn: turn, Step: &s})
	})
	t := trajectory.Turn{Index: turn, First: first, End: len(r.tr.Messages), Steps: len(reply.Steps), Usage: usage, EndReason: reply.EndReason}
	hash, herr := env.Hash(cfg.Env)
	t.StateHash = hash
	t.Duration = time.Since(tstart)
	if err != nil {
		t.EndReason = agent.EndError
	}
	r.tr.Turns = append(r.tr.Turns, t)
	r.tr.Usage = r.tr.Usage.Add(usage)
	r.emit(Event{Kind: TurnEnd, Turn: turn})
	switch {
	case err != nil:
		return statusOf(ctx, err), &trajectory.Error{Kind: kindOf(ctx, err, "model"), Message: err.Error()}
	case herr != nil:
		return trajectory.StatusErrored, &trajectory.Error{Kind: "env", Message: "snapshot: " + herr.Error()}
	case cfg.StopAtMaxSteps && reply.EndReason == agent.EndMaxSteps:
		return trajectory.StatusBudget, &trajectory.Error{Kind: "budget", Message: fmt.Sprintf("turn %d ran out of agent steps (%d)", turn, len(reply.Steps))}
	}
	return "", nil
}

func (r *runner) finish(status trajectory.Status, err *trajectory.Error) *trajectory.Trajectory {
	r.tr.Status = status
	r.tr.Error = err
	r.tr.End = time.Now()
	r.emit(Event{Kind: EpisodeEnd, Trajectory: r.tr})
	return r.tr
}

func statusOf(ctx context.Context, err error) trajectory.Status {
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return trajectory.StatusCanceled
	}
	return trajectory.StatusErrored
}

func kindOf(ctx context.Context, err error, kind string) string {
	if statusOf(ctx, err) == trajectory.StatusCanceled {
		return "canceled"
	}
	return kind
}
