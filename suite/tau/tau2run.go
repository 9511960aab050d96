package tau

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/trajectory"
)

// Tau2 orchestration limits and texts (src/tau2/config.py,
// orchestrator/orchestrator.py, agent/llm_agent.py).
const (
	Tau2MaxSteps  = 200
	Tau2MaxErrors = 10
	// Tau2FirstMessage is the agent's opening message
	// (DEFAULT_FIRST_AGENT_MESSAGE).
	Tau2FirstMessage     = "Hi! How can I help you today?"
	tau2AgentInstruction = `You are a customer service agent that helps the user according to the <policy> provided below.
In each turn you can either:
- Send a message to the user.
- Make a tool call.
You cannot do both at the same time.

Try to be helpful and always follow the policy. Always make sure you generate valid JSON only.`
)

// Tau2SystemPrompt is the system prompt of tau2's LLMAgent for a policy.
func Tau2SystemPrompt(policy string) string {
	return "<instructions>\n" + tau2AgentInstruction + "\n</instructions>\n<policy>\n" + policy + "\n</policy>"
}

// tau2 termination reasons (TerminationReason).
const (
	reasonUserStop      = "user_stop"
	reasonAgentStop     = "agent_stop"
	reasonMaxSteps      = "max_steps"
	reasonTooManyErrors = "too_many_errors"
	reasonAgentError    = "agent_error"
	reasonUserError     = "user_error"
)

// turnRecorder is implemented by users that act between their messages
// (tau2's users with tools): the messages of their last turn, tool calls
// and results, to put in the shared trajectory.
type turnRecorder interface {
	TurnMessages() []model.Message
}

// runTau2 runs one tau2 simulation as the half-duplex Orchestrator does:
// the agent opens with Tau2FirstMessage; the user answers (its own tool
// calls run on the env as requestor user); each agent message either calls
// tools, all run in order on the env, or speaks to the user; the
// simulation ends when the user's message holds a stop token, after
// maxSteps orchestrator steps, or after maxErrors tool errors. Every
// orchestrator step counts as the reference counts it: a message of the
// agent or the user is one step, and the env's answer to a tool-calling
// message another.
func runTau2(ctx context.Context, cfg episode.Config, e tau2.Env, m model.Model, settings model.Request, maxSteps, maxErrors int) *trajectory.Trajectory {
	r := newRecorder(cfg)
	if cfg.Task.System != "" {
		r.add(model.System(cfg.Task.System), true)
	}
	r.turn = 0
	r.tstart, r.first = r.start, 0
	r.add(model.Assistant(Tau2FirstMessage), true)
	steps, errs := 0, 0
	limit := func() (string, bool) {
		switch {
		case steps >= maxSteps:
			return reasonMaxSteps, true
		case errs >= maxErrors:
			return reasonTooManyErrors, true
		}
		return "", false
	}
	ended := func(reason string) *trajectory.Trajectory {
		status := trajectory.StatusCompleted
		var terr *trajectory.Error
		switch reason {
		case reasonMaxSteps, reasonTooManyErrors:
			status = trajectory.StatusBudget
			terr = &trajectory.Error{Kind: "budget", Message: fmt.Sprintf("%s after %d steps and %d tool errors", reason, steps, errs)}
		}
		return r.finish(status, reason, terr)
	}
	tools := e.Tools()
	ctx = model.WithCallInfo(ctx, model.CallInfo{TaskID: cfg.Task.ID, EpisodeID: r.tr.ID})
	for {
		// The user's move.
		if err := ctx.Err(); err != nil {
			return r.failure(ctx, "canceled", err)
		}
		text, done, err := cfg.User.Next(ctx, r.history)
		if tr, ok := cfg.User.(turnRecorder); ok {
			for _, um := range tr.TurnMessages() {
				tm := r.add(um, false)
				tm.Requestor = string(tau2.User)
				if um.Role == model.RoleTool {
					steps++ // the env's answer
					if isToolError(um) {
						errs++
					}
				} else {
					steps++ // the user's tool-calling message
				}
			}
		}
		if err != nil {
			return r.failure(ctx, "user", err)
		}
		steps++
		if done || hasUserStop(text) {
			if text != "" {
				r.userSays(text)
			}
			return ended(reasonUserStop)
		}
		r.userSays(text)
		if reason, stop := limit(); stop {
			return ended(reason)
		}
		// The agent's moves until it speaks to the user.
		for {
			if err := ctx.Err(); err != nil {
				return r.failure(ctx, "canceled", err)
			}
			req := settings
			req.Messages, req.Tools = r.history, tools
			resp, err := m.Generate(model.WithCallInfo(ctx, model.CallInfo{TaskID: cfg.Task.ID, EpisodeID: r.tr.ID, Turn: r.turn}), &req)
			if err != nil {
				return r.failure(ctx, "model", err)
			}
			msg := resp.Message
			if len(msg.ToolCalls) == 0 && strings.TrimSpace(msg.Text()) == "" {
				r.assistant(resp)
				return r.finish(trajectory.StatusCompleted, reasonAgentError, &trajectory.Error{Kind: "agent", Message: "the agent sent an empty message (tau2 ends the simulation)"})
			}
			r.assistant(resp)
			steps++
			if len(msg.ToolCalls) == 0 {
				r.emit(episode.Event{Kind: episode.StepEnd, Turn: r.turn})
				if reason, stop := limit(); stop {
					return ended(reason)
				}
				break
			}
			for _, call := range msg.ToolCalls {
				if !json.Valid([]byte(orEmptyObject(call.Arguments))) {
					return r.finish(trajectory.StatusCompleted, reasonAgentError, &trajectory.Error{
						Kind: "agent", Message: fmt.Sprintf("the arguments of %s are not valid JSON (tau2 ends the simulation)", call.Name),
					})
				}
			}
			for _, call := range msg.ToolCalls {
				res := e.CallAs(ctx, tau2.Assistant, call)
				tm := r.add(model.ToolMessage(res), true)
				tm.Latency, tm.ToolError, tm.Requestor = res.Duration, res.Error, string(tau2.Assistant)
				if res.Error != nil {
					errs++
				}
			}
			steps++
			r.emit(episode.Event{Kind: episode.StepEnd, Turn: r.turn})
			if reason, stop := limit(); stop {
				return ended(reason)
			}
		}
	}
}

// User stop tokens (user_simulator_base.py).
var userStopTokens = []string{"###STOP###", "###TRANSFER###", "###OUT-OF-SCOPE###"}

func hasUserStop(text string) bool {
	for _, t := range userStopTokens {
		if strings.Contains(text, t) {
			return true
		}
	}
	return false
}

// isToolError reports whether a tool message carries an error; users with
// tools mark them in Extra["error"] or through an "Error: " text.
func isToolError(m model.Message) bool {
	if v, ok := m.Extra["error"]; ok {
		return string(v) == "true"
	}
	return strings.HasPrefix(m.Text(), "Error: ")
}
