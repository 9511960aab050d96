package tauuser

import (
	"context"
	"errors"
	"fmt"

	"github.com/toolgym/toolgym/model"
)

// FirstAgentMessage is the agent's greeting both references open with: the
// user's first message answers it (tau-bench's user reset, tau2-bench's
// DEFAULT_FIRST_AGENT_MESSAGE).
const FirstAgentMessage = "Hi! How can I help you today?"

// The stop tokens a user's message may contain.
const (
	TokenStop       = "###STOP###"
	TokenTransfer   = "###TRANSFER###"
	TokenOutOfScope = "###OUT-OF-SCOPE###"
)

// StopReason says why a user ended the conversation.
type StopReason string

// Stop reasons. The first three are the tokens a user's message carries;
// the last two are tau2-bench's orchestrator limits, met inside the user's
// own tool loop.
const (
	// Running: the user has not stopped.
	Running StopReason = ""
	// StopUser: the message contained ###STOP###.
	StopUser StopReason = "stop"
	// StopTransfer: the message contained ###TRANSFER###.
	StopTransfer StopReason = "transfer"
	// StopOutOfScope: the message contained ###OUT-OF-SCOPE###.
	StopOutOfScope StopReason = "out_of_scope"
	// StopMaxSteps: the step budget ran out during the user's tool loop.
	StopMaxSteps StopReason = "max_steps"
	// StopTooManyErrors: the tool-error budget ran out during the user's
	// tool loop.
	StopTooManyErrors StopReason = "too_many_errors"
)

// Errors callers branch on.
var (
	// ErrNoAgentMessage: the history does not end with an agent message
	// for the user (the agent's turn ended on tool calls).
	ErrNoAgentMessage = errors.New("tauuser: no agent message for the user")
	// ErrFormat: the user's model answered in a form the strategy cannot
	// parse (the reference raises ValueError).
	ErrFormat = errors.New("tauuser: user model output has an invalid format")
	// ErrEmptyMessage: the user's model answered with neither text nor
	// tool calls (tau2-bench's UserMessage.validate fails).
	ErrEmptyMessage = errors.New("tauuser: user model produced an empty message")
	// ErrToolArguments: the user's model called a tool with arguments that
	// are not JSON (tau2-bench's json.loads fails).
	ErrToolArguments = errors.New("tauuser: user tool call arguments are not JSON")
	// ErrFailed: an earlier call failed; the conversation cannot go on.
	ErrFailed = errors.New("tauuser: user failed earlier")
)

// Sampling holds the settings every request of a user's model carries.
type Sampling struct {
	// Model names the model in each request (empty: the client's own).
	Model string
	// Temperature is sent when set. TauBench sends none by default (the
	// reference passes no temperature); Tau2 sends 0 by default (the
	// reference's DEFAULT_LLM_ARGS_USER).
	Temperature *float64
	// Seed is passed through when set (tau2-bench's set_seed).
	Seed *int64
}

func (s Sampling) request(msgs []model.Message) *model.Request {
	return &model.Request{Model: s.Model, Messages: msgs, Temperature: s.Temperature, Seed: s.Seed}
}

// AgentReply returns the agent's message to the user at the end of
// history: the text of the last assistant message after the last user
// message, which must not call tools. It fails with [ErrNoAgentMessage]
// when there is none.
func AgentReply(history []model.Message) (string, error) {
	for i := len(history) - 1; i >= 0; i-- {
		m := history[i]
		switch m.Role {
		case model.RoleAssistant:
			if len(m.ToolCalls) > 0 {
				return "", fmt.Errorf("%w: the agent's last message calls tools", ErrNoAgentMessage)
			}
			return m.Text(), nil
		case model.RoleUser:
			return "", fmt.Errorf("%w: no assistant message after the last user message", ErrNoAgentMessage)
		}
	}
	return "", fmt.Errorf("%w: no assistant message in the history", ErrNoAgentMessage)
}

// generate calls m and adds the usage to *usage.
func generate(ctx context.Context, m model.Model, req *model.Request, usage *model.Usage, calls *int) (*model.Response, error) {
	resp, err := m.Generate(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("tauuser: user model: %w", err)
	}
	*usage = usage.Add(resp.Usage)
	*calls++
	return resp, nil
}
