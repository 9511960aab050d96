package retail_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
	"github.com/toolgym/toolgym/env/taubench/retail"
	"github.com/toolgym/toolgym/tool"
)

type call struct {
	name, args string
	// want is the observation, or "sha256:<hex>" of a long one.
	want string
}

// toolCases are call sequences, each on a fresh env, with the
// observations and final data hash ("" when unchanged) the reference
// gives (computed by running its tools under CPython 3.11). They walk
// every tool's error paths, with arguments of wrong types among them.
var toolCases = []struct {
	name  string
	calls []call
	hash  string
}{
	{"calculate", []call{
		{"calculate", `{"expression": "(10 + 5.5) * 2"}`, "31.0"},
		{"calculate", `{"expression": "10 / 0"}`, "Error: division by zero"},
		{"calculate", `{"expression": "2 ^ 3"}`, "Error: invalid characters in expression"},
		{"calculate", `{"expression": 12}`, "Error: 'int' object is not iterable"},
		{"calculate", `{"expression": ["1", "+", "2"]}`, "Error: eval() arg 1 must be a string, bytes or code object"},
		{"calculate", `{"expression": ["1", 2]}`, "Error: 'in <string>' requires string as left operand, not int"},
		{"calculate", `{"expression": null}`, "Error: 'NoneType' object is not iterable"},
	}, ""},
	{"think and transfer", []call{
		{"think", `{"thought": "x"}`, ""},
		{"transfer_to_human_agents", `{"summary": "help"}`, "Transfer successful"},
	}, ""},
	{"cancel errors", []call{
		{"cancel_pending_order", `{"order_id": "#W0000000", "reason": "no longer needed"}`, "Error: order not found"},
		{"cancel_pending_order", `{"order_id": "#W9077205", "reason": "no longer needed"}`, "Error: non-pending order cannot be cancelled"},
		{"cancel_pending_order", `{"order_id": "#W6779827", "reason": "changed my mind"}`, "Error: invalid reason"},
		{"cancel_pending_order", `{"order_id": ["#W6779827"], "reason": "no longer needed"}`, "Error: unhashable type: 'list'"},
		{"cancel_pending_order", `{"order_id": 6779827, "reason": "no longer needed"}`, "Error: order not found"},
	}, ""},
	{"cancel to gift card", []call{
		{"cancel_pending_order", `{"order_id": "#W6779827", "reason": "ordered by mistake"}`, "sha256:e172bed460fd333632db28631b29a8c685fe072a65d5910952e7b27c7006581d"},
		{"get_user_details", `{"user_id": "ethan_lopez_6291"}`, "sha256:f287e15bab9373ee8f0c2f1145047065a17bdc814f8d2373cd3c5781793a6749"},
		{"cancel_pending_order", `{"order_id": "#W6779827", "reason": "ordered by mistake"}`, "Error: non-pending order cannot be cancelled"},
	}, "0401031e6b48741ee86b0d1a5331a19cbe54c21f38e98c1a689054b53eea4a81"},
	{"exchange errors", []call{
		{"exchange_delivered_order_items", `{"order_id": "#W0", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, "Error: order not found"},
		{"exchange_delivered_order_items", `{"order_id": "#W6779827", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, "Error: non-delivered order cannot be exchanged"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": ["9370300555", "9370300555"], "new_item_ids": [], "payment_method_id": "x"}`, "Error: 9370300555 not found"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": [], "payment_method_id": "x"}`, "Error: the number of items to be exchanged should match"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["9612497925"], "payment_method_id": "x"}`, "Error: new item 9612497925 not found or available"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": "12", "new_item_ids": [], "payment_method_id": "x"}`, "Error: 1 not found"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": {"a": 1}, "new_item_ids": [], "payment_method_id": "x"}`, "Error: 'dict' object has no attribute 'count'"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": [], "new_item_ids": 5, "payment_method_id": "x"}`, "Error: object of type 'int' has no len()"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, "Error: payment method not found"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["3614853563"], "payment_method_id": "x"}`, "Error: new item 3614853563 not found or available"},
		{"exchange_delivered_order_items", `{"order_id": "#W4817420", "item_ids": ["4900661478"], "new_item_ids": ["4894369688"], "payment_method_id": "gift_card_8168843"}`, "Error: insufficient gift card balance to pay for the price difference"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["4068787148"], "payment_method_id": "gift_card_7108145"}`, "sha256:e0439c045c911174ffe5d18fab8137ab989394217281624d2dc52a7c66f2dd73"},
	}, "f01ec54f6c52d6588089927ccaf3188a835df25427e734af87b6e16d7261c4d7"},
	{"exchange", []call{
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["4068787148"], "payment_method_id": "paypal_4101143"}`, "sha256:37dfde74e94bcb59c4aee81618e12a225f9632dfd00c8f8c64baecde36571615"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": ["9370300555"], "new_item_ids": ["4068787148"], "payment_method_id": "paypal_4101143"}`, "Error: non-delivered order cannot be exchanged"},
	}, "78dabc45cffc357a787dffbda74d291f9caa50987d5e6725bce9dfda5c37aaa7"},
	{"find user", []call{
		{"find_user_id_by_email", `{"email": "ETHAN.LOPEZ8943@EXAMPLE.COM"}`, "ethan_lopez_6291"},
		{"find_user_id_by_email", `{"email": "nobody@example.com"}`, "Error: user not found"},
		{"find_user_id_by_email", `{"email": 5}`, "Error: 'int' object has no attribute 'lower'"},
		{"find_user_id_by_name_zip", `{"first_name": "ETHAN", "last_name": "lopez", "zip": "43275"}`, "ethan_lopez_6291"},
		{"find_user_id_by_name_zip", `{"first_name": "ETHAN", "last_name": "lopez", "zip": 0}`, "Error: user not found"},
		{"find_user_id_by_name_zip", `{"first_name": "Nobody", "last_name": 5, "zip": "1"}`, "Error: user not found"},
		{"find_user_id_by_name_zip", `{"first_name": null, "last_name": "x", "zip": "1"}`, "Error: 'NoneType' object has no attribute 'lower'"},
	}, ""},
	{"details", []call{
		{"get_order_details", `{"order_id": "#W9077205"}`, "sha256:9237ef4eb07ba4d78c97576cb27905557b591cff79e9fa24f85634f0b488ce7b"},
		{"get_order_details", `{"order_id": "W9077205"}`, "Error: order not found"},
		{"get_order_details", `{"order_id": {}}`, "Error: unhashable type: 'dict'"},
		{"get_product_details", `{"product_id": "9523456873"}`, "sha256:db036466a91bb2275cfaeeef483d158675919f00136b69806fcdf834fd334818"},
		{"get_product_details", `{"product_id": "9612497925"}`, "Error: product not found"},
		{"get_product_details", `{"product_id": 9523456873}`, "Error: product not found"},
		{"get_user_details", `{"user_id": "nobody_1"}`, "Error: user not found"},
		{"get_user_details", `{"user_id": [1]}`, "Error: unhashable type: 'list'"},
		{"list_all_product_types", `{}`, "sha256:6765f563339e732cb768f71d24e5a3fd015db09627684bb76ee18f68b335cb55"},
	}, ""},
	{"modify address", []call{
		{"modify_pending_order_address", `{"order_id": "#W0", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`, "Error: order not found"},
		{"modify_pending_order_address", `{"order_id": "#W9077205", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`, "Error: non-pending order cannot be modified"},
		{"modify_pending_order_address", `{"order_id": "#W6779827", "address1": "1 Main St", "address2": "", "city": "Austin", "state": "TX", "country": "USA", "zip": 78701}`, "sha256:70c165e0bd7012366284bb449090208745221392f08842a16631db58860697ff"},
		{"modify_user_address", `{"user_id": "nobody", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`, "Error: user not found"},
		{"modify_user_address", `{"user_id": "ethan_lopez_6291", "address1": "1 Main St", "address2": null, "city": "Austin", "state": "TX", "country": "USA", "zip": "78701"}`, "sha256:4e07abd752abfa33670d2a2b086efa7ca753e8fe66b8a930cc05f9deb34ea6e2"},
	}, "8139c08405f3dcc7a9bff471100764926ab3ee9708e095374e803eb5a58e2eda"},
	{"modify items errors", []call{
		{"modify_pending_order_items", `{"order_id": "#W0", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, "Error: order not found"},
		{"modify_pending_order_items", `{"order_id": "#W9077205", "item_ids": [], "new_item_ids": [], "payment_method_id": "x"}`, "Error: non-pending order cannot be modified"},
		{"modify_pending_order_items", `{"order_id": "#W6779827", "item_ids": ["0"], "new_item_ids": [], "payment_method_id": "x"}`, "Error: 0 not found"},
		{"modify_pending_order_items", `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": [], "payment_method_id": "x"}`, "Error: the number of items to be exchanged should match"},
		{"modify_pending_order_items", `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": ["0"], "payment_method_id": "x"}`, "Error: new item 0 not found or available"},
		{"modify_pending_order_items", `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": ["6130713659"], "payment_method_id": "x"}`, "Error: payment method not found"},
		{"modify_pending_order_items", `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": [["6130713659"]], "payment_method_id": "x"}`, "Error: unhashable type: 'list'"},
		{"modify_pending_order_items", `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": ["3877338112"], "payment_method_id": "gift_card_7219486"}`, "Error: insufficient gift card balance to pay for the new item"},
	}, ""},
	{"modify items", []call{
		{"modify_pending_order_items", `{"order_id": "#W6779827", "item_ids": ["7896397433"], "new_item_ids": ["6130713659"], "payment_method_id": "gift_card_7219486"}`, "sha256:1e9141be7b6238a3ae65efe322f19deffdc69f95832f76d1ef0029cf118541d9"},
		{"modify_pending_order_items", `{"order_id": "#W6779827", "item_ids": ["6130713659"], "new_item_ids": ["7896397433"], "payment_method_id": "gift_card_7219486"}`, "Error: non-pending order cannot be modified"},
		{"modify_pending_order_items", `{"order_id": "#W6779827", "item_ids": [], "new_item_ids": {}, "payment_method_id": "credit_card_9789590"}`, "Error: non-pending order cannot be modified"},
	}, "34db642e36916c9f60574fdefb7e79479779a52abf36daeaf7158390e1ea4dec"},
	{"modify payment", []call{
		{"modify_pending_order_payment", `{"order_id": "#W0", "payment_method_id": "x"}`, "Error: order not found"},
		{"modify_pending_order_payment", `{"order_id": "#W9077205", "payment_method_id": "x"}`, "Error: non-pending order cannot be modified"},
		{"modify_pending_order_payment", `{"order_id": "#W6779827", "payment_method_id": "x"}`, "Error: payment method not found"},
		{"modify_pending_order_payment", `{"order_id": "#W6779827", "payment_method_id": "gift_card_7219486"}`, "Error: the new payment method should be different from the current one"},
		{"modify_pending_order_payment", `{"order_id": "#W2443586", "payment_method_id": "gift_card_2742113"}`, "Error: insufficient gift card balance to pay for the order"},
		{"modify_pending_order_payment", `{"order_id": "#W6779827", "payment_method_id": "credit_card_9789590"}`, "sha256:b9a583736720025cfa5265504f55cf143285846eeff5973f8223ecd237ed20bc"},
		{"modify_pending_order_payment", `{"order_id": "#W6779827", "payment_method_id": "gift_card_7219486"}`, "Error: there should be exactly one payment for a pending order"},
	}, "6d9aed735939c709d35207dd20c18ca339720b0ca046ba62b5b84874e093c6be"},
	{"return", []call{
		{"return_delivered_order_items", `{"order_id": "#W0", "item_ids": [], "payment_method_id": "x"}`, "Error: order not found"},
		{"return_delivered_order_items", `{"order_id": "#W6779827", "item_ids": [], "payment_method_id": "x"}`, "Error: non-delivered order cannot be returned"},
		{"return_delivered_order_items", `{"order_id": "#W9077205", "item_ids": [], "payment_method_id": "x"}`, "Error: payment method not found"},
		{"return_delivered_order_items", `{"order_id": "#W9077205", "item_ids": [], "payment_method_id": "paypal_4101143"}`, "Error: payment method should be either the original payment method or a gift card"},
		{"return_delivered_order_items", `{"order_id": "#W9077205", "item_ids": ["9370300555", "9370300555"], "payment_method_id": "gift_card_7108145"}`, "Error: some item not found"},
		{"return_delivered_order_items", `{"order_id": "#W9077205", "item_ids": ["3877338112", "9370300555"], "payment_method_id": "gift_card_7108145"}`, "sha256:6343a9078e716361bff18f424fd64db6483772262c5d11753d1b9fdb6b919d70"},
		{"return_delivered_order_items", `{"order_id": "#W9077205", "item_ids": [], "payment_method_id": "gift_card_7108145"}`, "Error: non-delivered order cannot be returned"},
	}, "c3576df88987fddeaa65ce5d33e8f00fe9df1b8bad5f41f3c1a0e7c240ebc157"},
	{"return empty string", []call{
		{"return_delivered_order_items", `{"order_id": "#W9077205", "item_ids": "", "payment_method_id": "gift_card_7108145"}`, "sha256:6ea88cf9a437ece7677916f910a411dc018928a1593416036aa785a52ef0d871"},
	}, "0d19a16ddd264099d394154191dade7fa3213145c11bc44762b3e40f3dd8afa7"},
	{"NaN is json.loads' one object", []call{
		{"return_delivered_order_items", `{"order_id": "#W9077205", "item_ids": [NaN], "payment_method_id": "gift_card_7108145"}`, "Error: some item not found"},
		{"exchange_delivered_order_items", `{"order_id": "#W9077205", "item_ids": [NaN, NaN], "new_item_ids": [1], "payment_method_id": "gift_card_7108145"}`, "Error: nan not found"},
		{"cancel_pending_order", `{"order_id": "#W6779827", "reason": NaN}`, "Error: invalid reason"},
	}, ""},
	{"unknown", []call{
		{"no_such_tool", `{}`, "Unknown action no_such_tool"},
		{"Calculate", `{"expression": "1"}`, "Unknown action Calculate"},
	}, ""},
}

