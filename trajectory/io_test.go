package trajectory_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/trajectory"
)

func TestWriterRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.jsonl")
	w, err := trajectory.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []*trajectory.Trajectory
	for i := range 3 {
		tr := sample()
		tr.ID = fmt.Sprintf("retail-17#%d", i)
		tr.Trial = i
		if i == 1 {
			tr.Version = "" // written as the current version
		}
		want = append(want, tr)
		if err := w.Write(tr); err != nil {
			t.Fatal(err)
		}
	}
	if want[1].Version != "" {
		t.Error("Write changed the caller's trajectory")
	}
	want[1].Version = trajectory.Version
	if w.Count() != 3 {
		t.Errorf("count %d", w.Count())
	}
	// Records are in the file before Close.
	if n := countLines(t, path); n != 3 {
		t.Errorf("%d lines before Close, want 3", n)
	}
	if err := w.Sync(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(sample()); !errors.Is(err, trajectory.ErrClosed) {
		t.Errorf("write after close: %v", err)
	}
	if err := w.Close(); !errors.Is(err, trajectory.ErrClosed) {
		t.Errorf("second close: %v", err)
	}

	got, err := trajectory.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d, want %d", len(got), len(want))
	}
	for i := range want {
		a, _ := trajectory.Marshal(got[i])
		b, _ := trajectory.Marshal(want[i])
		if !bytes.Equal(a, b) {
			t.Errorf("record %d differs after the round trip:\n got %s\nwant %s", i, a, b)
		}
	}
	g := got[0]
	if g.Messages[2].Latency.Milliseconds() != 405 || g.Turns[1].StateHash != hash2 || *g.Reward != 1 || g.Messages[8].Content[1].Data[1] != 'P' {
		t.Errorf("fields lost: latency %v hash %s reward %v", g.Messages[2].Latency, g.Turns[1].StateHash, *g.Reward)
	}

	// OpenAppend adds after what is there; Create truncates.
	w, err = trajectory.OpenAppend(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(sample()); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if n := countLines(t, path); n != 4 {
		t.Errorf("%d lines after appending, want 4", n)
	}
	w, err = trajectory.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if n := countLines(t, path); n != 0 {
		t.Errorf("%d lines after Create, want 0", n)
	}
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte{'\n'})
}

