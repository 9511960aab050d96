package airline_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/taubench/airline"
	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
	"github.com/toolgym/toolgym/tool"
)

// BenchmarkGoldReplay is the reference's oracle check for every test
// task: a fresh env, the gold actions through Call, and the final
// get_data_hash compared with the expected one (the reference takes
// 0.85 s per task for this, as a whole process).
func BenchmarkGoldReplay(b *testing.B) { tautest.BenchGoldReplay(b, loadData(b), "airline") }

// BenchmarkGoldReplayEqual is BenchmarkGoldReplay with the check a suite
// can make instead of hashing: Equal against the gold env (built once per
// task, as a suite caches it).
func BenchmarkGoldReplayEqual(b *testing.B) { tautest.BenchGoldReplayEqual(b, loadData(b), "airline") }

// BenchmarkFork is one fresh env (the reference deep-copies the data,
// 108 ms).
func BenchmarkFork(b *testing.B) { tautest.BenchFork(b, loadData(b)) }

// BenchmarkForkWritten forks an env that has written records.
func BenchmarkForkWritten(b *testing.B) { tautest.BenchForkWritten(b, loadData(b), "airline") }

// BenchmarkEqual compares an env after a task with the gold env of the
// same task, the reward's data check.
func BenchmarkEqual(b *testing.B) { tautest.BenchEqual(b, loadData(b), "airline") }

// BenchmarkHash is get_data_hash of an env after a task (the reference:
// 243 ms).
func BenchmarkHash(b *testing.B) { tautest.BenchHash(b, loadData(b), "airline") }

// BenchmarkCall measures a typical read (get_reservation_details), the
// search over all flights, and a write (update_reservation_baggages, on a
// fresh fork each time, the fork included).
func BenchmarkCall(b *testing.B) {
	search := `{"origin": "JFK", "destination": "SEA", "date": "2024-05-20"}`
	tautest.BenchCalls(b, loadData(b), []tautest.CallCase{
		{Name: "read", Call: tool.Call{Name: "get_reservation_details", Arguments: `{"reservation_id": "R9QDGB"}`}, MustSucceed: true},
		{Name: "write", Call: tool.Call{Name: "update_reservation_baggages", Arguments: `{"reservation_id": "R9QDGB", "total_baggages": 4, "nonfree_baggages": 2, "payment_id": "credit_card_6082923"}`}, Fresh: true, MustSucceed: true},
		{Name: "search_direct", Call: tool.Call{Name: "search_direct_flight", Arguments: search}},
		{Name: "search_onestop", Call: tool.Call{Name: "search_onestop_flight", Arguments: search}},
		{Name: "calculate", Call: tool.Call{Name: "calculate", Arguments: `{"expression": "(1299.99 - 1000) * 0.9 + 12.5"}`}},
	})
}

// BenchmarkLoad is reading and decoding the data files.
func BenchmarkLoad(b *testing.B) { tautest.BenchLoad(b, "airline", airline.Load) }
