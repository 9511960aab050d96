package retail

import (
	"strings"

	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// Toolkit is RetailTools: its tools in class definition order.
var Toolkit = tau2.NewToolkit("RetailTools",
	tau2.NewTool("calculate", tau2.Generic, docCalculate,
		[]tau2.Param{tau2.P("expression", tau2.Str)}, calculate),
	tau2.NewTool("cancel_pending_order", tau2.Write, docCancelPendingOrder,
		[]tau2.Param{tau2.P("order_id", tau2.Str), tau2.P("reason", tau2.Str)}, cancelPendingOrder),
	tau2.NewTool("exchange_delivered_order_items", tau2.Write, docExchangeDeliveredOrderItems,
		[]tau2.Param{tau2.P("order_id", tau2.Str), tau2.P("item_ids", tau2.List(tau2.Str)),
			tau2.P("new_item_ids", tau2.List(tau2.Str)), tau2.P("payment_method_id", tau2.Str)}, exchangeDeliveredOrderItems),
	tau2.NewTool("find_user_id_by_name_zip", tau2.Read, docFindUserIdByNameZip,
		[]tau2.Param{tau2.P("first_name", tau2.Str), tau2.P("last_name", tau2.Str), tau2.P("zip", tau2.Str)}, findUserIDByNameZip),
	tau2.NewTool("find_user_id_by_email", tau2.Read, docFindUserIdByEmail,
		[]tau2.Param{tau2.P("email", tau2.Str)}, findUserIDByEmail),
	tau2.NewTool("get_order_details", tau2.Read, docGetOrderDetails,
		[]tau2.Param{tau2.P("order_id", tau2.Str)}, getOrderDetails),
	tau2.NewTool("get_product_details", tau2.Read, docGetProductDetails,
		[]tau2.Param{tau2.P("product_id", tau2.Str)}, getProductDetails),
	tau2.NewTool("get_item_details", tau2.Read, docGetItemDetails,
		[]tau2.Param{tau2.P("item_id", tau2.Str)}, getItemDetails),
	tau2.NewTool("get_user_details", tau2.Read, docGetUserDetails,
		[]tau2.Param{tau2.P("user_id", tau2.Str)}, getUserDetails),
	tau2.NewTool("list_all_product_types", tau2.Read, docListAllProductTypes, nil, listAllProductTypes),
	tau2.NewTool("modify_pending_order_address", tau2.Write, docModifyPendingOrderAddress,
		[]tau2.Param{tau2.P("order_id", tau2.Str), tau2.P("address1", tau2.Str), tau2.P("address2", tau2.Str),
			tau2.P("city", tau2.Str), tau2.P("state", tau2.Str), tau2.P("country", tau2.Str), tau2.P("zip", tau2.Str)}, modifyPendingOrderAddress),
	tau2.NewTool("modify_pending_order_items", tau2.Write, docModifyPendingOrderItems,
		[]tau2.Param{tau2.P("order_id", tau2.Str), tau2.P("item_ids", tau2.List(tau2.Str)),
			tau2.P("new_item_ids", tau2.List(tau2.Str)), tau2.P("payment_method_id", tau2.Str)}, modifyPendingOrderItems),
	tau2.NewTool("modify_pending_order_payment", tau2.Write, docModifyPendingOrderPayment,
		[]tau2.Param{tau2.P("order_id", tau2.Str), tau2.P("payment_method_id", tau2.Str)}, modifyPendingOrderPayment),
	tau2.NewTool("modify_user_address", tau2.Write, docModifyUserAddress,
		[]tau2.Param{tau2.P("user_id", tau2.Str), tau2.P("address1", tau2.Str), tau2.P("address2", tau2.Str),
			tau2.P("city", tau2.Str), tau2.P("state", tau2.Str), tau2.P("country", tau2.Str), tau2.P("zip", tau2.Str)}, modifyUserAddress),
	tau2.NewTool("return_delivered_order_items", tau2.Write, docReturnDeliveredOrderItems,
		[]tau2.Param{tau2.P("order_id", tau2.Str), tau2.P("item_ids", tau2.List(tau2.Str)), tau2.P("payment_method_id", tau2.Str)}, returnDeliveredOrderItems),
	tau2.NewTool("transfer_to_human_agents", tau2.Generic, docTransferToHumanAgents,
		[]tau2.Param{tau2.P("summary", tau2.Str)}, transferToHumanAgents),
)

var (
	attr = tau2.Attr
	dict = tau2.AsDict
	list = tau2.AsList
)

// lookup is `if key not in table: raise ValueError(msg)` then table[key].
func lookup(t *docdb.Table, key pyval.Value, msg string) (string, *pyval.Dict, error) {
	ok, err := tau2.KeyIn(key, t.Has)
	if err != nil {
		return "", nil, err
	}
	if !ok {
		return "", nil, pyval.ValueError(msg)
	}
	k := key.(string)
	v, _ := t.Get(k)
	return k, dict(v), nil
}

func getOrder(db *docdb.DB, id pyval.Value) (string, *pyval.Dict, error) {
	return lookup(db.Table("orders"), id, "Order not found")
}

func getUser(db *docdb.DB, id pyval.Value) (string, *pyval.Dict, error) {
	return lookup(db.Table("users"), id, "User not found")
}

func getProduct(db *docdb.DB, id pyval.Value) (*pyval.Dict, error) {
	_, p, err := lookup(db.Table("products"), id, "Product not found")
	return p, err
}

func getItem(db *docdb.DB, id pyval.Value) (*pyval.Dict, error) {
	for _, p := range db.Table("products").All() {
		variants := dict(attr(p, "variants"))
		ok, err := tau2.KeyInDict(id, variants)
		if err != nil {
			return nil, err
		}
		if ok {
			v, _ := variants.Get(id)
			return dict(v), nil
		}
	}
	return nil, pyval.ValueError("Item not found")
}

func getVariant(db *docdb.DB, productID, variantID pyval.Value) (*pyval.Dict, error) {
	p, err := getProduct(db, productID)
	if err != nil {
		return nil, err
	}
	variants := dict(attr(p, "variants"))
	ok, err := tau2.KeyInDict(variantID, variants)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, pyval.ValueError("Variant not found")
	}
	v, _ := variants.Get(variantID)
	return dict(v), nil
}

