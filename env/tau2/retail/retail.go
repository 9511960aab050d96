// Package retail is tau2-bench's retail domain (domains/retail in
// sierra-research/tau2-bench): an online store's products, users and
// orders, and the RetailTools toolkit an agent uses to look them up and
// to cancel, modify, return and exchange orders.
//
// The database holds what the reference's RetailDB.model_dump() gives
// (fields in declaration order, floats as floats, optional fields filled
// with None), so that Hash equals the reference's get_db_hash. The tools
// reproduce the reference's results, its exception texts (including
// Python's own TypeError and AttributeError texts when a model sends an
// argument of another type, and pydantic's ValidationError texts) and its
// quirks (modify_pending_order_items prices every modified item with the
// last new item's price).
package retail

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// Name is the domain's name.
const Name = "retail"

func init() {
	tau2.Register(Name, func(dir string) (tau2.Domain, error) { return Load(dir) })
}

// The data model (domains/retail/data_model.py), fields in declaration
// order.
var (
	variantModel = &tau2.Model{Name: "Variant", Fields: []tau2.Field{
		tau2.F("item_id", tau2.Str, ""),
		tau2.F("options", tau2.Dict(nil, tau2.Str), ""),
		tau2.F("available", tau2.Bool, ""),
		tau2.F("price", tau2.Float, ""),
	}}
	productModel = &tau2.Model{Name: "Product", Fields: []tau2.Field{
		tau2.F("name", tau2.Str, ""),
		tau2.F("product_id", tau2.Str, ""),
		tau2.F("variants", tau2.Dict(nil, tau2.ModelType(variantModel)), ""),
	}}
	userNameModel = &tau2.Model{Name: "UserName", Fields: []tau2.Field{
		tau2.F("first_name", tau2.Str, ""),
		tau2.F("last_name", tau2.Str, ""),
	}}
	userAddressModel = &tau2.Model{Name: "UserAddress", Fields: []tau2.Field{
		tau2.F("address1", tau2.Str, ""),
		tau2.F("address2", tau2.Str, ""),
		tau2.F("city", tau2.Str, ""),
		tau2.F("country", tau2.Str, ""),
		tau2.F("state", tau2.Str, ""),
		tau2.F("zip", tau2.Str, ""),
	}}
	creditCardModel = &tau2.Model{Name: "CreditCard", Fields: []tau2.Field{
		tau2.F("source", tau2.Literal("credit_card"), ""),
		tau2.F("id", tau2.Str, ""),
		tau2.F("brand", tau2.Str, ""),
		tau2.F("last_four", tau2.Str, ""),
	}}
	giftCardModel = &tau2.Model{Name: "GiftCard", Fields: []tau2.Field{
		tau2.F("source", tau2.Literal("gift_card"), ""),
		tau2.F("id", tau2.Str, ""),
		tau2.F("balance", tau2.Float, ""),
	}}
	paypalModel = &tau2.Model{Name: "Paypal", Fields: []tau2.Field{
		tau2.F("source", tau2.Literal("paypal"), ""),
		tau2.F("id", tau2.Str, ""),
	}}
	paymentMethodType = tau2.Union(tau2.ModelType(creditCardModel), tau2.ModelType(giftCardModel), tau2.ModelType(paypalModel))
	userModel         = &tau2.Model{Name: "User", Fields: []tau2.Field{
		tau2.F("user_id", tau2.Str, ""),
		tau2.F("name", tau2.ModelType(userNameModel), ""),
		tau2.F("address", tau2.ModelType(userAddressModel), ""),
		tau2.F("email", tau2.Str, ""),
		tau2.F("payment_methods", tau2.Dict(nil, paymentMethodType), ""),
		tau2.F("orders", tau2.List(tau2.Str), ""),
	}}
	fulfillmentModel = &tau2.Model{Name: "OrderFullfilment", Fields: []tau2.Field{
		tau2.F("tracking_id", tau2.List(tau2.Str), ""),
		tau2.F("item_ids", tau2.List(tau2.Str), ""),
	}}
	orderItemModel = &tau2.Model{Name: "OrderItem", Fields: []tau2.Field{
		tau2.F("name", tau2.Str, ""),
		tau2.F("product_id", tau2.Str, ""),
		tau2.F("item_id", tau2.Str, ""),
		tau2.F("price", tau2.Float, ""),
		tau2.F("options", tau2.Dict(nil, tau2.Str), ""),
	}}
	orderPaymentModel = &tau2.Model{Name: "OrderPayment", Fields: []tau2.Field{
		tau2.F("transaction_type", tau2.Literal("payment", "refund"), ""),
		tau2.F("amount", tau2.Float, ""),
		tau2.F("payment_method_id", tau2.Str, ""),
	}}
	orderStatus = tau2.Literal("processed", "pending", "pending (item modified)", "delivered",
		"cancelled", "exchange requested", "return requested")
	orderModel = &tau2.Model{Name: "Order", Fields: []tau2.Field{
		tau2.F("order_id", tau2.Str, ""),
		tau2.F("user_id", tau2.Str, ""),
		tau2.F("address", tau2.ModelType(userAddressModel), ""),
		tau2.F("items", tau2.List(tau2.ModelType(orderItemModel)), ""),
		tau2.F("status", orderStatus, ""),
		tau2.F("fulfillments", tau2.List(tau2.ModelType(fulfillmentModel)), ""),
		tau2.F("payment_history", tau2.List(tau2.ModelType(orderPaymentModel)), ""),
		tau2.FD("cancel_reason", tau2.Optional(tau2.Literal("no longer needed", "ordered by mistake")), "", nil),
		tau2.FD("exchange_items", tau2.Optional(tau2.List(tau2.Str)), "", nil),
		tau2.FD("exchange_new_items", tau2.Optional(tau2.List(tau2.Str)), "", nil),
		tau2.FD("exchange_payment_method_id", tau2.Optional(tau2.Str), "", nil),
		tau2.FD("exchange_price_difference", tau2.Optional(tau2.Float), "", nil),
		tau2.FD("return_items", tau2.Optional(tau2.List(tau2.Str)), "", nil),
		tau2.FD("return_payment_method_id", tau2.Optional(tau2.Str), "", nil),
	}}
	// DBModel is RetailDB (extra fields forbidden, as BaseModelNoExtra).
	DBModel = &tau2.Model{Name: "RetailDB", Forbid: true, Fields: []tau2.Field{
		tau2.F("products", tau2.Dict(nil, tau2.ModelType(productModel)), ""),
		tau2.F("users", tau2.Dict(nil, tau2.ModelType(userModel)), ""),
		tau2.F("orders", tau2.Dict(nil, tau2.ModelType(orderModel)), ""),
	}}
)

// Load reads the domain's db.json from dir (the layout of
// data/tau2/domains/retail) and returns the domain.
func Load(dir string) (*tau2.DBDomain, error) {
	b, err := os.ReadFile(filepath.Join(dir, "db.json"))
	if err != nil {
		return nil, fmt.Errorf("retail: %w", err)
	}
	return FromJSON(b)
}

// FromJSON builds the domain from the text of a db.json.
func FromJSON(b []byte) (*tau2.DBDomain, error) {
	data, err := pyval.FromJSON(b)
	if err != nil {
		return nil, fmt.Errorf("retail: db.json: %w", err)
	}
	return tau2.NewDBDomain(Name, DBModel, Toolkit, data)
}
