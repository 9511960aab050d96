package trading

import (
	"strings"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// method is one entry of the method table: its parameters are shared by
// every instance.
type method struct {
	name   string
	params []bfcl.Param
	call   func(t *TradingBot, a []pyval.Value) (pyval.Value, error)
}

// methods are the reference's public methods, with their parameters in
// signature order.
var methods = []method{
	{"get_current_time", nil, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return fixed(t.GetCurrentTime()), nil }},
	{"get_symbol_by_name", []bfcl.Param{bfcl.Req("name")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.GetSymbolByName(a[0]) }},
	{"get_stock_info", []bfcl.Param{bfcl.Req("symbol")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.GetStockInfo(a[0]) }},
	{"get_order_details", []bfcl.Param{bfcl.Req("order_id")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.GetOrderDetails(a[0]) }},
	{"cancel_order", []bfcl.Param{bfcl.Req("order_id")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.CancelOrder(a[0]) }},
	{"place_order", []bfcl.Param{bfcl.Req("order_type"), bfcl.Req("symbol"), bfcl.Req("price"), bfcl.Req("amount")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.PlaceOrder(a[0], a[1], a[2], a[3]) }},
	{"withdraw_funds", []bfcl.Param{bfcl.Req("amount")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.WithdrawFunds(a[0]) }},
	{"get_account_info", nil, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return fixed(t.GetAccountInfo()), nil }},
	{"trading_login", []bfcl.Param{bfcl.Req("username"), bfcl.Req("password")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) {
		return fixed(t.TradingLogin(a[0], a[1])), nil
	}},
	{"trading_get_login_status", nil, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) {
		return fixed(t.TradingGetLoginStatus()), nil
	}},
	{"trading_logout", nil, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return fixed(t.TradingLogout()), nil }},
	{"fund_account", []bfcl.Param{bfcl.Req("amount")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.FundAccount(a[0]) }},
	{"remove_stock_from_watchlist", []bfcl.Param{bfcl.Req("symbol")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.RemoveStockFromWatchlist(a[0]) }},
	{"get_watchlist", nil, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.GetWatchlist(), nil }},
	{"get_order_history", nil, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.GetOrderHistory(), nil }},
	{"get_transaction_history", []bfcl.Param{bfcl.Opt("start_date", nil), bfcl.Opt("end_date", nil)}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.GetTransactionHistory(a[0], a[1]) }},
	{"get_available_stocks", []bfcl.Param{bfcl.Req("sector")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.GetAvailableStocks(a[0]) }},
	{"filter_stocks_by_price", []bfcl.Param{bfcl.Req("stocks"), bfcl.Req("min_price"), bfcl.Req("max_price")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) {
		return t.FilterStocksByPrice(a[0], a[1], a[2])
	}},
	{"add_to_watchlist", []bfcl.Param{bfcl.Req("stock")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.AddToWatchlist(a[0]) }},
	{"notify_price_change", []bfcl.Param{bfcl.Req("stocks"), bfcl.Req("threshold")}, func(t *TradingBot, a []pyval.Value) (pyval.Value, error) { return t.NotifyPriceChange(a[0], a[1]) }},
}

// Methods implements bfcl.Class.
func (t *TradingBot) Methods() []bfcl.Method { return bfcl.Bound(t, methodTable()) }

// MethodTable implements bfcl.MethodTable: the methods of Methods, for
// any instance.
func (*TradingBot) MethodTable() []bfcl.Method { return methodTable() }

// methodTable lists the methods once.
var methodTable = sync.OnceValue(func() []bfcl.Method {
	out := make([]bfcl.Method, len(methods))
	for i := range methods {
		m := &methods[i]
		out[i] = bfcl.Method{Name: m.name, Params: m.params, Run: func(c bfcl.Class, a []pyval.Value) (pyval.Value, error) { return m.call(c.(*TradingBot), a) }}
	}
	return out
})

func errDict(msg string) *pyval.Dict { return pyval.DictOf("error", msg) }

