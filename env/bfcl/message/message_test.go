package message

import (
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

func stateJSON(t *testing.T, c bfcl.Class) string {
	t.Helper()
	b, err := pyval.MarshalStateJSON(c.State())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mustOK returns a function that passes a method's value through and
// fails the test on its error.
func mustOK(t *testing.T) func(pyval.Value, error) pyval.Value {
	return func(v pyval.Value, err error) pyval.Value {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func TestCloneIndependent(t *testing.T) {
	ok := mustOK(t)
	a := New()
	a.Login("USR001")
	before := stateJSON(t, a)
	b := a.Clone().(*API)

	ok(b.SendMessage("USR002", "hello"))
	ok(b.AddContact("Eve"))
	ok(b.DeleteMessage("USR003"))
	b.Login("USR004")
	if got := stateJSON(t, a); got != before {
		t.Errorf("changing the clone changed the original:\n got %s\nwant %s", got, before)
	}

	// The original goes on from where it was cloned: it draws the id
	// the clone drew, and its changes do not reach the clone.
	idA := ok(a.SendMessage("USR002", "hi"))
	idB := ok(b.Clone().(*API).SendMessage("USR002", "x"))
	want := `{"sent_status": true, "message_id": {"new_id": 67410}, "message": "Message sent to 'USR002' successfully."}`
	if got := bfcl.ResultString(idA); got != want {
		t.Errorf("original's first id: %s, want %s", got, want)
	}
	if bfcl.ResultString(idA) == bfcl.ResultString(idB) {
		t.Error("the clone's generator did not advance independently")
	}
	ok(a.DeleteMessage("USR004"))
	if got := len(b.inbox); got != 3 {
		t.Errorf("clone inbox has %d messages after the original deleted one, want 3", got)
	}
}

func TestStateIsSnapshot(t *testing.T) {
	ok := mustOK(t)
	a := New()
	a.Login("USR001")
	s := a.State()
	ok(a.SendMessage("USR002", "hello"))
	ok(a.AddContact("Eve"))
	inbox, _ := s.Get("inbox")
	users, _ := s.Get("user_map")
	ids, _ := s.Get("generated_ids")
	if n := len(inbox.([]pyval.Value)); n != 3 {
		t.Errorf("earlier state's inbox has %d messages, want 3", n)
	}
	if n := users.(*pyval.Dict).Len(); n != 4 {
		t.Errorf("earlier state's user_map has %d users, want 4", n)
	}
	if n := ids.(*pyval.Set).Len(); n != 0 {
		t.Errorf("earlier state's generated_ids has %d ids, want 0", n)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		key  string
		val  pyval.Value
		want string
	}{
		{"user_map", []pyval.Value{"Alice"}, "user_map is a list, not a dict"},
		{"inbox", pyval.NewDict(), "inbox is a dict, not a list"},
		{"user_count", "4", "user_count is a str, not an int"},
		{"message_count", 3.0, "message_count is a float, not an int"},
		{"random_seed", pyval.NewDict(), "The only supported seed types are"},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			cfg := pyval.NewDict()
			cfg.Set(tc.key, tc.val)
			err := (&API{}).Load(cfg, false)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello World", "hello world"},
		{"İSTANBUL", "i\u0307stanbul"},
		{"ΟΔΟΣ", "οδος"},
		{"ΟΔΟΣ ΚΑΛΗ", "οδος καλη"},
		{"Σ", "σ"},
		{"ΣΑ", "σα"},
		{"ΑΣ'", "ας'"},
		{"ΑΣ'Α", "ασ'α"},
		{"ÀÉÎ", "àéî"},
		{"ǅ", "ǆ"},
	}
	for _, tc := range tests {
		if got := lower(tc.in); got != tc.want {
			t.Errorf("lower(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestZfill(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"5", 3, "005"}, {"42", 3, "042"}, {"1000", 3, "1000"}, {"-5", 3, "-05"}, {"+7", 4, "+007"}, {"", 2, "00"},
	}
	for _, tc := range tests {
		if got := zfill(tc.in, tc.w); got != tc.want {
			t.Errorf("zfill(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
}

func TestContainsLower(t *testing.T) {
	tests := []struct {
		s, sub string
		want   bool
	}{
		{"Hello World", "world", true},
		{"Hello World", "", true},
		{"", "", true},
		{"", "a", false},
		{"abc", "abcd", false},
		{"ABC", "bc", true},
		{"ABC", "é", false},
		{"ÉCOLE", "école", true},
		{"İSTANBUL", "istanbul", false},
		{"aaab", "aab", true},
	}
	for _, tc := range tests {
		if got := containsLower(tc.s, tc.sub); got != tc.want {
			t.Errorf("containsLower(%q, %q) = %v, want %v", tc.s, tc.sub, got, tc.want)
		}
		if ref := strings.Contains(lower(tc.s), tc.sub); ref != tc.want {
			t.Errorf("lower(%q) contains %q = %v, want %v", tc.s, tc.sub, ref, tc.want)
		}
	}
}

// TestStateEqualGeneratedIDs checks StateEqual on generated_ids, which
// the instance keeps as a list of the ids drawn while it is its own set:
// equal ids in any order are equal, others and another type are not.
func TestStateEqualGeneratedIDs(t *testing.T) {
	ok := mustOK(t)
	withIDs := func(cfg *pyval.Dict, sends ...string) *API {
		a := &API{}
		if err := a.Load(cfg, false); err != nil {
			t.Fatal(err)
		}
		a.Login("USR001")
		for _, to := range sends {
			ok(a.SendMessage(to, "m"))
		}
		return a
	}
	base := withIDs(pyval.NewDict(), "USR002", "USR003")
	same := withIDs(pyval.NewDict(), "USR002", "USR003")
	if !base.StateEqual(same) {
		t.Error("two instances that sent the same messages differ")
	}
	swapped := withIDs(pyval.NewDict(), "USR002", "USR003")
	swapped.ids[0], swapped.ids[1] = swapped.ids[1], swapped.ids[0]
	if !base.StateEqual(swapped) {
		t.Error("generated_ids in another order differ; sets have no order")
	}
	if base.StateEqual(withIDs(pyval.NewDict(), "USR002")) {
		t.Error("instances with one and two ids drawn are equal")
	}
	other := withIDs(pyval.DictOf("random_seed", int64(7)), "USR002", "USR003")
	other.inbox = base.inbox
	if base.StateEqual(other) {
		t.Error("instances with different ids drawn are equal")
	}
	listIDs := withIDs(pyval.DictOf("generated_ids", []pyval.Value{}))
	empty := withIDs(pyval.NewDict())
	if empty.StateEqual(listIDs) || listIDs.StateEqual(empty) {
		t.Error("an empty set equals an empty list")
	}
	if !listIDs.StateEqual(withIDs(pyval.DictOf("generated_ids", []pyval.Value{}))) {
		t.Error("two instances with the same generated_ids list differ")
	}
	if !base.Clone().(bfcl.StateComparer).StateEqual(base) {
		t.Error("a clone differs from its original")
	}
}

// TestGeneratedIDsNone checks that a generated_ids of None given by the
// scenario stays None in the state, kept apart from the instance's own
// set, and that sending fails on it.
func TestGeneratedIDsNone(t *testing.T) {
	a := &API{}
	if err := a.Load(pyval.DictOf("generated_ids", nil, "current_user", "USR001"), false); err != nil {
		t.Fatal(err)
	}
	if got := stateJSON(t, a); !strings.HasPrefix(got, `{"generated_ids": null,`) {
		t.Fatalf("state = %s, want generated_ids null", got)
	}
	if _, err := a.SendMessage("USR002", "m"); err == nil {
		t.Fatal("SendMessage with generated_ids None succeeded")
	}
	if got := stateJSON(t, a.Clone()); !strings.HasPrefix(got, `{"generated_ids": null,`) {
		t.Fatalf("clone's state = %s, want generated_ids null", got)
	}
}
