package trading_test

import (
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/trading"
	"github.com/toolgym/toolgym/pyval"
)

// A BFCL env with the TradingBot class runs calls written in Python and
// returns the reference's result strings.
func Example() {
	env, err := bfcl.New([]string{trading.ClassName}, pyval.NewDict(), false)
	if err != nil {
		panic(err)
	}
	for _, call := range []string{
		"trading_login(username='ann', password='secret')",
		"get_stock_info(symbol='NVDA')",
		"place_order(order_type='Buy', symbol='NVDA', price=220.34, amount=100)",
		"place_order(order_type='Buy', symbol='NVDA', price=220.34, amount=10)",
		"fund_account(amount=500.5)",
		"get_transaction_history(start_date='2024-09-01')",
		"fund_account(amount='5')",
	} {
		fmt.Println(env.Exec(call))
	}
	// Output:
	// {"status": "Logged in successfully"}
	// {"price": 220.34, "percent_change": 0.34, "volume": 1.234, "MA(5)": 220.45, "MA(20)": 220.67}
	// {"error": "Insufficient funds: required $22034.00 but only $10000.00 available."}
	// {"order_id": 12446, "order_type": "Buy", "status": "Pending", "price": 220.34, "amount": 10}
	// {"status": "Account funded successfully", "new_balance": 10500.5}
	// {"transaction_history": [{"type": "deposit", "amount": 500.5, "timestamp": "2024-09-02 05:40:15"}]}
	// Error during execution: '<=' not supported between instances of 'str' and 'int'
}

// The methods can also be called directly, with Python values.
func ExampleTradingBot_NotifyPriceChange() {
	bot := trading.New()
	r, err := bot.NotifyPriceChange([]pyval.Value{"AAPL", "TSLA", "ZETA"}, 0.1)
	fmt.Println(bfcl.ResultString(r), err) // what the model sees
	// Output:
	// {"notification": "Stocks AAPL, TSLA have significant price changes."} <nil>
}
