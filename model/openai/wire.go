package openai

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// The wire types below mirror the OpenAI chat-completions JSON. They are
// exported so that servers (the scripted server, the recording proxy) and
// clients share one definition. Decoding is lenient where real servers
// differ: content may be a string or a list of parts, tool-call arguments
// a string or an object.

// ChatRequest is the body of POST /chat/completions.
type ChatRequest struct {
	Model             string          `json:"model"`
	Messages          []WireMessage   `json:"messages"`
	Tools             []WireTool      `json:"tools,omitempty"`
	ToolChoice        json.RawMessage `json:"tool_choice,omitempty"`
	ParallelToolCalls *bool           `json:"parallel_tool_calls,omitempty"`
	Temperature       *float64        `json:"temperature,omitempty"`
	TopP              *float64        `json:"top_p,omitempty"`
	MaxTokens         *int            `json:"max_tokens,omitempty"`
	Seed              *int64          `json:"seed,omitempty"`
	Stop              []string        `json:"stop,omitempty"`
	Logprobs          *bool           `json:"logprobs,omitempty"`
	TopLogprobs       *int            `json:"top_logprobs,omitempty"`
	Stream            bool            `json:"stream,omitempty"`
	StreamOptions     *StreamOptions  `json:"stream_options,omitempty"`
	// Extra fields are merged into the JSON object on encoding, and hold
	// unknown fields on decoding.
	Extra map[string]json.RawMessage `json:"-"`
}

// StreamOptions asks a streaming server to send usage in its last chunk.
type StreamOptions struct {
	IncludeUsage bool `json:"include_usage"`
}

// WireMessage is a chat message on the wire.
type WireMessage struct {
	Role string `json:"role"`
	// Content is a JSON string, a list of content parts, or null.
	Content          json.RawMessage `json:"content,omitempty"`
	Name             string          `json:"name,omitempty"`
	ToolCalls        []WireToolCall  `json:"tool_calls,omitempty"`
	ToolCallID       string          `json:"tool_call_id,omitempty"`
	ReasoningContent string          `json:"reasoning_content,omitempty"`
	Reasoning        string          `json:"reasoning,omitempty"`
}

// WireContentPart is one element of a list-valued content.
type WireContentPart struct {
	Type     string        `json:"type"`
	Text     string        `json:"text,omitempty"`
	ImageURL *WireImageURL `json:"image_url,omitempty"`
}

// WireImageURL is an image reference, possibly a data: URL.
type WireImageURL struct {
	URL string `json:"url"`
}

// WireTool is a tool offered to the model.
type WireTool struct {
	Type     string       `json:"type"`
	Function WireFunction `json:"function"`
}

// WireFunction is a function tool's definition.
type WireFunction struct {
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Parameters  json.RawMessage `json:"parameters,omitempty"`
}

// WireToolCall is a tool call in a message or a stream delta.
type WireToolCall struct {
	Index    *int             `json:"index,omitempty"`
	ID       string           `json:"id,omitempty"`
	Type     string           `json:"type,omitempty"`
	Function WireFunctionCall `json:"function"`
}

// WireFunctionCall names the function and carries its arguments, which
// servers send as a JSON string (or, some of them, as an object).
type WireFunctionCall struct {
	Name      string          `json:"name,omitempty"`
	Arguments json.RawMessage `json:"arguments,omitempty"`
}

// ChatResponse is the body of a non-streamed reply.
type ChatResponse struct {
	ID             string       `json:"id"`
	Object         string       `json:"object"`
	Created        int64        `json:"created"`
	Model          string       `json:"model"`
	Choices        []WireChoice `json:"choices"`
	Usage          *WireUsage   `json:"usage,omitempty"`
	PromptTokenIDs []int        `json:"prompt_token_ids,omitempty"`
}

