package openai

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/model"
)

func BenchmarkDecodeReply(b *testing.B) {
	body, err := os.ReadFile("testdata/replies/tool_calls.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		resp, err := decodeReply(body)
		if err != nil || len(resp.Message.ToolCalls) != 2 {
			b.Fatal(resp, err)
		}
	}
}

// stream200 is a 200-chunk stream: 120 content chunks, then two tool
// calls whose arguments arrive in 40 fragments each, then usage and [DONE].
func stream200() []byte {
	var b strings.Builder
	b.WriteString(`data: {"id":"chatcmpl-b","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}` + "\n\n")
	for i := range 117 {
		fmt.Fprintf(&b, `data: {"id":"chatcmpl-b","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"word%d "},"finish_reason":null}]}`+"\n\n", i)
	}
	for call := range 2 {
		fmt.Fprintf(&b, `data: {"id":"chatcmpl-b","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":%d,"id":"call_%d","type":"function","function":{"name":"search","arguments":""}}]},"finish_reason":null}]}`+"\n\n", call, call)
		for i := range 39 {
			fmt.Fprintf(&b, `data: {"id":"chatcmpl-b","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":%d,"function":{"arguments":"a%d"}}]},"finish_reason":null}]}`+"\n\n", call, i)
		}
	}
	b.WriteString(`data: {"id":"chatcmpl-b","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}` + "\n\n")
	b.WriteString(`data: {"id":"chatcmpl-b","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":100,"completion_tokens":200,"total_tokens":300}}` + "\n\n")
	b.WriteString("data: [DONE]\n\n")
	return []byte(b.String())
}

func BenchmarkReadStream200(b *testing.B) {
	body := stream200()
	if n := bytes.Count(body, []byte("\n\n")); n != 201 {
		b.Fatalf("%d events, want 200 chunks and [DONE]", n)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		resp, err := ReadStream(bytes.NewReader(body), nil)
		if err != nil || len(resp.Message.ToolCalls) != 2 || resp.Usage.TotalTokens != 300 {
			b.Fatal(resp, err)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	body, err := os.ReadFile("testdata/replies/tool_calls.json")
	if err != nil {
		b.Fatal(err)
	}
	for _, stream := range []bool{false, true} {
		name, rep := "json", reply{body: string(body)}
		if stream {
			name, rep = "stream200", reply{body: string(stream200()), sse: true, piece: 4 << 10}
		}
		b.Run(name, func(b *testing.B) {
			f := newFakeServer(b, rep)
			c := newTestClient(b, testConfig(f))
			req := &model.Request{Messages: []model.Message{model.User("What is the weather in Paris and Rome?")}, Stream: stream}
			b.ReportAllocs()
			for b.Loop() {
				resp, err := c.Generate(context.Background(), req)
				if err != nil || len(resp.Message.ToolCalls) != 2 {
					b.Fatal(resp, err)
				}
			}
		})
	}
}
