package retail_test

import (
	"context"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/tool"
)

// Each case runs on a fresh environment. want is the observation the
// reference gives (checked against the reference's Python tools): exact
// for errors and short results, a prefix for results longer than 150
// characters.
var toolCases = []struct{ name, args, want string }{
	{"calculate", "{\"expression\": \"(100 - 20) / 3\"}", "26.67"},
	{"calculate", "{\"expression\": \"2 +\"}", "Error: invalid syntax (<string>, line 1)"},
	{"calculate", "{\"expression\": \"1 / 0\"}", "Error: division by zero"},
	{"calculate", "{\"expression\": \"2 ** 0.5 * x\"}", "Error: Invalid characters in expression"},
	{"calculate", "{\"expression\": 12}", "Error: 'int' object is not iterable"},
	{"cancel_pending_order", "{\"order_id\": \"#W0000000\", \"reason\": \"no longer needed\"}", "Error: Order not found"},
	{"cancel_pending_order", "{\"order_id\": \"#W2611340\", \"reason\": \"no longer needed\"}", "Error: Non-pending order cannot be cancelled"},
	{"cancel_pending_order", "{\"order_id\": [\"#W4817420\"], \"reason\": \"ordered by mistake\"}", "Error: unhashable type: 'list'"},
	{"cancel_pending_order", "{\"order_id\": \"#W4817420\"}", "Error: RetailTools.cancel_pending_order() missing 1 required positional argument: 'reason'"},
	{"exchange_delivered_order_items", "{\"order_id\": \"#W2378156\", \"item_ids\": [\"1151293680\"], \"new_item_ids\": [], \"payment_method_id\": \"credit_card_9513926\"}", "Error: The number of items to be exchanged should match."},
	{"exchange_delivered_order_items", "{\"order_id\": \"#W2378156\", \"item_ids\": [\"0000000000\"], \"new_item_ids\": [\"7706410293\"], \"payment_method_id\": \"credit_card_9513926\"}", "Error: Number of 0000000000 not found."},
	{"exchange_delivered_order_items", "{\"order_id\": \"#W2378156\", \"item_ids\": \"1151293680\", \"new_item_ids\": [\"7706410293\"], \"payment_method_id\": \"credit_card_9513926\"}", "Error: Number of 1 not found."},
	{"exchange_delivered_order_items", "{\"order_id\": \"#W2378156\", \"item_ids\": [\"1151293680\"], \"new_item_ids\": [\"7706410293\"], \"payment_method_id\": \"paypal_0000000\"}", "Error: Payment method not found"},
	{"exchange_delivered_order_items", "{\"order_id\": \"#W2611340\", \"item_ids\": [], \"new_item_ids\": [], \"payment_method_id\": \"x\"}", "Error: Non-delivered order cannot be exchanged"},
	{"find_user_id_by_name_zip", "{\"first_name\": \"yusuf\", \"last_name\": \"ROSSI\", \"zip\": \"19122\"}", "yusuf_rossi_9620"},
	{"find_user_id_by_name_zip", "{\"first_name\": \"Yusuf\", \"last_name\": \"Rossi\", \"zip\": 19122}", "Error: User not found"},
	{"find_user_id_by_name_zip", "{\"first_name\": null, \"last_name\": \"Rossi\", \"zip\": \"19122\"}", "Error: 'NoneType' object has no attribute 'lower'"},
	{"find_user_id_by_email", "{\"email\": \"nobody@example.com\"}", "Error: User not found"},
	{"find_user_id_by_email", "{\"email\": [\"a\"]}", "Error: 'list' object has no attribute 'lower'"},
	{"get_order_details", "{\"order_id\": \"W2378156\"}", "Error: Order not found"},
	{"get_order_details", "{\"order_id\": 2378156}", "Error: Order not found"},
	{"get_order_details", "{\"order_id\": {\"id\": 1}}", "Error: unhashable type: 'dict'"},
	{"get_product_details", "{\"product_id\": \"6086499569\"}", "Error: Product not found"},
	{"get_item_details", "{\"item_id\": \"0000000000\"}", "Error: Item not found"},
	{"get_item_details", "{\"item_id\": \"1151293680\"}", "{\"item_id\": \"1151293680\", \"options\": {\"switch type\": \"linear\", \"backlight\": \"RGB\", \"size\": \"full size\"}, \"available\": true, \"price\": 272.33}"},
	{"get_user_details", "{\"user_id\": \"sara_doe_496\"}", "Error: User not found"},
	{"list_all_product_types", "{}", "{\"Action Camera\": \"3377618313\", \"Air Purifier\": \"3821016478\", \"Backpack\": \"2524789262\", \"Bicycle\": \"9783735446\", \"Bluetooth Speaker\": \"4768869376\", \"B"},
	{"modify_pending_order_address", "{\"order_id\": \"#W2611340\", \"address1\": \"1 Main St\", \"address2\": \"\", \"city\": \"Austin\", \"state\": \"TX\", \"country\": \"USA\", \"zip\": \"78701\"}", "Error: Non-pending order cannot be modified"},
	{"modify_user_address", "{\"user_id\": \"nobody_1\", \"address1\": \"a\", \"address2\": \"b\", \"city\": \"c\", \"state\": \"d\", \"country\": \"e\", \"zip\": \"f\"}", "Error: User not found"},
	{"modify_user_address", "{\"user_id\": \"yusuf_rossi_9620\", \"address1\": 1, \"address2\": 2, \"city\": \"c\", \"state\": \"d\", \"country\": \"e\"}", "Error: RetailTools.modify_user_address() missing 1 required positional argument: 'zip'"},
	{"return_delivered_order_items", "{\"order_id\": \"#W2611340\", \"item_ids\": [], \"payment_method_id\": \"x\"}", "Error: Non-delivered order cannot be returned"},
	{"return_delivered_order_items", "{\"order_id\": \"#W2378156\", \"item_ids\": [\"1151293680\"], \"payment_method_id\": \"credit_card_0000000\"}", "Error: Payment method not found"},
	{"return_delivered_order_items", "{\"order_id\": \"#W2378156\", \"item_ids\": [\"1151293680\", \"1151293680\"], \"payment_method_id\": \"credit_card_9513926\"}", "Error: Some item not found"},
	{"transfer_to_human_agents", "{\"summary\": \"The user wants a refund.\"}", "Transfer successful"},
	{"transfer_to_human_agents", "{}", "Error: RetailTools.transfer_to_human_agents() missing 1 required positional argument: 'summary'"},
	{"get_order_details", "{\"order_id\": \"#W2378156\", \"verbose\": true}", "Error: RetailTools.get_order_details() got an unexpected keyword argument 'verbose'"},
	{"get_order_details", "{\"requestor\": \"user\", \"order_id\": \"#W2378156\"}", "Error: tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'"},
	{"get_order_details", "{\"tool_name\": \"x\"}", "Error: Environment.make_tool_call() got multiple values for argument 'tool_name'"},
	{"refund_everything", "{}", "Error: Tool 'refund_everything' not found."},
	{"cancel_pending_order", "{\"order_id\": \"#W2443586\", \"reason\": \"changed my mind\"}", "Error: Invalid reason"},
	{"cancel_pending_order", "{\"order_id\": \"#W2443586\", \"reason\": [\"no longer needed\"]}", "Error: unhashable type: 'list'"},
	{"modify_pending_order_address", "{\"order_id\": \"#W2443586\", \"address1\": \"1 Main St\", \"address2\": null, \"city\": \"Austin\", \"state\": \"TX\", \"country\": \"USA\", \"zip\": 78701}", "Error: 2 validation errors for UserAddress\naddress2\n  Input should be a valid string [type=string_type, input_value=None, input_type=NoneType]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type\nzip\n  Input should be a valid string [type=string_type, input_value=78701, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type"},
	{"modify_pending_order_items", "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"9690244451\"], \"payment_method_id\": \"gift_card_2742113\"}", "Error: The new item id should be different from the old item id"},
	{"modify_pending_order_items", "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\", \"9690244451\"], \"new_item_ids\": [\"7706410293\", \"3616838507\"], \"payment_method_id\": \"gift_card_2742113\"}", "Error: 9690244451 not found"},
	{"modify_pending_order_items", "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"1340995114\"], \"payment_method_id\": \"gift_card_2742113\"}", "Error: New item 1340995114 not found or available"},
	{"modify_pending_order_items", "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"7706410293\"], \"payment_method_id\": \"gift_card_2742113\"}", "Error: Insufficient gift card balance to pay for the new item"},
	{"modify_pending_order_items", "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"3616838507\"], \"payment_method_id\": \"gift_card_2742113\"}", "{\"order_id\": \"#W2443586\", \"user_id\": \"aarav_nguyen_7344\", \"address\": {\"address1\": \"918 Hickory Lane\", \"address2\": \"Suite 613\", \"city\": \"Dallas\", \"coun"},
	{"modify_pending_order_items", "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"0000000000\"], \"payment_method_id\": \"gift_card_2742113\"}", "Error: Variant not found"},
	{"modify_pending_order_payment", "{\"order_id\": \"#W2443586\", \"payment_method_id\": \"paypal_7859314\"}", "Error: The new payment method should be different from the current one"},
	{"modify_pending_order_payment", "{\"order_id\": \"#W2443586\", \"payment_method_id\": \"gift_card_2742113\"}", "Error: Insufficient gift card balance to pay for the order"},
	{"modify_pending_order_payment", "{\"order_id\": \"#W2443586\", \"payment_method_id\": 7}", "Error: Payment method not found"},
}

func TestToolObservations(t *testing.T) {
	d := domain(t)
	for _, c := range toolCases {
		t.Run(c.name, func(t *testing.T) {
			e := d.New()
			res := e.CallAs(context.Background(), tau2.Assistant, tool.Call{ID: "1", Name: c.name, Arguments: c.args})
			got := res.Text()
			if len(c.want) >= 150 && !strings.HasPrefix(c.want, "Error: ") {
				if !strings.HasPrefix(got, c.want) {
					t.Errorf("%s %s:\n got %.300s\nwant prefix %s", c.name, c.args, got, c.want)
				}
				return
			}
			if got != c.want {
				t.Errorf("%s %s:\n got %s\nwant %s", c.name, c.args, got, c.want)
			}
			if (res.Error != nil) != strings.HasPrefix(c.want, "Error: ") {
				t.Errorf("%s %s: error result %v", c.name, c.args, res.Error != nil)
			}
		})
	}
}
