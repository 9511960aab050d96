package bfcl_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/toolgym/toolgym/suite"

	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
)

// BenchmarkReplayAll replays and judges the ground truth of every entry
// whose classes are registered (all 800 once every class is), over
// GOMAXPROCS workers (set with -cpu). One op is the whole replay.
func BenchmarkReplayAll(b *testing.B) {
	_, all := loadSuite(b)
	entries := runnable(all)
	if m := missingClasses(all); len(m) > 0 {
		b.Logf("classes not registered yet: %v; replaying %d of %d entries", m, len(entries), len(all))
	}
	calls := 0
	for i := range entries {
		calls += entries[i].Calls()
	}
	ctx := context.Background()
	b.ReportAllocs()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		rep, err := bfclsuite.ReplayEntries(ctx, entries, "")
		if err != nil || rep.Passed != len(entries) {
			b.Fatalf("replay: %v, %d of %d passed: %v", err, rep.Passed, len(entries), rep.Failures)
		}
		n++
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(n*len(entries))/secs, "entries/s")
	b.ReportMetric(float64(n*calls)/secs, "calls/s")
	b.ReportMetric(float64(n*len(entries))/(cpuTime()-cpu0).Seconds(), "entries/cpu-s")
}

// BenchmarkReplayProcess is what `toolgym replay --suite bfcl-multi-turn
// --data DIR` does after the process starts: load the long-context
// constants and all 800 entries from the data folder, then replay and
// judge every entry's gold over GOMAXPROCS workers. entries/cpu-s (entries
// per second of CPU time, garbage collection included) does not depend on
// the number of CPUs, and so compares across machines and -cpu values.
func BenchmarkReplayProcess(b *testing.B) {
	dir := anchorDir(b)
	ctx := context.Background()
	b.ReportAllocs()
	n, entries := 0, 0
	cpu0 := cpuTime()
	for b.Loop() {
		rep, err := bfclsuite.New().Replay(ctx, suite.Options{DataDir: dir}, "")
		if err != nil || rep.Passed != rep.Tasks {
			b.Fatalf("replay: %v, %d of %d passed", err, rep.Passed, rep.Tasks)
		}
		n++
		entries = rep.Tasks
	}
	b.ReportMetric(float64(n*entries)/b.Elapsed().Seconds(), "entries/s")
	b.ReportMetric(float64(n*entries)/(cpuTime()-cpu0).Seconds(), "entries/cpu-s")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkJudgeEntry judges one entry's gold (multi_turn_base_52, 4
// turns, 6 calls): both sides executed on fresh envs, states compared.
func BenchmarkJudgeEntry(b *testing.B) {
	_, entries := loadSuite(b, "base")
	e := entry(b, entries, mutated)
	m := bfclsuite.ModelResultOf(trajectoryOf(e, goldSteps(b, e)))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		v, err := bfclsuite.Judge(ctx, e, m, bfclsuite.JudgeOptions{})
		if err != nil || !v.Valid {
			b.Fatal(err, v.ErrorType)
		}
	}
}

// BenchmarkLoad reads all four categories (questions, ground truth,
// function docs, tool specs).
func BenchmarkLoad(b *testing.B) {
	dir := anchorDir(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bfclsuite.Load(dir, nil); err != nil {
			b.Fatal(err)
		}
	}
}
