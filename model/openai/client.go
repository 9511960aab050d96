// Package openai is toolgym's client for OpenAI-compatible chat-completions
// servers: vLLM, SGLang, llama.cpp, Ollama and OpenAI itself. A [Client]
// implements [model.Model]: it sends a [model.Request] as POST
// {BaseURL}/chat/completions, retries what is worth retrying, and returns
// the reply as a [model.Response], streamed or not. The wire types and their
// conversions live in wire.go; the stream accumulator, which assembles a
// streamed reply from its chunks, is [Accumulator] and [ReadStream].
//
// Failures are typed with the sentinels of package model: a server's non-2xx
// answer is a *[model.APIError], and timeouts, connection failures,
// malformed bodies and truncated streams wrap [model.ErrTimeout],
// [model.ErrConnection], [model.ErrMalformedResponse] and
// [model.ErrTruncatedStream].
package openai

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/toolgym/toolgym/model"
)

// Defaults of [Config].
const (
	DefaultAPIKeyEnv    = "OPENAI_API_KEY"
	DefaultTimeout      = 120 * time.Second
	DefaultMaxRetries   = 4
	DefaultBackoffBase  = 500 * time.Millisecond
	DefaultBackoffMax   = 30 * time.Second
	DefaultMaxBodyBytes = 64 << 20
)

// Config configures a [Client]. Zero values take the defaults above.
type Config struct {
	// BaseURL is the server's API root, such as "http://localhost:8000/v1"
	// or "https://api.openai.com/v1"; requests go to BaseURL+"/chat/completions".
	BaseURL string
	// APIKey is sent as "Authorization: Bearer APIKey". When empty it is
	// read from the environment variable named by APIKeyEnv (default
	// OPENAI_API_KEY); when that is empty too, no Authorization header is sent.
	APIKey    string
	APIKeyEnv string
	// Model is the model name sent with each request (a request's own
	// Model, when set, wins).
	Model string
	// HTTPClient sends the requests; nil uses a client on
	// http.DefaultTransport.
	HTTPClient *http.Client
	// Timeout bounds each attempt. For a streamed reply it bounds the wait
	// for the headers and then for each next piece of the stream, so a long
	// reply that keeps arriving is not cut.
	Timeout time.Duration
	// MaxRetries is how many times a failed attempt is retried: 0 means
	// DefaultMaxRetries, a negative value means never.
	MaxRetries int
	// BackoffBase and BackoffMax shape the wait before retry n: a uniformly
	// random duration up to min(BackoffMax, BackoffBase*2^(n-1)) ("full
	// jitter"), or the server's Retry-After capped at BackoffMax.
	BackoffBase time.Duration
	BackoffMax  time.Duration
	// Jitter returns a number in [0, 1) that scales each backoff; nil uses
	// math/rand/v2. Tests set it to make waits deterministic. It must be
	// safe for concurrent use when the client is shared.
	Jitter func() float64
	// Headers are added to every request (and may replace the defaults).
	Headers map[string]string
	// Extra fields are merged into every request body (vLLM and SGLang
	// extras such as top_k or chat_template_kwargs); a request's own Extra
	// field of the same name wins.
	Extra map[string]any
	// MaxBodyBytes caps the size of a reply body; 0 means
	// DefaultMaxBodyBytes (64 MiB).
	MaxBodyBytes int64
}

// Client talks to one OpenAI-compatible server. It is safe for concurrent
// use.
type Client struct {
	cfg   Config
	url   string
	shown string // url as error messages show it
	auth  string
	extra map[string]json.RawMessage
	hc    *http.Client
}

var _ model.Model = (*Client)(nil)

