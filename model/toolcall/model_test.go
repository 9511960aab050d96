package toolcall_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env"
	_ "github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/tool"
)

func TestModelOverHTTP(t *testing.T) {
	srv := scripted.NewServer(scripted.Script(
		scripted.Text("Let me look.\n<tool_call>\n{\"name\": \"get_account_balance\", \"arguments\": {\"account_id\": \"CHK-1001\"}}\n</tool_call>\n<tool_call>\n{\"name\": \"get_account_balance\", \"arguments\": {\"account_id\": \"SAV-1002\"}}\n</tool_call>"),
		scripted.Text("Both balances are above."),
		scripted.Text("<tool_call>\n{\"name\": \"get_account_balance\", \"arguments\": {\"account_id\": </tool_call>"),
	))
	run, err := scripted.Start(srv)
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	client, err := openai.New(openai.Config{BaseURL: run.URL, Model: "text-only"})
	if err != nil {
		t.Fatal(err)
	}
	m := &toolcall.Model{Base: client, Parser: toolcall.Hermes{}}
	bank, _ := env.New("bank", nil)
	a := &agent.FunctionCalling{Model: m}
	reply, err := a.Respond(context.Background(), []model.Message{model.System("Be brief."), model.User("balances?")}, bank, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(reply.Steps) != 2 || len(reply.Steps[0].Results) != 2 || reply.Steps[0].Results[1].Error != nil {
		t.Fatalf("steps %+v: want two parsed calls run, then a reply", reply.Steps)
	}
	if got := reply.Steps[0].Response.Message.Text(); got != "Let me look." {
		t.Errorf("content %q, want the prose outside the calls", got)
	}
	reqs := srv.Requests()
	first, second := reqs[0], reqs[1]
	if len(first.Tools) != 0 || first.ToolChoice != nil {
		t.Errorf("a text-only model was sent tools: %d", len(first.Tools))
	}
	sys := text(t, first.Messages[0].Content)
	if !strings.Contains(sys, "Be brief.") || !strings.Contains(sys, `"name":"get_account_balance"`) || !strings.Contains(sys, "<tool_call>") {
		t.Errorf("system prompt lacks the policy, the tools or the format: %s", sys)
	}
	// The past calls are written back as text and the results come as one
	// user message of <tool_response> blocks.
	asst, results := second.Messages[2], second.Messages[3]
	if asst.Role != "assistant" || len(asst.ToolCalls) != 0 || !strings.Contains(text(t, asst.Content), "<tool_call>") {
		t.Errorf("past assistant message %+v", asst)
	}
	if results.Role != "user" || strings.Count(text(t, results.Content), "<tool_response>") != 2 {
		t.Errorf("results message %+v", results)
	}

	// A malformed attempt ends the turn as text, with the error recorded.
	resp, err := m.Generate(context.Background(), &model.Request{Messages: []model.Message{model.User("again")}, Tools: bank.Tools()})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Message.ToolCalls) != 0 || !strings.Contains(string(resp.Message.Extra["tool_call_error"]), "hermes") {
		t.Errorf("malformed reply: calls %v extra %s", resp.Message.ToolCalls, resp.Message.Extra["tool_call_error"])
	}
}

// text decodes a wire message's string content.
func text(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("content %s: %v", raw, err)
	}
	return s
}

func TestDefaultPromptShowsEachFormat(t *testing.T) {
	specs := []tool.Spec{{Name: "get_weather", Description: "Weather of a city."}}
	for _, name := range toolcall.Names() {
		p, _ := toolcall.Lookup(name)
		got := toolcall.DefaultPrompt(p, specs)
		if !strings.Contains(got, `"name":"get_weather"`) {
			t.Errorf("%s: prompt lacks the tool: %s", name, got)
		}
		// The example in the prompt is one the parser itself reads.
		_, example, _ := strings.Cut(got, "nothing else on those lines:\n")
		example, _, _ = strings.Cut(example, "\nYou may make")
		if _, calls, err := p.Parse(example); err != nil || len(calls) != 1 || calls[0].Name != "tool_name" {
			t.Errorf("%s: example %q parses to %v, %v", name, example, calls, err)
		}
	}
	if toolcall.DefaultPrompt(toolcall.Hermes{}, nil) != "" {
		t.Error("a prompt without tools should be empty")
	}
}

// A custom system prompt, a custom results message and verbatim replies:
// the model sees exactly what the three give, over HTTP.
func TestModelCustomSystemResultsVerbatim(t *testing.T) {
	reply := "  [get_account_balance(account_id='CHK-1001'), get_account_balance(account_id='SAV-1002')]"
	srv := scripted.NewServer(scripted.Script(scripted.Text(reply), scripted.Text("Done.")))
	run, err := scripted.Start(srv)
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	client, err := openai.New(openai.Config{BaseURL: run.URL, Model: "text-only"})
	if err != nil {
		t.Fatal(err)
	}
	var sawOwn string
	m := &toolcall.Model{
		Base: client, Parser: toolcall.Pythonic{}, Verbatim: true,
		System: func(own string, specs []tool.Spec) string {
			sawOwn = own
			return fmt.Sprintf("%d tools.\n", len(specs))
		},
		Results: func(caller model.Message, results []model.Message) model.Message {
			parts := []string{fmt.Sprintf("%d calls", len(caller.ToolCalls))}
			for _, r := range results {
				parts = append(parts, r.ToolCallID+"="+r.Text())
			}
			return model.Message{Role: model.RoleUser, Content: []tool.Part{tool.Text(strings.Join(parts, "|"))}}
		},
	}
	bank, _ := env.New("bank", nil)
	a := &agent.FunctionCalling{Model: m}
	r, err := a.Respond(context.Background(), []model.Message{model.System("Be brief."), model.User("balances?")}, bank, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Steps) != 2 || len(r.Steps[0].Results) != 2 {
		t.Fatalf("%d steps", len(r.Steps))
	}
	if got := r.Steps[0].Response.Message.Text(); got != reply {
		t.Errorf("verbatim content %q", got)
	}
	if sawOwn != "Be brief." {
		t.Errorf("System saw %q", sawOwn)
	}
	second := srv.Requests()[1]
	if s := text(t, second.Messages[0].Content); s != fmt.Sprintf("%d tools.\n", len(bank.Tools())) {
		t.Errorf("system message %q", s)
	}
	if a := text(t, second.Messages[2].Content); a != reply {
		t.Errorf("past reply written back as %q, want it verbatim", a)
	}
	res := text(t, second.Messages[3].Content)
	if second.Messages[3].Role != "user" || !strings.HasPrefix(res, "2 calls|call_0=") || strings.Count(res, "|") != 2 || len(second.Messages) != 4 {
		t.Errorf("results message %q (%d messages)", res, len(second.Messages))
	}
	// A System returning "" sends no system message.
	m.System = func(string, []tool.Spec) string { return "" }
	if _, err := m.Generate(context.Background(), &model.Request{Messages: []model.Message{model.System("x"), model.User("again")}}); err == nil {
		t.Fatal("the script is spent; want an error")
	}
	if last := srv.Requests()[2]; last.Messages[0].Role != "user" {
		t.Errorf("first message %s, want no system message", last.Messages[0].Role)
	}
}
