package airline_test

import (
	"context"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/env/taubench/airline"
	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
)

var (
	dataOnce sync.Once
	data     *airline.Data
	dataErr  error
)

// loadData loads the anchors' airline data once for all tests.
func loadData(tb testing.TB) *airline.Data {
	tb.Helper()
	dir := tautest.DomainDir(tb, "airline")
	dataOnce.Do(func() { data, dataErr = airline.Load(dir) })
	if dataErr != nil {
		tb.Fatal(dataErr)
	}
	return data
}

// TestGoldReplayTest replays every test task's gold actions and compares
// the final data hash and every error observation with the reference's
// (replay_expected.json).
func TestGoldReplayTest(t *testing.T) {
	d := loadData(t)
	tasks := tautest.LoadTasks(t, "airline", "test")
	if len(tasks) != 50 {
		t.Fatalf("%d test tasks, want 50", len(tasks))
	}
	tautest.CheckGoldReplay(t, d, tasks, tautest.LoadExpected(t, "tau-airline"))
}

// TestForkIsolation replays tasks on forks and checks that neither the
// base data nor the env forked from keeps any change.
func TestForkIsolation(t *testing.T) {
	d := loadData(t)
	base := d.Hash()
	tasks := tautest.LoadTasks(t, "airline", "test")
	parent := d.New()
	for _, task := range tasks {
		child := parent.Clone()
		tautest.Replay(context.Background(), child, task.Actions)
		grandchild := child.Fork().(*airline.Env)
		tautest.Replay(context.Background(), grandchild, task.Actions)
		if got := parent.Hash(); got != base {
			t.Fatalf("task %d: the parent's hash changed to %s", task.TaskID, got)
		}
		changed := child.Hash() != base
		if airline.Equal(child, parent) == changed {
			t.Errorf("task %d: Equal(child, parent) = %v but the hashes differ: %v", task.TaskID, !changed, changed)
		}
		again := d.New()
		tautest.Replay(context.Background(), again, task.Actions)
		if !airline.Equal(child, again) {
			t.Errorf("task %d: two replays differ", task.TaskID)
		}
	}
	if got := d.New().Hash(); got != base {
		t.Fatalf("a new env's hash is %s, want %s", got, base)
	}
}

// TestConcurrentCalls runs reads and writes on one env from several
// goroutines (run with -race).
func TestConcurrentCalls(t *testing.T) {
	d := loadData(t)
	e := d.New()
	tasks := tautest.LoadTasks(t, "airline", "test")
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tautest.Replay(context.Background(), e, tasks[i].Actions)
			f := e.Clone()
			tautest.Replay(context.Background(), f, tasks[i+4].Actions)
			_ = e.Hash()
			_ = airline.Equal(e, f)
		}()
	}
	wg.Wait()
}
