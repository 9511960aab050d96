package scripted_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/task"
)

// Two tasks with the same user turns (as BFCL's base and long-context
// entries have) are told apart by the task id toolgym's client sends.
func TestOracleUsesTaskIDHeader(t *testing.T) {
	mk := func(id, tool string) task.Task {
		return task.Task{ID: id, Env: "x", Turns: []task.Turn{{User: "same words", Gold: task.Gold{Steps: [][]task.Call{{{Name: tool, Arguments: json.RawMessage(`{}`)}}}}}}}
	}
	tasks := []task.Task{mk("a", "tool_a"), mk("b", "tool_b")}
	srv, err := scripted.Start(scripted.NewServer(scripted.NewOracle(tasks)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	c, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "oracle"})
	if err != nil {
		t.Fatal(err)
	}
	inproc := scripted.NewInProcess(scripted.NewOracle(tasks))
	for _, m := range []model.Model{c, inproc} {
		for _, tc := range []struct{ id, want string }{{"a", "tool_a"}, {"b", "tool_b"}, {"", "tool_a"}} {
			ctx := context.Background()
			if tc.id != "" {
				ctx = model.WithCallInfo(ctx, model.CallInfo{TaskID: tc.id})
			}
			resp, err := m.Generate(ctx, &model.Request{Messages: []model.Message{model.User("same words")}})
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.Message.ToolCalls[0].Name; got != tc.want {
				t.Errorf("%T task %q: oracle called %s, want %s", m, tc.id, got, tc.want)
			}
		}
	}
}
