package scripted_test

import (
	"encoding/json"
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
)

func TestLoadFixtureFile(t *testing.T) {
	fix, err := scripted.LoadFixture("testdata/fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := fix.Models(); !slices.Equal(got, []string{"broken", "default", "weather-agent"}) {
		t.Errorf("Models() = %v", got)
	}
	_, ts, c := serve(t, fix)
	ask := func(modelName string, stream bool) outcome {
		return doReq(t, c, ts.URL, chatRequest(modelName, stream, user("hi")))
	}

	// weather-agent, reply 0: parallel calls, streamed, with reasoning.
	st := stream(t, c, ts.URL, chatRequest("weather-agent", true, user("Weather in Paris and Rome?")))
	if len(st.Problems) > 0 || len(st.Calls) != 2 || st.Finish != "tool_calls" || !strings.HasPrefix(st.Reasoning, "The user wants") {
		t.Fatalf("reply 0: %+v", st)
	}
	if st.Calls[0].ID != "call_paris" || st.Calls[0].Arguments != `{"city":"Paris","units":"metric"}` ||
		st.Calls[1].ID != "call_0_1" || st.Calls[1].Arguments != `{"city": "Rome"}` {
		t.Errorf("reply 0 calls: %+v", st.Calls)
	}
	// reply 1: a 429 with the scripted body and header.
	if o := ask("weather-agent", false); o.status != 429 || o.header.Get("Retry-After") != "0" || errorOf(t, o.body).Message != "Rate limit reached" {
		t.Errorf("reply 1: %d %v %s", o.status, o.header, o.body)
	}
	// reply 2: delayed text with logprobs and the scripted usage.
	start := time.Now()
	cr := complete(t, c, ts.URL, chatRequest("weather-agent", false, user("Weather in Paris and Rome?")))
	if time.Since(start) < 20*time.Millisecond {
		t.Errorf("reply 2 came before its 20ms delay")
	}
	u := cr.Usage
	if string(cr.Choices[0].Message.Content) != `"Paris: 18°C and cloudy. Rome: 24°C and sunny."` || cr.Choices[0].Logprobs == nil ||
		u.PromptTokens != 120 || u.TotalTokens != 137 || u.PromptTokensDetails == nil || u.PromptTokensDetails.CachedTokens != 64 {
		t.Errorf("reply 2: %s usage %+v", mustJSON(t, cr.Choices[0]), u)
	}
	if o := ask("weather-agent", false); o.status != 500 || !strings.Contains(string(o.body), `script \"weather-agent\" ran out after 3 replies`) {
		t.Errorf("exhausted: %d %s", o.status, o.body)
	}

	// Models without a script get the default one.
	if got, err := contentOf(t, c, ts.URL, chatRequest("gpt-unknown", false, user("hi"))); err != nil || got != "I am the default script." {
		t.Errorf("default script: %q %v", got, err)
	}

	// broken: each deviation in turn.
	cr = complete(t, c, ts.URL, chatRequest("broken", false, user("search")))
	if tc := cr.Choices[0].Message.ToolCalls; len(tc) != 1 || openai.ArgumentsText(tc[0].Function.Arguments) != `{"query": "unterminated` || cr.Choices[0].FinishReason != "stop" {
		t.Errorf("invalid arguments reply: %s", mustJSON(t, cr.Choices[0]))
	}
	if o := ask("broken", true); o.status != 200 || strings.Contains(string(o.body), "[DONE]") || strings.Contains(string(o.body), `"finish_reason":"`) {
		t.Errorf("truncated stream: %d %s", o.status, o.body)
	}
	if o := ask("broken", false); o.status != 200 || json.Valid(o.body) {
		t.Errorf("malformed: %d %s", o.status, o.body)
	}
	if o := ask("broken", true); !strings.Contains(string(o.body), `{"error":{"message":"CUDA out of memory","type":"server_error"}}`) {
		t.Errorf("stream error: %d %s", o.status, o.body)
	}
	if o := ask("broken", false); o.doErr == nil {
		t.Errorf("drop answered %d", o.status)
	}
	if o := ask("broken", false); o.status != 503 {
		t.Errorf("503: %d %s", o.status, o.body)
	}
	if left := fix.Remaining(); len(left) != 0 {
		t.Errorf("replies left unused: %v", left)
	}
}