// New checks cfg, fills in its defaults and returns a client.
func New(cfg Config) (*Client, error) {
	u, shown, err := endpoint(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.Model == "" {
		return nil, errors.New(`openai: Config.Model is empty; set it to the name the server serves, such as "Qwen/Qwen3-8B" or "gpt-4.1"`)
	}
	if cfg.Timeout < 0 || cfg.BackoffBase < 0 || cfg.BackoffMax < 0 || cfg.MaxBodyBytes < 0 {
		return nil, errors.New("openai: Config.Timeout, BackoffBase, BackoffMax and MaxBodyBytes must not be negative")
	}
	cfg.APIKeyEnv = cmp.Or(cfg.APIKeyEnv, DefaultAPIKeyEnv)
	cfg.Timeout = cmp.Or(cfg.Timeout, DefaultTimeout)
	cfg.BackoffBase = cmp.Or(cfg.BackoffBase, DefaultBackoffBase)
	cfg.BackoffMax = cmp.Or(cfg.BackoffMax, DefaultBackoffMax)
	cfg.MaxBodyBytes = cmp.Or(cfg.MaxBodyBytes, DefaultMaxBodyBytes)
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.BackoffBase > cfg.BackoffMax {
		return nil, fmt.Errorf("openai: Config.BackoffBase (%v) is larger than BackoffMax (%v)", cfg.BackoffBase, cfg.BackoffMax)
	}
	if cfg.Jitter == nil {
		cfg.Jitter = rand.Float64
	}
	cfg.Headers = maps.Clone(cfg.Headers)
	c := &Client{cfg: cfg, url: u, shown: shown, hc: cfg.HTTPClient}
	if c.hc == nil {
		c.hc = &http.Client{}
	}
	if key := cmp.Or(cfg.APIKey, os.Getenv(cfg.APIKeyEnv)); key != "" {
		c.auth = "Bearer " + key
	}
	if len(cfg.Extra) > 0 {
		c.extra = make(map[string]json.RawMessage, len(cfg.Extra))
		for k, v := range cfg.Extra {
			b, err := json.Marshal(v)
			if err != nil {
				return nil, fmt.Errorf("openai: Config.Extra[%q] cannot be encoded as JSON: %w", k, err)
			}
			c.extra[k] = b
		}
	}
	return c, nil
}

// endpoint turns a base URL into the chat-completions URL (and the form of
// it that error messages show, without password or query), or explains
// what a good base URL looks like.
func endpoint(base string) (full, shown string, err error) {
	const want = `want the API root, such as "http://localhost:8000/v1" or "https://api.openai.com/v1"`
	if base == "" {
		return "", "", errors.New("openai: Config.BaseURL is empty; " + want)
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", "", fmt.Errorf("openai: Config.BaseURL %q is not an http(s) URL; %s", base, want)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	if strings.HasSuffix(u.Path, "/chat/completions") {
		return "", "", fmt.Errorf("openai: Config.BaseURL %q already ends in /chat/completions; %s", base, want)
	}
	u.Path += "/chat/completions"
	u.RawPath = ""
	full = u.String()
	u.RawQuery, u.Fragment = "", "" // a query may hold a key
	return full, u.Redacted(), nil
}

// URL returns the address requests are sent to.
func (c *Client) URL() string { return c.url }

// Generate sends req and returns the reply, retrying rate limits, server
// errors, timeouts, connection failures and truncated streams with
// exponential backoff. Response.Latency covers the whole call, retries
// included, and Response.Attempts counts the attempts.
//
// When req.Stream is set the reply is streamed and assembled, and
// req.OnDelta (if set) sees each piece as it arrives; if a broken stream is
// retried, OnDelta sees the retried reply from its start. Whether the model
// called tools is decided from the assembled calls: a reply with calls has
// FinishReason "tool_calls" even where the server said "stop" or
// "eos_token" (other reasons, such as "length", are kept).
//
// A canceled ctx ends the call promptly with an error wrapping ctx.Err().
func (c *Client) Generate(ctx context.Context, req *model.Request) (*model.Response, error) {
	start := time.Now()
	if req == nil {
		return nil, errors.New("openai: Generate called with a nil request")
	}
	body, err := c.encode(req)
	if err != nil {
		return nil, fmt.Errorf("openai: encoding the request: %w", err)
	}
	for attempt := 1; ; attempt++ {
		resp, hint, err := c.attempt(ctx, body, req)
		if err == nil {
			resp.Latency = time.Since(start)
			resp.Attempts = attempt
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("openai: POST %s (attempt %d): %w", c.shown, attempt, ctx.Err())
		}
		if attempt > c.cfg.MaxRetries || !retryable(err) {
			var apiErr *model.APIError
			if errors.As(err, &apiErr) {
				apiErr.Attempts = attempt
			}
			return nil, fmt.Errorf("openai: POST %s (attempt %d): %w", c.shown, attempt, err)
		}
		if err := sleep(ctx, c.backoff(attempt, hint)); err != nil {
			return nil, fmt.Errorf("openai: POST %s: waiting to retry after attempt %d: %w", c.shown, attempt, err)
		}
	}
}

// encode builds the request body: the wire request with the client's Extra
// fields merged under the request's own.
func (c *Client) encode(req *model.Request) ([]byte, error) {
	wr, err := EncodeRequest(c.cfg.Model, req)
	if err != nil {
		return nil, err
	}
	if len(c.extra) > 0 {
		if wr.Extra == nil {
			wr.Extra = make(map[string]json.RawMessage, len(c.extra))
		}
		for k, v := range c.extra {
			if _, ok := wr.Extra[k]; !ok {
				wr.Extra[k] = v
			}
		}
	}
	return json.Marshal(wr)
}

// errAttemptTimeout is the cancellation cause of an attempt that ran past
// Config.Timeout.
var errAttemptTimeout = errors.New("attempt timed out")

// attempt makes one HTTP exchange. Besides the reply or the error it returns
// the server's Retry-After hint, if any.
func (c *Client) attempt(ctx context.Context, body []byte, req *model.Request) (*model.Response, time.Duration, error) {
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	timer := time.AfterFunc(c.cfg.Timeout, func() { cancel(errAttemptTimeout) })
	defer timer.Stop()

	hreq, err := http.NewRequestWithContext(actx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, 0, err
	}
	model.SetHeaders(ctx, hreq.Header)
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("Accept", "application/json")
	if req.Stream {
		hreq.Header.Set("Accept", "text/event-stream")
	}
	if c.auth != "" {
		hreq.Header.Set("Authorization", c.auth)
	}
	for k, v := range c.cfg.Headers {
		hreq.Header.Set(k, v)
	}

	hresp, err := c.hc.Do(hreq)
	if err != nil {
		return nil, 0, c.classify(actx, err)
	}
	defer hresp.Body.Close()
	limited := &capReader{r: hresp.Body, left: c.cfg.MaxBodyBytes, limit: c.cfg.MaxBodyBytes}

	if hresp.StatusCode < 200 || hresp.StatusCode > 299 {
		b, _ := io.ReadAll(io.LimitReader(hresp.Body, 64<<10))
		return nil, retryAfter(hresp.Header, time.Now()), newAPIError(hresp.StatusCode, b)
	}
	var resp *model.Response
	if req.Stream && !isJSON(hresp.Header.Get("Content-Type")) {
		resp, err = readStream(&idleReader{r: limited, timer: timer, d: c.cfg.Timeout}, req.OnDelta)
	} else {
		var b []byte
		if b, err = io.ReadAll(limited); err == nil {
			resp, err = decodeReply(b)
		}
		if err == nil && req.Stream {
			replay(resp, req.OnDelta)
		}
	}
	if err != nil {
		return nil, 0, c.classify(actx, err)
	}
	return resp, 0, nil
}

// decodeReply decodes a non-streamed reply body. A 200 body holding only an
// error object, as some servers send, becomes an APIError.
func decodeReply(b []byte) (*model.Response, error) {
	var wr ChatResponse
	if err := json.Unmarshal(b, &wr); err != nil {
		return nil, fmt.Errorf("%w: reply is not a chat completion: %v (body %s)", model.ErrMalformedResponse, err, cut(b, 200))
	}
	if len(wr.Choices) == 0 {
		if e, ok := parseErrorBody(b); ok {
			return nil, e.apiError(b)
		}
	}
	resp, err := DecodeResponse(&wr)
	if err != nil {
		return nil, err
	}
	normalizeFinish(resp)
	return resp, nil
}

// normalizeFinish makes a reply with tool calls finish with "tool_calls",
// whatever the server said, unless it said something more specific.
func normalizeFinish(resp *model.Response) {
	if len(resp.Message.ToolCalls) == 0 {
		return
	}
	switch resp.FinishReason {
	case "", "stop", "eos", "eos_token", "function_call":
		resp.FinishReason = "tool_calls"
	}
}

// replay hands a reply that arrived whole to onDelta, for a streamed request
// that the server answered without streaming.
func replay(resp *model.Response, onDelta func(model.Delta)) {
	if onDelta == nil {
		return
	}
	m := resp.Message
	if m.Reasoning != "" {
		onDelta(model.Delta{Reasoning: m.Reasoning})
	}
	if t := m.Text(); t != "" {
		onDelta(model.Delta{Content: t})
	}
	for i := range m.ToolCalls {
		call := m.ToolCalls[i]
		onDelta(model.Delta{ToolIndex: i, ToolCall: &call})
	}
}

// isJSON reports whether a Content-Type is JSON (and so not an SSE stream).
func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}

// capReader reads at most limit bytes and then fails, saying so.
type capReader struct {
	r           io.Reader
	left, limit int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var probe [1]byte
		if n, err := c.r.Read(probe[:]); n == 0 && err != nil {
			return 0, err // the body ended exactly at the limit (or failed)
		}
		return 0, fmt.Errorf("%w: reply body is larger than %d bytes (Config.MaxBodyBytes)", model.ErrMalformedResponse, c.limit)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// idleReader re-arms the attempt's timer whenever bytes arrive, so that a
// stream's timeout bounds the silence between pieces, not the whole reply.
type idleReader struct {
	r     io.Reader
	timer *time.Timer
	d     time.Duration
}

func (r *idleReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.timer.Reset(r.d)
	}
	return n, err
}
