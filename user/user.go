// Package user holds the other side of the conversation: the [User]
// interface every user simulator implements, and [Scripted], which speaks
// a task's turns in order. LLM-simulated users (tau-bench style) implement
// the same interface over a model.Model.
package user

import (
	"context"

	"github.com/toolgym/toolgym/model"
)

// User produces the next user message. history is the conversation so far
// as the agent's model sees it (system, user, assistant and tool messages).
// Next returns done=true, with no message, when the user ends the
// conversation.
type User interface {
	Next(ctx context.Context, history []model.Message) (msg string, done bool, err error)
}

// Scripted speaks fixed turns in order, then ends. It counts the user
// messages already in the history, so one Scripted value may serve many
// episodes at once.
type Scripted struct {
	Turns []string
}

// NewScripted returns a user speaking turns in order.
func NewScripted(turns ...string) *Scripted { return &Scripted{Turns: turns} }

// Next returns the turn after those already spoken.
func (s *Scripted) Next(ctx context.Context, history []model.Message) (string, bool, error) {
	if err := ctx.Err(); err != nil {
		return "", false, err
	}
	n := 0
	for _, m := range history {
		if m.Role == model.RoleUser {
			n++
		}
	}
	if n >= len(s.Turns) {
		return "", true, nil
	}
	return s.Turns[n], false, nil
}
