package agent_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/tool"
)

// orderEnv records the order calls finish in. The first call waits (up to
// a bound) for the second to finish, so when calls run at once the second
// always finishes first, and when they run in order the first does.
type orderEnv struct {
	mu     sync.Mutex
	order  []string
	second chan struct{}
}

func (e *orderEnv) Tools() []tool.Spec { return []tool.Spec{{Name: "step"}} }

func (e *orderEnv) Call(_ context.Context, c tool.Call) tool.Result {
	if c.Name != "step" {
		return tool.OK(c, tool.Text("Error during execution: name '"+c.Name+"' is not defined"))
	}
	if strings.Contains(c.Arguments, `"1"`) {
		select {
		case <-e.second:
		case <-time.After(300 * time.Millisecond):
		}
	} else {
		defer close(e.second)
	}
	e.mu.Lock()
	e.order = append(e.order, c.Arguments)
	e.mu.Unlock()
	return tool.OK(c, tool.Text("ok"))
}

type referenceEnv struct{ *orderEnv }

func (referenceEnv) SequentialCalls() bool { return true }
func (referenceEnv) ChecksCalls() bool     { return true }

func TestSequentialAndSelfCheckingEnvs(t *testing.T) {
	reply := scripted.Calls(
		scripted.Call("step", map[string]any{"n": "1"}),
		scripted.Call("step", map[string]any{"n": "2"}),
		scripted.Call("nope", map[string]any{}),
	)
	for _, seq := range []bool{false, true} {
		m := scripted.NewInProcess(scripted.Script(reply, scripted.Text("done")))
		a := &agent.FunctionCalling{Model: m}
		oe := &orderEnv{second: make(chan struct{})}
		var tools agent.Tools = oe
		if seq {
			tools = referenceEnv{oe}
		}
		r, err := a.Respond(context.Background(), []model.Message{model.User("go")}, tools, nil)
		if err != nil {
			t.Fatal(err)
		}
		first := oe.order[0]
		if seq && first != `{"n":"1"}` {
			t.Errorf("sequential env: calls ran in order %v", oe.order)
		}
		if !seq && first != `{"n":"2"}` {
			t.Errorf("ordinary env: the slow first call should finish last when calls run at once, got %v", oe.order)
		}
		third := r.Steps[0].Results[2]
		if seq && third.Text() != "Error during execution: name 'nope' is not defined" {
			t.Errorf("self-checking env: %q, want the env's own observation", third.Text())
		}
		if !seq && (third.Error == nil || third.Error.Kind != tool.KindUnknownTool) {
			t.Errorf("ordinary env: %+v, want the agent's unknown-tool error", third)
		}
	}
}

// decodingEnv is a reference env whose harness decodes a reply's calls as
// a whole (agent.CallDecoder) and talks to the model its own way
// (agent.ModelAdapter: it counts the requests it sees).
type decodingEnv struct {
	*orderEnv
	adapted int
}

func (*decodingEnv) SequentialCalls() bool { return true }
func (*decodingEnv) ChecksCalls() bool     { return true }
func (*decodingEnv) DecodesCalls(calls []tool.Call) bool {
	for _, c := range calls {
		if !strings.HasPrefix(c.Arguments, "{") {
			return false
		}
	}
	return true
}
func (e *decodingEnv) AdaptModel(m model.Model) model.Model {
	return modelFunc(func(ctx context.Context, req *model.Request) (*model.Response, error) {
		e.adapted++
		return m.Generate(ctx, req)
	})
}

type modelFunc func(context.Context, *model.Request) (*model.Response, error)

func (f modelFunc) Generate(ctx context.Context, req *model.Request) (*model.Response, error) {
	return f(ctx, req)
}

func TestCallDecoderEndsTurnAndModelAdapter(t *testing.T) {
	m := scripted.NewInProcess(scripted.Script(
		scripted.Calls(scripted.Call("step", map[string]any{"n": "2"})),
		scripted.Calls(scripted.Call("step", map[string]any{"n": "2"}), scripted.Call("step", `"n"`)),
		scripted.Text("never asked"),
	))
	e := &decodingEnv{orderEnv: &orderEnv{second: make(chan struct{})}}
	var steps []agent.Step
	r, err := (&agent.FunctionCalling{Model: m}).Respond(context.Background(), []model.Message{model.User("go")}, e, func(s agent.Step) { steps = append(steps, s) })
	if err != nil {
		t.Fatal(err)
	}
	if r.EndReason != agent.EndUndecodable || len(r.Steps) != 2 || len(steps) != 2 {
		t.Fatalf("end %q after %d steps (%d reported)", r.EndReason, len(r.Steps), len(steps))
	}
	last := r.Steps[1]
	if len(last.Response.Message.ToolCalls) != 2 || len(last.Results) != 0 {
		t.Errorf("undecodable step: %d calls, %d results; want its calls kept and none run", len(last.Response.Message.ToolCalls), len(last.Results))
	}
	if len(e.order) != 1 {
		t.Errorf("%d calls ran, want only the first step's", len(e.order))
	}
	if e.adapted != 2 {
		t.Errorf("the adapted model answered %d requests, want 2", e.adapted)
	}
}
