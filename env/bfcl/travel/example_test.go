package travel_test

import (
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	_ "github.com/toolgym/toolgym/env/bfcl/travel" // registers TravelAPI
	"github.com/toolgym/toolgym/pyval"
)

// A TravelAPI world from an entry's initial_config, driven by the calls a
// model writes; results are the strings the reference shows the model.
func Example() {
	config := pyval.DictOf("TravelAPI", pyval.DictOf(
		"credit_card_list", pyval.DictOf("card_1", pyval.DictOf("card_number", "4111", "balance", 2000.0)),
		"access_token", "tok123",
		"token_expires_in", int64(3600),
		"budget_limit", 500.0,
	))
	e, err := bfcl.New([]string{"TravelAPI"}, config, false)
	if err != nil {
		panic(err)
	}
	for _, call := range []string{
		"get_nearest_airport_by_city(location='Rivermist')",
		"get_flight_cost(travel_from='RMS', travel_to='JFK', travel_date='2024-11-15', travel_class='economy')",
		"book_flight(access_token='tok123', card_id='card_1', travel_date='2024-11-15', travel_from='RMS', travel_to='JFK', travel_class='economy')",
		"compute_exchange_rate(base_currency='USD', target_currency='EUR', value=210.0)",
		"cancel_booking(access_token='tok123', booking_id='0000000')",
	} {
		fmt.Println(e.Exec(call))
	}
	// Output:
	// {"nearest_airport": "RMS"}
	// {"travel_cost_list": [420.0]}
	// {"booking_id": "3426812", "transaction_id": "45451592", "booking_status": true, "booking_history": {}}
	// {"exchanged_value": 168.0}
	// {"cancel_status": false, "error": "Booking not found"}
}
