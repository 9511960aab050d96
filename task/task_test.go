package task_test

import (
	"strings"
	"testing"

	"github.com/toolgym/toolgym/task"
)

func TestParse(t *testing.T) {
	ts, err := task.Parse([]byte(`[{"id": "a", "env": "bank", "turns": [{"user": "hi", "gold": {"steps": [[{"name": "f", "arguments": {"x": 1}}, {"name": "g"}]], "outputs": ["1"]}}, {"user": "bye"}]}]`))
	if err != nil {
		t.Fatal(err)
	}
	tk := ts[0]
	if got := tk.UserTurns(); len(got) != 2 || got[1] != "bye" {
		t.Errorf("user turns %v", got)
	}
	c := tk.Turns[0].Gold.Steps[0][1].ToolCall(task.CallID(0, 0, 1))
	if c.ID != "call_0_0_1" || c.Name != "g" || c.Arguments != "{}" {
		t.Errorf("gold call %+v", c)
	}
	for _, bad := range []struct{ doc, want string }{
		{`[{"env": "bank", "turns": [{"user": "x"}]}]`, "empty id"},
		{`[{"id": "a", "turns": [{"user": "x"}]}]`, "no env"},
		{`[{"id": "a", "env": "bank"}]`, "neither turns nor a goal"},
		{`{"id": "a"}`, "parsing tasks"},
	} {
		if _, err := task.Parse([]byte(bad.doc)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: err %v, want %q", bad.doc, err, bad.want)
		}
	}
	if _, err := task.LoadFile("testdata/none.json"); err == nil {
		t.Error("a missing file loaded")
	}
}
