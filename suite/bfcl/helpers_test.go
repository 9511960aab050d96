package bfcl_test

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/suite"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

// anchorDir returns ../shared/anchors/bfcl beside the module root, or
// skips the test when it is absent.
func anchorDir(t testing.TB) string {
	t.Helper()
	anchors := bfcltest.AnchorDir(t) // also recovers WATCH_LIST_EXTENSION from the anchors
	if _, err := os.Stat(filepath.Join(anchors, "BFCL_v4_multi_turn_base.json")); err != nil {
		t.Skipf("BFCL anchor data not found at %s (../shared/anchors/bfcl beside the module root)", anchors)
	}
	return anchors
}

// loadSuite loads the anchors' entries of the categories (all if none)
// into a fresh suite.
func loadSuite(t testing.TB, categories ...string) (*bfclsuite.Suite, []bfclsuite.Entry) {
	t.Helper()
	s := bfclsuite.New()
	entries, err := s.LoadEntries(suite.Options{DataDir: anchorDir(t), Categories: categories})
	if err != nil {
		t.Fatal(err)
	}
	return s, entries
}

// missingClasses lists the involved classes of entries that are not
// registered with env/bfcl yet.
func missingClasses(entries []bfclsuite.Entry) []string {
	known := bfcl.ClassNames()
	seen := map[string]bool{}
	for i := range entries {
		for _, c := range entries[i].InvolvedClasses {
			if !slices.Contains(known, c) {
				seen[c] = true
			}
		}
	}
	var out []string
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// runnable keeps the entries whose classes are all registered.
func runnable(entries []bfclsuite.Entry) []bfclsuite.Entry {
	known := bfcl.ClassNames()
	var out []bfclsuite.Entry
	for i := range entries {
		ok := true
		for _, c := range entries[i].InvolvedClasses {
			ok = ok && slices.Contains(known, c)
		}
		if ok {
			out = append(out, entries[i])
		}
	}
	return out
}

// entry returns the entry with the id; every class it involves must be
// registered (suite/bfcl imports all eight).
func entry(t testing.TB, entries []bfclsuite.Entry, id string) *bfclsuite.Entry {
	t.Helper()
	for i := range entries {
		if entries[i].ID != id {
			continue
		}
		if m := missingClasses(entries[i : i+1]); len(m) > 0 {
			t.Fatalf("%s needs the BFCL classes %s, which are not registered with env/bfcl", id, strings.Join(m, ", "))
		}
		return &entries[i]
	}
	t.Fatalf("no entry %s", id)
	return nil
}

// call is a native tool call with JSON arguments.
func call(name, args string) tool.Call { return tool.Call{Name: name, Arguments: args} }

// trajectoryOf builds the trajectory of an episode whose model made the
// given steps in each turn, as episode.Run records one.
func trajectoryOf(e *bfclsuite.Entry, turns [][]bfclsuite.Step) *trajectory.Trajectory {
	tr := &trajectory.Trajectory{
		Version: trajectory.Version, ID: e.ID, Suite: bfclsuite.Name, TaskID: e.ID, Env: bfclsuite.EnvName,
		Model: "test/model", Status: trajectory.StatusCompleted, Start: time.Unix(0, 0), End: time.Unix(1, 0),
	}
	for t, steps := range turns {
		first := len(tr.Messages)
		user := bfclsuite.HoldoutUserPrompt
		if len(e.Question[t]) > 0 {
			user = e.Question[t][0].Content
		}
		tr.Messages = append(tr.Messages, trajectory.Message{Message: model.User(user), Turn: t})
		for i, s := range steps {
			calls := make([]tool.Call, len(s.Calls))
			for j, c := range s.Calls {
				c.ID = "call_" + string(rune('a'+t)) + string(rune('a'+i)) + string(rune('a'+j))
				calls[j] = c
			}
			tr.Messages = append(tr.Messages, trajectory.Message{Message: model.Assistant(s.Text, calls...), Turn: t, Step: i + 1})
			for _, c := range calls {
				tr.Messages = append(tr.Messages, trajectory.Message{Message: model.ToolMessage(tool.OK(c, tool.Text("(not judged)"))), Turn: t, Step: i + 1})
			}
		}
		tr.Turns = append(tr.Turns, trajectory.Turn{Index: t, First: first, End: len(tr.Messages), Steps: len(steps), EndReason: "reply"})
	}
	return tr
}

// goldSteps turns each gold turn into one step of native calls.
func goldSteps(t testing.TB, e *bfclsuite.Entry) [][]bfclsuite.Step {
	t.Helper()
	out := make([][]bfclsuite.Step, len(e.GroundTruth))
	for i := range e.GroundTruth {
		if len(e.GroundTruth[i]) == 0 {
			out[i] = []bfclsuite.Step{{Text: "I cannot do that with the functions I have."}}
			continue
		}
		calls, err := e.GoldCalls(i)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = []bfclsuite.Step{{Calls: calls}, {Text: "Done."}}
	}
	return out
}

func suiteOptions(t testing.TB, categories ...string) suite.Options {
	return suite.Options{DataDir: anchorDir(t), Categories: categories}
}

type modelMessage = model.Message

func userMessage(s string) model.Message { return model.User(s) }
