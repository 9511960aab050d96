// Package retail is tau-bench's (v1) retail domain: an online shop's
// orders, products and users, and the sixteen tools of the reference
// (sierra-research/tau-bench, tau_bench/envs/retail), each reproducing the
// reference's observation for any arguments, malformed ones included.
//
// Load reads the data once; each Data.New is a fresh env forked from it
// in microseconds. The suite layer registers the domain; this package
// registers nothing.
package retail

import (
	"github.com/toolgym/toolgym/env/taubench"
	"github.com/toolgym/toolgym/tool"
)

// Data is the retail data, loaded once; Data.New makes envs from it.
type Data = taubench.Data

// Env is one retail environment (see taubench.Env).
type Env = taubench.Env

// Files are the data files Load reads.
var Files = []string{"orders.json", "products.json", "users.json"}

// TerminateTools are the tools whose call ends an episode (the reference's
// terminate_tools).
var TerminateTools = []string{"transfer_to_human_agents"}

const modulePrefix = "tau_bench.envs.retail.tools."

// Domain describes the retail domain: its tables and the reference's
// ALL_TOOLS, in order.
var Domain = &taubench.Domain{
	Name:      "retail",
	Tables:    []string{"orders", "products", "users"},
	Terminate: TerminateTools,
	Tools: []taubench.Tool{
		taubench.CalculateTool(calculateSpec, modulePrefix+"calculate"),
		taubench.WriteTool(cancelPendingOrderSpec, "CancelPendingOrder", modulePrefix+"cancel_pending_order",
			[]string{"order_id", "reason"}, cancelPendingOrder),
		taubench.WriteTool(exchangeDeliveredOrderItemsSpec, "ExchangeDeliveredOrderItems", modulePrefix+"exchange_delivered_order_items",
			[]string{"order_id", "item_ids", "new_item_ids", "payment_method_id"}, exchangeDeliveredOrderItems),
		taubench.ReadTool(findUserIDByEmailSpec, "FindUserIdByEmail", modulePrefix+"find_user_id_by_email",
			[]string{"email"}, findUserIDByEmail),
		taubench.ReadTool(findUserIDByNameZipSpec, "FindUserIdByNameZip", modulePrefix+"find_user_id_by_name_zip",
			[]string{"first_name", "last_name", "zip"}, findUserIDByNameZip),
		taubench.ReadTool(getOrderDetailsSpec, "GetOrderDetails", modulePrefix+"get_order_details",
			[]string{"order_id"}, getOrderDetails),
		taubench.ReadTool(getProductDetailsSpec, "GetProductDetails", modulePrefix+"get_product_details",
			[]string{"product_id"}, getProductDetails),
		taubench.ReadTool(getUserDetailsSpec, "GetUserDetails", modulePrefix+"get_user_details",
			[]string{"user_id"}, getUserDetails),
		taubench.ReadTool(listAllProductTypesSpec, "ListAllProductTypes", modulePrefix+"list_all_product_types",
			nil, listAllProductTypes),
		taubench.WriteTool(modifyPendingOrderAddressSpec, "ModifyPendingOrderAddress", modulePrefix+"modify_pending_order_address",
			[]string{"order_id", "address1", "address2", "city", "state", "country", "zip"}, modifyPendingOrderAddress),
		taubench.WriteTool(modifyPendingOrderItemsSpec, "ModifyPendingOrderItems", modulePrefix+"modify_pending_order_items",
			[]string{"order_id", "item_ids", "new_item_ids", "payment_method_id"}, modifyPendingOrderItems),
		taubench.WriteTool(modifyPendingOrderPaymentSpec, "ModifyPendingOrderPayment", modulePrefix+"modify_pending_order_payment",
			[]string{"order_id", "payment_method_id"}, modifyPendingOrderPayment),
		taubench.WriteTool(modifyUserAddressSpec, "ModifyUserAddress", modulePrefix+"modify_user_address",
			[]string{"user_id", "address1", "address2", "city", "state", "country", "zip"}, modifyUserAddress),
		taubench.WriteTool(returnDeliveredOrderItemsSpec, "ReturnDeliveredOrderItems", modulePrefix+"return_delivered_order_items",
			[]string{"order_id", "item_ids", "payment_method_id"}, returnDeliveredOrderItems),
		taubench.ThinkTool(thinkSpec, modulePrefix+"think"),
		taubench.TransferTool(transferToHumanAgentsSpec, modulePrefix+"transfer_to_human_agents"),
	},
}

// Load reads the retail data from dir, the folder holding orders.json,
// products.json and users.json (the reference's envs/retail/data, or the
// anchors' tau-bench/retail).
func Load(dir string) (*Data, error) { return taubench.Load(Domain, dir) }

// Tools returns the reference's tool specs, in its order.
func Tools() []tool.Spec { return Domain.Specs() }

// Equal reports whether two envs hold data with the same get_data_hash
// (see taubench.Equal).
func Equal(a, b *Env) bool { return taubench.Equal(a, b) }
