package retail_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2/internal/replay"
)

// FuzzCall runs any tool with any arguments: it must never panic, must
// answer with content or an error, and a read-only tool must leave the
// state as it was.
func FuzzCall(f *testing.F) {
	f.Add(uint8(1), `{"order_id": "#W2443586", "reason": "no longer needed"}`)
	f.Add(uint8(2), `{"order_id": "#W2378156", "item_ids": "1151293680", "new_item_ids": {}, "payment_method_id": null}`)
	replay.FuzzCall(f, domain(f), toolCases)
}
