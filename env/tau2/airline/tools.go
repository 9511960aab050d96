package airline

import (
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// flightInfos is the List[FlightInfo | dict] of tool signatures; the
// other two model lists likewise.
var (
	flightInfos = tau2.List(tau2.Union(tau2.ModelType(flightInfoModel), tau2.RawDict))
	passengers  = tau2.List(tau2.Union(tau2.ModelType(passengerModel), tau2.RawDict))
	payments    = tau2.List(tau2.Union(tau2.ModelType(paymentModel), tau2.RawDict))
)

// Toolkit is AirlineTools: its tools in class definition order.
var Toolkit = tau2.NewToolkit("AirlineTools",
	tau2.NewTool("book_reservation", tau2.Write, docBookReservation, []tau2.Param{
		tau2.P("user_id", tau2.Str), tau2.P("origin", tau2.Str), tau2.P("destination", tau2.Str),
		tau2.P("flight_type", flightType), tau2.P("cabin", cabinClass), tau2.P("flights", flightInfos),
		tau2.P("passengers", passengers), tau2.P("payment_methods", payments),
		tau2.P("total_baggages", tau2.Int), tau2.P("nonfree_baggages", tau2.Int), tau2.P("insurance", insurance),
	}, bookReservation),
	tau2.NewTool("calculate", tau2.Generic, docCalculate, []tau2.Param{tau2.P("expression", tau2.Str)}, calculate),
	tau2.NewTool("cancel_reservation", tau2.Write, docCancelReservation, []tau2.Param{tau2.P("reservation_id", tau2.Str)}, cancelReservation),
	tau2.NewTool("get_reservation_details", tau2.Read, docGetReservationDetails, []tau2.Param{tau2.P("reservation_id", tau2.Str)}, getReservationDetails),
	tau2.NewTool("get_user_details", tau2.Read, docGetUserDetails, []tau2.Param{tau2.P("user_id", tau2.Str)}, getUserDetails),
	tau2.NewTool("list_all_airports", tau2.Read, docListAllAirports, nil, listAllAirports),
	tau2.NewTool("search_direct_flight", tau2.Read, docSearchDirectFlight,
		[]tau2.Param{tau2.P("origin", tau2.Str), tau2.P("destination", tau2.Str), tau2.P("date", tau2.Str)}, searchDirectFlight),
	tau2.NewTool("search_onestop_flight", tau2.Read, docSearchOnestopFlight,
		[]tau2.Param{tau2.P("origin", tau2.Str), tau2.P("destination", tau2.Str), tau2.P("date", tau2.Str)}, searchOnestopFlight),
	tau2.NewTool("send_certificate", tau2.Write, docSendCertificate,
		[]tau2.Param{tau2.P("user_id", tau2.Str), tau2.P("amount", tau2.Int)}, sendCertificate),
	tau2.NewTool("transfer_to_human_agents", tau2.Generic, docTransferToHumanAgents,
		[]tau2.Param{tau2.P("summary", tau2.Str)}, transferToHumanAgents),
	tau2.NewTool("update_reservation_baggages", tau2.Write, docUpdateReservationBaggages,
		[]tau2.Param{tau2.P("reservation_id", tau2.Str), tau2.P("total_baggages", tau2.Int),
			tau2.P("nonfree_baggages", tau2.Int), tau2.P("payment_id", tau2.Str)}, updateReservationBaggages),
	tau2.NewTool("update_reservation_flights", tau2.Write, docUpdateReservationFlights,
		[]tau2.Param{tau2.P("reservation_id", tau2.Str), tau2.P("cabin", cabinClass),
			tau2.P("flights", flightInfos), tau2.P("payment_id", tau2.Str)}, updateReservationFlights),
	tau2.NewTool("update_reservation_passengers", tau2.Write, docUpdateReservationPassengers,
		[]tau2.Param{tau2.P("reservation_id", tau2.Str), tau2.P("passengers", passengers)}, updateReservationPassengers),
	tau2.NewTool("get_flight_status", tau2.Read, docGetFlightStatus,
		[]tau2.Param{tau2.P("flight_number", tau2.Str), tau2.P("date", tau2.Str)}, getFlightStatus),
)

var (
	attr = tau2.Attr
	dict = tau2.AsDict
	list = tau2.AsList
)

// lookup is `if key not in table: raise ValueError(msg(key))`, then
// table[key].
func lookup(t *docdb.Table, key pyval.Value, what string) (string, *pyval.Dict, error) {
	ok, err := tau2.KeyIn(key, t.Has)
	if err != nil {
		return "", nil, err
	}
	if !ok {
		return "", nil, pyval.ValueError(what + " " + pyval.Str(key) + " not found")
	}
	k := key.(string)
	v, _ := t.Get(k)
	return k, dict(v), nil
}

func getUser(db *docdb.DB, id pyval.Value) (string, *pyval.Dict, error) {
	return lookup(db.Table("users"), id, "User")
}

func getReservation(db *docdb.DB, id pyval.Value) (string, *pyval.Dict, error) {
	return lookup(db.Table("reservations"), id, "Reservation")
}

func getFlight(db *docdb.DB, number pyval.Value) (string, *pyval.Dict, error) {
	return lookup(db.Table("flights"), number, "Flight")
}

// getFlightInstance returns the flight's key, the date's key and the
// date's status record.
func getFlightInstance(db *docdb.DB, number, date pyval.Value) (string, string, *pyval.Dict, error) {
	fk, flight, err := getFlight(db, number)
	if err != nil {
		return "", "", nil, err
	}
	dates := dict(attr(flight, "dates"))
	ok, err := tau2.KeyInDict(date, dates)
	if err != nil {
		return "", "", nil, err
	}
	if !ok {
		return "", "", nil, pyval.ValueError("Flight " + pyval.Str(number) + " not found on date " + pyval.Str(date))
	}
	v, _ := dates.Get(date)
	return fk, date.(string), dict(v), nil
}

// items is a tool's list argument after the reference's
// `if all(isinstance(x, dict) for x in xs): xs = [M(**x) for x in xs]`.
type items struct {
	raw    pyval.Value   // the argument as the tool then holds it
	list   []pyval.Value // what iterating it gives
	models bool          // the items are models (dumps), not raw values
}

func fromDicts(xs pyval.Value, m *tau2.Model) (items, error) {
	list, err := tau2.Iter(xs)
	if err != nil {
		return items{}, err
	}
	for _, it := range list {
		if _, ok := it.(*pyval.Dict); !ok {
			return items{raw: xs, list: list}, nil
		}
	}
	out := make([]pyval.Value, len(list))
	for i, it := range list {
		d, err := m.Validate(it)
		if err != nil {
			return items{}, err
		}
		out[i] = d
	}
	return items{raw: out, list: out, models: true}, nil
}

// field reads an attribute of an item: a model's field, or Python's
// AttributeError for a raw value.
func (its items) field(v pyval.Value, name string) (pyval.Value, error) {
	if !its.models {
		return nil, tau2.AttributeError(v, name)
	}
	return attr(v, name), nil
}

// index is d[key] for a dict with str keys: KeyError or TypeError.
func index(d pyval.Value, key pyval.Value) (pyval.Value, error) {
	m := dict(d)
	if err := tau2.CheckHashable(key); err != nil {
		return nil, err
	}
	v, ok := m.Get(key)
	if !ok {
		return nil, pyval.KeyError(key)
	}
	return v, nil
}

func calculate(_ *docdb.DB, a []pyval.Value) (pyval.Value, error) { return tau2.Calculate(a[0]) }

func transferToHumanAgents(*docdb.DB, []pyval.Value) (pyval.Value, error) {
	return "Transfer successful", nil
}

// seatRef locates a flight date's record for the seat update.
type seatRef struct{ flight, date string }

func bookReservation(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	userID, origin, destination, fType, cabin := a[0], a[1], a[2], a[3], a[4]
	totalBags, nonfreeBags, ins := a[8], a[9], a[10]
	flights, err := fromDicts(a[5], flightInfoModel)
	if err != nil {
		return nil, err
	}
	pax, err := fromDicts(a[6], passengerModel)
	if err != nil {
		return nil, err
	}
	pays, err := fromDicts(a[7], paymentModel)
	if err != nil {
		return nil, err
	}
	userKey, user, err := getUser(db, userID)
	if err != nil {
		return nil, err
	}
	resID := ""
	resTable := db.Table("reservations")
	for _, id := range []string{"HATHAT", "HATHAU", "HATHAV"} {
		if !resTable.Has(id) {
			resID = id
			break
		}
	}
	if resID == "" {
		return nil, pyval.ValueError("Too many reservations")
	}
	res, err := reservationModel.New(
		"reservation_id", resID, "user_id", userID, "origin", origin, "destination", destination,
		"flight_type", fType, "cabin", cabin, "flights", []pyval.Value{},
		"passengers", pyval.DeepCopy(pax.raw), "payment_history", pyval.DeepCopy(pays.raw),
		"created_at", Now, "total_baggages", totalBags, "nonfree_baggages", nonfreeBags, "insurance", ins)
	if err != nil {
		return nil, err
	}
	nPax, err := tau2.Len(pax.raw)
	if err != nil {
		return nil, err
	}
	var total pyval.Value = int64(0)
	var seats []seatRef
	var resFlights []pyval.Value
	for _, fi := range flights.list {
		number, err := flights.field(fi, "flight_number")
		if err != nil {
			return nil, err
		}
		_, flight, err := getFlight(db, number)
		if err != nil {
			return nil, err
		}
		date, err := flights.field(fi, "date")
		if err != nil {
			return nil, err
		}
		fk, dk, fdd, err := getFlightInstance(db, number, date)
		if err != nil {
			return nil, err
		}
		if !pyval.Equal(attr(fdd, "status"), "available") {
			return nil, pyval.ValueError("Flight " + pyval.Str(number) + " not available on date " + pyval.Str(date))
		}
		avail, err := index(attr(fdd, "available_seats"), cabin)
		if err != nil {
			return nil, err
		}
		lt, err := tau2.Less(avail, int64(nPax))
		if err != nil {
			return nil, err
		}
		if lt {
			return nil, pyval.ValueError("Not enough seats on flight " + pyval.Str(number))
		}
		price, err := index(attr(fdd, "prices"), cabin)
		if err != nil {
			return nil, err
		}
		rf, err := reservationFlightModel.New("origin", attr(flight, "origin"), "destination", attr(flight, "destination"),
			"flight_number", number, "date", date, "price", price)
		if err != nil {
			return nil, err
		}
		resFlights = append(resFlights, rf)
		seats = append(seats, seatRef{fk, dk})
		cost, err := tau2.Binary("*", "", price, int64(nPax))
		if err != nil {
			return nil, err
		}
		if total, err = tau2.Binary("+", "+=", total, cost); err != nil {
			return nil, err
		}
	}
	res.Set("flights", resFlights)
	if pyval.Equal(ins, "yes") {
		if total, err = tau2.Binary("+", "+=", total, int64(30*nPax)); err != nil {
			return nil, err
		}
	}
	bags, err := tau2.Binary("*", "", int64(50), nonfreeBags)
	if err != nil {
		return nil, err
	}
	if total, err = tau2.Binary("+", "+=", total, bags); err != nil {
		return nil, err
	}
	pms := dict(attr(user, "payment_methods"))
	payItems := pays.list
	for _, p := range payItems {
		pid, err := pays.field(p, "payment_id")
		if err != nil {
			return nil, err
		}
		amount, err := pays.field(p, "amount")
		if err != nil {
			return nil, err
		}
		ok, err := tau2.KeyInDict(pid, pms)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, pyval.ValueError("Payment method " + pyval.Str(pid) + " not found")
		}
		upm, _ := pms.Get(pid)
		src := attr(upm, "source")
		if pyval.Equal(src, "gift_card") || pyval.Equal(src, "certificate") {
			lt, err := tau2.Less(attr(upm, "amount"), amount)
			if err != nil {
				return nil, err
			}
			if lt {
				return nil, pyval.ValueError("Not enough balance in payment method " + pyval.Str(pid))
			}
		}
	}
	var paid pyval.Value = int64(0)
	for _, p := range payItems {
		amount, _ := pays.field(p, "amount")
		if paid, err = tau2.Binary("+", "", paid, amount); err != nil {
			return nil, err
		}
	}
	if !pyval.Equal(paid, total) {
		return nil, pyval.ValueError("Payment amount does not add up, total price is " + pyval.Str(total) + ", but paid " + pyval.Str(paid))
	}
	// The checks passed: deduct the payments, take the seats, store.
	u, _ := db.Table("users").Mut(userKey)
	user = dict(u)
	pms = dict(attr(user, "payment_methods"))
	for _, p := range payItems {
		pid, _ := pays.field(p, "payment_id")
		amount, _ := pays.field(p, "amount")
		upmv, err := index(pms, pid)
		if err != nil {
			return nil, err
		}
		upm := dict(upmv)
		switch src := attr(upm, "source"); {
		case pyval.Equal(src, "gift_card"):
			v, err := tau2.Binary("-", "-=", attr(upm, "amount"), amount)
			if err != nil {
				return nil, err
			}
			upm.Set("amount", v)
		case pyval.Equal(src, "certificate"):
			pms.Delete(pid)
		}
	}
	for _, s := range seats {
		f, _ := db.Table("flights").Mut(s.flight)
		fdd := dict(attr(attr(f, "dates"), s.date))
		avail := dict(attr(fdd, "available_seats"))
		v, err := index(avail, cabin)
		if err != nil {
			return nil, err
		}
		nv, err := tau2.Binary("-", "-=", v, int64(nPax))
		if err != nil {
			return nil, err
		}
		avail.Set(cabin, nv)
	}
	resTable.Put(resID, res)
	user.Set("reservations", append(append([]pyval.Value(nil), list(attr(user, "reservations"))...), resID))
	return tau2.AsModel(res), nil
}

