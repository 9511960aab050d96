package trading

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// TestStrptime checks datetime.strptime's behaviour on the inputs a model
// may send; the expectations are CPython 3.11's (seconds since
// 0001-01-01, or str(exception)).
func TestStrptime(t *testing.T) {
	const dt = dateTimeFormat
	tests := []struct {
		in, format string
		want       int64
		err        string
	}{
		{in: "２０２４-01-01", format: dateFormat, want: 63839664000},
		{in: "2024-01- 5", format: dateFormat, want: 63840009600},
		{in: "2024-9-1", format: dateFormat, want: 63860745600},
		{in: "2024-10-5", format: dateFormat, want: 63863683200},
		{in: "2000-02-29", format: dateFormat, want: 63087379200},
		{in: "0001-01-01", format: dateFormat, want: 0},
		{in: "2024-09-01  10:30:00", format: dt, want: 63860783400},
		{in: "2024-09-01\t1:2:3", format: dt, want: 63860749323},
		{in: "2024-09-01\u300010:30:00", format: dt, want: 63860783400},
		{in: "9999-12-31 23:59:59", format: dt, want: 315537897599},
		{in: "2024-09-0110:30:00", format: dt, err: "time data '2024-09-0110:30:00' does not match format '%Y-%m-%d %H:%M:%S'"},
		{in: "2024-09-01 24:00:00", format: dt, err: "time data '2024-09-01 24:00:00' does not match format '%Y-%m-%d %H:%M:%S'"},
		{in: "2024-09-01 23:59:61", format: dt, err: "second must be in 0..59"},
		{in: "2024-09-31", format: dateFormat, err: "day is out of range for month"},
		{in: "1900-02-29", format: dateFormat, err: "day is out of range for month"},
		{in: "2024-1-123", format: dateFormat, err: "unconverted data remains: 3"},
		{in: "", format: dateFormat, err: "time data '' does not match format '%Y-%m-%d'"},
		{in: "٢٠٢٤-٠٩-٠١", format: dateFormat, err: "time data '٢٠٢٤-٠٩-٠١' does not match format '%Y-%m-%d'"},
	}
	for _, tt := range tests {
		got, err := strptime(tt.in, tt.format)
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err {
				t.Errorf("strptime(%q): error %v, want %q", tt.in, err, tt.err)
			}
		case err != nil:
			t.Errorf("strptime(%q): %v", tt.in, err)
		case int64(got) != tt.want:
			t.Errorf("strptime(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	if _, err := strptime(int64(5), dateFormat); err == nil || err.Error() != "strptime() argument 1 must be str, not int" {
		t.Errorf("strptime(5): %v", err)
	}
}

func mustEnv(t *testing.T, config *pyval.Dict) *bfcl.Env {
	t.Helper()
	env, err := bfcl.New([]string{ClassName}, pyval.DictOf(ClassName, config), false)
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// TestTimestampsIgnoreLocalZone checks that transaction timestamps do not
// depend on the machine's time zone (the reference's do, through
// datetime.fromtimestamp, but give these values in every zone without a
// daylight-saving change on 1-2 September 2024).
func TestTimestampsIgnoreLocalZone(t *testing.T) {
	saved := time.Local
	defer func() { time.Local = saved }()
	for _, zone := range []*time.Location{time.UTC, time.FixedZone("IST", 5*3600+1800), time.FixedZone("X", -11*3600)} {
		time.Local = zone
		env := mustEnv(t, pyval.DictOf("authenticated", true))
		env.Exec("fund_account(amount=1)")
		env.Exec("fund_account(amount=2)")
		got := env.Exec("get_transaction_history()")
		want := `{"transaction_history": [{"type": "deposit", "amount": 1, "timestamp": "2024-09-02 05:40:15"}, {"type": "deposit", "amount": 2, "timestamp": "2024-09-01 12:26:34"}]}`
		if got != want {
			t.Errorf("zone %s:\n got %s\nwant %s", zone, got, want)
		}
	}
}

// TestIntegerArithmetic checks that int balances stay ints, beyond int64
// too, as Python's do.
func TestIntegerArithmetic(t *testing.T) {
	env := mustEnv(t, pyval.DictOf("authenticated", true, "market_status", "Open",
		"account_info", pyval.DictOf("balance", int64(9223372036854775807))))
	tests := []struct{ call, want string }{
		{"fund_account(amount=1)", `{"status": "Account funded successfully", "new_balance": 9223372036854775808}`},
		{"withdraw_funds(amount=2)", `{"status": "Withdrawal successful", "new_balance": 9223372036854775806}`},
		{"fund_account(amount=True)", `{"status": "Account funded successfully", "new_balance": 9223372036854775807}`},
		{"fund_account(amount=0.5)", `{"status": "Account funded successfully", "new_balance": 9.223372036854776e+18}`},
	}
	for _, tt := range tests {
		if got := env.Exec(tt.call); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.call, got, tt.want)
		}
	}
}

