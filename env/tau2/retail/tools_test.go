package retail_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2/internal/replay"
)

// Each case runs on a fresh environment. Want is the observation the
// reference gives (checked against the reference's Python tools): exact
// for errors and short results, a prefix for results longer than 150
// characters.
var toolCases = []replay.Observation{
	{Name: "calculate", Args: "{\"expression\": \"(100 - 20) / 3\"}", Want: "26.67"},
	{Name: "calculate", Args: "{\"expression\": \"2 +\"}", Want: "Error: invalid syntax (<string>, line 1)"},
	{Name: "calculate", Args: "{\"expression\": \"1 / 0\"}", Want: "Error: division by zero"},
	{Name: "calculate", Args: "{\"expression\": \"2 ** 0.5 * x\"}", Want: "Error: Invalid characters in expression"},
	{Name: "calculate", Args: "{\"expression\": 12}", Want: "Error: 'int' object is not iterable"},
	{Name: "cancel_pending_order", Args: "{\"order_id\": \"#W0000000\", \"reason\": \"no longer needed\"}", Want: "Error: Order not found"},
	{Name: "cancel_pending_order", Args: "{\"order_id\": \"#W2611340\", \"reason\": \"no longer needed\"}", Want: "Error: Non-pending order cannot be cancelled"},
	{Name: "cancel_pending_order", Args: "{\"order_id\": [\"#W4817420\"], \"reason\": \"ordered by mistake\"}", Want: "Error: unhashable type: 'list'"},
	{Name: "cancel_pending_order", Args: "{\"order_id\": \"#W4817420\"}", Want: "Error: RetailTools.cancel_pending_order() missing 1 required positional argument: 'reason'"},
	{Name: "exchange_delivered_order_items", Args: "{\"order_id\": \"#W2378156\", \"item_ids\": [\"1151293680\"], \"new_item_ids\": [], \"payment_method_id\": \"credit_card_9513926\"}", Want: "Error: The number of items to be exchanged should match."},
	{Name: "exchange_delivered_order_items", Args: "{\"order_id\": \"#W2378156\", \"item_ids\": [\"0000000000\"], \"new_item_ids\": [\"7706410293\"], \"payment_method_id\": \"credit_card_9513926\"}", Want: "Error: Number of 0000000000 not found."},
	{Name: "exchange_delivered_order_items", Args: "{\"order_id\": \"#W2378156\", \"item_ids\": \"1151293680\", \"new_item_ids\": [\"7706410293\"], \"payment_method_id\": \"credit_card_9513926\"}", Want: "Error: Number of 1 not found."},
	{Name: "exchange_delivered_order_items", Args: "{\"order_id\": \"#W2378156\", \"item_ids\": [\"1151293680\"], \"new_item_ids\": [\"7706410293\"], \"payment_method_id\": \"paypal_0000000\"}", Want: "Error: Payment method not found"},
	{Name: "exchange_delivered_order_items", Args: "{\"order_id\": \"#W2611340\", \"item_ids\": [], \"new_item_ids\": [], \"payment_method_id\": \"x\"}", Want: "Error: Non-delivered order cannot be exchanged"},
	{Name: "find_user_id_by_name_zip", Args: "{\"first_name\": \"yusuf\", \"last_name\": \"ROSSI\", \"zip\": \"19122\"}", Want: "yusuf_rossi_9620"},
	{Name: "find_user_id_by_name_zip", Args: "{\"first_name\": \"Yusuf\", \"last_name\": \"Rossi\", \"zip\": 19122}", Want: "Error: User not found"},
	{Name: "find_user_id_by_name_zip", Args: "{\"first_name\": null, \"last_name\": \"Rossi\", \"zip\": \"19122\"}", Want: "Error: 'NoneType' object has no attribute 'lower'"},
	{Name: "find_user_id_by_email", Args: "{\"email\": \"nobody@example.com\"}", Want: "Error: User not found"},
	{Name: "find_user_id_by_email", Args: "{\"email\": [\"a\"]}", Want: "Error: 'list' object has no attribute 'lower'"},
	{Name: "get_order_details", Args: "{\"order_id\": \"W2378156\"}", Want: "Error: Order not found"},
	{Name: "get_order_details", Args: "{\"order_id\": 2378156}", Want: "Error: Order not found"},
	{Name: "get_order_details", Args: "{\"order_id\": {\"id\": 1}}", Want: "Error: unhashable type: 'dict'"},
	{Name: "get_product_details", Args: "{\"product_id\": \"6086499569\"}", Want: "Error: Product not found"},
	{Name: "get_item_details", Args: "{\"item_id\": \"0000000000\"}", Want: "Error: Item not found"},
	{Name: "get_item_details", Args: "{\"item_id\": \"1151293680\"}", Want: "{\"item_id\": \"1151293680\", \"options\": {\"switch type\": \"linear\", \"backlight\": \"RGB\", \"size\": \"full size\"}, \"available\": true, \"price\": 272.33}"},
	{Name: "get_user_details", Args: "{\"user_id\": \"sara_doe_496\"}", Want: "Error: User not found"},
	{Name: "list_all_product_types", Args: "{}", Want: "{\"Action Camera\": \"3377618313\", \"Air Purifier\": \"3821016478\", \"Backpack\": \"2524789262\", \"Bicycle\": \"9783735446\", \"Bluetooth Speaker\": \"4768869376\", \"B"},
	{Name: "modify_pending_order_address", Args: "{\"order_id\": \"#W2611340\", \"address1\": \"1 Main St\", \"address2\": \"\", \"city\": \"Austin\", \"state\": \"TX\", \"country\": \"USA\", \"zip\": \"78701\"}", Want: "Error: Non-pending order cannot be modified"},
	{Name: "modify_user_address", Args: "{\"user_id\": \"nobody_1\", \"address1\": \"a\", \"address2\": \"b\", \"city\": \"c\", \"state\": \"d\", \"country\": \"e\", \"zip\": \"f\"}", Want: "Error: User not found"},
	{Name: "modify_user_address", Args: "{\"user_id\": \"yusuf_rossi_9620\", \"address1\": 1, \"address2\": 2, \"city\": \"c\", \"state\": \"d\", \"country\": \"e\"}", Want: "Error: RetailTools.modify_user_address() missing 1 required positional argument: 'zip'"},
	{Name: "return_delivered_order_items", Args: "{\"order_id\": \"#W2611340\", \"item_ids\": [], \"payment_method_id\": \"x\"}", Want: "Error: Non-delivered order cannot be returned"},
	{Name: "return_delivered_order_items", Args: "{\"order_id\": \"#W2378156\", \"item_ids\": [\"1151293680\"], \"payment_method_id\": \"credit_card_0000000\"}", Want: "Error: Payment method not found"},
	{Name: "return_delivered_order_items", Args: "{\"order_id\": \"#W2378156\", \"item_ids\": [\"1151293680\", \"1151293680\"], \"payment_method_id\": \"credit_card_9513926\"}", Want: "Error: Some item not found"},
	{Name: "transfer_to_human_agents", Args: "{\"summary\": \"The user wants a refund.\"}", Want: "Transfer successful"},
	{Name: "transfer_to_human_agents", Args: "{}", Want: "Error: RetailTools.transfer_to_human_agents() missing 1 required positional argument: 'summary'"},
	{Name: "get_order_details", Args: "{\"order_id\": \"#W2378156\", \"verbose\": true}", Want: "Error: RetailTools.get_order_details() got an unexpected keyword argument 'verbose'"},
	{Name: "get_order_details", Args: "{\"requestor\": \"user\", \"order_id\": \"#W2378156\"}", Want: "Error: tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'"},
	{Name: "get_order_details", Args: "{\"tool_name\": \"x\"}", Want: "Error: Environment.make_tool_call() got multiple values for argument 'tool_name'"},
	{Name: "refund_everything", Args: "{}", Want: "Error: Tool 'refund_everything' not found."},
	{Name: "cancel_pending_order", Args: "{\"order_id\": \"#W2443586\", \"reason\": \"changed my mind\"}", Want: "Error: Invalid reason"},
	{Name: "cancel_pending_order", Args: "{\"order_id\": \"#W2443586\", \"reason\": [\"no longer needed\"]}", Want: "Error: unhashable type: 'list'"},
	{Name: "modify_pending_order_address", Args: "{\"order_id\": \"#W2443586\", \"address1\": \"1 Main St\", \"address2\": null, \"city\": \"Austin\", \"state\": \"TX\", \"country\": \"USA\", \"zip\": 78701}", Want: "Error: 2 validation errors for UserAddress\naddress2\n  Input should be a valid string [type=string_type, input_value=None, input_type=NoneType]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type\nzip\n  Input should be a valid string [type=string_type, input_value=78701, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.12/v/string_type"},
	{Name: "modify_pending_order_items", Args: "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"9690244451\"], \"payment_method_id\": \"gift_card_2742113\"}", Want: "Error: The new item id should be different from the old item id"},
	{Name: "modify_pending_order_items", Args: "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\", \"9690244451\"], \"new_item_ids\": [\"7706410293\", \"3616838507\"], \"payment_method_id\": \"gift_card_2742113\"}", Want: "Error: 9690244451 not found"},
	{Name: "modify_pending_order_items", Args: "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"1340995114\"], \"payment_method_id\": \"gift_card_2742113\"}", Want: "Error: New item 1340995114 not found or available"},
	{Name: "modify_pending_order_items", Args: "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"7706410293\"], \"payment_method_id\": \"gift_card_2742113\"}", Want: "Error: Insufficient gift card balance to pay for the new item"},
	{Name: "modify_pending_order_items", Args: "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"3616838507\"], \"payment_method_id\": \"gift_card_2742113\"}", Want: "{\"order_id\": \"#W2443586\", \"user_id\": \"aarav_nguyen_7344\", \"address\": {\"address1\": \"918 Hickory Lane\", \"address2\": \"Suite 613\", \"city\": \"Dallas\", \"coun"},
	{Name: "modify_pending_order_items", Args: "{\"order_id\": \"#W2443586\", \"item_ids\": [\"9690244451\"], \"new_item_ids\": [\"0000000000\"], \"payment_method_id\": \"gift_card_2742113\"}", Want: "Error: Variant not found"},
	{Name: "modify_pending_order_payment", Args: "{\"order_id\": \"#W2443586\", \"payment_method_id\": \"paypal_7859314\"}", Want: "Error: The new payment method should be different from the current one"},
	{Name: "modify_pending_order_payment", Args: "{\"order_id\": \"#W2443586\", \"payment_method_id\": \"gift_card_2742113\"}", Want: "Error: Insufficient gift card balance to pay for the order"},
	{Name: "modify_pending_order_payment", Args: "{\"order_id\": \"#W2443586\", \"payment_method_id\": 7}", Want: "Error: Payment method not found"},
}

func TestToolObservations(t *testing.T) {
	replay.CheckObservations(t, domain(t), toolCases)
}
