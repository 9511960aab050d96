package tau

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// anchorsDir returns ../shared/anchors/tau beside the module root.
func anchorsDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "anchors", "tau")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("tau anchors not found at %s (../shared/anchors/tau beside the module root)", dir)
	}
	return dir
}

// TestParseV1TasksPython parses the reference's own task files (read from
// the tau-bench checkout named by TOOLGYM_TAU_BENCH_SRC, e.g. a clone's
// tau_bench/envs folder) and checks they give the anchors' JSON tasks.
func TestParseV1TasksPython(t *testing.T) {
	src := os.Getenv("TOOLGYM_TAU_BENCH_SRC")
	if src == "" {
		t.Skip("TOOLGYM_TAU_BENCH_SRC (a tau-bench checkout's tau_bench/envs folder) is not set")
	}
	anchors := anchorsDir(t)
	for key, file := range v1SplitFiles {
		domain, split, _ := bytes.Cut([]byte(key), []byte("/"))
		b, err := os.ReadFile(filepath.Join(src, string(domain), file))
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseV1TasksPython(file, b)
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		want, err := LoadV1Tasks(filepath.Join(anchors, "tau-bench", string(domain)), string(domain), string(split))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d tasks, want %d", key, len(got), len(want))
		}
		for i := range got {
			gb, _ := json.Marshal(got[i])
			wb, _ := json.Marshal(want[i])
			if !jsonEqual(gb, wb) {
				t.Errorf("%s task %d:\n got %s\nwant %s", key, i, gb, wb)
				break
			}
		}
	}
}

func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xb, _ := json.Marshal(x)
	yb, _ := json.Marshal(y)
	return bytes.Equal(xb, yb)
}

func TestLoadV1TasksCounts(t *testing.T) {
	anchors := anchorsDir(t)
	for _, c := range []struct {
		domain, split string
		n             int
	}{{"retail", "test", 115}, {"retail", "train", 500}, {"retail", "dev", 20}, {"airline", "test", 50}} {
		tasks, err := LoadV1Tasks(filepath.Join(anchors, "tau-bench", c.domain), c.domain, c.split)
		if err != nil {
			t.Fatal(err)
		}
		if len(tasks) != c.n {
			t.Errorf("%s/%s: %d tasks, want %d", c.domain, c.split, len(tasks), c.n)
		}
		for i, tk := range tasks {
			if tk.Index != i || tk.UserID == "" || tk.Instruction == "" {
				t.Fatalf("%s/%s task %d incomplete: %+v", c.domain, c.split, i, tk)
			}
		}
	}
	if _, err := LoadV1Tasks(filepath.Join(anchors, "tau-bench", "airline"), "airline", "train"); err == nil {
		t.Error("airline train split loaded; the reference has none")
	}
}

// FuzzParseV1TasksPython feeds the task-file reader arbitrary Python: it
// must return tasks or an error, never panic.
func FuzzParseV1TasksPython(f *testing.F) {
	f.Add([]byte(`from tau_bench.types import Task, Action

TASKS = [
    Task(
        annotator="0",
        user_id="u",
        instruction="You are u.",
        actions=[Action(name="get_order_details", kwargs={"order_id": "#W1", "n": -2, "x": 1.5, "ok": True, "none": None})],
        outputs=["10.0"],
    ),
]
`))
	f.Add([]byte("X = [Task(a=1, b=[1, 2], c={'k': (1)})]"))
	f.Add([]byte("X = [f(1)]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		tasks, err := ParseV1TasksPython("fuzz.py", src)
		if err == nil {
			for i, tk := range tasks {
				if tk.Index != i {
					t.Fatalf("task %d has index %d", i, tk.Index)
				}
			}
		}
	})
}

// TestParseV1TasksPythonForms reads a task file in the reference's layout,
// written for this test, with every literal form the reader takes.
func TestParseV1TasksPythonForms(t *testing.T) {
	src := `from tau_bench.types import Task, Action

TASKS_TEST = [
    Task(
        annotator="1",
        user_id="ann_lee_1",
        instruction="You are Ann. You want a refund.",
        actions=[
            Action(name="get_order_details", kwargs={"order_id": "#W1"}),
            Action(
                name="return_delivered_order_items",
                kwargs={"items": ["1", "2"], "n": -3, "x": 2., "big": 1000, "ok": True, "no": None},
            ),
        ],
        outputs=["10.00"],
    ),
    Task(user_id="b", instruction='single', actions=[], outputs=[]),
]
`
	tasks, err := ParseV1TasksPython("tasks_test.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) != 2 || tasks[1].Index != 1 || tasks[1].Instruction != "single" {
		t.Fatalf("tasks: %+v", tasks)
	}
	t0 := tasks[0]
	if t0.UserID != "ann_lee_1" || t0.Instruction != "You are Ann. You want a refund." || len(t0.Outputs) != 1 || t0.Outputs[0] != "10.00" {
		t.Errorf("task 0: %+v", t0)
	}
	if len(t0.Actions) != 2 || t0.Actions[1].Name != "return_delivered_order_items" {
		t.Fatalf("actions: %+v", t0.Actions)
	}
	if got, want := string(t0.Actions[1].Kwargs), `{"items":["1","2"],"n":-3,"x":2.0,"big":1000,"ok":true,"no":null}`; got != want {
		t.Errorf("kwargs %s, want %s (key order kept, 2. as a float)", got, want)
	}
	// Implicit string concatenation is Python but not Starlark: the
	// reader refuses it with a clear error (the reference's files do not
	// use it).
	for _, bad := range []string{"X = [Task(f(1))]", "X = [Task(a=open('x'))]", "X = 1", "X = [Task(a='x' 'y')]"} {
		if _, err := ParseV1TasksPython("bad.py", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
