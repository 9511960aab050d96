package retail

import (
	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/taubench/internal/py"
	"github.com/toolgym/toolgym/pyval"
)

// The tools' bodies, statement for statement as the reference's invoke
// methods (tau_bench/envs/retail/tools/*.py): every subscript, comparison
// and loop goes through package py, so a malformed argument fails where
// and as Python fails. Records are read with py.GetItem and taken for
// writing with py.MutItem just before the reference's first change.

type V = py.V

// firstWhere is [x for x in items if x[key] == val][0].
func firstWhere(items V, key string, val V) V {
	var found []V
	for _, x := range py.Iter(items) {
		if py.Eq(py.GetItem(x, key), val) {
			found = append(found, x)
		}
	}
	return py.GetItem(found, int64(0))
}

func itemIDsOf(order V) []V {
	var ids []V
	for _, item := range py.Iter(py.GetItem(order, "items")) {
		ids = append(ids, py.GetItem(item, "item_id"))
	}
	return ids
}

func address(a []V) V {
	return pyval.DictOf("address1", a[0], "address2", a[1], "city", a[2], "state", a[3], "country", a[4], "zip", a[5])
}

func cancelPendingOrder(db *docdb.DB, a []V) V {
	orderID, reason := a[0], a[1]
	orders := db.Table("orders")
	if !py.In(orderID, orders) {
		return "Error: order not found"
	}
	order := py.GetItem(orders, orderID)
	if !py.Eq(py.GetItem(order, "status"), "pending") {
		return "Error: non-pending order cannot be cancelled"
	}
	if !py.In(reason, []V{"no longer needed", "ordered by mistake"}) {
		return "Error: invalid reason"
	}
	order = py.MutItem(orders, orderID)
	var refunds []V
	for _, payment := range py.Iter(py.GetItem(order, "payment_history")) {
		paymentID := py.GetItem(payment, "payment_method_id")
		refunds = append(refunds, pyval.DictOf(
			"transaction_type", "refund",
			"amount", py.GetItem(payment, "amount"),
			"payment_method_id", paymentID,
		))
		if py.In("gift_card", paymentID) {
			user := py.MutItem(db.Table("users"), py.GetItem(order, "user_id"))
			pm := py.GetItem(py.GetItem(user, "payment_methods"), paymentID)
			py.SetItem(pm, "balance", py.IAdd(py.GetItem(pm, "balance"), py.GetItem(payment, "amount")))
			py.SetItem(pm, "balance", py.Round(py.GetItem(pm, "balance"), 2))
		}
	}
	py.SetItem(order, "status", "cancelled")
	py.SetItem(order, "cancel_reason", reason)
	py.Extend(order, "payment_history", refunds)
	return py.Dumps(order)
}

// itemsPriceDiff is the checks and the price difference that exchanging
// and modifying items share in the reference (written out twice there):
// each item is in the order as often as named, the lists are as long, and
// every new item is an available variant of the old one's product. errText
// is the tool's error when a check fails.
func itemsPriceDiff(products *docdb.Table, order, itemIDs, newItemIDs V) (diff V, errText string) {
	all := itemIDsOf(order)
	for _, itemID := range py.Iter(itemIDs) {
		if py.Count(itemIDs, itemID) > py.Count(all, itemID) {
			return nil, "Error: " + py.Str(itemID) + " not found"
		}
	}
	if py.Len(itemIDs) != py.Len(newItemIDs) {
		return nil, "Error: the number of items to be exchanged should match"
	}
	diff = int64(0)
	for _, p := range py.Zip(itemIDs, newItemIDs) {
		itemID, newItemID := p[0], p[1]
		item := firstWhere(py.GetItem(order, "items"), "item_id", itemID)
		productID := py.GetItem(item, "product_id")
		variants := py.GetItem(py.GetItem(products, productID), "variants")
		if !(py.In(newItemID, variants) && py.Truth(py.GetItem(py.GetItem(variants, newItemID), "available"))) {
			return nil, "Error: new item " + py.Str(newItemID) + " not found or available"
		}
		oldPrice := py.GetItem(item, "price")
		newPrice := py.GetItem(py.GetItem(variants, newItemID), "price")
		diff = py.IAdd(diff, py.Sub(newPrice, oldPrice))
	}
	return diff, ""
}

func exchangeDeliveredOrderItems(db *docdb.DB, a []V) V {
	orderID, itemIDs, newItemIDs, pmID := a[0], a[1], a[2], a[3]
	products, orders, users := db.Table("products"), db.Table("orders"), db.Table("users")
	if !py.In(orderID, orders) {
		return "Error: order not found"
	}
	order := py.GetItem(orders, orderID)
	if !py.Eq(py.GetItem(order, "status"), "delivered") {
		return "Error: non-delivered order cannot be exchanged"
	}
	diff, errText := itemsPriceDiff(products, order, itemIDs, newItemIDs)
	if errText != "" {
		return errText
	}
	diff = py.Round(diff, 2)
	pms := py.GetItem(py.GetItem(users, py.GetItem(order, "user_id")), "payment_methods")
	if !py.In(pmID, pms) {
		return "Error: payment method not found"
	}
	pm := py.GetItem(pms, pmID)
	if py.Eq(py.GetItem(pm, "source"), "gift_card") && py.Lt(py.GetItem(pm, "balance"), diff) {
		return "Error: insufficient gift card balance to pay for the price difference"
	}
	order = py.MutItem(orders, orderID)
	py.SetItem(order, "status", "exchange requested")
	py.SetItem(order, "exchange_items", py.Sorted(itemIDs))
	py.SetItem(order, "exchange_new_items", py.Sorted(newItemIDs))
	py.SetItem(order, "exchange_payment_method_id", pmID)
	py.SetItem(order, "exchange_price_difference", diff)
	return py.Dumps(order)
}

