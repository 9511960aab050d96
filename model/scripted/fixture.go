package scripted

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/toolgym/toolgym/model/openai"
)

// DefaultScript names the script a [Fixture] answers from when the
// request's model has no script of its own.
const DefaultScript = "default"

// ErrInvalidReply reports a reply that cannot be served as written.
var ErrInvalidReply = errors.New("scripted: invalid reply")

// Reply is one scripted answer: an assistant message (content, reasoning,
// tool calls), optionally delayed, or a [Fault] the server acts out
// instead. The zero Reply is an assistant message with empty content.
type Reply struct {
	// Content is the assistant message's text.
	Content string
	// Reasoning is sent as reasoning_content.
	Reasoning string
	// ToolCalls are the calls the message makes, in order.
	ToolCalls []ToolCall
	// FinishReason defaults to "tool_calls" when there are calls, else "stop".
	FinishReason string
	// Usage is sent as given; nil sends a deterministic estimate.
	Usage *openai.WireUsage
	// Logprobs sends per-token logprobs even when the request did not ask.
	Logprobs bool
	// Headers are added to the HTTP response, whatever it is.
	Headers map[string]string
	// Delay is waited before answering; a canceled request ends the wait.
	Delay time.Duration
	// Fault, when set, replaces the normal answer.
	Fault
}

// Fault is a failure the server acts out. At most one kind may be set.
type Fault struct {
	// Status is an HTTP error status (400-599) answered with Body, or with
	// an OpenAI error object when Body is empty.
	Status int `json:"status,omitempty"`
	// Body is the error body for Status, or the non-JSON body for Malformed.
	Body string `json:"body,omitempty"`
	// Truncate cuts the reply short: a stream ends without finish_reason and
	// without [DONE]; a non-streamed body stops halfway and the connection
	// closes.
	Truncate bool `json:"truncate,omitempty"`
	// Malformed answers 200 with a body that is not JSON.
	Malformed bool `json:"malformed,omitempty"`
	// StreamError answers 200 and reports this message in an error object
	// inside the stream (or as the whole body when not streaming).
	StreamError string `json:"stream_error,omitempty"`
	// Drop closes the connection without a response.
	Drop bool `json:"drop,omitempty"`
}

// kinds lists the fault kinds set.
func (f Fault) kinds() []string {
	var ks []string
	if f.Status != 0 {
		ks = append(ks, "status")
	}
	if f.Truncate {
		ks = append(ks, "truncate")
	}
	if f.Malformed {
		ks = append(ks, "malformed")
	}
	if f.StreamError != "" {
		ks = append(ks, "stream_error")
	}
	if f.Drop {
		ks = append(ks, "drop")
	}
	return ks
}

// ToolCall is a scripted tool call. Arguments are sent verbatim as the
// "arguments" string, even when they are not valid JSON.
type ToolCall struct {
	// ID defaults to "call_<request>_<i>" when empty.
	ID        string
	Name      string
	Arguments string
}

// Text returns a reply saying content.
func Text(content string) Reply { return Reply{Content: content} }

// Calls returns a reply making the given tool calls.
func Calls(calls ...ToolCall) Reply { return Reply{ToolCalls: calls} }

// Call returns a tool call of name with args: a string or []byte is taken
// as the arguments' text (possibly invalid JSON), a json.RawMessage as JSON,
// anything else is marshaled (Call panics when that fails, a programming
// error). The server gives it an id when it is sent.
func Call(name string, args any) ToolCall {
	var text string
	switch a := args.(type) {
	case nil:
		text = "{}"
	case string:
		text = a
	case []byte:
		text = string(a)
	case json.RawMessage:
		text = string(a)
	default:
		b, err := marshal(a)
		if err != nil {
			panic(fmt.Sprintf("scripted.Call(%q): arguments do not marshal: %v", name, err))
		}
		text = string(b)
	}
	return ToolCall{Name: name, Arguments: text}
}

// WithID returns the call with the given id.
func (c ToolCall) WithID(id string) ToolCall { c.ID = id; return c }

// HTTPError returns a reply answering an HTTP error with status and body
// (an empty body sends an OpenAI error object).
func HTTPError(status int, body string) Reply {
	return Reply{Fault: Fault{Status: status, Body: body}}
}

// RateLimited returns a 429 reply carrying a Retry-After header.
func RateLimited(retryAfter string) Reply {
	return HTTPError(http.StatusTooManyRequests, "").WithHeader("Retry-After", retryAfter)
}

// Truncated returns r cut short (see [Fault.Truncate]).
func Truncated(r Reply) Reply { r.Truncate = true; return r }

// Malformed returns a reply whose body is not JSON.
func Malformed() Reply { return Reply{Fault: Fault{Malformed: true}} }