// getPaymentMethod returns the user's key and the payment method's key.
func getPaymentMethod(db *docdb.DB, userID, pmID pyval.Value) (string, string, *pyval.Dict, error) {
	uk, user, err := getUser(db, userID)
	if err != nil {
		return "", "", nil, err
	}
	pms := dict(attr(user, "payment_methods"))
	ok, err := tau2.KeyInDict(pmID, pms)
	if err != nil {
		return "", "", nil, err
	}
	if !ok {
		return "", "", nil, pyval.ValueError("Payment method not found")
	}
	v, _ := pms.Get(pmID)
	return uk, pmID.(string), dict(v), nil
}

func isGiftCard(pm *pyval.Dict) bool { return pyval.Equal(attr(pm, "source"), "gift_card") }

// mutPaymentMethod returns the user's payment method for writing.
func mutPaymentMethod(db *docdb.DB, userKey, pmKey string) *pyval.Dict {
	u, _ := db.Table("users").Mut(userKey)
	v, _ := dict(attr(u, "payment_methods")).Get(pmKey)
	return dict(v)
}

// addBalance is `pm.balance += delta; pm.balance = round(pm.balance, 2)`
// (op "-" for -=).
func addBalance(pm *pyval.Dict, op string, delta pyval.Value) error {
	v, err := tau2.Binary(op, op+"=", attr(pm, "balance"), delta)
	if err != nil {
		return err
	}
	pm.Set("balance", tau2.RoundNumber(v, 2))
	return nil
}

func mutOrder(db *docdb.DB, key string) *pyval.Dict {
	o, _ := db.Table("orders").Mut(key)
	return dict(o)
}

func calculate(_ *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	return tau2.Calculate(a[0])
}