func findUserIDByEmail(db *docdb.DB, a []V) V {
	email := a[0]
	for userID, profile := range db.Table("users").All() {
		if py.Lower(py.GetItem(profile, "email")) == py.Lower(email) {
			return userID
		}
	}
	return "Error: user not found"
}

func findUserIDByNameZip(db *docdb.DB, a []V) V {
	first, last, zip := a[0], a[1], a[2]
	for userID, profile := range db.Table("users").All() {
		name := py.GetItem(profile, "name")
		if py.Lower(py.GetItem(name, "first_name")) == py.Lower(first) &&
			py.Lower(py.GetItem(py.GetItem(profile, "name"), "last_name")) == py.Lower(last) &&
			py.Eq(py.GetItem(py.GetItem(profile, "address"), "zip"), zip) {
			return userID
		}
	}
	return "Error: user not found"
}

// details is the shape of the three get_*_details tools.
func details(db *docdb.DB, table string, key V, notFound string) V {
	t := db.Table(table)
	if py.In(key, t) {
		return py.Dumps(py.GetItem(t, key))
	}
	return notFound
}

func getOrderDetails(db *docdb.DB, a []V) V {
	return details(db, "orders", a[0], "Error: order not found")
}

func getProductDetails(db *docdb.DB, a []V) V {
	return details(db, "products", a[0], "Error: product not found")
}

func getUserDetails(db *docdb.DB, a []V) V {
	return details(db, "users", a[0], "Error: user not found")
}

func listAllProductTypes(db *docdb.DB, _ []V) V {
	byName := pyval.NewDict()
	for _, product := range db.Table("products").All() {
		py.SetItem(byName, py.GetItem(product, "name"), py.GetItem(product, "product_id"))
	}
	// dict(sorted(product_dict.items())): the keys are distinct, so the
	// items sort by key.
	keys := py.Sorted(byName)
	sorted := pyval.NewDict()
	for _, k := range keys {
		v, _ := byName.Get(k)
		sorted.Set(k, v)
	}
	return py.Dumps(sorted)
}

func modifyPendingOrderAddress(db *docdb.DB, a []V) V {
	orderID := a[0]
	orders := db.Table("orders")
	if !py.In(orderID, orders) {
		return "Error: order not found"
	}
	order := py.GetItem(orders, orderID)
	if !py.Eq(py.GetItem(order, "status"), "pending") {
		return "Error: non-pending order cannot be modified"
	}
	order = py.MutItem(orders, orderID)
	py.SetItem(order, "address", address(a[1:]))
	return py.Dumps(order)
}

func modifyPendingOrderItems(db *docdb.DB, a []V) V {
	orderID, itemIDs, newItemIDs, pmID := a[0], a[1], a[2], a[3]
	products, orders, users := db.Table("products"), db.Table("orders"), db.Table("users")
	if !py.In(orderID, orders) {
		return "Error: order not found"
	}
	order := py.GetItem(orders, orderID)
	if !py.Eq(py.GetItem(order, "status"), "pending") {
		return "Error: non-pending order cannot be modified"
	}
	diff, errText := itemsPriceDiff(products, order, itemIDs, newItemIDs)
	if errText != "" {
		return errText
	}
	pms := py.GetItem(py.GetItem(users, py.GetItem(order, "user_id")), "payment_methods")
	if !py.In(pmID, pms) {
		return "Error: payment method not found"
	}
	pm := py.GetItem(pms, pmID)
	if py.Eq(py.GetItem(pm, "source"), "gift_card") && py.Lt(py.GetItem(pm, "balance"), diff) {
		return "Error: insufficient gift card balance to pay for the new item"
	}
	order = py.MutItem(orders, orderID)
	txType := "refund"
	if py.Gt(diff, int64(0)) {
		txType = "payment"
	}
	py.Append(order, "payment_history", pyval.DictOf(
		"transaction_type", txType,
		"amount", py.Abs(diff),
		"payment_method_id", pmID,
	))
	if py.Eq(py.GetItem(pm, "source"), "gift_card") {
		user := py.MutItem(users, py.GetItem(order, "user_id"))
		pm = py.GetItem(py.GetItem(user, "payment_methods"), pmID)
		py.SetItem(pm, "balance", py.ISub(py.GetItem(pm, "balance"), diff))
		py.SetItem(pm, "balance", py.Round(py.GetItem(pm, "balance"), 2))
	}
	for _, p := range py.Zip(itemIDs, newItemIDs) {
		itemID, newItemID := p[0], p[1]
		item := firstWhere(py.GetItem(order, "items"), "item_id", itemID)
		py.SetItem(item, "item_id", newItemID)
		variant := func() V {
			return py.GetItem(py.GetItem(py.GetItem(products, py.GetItem(item, "product_id")), "variants"), newItemID)
		}
		py.SetItem(item, "price", py.GetItem(variant(), "price"))
		// The reference shares the variant's options dict with the
		// order; nothing changes either in place, so a copy is the same.
		py.SetItem(item, "options", py.DeepCopy(py.GetItem(variant(), "options")))
	}
	py.SetItem(order, "status", "pending (item modified)")
	return py.Dumps(order)
}

