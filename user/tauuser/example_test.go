package tauuser_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/user/tauuser"
)

// A tau-bench user answers the greeting, then each agent reply, until it
// says ###STOP###.
func ExampleNewTauBench() {
	srv, err := scripted.Start(scripted.NewServer(scripted.Script(
		scripted.Text("Hi, I'd like to exchange my keyboard."),
		scripted.Text("###STOP###"),
	)))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	userModel, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "user-model", APIKey: "none"})
	if err != nil {
		log.Fatal(err)
	}

	u, err := tauuser.NewTauBench(tauuser.TauBenchConfig{
		Model:       userModel,
		Instruction: "You are Yusuf Rossi. You want to exchange your keyboard.",
		Strategy:    tauuser.StrategyLLM,
	})
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	history := []model.Message{model.System("agent policy")}
	for {
		msg, done, err := u.Next(ctx, history)
		if err != nil {
			log.Fatal(err)
		}
		if done {
			fmt.Printf("stopped (%s) with %q\n", u.StopReason(), u.LastMessage())
			break
		}
		fmt.Println("user:", msg)
		history = append(history, model.User(msg), model.Assistant("Done: your exchange is placed."))
	}
	// Output:
	// user: Hi, I'd like to exchange my keyboard.
	// stopped (stop) with "###STOP###"
}

// A tau2 user with tools on its own device: its model checks the phone,
// reads the result, then answers the agent.
func ExampleNewTau2() {
	srv, err := scripted.Start(scripted.NewServer(scripted.Script(
		scripted.Calls(scripted.Call("check_status_bar", map[string]any{})),
		scripted.Text("The status bar shows no signal."),
	)))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	userModel, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "user-model", APIKey: "none"})
	if err != nil {
		log.Fatal(err)
	}

	scenario, err := tauuser.ScenarioText(json.RawMessage(`{"persona": null, "instructions": "Your phone has no signal."}`))
	if err != nil {
		log.Fatal(err)
	}
	// In a run: tauuser.LoadGuidelines("<tau2 data>/tau2/user_simulator")
	// and tauuser.EnvTools(env, task.UserTools).
	guidelines := &tauuser.Guidelines{Text: "Act as a customer.\n", Tools: "Act as a customer with a phone.\n"}
	u, err := tauuser.NewTau2(tauuser.Tau2Config{
		Model:        userModel,
		Instructions: scenario,
		Guidelines:   guidelines,
		Tools:        phone{},
	})
	if err != nil {
		log.Fatal(err)
	}
	msg, done, err := u.Next(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range u.TurnMessages() {
		if len(m.ToolCalls) > 0 {
			fmt.Println("user calls", m.ToolCalls[0].Name)
		} else {
			fmt.Println("result:", m.Text())
		}
	}
	fmt.Println("user:", msg, done)
	fmt.Printf("%q\n", u.SystemPrompt())
	// Output:
	// user calls check_status_bar
	// result: Status Bar: no signal
	// user: The status bar shows no signal. false
	// "Act as a customer with a phone.\n\n\n<scenario>\nInstructions:\n\tYour phone has no signal.\n</scenario>"
}

// phone is a one-tool user device.
type phone struct{}

func (phone) UserTools() []tool.Spec {
	return []tool.Spec{{Name: "check_status_bar", Description: "Shows the status bar.", Parameters: []byte(`{"type":"object","properties":{}}`)}}
}

func (phone) CallUser(_ context.Context, c tool.Call) tool.Result {
	return tool.OK(c, tool.Text("Status Bar: no signal"))
}
