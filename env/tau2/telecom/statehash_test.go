package telecom

import (
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
	f.stateHash = "" // force a computation from scratch
	if hf, _ := f.StateHash(); hf != h1 {
		t.Error("the cached hash differs from a fresh one")
	}
}
