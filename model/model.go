// Package model defines how toolgym talks to language models: vendor-neutral
// chat [Message]s whose content is made of [tool.Part]s, a [Request] carrying
// tools and sampling settings, the [Response] with its token [Usage] (and
// token ids and logprobs when a server returns them), and the [Model]
// interface every backend implements: OpenAI-compatible HTTP (package
// model/openai), the scripted server (model/scripted), and text tool-call
// parsing for models without native tool calls (model/toolcall).
//
// Backend failures are typed: callers branch with errors.Is on
// [ErrRateLimited], [ErrServer], [ErrTimeout], [ErrBadRequest],
// [ErrMalformedResponse], [ErrTruncatedStream] and [ErrConnection].
package model

import (
	"context"
	"encoding/json"
	"time"

	"github.com/toolgym/toolgym/tool"
)

// Model is a chat model with tools.
type Model interface {
	// Generate sends one request and returns the model's reply. When
	// req.Stream is set the backend streams and assembles the reply, calling
	// req.OnDelta for each piece as it arrives.
	Generate(ctx context.Context, req *Request) (*Response, error)
}

// Role is who speaks a message.
type Role string

// Roles.
const (
	RoleSystem    Role = "system"
	RoleUser      Role = "user"
	RoleAssistant Role = "assistant"
	RoleTool      Role = "tool"
)

// Message is one chat message. An assistant message may carry ToolCalls; a
// tool message answers the call whose id is ToolCallID.
type Message struct {
	Role    Role        `json:"role"`
	Content []tool.Part `json:"content,omitempty"`
	// ToolCalls are the calls an assistant message makes, in order.
	ToolCalls []tool.Call `json:"tool_calls,omitempty"`
	// ToolCallID and Name identify the call a tool message answers.
	ToolCallID string `json:"tool_call_id,omitempty"`
	Name       string `json:"name,omitempty"`
	// Reasoning is the model's reasoning text when the server returns it
	// apart from the content (reasoning_content or reasoning).
	Reasoning string `json:"reasoning,omitempty"`
	// TokenIDs and Logprobs are the sampled tokens of an assistant message
	// when the server returns them.
	TokenIDs []int     `json:"token_ids,omitempty"`
	Logprobs []Logprob `json:"logprobs,omitempty"`
	// Extra holds vendor fields toolgym does not model, kept verbatim.
	Extra map[string]json.RawMessage `json:"extra,omitempty"`
}

// Logprob is one sampled token with its log probability.
type Logprob struct {
	Token   string       `json:"token"`
	Logprob float64      `json:"logprob"`
	Bytes   []int        `json:"bytes,omitempty"`
	TokenID *int         `json:"token_id,omitempty"`
	Top     []TopLogprob `json:"top,omitempty"`
}

// TopLogprob is one alternative token at a position.
type TopLogprob struct {
	Token   string  `json:"token"`
	Logprob float64 `json:"logprob"`
}

// Text returns the message's content rendered as text.
func (m Message) Text() string { return tool.JoinText(m.Content) }

// System returns a system message with text content.
func System(text string) Message {
	return Message{Role: RoleSystem, Content: []tool.Part{tool.Text(text)}}
}

// User returns a user message with text content.
func User(text string) Message { return Message{Role: RoleUser, Content: []tool.Part{tool.Text(text)}} }

// Assistant returns an assistant message with text content and calls.
func Assistant(text string, calls ...tool.Call) Message {
	m := Message{Role: RoleAssistant, ToolCalls: calls}
	if text != "" {
		m.Content = []tool.Part{tool.Text(text)}
	}
	return m
}

// ToolMessage returns the tool message that carries a result to the model:
// its content, or "Error: ..." for an error.
func ToolMessage(r tool.Result) Message {
	m := Message{Role: RoleTool, ToolCallID: r.CallID, Name: r.Name}
	if r.Error != nil {
		m.Content = []tool.Part{tool.Text(r.Text())}
	} else {
		m.Content = r.Content
	}
	return m
}

// ToolChoice values; any other value names the one tool the model must call.
const (
	ToolChoiceAuto     = "auto"
	ToolChoiceNone     = "none"
	ToolChoiceRequired = "required"
)

// Request is one chat request.
type Request struct {
	// Model overrides the backend's model name when set.
	Model    string      `json:"model,omitempty"`
	Messages []Message   `json:"messages"`
	Tools    []tool.Spec `json:"tools,omitempty"`
	// ToolChoice is "auto", "none", "required" or a tool name; empty leaves
	// it to the server.
	ToolChoice        string   `json:"tool_choice,omitempty"`
	ParallelToolCalls *bool    `json:"parallel_tool_calls,omitempty"`
	Temperature       *float64 `json:"temperature,omitempty"`
	TopP              *float64 `json:"top_p,omitempty"`
	MaxTokens         int      `json:"max_tokens,omitempty"`
	Seed              *int64   `json:"seed,omitempty"`
	Stop              []string `json:"stop,omitempty"`
	// Logprobs asks for token logprobs (TopLogprobs alternatives each).
	Logprobs    bool `json:"logprobs,omitempty"`
	TopLogprobs int  `json:"top_logprobs,omitempty"`
	// Stream asks the backend to stream; OnDelta, when set, sees each piece.
	Stream  bool        `json:"stream,omitempty"`
	OnDelta func(Delta) `json:"-"`
	// Extra fields are merged into the request body verbatim (vLLM and
	// SGLang extras such as top_k, chat_template_kwargs, return_token_ids).
	Extra map[string]any `json:"extra,omitempty"`
}

// Delta is one streamed piece of a reply.
type Delta struct {
	Content   string `json:"content,omitempty"`
	Reasoning string `json:"reasoning,omitempty"`
	// ToolCall is a fragment of the call at ToolIndex.
	ToolIndex int        `json:"tool_index,omitempty"`
	ToolCall  *tool.Call `json:"tool_call,omitempty"`
}

// Response is a model's reply.
type Response struct {
	ID           string  `json:"id,omitempty"`
	Model        string  `json:"model,omitempty"`
	Message      Message `json:"message"`
	FinishReason string  `json:"finish_reason,omitempty"`
	Usage        Usage   `json:"usage"`
	// PromptTokenIDs holds the prompt's token ids when the server returns them.
	PromptTokenIDs []int `json:"prompt_token_ids,omitempty"`
	// Latency is the wall time of the request, retries included;
	// Attempts counts the HTTP attempts it took.
	Latency  time.Duration `json:"latency_ns,omitempty"`
	Attempts int           `json:"attempts,omitempty"`
}

// Usage counts tokens.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
	CachedTokens     int `json:"cached_tokens,omitempty"`
	ReasoningTokens  int `json:"reasoning_tokens,omitempty"`
}

// Add returns the sum of two usages.
func (u Usage) Add(o Usage) Usage {
	return Usage{
		PromptTokens:     u.PromptTokens + o.PromptTokens,
		CompletionTokens: u.CompletionTokens + o.CompletionTokens,
		TotalTokens:      u.TotalTokens + o.TotalTokens,
		CachedTokens:     u.CachedTokens + o.CachedTokens,
		ReasoningTokens:  u.ReasoningTokens + o.ReasoningTokens,
	}
}
