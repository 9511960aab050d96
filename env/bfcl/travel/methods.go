package travel

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"

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

// failure builds the {<statusKey>: False, "error": msg} dicts the
// reference answers refusals with; statusKey "" leaves the status out.
func failure(statusKey, msg string) *pyval.Dict {
	if statusKey == "" {
		return pyval.DictOf("error", msg)
	}
	return pyval.DictOf(statusKey, false, "error", msg)
}

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
	return strconv.FormatInt(a.rng.RandInt(lo, hi), 10)
}

func (a *API) authenticate(grantType, firstName, lastName pyval.Value) *pyval.Dict {
	a.tokenExpiresIn = int64(2)
	a.accessToken = a.randID(100000, 999999)
	a.tokenType = "Bearer"
	a.tokenScope = grantType
	a.userFirstName = firstName
	a.userLastName = lastName
	return pyval.DictOf("expires_in", int64(2), "access_token", a.accessToken, "token_type", "Bearer", "scope", grantType)
}

func (a *API) loginStatus() *pyval.Dict {
	loggedOut := a.tokenExpiresIn == nil || isZero(a.tokenExpiresIn)
	return pyval.DictOf("status", !loggedOut)
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
		"balance", a.rng.RandInt(10000, 99999),
	))
	return pyval.DictOf("card_id", id), nil
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
		return 0, 0, pyval.ValueError("No available route for the given airports.")
	}
	switch c, _ := class.(string); {
	case c == "economy":
		mult = 1
	case c == "business":
		mult = 2
	case c == "first":
		mult = 5
	}
	if mult == 0 {
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
		return pyval.DictOf("travel_cost_list", allRouteCosts(mult)), nil
	}
	return pyval.DictOf("travel_cost_list", []pyval.Value{float64(base * mult)}), nil
}

// routeCostsJSON caches, by multiplier, the rendering of the long-context
// cost list (every route's cost): a few multipliers cover every call.
var routeCostsJSON sync.Map // int -> json.RawMessage

// allRouteCosts is the long-context cost list, every route's base cost
// times mult, as its JSON rendering (the executor writes it as is; the
// list only ever goes into get_flight_cost's result).
func allRouteCosts(mult int) json.RawMessage {
	if b, ok := routeCostsJSON.Load(mult); ok {
		return b.(json.RawMessage)
	}
	costs := make([]pyval.Value, len(routes))
	for i, r := range routes {
		costs[i] = float64(r.base * mult)
	}
	s, _ := pyval.JSONDumps(costs) // floats always render
	b := json.RawMessage(s)
	routeCostsJSON.Store(mult, b)
	return b
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
	return pyval.DictOf("card_balance", bal), nil
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

func isAirport(v pyval.Value) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	for _, ap := range airports {
		if ap == s {
			return true
		}
	}
	return false
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
	if has, err := contains(cardV, "balance"); err != nil {
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
	if c, _ := class.(string); c != "economy" && c != "business" && c != "first" {
		return failure(status, "Invalid travel class. Must be one of "+validClassesRepr), nil
	}
	base, mult, err := routeCost(from, to, date, class)
	if err != nil {
		if pyval.IsExc(err, "ValueError") {
			return failure(status, err.Error()), nil
		}
		return nil, err
	}
	cost := float64(base * mult)

	card, ok := cardV.(*pyval.Dict)
	if !ok {
		_, err := item(cardV, "balance")
		return nil, err
	}
	balance, _ := card.Get("balance")
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
	card.Set("balance", newBalance)
	bookingID := a.randID(1000000, 9999999)
	transactionID := a.randID(10000000, 99999999)
	a.bookings.Set(bookingID, pyval.DictOf(
		"card_id", cardID,
		"travel_date", date,
		"travel_from", from,
		"travel_to", to,
		"travel_class", class,
		"travel_cost", cost,
		"transaction_id", transactionID,
	))
	history := pyval.NewDict()
	if a.longContext {
		history = a.bookings
	}
	return pyval.DictOf("booking_id", bookingID, "transaction_id", transactionID, status, true, "booking_history", history), nil
}

// invoiceFields are the booking fields an invoice copies, in its order.
var invoiceFields = [...]pyval.Value{"travel_date", "travel_from", "travel_to", "travel_class", "travel_cost", "transaction_id"}

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
	inv := pyval.NewDict()
	inv.Set("booking_id", bookingID)
	for _, f := range invoiceFields {
		v, err := item(rec, f)
		if err != nil {
			return nil, err
		}
		inv.Set(f, v)
	}
	return pyval.DictOf("invoice", inv), nil
}