func cancelReservation(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	key, res, err := getReservation(db, a[0])
	if err != nil {
		return nil, err
	}
	history := list(attr(res, "payment_history"))
	refunds := make([]pyval.Value, 0, len(history))
	for _, p := range history {
		neg, err := tau2.Binary("*", "", int64(-1), attr(p, "amount"))
		if err != nil {
			return nil, pyval.TypeError("bad operand type for unary -: '" + pyval.TypeName(attr(p, "amount")) + "'")
		}
		refund, err := paymentModel.New("payment_id", attr(p, "payment_id"), "amount", neg)
		if err != nil {
			return nil, err
		}
		refunds = append(refunds, refund)
	}
	r, _ := db.Table("reservations").Mut(key)
	res = dict(r)
	res.Set("payment_history", append(append([]pyval.Value(nil), list(attr(res, "payment_history"))...), refunds...))
	res.Set("status", "cancelled")
	return tau2.AsModel(res), nil
}

func getReservationDetails(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	_, r, err := getReservation(db, a[0])
	if err != nil {
		return nil, err
	}
	return tau2.AsModel(r), nil
}

func getUserDetails(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	_, u, err := getUser(db, a[0])
	if err != nil {
		return nil, err
	}
	return tau2.AsModel(u), nil
}

var airports = [][2]string{
	{"SFO", "San Francisco"}, {"JFK", "New York"}, {"LAX", "Los Angeles"}, {"ORD", "Chicago"},
	{"DFW", "Dallas"}, {"DEN", "Denver"}, {"SEA", "Seattle"}, {"ATL", "Atlanta"},
	{"MIA", "Miami"}, {"BOS", "Boston"}, {"PHX", "Phoenix"}, {"IAH", "Houston"},
	{"LAS", "Las Vegas"}, {"MCO", "Orlando"}, {"EWR", "Newark"}, {"CLT", "Charlotte"},
	{"MSP", "Minneapolis"}, {"DTW", "Detroit"}, {"PHL", "Philadelphia"}, {"LGA", "LaGuardia"},
}

