package scripted_test

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/task"
)

// An oracle server plays a task's gold: asked the task's first user turn,
// it answers with the gold's first tool call.
func Example() {
	tasks := []task.Task{{
		ID: "weather", Env: "demo",
		Turns: []task.Turn{{
			User: "What is the weather in Paris?",
			Gold: task.Gold{
				Steps: [][]task.Call{{{Name: "get_weather", Arguments: json.RawMessage(`{"city": "Paris"}`)}}},
				Reply: "It is sunny in Paris.",
			},
		}},
	}}
	srv, err := scripted.Start(scripted.NewServer(scripted.NewOracle(tasks)))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	body := `{"model": "oracle", "messages": [{"role": "user", "content": "What is the weather in Paris?"}]}`
	resp, err := http.Post(srv.URL+"/chat/completions", "application/json", strings.NewReader(body))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	var reply openai.ChatResponse
	if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
		log.Fatal(err)
	}
	c := reply.Choices[0]
	tc := c.Message.ToolCalls[0]
	fmt.Println(c.FinishReason, tc.ID, tc.Function.Name, openai.ArgumentsText(tc.Function.Arguments))
	// Output: tool_calls call_0_0_0 get_weather {"city":"Paris"}
}

// A fixture scripts replies per model name, deviations included.
func ExampleNewFixture() {
	fix := scripted.NewFixture(map[string][]scripted.Reply{
		"flaky": {
			scripted.RateLimited("0"),
			scripted.Calls(scripted.Call("search", map[string]string{"q": "go"})),
		},
		scripted.DefaultScript: {scripted.Text("Hello!")},
	})
	srv, err := scripted.Start(scripted.NewServer(fix))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	for _, m := range []string{"flaky", "flaky", "any-other-model"} {
		body := fmt.Sprintf(`{"model": %q, "messages": [{"role": "user", "content": "hi"}]}`, m)
		resp, err := http.Post(srv.URL+"/chat/completions", "application/json", strings.NewReader(body))
		if err != nil {
			log.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var reply openai.ChatResponse
		json.Unmarshal(b, &reply)
		switch {
		case resp.StatusCode != http.StatusOK:
			fmt.Println(m, resp.StatusCode, "Retry-After:", resp.Header.Get("Retry-After"))
		case len(reply.Choices[0].Message.ToolCalls) > 0:
			tc := reply.Choices[0].Message.ToolCalls[0]
			fmt.Println(m, tc.Function.Name, openai.ArgumentsText(tc.Function.Arguments))
		default:
			fmt.Println(m, string(reply.Choices[0].Message.Content))
		}
	}
	fmt.Println("left:", fix.Remaining())
	// Output:
	// flaky 429 Retry-After: 0
	// flaky search {"q":"go"}
	// any-other-model "Hello!"
	// left: map[]
}
