package vehicle

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
)

// TestReplay replays the ground truth of every BFCL multi-turn entry
// involving VehicleControlAPI and compares results and states with the
// Python reference's.
func TestReplay(t *testing.T) { bfcltest.CheckClass(t, ClassName) }
