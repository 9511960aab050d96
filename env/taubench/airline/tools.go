package airline

import (
	"fmt"

	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/taubench/internal/py"
	"github.com/toolgym/toolgym/pyval"
)

// The tools' bodies, statement for statement as the reference's invoke
// methods (tau_bench/envs/airline/tools/*.py): every subscript, comparison
// and loop goes through package py, so a malformed argument fails where
// and as Python fails. Records are read with py.GetItem and taken for
// writing with py.MutItem just before the reference's first change.

type V = py.V

// withoutDates is {k: v for k, v in flight.items() if k != "dates"}.
func withoutDates(flight V) *pyval.Dict {
	out := pyval.NewDict()
	keys, vals := py.Items(flight)
	for i, k := range keys {
		if !py.Eq(k, "dates") {
			out.Set(k, vals[i])
		}
	}
	return out
}

// update is d.update(other) for a dict other.
func update(d *pyval.Dict, other V) {
	keys, vals := py.Items(other)
	for i, k := range keys {
		py.SetItem(d, k, vals[i])
	}
}

// sumOf is sum(x[key] for x in items).
func sumOf(items V, key string) V {
	var total V = int64(0)
	for _, x := range py.Iter(items) {
		total = py.Add(total, py.GetItem(x, key))
	}
	return total
}

func bookReservation(db *docdb.DB, a []V) V {
	userID, origin, destination, flightType, cabin := a[0], a[1], a[2], a[3], a[4]
	flights, passengers, paymentMethods := a[5], a[6], a[7]
	totalBaggages, nonfreeBaggages, insurance := a[8], a[9], a[10]
	reservations, users, flightTable := db.Table("reservations"), db.Table("users"), db.Table("flights")
	if !py.In(userID, users) {
		return "Error: user not found"
	}
	user := py.GetItem(users, userID)

	// assume each task makes at most 3 reservations
	reservationID := "HATHAT"
	if py.In(reservationID, reservations) {
		reservationID = "HATHAU"
		if py.In(reservationID, reservations) {
			reservationID = "HATHAV"
		}
	}
	reservation := pyval.DictOf(
		"reservation_id", reservationID,
		"user_id", userID,
		"origin", origin,
		"destination", destination,
		"flight_type", flightType,
		"cabin", cabin,
		"flights", py.DeepCopy(flights),
		"passengers", passengers,
		"payment_history", paymentMethods,
		"created_at", "2024-05-15T15:00:00",
		"total_baggages", totalBaggages,
		"nonfree_baggages", nonfreeBaggages,
		"insurance", insurance,
	)

	var totalPrice V = int64(0)
	for _, flight := range py.Iter(py.GetItem(reservation, "flights")) {
		flightNumber := py.GetItem(flight, "flight_number")
		if !py.In(flightNumber, flightTable) {
			return fmt.Sprintf("Error: flight %s not found", py.Str(flightNumber))
		}
		flightData := py.GetItem(flightTable, flightNumber)
		if !py.In(py.GetItem(flight, "date"), py.GetItem(flightData, "dates")) {
			return fmt.Sprintf("Error: flight %s not found on date %s", py.Str(flightNumber), py.Str(py.GetItem(flight, "date")))
		}
		dateData := py.GetItem(py.GetItem(flightData, "dates"), py.GetItem(flight, "date"))
		if !py.Eq(py.GetItem(dateData, "status"), "available") {
			return fmt.Sprintf("Error: flight %s not available on date %s", py.Str(flightNumber), py.Str(py.GetItem(flight, "date")))
		}
		if py.Lt(py.GetItem(py.GetItem(dateData, "available_seats"), cabin), py.Len(passengers)) {
			return fmt.Sprintf("Error: not enough seats on flight %s", py.Str(flightNumber))
		}
		py.SetItem(flight, "price", py.GetItem(py.GetItem(dateData, "prices"), cabin))
		py.SetItem(flight, "origin", py.GetItem(flightData, "origin"))
		py.SetItem(flight, "destination", py.GetItem(flightData, "destination"))
		totalPrice = py.IAdd(totalPrice, py.Mul(py.GetItem(flight, "price"), py.Len(passengers)))
	}
	if py.Eq(insurance, "yes") {
		totalPrice = py.IAdd(totalPrice, py.Mul(int64(30), py.Len(passengers)))
	}
	totalPrice = py.IAdd(totalPrice, py.Mul(int64(50), nonfreeBaggages))

	for _, pm := range py.Iter(paymentMethods) {
		paymentID := py.GetItem(pm, "payment_id")
		amount := py.GetItem(pm, "amount")
		if !py.In(paymentID, py.GetItem(user, "payment_methods")) {
			return fmt.Sprintf("Error: payment method %s not found", py.Str(paymentID))
		}
		if py.In(py.GetItem(py.GetItem(py.GetItem(user, "payment_methods"), paymentID), "source"), []V{"gift_card", "certificate"}) {
			if py.Lt(py.GetItem(py.GetItem(py.GetItem(user, "payment_methods"), paymentID), "amount"), amount) {
				return fmt.Sprintf("Error: not enough balance in payment method %s", py.Str(paymentID))
			}
		}
	}
	if !py.Eq(sumOf(paymentMethods, "amount"), totalPrice) {
		return fmt.Sprintf("Error: payment amount does not add up, total price is %s, but paid %s", py.Str(totalPrice), py.Str(sumOf(paymentMethods, "amount")))
	}

	// if checks pass, deduct payment and update seats
	user = py.MutItem(users, userID)
	for _, pm := range py.Iter(paymentMethods) {
		paymentID := py.GetItem(pm, "payment_id")
		amount := py.GetItem(pm, "amount")
		methods := py.GetItem(user, "payment_methods")
		if py.Eq(py.GetItem(py.GetItem(methods, paymentID), "source"), "gift_card") {
			m := py.GetItem(methods, paymentID)
			py.SetItem(m, "amount", py.ISub(py.GetItem(m, "amount"), amount))
		} else if py.Eq(py.GetItem(py.GetItem(methods, paymentID), "source"), "certificate") {
			py.DelItem(methods, paymentID)
		}
	}
	py.SetItem(reservations, reservationID, reservation)
	py.Append(user, "reservations", reservationID)
	return py.Dumps(reservation)
}

