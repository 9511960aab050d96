package travel

import (
	"strconv"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// route is one entry of the flight-cost table.
type route struct {
	from, to string
	base     int
}

// routeIndex finds a route's base cost by its airports.
var routeIndex = func() map[[2]string]int {
	m := make(map[[2]string]int, len(routes))
	for _, r := range routes {
		m[[2]string{r.from, r.to}] = r.base
	}
	return m
}()

// airports are list_all_airports's answer, in its order.
var airports = [...]string{
	"RMS", "SBK", "MPC", "SVP", "SHD", "CDG", "LHR", "SSV", "OKD", "WLB", "PEK", "HND",
	"HKG", "CIA", "CRH", "ATV", "PHV", "GFD", "SFO", "LAX", "JFK", "ORD", "BOS",
}

// nearestAirports is get_nearest_airport_by_city's map.
var nearestAirports = map[string]string{
	"Rivermist": "RMS", "Stonebrook": "SBK", "Maplecrest": "MPC", "Silverpine": "SVP",
	"Shadowridge": "SHD", "London": "LHR", "Paris": "CDG", "Sunset Valley": "SSV",
	"Oakendale": "OKD", "Willowbend": "WLB", "Crescent Hollow": "CRH", "Autumnville": "ATV",
	"Pinehaven": "PHV", "Greenfield": "GFD", "San Francisco": "SFO", "Los Angeles": "LAX",
	"New York": "JFK", "Chicago": "ORD", "Boston": "BOS", "Beijing": "PEK",
	"Hong Kong": "HKG", "Rome": "CIA", "Tokyo": "HND",
}

// exchangeRates are compute_exchange_rate's table, in its order: one
// unit of from is rate units of to. Rates are int64 or float64, as in
// the reference (the type decides int or float arithmetic).
var exchangeRates = [...]struct {
	from, to string
	rate     pyval.Value
}{
	{"USD", "RMB", int64(7)},
	{"USD", "EUR", 0.8},
	{"USD", "JPY", int64(110)},
	{"USD", "GBP", 0.7},
	{"USD", "CAD", 1.3},
	{"USD", "AUD", 1.4},
	{"USD", "INR", int64(70)},
	{"USD", "RUB", int64(60)},
	{"USD", "BRL", 3.8},
	{"USD", "MXN", int64(20)},
}

// validClassesRepr is how the reference prints its set of travel classes.
// CPython orders a set of strings by their salted hashes, which change
// from process to process; this is the order of the set's literal.
const validClassesRepr = "{'economy', 'business', 'first'}"

const supportReply = "Thank you for contacting customer support. Your message has been received and we will get back to you shortly."

// Results that never vary, rendered once (results are only rendered,
// never changed).
var (
	resCancelled = bfcl.RenderDict("cancel_status", true)
	resSupport   = bfcl.RenderDict("customer_support_message", supportReply)
)

// failure builds the {<statusKey>: False, "error": msg} dicts the
// reference answers refusals with; statusKey "" leaves the status out.
// The refusals whose message never varies are rendered once.
// render returns the result {kv...} rendered, in the instance's result
// slot (the dict itself when a value is not JSON serialisable).
func (a *API) render(kv ...pyval.Value) pyval.Value {
	if t, ok := bfcl.RenderText(kv...); ok {
		return a.out.Return(t)
	}
	return pyval.DictOf(kv...)
}

func failure(statusKey, msg string) pyval.Value {
	if r, ok := fixedFailures[[2]string{statusKey, msg}]; ok {
		return r
	}
	return renderFailure(statusKey, msg)
}

func renderFailure(statusKey, msg string) pyval.Value {
	if statusKey == "" {
		return bfcl.RenderDict("error", msg)
	}
	return bfcl.RenderDict(statusKey, false, "error", msg)
}

// fixedFailures are the rendered refusals of the messages that never
// vary, by status key and message.
var fixedFailures = func() map[[2]string]pyval.Value {
	statuses := []string{"", "booking_status", "cancel_status", "insurance_status"}
	msgs := []string{
		"Token expired", "Invalid access token", "Token not initialized", "Card already registered",
		"Card not registered", "Balance not found", "Invalid date format. Use YYYY-MM-DD.",
		"Invalid travel class. Must be one of " + validClassesRepr, errNoRoute,
		"Insufficient funds", "Balance is less than budget limit", "Booking not found",
		"Exceeded budget limit", "Credit card not registered",
	}
	m := make(map[[2]string]pyval.Value, len(statuses)*len(msgs))
	for _, st := range statuses {
		for _, msg := range msgs {
			m[[2]string{st, msg}] = renderFailure(st, msg)
		}
	}
	return m
}()

// tokenError checks the token as the secured methods do (expired, then
// not the current one) and returns the refusal message, or "".
func (a *API) tokenError(accessToken pyval.Value) string {
	if isZero(a.tokenExpiresIn) {
		return "Token expired"
	}
	if !pyval.Equal(accessToken, a.accessToken) {
		return "Invalid access token"
	}
	return ""
}

// randID draws an id as str(random.randint(lo, hi)).
func (a *API) randID(lo, hi int64) string {
	return strconv.FormatInt(a.ids.randInt(lo, hi), 10)
}

func (a *API) authenticate(grantType, firstName, lastName pyval.Value) pyval.Value {
	a.tokenExpiresIn = int64(2)
	a.accessToken = a.randID(100000, 999999)
	a.tokenType = "Bearer"
	a.tokenScope = grantType
	a.userFirstName = firstName
	a.userLastName = lastName
	return a.render("expires_in", int64(2), "access_token", a.accessToken, "token_type", "Bearer", "scope", grantType)
}

func (a *API) loginStatus() pyval.Value {
	loggedOut := a.tokenExpiresIn == nil || isZero(a.tokenExpiresIn)
	return a.render("status", !loggedOut)
}

func (a *API) registerCreditCard(accessToken, number, expiration, holder, cvv pyval.Value) (pyval.Value, error) {
	if a.tokenExpiresIn == nil {
		return failure("", "Token not initialized"), nil
	}
	if msg := a.tokenError(accessToken); msg != "" {
		return failure("", msg), nil
	}
	// The reference checks the card number against the card ids.
	_, dup, err := lookup(a.creditCards, number)
	if err != nil {
		return nil, err
	}
	if dup {
		return failure("", "Card already registered"), nil
	}
	id := a.randID(100000000000, 999999999999)
	a.creditCards.Set(id, pyval.DictOf(
		"card_number", number,
		"expiration_date", expiration,
		"cardholder_name", holder,
		"card_verification_number", cvv,
		"balance", a.ids.randInt(10000, 99999),
	))
	return a.render("card_id", id), nil
}

// routeCost is get_flight_cost's pricing: the route's base cost (an
// error when the route or class is unknown) and the multiplier of class
// and date (2 when the digits of the date sum to an even number).
func routeCost(from, to, date, class pyval.Value) (base, mult int, err error) {
	// Hashing the pair (from, to) hashes from, then to.
	if err := unhashable(from); err != nil {
		return 0, 0, err
	}
	if err := unhashable(to); err != nil {
		return 0, 0, err
	}
	f, ok1 := from.(string)
	t, ok2 := to.(string)
	base, ok := routeIndex[[2]string{f, t}]
	if !ok1 || !ok2 || !ok {
		return 0, 0, pyval.ValueError(errNoRoute)
	}
	if mult = classMult(class); mult == 0 {
		return 0, 0, pyval.ValueError("Invalid travel class. Options are: economy, business, first.")
	}
	parity, err := digitSumParity(date)
	if err != nil {
		return 0, 0, err
	}
	if parity == 0 {
		mult *= 2
	}
	return base, mult, nil
}

const errNoRoute = "No available route for the given airports."

// classMult is a travel class's price multiplier, 0 for a value that is
// no travel class.
func classMult(class pyval.Value) int {
	switch c, _ := class.(string); c {
	case "economy":
		return 1
	case "business":
		return 2
	case "first":
		return 5
	}
	return 0
}

// digitSumParity is sum(int(c) for c in date if c.isdigit()) % 2 for
// whatever the reference would iterate over.
func digitSumParity(date pyval.Value) (int, error) {
	var elems []pyval.Value
	switch x := date.(type) {
	case string:
		p := 0
		for _, r := range x {
			switch {
			case r >= '0' && r <= '9':
				p += int(r - '0')
			case r < 0x80:
			case isDigitStr(string(r)):
				d, err := digitParity(string(r))
				if err != nil {
					return 0, err
				}
				p += d
			}
		}
		return p % 2, nil
	case []pyval.Value:
		elems = x
	case pyval.Tuple:
		elems = x
	case *pyval.Dict:
		elems = x.Keys()
	case *pyval.Set:
		elems = x.Values()
	default:
		return 0, pyval.TypeError("'" + pyval.TypeName(date) + "' object is not iterable")
	}
	p := 0
	for _, e := range elems {
		s, ok := e.(string)
		if !ok {
			return 0, pyval.Exc("AttributeError", "'"+pyval.TypeName(e)+"' object has no attribute 'isdigit'")
		}
		if !isDigitStr(s) {
			continue
		}
		d, err := digitParity(s)
		if err != nil {
			return 0, err
		}
		p += d
	}
	return p % 2, nil
}

func (a *API) flightCost(from, to, date, class pyval.Value) (pyval.Value, error) {
	base, mult, err := routeCost(from, to, date, class)
	if err != nil {
		return nil, err
	}
	if a.longContext {
		return allRouteCosts(mult), nil
	}
	return a.out.Return(bfcl.FloatResult(`{"travel_cost_list": [`, float64(base*mult), `]}`)), nil
}

// routeCosts caches, by multiplier, the long-context result (every
// route's cost): a few multipliers cover every call.
var routeCosts sync.Map // int -> bfcl.JSONResult, boxed

// allRouteCosts is get_flight_cost's long-context result: every route's
// base cost times mult.
func allRouteCosts(mult int) pyval.Value {
	if r, ok := routeCosts.Load(mult); ok {
		return r
	}
	costs := make([]pyval.Value, len(routes))
	for i, r := range routes {
		costs[i] = float64(r.base * mult)
	}
	r, _ := routeCosts.LoadOrStore(mult, bfcl.RenderDict("travel_cost_list", costs)) // floats always render
	return r
}

func (a *API) creditCardBalance(accessToken, cardID pyval.Value) (pyval.Value, error) {
	if msg := a.tokenError(accessToken); msg != "" {
		return failure("", msg), nil
	}
	card, ok, err := lookup(a.creditCards, cardID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return failure("", "Card not registered. Here are a list of card_id's: "+pyval.Repr(a.creditCards.Keys())), nil
	}
	bal, err := item(card, "balance")
	if err != nil {
		return nil, err
	}
	return a.render("card_balance", bal), nil
}

// contains is Python's key in container for the card records.
func contains(container pyval.Value, key pyval.Value) (bool, error) {
	switch c := container.(type) {
	case *pyval.Dict:
		_, ok := c.Get(key)
		return ok, nil
	case string:
		k, _ := key.(string)
		return strings.Contains(c, k), nil
	case []pyval.Value:
		for _, e := range c {
			if pyval.Equal(e, key) {
				return true, nil
			}
		}
		return false, nil
	case pyval.Tuple:
		for _, e := range c {
			if pyval.Equal(e, key) {
				return true, nil
			}
		}
		return false, nil
	case *pyval.Set:
		return c.Has(key), nil
	}
	return false, pyval.TypeError("argument of type '" + pyval.TypeName(container) + "' is not iterable")
}

// airportSet holds the airports, for book_flight's checks.
var airportSet = func() map[string]bool {
	m := make(map[string]bool, len(airports))
	for _, ap := range airports {
		m[ap] = true
	}
	return m
}()

func isAirport(v pyval.Value) bool {
	s, ok := v.(string)
	return ok && airportSet[s]
}

func (a *API) bookFlight(accessToken, cardID, date, from, to, class pyval.Value) (pyval.Value, error) {
	const status = "booking_status"
	if msg := a.tokenError(accessToken); msg != "" {
		return failure(status, msg), nil
	}
	cardV, ok, err := lookup(a.creditCards, cardID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return failure(status, "Card not registered"), nil
	}
	// A card is a dict: "balance" in card and card["balance"] are one
	// look-up.
	card, isDict := cardV.(*pyval.Dict)
	var balance pyval.Value
	if isDict {
		var has bool
		if balance, has = card.Get("balance"); !has {
			return failure(status, "Balance not found"), nil
		}
	} else if has, err := contains(cardV, "balance"); err != nil {
		return nil, err
	} else if !has {
		return failure(status, "Balance not found"), nil
	}
	if !isAirport(from) {
		return failure(status, "Invalid departure airport code: "+pyval.Str(from)), nil
	}
	if !isAirport(to) {
		return failure(status, "Invalid destination airport code: "+pyval.Str(to)), nil
	}
	if _, err := strptimeYMD(date); err != nil {
		if pyval.IsExc(err, "ValueError") {
			return failure(status, "Invalid date format. Use YYYY-MM-DD."), nil
		}
		return nil, err
	}
	if err := unhashable(class); err != nil {
		return nil, err
	}
	mult := classMult(class)
	if mult == 0 {
		return failure(status, "Invalid travel class. Must be one of "+validClassesRepr), nil
	}
	// get_flight_cost's pricing, its checks of the airports and the class
	// made above: both airports are known, so strs.
	base, ok := routeIndex[[2]string{from.(string), to.(string)}]
	if !ok {
		return failure(status, errNoRoute), nil
	}
	parity, err := digitSumParity(date)
	if err != nil {
		if pyval.IsExc(err, "ValueError") {
			return failure(status, err.Error()), nil
		}
		return nil, err
	}
	if parity == 0 {
		mult *= 2
	}
	// Each value is boxed once, for all the places it goes.
	var cost pyval.Value = float64(base * mult)

	if !isDict {
		_, err := item(cardV, "balance")
		return nil, err
	}
	if lt, err := less(balance, cost); err != nil {
		return nil, err
	} else if lt {
		return failure(status, "Insufficient funds"), nil
	}
	if a.budgetLimit != nil {
		if lt, err := less(balance, a.budgetLimit); err != nil {
			return nil, err
		} else if lt {
			return failure(status, "Balance is less than budget limit"), nil
		}
	}
	newBalance, err := arith(balance, cost, "-=")
	if err != nil {
		return nil, err
	}
	card, _ = a.ownCard(cardID, card)
	card.Set("balance", newBalance)
	bookingIDText, transactionIDText, res := a.drawBookingIDs()
	var bookingID, transactionID pyval.Value = bookingIDText, transactionIDText
	a.bookings.Set(bookingID, pyval.DictOf(
		"card_id", cardID,
		"travel_date", date,
		"travel_from", from,
		"travel_to", to,
		"travel_class", class,
		"travel_cost", cost,
		"transaction_id", transactionID,
	))
	if !a.longContext {
		return a.out.Return(bfcl.JSONResult(res)), nil
	}
	b := make([]byte, 0, 96+a.historySize())
	b = append(b, `{"booking_id": "`...) // the ids are digit strings: no escaping
	b = append(b, bookingIDText...)
	b = append(b, `", "transaction_id": "`...)
	b = append(b, transactionIDText...)
	b = append(b, `", "booking_status": true, "booking_history": `...)
	if b, ok = a.historyJSON(b); !ok {
		// json.dumps fails: the executor shows str()
		return pyval.DictOf("booking_id", bookingID, "transaction_id", transactionID, status, true, "booking_history", a.bookings), nil
	}
	b = append(b, '}')
	return a.out.Return(bfcl.BytesResult(b)), nil
}

// drawBookingIDs draws book_flight's booking and transaction ids, as
// str(random.randint(...)) twice, in one allocation. Outside the
// long-context variant, where book_flight's result is short, that is
// the result's text, and the ids are cut from it; in the long-context
// variant res is "".
func (a *API) drawBookingIDs() (bookingID, transactionID, res string) {
	bid := a.ids.randInt(1000000, 9999999)
	tid := a.ids.randInt(10000000, 99999999)
	const (
		head = `{"booking_id": "` // the ids are digit strings: no escaping
		mid  = `", "transaction_id": "`
		tail = `", "booking_status": true, "booking_history": {}}`
	)
	if a.longContext {
		b := strconv.AppendInt(make([]byte, 0, 16), bid, 10)
		n := len(b)
		s := bytesString(strconv.AppendInt(b, tid, 10))
		return s[:n], s[n:], ""
	}
	b := append(make([]byte, 0, len(head)+len(mid)+len(tail)+2*20), head...)
	b = strconv.AppendInt(b, bid, 10)
	bEnd := len(b)
	b = append(b, mid...)
	tStart := len(b)
	b = strconv.AppendInt(b, tid, 10)
	tEnd := len(b)
	res = bytesString(append(b, tail...))
	return res[len(head):bEnd], res[tStart:tEnd], res
}

// invoiceFields are the booking fields an invoice copies, in its order.
var invoiceFields = [...]string{"travel_date", "travel_from", "travel_to", "travel_class", "travel_cost", "transaction_id"}

func (a *API) retrieveInvoice(accessToken, bookingID pyval.Value) (pyval.Value, error) {
	if msg := a.tokenError(accessToken); msg != "" {
		return failure("", msg), nil
	}
	rec, ok, err := lookup(a.bookings, bookingID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return failure("", "Booking not found"), nil
	}
	// rec[f] for each field, the record read in one pass: only a str
	// equals a str key.
	var vals [len(invoiceFields)]pyval.Value
	var have [len(invoiceFields)]bool
	if d, isDict := rec.(*pyval.Dict); isDict {
		d.Items(func(k, v pyval.Value) bool {
			if s, isStr := k.(string); isStr {
				for i, f := range invoiceFields {
					if s == f {
						vals[i], have[i] = v, true
						break
					}
				}
			}
			return true
		})
	}
	for i, f := range invoiceFields {
		if !have[i] {
			_, err := item(rec, f) // the KeyError, or the TypeError of a record that is no dict
			return nil, err
		}
	}
	return renderInvoice(bookingID, vals[:]), nil
}

func (a *API) bookingHistory(accessToken pyval.Value) pyval.Value {
	if msg := a.tokenError(accessToken); msg != "" {
		return failure("", msg)
	}
	return bfcl.RenderDict("booking_history", a.bookings) // rendered at once: no copy needed
}

// allAirports is list_all_airports's result, a list that never changes,
// with its str().
var allAirports = func() *bfcl.Rendered {
	list := make([]pyval.Value, len(airports))
	for i, ap := range airports {
		list[i] = ap
	}
	return &bfcl.Rendered{Text: pyval.Str(list), Value: list}
}()

func listAllAirports() pyval.Value { return allAirports }

func (a *API) cancelBooking(accessToken, bookingID pyval.Value) (pyval.Value, error) {
	const status = "cancel_status"
	if msg := a.tokenError(accessToken); msg != "" {
		return failure(status, msg), nil
	}
	rec, ok, err := lookup(a.bookings, bookingID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return failure(status, "Booking not found"), nil
	}
	cardID, err := item(rec, "card_id")
	if err != nil {
		return nil, err
	}
	cost, err := item(rec, "travel_cost")
	if err != nil {
		return nil, err
	}
	card, err := item(a.creditCards, cardID)
	if err != nil {
		return nil, err
	}
	balance, err := item(card, "balance")
	if err != nil {
		return nil, err
	}
	newBalance, err := arith(balance, cost, "+=")
	if err != nil {
		return nil, err
	}
	own, _ := a.ownCard(cardID, card)
	own.Set("balance", newBalance)
	a.bookings.Delete(bookingID)
	return resCancelled, nil
}

func computeExchangeRate(base, target, value pyval.Value) (pyval.Value, error) {
	// Only a str equals the table's currency codes.
	b, ok1 := base.(string)
	t, ok2 := target.(string)
	if !ok1 || !ok2 {
		return nil, pyval.ValueError("No available exchange rate for the given currencies.")
	}
	for _, r := range exchangeRates {
		switch {
		case b == r.from && t == r.to:
			f, err := mulFloat(value, r.rate)
			if err != nil {
				return nil, err
			}
			return bfcl.FloatResult(`{"exchanged_value": `, f, `}`), nil
		case b == r.to && t == r.from:
			f, err := divFloat(value, r.rate)
			if err != nil {
				return nil, err
			}
			return bfcl.FloatResult(`{"exchanged_value": `, pyval.Round(f, 2), `}`), nil
		}
	}
	return nil, pyval.ValueError("No available exchange rate for the given currencies.")
}

// verify_traveler_information's results that never vary, rendered once.
var (
	resVerified        = bfcl.RenderDict("verification_status", true)
	resBadBirthDate    = verifyFailure("Invalid date of birth format. Please use YYYY-MM-DD.")
	resUnderage        = verifyFailure("Traveler must be at least 18 years old.")
	resForeignPassport = verifyFailure("Passport must be issued by the United States.")
)

func verifyFailure(reason string) pyval.Value {
	return bfcl.RenderDict("verification_status", false, "verification_failure", reason)
}

func (a *API) verifyTraveler(first, last, birth, passport pyval.Value) (pyval.Value, error) {
	const status, reason = "verification_status", "verification_failure"
	if !pyval.Equal(a.userFirstName, first) || !pyval.Equal(a.userLastName, last) {
		return bfcl.RenderDict(status, false, reason,
			"Cannot book flight information for another user.Expected "+pyval.Str(a.userFirstName)+" "+pyval.Str(a.userLastName)+
				", got "+pyval.Str(first)+" "+pyval.Str(last)), nil
	}
	b, err := strptimeYMD(birth)
	if err != nil {
		if pyval.IsExc(err, "ValueError") {
			return resBadBirthDate, nil
		}
		return nil, err
	}
	age := a.today.year - b.year
	if a.today.month < b.month || (a.today.month == b.month && a.today.day < b.day) {
		age--
	}
	if age < 18 {
		return resUnderage, nil
	}
	p, ok := passport.(string)
	if !ok {
		return nil, pyval.Exc("AttributeError", "'"+pyval.TypeName(passport)+"' object has no attribute 'startswith'")
	}
	if !strings.HasPrefix(p, "US") {
		return resForeignPassport, nil
	}
	return resVerified, nil
}

func (a *API) setBudgetLimit(accessToken, limit pyval.Value) (pyval.Value, error) {
	if msg := a.tokenError(accessToken); msg != "" {
		return failure("", msg), nil
	}
	f, err := toFloat(limit)
	if err != nil {
		return nil, err
	}
	a.budgetLimit = f
	return a.out.Return(bfcl.FloatResult(`{"budget_limit": `, f, `}`)), nil
}

func nearestAirport(location pyval.Value) (pyval.Value, error) {
	if err := unhashable(location); err != nil {
		return nil, err
	}
	ap := "Unknown"
	if s, ok := location.(string); ok {
		if v, ok := nearestAirports[s]; ok {
			ap = v
		}
	}
	return bfcl.RenderDict("nearest_airport", ap), nil
}

func (a *API) purchaseInsurance(accessToken, bookingID, cost, cardID pyval.Value) (pyval.Value, error) {
	const status = "insurance_status"
	if msg := a.tokenError(accessToken); msg != "" {
		return failure(status, msg), nil
	}
	if a.budgetLimit != nil {
		if lt, err := less(a.budgetLimit, cost); err != nil {
			return nil, err
		} else if lt {
			return failure(status, "Exceeded budget limit"), nil
		}
	}
	if _, ok, err := lookup(a.bookings, bookingID); err != nil {
		return nil, err
	} else if !ok {
		return failure(status, "Booking not found"), nil
	}
	card, ok, err := lookup(a.creditCards, cardID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return failure(status, "Credit card not registered"), nil
	}
	balance, err := item(card, "balance")
	if err != nil {
		return nil, err
	}
	newBalance, err := arith(balance, cost, "-=")
	if err != nil {
		return nil, err
	}
	own, _ := a.ownCard(cardID, card)
	own.Set("balance", newBalance)
	const head, tail = `{"insurance_id": "`, `", "insurance_status": true}` // the id is a digit string: no escaping
	b := append(make([]byte, 0, len(head)+20+len(tail)), head...)
	b = strconv.AppendInt(b, a.ids.randInt(100000000, 999999999), 10)
	return a.out.Return(bfcl.BytesResult(append(b, tail...))), nil
}

func (a *API) contactSupport(bookingID pyval.Value) (pyval.Value, error) {
	_, ok, err := lookup(a.bookings, bookingID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return failure("", "Booking not found"), nil
	}
	return resSupport, nil
}
