// Package airline is tau2-bench's airline domain (domains/airline in
// sierra-research/tau2-bench): flights with per-date status, seats and
// prices, users with payment methods, and reservations, with the
// AirlineTools toolkit an agent uses to search, book, modify and cancel
// them. The reference's clock is fixed: "now" is 2024-05-15T15:00:00.
//
// The database holds what the reference's FlightDB.model_dump() gives, so
// that Hash equals the reference's get_db_hash; the tools reproduce the
// reference's results and exception texts, including Python's and
// pydantic's own when a model sends arguments of other types.
package airline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// Name is the domain's name.
const Name = "airline"

// Database file names in a domain folder.
const (
	DBFile = "db.json"
	// ReconstructedDBFile is the anchors' stand-in for the upstream
	// db.json, whose git blob could not be obtained: tau-bench v1's airline
	// data with tau2's changes re-applied. It is not byte-identical to
	// upstream (its hashes are not upstream's), but all 50 tau2 airline
	// gold trajectories replay on it without a tool error. See
	// shared/anchors/tau/README.md.
	ReconstructedDBFile = "db.reconstructed-unverified.json"
)

// Now is the reference's fixed current time (AirlineTools._get_datetime).
const Now = "2024-05-15T15:00:00"

func init() {
	tau2.Register(Name, func(dir string) (tau2.Domain, error) { return Load(dir) })
}