// TestWriterConcurrent has 50 goroutines write at once; every line must
// be one whole record (run with -race).
func TestWriterConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.jsonl")
	w, err := trajectory.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	const goroutines, each = 50, 20
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*each)
	for g := range goroutines {
		wg.Go(func() {
			for i := range each {
				tr := sample()
				tr.ID = fmt.Sprintf("g%d-%d", g, i)
				// Vary the size so that short and long lines race.
				tr.Messages = tr.Messages[:(g+i)%len(tr.Messages)]
				tr.Turns = nil
				if err := w.Write(tr); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := trajectory.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != goroutines*each {
		t.Fatalf("read %d records, want %d", len(got), goroutines*each)
	}
	var ids []string
	for _, tr := range got {
		ids = append(ids, tr.ID)
		var g, i int
		if _, err := fmt.Sscanf(tr.ID, "g%d-%d", &g, &i); err != nil {
			t.Fatalf("id %q: %v", tr.ID, err)
		}
		if len(tr.Messages) != (g+i)%len(sample().Messages) {
			t.Errorf("%s has %d messages", tr.ID, len(tr.Messages))
		}
	}
	slices.Sort(ids)
	if len(slices.Compact(ids)) != goroutines*each {
		t.Error("repeated ids")
	}
}

type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	f.n++
	return 0, errors.New("disk full")
}

func TestNewWriter(t *testing.T) {
	var buf bytes.Buffer
	w := trajectory.NewWriter(&buf)
	if err := w.Write(sample()); err != nil {
		t.Fatal(err)
	}
	if err := w.Sync(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(buf.Bytes(), []byte{'\n'}); n != 1 || !bytes.HasSuffix(buf.Bytes(), []byte("}\n")) {
		t.Errorf("%d lines: %.80s", n, buf.Bytes())
	}

	fw := &failingWriter{}
	w = trajectory.NewWriter(fw)
	if err := w.Write(sample()); err == nil || !strings.Contains(err.Error(), "disk full") || fw.n != 1 {
		t.Errorf("failing writer: %v after %d writes", err, fw.n)
	}
	if w.Count() != 0 {
		t.Errorf("count %d after a failed write", w.Count())
	}
}

func TestReadReportsBadLines(t *testing.T) {
	good, err := trajectory.Marshal(sample())
	if err != nil {
		t.Fatal(err)
	}
	g := strings.TrimSuffix(string(good), "\n")
	old := strings.Replace(g, trajectory.Version, "toolgym.trajectory/v0", 1)
	noVersion := strings.Replace(g, `"version":"toolgym.trajectory/v1",`, "", 1)
	input := strings.Join([]string{
		g,                  // 1
		"",                 // 2 blank: skipped
		`{"id": "x", oops`, // 3 not JSON
		`   `,              // 4 blank
		old,                // 5 other version
		`{"messages": 7}`,  // 6 wrong type
		noVersion,          // 7 no version
		g,                  // 8
		g[:len(g)/2],       // 9 cut off, no newline
	}, "\n")

	type item struct {
		line int
		ok   bool
		is   error
	}
	var got []item
	for tr, err := range trajectory.Read(strings.NewReader(input)) {
		if err == nil {
			if tr == nil || tr.ID != "retail-17#2" {
				t.Errorf("record %+v", tr)
			}
			got = append(got, item{ok: true})
			continue
		}
		if tr != nil {
			t.Error("trajectory with an error")
		}
		var le *trajectory.LineError
		if !errors.As(err, &le) {
			t.Fatalf("error %v is not a *LineError", err)
		}
		if !strings.HasPrefix(err.Error(), fmt.Sprintf("line %d: ", le.Line)) {
			t.Errorf("message %q does not start with its line", err)
		}
		it := item{line: le.Line}
		for _, s := range []error{trajectory.ErrVersion, trajectory.ErrTruncated} {
			if errors.Is(err, s) {
				it.is = s
			}
		}
		got = append(got, it)
	}
	want := []item{
		{ok: true},
		{line: 3},
		{line: 5, is: trajectory.ErrVersion},
		{line: 6},
		{line: 7, is: trajectory.ErrVersion},
		{ok: true},
		{line: 9, is: trajectory.ErrTruncated},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}

	// Stopping early stops reading.
	n := 0
	for range trajectory.Read(strings.NewReader(input)) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d items after break", n)
	}

	// ReadFile stops at the first bad line.
	path := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(path, []byte(input), 0o644); err != nil {
		t.Fatal(err)
	}
	trs, err := trajectory.ReadFile(path)
	var le *trajectory.LineError
	if !errors.As(err, &le) || le.Line != 3 || len(trs) != 1 {
		t.Errorf("ReadFile: %d records, %v", len(trs), err)
	}
	if _, err := trajectory.ReadFile(filepath.Join(t.TempDir(), "missing.jsonl")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadLongLines(t *testing.T) {
	tr := sample()
	tr.Messages[1].Content[0].Text = strings.Repeat("long ", 400_000) // 2 MB
	line, err := trajectory.Marshal(tr)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for got, err := range trajectory.Read(bufio.NewReader(bytes.NewReader(bytes.Repeat(line, 3)))) {
		if err != nil {
			t.Fatal(err)
		}
		if got.Messages[1].Content[0].Text != tr.Messages[1].Content[0].Text {
			t.Fatal("long text changed")
		}
		n++
	}
	if n != 3 {
		t.Errorf("read %d", n)
	}
}

// TestOpenAppendAfterCrash: a file whose last line was cut off by a crash
// gets a newline before the next record, so only the cut-off line is bad.
func TestOpenAppendAfterCrash(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.jsonl")
	good, _ := trajectory.Marshal(sample())
	if err := os.WriteFile(path, append(slices.Clone(good), good[:100]...), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := trajectory.OpenAppend(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(sample()); err != nil {
		t.Fatal(err)
	}
	w.Close()
	var ok, bad []int
	line := 0
	for _, err := range trajectory.Read(mustOpen(t, path)) {
		line++
		var le *trajectory.LineError
		if errors.As(err, &le) {
			bad = append(bad, le.Line)
		} else if err == nil {
			ok = append(ok, line)
		}
	}
	if !slices.Equal(ok, []int{1, 3}) || !slices.Equal(bad, []int{2}) {
		t.Errorf("good lines %v, bad lines %v", ok, bad)
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func BenchmarkWriter(b *testing.B) {
	w, err := trajectory.Create(filepath.Join(b.TempDir(), "run.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	tr := sample()
	line, _ := trajectory.Marshal(tr)
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := w.Write(tr); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	line, _ := trajectory.Marshal(sample())
	data := bytes.Repeat(line, 100)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range trajectory.Read(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100 {
			b.Fatalf("read %d", n)
		}
	}
}
