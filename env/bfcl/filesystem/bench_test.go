package filesystem

import (
	"encoding/json"
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

// BenchmarkGroundTruth replays the class's ground-truth calls of the four
// categories, one Exec per call on a fresh env per entry; ns/call compares
// with the reference's calls/s (see bfcltest.BenchGroundTruth).
func BenchmarkGroundTruth(b *testing.B) { bfcltest.BenchGroundTruth(b, ClassName) }

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