func modifyPendingOrderPayment(db *docdb.DB, a []V) V {
	orderID, pmID := a[0], a[1]
	orders, users := db.Table("orders"), db.Table("users")
	if !py.In(orderID, orders) {
		return "Error: order not found"
	}
	order := py.GetItem(orders, orderID)
	if !py.Eq(py.GetItem(order, "status"), "pending") {
		return "Error: non-pending order cannot be modified"
	}
	userPMs := func() V { return py.GetItem(py.GetItem(users, py.GetItem(order, "user_id")), "payment_methods") }
	if !py.In(pmID, userPMs()) {
		return "Error: payment method not found"
	}
	first := func() V { return py.GetItem(py.GetItem(order, "payment_history"), int64(0)) }
	if py.Len(py.GetItem(order, "payment_history")) > 1 || !py.Eq(py.GetItem(first(), "transaction_type"), "payment") {
		return "Error: there should be exactly one payment for a pending order"
	}
	if py.Eq(py.GetItem(first(), "payment_method_id"), pmID) {
		return "Error: the new payment method should be different from the current one"
	}
	amount := py.GetItem(first(), "amount")
	pm := py.GetItem(userPMs(), pmID)
	if py.Eq(py.GetItem(pm, "source"), "gift_card") && py.Lt(py.GetItem(pm, "balance"), amount) {
		return "Error: insufficient gift card balance to pay for the order"
	}
	order = py.MutItem(orders, orderID)
	py.Extend(order, "payment_history", []V{
		pyval.DictOf("transaction_type", "payment", "amount", amount, "payment_method_id", pmID),
		pyval.DictOf("transaction_type", "refund", "amount", amount, "payment_method_id", py.GetItem(first(), "payment_method_id")),
	})
	if py.Eq(py.GetItem(pm, "source"), "gift_card") {
		user := py.MutItem(users, py.GetItem(order, "user_id"))
		pm = py.GetItem(py.GetItem(user, "payment_methods"), pmID)
		py.SetItem(pm, "balance", py.ISub(py.GetItem(pm, "balance"), amount))
		py.SetItem(pm, "balance", py.Round(py.GetItem(pm, "balance"), 2))
	}
	if py.In("gift_card", py.GetItem(first(), "payment_method_id")) {
		user := py.MutItem(users, py.GetItem(order, "user_id"))
		old := py.GetItem(py.GetItem(user, "payment_methods"), py.GetItem(first(), "payment_method_id"))
		py.SetItem(old, "balance", py.IAdd(py.GetItem(old, "balance"), amount))
		py.SetItem(old, "balance", py.Round(py.GetItem(old, "balance"), 2))
	}
	return py.Dumps(order)
}

func modifyUserAddress(db *docdb.DB, a []V) V {
	userID := a[0]
	users := db.Table("users")
	if !py.In(userID, users) {
		return "Error: user not found"
	}
	user := py.MutItem(users, userID)
	py.SetItem(user, "address", address(a[1:]))
	return py.Dumps(user)
}

func returnDeliveredOrderItems(db *docdb.DB, a []V) V {
	orderID, itemIDs, pmID := a[0], a[1], a[2]
	orders, users := db.Table("orders"), db.Table("users")
	if !py.In(orderID, orders) {
		return "Error: order not found"
	}
	order := py.GetItem(orders, orderID)
	if !py.Eq(py.GetItem(order, "status"), "delivered") {
		return "Error: non-delivered order cannot be returned"
	}
	if !py.In(pmID, py.GetItem(py.GetItem(users, py.GetItem(order, "user_id")), "payment_methods")) {
		return "Error: payment method not found"
	}
	if !py.In("gift_card", pmID) &&
		!py.Eq(pmID, py.GetItem(py.GetItem(py.GetItem(order, "payment_history"), int64(0)), "payment_method_id")) {
		return "Error: payment method should be either the original payment method or a gift card"
	}
	all := itemIDsOf(order)
	for _, itemID := range py.Iter(itemIDs) {
		if py.Count(itemIDs, itemID) > py.Count(all, itemID) {
			return "Error: some item not found"
		}
	}
	order = py.MutItem(orders, orderID)
	py.SetItem(order, "status", "return requested")
	py.SetItem(order, "return_items", py.Sorted(itemIDs))
	py.SetItem(order, "return_payment_method_id", pmID)
	return py.Dumps(order)
}
