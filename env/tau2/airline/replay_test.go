package airline_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/airline"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
)

// domain loads the airline domain from the anchors once, or skips.
func domain(tb testing.TB) *tau2.DBDomain {
	tb.Helper()
	return replay.Domain(tb, "airline", airline.Load)
}

func TestGoldReplay(t *testing.T) {
	replay.Check(t, domain(t), "airline", 50)
}
