package retail_test

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
// One op is all 114 tasks; ns/task is per task.
func BenchmarkGoldReplay(b *testing.B) {
	d := domain(b)
	tasks, _, err := replay.Load("retail")
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
	e.Call(context.Background(), tool.Call{Name: "cancel_pending_order", Arguments: `{"order_id": "#W2443586", "reason": "no longer needed"}`})
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
		e.Call(context.Background(), tool.Call{Name: "cancel_pending_order", Arguments: `{"order_id": "#W2443586", "reason": "no longer needed"}`})
		e.Call(context.Background(), tool.Call{Name: "modify_user_address", Arguments: `{"user_id": "yusuf_rossi_9620", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`})
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
	e.Call(context.Background(), tool.Call{Name: "cancel_pending_order", Arguments: `{"order_id": "#W2443586", "reason": "no longer needed"}`})
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
	b.Run("get_order_details", func(b *testing.B) {
		e := d.New()
		c := tool.Call{ID: "1", Name: "get_order_details", Arguments: `{"order_id": "#W2378156"}`}
		b.ReportAllocs()
		for b.Loop() {
			if res := e.Call(ctx, c); res.Error != nil {
				b.Fatal(res.Text())
			}
		}
	})
	b.Run("find_user_id_by_name_zip", func(b *testing.B) {
		e := d.New()
		c := tool.Call{ID: "1", Name: "find_user_id_by_name_zip", Arguments: `{"first_name": "Yusuf", "last_name": "Rossi", "zip": "19122"}`}
		b.ReportAllocs()
		for b.Loop() {
			if res := e.Call(ctx, c); res.Error != nil {
				b.Fatal(res.Text())
			}
		}
	})
	b.Run("exchange_on_fresh_fork", func(b *testing.B) {
		c := tool.Call{ID: "1", Name: "exchange_delivered_order_items", Arguments: `{"order_id": "#W2378156", "item_ids": ["1151293680", "4983901480"], "new_item_ids": ["7706410293", "7747408585"], "payment_method_id": "credit_card_9513926"}`}
		b.ReportAllocs()
		for b.Loop() {
			if res := d.New().Call(ctx, c); res.Error != nil {
				b.Fatal(res.Text())
			}
		}
	})
}
