package message

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// loggedIn returns an env of the default scenario with USR001 logged in.
func loggedIn(b *testing.B) *bfcl.Env {
	b.Helper()
	cfg := pyval.NewDict()
	cfg.Set("current_user", "USR001")
	all := pyval.NewDict()
	all.Set(ClassName, cfg)
	e, err := bfcl.New([]string{ClassName}, all, false)
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkCalls measures one call through the env (parse the Python
// call, bind, run, render the result string), per typical call. The
// reference runs 7,789 MessageAPI calls/s (128 µs a call).
func BenchmarkCalls(b *testing.B) {
	calls := []struct{ name, call string }{
		{"message_login", "message_login(user_id='USR001')"},
		{"get_user_id", "get_user_id(user='Catherine')"},
		{"list_users", "list_users()"},
		{"view_messages_sent", "view_messages_sent()"},
		{"search_messages", "search_messages(keyword='file')"},
		{"get_message_stats", "get_message_stats()"},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			e := loggedIn(b)
			b.ReportAllocs()
			for b.Loop() {
				e.Exec(c.call)
			}
		})
	}
	// send_message grows the inbox and uses up ids: start afresh from a
	// fork every 1000 calls (forking is timed too, a small share).
	b.Run("send_message", func(b *testing.B) {
		base := loggedIn(b)
		e := base.Fork().(*bfcl.Env)
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			if n++; n%1000 == 0 {
				e = base.Fork().(*bfcl.Env)
			}
			e.Exec("send_message(receiver_id='USR002', message='Meeting at 3 PM')")
		}
	})
}

// BenchmarkMethods measures the methods alone, without parsing or
// rendering.
func BenchmarkMethods(b *testing.B) {
	a := New()
	a.Login("USR001")
	b.Run("SearchMessages", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := a.SearchMessages("file"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ViewMessagesSent", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := a.ViewMessagesSent(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SendMessage", func(b *testing.B) {
		b.ReportAllocs()
		c := a.Clone().(*API)
		n := 0
		for b.Loop() {
			if n++; n%1000 == 0 {
				c = a.Clone().(*API)
			}
			if _, err := c.SendMessage("USR002", "hi"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Clone", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a.Clone()
		}
	})
}

// BenchmarkGroundTruth replays the class's ground-truth calls of the four
// categories, one Exec per call on a fresh env per entry; ns/call compares
// with the reference's calls/s (see bfcltest.BenchGroundTruth).
func BenchmarkGroundTruth(b *testing.B) { bfcltest.BenchGroundTruth(b, ClassName) }
