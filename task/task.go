// Package task holds the task format every suite loads into: the env and
// its initial configuration, the system prompt (policy), the user's side
// (scripted turns, or a goal for a simulated user), and the gold: per user
// turn the calls that solve it, grouped in steps, and the outputs the
// agent's reply must contain.
package task

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/toolgym/toolgym/tool"
)

// Task is one episode to run and judge.
type Task struct {
	ID string `json:"id"`
	// Env names a registered env; Config is its initial state.
	Env    string          `json:"env"`
	Config json.RawMessage `json:"config,omitempty"`
	// System is the agent's system prompt (the policy), if any.
	System string `json:"system,omitempty"`
	// Turns are the user's scripted turns with their gold.
	Turns []Turn `json:"turns"`
	// Goal is the instruction a simulated user follows (tau-bench style).
	Goal string `json:"goal,omitempty"`
	// Meta holds suite-specific data.
	Meta map[string]any `json:"meta,omitempty"`
}

// Turn is one user message and what should follow it.
type Turn struct {
	User string `json:"user"`
	Gold Gold   `json:"gold"`
}

// Gold is what solves one turn.
type Gold struct {
	// Steps are the gold calls, step by step: calls within one step are
	// independent (their order does not matter), a later step may depend
	// on an earlier one.
	Steps [][]Call `json:"steps,omitempty"`
	// Outputs are strings the agent's replies in this turn must contain
	// (compared case-insensitively, ignoring commas, as tau-bench does).
	Outputs []string `json:"outputs,omitempty"`
	// Reply is an example final reply; the oracle model says it.
	Reply string `json:"reply,omitempty"`
}

// Call is a gold tool call: a name and JSON arguments.
type Call struct {
	Name      string          `json:"name"`
	Arguments json.RawMessage `json:"arguments,omitempty"`
}

// ToolCall returns the call as a tool.Call with the given id.
func (c Call) ToolCall(id string) tool.Call {
	args := string(c.Arguments)
	if args == "" {
		args = "{}"
	}
	return tool.Call{ID: id, Name: c.Name, Arguments: args}
}

// CallID is the id toolgym gives the i-th call of a step in gold replay
// and in the oracle model: "call_<turn>_<step>_<i>".
func CallID(turn, step, i int) string { return fmt.Sprintf("call_%d_%d_%d", turn, step, i) }

// UserTurns returns the users' messages in order.
func (t *Task) UserTurns() []string {
	out := make([]string, len(t.Turns))
	for i, tr := range t.Turns {
		out[i] = tr.User
	}
	return out
}

// Validate checks the fields a run needs.
func (t *Task) Validate() error {
	if t.ID == "" {
		return fmt.Errorf("task: empty id")
	}
	if t.Env == "" {
		return fmt.Errorf("task %s: no env", t.ID)
	}
	if len(t.Turns) == 0 && t.Goal == "" {
		return fmt.Errorf("task %s: neither turns nor a goal", t.ID)
	}
	return nil
}

// LoadFile reads tasks from a JSON file holding an array of tasks.
func LoadFile(path string) ([]Task, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading tasks: %w", err)
	}
	return Parse(b)
}

// Parse reads a JSON array of tasks and validates each.
func Parse(b []byte) ([]Task, error) {
	var ts []Task
	if err := json.Unmarshal(b, &ts); err != nil {
		return nil, fmt.Errorf("parsing tasks: %w", err)
	}
	for i := range ts {
		if err := ts[i].Validate(); err != nil {
			return nil, err
		}
	}
	return ts, nil
}
