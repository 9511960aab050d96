package trajectory

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"sync"
)

// Errors callers branch on.
var (
	// ErrClosed: Write or Close on a closed Writer.
	ErrClosed = errors.New("trajectory writer closed")
	// ErrVersion: a record's version is missing or not [Version].
	ErrVersion = errors.New("unsupported trajectory version")
	// ErrTruncated: the last line of a file is cut off (no newline and not
	// a complete record), as a crash in the middle of a write leaves it.
	ErrTruncated = errors.New("truncated last line")
)

// LineError is a bad line in a JSONL file: its 1-based line number and
// what is wrong with it.
type LineError struct {
	Line int
	Err  error
}

// Error says which line and why.
func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the cause.
func (e *LineError) Unwrap() error { return e.Err }

// Writer appends trajectories to a JSONL stream, one record per line. It
// is safe for concurrent use: each Write encodes its record apart and
// then writes the whole line with a single write under a lock, so lines
// never interleave. Nothing is buffered: a record is in the operating
// system's hands when Write returns, so a crash or Ctrl-C loses no
// finished episode (use Sync to also survive a power loss).
type Writer struct {
	mu     sync.Mutex
	w      io.Writer
	f      *os.File // set when the Writer opened the file itself
	closed bool
	n      int
}

// Create creates (or truncates) the file at path and returns a Writer to it.
func Create(path string) (*Writer, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("creating trajectory file: %w", err)
	}
	return &Writer{w: f, f: f}, nil
}

// OpenAppend opens the file at path for appending, creating it if needed,
// and returns a Writer to it. If the file ends in a cut-off line (a crash
// in the middle of a write), a newline is added first so the next record
// starts on a line of its own; readers then report the cut-off line alone.
func OpenAppend(path string) (*Writer, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening trajectory file: %w", err)
	}
	if err := endLine(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("opening trajectory file: %w", err)
	}
	return &Writer{w: f, f: f}, nil
}

// endLine writes a newline to f if it is not empty and does not end in one.
func endLine(f *os.File) error {
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return err
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], st.Size()-1); err != nil {
		return err
	}
	if last[0] == '\n' {
		return nil
	}
	_, err = f.Write([]byte{'\n'})
	return err
}

// NewWriter returns a Writer to w (standard output, a network stream). Close
// does not close w. w sees one Write call per record.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Marshal encodes one trajectory as its JSONL line, newline included. An
// empty Version is written as [Version]; tr itself is not changed.
func Marshal(tr *Trajectory) ([]byte, error) {
	rec := *tr
	if rec.Version == "" {
		rec.Version = Version
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&rec); err != nil {
		return nil, fmt.Errorf("encoding trajectory %s: %w", tr.ID, err)
	}
	return buf.Bytes(), nil
}

// Write appends one trajectory as a line. An empty Version is written as
// [Version].
func (w *Writer) Write(tr *Trajectory) error {
	line, err := Marshal(tr)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return ErrClosed
	}
	if _, err := w.w.Write(line); err != nil {
		return fmt.Errorf("writing trajectory %s: %w", tr.ID, err)
	}
	w.n++
	return nil
}

// Count returns how many records this Writer has written.
func (w *Writer) Count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.n
}

// Sync commits the file to stable storage (fsync). It does nothing for a
// Writer made with NewWriter.
func (w *Writer) Sync() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return ErrClosed
	}
	if w.f == nil {
		return nil
	}
	return w.f.Sync()
}

// Close closes the file the Writer opened. Later Writes fail with
// ErrClosed; a second Close returns ErrClosed.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return ErrClosed
	}
	w.closed = true
	if w.f == nil {
		return nil
	}
	return w.f.Close()
}

// ReadFile reads every trajectory of a JSONL file; it stops at the first
// bad line with a *LineError.
func ReadFile(path string) ([]*Trajectory, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading trajectories: %w", err)
	}
	defer f.Close()
	var out []*Trajectory
	for tr, err := range Read(f) {
		if err != nil {
			return out, fmt.Errorf("reading %s: %w", path, err)
		}
		out = append(out, tr)
	}
	return out, nil
}

// Read streams the trajectories of a JSONL stream, one per line; blank
// lines are skipped and lines may be of any length. A bad line (not JSON,
// not a trajectory, or of another [Version]) yields a nil trajectory and
// a *LineError with its line number, wrapping ErrVersion for a version
// mismatch and ErrTruncated for a cut-off last line; the caller may stop
// there or go on to the next line. A read error is yielded and ends the
// stream.
func Read(r io.Reader) iter.Seq2[*Trajectory, error] {
	return func(yield func(*Trajectory, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		for n := 1; ; n++ {
			line, rerr := br.ReadBytes('\n')
			if rerr != nil && rerr != io.EOF {
				yield(nil, fmt.Errorf("reading line %d: %w", n, rerr))
				return
			}
			complete := len(line) > 0 && line[len(line)-1] == '\n'
			if t := bytes.TrimSpace(line); len(t) > 0 {
				tr, err := parseLine(t)
				if err != nil {
					if !complete && !errors.Is(err, ErrVersion) {
						err = fmt.Errorf("%w: %w", ErrTruncated, err)
					}
					if !yield(nil, &LineError{Line: n, Err: err}) {
						return
					}
				} else if !yield(tr, nil) {
					return
				}
			}
			if rerr == io.EOF {
				return
			}
		}
	}
}

func parseLine(b []byte) (*Trajectory, error) {
	var tr Trajectory
	if err := json.Unmarshal(b, &tr); err != nil {
		return nil, err
	}
	if tr.Version != Version {
		if tr.Version == "" {
			return nil, fmt.Errorf("%w: no version (want %q)", ErrVersion, Version)
		}
		return nil, fmt.Errorf("%w: %q (this reader reads %q)", ErrVersion, tr.Version, Version)
	}
	return &tr, nil
}
