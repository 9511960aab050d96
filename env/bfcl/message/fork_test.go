package message

import (
	"sync"
	"testing"

	"go.uber.org/goleak"

	"github.com/toolgym/toolgym/env/bfcl"
)

// TestForksRunConcurrently runs the same calls on forks of one env in
// parallel (run it with -race): forks share nothing mutable, and each
// draws the same message ids.
func TestForksRunConcurrently(t *testing.T) {
	defer goleak.VerifyNone(t)
	calls := []string{
		"message_login(user_id='USR001')",
		"add_contact(user_name='Eve')",
		"send_message(receiver_id='USR005', message='hello')",
		"send_message(receiver_id='USR002', message='again')",
		"delete_message(receiver_id='USR003')",
		"view_messages_sent()",
		"search_messages(keyword='HELLO')",
		"get_message_stats()",
	}
	base, err := bfcl.New([]string{ClassName}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	want := base.Fork().(*bfcl.Env).ExecAll(calls)
	const n = 8
	got := make([][]string, n)
	var wg sync.WaitGroup
	for i := range n {
		f := base.Fork().(*bfcl.Env)
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = f.ExecAll(calls)
		}()
	}
	wg.Wait()
	for i := range n {
		for j := range calls {
			if got[i][j] != want[j] {
				t.Errorf("fork %d, %s:\n got %s\nwant %s", i, calls[j], got[i][j], want[j])
			}
		}
	}
	if base.Exec("get_message_stats()") != `{"error": "No user is currently logged in."}` {
		t.Error("running the forks changed the base env")
	}
}
