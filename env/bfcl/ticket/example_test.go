package ticket_test

import (
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/ticket"
	"github.com/toolgym/toolgym/pyval"
)

// A BFCL env with the TicketAPI class runs calls written in Python and
// returns the reference's result strings.
func Example() {
	env, err := bfcl.New([]string{ticket.ClassName}, pyval.NewDict(), false)
	if err != nil {
		panic(err)
	}
	for _, call := range []string{
		"create_ticket(title='Printer jammed')",
		"ticket_login(username='ann', password='secret')",
		"create_ticket(title='Printer jammed', description='Paper stuck in tray 2', priority=4)",
		"create_ticket(title='Urgent', priority=9)",
		"resolve_ticket(ticket_id=1, resolution='Removed the paper')",
		"get_user_tickets(status='resolved')",
	} {
		fmt.Println(env.Exec(call))
	}
	// Output:
	// {"error": "User not authenticated. Please log in to create a ticket."}
	// {"success": true}
	// {"id": 1, "title": "Printer jammed", "description": "Paper stuck in tray 2", "status": "Open", "priority": 4, "created_by": "ann"}
	// {"error": "Invalid priority. Priority must be between 1 and 5."}
	// {"status": "Ticket 1 has been resolved successfully."}
	// [{'id': 1, 'title': 'Printer jammed', 'description': 'Paper stuck in tray 2', 'status': 'Resolved', 'priority': 4, 'created_by': 'ann', 'resolution': 'Removed the paper'}]
}
