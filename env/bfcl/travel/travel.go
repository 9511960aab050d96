// Package travel is BFCL's TravelAPI (the reference's travel_booking.py)
// in Go: a travel-booking world of credit cards, flight bookings, travel
// insurance, flight costs, currency exchange and traveller checks, with
// ids drawn from a seeded CPython random.Random in the reference's order,
// so that results and states equal the reference's byte for byte, error
// texts included (also the Python exceptions a model's wrongly typed
// arguments raise in the reference).
//
// The class registers itself with the bfcl framework as "TravelAPI";
// import the package for its side effect, or use [New] directly.
//
// Where the reference depends on more than its inputs, this port pins it:
//
//   - verify_traveler_information counts the traveller's age up to
//     datetime.today(). Here today is 2026-03-23 (the date of the reference
//     commit the anchors were made from) unless [API.SetToday] says
//     otherwise. No ground-truth call depends on it: every date of birth
//     in the data is decades back.
//   - book_flight's error for an unknown travel class prints a Python set,
//     whose order CPython salts per process; here it is the order of the
//     set's literal, {'economy', 'business', 'first'}.
//   - The long-context variant merges the extension cards and bookings
//     into the instance without copying them, so in the reference every
//     instance of a process shares those card dicts: a balance change made
//     by one (a model's run, the ground truth's run, an earlier entry) shows
//     in all. Each instance here has its own copies, as if every entry ran
//     in a fresh process. The ground truth never changes an extension card.
package travel

