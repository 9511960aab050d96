package airline_test

import (
	"context"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/tool"
)

// Each case runs on a fresh environment. want is the observation the
// reference gives (checked against the reference's Python tools): exact
// for errors and short results, a prefix for results longer than 150
// characters.
var toolCases = []struct{ name, args, want string }{
	{"calculate", "{\"expression\": \"182 * 2 + 50\"}", "414.0"},
	{"book_reservation", "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\", \"date\": \"2024-05-03\"}], \"passengers\": [{\"first_name\": \"A\", \"last_name\": \"B\", \"dob\": \"1990-01-01\"}], \"payment_methods\": [{\"payment_id\": \"credit_card_4104573\", \"amount\": 100}], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", "Error: Flight HAT001 not available on date 2024-05-03"},
	{"book_reservation", "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\", \"date\": \"2024-05-20\"}], \"passengers\": [{\"first_name\": \"A\", \"last_name\": \"B\", \"dob\": \"1990-01-01\"}], \"payment_methods\": [{\"payment_id\": \"credit_card_4104573\", \"amount\": 100}], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", "Error: Payment amount does not add up, total price is 137, but paid 100"},
	{"book_reservation", "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one-way\", \"cabin\": \"first\", \"flights\": [], \"passengers\": [{\"first_name\": \"A\"}], \"payment_methods\": [], \"total_baggages\": \"two\", \"nonfree_baggages\": 0, \"insurance\": \"no\"}", "Error: 2 validation errors for Passenger\nlast_name\n  Field required [type=missing, input_value={'first_name': 'A'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/missing\ndob\n  Field required [type=missing, input_value={'first_name': 'A'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/missing"},
	{"book_reservation", "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [], \"passengers\": [], \"payment_methods\": [{\"payment_id\": \"gift_card_3822922\", \"amount\": 50}], \"total_baggages\": 1, \"nonfree_baggages\": 1, \"insurance\": \"no\"}", "Error: Not enough balance in payment method gift_card_3822922"},
	{"book_reservation", "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [], \"passengers\": [], \"payment_methods\": [{\"payment_id\": \"gift_card_6470207\", \"amount\": 50}], \"total_baggages\": 1, \"nonfree_baggages\": \"1\", \"insurance\": \"no\"}", "Error: unsupported operand type(s) for +=: 'int' and 'str'"},
	{"book_reservation", "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [\"HAT001\"], \"passengers\": [], \"payment_methods\": [], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", "Error: 'str' object has no attribute 'flight_number'"},
	{"book_reservation", "{\"user_id\": \"nobody\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [], \"passengers\": [], \"payment_methods\": [], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", "Error: User nobody not found"},
	{"book_reservation", "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\"}], \"passengers\": [], \"payment_methods\": [], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", "Error: 1 validation error for FlightInfo\ndate\n  Field required [type=missing, input_value={'flight_number': 'HAT001'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/missing"},
	{"cancel_reservation", "{\"reservation_id\": \"WPK8DQ\"}", "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"f"},
	{"cancel_reservation", "{\"reservation_id\": \"ZZZZZZ\"}", "Error: Reservation ZZZZZZ not found"},
	{"get_reservation_details", "{\"reservation_id\": [\"WPK8DQ\"]}", "Error: unhashable type: 'list'"},
	{"get_user_details", "{\"user_id\": 9830}", "Error: User 9830 not found"},
	{"list_all_airports", "{}", "[{\"iata\": \"SFO\", \"city\": \"San Francisco\"}, {\"iata\": \"JFK\", \"city\": \"New York\"}, {\"iata\": \"LAX\", \"city\": \"Los Angeles\"}, {\"iata\": \"ORD\", \"city\": \"Chica"},
	{"search_direct_flight", "{\"origin\": \"PHL\", \"destination\": \"LGA\", \"date\": \"2024-05-20\"}", "[{\"flight_number\": \"HAT001\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"status\": \"available\", \"scheduled_departure_time_est\": \"06:00:00\", \"scheduled_arri"},
	{"search_direct_flight", "{\"origin\": \"PHL\", \"destination\": \"LGA\", \"date\": \"2024-06-20\"}", "[]"},
	{"search_onestop_flight", "{\"origin\": \"JFK\", \"destination\": \"SEA\", \"date\": \"2024-05-20\"}", "[[{\"flight_number\": \"HAT057\", \"origin\": \"JFK\", \"destination\": \"ATL\", \"status\": \"available\", \"scheduled_departure_time_est\": \"07:00:00\", \"scheduled_arr"},
	{"search_onestop_flight", "{\"origin\": \"JFK\", \"destination\": \"SEA\", \"date\": \"2024-05-01\"}", "[]"},
	{"send_certificate", "{\"user_id\": \"mohamed_taylor_9830\", \"amount\": 150}", "Certificate certificate_3221322 added to user mohamed_taylor_9830 with amount 150."},
	{"send_certificate", "{\"user_id\": \"mohamed_taylor_9830\", \"amount\": \"fifty\"}", "Error: 1 validation error for Certificate\namount\n  Input should be a valid number, unable to parse string as a number [type=float_parsing, input_value='fifty', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.12/v/float_parsing"},
	{"send_certificate", "{\"user_id\": \"nobody\", \"amount\": 50}", "Error: User nobody not found"},
	{"transfer_to_human_agents", "{\"summary\": \"wants a refund\"}", "Transfer successful"},
	{"update_reservation_baggages", "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2, \"payment_id\": \"certificate_8746713\"}", "Error: Certificate cannot be used to update reservation"},
	{"update_reservation_baggages", "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2, \"payment_id\": \"gift_card_3822922\"}", "Error: Gift card balance is not enough"},
	{"update_reservation_baggages", "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2, \"payment_id\": \"gift_card_6470207\"}", "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"f"},
	{"update_reservation_baggages", "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": \"2\", \"payment_id\": \"gift_card_6470207\"}", "Error: unsupported operand type(s) for -: 'str' and 'int'"},
	{"update_reservation_baggages", "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2.5, \"payment_id\": \"credit_card_4104573\"}", "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"f"},
	{"update_reservation_baggages", "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2, \"payment_id\": \"paypal_1\"}", "Error: Payment method not found"},
	{"update_reservation_flights", "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"business\", \"flights\": [{\"flight_number\": \"HAT292\", \"date\": \"2024-05-19\"}], \"payment_id\": \"credit_card_4104573\"}", "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"business\", \""},
	{"update_reservation_flights", "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"first\", \"flights\": [{\"flight_number\": \"HAT292\", \"date\": \"2024-05-19\"}], \"payment_id\": \"credit_card_4104573\"}", "Error: 'first'"},
	{"update_reservation_flights", "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\", \"date\": \"2024-05-03\"}], \"payment_id\": \"credit_card_4104573\"}", "Error: Flight HAT001 not available on date 2024-05-03"},
	{"update_reservation_flights", "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT999\", \"date\": \"2024-05-03\"}], \"payment_id\": \"credit_card_4104573\"}", "Error: Flight HAT999 not found"},
	{"update_reservation_flights", "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\", \"date\": \"2024-05-20\"}], \"payment_id\": \"certificate_8746713\"}", "Error: Certificate cannot be used to update reservation"},
	{"update_reservation_passengers", "{\"reservation_id\": \"WPK8DQ\", \"passengers\": []}", "Error: Number of passengers does not match"},
	{"update_reservation_passengers", "{\"reservation_id\": \"WPK8DQ\", \"passengers\": [{\"first_name\": \"A\", \"last_name\": \"B\"}]}", "Error: 1 validation error for Passenger\ndob\n  Field required [type=missing, input_value={'first_name': 'A', 'last_name': 'B'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/missing"},
	{"update_reservation_passengers", "{\"reservation_id\": \"WPK8DQ\", \"passengers\": [{\"first_name\": \"A\", \"last_name\": \"B\", \"dob\": \"2000-01-01\"}]}", "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"f"},
	{"get_flight_status", "{\"flight_number\": \"HAT001\", \"date\": \"2024-05-03\"}", "cancelled"},
	{"get_flight_status", "{\"flight_number\": \"HAT001\", \"date\": \"2024-06-03\"}", "Error: Flight HAT001 not found on date 2024-06-03"},
	{"get_flight_status", "{\"flight_number\": \"HAT000\", \"date\": \"2024-05-03\"}", "Error: Flight HAT000 not found"},
	{"get_flight_status", "{\"flight_number\": \"HAT001\"}", "Error: AirlineTools.get_flight_status() missing 1 required positional argument: 'date'"},
	{"get_flight_status", "{\"flight_number\": \"HAT001\", \"date\": \"2024-05-03\", \"self\": 1}", "Error: Environment.make_tool_call() got multiple values for argument 'self'"},
}

func TestToolObservations(t *testing.T) {
	d := domain(t)
	for _, c := range toolCases {
		t.Run(c.name, func(t *testing.T) {
			e := d.New()
			res := e.CallAs(context.Background(), tau2.Assistant, tool.Call{ID: "1", Name: c.name, Arguments: c.args})
			got := res.Text()
			if len(c.want) >= 150 && !strings.HasPrefix(c.want, "Error: ") {
				if !strings.HasPrefix(got, c.want) {
					t.Errorf("%s %s:\n got %.300s\nwant prefix %s", c.name, c.args, got, c.want)
				}
				return
			}
			if got != c.want {
				t.Errorf("%s %s:\n got %s\nwant %s", c.name, c.args, got, c.want)
			}
			if (res.Error != nil) != strings.HasPrefix(c.want, "Error: ") {
				t.Errorf("%s %s: error result %v", c.name, c.args, res.Error != nil)
			}
		})
	}
}
