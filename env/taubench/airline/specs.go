package airline

// The tools' specs, as the reference's get_info() writes them: models read
// these names, descriptions and schemas, so they stay verbatim (property
// order included).

import (
	"encoding/json"

	"github.com/toolgym/toolgym/tool"
)

var bookReservationSpec = tool.Spec{
	Name:        "book_reservation",
	Description: "Book a reservation.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"user_id":{"type":"string","description":"The ID of the user to book the reservation, such as 'sara_doe_496'."},"origin":{"type":"string","description":"The IATA code for the origin city, such as 'SFO'."},"destination":{"type":"string","description":"The IATA code for the destination city, such as 'JFK'."},"flight_type":{"type":"string","enum":["one_way","round_trip"]},"cabin":{"type":"string","enum":["basic_economy","economy","business"]},"flights":{"type":"array","description":"An array of objects containing details about each piece of flight.","items":{"type":"object","properties":{"flight_number":{"type":"string","description":"Flight number, such as 'HAT001'."},"date":{"type":"string","description":"The date for the flight in the format 'YYYY-MM-DD', such as '2024-05-01'."}},"required":["flight_number","date"]}},"passengers":{"type":"array","description":"An array of objects containing details about each passenger.","items":{"type":"object","properties":{"first_name":{"type":"string","description":"The first name of the passenger, such as 'Noah'."},"last_name":{"type":"string","description":"The last name of the passenger, such as 'Brown'."},"dob":{"type":"string","description":"The date of birth of the passenger in the format 'YYYY-MM-DD', such as '1990-01-01'."}},"required":["first_name","last_name","dob"]}},"payment_methods":{"type":"array","description":"An array of objects containing details about each payment method.","items":{"type":"object","properties":{"payment_id":{"type":"string","description":"The payment id stored in user profile, such as 'credit_card_7815826', 'gift_card_7815826', 'certificate_7815826'."},"amount":{"type":"number","description":"The amount to be paid."}},"required":["payment_id","amount"]}},"total_baggages":{"type":"integer","description":"The total number of baggage items included in the reservation."},"nonfree_baggages":{"type":"integer","description":"The number of non-free baggage items included in the reservation."},"insurance":{"type":"string","enum":["yes","no"]}},"required":["user_id","origin","destination","flight_type","cabin","flights","passengers","payment_methods","total_baggages","nonfree_baggages","insurance"]}`),
}

var calculateSpec = tool.Spec{
	Name:        "calculate",
	Description: "Calculate the result of a mathematical expression.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"expression":{"type":"string","description":"The mathematical expression to calculate, such as '2 + 2'. The expression can contain numbers, operators (+, -, *, /), parentheses, and spaces."}},"required":["expression"]}`),
}

var cancelReservationSpec = tool.Spec{
	Name:        "cancel_reservation",
	Description: "Cancel the whole reservation.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"reservation_id":{"type":"string","description":"The reservation ID, such as 'ZFA04Y'."}},"required":["reservation_id"]}`),
}

var getReservationDetailsSpec = tool.Spec{
	Name:        "get_reservation_details",
	Description: "Get the details of a reservation.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"reservation_id":{"type":"string","description":"The reservation id, such as '8JX2WO'."}},"required":["reservation_id"]}`),
}

var getUserDetailsSpec = tool.Spec{
	Name:        "get_user_details",
	Description: "Get the details of an user, including their reservations.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"user_id":{"type":"string","description":"The user id, such as 'sara_doe_496'."}},"required":["user_id"]}`),
}

var listAllAirportsSpec = tool.Spec{
	Name:        "list_all_airports",
	Description: "List all airports and their cities.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{},"required":[]}`),
}

var searchDirectFlightSpec = tool.Spec{
	Name:        "search_direct_flight",
	Description: "Search direct flights between two cities on a specific date.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"origin":{"type":"string","description":"The origin city airport in three letters, such as 'JFK'."},"destination":{"type":"string","description":"The destination city airport in three letters, such as 'LAX'."},"date":{"type":"string","description":"The date of the flight in the format 'YYYY-MM-DD', such as '2024-01-01'."}},"required":["origin","destination","date"]}`),
}

