package tau

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/trajectory"
)

// recorder builds a trajectory as an orchestrator goes, the way
// episode.Run does: every message is kept the moment it exists, each user
// message opens a turn, and the state is hashed when a turn ends.
type recorder struct {
	cfg     episode.Config
	start   time.Time
	tr      *trajectory.Trajectory
	history []model.Message // what the agent's model sees
	turn    int             // index of the open turn, -1 before the first
	tstart  time.Time
	first   int
	steps   int
	usage   model.Usage
	// buf is the scratch the trajectory's messages grow in until finish
	// copies them out at their size.
	buf *[]trajectory.Message
}

// initialMessages is the room the agent's history starts with, enough
// for most short episodes without growing.
const initialMessages = 16

// messageBufs holds the scratch slices trajectories grow in (see
// recorder.buf); maxPooledMessages bounds what is kept.
var messageBufs = sync.Pool{New: func() any { s := make([]trajectory.Message, 0, 32); return &s }}

const maxPooledMessages = 256

func newRecorder(cfg episode.Config) *recorder {
	id := cfg.ID
	if id == "" {
		id = cfg.Task.ID
	}
	start := time.Now()
	r := &recorder{cfg: cfg, start: start, turn: -1, history: make([]model.Message, 0, initialMessages)}
	r.buf = messageBufs.Get().(*[]trajectory.Message)
	r.tr = &trajectory.Trajectory{
		Version: trajectory.Version, ID: id, Suite: cfg.Suite, TaskID: cfg.Task.ID, Trial: cfg.Trial,
		Env: cfg.Task.Env, Model: cfg.Model, Agent: cfg.AgentName, Seed: cfg.Seed,
		Tools: cfg.Env.Tools(), Start: start, Messages: (*r.buf)[:0], Turns: make([]trajectory.Turn, 0, 4),
	}
	r.emit(episode.Event{Kind: episode.EpisodeStart})
	return r
}

func (r *recorder) emit(e episode.Event) {
	if r.cfg.Observer != nil {
		e.EpisodeID = r.tr.ID
		r.cfg.Observer(e)
	}
}

// add appends a message to the trajectory, and to the agent's history
// unless it is one the agent's model does not see (the user's own tool
// calls).
func (r *recorder) add(m model.Message, agentSees bool) *trajectory.Message {
	if agentSees {
		r.history = append(r.history, m)
	}
	r.tr.Messages = append(r.tr.Messages, trajectory.Message{Message: m, Turn: max(r.turn, 0), Step: r.steps, At: time.Since(r.start)})
	return &r.tr.Messages[len(r.tr.Messages)-1]
}

// userSays closes the open turn and opens the next with the user's text.
func (r *recorder) userSays(text string) {
	r.endTurn("reply")
	r.turn++
	r.tstart, r.first, r.steps, r.usage = time.Now(), len(r.tr.Messages), 0, model.Usage{}
	r.add(model.User(text), true)
	r.emit(episode.Event{Kind: episode.TurnStart, Turn: r.turn})
}

// assistant records a model reply as one step of the open turn.
func (r *recorder) assistant(resp *model.Response) {
	r.steps++
	u := resp.Usage
	r.usage = r.usage.Add(u)
	m := r.add(resp.Message, true)
	m.Step, m.Latency, m.Usage, m.FinishReason, m.Attempts = r.steps, resp.Latency, &u, resp.FinishReason, resp.Attempts
}

// endTurn closes the open turn, if any, hashing the env's state.
func (r *recorder) endTurn(reason string) {
	if r.turn < 0 || (len(r.tr.Turns) > 0 && r.tr.Turns[len(r.tr.Turns)-1].Index == r.turn) {
		return
	}
	hash, _ := env.Hash(r.cfg.Env)
	r.tr.Turns = append(r.tr.Turns, trajectory.Turn{
		Index: r.turn, First: r.first, End: len(r.tr.Messages), Steps: r.steps, Usage: r.usage,
		EndReason: reason, StateHash: hash, Duration: time.Since(r.tstart),
	})
	r.tr.Usage = r.tr.Usage.Add(r.usage)
	r.emit(episode.Event{Kind: episode.TurnEnd, Turn: r.turn})
}

// finish ends the episode with a status, a termination reason in the
// reference's words (kept in Meta["termination_reason"]) and an error.
func (r *recorder) finish(status trajectory.Status, reason string, err *trajectory.Error) *trajectory.Trajectory {
	turnReason := "reply"
	if status != trajectory.StatusCompleted {
		turnReason = "error"
		if status == trajectory.StatusBudget {
			turnReason = "max_steps"
		}
	}
	r.endTurn(turnReason)
	// The messages leave the scratch they grew in, at their size; the
	// scratch, cleared, serves the next episode.
	scratch := r.tr.Messages
	r.tr.Messages = make([]trajectory.Message, len(scratch))
	copy(r.tr.Messages, scratch)
	if r.buf != nil && cap(scratch) <= maxPooledMessages {
		clear(scratch)
		*r.buf = scratch[:0]
		messageBufs.Put(r.buf)
	}
	r.buf = nil
	r.tr.Status, r.tr.Error, r.tr.End = status, err, time.Now()
	if r.tr.Meta == nil {
		r.tr.Meta = map[string]any{}
	}
	r.tr.Meta["termination_reason"] = reason
	r.emit(episode.Event{Kind: episode.EpisodeEnd, Trajectory: r.tr})
	return r.tr
}

// failure classifies an error of the model or the user: a canceled
// context is a cancellation, anything else an infrastructure error.
func (r *recorder) failure(ctx context.Context, kind string, err error) *trajectory.Trajectory {
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return r.finish(trajectory.StatusCanceled, "canceled", &trajectory.Error{Kind: "canceled", Message: err.Error()})
	}
	return r.finish(trajectory.StatusErrored, "infrastructure_error", &trajectory.Error{Kind: kind, Message: err.Error()})
}