// shape is the str keys of a result dict, in order, rendered once: the
// dict's json.dumps text is text[0], the first value's, text[1], the
// second value's, ..., and a closing brace.
type shape struct {
	keys []string
	text []string
}

func newShape(keys ...string) *shape {
	s := &shape{keys: keys}
	for i, k := range keys {
		b := []byte("{")
		if i > 0 {
			b = []byte(", ")
		}
		b, _ = pyval.AppendJSON(b, k, true) // a str always encodes
		s.text = append(s.text, string(append(b, ": "...)))
	}
	return s
}

// render renders the dict of the shape's keys and vals as json.dumps
// does, or returns the dict when json.dumps fails on a value.
func (s *shape) render(vals ...pyval.Value) pyval.Value {
	p := shapeBufs.Get().(*[]byte)
	b := (*p)[:0]
	var err error
	for i, v := range vals {
		b = append(b, s.text[i]...)
		if b, err = pyval.AppendJSON(b, v, true); err != nil {
			break
		}
	}
	out := bfcl.JSONResult(append(b, '}'))
	*p = b[:0]
	shapeBufs.Put(p)
	if err != nil {
		kv := make([]pyval.Value, 0, 2*len(vals))
		for i, v := range vals {
			kv = append(kv, s.keys[i], v)
		}
		return pyval.DictOf(kv...) // the executor shows str()
	}
	return out
}

// shapeBufs holds render's scratch buffers.
var shapeBufs = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// The shapes of the results rendered most.
var (
	placedShape    = newShape("order_id", "order_type", "status", "price", "amount")
	cancelledShape = newShape("order_id", "status")
	balanceShape   = newShape("status", "new_balance")
)

// errResult is the error dict {"error": msg}, rendered.
func errResult(msg string) pyval.Value { return bfcl.RenderDict("error", msg) }

// Results that never vary are built once, and rendered once (see fixed).
// Results are only read (the executor renders them at once), as with
// every method returning part of the state itself.
var (
	resCurrentTime    = pyval.DictOf("current_time", currentTime.Format("03:04 PM"))
	errPlaceAuth      = errResult("User not authenticated. Please log in to place an order.")
	errNotPositive    = errResult("Price and amount must be positive values.")
	errWithdrawAuth   = errResult("User not authenticated. Please log in to make a transaction.")
	errMarketClosed   = errResult("Market is closed. Transactions are not allowed.")
	errWithdrawAmount = errResult("Transaction amount must be positive.")
	errWithdrawFunds  = errResult("Insufficient funds for withdrawal.")
	errAccountAuth    = errDict("User not authenticated. Please log in to view account information.")
	resAlreadyIn      = pyval.DictOf("status", "Already logged in")
	resLoggedIn       = pyval.DictOf("status", "Logged in successfully")
	resNobodyIn       = pyval.DictOf("status", "No user is currently logged in")
	resLoggedOut      = pyval.DictOf("status", "Logged out successfully")
	errFundAuth       = errResult("User not authenticated. Please log in to fund the account.")
	errFundAmount     = errResult("Funding amount must be positive.")
	errWatchAuth      = errResult("User not authenticated. Please log in to modify the watchlist.")
	resNoChanges      = bfcl.RenderDict("notification", "No significant price changes in the selected stocks.")
	resStatusTrue     = pyval.DictOf("status", true)
	resStatusFalse    = pyval.DictOf("status", false)
)

// fixedResults holds the rendering of the fixed results the exported
// methods return as dicts.
var fixedResults = func() map[*pyval.Dict]pyval.Value {
	m := map[*pyval.Dict]pyval.Value{}
	for _, d := range []*pyval.Dict{resCurrentTime, errAccountAuth, resAlreadyIn, resLoggedIn, resNobodyIn, resLoggedOut, resStatusTrue, resStatusFalse} {
		s, _ := pyval.JSONDumps(d) // str and bool values always render
		m[d] = bfcl.JSONResult(s)
	}
	return m
}()

