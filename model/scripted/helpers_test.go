package scripted_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// serve starts a scripted server over src on an httptest server and
// returns it with a client whose idle connections close with the test.
func serve(t testing.TB, src scripted.Source, opts ...scripted.Option) (*scripted.Server, *httptest.Server, *http.Client) {
	t.Helper()
	s := scripted.NewServer(src, opts...)
	ts := httptest.NewServer(s)
	tr := &http.Transport{}
	t.Cleanup(func() {
		tr.CloseIdleConnections()
		ts.Close()
	})
	return s, ts, &http.Client{Transport: tr}
}

// chatRequest builds a request body for model with the given messages
// (alternating roles are the caller's business).
func chatRequest(modelName string, stream bool, msgs ...openai.WireMessage) *openai.ChatRequest {
	req := &openai.ChatRequest{Model: modelName, Messages: msgs, Stream: stream}
	if stream {
		req.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
	}
	return req
}

func msg(role, text string) openai.WireMessage {
	b, _ := json.Marshal(text)
	return openai.WireMessage{Role: role, Content: b}
}

func user(text string) openai.WireMessage { return msg("user", text) }

// post sends req (a *ChatRequest, []byte or string body) to the chat
// endpoint and returns the response; the caller closes its body.
func post(t testing.TB, ctx context.Context, c *http.Client, baseURL string, req any) (*http.Response, error) {
	t.Helper()
	var body []byte
	switch r := req.(type) {
	case []byte:
		body = r
	case string:
		body = []byte(r)
	default:
		var err error
		if body, err = json.Marshal(r); err != nil {
			t.Fatal(err)
		}
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/v1/chat/completions", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("Authorization", "Bearer test-key")
	return c.Do(hreq)
}

// mustPost posts and reads the whole body.
func mustPost(t testing.TB, c *http.Client, baseURL string, req any) (*http.Response, []byte) {
	t.Helper()
	resp, err := post(t, context.Background(), c, baseURL, req)
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading body: %v", err)
	}
	return resp, b
}

// complete posts a non-streamed request and decodes the chat.completion.
func complete(t testing.TB, c *http.Client, baseURL string, req *openai.ChatRequest) *openai.ChatResponse {
	t.Helper()
	resp, b := mustPost(t, c, baseURL, req)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	var cr openai.ChatResponse
	if err := json.Unmarshal(b, &cr); err != nil {
		t.Fatalf("decoding reply %s: %v", b, err)
	}
	if cr.Object != "chat.completion" || len(cr.Choices) != 1 {
		t.Fatalf("reply is not a one-choice chat.completion: %s", b)
	}
	return &cr
}

// call is a tool call reassembled from stream deltas.
type call struct {
	ID, Name, Arguments string
	Deltas              int // deltas that carried it
}

// streamed is a stream reassembled the way a careful client does, plus
// what the test checks about its shape.
type streamed struct {
	Events        []string // raw data of every event, [DONE] included
	Role          string
	Content       string
	Reasoning     string
	Calls         []call
	Finish        string
	FinishCount   int
	Usage         *openai.WireUsage
	UsageRaw      string // the raw usage event
	Done          bool
	Error         *openai.WireError
	ContentDeltas int // content deltas with text
	Logprobs      []openai.WireTokenLogprob
	TokenIDs      []int
	PromptIDs     []int
	Problems      []string // shape violations found while reading
}

// readStream reads an SSE body to its end and reassembles it.
func readStream(t testing.TB, body io.Reader) (*streamed, error) {
	t.Helper()
	st := &streamed{}
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var pendingBlank bool
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			pendingBlank = false
			continue
		}
		if pendingBlank {
			st.Problems = append(st.Problems, "event not followed by a blank line")
		}
		data, ok := strings.CutPrefix(line, "data: ")
		if !ok {
			st.Problems = append(st.Problems, "line without 'data: ': "+line)
			continue
		}
		pendingBlank = true
		st.Events = append(st.Events, data)
		if st.Done {
			st.Problems = append(st.Problems, "event after [DONE]")
		}
		if data == "[DONE]" {
			st.Done = true
			continue
		}
		var ch openai.ChatChunk
		if err := json.Unmarshal([]byte(data), &ch); err != nil {
			st.Problems = append(st.Problems, "event is not JSON: "+data)
			continue
		}
		if ch.Error != nil {
			st.Error = ch.Error
			continue
		}
		if ch.Usage != nil {
			st.Usage = ch.Usage
			st.UsageRaw = data
		}
		if ch.PromptTokenIDs != nil {
			st.PromptIDs = ch.PromptTokenIDs
		}
		if st.Finish != "" && len(ch.Choices) > 0 {
			st.Problems = append(st.Problems, "choice chunk after finish_reason")
		}
		for _, c := range ch.Choices {
			d := c.Delta
			if d.Role != "" {
				if len(st.Events) != 1 {
					st.Problems = append(st.Problems, "role not in the first chunk")
				}
				st.Role = d.Role
			}
			if d.Content != nil && *d.Content != "" {
				st.Content += *d.Content
				st.ContentDeltas++
			}
			if d.ReasoningContent != nil {
				st.Reasoning += *d.ReasoningContent
			}
			if c.Logprobs != nil {
				st.Logprobs = append(st.Logprobs, c.Logprobs.Content...)
			}
			st.TokenIDs = append(st.TokenIDs, c.TokenIDs...)
			for _, tc := range d.ToolCalls {
				if tc.Index == nil {
					st.Problems = append(st.Problems, "tool-call delta without index")
					continue
				}
				i := *tc.Index
				if i == len(st.Calls) {
					if tc.ID == "" || tc.Function.Name == "" {
						st.Problems = append(st.Problems, "first delta of a tool call lacks id or name")
					}
					st.Calls = append(st.Calls, call{ID: tc.ID, Name: tc.Function.Name})
				} else if i != len(st.Calls)-1 {
					st.Problems = append(st.Problems, "tool-call index out of order")
					continue
				} else if tc.ID != "" || tc.Function.Name != "" {
					st.Problems = append(st.Problems, "later delta of a tool call repeats id or name")
				}
				st.Calls[i].Arguments += openai.ArgumentsText(tc.Function.Arguments)
				st.Calls[i].Deltas++
			}
			if c.FinishReason != nil {
				st.Finish = *c.FinishReason
				st.FinishCount++
			}
		}
	}
	return st, sc.Err()
}

// stream posts a streamed request, checks the headers and reassembles the
// body, failing the test on a read error.
func stream(t testing.TB, c *http.Client, baseURL string, req *openai.ChatRequest) *streamed {
	t.Helper()
	resp, err := post(t, context.Background(), c, baseURL, req)
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q, want text/event-stream", ct)
	}
	st, err := readStream(t, resp.Body)
	if err != nil {
		t.Fatalf("reading stream: %v", err)
	}
	return st
}

// errorOf decodes an OpenAI error object.
func errorOf(t testing.TB, b []byte) openai.WireError {
	t.Helper()
	var e struct {
		Error *openai.WireError `json:"error"`
	}
	if err := json.Unmarshal(b, &e); err != nil || e.Error == nil {
		t.Fatalf("body is not an OpenAI error object: %s", b)
	}
	return *e.Error
}