func listAllAirports(*docdb.DB, []pyval.Value) (pyval.Value, error) {
	out := make([]pyval.Value, len(airports))
	for i, ap := range airports {
		out[i] = tau2.AsModel(pyval.DictOf("iata", ap[0], "city", ap[1]))
	}
	return out, nil
}

// searchDirect is _search_direct_flight; leaveAfter nil means None.
func searchDirect(db *docdb.DB, date, origin, destination, leaveAfter pyval.Value) ([]*pyval.Dict, error) {
	var out []*pyval.Dict
	for _, f := range db.Table("flights").All() {
		if origin != nil && !pyval.Equal(attr(f, "origin"), origin) {
			continue
		}
		if destination != nil && !pyval.Equal(attr(f, "destination"), destination) {
			continue
		}
		dates := dict(attr(f, "dates"))
		ok, err := tau2.KeyInDict(date, dates)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		fdd, _ := dates.Get(date)
		if !pyval.Equal(attr(fdd, "status"), "available") {
			continue
		}
		if leaveAfter != nil {
			c, err := tau2.Compare(">=", attr(f, "scheduled_departure_time_est"), leaveAfter)
			if err != nil {
				return nil, err
			}
			if c < 0 {
				continue
			}
		}
		df, err := directFlightModel.New("flight_number", attr(f, "flight_number"), "origin", attr(f, "origin"),
			"destination", attr(f, "destination"), "status", "available",
			"scheduled_departure_time_est", attr(f, "scheduled_departure_time_est"),
			"scheduled_arrival_time_est", attr(f, "scheduled_arrival_time_est"),
			"available_seats", attr(fdd, "available_seats"), "prices", attr(fdd, "prices"))
		if err != nil {
			return nil, err
		}
		out = append(out, df)
	}
	return out, nil
}

