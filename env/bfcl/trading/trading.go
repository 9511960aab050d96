// Package trading is BFCL's TradingBot, the stock-trading API of the
// multi-turn categories, re-implemented in Go for toolgym: an account with
// a balance, orders, a watch list, stock quotes and a transaction history,
// whose every method returns what the Python reference
// (bfcl_eval/.../func_source_code/trading_bot.py) returns, byte for byte
// once rendered, and leaves the same state behind.
//
// The class registers itself with the bfcl framework as "TradingBot";
// import the package for its side effect, or use [New] directly.
//
// Time and randomness are pinned as the reference pins them: the current
// time is always 2024-09-01 10:30, and transaction timestamps are drawn
// from CPython's random.Random seeded with the scenario's random_seed. The
// reference converts that draw with datetime.fromtimestamp, which reads
// the machine's time zone; the draw is an offset of 0 to 86400 seconds
// from the pinned time, and any zone without a daylight-saving change on
// 1-2 September 2024 turns it into the same wall-clock time, so toolgym
// computes it in UTC and gives the same timestamps on every machine.
package trading

import (
	"fmt"
	"time"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// ClassName is the reference's class name, under which the class is
// registered.
const ClassName = "TradingBot"

func init() {
	bfcl.RegisterClass(ClassName, func() bfcl.Class { return &TradingBot{} }) // unloaded: Env loads it
}

// currentTime is the reference's CURRENT_TIME, datetime(2024, 9, 1, 10, 30).
var currentTime = time.Date(2024, 9, 1, 10, 30, 0, 0, time.UTC)

// defaultSeed is DEFAULT_STATE["random_seed"].
const defaultSeed = 1053520

// TradingBot is one trading account. Its fields are the reference's
// instance attributes, holding Python values (pyval) so that scenarios
// with unusual values behave as they do in Python.
type TradingBot struct {
	orders             *pyval.Dict
	accountInfo        *pyval.Dict
	authenticated      pyval.Value
	marketStatus       pyval.Value
	orderCounter       pyval.Value
	stocks             *pyval.Dict
	watchList          []pyval.Value
	transactionHistory []pyval.Value
	longContext        bool

	// random is the generator of transaction timestamps, made when first
	// drawn from: until then it is nil and seed holds its int seed (most
	// scenarios never draw).
	random *pyval.Random
	seed   int64
	ext    *extensions // the long-context constants; nil otherwise
}

var _ bfcl.Class = (*TradingBot)(nil)

// New returns a TradingBot loaded with the reference's default scenario.
func New() *TradingBot {
	t := &TradingBot{}
	if err := t.Load(pyval.NewDict(), false); err != nil {
		panic(err) // the default scenario always loads
	}
	return t
}

// Name implements bfcl.Class.
func (t *TradingBot) Name() string { return ClassName }

// CopiesConfig implements bfcl.ConfigCopier: Load copies the parts of
// its config that a method may change.
func (*TradingBot) CopiesConfig() {}

// Load implements bfcl.Class: it sets the scenario as the reference's
// _load_scenario does, each attribute from the config or from the default
// state, order ids that are digit strings turned into ints. The
// long-context variant needs the long-context constants (bfcl.UseData).
func (t *TradingBot) Load(config *pyval.Dict, longContext bool) error {
	var err error
	field := func(name string, def func() pyval.Value) pyval.Value {
		if v, ok := config.Get(name); ok {
			return v
		}
		return def()
	}
	dict := func(name string, def func() pyval.Value) *pyval.Dict {
		v := field(name, def)
		d, ok := v.(*pyval.Dict)
		if !ok && err == nil {
			err = fmt.Errorf("trading: %s is a %s, not a dict", name, pyval.TypeName(v))
		}
		return d
	}
	list := func(name string, def func() pyval.Value) []pyval.Value {
		v := field(name, def)
		l, ok := v.([]pyval.Value)
		if !ok && err == nil {
			err = fmt.Errorf("trading: %s is a %s, not a list", name, pyval.TypeName(v))
		}
		return l
	}
	orders := dict("orders", defaultOrders)
	accountInfo := dict("account_info", defaultAccountInfo)
	authenticated := field("authenticated", func() pyval.Value { return false })
	marketStatus := field("market_status", func() pyval.Value { return "Closed" })
	orderCounter := field("order_counter", func() pyval.Value { return int64(12446) })
	stocks := dict("stocks", defaultStocks)
	watchList := list("watch_list", func() pyval.Value { return []pyval.Value{"NVDA"} })
	history := list("transaction_history", func() pyval.Value { return []pyval.Value{} })
	if err != nil {
		return err
	}
	var random *pyval.Random
	seedV := field("random_seed", func() pyval.Value { return int64(defaultSeed) })
	seed, lazy := seedV.(int64) // an int seed always takes: seed when first drawn from
	if !lazy {
		random = &pyval.Random{}
		if err := random.Seed(seedV); err != nil {
			return fmt.Errorf("trading: random_seed: %w", err)
		}
	}
	var ext *extensions
	if longContext {
		if ext, err = loadExtensions(); err != nil {
			return err
		}
	}
	// The config is the entry's own (CopiesConfig): copy what a method may
	// change. No method changes the stock table, the transactions already
	// recorded or the watch list's items, nor any value it replaces.
	*t = TradingBot{
		orders:             intKeys(orders),
		accountInfo:        accountInfo.Clone(),
		authenticated:      authenticated,
		marketStatus:       marketStatus,
		orderCounter:       orderCounter,
		stocks:             stocks,
		watchList:          append([]pyval.Value{}, watchList...),
		transactionHistory: append([]pyval.Value{}, history...),
		longContext:        longContext,
		random:             random,
		seed:               seed,
		ext:                ext,
	}
	return nil
}

// intKeys returns a deep copy of orders with every key that is a string
// of digits turned into an int, in the same order.
func intKeys(orders *pyval.Dict) *pyval.Dict {
	out := pyval.NewDict()
	orders.Items(func(k, v pyval.Value) bool {
		if s, ok := k.(string); ok && isDigits(s) {
			k = parseDigits(s)
		}
		out.Set(k, pyval.DeepCopy(v))
		return true
	})
	return out
}

// State implements bfcl.Class: the public attributes in the order the
// reference sets them. The values share storage with the bot; they are
// valid until its next call.
func (t *TradingBot) State() *pyval.Dict {
	return pyval.DictOf(
		"orders", t.orders,
		"account_info", t.accountInfo,
		"authenticated", t.authenticated,
		"market_status", t.marketStatus,
		"order_counter", t.orderCounter,
		"stocks", t.stocks,
		"watch_list", t.watchList,
		"transaction_history", t.transactionHistory,
		"long_context", t.longContext,
	)
}

// StateEqual implements bfcl.StateComparer: the attributes State lists,
// compared without copying them.
func (t *TradingBot) StateEqual(other bfcl.Class) bool {
	o, ok := other.(*TradingBot)
	return ok && pyval.Equal(t.orders, o.orders) &&
		pyval.Equal(t.accountInfo, o.accountInfo) &&
		pyval.Equal(t.authenticated, o.authenticated) &&
		pyval.Equal(t.marketStatus, o.marketStatus) &&
		pyval.Equal(t.orderCounter, o.orderCounter) &&
		pyval.Equal(t.stocks, o.stocks) &&
		pyval.Equal(t.watchList, o.watchList) &&
		pyval.Equal(t.transactionHistory, o.transactionHistory) &&
		pyval.Equal(t.longContext, o.longContext)
}

// Clone implements bfcl.Class. The stock table, which no method changes,
// is shared; everything else is copied.
func (t *TradingBot) Clone() bfcl.Class {
	c := *t
	c.orders = t.orders.Clone()
	c.accountInfo = t.accountInfo.Clone()
	c.authenticated = pyval.DeepCopy(t.authenticated)
	c.marketStatus = pyval.DeepCopy(t.marketStatus)
	c.orderCounter = pyval.DeepCopy(t.orderCounter)
	c.watchList = pyval.DeepCopy(t.watchList).([]pyval.Value)
	c.transactionHistory = pyval.DeepCopy(t.transactionHistory).([]pyval.Value)
	if t.random != nil {
		c.random = t.random.Clone()
	}
	return &c
}

// transactionTimestamp is _generate_transaction_timestamp: a random
// second within the day after the pinned current time.
func (t *TradingBot) transactionTimestamp() string {
	start := currentTime.Unix()
	end := currentTime.AddDate(0, 0, 1).Unix()
	if t.random == nil {
		t.random = pyval.NewRandom(t.seed)
	}
	ts := t.random.RandInt(start, end)
	return time.Unix(ts, 0).UTC().Format("2006-01-02 15:04:05")
}

func defaultOrders() pyval.Value {
	return pyval.DictOf(
		int64(12345), pyval.DictOf("id", int64(12345), "order_type", "Buy", "symbol", "AAPL", "price", 210.65, "amount", int64(10), "status", "Completed"),
		int64(12446), pyval.DictOf("id", int64(12446), "order_type", "Sell", "symbol", "GOOG", "price", 2840.56, "amount", int64(5), "status", "Pending"),
	)
}

func defaultAccountInfo() pyval.Value {
	return pyval.DictOf("account_id", int64(12345), "balance", 10000.0, "binding_card", int64(1974202140965533))
}

// defaultStockTable is DEFAULT_STATE["stocks"]: symbol, price,
// percent_change, volume, MA(5), MA(20).
var defaultStockTable = []struct {
	symbol                        string
	price, change, vol, ma5, ma20 float64
}{
	{"AAPL", 227.16, 0.17, 2.552, 227.11, 227.09},
	{"GOOG", 2840.34, 0.24, 1.123, 2835.67, 2842.15},
	{"TSLA", 667.92, -0.12, 1.654, 671.15, 668.20},
	{"MSFT", 310.23, 0.09, 3.234, 309.88, 310.11},
	{"NVDA", 220.34, 0.34, 1.234, 220.45, 220.67},
	{"ALPH", 1320.45, -0.08, 1.567, 1321.12, 1325.78},
	{"OMEG", 457.23, 0.12, 2.345, 456.78, 458.12},
	{"QUAS", 725.89, -0.03, 1.789, 726.45, 728.00},
	{"NEPT", 88.34, 0.19, 0.654, 88.21, 88.67},
	{"SYNX", 345.67, 0.11, 2.112, 345.34, 346.12},
	{"ZETA", 22.09, -0.05, 0.789, 22.12, 22.34},
}

func defaultStocks() pyval.Value {
	d := pyval.NewDict()
	for _, s := range defaultStockTable {
		d.Set(s.symbol, pyval.DictOf("price", s.price, "percent_change", s.change, "volume", s.vol, "MA(5)", s.ma5, "MA(20)", s.ma20))
	}
	return d
}
