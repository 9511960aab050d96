package ticket

import (
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

func mustEnv(t *testing.T, config *pyval.Dict) *bfcl.Env {
	t.Helper()
	env, err := bfcl.New([]string{ClassName}, pyval.DictOf(ClassName, config), false)
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// TestCalls checks results the reference fixture cannot pin down: the
// order of several invalid fields (random in Python, the updates' order
// here) and counters beyond int64.
func TestCalls(t *testing.T) {
	queue := []pyval.Value{pyval.DictOf("id", int64(1), "title", "t", "description", "", "status", "Open", "priority", int64(1), "created_by", "u")}
	tests := []struct {
		name   string
		config *pyval.Dict
		calls  []string
		want   []string
	}{
		{
			name:   "several invalid fields",
			config: pyval.DictOf("current_user", "u", "ticket_queue", queue),
			calls:  []string{"edit_ticket(ticket_id=1, updates={'owner': 'x', 'title': 'y', 'due': 3})", "get_ticket(1)"},
			want: []string{
				`{"error": "Invalid fields for update: owner, due"}`,
				`{"id": 1, "title": "t", "description": "", "status": "Open", "priority": 1, "created_by": "u"}`,
			},
		},
		{
			name:   "counter beyond int64",
			config: pyval.DictOf("current_user", "u", "ticket_counter", int64(9223372036854775807)),
			calls:  []string{"create_ticket('a')", "create_ticket('b')", "get_ticket(ticket_id=9223372036854775808)"},
			want: []string{
				`{"id": 9223372036854775807, "title": "a", "description": "", "status": "Open", "priority": 1, "created_by": "u"}`,
				`{"id": 9223372036854775808, "title": "b", "description": "", "status": "Open", "priority": 1, "created_by": "u"}`,
				`{"id": 9223372036854775808, "title": "b", "description": "", "status": "Open", "priority": 1, "created_by": "u"}`,
			},
		},
		{
			name:   "str counter",
			config: pyval.DictOf("current_user", "u", "ticket_counter", "7"),
			calls:  []string{"create_ticket('a')", "get_ticket('7')"},
			want: []string{
				`Error during execution: can only concatenate str (not "int") to str`,
				`{"id": "7", "title": "a", "description": "", "status": "Open", "priority": 1, "created_by": "u"}`,
			},
		},
		{
			name:   "non-dict ticket",
			config: pyval.DictOf("current_user", "u", "ticket_queue", []pyval.Value{"junk"}),
			calls:  []string{"get_ticket(1)", "get_user_tickets()"},
			want: []string{
				"Error during execution: string indices must be integers, not 'str'",
				"Error during execution: string indices must be integers, not 'str'",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := mustEnv(t, tt.config)
			for i, call := range tt.calls {
				if got := env.Exec(call); got != tt.want[i] {
					t.Errorf("%s:\n got %s\nwant %s", call, got, tt.want[i])
				}
			}
		})
	}
}

// TestClone checks that a clone and its original go their own ways.
func TestClone(t *testing.T) {
	orig := New()
	if err := orig.Load(pyval.DictOf("current_user", "u"), false); err != nil {
		t.Fatal(err)
	}
	if _, err := orig.CreateTicket("first", "", int64(2)); err != nil {
		t.Fatal(err)
	}
	before, _ := pyval.MarshalStateJSON(orig.State())
	c := orig.Clone().(*TicketAPI)
	if _, err := c.CloseTicket(int64(1)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.EditTicket(int64(1), pyval.DictOf("title", "changed")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateTicket("second", "", int64(1)); err != nil {
		t.Fatal(err)
	}
	c.Logout()
	after, _ := pyval.MarshalStateJSON(orig.State())
	if string(before) != string(after) {
		t.Fatalf("changing the clone changed the original:\n%s\n%s", before, after)
	}
	got, _ := pyval.MarshalStateJSON(c.State())
	want := `{"ticket_queue": [{"id": 1, "title": "changed", "description": "", "status": "Closed", "priority": 2, "created_by": "u"}, {"id": 2, "title": "second", "description": "", "status": "Open", "priority": 1, "created_by": "u"}], "ticket_counter": 3, "current_user": null}`
	if string(got) != want {
		t.Errorf("clone state:\n got %s\nwant %s", got, want)
	}
}

// TestLoad checks the defaults and a refused scenario.
func TestLoad(t *testing.T) {
	got, _ := pyval.MarshalStateJSON(New().State())
	if want := `{"ticket_queue": [], "ticket_counter": 1, "current_user": null}`; string(got) != want {
		t.Errorf("default state %s, want %s", got, want)
	}
	err := New().Load(pyval.DictOf("ticket_queue", pyval.NewDict()), false)
	if err == nil || !strings.Contains(err.Error(), "ticket_queue is a dict, not a list") {
		t.Errorf("Load with a dict queue: %v", err)
	}
}