func searchDirectFlight(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	found, err := searchDirect(db, a[2], a[0], a[1], nil)
	if err != nil {
		return nil, err
	}
	out := make([]pyval.Value, len(found))
	for i, f := range found {
		out[i] = tau2.AsModel(f)
	}
	return out, nil
}

func searchOnestopFlight(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	origin, destination, date := a[0], a[1], a[2]
	firsts, err := searchDirect(db, date, origin, nil, nil)
	if err != nil {
		return nil, err
	}
	out := []pyval.Value{}
	for _, r1 := range firsts {
		r1.Set("date", date)
		date2 := date
		arrival, _ := attr(r1, "scheduled_arrival_time_est").(string)
		if strings.Contains(arrival, "+1") {
			ds := date.(string)
			tail := ds
			if r := []rune(ds); len(r) > 2 {
				tail = string(r[len(r)-2:])
			}
			day, err := pyval.PyInt(tail)
			if err != nil {
				return nil, err
			}
			next, err := tau2.Binary("+", "", day, int64(1))
			if err != nil {
				return nil, err
			}
			date2 = "2024-05-" + pyval.Str(next)
		}
		seconds, err := searchDirect(db, date2, attr(r1, "destination"), destination, attr(r1, "scheduled_arrival_time_est"))
		if err != nil {
			return nil, err
		}
		for _, r2 := range seconds {
			r2.Set("date", date2)
			out = append(out, []pyval.Value{tau2.AsModel(r1), tau2.AsModel(r2)})
		}
	}
	return out, nil
}

