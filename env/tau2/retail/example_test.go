package retail_test

import (
	"context"
	"fmt"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/retail"
	"github.com/toolgym/toolgym/tool"
)

// A tiny store in the layout of the reference's db.json. Load(dir) reads
// the real one (data/tau2/domains/retail/db.json).
const tinyDB = `{
 "products": {"100": {"name": "Mug", "product_id": "100", "variants": {
   "1": {"item_id": "1", "options": {"color": "red"}, "available": true, "price": 10},
   "2": {"item_id": "2", "options": {"color": "blue"}, "available": true, "price": 12.5}}}},
 "users": {"ann_1": {"user_id": "ann_1", "name": {"first_name": "Ann", "last_name": "Lee"},
   "address": {"address1": "1 Main St", "address2": "", "city": "Austin", "country": "USA", "state": "TX", "zip": "78701"},
   "email": "ann@example.com",
   "payment_methods": {"gift_card_1": {"source": "gift_card", "id": "gift_card_1", "balance": 50}},
   "orders": ["#W1"]}},
 "orders": {"#W1": {"order_id": "#W1", "user_id": "ann_1",
   "address": {"address1": "1 Main St", "address2": "", "city": "Austin", "country": "USA", "state": "TX", "zip": "78701"},
   "items": [{"name": "Mug", "product_id": "100", "item_id": "1", "price": 10, "options": {"color": "red"}}],
   "status": "pending", "fulfillments": [],
   "payment_history": [{"transaction_type": "payment", "amount": 10, "payment_method_id": "gift_card_1"}]}}
}`

func Example() {
	dom, err := retail.FromJSON([]byte(tinyDB)) // or retail.Load(dir), or tau2.Load("retail", dir)
	if err != nil {
		panic(err)
	}
	e := dom.New() // a fresh environment: a copy-on-write fork of the domain's database
	ctx := context.Background()

	res := e.CallAs(ctx, tau2.Assistant, tool.Call{ID: "1", Name: "find_user_id_by_email", Arguments: `{"email": "ANN@example.com"}`})
	fmt.Println(res.Text())
	res = e.CallAs(ctx, tau2.Assistant, tool.Call{ID: "2", Name: "get_order_details", Arguments: `{"order_id": "#W9"}`})
	fmt.Println(res.Text())

	// Try a change on a fork: the original is untouched.
	f := e.Fork().(tau2.Env)
	res = f.CallAs(ctx, tau2.Assistant, tool.Call{ID: "3", Name: "modify_pending_order_items",
		Arguments: `{"order_id": "#W1", "item_ids": ["1"], "new_item_ids": ["2"], "payment_method_id": "gift_card_1"}`})
	fmt.Println(res.Error == nil, e.SameState(tau2.Assistant, f))

	h1, _ := e.Hash(tau2.Assistant) // the reference's get_db_hash
	h2, _ := f.Hash(tau2.Assistant)
	fmt.Println(len(h1), h1 != h2)
	// Output:
	// ann_1
	// Error: Order not found
	// true false
	// 64 true
}
