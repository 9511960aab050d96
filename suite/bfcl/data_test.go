package bfcl_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/suite"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
)

func TestLoadErrors(t *testing.T) {
	empty := t.TempDir()
	for _, tc := range []struct {
		name, dir string
		cats      []string
		want      []string
	}{
		{"no folder given", "", nil, []string{"BFCL data not found", "--data", "BFCL_v4_multi_turn_base.json", "github.com/ShishirPatil/gorilla"}},
		{"missing folder", filepath.Join(empty, "nope"), nil, []string{"BFCL data not found in " + filepath.Join(empty, "nope"), "github.com/ShishirPatil/gorilla"}},
		{"wrong folder", empty, nil, []string{"BFCL data not found in " + empty + ": expected BFCL_v4_multi_turn_base.json", "berkeley-function-call-leaderboard/bfcl_eval/data"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bfclsuite.Load(tc.dir, tc.cats)
			if !errors.Is(err, bfclsuite.ErrNoData) {
				t.Fatalf("err %v, want ErrNoData", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
	t.Run("incomplete folder", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "BFCL_v4_multi_turn_base.json"), []byte(`{"id": "multi_turn_base_0"}`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := bfclsuite.Load(dir, []string{"base"})
		if !errors.Is(err, bfclsuite.ErrNoData) || !strings.Contains(err.Error(), "ground truth of base") {
			t.Errorf("err %v, want the missing ground truth named", err)
		}
	})
	t.Run("unknown category", func(t *testing.T) {
		_, err := bfclsuite.Load(anchorDir(t), []string{"parallel"})
		if err == nil || !strings.Contains(err.Error(), `unknown category "parallel"`) || !strings.Contains(err.Error(), "miss_param") {
			t.Errorf("err %v", err)
		}
	})
}

func TestNormalizeCategories(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, "base,miss_func,miss_param,long_context"},
		{[]string{"all"}, "base,miss_func,miss_param,long_context"},
		{[]string{"multi_turn_long_context", "base"}, "base,long_context"},
		{[]string{"miss_param", "miss_param"}, "miss_param"},
	} {
		got, err := bfclsuite.NormalizeCategories(tc.in)
		if err != nil || strings.Join(got, ",") != tc.want {
			t.Errorf("%v: %v %v, want %s", tc.in, got, err, tc.want)
		}
	}
}

func TestResolveDataDirAcceptsACloneRoot(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "berkeley-function-call-leaderboard", "bfcl_eval", "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "BFCL_v4_multi_turn_base.json"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{root, filepath.Join(root, "berkeley-function-call-leaderboard"), data} {
		got, err := bfclsuite.ResolveDataDir(d)
		if err != nil || got != data {
			t.Errorf("%s: %s %v, want %s", d, got, err, data)
		}
	}
}

func TestLoadAnchors(t *testing.T) {
	entries, err := bfclsuite.Load(anchorDir(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 800 {
		t.Fatalf("%d entries, want 800", len(entries))
	}
	turns, calls, held, heldTurns := 0, 0, 0, 0
	per := map[string]int{}
	for i := range entries {
		e := &entries[i]
		per[e.Category]++
		turns += len(e.GroundTruth)
		calls += e.Calls()
		if e.TestCategory() != "multi_turn_"+e.Category || !strings.HasPrefix(e.ID, e.TestCategory()+"_") {
			t.Errorf("%s: category %s", e.ID, e.Category)
		}
		if len(e.Question) != len(e.GroundTruth) || len(e.InvolvedClasses) == 0 || e.InitialConfig == nil {
			t.Errorf("%s: incomplete entry", e.ID)
		}
		offered := map[string]bool{}
		for _, f := range e.Functions {
			offered[f.Name] = true
			if !strings.HasSuffix(f.Spec.Description, bfclsuite.PythonHint) {
				t.Errorf("%s: %s offered without the Python hint", e.ID, f.Name)
			}
		}
		for turn, names := range e.MissedFunctions {
			heldTurns++
			if len(e.Question[turn]) != 0 {
				t.Errorf("%s: held-out turn %d has a question", e.ID, turn)
			}
			if len(e.Held[turn]) != len(names) {
				t.Errorf("%s: turn %d holds %d docs for %v", e.ID, turn, len(e.Held[turn]), names)
			}
			for _, f := range e.Held[turn] {
				held++
				if offered[f.Name] {
					t.Errorf("%s: held-out %s is offered from the start", e.ID, f.Name)
				}
				if strings.HasSuffix(f.Spec.Description, bfclsuite.PythonHint) {
					t.Errorf("%s: held-out %s has the Python hint (the reference adds it after taking held-out docs out)", e.ID, f.Name)
				}
			}
		}
	}
	// The anchors' README: 3,336 turns and 4,625 gold calls.
	if turns != 3336 || calls != 4625 {
		t.Errorf("%d turns and %d calls, want 3336 and 4625", turns, calls)
	}
	for _, c := range bfclsuite.Categories {
		if per[c] != 200 {
			t.Errorf("%s: %d entries", c, per[c])
		}
	}
	if held != 222 || heldTurns != 200 {
		t.Errorf("%d held-out functions in %d turns, want 222 in 200 (one turn per miss_func entry)", held, heldTurns)
	}
}

func TestGoldCallsNamePositionalArguments(t *testing.T) {
	_, entries := loadSuite(t, "miss_func")
	e := &entries[0] // its turn 3 is sort('final_report.pdf')
	calls, err := e.GoldCalls(3)
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 1 || calls[0].Name != "sort" || calls[0].Arguments != `{"file_name":"final_report.pdf"}` || calls[0].ID != "call_3_0_0" {
		t.Errorf("gold calls %+v", calls)
	}
	calls, err = e.GoldCalls(1)
	if err != nil || len(calls) != 2 || calls[1].Arguments != `{"file_name":"final_report.pdf","pattern":"budget analysis"}` {
		t.Errorf("gold calls %+v %v", calls, err)
	}
}

func TestTasks(t *testing.T) {
	s, entries := loadSuite(t, "miss_func")
	tasks, err := s.Load(t.Context(), suiteOptions(t, "miss_func"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) != len(entries) {
		t.Fatalf("%d tasks for %d entries", len(tasks), len(entries))
	}
	tk := tasks[0]
	if tk.ID != "multi_turn_miss_func_0" || tk.System != "" || tk.Env != bfclsuite.EnvName || len(tk.Turns) != 5 {
		t.Fatalf("task %+v", tk)
	}
	if tk.Turns[3].User != bfclsuite.HoldoutUserPrompt || len(tk.Turns[2].Gold.Steps) != 0 || len(tk.Turns[0].Gold.Steps) != 1 || len(tk.Turns[0].Gold.Steps[0]) != 3 {
		t.Errorf("turns %+v", tk.Turns)
	}
	if err := tk.Validate(); err != nil {
		t.Error(err)
	}
	if s.MaxSteps() != bfclsuite.MaxStepLimit+1 || !s.StopAtMaxSteps() {
		t.Errorf("step limits %d %v", s.MaxSteps(), s.StopAtMaxSteps())
	}
}

// Categories other than long_context need no long-context constants.
func TestLoadWithoutConstants(t *testing.T) {
	src := anchorDir(t)
	dir := t.TempDir()
	for _, p := range []string{"BFCL_v4_multi_turn_base.json", "possible_answer/BFCL_v4_multi_turn_base.json"} {
		copyFile(t, filepath.Join(src, p), filepath.Join(dir, p))
	}
	docs, err := os.ReadDir(filepath.Join(src, "multi_turn_func_doc"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		copyFile(t, filepath.Join(src, "multi_turn_func_doc", d.Name()), filepath.Join(dir, "multi_turn_func_doc", d.Name()))
	}
	entries, err := bfclsuite.New().LoadEntries(suite.Options{DataDir: dir, Categories: []string{"base"}})
	if err != nil || len(entries) != 200 {
		t.Fatalf("%d entries, %v", len(entries), err)
	}
	if _, err := bfclsuite.Load(dir, []string{"miss_func"}); !errors.Is(err, bfclsuite.ErrNoData) || !strings.Contains(err.Error(), "BFCL_v4_multi_turn_miss_func.json") {
		t.Errorf("a missing category file: %v", err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
