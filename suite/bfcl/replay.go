package bfcl

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/suite"
)

// Replay implements suite.Replayer: the ground truth of every entry opts
// select, judged as a model's calls are (see [ReplayEntries]).
func (s *Suite) Replay(ctx context.Context, opts suite.Options, dump string) (*suite.ReplayReport, error) {
	entries, err := s.LoadEntries(opts)
	if err != nil {
		return nil, err
	}
	return replayEntries(ctx, entries, dump, s.prompting)
}

// ReplayEntries plays each entry's ground truth as a function-calling
// model would (its calls as native tool calls, see [Entry.GoldCalls]) and
// judges it with [Judge], on fresh envs, the entries spread over
// GOMAXPROCS workers. With dump set it writes <dump>/<category>/<id>.json
// per entry, in the format of the reference replay anchors: {"id",
// "involved_classes", "turns": [{"turn", "calls", "results", "state"}],
// "initial_state"}, each state the classes' public attributes in the
// anchors' encoding, taken from the env the gold ran on as the model.
func ReplayEntries(ctx context.Context, entries []Entry, dump string) (*suite.ReplayReport, error) {
	return replayEntries(ctx, entries, dump, false)
}

// ReplayEntriesPrompting is [ReplayEntries] for the prompting mode: each
// turn's gold is one reply written as a prompting model writes it, the
// Python list [name(k=v, ...), ...] of the turn's calls with keyword
// arguments (see [Entry.GoldText]), decoded and judged as the reference's
// prompting handlers decode and judge it.
func ReplayEntriesPrompting(ctx context.Context, entries []Entry, dump string) (*suite.ReplayReport, error) {
	return replayEntries(ctx, entries, dump, true)
}

func replayEntries(ctx context.Context, entries []Entry, dump string, prompting bool) (*suite.ReplayReport, error) {
	start := time.Now()
	rep := &suite.ReplayReport{Tasks: len(entries), ByCategory: map[string][2]int{}}
	type outcome struct {
		passed bool
		fail   string
		err    error
	}
	outs := make([]outcome, len(entries))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(entries))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				e := &entries[i]
				v, err := replayOne(ctx, e, dump, prompting)
				switch {
				case err != nil:
					outs[i] = outcome{fail: fmt.Sprintf("%s: %v", e.ID, err), err: err}
				case !v.Valid:
					where := ""
					if v.Turn != nil {
						where = fmt.Sprintf(" (turn %d)", *v.Turn)
					}
					outs[i] = outcome{fail: fmt.Sprintf("%s: %s: %s%s", e.ID, v.ErrorType, v.ErrorMessage, where)}
				default:
					outs[i] = outcome{passed: true}
				}
			}
		}()
	}
feed:
	for i := range entries {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i := range entries {
		e := &entries[i]
		rep.Turns += len(e.GroundTruth)
		rep.Calls += e.Calls()
		c := rep.ByCategory[e.Category]
		c[0]++
		if outs[i].passed {
			rep.Passed++
			c[1]++
		} else {
			rep.Failures = append(rep.Failures, outs[i].fail)
		}
		rep.ByCategory[e.Category] = c
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// replayOne judges one entry's gold, dumping its states when asked.
func replayOne(ctx context.Context, e *Entry, dump string, prompting bool) (*Verdict, error) {
	m, err := e.goldResult(prompting)
	if err != nil {
		return nil, err
	}
	if dump == "" {
		return Judge(ctx, e, m, JudgeOptions{})
	}
	init, err := bfcl.New(e.InvolvedClasses, e.InitialConfig, e.LongContext())
	if err != nil {
		return nil, err
	}
	initial, err := pyval.MarshalStateJSON(init.States())
	if err != nil {
		return nil, err
	}
	turns := make([]pyval.Value, 0, len(e.GroundTruth))
	var stateErr error
	v, err := Judge(ctx, e, m, JudgeOptions{OnTurn: func(t int, model, _ *bfcl.Env, results, _ []string) {
		st, err := pyval.MarshalStateJSON(model.States())
		if err != nil && stateErr == nil {
			stateErr = fmt.Errorf("turn %d: state: %w", t, err)
		}
		turns = append(turns, pyval.DictOf(
			"turn", int64(t),
			"calls", strValues(e.GroundTruth[t]),
			"results", strValues(results),
			"state", json.RawMessage(st),
		))
	}})
	if err != nil {
		return nil, err
	}
	if stateErr != nil {
		return nil, stateErr
	}
	classes := strValues(e.InvolvedClasses)
	doc := pyval.DictOf(
		"id", e.ID,
		"involved_classes", classes,
		"turns", turns,
		"initial_state", json.RawMessage(initial),
	)
	b, err := pyval.AppendJSON(nil, doc, false)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(dump, e.Category)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, e.ID+".json"), append(b, '\n'), 0o644); err != nil {
		return nil, err
	}
	return v, nil
}
