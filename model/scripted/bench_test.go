package scripted_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
)

// roundTrip posts body and drains the reply.
func roundTrip(b *testing.B, c *http.Client, url string, body []byte) {
	resp, err := c.Post(url+"/v1/chat/completions", "application/json", bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || n == 0 {
		b.Fatalf("status %d, %d bytes, %v", resp.StatusCode, n, err)
	}
}

// BenchmarkOracleRoundTrip measures one non-streamed oracle reply over
// loopback HTTP, mid-conversation (a request of 7 messages and two user
// turns, answered with one tool call).
func BenchmarkOracleRoundTrip(b *testing.B) {
	_, ts, c := serve(b, scripted.NewOracle(weatherTasks()), scripted.WithHistory(0))
	req := chatRequest("oracle", false, msg("system", weatherSystem), user(compareAsk),
		openai.WireMessage{Role: "assistant", Content: json.RawMessage("null")}, msg("tool", "18C"), msg("tool", "24C"),
		msg("assistant", "Rome is warmer than Paris."), user("And Berlin?"))
	body, _ := json.Marshal(req)
	b.ReportAllocs()
	for b.Loop() {
		roundTrip(b, c, ts.URL, body)
	}
}

// BenchmarkStreamRoundTrip measures one streamed reply over loopback HTTP:
// 40 words of content and one tool call, about 70 events.
func BenchmarkStreamRoundTrip(b *testing.B) {
	reply := scripted.Reply{
		Content:   "The forecast for Paris shows light rain in the morning, clearing by noon, with a high of eighteen degrees and a gentle westerly wind; Rome stays sunny all day at twenty four degrees with no wind to speak of at all.",
		ToolCalls: []scripted.ToolCall{scripted.Call("get_weather", map[string]string{"city": "Berlin", "units": "metric"})},
	}
	src := scripted.SourceFunc(func(*openai.ChatRequest, int) scripted.Reply { return reply })
	_, ts, c := serve(b, src, scripted.WithHistory(0))
	body, _ := json.Marshal(chatRequest("m", true, user("What is the weather?")))
	b.ReportAllocs()
	for b.Loop() {
		roundTrip(b, c, ts.URL, body)
	}
}