func cancelPendingOrder(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	orderID, reason := a[0], a[1]
	key, order, err := getOrder(db, orderID)
	if err != nil {
		return nil, err
	}
	if !pyval.Equal(attr(order, "status"), "pending") {
		return nil, pyval.ValueError("Non-pending order cannot be cancelled")
	}
	if err := tau2.CheckHashable(reason); err != nil {
		return nil, err
	}
	if !pyval.Equal(reason, "no longer needed") && !pyval.Equal(reason, "ordered by mistake") {
		return nil, pyval.ValueError("Invalid reason")
	}
	var refunds []pyval.Value
	for _, payment := range list(attr(order, "payment_history")) {
		paymentID := attr(payment, "payment_method_id")
		refund, err := orderPaymentModel.New("transaction_type", "refund", "amount", attr(payment, "amount"), "payment_method_id", paymentID)
		if err != nil {
			return nil, err
		}
		refunds = append(refunds, refund)
		_, user, err := getUser(db, attr(order, "user_id"))
		if err != nil {
			return nil, err
		}
		uk, pk, pm, err := getPaymentMethod(db, attr(user, "user_id"), paymentID)
		if err != nil {
			return nil, err
		}
		if isGiftCard(pm) {
			if err := addBalance(mutPaymentMethod(db, uk, pk), "+", attr(payment, "amount")); err != nil {
				return nil, err
			}
		}
	}
	order = mutOrder(db, key)
	order.Set("status", "cancelled")
	order.Set("cancel_reason", reason)
	order.Set("payment_history", append(append([]pyval.Value(nil), list(attr(order, "payment_history"))...), refunds...))
	return tau2.AsModel(order), nil
}

// checkCounts is the reference's "item_ids.count(item_id) >
// all_item_ids.count(item_id)" loop, raising msg(item_id).
func checkCounts(order *pyval.Dict, itemIDs pyval.Value, msg func(pyval.Value) string) error {
	var all []pyval.Value
	for _, it := range list(attr(order, "items")) {
		all = append(all, attr(it, "item_id"))
	}
	ids, err := tau2.Iter(itemIDs)
	if err != nil {
		return err
	}
	for _, id := range ids {
		n, err := tau2.Count(itemIDs, id)
		if err != nil {
			return err
		}
		m, _ := tau2.Count(all, id)
		if n > m {
			return pyval.ValueError(msg(id))
		}
	}
	return nil
}

// zipItems is zip(item_ids, new_item_ids) after the length check.
func zipItems(itemIDs, newItemIDs pyval.Value, mismatch string) ([]pyval.Value, []pyval.Value, error) {
	n1, err := tau2.Len(itemIDs)
	if err != nil {
		return nil, nil, err
	}
	n2, err := tau2.Len(newItemIDs)
	if err != nil {
		return nil, nil, err
	}
	if n1 != n2 {
		return nil, nil, pyval.ValueError(mismatch)
	}
	a, err := tau2.Iter(itemIDs)
	if err != nil {
		return nil, nil, err
	}
	b, err := tau2.Iter(newItemIDs)
	if err != nil {
		return nil, nil, err
	}
	if len(b) < len(a) {
		a = a[:len(b)]
	}
	return a, b[:len(a)], nil
}

// findItem is next((item for item in order.items if item.item_id == id), None).
func findItem(order *pyval.Dict, id pyval.Value) *pyval.Dict {
	for _, it := range list(attr(order, "items")) {
		if pyval.Equal(attr(it, "item_id"), id) {
			return dict(it)
		}
	}
	return nil
}

