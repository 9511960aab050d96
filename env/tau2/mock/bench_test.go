package mock

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/tool"
)

// BenchmarkGoldReplay replays every task's oracle on a fresh fork and
// checks its hashes, as the gold-replay test does.
func BenchmarkGoldReplay(b *testing.B) {
	anchors := anchorsDir(b)
	d, err := Load(filepath.Join(anchors, "tau2", "mock"))
	if err != nil {
		b.Fatal(err)
	}
	tasks, expected := loadGold(b, anchors, "mock", "tasks.json")
	b.ReportAllocs()
	for b.Loop() {
		for _, task := range tasks {
			e := d.New()
			runGold(b, e, task)
			if h, _ := e.Hash(tau2.Assistant); h != expected[task.ID].DBHash.AgentDB {
				b.Fatalf("%s: hash %s", task.ID, h)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tasks))/1e3, "µs/task")
}

func BenchmarkFork(b *testing.B) {
	e := testDomain(b).NewEnv()
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Fork()
	}
}

func BenchmarkSameState(b *testing.B) {
	d := testDomain(b)
	x, y := d.NewEnv(), d.NewEnv()
	call(x, tau2.Assistant, "update_task_status", `{"task_id":"task_1","status":"completed"}`)
	call(y, tau2.Assistant, "update_task_status", `{"task_id":"task_1","status":"completed"}`)
	b.ReportAllocs()
	for b.Loop() {
		if !x.SameState(tau2.Assistant, y) {
			b.Fatal("states differ")
		}
	}
}

func BenchmarkCall(b *testing.B) {
	d := testDomain(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		r    tau2.Requestor
		call tool.Call
	}{
		{"agent/get_users", tau2.Assistant, tool.Call{Name: "get_users", Arguments: `{}`}},
		{"agent/update_task_status", tau2.Assistant, tool.Call{Name: "update_task_status", Arguments: `{"task_id":"task_1","status":"completed"}`}},
		{"user/check_notifications", tau2.User, tool.Call{Name: "check_notifications", Arguments: `{}`}},
		{"user/dismiss_notification", tau2.User, tool.Call{Name: "dismiss_notification", Arguments: `{"notification_id":"n1"}`}},
	} {
		b.Run(c.name, func(b *testing.B) {
			e := d.NewEnv()
			b.ReportAllocs()
			for b.Loop() {
				if res := e.CallAs(ctx, c.r, c.call); res.Error != nil {
					b.Fatal(res.Text())
				}
			}
		})
	}
}
