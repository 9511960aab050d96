package filesystem

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
)

// TestReplay replays the ground truth of every entry involving the class
// and compares every result and per-turn state with the Python
// reference's.
func TestReplay(t *testing.T) { bfcltest.CheckClass(t, ClassName) }
