package retail_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
	"github.com/toolgym/toolgym/env/taubench/retail"
	"github.com/toolgym/toolgym/tool"
)

// loadData loads the anchors' retail data once for all tests.
func loadData(tb testing.TB) *retail.Data {
	tb.Helper()
	return tautest.LoadData(tb, "retail", retail.Load)
}

// TestGoldReplayTest replays every test task's gold actions and compares
// the final data hash and every error observation with the reference's
// (replay_expected.json).
func TestGoldReplayTest(t *testing.T) {
	tautest.CheckGoldReplay(t, loadData(t), "retail", 115)
}

// TestGoldReplayAllSplits replays the gold actions of every split and
// compares a digest of the final hashes and error observations with the
// same digest of the reference's replay (computed with its tools under
// CPython 3.11; replay_expected.json covers the test split only).
func TestGoldReplayAllSplits(t *testing.T) {
	d := loadData(t)
	for _, c := range []struct {
		split  string
		tasks  int
		errors int
		digest string
	}{
		{"test", 115, 24, "6bfbe59553486411f6f52cc5bb6dc3bb1fa31e7fb0c875bcd8805fe0b5304a14"},
		{"dev", 20, 0, "e5795ab8c313e9d7c6464878b43dd5b250e3d946aa9a5a00fe2fa1c6e061f301"},
		{"train", 500, 20, "c27a18f8eb1d131816b59ede1eaba5854b4f0250f3f57434afb69b648922e0fb"},
	} {
		tasks := tautest.LoadTasks(t, "retail", c.split)
		if len(tasks) != c.tasks {
			t.Fatalf("%s: %d tasks, want %d", c.split, len(tasks), c.tasks)
		}
		digest, errs := tautest.ReplayDigest(d, tasks)
		if digest != c.digest || errs != c.errors {
			t.Errorf("%s: digest %s with %d error observations, want %s with %d", c.split, digest, errs, c.digest, c.errors)
		}
	}
}

// TestForkIsolation replays write-heavy tasks on forks and checks that
// neither the base data nor the env forked from keeps any change, and
// that envs compare as their hashes do.
func TestForkIsolation(t *testing.T) {
	tasks := tautest.LoadTasks(t, "retail", "test")
	tautest.CheckForkIsolation(t, loadData(t), tasks[:20])
}

// TestEqualIsHashEquality checks that Equal tells 1 from 1.0 as the
// reference's hash does, where Python's == would not.
func TestEqualIsHashEquality(t *testing.T) {
	d := loadData(t)
	a, b := d.New(), d.New()
	args := `{"user_id": "ethan_lopez_6291", "address1": "1 Main St", "address2": "", "city": "Austin", "state": "TX", "country": "USA", "zip": %s}`
	a.Call(context.Background(), tool.Call{Name: "modify_user_address", Arguments: fmt.Sprintf(args, "1")})
	b.Call(context.Background(), tool.Call{Name: "modify_user_address", Arguments: fmt.Sprintf(args, "1.0")})
	if retail.Equal(a, b) || a.Hash() == b.Hash() {
		t.Error("zip 1 and zip 1.0 compare equal")
	}
	c := d.New()
	c.Call(context.Background(), tool.Call{Name: "modify_user_address", Arguments: fmt.Sprintf(args, "1")})
	if !a.Equal(c) || a.Hash() != c.Hash() {
		t.Error("the same write on two envs compares unequal")
	}
	snapA, err := a.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	snapC, _ := c.Snapshot()
	snapB, _ := b.Snapshot()
	if string(snapA) != string(snapC) || string(snapA) == string(snapB) {
		t.Error("snapshots do not follow the data")
	}
}

// TestConcurrentCalls runs reads and writes on one env from several
// goroutines (run with -race).
func TestConcurrentCalls(t *testing.T) {
	tautest.CheckConcurrentCalls(t, loadData(t), tautest.LoadTasks(t, "retail", "test"))
}
