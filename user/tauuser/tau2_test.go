package tauuser_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/user/tauuser"
)

// refTau2Template is the reference's SYSTEM_PROMPT after its .strip()
// (user/user_simulator.py).
const refTau2Template = "{global_user_sim_guidelines_with_persona}\n\n<scenario>\n{instructions}\n</scenario>"

func refTau2System(guidelines, instructions string) string {
	return strings.NewReplacer("{global_user_sim_guidelines_with_persona}", guidelines, "{instructions}", instructions).Replace(refTau2Template)
}

// synthetic guidelines for the tests that do not check the real text.
var testGuidelines = &tauuser.Guidelines{Text: "plain guidelines\n", Tools: "tool guidelines\n"}

// deviceTools is a telecom-style user toolkit answering from a table.
type deviceTools struct {
	specs   []tool.Spec
	results map[string]tool.Result // by call id

	mu    sync.Mutex
	calls []tool.Call
}

func newDeviceTools() *deviceTools {
	return &deviceTools{
		specs: []tool.Spec{
			{Name: "check_status_bar", Description: "Shows the status bar.", Parameters: []byte(`{"type":"object","properties":{}}`)},
			{Name: "toggle_airplane_mode", Description: "Toggles airplane mode.", Parameters: []byte(`{"type":"object","properties":{}}`)},
			{Name: "check_network_status", Description: "Shows the network status.", Parameters: []byte(`{"type":"object","properties":{}}`)},
		},
		results: map[string]tool.Result{
			"u1": {Content: []tool.Part{tool.Text("Status Bar: no signal")}},
			"u2": {Content: []tool.Part{tool.Text("Airplane mode is now OFF.")}},
			"u3": {Error: &tool.Error{Kind: tool.KindFailed, Message: "boom"}},
		},
	}
}

func (d *deviceTools) UserTools() []tool.Spec { return d.specs }

func (d *deviceTools) CallUser(ctx context.Context, c tool.Call) tool.Result {
	d.mu.Lock()
	d.calls = append(d.calls, c)
	d.mu.Unlock()
	r, ok := d.results[c.ID]
	if !ok {
		return tool.Fail(c, tool.KindFailed, "no result scripted for %s", c.ID)
	}
	r.CallID, r.Name = c.ID, c.Name
	return r
}

func toolReply(content string, calls ...scripted.ToolCall) scripted.Reply {
	r := scripted.Calls(calls...)
	r.Content = content
	return r
}

func rawCall(id, name, args string) scripted.ToolCall {
	return scripted.ToolCall{ID: id, Name: name, Arguments: args}
}