var searchOnestopFlightSpec = tool.Spec{
	Name:        "search_onestop_flight",
	Description: "Search direct flights between two cities on a specific date.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"origin":{"type":"string","description":"The origin city airport in three letters, such as 'JFK'."},"destination":{"type":"string","description":"The destination city airport in three letters, such as 'LAX'."},"date":{"type":"string","description":"The date of the flight in the format 'YYYY-MM-DD', such as '2024-05-01'."}},"required":["origin","destination","date"]}`),
}

var sendCertificateSpec = tool.Spec{
	Name:        "send_certificate",
	Description: "Send a certificate to a user. Be careful!",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"user_id":{"type":"string","description":"The ID of the user to book the reservation, such as 'sara_doe_496'."},"amount":{"type":"number","description":"Certificate amount to send."}},"required":["user_id","amount"]}`),
}

var thinkSpec = tool.Spec{
	Name:        "think",
	Description: "Use the tool to think about something. It will not obtain new information or change the database, but just append the thought to the log. Use it when complex reasoning is needed.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"thought":{"type":"string","description":"A thought to think about."}},"required":["thought"]}`),
}

var transferToHumanAgentsSpec = tool.Spec{
	Name:        "transfer_to_human_agents",
	Description: "Transfer the user to a human agent, with a summary of the user's issue. Only transfer if the user explicitly asks for a human agent, or if the user's issue cannot be resolved by the agent with the available tools.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"summary":{"type":"string","description":"A summary of the user's issue."}},"required":["summary"]}`),
}

var updateReservationBaggagesSpec = tool.Spec{
	Name:        "update_reservation_baggages",
	Description: "Update the baggage information of a reservation.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"reservation_id":{"type":"string","description":"The reservation ID, such as 'ZFA04Y'."},"total_baggages":{"type":"integer","description":"The updated total number of baggage items included in the reservation."},"nonfree_baggages":{"type":"integer","description":"The updated number of non-free baggage items included in the reservation."},"payment_id":{"type":"string","description":"The payment id stored in user profile, such as 'credit_card_7815826', 'gift_card_7815826', 'certificate_7815826'."}},"required":["reservation_id","total_baggages","nonfree_baggages","payment_id"]}`),
}

var updateReservationFlightsSpec = tool.Spec{
	Name:        "update_reservation_flights",
	Description: "Update the flight information of a reservation.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"reservation_id":{"type":"string","description":"The reservation ID, such as 'ZFA04Y'."},"cabin":{"type":"string","enum":["basic_economy","economy","business"]},"flights":{"type":"array","description":"An array of objects containing details about each piece of flight in the ENTIRE new reservation. Even if the a flight segment is not changed, it should still be included in the array.","items":{"type":"object","properties":{"flight_number":{"type":"string","description":"Flight number, such as 'HAT001'."},"date":{"type":"string","description":"The date for the flight in the format 'YYYY-MM-DD', such as '2024-05-01'."}},"required":["flight_number","date"]}},"payment_id":{"type":"string","description":"The payment id stored in user profile, such as 'credit_card_7815826', 'gift_card_7815826', 'certificate_7815826'."}},"required":["reservation_id","cabin","flights","payment_id"]}`),
}

var updateReservationPassengersSpec = tool.Spec{
	Name:        "update_reservation_passengers",
	Description: "Update the passenger information of a reservation.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"reservation_id":{"type":"string","description":"The reservation ID, such as 'ZFA04Y'."},"passengers":{"type":"array","description":"An array of objects containing details about each passenger.","items":{"type":"object","properties":{"first_name":{"type":"string","description":"The first name of the passenger, such as 'Noah'."},"last_name":{"type":"string","description":"The last name of the passenger, such as 'Brown'."},"dob":{"type":"string","description":"The date of birth of the passenger in the format 'YYYY-MM-DD', such as '1990-01-01'."}},"required":["first_name","last_name","dob"]}}},"required":["reservation_id","passengers"]}`),
}
