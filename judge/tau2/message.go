package tau2judge

import (
	"encoding/json"
	"fmt"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// Message is one message of a tau2 trajectory, any of the reference's
// message kinds (data_model/message.py): a system, user or assistant
// message (content and tool calls), a tool message (the id of the call
// it answers, its requestor and whether it is an error), or a
// MultiToolMessage (ToolMessages set). Only the fields the evaluator reads
// are typed; the others (cost, usage, raw_data, audio fields, ...) are kept
// verbatim in Extra and written back in sorted order.
type Message struct {
	Role model.Role
	// Content is the text; nil is the reference's None.
	Content *string
	// ToolCalls are the calls of a user or assistant message; nil is None.
	// The reference counts a message as a tool call when the list is not
	// None, even when it is empty.
	ToolCalls []ToolCall
	// ID, Requestor and Error describe a tool message.
	ID        string
	Requestor tau2.Requestor
	Error     bool
	TurnIdx   *int
	Timestamp *string
	// ToolMessages holds the messages of a MultiToolMessage.
	ToolMessages []Message
	Extra        map[string]json.RawMessage
}

// ToolCall is a tool call of a user or assistant message.
type ToolCall struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Arguments Dict           `json:"arguments"`
	Requestor tau2.Requestor `json:"requestor"`
}

// UnmarshalJSON applies the defaults (id "", requestor "assistant") and
// checks name and arguments.
func (tc *ToolCall) UnmarshalJSON(b []byte) error {
	type plain ToolCall
	p := plain{Requestor: tau2.Assistant}
	f, err := decodeFields(b, "tool call")
	if err != nil {
		return err
	}
	if !present(f.vals["name"]) || !present(f.vals["arguments"]) {
		return fmt.Errorf("%w: tool call needs name and arguments", ErrInvalidTask)
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("%w: tool call: %w", ErrInvalidTask, err)
	}
	if err := checkRequestor(p.Requestor); err != nil {
		return err
	}
	*tc = ToolCall(p)
	return nil
}

// Call returns the call in toolgym's form (arguments as JSON text written
// as json.dumps writes them, so 2.0 stays a float).
func (tc *ToolCall) Call() (tool.Call, error) {
	args, err := tc.Arguments.argsJSON()
	if err != nil {
		return tool.Call{}, fmt.Errorf("tau2judge: arguments of %s: %w", tc.Name, err)
	}
	return tool.Call{ID: tc.ID, Name: tc.Name, Arguments: args}, nil
}

// Text returns a pointer to s, for Message.Content.
func Text(s string) *string { return &s }

// AssistantText returns an assistant message with text content.
func AssistantText(s string) Message { return Message{Role: model.RoleAssistant, Content: Text(s)} }

// UserText returns a user message with text content.
func UserText(s string) Message { return Message{Role: model.RoleUser, Content: Text(s)} }

// CallMessage returns a message of r (assistant or user) carrying calls.
func CallMessage(r tau2.Requestor, calls ...ToolCall) Message {
	role := model.RoleAssistant
	if r == tau2.User {
		role = model.RoleUser
	}
	if calls == nil {
		calls = []ToolCall{}
	}
	return Message{Role: role, ToolCalls: calls}
}

// ToolResult returns the tool message answering call with res, as the
// reference's Environment.get_response builds it: content is the result's
// text ("Error: <message>" for an error), error the error flag.
func ToolResult(call ToolCall, res tool.Result) Message {
	return Message{
		Role:      model.RoleTool,
		Content:   Text(res.Text()),
		ID:        call.ID,
		Requestor: call.Requestor,
		Error:     res.Error != nil,
	}
}

// IsToolCall reports the reference's is_tool_call(): a user or assistant
// message whose tool calls are not None.
func (m *Message) IsToolCall() bool {
	return (m.Role == model.RoleAssistant || m.Role == model.RoleUser) && m.ToolCalls != nil
}

// isMulti reports a MultiToolMessage.
func (m *Message) isMulti() bool { return m.Role == model.RoleTool && m.ToolMessages != nil }

// UnmarshalJSON decodes any message kind by its role, as pydantic's union
// does: "tool" with tool_messages is a MultiToolMessage, "tool" otherwise
// a ToolMessage (id required, requestor "assistant" by default).
func (m *Message) UnmarshalJSON(b []byte) error {
	f, err := decodeFields(b, "message")
	if err != nil {
		return err
	}
	var role string
	if err := f.into("role", &role, "message"); err != nil {
		return err
	}
	out := Message{Role: model.Role(role)}
	switch out.Role {
	case model.RoleSystem, model.RoleUser, model.RoleAssistant:
		if err := f.into("content", &out.Content, "message"); err != nil {
			return err
		}
		if out.Role != model.RoleSystem {
			if raw := f.vals["tool_calls"]; present(raw) {
				out.ToolCalls = []ToolCall{}
			}
			if err := f.into("tool_calls", &out.ToolCalls, "message"); err != nil {
				return err
			}
		}
	case model.RoleTool:
		if present(f.vals["tool_messages"]) {
			out.ToolMessages = []Message{}
			if err := f.into("tool_messages", &out.ToolMessages, "message"); err != nil {
				return err
			}
			break
		}
		if !present(f.vals["id"]) {
			return fmt.Errorf("%w: tool message needs id", ErrInvalidTask)
		}
		out.Requestor = tau2.Assistant
		if err := f.into("id", &out.ID, "message"); err != nil {
			return err
		}
		if err := f.into("content", &out.Content, "message"); err != nil {
			return err
		}
		if err := f.into("requestor", &out.Requestor, "message"); err != nil {
			return err
		}
		if err := checkRequestor(out.Requestor); err != nil {
			return err
		}
		if err := f.into("error", &out.Error, "message"); err != nil {
			return err
		}
	default:
		return fmt.Errorf("%w: message role %q", ErrInvalidTask, role)
	}
	if err := f.into("turn_idx", &out.TurnIdx, "message"); err != nil {
		return err
	}
	if err := f.into("timestamp", &out.Timestamp, "message"); err != nil {
		return err
	}
	out.Extra = f.rest()
	*m = out
	return nil
}

// MarshalJSON writes the message with the members of its kind first.
func (m Message) MarshalJSON() ([]byte, error) {
	w := newObject()
	w.field("role", m.Role)
	switch {
	case m.isMulti():
		w.field("tool_messages", m.ToolMessages)
	case m.Role == model.RoleTool:
		w.field("id", m.ID)
		w.field("content", m.Content)
		requestor := m.Requestor
		if requestor == "" {
			requestor = tau2.Assistant
		}
		w.field("requestor", requestor)
		w.field("error", m.Error)
	default:
		w.field("content", m.Content)
		if m.Role != model.RoleSystem {
			w.field("tool_calls", m.ToolCalls)
		}
	}
	if !m.isMulti() {
		w.field("turn_idx", m.TurnIdx)
		w.field("timestamp", m.Timestamp)
	}
	w.extra(m.Extra)
	return w.done()
}

// contentRepr is f"{message.content}" for the judge's transcript: the text,
// or "None".
func (m *Message) contentRepr() string {
	if m.Content == nil {
		return "None"
	}
	return *m.Content
}
