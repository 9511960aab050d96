package toolcall

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// Model gives tool calling to a model that has none natively: it describes
// the tools in the system prompt in the Parser's format, sends no "tools"
// field, writes past calls back into assistant text with Parser.Format and
// tool results as user messages, and parses the calls out of each reply.
// The agent sees ordinary tool calls.
//
// When a reply attempts calls that cannot be read, the reply is kept as
// text (the turn ends, as BFCL's prompting mode ends it) and the parse error
// is recorded in the message's Extra under "tool_call_error".
type Model struct {
	// Base is the model that answers in text.
	Base model.Model
	// Parser reads and writes the calls.
	Parser Parser
	// Prompt renders the tool instructions appended to the system prompt;
	// nil uses [DefaultPrompt].
	Prompt func(p Parser, specs []tool.Spec) string
}

var _ model.Model = (*Model)(nil)

// Generate implements model.Model.
func (m *Model) Generate(ctx context.Context, req *model.Request) (*model.Response, error) {
	prompt := m.Prompt
	if prompt == nil {
		prompt = DefaultPrompt
	}
	r := *req
	r.Tools, r.ToolChoice, r.ParallelToolCalls = nil, "", nil
	msgs, err := m.rewrite(req.Messages, prompt(m.Parser, req.Tools), len(req.Tools) > 0)
	if err != nil {
		return nil, err
	}
	r.Messages = msgs
	resp, err := m.Base.Generate(ctx, &r)
	if err != nil {
		return nil, err
	}
	content, calls, perr := m.Parser.Parse(resp.Message.Text())
	if perr != nil {
		if resp.Message.Extra == nil {
			resp.Message.Extra = map[string]json.RawMessage{}
		}
		b, _ := json.Marshal(perr.Error())
		resp.Message.Extra["tool_call_error"] = b
		return resp, nil
	}
	resp.Message.Content = nil
	if content != "" {
		resp.Message.Content = []tool.Part{tool.Text(content)}
	}
	resp.Message.ToolCalls = append(resp.Message.ToolCalls, calls...)
	if len(resp.Message.ToolCalls) > 0 && (resp.FinishReason == "stop" || resp.FinishReason == "") {
		resp.FinishReason = "tool_calls"
	}
	return resp, nil
}

// rewrite turns a native-tools conversation into a text-only one.
func (m *Model) rewrite(in []model.Message, tools string, hasTools bool) ([]model.Message, error) {
	out := make([]model.Message, 0, len(in)+1)
	if hasTools && (len(in) == 0 || in[0].Role != model.RoleSystem) {
		out = append(out, model.System(tools))
	}
	var results []string
	flush := func() {
		if len(results) > 0 {
			out = append(out, model.User(strings.Join(results, "\n")))
			results = nil
		}
	}
	for i, msg := range in {
		switch {
		case i == 0 && msg.Role == model.RoleSystem && hasTools:
			out = append(out, model.System(strings.TrimSpace(msg.Text()+"\n\n"+tools)))
		case msg.Role == model.RoleTool:
			results = append(results, m.result(msg))
		case msg.Role == model.RoleAssistant && len(msg.ToolCalls) > 0:
			flush()
			text, err := m.Parser.Format(msg.ToolCalls)
			if err != nil {
				return nil, fmt.Errorf("toolcall: writing past calls as %s text: %w", m.Parser.Name(), err)
			}
			if c := msg.Text(); c != "" {
				text = c + "\n" + text
			}
			out = append(out, model.Message{Role: model.RoleAssistant, Content: []tool.Part{tool.Text(text)}, Reasoning: msg.Reasoning})
		default:
			flush()
			out = append(out, msg)
		}
	}
	flush()
	return out, nil
}

// result renders one tool message for the user turn that carries it.
func (m *Model) result(msg model.Message) string {
	if m.Parser.Name() == "hermes" {
		return "<tool_response>\n" + msg.Text() + "\n</tool_response>"
	}
	return fmt.Sprintf("Result of %s: %s", msg.Name, msg.Text())
}

// DefaultPrompt describes the tools as JSON and tells the model how to call
// them in the parser's format.
func DefaultPrompt(p Parser, specs []tool.Spec) string {
	if len(specs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("You can call the following tools. Their parameters are JSON Schemas.\n")
	for _, s := range specs {
		fn, _ := json.Marshal(map[string]any{"name": s.Name, "description": s.Description, "parameters": s.ParameterSchema()})
		b.Write(fn)
		b.WriteByte('\n')
	}
	example := []tool.Call{{Name: "tool_name", Arguments: `{"param": "value"}`}}
	ex, _ := p.Format(example)
	b.WriteString("\nTo call tools, answer with the calls in exactly this form, and nothing else on those lines:\n")
	b.WriteString(ex)
	b.WriteString("\nYou may make several calls at once. When you need no tool, answer the user in plain text.")
	return b.String()
}