// WireChoice is one choice of a reply.
type WireChoice struct {
	Index        int           `json:"index"`
	Message      WireMessage   `json:"message"`
	FinishReason string        `json:"finish_reason"`
	Logprobs     *WireLogprobs `json:"logprobs,omitempty"`
	TokenIDs     []int         `json:"token_ids,omitempty"`
}

// WireLogprobs holds per-token log probabilities.
type WireLogprobs struct {
	Content []WireTokenLogprob `json:"content"`
}

// WireTokenLogprob is one token's log probability and alternatives.
type WireTokenLogprob struct {
	Token       string             `json:"token"`
	Logprob     float64            `json:"logprob"`
	Bytes       []int              `json:"bytes,omitempty"`
	TopLogprobs []WireTokenLogprob `json:"top_logprobs,omitempty"`
}

// WireUsage counts tokens.
type WireUsage struct {
	PromptTokens            int                `json:"prompt_tokens"`
	CompletionTokens        int                `json:"completion_tokens"`
	TotalTokens             int                `json:"total_tokens"`
	PromptTokensDetails     *WireTokensDetails `json:"prompt_tokens_details,omitempty"`
	CompletionTokensDetails *WireTokensDetails `json:"completion_tokens_details,omitempty"`
}

// WireTokensDetails breaks token counts down.
type WireTokensDetails struct {
	CachedTokens    int `json:"cached_tokens,omitempty"`
	ReasoningTokens int `json:"reasoning_tokens,omitempty"`
}

// ChatChunk is one server-sent event of a streamed reply.
type ChatChunk struct {
	ID      string            `json:"id,omitempty"`
	Object  string            `json:"object,omitempty"`
	Created int64             `json:"created,omitempty"`
	Model   string            `json:"model,omitempty"`
	Choices []WireChunkChoice `json:"choices"`
	Usage   *WireUsage        `json:"usage,omitempty"`
	// Error is set when a server reports a failure inside a 200 stream.
	Error          *WireError `json:"error,omitempty"`
	PromptTokenIDs []int      `json:"prompt_token_ids,omitempty"`
}

// WireChunkChoice is one choice's delta in a chunk.
type WireChunkChoice struct {
	Index        int           `json:"index"`
	Delta        WireDelta     `json:"delta"`
	FinishReason *string       `json:"finish_reason"`
	Logprobs     *WireLogprobs `json:"logprobs,omitempty"`
	TokenIDs     []int         `json:"token_ids,omitempty"`
}

// WireDelta is the new part of a message in a chunk.
type WireDelta struct {
	Role             string         `json:"role,omitempty"`
	Content          *string        `json:"content,omitempty"`
	ReasoningContent *string        `json:"reasoning_content,omitempty"`
	Reasoning        *string        `json:"reasoning,omitempty"`
	ToolCalls        []WireToolCall `json:"tool_calls,omitempty"`
}

// WireError is an error object: {"error": {"message": ..., "type": ...}}.
type WireError struct {
	Message string          `json:"message"`
	Type    string          `json:"type,omitempty"`
	Code    json.RawMessage `json:"code,omitempty"`
}

