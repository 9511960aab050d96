package mock

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/tool"
)

// BenchmarkGoldReplay replays every task's oracle on a fresh fork and
// checks its hashes, as the gold-replay test does. The tasks' JSON is
// decoded once, outside the loop.
func BenchmarkGoldReplay(b *testing.B) {
	d := anchorDomain(b)
	tasks, expected, err := replay.Load("mock")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, task := range tasks {
			e := d.New()
			if err := replay.SetUp(e, task.InitialState); err != nil {
				b.Fatal(err)
			}
			replay.Run(e, task)
			if h, _ := e.Hash(tau2.Assistant); h != expected[task.ID].AgentDB {
				b.Fatalf("%s: hash %s", task.ID, h)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tasks))/1e3, "µs/task")
}

func BenchmarkFork(b *testing.B) { replay.BenchFork(b, testDomain(b)) }

func BenchmarkSameState(b *testing.B) {
	replay.BenchSameState(b, testDomain(b), tool.Call{ID: "1", Name: "update_task_status", Arguments: `{"task_id":"task_1","status":"completed"}`})
}

func BenchmarkCall(b *testing.B) {
	replay.BenchCalls(b, testDomain(b), nil, []replay.CallCase{
		{Name: "agent/get_users", Call: tool.Call{Name: "get_users", Arguments: `{}`}},
		{Name: "agent/update_task_status", Call: tool.Call{Name: "update_task_status", Arguments: `{"task_id":"task_1","status":"completed"}`}},
		{Name: "user/check_notifications", Requestor: tau2.User, Call: tool.Call{Name: "check_notifications", Arguments: `{}`}},
		{Name: "user/dismiss_notification", Requestor: tau2.User, Call: tool.Call{Name: "dismiss_notification", Arguments: `{"notification_id":"n1"}`}},
	})
}
