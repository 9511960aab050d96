package openai

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// reply is one scripted answer of a fakeServer.
type reply struct {
	status int               // 0 means 200
	header map[string]string // extra response headers
	body   string
	sse    bool          // send body as text/event-stream, in small flushed pieces
	piece  int           // size of those pieces; 0 means 17 bytes
	pace   time.Duration // pause before each piece of an SSE body
	delay  time.Duration // pause before answering
	hang   bool          // after the body, keep the response open until the client leaves
	hangup bool          // close the connection without answering
}

// seenRequest is what the fake server received.
type seenRequest struct {
	header http.Header
	body   map[string]any
	at     time.Time
}

// fakeServer is a real HTTP server on loopback that answers each request
// with the next scripted reply (the last one repeats) and records what it
// received.
type fakeServer struct {
	*httptest.Server
	mu      sync.Mutex
	replies []reply
	seen    []seenRequest
}

func newFakeServer(t testing.TB, replies ...reply) *fakeServer {
	t.Helper()
	f := &fakeServer{replies: replies}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeServer) serve(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	var body map[string]any
	_ = json.Unmarshal(b, &body)
	f.mu.Lock()
	rep := f.replies[min(len(f.seen), len(f.replies)-1)]
	f.seen = append(f.seen, seenRequest{header: r.Header.Clone(), body: body, at: time.Now()})
	f.mu.Unlock()

	if !wait(r, rep.delay) {
		return
	}
	if rep.hangup {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
		return
	}
	for k, v := range rep.header {
		w.Header().Set(k, v)
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
		if rep.sse {
			w.Header().Set("Content-Type", "text/event-stream")
		}
	}
	w.WriteHeader(max(rep.status, 200))
	if !rep.sse {
		io.WriteString(w, rep.body)
	} else {
		piece := rep.piece
		if piece == 0 {
			piece = 17 // odd, so that lines and events straddle reads
		}
		for i := 0; i < len(rep.body); i += piece {
			if !wait(r, rep.pace) {
				return
			}
			io.WriteString(w, rep.body[i:min(i+piece, len(rep.body))])
			w.(http.Flusher).Flush()
		}
	}
	if rep.hang {
		w.(http.Flusher).Flush()
		wait(r, 10*time.Second)
	}
}

// wait pauses for d unless the client goes away first; it reports whether
// the client is still there.
func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return r.Context().Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

func (f *fakeServer) hits() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.seen)
}

func (f *fakeServer) request(i int) seenRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen[i]
}

// testConfig is a config for f with fast, deterministic backoff.
func testConfig(f *fakeServer) Config {
	return Config{
		BaseURL:     f.URL + "/v1",
		Model:       "test-model",
		APIKey:      "sk-test",
		BackoffBase: time.Millisecond,
		BackoffMax:  4 * time.Millisecond,
		Jitter:      func() float64 { return 1 },
	}
}

func newTestClient(t testing.TB, cfg Config) *Client {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