func cancelReservation(db *docdb.DB, a []V) V {
	reservationID := a[0]
	reservations := db.Table("reservations")
	if !py.In(reservationID, reservations) {
		return "Error: reservation not found"
	}
	reservation := py.MutItem(reservations, reservationID)
	// reverse the payment
	var refunds []V
	for _, payment := range py.Iter(py.GetItem(reservation, "payment_history")) {
		refunds = append(refunds, pyval.DictOf(
			"payment_id", py.GetItem(payment, "payment_id"),
			"amount", py.Neg(py.GetItem(payment, "amount")),
		))
	}
	py.Extend(reservation, "payment_history", refunds)
	py.SetItem(reservation, "status", "cancelled")
	return py.Dumps(reservation)
}

func getReservationDetails(db *docdb.DB, a []V) V {
	reservations := db.Table("reservations")
	if py.In(a[0], reservations) {
		return py.Dumps(py.GetItem(reservations, a[0]))
	}
	return "Error: user not found" // sic: the reference's text
}

func getUserDetails(db *docdb.DB, a []V) V {
	users := db.Table("users")
	if py.In(a[0], users) {
		return py.Dumps(py.GetItem(users, a[0]))
	}
	return "Error: user not found"
}

// airports is list_all_airports' answer.
var airports = func() string {
	codes := []string{"SFO", "JFK", "LAX", "ORD", "DFW", "DEN", "SEA", "ATL", "MIA", "BOS",
		"PHX", "IAH", "LAS", "MCO", "EWR", "CLT", "MSP", "DTW", "PHL", "LGA"}
	cities := []string{"San Francisco", "New York", "Los Angeles", "Chicago", "Dallas", "Denver",
		"Seattle", "Atlanta", "Miami", "Boston", "Phoenix", "Houston", "Las Vegas", "Orlando",
		"Newark", "Charlotte", "Minneapolis", "Detroit", "Philadelphia", "LaGuardia"}
	d := pyval.NewDict()
	for i, c := range codes {
		d.Set(c, cities[i])
	}
	return py.Dumps(d)
}()

func listAllAirports(*docdb.DB, []V) V { return airports }

func searchDirectFlight(db *docdb.DB, a []V) V {
	origin, destination, date := a[0], a[1], a[2]
	results := []V{}
	for _, flight := range db.Table("flights").All() {
		if py.Eq(py.GetItem(flight, "origin"), origin) && py.Eq(py.GetItem(flight, "destination"), destination) {
			if py.In(date, py.GetItem(flight, "dates")) &&
				py.Eq(py.GetItem(py.GetItem(py.GetItem(flight, "dates"), date), "status"), "available") {
				// results add flight except dates, but add flight["datas"][date]
				r := withoutDates(flight)
				update(r, py.GetItem(py.GetItem(flight, "dates"), date))
				results = append(results, r)
			}
		}
	}
	return py.Dumps(results)
}

