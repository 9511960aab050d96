package telecom

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/tool"
)

// BenchmarkGoldReplay runs the oracle of all 114 base tasks, each on a
// fresh fork (initial state, gold calls, both hashes compared with the
// reference's). The tasks' JSON is decoded once, outside the loop.
func BenchmarkGoldReplay(b *testing.B) {
	d := anchorDomain(b)
	tasks, expected, err := replay.LoadFile("telecom", baseTasks)
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
			exp := expected[task.ID]
			if h, _ := e.Hash(tau2.Assistant); h != exp.AgentDB {
				b.Fatalf("%s: agent hash %s", task.ID, h)
			}
			if h, _ := e.Hash(tau2.User); h != exp.UserDB {
				b.Fatalf("%s: user hash %s", task.ID, h)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tasks))/1e3, "µs/task")
}

func BenchmarkFork(b *testing.B) { replay.BenchFork(b, testDomain(b)) }

func BenchmarkForkAnchors(b *testing.B) { replay.BenchFork(b, anchorDomain(b)) }

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

// BenchmarkHash hashes each database of a fresh env (the carrier's is
// the domain's shared one, hashed once), the carrier's after a write to a
// line or a bill (hashed from the first change on, the shared one's text
// reused up to there), and the whole text from scratch.
func BenchmarkHash(b *testing.B) {
	d := anchorDomain(b)
	e := d.NewEnv()
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
	for _, c := range []struct{ name, tool, args string }{
		{"assistant-after-line-write", "suspend_line", `{"customer_id":"C1001","line_id":"L1002","reason":"bench"}`},
		{"assistant-after-bill-write", "refuel_data", `{"customer_id":"C1001","line_id":"L1002","gb_amount":2.0}`},
	} {
		w := d.NewEnv()
		if res := call(w, tau2.Assistant, c.tool, c.args); res.Error != nil {
			b.Fatal(res.Text())
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := w.Hash(tau2.Assistant); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("assistant-whole-text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := hashFull(e.agent.a); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkCall(b *testing.B) {
	withUser := func(tb testing.TB, e tau2.Env) {
		if _, err := e.Run(tau2.User, "set_user_info", replay.Dict(tb, []byte(`{"name":"John Smith","phone_number":"555-123-2002"}`))); err != nil {
			tb.Fatal(err)
		}
	}
	replay.BenchCalls(b, anchorDomain(b), withUser, []replay.CallCase{
		{Name: "agent/get_customer_by_phone", Call: tool.Call{Name: "get_customer_by_phone", Arguments: `{"phone_number":"555-123-2002"}`}},
		{Name: "agent/get_data_usage", Call: tool.Call{Name: "get_data_usage", Arguments: `{"customer_id":"C1001","line_id":"L1002"}`}},
		{Name: "agent/enable_roaming", Call: tool.Call{Name: "enable_roaming", Arguments: `{"customer_id":"C1001","line_id":"L1002"}`}},
		{Name: "user/check_status_bar", Requestor: tau2.User, Call: tool.Call{Name: "check_status_bar", Arguments: `{}`}},
		{Name: "user/toggle_data", Requestor: tau2.User, Call: tool.Call{Name: "toggle_data", Arguments: `{}`}},
		{Name: "user/grant_app_permission", Requestor: tau2.User, Call: tool.Call{Name: "grant_app_permission", Arguments: `{"app_name":"messaging","permission":"sms"}`}},
	})
}
