package scripted_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
)

func TestCompletionShape(t *testing.T) {
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name        string
		reply       scripted.Reply
		wantContent string // raw JSON of message.content
		wantFinish  string
		wantCalls   []openai.WireToolCall
		wantUsage   openai.WireUsage
	}{
		{
			name:        "text",
			reply:       scripted.Text("Hello there."),
			wantContent: `"Hello there."`,
			wantFinish:  "stop",
			// prompt "hi" + "be brief" = 10 chars -> 10/4+1; completion 12 chars -> 12/4+1
			wantUsage: openai.WireUsage{PromptTokens: 3, CompletionTokens: 4, TotalTokens: 7},
		},
		{
			name:        "tool calls",
			reply:       scripted.Calls(scripted.Call("f", map[string]int{"a": 1}), scripted.Call("g", "not json").WithID("my_id")),
			wantContent: `null`,
			wantFinish:  "tool_calls",
			wantCalls: []openai.WireToolCall{
				{ID: "call_0_0", Type: "function", Function: openai.WireFunctionCall{Name: "f", Arguments: json.RawMessage(`"{\"a\":1}"`)}},
				{ID: "my_id", Type: "function", Function: openai.WireFunctionCall{Name: "g", Arguments: json.RawMessage(`"not json"`)}},
			},
			// completion: "f"+`{"a":1}` + "g"+"not json" = 1+7+1+8 = 17 -> 5
			wantUsage: openai.WireUsage{PromptTokens: 3, CompletionTokens: 5, TotalTokens: 8},
		},
		{
			name:        "finish reason and usage as scripted",
			reply:       scripted.Reply{Content: "cut", FinishReason: "length"}.WithUsage(100, 7),
			wantContent: `"cut"`,
			wantFinish:  "length",
			wantUsage:   openai.WireUsage{PromptTokens: 100, CompletionTokens: 7, TotalTokens: 107},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ts, c := serve(t, scripted.Script(tt.reply), scripted.WithClock(func() time.Time { return created }))
			cr := complete(t, c, ts.URL, chatRequest("m", false, msg("system", "be brief"), user("hi")))
			if cr.ID != "chatcmpl-scripted-0" || cr.Model != "m" || cr.Created != created.Unix() {
				t.Errorf("id, model, created = %q, %q, %d", cr.ID, cr.Model, cr.Created)
			}
			ch := cr.Choices[0]
			if ch.Message.Role != "assistant" || string(ch.Message.Content) != tt.wantContent {
				t.Errorf("message role %q content %s, want assistant %s", ch.Message.Role, ch.Message.Content, tt.wantContent)
			}
			if ch.FinishReason != tt.wantFinish {
				t.Errorf("finish_reason %q, want %q", ch.FinishReason, tt.wantFinish)
			}
			if got, _ := json.Marshal(ch.Message.ToolCalls); string(got) != mustJSON(t, tt.wantCalls) {
				t.Errorf("tool calls\n got %s\nwant %s", got, mustJSON(t, tt.wantCalls))
			}
			if cr.Usage == nil || *cr.Usage != tt.wantUsage {
				t.Errorf("usage %+v, want %+v", cr.Usage, tt.wantUsage)
			}
		})
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestStreamShape(t *testing.T) {
	tests := []struct {
		name         string
		reply        scripted.Reply
		includeUsage bool
		wantFinish   string
	}{
		{name: "text", reply: scripted.Text("The weather in Paris is sunny, 21 degrees."), includeUsage: true, wantFinish: "stop"},
		{name: "text without usage", reply: scripted.Text("Short answer here."), wantFinish: "stop"},
		{name: "reasoning then text", reply: scripted.Reply{Reasoning: "The user wants a greeting.", Content: "Hello, world!"}, includeUsage: true, wantFinish: "stop"},
		{
			name: "parallel tool calls",
			reply: scripted.Reply{Content: "Checking both.", ToolCalls: []scripted.ToolCall{
				scripted.Call("get_weather", map[string]string{"city": "Paris"}),
				scripted.Call("get_weather", `{"city": "Rome", "units": "metric"}`),
			}},
			includeUsage: true, wantFinish: "tool_calls",
		},
		{name: "unicode", reply: scripted.Text("Grüße aus Köln — 東京 too"), includeUsage: true, wantFinish: "stop"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ts, c := serve(t, scripted.Script(tt.reply, tt.reply))
			req := chatRequest("m", true, user("What is the weather in Paris and Rome?"))
			req.StreamOptions = &openai.StreamOptions{IncludeUsage: tt.includeUsage}
			st := stream(t, c, ts.URL, req)
			if len(st.Problems) > 0 {
				t.Fatalf("stream shape problems: %q\nevents: %q", st.Problems, st.Events)
			}
			if !st.Done || st.Events[len(st.Events)-1] != "[DONE]" {
				t.Errorf("stream did not end with [DONE]: %q", st.Events)
			}
			if st.Role != "assistant" {
				t.Errorf("role %q", st.Role)
			}
			if st.Content != tt.reply.Content || st.Reasoning != tt.reply.Reasoning {
				t.Errorf("content %q reasoning %q, want %q %q", st.Content, st.Reasoning, tt.reply.Content, tt.reply.Reasoning)
			}
			if tt.reply.Content != "" && st.ContentDeltas < 2 {
				t.Errorf("content came in %d deltas, want several", st.ContentDeltas)
			}
			if st.Finish != tt.wantFinish || st.FinishCount != 1 {
				t.Errorf("finish %q seen %d times, want %q once", st.Finish, st.FinishCount, tt.wantFinish)
			}
			if len(st.Calls) != len(tt.reply.ToolCalls) {
				t.Fatalf("got %d calls, want %d", len(st.Calls), len(tt.reply.ToolCalls))
			}
			for i, want := range tt.reply.ToolCalls {
				got := st.Calls[i]
				if got.ID != fmt.Sprintf("call_0_%d", i) || got.Name != want.Name || got.Arguments != want.Arguments {
					t.Errorf("call %d = %+v, want name %q args %q", i, got, want.Name, want.Arguments)
				}
				if got.Deltas < 3 {
					t.Errorf("call %d came in %d deltas, want its arguments split", i, got.Deltas)
				}
			}
			// The stream must agree with the non-streamed reply to the same script.
			cr := complete(t, c, ts.URL, chatRequest("m", false, user("What is the weather in Paris and Rome?")))
			if tt.includeUsage {
				if st.Usage == nil || mustJSON(t, st.Usage) != mustJSON(t, cr.Usage) {
					t.Errorf("stream usage %+v, non-stream usage %+v", st.Usage, cr.Usage)
				}
				if !strings.Contains(st.UsageRaw, `"choices":[]`) {
					t.Errorf("usage chunk does not carry an empty choices list: %s", st.UsageRaw)
				}
				if st.Events[len(st.Events)-2] != st.UsageRaw {
					t.Errorf("usage chunk is not the last before [DONE]")
				}
			} else if st.Usage != nil {
				t.Errorf("usage sent without include_usage: %+v", st.Usage)
			}
		})
	}
}