func searchOnestopFlight(db *docdb.DB, a []V) V {
	origin, destination, date := a[0], a[1], a[2]
	t := db.Table("flights")
	flights := make([]V, 0, t.Len())
	for _, f := range t.All() {
		flights = append(flights, f)
	}
	results := []V{}
	for _, flight1 := range flights {
		if !py.Eq(py.GetItem(flight1, "origin"), origin) {
			continue
		}
		for _, flight2 := range flights {
			if !(py.Eq(py.GetItem(flight2, "destination"), destination) &&
				py.Eq(py.GetItem(flight1, "destination"), py.GetItem(flight2, "origin"))) {
				continue
			}
			date2 := date
			if py.In("+1", py.GetItem(flight1, "scheduled_arrival_time_est")) {
				date2 = "2024-05-" + py.Str(py.Add(py.Int(py.SliceFrom(date, -2)), int64(1)))
			}
			if py.Gt(py.GetItem(flight1, "scheduled_arrival_time_est"), py.GetItem(flight2, "scheduled_departure_time_est")) {
				continue
			}
			if py.In(date, py.GetItem(flight1, "dates")) && py.In(date2, py.GetItem(flight2, "dates")) {
				if py.Eq(py.GetItem(py.GetItem(py.GetItem(flight1, "dates"), date), "status"), "available") &&
					py.Eq(py.GetItem(py.GetItem(py.GetItem(flight2, "dates"), date2), "status"), "available") {
					result1 := withoutDates(flight1)
					update(result1, py.GetItem(py.GetItem(flight1, "dates"), date))
					result1.Set("date", date)
					result2 := withoutDates(flight2)
					// sic: the reference takes flight2's data of date, not date2
					update(result2, py.GetItem(py.GetItem(flight2, "dates"), date))
					result2.Set("date", date2)
					results = append(results, []V{result1, result2})
				}
			}
		}
	}
	return py.Dumps(results)
}

func sendCertificate(db *docdb.DB, a []V) V {
	userID, amount := a[0], a[1]
	users := db.Table("users")
	if !py.In(userID, users) {
		return "Error: user not found"
	}
	user := py.GetItem(users, userID)
	// add a certificate, assume at most 3 cases per task
	for _, id := range []string{"3221322", "3221323", "3221324"} {
		paymentID := "certificate_" + id
		if !py.In(paymentID, py.GetItem(user, "payment_methods")) {
			user = py.MutItem(users, userID)
			py.SetItem(py.GetItem(user, "payment_methods"), paymentID, pyval.DictOf(
				"source", "certificate",
				"amount", amount,
				"id", paymentID,
			))
			return fmt.Sprintf("Certificate %s added to user %s with amount %s.", paymentID, py.Str(userID), py.Str(amount))
		}
	}
	return nil // the reference falls off its end and returns None
}

// paymentCheck is the payment part both update tools share: the error to
// return, or "" and the payment method.
func paymentCheck(users *docdb.Table, reservation, paymentID, totalPrice V) (string, V) {
	methods := func() V { return py.GetItem(py.GetItem(users, py.GetItem(reservation, "user_id")), "payment_methods") }
	if !py.In(paymentID, methods()) {
		return "Error: payment method not found", nil
	}
	pm := py.GetItem(methods(), paymentID)
	if py.Eq(py.GetItem(pm, "source"), "certificate") {
		return "Error: certificate cannot be used to update reservation", nil
	} else if py.Eq(py.GetItem(pm, "source"), "gift_card") && py.Lt(py.GetItem(pm, "amount"), totalPrice) {
		return "Error: gift card balance is not enough", nil
	}
	return "", pm
}

// chargeGiftCard runs payment_method["amount"] -= total_price on the
// user's own (writable) record.
func chargeGiftCard(users *docdb.Table, reservation, paymentID, totalPrice V) {
	user := py.MutItem(users, py.GetItem(reservation, "user_id"))
	pm := py.GetItem(py.GetItem(user, "payment_methods"), paymentID)
	py.SetItem(pm, "amount", py.ISub(py.GetItem(pm, "amount"), totalPrice))
}

func updateReservationBaggages(db *docdb.DB, a []V) V {
	reservationID, totalBaggages, nonfreeBaggages, paymentID := a[0], a[1], a[2], a[3]
	users, reservations := db.Table("users"), db.Table("reservations")
	if !py.In(reservationID, reservations) {
		return "Error: reservation not found"
	}
	reservation := py.GetItem(reservations, reservationID)
	totalPrice := py.Mul(int64(50), py.Max2(int64(0), py.Sub(nonfreeBaggages, py.GetItem(reservation, "nonfree_baggages"))))
	msg, pm := paymentCheck(users, reservation, paymentID, totalPrice)
	if msg != "" {
		return msg
	}
	reservation = py.MutItem(reservations, reservationID)
	py.SetItem(reservation, "total_baggages", totalBaggages)
	py.SetItem(reservation, "nonfree_baggages", nonfreeBaggages)
	if py.Eq(py.GetItem(pm, "source"), "gift_card") {
		chargeGiftCard(users, reservation, paymentID, totalPrice)
	}
	if !py.Eq(totalPrice, int64(0)) {
		py.Append(reservation, "payment_history", pyval.DictOf("payment_id", paymentID, "amount", totalPrice))
	}
	return py.Dumps(reservation)
}