var (
	cabinClass       = tau2.Literal("business", "economy", "basic_economy")
	flightType       = tau2.Literal("round_trip", "one_way")
	insurance        = tau2.Literal("yes", "no")
	airportCodeModel = &tau2.Model{Name: "AirportCode", Fields: []tau2.Field{
		tau2.F("iata", tau2.Str, "IATA code"),
		tau2.F("city", tau2.Str, "City name"),
	}}
	nameModel = &tau2.Model{Name: "Name", Fields: []tau2.Field{
		tau2.F("first_name", tau2.Str, "The person's first name"),
		tau2.F("last_name", tau2.Str, "The person's last name"),
	}}
	addressModel = &tau2.Model{Name: "Address", Fields: []tau2.Field{
		tau2.F("address1", tau2.Str, "Primary address line"),
		tau2.FD("address2", tau2.Optional(tau2.Str), "Secondary address line (optional)", nil),
		tau2.F("city", tau2.Str, "City name"),
		tau2.F("country", tau2.Str, "Country name"),
		tau2.F("state", tau2.Str, "State or province name"),
		tau2.F("zip", tau2.Str, "Postal code"),
	}}
	paymentModel = &tau2.Model{Name: "Payment", Fields: []tau2.Field{
		tau2.F("payment_id", tau2.Str, "Unique identifier for the payment"),
		tau2.F("amount", tau2.Int, "Payment amount in dollars"),
	}}
	creditCardModel = &tau2.Model{Name: "CreditCard", Fields: []tau2.Field{
		tau2.F("source", tau2.Literal("credit_card"), "Indicates this is a credit card payment method"),
		tau2.F("id", tau2.Str, "Unique identifier for the payment method"),
		tau2.F("brand", tau2.Str, "Credit card brand (e.g., visa, mastercard)"),
		tau2.F("last_four", tau2.Str, "Last four digits of the credit card"),
	}}
	giftCardModel = &tau2.Model{Name: "GiftCard", Fields: []tau2.Field{
		tau2.F("source", tau2.Literal("gift_card"), "Indicates this is a gift card payment method"),
		tau2.F("id", tau2.Str, "Unique identifier for the gift card"),
		tau2.F("amount", tau2.Float, "Gift card value amount"),
	}}
	certificateModel = &tau2.Model{Name: "Certificate", Fields: []tau2.Field{
		tau2.F("source", tau2.Literal("certificate"), "Indicates this is a certificate payment method"),
		tau2.F("id", tau2.Str, "Unique identifier for the payment method"),
		tau2.F("amount", tau2.Float, "Certificate value amount"),
	}}
	passengerModel = &tau2.Model{Name: "Passenger", Fields: []tau2.Field{
		tau2.F("first_name", tau2.Str, "Passenger's first name"),
		tau2.F("last_name", tau2.Str, "Passenger's last name"),
		tau2.F("dob", tau2.Str, "Date of birth in YYYY-MM-DD format"),
	}}
	seatsType       = tau2.Dict(cabinClass, tau2.Int)
	statusAvailable = &tau2.Model{Name: "FlightDateStatusAvailable", Fields: []tau2.Field{
		tau2.F("status", tau2.Literal("available"), ""),
		tau2.F("available_seats", seatsType, ""),
		tau2.F("prices", seatsType, ""),
	}}
	statusLanded = &tau2.Model{Name: "FlightDateStatusLanded", Fields: []tau2.Field{
		tau2.F("status", tau2.Literal("landed"), ""),
		tau2.F("actual_departure_time_est", tau2.Str, ""),
		tau2.F("actual_arrival_time_est", tau2.Str, ""),
	}}
	statusCancelled = &tau2.Model{Name: "FlightDateStatusCancelled", Fields: []tau2.Field{
		tau2.F("status", tau2.Literal("cancelled"), ""),
	}}
	statusDelayed = &tau2.Model{Name: "FlightDateStatusDelayed", Fields: []tau2.Field{
		tau2.F("status", tau2.Literal("delayed"), ""),
		tau2.F("estimated_departure_time_est", tau2.Str, ""),
		tau2.F("estimated_arrival_time_est", tau2.Str, ""),
	}}
	statusFlying = &tau2.Model{Name: "FlightDataStatusFlying", Fields: []tau2.Field{
		tau2.F("status", tau2.Literal("flying"), ""),
		tau2.F("actual_departure_time_est", tau2.Str, ""),
		tau2.F("estimated_arrival_time_est", tau2.Str, ""),
	}}
	statusOnTime = &tau2.Model{Name: "FlightDataStatusOnTime", Fields: []tau2.Field{
		tau2.F("status", tau2.Literal("on time"), ""),
		tau2.F("estimated_departure_time_est", tau2.Str, ""),
		tau2.F("estimated_arrival_time_est", tau2.Str, ""),
	}}
	flightModel = &tau2.Model{Name: "Flight", Fields: []tau2.Field{
		tau2.F("flight_number", tau2.Str, ""),
		tau2.F("origin", tau2.Str, ""),
		tau2.F("destination", tau2.Str, ""),
		tau2.F("scheduled_departure_time_est", tau2.Str, ""),
		tau2.F("scheduled_arrival_time_est", tau2.Str, ""),
		tau2.F("dates", tau2.Dict(nil, tau2.Union(tau2.ModelType(statusAvailable), tau2.ModelType(statusLanded),
			tau2.ModelType(statusCancelled), tau2.ModelType(statusDelayed), tau2.ModelType(statusFlying),
			tau2.ModelType(statusOnTime))), ""),
	}}
	directFlightModel = &tau2.Model{Name: "DirectFlight", Fields: []tau2.Field{
		tau2.F("flight_number", tau2.Str, ""),
		tau2.F("origin", tau2.Str, ""),
		tau2.F("destination", tau2.Str, ""),
		tau2.F("status", tau2.Literal("available"), ""),
		tau2.F("scheduled_departure_time_est", tau2.Str, ""),
		tau2.F("scheduled_arrival_time_est", tau2.Str, ""),
		tau2.FD("date", tau2.Optional(tau2.Str), "", nil),
		tau2.F("available_seats", seatsType, ""),
		tau2.F("prices", seatsType, ""),
	}}
	reservationFlightModel = &tau2.Model{Name: "ReservationFlight", Fields: []tau2.Field{
		tau2.F("flight_number", tau2.Str, ""),
		tau2.F("origin", tau2.Str, ""),
		tau2.F("destination", tau2.Str, ""),
		tau2.F("date", tau2.Str, ""),
		tau2.F("price", tau2.Int, ""),
	}}
	flightInfoModel = &tau2.Model{Name: "FlightInfo", Fields: []tau2.Field{
		tau2.F("flight_number", tau2.Str, "Flight number, such as 'HAT001'."),
		tau2.F("date", tau2.Str, "The date for the flight in the format 'YYYY-MM-DD', such as '2024-05-01'."),
	}}
	userModel = &tau2.Model{Name: "User", Fields: []tau2.Field{
		tau2.F("user_id", tau2.Str, ""),
		tau2.F("name", tau2.ModelType(nameModel), ""),
		tau2.F("address", tau2.ModelType(addressModel), ""),
		tau2.F("email", tau2.Str, ""),
		tau2.F("dob", tau2.Str, ""),
		tau2.F("payment_methods", tau2.Dict(nil, tau2.Union(tau2.ModelType(creditCardModel),
			tau2.ModelType(giftCardModel), tau2.ModelType(certificateModel))), ""),
		tau2.F("saved_passengers", tau2.List(tau2.ModelType(passengerModel)), ""),
		tau2.F("membership", tau2.Literal("gold", "silver", "regular"), ""),
		tau2.F("reservations", tau2.List(tau2.Str), ""),
	}}
	reservationModel = &tau2.Model{Name: "Reservation", Fields: []tau2.Field{
		tau2.F("reservation_id", tau2.Str, ""),
		tau2.F("user_id", tau2.Str, ""),
		tau2.F("origin", tau2.Str, ""),
		tau2.F("destination", tau2.Str, ""),
		tau2.F("flight_type", flightType, ""),
		tau2.F("cabin", cabinClass, ""),
		tau2.F("flights", tau2.List(tau2.ModelType(reservationFlightModel)), ""),
		tau2.F("passengers", tau2.List(tau2.ModelType(passengerModel)), ""),
		tau2.F("payment_history", tau2.List(tau2.ModelType(paymentModel)), ""),
		tau2.F("created_at", tau2.Str, ""),
		tau2.F("total_baggages", tau2.Int, ""),
		tau2.F("nonfree_baggages", tau2.Int, ""),
		tau2.F("insurance", insurance, ""),
		tau2.FD("status", tau2.Optional(tau2.Literal("cancelled")), "", nil),
	}}
	// DBModel is FlightDB (extra fields forbidden, as BaseModelNoExtra).
	DBModel = &tau2.Model{Name: "FlightDB", Forbid: true, Fields: []tau2.Field{
		tau2.F("flights", tau2.Dict(nil, tau2.ModelType(flightModel)), ""),
		tau2.F("users", tau2.Dict(nil, tau2.ModelType(userModel)), ""),
		tau2.F("reservations", tau2.Dict(nil, tau2.ModelType(reservationModel)), ""),
	}}
)

// Load reads the domain's database from dir: db.json, or when that is
// absent db.reconstructed-unverified.json (see ReconstructedDBFile).
func Load(dir string) (*tau2.DBDomain, error) {
	b, err := os.ReadFile(filepath.Join(dir, DBFile))
	if errors.Is(err, fs.ErrNotExist) {
		b, err = os.ReadFile(filepath.Join(dir, ReconstructedDBFile))
	}
	if err != nil {
		return nil, fmt.Errorf("airline: %w", err)
	}
	return FromJSON(b)
}

// FromJSON builds the domain from the text of a db.json.
func FromJSON(b []byte) (*tau2.DBDomain, error) {
	data, err := pyval.FromJSON(b)
	if err != nil {
		return nil, fmt.Errorf("airline: database: %w", err)
	}
	return tau2.NewDBDomain(Name, DBModel, Toolkit, data)
}
