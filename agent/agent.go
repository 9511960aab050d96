// Package agent holds the strategies that decide what to ask a model and
// which tools to run. An [Agent] answers one user turn: it calls the model,
// runs the tool calls the model makes, shows it the observations, and
// repeats until the model replies without calling tools or its step budget
// runs out. [FunctionCalling] is the native function-calling strategy.
package agent

import (
	"context"
	"time"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// Tools is what an agent needs of an environment: its tool specs and a way
// to run a call. env.Env satisfies it.
type Tools interface {
	Tools() []tool.Spec
	Call(ctx context.Context, call tool.Call) tool.Result
}

// Agent answers user turns.
type Agent interface {
	// Respond runs the agent on history (the conversation so far, ending
	// with the user's message) until it replies to the user. It reports
	// each finished step to onStep (which may be nil) as it happens, and
	// returns all steps; on error the steps finished before it are
	// returned too, so nothing is lost.
	Respond(ctx context.Context, history []model.Message, tools Tools, onStep func(Step)) (Reply, error)
}

// Step is one model call and the tool calls it made, run.
type Step struct {
	// Index counts steps within the turn, from 1.
	Index int
	// Response is the model's reply; its Message is the assistant message.
	Response *model.Response
	// Results answer Response.Message.ToolCalls, in the same order.
	Results []tool.Result
	// Start is when the step began.
	Start time.Time
}

// Messages returns the step's messages: the assistant message, then one
// tool message per result.
func (s Step) Messages() []model.Message {
	out := make([]model.Message, 0, 1+len(s.Results))
	out = append(out, s.Response.Message)
	for _, r := range s.Results {
		out = append(out, model.ToolMessage(r))
	}
	return out
}

// End reasons of a reply.
const (
	// EndReply: the model answered without calling tools.
	EndReply = "reply"
	// EndMaxSteps: the step budget ran out while the model kept calling tools.
	EndMaxSteps = "max_steps"
	// EndError: a model failure ended the turn.
	EndError = "error"
	// EndUndecodable: the env (a CallDecoder) could not decode the
	// reply's calls, so none ran and the turn ended.
	EndUndecodable = "undecodable"
)

// Reply is what an agent did in one turn.
type Reply struct {
	Steps []Step
	// EndReason is EndReply, EndMaxSteps, EndError or EndUndecodable.
	EndReason string
}

// Text returns the text of the last assistant message.
func (r Reply) Text() string {
	if len(r.Steps) == 0 {
		return ""
	}
	return r.Steps[len(r.Steps)-1].Response.Message.Text()
}
