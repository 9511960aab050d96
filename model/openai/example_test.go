package openai_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/tool"
)

func Example() {
	// A stand-in for vLLM, SGLang or OpenAI: it answers with one tool call.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"chatcmpl-1","model":"qwen3","choices":[{"index":0,"finish_reason":"tool_calls",
			"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
			"function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}}],
			"usage":{"prompt_tokens":42,"completion_tokens":9,"total_tokens":51}}`)
	}))
	defer srv.Close()

	client, err := openai.New(openai.Config{BaseURL: srv.URL + "/v1", Model: "qwen3"})
	if err != nil {
		log.Fatal(err)
	}
	resp, err := client.Generate(context.Background(), &model.Request{
		Messages: []model.Message{model.User("What is the weather in Paris?")},
		Tools:    []tool.Spec{{Name: "get_weather", Description: "Current weather in a city."}},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, call := range resp.Message.ToolCalls {
		fmt.Println(call.Name, call.Arguments)
	}
	fmt.Println(resp.FinishReason, resp.Usage.TotalTokens, "tokens,", resp.Attempts, "attempt")
	// Output:
	// get_weather {"city":"Paris"}
	// tool_calls 51 tokens, 1 attempt
}
