package openai

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// golden is the part of a response the fixtures under testdata/replies
// pin down.
type golden struct {
	ID             string          `json:"id"`
	Model          string          `json:"model"`
	Text           string          `json:"text"`
	Reasoning      string          `json:"reasoning"`
	ToolCalls      []tool.Call     `json:"tool_calls"`
	FinishReason   string          `json:"finish_reason"`
	Usage          model.Usage     `json:"usage"`
	PromptTokenIDs []int           `json:"prompt_token_ids"`
	TokenIDs       []int           `json:"token_ids"`
	Logprobs       []model.Logprob `json:"logprobs"`
}

func goldenOf(r *model.Response) golden {
	return golden{
		ID: r.ID, Model: r.Model, Text: r.Message.Text(), Reasoning: r.Message.Reasoning,
		ToolCalls: r.Message.ToolCalls, FinishReason: r.FinishReason, Usage: r.Usage,
		PromptTokenIDs: r.PromptTokenIDs, TokenIDs: r.Message.TokenIDs, Logprobs: r.Message.Logprobs,
	}
}

// deltaLog reassembles the pieces OnDelta saw, to check they add up to
// the reply.
type deltaLog struct {
	text, reasoning string
	calls           []tool.Call
}

func (l *deltaLog) add(d model.Delta) {
	l.text += d.Content
	l.reasoning += d.Reasoning
	if d.ToolCall != nil {
		for len(l.calls) <= d.ToolIndex {
			l.calls = append(l.calls, tool.Call{})
		}
		c := &l.calls[d.ToolIndex]
		c.ID += d.ToolCall.ID
		c.Name += d.ToolCall.Name
		c.Arguments += d.ToolCall.Arguments
	}
}

// TestReplies replays every reply under testdata/replies (.json bodies
// non-streamed, .sse bodies streamed with LF, CRLF and CR line ends) and
// compares the response with the .want.json beside it.
func TestReplies(t *testing.T) {
	files, _ := filepath.Glob("testdata/replies/*")
	n := 0
	for _, file := range files {
		if strings.HasSuffix(file, ".want.json") {
			continue
		}
		name := filepath.Base(file)
		stream := filepath.Ext(file) == ".sse"
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		wantJSON, err := os.ReadFile(strings.TrimSuffix(file, filepath.Ext(file)) + ".want.json")
		if err != nil {
			t.Fatal(err)
		}
		var want golden
		if err := json.Unmarshal(wantJSON, &want); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		variants := map[string]string{"": string(body)}
		if stream {
			variants = map[string]string{
				"lf":   string(body),
				"crlf": strings.ReplaceAll(string(body), "\n", "\r\n"),
				"cr":   strings.ReplaceAll(string(body), "\n", "\r"),
			}
		}
		for variant, body := range variants {
			n++
			t.Run(name+"/"+variant, func(t *testing.T) {
				f := newFakeServer(t, reply{body: body, sse: stream})
				c := newTestClient(t, testConfig(f))
				var log deltaLog
				resp, err := c.Generate(context.Background(), &model.Request{
					Messages: []model.Message{model.User("hi")}, Stream: stream, OnDelta: log.add,
				})
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, goldenOf(resp), cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("response mismatch (-want +got):\n%s", diff)
				}
				if resp.Message.Role != model.RoleAssistant || resp.Attempts != 1 || resp.Latency <= 0 {
					t.Errorf("role %q, attempts %d, latency %v", resp.Message.Role, resp.Attempts, resp.Latency)
				}
				if !stream {
					return
				}
				if log.text != want.Text || log.reasoning != want.Reasoning {
					t.Errorf("deltas say text %q reasoning %q", log.text, log.reasoning)
				}
				if diff := cmp.Diff(want.ToolCalls, log.calls, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("tool-call deltas do not add up to the calls (-want +got):\n%s", diff)
				}
			})
		}
	}
	if n < 10 {
		t.Fatalf("only %d fixtures found under testdata/replies", n)
	}
}