// fixed returns a method's dict result rendered when it is one of the
// fixed results, the dict itself otherwise.
func fixed(d *pyval.Dict) pyval.Value {
	if r, ok := fixedResults[d]; ok {
		return r
	}
	return d
}

// GetCurrentTime is get_current_time: the pinned time as "10:30 AM".
func (t *TradingBot) GetCurrentTime() *pyval.Dict {
	return resCurrentTime
}

// symbolMap is get_symbol_by_name's table.
var symbolMap = pyval.DictOf(
	"Apple", "AAPL",
	"Google", "GOOG",
	"Tesla", "TSLA",
	"Microsoft", "MSFT",
	"Nvidia", "NVDA",
	"Zeta Corp", "ZETA",
	"Alpha Tech", "ALPH",
	"Omega Industries", "OMEG",
	"Quasar Ltd.", "QUAS",
	"Neptune Systems", "NEPT",
	"Synex Solutions", "SYNX",
	"Amazon", "AMZN",
	"Gorilla", "GORI",
)

// GetSymbolByName is get_symbol_by_name: a company's ticker symbol, or
// "Stock not found".
func (t *TradingBot) GetSymbolByName(name pyval.Value) (pyval.Value, error) {
	sym, ok, err := get(symbolMap, name)
	if err != nil {
		return nil, err
	}
	if !ok {
		sym = "Stock not found"
	}
	return bfcl.RenderDict("symbol", sym), nil
}

// GetStockInfo is get_stock_info: a stock's quote. In the long-context
// variant the moving averages are the long MA_5/MA_20 extension lists,
// and the result comes as a [Rendered] dict.
func (t *TradingBot) GetStockInfo(symbol pyval.Value) (pyval.Value, error) {
	stock, ok, err := get(t.stocks, symbol)
	if err != nil {
		return nil, err
	}
	if !ok {
		return errResult("Stock with symbol '" + str(symbol) + "' not found."), nil
	}
	if !t.longContext {
		return stock, nil
	}
	d, ok := stock.(*pyval.Dict)
	if !ok {
		c, err := copyOf(stock)
		if err != nil {
			return nil, err
		}
		return nil, setItem(c, "MA(5)", t.ext.ma5)
	}
	return t.ext.stockInfo(d), nil
}

// copyOf is x.copy() for a value that is not a dict.
func copyOf(x pyval.Value) (pyval.Value, error) {
	switch l := x.(type) {
	case []pyval.Value:
		return append([]pyval.Value{}, l...), nil
	case *pyval.Set:
		return l.Clone(), nil
	}
	return nil, noAttr(x, "copy")
}

// GetOrderDetails is get_order_details: an order's record. In the
// long-context variant it carries a "metadata" dict of analysis texts
// about the order's stock, and comes as a [Rendered] dict.
func (t *TradingBot) GetOrderDetails(orderID pyval.Value) (pyval.Value, error) {
	order, ok, err := get(t.orders, orderID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return errResult("Order with ID " + str(orderID) + " not found." +
			"Here is the list of orders_id: " + str(t.orders.Keys())), nil
	}
	if !t.longContext {
		return order, nil
	}
	d, ok := order.(*pyval.Dict)
	if !ok {
		c, err := copyOf(order)
		if err != nil {
			return nil, err
		}
		_, err = item(c, "symbol")
		return nil, err
	}
	symbol, err := item(d, "symbol")
	if err != nil {
		return nil, err
	}
	return t.ext.orderDetails(d, symbol), nil
}

// CancelOrder is cancel_order: it marks an order not yet completed as
// cancelled.
func (t *TradingBot) CancelOrder(orderID pyval.Value) (pyval.Value, error) {
	order, ok, err := get(t.orders, orderID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return errResult("Order with ID " + str(orderID) + " not found."), nil
	}
	status, err := item(order, "status")
	if err != nil {
		return nil, err
	}
	if equal(status, "Completed") {
		return errResult("Can't cancel order " + str(orderID) + ". Order is already completed."), nil
	}
	if err := setItem(order, "status", "Cancelled"); err != nil {
		return nil, err
	}
	return cancelledShape.render(orderID, "Cancelled"), nil
}

