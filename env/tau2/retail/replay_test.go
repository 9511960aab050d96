package retail_test

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
	"github.com/toolgym/toolgym/env/tau2/retail"
)

var (
	domOnce sync.Once
	dom     *tau2.DBDomain
	domErr  error
)

// domain loads the retail domain from the anchors once, or skips.
func domain(tb testing.TB) *tau2.DBDomain {
	tb.Helper()
	a, err := replay.AnchorsDir()
	if errors.Is(err, replay.ErrNoAnchors) {
		tb.Skip("../shared/anchors/tau (relative to the module root) is absent")
	}
	domOnce.Do(func() { dom, domErr = retail.Load(filepath.Join(a, "tau2", "retail")) })
	if domErr != nil {
		tb.Fatal(domErr)
	}
	return dom
}

func TestGoldReplay(t *testing.T) {
	replay.Check(t, domain(t), "retail", 114)
}
