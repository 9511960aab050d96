package airline_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/tool"
)

// write is the assistant's write the fork and state-hash benchmarks start
// from.
var write = tool.Call{Name: "cancel_reservation", Arguments: `{"reservation_id": "WPK8DQ"}`}

// BenchmarkGoldReplay replays every base task as the oracle does: a fresh
// environment (a fork of the domain), the task's initial state, the gold
// actions, and the comparison of the final state with the expected one
// (SameState against the gold state computed once, outside the loop).
// One op is all 50 tasks; ns/task is per task.
func BenchmarkGoldReplay(b *testing.B) { replay.BenchGoldReplay(b, domain(b), "airline") }

func BenchmarkFork(b *testing.B) { replay.BenchFork(b, domain(b), write) }

func BenchmarkNew(b *testing.B) { replay.BenchNew(b, domain(b)) }

// BenchmarkSameState compares an environment after a few writes with a
// fork that made the same writes.
func BenchmarkSameState(b *testing.B) {
	replay.BenchSameState(b, domain(b), write, tool.Call{Name: "send_certificate", Arguments: `{"user_id": "mohamed_taylor_9830", "amount": 100}`})
}

// BenchmarkHash is get_db_hash of the whole database (json.dumps with
// sorted keys and SHA-256).
func BenchmarkHash(b *testing.B) { replay.BenchHash(b, domain(b)) }

// BenchmarkStateHash is env.Hasher's incremental fingerprint after a write.
func BenchmarkStateHash(b *testing.B) { replay.BenchStateHash(b, domain(b), write) }

func BenchmarkCall(b *testing.B) {
	replay.BenchCalls(b, domain(b), nil, []replay.CallCase{
		{Name: "get_reservation_details", Call: tool.Call{ID: "1", Name: "get_reservation_details", Arguments: `{"reservation_id": "WPK8DQ"}`}},
		{Name: "search_onestop_flight", Call: tool.Call{ID: "1", Name: "search_onestop_flight", Arguments: `{"origin": "JFK", "destination": "SEA", "date": "2024-05-20"}`}},
		{Name: "book_on_fresh_fork", Call: tool.Call{ID: "1", Name: "book_reservation", Arguments: `{"user_id": "mohamed_taylor_9830", "origin": "PHL", "destination": "LGA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-20"}], "passengers": [{"first_name": "A", "last_name": "B", "dob": "1990-01-01"}], "payment_methods": [{"payment_id": "gift_card_6470207", "amount": 137}], "total_baggages": 0, "nonfree_baggages": 0, "insurance": "no"}`}, Fresh: true},
	})
}
