// Package trajectory is toolgym's open record of an episode: every message
// (content as parts), every call and observation, timings, token usage, the
// env's state hash after each user turn, the end status and the judge's
// verdict. The format is versioned ([Version]) and documented in
// docs/trajectory.md. A [Writer] appends trajectories to a JSONL file; the
// converters turn them into what trainers and leaderboards read.
package trajectory

import (
	"encoding/json"
	"time"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// Version names the format; readers check it.
const Version = "toolgym.trajectory/v1"

// Status is how an episode ended.
type Status string

// Statuses.
const (
	// StatusCompleted: the user ended the conversation.
	StatusCompleted Status = "completed"
	// StatusErrored: a backend or env failure stopped the episode; Error
	// says why. The messages up to the failure are kept.
	StatusErrored Status = "errored"
	// StatusCanceled: the run was stopped (Ctrl-C, deadline).
	StatusCanceled Status = "canceled"
	// StatusBudget: a budget (turns, steps) ran out.
	StatusBudget Status = "budget_exhausted"
)

// Trajectory is the record of one episode.
type Trajectory struct {
	Version string `json:"version"`
	// ID identifies the episode (task id and trial).
	ID     string `json:"id"`
	Suite  string `json:"suite,omitempty"`
	TaskID string `json:"task_id"`
	Trial  int    `json:"trial,omitempty"`
	Env    string `json:"env"`
	Model  string `json:"model,omitempty"`
	Agent  string `json:"agent,omitempty"`
	Seed   int64  `json:"seed,omitempty"`
	// Tools are the specs offered to the model at the start.
	Tools    []tool.Spec `json:"tools,omitempty"`
	Messages []Message   `json:"messages"`
	Turns    []Turn      `json:"turns"`
	// InitialStateHash is the env's state hash before the first turn.
	InitialStateHash string      `json:"initial_state_hash,omitempty"`
	Usage            model.Usage `json:"usage"`
	Start            time.Time   `json:"start"`
	End              time.Time   `json:"end"`
	Status           Status      `json:"status"`
	Error            *Error      `json:"error,omitempty"`
	// Reward is the judge's scalar reward, Verdict its full verdict.
	Reward  *float64        `json:"reward,omitempty"`
	Verdict json.RawMessage `json:"verdict,omitempty"`
	Meta    map[string]any  `json:"meta,omitempty"`
}

// Message is one message with where and when it happened.
type Message struct {
	model.Message
	// Turn is the user turn (0-based) the message belongs to; Step the
	// agent step within it (1-based for assistant and tool messages, 0
	// for system and user messages).
	Turn int `json:"turn"`
	Step int `json:"step,omitempty"`
	// At is the time since the episode started when the message was made.
	At time.Duration `json:"at_ns"`
	// Latency is the model's latency for an assistant message, the tool's
	// duration for a tool message.
	Latency time.Duration `json:"latency_ns,omitempty"`
	// Usage, FinishReason and Attempts describe the model call behind an
	// assistant message.
	Usage        *model.Usage `json:"usage,omitempty"`
	FinishReason string       `json:"finish_reason,omitempty"`
	Attempts     int          `json:"attempts,omitempty"`
	// ToolError is the typed error behind a tool message that reports one.
	ToolError *tool.Error `json:"tool_error,omitempty"`
	// Requestor says whose tool call a tool-calling message or tool
	// result belongs to, in suites where the user has tools too (tau2's
	// telecom): "assistant" or "user". Messages the user made this way
	// are not shown to the agent's model.
	Requestor string `json:"requestor,omitempty"`
}

// Turn summarises one user turn.
type Turn struct {
	Index int `json:"index"`
	// First and End delimit the turn's messages: Messages[First:End].
	First int `json:"first"`
	End   int `json:"end"`
	// Steps counts the model calls the agent made in the turn.
	Steps int `json:"steps"`
	// StateHash is the env's state hash when the turn ended.
	StateHash string        `json:"state_hash"`
	Duration  time.Duration `json:"duration_ns"`
	Usage     model.Usage   `json:"usage"`
	// EndReason is "reply" when the agent answered without calling tools,
	// "max_steps" when its step budget ran out, "undecodable" when a reply's
	// calls could not be decoded and the suite ends the turn there (BFCL),
	// or "error".
	EndReason string `json:"end_reason"`
}

// Error says why an episode errored.
type Error struct {
	// Kind is a short class: "model", "env", "user", "canceled", "internal".
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// Duration is the episode's wall time.
func (t *Trajectory) Duration() time.Duration { return t.End.Sub(t.Start) }

// TurnMessages returns the messages of turn i.
func (t *Trajectory) TurnMessages(i int) []Message {
	if i < 0 || i >= len(t.Turns) {
		return nil
	}
	return t.Messages[t.Turns[i].First:t.Turns[i].End]
}

// ModelMessages returns the plain chat messages, as a model saw them.
func (t *Trajectory) ModelMessages() []model.Message {
	out := make([]model.Message, len(t.Messages))
	for i, m := range t.Messages {
		out[i] = m.Message
	}
	return out
}