// StreamError returns a reply that streams r's start and then an error
// object with message.
func StreamError(r Reply, message string) Reply { r.Fault.StreamError = message; return r }

// Drop returns a reply that closes the connection without answering.
func Drop() Reply { return Reply{Fault: Fault{Drop: true}} }

// After returns r answered after waiting d.
func (r Reply) After(d time.Duration) Reply { r.Delay = d; return r }

// WithHeader returns r with a response header added.
func (r Reply) WithHeader(key, value string) Reply {
	h := make(map[string]string, len(r.Headers)+1)
	maps.Copy(h, r.Headers)
	h[key] = value
	r.Headers = h
	return r
}

// WithUsage returns r sending the given token counts.
func (r Reply) WithUsage(prompt, completion int) Reply {
	r.Usage = &openai.WireUsage{PromptTokens: prompt, CompletionTokens: completion, TotalTokens: prompt + completion}
	return r
}

// Validate reports a reply that cannot be served as written.
func (r Reply) Validate() error {
	ks := r.kinds()
	if len(ks) > 1 {
		return fmt.Errorf("%w: several faults (%v); a reply acts out one", ErrInvalidReply, ks)
	}
	if r.Status != 0 && (r.Status < 400 || r.Status > 599) {
		return fmt.Errorf("%w: status %d is not an HTTP error (400-599)", ErrInvalidReply, r.Status)
	}
	if r.Delay < 0 {
		return fmt.Errorf("%w: negative delay %v", ErrInvalidReply, r.Delay)
	}
	hasMessage := r.Content != "" || r.Reasoning != "" || len(r.ToolCalls) > 0
	if hasMessage && (r.Status != 0 || r.Malformed || r.Drop) {
		return fmt.Errorf("%w: a %s fault carries no message", ErrInvalidReply, ks[0])
	}
	for i, c := range r.ToolCalls {
		if c.Name == "" {
			return fmt.Errorf("%w: tool call %d has no name", ErrInvalidReply, i)
		}
	}
	for k := range r.Headers {
		if k == "" {
			return fmt.Errorf("%w: empty header name", ErrInvalidReply)
		}
	}
	return nil
}

// replyJSON is a Reply's file form.
type replyJSON struct {
	Content      string            `json:"content,omitempty"`
	Reasoning    string            `json:"reasoning,omitempty"`
	ToolCalls    []ToolCall        `json:"tool_calls,omitempty"`
	FinishReason string            `json:"finish_reason,omitempty"`
	Usage        *openai.WireUsage `json:"usage,omitempty"`
	Logprobs     bool              `json:"logprobs,omitempty"`
	Headers      map[string]string `json:"headers,omitempty"`
	DelayMS      int64             `json:"delay_ms,omitempty"`
	Fault
}

// MarshalJSON writes the reply in the fixture-file form.
func (r Reply) MarshalJSON() ([]byte, error) {
	return json.Marshal(replyJSON{
		Content: r.Content, Reasoning: r.Reasoning, ToolCalls: r.ToolCalls, FinishReason: r.FinishReason,
		Usage: r.Usage, Logprobs: r.Logprobs, Headers: r.Headers, DelayMS: r.Delay.Milliseconds(), Fault: r.Fault,
	})
}

// UnmarshalJSON reads the fixture-file form, rejecting unknown fields.
func (r *Reply) UnmarshalJSON(b []byte) error {
	var j replyJSON
	if err := decodeStrict(b, &j); err != nil {
		return err
	}
	*r = Reply{
		Content: j.Content, Reasoning: j.Reasoning, ToolCalls: j.ToolCalls, FinishReason: j.FinishReason,
		Usage: j.Usage, Logprobs: j.Logprobs, Headers: j.Headers, Delay: time.Duration(j.DelayMS) * time.Millisecond,
		Fault: j.Fault,
	}
	return nil
}

type toolCallJSON struct {
	ID        string          `json:"id,omitempty"`
	Name      string          `json:"name"`
	Arguments json.RawMessage `json:"arguments,omitempty"`
}

