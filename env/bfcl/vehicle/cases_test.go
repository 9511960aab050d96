package vehicle

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
)

// TestReferenceCases runs testdata/cases.jsonl: error paths and argument
// types the ground truth never uses, with the Python reference's results
// and final states.
func TestReferenceCases(t *testing.T) {
	bfcltest.RunCases(t, ClassName, "testdata/cases.jsonl")
}
