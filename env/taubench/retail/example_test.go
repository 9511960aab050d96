package retail_test

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/toolgym/toolgym/env/taubench/retail"
	"github.com/toolgym/toolgym/tool"
)

// Load reads the data once (here a three-record sample; the real data is
// tau-bench's envs/retail/data), New forks it for each episode, Call runs
// tools as the reference's Env.step does, Clone forks an env mid-episode.
func Example() {
	data, err := retail.Load("testdata/mini")
	if err != nil {
		panic(err)
	}
	e := data.New()
	ctx := context.Background()

	res := e.Call(ctx, tool.Call{ID: "1", Name: "find_user_id_by_email", Arguments: `{"email": "Jane.Doe@example.com"}`})
	fmt.Println(res.Text())
	res = e.Call(ctx, tool.Call{ID: "2", Name: "get_order_details", Arguments: `{"order_id": "W0000001"}`})
	fmt.Println(res.Text())
	res = e.Call(ctx, tool.Call{ID: "3", Name: "calculate", Arguments: `{"expression": "90.5 + 9.5"}`})
	fmt.Println(res.Text())

	// Try a cancellation on a fork: the gift card is refunded there only.
	f := e.Clone()
	f.Call(ctx, tool.Call{ID: "4", Name: "cancel_pending_order", Arguments: `{"order_id": "#W0000001", "reason": "no longer needed"}`})
	for _, env := range []*retail.Env{e, f} {
		res = env.Call(ctx, tool.Call{ID: "5", Name: "get_user_details", Arguments: `{"user_id": "jane_doe_1"}`})
		var user struct {
			PaymentMethods map[string]struct{ Balance float64 } `json:"payment_methods"`
		}
		if err := json.Unmarshal([]byte(res.Text()), &user); err != nil {
			panic(err)
		}
		fmt.Println("gift card balance", user.PaymentMethods["gift_card_1"].Balance)
	}
	fmt.Println(retail.Equal(e, f), e.Hash() == data.Hash())

	// A tool's Python exception is an error result.
	res = e.Call(ctx, tool.Call{ID: "6", Name: "get_order_details", Arguments: `{"order_id": ["#W0000001"]}`})
	fmt.Println(res.Error.Kind, res.Text())
	// Output:
	// jane_doe_1
	// Error: order not found
	// 100.0
	// gift card balance 90.5
	// gift card balance 100
	// false true
	// tool_error Error: unhashable type: 'list'
}
