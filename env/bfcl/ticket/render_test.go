package ticket

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// TestRenderedResults checks results the methods render themselves
// against json.dumps of the dict the reference returns, for ids and
// field names the ground truth never uses: strings to escape, floats,
// tuples.
func TestRenderedResults(t *testing.T) {
	const odd = "q\"\\\n\x7f\u00e9\U0001F600" // json.dumps escapes each of these
	ids := []pyval.Value{int64(-7), odd, 2.5, pyval.Tuple{int64(1), "a"}, nil, true}
	for _, id := range ids {
		ticket := pyval.DictOf("id", id, "status", "Open")
		cfg := pyval.DictOf("ticket_queue", []pyval.Value{ticket})
		tests := []struct {
			name string
			call func(t *TicketAPI) (pyval.Value, error)
			want *pyval.Dict
		}{
			{"not found", func(t *TicketAPI) (pyval.Value, error) { return t.GetTicket(pyval.Tuple{odd}) },
				pyval.DictOf("error", "Ticket with ID "+pyval.Str(pyval.Tuple{odd})+" not found.")},
			{"close", func(t *TicketAPI) (pyval.Value, error) { return t.CloseTicket(id) },
				pyval.DictOf("status", "Ticket "+pyval.Str(id)+" has been closed successfully.")},
			{"resolve", func(t *TicketAPI) (pyval.Value, error) { return t.ResolveTicket(id, "done") },
				pyval.DictOf("status", "Ticket "+pyval.Str(id)+" has been resolved successfully.")},
			{"edit", func(t *TicketAPI) (pyval.Value, error) {
				return t.EditTicket(id, pyval.DictOf("title", "x"))
			}, pyval.DictOf("status", "Ticket "+pyval.Str(id)+" has been updated successfully.")},
			{"edit invalid", func(t *TicketAPI) (pyval.Value, error) {
				return t.EditTicket(id, pyval.DictOf(odd, "x", int64(3), "y"))
			}, pyval.DictOf("error", "Invalid fields for update: "+odd+", 3")},
			{"close twice", func(t *TicketAPI) (pyval.Value, error) {
				if _, err := t.CloseTicket(id); err != nil {
					return nil, err
				}
				return t.CloseTicket(id)
			}, pyval.DictOf("error", "Ticket with ID "+pyval.Str(id)+" is already closed.")},
			{"resolve twice", func(t *TicketAPI) (pyval.Value, error) {
				if _, err := t.ResolveTicket(id, "a"); err != nil {
					return nil, err
				}
				return t.ResolveTicket(id, "b")
			}, pyval.DictOf("error", "Ticket with ID "+pyval.Str(id)+" is already resolved.")},
		}
		for _, tt := range tests {
			t.Run(pyval.Repr(id)+"/"+tt.name, func(t *testing.T) {
				before := pyval.Repr(cfg)
				api := New()
				if err := api.Load(cfg, false); err != nil {
					t.Fatal(err)
				}
				got, err := tt.call(api)
				if err != nil {
					t.Fatal(err)
				}
				want, err := pyval.JSONDumps(tt.want)
				if err != nil {
					t.Fatal(err)
				}
				if g := bfcl.ResultString(got); g != want {
					t.Errorf("got  %s\nwant %s", g, want)
				}
				if after := pyval.Repr(cfg); after != before {
					t.Errorf("the call changed the config:\n got %s\nwant %s", after, before)
				}
			})
		}
	}
}
