package openai

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// sse joins chunks into an SSE body, one event each.
func sse(chunks ...string) string {
	var b strings.Builder
	for _, c := range chunks {
		b.WriteString("data: " + c + "\n\n")
	}
	return b.String()
}

func TestReadStream(t *testing.T) {
	long := strings.Repeat("é", 5000) // longer than the reader's buffer
	tests := []struct {
		name  string
		body  string
		text  string
		calls []tool.Call
	}{
		{name: "done only", body: "data: [DONE]"},
		{name: "long line", body: sse(`{"choices":[{"index":0,"delta":{"content":"` + long + `"},"finish_reason":"stop"}]}`), text: long},
		{name: "name in fragments", body: sse(
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c1","function":{"name":"get_"}}]}}]}`,
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"weather","arguments":"{}"}}]}}]}`,
			`[DONE]`),
			calls: []tool.Call{{ID: "c1", Name: "get_weather", Arguments: "{}"}}},
		{name: "new id at a known index", body: sse(
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c1","function":{"name":"a","arguments":"{\"x\":1}"}}]}}]}`,
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c2","function":{"name":"b","arguments":"{\"x\":2}"}}]}}]}`,
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":""}}]},"finish_reason":"tool_calls"}]}`),
			calls: []tool.Call{{ID: "c1", Name: "a", Arguments: `{"x":1}`}, {ID: "c2", Name: "b", Arguments: `{"x":2}`}}},
		{name: "sparse indexes keep order of appearance", body: sse(
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":5,"id":"c5","function":{"name":"five"}}]}}]}`,
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":3,"id":"c3","function":{"name":"three"}}]}}]}`,
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":5,"function":{"arguments":"{}"}}]},"finish_reason":"tool_calls"}]}`),
			calls: []tool.Call{{ID: "c5", Name: "five", Arguments: "{}"}, {ID: "c3", Name: "three"}}},
		{name: "id arrives after the first fragment", body: sse(
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"f"}}]}}]}`,
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"late","function":{"arguments":"{}"}}]},"finish_reason":"stop"}]}`),
			calls: []tool.Call{{ID: "late", Name: "f", Arguments: "{}"}}},
		{name: "empty fragments start nothing", body: sse(
			`{"choices":[{"index":0,"delta":{"content":"hi","tool_calls":[{"index":0},{"function":{}}]}}]}`,
			`{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}`),
			text: "hi"},
		{name: "no index, no id: a new name after arguments starts a call", body: sse(
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"function":{"name":"a","arguments":"{}"}}]}}]}`,
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"function":{"name":"b","arguments":"{\"y\":"}}]}}]}`,
			`{"choices":[{"index":0,"delta":{"tool_calls":[{"function":{"arguments":"1}"}}]},"finish_reason":"stop"}]}`),
			calls: []tool.Call{{Name: "a", Arguments: "{}"}, {Name: "b", Arguments: `{"y":1}`}}},
		{name: "two chunks in one event, then DONE", body: "data: " + `{"choices":[{"index":0,"delta":{"content":"a"}}]}` +
			"\ndata: " + `{"choices":[{"index":0,"delta":{"content":"b"}}]}` + "\ndata: [DONE]\n\n", text: "ab"},
		{name: "unknown fields and events", body: "event: ping\ndata: {}\n\nfoo: bar\nnocolon\n" + sse(`{"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}]}`), text: "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log deltaLog
			resp, err := ReadStream(strings.NewReader(tt.body), log.add)
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.Message.Text(); got != tt.text || log.text != tt.text {
				t.Errorf("text %.40q (deltas %.40q), want %.40q", got, log.text, tt.text)
			}
			if diff := cmp.Diff(tt.calls, resp.Message.ToolCalls, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("calls (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(resp.Message.ToolCalls, log.calls, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("deltas do not add up to the calls (-calls +deltas):\n%s", diff)
			}
		})
	}
}

type failingReader struct {
	r   io.Reader
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, f.err
	}
	return n, err
}

