// Package airline is tau-bench's (v1) airline domain: flights,
// reservations and users, and the fourteen tools of the reference
// (sierra-research/tau-bench, tau_bench/envs/airline), each reproducing the
// reference's observation for any arguments, malformed ones included.
//
// Load reads the data once; each Data.New is a fresh env forked from it
// in microseconds. The suite layer registers the domain; this package
// registers nothing.
package airline

import (
	"github.com/toolgym/toolgym/env/taubench"
	"github.com/toolgym/toolgym/tool"
)

// Data is the airline data, loaded once; Data.New makes envs from it.
type Data = taubench.Data

// Env is one airline environment (see taubench.Env).
type Env = taubench.Env

// Files are the data files Load reads.
var Files = []string{"flights.json", "reservations.json", "users.json"}

// TerminateTools are the tools whose call ends an episode (the reference's
// terminate_tools).
var TerminateTools = []string{"transfer_to_human_agents"}

const modulePrefix = "tau_bench.envs.airline.tools."

// Domain describes the airline domain: its tables and the reference's
// ALL_TOOLS, in order.
var Domain = &taubench.Domain{
	Name:      "airline",
	Tables:    []string{"flights", "reservations", "users"},
	Terminate: TerminateTools,
	Tools: []taubench.Tool{
		taubench.WriteTool(bookReservationSpec, "BookReservation", modulePrefix+"book_reservation",
			[]string{"user_id", "origin", "destination", "flight_type", "cabin", "flights", "passengers",
				"payment_methods", "total_baggages", "nonfree_baggages", "insurance"}, bookReservation),
		taubench.CalculateTool(calculateSpec, modulePrefix+"calculate"),
		taubench.WriteTool(cancelReservationSpec, "CancelReservation", modulePrefix+"cancel_reservation",
			[]string{"reservation_id"}, cancelReservation),
		taubench.ReadTool(getReservationDetailsSpec, "GetReservationDetails", modulePrefix+"get_reservation_details",
			[]string{"reservation_id"}, getReservationDetails),
		taubench.ReadTool(getUserDetailsSpec, "GetUserDetails", modulePrefix+"get_user_details",
			[]string{"user_id"}, getUserDetails),
		taubench.ReadTool(listAllAirportsSpec, "ListAllAirports", modulePrefix+"list_all_airports",
			nil, listAllAirports),
		taubench.ReadTool(searchDirectFlightSpec, "SearchDirectFlight", modulePrefix+"search_direct_flight",
			[]string{"origin", "destination", "date"}, searchDirectFlight),
		taubench.ReadTool(searchOnestopFlightSpec, "SearchOnestopFlight", modulePrefix+"search_onestop_flight",
			[]string{"origin", "destination", "date"}, searchOnestopFlight),
		taubench.WriteTool(sendCertificateSpec, "SendCertificate", modulePrefix+"send_certificate",
			[]string{"user_id", "amount"}, sendCertificate),
		taubench.ThinkTool(thinkSpec, modulePrefix+"think"),
		taubench.TransferTool(transferToHumanAgentsSpec, modulePrefix+"transfer_to_human_agents"),
		taubench.WriteTool(updateReservationBaggagesSpec, "UpdateReservationBaggages", modulePrefix+"update_reservation_baggages",
			[]string{"reservation_id", "total_baggages", "nonfree_baggages", "payment_id"}, updateReservationBaggages),
		taubench.WriteTool(updateReservationFlightsSpec, "UpdateReservationFlights", modulePrefix+"update_reservation_flights",
			[]string{"reservation_id", "cabin", "flights", "payment_id"}, updateReservationFlights),
		taubench.WriteTool(updateReservationPassengersSpec, "UpdateReservationPassengers", modulePrefix+"update_reservation_passengers",
			[]string{"reservation_id", "passengers"}, updateReservationPassengers),
	},
}

// Load reads the airline data from dir, the folder holding flights.json,
// reservations.json and users.json (the reference's envs/airline/data, or
// the anchors' tau-bench/airline).
func Load(dir string) (*Data, error) { return taubench.Load(Domain, dir) }

// Tools returns the reference's tool specs, in its order.
func Tools() []tool.Spec { return Domain.Specs() }

// Equal reports whether two envs hold data with the same get_data_hash
// (see taubench.Equal).
func Equal(a, b *Env) bool { return taubench.Equal(a, b) }