func TestRequestReachesServer(t *testing.T) {
	f := newFakeServer(t, reply{body: `{"choices":[{"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}`})
	cfg := testConfig(f)
	cfg.Headers = map[string]string{"X-Team": "evals"}
	cfg.Extra = map[string]any{"top_k": 20, "chat_template_kwargs": map[string]any{"enable_thinking": false}}
	c := newTestClient(t, cfg)
	temp := 0.5
	_, err := c.Generate(context.Background(), &model.Request{
		Messages:    []model.Message{model.System("be brief"), model.User("hi")},
		Tools:       []tool.Spec{{Name: "get_weather", Description: "weather", Parameters: json.RawMessage(`{"type":"object"}`)}},
		Temperature: &temp,
		Stream:      false,
		Extra:       map[string]any{"top_k": 5, "return_token_ids": true},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := f.request(0)
	if h := got.header.Get("Authorization"); h != "Bearer sk-test" {
		t.Errorf("Authorization = %q", h)
	}
	if h := got.header.Get("X-Team"); h != "evals" {
		t.Errorf("X-Team = %q", h)
	}
	if h := got.header.Get("Content-Type"); h != "application/json" {
		t.Errorf("Content-Type = %q", h)
	}
	want := map[string]any{
		"model":                "test-model",
		"top_k":                5.0, // the request's Extra wins over the client's
		"return_token_ids":     true,
		"chat_template_kwargs": map[string]any{"enable_thinking": false},
		"temperature":          0.5,
	}
	for k, v := range want {
		if diff := cmp.Diff(v, got.body[k]); diff != "" {
			t.Errorf("body field %q (-want +got):\n%s", k, diff)
		}
	}
	if msgs, _ := got.body["messages"].([]any); len(msgs) != 2 {
		t.Errorf("messages = %v", got.body["messages"])
	}
	if tools, _ := got.body["tools"].([]any); len(tools) != 1 {
		t.Errorf("tools = %v", got.body["tools"])
	}
	if _, ok := got.body["stream"]; ok {
		t.Errorf("non-streamed request has stream: %v", got.body["stream"])
	}
}

func TestStreamRequestAsksForUsage(t *testing.T) {
	body, _ := os.ReadFile("testdata/replies/stream_text.sse")
	f := newFakeServer(t, reply{body: string(body), sse: true})
	c := newTestClient(t, testConfig(f))
	if _, err := c.Generate(context.Background(), &model.Request{Messages: []model.Message{model.User("hi")}, Stream: true}); err != nil {
		t.Fatal(err)
	}
	got := f.request(0)
	if got.body["stream"] != true || !cmp.Equal(got.body["stream_options"], map[string]any{"include_usage": true}) {
		t.Errorf("stream = %v, stream_options = %v", got.body["stream"], got.body["stream_options"])
	}
	if h := got.header.Get("Accept"); h != "text/event-stream" {
		t.Errorf("Accept = %q", h)
	}
}

func TestAPIKey(t *testing.T) {
	tests := []struct {
		name, key, env, envValue, want string
	}{
		{name: "explicit", key: "sk-a", want: "Bearer sk-a"},
		{name: "from named env", env: "TOOLGYM_TEST_KEY", envValue: "sk-env", want: "Bearer sk-env"},
		{name: "from OPENAI_API_KEY", env: "OPENAI_API_KEY", envValue: "sk-default", want: "Bearer sk-default"},
		{name: "none", env: "OPENAI_API_KEY", envValue: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv(tt.env, tt.envValue)
			}
			f := newFakeServer(t, reply{body: `{"choices":[{"message":{"content":"ok"},"finish_reason":"stop"}]}`})
			cfg := testConfig(f)
			cfg.APIKey = tt.key
			if tt.env != "OPENAI_API_KEY" {
				cfg.APIKeyEnv = tt.env
			}
			c := newTestClient(t, cfg)
			if _, err := c.Generate(context.Background(), &model.Request{Messages: []model.Message{model.User("hi")}}); err != nil {
				t.Fatal(err)
			}
			h := f.request(0).header
			if got := h.Get("Authorization"); got != tt.want {
				t.Errorf("Authorization = %q, want %q", got, tt.want)
			}
			if _, present := h["Authorization"]; tt.want == "" && present {
				t.Error("an Authorization header was sent without a key")
			}
		})
	}
}

func TestStreamAnsweredWithJSON(t *testing.T) {
	body, _ := os.ReadFile("testdata/replies/tool_calls.json")
	f := newFakeServer(t, reply{body: string(body)})
	c := newTestClient(t, testConfig(f))
	var log deltaLog
	resp, err := c.Generate(context.Background(), &model.Request{Messages: []model.Message{model.User("hi")}, Stream: true, OnDelta: log.add})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Message.ToolCalls) != 2 || !cmp.Equal(log.calls, resp.Message.ToolCalls) {
		t.Errorf("calls %v, deltas %v", resp.Message.ToolCalls, log.calls)
	}
}

