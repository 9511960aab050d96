package tool_test

import (
	"context"
	"fmt"

	"github.com/toolgym/toolgym/tool"
)

// A Set of typed Go-function tools over a state: the schema comes from
// the argument struct, and every failure is a typed result.
func ExampleAdd() {
	type wallet struct{ Cents int }
	type payArgs struct {
		Cents int `json:"cents" jsonschema:"amount to pay, in cents"`
	}
	set := tool.NewSet[*wallet]()
	tool.Add(set, "pay", "Pay from the wallet.", func(_ context.Context, w *wallet, a payArgs) (string, error) {
		if a.Cents > w.Cents {
			return "", tool.Errorf("insufficient funds: %d cents left, %d asked", w.Cents, a.Cents)
		}
		w.Cents -= a.Cents
		return fmt.Sprintf("paid; %d cents left", w.Cents), nil
	})

	w := &wallet{Cents: 500}
	for _, args := range []string{`{"cents": 200}`, `{"cents": 900}`, `{"cents": "lots"}`} {
		r := set.Call(context.Background(), w, tool.Call{ID: "c1", Name: "pay", Arguments: args})
		fmt.Println(r.Text())
	}
	// Output:
	// paid; 300 cents left
	// Error: insufficient funds: 300 cents left, 900 asked
	// Error: invalid arguments for pay: at '/cents': got string, want integer
}
