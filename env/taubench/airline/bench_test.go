package airline_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/toolgym/toolgym/env/taubench/airline"
	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
	"github.com/toolgym/toolgym/tool"
)

// BenchmarkGoldReplay is the reference's oracle check for every test
// task: a fresh env, the gold actions through Call, and the final
// get_data_hash compared with the expected one (the reference takes
// 0.85 s per task for this, as a whole process).
func BenchmarkGoldReplay(b *testing.B) {
	d := loadData(b)
	tasks := tautest.LoadTasks(b, "airline", "test")
	want := tautest.LoadExpected(b, "tau-airline")
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		for _, task := range tasks {
			e := d.New()
			tautest.Replay(context.Background(), e, task.Actions)
			if e.Hash() != want[fmt.Sprint(task.TaskID)].DBHash {
				b.Fatalf("task %d: hash mismatch", task.TaskID)
			}
		}
	}
	reportTasks(b, start, len(tasks))
}

// BenchmarkGoldReplayEqual is BenchmarkGoldReplay with the check a suite
// can make instead of hashing: Equal against the gold env (built once per
// task, as a suite caches it).
func BenchmarkGoldReplayEqual(b *testing.B) {
	d := loadData(b)
	tasks := tautest.LoadTasks(b, "airline", "test")
	gold := make([]*airline.Env, len(tasks))
	for i, task := range tasks {
		gold[i] = d.New()
		tautest.Replay(context.Background(), gold[i], task.Actions)
	}
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		for i, task := range tasks {
			e := d.New()
			tautest.Replay(context.Background(), e, task.Actions)
			if !airline.Equal(e, gold[i]) {
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

// BenchmarkFork is one fresh env (the reference deep-copies the data,
// 108 ms).
func BenchmarkFork(b *testing.B) {
	d := loadData(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = d.New()
	}
}

// BenchmarkForkWritten forks an env that has written records.
func BenchmarkForkWritten(b *testing.B) {
	e := writtenEnv(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Clone()
	}
}

// writtenEnv is an env after the gold actions of a test task with writes.
func writtenEnv(b *testing.B) *airline.Env {
	d := loadData(b)
	tasks := tautest.LoadTasks(b, "airline", "test")
	e := d.New()
	tautest.Replay(context.Background(), e, tasks[0].Actions)
	return e
}

// BenchmarkEqual compares an env after a task with the gold env of the
// same task, the reward's data check.
func BenchmarkEqual(b *testing.B) {
	d := loadData(b)
	tasks := tautest.LoadTasks(b, "airline", "test")
	e, gold := d.New(), d.New()
	tautest.Replay(context.Background(), e, tasks[0].Actions)
	tautest.Replay(context.Background(), gold, tasks[0].Actions)
	b.ReportAllocs()
	for b.Loop() {
		if !airline.Equal(e, gold) {
			b.Fatal("unequal")
		}
	}
}

// BenchmarkHash is get_data_hash of an env after a task (the reference:
// 243 ms).
func BenchmarkHash(b *testing.B) {
	e := writtenEnv(b)
	_ = e.Hash() // the initial data's record texts, once per Data
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Hash()
	}
}

// BenchmarkCall measures a typical read (get_reservation_details), the
// search over all flights, and a write (update_reservation_baggages, on a
// fresh fork each time, the fork included).
func BenchmarkCall(b *testing.B) {
	d := loadData(b)
	ctx := context.Background()
	b.Run("read", func(b *testing.B) {
		e := d.New()
		c := tool.Call{Name: "get_reservation_details", Arguments: `{"reservation_id": "R9QDGB"}`}
		b.ReportAllocs()
		for b.Loop() {
			if r := e.Call(ctx, c); r.Error != nil {
				b.Fatal(r.Error)
			}
		}
	})
	b.Run("write", func(b *testing.B) {
		c := tool.Call{Name: "update_reservation_baggages", Arguments: `{"reservation_id": "R9QDGB", "total_baggages": 4, "nonfree_baggages": 2, "payment_id": "credit_card_6082923"}`}
		b.ReportAllocs()
		for b.Loop() {
			if r := d.New().Call(ctx, c); r.Error != nil {
				b.Fatal(r.Error)
			}
		}
	})
	b.Run("search_direct", func(b *testing.B) {
		e := d.New()
		c := tool.Call{Name: "search_direct_flight", Arguments: `{"origin": "JFK", "destination": "SEA", "date": "2024-05-20"}`}
		b.ReportAllocs()
		for b.Loop() {
			e.Call(ctx, c)
		}
	})
	b.Run("search_onestop", func(b *testing.B) {
		e := d.New()
		c := tool.Call{Name: "search_onestop_flight", Arguments: `{"origin": "JFK", "destination": "SEA", "date": "2024-05-20"}`}
		b.ReportAllocs()
		for b.Loop() {
			e.Call(ctx, c)
		}
	})
	b.Run("calculate", func(b *testing.B) {
		e := d.New()
		c := tool.Call{Name: "calculate", Arguments: `{"expression": "(1299.99 - 1000) * 0.9 + 12.5"}`}
		b.ReportAllocs()
		for b.Loop() {
			e.Call(ctx, c)
		}
	})
}

// BenchmarkLoad is reading and decoding the data files.
func BenchmarkLoad(b *testing.B) {
	dir := tautest.DomainDir(b, "airline")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := airline.Load(dir); err != nil {
			b.Fatal(err)
		}
	}
}
