package episode_test

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"time"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/tool"
)

// notes is a small real env for the episode tests: a list of notes, a
// read-only slow tool that records how many calls overlap, and a tool that
// always fails.
type notes struct {
	mu    sync.RWMutex
	state *noteState
}

type noteState struct {
	Notes []string `json:"notes"`

	inFlight, maxInFlight *atomic.Int32
}

type addArgs struct {
	Text string `json:"text" jsonschema:"the note's text"`
}

type slowArgs struct {
	Text string `json:"text"`
	MS   int    `json:"ms" jsonschema:"milliseconds to wait"`
}

type noArgs struct{}

var noteTools = func() *tool.Set[*noteState] {
	s := tool.NewSet[*noteState]()
	tool.Add(s, "add_note", "Add a note.", func(_ context.Context, st *noteState, a addArgs) (string, error) {
		st.Notes = append(st.Notes, a.Text)
		return "added", nil
	})
	tool.Add(s, "list_notes", "List the notes.", func(_ context.Context, st *noteState, _ noArgs) ([]string, error) {
		return st.Notes, nil
	}, tool.ReadOnly())
	tool.Add(s, "slow_echo", "Echo text after a delay.", func(ctx context.Context, st *noteState, a slowArgs) (string, error) {
		n := st.inFlight.Add(1)
		defer st.inFlight.Add(-1)
		for {
			m := st.maxInFlight.Load()
			if n <= m || st.maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		select {
		case <-time.After(time.Duration(a.MS) * time.Millisecond):
			return a.Text, nil
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}, tool.ReadOnly())
	tool.Add(s, "explode", "Always fails.", func(context.Context, *noteState, noArgs) (string, error) {
		return "", tool.Errorf("the explode tool failed on purpose")
	})
	return s
}()

func newNotes() *notes {
	return &notes{state: &noteState{inFlight: new(atomic.Int32), maxInFlight: new(atomic.Int32)}}
}

func (n *notes) Tools() []tool.Spec { return noteTools.Specs() }

func (n *notes) Call(ctx context.Context, c tool.Call) tool.Result {
	spec := noteTools.Validator()
	if spec.Has(c.Name) && c.Name != "add_note" && c.Name != "explode" {
		n.mu.RLock()
		defer n.mu.RUnlock()
	} else {
		n.mu.Lock()
		defer n.mu.Unlock()
	}
	return noteTools.Call(ctx, n.state, c)
}

func (n *notes) Snapshot() (json.RawMessage, error) {
	n.mu.RLock()
	defer n.mu.RUnlock()
	return env.Canonical(n.state)
}

func (n *notes) Fork() env.Env {
	n.mu.RLock()
	defer n.mu.RUnlock()
	f := newNotes()
	f.state.Notes = append([]string(nil), n.state.Notes...)
	return f
}
