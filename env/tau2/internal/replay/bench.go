package replay

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/tool"
)

// The bodies of the benchmarks more than one domain runs; each domain's
// BenchmarkXxx calls one with its domain and calls.

// BenchGoldReplay replays every base task of domain as the oracle does: a
// fresh environment of d, the task's initial state, the gold actions, and
// the comparison of the final state with the expected one (SameState
// against the gold state computed once, outside the loop). One op is all
// the tasks; ns/task is per task.
func BenchGoldReplay(b *testing.B, d tau2.Domain, domain string) {
	tasks, _, err := Load(domain)
	if err != nil {
		b.Fatal(err)
	}
	want := make([]tau2.Env, len(tasks))
	for i, task := range tasks {
		want[i] = d.New()
		if err := SetUp(want[i], task.InitialState); err != nil {
			b.Fatal(err)
		}
		Run(want[i], task)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, task := range tasks {
			e := d.New()
			if err := SetUp(e, task.InitialState); err != nil {
				b.Fatal(err)
			}
			Run(e, task)
			if !e.SameState(tau2.Assistant, want[i]) {
				b.Fatalf("task %s: state differs", task.ID)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tasks)), "ns/task")
}

// BenchNew is a fresh environment of d.
func BenchNew(b *testing.B, d tau2.Domain) {
	b.ReportAllocs()
	for b.Loop() {
		_ = d.New()
	}
}

// BenchFork forks an environment of d after the assistant's writes.
func BenchFork(b *testing.B, d tau2.Domain, writes ...tool.Call) {
	e := d.New()
	for _, w := range writes {
		e.Call(context.Background(), w)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Fork()
	}
}

// BenchSameState compares an environment after the assistant's writes
// with another that made the same writes.
func BenchSameState(b *testing.B, d tau2.Domain, writes ...tool.Call) {
	x, y := d.New(), d.New()
	for _, e := range []tau2.Env{x, y} {
		for _, w := range writes {
			e.Call(context.Background(), w)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if !x.SameState(tau2.Assistant, y) {
			b.Fatal("states differ")
		}
	}
}

// BenchHash is the agent database's get_db_hash on a fresh environment of
// d (json.dumps with sorted keys and SHA-256).
func BenchHash(b *testing.B, d tau2.Domain) {
	e := d.New()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Hash(tau2.Assistant); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchStateHash is env.Hasher's incremental fingerprint of a DBEnv after
// the assistant's write.
func BenchStateHash(b *testing.B, d tau2.Domain, write tool.Call) {
	base := d.New().(*tau2.DBEnv)
	if _, err := base.StateHash(); err != nil { // hashes the origin once
		b.Fatal(err)
	}
	e := d.New().(*tau2.DBEnv)
	e.Call(context.Background(), write)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.StateHash(); err != nil {
			b.Fatal(err)
		}
	}
}

// CallCase is one sub-benchmark of BenchCalls.
type CallCase struct {
	Name      string
	Requestor tau2.Requestor // the assistant when empty
	Call      tool.Call
	// Fresh runs the call on a fresh environment each time (its creation
	// included).
	Fresh bool
}

// BenchCalls runs one sub-benchmark per case, calling its tool in a loop
// and failing on an error result. prepare, when not nil, runs on each
// environment before its calls.
func BenchCalls(b *testing.B, d tau2.Domain, prepare func(tb testing.TB, e tau2.Env), cases []CallCase) {
	ctx := context.Background()
	newEnv := func(tb testing.TB) tau2.Env {
		e := d.New()
		if prepare != nil {
			prepare(tb, e)
		}
		return e
	}
	for _, c := range cases {
		r := c.Requestor
		if r == "" {
			r = tau2.Assistant
		}
		b.Run(c.Name, func(b *testing.B) {
			var e tau2.Env
			if !c.Fresh {
				e = newEnv(b)
			}
			b.ReportAllocs()
			for b.Loop() {
				env := e
				if c.Fresh {
					env = newEnv(b)
				}
				if res := env.CallAs(ctx, r, c.Call); res.Error != nil {
					b.Fatal(res.Text())
				}
			}
		})
	}
}
