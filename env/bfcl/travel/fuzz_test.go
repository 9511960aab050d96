package travel

import (
	"math"
	"strconv"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

// FuzzMethods calls every method with arguments decoded from arbitrary
// JSON, as a model's call may carry any types. A method must answer with
// a result or a Python exception, never a Go panic, and a result must
// render.
func FuzzMethods(f *testing.F) {
	seeds := []string{
		`["tok", "c1", "2024-01-01", "SFO", "LAX", "economy"]`,
		`["SFO", "LAX", "2024-01-01", "first"]`,
		`[null, [1], {"a": 1}, 1e308, -5, true]`,
		`["EUR", "USD", "１２"]`,
		`["USD", "RMB", 123456789012345678901234567890]`,
		`["tok", "b1", "2024-1- 5", 0.5, "c1"]`,
		`["Ann", "Lee", "2008-02-29", "US1"]`,
		`[[["x"]], "", "²", "NaN", "-inf"]`,
	}
	for _, s := range seeds {
		for i := range 18 {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(fuzzOne)
}

// fuzzConfig is the scenario every fuzzed call runs in.
var fuzzConfig = pyval.DictOf(
	"credit_card_list", pyval.DictOf("c1", pyval.DictOf("card_number", "1", "balance", 1000.0),
		"c2", pyval.DictOf("card_number", "2", "balance", int64(5))),
	"booking_record", pyval.DictOf("b1", pyval.DictOf("card_id", "c1", "travel_date", "2024-01-01", "travel_from", "SFO",
		"travel_to", "LAX", "travel_class", "economy", "travel_cost", 200.0, "transaction_id", "t1"),
		"b2", pyval.DictOf("card_id", "c9")),
	"access_token", "tok", "token_expires_in", int64(5), "budget_limit", 300.0,
	"user_first_name", "Ann", "user_last_name", "Lee")

// fuzzOne runs the method numbered which (modulo their count) with
// arguments taken in turn from raw, a JSON list (or one JSON value).
func fuzzOne(t *testing.T, which uint8, raw []byte) {
	v, err := pyval.FromJSON(raw)
	if err != nil {
		return
	}
	list, ok := v.([]pyval.Value)
	if !ok {
		list = []pyval.Value{v}
	}
	a := New()
	if err := a.Load(fuzzConfig.Clone(), false); err != nil {
		t.Fatal(err)
	}
	ms := a.Methods()
	m := ms[int(which)%len(ms)]
	args := make([]pyval.Value, len(m.Params))
	for i := range args {
		if len(list) > 0 {
			args[i] = list[i%len(list)]
		}
	}
	res, err := m.Call(args)
	if err != nil {
		if _, ok := err.(*pyval.Exception); !ok {
			t.Fatalf("%s: error %T %v is no Python exception", m.Name, err, err)
		}
		return
	}
	_ = pyval.Str(res)
	if d, ok := res.(*pyval.Dict); ok {
		_, _ = pyval.JSONDumps(d)
	}
	if _, err := pyval.MarshalStateJSON(a.State()); err != nil {
		t.Fatalf("%s: state: %v", m.Name, err)
	}
}

// FuzzAppendJSON checks the package's JSON writer against
// pyval.AppendJSON (json.dumps) for any value decoded from JSON, alone and
// as the values of a record dict, and for records with a key of another
// type or a value json.dumps refuses.
func FuzzAppendJSON(f *testing.F) {
	for _, s := range []string{
		`{"card_id": "c1", "travel_date": "2024-01-01", "travel_cost": 200.0, "n": 3, "x": null, "t": true}`,
		`["caf\u00e9 \"q\"\n", 1e308, -0.0, 123456789012345678901234567890, 1.5e-7]`,
		`{"a": {"b": [1, 2.5, "\u0000"]}, "": ""}`,
		`"\ud83d\ude00 \\ /"`, `{}`, `[]`, `-5`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		v, err := pyval.FromJSON(raw)
		if err != nil {
			return
		}
		check := func(v pyval.Value) {
			t.Helper()
			want, wantErr := pyval.AppendJSON([]byte("x"), v, true)
			got, gotErr := appendJSON([]byte("x"), v)
			if (wantErr == nil) != (gotErr == nil) || (wantErr == nil && string(got) != string(want)) {
				t.Fatalf("appendJSON(%s) = %q, %v; json.dumps gives %q, %v", pyval.Repr(v), got, gotErr, want, wantErr)
			}
			if wantErr != nil && gotErr.Error() != wantErr.Error() {
				t.Fatalf("appendJSON(%s) error %v, want %v", pyval.Repr(v), gotErr, wantErr)
			}
		}
		check(v)
		rec := pyval.DictOf("card_id", v, "travel_cost", 1.5, "n", int64(2))
		check(rec)
		if list, ok := v.([]pyval.Value); ok && len(list) > 0 {
			kv := make([]pyval.Value, 0, 2*len(list))
			for i, e := range list {
				kv = append(kv, "k"+strconv.Itoa(i), e)
			}
			check(pyval.DictOf(kv...))
		}
		check(pyval.DictOf("a", "b", int64(1), v))                     // a key json.dumps converts
		check(pyval.DictOf("a", v, "s", pyval.NewSet(int64(1))))       // a value it refuses
		check(pyval.DictOf("a", math.Inf(1), "b", v, "c", math.NaN())) // floats it writes its own way
	})
}
