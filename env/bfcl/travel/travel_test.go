package travel

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// TestReplay replays every ground-truth call of the four multi-turn
// categories that TravelAPI owns and compares results and states with
// the Python reference's.
func TestReplay(t *testing.T) { bfcltest.CheckClass(t, ClassName) }

// conformanceCase is one case of the files under testdata: calls run in
// order on a fresh instance, with the results and final state the Python
// reference (travel_booking.py, its results stringified as the executor
// does) produced for them. cases.json reaches, call by call, the error
// paths the ground truth never does (wrong tokens, unknown ids, wrong
// argument types, bad dates, budgets, funds); random_calls.json holds
// seeded random call sequences over the same kinds of arguments. Where
// the reference prints its set of travel classes (in an order that
// changes from process to process) the files hold the order this port
// pins.
type conformanceCase struct {
	Name        string          `json:"name"`
	LongContext bool            `json:"long_context"`
	Config      json.RawMessage `json:"config"`
	Calls       []string        `json:"calls"`
	Results     []string        `json:"results"`
	// FinalState is the reference's json.dumps of the public attributes
	// (a string, as it may hold NaN).
	FinalState string `json:"final_state"`
}

func loadCases(t *testing.T, file string) []conformanceCase {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cases []conformanceCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func newEnv(t testing.TB, config json.RawMessage, longContext bool) *bfcl.Env {
	t.Helper()
	cfg, err := pyval.FromJSON(config)
	if err != nil {
		t.Fatal(err)
	}
	e, err := bfcl.New([]string{ClassName}, pyval.DictOf(ClassName, cfg), longContext)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestConformance(t *testing.T) {
	for _, file := range []string{"testdata/cases.json", "testdata/random_calls.json"} {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(file, "testdata/"), ".json"), func(t *testing.T) {
			for _, c := range loadCases(t, file) {
				t.Run(c.Name, func(t *testing.T) {
					if c.LongContext {
						bfcltest.AnchorDir(t) // loads the long-context constants
					}
					e := newEnv(t, c.Config, c.LongContext)
					for i, call := range c.Calls {
						if got := e.Exec(call); got != c.Results[i] {
							t.Errorf("%s\n got: %s\nwant: %s", call, got, c.Results[i])
						}
					}
					if msg := stateDiff(e, c.FinalState); msg != "" {
						t.Errorf("final state: %s", msg)
					}
				})
			}
		})
	}
}

// stateDiff compares the env's TravelAPI state with the reference's
// json.dumps of it, by their renderings (so NaN matches NaN).
func stateDiff(e *bfcl.Env, want string) string {
	st, _ := e.States().Get(ClassName)
	gotJSON, err := pyval.MarshalStateJSON(st)
	if err != nil {
		return err.Error()
	}
	got, err := pyval.FromJSON(gotJSON)
	if err != nil {
		return err.Error()
	}
	w, err := pyval.FromJSON([]byte(want))
	if err != nil {
		return err.Error()
	}
	gs, err1 := pyval.JSONDumps(got)
	ws, err2 := pyval.JSONDumps(w)
	if err1 != nil || err2 != nil || gs != ws {
		return "\n got: " + gs + "\nwant: " + ws
	}
	return ""
}

func TestVerifyTravelerAge(t *testing.T) {
	cases := []struct {
		today, birth string
		want         string
	}{
		{"2026-03-23", "2008-03-23", `{"verification_status": true}`},
		{"2026-03-22", "2008-03-23", `{"verification_status": false, "verification_failure": "Traveler must be at least 18 years old."}`},
		{"2026-02-28", "2008-02-29", `{"verification_status": false, "verification_failure": "Traveler must be at least 18 years old."}`},
		{"2026-03-01", "2008-02-29", `{"verification_status": true}`},
		{"2026-03-23", "1900-01-01", `{"verification_status": true}`},
	}
	for _, c := range cases {
		a := New()
		if err := a.Load(pyval.DictOf("user_first_name", "Ann", "user_last_name", "Lee"), false); err != nil {
			t.Fatal(err)
		}
		today, err := time.Parse("2006-01-02", c.today)
		if err != nil {
			t.Fatal(err)
		}
		a.SetToday(today)
		res, err := a.verifyTraveler("Ann", "Lee", c.birth, "US1")
		if err != nil {
			t.Fatal(err)
		}
		if got := bfcl.ResultString(res); got != c.want {
			t.Errorf("today %s, born %s: got %s, want %s", c.today, c.birth, got, c.want)
		}
	}
}