import (
	"fmt"
	"sync"
	"time"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// ClassName is the reference's class name.
const ClassName = "TravelAPI"

// DefaultSeed is the seed of the id generator when the scenario gives
// none (the reference's DEFAULT_STATE["random_seed"]).
const DefaultSeed = 141053

// defaultToday is the date verify_traveler_information takes as today
// unless SetToday changes it.
var defaultToday = ymd{2026, 3, 23}

func init() {
	bfcl.RegisterClass(ClassName, func() bfcl.Class { return New() })
}

// API is one TravelAPI instance. The zero value is not usable; use [New],
// then [API.Load] as the reference's executor calls _load_scenario.
type API struct {
	out bfcl.Out // the result slot (see bfcl.Out)
	ids idSource // random.Random: booking, card and other ids

	creditCards    *pyval.Dict // credit_card_list: card id -> card dict
	bookings       *pyval.Dict // booking_record: booking id -> booking dict
	accessToken    pyval.Value
	tokenType      pyval.Value
	tokenExpiresIn pyval.Value
	tokenScope     pyval.Value
	userFirstName  pyval.Value
	userLastName   pyval.Value
	budgetLimit    pyval.Value
	longContext    bool

	ext   *extension // the long-context constants; nil otherwise
	today ymd

	// The empty dicts of an instance New makes, in its own allocation
	// (Load replaces them).
	noCards, noBookings pyval.Dict
}

// New returns an instance in the reference's state before
// _load_scenario: no cards, no bookings, no token.
func New() *API {
	a := &API{today: defaultToday} // a.ids is at DefaultSeed, as the zero idSource is
	a.creditCards, a.bookings = &a.noCards, &a.noBookings
	return a
}

// SetToday sets the date verify_traveler_information counts ages up to
// (by default 2026-03-23); only its year, month and day count.
func (a *API) SetToday(t time.Time) {
	a.today = ymd{t.Year(), int(t.Month()), t.Day()}
}

// Name implements bfcl.Class.
func (a *API) Name() string { return ClassName }

// CopiesConfig implements bfcl.ConfigCopier: Load copies what a method
// may change (see Load).
func (*API) CopiesConfig() {}

// Load implements bfcl.Class: it sets the scenario as the reference's
// _load_scenario does, taking the dicts of config as its own, and in the
// long-context variant adds the extension cards and bookings that the
// scenario does not already have.
func (a *API) Load(config *pyval.Dict, longContext bool) error {
	get := func(key string, def pyval.Value) pyval.Value {
		if config == nil {
			return def
		}
		if v, ok := config.Get(key); ok {
			return v
		}
		return def
	}
	if err := a.ids.seed(get("random_seed", int64(DefaultSeed))); err != nil {
		return fmt.Errorf("travel: random_seed: %w", err)
	}
	cards, ok := get("credit_card_list", noItems).(*pyval.Dict)
	if !ok {
		return fmt.Errorf("travel: credit_card_list must be a dict")
	}
	bookings, ok := get("booking_record", noItems).(*pyval.Dict)
	if !ok {
		return fmt.Errorf("travel: booking_record must be a dict")
	}
	a.accessToken = get("access_token", nil)
	a.tokenType = get("token_type", nil)
	a.tokenExpiresIn = get("token_expires_in", nil)
	a.tokenScope = get("token_scope", nil)
	a.userFirstName = get("user_first_name", nil)
	a.userLastName = get("user_last_name", nil)
	a.budgetLimit = get("budget_limit", nil)
	a.longContext = longContext
	a.ext = nil
	// The config is the entry's own (CopiesConfig): the instance takes a
	// deep copy of the cards (balances change) and a copy of the booking
	// record's dict, with room for the booking book_flight adds; no method
	// changes a booking record or any other value in place.
	if !longContext {
		a.creditCards = cards.Clone()
		a.bookings = withRoom(bookings, nil, false, 1)
		return nil
	}
	x, err := loadExtension()
	if err != nil {
		return err
	}
	a.ext = x
	a.creditCards = withRoom(cards, x.cards, true, 0)
	a.bookings = withRoom(bookings, x.bookings, false, 1)
	return nil
}

// noItems is the empty dict Load reads when the config has no cards or
// bookings; it only reads it.
var noItems = pyval.NewDict()

// State implements bfcl.Class: the public attributes in the order of the
// reference's vars(). The dicts are the instance's own; callers must not
// change them.
func (a *API) State() *pyval.Dict {
	return pyval.DictOf(
		"credit_card_list", a.creditCards,
		"booking_record", a.bookings,
		"access_token", a.accessToken,
		"token_type", a.tokenType,
		"token_expires_in", a.tokenExpiresIn,
		"token_scope", a.tokenScope,
		"user_first_name", a.userFirstName,
		"user_last_name", a.userLastName,
		"budget_limit", a.budgetLimit,
		"long_context", a.longContext,
	)
}

// StateEqual implements bfcl.StateComparer: the attributes State lists,
// compared without copying them.
func (a *API) StateEqual(other bfcl.Class) bool {
	o, ok := other.(*API)
	return ok && pyval.Equal(a.creditCards, o.creditCards) &&
		pyval.Equal(a.bookings, o.bookings) &&
		pyval.Equal(a.accessToken, o.accessToken) &&
		pyval.Equal(a.tokenType, o.tokenType) &&
		pyval.Equal(a.tokenExpiresIn, o.tokenExpiresIn) &&
		pyval.Equal(a.tokenScope, o.tokenScope) &&
		pyval.Equal(a.userFirstName, o.userFirstName) &&
		pyval.Equal(a.userLastName, o.userLastName) &&
		pyval.Equal(a.budgetLimit, o.budgetLimit) &&
		pyval.Equal(a.longContext, o.longContext)
}

// Clone implements bfcl.Class.
func (a *API) Clone() bfcl.Class {
	c := *a
	c.noCards, c.noBookings = pyval.Dict{}, pyval.Dict{} // unused: the clone has copies
	c.ids = a.ids.clone()
	c.creditCards = a.creditCards.Clone()
	c.bookings = a.bookings.Clone()
	c.accessToken = pyval.DeepCopy(a.accessToken)
	c.tokenType = pyval.DeepCopy(a.tokenType)
	c.tokenExpiresIn = pyval.DeepCopy(a.tokenExpiresIn)
	c.tokenScope = pyval.DeepCopy(a.tokenScope)
	c.userFirstName = pyval.DeepCopy(a.userFirstName)
	c.userLastName = pyval.DeepCopy(a.userLastName)
	c.budgetLimit = pyval.DeepCopy(a.budgetLimit)
	return &c
}

// Methods implements bfcl.Class.
func (a *API) Methods() []bfcl.Method { return bfcl.Bound(a, methodTable()) }

// MethodTable implements bfcl.MethodTable: the methods of Methods, for
// any instance.
func (*API) MethodTable() []bfcl.Method { return methodTable() }

// methodTable lists the methods once.
var methodTable = sync.OnceValue(func() []bfcl.Method {
	req, opt := bfcl.Req, bfcl.Opt
	m := func(name string, params []bfcl.Param, call func(*API, []pyval.Value) (pyval.Value, error)) bfcl.Method {
		return bfcl.Method{Name: name, Params: params, Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { return call(c.(*API), v) }}
	}
	ps := func(p ...bfcl.Param) []bfcl.Param { return p }
	return []bfcl.Method{
		m("authenticate_travel", ps(req("client_id"), req("client_secret"), req("refresh_token"), req("grant_type"), req("user_first_name"), req("user_last_name")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.authenticate(v[3], v[4], v[5]), nil }),
		m("travel_get_login_status", nil,
			func(a *API, _ []pyval.Value) (pyval.Value, error) { return a.loginStatus(), nil }),
		m("get_budget_fiscal_year", ps(opt("lastModifiedAfter", nil), opt("includeRemoved", nil)),
			func(a *API, _ []pyval.Value) (pyval.Value, error) {
				return bfcl.RenderDict("budget_fiscal_year", "2018"), nil
			}),
		m("register_credit_card", ps(req("access_token"), req("card_number"), req("expiration_date"), req("cardholder_name"), req("card_verification_number")),
			func(a *API, v []pyval.Value) (pyval.Value, error) {
				return a.registerCreditCard(v[0], v[1], v[2], v[3], v[4])
			}),
		m("get_flight_cost", ps(req("travel_from"), req("travel_to"), req("travel_date"), req("travel_class")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.flightCost(v[0], v[1], v[2], v[3]) }),
		m("get_credit_card_balance", ps(req("access_token"), req("card_id")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.creditCardBalance(v[0], v[1]) }),
		m("book_flight", ps(req("access_token"), req("card_id"), req("travel_date"), req("travel_from"), req("travel_to"), req("travel_class")),
			func(a *API, v []pyval.Value) (pyval.Value, error) {
				return a.bookFlight(v[0], v[1], v[2], v[3], v[4], v[5])
			}),
		m("retrieve_invoice", ps(req("access_token"), opt("booking_id", nil), opt("insurance_id", nil)),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.retrieveInvoice(v[0], v[1]) }),
		m("get_booking_history", ps(req("access_token")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.bookingHistory(v[0]), nil }),
		m("list_all_airports", nil,
			func(a *API, _ []pyval.Value) (pyval.Value, error) { return listAllAirports(), nil }),
		m("cancel_booking", ps(req("access_token"), req("booking_id")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.cancelBooking(v[0], v[1]) }),
		m("compute_exchange_rate", ps(req("base_currency"), req("target_currency"), req("value")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return computeExchangeRate(v[0], v[1], v[2]) }),
		m("verify_traveler_information", ps(req("first_name"), req("last_name"), req("date_of_birth"), req("passport_number")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.verifyTraveler(v[0], v[1], v[2], v[3]) }),
		m("set_budget_limit", ps(req("access_token"), req("budget_limit")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.setBudgetLimit(v[0], v[1]) }),
		m("get_nearest_airport_by_city", ps(req("location")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return nearestAirport(v[0]) }),
		m("purchase_insurance", ps(req("access_token"), req("insurance_type"), req("booking_id"), req("insurance_cost"), req("card_id")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.purchaseInsurance(v[0], v[2], v[3], v[4]) }),
		m("contact_customer_support", ps(req("booking_id"), req("message")),
			func(a *API, v []pyval.Value) (pyval.Value, error) { return a.contactSupport(v[0]) }),
		m("get_all_credit_cards", nil,
			func(a *API, _ []pyval.Value) (pyval.Value, error) {
				return bfcl.RenderDict("credit_card_list", a.creditCards), nil
			}),
	}
})
