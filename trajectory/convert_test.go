package trajectory_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

// TestToOpenAIMessages checks the SFT line field by field, as a trainer
// reads it: plain JSON objects, not toolgym's types.
func TestToOpenAIMessages(t *testing.T) {
	tr := sample()
	line, err := trajectory.ToOpenAIMessages(tr)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsRune(line, '\n') {
		t.Fatal("the record is not one line")
	}
	var rec struct {
		Messages []map[string]any `json:"messages"`
		Tools    []map[string]any `json:"tools"`
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rec); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
	if len(rec.Messages) != len(tr.Messages) {
		t.Fatalf("%d messages, want %d", len(rec.Messages), len(tr.Messages))
	}
	type want struct {
		role    string
		content any // string, nil (JSON null) or "[parts]" for a list
		keys    []string
	}
	wants := []want{
		{"system", "You are a retail agent. Follow the policy.", []string{"role", "content"}},
		{"user", "Cancel order #W123, I don't need it <anymore> & thanks.", []string{"role", "content"}},
		{"assistant", nil, []string{"role", "content", "tool_calls", "reasoning_content"}},
		{"tool", `{"order_id":"#W123","status":"delivered","total":1070.5}`, []string{"role", "content", "tool_call_id", "name"}},
		{"tool", "u9: Ana Lima", []string{"role", "content", "tool_call_id", "name"}},
		{"assistant", nil, []string{"role", "content", "tool_calls"}},
		{"tool", "Error: order #W123 is already delivered", []string{"role", "content", "tool_call_id", "name"}},
		{"assistant", "Order #W123 was delivered, so it cannot be cancelled.", []string{"role", "content"}},
		{"user", "[parts]", []string{"role", "content"}},
		{"assistant", "Let me list them.", []string{"role", "content", "tool_calls"}},
		{"tool", `["#W123","#W456"]`, []string{"role", "content", "tool_call_id", "name"}},
		{"assistant", "You have two orders: #W123 and #W456.", []string{"role", "content"}},
	}
	for i, w := range wants {
		m := rec.Messages[i]
		if m["role"] != w.role {
			t.Errorf("message %d: role %v, want %s", i, m["role"], w.role)
		}
		if len(m) != len(w.keys) {
			t.Errorf("message %d: keys %v, want %v", i, keys(m), w.keys)
		}
		for _, k := range w.keys {
			if _, ok := m[k]; !ok {
				t.Errorf("message %d: no %q in %v", i, k, m)
			}
		}
		if w.content != "[parts]" && m["content"] != w.content {
			t.Errorf("message %d: content %#v, want %#v", i, m["content"], w.content)
		}
	}

	// Parallel calls: ids, type, name, arguments as a JSON string.
	calls := rec.Messages[2]["tool_calls"].([]any)
	if len(calls) != 2 {
		t.Fatalf("calls %v", calls)
	}
	for i, wc := range []struct{ id, name, args string }{{"call_a", "get_order", `{"order_id":"#W123"}`}, {"call_b", "get_user", `{"user_id":"u9"}`}} {
		c := calls[i].(map[string]any)
		fn := c["function"].(map[string]any)
		if c["id"] != wc.id || c["type"] != "function" || fn["name"] != wc.name || fn["arguments"] != wc.args || len(c) != 3 || len(fn) != 2 {
			t.Errorf("call %d: %v", i, c)
		}
	}
	if rec.Messages[2]["reasoning_content"] != "I should look the order and the user up first." {
		t.Errorf("reasoning %v", rec.Messages[2]["reasoning_content"])
	}
	// Empty arguments become "{}".
	fn := rec.Messages[9]["tool_calls"].([]any)[0].(map[string]any)["function"].(map[string]any)
	if fn["arguments"] != "{}" || fn["name"] != "list_orders" {
		t.Errorf("call without arguments: %v", fn)
	}
	// Tool messages answer their calls.
	for i, id := range map[int]string{3: "call_a", 4: "call_b", 6: "call_c", 10: "call_d"} {
		if rec.Messages[i]["tool_call_id"] != id {
			t.Errorf("message %d answers %v, want %s", i, rec.Messages[i]["tool_call_id"], id)
		}
	}
	if rec.Messages[6]["name"] != "cancel_order" {
		t.Errorf("tool name %v", rec.Messages[6]["name"])
	}
	// A message with images is a list of parts.
	parts := rec.Messages[8]["content"].([]any)
	wantParts := []map[string]any{
		{"type": "text", "text": "Then show my orders. Here is my receipt:"},
		{"type": "image_url", "image_url": map[string]any{"url": "data:image/png;base64,iVBORw=="}},
		{"type": "image_url", "image_url": map[string]any{"url": "https://example.com/receipt.png"}},
	}
	if len(parts) != len(wantParts) {
		t.Fatalf("parts %v", parts)
	}
	for i, w := range wantParts {
		got, _ := json.Marshal(parts[i])
		exp, _ := json.Marshal(w)
		if !bytes.Equal(got, exp) {
			t.Errorf("part %d: %s, want %s", i, got, exp)
		}
	}
	// Logprobs, token ids, usage, timings and vendor extras stay out.
	for _, k := range []string{"logprobs", "token_ids", "usage", "extra", "at_ns", "turn"} {
		if strings.Contains(string(line), `"`+k+`"`) {
			t.Errorf("record carries %q", k)
		}
	}

	// Tools as function tools, parameters kept; no parameters → empty object schema.
	if len(rec.Tools) != 4 {
		t.Fatalf("tools %v", rec.Tools)
	}
	t0, _ := json.Marshal(rec.Tools[0])
	if string(t0) != `{"function":{"description":"Looks an order up.","name":"get_order","parameters":{"properties":{"order_id":{"type":"string"}},"required":["order_id"],"type":"object"}},"type":"function"}` {
		t.Errorf("tool 0: %s", t0)
	}
	t3 := rec.Tools[3]["function"].(map[string]any)
	if p, _ := json.Marshal(t3["parameters"]); string(p) != `{"properties":{},"type":"object"}` {
		t.Errorf("tool without parameters: %s", p)
	}
	if strings.Contains(string(line), "readOnlyHint") {
		t.Error("annotations leak into the tools")
	}

	// The record decodes back into the model's messages.
	var wire trajectory.OpenAIRecord
	if err := json.Unmarshal(line, &wire); err != nil {
		t.Fatal(err)
	}
	for i, wm := range wire.Messages {
		m, err := openai.DecodeMessage(wm)
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		orig := tr.Messages[i].Message
		if m.Role != orig.Role || len(m.ToolCalls) != len(orig.ToolCalls) || m.Reasoning != orig.Reasoning {
			t.Errorf("message %d decodes to %+v", i, m)
		}
		if orig.Role != model.RoleTool && m.Text() != orig.Text() {
			t.Errorf("message %d text %q, want %q", i, m.Text(), orig.Text())
		}
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestWriteOpenAIJSONL(t *testing.T) {
	a, b := sample(), sample()
	b.Tools = nil
	b.Messages = b.Messages[:2]
	var buf bytes.Buffer
	if err := trajectory.WriteOpenAIJSONL(&buf, a, b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	la, _ := trajectory.ToOpenAIMessages(a)
	if lines[0] != string(la) {
		t.Error("line 0 differs from ToOpenAIMessages")
	}
	if lines[1] != `{"messages":[{"role":"system","content":"You are a retail agent. Follow the policy."},{"role":"user","content":"Cancel order #W123, I don't need it <anymore> & thanks."}]}` {
		t.Errorf("line 1: %s", lines[1])
	}
	if err := trajectory.WriteOpenAIJSONL(&failingWriter{}, a); err == nil {
		t.Error("no error from a failing writer")
	}
	html, err := trajectory.ToOpenAIMessages(&trajectory.Trajectory{Messages: []trajectory.Message{
		{Message: model.Assistant("", tool.Call{ID: "1", Name: "find", Arguments: `{"q":"a<b & c"}`})},
	}})
	if err != nil || !strings.Contains(string(html), `"arguments":"{\"q\":\"a<b & c\"}"`) {
		t.Errorf("arguments: %s %v", html, err)
	}
	empty, err := trajectory.ToOpenAIMessages(&trajectory.Trajectory{Messages: []trajectory.Message{{Message: model.Message{Role: model.RoleAssistant, Content: []tool.Part{tool.Text("")}}}}})
	if err != nil || string(empty) != `{"messages":[{"role":"assistant","content":""}]}` {
		t.Errorf("empty text: %s %v", empty, err)
	}
}
