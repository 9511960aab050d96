package airline_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/taubench/airline"
	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
)

// FuzzCall calls tools with arbitrary argument text: a call must never
// panic, must answer, and must leave the base data untouched.
func FuzzCall(f *testing.F) {
	tautest.FuzzCall(f, loadData(f), airline.Tools(), toolCases)
}
