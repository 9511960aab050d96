package tau2judge_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"

	"github.com/toolgym/toolgym/env/tau2"
	_ "github.com/toolgym/toolgym/env/tau2/mock" // registers the "mock" domain
	tau2judge "github.com/toolgym/toolgym/judge/tau2"
)

// Score a simulation of a mock-domain task: here the oracle's, then one
// where the agent forgot the update.
func Example() {
	dom, err := tau2.Load("mock", "testdata/mock")
	if err != nil {
		log.Fatal(err)
	}
	tasks, err := tau2judge.ParseTasks([]byte(`[{
	  "id": "finish_t1",
	  "user_scenario": {"instructions": "Ask the agent to mark task t1 as completed."},
	  "evaluation_criteria": {
	    "actions": [{"action_id": "u1", "name": "update_task_status", "arguments": {"task_id": "t1", "status": "completed"}}],
	    "communicate_info": ["completed"],
	    "reward_basis": ["DB", "COMMUNICATE"]
	  }
	}]`))
	if err != nil {
		log.Fatal(err)
	}
	task := &tasks[0]
	ctx := context.Background()
	ev := &tau2judge.Evaluator{Domain: dom}

	sim, err := tau2judge.Oracle(ctx, dom, task)
	if err != nil {
		log.Fatal(err)
	}
	info, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAll)
	if err != nil {
		log.Fatal(err)
	}
	breakdown, _ := json.Marshal(info.RewardBreakdown)
	fmt.Println("oracle:", info.Reward, string(breakdown))

	// The agent only talks: the database is not what the gold leaves.
	lazy := &tau2judge.SimulationRun{
		TaskID:            task.ID,
		TerminationReason: tau2judge.AgentStop,
		Messages: []tau2judge.Message{
			tau2judge.AssistantText(tau2judge.FirstAgentMessage),
			tau2judge.UserText("Please mark t1 as completed."),
			tau2judge.AssistantText("Sure, it is completed."),
		},
	}
	info, err = ev.Evaluate(ctx, task, lazy, tau2judge.EvalAll)
	if err != nil {
		log.Fatal(err)
	}
	breakdown, _ = json.Marshal(info.RewardBreakdown)
	fmt.Println("lazy:", info.Reward, string(breakdown), info.DBCheck.DBMatch)
	// Output:
	// oracle: 1 {"DB":1.0,"COMMUNICATE":1.0}
	// lazy: 0 {"DB":0.0,"COMMUNICATE":1.0} false
}
