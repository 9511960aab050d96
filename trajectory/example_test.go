package trajectory_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

// Episodes running at once append to one JSONL file; reading it back
// gives every finished episode.
func ExampleWriter() {
	dir, _ := os.MkdirTemp("", "toolgym")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "run.jsonl")

	w, err := trajectory.Create(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			tr := &trajectory.Trajectory{
				ID: fmt.Sprintf("bank-1#%d", i), TaskID: "bank-1", Trial: i, Env: "bank",
				Messages: []trajectory.Message{{Message: model.User("What is my balance?")}},
				Start:    time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
				Status:   trajectory.StatusCompleted,
			}
			if err := w.Write(tr); err != nil { // safe from many goroutines
				fmt.Println(err)
			}
		})
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}

	trs, err := trajectory.ReadFile(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	trials := make([]int, 3)
	for _, tr := range trs {
		trials[tr.Trial] = len(tr.Messages)
	}
	fmt.Println(len(trs), "records, version", trs[0].Version, "messages per trial", trials)
	// Output:
	// 3 records, version toolgym.trajectory/v1 messages per trial [1 1 1]
}

// Read streams a file and reports a bad line with its number.
func ExampleRead() {
	good, _ := trajectory.Marshal(&trajectory.Trajectory{ID: "a#0", TaskID: "a", Env: "bank", Status: trajectory.StatusCompleted})
	jsonl := string(good) + `{"version":"toolgym.trajectory/v9","id":"b#0"}` + "\n"
	for tr, err := range trajectory.Read(strings.NewReader(jsonl)) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("read", tr.ID)
	}
	// Output:
	// read a#0
	// error: line 2: unsupported trajectory version: "toolgym.trajectory/v9" (this reader reads "toolgym.trajectory/v1")
}

// A trajectory becomes one line of OpenAI chat JSONL for fine-tuning.
func ExampleToOpenAIMessages() {
	call := tool.Call{ID: "call_1", Name: "get_balance", Arguments: `{"id":"a1"}`}
	tr := &trajectory.Trajectory{
		Tools: []tool.Spec{{Name: "get_balance", Description: "Returns a balance."}},
		Messages: []trajectory.Message{
			{Message: model.User("Balance of a1?")},
			{Message: model.Assistant("", call), Step: 1},
			{Message: model.ToolMessage(tool.OK(call, tool.Text("100"))), Step: 1},
			{Message: model.Assistant("a1 holds 100."), Step: 2},
		},
	}
	line, err := trajectory.ToOpenAIMessages(tr)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(line))
	// Output:
	// {"messages":[{"role":"user","content":"Balance of a1?"},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_balance","arguments":"{\"id\":\"a1\"}"}}]},{"role":"tool","content":"100","name":"get_balance","tool_call_id":"call_1"},{"role":"assistant","content":"a1 holds 100."}],"tools":[{"type":"function","function":{"name":"get_balance","description":"Returns a balance.","parameters":{"type":"object","properties":{}}}}]}
}