// TestClone checks that a clone and its original go their own ways,
// random generator included.
func TestClone(t *testing.T) {
	orig := New()
	if err := orig.Load(pyval.DictOf("authenticated", true, "market_status", "Open"), false); err != nil {
		t.Fatal(err)
	}
	before, err := pyval.MarshalStateJSON(orig.State())
	if err != nil {
		t.Fatal(err)
	}
	c := orig.Clone().(*TradingBot)
	if _, err := c.PlaceOrder("Buy", "AAPL", 227.16, int64(2)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CancelOrder(int64(12446)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.FundAccount(int64(100)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddToWatchlist("AAPL"); err != nil {
		t.Fatal(err)
	}
	c.TradingLogout()
	after, _ := pyval.MarshalStateJSON(orig.State())
	if string(before) != string(after) {
		t.Fatalf("changing the clone changed the original:\n%s\n%s", before, after)
	}
	// Both draw the same next timestamp: the clone copied the generator.
	if _, err := orig.FundAccount(int64(100)); err != nil {
		t.Fatal(err)
	}
	ts := func(b *TradingBot) pyval.Value {
		v, _ := b.transactionHistory[len(b.transactionHistory)-1].(*pyval.Dict).Get("timestamp")
		return v
	}
	if ts(orig) != ts(c) || ts(orig) != "2024-09-02 05:40:15" {
		t.Errorf("timestamps %v and %v, want both 2024-09-02 05:40:15", ts(orig), ts(c))
	}
	// The default counter (12446) reuses the id of the default pending
	// order, as in the reference: the clone's order replaced it.
	sym := func(b *TradingBot) pyval.Value {
		o, _ := b.orders.Get(int64(12446))
		v, _ := o.(*pyval.Dict).Get("symbol")
		return v
	}
	if sym(c) != "AAPL" || sym(orig) != "GOOG" {
		t.Errorf("order 12446: clone %v, original %v; want AAPL, GOOG", sym(c), sym(orig))
	}
}

// TestLoadErrors checks that scenarios the reference could not run are
// refused with a clear error.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		config *pyval.Dict
		want   string
	}{
		{pyval.DictOf("orders", []pyval.Value{}), "orders is a list, not a dict"},
		{pyval.DictOf("stocks", "x"), "stocks is a str, not a dict"},
		{pyval.DictOf("watch_list", pyval.NewDict()), "watch_list is a dict, not a list"},
		{pyval.DictOf("random_seed", []pyval.Value{}), "random_seed"},
	}
	for _, tt := range tests {
		err := New().Load(tt.config, false)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%s): %v, want an error containing %q", pyval.Repr(tt.config), err, tt.want)
		}
	}
}

