package episode_test

import (
	"context"
	"fmt"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/judge"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/user"
)

// One episode of a built-in task, played by the oracle, then judged.
func ExampleRun() {
	tasks := bank.Tasks()
	tk := &tasks[0]
	e, _ := env.New(tk.Env, tk.Config)
	oracle := scripted.NewInProcess(scripted.NewOracle(tasks))

	tr := episode.Run(context.Background(), episode.Config{
		Task:  tk,
		Env:   e,
		Agent: &agent.FunctionCalling{Model: oracle},
		User:  user.NewScripted(tk.UserTurns()...),
	})
	fresh := func() (env.Env, error) { return env.New(tk.Env, tk.Config) }
	v, _ := judge.Judge(context.Background(), tk, tr, e, fresh, judge.DefaultOptions())
	fmt.Println(tr.Status, len(tr.Turns), "turn(s), reward", v.Reward)
	// Output:
	// completed 1 turn(s), reward 1
}
