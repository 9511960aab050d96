package trading

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// BenchmarkCalls measures typical calls end to end as the executor runs
// them: parse the call string, bind, run, render the result string.
func BenchmarkCalls(b *testing.B) {
	bfcltest.AnchorDir(b)
	cases := []struct {
		name, call string
		long       bool
	}{
		{"get_stock_info", "get_stock_info(symbol='AAPL')", false},
		{"get_order_details", "get_order_details(order_id=12446)", false},
		{"place_order", "place_order(order_type='Sell', symbol='TSLA', price=667.92, amount=5)", false},
		{"fund_account", "fund_account(amount=2203.4)", false},
		{"get_watchlist", "get_watchlist()", false},
		{"filter_stocks_by_price", "filter_stocks_by_price(stocks=['AAPL', 'GOOG', 'NVDA'], min_price=200, max_price=400)", false},
		{"long/get_stock_info", "get_stock_info(symbol='AAPL')", true},
		{"long/get_order_details", "get_order_details(order_id=12446)", true},
		{"long/get_watchlist", "get_watchlist()", true},
		{"long/get_available_stocks", "get_available_stocks(sector='Technology')", true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			env, err := bfcl.New([]string{ClassName}, pyval.DictOf(ClassName, pyval.DictOf("authenticated", true)), c.long)
			if err != nil {
				b.Fatal(err)
			}
			if r := env.Exec(c.call); len(r) > 20 && r[:20] == "Error during executi" {
				b.Fatal(r)
			}
			// place_order and fund_account grow the state: start from a
			// fresh copy every 1000 calls so the cost stays that of a
			// small account.
			pristine := env.Fork().(*bfcl.Env)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%1000 == 999 {
					b.StopTimer()
					env = pristine.Fork().(*bfcl.Env)
					b.StartTimer()
				}
				env.Exec(c.call)
			}
		})
	}
}

// BenchmarkGroundTruth replays the class's ground-truth calls of the four
// categories, one Exec per call on a fresh env per entry; ns/call compares
// with the reference's calls/s (see bfcltest.BenchGroundTruth).
func BenchmarkGroundTruth(b *testing.B) { bfcltest.BenchGroundTruth(b, ClassName) }

var methodNames = func() map[string]bool {
	m := map[string]bool{}
	for _, meth := range New().Methods() {
		m[meth.Name] = true
	}
	return m
}()

// methodOf reports the method a call string names, if TradingBot has it.
func methodOf(call string) (string, bool) {
	for i := 0; i < len(call); i++ {
		if call[i] == '(' {
			return call[:i], methodNames[call[:i]]
		}
	}
	return "", false
}

func containsName(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
