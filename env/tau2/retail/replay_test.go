package retail_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/env/tau2/retail"
)

// domain loads the retail domain from the anchors once, or skips.
func domain(tb testing.TB) *tau2.DBDomain {
	tb.Helper()
	return replay.Domain(tb, "retail", retail.Load)
}

func TestGoldReplay(t *testing.T) {
	replay.Check(t, domain(t), "retail", 114)
}