// PlaceOrder is place_order: it records an open order, refusing a buy the
// balance cannot cover, and reports it as pending.
func (t *TradingBot) PlaceOrder(orderType, symbol, price, amount pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(t.authenticated) {
		return errPlaceAuth, nil
	}
	ok, err := contains(t.stocks, symbol)
	if err != nil {
		return nil, err
	}
	if !ok {
		return errResult("Invalid stock symbol: " + str(symbol)), nil
	}
	bad, err := compare(price, int64(0), "<=")
	if err != nil {
		return nil, err
	}
	if !bad {
		if bad, err = compare(amount, int64(0), "<="); err != nil {
			return nil, err
		}
	}
	if bad {
		return errNotPositive, nil
	}
	kind, err := lower(orderType)
	if err != nil {
		return nil, err
	}
	p, err := toFloat(price)
	if err != nil {
		return nil, err
	}
	if kind == "buy" {
		n, err := toInt(amount)
		if err != nil {
			return nil, err
		}
		nf, err := toFloat(n)
		if err != nil {
			return nil, err
		}
		total := p * nf
		balance, ok := t.accountInfo.Get("balance")
		if !ok {
			balance = int64(0)
		}
		short, err := compare(total, balance, ">")
		if err != nil {
			return nil, err
		}
		if short {
			need, err := format2f(total)
			if err != nil {
				return nil, err
			}
			have, err := format2f(balance)
			if err != nil {
				return nil, err
			}
			return errResult("Insufficient funds: required $" + need + " but only $" + have + " available."), nil
		}
	}
	id := t.orderCounter
	if !pyval.Hashable(id) {
		return nil, unhashable(id)
	}
	var pv pyval.Value = p // boxed once for both dicts
	t.orders.Set(id, pyval.DictOf(
		"id", id,
		"order_type", orderType,
		"symbol", symbol,
		"price", pv,
		"amount", amount,
		"status", "Open",
	))
	next, err := arith(id, int64(1), false, "+=")
	if err != nil {
		return nil, err
	}
	t.orderCounter = next
	return placedShape.render(id, orderType, "Pending", pv, amount), nil
}

// WithdrawFunds is withdraw_funds: it takes money out of the balance
// while the market is open, and records the withdrawal.
func (t *TradingBot) WithdrawFunds(amount pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(t.authenticated) {
		return errWithdrawAuth, nil
	}
	if !equal(t.marketStatus, "Open") {
		return errMarketClosed, nil
	}
	if bad, err := compare(amount, int64(0), "<="); err != nil {
		return nil, err
	} else if bad {
		return errWithdrawAmount, nil
	}
	balance, err := item(t.accountInfo, "balance")
	if err != nil {
		return nil, err
	}
	if over, err := compare(amount, balance, ">"); err != nil {
		return nil, err
	} else if over {
		return errWithdrawFunds, nil
	}
	balance, err = arith(balance, amount, true, "-=")
	if err != nil {
		return nil, err
	}
	t.accountInfo.Set("balance", balance)
	t.transactionHistory = append(t.transactionHistory, pyval.DictOf(
		"type", "withdrawal",
		"amount", amount,
		"timestamp", t.transactionTimestamp(),
	))
	return balanceShape.render("Withdrawal successful", balance), nil
}

// GetAccountInfo is get_account_info: the account record.
func (t *TradingBot) GetAccountInfo() *pyval.Dict {
	if !pyval.Truth(t.authenticated) {
		return errAccountAuth
	}
	return t.accountInfo
}

// TradingLogin is trading_login; any credentials are accepted.
func (t *TradingBot) TradingLogin(username, password pyval.Value) *pyval.Dict {
	if pyval.Truth(t.authenticated) {
		return resAlreadyIn
	}
	t.authenticated = true
	return resLoggedIn
}

