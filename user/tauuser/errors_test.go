package tauuser_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/user"
	"github.com/toolgym/toolgym/user/tauuser"
)

// newUsers builds one user of each kind and strategy over client.
func newUsers(t *testing.T, client model.Model, tools tauuser.Tools) map[string]user.User {
	t.Helper()
	us := map[string]user.User{}
	for _, s := range []tauuser.Strategy{tauuser.StrategyLLM, tauuser.StrategyReact, tauuser.StrategyVerify, tauuser.StrategyReflection} {
		u, err := tauuser.NewTauBench(tauuser.TauBenchConfig{Model: client, Instruction: "i", Strategy: s})
		if err != nil {
			t.Fatal(err)
		}
		us["v1 "+string(s)] = u
	}
	u, err := tauuser.NewTau2(tauuser.Tau2Config{Model: client, Instructions: "i", Guidelines: testGuidelines, Tools: tools})
	if err != nil {
		t.Fatal(err)
	}
	us["tau2"] = u
	return us
}

func TestModelErrorsPropagate(t *testing.T) {
	faults := []struct {
		name  string
		reply scripted.Reply
		is    error
	}{
		{"server error", scripted.HTTPError(500, ""), model.ErrServer},
		{"bad request", scripted.HTTPError(400, ""), model.ErrBadRequest},
		{"rate limited", scripted.RateLimited("0"), model.ErrRateLimited},
		{"malformed", scripted.Malformed(), model.ErrMalformedResponse},
		{"dropped", scripted.Drop(), model.ErrConnection},
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			// Every user's first model call meets the fault.
			_, client := serve(t, scripted.SourceFunc(func(*openai.ChatRequest, int) scripted.Reply { return f.reply }))
			for name, u := range newUsers(t, client, nil) {
				msg, done, err := u.Next(context.Background(), nil)
				if !errors.Is(err, f.is) || done || msg != "" {
					t.Errorf("%s: %q done=%v err=%v, want an error matching %v", name, msg, done, err, f.is)
				}
				// The user cannot go on after a failure.
				if _, _, err := u.Next(context.Background(), nil); !errors.Is(err, tauuser.ErrFailed) || !errors.Is(err, f.is) {
					t.Errorf("%s: second call: %v, want ErrFailed wrapping the cause", name, err)
				}
			}
		})
	}
}

// A failure on a later call of a strategy (a supervisor call, a reflection
// or the user's tool loop) is returned as well.
func TestLaterCallErrors(t *testing.T) {
	tests := []struct {
		name    string
		cfg     tauuser.TauBenchConfig
		replies []scripted.Reply
		is      error
	}{
		{"verify supervisor", tauuser.TauBenchConfig{Strategy: tauuser.StrategyVerify}, []scripted.Reply{scripted.Text("hi"), scripted.HTTPError(503, "")}, model.ErrServer},
		{"reflection reflect", tauuser.TauBenchConfig{Strategy: tauuser.StrategyReflection}, []scripted.Reply{scripted.Text("hi"), scripted.Text("false"), scripted.HTTPError(500, "")}, model.ErrServer},
		{"reflection second reply", tauuser.TauBenchConfig{Strategy: tauuser.StrategyReflection}, []scripted.Reply{scripted.Text("hi"), scripted.Text("false"), scripted.Text("Reflection: r\nResponse: hello"), scripted.Drop()}, model.ErrConnection},
		{"reflect without Response:", tauuser.TauBenchConfig{Strategy: tauuser.StrategyReflection}, []scripted.Reply{scripted.Text("hi"), scripted.Text("false"), scripted.Text("I reflect.")}, tauuser.ErrFormat},
		{"reflect with two Response:", tauuser.TauBenchConfig{Strategy: tauuser.StrategyReflection}, []scripted.Reply{scripted.Text("hi"), scripted.Text("false"), scripted.Text("Response: a Response: b")}, tauuser.ErrFormat},
		{"react without labels", tauuser.TauBenchConfig{Strategy: tauuser.StrategyReact}, []scripted.Reply{scripted.Text("Hello there")}, tauuser.ErrFormat},
		{"react with two thoughts", tauuser.TauBenchConfig{Strategy: tauuser.StrategyReact}, []scripted.Reply{scripted.Text("Thought: a\nThought: b")}, tauuser.ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, client := serve(t, scripted.Script(tt.replies...))
			tt.cfg.Model, tt.cfg.Instruction = client, "i"
			u, err := tauuser.NewTauBench(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if _, done, err := u.Next(context.Background(), nil); !errors.Is(err, tt.is) || done {
				t.Errorf("done=%v err=%v, want %v", done, err, tt.is)
			}
		})
	}
}

