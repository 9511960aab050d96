package agent_test

import (
	"context"
	"fmt"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env"
	_ "github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
)

// An agent answering one user turn against a model server: here the
// scripted server, replaying two steps (two parallel tool calls, then a
// reply) over real HTTP.
func ExampleFunctionCalling() {
	srv, _ := scripted.Start(scripted.NewServer(scripted.Script(
		scripted.Calls(
			scripted.Call("get_account_balance", map[string]any{"account_id": "CHK-1001"}),
			scripted.Call("get_account_balance", map[string]any{"account_id": "NOPE"}),
		),
		scripted.Text("Your checking balance is shown above."),
	)))
	defer srv.Close()
	client, _ := openai.New(openai.Config{BaseURL: srv.URL, Model: "any"})
	bank, _ := env.New("bank", nil)

	a := &agent.FunctionCalling{Model: client, MaxSteps: 5}
	reply, err := a.Respond(context.Background(), []model.Message{model.User("What are my balances?")}, bank, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range reply.Steps {
		for _, r := range s.Results {
			fmt.Printf("%s -> error: %v\n", r.Name, r.Error != nil)
		}
	}
	fmt.Println(reply.EndReason, "after", len(reply.Steps), "steps:", reply.Text())
	// Output:
	// get_account_balance -> error: false
	// get_account_balance -> error: true
	// reply after 2 steps: Your checking balance is shown above.
}
