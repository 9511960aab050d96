package tau

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/toolgym/toolgym/env/taubench"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/trajectory"
)

// V1MaxSteps is the reference's max_num_steps: model calls per episode,
// replies to the user included (tau_bench/run.py and
// ToolCallingAgent.solve).
const V1MaxSteps = 30

// stopToken ends a conversation when the simulated user says it.
const stopToken = "###STOP###"

// Termination reasons recorded in a trajectory's Meta, in the words of
// tau2's TerminationReason where the two references share the notion.
const (
	endUserStop  = "user_stop"
	endTransfer  = "transfer"
	endMaxSteps  = "max_steps"
	endBadAction = "agent_error"
)

// runV1 runs one tau-bench episode the way ToolCallingAgent.solve drives
// Env.step: the policy as system prompt, the simulated user's first
// message, then up to maxSteps model calls. A reply with tool calls runs
// only its first call (the others are dropped from the history, as the
// reference drops them); a terminating tool (transfer_to_human_agents)
// ends the episode after it runs; a reply without tool calls goes to the
// user, whose answer ends the episode when it contains ###STOP###. An
// episode that runs out of steps is not done, and the reference gives it
// reward 0.
func runV1(ctx context.Context, cfg episode.Config, m model.Model, settings model.Request, terminate map[string]bool, maxSteps int) *trajectory.Trajectory {
	r := newRecorder(cfg)
	if cfg.Task.System != "" {
		r.add(model.System(cfg.Task.System), true)
	}
	ctx = model.WithCallInfo(ctx, model.CallInfo{TaskID: cfg.Task.ID, EpisodeID: r.tr.ID})
	text, done, err := cfg.User.Next(ctx, r.history)
	if err != nil {
		return r.failure(ctx, "user", err)
	}
	if done {
		return r.finish(trajectory.StatusCompleted, endUserStop, nil)
	}
	r.userSays(text)
	tools := cfg.Env.Tools()
	for step := 0; step < maxSteps; step++ {
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
		if len(msg.ToolCalls) > 0 {
			msg.ToolCalls = msg.ToolCalls[:1]
			resp.Message = msg
			r.assistant(resp)
			call := msg.ToolCalls[0]
			if !json.Valid([]byte(orEmptyObject(call.Arguments))) {
				// json.loads raises in message_to_action, and run.py
				// records the task with reward 0.
				return r.finish(trajectory.StatusErrored, endBadAction, &trajectory.Error{
					Kind: "agent", Message: fmt.Sprintf("the arguments of %s are not valid JSON; tau-bench ends the episode here", call.Name),
				})
			}
			if call.Name == respondAction {
				// Env.step takes a call named "respond" for a reply to the
				// user: its content goes to the user, and no tool answers
				// the call.
				var args map[string]any
				content, ok := "", false
				if json.Unmarshal([]byte(orEmptyObject(call.Arguments)), &args) == nil {
					content, ok = args["content"].(string)
				}
				if !ok {
					return r.finish(trajectory.StatusErrored, endBadAction, &trajectory.Error{
						Kind: "agent", Message: "a respond call without a string content; tau-bench fails the episode here (KeyError)",
					})
				}
				if done, err := r.v1UserTurn(ctx, content); err != nil || done {
					if err != nil {
						return r.failure(ctx, "user", err)
					}
					return r.finish(trajectory.StatusCompleted, endUserStop, nil)
				}
				continue
			}
			res := cfg.Env.Call(ctx, call)
			if res.Error != nil && res.Error.Kind == taubench.KindNoObservation {
				// The reference's Env.step fails validating a tool that
				// returned None, and the run records the task as failed.
				return r.finish(trajectory.StatusErrored, endBadAction, &trajectory.Error{Kind: "env", Message: res.Error.Message})
			}
			tm := r.add(model.ToolMessage(res), true)
			tm.Latency, tm.ToolError = res.Duration, res.Error
			r.emit(episode.Event{Kind: episode.StepEnd, Turn: r.turn})
			if terminate[call.Name] {
				return r.finish(trajectory.StatusCompleted, endTransfer, nil)
			}
			continue
		}
		r.assistant(resp)
		r.emit(episode.Event{Kind: episode.StepEnd, Turn: r.turn})
		if done, err := r.v1UserTurn(ctx, ""); err != nil || done {
			if err != nil {
				return r.failure(ctx, "user", err)
			}
			return r.finish(trajectory.StatusCompleted, endUserStop, nil)
		}
	}
	return r.finish(trajectory.StatusBudget, endMaxSteps, &trajectory.Error{
		Kind: "budget", Message: fmt.Sprintf("the episode ran out of its %d steps before the user stopped (reward 0, as in tau-bench)", maxSteps),
	})
}

// v1UserTurn gives the agent's reply to the user and records the user's
// answer; it reports whether the user ended the conversation.
//
// reply, when not empty, is a reply the agent made through a "respond"
// tool call: the user reads it as the agent's last message.
func (r *recorder) v1UserTurn(ctx context.Context, reply string) (bool, error) {
	history := r.history
	if reply != "" {
		history = append(slices.Clip(history), model.Assistant(reply))
	}
	text, done, err := r.cfg.User.Next(ctx, history)
	if err != nil {
		return false, err
	}
	if done || strings.Contains(text, stopToken) {
		if lm, ok := r.cfg.User.(lastMessager); ok && text == "" {
			text = lm.LastMessage() // the stop message, kept by LLM users
		}
		if text != "" {
			r.userSays(text)
		}
		return true, nil
	}
	r.userSays(text)
	return false, nil
}

// lastMessager is implemented by users that keep the message they ended
// the conversation with (tauuser's users), which Next does not return.
type lastMessager interface {
	LastMessage() string
}

// orEmptyObject maps empty arguments to {} (servers send "" for no
// arguments).
func orEmptyObject(s string) string {
	if strings.TrimSpace(s) == "" {
		return "{}"
	}
	return s
}