func TestTau2Errors(t *testing.T) {
	tests := []struct {
		name    string
		replies []scripted.Reply
		is      error
	}{
		{"empty message", []scripted.Reply{scripted.Text(" \n ")}, tauuser.ErrEmptyMessage},
		{"arguments not JSON", []scripted.Reply{toolReply("", rawCall("u1", "check_status_bar", `{"a":`))}, tauuser.ErrToolArguments},
		{"error in the tool loop", []scripted.Reply{toolReply("", rawCall("u1", "check_status_bar", `{}`)), scripted.HTTPError(500, "")}, model.ErrServer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, client := serve(t, scripted.Script(tt.replies...))
			u, err := tauuser.NewTau2(tauuser.Tau2Config{Model: client, Instructions: "i", Guidelines: testGuidelines, Tools: newDeviceTools()})
			if err != nil {
				t.Fatal(err)
			}
			if _, done, err := u.Next(context.Background(), nil); !errors.Is(err, tt.is) || done {
				t.Errorf("done=%v err=%v, want %v", done, err, tt.is)
			}
		})
	}
}

func TestNoAgentMessage(t *testing.T) {
	_, client := serve(t, scripted.Script(scripted.Text("hello"), scripted.Text("hello")))
	call := tool.Call{ID: "a1", Name: "lookup", Arguments: "{}"}
	histories := map[string][]model.Message{
		"ends on a tool call":   {model.User("hello"), model.Assistant("", call)},
		"ends on a tool result": {model.User("hello"), model.Assistant("", call), model.ToolMessage(tool.OK(call, tool.Text("x")))},
		"no reply yet":          {model.User("hello")},
		"empty":                 nil,
	}
	v1, _ := tauuser.NewTauBench(tauuser.TauBenchConfig{Model: client, Instruction: "i"})
	t2, _ := tauuser.NewTau2(tauuser.Tau2Config{Model: client, Instructions: "i", Guidelines: testGuidelines})
	for name, u := range map[string]user.User{"v1": v1, "tau2": t2} {
		if _, _, err := u.Next(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		for hn, h := range histories {
			if _, _, err := u.Next(context.Background(), h); !errors.Is(err, tauuser.ErrNoAgentMessage) {
				t.Errorf("%s, %s: %v, want ErrNoAgentMessage", name, hn, err)
			}
		}
	}
}

func TestCancellation(t *testing.T) {
	t.Run("before the call", func(t *testing.T) {
		srv, client := serve(t, scripted.Script(scripted.Text("hello")))
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		for name, u := range newUsers(t, client, nil) {
			if _, _, err := u.Next(ctx, nil); !errors.Is(err, context.Canceled) {
				t.Errorf("%s: %v, want context.Canceled", name, err)
			}
		}
		if srv.Count() != 0 {
			t.Errorf("%d requests sent on a canceled context", srv.Count())
		}
	})
	t.Run("during the model call", func(t *testing.T) {
		_, client := serve(t, scripted.SourceFunc(func(*openai.ChatRequest, int) scripted.Reply {
			return scripted.Text("late").After(10 * time.Second)
		}))
		for name, u := range newUsers(t, client, nil) {
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			start := time.Now()
			_, _, err := u.Next(ctx, nil)
			cancel()
			if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
				t.Errorf("%s: %v after %v, want a prompt context.DeadlineExceeded", name, err, time.Since(start))
			}
		}
	})
	t.Run("during the user's tool call", func(t *testing.T) {
		srv, client := serve(t, scripted.Script(toolReply("", rawCall("u1", "check_status_bar", `{}`), rawCall("u2", "toggle_airplane_mode", `{}`)), scripted.Text("never")))
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		tools := &cancelingTools{deviceTools: newDeviceTools(), cancel: cancel}
		u, err := tauuser.NewTau2(tauuser.Tau2Config{Model: client, Instructions: "i", Guidelines: testGuidelines, Tools: tools})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := u.Next(ctx, nil); !errors.Is(err, context.Canceled) {
			t.Errorf("%v, want context.Canceled", err)
		}
		if n := tools.n.Load(); n != 1 || srv.Count() != 1 {
			t.Errorf("%d tool calls and %d requests after cancellation, want 1 and 1", n, srv.Count())
		}
	})
}

// cancelingTools cancels the episode's context during its first call.
type cancelingTools struct {
	*deviceTools
	cancel context.CancelFunc
	n      atomic.Int32
}

