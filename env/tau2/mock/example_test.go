package mock_test

import (
	"context"
	"fmt"

	"github.com/toolgym/toolgym/env/tau2"
	_ "github.com/toolgym/toolgym/env/tau2/mock"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

func Example() {
	// Load the domain by name from its data folder (the layout of the
	// reference's data/tau2/domains/mock), then fork one env per episode.
	d, err := tau2.Load("mock", "testdata")
	if err != nil {
		panic(err)
	}
	e := d.New()
	ctx := context.Background()

	// The assistant creates a task; the user reads their inbox.
	res := e.CallAs(ctx, tau2.Assistant, tool.Call{ID: "1", Name: "create_task", Arguments: `{"user_id": "bob", "title": "Call Ada"}`})
	fmt.Println(res.Text())
	res = e.CallAs(ctx, tau2.User, tool.Call{ID: "2", Name: "dismiss_notification", Arguments: `{"notification_id": "n9"}`})
	fmt.Println(res.Text())

	// Env assertions run non-tool functions by name.
	ok, _ := e.Run(tau2.Assistant, "assert_number_of_tasks", pyval.DictOf("user_id", "bob", "expected_number", int64(1)))
	fmt.Println(ok)

	// A fork shares nothing observable with its parent.
	f := e.Fork().(tau2.Env)
	f.CallAs(ctx, tau2.Assistant, tool.Call{ID: "3", Name: "update_task_status", Arguments: `{"task_id": "task_3", "status": "completed"}`})
	fmt.Println(e.SameState(tau2.Assistant, f))
	// Output:
	// {"task_id": "task_3", "title": "Call Ada", "description": null, "status": "pending"}
	// Error: Notification n9 not found
	// true
	// false
}