// TradingGetLoginStatus is trading_get_login_status.
func (t *TradingBot) TradingGetLoginStatus() *pyval.Dict {
	if pyval.Truth(t.authenticated) {
		return resStatusTrue
	}
	return resStatusFalse
}

// TradingLogout is trading_logout.
func (t *TradingBot) TradingLogout() *pyval.Dict {
	if !pyval.Truth(t.authenticated) {
		return resNobodyIn
	}
	t.authenticated = false
	return resLoggedOut
}

// FundAccount is fund_account: it adds money to the balance and records
// the deposit.
func (t *TradingBot) FundAccount(amount pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(t.authenticated) {
		return errFundAuth, nil
	}
	if bad, err := compare(amount, int64(0), "<="); err != nil {
		return nil, err
	} else if bad {
		return errFundAmount, nil
	}
	balance, err := item(t.accountInfo, "balance")
	if err != nil {
		return nil, err
	}
	if balance, err = arith(balance, amount, false, "+="); err != nil {
		return nil, err
	}
	t.accountInfo.Set("balance", balance)
	t.transactionHistory = append(t.transactionHistory, pyval.DictOf(
		"type", "deposit",
		"amount", amount,
		"timestamp", t.transactionTimestamp(),
	))
	return balanceShape.render("Account funded successfully", balance), nil
}

// RemoveStockFromWatchlist is remove_stock_from_watchlist.
func (t *TradingBot) RemoveStockFromWatchlist(symbol pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(t.authenticated) {
		return errWatchAuth, nil
	}
	i := listIndex(t.watchList, symbol)
	if i < 0 {
		return errResult("Stock " + str(symbol) + " not found in watchlist."), nil
	}
	t.watchList = append(t.watchList[:i], t.watchList[i+1:]...)
	return bfcl.RenderDict("status", "Stock "+str(symbol)+" removed from watchlist successfully."), nil
}

// GetWatchlist is get_watchlist. Note the reference's quirks, kept here:
// unauthenticated it returns a list holding an error string, and in the
// long-context variant a bare list (the watch list followed by the long
// WATCH_LIST_EXTENSION, as a [Rendered] list) instead of a dict.
func (t *TradingBot) GetWatchlist() pyval.Value {
	if !pyval.Truth(t.authenticated) {
		return []pyval.Value{"Error: User not authenticated. Please log in to view the watchlist."}
	}
	if t.longContext {
		return t.ext.watchList(t.watchList)
	}
	return bfcl.RenderDict("watchlist", t.watchList)
}

// GetOrderHistory is get_order_history: the ids of all orders.
func (t *TradingBot) GetOrderHistory() pyval.Value {
	if !pyval.Truth(t.authenticated) {
		return []pyval.Value{errDict("User not authenticated. Please log in to view order history.")}
	}
	return bfcl.RenderDict("history", t.orders.Keys())
}

// GetTransactionHistory is get_transaction_history: the transactions
// between two dates given as "YYYY-MM-DD" (either may be None). The end
// date is midnight, so transactions later on that day are left out, as in
// the reference. In the long-context variant the long
// TRANSACTION_HISTORY_EXTENSION follows, and the result comes as a
// [Rendered] dict.
func (t *TradingBot) GetTransactionHistory(startDate, endDate pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(t.authenticated) {
		return []pyval.Value{errDict("User not authenticated. Please log in to view transaction history.")}, nil
	}
	start, end := momentMin, momentMax
	var err error
	if pyval.Truth(startDate) {
		if start, err = strptime(startDate, dateFormat); err != nil {
			return nil, err
		}
	}
	if pyval.Truth(endDate) {
		if end, err = strptime(endDate, dateFormat); err != nil {
			return nil, err
		}
	}
	filtered := []pyval.Value{}
	for _, tr := range t.transactionHistory {
		ts, err := item(tr, "timestamp")
		if err != nil {
			return nil, err
		}
		at, err := strptime(ts, dateTimeFormat)
		if err != nil {
			return nil, err
		}
		if start <= at && at <= end {
			filtered = append(filtered, tr)
		}
	}
	if t.longContext {
		return t.ext.transactions(filtered), nil
	}
	return bfcl.RenderDict("transaction_history", filtered), nil
}

