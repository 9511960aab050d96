package telecom

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/tool"
)

// BenchmarkGoldReplay runs the oracle of all 114 base tasks, each on a
// fresh fork (initial state, gold calls, both hashes compared with the
// reference's). The tasks' JSON is decoded once, outside the loop.
func BenchmarkGoldReplay(b *testing.B) {
	anchors := anchorsDir(b)
	d, err := Load(filepath.Join(anchors, "tau2", "telecom"))
	if err != nil {
		b.Fatal(err)
	}
	tasks, expected := loadGold(b, anchors, "telecom", "tasks_base114.release-37199f3.json")
	b.ReportAllocs()
	for b.Loop() {
		for _, task := range tasks {
			e := d.New()
			runGold(b, e, task)
			exp := expected[task.ID]
			if h, _ := e.Hash(tau2.Assistant); h != exp.DBHash.AgentDB {
				b.Fatalf("%s: agent hash %s", task.ID, h)
			}
			if h, _ := e.Hash(tau2.User); h != exp.DBHash.UserDB {
				b.Fatalf("%s: user hash %s", task.ID, h)
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

func BenchmarkForkAnchors(b *testing.B) {
	e := anchorDomain(b).NewEnv()
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Fork()
	}
}

func BenchmarkSameState(b *testing.B) {
	d := anchorDomain(b)
	x, y := d.NewEnv(), d.NewEnv()
	for _, e := range []*Env{x, y} {
		call(e, tau2.Assistant, "refuel_data", `{"customer_id":"C1001","line_id":"L1002","gb_amount":2.0}`)
		call(e, tau2.User, "toggle_airplane_mode", `{}`)
	}
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		b.Run(string(r), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if !x.SameState(r, y) {
					b.Fatal("states differ")
				}
			}
		})
	}
}

func BenchmarkHash(b *testing.B) {
	e := anchorDomain(b).NewEnv()
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		b.Run(string(r), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Hash(r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCall(b *testing.B) {
	d := anchorDomain(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		r    tau2.Requestor
		call tool.Call
	}{
		{"agent/get_customer_by_phone", tau2.Assistant, tool.Call{Name: "get_customer_by_phone", Arguments: `{"phone_number":"555-123-2002"}`}},
		{"agent/get_data_usage", tau2.Assistant, tool.Call{Name: "get_data_usage", Arguments: `{"customer_id":"C1001","line_id":"L1002"}`}},
		{"agent/enable_roaming", tau2.Assistant, tool.Call{Name: "enable_roaming", Arguments: `{"customer_id":"C1001","line_id":"L1002"}`}},
		{"user/check_status_bar", tau2.User, tool.Call{Name: "check_status_bar", Arguments: `{}`}},
		{"user/toggle_data", tau2.User, tool.Call{Name: "toggle_data", Arguments: `{}`}},
		{"user/grant_app_permission", tau2.User, tool.Call{Name: "grant_app_permission", Arguments: `{"app_name":"messaging","permission":"sms"}`}},
	} {
		b.Run(c.name, func(b *testing.B) {
			e := d.NewEnv()
			if _, err := e.Run(tau2.User, "set_user_info", pyDict(b, []byte(`{"name":"John Smith","phone_number":"555-123-2002"}`))); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if res := e.CallAs(ctx, c.r, c.call); res.Error != nil {
					b.Fatal(res.Text())
				}
			}
		})
	}
}