func (c *cancelingTools) CallUser(ctx context.Context, call tool.Call) tool.Result {
	c.n.Add(1)
	c.cancel()
	if ctx.Err() == nil {
		panic("the call does not get the episode's context")
	}
	return c.deviceTools.CallUser(ctx, call)
}

func TestTau2Budget(t *testing.T) {
	loop := func(id string) scripted.Reply { return toolReply("", rawCall(id, "check_status_bar", `{}`)) }
	failing := func(id string) scripted.Reply { return toolReply("", rawCall(id, "nope", `{}`)) }
	tests := []struct {
		name      string
		budget    *tauuser.Budget
		replies   []scripted.Reply
		want      tauuser.StopReason
		wantCalls int
		wantSteps int
	}{
		// Each round is two steps (the call message and its results); the
		// check comes after the results.
		{"max steps", &tauuser.Budget{MaxSteps: 5, MaxErrors: 10}, []scripted.Reply{loop("u1"), loop("u1"), loop("u1"), loop("u1")}, tauuser.StopMaxSteps, 3, 6},
		{"steps already spent by the agent", &tauuser.Budget{MaxSteps: 10, Steps: 8}, []scripted.Reply{loop("u1"), loop("u1")}, tauuser.StopMaxSteps, 1, 10},
		{"too many errors", &tauuser.Budget{MaxSteps: 100, MaxErrors: 2}, []scripted.Reply{failing("x1"), failing("x2"), failing("x3")}, tauuser.StopTooManyErrors, 2, 4},
		// Both limits met at once: too many errors wins, as in the reference.
		{"both", &tauuser.Budget{MaxSteps: 2, MaxErrors: 1}, []scripted.Reply{failing("x1"), loop("u1")}, tauuser.StopTooManyErrors, 1, 2},
		{"within limits", &tauuser.Budget{MaxSteps: 5, MaxErrors: 5}, []scripted.Reply{loop("u1"), scripted.Text("done")}, tauuser.Running, 2, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, client := serve(t, scripted.Script(tt.replies...))
			u, err := tauuser.NewTau2(tauuser.Tau2Config{Model: client, Instructions: "i", Guidelines: testGuidelines, Tools: newDeviceTools(), Budget: tt.budget})
			if err != nil {
				t.Fatal(err)
			}
			msg, done, err := u.Next(context.Background(), nil)
			if err != nil || done != (tt.want != tauuser.Running) || u.StopReason() != tt.want {
				t.Fatalf("%q done=%v err=%v reason %q, want %q", msg, done, err, u.StopReason(), tt.want)
			}
			if srv.Count() != tt.wantCalls || tt.budget.Steps != tt.wantSteps {
				t.Errorf("%d model calls, %d steps; want %d, %d", srv.Count(), tt.budget.Steps, tt.wantCalls, tt.wantSteps)
			}
			if got := len(u.TurnMessages()); got != 2*(tt.wantCalls-boolToInt(tt.want == tauuser.Running)) {
				t.Errorf("%d turn messages", got)
			}
		})
	}
}

func boolToInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A tool-call message is never a stop, even with a stop token in its text.
func TestTau2StopTokenWithToolCall(t *testing.T) {
	_, client := serve(t, scripted.Script(toolReply("###STOP###", rawCall("u1", "check_status_bar", `{}`)), scripted.Text("The bar shows no signal.")))
	u, err := tauuser.NewTau2(tauuser.Tau2Config{Model: client, Instructions: "i", Guidelines: testGuidelines, Tools: newDeviceTools()})
	if err != nil {
		t.Fatal(err)
	}
	msg, done, err := u.Next(context.Background(), nil)
	if err != nil || done || msg != "The bar shows no signal." || u.StopReason() != tauuser.Running {
		t.Errorf("%q done=%v err=%v reason=%q", msg, done, err, u.StopReason())
	}
}

func TestConfigErrors(t *testing.T) {
	_, client := serve(t, scripted.Script())
	if _, err := tauuser.NewTauBench(tauuser.TauBenchConfig{Instruction: "i"}); err == nil {
		t.Error("TauBench without a model accepted")
	}
	if _, err := tauuser.NewTauBench(tauuser.TauBenchConfig{Model: client, Strategy: "human"}); err == nil {
		t.Error("unknown strategy accepted")
	}
	if _, err := tauuser.NewTau2(tauuser.Tau2Config{Guidelines: testGuidelines}); err == nil {
		t.Error("Tau2 without a model accepted")
	}
	if _, err := tauuser.NewTau2(tauuser.Tau2Config{Model: client}); err == nil {
		t.Error("Tau2 without guidelines accepted")
	}
}