func TestLogprobsAndTokenIDs(t *testing.T) {
	_, ts, c := serve(t, scripted.Script(scripted.Text("one two three"), scripted.Text("one two three"), scripted.Reply{Content: "x y", Logprobs: true}))
	yes, top := true, 2
	req := chatRequest("m", false, user("count"))
	req.Logprobs, req.TopLogprobs = &yes, &top
	req.Extra = map[string]json.RawMessage{"return_token_ids": json.RawMessage("true")}

	cr := complete(t, c, ts.URL, req)
	lp := cr.Choices[0].Logprobs
	if lp == nil || len(lp.Content) != 3 {
		t.Fatalf("logprobs %+v, want 3 tokens", lp)
	}
	var text string
	for _, tok := range lp.Content {
		text += tok.Token
		if tok.Logprob > 0 || len(tok.TopLogprobs) != 2 || tok.TopLogprobs[0].Token != tok.Token {
			t.Errorf("token %+v: want logprob <= 0 and itself first of 2 alternatives", tok)
		}
	}
	if text != "one two three" || len(cr.Choices[0].TokenIDs) != 3 || len(cr.PromptTokenIDs) == 0 {
		t.Errorf("tokens %q, token_ids %v, prompt_token_ids %v", text, cr.Choices[0].TokenIDs, cr.PromptTokenIDs)
	}

	req.Stream = true
	st := stream(t, c, ts.URL, req)
	if len(st.Logprobs) != 3 || !slices.Equal(st.TokenIDs, cr.Choices[0].TokenIDs) || !slices.Equal(st.PromptIDs, cr.PromptTokenIDs) {
		t.Errorf("stream logprobs %d, token ids %v / %v, prompt ids %v / %v", len(st.Logprobs), st.TokenIDs, cr.Choices[0].TokenIDs, st.PromptIDs, cr.PromptTokenIDs)
	}
	for i := range st.Logprobs {
		if st.Logprobs[i].Logprob != lp.Content[i].Logprob {
			t.Errorf("token %d logprob %v streamed, %v not", i, st.Logprobs[i].Logprob, lp.Content[i].Logprob)
		}
	}

	// A reply asking for logprobs gets them without the request asking.
	cr = complete(t, c, ts.URL, chatRequest("m", false, user("count")))
	if cr.Choices[0].Logprobs == nil || len(cr.Choices[0].Logprobs.Content) != 2 {
		t.Errorf("scripted logprobs: %+v", cr.Choices[0].Logprobs)
	}
}

