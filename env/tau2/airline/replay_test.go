package airline_test

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/env/tau2/airline"
	"github.com/toolgym/toolgym/env/tau2/internal/replay"
)

var (
	domOnce sync.Once
	dom     *tau2.DBDomain
	domErr  error
)

// domain loads the airline domain from the anchors once, or skips.
func domain(tb testing.TB) *tau2.DBDomain {
	tb.Helper()
	a, err := replay.AnchorsDir()
	if errors.Is(err, replay.ErrNoAnchors) {
		tb.Skip("../shared/anchors/tau (relative to the module root) is absent")
	}
	domOnce.Do(func() { dom, domErr = airline.Load(filepath.Join(a, "tau2", "airline")) })
	if domErr != nil {
		tb.Fatal(domErr)
	}
	return dom
}

func TestGoldReplay(t *testing.T) {
	replay.Check(t, domain(t), "airline", 50)
}
