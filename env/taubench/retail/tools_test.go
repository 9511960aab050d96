package retail_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
	"github.com/toolgym/toolgym/env/taubench/retail"
	"github.com/toolgym/toolgym/tool"
)

// toolCases are call sequences, each on a fresh env, with the
// observations and final data hash ("" when unchanged) the reference
// gives (computed by running its tools under CPython 3.11). They walk
// every tool's error paths, with arguments of wrong types among them.
var toolCases = []tautest.ToolCase{
	{Name: "calculate", Calls: []tautest.CaseCall{
		{Name: "calculate", Args: `{"expression": "(10 + 5.5) * 2"}`, Want: "31.0"},
		{Name: "calculate", Args: `{"expression": "10 / 0"}`, Want: "Error: division by zero"},
		{Name: "calculate", Args: `{"expression": "2 ^ 3"}`, Want: "Error: invalid characters in expression"},
		{Name: "calculate", Args: `{"expression": 12}`, Want: "Error: 'int' object is not iterable"},
		{Name: "calculate", Args: `{"expression": ["1", "+", "2"]}`, Want: "Error: eval() arg 1 must be a string, bytes or code object"},
		{Name: "calculate", Args: `{"expression": ["1", 2]}`, Want: "Error: 'in <string>' requires string as left operand, not int"},
		{Name: "calculate", Args: `{"expression": null}`, Want: "Error: 'NoneType' object is not iterable"},
	}, Hash: ""},
	{Name: "think and transfer", Calls: []tautest.CaseCall{
		{Name: "think", Args: `{"thought": "x"}`, Want: ""},
		{Name: "transfer_to_human_agents", Args: `{"summary": "help"}`, Want: "Transfer successful"},
	}, Hash: ""},
	{Name: "cancel errors", Calls: []tautest.CaseCall{
		{Name: "cancel_pending_order", Args: `{"order_id": "#W0000000", "reason": "no longer needed"}`, Want: "Error: order not found"},
		{Name: "cancel_pending_order", Args: `{"order_id": "#W9077205", "reason": "no longer needed"}`, Want: "Error: non-pending order cannot be cancelled"},
		{Name: "cancel_pending_order", Args: `{"order_id": "#W6779827", "reason": "changed my mind"}`, Want: "Error: invalid reason"},
		{Name: "cancel_pending_order", Args: `{"order_id": ["#W6779827"], "reason": "no longer needed"}`, Want: "Error: unhashable type: 'list'"},
		{Name: "cancel_pending_order", Args: `{"order_id": 6779827, "reason": "no longer needed"}`, Want: "Error: order not found"},
	}, Hash: ""},
	{Name: "cancel to gift card", Calls: []tautest.CaseCall{
		{Name: "cancel_pending_order", Args: `{"order_id": "#W6779827", "reason": "ordered by mistake"}`, Want: "sha256:e172bed460fd333632db28631b29a8c685fe072a65d5910952e7b27c7006581d"},
		{Name: "get_user_details", Args: `{"user_id": "ethan_lopez_6291"}`, Want: "sha256:f287e15bab9373ee8f0c2f1145047065a17bdc814f8d2373cd3c5781793a6749"},
		{Name: "cancel_pending_order", Args: `{"order_id": "#W6779827", "reason": "ordered by mistake"}`, Want: "Error: non-pending order cannot be cancelled"},
	}, Hash: "0401031e6b48741ee86b0d1a5331a19cbe54c21f38e98c1a689054b53eea4a81"},
	{Name: "exchange errors", Calls: []tautest.CaseCall{
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W0", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: order not found"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W6779827", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: non-delivered order cannot be exchanged"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": ["9370300555", "9370300555"], "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: 9370300555 not found"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: the number of items to be exchanged should match"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["9612497925"], "payment_method_id": "x"}`, Want: "Error: new item 9612497925 not found or available"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": "12", "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: 1 not found"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": {"a": 1}, "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: 'dict' object has no attribute 'count'"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": [], "new_item_ids": 5, "payment_method_id": "x"}`, Want: "Error: object of type 'int' has no len()"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: payment method not found"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["3614853563"], "payment_method_id": "x"}`, Want: "Error: new item 3614853563 not found or available"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W4817420", "item_ids": ["4900661478"], "new_item_ids": ["4894369688"], "payment_method_id": "gift_card_8168843"}`, Want: "Error: insufficient gift card balance to pay for the price difference"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["4068787148"], "payment_method_id": "gift_card_7108145"}`, Want: "sha256:e0439c045c911174ffe5d18fab8137ab989394217281624d2dc52a7c66f2dd73"},
	}, Hash: "f01ec54f6c52d6588089927ccaf3188a835df25427e734af87b6e16d7261c4d7"},
	{Name: "exchange", Calls: []tautest.CaseCall{
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["4068787148"], "payment_method_id": "paypal_4101143"}`, Want: "sha256:37dfde74e94bcb59c4aee81618e12a225f9632dfd00c8f8c64baecde36571615"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["4068787148"], "payment_method_id": "paypal_4101143"}`, Want: "Error: non-delivered order cannot be exchanged"},
	}, Hash: "78dabc45cffc357a787dffbda74d291f9caa50987d5e6725bce9dfda5c37aaa7"},
	{Name: "find user", Calls: []tautest.CaseCall{
		{Name: "find_user_id_by_email", Args: `{"email": "ETHAN.LOPEZ8943@EXAMPLE.COM"}`, Want: "ethan_lopez_6291"},
		{Name: "find_user_id_by_email", Args: `{"email": "nobody@example.com"}`, Want: "Error: user not found"},
		{Name: "find_user_id_by_email", Args: `{"email": 5}`, Want: "Error: 'int' object has no attribute 'lower'"},
		{Name: "find_user_id_by_name_zip", Args: `{"first_name": "ETHAN", "last_name": "lopez", "zip": "43275"}`, Want: "ethan_lopez_6291"},
		{Name: "find_user_id_by_name_zip", Args: `{"first_name": "ETHAN", "last_name": "lopez", "zip": 0}`, Want: "Error: user not found"},
		{Name: "find_user_id_by_name_zip", Args: `{"first_name": "Nobody", "last_name": 5, "zip": "1"}`, Want: "Error: user not found"},
		{Name: "find_user_id_by_name_zip", Args: `{"first_name": null, "last_name": "x", "zip": "1"}`, Want: "Error: 'NoneType' object has no attribute 'lower'"},
	}, Hash: ""},
	{Name: "details", Calls: []tautest.CaseCall{
		{Name: "get_order_details", Args: `{"order_id": "#W9077205"}`, Want: "sha256:9237ef4eb07ba4d78c97576cb27905557b591cff79e9fa24f85634f0b488ce7b"},
		{Name: "get_order_details", Args: `{"order_id": "W9077205"}`, Want: "Error: order not found"},
		{Name: "get_order_details", Args: `{"order_id": {}}`, Want: "Error: unhashable type: 'dict'"},
		{Name: "get_product_details", Args: `{"product_id": "9523456873"}`, Want: "sha256:db036466a91bb2275cfaeeef483d158675919f00136b69806fcdf834fd334818"},
		{Name: "get_product_details", Args: `{"product_id": "9612497925"}`, Want: "Error: product not found"},
		{Name: "get_product_details", Args: `{"product_id": 9523456873}`, Want: "Error: product not found"},
		{Name: "get_user_details", Args: `{"user_id": "nobody_1"}`, Want: "Error: user not found"},
		{Name: "get_user_details", Args: `{"user_id": [1]}`, Want: "Error: unhashable type: 'list'"},
		{Name: "list_all_product_types", Args: `{}`, Want: "sha256:6765f563339e732cb768f71d24e5a3fd015db09627684bb76ee18f68b335cb55"},
	}, Hash: ""},
	{Name: "modify address", Calls: []tautest.CaseCall{
		{Name: "modify_pending_order_address", Args: `{"order_id": "#W0", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`, Want: "Error: order not found"},
		{Name: "modify_pending_order_address", Args: `{"order_id": "#W9077205", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`, Want: "Error: non-pending order cannot be modified"},
		{Name: "modify_pending_order_address", Args: `{"order_id": "#W6779827", "address1": "1 Main St", "address2": "", "city": "Austin", "state": "TX", "country": "USA", "zip": 78701}`, Want: "sha256:70c165e0bd7012366284bb449090208745221392f08842a16631db58860697ff"},
		{Name: "modify_user_address", Args: `{"user_id": "nobody", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`, Want: "Error: user not found"},
		{Name: "modify_user_address", Args: `{"user_id": "ethan_lopez_6291", "address1": "1 Main St", "address2": null, "city": "Austin", "state": "TX", "country": "USA", "zip": "78701"}`, Want: "sha256:4e07abd752abfa33670d2a2b086efa7ca753e8fe66b8a930cc05f9deb34ea6e2"},
	}, Hash: "8139c08405f3dcc7a9bff471100764926ab3ee9708e095374e803eb5a58e2eda"},
	{Name: "modify items errors", Calls: []tautest.CaseCall{
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W0", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: order not found"},
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W9077205", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: non-pending order cannot be modified"},
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W6779827", "item_ids": ["0"], "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: 0 not found"},
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": [], "payment_method_id": "x"}`, Want: "Error: the number of items to be exchanged should match"},
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": ["0"], "payment_method_id": "x"}`, Want: "Error: new item 0 not found or available"},
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": ["6130713659"], "payment_method_id": "x"}`, Want: "Error: payment method not found"},
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": [["6130713659"]], "payment_method_id": "x"}`, Want: "Error: unhashable type: 'list'"},
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": ["3877338112"], "payment_method_id": "gift_card_7219486"}`, Want: "Error: insufficient gift card balance to pay for the new item"},
	}, Hash: ""},
	{Name: "modify items", Calls: []tautest.CaseCall{
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": ["6130713659"], "payment_method_id": "gift_card_7219486"}`, Want: "sha256:1e9141be7b6238a3ae65efe322f19deffdc69f95832f76d1ef0029cf118541d9"},
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W6779827", "item_ids": ["6130713659"], "new_item_ids": ["7896397433"], "payment_method_id": "gift_card_7219486"}`, Want: "Error: non-pending order cannot be modified"},
		{Name: "modify_pending_order_items", Args: `{"order_id": "#W6779827", "item_ids": [], "new_item_ids": {}, "payment_method_id": "credit_card_9789590"}`, Want: "Error: non-pending order cannot be modified"},
	}, Hash: "34db642e36916c9f60574fdefb7e79479779a52abf36daeaf7158390e1ea4dec"},
	{Name: "modify payment", Calls: []tautest.CaseCall{
		{Name: "modify_pending_order_payment", Args: `{"order_id": "#W0", "payment_method_id": "x"}`, Want: "Error: order not found"},
		{Name: "modify_pending_order_payment", Args: `{"order_id": "#W9077205", "payment_method_id": "x"}`, Want: "Error: non-pending order cannot be modified"},
		{Name: "modify_pending_order_payment", Args: `{"order_id": "#W6779827", "payment_method_id": "x"}`, Want: "Error: payment method not found"},
		{Name: "modify_pending_order_payment", Args: `{"order_id": "#W6779827", "payment_method_id": "gift_card_7219486"}`, Want: "Error: the new payment method should be different from the current one"},
		{Name: "modify_pending_order_payment", Args: `{"order_id": "#W2443586", "payment_method_id": "gift_card_2742113"}`, Want: "Error: insufficient gift card balance to pay for the order"},
		{Name: "modify_pending_order_payment", Args: `{"order_id": "#W6779827", "payment_method_id": "credit_card_9789590"}`, Want: "sha256:b9a583736720025cfa5265504f55cf143285846eeff5973f8223ecd237ed20bc"},
		{Name: "modify_pending_order_payment", Args: `{"order_id": "#W6779827", "payment_method_id": "gift_card_7219486"}`, Want: "Error: there should be exactly one payment for a pending order"},
	}, Hash: "6d9aed735939c709d35207dd20c18ca339720b0ca046ba62b5b84874e093c6be"},
	{Name: "return", Calls: []tautest.CaseCall{
		{Name: "return_delivered_order_items", Args: `{"order_id": "#W0", "item_ids": [], "payment_method_id": "x"}`, Want: "Error: order not found"},
		{Name: "return_delivered_order_items", Args: `{"order_id": "#W6779827", "item_ids": [], "payment_method_id": "x"}`, Want: "Error: non-delivered order cannot be returned"},
		{Name: "return_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": [], "payment_method_id": "x"}`, Want: "Error: payment method not found"},
		{Name: "return_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": [], "payment_method_id": "paypal_4101143"}`, Want: "Error: payment method should be either the original payment method or a gift card"},
		{Name: "return_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": ["9370300555", "9370300555"], "payment_method_id": "gift_card_7108145"}`, Want: "Error: some item not found"},
		{Name: "return_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": ["3877338112", "9370300555"], "payment_method_id": "gift_card_7108145"}`, Want: "sha256:6343a9078e716361bff18f424fd64db6483772262c5d11753d1b9fdb6b919d70"},
		{Name: "return_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": [], "payment_method_id": "gift_card_7108145"}`, Want: "Error: non-delivered order cannot be returned"},
	}, Hash: "c3576df88987fddeaa65ce5d33e8f00fe9df1b8bad5f41f3c1a0e7c240ebc157"},
	{Name: "return empty string", Calls: []tautest.CaseCall{
		{Name: "return_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": "", "payment_method_id": "gift_card_7108145"}`, Want: "sha256:6ea88cf9a437ece7677916f910a411dc018928a1593416036aa785a52ef0d871"},
	}, Hash: "0d19a16ddd264099d394154191dade7fa3213145c11bc44762b3e40f3dd8afa7"},
	{Name: "NaN is json.loads' one object", Calls: []tautest.CaseCall{
		{Name: "return_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": [NaN], "payment_method_id": "gift_card_7108145"}`, Want: "Error: some item not found"},
		{Name: "exchange_delivered_order_items", Args: `{"order_id": "#W9077205", "item_ids": [NaN, NaN], "new_item_ids": [1], "payment_method_id": "gift_card_7108145"}`, Want: "Error: nan not found"},
		{Name: "cancel_pending_order", Args: `{"order_id": "#W6779827", "reason": NaN}`, Want: "Error: invalid reason"},
	}, Hash: ""},
	{Name: "unknown", Calls: []tautest.CaseCall{
		{Name: "no_such_tool", Args: `{}`, Want: "Unknown action no_such_tool"},
		{Name: "Calculate", Args: `{"expression": "1"}`, Want: "Unknown action Calculate"},
	}, Hash: ""},
}

// TestToolCases runs toolCases, each on a fresh env.
func TestToolCases(t *testing.T) { tautest.CheckToolCases(t, loadData(t), toolCases) }

// TestCallErrors checks how bad calls fail: Python's TypeErrors for the
// arguments (kind invalid_arguments), exceptions inside tools (kind
// tool_error), JSON that is not an object (kind invalid_json, where the
// reference's agent would crash), unknown tools (plain text).
func TestCallErrors(t *testing.T) {
	e := loadData(t).New()
	cases := []struct {
		name, args string
		kind       tool.Kind // "" for a text observation
		want       string
	}{
		{"get_order_details", `{}`, tool.KindInvalidArguments, "Error: GetOrderDetails.invoke() missing 1 required positional argument: 'order_id'"},
		{"cancel_pending_order", `{}`, tool.KindInvalidArguments, "Error: CancelPendingOrder.invoke() missing 2 required positional arguments: 'order_id' and 'reason'"},
		{"modify_user_address", `{"user_id": "x"}`, tool.KindInvalidArguments, "Error: ModifyUserAddress.invoke() missing 6 required positional arguments: 'address1', 'address2', 'city', 'state', 'country', and 'zip'"},
		{"modify_pending_order_payment", `{"order_id": "#W1"}`, tool.KindInvalidArguments, "Error: ModifyPendingOrderPayment.invoke() missing 1 required positional argument: 'payment_method_id'"},
		{"get_user_details", `{"user_id": "x", "verbose": true}`, tool.KindInvalidArguments, "Error: GetUserDetails.invoke() got an unexpected keyword argument 'verbose'"},
		{"get_user_details", `{"verbose": true}`, tool.KindInvalidArguments, "Error: GetUserDetails.invoke() got an unexpected keyword argument 'verbose'"},
		{"list_all_product_types", `{"x": 1}`, tool.KindInvalidArguments, "Error: ListAllProductTypes.invoke() got an unexpected keyword argument 'x'"},
		{"get_user_details", `{"data": {}, "user_id": "x"}`, tool.KindInvalidArguments, "Error: tau_bench.envs.retail.tools.get_user_details.GetUserDetails.invoke() got multiple values for keyword argument 'data'"},
		{"think", `{"thought": "a", "thought": "b"}`, "", ""},
		{"get_order_details", `{"order_id": ["#W1"]}`, tool.KindFailed, "Error: unhashable type: 'list'"},
		{"find_user_id_by_email", `{"email": 12}`, tool.KindFailed, "Error: 'int' object has no attribute 'lower'"},
		{"find_user_id_by_email", `{"email": 1.5}`, tool.KindFailed, "Error: 'float' object has no attribute 'lower'"},
		{"get_order_details", `{"order_id": 1.0}`, "", "Error: order not found"},
		{"get_order_details", `{"order_id": null}`, "", "Error: order not found"},
		{"calculate", `{"expression": true}`, tool.KindFailed, "Error: 'bool' object is not iterable"},
		{"calculate", `{"expression": {"1": 0}}`, "", "Error: eval() arg 1 must be a string, bytes or code object"},
		{"get_order_details", `["#W1"]`, tool.KindInvalidJSON, "Error: arguments of get_order_details must be a JSON object, got an array"},
		{"get_order_details", `"#W1"`, tool.KindInvalidJSON, "Error: arguments of get_order_details must be a JSON object, got a string"},
		{"get_order_details", `{"order_id": `, tool.KindInvalidJSON, "Error: arguments of get_order_details are not valid JSON: Expecting value: line 1 column 13 (char 12)"},
		{"list_all_product_types", ``, "", ""},
		{"list_all_product_types", ` `, "", ""},
		{"no_such_tool", `not json`, "", "Unknown action no_such_tool"},
		{"", `{}`, "", "Unknown action "},
	}
	for _, c := range cases {
		r := e.Call(context.Background(), tool.Call{Name: c.name, Arguments: c.args})
		switch {
		case c.kind == "" && r.Error != nil:
			t.Errorf("%s(%s): error %v, want a text observation", c.name, c.args, r.Error)
		case c.kind != "" && (r.Error == nil || r.Error.Kind != c.kind):
			t.Errorf("%s(%s): result %+v, want kind %s", c.name, c.args, r, c.kind)
		}
		if c.want != "" || c.kind != "" {
			if got := r.Text(); got != c.want {
				t.Errorf("%s(%s) = %q, want %q", c.name, c.args, got, c.want)
			}
		}
	}
	// Argument errors are errors.Is-matchable by kind.
	r := e.Call(context.Background(), tool.Call{Name: "get_order_details", Arguments: `{}`})
	if !errors.Is(r.Error, tool.ErrInvalidArguments) {
		t.Errorf("missing argument: %v is not ErrInvalidArguments", r.Error)
	}
	// A canceled context runs nothing.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r = e.Call(ctx, tool.Call{Name: "cancel_pending_order", Arguments: `{"order_id": "#W6779827", "reason": "no longer needed"}`})
	if !errors.Is(r.Error, tool.ErrCanceled) {
		t.Errorf("canceled call: %+v", r)
	}
	if e.Hash() != loadData(t).Hash() {
		t.Error("failed calls changed the data")
	}
}

// TestTools checks the specs against the reference's get_info(): the
// SHA-256 of json.dumps([tool.get_info() for tool in ALL_TOOLS]) as
// CPython prints it.
func TestTools(t *testing.T) {
	specs := retail.Tools()
	tautest.CheckTools(t, specs, "calculate cancel_pending_order exchange_delivered_order_items find_user_id_by_email find_user_id_by_name_zip get_order_details get_product_details get_user_details list_all_product_types modify_pending_order_address modify_pending_order_items modify_pending_order_payment modify_user_address return_delivered_order_items think transfer_to_human_agents", "670eba513010bd281a5e5acc872ca203703b1aa26e992d8f276bcf3ffe0bc603")
	if e := loadData(t).New(); len(e.Tools()) != len(specs) || strings.Join(e.Terminate(), ",") != "transfer_to_human_agents" {
		t.Errorf("env tools %d, terminate %v", len(e.Tools()), e.Terminate())
	}
}
