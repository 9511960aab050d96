package travel

import (
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// longAPI loads a long-context instance from a config written in JSON.
// Instances loaded without loading the data again in between share the
// extension.
func longAPI(t *testing.T, config string) *API {
	t.Helper()
	cfg, err := pyval.FromJSON([]byte(config))
	if err != nil {
		t.Fatal(err)
	}
	a := New()
	if err := a.Load(cfg.(*pyval.Dict), true); err != nil {
		t.Fatal(err)
	}
	return a
}

const longConfig = `{"access_token": "tok", "token_expires_in": 2,
	"credit_card_list": {"card_a": {"card_number": "1", "balance": 90000.0}},
	"booking_record": {"booking_902": {"card_id": "card_a", "travel_cost": 1.5, "note": "caf\u00e9 \"q\""},
		"own_1": {"card_id": "card_a", "travel_cost": 2.0}}}`

// TestLongContextBookingHistory checks book_flight's long-context result,
// written from the extension records' texts, against json.dumps of the
// result's value, as the booking record changes: a scenario booking under
// an extension key, extension bookings cancelled at the start, in the
// middle and at the end of their run, new bookings after them.
func TestLongContextBookingHistory(t *testing.T) {
	bfcltest.AnchorDir(t) // loads the long-context constants
	a := longAPI(t, longConfig)
	book := func(card string) {
		t.Helper()
		res, err := a.bookFlight("tok", card, "2026-11-10", "SFO", "LAX", "economy")
		if err != nil {
			t.Fatal(err)
		}
		text, ok := bfcl.RenderedText(res)
		if !ok {
			t.Fatalf("book_flight result is a %T, want a JSONResult", res)
		}
		// The result's dict: the new booking is the record's last item.
		keys := a.bookings.Keys()
		id := keys[len(keys)-1]
		rec, _ := a.bookings.Get(id)
		tid, _ := rec.(*pyval.Dict).Get("transaction_id")
		want, err := pyval.JSONDumps(pyval.DictOf("booking_id", id, "transaction_id", tid, "booking_status", true, "booking_history", a.bookings))
		if err != nil {
			t.Fatal(err)
		}
		if string(text) != want {
			t.Fatalf("book_flight rendering:\n got: %s\nwant: %s", text, want)
		}
		if !strings.Contains(want, `"booking_901": {"card_id": "1234567812345678"`) && a.bookings.Has("booking_901") {
			t.Fatalf("extension booking missing from %s", want)
		}
	}
	book("card_a")
	for _, id := range []string{"booking_901", "booking_998", "booking_400"} {
		if _, err := a.cancelBooking("tok", id); err != nil {
			t.Fatal(err)
		}
		book("card_a")
	}
	book("1234567812345678") // an extension card
}

// TestLongContextBookingHistoryFallback checks the histories the
// extension's texts do not cover: a key json.dumps converts, and a value
// it refuses (the executor then shows str() of the result).
func TestLongContextBookingHistoryFallback(t *testing.T) {
	bfcltest.AnchorDir(t)
	a := longAPI(t, longConfig)
	a.bookings.Set(int64(7), pyval.DictOf("travel_cost", 1.0))
	res, err := a.bookFlight("tok", "card_a", "2026-11-10", "SFO", "LAX", "economy")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := pyval.JSONDumps(res) // the dict itself: json.dumps converts the key
	if got := bfcl.ResultString(res); got != want || !strings.Contains(want, `"7": {"travel_cost": 1.0}`) {
		t.Fatalf("got %s\nwant %s", got, want)
	}

	a = longAPI(t, longConfig)
	a.bookings.Set("odd", pyval.DictOf("tags", pyval.NewSet("x")))
	res, err = a.bookFlight("tok", "card_a", "2026-11-10", "SFO", "LAX", "economy")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.(*pyval.Dict); !ok {
		t.Fatalf("result is a %T, want the dict json.dumps fails on", res)
	}
	if got := bfcl.ResultString(res); !strings.HasPrefix(got, "{'booking_id': '") || !strings.Contains(got, "'tags': {'x'}") {
		t.Fatalf("executor shows %s", got)
	}
}

// TestLongContextCardsOwnCopies checks that balance changes on an
// extension card stay in the instance that makes them.
func TestLongContextCardsOwnCopies(t *testing.T) {
	const card = "1234567812345678"
	balance := func(a *API) pyval.Value {
		t.Helper()
		c, _ := a.creditCards.Get(card)
		b, _ := c.(*pyval.Dict).Get("balance")
		return b
	}
	bfcltest.AnchorDir(t)
	b := longAPI(t, longConfig)
	if c, _ := b.creditCards.Get(card); !b.ext.shared[c.(*pyval.Dict)] {
		t.Fatal("the extension card is not shared")
	}
	orig := balance(b)
	// Each method that changes a balance, first thing on a fresh instance.
	for name, step := range map[string]func(a *API) error{
		"book_flight": func(a *API) error {
			_, err := a.bookFlight("tok", card, "2026-11-10", "SFO", "LAX", "economy")
			return err
		},
		"purchase_insurance": func(a *API) error {
			_, err := a.purchaseInsurance("tok", "booking_902", 10.0, card)
			return err
		},
		"cancel_booking": func(a *API) error { _, err := a.cancelBooking("tok", "booking_901"); return err },
	} {
		a := longAPI(t, longConfig)
		fork := a.Clone().(*API)
		if err := step(a); err != nil {
			t.Fatal(err)
		}
		if pyval.Equal(balance(a), orig) {
			t.Errorf("%s: balance stayed %v", name, orig)
		}
		if !pyval.Equal(balance(b), orig) || !pyval.Equal(balance(fork), orig) || !pyval.Equal(balance(longAPI(t, longConfig)), orig) {
			t.Errorf("%s: another instance's balance changed: %v %v, want %v", name, balance(b), balance(fork), orig)
		}
	}
	x, err := loadExtension()
	if err != nil {
		t.Fatal(err)
	}
	c, _ := x.cards.Get(card)
	if got, _ := c.(*pyval.Dict).Get("balance"); !pyval.Equal(got, orig) {
		t.Fatalf("the shared constant changed: %v", got)
	}
}

// TestConfigUnchanged checks that an instance changes none of its
// config (bfcl.New hands a ConfigCopier the entry's own), nor another
// instance loaded from it: every method that changes a card or the
// records, in both variants.
func TestConfigUnchanged(t *testing.T) {
	bfcltest.AnchorDir(t)
	for _, long := range []bool{false, true} {
		cfg, err := pyval.FromJSON([]byte(longConfig))
		if err != nil {
			t.Fatal(err)
		}
		config := cfg.(*pyval.Dict)
		before := pyval.Repr(config)
		a, b := New(), New()
		if err := a.Load(config, long); err != nil {
			t.Fatal(err)
		}
		if err := b.Load(config, long); err != nil {
			t.Fatal(err)
		}
		for _, call := range []func() (pyval.Value, error){
			func() (pyval.Value, error) {
				return a.bookFlight("tok", "card_a", "2026-11-10", "SFO", "LAX", "economy")
			},
			func() (pyval.Value, error) { return a.purchaseInsurance("tok", "own_1", 10.0, "card_a") },
			func() (pyval.Value, error) { return a.cancelBooking("tok", "own_1") },
			func() (pyval.Value, error) { return a.cancelBooking("tok", "booking_902") },
			func() (pyval.Value, error) {
				return a.registerCreditCard("tok", "4444", "01/30", "X Y", int64(1))
			},
			func() (pyval.Value, error) { return a.setBudgetLimit("tok", 5.0) },
		} {
			if _, err := call(); err != nil {
				t.Fatal(err)
			}
		}
		if got := pyval.Repr(config); got != before {
			t.Fatalf("long=%v: the config changed:\n got %s\nwant %s", long, got, before)
		}
		if !pyval.Equal(b.State(), New().loaded(t, config, long).State()) {
			t.Fatalf("long=%v: another instance's state changed", long)
		}
		if pyval.Equal(a.State(), b.State()) {
			t.Fatalf("long=%v: the calls changed nothing", long)
		}
	}
}

// loaded loads a from config.
func (a *API) loaded(t *testing.T, config *pyval.Dict, long bool) *API {
	t.Helper()
	if err := a.Load(config, long); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestRetrieveInvoice checks retrieve_invoice's rendering against
// json.dumps of its dict, with values of every type, and the dict itself
// where json.dumps fails; and its errors for records lacking a field.
func TestRetrieveInvoice(t *testing.T) {
	full := func(extra ...pyval.Value) *pyval.Dict {
		kv := []pyval.Value{"travel_cost", 200.0, "travel_date", "2024-01-02", "travel_from", "caf\u00e9 \"x\"\n",
			"travel_to", []pyval.Value{"a", nil, true}, "travel_class", pyval.DictOf("x", 1.5), "transaction_id", int64(7), int64(3), "int key"}
		return pyval.DictOf(append(kv, extra...)...)
	}
	a := New()
	a.tokenExpiresIn, a.accessToken = int64(2), "tok"
	a.bookings = pyval.DictOf("b1", full(), pyval.Tuple{"t", int64(1)}, full(), "b3", full("x", pyval.NewSet("s")),
		"b4", pyval.DictOf("travel_date", "d"), "b5", "not a dict")
	for _, id := range []pyval.Value{"b1", pyval.Tuple{"t", int64(1)}} {
		got, err := a.retrieveInvoice("tok", id)
		if err != nil {
			t.Fatal(err)
		}
		rec, _ := a.bookings.Get(id)
		kv := []pyval.Value{"booking_id", id}
		for _, f := range invoiceFields {
			v, _ := rec.(*pyval.Dict).Get(f)
			kv = append(kv, f, v)
		}
		want, err := pyval.JSONDumps(pyval.DictOf("invoice", pyval.DictOf(kv...)))
		if err != nil {
			t.Fatal(err)
		}
		if r, ok := bfcl.RenderedText(got); !ok || string(r) != want {
			t.Errorf("invoice of %v = %v, want %s", id, got, want)
		}
	}
	rec3, _ := a.bookings.Get("b3")
	rec3.(*pyval.Dict).Set("travel_class", pyval.NewSet("s"))
	got, err := a.retrieveInvoice("tok", "b3")
	if _, ok := got.(*pyval.Dict); err != nil || !ok || !strings.Contains(bfcl.ResultString(got), "'travel_class': {'s'}") {
		t.Errorf("invoice with a set = %T %s (%v), want the dict shown through str()", got, bfcl.ResultString(got), err)
	}
	if _, err := a.retrieveInvoice("tok", "b4"); err == nil || err.Error() != "'travel_from'" {
		t.Errorf("record without travel_from: %v, want KeyError 'travel_from'", err)
	}
	if _, err := a.retrieveInvoice("tok", "b5"); err == nil || !strings.Contains(err.Error(), "string indices must be integers") {
		t.Errorf("record that is a str: %v", err)
	}
}
