package tautest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/toolgym/toolgym/env/taubench"
	"github.com/toolgym/toolgym/tool"
)

// The bodies of the benchmarks both domains run; each domain's
// BenchmarkXxx calls one with its data and names (and documents the
// reference's figure for it).

// BenchGoldReplay is the reference's oracle check for every test task of
// domain: a fresh env, the gold actions through Call, and the final
// get_data_hash compared with replay_expected.json's.
func BenchGoldReplay(b *testing.B, d *taubench.Data, domain string) {
	tasks := LoadTasks(b, domain, "test")
	want := LoadExpected(b, "tau-"+domain)
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		for _, task := range tasks {
			e := d.New()
			Replay(context.Background(), e, task.Actions)
			if e.Hash() != want[fmt.Sprint(task.TaskID)].DBHash {
				b.Fatalf("task %d: hash mismatch", task.TaskID)
			}
		}
	}
	reportTasks(b, start, len(tasks))
}

// BenchGoldReplayEqual is BenchGoldReplay with the check a suite can make
// instead of hashing: Equal against the gold env (built once per task,
// as a suite caches it).
func BenchGoldReplayEqual(b *testing.B, d *taubench.Data, domain string) {
	tasks := LoadTasks(b, domain, "test")
	gold := make([]*taubench.Env, len(tasks))
	for i, task := range tasks {
		gold[i] = d.New()
		Replay(context.Background(), gold[i], task.Actions)
	}
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		for i, task := range tasks {
			e := d.New()
			Replay(context.Background(), e, task.Actions)
			if !taubench.Equal(e, gold[i]) {
				b.Fatalf("task %d differs", task.TaskID)
			}
		}
	}
	reportTasks(b, start, len(tasks))
}

func reportTasks(b *testing.B, start time.Time, perLoop int) {
	n := float64(b.N * perLoop)
	secs := time.Since(start).Seconds()
	b.ReportMetric(n/secs, "tasks/s")
	b.ReportMetric(secs/n*1e6, "us/task")
}

// BenchFork is one fresh env.
func BenchFork(b *testing.B, d *taubench.Data) {
	b.ReportAllocs()
	for b.Loop() {
		_ = d.New()
	}
}

// BenchForkWritten forks an env that has written records.
func BenchForkWritten(b *testing.B, d *taubench.Data, domain string) {
	e := writtenEnv(b, d, domain)
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Clone()
	}
}

// writtenEnv is an env after the gold actions of the first test task.
func writtenEnv(b *testing.B, d *taubench.Data, domain string) *taubench.Env {
	tasks := LoadTasks(b, domain, "test")
	e := d.New()
	Replay(context.Background(), e, tasks[0].Actions)
	return e
}

// BenchEqual compares an env after a task with the gold env of the same
// task, the reward's data check.
func BenchEqual(b *testing.B, d *taubench.Data, domain string) {
	tasks := LoadTasks(b, domain, "test")
	e, gold := d.New(), d.New()
	Replay(context.Background(), e, tasks[0].Actions)
	Replay(context.Background(), gold, tasks[0].Actions)
	b.ReportAllocs()
	for b.Loop() {
		if !taubench.Equal(e, gold) {
			b.Fatal("unequal")
		}
	}
}

// BenchHash is get_data_hash of an env after a task.
func BenchHash(b *testing.B, d *taubench.Data, domain string) {
	e := writtenEnv(b, d, domain)
	_ = e.Hash() // the initial data's record texts, once per Data
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Hash()
	}
}

// CallCase is one sub-benchmark of BenchCalls.
type CallCase struct {
	Name string
	Call tool.Call
	// Fresh runs the call on a fresh fork each time (the fork included).
	Fresh bool
	// MustSucceed fails the benchmark on an error result.
	MustSucceed bool
}

// BenchCalls runs one sub-benchmark per case, each calling its tool in a
// loop.
func BenchCalls(b *testing.B, d *taubench.Data, cases []CallCase) {
	ctx := context.Background()
	for _, c := range cases {
		b.Run(c.Name, func(b *testing.B) {
			var e *taubench.Env
			if !c.Fresh {
				e = d.New()
			}
			b.ReportAllocs()
			for b.Loop() {
				env := e
				if c.Fresh {
					env = d.New()
				}
				if r := env.Call(ctx, c.Call); c.MustSucceed && r.Error != nil {
					b.Fatal(r.Error)
				}
			}
		})
	}
}

// BenchLoad is reading and decoding a domain's data files with load.
func BenchLoad(b *testing.B, domain string, load func(dir string) (*taubench.Data, error)) {
	dir := DomainDir(b, domain)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(dir); err != nil {
			b.Fatal(err)
		}
	}
}
