package trajectory_test

import (
	"encoding/json"
	"time"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

const (
	hash0 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	hash1 = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
	hash2 = "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13"
)

// sample is a realistic two-turn trajectory touching every field: a
// system prompt, parallel calls, a JSON result, a tool error, reasoning,
// token ids and logprobs, an image, usage and timings, a verdict.
func sample() *trajectory.Trajectory {
	start := time.Date(2026, 3, 14, 15, 9, 26, 535897000, time.UTC)
	tokenID := 1542
	getOrder := tool.Call{ID: "call_a", Name: "get_order", Arguments: `{"order_id":"#W123"}`}
	getUser := tool.Call{ID: "call_b", Name: "get_user", Arguments: `{"user_id":"u9"}`}
	cancel := tool.Call{ID: "call_c", Name: "cancel_order", Arguments: `{"order_id":"#W123","reason":"no longer needed"}`}
	listAll := tool.Call{ID: "call_d", Name: "list_orders", Arguments: ""}
	u1 := model.Usage{PromptTokens: 812, CompletionTokens: 64, TotalTokens: 876, CachedTokens: 512}
	u2 := model.Usage{PromptTokens: 1020, CompletionTokens: 41, TotalTokens: 1061, ReasoningTokens: 12}
	u3 := model.Usage{PromptTokens: 1200, CompletionTokens: 30, TotalTokens: 1230}
	u4 := model.Usage{PromptTokens: 1300, CompletionTokens: 20, TotalTokens: 1320}
	reward := 1.0
	cancelErr := &tool.Error{Kind: tool.KindFailed, Message: "order #W123 is already delivered"}
	return &trajectory.Trajectory{
		Version: trajectory.Version,
		ID:      "retail-17#2", Suite: "tau-retail", TaskID: "retail-17", Trial: 2,
		Env: "retail", Model: "qwen3-8b", Agent: "function-calling", Seed: 42,
		Tools: []tool.Spec{
			{Name: "get_order", Description: "Looks an order up.", Parameters: json.RawMessage(`{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}`),
				Annotations: &tool.Annotations{ReadOnly: true, Category: "read"}},
			{Name: "get_user", Description: "Looks a user up.", Parameters: json.RawMessage(`{"type":"object","properties":{"user_id":{"type":"string"}},"required":["user_id"]}`),
				Annotations: &tool.Annotations{ReadOnly: true}},
			{Name: "cancel_order", Description: "Cancels a pending order.", Parameters: json.RawMessage(`{"type":"object","properties":{"order_id":{"type":"string"},"reason":{"type":"string"}},"required":["order_id","reason"]}`),
				Annotations: &tool.Annotations{Destructive: true, Category: "write"}},
			{Name: "list_orders", Description: "Lists the user's orders."},
		},
		Messages: []trajectory.Message{
			{Message: model.System("You are a retail agent. Follow the policy."), Turn: 0},
			{Message: model.User("Cancel order #W123, I don't need it <anymore> & thanks."), Turn: 0, At: 2 * time.Millisecond},
			{Message: model.Message{Role: model.RoleAssistant, ToolCalls: []tool.Call{getOrder, getUser}, Reasoning: "I should look the order and the user up first."},
				Turn: 0, Step: 1, At: 410 * time.Millisecond, Latency: 405 * time.Millisecond, Usage: &u1, FinishReason: "tool_calls", Attempts: 1},
			{Message: model.ToolMessage(tool.OK(getOrder, tool.JSONPart(map[string]any{"order_id": "#W123", "status": "delivered", "total": 1070.5}))),
				Turn: 0, Step: 1, At: 411 * time.Millisecond, Latency: 180 * time.Microsecond},
			{Message: model.ToolMessage(tool.OK(getUser, tool.Text("u9: Ana Lima"))),
				Turn: 0, Step: 1, At: 411 * time.Millisecond, Latency: 95 * time.Microsecond},
			{Message: model.Assistant("", cancel), Turn: 0, Step: 2, At: 900 * time.Millisecond, Latency: 480 * time.Millisecond, Usage: &u2, FinishReason: "tool_calls", Attempts: 2},
			{Message: model.ToolMessage(tool.Result{CallID: cancel.ID, Name: cancel.Name, Error: cancelErr}),
				Turn: 0, Step: 2, At: 901 * time.Millisecond, Latency: 70 * time.Microsecond, ToolError: cancelErr},
			{Message: model.Message{Role: model.RoleAssistant, Content: []tool.Part{tool.Text("Order #W123 was delivered, so it cannot be cancelled.")},
				TokenIDs: []int{1542, 2},
				Logprobs: []model.Logprob{{Token: "Order", Logprob: -0.01, Bytes: []int{79, 114, 100, 101, 114}, TokenID: &tokenID, Top: []model.TopLogprob{{Token: "Order", Logprob: -0.01}, {Token: "Your", Logprob: -4.7}}}},
				Extra:    map[string]json.RawMessage{"stop_reason": json.RawMessage(`"eos"`)}},
				Turn: 0, Step: 3, At: 1300 * time.Millisecond, Latency: 390 * time.Millisecond, Usage: &u3, FinishReason: "stop", Attempts: 1},
			{Message: model.Message{Role: model.RoleUser, Content: []tool.Part{
				tool.Text("Then show my orders. Here is my receipt:"),
				{Type: tool.PartImage, MIMEType: "image/png", Data: []byte{0x89, 'P', 'N', 'G'}},
				{Type: tool.PartImage, URL: "https://example.com/receipt.png"},
			}}, Turn: 1, At: 5 * time.Second},
			{Message: model.Assistant("Let me list them.", listAll), Turn: 1, Step: 1, At: 5400 * time.Millisecond, Latency: 350 * time.Millisecond, Usage: &u4, FinishReason: "tool_calls", Attempts: 1},
			{Message: model.ToolMessage(tool.OK(listAll, tool.JSONPart([]string{"#W123", "#W456"}))), Turn: 1, Step: 1, At: 5401 * time.Millisecond, Latency: 50 * time.Microsecond},
			{Message: model.Assistant("You have two orders: #W123 and #W456."), Turn: 1, Step: 2, At: 5800 * time.Millisecond, Latency: 380 * time.Millisecond, Usage: &u3, FinishReason: "stop", Attempts: 1},
		},
		Turns: []trajectory.Turn{
			{Index: 0, First: 0, End: 8, Steps: 3, StateHash: hash1, Duration: 1300 * time.Millisecond, Usage: u1.Add(u2).Add(u3), EndReason: "reply"},
			{Index: 1, First: 8, End: 12, Steps: 2, StateHash: hash2, Duration: 800 * time.Millisecond, Usage: u4.Add(u3), EndReason: "reply"},
		},
		InitialStateHash: hash0,
		Usage:            u1.Add(u2).Add(u3).Add(u4).Add(u3),
		Start:            start,
		End:              start.Add(5800 * time.Millisecond),
		Status:           trajectory.StatusCompleted,
		Reward:           &reward,
		Verdict:          json.RawMessage(`{"task_id":"retail-17","status":"completed","success":true,"reward":1}`),
		Meta:             map[string]any{"user_model": "gpt-4o", "pass_k": 4},
	}
}