// GetAvailableStocks is get_available_stocks: the symbols of a sector
// ("Technology" or "Automobile"). In the long-context variant the lists
// are extended with long lists of further symbols, and the result comes
// as a [Rendered] dict.
func (t *TradingBot) GetAvailableStocks(sector pyval.Value) (pyval.Value, error) {
	if !pyval.Hashable(sector) {
		return nil, unhashable(sector)
	}
	if t.longContext {
		return t.ext.availableStocks(sector), nil
	}
	var list []pyval.Value
	switch sector {
	case "Technology":
		list = []pyval.Value{"AAPL", "GOOG", "MSFT", "NVDA"}
	case "Automobile":
		list = []pyval.Value{"TSLA", "F", "GM"}
	default:
		list = []pyval.Value{}
	}
	return bfcl.RenderDict("stock_list", list), nil
}

// FilterStocksByPrice is filter_stocks_by_price: the given symbols whose
// price lies in [min_price, max_price]; unknown symbols count as price 0.
func (t *TradingBot) FilterStocksByPrice(stocks, minPrice, maxPrice pyval.Value) (pyval.Value, error) {
	symbols, err := iterate(stocks)
	if err != nil {
		return nil, err
	}
	out := []pyval.Value{}
	for _, sym := range symbols {
		price, err := t.priceOf(sym)
		if err != nil {
			return nil, err
		}
		ok, err := compare(price, minPrice, ">=")
		if err != nil {
			return nil, err
		}
		if ok {
			if ok, err = compare(price, maxPrice, "<="); err != nil {
				return nil, err
			}
		}
		if ok {
			out = append(out, sym)
		}
	}
	return bfcl.RenderDict("filtered_stocks", out), nil
}

// priceOf is self.stocks.get(symbol, {}).get("price", 0).
func (t *TradingBot) priceOf(symbol pyval.Value) (pyval.Value, error) {
	stock, ok, err := get(t.stocks, symbol)
	if err != nil || !ok {
		return int64(0), err
	}
	d, ok := stock.(*pyval.Dict)
	if !ok {
		return nil, noAttr(stock, "get")
	}
	if p, ok := d.Get("price"); ok {
		return p, nil
	}
	return int64(0), nil
}

// AddToWatchlist is add_to_watchlist: it adds a known symbol not yet on
// the watch list, and returns the watch list.
func (t *TradingBot) AddToWatchlist(stock pyval.Value) (pyval.Value, error) {
	if listIndex(t.watchList, stock) < 0 {
		ok, err := contains(t.stocks, stock)
		if err != nil {
			return nil, err
		}
		if ok {
			t.watchList = append(t.watchList, stock)
		}
	}
	return bfcl.RenderDict("watchlist", t.watchList), nil
}

// NotifyPriceChange is notify_price_change: which of the given known
// stocks moved by at least threshold percent.
func (t *TradingBot) NotifyPriceChange(stocks, threshold pyval.Value) (pyval.Value, error) {
	symbols, err := iterate(stocks)
	if err != nil {
		return nil, err
	}
	var changed []string
	for _, sym := range symbols {
		stock, ok, err := get(t.stocks, sym)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		pc, err := item(stock, "percent_change")
		if err != nil {
			return nil, err
		}
		a, err := abs(pc)
		if err != nil {
			return nil, err
		}
		big, err := compare(a, threshold, ">=")
		if err != nil {
			return nil, err
		}
		if big {
			// Only str keys come from a JSON scenario, so sym is a str.
			changed = append(changed, str(sym))
		}
	}
	if len(changed) > 0 {
		return bfcl.RenderDict("notification", "Stocks "+strings.Join(changed, ", ")+" have significant price changes."), nil
	}
	return resNoChanges, nil
}