func observation(r tool.Result) string {
	s := r.Text()
	if len(s) > 160 {
		sum := sha256.Sum256([]byte(s))
		return "sha256:" + hex.EncodeToString(sum[:])
	}
	return s
}

func TestToolCases(t *testing.T) {
	d := loadData(t)
	base := d.Hash()
	for _, tc := range toolCases {
		t.Run(tc.name, func(t *testing.T) {
			e := d.New()
			for _, c := range tc.calls {
				r := e.Call(context.Background(), tool.Call{ID: "c", Name: c.name, Arguments: c.args})
				if got := observation(r); got != c.want {
					t.Errorf("%s(%s) = %q, want %q", c.name, c.args, got, c.want)
				}
				if r.CallID != "c" || r.Name != c.name {
					t.Errorf("%s: result names call %q %q", c.name, r.CallID, r.Name)
				}
			}
			want := tc.hash
			if want == "" {
				want = base
			}
			if got := e.Hash(); got != want {
				t.Errorf("final hash %s, want %s", got, want)
			}
		})
	}
}

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
	var names []string
	for _, s := range specs {
		names = append(names, s.Name)
		if err := s.Validate(); err != nil {
			t.Error(err)
		}
	}
	if got := strings.Join(names, " "); got != "calculate cancel_pending_order exchange_delivered_order_items find_user_id_by_email find_user_id_by_name_zip get_order_details get_product_details get_user_details list_all_product_types modify_pending_order_address modify_pending_order_items modify_pending_order_payment modify_user_address return_delivered_order_items think transfer_to_human_agents" {
		t.Errorf("tools %s", got)
	}
	if got, want := tautest.InfoDigest(t, specs), "670eba513010bd281a5e5acc872ca203703b1aa26e992d8f276bcf3ffe0bc603"; got != want {
		t.Errorf("get_info digest %s, want %s", got, want)
	}
	if e := loadData(t).New(); len(e.Tools()) != len(specs) || strings.Join(e.Terminate(), ",") != "transfer_to_human_agents" {
		t.Errorf("env tools %d, terminate %v", len(e.Tools()), e.Terminate())
	}
}
