package retail_test

import (
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

var update = flag.Bool("update", false, "rewrite testdata/tools.golden.json")

// initialHash is get_db_hash() of the reference's RetailDB loaded from
// db.json (computed with the reference's data model).
const initialHash = "b25c9cb211f5efcaee5dd646054a73c4a9f43f4f5acc32c10713cd9f9ac20e9c"

func call(t *testing.T, e tau2.Env, name, args string) tool.Result {
	t.Helper()
	return e.Call(context.Background(), tool.Call{ID: "c", Name: name, Arguments: args})
}

func TestInitialState(t *testing.T) {
	e := domain(t).New()
	replay.CheckInitialState(t, e, initialHash)
	// model_dump fills the orders' optional fields with None, in order.
	dump := e.Dump(tau2.Assistant).(*pyval.Dict)
	orders, _ := dump.Get("orders")
	o, _ := orders.(*pyval.Dict).Get("#W2611340")
	keys := o.(*pyval.Dict).Keys()
	if len(keys) != 14 || keys[7] != "cancel_reason" || keys[13] != "return_payment_method_id" {
		t.Errorf("order fields %v", keys)
	}
}

func TestForkIsolation(t *testing.T) {
	base := domain(t).New()
	f := base.Fork().(tau2.Env)
	if !base.SameState(tau2.Assistant, f) {
		t.Fatal("a fresh fork differs")
	}
	res := call(t, f, "cancel_pending_order", `{"order_id": "#W2443586", "reason": "no longer needed"}`)
	if res.Error != nil {
		t.Fatal(res.Text())
	}
	if base.SameState(tau2.Assistant, f) || f.SameState(tau2.Assistant, base) {
		t.Error("SameState after a write on the fork")
	}
	if got := call(t, base, "get_order_details", `{"order_id": "#W2443586"}`).Text(); !strings.Contains(got, `"status": "pending"`) {
		t.Errorf("the base sees the fork's write: %.200s", got)
	}
	if got := call(t, f, "get_order_details", `{"order_id": "#W2443586"}`).Text(); !strings.Contains(got, `"status": "cancelled"`) {
		t.Errorf("the fork lost its write: %.200s", got)
	}
	// A fork of the fork starts from the fork's state and is independent.
	g := f.Fork().(tau2.Env)
	if !g.SameState(tau2.Assistant, f) {
		t.Error("fork of fork differs")
	}
	call(t, g, "modify_user_address", `{"user_id": "aarav_nguyen_7344", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`)
	if g.SameState(tau2.Assistant, f) {
		t.Error("write on the second fork not seen")
	}
	hb, _ := base.Hash(tau2.Assistant)
	if hb != initialHash {
		t.Error("base hash changed")
	}
	// Doing the same writes on the base makes the states equal again.
	call(t, base, "cancel_pending_order", `{"order_id": "#W2443586", "reason": "no longer needed"}`)
	if !base.SameState(tau2.Assistant, f) {
		t.Error("same writes, different states")
	}
	hf, _ := f.Hash(tau2.Assistant)
	if hb, _ := base.Hash(tau2.Assistant); hb != hf {
		t.Error("same writes, different hashes")
	}
}

func TestSameStateIsStrict(t *testing.T) {
	d := domain(t)
	a, b := d.New(), d.New()
	// Both set the same price difference, one as an int, one as a float:
	// the reference's hashes differ (0 vs 0.0), so SameState must too.
	if err := a.UpdateDB(tau2.Assistant, pyval.DictOf("orders", pyval.DictOf("#W2611340", pyval.DictOf("status", "delivered")))); err != nil {
		t.Fatal(err)
	}
	if err := b.UpdateDB(tau2.Assistant, pyval.DictOf("orders", pyval.DictOf("#W2611340", pyval.DictOf("status", "delivered")))); err != nil {
		t.Fatal(err)
	}
	if !a.SameState(tau2.Assistant, b) {
		t.Fatal("equal updates differ")
	}
	// exchange with no items leaves exchange_price_difference = round(0, 2)
	// = 0, an int, where a float would print 0.0.
	res := call(t, a, "exchange_delivered_order_items", `{"order_id": "#W2611340", "item_ids": [], "new_item_ids": [], "payment_method_id": "gift_card_1725971"}`)
	if res.Error != nil || !strings.Contains(res.Text(), `"exchange_price_difference": 0,`) {
		t.Fatalf("%.2000s", res.Text())
	}
	if err := b.UpdateDB(tau2.Assistant, pyval.DictOf("orders", pyval.DictOf("#W2611340", pyval.DictOf(
		"status", "exchange requested", "exchange_items", []pyval.Value{}, "exchange_new_items", []pyval.Value{},
		"exchange_payment_method_id", "gift_card_1725971", "exchange_price_difference", 0.0)))); err != nil {
		t.Fatal(err)
	}
	ha, _ := a.Hash(tau2.Assistant)
	hb, _ := b.Hash(tau2.Assistant)
	if ha == hb || a.SameState(tau2.Assistant, b) {
		t.Errorf("int 0 and float 0.0 compare equal (hashes equal: %v)", ha == hb)
	}
}

func TestUpdateDB(t *testing.T) {
	e := domain(t).New()
	// Dicts merge, other values replace, the result is validated.
	err := e.UpdateDB(tau2.Assistant, pyval.DictOf("users", pyval.DictOf("aarav_nguyen_7344", pyval.DictOf(
		"payment_methods", pyval.DictOf("gift_card_2742113", pyval.DictOf("balance", int64(500)))))))
	if err != nil {
		t.Fatal(err)
	}
	got := call(t, e, "get_user_details", `{"user_id": "aarav_nguyen_7344"}`).Text()
	if !strings.Contains(got, `"gift_card_2742113": {"source": "gift_card", "id": "gift_card_2742113", "balance": 500.0}`) {
		t.Errorf("merged user: %s", got)
	}
	err = e.UpdateDB(tau2.Assistant, pyval.DictOf("orders", pyval.DictOf("#W2611340", pyval.DictOf("status", "lost")), "extra", int64(1)))
	want := "2 validation errors for RetailDB\norders.#W2611340.status\n  Input should be 'processed', 'pending', 'pending (item modified)', 'delivered', 'cancelled', 'exchange requested' or 'return requested' [type=literal_error, input_value='lost', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.12/v/literal_error\nextra\n  Extra inputs are not permitted [type=extra_forbidden, input_value=1, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.12/v/extra_forbidden"
	if err == nil || err.Error() != want {
		t.Errorf("UpdateDB error:\n%v\nwant\n%s", err, want)
	}
	if err := e.UpdateDB(tau2.User, pyval.NewDict()); err == nil || err.Error() != "'NoneType' object has no attribute 'update_db'" {
		t.Errorf("user UpdateDB: %v", err)
	}
}

func TestRun(t *testing.T) {
	e := domain(t).New()
	v, err := e.Run(tau2.Assistant, "find_user_id_by_email", pyval.DictOf("email", "AARAV.NGUYEN1293@EXAMPLE.COM"))
	if err != nil {
		t.Fatal(err)
	}
	if v != "aarav_nguyen_7344" {
		t.Errorf("Run = %v", v)
	}
	v, err = e.Run(tau2.Assistant, "get_order_details", pyval.DictOf("order_id", "#W2611340"))
	if d, ok := v.(*pyval.Dict); err != nil || !ok || d.Len() != 14 {
		t.Errorf("Run(get_order_details) = %v, %v", v, err)
	}
	for _, c := range []struct {
		r    tau2.Requestor
		fn   string
		args *pyval.Dict
		want string
	}{
		{tau2.Assistant, "no_such_function", nil, "'RetailTools' object has no attribute 'no_such_function'"},
		{tau2.User, "get_order_details", nil, "'NoneType' object has no attribute 'get_order_details'"},
		{tau2.Assistant, "get_order_details", pyval.NewDict(), "RetailTools.get_order_details() missing 1 required positional argument: 'order_id'"},
		{tau2.Assistant, "get_order_details", pyval.DictOf("self", int64(1), "order_id", "x"), "RetailTools.get_order_details() got multiple values for argument 'self'"},
		{tau2.Assistant, "get_order_details", pyval.DictOf("order_id", "x"), "Order not found"},
	} {
		if _, err := e.Run(c.r, c.fn, c.args); err == nil || err.Error() != c.want {
			t.Errorf("Run(%s, %s): %v, want %s", c.r, c.fn, err, c.want)
		}
	}
}

func TestCallErrors(t *testing.T) {
	e := domain(t).New()
	ctx := context.Background()
	for _, c := range []struct {
		r          tau2.Requestor
		name, args string
		kind       tool.Kind
		want       string
	}{
		{tau2.Assistant, "nope", `{}`, tool.KindUnknownTool, "Error: Tool 'nope' not found."},
		{tau2.User, "get_order_details", `{"order_id": "#W2611340"}`, tool.KindFailed, "Error: User tools not available"},
		{tau2.Assistant, "get_order_details", `{"order_id": `, tool.KindInvalidJSON, ""},
		{tau2.Assistant, "get_order_details", `["#W2611340"]`, tool.KindInvalidJSON, ""},
		{tau2.Assistant, "get_order_details", ``, tool.KindInvalidArguments, "Error: RetailTools.get_order_details() missing 1 required positional argument: 'order_id'"},
		{tau2.Assistant, "modify_pending_order_address", `{"order_id": "x"}`, tool.KindInvalidArguments, "Error: RetailTools.modify_pending_order_address() missing 6 required positional arguments: 'address1', 'address2', 'city', 'state', 'country', and 'zip'"},
		{tau2.Assistant, "get_order_details", `{"order_id": "x", "id": 1, "v": 2}`, tool.KindInvalidArguments, "Error: RetailTools.get_order_details() got an unexpected keyword argument 'id'"},
	} {
		res := e.CallAs(ctx, c.r, tool.Call{ID: "1", Name: c.name, Arguments: c.args})
		if res.Error == nil || res.Error.Kind != c.kind || (c.want != "" && res.Text() != c.want) {
			t.Errorf("%s %s: %+v, want %s %q", c.name, c.args, res.Error, c.kind, c.want)
		}
		if res.CallID != "1" || res.Name != c.name {
			t.Errorf("result ids %q %q", res.CallID, res.Name)
		}
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if res := e.Call(cctx, tool.Call{Name: "get_order_details", Arguments: `{"order_id": "x"}`}); res.Error == nil || res.Error.Kind != tool.KindCanceled {
		t.Errorf("canceled context: %+v", res.Error)
	}
}

// TestToolSpecs compares the tool specs with testdata/tools.golden.json
// (go test -run TestToolSpecs -update rewrites it). The file was checked
// against the reference's as_tool output: the same description and
// parameters JSON, key order included, for every tool.
func TestToolSpecs(t *testing.T) {
	replay.CheckToolSpecs(t, domain(t).New(), filepath.Join("testdata", "tools.golden.json"), *update)
}

// TestConcurrentUse runs reads and writes on one environment and forks
// from several goroutines (meaningful under -race).
func TestConcurrentUse(t *testing.T) {
	d := domain(t)
	e := d.New()
	done := make(chan tau2.Env, 8)
	for i := range 8 {
		go func() {
			switch i % 4 {
			case 0:
				call(t, e, "get_order_details", `{"order_id": "#W2443586"}`)
			case 1:
				call(t, e, "modify_user_address", `{"user_id": "yusuf_rossi_9620", "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}`)
			case 2:
				e.SameState(tau2.Assistant, d.New())
			}
			done <- e.Fork().(tau2.Env)
		}()
	}
	for range 8 {
		f := <-done
		if got := call(t, f, "get_user_details", `{"user_id": "yusuf_rossi_9620"}`); got.Error != nil {
			t.Error(got.Text())
		}
	}
	if !strings.Contains(call(t, e, "get_user_details", `{"user_id": "yusuf_rossi_9620"}`).Text(), `"address1": "a"`) {
		t.Error("the write was lost")
	}
}
