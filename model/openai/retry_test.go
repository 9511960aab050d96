package openai

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/toolgym/toolgym/model"
)

const okBody = `{"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}`

func TestRetryAfterIsHonoured(t *testing.T) {
	f := newFakeServer(t,
		reply{status: 429, header: map[string]string{"Retry-After": "30"}, body: `{"error":{"message":"slow down","type":"rate_limit_error"}}`},
		reply{body: okBody})
	cfg := testConfig(f)
	cfg.Jitter = func() float64 { return 0 } // without Retry-After there would be no wait at all
	cfg.BackoffMax = 150 * time.Millisecond  // caps the server's 30 s
	c := newTestClient(t, cfg)
	resp, err := generate(c, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Attempts != 2 || f.hits() != 2 {
		t.Fatalf("attempts %d, hits %d; want 2", resp.Attempts, f.hits())
	}
	gap := f.request(1).at.Sub(f.request(0).at)
	if gap < 150*time.Millisecond || gap > 10*time.Second {
		t.Errorf("waited %v between attempts, want Retry-After capped at BackoffMax (150ms)", gap)
	}
	if resp.Latency < gap {
		t.Errorf("latency %v does not include the wait %v", resp.Latency, gap)
	}
}

func TestServerErrorsThenSuccess(t *testing.T) {
	f := newFakeServer(t, reply{status: 500, body: "boom"}, reply{status: 502}, reply{body: okBody})
	c := newTestClient(t, testConfig(f))
	resp, err := generate(c, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Attempts != 3 || f.hits() != 3 || resp.Message.Text() != "ok" {
		t.Errorf("attempts %d, hits %d, text %q", resp.Attempts, f.hits(), resp.Message.Text())
	}
}

func TestFailures(t *testing.T) {
	bigBody := `{"error":{"message":"down","type":"server_error"},"pad":"` + strings.Repeat("x", 10<<10) + `"}`
	truncated := "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n"
	tests := []struct {
		name     string
		replies  []reply
		stream   bool
		cfg      func(*Config)
		want     error // errors.Is
		hits     int   // -1: not checked (the server may not see an attempt that timed out early)
		status   int   // of the APIError, 0 when none is wanted
		contains string
	}{
		{name: "400 not retried", replies: []reply{{status: 400, body: `{"error":{"message":"bad 'messages'","type":"invalid_request_error"}}`}},
			want: model.ErrBadRequest, hits: 1, status: 400, contains: "bad 'messages'"},
		{name: "404 not retried", replies: []reply{{status: 404, body: `{"detail":"Not Found"}`}},
			want: model.ErrBadRequest, hits: 1, status: 404},
		{name: "retries exhausted", replies: []reply{{status: 503, body: bigBody}}, cfg: func(c *Config) { c.MaxRetries = 2 },
			want: model.ErrServer, hits: 3, status: 503, contains: "after 3 attempts"},
		{name: "429 exhausted", replies: []reply{{status: 429}}, cfg: func(c *Config) { c.MaxRetries = 1 },
			want: model.ErrRateLimited, hits: 2, status: 429},
		{name: "no retries", replies: []reply{{status: 500}}, cfg: func(c *Config) { c.MaxRetries = -1 },
			want: model.ErrServer, hits: 1, status: 500},
		{name: "malformed body", replies: []reply{{body: `{"choices": [`}},
			want: model.ErrMalformedResponse, hits: 1, contains: "not a chat completion"},
		{name: "no choices", replies: []reply{{body: `{"id":"x","choices":[]}`}},
			want: model.ErrMalformedResponse, hits: 1},
		{name: "error object in a 200 body", replies: []reply{{body: `{"error":{"message":"prompt too long","type":"BadRequestError","code":400}}`}},
			want: model.ErrBadRequest, hits: 1, status: 400, contains: "prompt too long"},
		{name: "body too large", replies: []reply{{body: bigBody}}, cfg: func(c *Config) { c.MaxBodyBytes = 1 << 10 },
			want: model.ErrMalformedResponse, hits: 1, contains: "larger than 1024 bytes (Config.MaxBodyBytes)"},
		{name: "stream too large", stream: true, replies: []reply{{sse: true, body: strings.Repeat(truncated, 100)}}, cfg: func(c *Config) { c.MaxBodyBytes = 1 << 10 },
			want: model.ErrMalformedResponse, hits: 1, contains: "Config.MaxBodyBytes"},
		{name: "attempt timeout", replies: []reply{{delay: 10 * time.Second, body: okBody}},
			cfg:  func(c *Config) { c.Timeout = 200 * time.Millisecond; c.MaxRetries = 1 },
			want: model.ErrTimeout, hits: -1, contains: "(attempt 2): request timed out: no answer within 200ms"},
		{name: "stream stalls", stream: true, replies: []reply{{sse: true, body: truncated, hang: true}},
			cfg:  func(c *Config) { c.Timeout = 200 * time.Millisecond; c.MaxRetries = -1 },
			want: model.ErrTimeout, hits: -1, contains: "(attempt 1): request timed out"},
		{name: "truncated stream", stream: true, replies: []reply{{sse: true, body: truncated}}, cfg: func(c *Config) { c.MaxRetries = 2 },
			want: model.ErrTruncatedStream, hits: 3, contains: "attempt 3"},
		{name: "stream cut mid-chunk", stream: true, replies: []reply{{sse: true, body: truncated + `data: {"choices":[{"ind`}}, cfg: func(c *Config) { c.MaxRetries = -1 },
			want: model.ErrTruncatedStream, hits: 1},
		{name: "error inside a 200 stream", stream: true, cfg: func(c *Config) { c.MaxRetries = 1 },
			replies: []reply{{sse: true, body: truncated + `data: {"error":{"message":"CUDA out of memory","type":"InternalServerError","code":500}}` + "\n\n"}},
			want:    model.ErrServer, hits: 2, status: 500, contains: "CUDA out of memory"},
		{name: "bad-request error inside a stream", stream: true,
			replies: []reply{{sse: true, body: `data: {"object":"error","message":"max_tokens too large","type":"BadRequestError","param":null,"code":400}` + "\n\n"}},
			want:    model.ErrBadRequest, hits: 1, status: 400, contains: "max_tokens too large"},
		{name: "malformed chunk", stream: true, replies: []reply{{sse: true, body: "data: {oops}\n\ndata: [DONE]\n\n"}},
			want: model.ErrMalformedResponse, hits: 1, contains: "chunk 1"},
		{name: "connection dropped", replies: []reply{{hangup: true}}, cfg: func(c *Config) { c.MaxRetries = 1 },
			want: model.ErrConnection, hits: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeServer(t, tt.replies...)
			cfg := testConfig(f)
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			c := newTestClient(t, cfg)
			start := time.Now()
			resp, err := generate(c, tt.stream, nil)
			if err == nil {
				t.Fatalf("got a reply %+v, want an error", resp)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error %q does not match %v", err, tt.want)
			}
			if tt.hits >= 0 && f.hits() != tt.hits {
				t.Errorf("server saw %d requests, want %d", f.hits(), tt.hits)
			}
			if !strings.Contains(err.Error(), tt.contains) || !strings.Contains(err.Error(), c.URL()) {
				t.Errorf("error %q does not name the URL or contain %q", err, tt.contains)
			}
			if tt.status != 0 {
				apiErr := errAs(t, err)
				if apiErr.StatusCode != tt.status || apiErr.Attempts != f.hits() {
					t.Errorf("APIError status %d attempts %d, want %d and %d", apiErr.StatusCode, apiErr.Attempts, tt.status, tt.hits)
				}
				if len(apiErr.Body) > maxErrorBody+len("…[cut]") {
					t.Errorf("APIError body is %d bytes, want it cut to %d", len(apiErr.Body), maxErrorBody)
				}
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestConnectionRefused(t *testing.T) {
	base := strings.Replace(refusedURL(t), "http://", "http://user:hunter2@", 1) + "?key=sk-query"
	c := newTestClient(t, Config{BaseURL: base, Model: "m", MaxRetries: 2, BackoffBase: time.Millisecond, BackoffMax: time.Millisecond})
	_, err := generate(c, false, nil)
	if !errors.Is(err, model.ErrConnection) || !strings.Contains(err.Error(), "attempt 3") {
		t.Errorf("error %v, want ErrConnection after attempt 3", err)
	}
	if strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "sk-query") {
		t.Errorf("error %q shows a secret of the URL", err)
	}
}

func TestConnectionDroppedThenSuccess(t *testing.T) {
	f := newFakeServer(t, reply{hangup: true}, reply{body: okBody})
	c := newTestClient(t, testConfig(f))
	resp, err := generate(c, false, nil)
	if err != nil || resp.Attempts != 2 {
		t.Fatalf("resp %+v, err %v; want success on attempt 2", resp, err)
	}
}

func TestTruncatedStreamRetried(t *testing.T) {
	good := "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
	f := newFakeServer(t, reply{sse: true, body: "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"He\"}}]}\n\n"}, reply{sse: true, body: good})
	c := newTestClient(t, testConfig(f))
	resp, err := generate(c, true, nil)
	if err != nil || resp.Attempts != 2 || resp.Message.Text() != "Hello" {
		t.Fatalf("resp %+v, err %v", resp, err)
	}
}

// TestSlowStreamWithinIdleTimeout checks that Timeout bounds the silence
// between pieces of a stream, not the whole stream.
func TestSlowStreamWithinIdleTimeout(t *testing.T) {
	body := strings.Repeat("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\n", 3) +
		"data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
	f := newFakeServer(t, reply{sse: true, body: body, piece: 3, pace: 15 * time.Millisecond})
	cfg := testConfig(f)
	cfg.Timeout = time.Second // the whole stream takes at least 87 pieces x 15ms
	cfg.MaxRetries = -1
	c := newTestClient(t, cfg)
	resp, err := generate(c, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Message.Text() != "xxx" || resp.Latency < cfg.Timeout {
		t.Errorf("text %q latency %v", resp.Message.Text(), resp.Latency)
	}
}

func TestCancelMidStream(t *testing.T) {
	f := newFakeServer(t, reply{sse: true, body: "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n", hang: true})
	c := newTestClient(t, testConfig(f))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	_, err := c.Generate(ctx, &model.Request{
		Messages: []model.Message{model.User("hi")}, Stream: true,
		OnDelta: func(model.Delta) { cancel() },
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second { // the server would hang for 10s
		t.Errorf("returned after %v", d)
	}
	if f.hits() != 1 {
		t.Errorf("server saw %d requests, want 1 (no retry after cancel)", f.hits())
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	f := newFakeServer(t, reply{status: 503})
	cfg := testConfig(f)
	cfg.BackoffBase, cfg.BackoffMax = 30*time.Second, 30*time.Second
	c := newTestClient(t, cfg)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.Generate(ctx, &model.Request{Messages: []model.Message{model.User("hi")}})
	if !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second || f.hits() != 1 {
		t.Errorf("error %v after %v and %d requests", err, time.Since(start), f.hits())
	}
}

func TestCanceledBeforeStart(t *testing.T) {
	f := newFakeServer(t, reply{body: okBody})
	c := newTestClient(t, testConfig(f))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Generate(ctx, &model.Request{Messages: []model.Message{model.User("hi")}})
	if !errors.Is(err, context.Canceled) || f.hits() != 0 {
		t.Errorf("error %v, %d requests", err, f.hits())
	}
}

func TestBackoff(t *testing.T) {
	c := &Client{cfg: Config{BackoffBase: 100 * time.Millisecond, BackoffMax: time.Second, Jitter: func() float64 { return 1 }}}
	want := []time.Duration{100, 200, 400, 800, 1000, 1000, 1000}
	for i, w := range want {
		if got := c.backoff(i+1, 0); got != w*time.Millisecond {
			t.Errorf("backoff after attempt %d = %v, want %v", i+1, got, w*time.Millisecond)
		}
	}
	c.cfg.Jitter = func() float64 { return 0.25 }
	if got := c.backoff(3, 0); got != 100*time.Millisecond {
		t.Errorf("jittered backoff = %v, want 100ms", got)
	}
	if got := c.backoff(1, 300*time.Millisecond); got != 300*time.Millisecond {
		t.Errorf("hinted backoff = %v, want 300ms", got)
	}
	if got := c.backoff(1, time.Hour); got != time.Second {
		t.Errorf("hinted backoff = %v, want it capped at 1s", got)
	}
	if got := c.backoff(100, 0); got != 250*time.Millisecond {
		t.Errorf("backoff after attempt 100 = %v", got)
	}
}

func TestRetryAfterHeader(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		header map[string]string
		want   time.Duration
	}{
		{map[string]string{}, 0},
		{map[string]string{"Retry-After": "2"}, 2 * time.Second},
		{map[string]string{"Retry-After": "0.5"}, 500 * time.Millisecond},
		{map[string]string{"Retry-After": now.Add(3 * time.Second).Format(http.TimeFormat)}, 3 * time.Second},
		{map[string]string{"Retry-After": now.Add(-time.Minute).Format(http.TimeFormat)}, 0},
		{map[string]string{"Retry-After": "soon"}, 0},
		{map[string]string{"Retry-After": "-3"}, 0},
		{map[string]string{"Retry-After": "NaN"}, 0},
		{map[string]string{"Retry-After": "1e300"}, 24 * time.Hour},
		{map[string]string{"Retry-After-Ms": "250", "Retry-After": "9"}, 250 * time.Millisecond},
	}
	for _, tt := range tests {
		h := http.Header{}
		for k, v := range tt.header {
			h.Set(k, v)
		}
		if got := retryAfter(h, now); got != tt.want {
			t.Errorf("retryAfter(%v) = %v, want %v", tt.header, got, tt.want)
		}
	}
}
