package airline_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/taubench/airline"
	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
)

// loadData loads the anchors' airline data once for all tests.
func loadData(tb testing.TB) *airline.Data {
	tb.Helper()
	return tautest.LoadData(tb, "airline", airline.Load)
}

// TestGoldReplayTest replays every test task's gold actions and compares
// the final data hash and every error observation with the reference's
// (replay_expected.json).
func TestGoldReplayTest(t *testing.T) {
	tautest.CheckGoldReplay(t, loadData(t), "airline", 50)
}

// TestForkIsolation replays tasks on forks and checks that
// neither the base data nor the env forked from keeps any change, and
// that envs compare as their hashes do.
func TestForkIsolation(t *testing.T) {
	tasks := tautest.LoadTasks(t, "airline", "test")
	tautest.CheckForkIsolation(t, loadData(t), tasks)
}

// TestConcurrentCalls runs reads and writes on one env from several
// goroutines (run with -race).
func TestConcurrentCalls(t *testing.T) {
	tautest.CheckConcurrentCalls(t, loadData(t), tautest.LoadTasks(t, "airline", "test"))
}
