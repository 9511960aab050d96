package telecom

import (
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
)

// TestStateHash checks the per-turn state hash: stable while nothing
// runs, changed by a write on the phone, shared by a fork of the same
// state, and equal to a hash computed from scratch.
func TestStateHash(t *testing.T) {
	e := testDomain(t).NewEnv()
	h0, err := e.StateHash()
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := e.StateHash(); again != h0 {
		t.Fatal("state hash changed with nothing run")
	}
	if res := call(e, tau2.User, "toggle_airplane_mode", "{}"); res.Error != nil {
		t.Fatal(res.Text())
	}
	h1, _ := e.StateHash()
	if h1 == h0 {
		t.Error("toggling airplane mode left the state hash unchanged")
	}
	f := e.Fork().(*Env)
	if hf, _ := f.StateHash(); hf != h1 {
		t.Error("a fork hashes differently from its parent")
	}
	f.agentHash, f.userHash = genHash{}, genHash{} // force a computation from scratch
	if hf, _ := f.StateHash(); hf != h1 {
		t.Error("the cached hash differs from a fresh one")
	}
}

// TestStateHashCacheSound runs a long pseudo-random mix of agent and user
// calls, the payment flow included (the agent's request, the phone's
// payment, the sync that marks the bill paid), and after every call checks
// the cached state hash against one computed from scratch.
func TestStateHashCacheSound(t *testing.T) {
	e := testDomain(t).NewEnv()
	// The phone belongs to line L1 (the tasks' set-up does this).
	if _, err := run(t, e, tau2.User, "set_user_info", `{"name": "Ann", "phone_number": "555-0101"}`); err != nil {
		t.Fatal(err)
	}
	type c struct {
		r    tau2.Requestor
		name string
		args string
	}
	calls := []c{
		{tau2.Assistant, "send_payment_request", `{"customer_id": "C1", "bill_id": "B2"}`},
		{tau2.User, "check_payment_request", `{}`},
		{tau2.User, "make_payment", `{}`},
		{tau2.Assistant, "get_bills_for_customer", `{"customer_id": "C1"}`},
		{tau2.Assistant, "enable_roaming", `{"customer_id": "C1", "line_id": "L1"}`},
		{tau2.User, "toggle_roaming", `{}`},
		{tau2.Assistant, "refuel_data", `{"customer_id": "C1", "line_id": "L1", "gb_amount": 2.0}`},
		{tau2.User, "toggle_data", `{}`},
		{tau2.Assistant, "suspend_line", `{"customer_id": "C1", "line_id": "L1", "reason": "test"}`},
		{tau2.User, "check_status_bar", `{}`},
		{tau2.Assistant, "resume_line", `{"customer_id": "C1", "line_id": "L2"}`},
		{tau2.User, "toggle_airplane_mode", `{}`},
		{tau2.User, "reboot_device", `{}`},
		{tau2.Assistant, "disable_roaming", `{"customer_id": "C1", "line_id": "L1"}`},
		{tau2.User, "set_network_mode_preference", `{"mode": "3g_only"}`},
	}
	paid := 0
	rng := uint64(7)
	for i := range 300 {
		rng = rng*6364136223846793005 + 1442695040888963407
		k := calls[i%len(calls)]
		if i >= len(calls) {
			k = calls[(rng>>33)%uint64(len(calls))]
		}
		res := call(e, k.r, k.name, k.args)
		if k.name == "make_payment" && res.Error == nil && strings.Contains(res.Text(), "has been made") {
			paid++
		}
		got, err := e.StateHash()
		if err != nil {
			t.Fatal(err)
		}
		f := e.Fork().(*Env)
		f.agentHash, f.userHash = genHash{}, genHash{}
		want, _ := f.StateHash()
		if got != want {
			t.Fatalf("call %d (%s %s): cached state hash is stale", i, k.r, k.name)
		}
	}
	if paid == 0 {
		t.Error("no payment went through: the sequence does not exercise the payment sync")
	}
}
