package airline_test

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

// initialHash is get_db_hash() of the reference's FlightDB loaded from
// the anchors' reconstructed db (replay_expected.json, task 0, which makes
// no change).
const initialHash = "8326ba61880ee4fdef3851d9e252cc095148faf6326713a7c8c3a31aaf1e3783"

func call(t *testing.T, e tau2.Env, name, args string) tool.Result {
	t.Helper()
	return e.Call(context.Background(), tool.Call{ID: "c", Name: name, Arguments: args})
}

func TestInitialState(t *testing.T) {
	e := domain(t).New()
	replay.CheckInitialState(t, e, initialHash)
	// model_dump fills the users' optional address2 and the reservations'
	// status with None, in field order.
	dump := e.Dump(tau2.Assistant).(*pyval.Dict)
	res, _ := dump.Get("reservations")
	r, _ := res.(*pyval.Dict).Get("WPK8DQ")
	keys := r.(*pyval.Dict).Keys()
	if len(keys) != 14 || keys[13] != "status" {
		t.Errorf("reservation fields %v", keys)
	}
}

func TestForkIsolation(t *testing.T) {
	base := domain(t).New()
	f := base.Fork().(tau2.Env)
	res := call(t, f, "book_reservation", `{"user_id": "mohamed_taylor_9830", "origin": "PHL", "destination": "LGA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-20"}], "passengers": [{"first_name": "A", "last_name": "B", "dob": "1990-01-01"}], "payment_methods": [{"payment_id": "gift_card_6470207", "amount": 137}], "total_baggages": 0, "nonfree_baggages": 0, "insurance": "no"}`)
	if res.Error != nil {
		t.Fatal(res.Text())
	}
	if !strings.Contains(res.Text(), `"reservation_id": "HATHAT"`) || !strings.Contains(res.Text(), `"created_at": "2024-05-15T15:00:00"`) {
		t.Errorf("booking: %.500s", res.Text())
	}
	if base.SameState(tau2.Assistant, f) {
		t.Error("SameState after a booking on the fork")
	}
	if got := call(t, base, "get_reservation_details", `{"reservation_id": "HATHAT"}`).Text(); got != "Error: Reservation HATHAT not found" {
		t.Errorf("the base sees the fork's booking: %.200s", got)
	}
	// The seats and the gift card were taken on the fork only.
	seats := func(e tau2.Env) string {
		return call(t, e, "search_direct_flight", `{"origin": "PHL", "destination": "LGA", "date": "2024-05-20"}`).Text()
	}
	if seats(base) == seats(f) {
		t.Error("seat counts equal after the booking")
	}
	if strings.Contains(call(t, f, "get_user_details", `{"user_id": "mohamed_taylor_9830"}`).Text(), `"amount": 145.0`) {
		t.Error("the gift card was not charged")
	}
	if !strings.Contains(call(t, base, "get_user_details", `{"user_id": "mohamed_taylor_9830"}`).Text(), `"amount": 145.0`) {
		t.Error("the base's gift card was charged")
	}
	if hb, _ := base.Hash(tau2.Assistant); hb != initialHash {
		t.Error("base hash changed")
	}
	// Ids are per environment: the base books HATHAT too.
	res = call(t, base, "book_reservation", `{"user_id": "mohamed_taylor_9830", "origin": "PHL", "destination": "LGA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-20"}], "passengers": [{"first_name": "A", "last_name": "B", "dob": "1990-01-01"}], "payment_methods": [{"payment_id": "gift_card_6470207", "amount": 137}], "total_baggages": 0, "nonfree_baggages": 0, "insurance": "no"}`)
	if res.Error != nil || !base.SameState(tau2.Assistant, f) {
		t.Errorf("same booking, different states: %v", res.Error)
	}
}

// TestToolSpecs compares the tool specs with testdata/tools.golden.json
// (go test -run TestToolSpecs -update rewrites it). The file was checked
// against the reference's as_tool output: the same description and
// parameters JSON, key order included, for every tool.
func TestToolSpecs(t *testing.T) {
	replay.CheckToolSpecs(t, domain(t).New(), filepath.Join("testdata", "tools.golden.json"), *update)
}
