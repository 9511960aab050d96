package retail_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
	"github.com/toolgym/toolgym/env/taubench/retail"
	"github.com/toolgym/toolgym/tool"
)

// BenchmarkGoldReplay is the reference's oracle check for every test
// task: a fresh env, the gold actions through Call, and the final
// get_data_hash compared with the expected one (the reference takes
// 0.33 s per task for this, as a whole process).
func BenchmarkGoldReplay(b *testing.B) { tautest.BenchGoldReplay(b, loadData(b), "retail") }

// BenchmarkGoldReplayEqual is BenchmarkGoldReplay with the check a suite
// can make instead of hashing: Equal against the gold env (built once per
// task, as a suite caches it).
func BenchmarkGoldReplayEqual(b *testing.B) { tautest.BenchGoldReplayEqual(b, loadData(b), "retail") }

// BenchmarkFork is one fresh env (the reference deep-copies the data,
// 22 ms).
func BenchmarkFork(b *testing.B) { tautest.BenchFork(b, loadData(b)) }

// BenchmarkForkWritten forks an env that has written records.
func BenchmarkForkWritten(b *testing.B) { tautest.BenchForkWritten(b, loadData(b), "retail") }

// BenchmarkEqual compares an env after a task with the gold env of the
// same task, the reward's data check.
func BenchmarkEqual(b *testing.B) { tautest.BenchEqual(b, loadData(b), "retail") }

// BenchmarkHash is get_data_hash of an env after a task (the reference:
// 71 ms).
func BenchmarkHash(b *testing.B) { tautest.BenchHash(b, loadData(b), "retail") }

// BenchmarkCall measures a typical read (get_order_details) and write
// (modify_pending_order_address, on a fresh fork each time, the fork
// included).
func BenchmarkCall(b *testing.B) {
	tautest.BenchCalls(b, loadData(b), []tautest.CallCase{
		{Name: "read", Call: tool.Call{Name: "get_order_details", Arguments: `{"order_id": "#W6779827"}`}, MustSucceed: true},
		{Name: "write", Call: tool.Call{Name: "modify_pending_order_address", Arguments: `{"order_id": "#W6779827", "address1": "1 Main St", "address2": "", "city": "Austin", "state": "TX", "country": "USA", "zip": "78701"}`}, Fresh: true, MustSucceed: true},
		{Name: "calculate", Call: tool.Call{Name: "calculate", Arguments: `{"expression": "(1299.99 - 1000) * 0.9 + 12.5"}`}},
	})
}

// BenchmarkLoad is reading and decoding the data files.
func BenchmarkLoad(b *testing.B) { tautest.BenchLoad(b, "retail", retail.Load) }