// MarshalJSON writes the request with Extra fields merged in; an Extra
// field overrides a typed one of the same name.
func (r ChatRequest) MarshalJSON() ([]byte, error) {
	type plain ChatRequest
	b, err := json.Marshal(plain(r))
	if err != nil || len(r.Extra) == 0 {
		return b, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range r.Extra {
		m[k] = v
	}
	return json.Marshal(m)
}

// UnmarshalJSON reads a request, keeping unknown fields in Extra.
func (r *ChatRequest) UnmarshalJSON(b []byte) error {
	type plain ChatRequest
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	for _, k := range knownRequestFields {
		delete(m, k)
	}
	if len(m) > 0 {
		p.Extra = m
	}
	*r = ChatRequest(p)
	return nil
}

var knownRequestFields = []string{"model", "messages", "tools", "tool_choice", "parallel_tool_calls", "temperature",
	"top_p", "max_tokens", "seed", "stop", "logprobs", "top_logprobs", "stream", "stream_options"}

// EncodeRequest turns a model request into the wire request for the named
// model (req.Model, when set, wins).
func EncodeRequest(modelName string, req *model.Request) (*ChatRequest, error) {
	if req.Model != "" {
		modelName = req.Model
	}
	out := &ChatRequest{
		Model:             modelName,
		ParallelToolCalls: req.ParallelToolCalls,
		Temperature:       req.Temperature,
		TopP:              req.TopP,
		Seed:              req.Seed,
		Stop:              req.Stop,
		Stream:            req.Stream,
	}
	if req.MaxTokens > 0 {
		mt := req.MaxTokens
		out.MaxTokens = &mt
	}
	if req.Logprobs {
		t := true
		out.Logprobs = &t
		if req.TopLogprobs > 0 {
			n := req.TopLogprobs
			out.TopLogprobs = &n
		}
	}
	if req.Stream {
		out.StreamOptions = &StreamOptions{IncludeUsage: true}
	}
	for _, m := range req.Messages {
		wm, err := EncodeMessage(m)
		if err != nil {
			return nil, err
		}
		out.Messages = append(out.Messages, wm)
	}
	for _, t := range req.Tools {
		out.Tools = append(out.Tools, WireTool{Type: "function", Function: WireFunction{Name: t.Name, Description: t.Description, Parameters: t.ParameterSchema()}})
	}
	switch req.ToolChoice {
	case "":
	case model.ToolChoiceAuto, model.ToolChoiceNone, model.ToolChoiceRequired:
		out.ToolChoice, _ = json.Marshal(req.ToolChoice)
	default:
		out.ToolChoice, _ = json.Marshal(map[string]any{"type": "function", "function": map[string]string{"name": req.ToolChoice}})
	}
	if len(req.Extra) > 0 {
		out.Extra = make(map[string]json.RawMessage, len(req.Extra))
		for k, v := range req.Extra {
			b, err := json.Marshal(v)
			if err != nil {
				return nil, fmt.Errorf("extra field %q: %w", k, err)
			}
			out.Extra[k] = b
		}
	}
	return out, nil
}

// EncodeMessage turns a message into its wire form. Text and JSON parts
// become a string content; a message with images becomes a list of parts.
func EncodeMessage(m model.Message) (WireMessage, error) {
	wm := WireMessage{Role: string(m.Role), ToolCallID: m.ToolCallID}
	if m.Role == model.RoleTool {
		wm.Name = m.Name
	}
	hasImage := false
	for _, p := range m.Content {
		if p.Type == tool.PartImage {
			hasImage = true
		}
	}
	switch {
	case hasImage:
		var parts []WireContentPart
		for _, p := range m.Content {
			if p.Type == tool.PartImage {
				u := p.URL
				if u == "" {
					u = "data:" + p.MIMEType + ";base64," + base64.StdEncoding.EncodeToString(p.Data)
				}
				parts = append(parts, WireContentPart{Type: "image_url", ImageURL: &WireImageURL{URL: u}})
				continue
			}
			parts = append(parts, WireContentPart{Type: "text", Text: p.String()})
		}
		b, err := json.Marshal(parts)
		if err != nil {
			return wm, err
		}
		wm.Content = b
	case len(m.Content) > 0 || m.Role != model.RoleAssistant:
		b, _ := json.Marshal(tool.JoinText(m.Content))
		wm.Content = b
	default:
		wm.Content = json.RawMessage("null")
	}
	for _, c := range m.ToolCalls {
		args := c.Arguments
		if strings.TrimSpace(args) == "" {
			args = "{}"
		}
		ab, _ := json.Marshal(args)
		wm.ToolCalls = append(wm.ToolCalls, WireToolCall{ID: c.ID, Type: "function", Function: WireFunctionCall{Name: c.Name, Arguments: ab}})
	}
	return wm, nil
}

// DecodeMessage turns a wire message into a model message. Arguments sent
// as a JSON object are kept as their JSON text; null or missing arguments
// become "".
func DecodeMessage(wm WireMessage) (model.Message, error) {
	m := model.Message{Role: model.Role(wm.Role), ToolCallID: wm.ToolCallID, Name: wm.Name}
	m.Reasoning = wm.ReasoningContent
	if m.Reasoning == "" {
		m.Reasoning = wm.Reasoning
	}
	parts, err := decodeContent(wm.Content)
	if err != nil {
		return m, err
	}
	m.Content = parts
	for _, tc := range wm.ToolCalls {
		m.ToolCalls = append(m.ToolCalls, tool.Call{ID: tc.ID, Name: tc.Function.Name, Arguments: ArgumentsText(tc.Function.Arguments)})
	}
	return m, nil
}

// ArgumentsText returns tool-call arguments as text: a JSON string is
// unquoted, an object kept as its JSON, null or nothing becomes "".
func ArgumentsText(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			return s
		}
	}
	return string(raw)
}

