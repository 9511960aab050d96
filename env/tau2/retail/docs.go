package retail

// The reference's docstrings of the RetailTools tools, verbatim: the
// tools' descriptions and argument descriptions are parsed from them.
const (
	docCalculate = "\n" +
		"        Calculate the result of a mathematical expression.\n" +
		"\n" +
		"        Args:\n" +
		"            expression: The mathematical expression to calculate, such as '2 + 2'. The expression can contain numbers, operators (+, -, *, /), parentheses, and spaces.\n" +
		"\n" +
		"        Returns:\n" +
		"            The result of the mathematical expression.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the expression is invalid.\n" +
		"        "
	docCancelPendingOrder = "Cancel a pending order. If the order is already processed or delivered,\n" +
		"        it cannot be cancelled. The agent needs to explain the cancellation detail\n" +
		"        and ask for explicit user confirmation (yes/no) to proceed. If the user confirms,\n" +
		"        the order status will be changed to 'cancelled' and the payment will be refunded.\n" +
		"        The refund will be added to the user's gift card balance immediately if the payment\n" +
		"        was made using a gift card, otherwise the refund would take 5-7 business days to process.\n" +
		"        The function returns the order details after the cancellation.\n" +
		"\n" +
		"        Args:\n" +
		"            order_id: The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.\n" +
		"            reason: The reason for cancellation, which should be either 'no longer needed' or 'ordered by mistake'.\n" +
		"\n" +
		"        Returns:\n" +
		"            Order: The order details after the cancellation.\n" +
		"        "
	docExchangeDeliveredOrderItems = "Exchange items in a delivered order to new items of the same product type.\n" +
		"        For a delivered order, return or exchange can be only done once by the agent.\n" +
		"        The agent needs to explain the exchange detail and ask for explicit user confirmation (yes/no) to proceed.\n" +
		"\n" +
		"        Args:\n" +
		"            order_id: The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.\n" +
		"            item_ids: The item ids to be exchanged, each such as '1008292230'. There could be duplicate items in the list.\n" +
		"            new_item_ids: The item ids to be exchanged for, each such as '1008292230'.\n" +
		"                         There could be duplicate items in the list. Each new item id should match the item id\n" +
		"                         in the same position and be of the same product.\n" +
		"            payment_method_id: The payment method id to pay or receive refund for the item price difference,\n" +
		"                             such as 'gift_card_0000000' or 'credit_card_0000000'. These can be looked up\n" +
		"                             from the user or order details.\n" +
		"\n" +
		"        Returns:\n" +
		"            Order: The order details after the exchange.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the order is not delivered.\n" +
		"            ValueError: If the items to be exchanged do not exist.\n" +
		"            ValueError: If the new items do not exist or do not match the old items.\n" +
		"            ValueError: If the number of items to be exchanged does not match.\n" +
		"        "
	docFindUserIdByNameZip = "Find user id by first name, last name, and zip code. If the user is not found, the function\n" +
		"        will return an error message. By default, find user id by email, and only call this function\n" +
		"        if the user is not found by email or cannot remember email.\n" +
		"\n" +
		"        Args:\n" +
		"            first_name: The first name of the customer, such as 'John'.\n" +
		"            last_name: The last name of the customer, such as 'Doe'.\n" +
		"            zip: The zip code of the customer, such as '12345'.\n" +
		"\n" +
		"        Returns:\n" +
		"            str: The user id if found, otherwise an error message.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the user is not found.\n" +
		"        "
	docFindUserIdByEmail = "Find user id by email. If the user is not found, the function will return an error message.\n" +
		"\n" +
		"        Args:\n" +
		"            email: The email of the user, such as 'something@example.com'.\n" +
		"\n" +
		"        Returns:\n" +
		"            str: The user id if found, otherwise an error message.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the user is not found.\n" +
		"        "
	docGetOrderDetails = "Get the status and details of an order.\n" +
		"\n" +
		"        Args:\n" +
		"            order_id: The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.\n" +
		"\n" +
		"        Returns:\n" +
		"            Order: The order details.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the order is not found.\n" +
		"        "
	docGetProductDetails = "Get the inventory details of a product.\n" +
		"\n" +
		"        Args:\n" +
		"            product_id: The product id, such as '6086499569'. Be careful the product id is different from the item id.\n" +
		"\n" +
		"        Returns:\n" +
		"            Product: The product details.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the product is not found.\n" +
		"        "
	docGetItemDetails = "Get the inventory details of an item.\n" +
		"\n" +
		"        Args:\n" +
		"            item_id: The item id, such as '6086499569'. Be careful the item id is different from the product id.\n" +
		"\n" +
		"        Returns:\n" +
		"            Variant: The item details.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the item is not found.\n" +
		"        "
	docGetUserDetails = "Get the details of a user, including their orders.\n" +
		"\n" +
		"        Args:\n" +
		"            user_id: The user id, such as 'sara_doe_496'.\n" +
		"\n" +
		"        Returns:\n" +
		"            User: The user details.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the user is not found.\n" +
		"        "
	docListAllProductTypes = "List the name and product id of all product types.\n" +
		"        Each product type has a variety of different items with unique item ids and options.\n" +
		"        There are only 50 product types in the store.\n" +
		"\n" +
		"        Returns:\n" +
		"            str: A JSON string mapping product names to their product IDs, sorted alphabetically by name.\n" +
		"        "
	docModifyPendingOrderAddress = "Modify the shipping address of a pending order. The agent needs to explain the modification detail and ask for explicit user confirmation (yes/no) to proceed.\n" +
		"\n" +
		"        Args:\n" +
		"            order_id: The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.\n" +
		"            address1: The first line of the address, such as '123 Main St'.\n" +
		"            address2: The second line of the address, such as 'Apt 1' or ''.\n" +
		"            city: The city, such as 'San Francisco'.\n" +
		"            state: The state, such as 'CA'.\n" +
		"            country: The country, such as 'USA'.\n" +
		"            zip: The zip code, such as '12345'.\n" +
		"\n" +
		"        Returns:\n" +
		"            Order: The order details after the modification.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the order is not pending.\n" +
		"        "
	docModifyPendingOrderItems = "Modify items in a pending order to new items of the same product type. For a pending order, this function can only be called once. The agent needs to explain the exchange detail and ask for explicit user confirmation (yes/no) to proceed.\n" +
		"\n" +
		"        Args:\n" +
		"            order_id: The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.\n" +
		"            item_ids: The item ids to be modified, each such as '1008292230'. There could be duplicate items in the list.\n" +
		"            new_item_ids: The item ids to be modified for, each such as '1008292230'. There could be duplicate items in the list. Each new item id should match the item id in the same position and be of the same product.\n" +
		"            payment_method_id: The payment method id to pay or receive refund for the item price difference, such as 'gift_card_0000000' or 'credit_card_0000000'. These can be looked up from the user or order details.\n" +
		"\n" +
		"        Returns:\n" +
		"            Order: The order details after the modification.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the order is not pending.\n" +
		"            ValueError: If the items to be modified do not exist.\n" +
		"            ValueError: If the new items do not exist or do not match the old items.\n" +
		"            ValueError: If the number of items to be modified does not match.\n" +
		"        "
	docModifyPendingOrderPayment = "Modify the payment method of a pending order. The agent needs to explain the modification detail and ask for explicit user confirmation (yes/no) to proceed.\n" +
		"\n" +
		"        Args:\n" +
		"            order_id: The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.\n" +
		"            payment_method_id: The payment method id to pay or receive refund for the item price difference, such as 'gift_card_0000000' or 'credit_card_0000000'. These can be looked up from the user or order details.\n" +
		"\n" +
		"        Returns:\n" +
		"            Order: The order details after the modification.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the order is not pending.\n" +
		"            ValueError: If the payment method does not exist.\n" +
		"            ValueError: If the payment history has more than one payment.\n" +
		"            ValueError: If the new payment method is the same as the current one.\n" +
		"        "
	docModifyUserAddress = "Modify the default address of a user. The agent needs to explain the modification detail and ask for explicit user confirmation (yes/no) to proceed.\n" +
		"\n" +
		"        Args:\n" +
		"            user_id: The user id, such as 'sara_doe_496'.\n" +
		"            address1: The first line of the address, such as '123 Main St'.\n" +
		"            address2: The second line of the address, such as 'Apt 1' or ''.\n" +
		"            city: The city, such as 'San Francisco'.\n" +
		"            state: The state, such as 'CA'.\n" +
		"            country: The country, such as 'USA'.\n" +
		"            zip: The zip code, such as '12345'.\n" +
		"\n" +
		"        Returns:\n" +
		"            User: The user details after the modification.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the user is not found.\n" +
		"        "
	docReturnDeliveredOrderItems = "Return some items of a delivered order.\n" +
		"        The order status will be changed to 'return requested'.\n" +
		"        The agent needs to explain the return detail and ask for explicit user confirmation (yes/no) to proceed.\n" +
		"        The user will receive follow-up email for how and where to return the item.\n" +
		"\n" +
		"        Args:\n" +
		"            order_id: The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.\n" +
		"            item_ids: The item ids to be returned, each such as '1008292230'. There could be duplicate items in the list.\n" +
		"            payment_method_id: The payment method id to pay or receive refund for the item price difference, such as 'gift_card_0000000' or 'credit_card_0000000'.\n" +
		"                             These can be looked up from the user or order details.\n" +
		"\n" +
		"        Returns:\n" +
		"            Order: The order details after requesting the return.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the order is not delivered.\n" +
		"            ValueError: If the payment method is not the original payment method or a gift card.\n" +
		"            ValueError: If the items to be returned do not exist.\n" +
		"        "
	docTransferToHumanAgents = "\n" +
		"        Transfer the user to a human agent, with a summary of the user's issue.\n" +
		"        Only transfer if\n" +
		"         -  the user explicitly asks for a human agent\n" +
		"         -  given the policy and the available tools, you cannot solve the user's issue.\n" +
		"\n" +
		"        Args:\n" +
		"            summary: A summary of the user's issue.\n" +
		"\n" +
		"        Returns:\n" +
		"            A message indicating the user has been transferred to a human agent.\n" +
		"        "
)
