package retail_test

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/tool"
)

// FuzzCall runs any tool with any arguments: it must never panic, must
// answer with content or an error, and a read-only tool must leave the
// state as it was.
func FuzzCall(f *testing.F) {
	d := domain(f)
	infos := d.New().ToolInfo(tau2.Assistant)
	for i, c := range toolCases {
		f.Add(uint8(i%len(infos)), c.args)
	}
	f.Add(uint8(1), `{"order_id": "#W2443586", "reason": "no longer needed"}`)
	f.Add(uint8(2), `{"order_id": "#W2378156", "item_ids": "1151293680", "new_item_ids": {}, "payment_method_id": null}`)
	f.Fuzz(func(t *testing.T, idx uint8, args string) {
		info := infos[int(idx)%len(infos)]
		e := d.New()
		res := e.Call(context.Background(), tool.Call{ID: "f", Name: info.Spec.Name, Arguments: args})
		if res.Error == nil && len(res.Content) != 1 {
			t.Fatalf("%s(%s): %d content parts", info.Spec.Name, args, len(res.Content))
		}
		if res.Error != nil && res.Error.Message == "" {
			t.Fatalf("%s(%s): empty error", info.Spec.Name, args)
		}
		if !info.Mutates && !e.SameState(tau2.Assistant, d.New()) {
			t.Fatalf("read-only %s(%s) changed the state", info.Spec.Name, args)
		}
	})
}