func decodeContent(raw json.RawMessage) ([]tool.Part, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("message content: %w", err)
		}
		if s == "" {
			return nil, nil
		}
		return []tool.Part{tool.Text(s)}, nil
	case '[':
		var wps []WireContentPart
		if err := json.Unmarshal(raw, &wps); err != nil {
			return nil, fmt.Errorf("message content parts: %w", err)
		}
		var parts []tool.Part
		for _, wp := range wps {
			switch wp.Type {
			case "text":
				parts = append(parts, tool.Text(wp.Text))
			case "image_url":
				if wp.ImageURL != nil {
					parts = append(parts, decodeImage(wp.ImageURL.URL))
				}
			}
		}
		return parts, nil
	}
	return nil, fmt.Errorf("message content is neither a string nor a list of parts: %.40s", raw)
}

func decodeImage(u string) tool.Part {
	if rest, ok := strings.CutPrefix(u, "data:"); ok {
		if meta, data, ok := strings.Cut(rest, ","); ok && strings.HasSuffix(meta, ";base64") {
			if b, err := base64.StdEncoding.DecodeString(data); err == nil {
				return tool.Part{Type: tool.PartImage, MIMEType: strings.TrimSuffix(meta, ";base64"), Data: b}
			}
		}
	}
	return tool.Part{Type: tool.PartImage, URL: u}
}

// DecodeRequest turns a wire request into a model request (as a server
// sees it). Extra holds the fields toolgym does not model.
func DecodeRequest(wr *ChatRequest) (*model.Request, error) {
	req := &model.Request{
		Model:             wr.Model,
		ParallelToolCalls: wr.ParallelToolCalls,
		Temperature:       wr.Temperature,
		TopP:              wr.TopP,
		Seed:              wr.Seed,
		Stop:              wr.Stop,
		Stream:            wr.Stream,
	}
	if wr.MaxTokens != nil {
		req.MaxTokens = *wr.MaxTokens
	}
	if wr.Logprobs != nil && *wr.Logprobs {
		req.Logprobs = true
		if wr.TopLogprobs != nil {
			req.TopLogprobs = *wr.TopLogprobs
		}
	}
	for i, wm := range wr.Messages {
		m, err := DecodeMessage(wm)
		if err != nil {
			return nil, fmt.Errorf("message %d: %w", i, err)
		}
		req.Messages = append(req.Messages, m)
	}
	for _, t := range wr.Tools {
		req.Tools = append(req.Tools, tool.Spec{Name: t.Function.Name, Description: t.Function.Description, Parameters: t.Function.Parameters})
	}
	if len(wr.ToolChoice) > 0 {
		var s string
		if json.Unmarshal(wr.ToolChoice, &s) == nil {
			req.ToolChoice = s
		} else {
			var obj struct {
				Function struct {
					Name string `json:"name"`
				} `json:"function"`
			}
			if json.Unmarshal(wr.ToolChoice, &obj) == nil {
				req.ToolChoice = obj.Function.Name
			}
		}
	}
	if len(wr.Extra) > 0 {
		req.Extra = make(map[string]any, len(wr.Extra))
		for k, v := range wr.Extra {
			req.Extra[k] = v
		}
	}
	return req, nil
}

