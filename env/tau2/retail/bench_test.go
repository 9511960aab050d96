package retail_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/tool"
)

// write is the assistant's write the fork and state-hash benchmarks start
// from.
var write = tool.Call{Name: "cancel_pending_order", Arguments: `{"order_id": "#W2443586", "reason": "no longer needed"}`}

// BenchmarkGoldReplay replays every base task as the oracle does: a fresh
// environment (a fork of the domain), the task's initial state, the gold
// actions, and the comparison of the final state with the expected one
// (SameState against the gold state computed once, outside the loop).
// One op is all 114 tasks; ns/task is per task.
func BenchmarkGoldReplay(b *testing.B) { replay.BenchGoldReplay(b, domain(b), "retail") }

func BenchmarkFork(b *testing.B) { replay.BenchFork(b, domain(b), write) }

func BenchmarkNew(b *testing.B) { replay.BenchNew(b, domain(b)) }

// BenchmarkSameState compares an environment after a few writes with a
// fork that made the same writes.
func BenchmarkSameState(b *testing.B) {
	replay.BenchSameState(b, domain(b), write, tool.Call{Name: "modify_user_address", Arguments: `{"user_id": "yusuf_rossi_9620", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`})
}

// BenchmarkHash is get_db_hash of the whole database (json.dumps with
// sorted keys and SHA-256).
func BenchmarkHash(b *testing.B) { replay.BenchHash(b, domain(b)) }

// BenchmarkStateHash is env.Hasher's incremental fingerprint after a write.
func BenchmarkStateHash(b *testing.B) { replay.BenchStateHash(b, domain(b), write) }

func BenchmarkCall(b *testing.B) {
	replay.BenchCalls(b, domain(b), nil, []replay.CallCase{
		{Name: "get_order_details", Call: tool.Call{ID: "1", Name: "get_order_details", Arguments: `{"order_id": "#W2378156"}`}},
		{Name: "find_user_id_by_name_zip", Call: tool.Call{ID: "1", Name: "find_user_id_by_name_zip", Arguments: `{"first_name": "Yusuf", "last_name": "Rossi", "zip": "19122"}`}},
		{Name: "exchange_on_fresh_fork", Call: tool.Call{ID: "1", Name: "exchange_delivered_order_items", Arguments: `{"order_id": "#W2378156", "item_ids": ["1151293680", "4983901480"], "new_item_ids": ["7706410293", "7747408585"], "payment_method_id": "credit_card_9513926"}`}, Fresh: true},
	})
}
