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
	// System, when set, builds the whole system message in place of
	// appending Prompt's instructions to it: it gets the conversation's own
	// system text ("" when the conversation opens without one) and the
	// request's tools, and returns the system text to send ("" sends no
	// system message). BFCL's prompting mode puts its function docs there.
	System func(system string, specs []tool.Spec) string
	// Results, when set, renders the results of one assistant message's
	// calls: it gets that assistant message and the tool messages that
	// answer it, in order, and returns the one message the model is shown
	// in their place. Nil sends a user message with one line per result
	// (a <tool_response> block for Hermes, "Result of name: text" else).
	Results func(calls model.Message, results []model.Message) model.Message
	// Verbatim keeps each reply's text as the model wrote it, calls
	// included, as the message's content (the parsed calls are set beside
	// it), and writes past assistant messages back as that text instead of
	// rendering their calls with Parser.Format, so the model is shown its
	// own words, as BFCL's prompting handlers show them.
	Verbatim bool
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
	msgs, err := m.rewrite(req.Messages, req.Tools, prompt)
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
	if !m.Verbatim {
		resp.Message.Content = nil
		if content != "" {
			resp.Message.Content = []tool.Part{tool.Text(content)}
		}
	}
	resp.Message.ToolCalls = append(resp.Message.ToolCalls, calls...)
	if len(resp.Message.ToolCalls) > 0 && (resp.FinishReason == "stop" || resp.FinishReason == "") {
		resp.FinishReason = "tool_calls"
	}
	return resp, nil
}

// rewrite turns a native-tools conversation into a text-only one.
func (m *Model) rewrite(in []model.Message, specs []tool.Spec, prompt func(Parser, []tool.Spec) string) ([]model.Message, error) {
	out := make([]model.Message, 0, len(in)+1)
	hasSystem := len(in) > 0 && in[0].Role == model.RoleSystem
	switch {
	case m.System != nil:
		own := ""
		if hasSystem {
			own, in = in[0].Text(), in[1:]
		}
		if s := m.System(own, specs); s != "" {
			out = append(out, model.System(s))
		}
	case len(specs) > 0:
		tools := prompt(m.Parser, specs)
		if hasSystem {
			out = append(out, model.System(strings.TrimSpace(in[0].Text()+"\n\n"+tools)))
			in = in[1:]
		} else {
			out = append(out, model.System(tools))
		}
	}
	var (
		caller  model.Message   // the assistant message the pending results answer
		results []model.Message // tool messages not yet written
	)
	flush := func() {
		if len(results) == 0 {
			return
		}
		if m.Results != nil {
			out = append(out, m.Results(caller, results))
		} else {
			lines := make([]string, len(results))
			for i, r := range results {
				lines[i] = m.result(r)
			}
			out = append(out, model.User(strings.Join(lines, "\n")))
		}
		results = nil
	}
	for _, msg := range in {
		switch {
		case msg.Role == model.RoleTool:
			results = append(results, msg)
		case msg.Role == model.RoleAssistant && len(msg.ToolCalls) > 0:
			flush()
			caller = msg
			if m.Verbatim && msg.Text() != "" {
				out = append(out, model.Message{Role: model.RoleAssistant, Content: msg.Content, Reasoning: msg.Reasoning})
				continue
			}
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