func TestTau2Requests(t *testing.T) {
	dir := anchors(t, "user_simulator")
	g, err := tauuser.LoadGuidelines(dir)
	if err != nil {
		t.Fatal(err)
	}
	plainText, err := os.ReadFile(filepath.Join(dir, "simulation_guidelines.md"))
	if err != nil {
		t.Fatal(err)
	}
	toolsText, err := os.ReadFile(filepath.Join(dir, "simulation_guidelines_tools.md"))
	if err != nil {
		t.Fatal(err)
	}
	const plainInstr = "Persona:\n\tCalm.\nInstructions:\n\tDomain: retail\n\tTask instructions:\n\t\tReturn it."
	const toolsInstr = "Instructions:\n\tMy data is broken."
	ps := sys(refTau2System(string(plainText), plainInstr))
	ts := sys(refTau2System(string(toolsText), toolsInstr))
	es := sys(refTau2System(string(plainText), "Instructions:\n\tx"))

	t2 := []wmsg{ts, usr(greeting), asst("My mobile data isn't working."), usr("Can you check your status bar?")}
	// The user's own calls come back with the roles flipped and the
	// arguments re-rendered by json.dumps; tool messages carry no name.
	t3 := cat(t2, []wmsg{
		{Role: "assistant", ToolCalls: []wcall{{"u1", "check_status_bar", `{"verbose": true, "n": 1.0, "s": "caf\u00e9"}`}}},
		{Role: "tool", Content: str("Status Bar: no signal"), ToolCallID: "u1"},
	})
	t4 := cat(t3, []wmsg{
		{Role: "assistant", Content: str("Let me try two things."), ToolCalls: []wcall{{"u2", "toggle_airplane_mode", "{}"}, {"u3", "check_network_status", `{"a": [1, 2.5, null]}`}}},
		{Role: "tool", Content: str("Airplane mode is now OFF."), ToolCallID: "u2"},
		{Role: "tool", Content: str("Error: boom"), ToolCallID: "u3"},
	})
	t5 := cat(t4, []wmsg{asst("No signal; I turned airplane mode off."), usr("Is it fixed?")})

	tests := []struct {
		name      string
		instr     string
		tools     bool
		replies   []scripted.Reply
		agent     []string
		wantSaid  []string
		wantStop  tauuser.StopReason
		wantLast  string
		wantReqs  [][]wmsg
		wantTurn  [][]model.Message // TurnMessages after each Next
		wantSteps int
		wantErrs  int
	}{{
		name:      "plain",
		instr:     plainInstr,
		replies:   []scripted.Reply{scripted.Text("Hi, I want to return an item."), scripted.Text("Order #W1."), scripted.Text("Great, thanks. ###STOP###")},
		agent:     []string{"Which order?", "Done."},
		wantSaid:  []string{"Hi, I want to return an item.", "Order #W1."},
		wantStop:  tauuser.StopUser,
		wantLast:  "Great, thanks. ###STOP###",
		wantReqs:  [][]wmsg{{ps, usr(greeting)}, {ps, usr(greeting), asst("Hi, I want to return an item."), usr("Which order?")}, {ps, usr(greeting), asst("Hi, I want to return an item."), usr("Which order?"), asst("Order #W1."), usr("Done.")}},
		wantTurn:  [][]model.Message{nil, nil, nil},
		wantSteps: 3,
	}, {
		name:  "device tools",
		instr: toolsInstr,
		tools: true,
		replies: []scripted.Reply{
			scripted.Text("My mobile data isn't working."),
			toolReply("", rawCall("u1", "check_status_bar", `{"verbose":true,"n":1.0,"s":"café"}`)),
			toolReply("Let me try two things.", rawCall("u2", "toggle_airplane_mode", `{}`), rawCall("u3", "check_network_status", `{"a": [1, 2.50, null]}`)),
			scripted.Text("No signal; I turned airplane mode off."),
			scripted.Text("It works now! ###STOP###"),
		},
		agent:    []string{"Can you check your status bar?", "Is it fixed?"},
		wantSaid: []string{"My mobile data isn't working.", "No signal; I turned airplane mode off."},
		wantStop: tauuser.StopUser,
		wantLast: "It works now! ###STOP###",
		wantReqs: [][]wmsg{{ts, usr(greeting)}, t2, t3, t4, t5},
		wantTurn: [][]model.Message{nil, {
			{Role: model.RoleUser, ToolCalls: []tool.Call{{ID: "u1", Name: "check_status_bar", Arguments: `{"verbose":true,"n":1.0,"s":"café"}`}}},
			{Role: model.RoleTool, ToolCallID: "u1", Name: "check_status_bar", Content: []tool.Part{tool.Text("Status Bar: no signal")}},
			{Role: model.RoleUser, Content: []tool.Part{tool.Text("Let me try two things.")}, ToolCalls: []tool.Call{{ID: "u2", Name: "toggle_airplane_mode", Arguments: `{}`}, {ID: "u3", Name: "check_network_status", Arguments: `{"a": [1, 2.50, null]}`}}},
			{Role: model.RoleTool, ToolCallID: "u2", Name: "toggle_airplane_mode", Content: []tool.Part{tool.Text("Airplane mode is now OFF.")}},
			{Role: model.RoleTool, ToolCallID: "u3", Name: "check_network_status", Content: []tool.Part{tool.Text("Error: boom")}, Extra: map[string]json.RawMessage{"toolgym_tool_error": json.RawMessage(`{"kind":"tool_error","message":"boom"}`)}},
		}, nil},
		wantSteps: 7,
		wantErrs:  1,
	}, {
		// An agent message without content is not added to the user's state.
		name:      "empty agent message",
		instr:     "Instructions:\n\tx",
		replies:   []scripted.Reply{scripted.Text("Hello."), scripted.Text("Are you there?"), scripted.Text("###OUT-OF-SCOPE###")},
		agent:     []string{"", "Yes."},
		wantSaid:  []string{"Hello.", "Are you there?"},
		wantStop:  tauuser.StopOutOfScope,
		wantLast:  "###OUT-OF-SCOPE###",
		wantReqs:  [][]wmsg{{es, usr(greeting)}, {es, usr(greeting), asst("Hello.")}, {es, usr(greeting), asst("Hello."), asst("Are you there?"), usr("Yes.")}},
		wantTurn:  [][]model.Message{nil, nil, nil},
		wantSteps: 3,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, client := serve(t, scripted.Script(tt.replies...))
			dev := newDeviceTools()
			seed := int64(300)
			cfg := tauuser.Tau2Config{Model: client, Instructions: tt.instr, Guidelines: g, Budget: &tauuser.Budget{}}
			cfg.Seed = &seed
			if tt.tools {
				cfg.Tools = dev
			}
			u, err := tauuser.NewTau2(cfg)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			history := []model.Message{model.System("policy")}
			var said []string
			var turns [][]model.Message
			agent := tt.agent
			for {
				msg, done, err := u.Next(ctx, history)
				if err != nil {
					t.Fatal(err)
				}
				turns = append(turns, u.TurnMessages())
				if done {
					break
				}
				said = append(said, msg)
				if len(agent) == 0 {
					t.Fatal("the user did not stop")
				}
				history = append(history, model.User(msg), model.Assistant(agent[0]))
				agent = agent[1:]
			}
			if diff := cmp.Diff(tt.wantSaid, said); diff != "" {
				t.Errorf("said (-want +got):\n%s", diff)
			}
			if u.StopReason() != tt.wantStop || u.LastMessage() != tt.wantLast {
				t.Errorf("stop %q last %q, want %q %q", u.StopReason(), u.LastMessage(), tt.wantStop, tt.wantLast)
			}
			if diff := cmp.Diff(tt.wantTurn, turns); diff != "" {
				t.Errorf("turn messages (-want +got):\n%s", diff)
			}
			var got [][]wmsg
			for _, r := range srv.Requests() {
				got = append(got, wire(t, r))
				if r.Temperature == nil || *r.Temperature != 0 || r.Seed == nil || *r.Seed != 300 {
					t.Errorf("sampling: temperature %v seed %v, want 0 and 300", r.Temperature, r.Seed)
				}
				wantTools, wantChoice := 0, ""
				if tt.tools {
					wantTools, wantChoice = len(dev.specs), `"auto"`
				}
				if len(r.Tools) != wantTools || string(r.ToolChoice) != wantChoice {
					t.Errorf("tools %d choice %s", len(r.Tools), r.ToolChoice)
				}
			}
			if diff := cmp.Diff(tt.wantReqs, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			if b := cfg.Budget; b.Steps != tt.wantSteps || b.Errors != tt.wantErrs {
				t.Errorf("budget counted %d steps %d errors, want %d %d", b.Steps, b.Errors, tt.wantSteps, tt.wantErrs)
			}
		})
	}
}
