package bank_test

import (
	"context"
	"fmt"

	"github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/tool"
)

// Build the default bank, then ask for a balance as a model would.
func Example() {
	e, err := bank.New(nil)
	if err != nil {
		panic(err)
	}
	res := e.Call(context.Background(), tool.Call{
		ID:        "call_1",
		Name:      "get_account_balance",
		Arguments: `{"account_id": "SAV-1002"}`,
	})
	fmt.Println(res.Text())
	// Output:
	// {"account_id":"SAV-1002","customer_id":"CUST-001","type":"savings","nickname":"Rainy Day Savings","currency":"USD","status":"open","balance":"12750.00"}
}

// Tool errors are results a model reads and can act on.
func Example_error() {
	e, _ := bank.New(nil)
	res := e.Call(context.Background(), tool.Call{
		ID:        "call_1",
		Name:      "transfer_funds",
		Arguments: `{"from_account_id": "CHK-4001", "to_account_id": "CRD-4002", "amount": 500}`,
	})
	fmt.Println(res.Text())
	// Output:
	// Error: insufficient funds in account CHK-4001: balance 120.50 USD, requested 500.00 USD
}

// A config replaces parts of the default world: here the clock.
func ExampleNew_config() {
	e, _ := bank.New([]byte(`{"today": "2026-12-24"}`))
	res := e.Call(context.Background(), tool.Call{
		ID:        "call_1",
		Name:      "send_payment",
		Arguments: `{"from_account_id": "CHK-2001", "payee_id": "PAY-104", "amount": 58.30}`,
	})
	fmt.Println(res.Text())
	// Output:
	// {"status":"completed","payment_id":"TXN-10032","date":"2026-12-24","from_account_id":"CHK-2001","payee_id":"PAY-104","payee_name":"Chicago Water Dept","amount":"58.30","currency":"USD","new_balance":"1862.10","payment_limit_left_today":"1941.70"}
}

// Fork gives an independent copy, for trying a path without committing.
func ExampleBank_Fork() {
	e, _ := bank.New(nil)
	fork := e.Fork()
	fork.Call(context.Background(), tool.Call{ID: "1", Name: "freeze_card", Arguments: `{"card_id": "CARD-5001"}`})
	a, _ := e.Snapshot()
	b, _ := fork.Snapshot()
	fmt.Println(string(a) == string(b))
	// Output:
	// false
}

// The demo tasks, with the policy as their system prompt.
func ExampleTasks() {
	tasks := bank.Tasks()
	t := tasks[0]
	fmt.Println(len(tasks), t.ID, t.Env, t.System == bank.Policy())
	fmt.Println(t.Turns[0].User)
	fmt.Println(t.Turns[0].Gold.Outputs)
	// Output:
	// 16 bank-001 bank true
	// Hi, I'm Maya Chen, customer id CUST-001. What are the balances of my checking and savings accounts?
	// [3,482.15 12,750.00]
}
