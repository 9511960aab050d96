package judge_test

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/judge"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

// Judge a one-turn episode on a small bank env (defined in this package's
// tests): the agent paid the right amount into the wrong account.
func ExampleJudge() {
	tk := &task.Task{
		ID: "pay", Env: "bank",
		Config: json.RawMessage(`{"accounts":[{"id":"a1","balance":100},{"id":"a2","balance":50}]}`),
		Turns: []task.Turn{{
			User: "Put 25 into a2.",
			Gold: task.Gold{
				Steps:   [][]task.Call{{{Name: "deposit", Arguments: json.RawMessage(`{"id":"a2","amount":25}`)}}},
				Outputs: []string{"75"},
			},
		}},
	}
	fresh := func() (env.Env, error) { return newBank(tk.Config) }

	// The episode, as a runner records it.
	e, _ := fresh()
	call := tool.Call{ID: "c1", Name: "deposit", Arguments: `{"amount":25.0,"id":"a1"}`}
	res := e.Call(context.Background(), call)
	hash, _ := env.Hash(e)
	tr := &trajectory.Trajectory{
		Version: trajectory.Version, ID: "pay#0", TaskID: tk.ID, Env: "bank", Status: trajectory.StatusCompleted,
		Messages: []trajectory.Message{
			{Message: model.User(tk.Turns[0].User)},
			{Message: model.Assistant("", call), Step: 1},
			{Message: model.ToolMessage(res), Step: 1},
			{Message: model.Assistant("Done: the balance is 125."), Step: 2},
		},
		Turns: []trajectory.Turn{{First: 0, End: 4, Steps: 2, StateHash: hash, EndReason: "reply"}},
	}

	v, err := judge.Judge(context.Background(), tk, tr, e, fresh, judge.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("success:", v.Success, "reward:", v.Reward)
	fmt.Println("state diff:", v.StateDiff)
	fmt.Println("missing:", v.Turns[0].Calls.Missing[0].Name, string(v.Turns[0].Calls.Missing[0].Arguments))
	fmt.Println("extra:", v.Turns[0].Calls.Extra[0].Arguments)
	fmt.Println("reasons:", v.Reasons)
	// Output:
	// success: false reward: 0
	// state diff: [accounts[0].balance: 125 != 100 accounts[1].balance: 50 != 75]
	// missing: deposit {"id":"a2","amount":25}
	// extra: {"amount":25.0,"id":"a1"}
	// reasons: [final state differs from the gold's required outputs missing: "75" (turn 0)]
}

// Calls of one gold step may come in any order and over several messages;
// a later step's calls must not come before an earlier step's.
func ExampleMatchCalls() {
	gold := [][]task.Call{
		{{Name: "search", Arguments: json.RawMessage(`{"q":"flights","max":10}`)}},
		{{Name: "book", Arguments: json.RawMessage(`{"id":1}`)}, {Name: "pay", Arguments: json.RawMessage(`{"id":1}`)}},
	}
	made := [][]tool.Call{
		{{ID: "1", Name: "search", Arguments: `{"max":10.0,"q":"flights"}`}},
		{{ID: "2", Name: "pay", Arguments: `{"id":1}`}},
		{{ID: "3", Name: "book", Arguments: `{"id":1}`}, {ID: "4", Name: "search", Arguments: `{"q":"hotels"}`}},
	}
	m := judge.MatchCalls(gold, made)
	fmt.Printf("exact %v, matched %d of %d, made %d, extra %s\n", m.Exact, m.Matched, m.Expected, m.Made, m.Extra[0].Arguments)
	// Output:
	// exact false, matched 3 of 3, made 4, extra {"q":"hotels"}
}

func ExampleSummarize() {
	vs := []*judge.Verdict{
		{Status: trajectory.StatusCompleted, Success: true, Reward: 1, StateMatch: true, OutputsOK: true, CallsExact: true, Turns: []judge.TurnVerdict{{Pass: true}}},
		{Status: trajectory.StatusCompleted, StateMatch: true, Turns: []judge.TurnVerdict{{Pass: false}}},
		{Status: trajectory.StatusErrored, Turns: []judge.TurnVerdict{{Pass: false}}},
	}
	s := judge.Summarize(vs)
	fmt.Println(s)
	fmt.Printf("finished %d, success among finished %.2f\n", s.Finished, s.FinishedSuccessRate)
	// Output:
	// 3 episodes, 1 successes (33.3%), mean reward 0.333, turn accuracy 33.3%, state 66.7%, exact calls 33.3%, outputs 33.3%; status completed 2, errored 1
	// finished 2, success among finished 0.50
}
