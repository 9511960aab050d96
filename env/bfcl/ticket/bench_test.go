package ticket

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// BenchmarkCalls measures typical calls end to end as the executor runs
// them: parse the call string, bind, run, render the result string.
func BenchmarkCalls(b *testing.B) {
	queue := []pyval.Value{}
	for i := int64(1); i <= 5; i++ {
		queue = append(queue, pyval.DictOf("id", i, "title", "Ticket", "description", "Something is broken", "status", "Open", "priority", int64(2), "created_by", "ann"))
	}
	cases := []struct{ name, call string }{
		{"create_ticket", "create_ticket(title='Account Information Error', description='Details are not syncing.', priority=3)"},
		{"get_ticket", "get_ticket(ticket_id=3)"},
		{"resolve_ticket", "resolve_ticket(ticket_id=3, resolution='Fixed the sync job.')"},
		{"edit_ticket", "edit_ticket(ticket_id=3, updates={'priority': 4, 'title': 'Sync'})"},
		{"ticket_login", "ticket_login(username='ann', password='secret')"},
		{"get_user_tickets", "get_user_tickets(status='open')"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			cfg := pyval.DictOf("current_user", "ann", "ticket_queue", queue, "ticket_counter", int64(6))
			env, err := bfcl.New([]string{ClassName}, pyval.DictOf(ClassName, cfg), false)
			if err != nil {
				b.Fatal(err)
			}
			if r := env.Exec(c.call); len(r) > 20 && r[:20] == "Error during executi" {
				b.Fatal(r)
			}
			// create_ticket grows the queue: start from a fresh copy
			// every 1000 calls so the cost stays that of a small queue.
			pristine := env.Fork().(*bfcl.Env)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%1000 == 999 {
					b.StopTimer()
					env = pristine.Fork().(*bfcl.Env)
					b.StartTimer()
				}
				env.Exec(c.call)
			}
		})
	}
}

// BenchmarkGroundTruth replays the class's ground-truth calls of the four
// categories, one Exec per call on a fresh env per entry; ns/call compares
// with the reference's calls/s (see bfcltest.BenchGroundTruth).
func BenchmarkGroundTruth(b *testing.B) { bfcltest.BenchGroundTruth(b, ClassName) }

func callName(call string) string {
	for i := 0; i < len(call); i++ {
		if call[i] == '(' {
			return call[:i]
		}
	}
	return call
}

func containsName(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