func (a *API) bookingHistory(accessToken pyval.Value) pyval.Value {
	if msg := a.tokenError(accessToken); msg != "" {
		return failure("", msg)
	}
	return pyval.DictOf("booking_history", a.bookings.Clone())
}

func listAllAirports() pyval.Value {
	out := make([]pyval.Value, len(airports))
	for i, ap := range airports {
		out[i] = ap
	}
	return out
}

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
	card.(*pyval.Dict).Set("balance", newBalance)
	a.bookings.Delete(bookingID)
	return pyval.DictOf(status, true), nil
}

func computeExchangeRate(base, target, value pyval.Value) (pyval.Value, error) {
	for _, r := range exchangeRates {
		switch {
		case pyval.Equal(base, r.from) && pyval.Equal(target, r.to):
			f, err := mulFloat(value, r.rate)
			if err != nil {
				return nil, err
			}
			return pyval.DictOf("exchanged_value", f), nil
		case pyval.Equal(base, r.to) && pyval.Equal(target, r.from):
			f, err := divFloat(value, r.rate)
			if err != nil {
				return nil, err
			}
			return pyval.DictOf("exchanged_value", pyval.Round(f, 2)), nil
		}
	}
	return nil, pyval.ValueError("No available exchange rate for the given currencies.")
}

func (a *API) verifyTraveler(first, last, birth, passport pyval.Value) (pyval.Value, error) {
	const status, reason = "verification_status", "verification_failure"
	if !pyval.Equal(a.userFirstName, first) || !pyval.Equal(a.userLastName, last) {
		return pyval.DictOf(status, false, reason,
			"Cannot book flight information for another user.Expected "+pyval.Str(a.userFirstName)+" "+pyval.Str(a.userLastName)+
				", got "+pyval.Str(first)+" "+pyval.Str(last)), nil
	}
	b, err := strptimeYMD(birth)
	if err != nil {
		if pyval.IsExc(err, "ValueError") {
			return pyval.DictOf(status, false, reason, "Invalid date of birth format. Please use YYYY-MM-DD."), nil
		}
		return nil, err
	}
	age := a.today.year - b.year
	if a.today.month < b.month || (a.today.month == b.month && a.today.day < b.day) {
		age--
	}
	if age < 18 {
		return pyval.DictOf(status, false, reason, "Traveler must be at least 18 years old."), nil
	}
	p, ok := passport.(string)
	if !ok {
		return nil, pyval.Exc("AttributeError", "'"+pyval.TypeName(passport)+"' object has no attribute 'startswith'")
	}
	if !strings.HasPrefix(p, "US") {
		return pyval.DictOf(status, false, reason, "Passport must be issued by the United States."), nil
	}
	return pyval.DictOf(status, true), nil
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
	return pyval.DictOf("budget_limit", f), nil
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
	return pyval.DictOf("nearest_airport", ap), nil
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
	card.(*pyval.Dict).Set("balance", newBalance)
	return pyval.DictOf("insurance_id", a.randID(100000000, 999999999), status, true), nil
}

func (a *API) contactSupport(bookingID pyval.Value) (pyval.Value, error) {
	_, ok, err := lookup(a.bookings, bookingID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return failure("", "Booking not found"), nil
	}
	return pyval.DictOf("customer_support_message", supportReply), nil
}
