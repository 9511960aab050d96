package airline_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2/internal/replay"
)

// Each case runs on a fresh environment. Want is the observation the
// reference gives (checked against the reference's Python tools): exact
// for errors and short results, a prefix for results longer than 150
// characters.
var toolCases = []replay.Observation{
	{Name: "calculate", Args: "{\"expression\": \"182 * 2 + 50\"}", Want: "414.0"},
	{Name: "book_reservation", Args: "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\", \"date\": \"2024-05-03\"}], \"passengers\": [{\"first_name\": \"A\", \"last_name\": \"B\", \"dob\": \"1990-01-01\"}], \"payment_methods\": [{\"payment_id\": \"credit_card_4104573\", \"amount\": 100}], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", Want: "Error: Flight HAT001 not available on date 2024-05-03"},
	{Name: "book_reservation", Args: "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\", \"date\": \"2024-05-20\"}], \"passengers\": [{\"first_name\": \"A\", \"last_name\": \"B\", \"dob\": \"1990-01-01\"}], \"payment_methods\": [{\"payment_id\": \"credit_card_4104573\", \"amount\": 100}], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", Want: "Error: Payment amount does not add up, total price is 137, but paid 100"},
	{Name: "book_reservation", Args: "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one-way\", \"cabin\": \"first\", \"flights\": [], \"passengers\": [{\"first_name\": \"A\"}], \"payment_methods\": [], \"total_baggages\": \"two\", \"nonfree_baggages\": 0, \"insurance\": \"no\"}", Want: "Error: 2 validation errors for Passenger\nlast_name\n  Field required [type=missing, input_value={'first_name': 'A'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/missing\ndob\n  Field required [type=missing, input_value={'first_name': 'A'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/missing"},
	{Name: "book_reservation", Args: "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [], \"passengers\": [], \"payment_methods\": [{\"payment_id\": \"gift_card_3822922\", \"amount\": 50}], \"total_baggages\": 1, \"nonfree_baggages\": 1, \"insurance\": \"no\"}", Want: "Error: Not enough balance in payment method gift_card_3822922"},
	{Name: "book_reservation", Args: "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [], \"passengers\": [], \"payment_methods\": [{\"payment_id\": \"gift_card_6470207\", \"amount\": 50}], \"total_baggages\": 1, \"nonfree_baggages\": \"1\", \"insurance\": \"no\"}", Want: "Error: unsupported operand type(s) for +=: 'int' and 'str'"},
	{Name: "book_reservation", Args: "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [\"HAT001\"], \"passengers\": [], \"payment_methods\": [], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", Want: "Error: 'str' object has no attribute 'flight_number'"},
	{Name: "book_reservation", Args: "{\"user_id\": \"nobody\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [], \"passengers\": [], \"payment_methods\": [], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", Want: "Error: User nobody not found"},
	{Name: "book_reservation", Args: "{\"user_id\": \"mohamed_taylor_9830\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\"}], \"passengers\": [], \"payment_methods\": [], \"total_baggages\": 0, \"nonfree_baggages\": 0, \"insurance\": \"no\"}", Want: "Error: 1 validation error for FlightInfo\ndate\n  Field required [type=missing, input_value={'flight_number': 'HAT001'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/missing"},
	{Name: "cancel_reservation", Args: "{\"reservation_id\": \"WPK8DQ\"}", Want: "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"f"},
	{Name: "cancel_reservation", Args: "{\"reservation_id\": \"ZZZZZZ\"}", Want: "Error: Reservation ZZZZZZ not found"},
	{Name: "get_reservation_details", Args: "{\"reservation_id\": [\"WPK8DQ\"]}", Want: "Error: unhashable type: 'list'"},
	{Name: "get_user_details", Args: "{\"user_id\": 9830}", Want: "Error: User 9830 not found"},
	{Name: "list_all_airports", Args: "{}", Want: "[{\"iata\": \"SFO\", \"city\": \"San Francisco\"}, {\"iata\": \"JFK\", \"city\": \"New York\"}, {\"iata\": \"LAX\", \"city\": \"Los Angeles\"}, {\"iata\": \"ORD\", \"city\": \"Chica"},
	{Name: "search_direct_flight", Args: "{\"origin\": \"PHL\", \"destination\": \"LGA\", \"date\": \"2024-05-20\"}", Want: "[{\"flight_number\": \"HAT001\", \"origin\": \"PHL\", \"destination\": \"LGA\", \"status\": \"available\", \"scheduled_departure_time_est\": \"06:00:00\", \"scheduled_arri"},
	{Name: "search_direct_flight", Args: "{\"origin\": \"PHL\", \"destination\": \"LGA\", \"date\": \"2024-06-20\"}", Want: "[]"},
	{Name: "search_onestop_flight", Args: "{\"origin\": \"JFK\", \"destination\": \"SEA\", \"date\": \"2024-05-20\"}", Want: "[[{\"flight_number\": \"HAT057\", \"origin\": \"JFK\", \"destination\": \"ATL\", \"status\": \"available\", \"scheduled_departure_time_est\": \"07:00:00\", \"scheduled_arr"},
	{Name: "search_onestop_flight", Args: "{\"origin\": \"JFK\", \"destination\": \"SEA\", \"date\": \"2024-05-01\"}", Want: "[]"},
	{Name: "send_certificate", Args: "{\"user_id\": \"mohamed_taylor_9830\", \"amount\": 150}", Want: "Certificate certificate_3221322 added to user mohamed_taylor_9830 with amount 150."},
	{Name: "send_certificate", Args: "{\"user_id\": \"mohamed_taylor_9830\", \"amount\": \"fifty\"}", Want: "Error: 1 validation error for Certificate\namount\n  Input should be a valid number, unable to parse string as a number [type=float_parsing, input_value='fifty', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.12/v/float_parsing"},
	{Name: "send_certificate", Args: "{\"user_id\": \"nobody\", \"amount\": 50}", Want: "Error: User nobody not found"},
	{Name: "transfer_to_human_agents", Args: "{\"summary\": \"wants a refund\"}", Want: "Transfer successful"},
	{Name: "update_reservation_baggages", Args: "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2, \"payment_id\": \"certificate_8746713\"}", Want: "Error: Certificate cannot be used to update reservation"},
	{Name: "update_reservation_baggages", Args: "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2, \"payment_id\": \"gift_card_3822922\"}", Want: "Error: Gift card balance is not enough"},
	{Name: "update_reservation_baggages", Args: "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2, \"payment_id\": \"gift_card_6470207\"}", Want: "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"f"},
	{Name: "update_reservation_baggages", Args: "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": \"2\", \"payment_id\": \"gift_card_6470207\"}", Want: "Error: unsupported operand type(s) for -: 'str' and 'int'"},
	{Name: "update_reservation_baggages", Args: "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2.5, \"payment_id\": \"credit_card_4104573\"}", Want: "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"f"},
	{Name: "update_reservation_baggages", Args: "{\"reservation_id\": \"WPK8DQ\", \"total_baggages\": 2, \"nonfree_baggages\": 2, \"payment_id\": \"paypal_1\"}", Want: "Error: Payment method not found"},
	{Name: "update_reservation_flights", Args: "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"business\", \"flights\": [{\"flight_number\": \"HAT292\", \"date\": \"2024-05-19\"}], \"payment_id\": \"credit_card_4104573\"}", Want: "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"business\", \""},
	{Name: "update_reservation_flights", Args: "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"first\", \"flights\": [{\"flight_number\": \"HAT292\", \"date\": \"2024-05-19\"}], \"payment_id\": \"credit_card_4104573\"}", Want: "Error: 'first'"},
	{Name: "update_reservation_flights", Args: "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\", \"date\": \"2024-05-03\"}], \"payment_id\": \"credit_card_4104573\"}", Want: "Error: Flight HAT001 not available on date 2024-05-03"},
	{Name: "update_reservation_flights", Args: "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT999\", \"date\": \"2024-05-03\"}], \"payment_id\": \"credit_card_4104573\"}", Want: "Error: Flight HAT999 not found"},
	{Name: "update_reservation_flights", Args: "{\"reservation_id\": \"WPK8DQ\", \"cabin\": \"economy\", \"flights\": [{\"flight_number\": \"HAT001\", \"date\": \"2024-05-20\"}], \"payment_id\": \"certificate_8746713\"}", Want: "Error: Certificate cannot be used to update reservation"},
	{Name: "update_reservation_passengers", Args: "{\"reservation_id\": \"WPK8DQ\", \"passengers\": []}", Want: "Error: Number of passengers does not match"},
	{Name: "update_reservation_passengers", Args: "{\"reservation_id\": \"WPK8DQ\", \"passengers\": [{\"first_name\": \"A\", \"last_name\": \"B\"}]}", Want: "Error: 1 validation error for Passenger\ndob\n  Field required [type=missing, input_value={'first_name': 'A', 'last_name': 'B'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.12/v/missing"},
	{Name: "update_reservation_passengers", Args: "{\"reservation_id\": \"WPK8DQ\", \"passengers\": [{\"first_name\": \"A\", \"last_name\": \"B\", \"dob\": \"2000-01-01\"}]}", Want: "{\"reservation_id\": \"WPK8DQ\", \"user_id\": \"mohamed_taylor_9830\", \"origin\": \"MIA\", \"destination\": \"JFK\", \"flight_type\": \"one_way\", \"cabin\": \"economy\", \"f"},
	{Name: "get_flight_status", Args: "{\"flight_number\": \"HAT001\", \"date\": \"2024-05-03\"}", Want: "cancelled"},
	{Name: "get_flight_status", Args: "{\"flight_number\": \"HAT001\", \"date\": \"2024-06-03\"}", Want: "Error: Flight HAT001 not found on date 2024-06-03"},
	{Name: "get_flight_status", Args: "{\"flight_number\": \"HAT000\", \"date\": \"2024-05-03\"}", Want: "Error: Flight HAT000 not found"},
	{Name: "get_flight_status", Args: "{\"flight_number\": \"HAT001\"}", Want: "Error: AirlineTools.get_flight_status() missing 1 required positional argument: 'date'"},
	{Name: "get_flight_status", Args: "{\"flight_number\": \"HAT001\", \"date\": \"2024-05-03\", \"self\": 1}", Want: "Error: Environment.make_tool_call() got multiple values for argument 'self'"},
}

func TestToolObservations(t *testing.T) {
	replay.CheckObservations(t, domain(t), toolCases)
}
