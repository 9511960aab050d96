package tau2judge

import (
	"context"
	"errors"
	"fmt"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Errors of setting an environment's state. The reference raises in each
// case, which its runner turns into a retried, then infrastructure-error,
// simulation.
var (
	// ErrReplay: a message history the replay cannot follow (a tool
	// message that answers no call, a call without its tool message, ids
	// that differ) or, in strict mode, a replayed call whose result
	// differs from the recorded one.
	ErrReplay = errors.New("tau2judge: replay failed")
	// ErrInitialState: the initialization data or an initialization
	// action failed.
	ErrInitialState = errors.New("tau2judge: initial state failed")
)

// UnsyncedCaller is implemented by domain environments that can run a
// tool call for its effect on the state alone: without the state
// synchronisation CallAs does afterwards, and without rendering a result
// (the error, if any, is the tool's failure, which the evaluator ignores
// as the reference does).
//
// The reference runs a task's gold actions with make_tool_call, which
// does not call sync_tools, and hashes the gold environment without a
// final sync; in telecom (the one domain whose sync_tools does anything)
// the gold user database therefore keeps its unsynchronised device state.
// Where the environment implements this interface the evaluator runs the
// gold actions through it and reproduces that; otherwise it uses CallAs,
// and the DB check of a telecom task may then differ from the
// reference's (its reward does not: telecom's reward basis holds
// ENV_ASSERTION only). Skipping the rendering also saves time in every
// domain.
type UnsyncedCaller interface {
	CallUnsynced(ctx context.Context, r tau2.Requestor, call tool.Call) error
}

// ApplyInitialState puts a fresh environment into t's initial state, as
// the reference's orchestrator does before a simulation: the
// initialization data, the initialization actions, then the replay of the
// message history (strict).
func ApplyInitialState(ctx context.Context, e tau2.Env, t *Task) error {
	var (
		data    *InitializationData
		actions []EnvFunctionCall
		history []Message
	)
	if s := t.InitialState; s != nil {
		data, actions, history = s.InitializationData, s.InitializationActions, s.MessageHistory
	}
	return SetState(ctx, e, data, actions, history, true)
}

// SetState is the reference's Environment.set_state: it merges the
// initialization data into the agent's and the user's databases, runs
// the initialization actions, then replays the tool calls of history.
//
// The replay pairs each call of a user or assistant message with the tool
// message that follows (same id), skips calls of tools neither toolkit
// has (the live environment answered them with an error and changed
// nothing) and calls of tools that do not mutate the state (the first
// toolkit that has the tool, the agent's, then the user's, decides), and
// runs the others through CallAs with the call's requestor. In strict
// mode a result that differs from the recorded tool message is an error
// wrapping ErrReplay; both contents are compared as json.loads values
// when they parse (so 1 equals 1.0 and key order does not matter), else
// as strings. Text messages and MultiToolMessages outside a call are
// skipped, as the reference skips them.
func SetState(ctx context.Context, e tau2.Env, data *InitializationData, actions []EnvFunctionCall, history []Message, strict bool) error {
	return setState(ctx, e, data, actions, history, strict, nil)
}

// setState is SetState with the tools' index, built from e when nil.
func setState(ctx context.Context, e tau2.Env, data *InitializationData, actions []EnvFunctionCall, history []Message, strict bool, tools map[string]tau2.ToolInfo) error {
	if data != nil {
		if data.AgentData.Dict != nil {
			if err := e.UpdateDB(tau2.Assistant, data.AgentData.Dict); err != nil {
				return fmt.Errorf("%w: agent_data: %w", ErrInitialState, err)
			}
		}
		if data.UserData.Dict != nil {
			if err := e.UpdateDB(tau2.User, data.UserData.Dict); err != nil {
				return fmt.Errorf("%w: user_data: %w", ErrInitialState, err)
			}
		}
	}
	for i := range actions {
		a := &actions[i]
		if _, err := e.Run(a.EnvType, a.FuncName, argsOrEmpty(a.Arguments)); err != nil {
			return fmt.Errorf("%w: initialization action %d (%s): %w", ErrInitialState, i, a.FuncName, err)
		}
	}
	pairs, err := callPairs(history)
	if err != nil {
		return err
	}
	if len(pairs) > 0 && tools == nil {
		tools = toolIndex(e)
	}
	for _, p := range pairs {
		if err := ctx.Err(); err != nil {
			return err
		}
		info, ok := tools[p.call.Name]
		if !ok || !info.Mutates {
			continue
		}
		call, err := p.call.Call()
		if err != nil {
			return fmt.Errorf("%w: %w", ErrReplay, err)
		}
		res := e.CallAs(ctx, p.call.requestor(), call)
		if err := ctx.Err(); err != nil {
			return err
		}
		if !strict {
			continue
		}
		if p.result.Content == nil {
			return fmt.Errorf("%w: the tool message answering %s (id %q) has no content", ErrReplay, p.call.Name, p.call.ID)
		}
		got := res.Text()
		if !sameContent(got, *p.result.Content) {
			return fmt.Errorf("%w: tool call %s (id %q, from %s) returned %q, the trajectory recorded %q",
				ErrReplay, p.call.Name, p.call.ID, p.call.requestor(), got, *p.result.Content)
		}
	}
	return nil
}

// argsOrEmpty returns d's dict, or an empty one for null.
func argsOrEmpty(d Dict) *pyval.Dict {
	if d.Dict == nil {
		return pyval.NewDict()
	}
	return d.Dict
}

// callPair is a tool call and the tool message answering it.
type callPair struct {
	call   *ToolCall
	result *Message
}

// callPairs is the reference's get_actions_from_messages.
func callPairs(history []Message) ([]callPair, error) {
	var pairs []callPair
	for i := 0; i < len(history); i++ {
		m := &history[i]
		if m.Role == model.RoleTool && !m.isMulti() {
			return nil, fmt.Errorf("%w: message %d: Tool message not expected. Tool messages should always follow a tool call.", ErrReplay, i)
		}
		if !m.IsToolCall() {
			continue
		}
		for j := range m.ToolCalls {
			tc := &m.ToolCalls[j]
			if i+1 >= len(history) {
				return nil, fmt.Errorf("%w: message %d: Tool message expected. Got None.", ErrReplay, i)
			}
			i++
			tm := &history[i]
			if tm.Role != model.RoleTool || tm.isMulti() {
				return nil, fmt.Errorf("%w: message %d: Tool message expected. Got %s.", ErrReplay, i, kindName(tm))
			}
			if tc.ID != tm.ID {
				return nil, fmt.Errorf("%w: message %d: Tool call id mismatch. Got %s and %s", ErrReplay, i, tc.ID, tm.ID)
			}
			pairs = append(pairs, callPair{tc, tm})
		}
	}
	return pairs, nil
}

// kindName names a message's class as the reference's errors do.
func kindName(m *Message) string {
	switch {
	case m.isMulti():
		return "MultiToolMessage"
	case m.Role == model.RoleSystem:
		return "SystemMessage"
	case m.Role == model.RoleUser:
		return "UserMessage"
	case m.Role == model.RoleAssistant:
		return "AssistantMessage"
	}
	return "ToolMessage"
}

// toolIndex maps each tool name to the ToolInfo that decides whether a
// replayed call mutates: the agent's toolkit first, then the user's.
func toolIndex(e tau2.Env) map[string]tau2.ToolInfo {
	agent, user := e.ToolInfo(tau2.Assistant), e.ToolInfo(tau2.User)
	m := make(map[string]tau2.ToolInfo, len(agent)+len(user))
	for _, kit := range [][]tau2.ToolInfo{user, agent} {
		for _, ti := range kit {
			m[ti.Spec.Name] = ti
		}
	}
	return m
}

// sameContent compares a replayed result with the recorded one as the
// reference does: json.loads of each when it parses, else the string.
func sameContent(got, want string) bool {
	if got == want {
		return true
	}
	return pyval.Equal(loadsOrString(got), loadsOrString(want))
}

func loadsOrString(s string) pyval.Value {
	v, err := pyval.FromJSON([]byte(s))
	if err != nil {
		return s
	}
	return v
}
