package posting

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
)

// BenchmarkGroundTruth replays the class's ground-truth calls of the four
// categories, one Exec per call; ns/call compares with the reference's
// calls/s (see bfcltest.BenchGroundTruth).
func BenchmarkGroundTruth(b *testing.B) { bfcltest.BenchGroundTruth(b, ClassName) }
