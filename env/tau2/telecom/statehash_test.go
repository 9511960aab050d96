package telecom

import (
	"crypto/sha256"
	"encoding/hex"
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
	f.agentHash, f.userHash, f.stateHash = genHash{}, genHash{}, stateHash{} // force a computation from scratch
	if hf, _ := f.StateHash(); hf != h1 {
		t.Error("the cached hash differs from a fresh one")
	}
}

// TestStateHashCacheSound runs a long pseudo-random mix of agent and user
// calls and env functions, the payment flow included (the agent's request,
// the phone's payment, the sync that marks the bill paid), with forks in
// between, and after every call checks the cached state hash against one
// computed from scratch through the dumps; at the end, every env set
// aside at a fork must still have its state.
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
		fn   bool // run as an env function (Run), as set-up and assertions run
	}
	calls := []c{
		{tau2.Assistant, "send_payment_request", `{"customer_id": "C1", "bill_id": "B2"}`, false},
		{tau2.User, "check_payment_request", `{}`, false},
		{tau2.User, "make_payment", `{}`, false},
		{tau2.Assistant, "get_bills_for_customer", `{"customer_id": "C1"}`, false},
		{tau2.Assistant, "enable_roaming", `{"customer_id": "C1", "line_id": "L1"}`, false},
		{tau2.User, "toggle_roaming", `{}`, false},
		{tau2.Assistant, "refuel_data", `{"customer_id": "C1", "line_id": "L1", "gb_amount": 2.0}`, false},
		{tau2.User, "toggle_data", `{}`, false},
		{tau2.Assistant, "suspend_line", `{"customer_id": "C1", "line_id": "L1", "reason": "test"}`, false},
		{tau2.User, "check_status_bar", `{}`, false},
		{tau2.Assistant, "resume_line", `{"customer_id": "C1", "line_id": "L2"}`, false},
		{tau2.User, "toggle_airplane_mode", `{}`, false},
		{tau2.User, "reboot_device", `{}`, false},
		{tau2.Assistant, "disable_roaming", `{"customer_id": "C1", "line_id": "L1"}`, false},
		{tau2.User, "set_network_mode_preference", `{"mode": "3g_only"}`, false},
		{tau2.User, "turn_data_off", `{}`, true},
		{tau2.User, "break_vpn", `{}`, true},
		{tau2.User, "set_user_location", `{"abroad": true}`, true},
		{tau2.User, "turn_airplane_mode_on", `{}`, true},
		{tau2.User, "assert_mobile_data_status", `{"expected_status": true}`, true},
		{tau2.Assistant, "set_data_usage", `{"customer_id": "C1", "line_id": "L1", "data_used_gb": 15.1}`, true},
		{tau2.Assistant, "suspend_line_for_overdue_bill", `{"customer_id": "C1", "line_id": "L1", "new_bill_id": "B99", "contract_ended": false}`, true},
	}
	paid := 0
	var kept []keptEnv
	rng := uint64(7)
	for i := range 300 {
		rng = rng*6364136223846793005 + 1442695040888963407
		k := calls[i%len(calls)]
		if i >= len(calls) {
			k = calls[(rng>>33)%uint64(len(calls))]
		}
		if k.fn {
			_, _ = run(t, e, k.r, k.name, k.args) // a failing function is checked too
		} else if res := call(e, k.r, k.name, k.args); k.name == "make_payment" && res.Error == nil && strings.Contains(res.Text(), "has been made") {
			paid++
		}
		got, err := e.StateHash()
		if err != nil {
			t.Fatal(err)
		}
		want := genericStateHash(t, e)
		if got != want {
			t.Fatalf("call %d (%s %s): cached state hash is stale", i, k.r, k.name)
		}
		// Fork now and then, going on with the parent or the fork: the
		// carrier database is then shared, thawed by the next write, and
		// hashed from the shared one's text; the other env must keep its
		// state.
		if i%4 == 0 {
			f := e.Fork().(*Env)
			if i%8 == 0 {
				e, f = f, e
			}
			kept = append(kept, keptEnv{f, want})
		}
	}
	if paid == 0 {
		t.Error("no payment went through: the sequence does not exercise the payment sync")
	}
	for i, k := range kept {
		if got, _ := k.e.StateHash(); got != k.want || genericStateHash(t, k.e) != k.want {
			t.Errorf("env %d set aside changed with its fork", i)
		}
	}
}

// keptEnv is an env set aside and its state hash then.
type keptEnv struct {
	e    *Env
	want string
}

// genericStateHash is StateHash computed from scratch through the dumps.
func genericStateHash(tb testing.TB, e *Env) string {
	sum := sha256.Sum256([]byte(hashGeneric(tb, e, tau2.Assistant) + "\n" + hashGeneric(tb, e, tau2.User)))
	return hex.EncodeToString(sum[:])
}

// TestForksAppendApart checks that forks sharing a carrier database's
// lists (a bill's items, a customer's bill ids) append to them apart: two
// forks of one env each add a different charge to the same draft bill.
func TestForksAppendApart(t *testing.T) {
	e := testDomain(t).NewEnv()
	e.Seed(3)
	refuel := func(e *Env, gb string) {
		t.Helper()
		if res := call(e, tau2.Assistant, "refuel_data", `{"customer_id": "C1", "line_id": "L1", "gb_amount": `+gb+`}`); res.Error != nil {
			t.Fatal(res.Text())
		}
	}
	// The first creates the draft bill and adds the customer's bill id;
	// the three leave the bill's items with room for a fourth.
	refuel(e, "1.0")
	refuel(e, "1.5")
	refuel(e, "2.5")
	x, y := e.Fork().(*Env), e.Fork().(*Env)
	refuel(x, "2.0")
	refuel(y, "3.0")
	refuel(y, "4.0")
	for _, c := range []struct {
		e          *Env
		has, hasNo []string
	}{
		{e, []string{"Data refueling: 1.5 GB"}, []string{"Data refueling: 2.0 GB", "Data refueling: 3.0 GB"}},
		{x, []string{"Data refueling: 2.0 GB"}, []string{"Data refueling: 3.0 GB", "Data refueling: 4.0 GB"}},
		{y, []string{"Data refueling: 3.0 GB", "Data refueling: 4.0 GB"}, []string{"Data refueling: 2.0 GB"}},
	} {
		snap, err := c.e.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range c.has {
			if !strings.Contains(string(snap), s) {
				t.Errorf("missing %q", s)
			}
		}
		for _, s := range c.hasNo {
			if strings.Contains(string(snap), s) {
				t.Errorf("a fork's %q leaked into another env", s)
			}
		}
		if h, _ := c.e.Hash(tau2.Assistant); h != hashGeneric(t, c.e, tau2.Assistant) {
			t.Error("hash differs from the generic one")
		}
	}
}
