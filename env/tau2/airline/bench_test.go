package airline_test

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/tool"
)

// BenchmarkGoldReplay replays every base task as the oracle does: a fresh
// environment (a fork of the domain), the task's initial state, the gold
// actions, and the comparison of the final state with the expected one
// (SameState against the gold state computed once, outside the loop).
// One op is all 50 tasks; ns/task is per task.
func BenchmarkGoldReplay(b *testing.B) {
	d := domain(b)
	tasks, _, err := replay.Load("airline")
	if err != nil {
		b.Fatal(err)
	}
	want := make([]tau2.Env, len(tasks))
	for i, task := range tasks {
		want[i] = d.New()
		if err := replay.SetUp(want[i], task.InitialState); err != nil {
			b.Fatal(err)
		}
		replay.Run(want[i], task)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, task := range tasks {
			e := d.New()
			if err := replay.SetUp(e, task.InitialState); err != nil {
				b.Fatal(err)
			}
			replay.Run(e, task)
			if !e.SameState(tau2.Assistant, want[i]) {
				b.Fatalf("task %s: state differs", task.ID)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tasks)), "ns/task")
}

func BenchmarkFork(b *testing.B) {
	e := domain(b).New()
	e.Call(context.Background(), tool.Call{Name: "cancel_reservation", Arguments: `{"reservation_id": "WPK8DQ"}`})
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Fork()
	}
}

func BenchmarkNew(b *testing.B) {
	d := domain(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = d.New()
	}
}

// BenchmarkSameState compares an environment after a few writes with a
// fork that made the same writes.
func BenchmarkSameState(b *testing.B) {
	d := domain(b)
	x, y := d.New(), d.New()
	for _, e := range []tau2.Env{x, y} {
		e.Call(context.Background(), tool.Call{Name: "cancel_reservation", Arguments: `{"reservation_id": "WPK8DQ"}`})
		e.Call(context.Background(), tool.Call{Name: "send_certificate", Arguments: `{"user_id": "mohamed_taylor_9830", "amount": 100}`})
	}
	b.ReportAllocs()
	for b.Loop() {
		if !x.SameState(tau2.Assistant, y) {
			b.Fatal("states differ")
		}
	}
}

// BenchmarkHash is get_db_hash of the whole database (json.dumps with
// sorted keys and SHA-256).
func BenchmarkHash(b *testing.B) {
	e := domain(b).New()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Hash(tau2.Assistant); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStateHash is env.Hasher's incremental fingerprint after a write.
func BenchmarkStateHash(b *testing.B) {
	d := domain(b)
	base := d.New().(*tau2.DBEnv)
	if _, err := base.StateHash(); err != nil { // hashes the origin once
		b.Fatal(err)
	}
	e := d.New().(*tau2.DBEnv)
	e.Call(context.Background(), tool.Call{Name: "cancel_reservation", Arguments: `{"reservation_id": "WPK8DQ"}`})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.StateHash(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCall(b *testing.B) {
	d := domain(b)
	ctx := context.Background()
	b.Run("get_reservation_details", func(b *testing.B) {
		e := d.New()
		c := tool.Call{ID: "1", Name: "get_reservation_details", Arguments: `{"reservation_id": "WPK8DQ"}`}
		b.ReportAllocs()
		for b.Loop() {
			if res := e.Call(ctx, c); res.Error != nil {
				b.Fatal(res.Text())
			}
		}
	})
	b.Run("search_onestop_flight", func(b *testing.B) {
		e := d.New()
		c := tool.Call{ID: "1", Name: "search_onestop_flight", Arguments: `{"origin": "JFK", "destination": "SEA", "date": "2024-05-20"}`}
		b.ReportAllocs()
		for b.Loop() {
			if res := e.Call(ctx, c); res.Error != nil {
				b.Fatal(res.Text())
			}
		}
	})
	b.Run("book_on_fresh_fork", func(b *testing.B) {
		c := tool.Call{ID: "1", Name: "book_reservation", Arguments: `{"user_id": "mohamed_taylor_9830", "origin": "PHL", "destination": "LGA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-20"}], "passengers": [{"first_name": "A", "last_name": "B", "dob": "1990-01-01"}], "payment_methods": [{"payment_id": "gift_card_6470207", "amount": 137}], "total_baggages": 0, "nonfree_baggages": 0, "insurance": "no"}`}
		b.ReportAllocs()
		for b.Loop() {
			if res := d.New().Call(ctx, c); res.Error != nil {
				b.Fatal(res.Text())
			}
		}
	})
}