func TestReadStreamErrors(t *testing.T) {
	errReset := errors.New("connection reset by peer")
	tests := []struct {
		name   string
		r      io.Reader
		want   error
		status int
		msg    string
	}{
		{name: "nothing", r: strings.NewReader(""), want: model.ErrTruncatedStream},
		{name: "comments only", r: strings.NewReader(": keep-alive\n\n: keep-alive\n\n"), want: model.ErrTruncatedStream},
		{name: "read error", r: &failingReader{strings.NewReader(sse(`{"choices":[{"index":0,"delta":{"content":"a"}}]}`)), errReset}, want: errReset},
		{name: "read error after finish", r: &failingReader{strings.NewReader(sse(`{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}`)), errReset}, want: model.ErrTruncatedStream},
		{name: "error event", r: strings.NewReader("event: error\ndata: {\"message\":\"overloaded\",\"type\":\"overloaded_error\"}\n\n"), status: 500, msg: "overloaded"},
		{name: "error event without JSON", r: strings.NewReader("event: error\ndata: worker died\n\n"), status: 500, msg: "worker died"},
		{name: "string error", r: strings.NewReader(sse(`{"error":"boom"}`)), status: 500, msg: "boom"},
		{name: "rate limit in stream", r: strings.NewReader(sse(`{"error":{"message":"slow","type":"rate_limit_exceeded"}}`)), status: 429, msg: "slow"},
		{name: "call without a name", r: strings.NewReader(sse(`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c","function":{"arguments":"{}"}}]},"finish_reason":"tool_calls"}]}`)),
			want: model.ErrMalformedResponse, msg: `streamed tool call 0 (id "c") has no name`},
		{name: "wrong types", r: strings.NewReader(sse(`{"choices":[{"index":"0"}]}`)), want: model.ErrMalformedResponse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := ReadStream(tt.r, nil)
			if err == nil {
				t.Fatalf("got %+v, want an error", resp)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v does not match %v", err, tt.want)
			}
			if tt.status != 0 && errAs(t, err).StatusCode != tt.status {
				t.Errorf("status %d, want %d", errAs(t, err).StatusCode, tt.status)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
		})
	}
}

func TestAccumulator(t *testing.T) {
	var a Accumulator
	idx := 0
	content := "hi"
	stop := "stop"
	for _, c := range []*ChatChunk{
		{ID: "a1", Choices: []WireChunkChoice{{Delta: WireDelta{Content: &content}}}},
		{Choices: []WireChunkChoice{{Delta: WireDelta{ToolCalls: []WireToolCall{{Index: &idx, ID: "c", Function: WireFunctionCall{Name: "f"}}}}, FinishReason: &stop}}},
	} {
		if err := a.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := a.Response()
	if err != nil {
		t.Fatal(err)
	}
	if resp.ID != "a1" || resp.Message.Text() != "hi" || resp.FinishReason != "tool_calls" || len(resp.Message.ToolCalls) != 1 {
		t.Errorf("got %+v", resp)
	}
	if err := a.Add(&ChatChunk{Error: &WireError{Message: "nope", Code: []byte("503")}}); !errors.Is(err, model.ErrServer) {
		t.Errorf("error chunk gave %v", err)
	}
}

// FuzzStream feeds arbitrary bytes to ReadStream as an SSE body. It must
// never panic; an error must be one of the typed kinds; a success must have
// a name on every call, and the deltas must add up to the reply.
func FuzzStream(f *testing.F) {
	files, _ := filepath.Glob("testdata/replies/*.sse")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
	}
	f.Add([]byte("data: [DONE]\n\n"))
	f.Add([]byte("event: error\ndata: {\"error\":{\"message\":\"x\",\"code\":429}}\n\n"))
	f.Add([]byte("data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":{\"name\":\"a\",\"arguments\":{\"k\":[1]}}},{\"id\":\"z\"}]}}]}\r\rdata:[DONE]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var log deltaLog
		resp, err := ReadStream(bytes.NewReader(data), log.add)
		if err != nil {
			var apiErr *model.APIError
			if resp != nil || !(errors.Is(err, model.ErrTruncatedStream) || errors.Is(err, model.ErrMalformedResponse) || errors.As(err, &apiErr)) {
				t.Fatalf("resp %v, untyped error %v", resp, err)
			}
			return
		}
		for i, c := range resp.Message.ToolCalls {
			if c.Name == "" {
				t.Fatalf("call %d has no name: %+v", i, c)
			}
		}
		if log.text != resp.Message.Text() || log.reasoning != resp.Message.Reasoning {
			t.Fatalf("deltas say %q/%q, reply %q/%q", log.text, log.reasoning, resp.Message.Text(), resp.Message.Reasoning)
		}
		if !cmp.Equal(log.calls, resp.Message.ToolCalls, cmpopts.EquateEmpty()) {
			t.Fatalf("deltas say calls %+v, reply %+v", log.calls, resp.Message.ToolCalls)
		}
	})
}