func sendCertificate(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	userID, amount := a[0], a[1]
	key, user, err := getUser(db, userID)
	if err != nil {
		return nil, err
	}
	pms := dict(attr(user, "payment_methods"))
	for _, id := range []int64{3221322, 3221323, 3221324} {
		pid := "certificate_" + strconv.FormatInt(id, 10)
		if pms.Has(pid) {
			continue
		}
		cert, err := certificateModel.New("id", pid, "amount", amount, "source", "certificate")
		if err != nil {
			return nil, err
		}
		u, _ := db.Table("users").Mut(key)
		dict(attr(u, "payment_methods")).Set(pid, cert)
		return "Certificate " + pid + " added to user " + pyval.Str(userID) + " with amount " + pyval.Str(amount) + ".", nil
	}
	return nil, pyval.ValueError("Too many certificates")
}

// paymentForUpdate is _payment_for_update: checks the payment method,
// takes a gift card's balance, and returns the Payment (nil for a zero
// price).
func paymentForUpdate(db *docdb.DB, userKey string, paymentID, total pyval.Value) (*pyval.Dict, error) {
	_, user, _ := lookup(db.Table("users"), userKey, "User")
	pms := dict(attr(user, "payment_methods"))
	ok, err := tau2.KeyInDict(paymentID, pms)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, pyval.ValueError("Payment method not found")
	}
	pm, _ := pms.Get(paymentID)
	src := attr(pm, "source")
	gift := pyval.Equal(src, "gift_card")
	if pyval.Equal(src, "certificate") {
		return nil, pyval.ValueError("Certificate cannot be used to update reservation")
	}
	if gift {
		lt, err := tau2.Less(attr(pm, "amount"), total)
		if err != nil {
			return nil, err
		}
		if lt {
			return nil, pyval.ValueError("Gift card balance is not enough")
		}
		u, _ := db.Table("users").Mut(userKey)
		m, _ := dict(attr(u, "payment_methods")).Get(paymentID)
		v, err := tau2.Binary("-", "-=", attr(m, "amount"), total)
		if err != nil {
			return nil, err
		}
		dict(m).Set("amount", v)
	}
	if pyval.Equal(total, int64(0)) {
		return nil, nil
	}
	return paymentModel.New("payment_id", paymentID, "amount", total)
}

