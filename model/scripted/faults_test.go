package scripted_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
)

// outcome is what a client saw of one request.
type outcome struct {
	status  int
	header  http.Header
	body    []byte
	readErr error
	doErr   error
}

func do(t *testing.T, c *http.Client, url string, stream bool) outcome {
	t.Helper()
	return doReq(t, c, url, chatRequest("m", stream, user("Tell me a story about the sea.")))
}

func doReq(t *testing.T, c *http.Client, url string, req *openai.ChatRequest) outcome {
	t.Helper()
	resp, err := post(t, context.Background(), c, url, req)
	if err != nil {
		return outcome{doErr: err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return outcome{status: resp.StatusCode, header: resp.Header, body: b, readErr: err}
}

func TestFaults(t *testing.T) {
	story := scripted.Reply{Content: "Once upon a time a small boat sailed out to sea and never came back.", ToolCalls: []scripted.ToolCall{scripted.Call("log", `{"event": "story told"}`)}}
	tests := []struct {
		name   string
		reply  scripted.Reply
		stream bool
		check  func(t *testing.T, o outcome)
	}{
		{
			name: "429 with Retry-After", reply: scripted.RateLimited("0"),
			check: func(t *testing.T, o outcome) {
				if o.status != 429 || o.header.Get("Retry-After") != "0" {
					t.Fatalf("status %d, Retry-After %q", o.status, o.header.Get("Retry-After"))
				}
				if e := errorOf(t, o.body); e.Type != "rate_limit_error" || e.Message == "" {
					t.Errorf("error object %+v", e)
				}
			},
		},
		{
			name: "429 on a stream request is a plain HTTP error", reply: scripted.RateLimited("2"), stream: true,
			check: func(t *testing.T, o outcome) {
				if o.status != 429 || o.header.Get("Retry-After") != "2" || !strings.HasPrefix(o.header.Get("Content-Type"), "application/json") {
					t.Errorf("status %d, headers %v", o.status, o.header)
				}
			},
		},
		{
			name: "500 with a scripted body", reply: scripted.HTTPError(500, "upstream exploded"),
			check: func(t *testing.T, o outcome) {
				if o.status != 500 || string(o.body) != "upstream exploded" || !strings.HasPrefix(o.header.Get("Content-Type"), "text/plain") {
					t.Errorf("status %d body %q type %q", o.status, o.body, o.header.Get("Content-Type"))
				}
			},
		},
		{
			name: "503 with the default body", reply: scripted.HTTPError(503, ""),
			check: func(t *testing.T, o outcome) {
				if o.status != 503 || errorOf(t, o.body).Type != "server_error" {
					t.Errorf("status %d body %s", o.status, o.body)
				}
			},
		},
		{
			name: "delay then answer", reply: scripted.Text("late").After(150 * time.Millisecond),
			check: func(t *testing.T, o outcome) {
				if o.status != 200 || !strings.Contains(string(o.body), `"late"`) {
					t.Errorf("status %d body %s", o.status, o.body)
				}
			},
		},
		{
			name: "headers on a normal reply", reply: scripted.Text("ok").WithHeader("X-Request-Id", "req-7"),
			check: func(t *testing.T, o outcome) {
				if o.status != 200 || o.header.Get("X-Request-Id") != "req-7" {
					t.Errorf("status %d headers %v", o.status, o.header)
				}
			},
		},
		{
			name: "truncate, non-stream", reply: scripted.Truncated(story),
			check: func(t *testing.T, o outcome) {
				if o.status != 200 || !errors.Is(o.readErr, io.ErrUnexpectedEOF) {
					t.Fatalf("status %d, read error %v; want 200 and an unexpected EOF", o.status, o.readErr)
				}
				if len(o.body) == 0 || json.Valid(o.body) || !strings.HasPrefix(string(o.body), `{"id":"chatcmpl-scripted-0"`) {
					t.Errorf("body is not the start of a reply: %s", o.body)
				}
			},
		},
		{
			name: "truncate, stream", reply: scripted.Truncated(story), stream: true,
			check: func(t *testing.T, o outcome) {
				if o.status != 200 || o.readErr != nil {
					t.Fatalf("status %d read error %v", o.status, o.readErr)
				}
				st, _ := readStream(t, strings.NewReader(string(o.body)))
				if st.Done || st.Finish != "" || st.Usage != nil {
					t.Errorf("truncated stream has [DONE]=%v finish %q usage %v", st.Done, st.Finish, st.Usage)
				}
				if st.Content == "" || st.Content == story.Content || !strings.HasPrefix(story.Content, st.Content) {
					t.Errorf("truncated content %q is not a proper prefix of the reply", st.Content)
				}
			},
		},
		{
			name: "malformed, non-stream", reply: scripted.Malformed(),
			check: func(t *testing.T, o outcome) {
				if o.status != 200 || len(o.body) == 0 || json.Valid(o.body) {
					t.Errorf("status %d body %q", o.status, o.body)
				}
			},
		},
		{
			name: "malformed with a scripted body", reply: scripted.Reply{Fault: scripted.Fault{Malformed: true, Body: `{"choices": [`}},
			check: func(t *testing.T, o outcome) {
				if o.status != 200 || string(o.body) != `{"choices": [` {
					t.Errorf("status %d body %q", o.status, o.body)
				}
			},
		},
		{
			name: "malformed, stream", reply: scripted.Malformed(), stream: true,
			check: func(t *testing.T, o outcome) {
				st, _ := readStream(t, strings.NewReader(string(o.body)))
				if o.status != 200 || len(st.Problems) != 1 || !strings.HasPrefix(st.Problems[0], "event is not JSON") {
					t.Errorf("status %d problems %q", o.status, st.Problems)
				}
			},
		},
		{
			name: "stream_error", reply: scripted.StreamError(story, "model crashed"), stream: true,
			check: func(t *testing.T, o outcome) {
				st, _ := readStream(t, strings.NewReader(string(o.body)))
				if o.status != 200 || st.Error == nil || st.Error.Message != "model crashed" || st.Error.Type != "server_error" {
					t.Fatalf("status %d error %+v\n%s", o.status, st.Error, o.body)
				}
				if st.Finish != "" || !st.Done || st.Content == "" {
					t.Errorf("finish %q done %v content %q; want a started stream, the error, then [DONE]", st.Finish, st.Done, st.Content)
				}
			},
		},
		{
			name: "stream_error, non-stream", reply: scripted.StreamError(scripted.Reply{}, "model crashed"),
			check: func(t *testing.T, o outcome) {
				if o.status != 200 || errorOf(t, o.body).Message != "model crashed" {
					t.Errorf("status %d body %s", o.status, o.body)
				}
			},
		},
		{
			name: "drop", reply: scripted.Drop(),
			check: func(t *testing.T, o outcome) {
				if o.doErr == nil {
					t.Errorf("request succeeded with status %d", o.status)
				}
			},
		},
		{
			name: "drop, stream", reply: scripted.Drop(), stream: true,
			check: func(t *testing.T, o outcome) {
				if o.doErr == nil {
					t.Errorf("request succeeded with status %d", o.status)
				}
			},
		},
		{
			name: "invalid reply from a source", reply: scripted.Reply{Content: "x", Fault: scripted.Fault{Status: 200}},
			check: func(t *testing.T, o outcome) {
				if o.status != 500 || !strings.Contains(errorOf(t, o.body).Message, "invalid reply") {
					t.Errorf("status %d body %s", o.status, o.body)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ts, c := serve(t, scripted.Script(tt.reply))
			start := time.Now()
			tt.check(t, do(t, c, ts.URL, tt.stream))
			if d := tt.reply.Delay; time.Since(start) < d {
				t.Errorf("answered after %v, before the %v delay", time.Since(start), d)
			}
		})
	}
}

func TestExhaustedScript(t *testing.T) {
	fix := scripted.NewFixture(map[string][]scripted.Reply{"m": {scripted.Text("only one")}})
	_, ts, c := serve(t, fix)
	if o := do(t, c, ts.URL, false); o.status != 200 {
		t.Fatalf("first request: %d %s", o.status, o.body)
	}
	for _, stream := range []bool{false, true} {
		o := do(t, c, ts.URL, stream)
		if o.status != 500 {
			t.Fatalf("exhausted script answered %d %s", o.status, o.body)
		}
		if e := errorOf(t, o.body); !strings.Contains(e.Message, `script "m" ran out after 1 replies`) || e.Type != "server_error" {
			t.Errorf("error %+v", e)
		}
	}
	// A model with no script and no default is unknown.
	resp, b := mustPost(t, c, ts.URL, chatRequest("other", false, user("hi")))
	if resp.StatusCode != 404 || !strings.Contains(string(b), "model_not_found") {
		t.Errorf("unknown model: %d %s", resp.StatusCode, b)
	}
}

// TestDelayHonoursCancellation checks that a delayed reply stops waiting as
// soon as the client gives up: the handler returns long before the delay.
func TestDelayHonoursCancellation(t *testing.T) {
	for _, stream := range []bool{false, true} {
		s := scripted.NewServer(scripted.Script(scripted.Text("too late").After(time.Minute)))
		returned := make(chan time.Time, 1)
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.ServeHTTP(w, r)
			returned <- time.Now()
		}))
		tr := &http.Transport{}
		c := &http.Client{Transport: tr}

		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		resp, err := post(t, ctx, c, ts.URL, chatRequest("m", stream, user("hi")))
		cancel()
		if err == nil {
			resp.Body.Close()
			t.Fatalf("stream=%v: delayed request answered with %d", stream, resp.StatusCode)
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("stream=%v: error %v, want a deadline", stream, err)
		}
		select {
		case <-returned:
		case <-time.After(3 * time.Second):
			t.Fatalf("stream=%v: handler still waiting 3s after the client left (delay 1m)", stream)
		}
		tr.CloseIdleConnections()
		ts.Close()
	}
}
