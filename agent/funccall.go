package agent

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// DefaultMaxSteps is the per-turn step budget when none is set.
const DefaultMaxSteps = 20

// FunctionCalling is the native function-calling strategy: the model gets
// the env's tools in every request and answers with tool calls; all calls
// of one message run concurrently and their results return in call order.
// A FunctionCalling value holds no per-episode state: one value may serve
// any number of concurrent episodes.
type FunctionCalling struct {
	// Model answers the requests.
	Model model.Model
	// MaxSteps bounds model calls per user turn (DefaultMaxSteps if 0).
	MaxSteps int
	// Settings are copied into every request: sampling, tool choice,
	// parallel tool calls, streaming, extra fields. Its Messages and
	// Tools are ignored.
	Settings model.Request
	// ToolTimeout bounds each tool call (none if 0); a call that runs past
	// it gives a timeout error observation.
	ToolTimeout time.Duration
}

// Respond implements Agent.
func (a *FunctionCalling) Respond(ctx context.Context, history []model.Message, tools Tools, onStep func(Step)) (Reply, error) {
	maxSteps := a.MaxSteps
	if maxSteps <= 0 {
		maxSteps = DefaultMaxSteps
	}
	m := a.Model
	if ad, ok := tools.(ModelAdapter); ok {
		m = ad.AdaptModel(m)
	}
	decoder, _ := tools.(CallDecoder)
	specs := tools.Tools()
	names := make(map[string]bool, len(specs))
	for _, s := range specs {
		names[s.Name] = true
	}
	msgs := make([]model.Message, len(history), len(history)+4*maxSteps)
	copy(msgs, history)

	var reply Reply
	for i := 1; i <= maxSteps; i++ {
		start := time.Now()
		req := a.Settings
		req.Messages = msgs
		req.Tools = specs
		resp, err := m.Generate(ctx, &req)
		if err != nil {
			reply.EndReason = EndError
			return reply, fmt.Errorf("agent step %d: %w", i, err)
		}
		if resp.Message.Role == "" {
			resp.Message.Role = model.RoleAssistant
		}
		assignCallIDs(resp.Message.ToolCalls, i)
		step := Step{Index: i, Response: resp, Start: start}
		if len(resp.Message.ToolCalls) > 0 && decoder != nil && !decoder.DecodesCalls(resp.Message.ToolCalls) {
			reply.Steps = append(reply.Steps, step)
			if onStep != nil {
				onStep(step)
			}
			reply.EndReason = EndUndecodable
			return reply, nil
		}
		if len(resp.Message.ToolCalls) > 0 {
			step.Results = a.runCalls(ctx, tools, names, resp.Message.ToolCalls)
		}
		reply.Steps = append(reply.Steps, step)
		if onStep != nil {
			onStep(step)
		}
		if len(resp.Message.ToolCalls) == 0 {
			reply.EndReason = EndReply
			return reply, nil
		}
		msgs = append(msgs, step.Messages()...)
	}
	reply.EndReason = EndMaxSteps
	return reply, nil
}

// assignCallIDs gives every call a non-empty id unique within the message,
// as tool messages must name the call they answer.
func assignCallIDs(calls []tool.Call, step int) {
	seen := make(map[string]bool, len(calls))
	for i := range calls {
		if calls[i].ID == "" || seen[calls[i].ID] {
			calls[i].ID = fmt.Sprintf("call_s%d_%d", step, i)
		}
		seen[calls[i].ID] = true
	}
}

// Sequential is implemented by envs whose calls must run one after the
// other in the order the model wrote them, as a reference harness runs
// them (BFCL); agents then run the calls of one message in order.
type Sequential interface {
	SequentialCalls() bool
}

// ModelAdapter is implemented by envs whose reference harness talks to
// models in a way of its own (BFCL's prompting mode: the function docs in
// the system prompt, calls read from the reply's text, results sent back
// as one user message). Agents ask the model AdaptModel returns, given
// their own, for every step of a turn on that env.
type ModelAdapter interface {
	AdaptModel(m model.Model) model.Model
}

// CallDecoder is implemented by envs whose reference harness decodes the
// calls of a reply as a whole before it runs any (BFCL's function-calling
// handlers: every call's arguments must be a JSON object). When
// DecodesCalls reports false the agent runs none of them and the turn ends
// there, with the reply kept and EndReason EndUndecodable.
type CallDecoder interface {
	DecodesCalls(calls []tool.Call) bool
}

// runCalls runs calls concurrently (in order for a Sequential env) and
// returns their results in call order.
func (a *FunctionCalling) runCalls(ctx context.Context, tools Tools, names map[string]bool, calls []tool.Call) []tool.Result {
	results := make([]tool.Result, len(calls))
	if s, ok := tools.(Sequential); len(calls) == 1 || (ok && s.SequentialCalls()) {
		for i, c := range calls {
			results[i] = a.runCall(ctx, tools, names, c)
		}
		return results
	}
	var wg sync.WaitGroup
	for i, c := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = a.runCall(ctx, tools, names, c)
		}()
	}
	wg.Wait()
	return results
}

// SelfChecking is implemented by envs that answer every call themselves,
// unknown tools and malformed arguments included, with the observations a
// reference harness gives (BFCL's "Error during execution: ..."); agents
// then hand them every call unchecked.
type SelfChecking interface {
	ChecksCalls() bool
}

// runCall checks the call's tool name and JSON before handing it to the
// env (which validates the arguments against the schema), unless the env
// is SelfChecking; it bounds the call by ToolTimeout and turns a panic
// into an error observation.
func (a *FunctionCalling) runCall(ctx context.Context, tools Tools, names map[string]bool, call tool.Call) (res tool.Result) {
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			res = tool.Fail(call, tool.KindFailed, "tool %s crashed: %v", call.Name, p)
		}
		if res.Duration == 0 {
			res.Duration = time.Since(start)
		}
		res.CallID, res.Name = call.ID, call.Name
	}()
	if sc, ok := tools.(SelfChecking); !ok || !sc.ChecksCalls() {
		if !names[call.Name] {
			return tool.FailWith(call, tool.UnknownTool(call.Name, tools.Tools()))
		}
		if _, err := call.Args(); err != nil {
			return tool.FailWith(call, err)
		}
	}
	if a.ToolTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, a.ToolTimeout)
		defer cancel()
	}
	return tools.Call(ctx, call)
}
