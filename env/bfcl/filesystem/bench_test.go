package filesystem

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
)

// benchWorld is a scenario shaped like the ground truth's.
const benchWorld = `{"root": {"workspace": {"type": "directory", "contents": {
	"document": {"type": "directory", "contents": {
		"final_report.pdf": {"type": "file", "content": "Year2024 This is the final report content including budget analysis and other sections."},
		"previous_report.pdf": {"type": "file", "content": "Year203 This is the previous report content with different budget analysis."}}},
	"log.txt": {"type": "file", "content": "This is a log file. No errors found. Another line.\nYet another line. Error: Something went wrong.\nFinal line."},
	"archive": {"type": "directory", "contents": {}}}}}}`

// BenchmarkCalls measures one call through the env (parse the Python
// call, bind, run, render the result string), per typical call. The
// reference runs 13,928 GorillaFileSystem calls/s (72 µs a call).
func BenchmarkCalls(b *testing.B) {
	calls := []struct{ name, call string }{
		{"ls", "ls()"},
		{"pwd", "pwd()"},
		{"cd", "cd(folder='document')"},
		{"cat", "cat(file_name='log.txt')"},
		{"wc", "wc(file_name='log.txt', mode='w')"},
		{"grep", "grep(file_name='log.txt', pattern='line')"},
		{"tail", "tail(file_name='log.txt', lines=2)"},
		{"sort", "sort(file_name='log.txt')"},
		{"find", "find(path='.', name='report')"},
		{"du", "du(human_readable=True)"},
		{"echo", "echo(content='Hello', file_name='log.txt')"},
		{"diff", "diff(file_name1='log.txt', file_name2='log.txt')"},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			e, _ := newEnv(b, json.RawMessage(benchWorld), false)
			b.ReportAllocs()
			for b.Loop() {
				e.Exec(c.call)
			}
		})
	}
	// Calls that change the tree run in pairs that undo each other.
	pairs := []struct{ name, do, undo string }{
		{"touch+rm", "touch(file_name='new.txt')", "rm(file_name='new.txt')"},
		{"mkdir+rmdir", "mkdir(dir_name='new')", "rmdir(dir_name='new')"},
		{"mv+mv", "mv(source='log.txt', destination='log2.txt')", "mv(source='log2.txt', destination='log.txt')"},
		{"cp+rm", "cp(source='log.txt', destination='copy.txt')", "rm(file_name='copy.txt')"},
	}
	for _, p := range pairs {
		b.Run(p.name, func(b *testing.B) {
			e, _ := newEnv(b, json.RawMessage(benchWorld), false)
			b.ReportAllocs()
			for b.Loop() {
				e.Exec(p.do)
				e.Exec(p.undo)
			}
		})
	}
}

// BenchmarkGroundTruth runs the class's ground-truth calls of all four
// categories, entry by entry on a fresh fork of the loaded scenario
// (forked with the timer stopped), and reports the cost per call, the
// figure the reference's 13,928 calls/s compares with.
func BenchmarkGroundTruth(b *testing.B) {
	type entry struct {
		env   *bfcl.Env
		calls []string
	}
	var entries []entry
	total := 0
	for _, cat := range bfcltest.Categories {
		for _, e := range bfcltest.Load(b, cat) {
			if !slices.Contains(e.InvolvedClasses, ClassName) {
				continue
			}
			env, err := bfcl.New([]string{ClassName}, e.InitialConfig, e.LongContext())
			if err != nil {
				b.Fatal(err)
			}
			var calls []string
			probe := env.Fork().(*bfcl.Env)
			for _, t := range e.Replay.Turns {
				for _, c := range t.Calls {
					if probe.Exec(c) != "Error during execution: name '"+strings.SplitN(c, "(", 2)[0]+"' is not defined" {
						calls = append(calls, c)
					}
				}
			}
			entries = append(entries, entry{env, calls})
			total += len(calls)
		}
	}
	forks := make([]*bfcl.Env, len(entries))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		for i, e := range entries {
			forks[i] = e.env.Fork().(*bfcl.Env)
		}
		b.StartTimer()
		for i, e := range entries {
			for _, c := range e.calls {
				forks[i].Exec(c)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(total), "ns/call")
}

// BenchmarkFork measures cloning a loaded long-context file system (the
// largest state: every innermost folder holds the populated files).
func BenchmarkFork(b *testing.B) {
	bfcltest.AnchorDir(b)
	e, _ := newEnv(b, json.RawMessage(benchWorld), true)
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Fork().(*bfcl.Env)
	}
}

// BenchmarkSnapshot measures the state snapshot of the same file system.
func BenchmarkSnapshot(b *testing.B) {
	bfcltest.AnchorDir(b)
	e, _ := newEnv(b, json.RawMessage(benchWorld), true)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Snapshot(); err != nil {
			b.Fatal(err)
		}
	}
}