func exchangeDeliveredOrderItems(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	orderID, itemIDs, newItemIDs, pmID := a[0], a[1], a[2], a[3]
	key, order, err := getOrder(db, orderID)
	if err != nil {
		return nil, err
	}
	if !pyval.Equal(attr(order, "status"), "delivered") {
		return nil, pyval.ValueError("Non-delivered order cannot be exchanged")
	}
	if err := checkCounts(order, itemIDs, func(id pyval.Value) string { return "Number of " + pyval.Str(id) + " not found." }); err != nil {
		return nil, err
	}
	olds, news, err := zipItems(itemIDs, newItemIDs, "The number of items to be exchanged should match.")
	if err != nil {
		return nil, err
	}
	var diff pyval.Value = int64(0)
	for i, id := range olds {
		item := findItem(order, id)
		if item == nil {
			return nil, pyval.ValueError("Item " + pyval.Str(id) + " not found")
		}
		variant, err := getVariant(db, attr(item, "product_id"), news[i])
		if err != nil {
			return nil, err
		}
		if !pyval.Truth(attr(variant, "available")) {
			return nil, pyval.ValueError("New item " + pyval.Str(news[i]) + " not found or available")
		}
		d, err := tau2.Binary("-", "", attr(variant, "price"), attr(item, "price"))
		if err != nil {
			return nil, err
		}
		if diff, err = tau2.Binary("+", "+=", diff, d); err != nil {
			return nil, err
		}
	}
	diff = tau2.RoundNumber(diff, 2)
	_, _, pm, err := getPaymentMethod(db, attr(order, "user_id"), pmID)
	if err != nil {
		return nil, err
	}
	if isGiftCard(pm) {
		lt, err := tau2.Less(attr(pm, "balance"), diff)
		if err != nil {
			return nil, err
		}
		if lt {
			return nil, pyval.ValueError("Insufficient gift card balance to pay for the price difference")
		}
	}
	order = mutOrder(db, key)
	order.Set("status", "exchange requested")
	sortedOld, err := tau2.Sorted(itemIDs)
	if err != nil {
		return nil, err
	}
	order.Set("exchange_items", sortedOld)
	sortedNew, err := tau2.Sorted(newItemIDs)
	if err != nil {
		return nil, err
	}
	order.Set("exchange_new_items", sortedNew)
	order.Set("exchange_payment_method_id", pmID)
	order.Set("exchange_price_difference", diff)
	return tau2.AsModel(order), nil
}

// findUser scans the users in order for the first whose fields match.
func findUser(db *docdb.DB, match func(user *pyval.Dict) (bool, error)) (pyval.Value, error) {
	for k, u := range db.Table("users").All() {
		ok, err := match(dict(u))
		if err != nil {
			return nil, err
		}
		if ok {
			return k, nil
		}
	}
	return nil, pyval.ValueError("User not found")
}

// lowerOf returns a lazily computed, memoised v.lower().
func lowerOf(v pyval.Value) func() (string, error) {
	var s string
	var err error
	done := false
	return func() (string, error) {
		if !done {
			s, err = tau2.Lower(v)
			done = true
		}
		return s, err
	}
}

func findUserIDByNameZip(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	first, last, zip := lowerOf(a[0]), lowerOf(a[1]), a[2]
	return findUser(db, func(u *pyval.Dict) (bool, error) {
		name := attr(u, "name")
		uf, err := tau2.Lower(attr(name, "first_name"))
		if err != nil {
			return false, err
		}
		f, err := first()
		if err != nil || uf != f {
			return false, err
		}
		ul, err := tau2.Lower(attr(name, "last_name"))
		if err != nil {
			return false, err
		}
		l, err := last()
		if err != nil || ul != l {
			return false, err
		}
		return pyval.Equal(attr(attr(u, "address"), "zip"), zip), nil
	})
}

func findUserIDByEmail(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	email := lowerOf(a[0])
	return findUser(db, func(u *pyval.Dict) (bool, error) {
		ue, err := tau2.Lower(attr(u, "email"))
		if err != nil {
			return false, err
		}
		e, err := email()
		return err == nil && ue == e, err
	})
}

func getOrderDetails(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	_, o, err := getOrder(db, a[0])
	if err != nil {
		return nil, err
	}
	return tau2.AsModel(o), nil
}

func getProductDetails(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	p, err := getProduct(db, a[0])
	if err != nil {
		return nil, err
	}
	return tau2.AsModel(p), nil
}

func getItemDetails(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	v, err := getItem(db, a[0])
	if err != nil {
		return nil, err
	}
	return tau2.AsModel(v), nil
}

func getUserDetails(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	_, u, err := getUser(db, a[0])
	if err != nil {
		return nil, err
	}
	return tau2.AsModel(u), nil
}