// TestDefaultState checks the default scenario against the reference's
// DEFAULT_STATE (order ids as ints, the watch list, the counter).
func TestDefaultState(t *testing.T) {
	b, err := pyval.MarshalStateJSON(New().State())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"orders": {"int:12345": {"id": 12345, "order_type": "Buy", "symbol": "AAPL", "price": 210.65, "amount": 10, "status": "Completed"}`,
		`"account_info": {"account_id": 12345, "balance": 10000.0, "binding_card": 1974202140965533}`,
		`"authenticated": false, "market_status": "Closed", "order_counter": 12446`,
		`"ZETA": {"price": 22.09, "percent_change": -0.05, "volume": 0.789, "MA(5)": 22.12, "MA(20)": 22.34}}`,
		`"watch_list": ["NVDA"], "transaction_history": [], "long_context": false}`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("default state lacks %s\nstate: %s", want, b)
		}
	}
}

// TestParallelEnvs runs long-context envs in parallel: they share the
// rendered constants and the metadata cache, which must be safe (run with
// -race) and give every env the same results.
func TestParallelEnvs(t *testing.T) {
	bfcltest.AnchorDir(t)
	calls := []string{
		"get_order_details(order_id=12345)", "get_order_details(order_id=12446)",
		"get_stock_info(symbol='TSLA')", "get_watchlist()", "get_available_stocks('Automobile')",
		"fund_account(amount=12.5)", "get_transaction_history(start_date='2024-09-01')",
	}
	run := func() []string {
		env, err := bfcl.New([]string{ClassName}, pyval.DictOf(ClassName, pyval.DictOf("authenticated", true)), true)
		if err != nil {
			t.Error(err)
			return nil
		}
		return env.ExecAll(calls)
	}
	want := run()
	var wg sync.WaitGroup
	got := make([][]string, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = run()
		}()
	}
	wg.Wait()
	for i := range got {
		for j := range calls {
			if len(got[i]) != len(calls) || got[i][j] != want[j] {
				t.Fatalf("env %d, %s: results differ between parallel envs", i, calls[j])
			}
		}
	}
}

// TestRendered checks that the pre-rendered long-context results hold
// the values they render: json.dumps of a dict, str() of a list.
func TestRendered(t *testing.T) {
	bfcltest.AnchorDir(t)
	bot := New()
	if err := bot.Load(pyval.DictOf("authenticated", true, "market_status", "Open"), true); err != nil {
		t.Fatal(err)
	}
	if _, err := bot.FundAccount(12.5); err != nil {
		t.Fatal(err)
	}
	results := map[string]func() (pyval.Value, error){
		"get_stock_info":          func() (pyval.Value, error) { return bot.GetStockInfo("AAPL") },
		"get_order_details":       func() (pyval.Value, error) { return bot.GetOrderDetails(int64(12345)) },
		"get_transaction_history": func() (pyval.Value, error) { return bot.GetTransactionHistory(nil, nil) },
		"get_available_stocks":    func() (pyval.Value, error) { return bot.GetAvailableStocks("Technology") },
		"get_watchlist":           func() (pyval.Value, error) { return bot.GetWatchlist(), nil },
	}
	for name, call := range results {
		call() // the call checked renders from the cache where there is one
		v, err := call()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r, ok := v.(*Rendered)
		if !ok {
			t.Fatalf("%s returned a %T, want a *Rendered", name, v)
		}
		if got := bfcl.ResultString(r); got != r.Text {
			t.Errorf("%s: ResultString differs from Text", name)
		}
		var want string
		switch val := r.Value().(type) {
		case *pyval.Dict:
			if want, err = pyval.JSONDumps(val); err != nil {
				t.Fatal(err)
			}
		case []pyval.Value:
			want = pyval.Repr(val)
			if !strings.HasSuffix(want, "'ZRFRE', Ellipsis]") {
				t.Errorf("%s: the list does not end in WATCH_LIST_EXTENSION's last items: %s", name, want[len(want)-40:])
			}
		default:
			t.Fatalf("%s: value is a %T", name, val)
		}
		if r.Text != want {
			t.Errorf("%s: Text is not the rendering of Value", name)
		}
		if pyval.TypeName(r) != pyval.TypeName(r.Value()) {
			t.Errorf("%s: type %s, value's type %s", name, pyval.TypeName(r), pyval.TypeName(r.Value()))
		}
	}
}

// TestConfigUnchanged checks that an instance changes none of its
// config (bfcl.New hands a ConfigCopier the entry's own), nor another
// instance loaded from it: every method that changes the state, in both
// variants.
func TestConfigUnchanged(t *testing.T) {
	bfcltest.AnchorDir(t)
	for _, long := range []bool{false, true} {
		cfg, err := pyval.FromJSON([]byte(`{"authenticated": true, "market_status": "Open",
			"orders": {"100": {"id": 100, "order_type": "Buy", "symbol": "AAPL", "price": 1.5, "amount": 2, "status": "Open"}},
			"account_info": {"account_id": 1, "balance": 5000.0, "binding_card": 2},
			"watch_list": ["AAPL", "NVDA"], "transaction_history": [{"type": "deposit", "amount": 1, "timestamp": "2024-09-01 10:30:00"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		config := cfg.(*pyval.Dict)
		before := pyval.Repr(config)
		a, b := &TradingBot{}, &TradingBot{}
		if err := a.Load(config, long); err != nil {
			t.Fatal(err)
		}
		if err := b.Load(config, long); err != nil {
			t.Fatal(err)
		}
		bState := pyval.Repr(b.State())
		for _, call := range []func() (pyval.Value, error){
			func() (pyval.Value, error) { return a.CancelOrder(int64(100)) },
			func() (pyval.Value, error) { return a.PlaceOrder("Buy", "TSLA", 2.0, int64(3)) },
			func() (pyval.Value, error) { return a.FundAccount(10.0) },
			func() (pyval.Value, error) { return a.WithdrawFunds(5.0) },
			func() (pyval.Value, error) { return a.RemoveStockFromWatchlist("AAPL") },
			func() (pyval.Value, error) { return a.AddToWatchlist("MSFT") },
		} {
			if _, err := call(); err != nil {
				t.Fatal(err)
			}
		}
		if got := pyval.Repr(config); got != before {
			t.Fatalf("long=%v: the config changed:\n got %s\nwant %s", long, got, before)
		}
		if got := pyval.Repr(b.State()); got != bState {
			t.Fatalf("long=%v: another instance's state changed:\n got %s\nwant %s", long, got, bState)
		}
	}
}

// TestShapeRender checks results rendered from their shape against
// json.dumps of their dict, with values of every type, and the dict
// itself where json.dumps fails.
func TestShapeRender(t *testing.T) {
	s := newShape("order_id", "caf\u00e9 \"k\"", "price")
	for _, vals := range [][]pyval.Value{
		{int64(12446), "Buy", 220.34},
		{"x\n\"y\"\u00e9", []pyval.Value{nil, true, 1.5}, pyval.DictOf("a", pyval.Tuple{int64(1)})},
		{pyval.NewSet("s"), "Buy", 1.0},
	} {
		kv := []pyval.Value{}
		for i, v := range vals {
			kv = append(kv, s.keys[i], v)
		}
		want, err := pyval.JSONDumps(pyval.DictOf(kv...))
		got := s.render(vals...)
		if err != nil {
			if d, ok := got.(*pyval.Dict); !ok || !pyval.Equal(d, pyval.DictOf(kv...)) {
				t.Errorf("render(%v) = %v, want the dict json.dumps fails on", vals, got)
			}
			continue
		}
		if r, ok := got.(bfcl.JSONResult); !ok || string(r) != want {
			t.Errorf("render(%v) = %v, want %s", vals, got, want)
		}
	}
}
