package retail_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
	"github.com/toolgym/toolgym/env/taubench/retail"
)

// FuzzCall calls tools with arbitrary argument text: a call must never
// panic, must answer, and must leave the base data untouched.
func FuzzCall(f *testing.F) {
	tautest.FuzzCall(f, loadData(f), retail.Tools(), toolCases)
}