func listAllProductTypes(db *docdb.DB, _ []pyval.Value) (pyval.Value, error) {
	names := pyval.NewDict()
	for _, p := range db.Table("products").All() {
		if err := tau2.CheckHashable(attr(p, "name")); err != nil {
			return nil, err
		}
		names.Set(attr(p, "name"), attr(p, "product_id"))
	}
	b, err := docdb.SortedJSON(nil, names)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// newAddress is UserAddress(address1=..., address2=..., city=...,
// state=..., country=..., zip=...).
func newAddress(a []pyval.Value) (*pyval.Dict, error) {
	return userAddressModel.New("address1", a[0], "address2", a[1], "city", a[2], "state", a[3], "country", a[4], "zip", a[5])
}

// isPending is the reference's _is_pending_order: "pending" in status.
func isPending(order *pyval.Dict) (bool, error) {
	s, ok := attr(order, "status").(string)
	if !ok {
		return false, pyval.TypeError("argument of type '" + pyval.TypeName(attr(order, "status")) + "' is not iterable")
	}
	return strings.Contains(s, "pending"), nil
}

func modifyPendingOrderAddress(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	key, order, err := getOrder(db, a[0])
	if err != nil {
		return nil, err
	}
	pending, err := isPending(order)
	if err != nil {
		return nil, err
	}
	if !pending {
		return nil, pyval.ValueError("Non-pending order cannot be modified")
	}
	addr, err := newAddress(a[1:])
	if err != nil {
		return nil, err
	}
	order = mutOrder(db, key)
	order.Set("address", addr)
	return tau2.AsModel(order), nil
}

func modifyPendingOrderItems(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	orderID, itemIDs, newItemIDs, pmID := a[0], a[1], a[2], a[3]
	key, order, err := getOrder(db, orderID)
	if err != nil {
		return nil, err
	}
	if !pyval.Equal(attr(order, "status"), "pending") {
		return nil, pyval.ValueError("Non-pending order cannot be modified")
	}
	if err := checkCounts(order, itemIDs, func(id pyval.Value) string { return pyval.Str(id) + " not found" }); err != nil {
		return nil, err
	}
	olds, news, err := zipItems(itemIDs, newItemIDs, "The number of items to be exchanged should match")
	if err != nil {
		return nil, err
	}
	var diff pyval.Value = int64(0)
	var variant *pyval.Dict
	for i, id := range olds {
		if pyval.Equal(id, news[i]) {
			return nil, pyval.ValueError("The new item id should be different from the old item id")
		}
		item := findItem(order, id)
		if item == nil {
			return nil, pyval.ValueError("Item " + pyval.Str(id) + " not found")
		}
		if variant, err = getVariant(db, attr(item, "product_id"), news[i]); err != nil {
			return nil, err
		}
		if !pyval.Truth(attr(variant, "available")) {
			return nil, pyval.ValueError("New item " + pyval.Str(news[i]) + " not found or available")
		}
		d, err := tau2.Binary("-", "", attr(variant, "price"), attr(item, "price"))
		if err != nil {
			return nil, err
		}
		if diff, err = tau2.Binary("+", "+=", diff, d); err != nil {
			return nil, err
		}
	}
	uk, pk, pm, err := getPaymentMethod(db, attr(order, "user_id"), pmID)
	if err != nil {
		return nil, err
	}
	gift := isGiftCard(pm)
	if gift {
		lt, err := tau2.Less(attr(pm, "balance"), diff)
		if err != nil {
			return nil, err
		}
		if lt {
			return nil, pyval.ValueError("Insufficient gift card balance to pay for the new item")
		}
	}
	c, err := tau2.Compare(">", diff, int64(0))
	if err != nil {
		return nil, err
	}
	typ := "refund"
	if c > 0 {
		typ = "payment"
	}
	amount, err := tau2.Abs(diff)
	if err != nil {
		return nil, err
	}
	payment, err := orderPaymentModel.New("transaction_type", typ, "amount", amount, "payment_method_id", pmID)
	if err != nil {
		return nil, err
	}
	order = mutOrder(db, key)
	order.Set("payment_history", append(append([]pyval.Value(nil), list(attr(order, "payment_history"))...), payment))
	if gift {
		if err := addBalance(mutPaymentMethod(db, uk, pk), "-", diff); err != nil {
			return nil, err
		}
	}
	for i, id := range olds {
		item := findItem(order, id)
		if item == nil {
			return nil, pyval.ValueError("Item " + pyval.Str(id) + " not found")
		}
		item.Set("item_id", news[i])
		item.Set("price", attr(variant, "price"))
		item.Set("options", pyval.DeepCopy(attr(variant, "options")))
	}
	order.Set("status", "pending (item modified)")
	return tau2.AsModel(order), nil
}

func modifyPendingOrderPayment(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	orderID, pmID := a[0], a[1]
	key, order, err := getOrder(db, orderID)
	if err != nil {
		return nil, err
	}
	pending, err := isPending(order)
	if err != nil {
		return nil, err
	}
	if !pending {
		return nil, pyval.ValueError("Non-pending order cannot be modified")
	}
	uk, pk, pm, err := getPaymentMethod(db, attr(order, "user_id"), pmID)
	if err != nil {
		return nil, err
	}
	history := list(attr(order, "payment_history"))
	if len(history) != 1 || !pyval.Equal(attr(history[0], "transaction_type"), "payment") {
		return nil, pyval.ValueError("There should be exactly one payment for a pending order")
	}
	oldID := attr(history[0], "payment_method_id")
	if pyval.Equal(oldID, pmID) {
		return nil, pyval.ValueError("The new payment method should be different from the current one")
	}
	amount := attr(history[0], "amount")
	gift := isGiftCard(pm)
	if gift {
		lt, err := tau2.Less(attr(pm, "balance"), amount)
		if err != nil {
			return nil, err
		}
		if lt {
			return nil, pyval.ValueError("Insufficient gift card balance to pay for the order")
		}
	}
	pay, err := orderPaymentModel.New("transaction_type", "payment", "amount", amount, "payment_method_id", pmID)
	if err != nil {
		return nil, err
	}
	refund, err := orderPaymentModel.New("transaction_type", "refund", "amount", amount, "payment_method_id", oldID)
	if err != nil {
		return nil, err
	}
	order = mutOrder(db, key)
	order.Set("payment_history", append(append([]pyval.Value(nil), history...), pay, refund))
	if gift {
		if err := addBalance(mutPaymentMethod(db, uk, pk), "-", amount); err != nil {
			return nil, err
		}
	}
	ouk, opk, old, err := getPaymentMethod(db, attr(order, "user_id"), oldID)
	if err != nil {
		return nil, err
	}
	if isGiftCard(old) {
		if err := addBalance(mutPaymentMethod(db, ouk, opk), "+", amount); err != nil {
			return nil, err
		}
	}
	return tau2.AsModel(order), nil
}

func modifyUserAddress(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	key, _, err := getUser(db, a[0])
	if err != nil {
		return nil, err
	}
	addr, err := newAddress(a[1:])
	if err != nil {
		return nil, err
	}
	u, _ := db.Table("users").Mut(key)
	user := dict(u)
	user.Set("address", addr)
	return tau2.AsModel(user), nil
}

func returnDeliveredOrderItems(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	orderID, itemIDs, pmID := a[0], a[1], a[2]
	key, order, err := getOrder(db, orderID)
	if err != nil {
		return nil, err
	}
	if !pyval.Equal(attr(order, "status"), "delivered") {
		return nil, pyval.ValueError("Non-delivered order cannot be returned")
	}
	_, user, err := getUser(db, attr(order, "user_id"))
	if err != nil {
		return nil, err
	}
	_, _, pm, err := getPaymentMethod(db, attr(user, "user_id"), pmID)
	if err != nil {
		return nil, err
	}
	if !isGiftCard(pm) {
		history := list(attr(order, "payment_history"))
		if len(history) == 0 {
			return nil, pyval.IndexError("list index out of range")
		}
		if !pyval.Equal(pmID, attr(history[0], "payment_method_id")) {
			return nil, pyval.ValueError("Payment method should be the original payment method")
		}
	}
	if err := checkCounts(order, itemIDs, func(pyval.Value) string { return "Some item not found" }); err != nil {
		return nil, err
	}
	order = mutOrder(db, key)
	order.Set("status", "return requested")
	sorted, err := tau2.Sorted(itemIDs)
	if err != nil {
		return nil, err
	}
	order.Set("return_items", sorted)
	order.Set("return_payment_method_id", pmID)
	return tau2.AsModel(order), nil
}

func transferToHumanAgents(*docdb.DB, []pyval.Value) (pyval.Value, error) {
	return "Transfer successful", nil
}