func updateReservationBaggages(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	resID, totalBags, nonfreeBags, paymentID := a[0], a[1], a[2], a[3]
	key, res, err := getReservation(db, resID)
	if err != nil {
		return nil, err
	}
	userKey, _, err := getUser(db, attr(res, "user_id"))
	if err != nil {
		return nil, err
	}
	extra, err := tau2.Binary("-", "", nonfreeBags, attr(res, "nonfree_baggages"))
	if err != nil {
		return nil, err
	}
	c, err := tau2.Compare(">", extra, int64(0))
	if err != nil {
		return nil, err
	}
	var more pyval.Value = int64(0)
	if c > 0 {
		more = extra
	}
	total, err := tau2.Binary("*", "", int64(50), more)
	if err != nil {
		return nil, err
	}
	payment, err := paymentForUpdate(db, userKey, paymentID, total)
	if err != nil {
		return nil, err
	}
	r, _ := db.Table("reservations").Mut(key)
	res = dict(r)
	if payment != nil {
		res.Set("payment_history", append(append([]pyval.Value(nil), list(attr(res, "payment_history"))...), payment))
	}
	res.Set("total_baggages", totalBags)
	res.Set("nonfree_baggages", nonfreeBags)
	return tau2.AsModel(res), nil
}

func updateReservationFlights(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	resID, cabin, paymentID := a[0], a[1], a[3]
	flights, err := fromDicts(a[2], flightInfoModel)
	if err != nil {
		return nil, err
	}
	key, res, err := getReservation(db, resID)
	if err != nil {
		return nil, err
	}
	userKey, _, err := getUser(db, attr(res, "user_id"))
	if err != nil {
		return nil, err
	}
	nPax := len(list(attr(res, "passengers")))
	var total pyval.Value = int64(0)
	var newFlights []pyval.Value
	for _, fi := range flights.list {
		var match pyval.Value
		for _, rf := range list(attr(res, "flights")) {
			number, err := flights.field(fi, "flight_number")
			if err != nil {
				return nil, err
			}
			if !pyval.Equal(attr(rf, "flight_number"), number) {
				continue
			}
			date, err := flights.field(fi, "date")
			if err != nil {
				return nil, err
			}
			if pyval.Equal(attr(rf, "date"), date) && pyval.Equal(cabin, attr(res, "cabin")) {
				match = rf
				break
			}
		}
		if match != nil {
			cost, err := tau2.Binary("*", "", attr(match, "price"), int64(nPax))
			if err != nil {
				return nil, err
			}
			if total, err = tau2.Binary("+", "+=", total, cost); err != nil {
				return nil, err
			}
			newFlights = append(newFlights, match)
			continue
		}
		number, err := flights.field(fi, "flight_number")
		if err != nil {
			return nil, err
		}
		_, flight, err := getFlight(db, number)
		if err != nil {
			return nil, err
		}
		date, err := flights.field(fi, "date")
		if err != nil {
			return nil, err
		}
		_, _, fdd, err := getFlightInstance(db, number, date)
		if err != nil {
			return nil, err
		}
		if !pyval.Equal(attr(fdd, "status"), "available") {
			return nil, pyval.ValueError("Flight " + pyval.Str(number) + " not available on date " + pyval.Str(date))
		}
		avail, err := index(attr(fdd, "available_seats"), cabin)
		if err != nil {
			return nil, err
		}
		lt, err := tau2.Less(avail, int64(nPax))
		if err != nil {
			return nil, err
		}
		if lt {
			return nil, pyval.ValueError("Not enough seats on flight " + pyval.Str(number))
		}
		price, err := index(attr(fdd, "prices"), cabin)
		if err != nil {
			return nil, err
		}
		rf, err := reservationFlightModel.New("flight_number", number, "date", date, "price", price,
			"origin", attr(flight, "origin"), "destination", attr(flight, "destination"))
		if err != nil {
			return nil, err
		}
		cost, err := tau2.Binary("*", "", attr(rf, "price"), int64(nPax))
		if err != nil {
			return nil, err
		}
		if total, err = tau2.Binary("+", "+=", total, cost); err != nil {
			return nil, err
		}
		newFlights = append(newFlights, rf)
	}
	var paid pyval.Value = int64(0)
	for _, f := range list(attr(res, "flights")) {
		if paid, err = tau2.Binary("+", "", paid, attr(f, "price")); err != nil {
			return nil, err
		}
	}
	paidAll, err := tau2.Binary("*", "", paid, int64(nPax))
	if err != nil {
		return nil, err
	}
	if total, err = tau2.Binary("-", "-=", total, paidAll); err != nil {
		return nil, err
	}
	payment, err := paymentForUpdate(db, userKey, paymentID, total)
	if err != nil {
		return nil, err
	}
	r, _ := db.Table("reservations").Mut(key)
	res = dict(r)
	if payment != nil {
		res.Set("payment_history", append(append([]pyval.Value(nil), list(attr(res, "payment_history"))...), payment))
	}
	if newFlights == nil {
		newFlights = []pyval.Value{}
	}
	res.Set("flights", pyval.DeepCopy(newFlights))
	res.Set("cabin", cabin)
	return tau2.AsModel(res), nil
}

func updateReservationPassengers(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	resID := a[0]
	pax, err := fromDicts(a[1], passengerModel)
	if err != nil {
		return nil, err
	}
	key, res, err := getReservation(db, resID)
	if err != nil {
		return nil, err
	}
	n, err := tau2.Len(pax.raw)
	if err != nil {
		return nil, err
	}
	if n != len(list(attr(res, "passengers"))) {
		return nil, pyval.ValueError("Number of passengers does not match")
	}
	r, _ := db.Table("reservations").Mut(key)
	res = dict(r)
	res.Set("passengers", pyval.DeepCopy(pax.raw))
	return tau2.AsModel(res), nil
}

func getFlightStatus(db *docdb.DB, a []pyval.Value) (pyval.Value, error) {
	_, _, fdd, err := getFlightInstance(db, a[0], a[1])
	if err != nil {
		return nil, err
	}
	return attr(fdd, "status"), nil
}
