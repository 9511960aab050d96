package telecom

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2/internal/replay"
)

// baseTasks is the anchors' file of the 114 base tasks.
const baseTasks = "tasks_base114.release-37199f3.json"

// TestGoldReplay runs the oracle of the anchors README on the 114 base
// tasks: a fresh env, the task's initial_state, each gold action with its
// requestor (the user's tool calls included), then both database hashes,
// the failing gold calls and the env assertions compared with the
// reference's.
func TestGoldReplay(t *testing.T) {
	replay.CheckFile(t, anchorDomain(t), "telecom", baseTasks, 114)
}
