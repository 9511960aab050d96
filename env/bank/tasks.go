package bank

import (
	_ "embed"
	"fmt"

	"github.com/toolgym/toolgym/task"
)

//go:embed policy.md
var policy string

// Policy returns Harbor Bank's support policy, the system prompt of every
// bank task: identify the customer first, act only on their own things,
// confirm changes, never unfreeze a card the bank froze, refuse with
// "I am unable to", and write amounts like 1,250.00 USD.
func Policy() string { return policy }

//go:embed tasks.json
var tasksJSON []byte

// Tasks returns the bank's demo tasks, freshly parsed (callers may change
// them). Every task runs on env "bank" with its default world unless the
// task gives a config, and has [Policy] as its system prompt.
func Tasks() []task.Task {
	ts, err := task.Parse(tasksJSON)
	if err != nil {
		panic(fmt.Sprintf("bank: tasks.json: %v", err))
	}
	for i := range ts {
		if ts[i].System == "" {
			ts[i].System = policy
		}
	}
	return ts
}