func TestNewValidates(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no base URL", Config{Model: "m"}, `"http://localhost:8000/v1"`},
		{"no scheme", Config{BaseURL: "localhost:8000/v1", Model: "m"}, `is not an http(s) URL; want the API root, such as "http://localhost:8000/v1"`},
		{"ftp", Config{BaseURL: "ftp://host/v1", Model: "m"}, "is not an http(s) URL"},
		{"no host", Config{BaseURL: "http:///v1", Model: "m"}, "is not an http(s) URL"},
		{"full path", Config{BaseURL: "http://h/v1/chat/completions", Model: "m"}, "already ends in /chat/completions"},
		{"no model", Config{BaseURL: "http://h/v1"}, "Config.Model is empty"},
		{"negative timeout", Config{BaseURL: "http://h/v1", Model: "m", Timeout: -1}, "must not be negative"},
		{"base over max", Config{BaseURL: "http://h/v1", Model: "m", BackoffBase: time.Minute}, "larger than BackoffMax"},
		{"bad extra", Config{BaseURL: "http://h/v1", Model: "m", Extra: map[string]any{"f": func() {}}}, `Config.Extra["f"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New: %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestURL(t *testing.T) {
	tests := map[string]string{
		"http://localhost:8000/v1":             "http://localhost:8000/v1/chat/completions",
		"http://localhost:8000/v1/":            "http://localhost:8000/v1/chat/completions",
		"https://api.openai.com/v1":            "https://api.openai.com/v1/chat/completions",
		"https://h/openai/v1?api-version=2025": "https://h/openai/v1/chat/completions?api-version=2025",
		"http://localhost:11434":               "http://localhost:11434/chat/completions",
	}
	for base, want := range tests {
		c, err := New(Config{BaseURL: base, Model: "m"})
		if err != nil {
			t.Fatal(err)
		}
		if c.URL() != want {
			t.Errorf("%s: URL %s, want %s", base, c.URL(), want)
		}
	}
}

func TestErrorBodies(t *testing.T) {
	tests := []struct {
		name, body      string
		status          int
		wantType, wantM string
	}{
		{"openai", `{"error":{"message":"Invalid 'messages'","type":"invalid_request_error","code":null}}`, 400, "invalid_request_error", "Invalid 'messages'"},
		{"vllm", `{"object":"error","message":"model not found","type":"NotFoundError","param":null,"code":404}`, 404, "NotFoundError", "model not found"},
		{"string error", `{"error":"overloaded"}`, 503, "", "overloaded"},
		{"fastapi detail", `{"detail":"Not Found"}`, 404, "", "Not Found"},
		{"plain text", `upstream connect error`, 502, "", ""},
		{"empty", ``, 503, "", "Service Unavailable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newAPIError(tt.status, []byte(tt.body))
			if e.StatusCode != tt.status || e.Type != tt.wantType || e.Message != tt.wantM || e.Body != tt.body {
				t.Errorf("got %+v", e)
			}
		})
	}
}

// errAs returns err as an *APIError, failing the test when it is not one.
func errAs(t *testing.T, err error) *model.APIError {
	t.Helper()
	var apiErr *model.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v (%T) is not an *model.APIError", err, err)
	}
	return apiErr
}

func generate(c *Client, stream bool, onDelta func(model.Delta)) (*model.Response, error) {
	return c.Generate(context.Background(), &model.Request{Messages: []model.Message{model.User("hi")}, Stream: stream, OnDelta: onDelta})
}

// refusedURL returns a loopback address nobody listens on.
func refusedURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/v1"
}

func TestCapReader(t *testing.T) {
	for _, tt := range []struct {
		size, limit int
		ok          bool
	}{{10, 10, true}, {9, 10, true}, {11, 10, false}, {0, 0, true}} {
		r := &capReader{r: strings.NewReader(strings.Repeat("x", tt.size)), left: int64(tt.limit), limit: int64(tt.limit)}
		b, err := io.ReadAll(r)
		if ok := err == nil; ok != tt.ok || (ok && len(b) != tt.size) {
			t.Errorf("size %d limit %d: read %d bytes, error %v", tt.size, tt.limit, len(b), err)
		}
		if err != nil && !errors.Is(err, model.ErrMalformedResponse) {
			t.Errorf("error %v is not ErrMalformedResponse", err)
		}
	}
}
