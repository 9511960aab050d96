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
	"github.com/toolgym/toolgym/user/tauuser"
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
	reasonMaxSteps      = "max_steps"
	reasonTooManyErrors = "too_many_errors"
	reasonAgentError    = "agent_error"
)

// turnRecorder is implemented by users that act between their messages
// (tau2's users with tools): the messages of their last turn, tool calls
// and results, to put in the shared trajectory.
type turnRecorder interface {
	TurnMessages() []model.Message
}

// budgeted is implemented by users that count their own steps and tool
// errors into the simulation's budget (tauuser.Tau2 wrapped by this
// suite); other users' messages are counted by the orchestrator.
type budgeted interface {
	budget() *tauuser.Budget
	stopReason() tauuser.StopReason
	lastMessage() string
}

// runTau2 runs one tau2 simulation as the half-duplex Orchestrator does:
// the agent opens with Tau2FirstMessage; the user answers (its own tool
// calls run on the env as requestor user); each agent message either calls
// tools, all run in order on the env, or speaks to the user; the
// simulation ends when the user's message holds a stop token, or when the
// budget (maxSteps orchestrator steps, maxErrors tool errors) runs out.
// Steps count as the reference counts them: every message of the agent or
// the user is one step, and every batch of tool results another.
//
// A task with a message history starts from it instead of the greeting
// (its tool calls already ran when the env took the task's initial state);
// whoever the last message of the history is for speaks first.
func runTau2(ctx context.Context, cfg episode.Config, e tau2.Env, m model.Model, settings model.Request, seed []SeedMessage, maxSteps, maxErrors int) *trajectory.Trajectory {
	r := newRecorder(cfg)
	if cfg.Task.System != "" {
		r.add(model.System(cfg.Task.System), true)
	}
	r.turn = 0
	r.tstart, r.first = r.start, 0
	agentFirst := false
	if len(seed) == 0 {
		r.add(model.Assistant(Tau2FirstMessage), true)
	}
	for _, sm := range seed {
		userOwn := sm.Requestor == tau2.User && (sm.Message.Role == model.RoleTool || len(sm.Message.ToolCalls) > 0)
		tm := r.add(sm.Message, !userOwn)
		if sm.Message.Role == model.RoleTool || len(sm.Message.ToolCalls) > 0 {
			tm.Requestor = string(sm.Requestor)
		}
		switch {
		case sm.Message.Role == model.RoleAssistant && len(sm.Message.ToolCalls) == 0:
			agentFirst = false
		case userOwn:
			agentFirst = false
		default:
			agentFirst = true
		}
	}
	b := &tauuser.Budget{MaxSteps: maxSteps, MaxErrors: maxErrors}
	bu, userCounts := cfg.User.(budgeted)
	if userCounts {
		b = bu.budget()
	}
	ended := func(reason string) *trajectory.Trajectory {
		status := trajectory.StatusCompleted
		var terr *trajectory.Error
		switch reason {
		case reasonMaxSteps, reasonTooManyErrors:
			status = trajectory.StatusBudget
			terr = &trajectory.Error{Kind: "budget", Message: fmt.Sprintf("%s after %d steps and %d tool errors", reason, b.Steps, b.Errors)}
		}
		return r.finish(status, reason, terr)
	}
	exceeded := func() (string, bool) {
		switch b.Exceeded() {
		case tauuser.StopMaxSteps:
			return reasonMaxSteps, true
		case tauuser.StopTooManyErrors:
			return reasonTooManyErrors, true
		}
		return "", false
	}
	tools := r.tr.Tools // the specs the trajectory records, e.Tools() at the start
	ctx = model.WithCallInfo(ctx, model.CallInfo{TaskID: cfg.Task.ID, EpisodeID: r.tr.ID})
	// The agent's calls carry the turn; one context per turn.
	turnCtx, ctxTurn := ctx, -1
	for {
		// The user's move, unless a stored history hands the first move
		// to the agent.
		if !agentFirst {
			if err := ctx.Err(); err != nil {
				return r.failure(ctx, "canceled", err)
			}
			text, done, err := cfg.User.Next(ctx, r.history)
			if tr, ok := cfg.User.(turnRecorder); ok {
				for _, um := range tr.TurnMessages() {
					terr := tauuser.ToolErrorOf(um)
					um.Extra = nil
					tm := r.add(um, false)
					tm.Requestor, tm.ToolError = string(tau2.User), terr
					if !userCounts {
						// The user's tool-calling message is a step, and so
						// is the result answering its one call.
						b.Steps++
						if terr != nil {
							b.Errors++
						}
					}
				}
			}
			if err != nil {
				return r.failure(ctx, "user", err)
			}
			if userCounts {
				switch bu.stopReason() {
				case tauuser.StopMaxSteps:
					return ended(reasonMaxSteps)
				case tauuser.StopTooManyErrors:
					return ended(reasonTooManyErrors)
				case tauuser.Running:
				default:
					r.userSays(bu.lastMessage())
					return ended(reasonUserStop)
				}
			} else {
				b.Steps++
				if done || hasUserStop(text) {
					if text != "" {
						r.userSays(text)
					}
					return ended(reasonUserStop)
				}
			}
			if done {
				return ended(reasonUserStop)
			}
			r.userSays(text)
			if reason, stop := exceeded(); stop {
				return ended(reason)
			}
		}
		agentFirst = false
		// The agent's moves until it speaks to the user.
		for {
			if err := ctx.Err(); err != nil {
				return r.failure(ctx, "canceled", err)
			}
			req := settings
			req.Messages, req.Tools = r.history, tools
			if ctxTurn != r.turn {
				turnCtx, ctxTurn = model.WithCallInfo(ctx, model.CallInfo{TaskID: cfg.Task.ID, EpisodeID: r.tr.ID, Turn: r.turn}), r.turn
			}
			resp, err := m.Generate(turnCtx, &req)
			if err != nil {
				return r.failure(ctx, "model", err)
			}
			msg := resp.Message
			r.assistant(resp)
			if len(msg.ToolCalls) == 0 && strings.TrimSpace(msg.Text()) == "" {
				return r.finish(trajectory.StatusCompleted, reasonAgentError, &trajectory.Error{Kind: "agent", Message: "the agent sent an empty message (tau2 ends the simulation)"})
			}
			b.Steps++
			if len(msg.ToolCalls) == 0 {
				r.emit(episode.Event{Kind: episode.StepEnd, Turn: r.turn})
				if reason, stop := exceeded(); stop {
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
					b.Errors++
				}
			}
			b.Steps++
			r.emit(episode.Event{Kind: episode.StepEnd, Turn: r.turn})
			if reason, stop := exceeded(); stop {
				return ended(reason)
			}
		}
	}
}

// SeedMessage is a message of a task's stored history, with whose tool
// call or result it is.
type SeedMessage struct {
	Message   model.Message
	Requestor tau2.Requestor
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
