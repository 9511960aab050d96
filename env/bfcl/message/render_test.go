package message

import (
	"strconv"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// TestRenderedResults checks the results the methods render themselves
// against the executor's rendering of the dict the reference returns
// (json.dumps, or str() when json.dumps fails), for values the ground
// truth never holds: strings to escape, non-str keys, values json.dumps
// rejects.
func TestRenderedResults(t *testing.T) {
	const odd = "q\"\\\n\t\x7f\u00e9\U0001F600" // json.dumps escapes each of these
	set := pyval.NewSet(int64(1))
	inbox := func(kv ...pyval.Value) []pyval.Value {
		var l []pyval.Value
		for i := 0; i < len(kv); i += 2 {
			l = append(l, pyval.DictOf(kv[i], kv[i+1]))
		}
		return l
	}
	// nested goes deeper than appendJSON does itself.
	nested := pyval.Value("deep")
	for i := range 2 * maxDepth {
		nested = []pyval.Value{nested, pyval.DictOf("k"+strconv.Itoa(i), nested, "n", int64(i))}
	}
	firstID := pyval.NewRandom(defaultSeed).RandInt(10000, 99999)
	tests := []struct {
		name string
		cfg  []pyval.Value // config key-value pairs
		call func(a *API) (pyval.Value, error)
		want pyval.Value // the reference's result
	}{
		{"login escapes", []pyval.Value{"user_map", pyval.DictOf("A", odd)},
			func(a *API) (pyval.Value, error) { return a.Login(odd), nil },
			dict("login_status", true, "message", "User '"+odd+"' logged in successfully.")},
		{"login unknown int", nil,
			func(a *API) (pyval.Value, error) { return a.Login(int64(-3)), nil },
			dict("login_status", false, "message", "User ID '-3' not found.")},
		{"user id escapes", []pyval.Value{"user_map", pyval.DictOf(odd, odd)},
			func(a *API) (pyval.Value, error) { return a.UserID(odd) },
			dict("user_id", odd)},
		{"user id not JSON", []pyval.Value{"user_map", pyval.DictOf("A", set)},
			func(a *API) (pyval.Value, error) { return a.UserID("A") },
			dict("user_id", set)},
		{"user not found float", nil,
			func(a *API) (pyval.Value, error) { return a.UserID(1.5) },
			dict("error", "User '1.5' not found in the workspace.")},
		{"list users odd keys", []pyval.Value{"user_map", pyval.DictOf(odd, "x", int64(7), "y", pyval.Tuple{int64(1), "a"}, "z")},
			func(a *API) (pyval.Value, error) { return a.ListUsers(), nil },
			dict("user_list", []pyval.Value{odd, int64(7), pyval.Tuple{int64(1), "a"}})},
		{"send escapes", []pyval.Value{"user_map", pyval.DictOf("A", odd), "current_user", "A"},
			func(a *API) (pyval.Value, error) { return a.SendMessage(odd, "hi") },
			dict("sent_status", true, "message_id", dict("new_id", firstID), "message", "Message sent to '"+odd+"' successfully.")},
		{"send unknown", []pyval.Value{"current_user", "A"},
			func(a *API) (pyval.Value, error) { return a.SendMessage(odd, "hi") },
			dict("error", "Receiver ID '"+odd+"' not found.")},
		{"delete tuple receiver", []pyval.Value{"current_user", "A", "inbox", inbox(pyval.Tuple{int64(1), int64(2)}, "x")},
			func(a *API) (pyval.Value, error) { return a.DeleteMessage(pyval.Tuple{int64(1), int64(2)}) },
			dict("deleted_status", true, "receiver_id", []pyval.Value{int64(1), int64(2)}, "message", "Receiver (1, 2)'s latest message deleted successfully.")},
		{"delete escapes", []pyval.Value{"current_user", "A", "inbox", inbox(odd, "x")},
			func(a *API) (pyval.Value, error) { return a.DeleteMessage(odd) },
			dict("deleted_status", true, "receiver_id", odd, "message", "Receiver "+odd+"'s latest message deleted successfully.")},
		{"view groups", []pyval.Value{"current_user", "A", "inbox", inbox("b", int64(1), odd, odd, "b", []pyval.Value{int64(1), nil}, "b", 2.5)},
			func(a *API) (pyval.Value, error) { return a.ViewMessagesSent() },
			dict("messages", dict("b", []pyval.Value{int64(1), []pyval.Value{int64(1), nil}, 2.5}, odd, []pyval.Value{odd}))},
		{"view nested", []pyval.Value{"current_user", "A", "inbox", inbox("b", nested, "c", pyval.DictOf(), "b", pyval.DictOf(int64(7), "y", "z", nil))},
			func(a *API) (pyval.Value, error) { return a.ViewMessagesSent() },
			dict("messages", dict("b", []pyval.Value{nested, pyval.DictOf(int64(7), "y", "z", nil)}, "c", []pyval.Value{pyval.DictOf()}))},
		{"view empty", []pyval.Value{"current_user", "A", "inbox", []pyval.Value{}},
			func(a *API) (pyval.Value, error) { return a.ViewMessagesSent() },
			dict("messages", pyval.NewDict())},
		{"view not JSON", []pyval.Value{"current_user", "A", "inbox", inbox("b", "x", "c", set)},
			func(a *API) (pyval.Value, error) { return a.ViewMessagesSent() },
			dict("messages", dict("b", []pyval.Value{"x"}, "c", []pyval.Value{set}))},
		{"search escapes", []pyval.Value{"current_user", "A", "inbox", inbox(int64(7), "A"+odd, "b", "no", odd, odd)},
			func(a *API) (pyval.Value, error) { return a.SearchMessages("Q\"") },
			dict("results", []pyval.Value{dict("receiver_id", int64(7), "message", "A"+odd), dict("receiver_id", odd, "message", odd)})},
		{"search none", []pyval.Value{"current_user", "A"},
			func(a *API) (pyval.Value, error) { return a.SearchMessages("zzz") },
			dict("results", []pyval.Value{})},
		{"stats mixed receivers", []pyval.Value{"current_user", "A", "inbox", inbox("a", "x", int64(7), "x", 7.0, "x", "a", "x", true, "x")},
			func(a *API) (pyval.Value, error) { return a.MessageStats() },
			dict("stats", dict("received_count", int64(5), "total_contacts", int64(3)))},
		{"add contact escapes", nil,
			func(a *API) (pyval.Value, error) { return a.AddContact(odd) },
			dict("added_status", true, "user_id", "USR005", "message", "Contact '"+odd+"' added successfully.")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &API{}
			if err := a.Load(pyval.DictOf(tt.cfg...), false); err != nil {
				t.Fatal(err)
			}
			got, err := tt.call(a)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := bfcl.ResultString(got), bfcl.ResultString(tt.want); g != w {
				t.Errorf("got  %s\nwant %s", g, w)
			}
		})
	}
}

// TestIDStream checks the ids drawn from the shared table, past its end
// and from clones against random.randint on a generator of one's own.
func TestIDStream(t *testing.T) {
	ref := pyval.NewRandom(defaultSeed)
	var s idStream
	var c idStream
	for i := range 2000 {
		want := ref.RandInt(idLow, idHigh)
		if got := s.next(); got != want {
			t.Fatalf("draw %d: got %d, want %d", i, got, want)
		}
		if i == 300 || i == 1000 {
			c = s.clone()
			ref2 := ref.Clone()
			for j := range 500 {
				if got, want := c.next(), ref2.RandInt(idLow, idHigh); got != want {
					t.Fatalf("clone at %d, draw %d: got %d, want %d", i, j, got, want)
				}
			}
		}
	}
}