func TestStrptime(t *testing.T) {
	cases := []struct {
		in   string
		want ymd
		err  string
	}{
		{"2024-01-05", ymd{2024, 1, 5}, ""},
		{"2024-1-5", ymd{2024, 1, 5}, ""},
		{"2024-12- 5", ymd{2024, 12, 5}, ""},
		{"2024-02-29", ymd{2024, 2, 29}, ""},
		{"1900-02-29", ymd{}, "day is out of range for month"},
		{"2023-02-29", ymd{}, "day is out of range for month"},
		{"2024-04-31", ymd{}, "day is out of range for month"},
		{"\uff12\uff10\uff12\uff14-01-1\u0663", ymd{2024, 1, 13}, ""},
		{"0000-01-01", ymd{}, "year 0 is out of range"},
		{"2024-13-01", ymd{}, "time data '2024-13-01' does not match format '%Y-%m-%d'"},
		{"2024-1-011", ymd{}, "unconverted data remains: 1"},
		{"2024-01-35", ymd{}, "unconverted data remains: 5"},
		{"24-01-01", ymd{}, "time data '24-01-01' does not match format '%Y-%m-%d'"},
		{"", ymd{}, "time data '' does not match format '%Y-%m-%d'"},
	}
	for _, c := range cases {
		got, err := strptimeYMD(c.in)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%q: got %v, %v; want error %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q: got %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	if _, err := strptimeYMD(int64(5)); err == nil || err.Error() != "strptime() argument 1 must be str, not int" {
		t.Errorf("int: %v", err)
	}
}

// TestPlainYMD checks the fast path for "YYYY-MM-DD" against strptime's
// general reading: every two-character month and day, in years of every
// kind (leap, century, 0), and texts that are not of that shape.
func TestPlainYMD(t *testing.T) {
	accepted := 0
	for _, year := range []string{"2024", "2023", "1900", "2000", "0000", "0004", "9999"} {
		for m := range 100 {
			for d := range 100 {
				for _, md := range [][2]string{{fmt.Sprintf("%02d", m), fmt.Sprintf("%02d", d)}, {fmt.Sprintf("%d", m%10) + "x", fmt.Sprintf("%02d", d)}} {
					s := year + "-" + md[0] + "-" + md[1]
					got, ok := plainYMD(s)
					want, err := strptimeText(s)
					if ok && (err != nil || got != want) {
						t.Fatalf("%q: fast path %v, strptime %v, %v", s, got, want, err)
					}
					if !ok && err == nil && len(s) == 10 && len(md[0]) == 2 && md[0][1] != 'x' {
						t.Fatalf("%q: fast path refused a date strptime takes whole (%v)", s, want)
					}
					if ok {
						accepted++
					}
				}
			}
		}
	}
	if accepted < 5*365 {
		t.Fatalf("fast path took only %d dates", accepted)
	}
	for _, s := range []string{"2024-1-05", "2024-01-5x", "2024/01/05", "\uff12024-01-0", "2024-01-05 ", "+024-01-05"} {
		if _, ok := plainYMD(s); ok {
			t.Errorf("%q: fast path took it", s)
		}
	}
}

func TestParseFloat(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1.5", 1.5, true}, {" 2 ", 2, true}, {"1_000", 1000, true}, {"1__0", 0, false},
		{"_1", 0, false}, {"1_", 0, false}, {"1e5", 1e5, true}, {"1e1_0", 1e10, true},
		{".5", 0.5, true}, {"5.", 5, true}, {".", 0, false}, {"e5", 0, false},
		{"+-1", 0, false}, {"0x10", 0, false}, {"\u0661\u0662", 12, true}, {"1e400", 0, true},
		{"abc", 0, false}, {"", 0, false}, {"1._5", 0, false},
	}
	for _, c := range cases {
		got, ok := parseFloat(c.in)
		if ok != c.ok || (ok && c.want != 0 && got != c.want) {
			t.Errorf("parseFloat(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestBind(t *testing.T) {
	e := newEnv(t, json.RawMessage(`{}`), false)
	cases := []struct{ call, want string }{
		{"get_flight_cost(travel_from='SFO', travel_to='LAX', travel_date='2024-01-01')",
			"Error during execution: TravelAPI.get_flight_cost() missing 1 required positional argument: 'travel_class'"},
		{"get_flight_cost('SFO', 'LAX', '2024-01-01', 'economy')", `{"travel_cost_list": [400.0]}`},
		{"list_all_airports(1)", "Error during execution: TravelAPI.list_all_airports() takes 1 positional argument but 2 were given"},
		{"retrieve_invoice(access_token=None, invoice='x')", "Error during execution: TravelAPI.retrieve_invoice() got an unexpected keyword argument 'invoice'"},
	}
	for _, c := range cases {
		if got := e.Exec(c.call); got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.call, got, c.want)
		}
	}
}

func TestClone(t *testing.T) {
	cfg := json.RawMessage(`{"credit_card_list": {"c1": {"card_number": "1", "balance": 1000.0}},
		"booking_record": {}, "access_token": "tok", "token_expires_in": 5, "budget_limit": 10.0}`)
	e := newEnv(t, cfg, false)
	orig := e.Classes()[0].(*API)
	cl := orig.Clone().(*API)

	book := "book_flight(access_token='tok', card_id='c1', travel_date='2024-01-01', travel_from='SFO', travel_to='LAX', travel_class='economy')"
	want := e.Exec(book)
	if !strings.Contains(want, `"booking_status": true`) {
		t.Fatalf("booking failed: %s", want)
	}
	before, _ := pyval.MarshalStateJSON(cl.State())
	if strings.Contains(string(before), "2024-01-01") || !strings.Contains(string(before), "1000.0") {
		t.Fatalf("clone changed with the original: %s", before)
	}
	// The clone draws the same ids as the original did from that point.
	ms := cl.Methods()
	var bookM *bfcl.Method
	for i := range ms {
		if ms[i].Name == "book_flight" {
			bookM = &ms[i]
		}
	}
	res, err := bookM.Call([]pyval.Value{"tok", "c1", "2024-01-01", "SFO", "LAX", "economy"})
	if err != nil {
		t.Fatal(err)
	}
	if got := bfcl.ResultString(res); got != want {
		t.Errorf("clone's booking: got %s, want %s", got, want)
	}
	if !pyval.Equal(orig.State(), cl.State()) {
		t.Error("original and clone differ after the same call")
	}
	cl.budgetLimit = 99.0
	if pyval.Equal(orig.budgetLimit, cl.budgetLimit) {
		t.Error("budget shared")
	}
}

func TestLoadErrors(t *testing.T) {
	for _, cfg := range []*pyval.Dict{
		pyval.DictOf("credit_card_list", []pyval.Value{}),
		pyval.DictOf("booking_record", "x"),
		pyval.DictOf("random_seed", []pyval.Value{int64(1)}),
	} {
		if err := New().Load(cfg, false); err == nil {
			t.Errorf("Load(%s) succeeded", pyval.Repr(cfg))
		}
	}
	// No config is the reference's DEFAULT_STATE, seed included.
	a := New()
	if err := a.Load(nil, false); err != nil {
		t.Fatal(err)
	}
	res := a.authenticate("read", "Ann", "Lee")
	if got, want := bfcl.ResultString(res), `{"expires_in": 2, "access_token": "251675", "token_type": "Bearer", "scope": "read"}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func BenchmarkCalls(b *testing.B) {
	cfg := json.RawMessage(`{"credit_card_list": {"c1": {"card_number": "1", "balance": 1.0e12}},
		"booking_record": {"b1": {"card_id": "c1", "travel_date": "2024-01-01", "travel_from": "SFO", "travel_to": "LAX",
		"travel_class": "economy", "travel_cost": 200.0, "transaction_id": "t1"}},
		"access_token": "tok", "token_expires_in": 5, "budget_limit": 10.0}`)
	calls := []string{
		"get_flight_cost(travel_from='SFO', travel_to='LAX', travel_date='2024-01-01', travel_class='economy')",
		"book_flight(access_token='tok', card_id='c1', travel_date='2024-01-01', travel_from='SFO', travel_to='LAX', travel_class='economy')",
		"retrieve_invoice(access_token='tok', booking_id='b1')",
		"compute_exchange_rate(base_currency='EUR', target_currency='USD', value=100.0)",
		"set_budget_limit(access_token='tok', budget_limit=5000.0)",
		"purchase_insurance(access_token='tok', insurance_type='full', booking_id='b1', insurance_cost=50.0, card_id='c1')",
	}
	for _, call := range calls {
		name, _, _ := strings.Cut(call, "(")
		b.Run(name, func(b *testing.B) {
			e := newEnv(b, cfg, false)
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				if n++; n%1000 == 0 {
					// Keep the booking record small for the calls that add to it.
					b.StopTimer()
					e = newEnv(b, cfg, false)
					b.StartTimer()
				}
				if strings.HasPrefix(e.Exec(call), "Error") {
					b.Fatal("call failed")
				}
			}
		})
	}
}

// BenchmarkMethods measures the class alone: a bound method's Call and
// the rendering of its result, without parsing the call text.
func BenchmarkMethods(b *testing.B) {
	cfg := pyval.DictOf(
		"credit_card_list", pyval.DictOf("c1", pyval.DictOf("card_number", "1", "balance", 1.0e12)),
		"booking_record", pyval.DictOf("b1", pyval.DictOf("card_id", "c1", "travel_date", "2024-01-01", "travel_from", "SFO",
			"travel_to", "LAX", "travel_class", "economy", "travel_cost", 200.0, "transaction_id", "t1")),
		"access_token", "tok", "token_expires_in", int64(5), "budget_limit", 10.0)
	calls := []struct {
		name string
		args []pyval.Value
	}{
		{"get_flight_cost", []pyval.Value{"SFO", "LAX", "2024-01-01", "economy"}},
		{"book_flight", []pyval.Value{"tok", "c1", "2024-01-01", "SFO", "LAX", "economy"}},
		{"retrieve_invoice", []pyval.Value{"tok", "b1", nil}},
		{"compute_exchange_rate", []pyval.Value{"EUR", "USD", 100.0}},
		{"set_budget_limit", []pyval.Value{"tok", 5000.0}},
		{"purchase_insurance", []pyval.Value{"tok", "full", "b1", 50.0, "c1"}},
	}
	load := func() *API {
		a := New()
		if err := a.Load(cfg.Clone(), false); err != nil {
			b.Fatal(err)
		}
		return a
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			a := load()
			m := methodByName(a, c.name)
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				if n++; n%1000 == 0 {
					b.StopTimer()
					a = load()
					m = methodByName(a, c.name)
					b.StartTimer()
				}
				res, err := m.Call(c.args)
				if err != nil {
					b.Fatal(err)
				}
				_ = bfcl.ResultString(res)
			}
		})
	}
}

func methodByName(a *API, name string) bfcl.Method {
	for _, m := range a.Methods() {
		if m.Name == name {
			return m
		}
	}
	panic("no method " + name)
}