// DecodeUsage converts wire usage.
func DecodeUsage(u *WireUsage) model.Usage {
	if u == nil {
		return model.Usage{}
	}
	out := model.Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens, TotalTokens: u.TotalTokens}
	if out.TotalTokens == 0 {
		out.TotalTokens = out.PromptTokens + out.CompletionTokens
	}
	if u.PromptTokensDetails != nil {
		out.CachedTokens = u.PromptTokensDetails.CachedTokens
	}
	if u.CompletionTokensDetails != nil {
		out.ReasoningTokens = u.CompletionTokensDetails.ReasoningTokens
	}
	return out
}

// EncodeUsage converts usage to its wire form.
func EncodeUsage(u model.Usage) *WireUsage {
	w := &WireUsage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens, TotalTokens: u.TotalTokens}
	if u.CachedTokens > 0 {
		w.PromptTokensDetails = &WireTokensDetails{CachedTokens: u.CachedTokens}
	}
	if u.ReasoningTokens > 0 {
		w.CompletionTokensDetails = &WireTokensDetails{ReasoningTokens: u.ReasoningTokens}
	}
	return w
}

// DecodeLogprobs converts wire logprobs, attaching token ids when the
// server sent as many as there are tokens.
func DecodeLogprobs(w *WireLogprobs, tokenIDs []int) []model.Logprob {
	if w == nil {
		return nil
	}
	out := make([]model.Logprob, len(w.Content))
	for i, t := range w.Content {
		lp := model.Logprob{Token: t.Token, Logprob: t.Logprob, Bytes: t.Bytes}
		for _, top := range t.TopLogprobs {
			lp.Top = append(lp.Top, model.TopLogprob{Token: top.Token, Logprob: top.Logprob})
		}
		if len(tokenIDs) == len(w.Content) {
			id := tokenIDs[i]
			lp.TokenID = &id
		}
		out[i] = lp
	}
	return out
}

// DecodeResponse converts a non-streamed reply (its first choice).
func DecodeResponse(wr *ChatResponse) (*model.Response, error) {
	if len(wr.Choices) == 0 {
		return nil, fmt.Errorf("%w: reply has no choices", model.ErrMalformedResponse)
	}
	c := wr.Choices[0]
	m, err := DecodeMessage(c.Message)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", model.ErrMalformedResponse, err)
	}
	if m.Role == "" {
		m.Role = model.RoleAssistant
	}
	m.TokenIDs = c.TokenIDs
	m.Logprobs = DecodeLogprobs(c.Logprobs, c.TokenIDs)
	return &model.Response{
		ID: wr.ID, Model: wr.Model, Message: m, FinishReason: c.FinishReason,
		Usage: DecodeUsage(wr.Usage), PromptTokenIDs: wr.PromptTokenIDs,
	}, nil
}

// EncodeResponse builds a non-streamed reply from a model response, as a
// server sends it.
func EncodeResponse(resp *model.Response, created int64) (*ChatResponse, error) {
	wm, err := EncodeMessage(resp.Message)
	if err != nil {
		return nil, err
	}
	finish := resp.FinishReason
	if finish == "" {
		finish = "stop"
		if len(resp.Message.ToolCalls) > 0 {
			finish = "tool_calls"
		}
	}
	return &ChatResponse{
		ID: resp.ID, Object: "chat.completion", Created: created, Model: resp.Model,
		Choices: []WireChoice{{Index: 0, Message: wm, FinishReason: finish, TokenIDs: resp.Message.TokenIDs}},
		Usage:   EncodeUsage(resp.Usage),
	}, nil
}
