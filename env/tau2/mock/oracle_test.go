package mock

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2/internal/replay"
)

// TestGoldReplay runs the oracle of the anchors README on every task: a
// fresh env, the task's initial_state, each gold action with its
// requestor, then both database hashes, the failing gold calls and the
// env assertions compared with the reference's (two tasks' golds cannot
// meet their assertions there, and must not here).
func TestGoldReplay(t *testing.T) {
	replay.Check(t, anchorDomain(t), "mock", 10)
}