func TestParseFixtureErrors(t *testing.T) {
	tests := []struct {
		name, json, want string
	}{
		{"not JSON", `{"scripts": `, "parsing scripted fixture"},
		{"unknown top-level field", `{"script": {}}`, `unknown field "script"`},
		{"unknown reply field", `{"default": [{"contents": "typo"}]}`, `unknown field "contents"`},
		{"unknown tool-call field", `{"default": [{"tool_calls": [{"name": "f", "args": {}}]}]}`, `unknown field "args"`},
		{"no scripts", `{}`, "no scripts and no default"},
		{"default twice", `{"scripts": {"default": []}, "default": []}`, "both as a script and as the top-level default"},
		{"two faults", `{"default": [{"drop": true, "malformed": true}]}`, `script "default" reply 0`},
		{"status not an error", `{"scripts": {"m": [{}, {"status": 302}]}}`, `script "m" reply 1: scripted: invalid reply: status 302`},
		{"content on a status fault", `{"default": [{"status": 500, "content": "x"}]}`, "carries no message"},
		{"nameless tool call", `{"default": [{"tool_calls": [{"arguments": {}}]}]}`, "tool call 0 has no name"},
		{"arguments not JSON", `{"default": [{"tool_calls": [{"name": "f", "arguments": {oops}}]}]}`, "invalid character"},
		{"negative delay", `{"default": [{"delay_ms": -5}]}`, "negative delay"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scripted.ParseFixture([]byte(tt.json))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to mention %q", err, tt.want)
			}
		})
	}
	if _, err := scripted.LoadFixture("testdata/missing.json"); err == nil {
		t.Error("loading a missing file succeeded")
	}
	if _, err := scripted.ParseFixture([]byte(`{"default": [{"drop": true, "status": 500}]}`)); !errors.Is(err, scripted.ErrInvalidReply) {
		t.Errorf("invalid reply error %v does not match ErrInvalidReply", err)
	}
}

func TestReplyJSONRoundTrip(t *testing.T) {
	replies := []scripted.Reply{
		scripted.Text("hello"),
		{Content: "x", Reasoning: "r", ToolCalls: []scripted.ToolCall{
			scripted.Call("f", map[string]any{"a": []int{1, 2}}).WithID("id1"),
			scripted.Call("g", "{broken"),
			scripted.Call("h", `"a string"`),
			scripted.Call("k", `{"spaced": [1, 2]}`),
		}, FinishReason: "length", Logprobs: true},
		scripted.RateLimited("3").After(1500 * time.Millisecond),
		scripted.Truncated(scripted.Text("cut")).WithUsage(3, 4),
		scripted.StreamError(scripted.Text("partial"), "boom"),
		scripted.Drop(),
		scripted.Malformed(),
	}
	b, err := json.Marshal(map[string]any{"default": replies})
	if err != nil {
		t.Fatal(err)
	}
	fix, err := scripted.ParseFixture(b)
	if err != nil {
		t.Fatalf("parsing %s: %v", b, err)
	}
	for i, want := range replies {
		got := fix.Answer(&openai.ChatRequest{}, i)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("reply %d after a round trip:\n got %#v\nwant %#v", i, got, want)
		}
	}
}

func TestFixtureCursors(t *testing.T) {
	fix := scripted.NewFixture(map[string][]scripted.Reply{
		"a": {scripted.Text("a0"), scripted.Text("a1"), scripted.Text("a2")},
		"b": {scripted.Text("b0")},
	})
	next := func(m string) string { return fix.Answer(&openai.ChatRequest{Model: m}, 0).Content }
	got := []string{next("a"), next("b"), next("a")}
	if !slices.Equal(got, []string{"a0", "b0", "a1"}) {
		t.Errorf("served %v", got)
	}
	if left := fix.Remaining(); !maps.Equal(left, map[string]int{"a": 1}) {
		t.Errorf("Remaining() = %v", left)
	}
	if r := fix.Answer(&openai.ChatRequest{Model: "b"}, 0); r.Status != 500 {
		t.Errorf("exhausted script answered %+v", r)
	}
	fix.Rewind()
	if got := next("b"); got != "b0" || len(fix.Remaining()) != 1 {
		t.Errorf("after Rewind: %q, remaining %v", got, fix.Remaining())
	}
}

func TestCallArguments(t *testing.T) {
	tests := []struct {
		name string
		args any
		want string
	}{
		{"nil", nil, "{}"},
		{"string kept verbatim", `{"a": 1`, `{"a": 1`},
		{"bytes kept verbatim", []byte(`{"b":2}`), `{"b":2}`},
		{"raw JSON", json.RawMessage(`{"c": [3]}`), `{"c": [3]}`},
		{"marshaled, without HTML escapes", map[string]string{"q": "a<b&c"}, `{"q":"a<b&c"}`},
		{"struct", struct {
			City string `json:"city"`
		}{"Oslo"}, `{"city":"Oslo"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scripted.Call("f", tt.args); got.Name != "f" || got.Arguments != tt.want || got.ID != "" {
				t.Errorf("Call = %+v, want arguments %q", got, tt.want)
			}
		})
	}
	defer func() {
		if recover() == nil {
			t.Error("Call with unmarshalable arguments did not panic")
		}
	}()
	scripted.Call("f", func() {})
}