// MarshalJSON writes arguments as an object when they are a compact JSON
// object (so that reading them back gives the same text), else as a string.
func (c ToolCall) MarshalJSON() ([]byte, error) {
	j := toolCallJSON{ID: c.ID, Name: c.Name}
	var compact bytes.Buffer
	if strings.HasPrefix(c.Arguments, "{") && json.Compact(&compact, []byte(c.Arguments)) == nil && compact.String() == c.Arguments {
		j.Arguments = json.RawMessage(c.Arguments)
	} else {
		j.Arguments, _ = json.Marshal(c.Arguments)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads arguments given as a string (kept verbatim) or as any
// other JSON value (kept as compact JSON text).
func (c *ToolCall) UnmarshalJSON(b []byte) error {
	var j toolCallJSON
	if err := decodeStrict(b, &j); err != nil {
		return err
	}
	*c = ToolCall{ID: j.ID, Name: j.Name}
	raw := bytes.TrimSpace(j.Arguments)
	switch {
	case len(raw) == 0 || string(raw) == "null":
	case raw[0] == '"':
		if err := json.Unmarshal(raw, &c.Arguments); err != nil {
			return fmt.Errorf("tool call %q arguments: %w", j.Name, err)
		}
	default:
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			return fmt.Errorf("tool call %q arguments: %w", j.Name, err)
		}
		c.Arguments = buf.String()
	}
	return nil
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// Fixture is a [Source] replaying scripted replies: one script per model
// name, each served in order with its own cursor. It is safe for
// concurrent use.
type Fixture struct {
	scripts map[string][]Reply
	mu      sync.Mutex
	next    map[string]int
}

// NewFixture returns a fixture over scripts keyed by model name; the
// script named [DefaultScript] answers models with no script of their own.
// Replies are checked when served: an invalid one is answered with a 500.
func NewFixture(scripts map[string][]Reply) *Fixture {
	f := &Fixture{scripts: make(map[string][]Reply, len(scripts)), next: make(map[string]int, len(scripts))}
	for name, rs := range scripts {
		f.scripts[name] = slices.Clone(rs)
	}
	return f
}

// Script returns a fixture with a single default script: every model gets
// these replies, in order.
func Script(replies ...Reply) *Fixture {
	return NewFixture(map[string][]Reply{DefaultScript: replies})
}

type fixtureFile struct {
	Scripts map[string][]Reply `json:"scripts"`
	Default []Reply            `json:"default"`
}

// ParseFixture reads a fixture from its JSON form (see the package
// documentation) and validates every reply.
func ParseFixture(b []byte) (*Fixture, error) {
	var ff fixtureFile
	if err := decodeStrict(b, &ff); err != nil {
		return nil, fmt.Errorf("parsing scripted fixture: %w", err)
	}
	scripts := ff.Scripts
	if scripts == nil {
		scripts = map[string][]Reply{}
	}
	if ff.Default != nil {
		if _, dup := scripts[DefaultScript]; dup {
			return nil, fmt.Errorf("parsing scripted fixture: %q given both as a script and as the top-level default", DefaultScript)
		}
		scripts[DefaultScript] = ff.Default
	}
	if len(scripts) == 0 {
		return nil, fmt.Errorf("parsing scripted fixture: no scripts and no default")
	}
	for _, name := range slices.Sorted(maps.Keys(scripts)) {
		for i, r := range scripts[name] {
			if err := r.Validate(); err != nil {
				return nil, fmt.Errorf("parsing scripted fixture: script %q reply %d: %w", name, i, err)
			}
		}
	}
	return NewFixture(scripts), nil
}

// LoadFixture reads a fixture file.
func LoadFixture(path string) (*Fixture, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading scripted fixture: %w", err)
	}
	f, err := ParseFixture(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// Answer serves the next reply of the script named by req.Model (or of the
// default script).
func (f *Fixture) Answer(req *openai.ChatRequest, _ int) Reply {
	name := req.Model
	replies, ok := f.scripts[name]
	if !ok {
		name = DefaultScript
		replies, ok = f.scripts[name]
	}
	if !ok {
		return Reply{Fault: Fault{Status: http.StatusNotFound, Body: errorBody(
			fmt.Sprintf("The model %q does not exist: the scripted fixture has no script for it and no %q script", req.Model, DefaultScript),
			"invalid_request_error", "model_not_found")}}
	}
	f.mu.Lock()
	i := f.next[name]
	if i < len(replies) {
		f.next[name] = i + 1
	}
	f.mu.Unlock()
	if i >= len(replies) {
		return Reply{Fault: Fault{Status: http.StatusInternalServerError, Body: errorBody(
			fmt.Sprintf("scripted: script %q ran out after %d replies", name, len(replies)), "server_error", "")}}
	}
	return replies[i]
}

// Models lists the fixture's script names, sorted.
func (f *Fixture) Models() []string { return slices.Sorted(maps.Keys(f.scripts)) }

// Remaining returns how many replies each script has left, for the scripts
// not yet exhausted: a test that expects every reply used checks it is empty.
func (f *Fixture) Remaining() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]int{}
	for name, rs := range f.scripts {
		if left := len(rs) - f.next[name]; left > 0 {
			out[name] = left
		}
	}
	return out
}

// Rewind moves every script's cursor back to its first reply.
func (f *Fixture) Rewind() {
	f.mu.Lock()
	clear(f.next)
	f.mu.Unlock()
}