func TestBadRequests(t *testing.T) {
	s, ts, c := serve(t, scripted.Script(scripted.Text("never")))
	tests := []struct {
		name, body string
		wantInMsg  string
	}{
		{"invalid JSON", `{"model": "m", "messages": [`, "not valid JSON"},
		{"not an object", `[1, 2]`, "not valid JSON"},
		{"no messages", `{"model": "m"}`, "messages"},
		{"empty messages", `{"model": "m", "messages": []}`, "messages"},
		{"content of the wrong type", `{"model": "m", "messages": [{"role": "user", "content": 42}]}`, "invalid messages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := mustPost(t, c, ts.URL, tt.body)
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", resp.StatusCode, b)
			}
			e := errorOf(t, b)
			if e.Type != "invalid_request_error" || !strings.Contains(e.Message, tt.wantInMsg) {
				t.Errorf("error %+v, want type invalid_request_error and %q in the message", e, tt.wantInMsg)
			}
		})
	}
	if s.Count() != 0 {
		t.Errorf("bad requests were counted: %d", s.Count())
	}
}

func TestRoutes(t *testing.T) {
	fix := scripted.NewFixture(map[string][]scripted.Reply{"b": nil, "a": nil, scripted.DefaultScript: {scripted.Text("ok")}})
	_, ts, c := serve(t, fix)
	get := func(path string) (int, string) {
		resp, err := c.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, path := range []string{"/v1/models", "/models"} {
		code, body := get(path)
		var list struct {
			Object string `json:"object"`
			Data   []struct {
				ID     string `json:"id"`
				Object string `json:"object"`
			} `json:"data"`
		}
		if err := json.Unmarshal([]byte(body), &list); err != nil || code != 200 || list.Object != "list" {
			t.Fatalf("GET %s: %d %s", path, code, body)
		}
		var ids []string
		for _, d := range list.Data {
			ids = append(ids, d.ID)
		}
		if !slices.Equal(ids, []string{"a", "b", "default"}) || list.Data[0].Object != "model" {
			t.Errorf("GET %s listed %v", path, ids)
		}
	}
	if code, body := get("/healthz"); code != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("healthz: %d %q", code, body)
	}
	if code, body := get("/v1/nothing"); code != 404 || errorOf(t, []byte(body)).Message == "" {
		t.Errorf("unknown path: %d %s", code, body)
	}
	if code, body := get("/v1/chat/completions"); code != http.StatusMethodNotAllowed || errorOf(t, []byte(body)).Message == "" {
		t.Errorf("GET on the chat endpoint: %d %s, want 405", code, body)
	}
	// Both chat paths answer.
	resp, err := c.Post(ts.URL+"/chat/completions", "application/json", strings.NewReader(`{"model":"x","messages":[{"role":"user","content":"hi"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"content":"ok"`) {
		t.Errorf("POST /chat/completions: %d %s", resp.StatusCode, b)
	}
}

func TestRecordsRequests(t *testing.T) {
	s, ts, c := serve(t, scripted.Script(scripted.Text("a"), scripted.Text("b")))
	first := chatRequest("gpt-test", false, msg("system", "sys"), user("hello"))
	first.Tools = []openai.WireTool{{Type: "function", Function: openai.WireFunction{Name: "f", Parameters: json.RawMessage(`{"type":"object"}`)}}}
	first.Extra = map[string]json.RawMessage{"top_k": json.RawMessage("20")}
	complete(t, c, ts.URL, first)
	stream(t, c, ts.URL, chatRequest("gpt-test", true, user("again")))

	if s.Count() != 2 {
		t.Fatalf("Count() = %d, want 2", s.Count())
	}
	reqs := s.Requests()
	if len(reqs) != 2 {
		t.Fatalf("Requests() has %d, want 2", len(reqs))
	}
	if got, want := mustJSON(t, reqs[0]), mustJSON(t, first); got != want {
		t.Errorf("recorded request\n got %s\nwant %s", got, want)
	}
	if !reqs[1].Stream || reqs[1].StreamOptions == nil || !reqs[1].StreamOptions.IncludeUsage {
		t.Errorf("second request lost its stream settings: %+v", reqs[1])
	}
	// Copies share nothing with the server's record.
	reqs[0].Messages[0].Role = "changed"
	if s.Requests()[0].Messages[0].Role != "system" {
		t.Errorf("mutating a returned request changed the record")
	}
	rec := s.Received()
	if rec[0].Path != "/v1/chat/completions" || rec[0].Header.Get("Authorization") != "Bearer test-key" || !json.Valid(rec[0].Body) {
		t.Errorf("received %q %v %s", rec[0].Path, rec[0].Header, rec[0].Body)
	}
}

func TestHistoryBound(t *testing.T) {
	s, ts, c := serve(t, scripted.SourceFunc(func(req *openai.ChatRequest, n int) scripted.Reply {
		return scripted.Text(fmt.Sprint("reply ", n))
	}), scripted.WithHistory(2))
	for i := range 5 {
		cr := complete(t, c, ts.URL, chatRequest("m", false, user(fmt.Sprint("q", i))))
		if got := string(cr.Choices[0].Message.Content); got != fmt.Sprintf(`"reply %d"`, i) {
			t.Errorf("request %d answered %s", i, got)
		}
	}
	reqs := s.Requests()
	if s.Count() != 5 || len(reqs) != 2 || string(reqs[0].Messages[0].Content) != `"q3"` || string(reqs[1].Messages[0].Content) != `"q4"` {
		t.Errorf("count %d, kept %d: %+v", s.Count(), len(reqs), reqs)
	}
}

func TestConcurrentScripts(t *testing.T) {
	const per = 40
	scripts := map[string][]scripted.Reply{}
	for _, m := range []string{"alpha", "beta", "gamma"} {
		for i := range per {
			scripts[m] = append(scripts[m], scripted.Text(fmt.Sprintf("%s-%d", m, i)))
		}
	}
	fix := scripted.NewFixture(scripts)
	s, ts, c := serve(t, fix)

	var mu sync.Mutex
	got := map[string][]string{}
	var wg sync.WaitGroup
	for m := range scripts {
		for i := range per {
			wg.Go(func() {
				content, err := contentOf(t, c, ts.URL, chatRequest(m, i%2 == 0, user("go")))
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				got[m] = append(got[m], content)
				mu.Unlock()
			})
		}
	}
	wg.Wait()
	for m, rs := range scripts {
		var want []string
		for _, r := range rs {
			want = append(want, r.Content)
		}
		slices.Sort(want)
		slices.Sort(got[m])
		if !slices.Equal(got[m], want) {
			t.Errorf("script %s served %v", m, got[m])
		}
	}
	if s.Count() != 3*per || len(fix.Remaining()) != 0 {
		t.Errorf("count %d, remaining %v", s.Count(), fix.Remaining())
	}
}

// contentOf posts req and returns the reply's content, streamed or not; it
// reports failures as errors so that it can run off the test goroutine.
func contentOf(t testing.TB, c *http.Client, baseURL string, req *openai.ChatRequest) (string, error) {
	resp, err := post(t, context.Background(), c, baseURL, req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return "", fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	if req.Stream {
		st, err := readStream(t, resp.Body)
		if err != nil || len(st.Problems) > 0 || !st.Done {
			return "", fmt.Errorf("stream: %v %q", err, st.Problems)
		}
		return st.Content, nil
	}
	var cr openai.ChatResponse
	if err := json.NewDecoder(resp.Body).Decode(&cr); err != nil || len(cr.Choices) != 1 {
		return "", fmt.Errorf("decoding reply: %v", err)
	}
	var content string
	err = json.Unmarshal(cr.Choices[0].Message.Content, &content)
	return content, err
}
