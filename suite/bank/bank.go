// Package bank registers the built-in demo suite "bank": the tasks of the
// bank-and-payments env (env/bank), run with scripted users and judged on
// final state and required outputs. Importing it for its side effect makes
// the suite available to suite.Lookup.
package bank

import (
	"github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/task"
)

// Name is the suite's registry name.
const Name = "bank"

func init() {
	suite.Register(&suite.Static{
		SuiteName: Name,
		Desc:      "built-in demo: a bank-and-payments world, multi-turn tasks with gold calls and outcomes",
		Tasks:     func() ([]task.Task, error) { return bank.Tasks(), nil },
	})
}