func updateReservationFlights(db *docdb.DB, a []V) V {
	reservationID, cabin, flights, paymentID := a[0], a[1], a[2], a[3]
	users, reservations, flightTable := db.Table("users"), db.Table("reservations"), db.Table("flights")
	if !py.In(reservationID, reservations) {
		return "Error: reservation not found"
	}
	reservation := py.GetItem(reservations, reservationID)

	// update flights and calculate price
	var totalPrice V = int64(0)
	flights = py.DeepCopy(flights)
	for _, flight := range py.Iter(flights) {
		// if existing flight, ignore
		var same []V
		for _, f := range py.Iter(py.GetItem(reservation, "flights")) {
			if py.Eq(py.GetItem(f, "flight_number"), py.GetItem(flight, "flight_number")) &&
				py.Eq(py.GetItem(f, "date"), py.GetItem(flight, "date")) &&
				py.Eq(cabin, py.GetItem(reservation, "cabin")) {
				same = append(same, f)
			}
		}
		if len(same) > 0 {
			totalPrice = py.IAdd(totalPrice, py.Mul(py.GetItem(same[0], "price"), py.Len(py.GetItem(reservation, "passengers"))))
			py.SetItem(flight, "price", py.GetItem(same[0], "price"))
			py.SetItem(flight, "origin", py.GetItem(same[0], "origin"))
			py.SetItem(flight, "destination", py.GetItem(same[0], "destination"))
			continue
		}
		flightNumber := py.GetItem(flight, "flight_number")
		if !py.In(flightNumber, flightTable) {
			return fmt.Sprintf("Error: flight %s not found", py.Str(flightNumber))
		}
		flightData := py.GetItem(flightTable, flightNumber)
		if !py.In(py.GetItem(flight, "date"), py.GetItem(flightData, "dates")) {
			return fmt.Sprintf("Error: flight %s not found on date %s", py.Str(flightNumber), py.Str(py.GetItem(flight, "date")))
		}
		dateData := py.GetItem(py.GetItem(flightData, "dates"), py.GetItem(flight, "date"))
		if !py.Eq(py.GetItem(dateData, "status"), "available") {
			return fmt.Sprintf("Error: flight %s not available on date %s", py.Str(flightNumber), py.Str(py.GetItem(flight, "date")))
		}
		if py.Lt(py.GetItem(py.GetItem(dateData, "available_seats"), cabin), py.Len(py.GetItem(reservation, "passengers"))) {
			return fmt.Sprintf("Error: not enough seats on flight %s", py.Str(flightNumber))
		}
		py.SetItem(flight, "price", py.GetItem(py.GetItem(dateData, "prices"), cabin))
		py.SetItem(flight, "origin", py.GetItem(flightData, "origin"))
		py.SetItem(flight, "destination", py.GetItem(flightData, "destination"))
		totalPrice = py.IAdd(totalPrice, py.Mul(py.GetItem(flight, "price"), py.Len(py.GetItem(reservation, "passengers"))))
	}
	totalPrice = py.ISub(totalPrice, py.Mul(sumOf(py.GetItem(reservation, "flights"), "price"), py.Len(py.GetItem(reservation, "passengers"))))

	// check payment
	msg, pm := paymentCheck(users, reservation, paymentID, totalPrice)
	if msg != "" {
		return msg
	}
	// if checks pass, deduct payment and update seats
	if py.Eq(py.GetItem(pm, "source"), "gift_card") {
		chargeGiftCard(users, reservation, paymentID, totalPrice)
	}
	reservation = py.MutItem(reservations, reservationID)
	py.SetItem(reservation, "flights", flights)
	if !py.Eq(totalPrice, int64(0)) {
		py.Append(reservation, "payment_history", pyval.DictOf("payment_id", paymentID, "amount", totalPrice))
	}
	// do not make flight database update here, assume it takes time to be updated
	return py.Dumps(reservation)
}

func updateReservationPassengers(db *docdb.DB, a []V) V {
	reservationID, passengers := a[0], a[1]
	reservations := db.Table("reservations")
	if !py.In(reservationID, reservations) {
		return "Error: reservation not found"
	}
	reservation := py.GetItem(reservations, reservationID)
	if py.Len(passengers) != py.Len(py.GetItem(reservation, "passengers")) {
		return "Error: number of passengers does not match"
	}
	reservation = py.MutItem(reservations, reservationID)
	py.SetItem(reservation, "passengers", passengers)
	return py.Dumps(reservation)
}
