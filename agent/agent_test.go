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
