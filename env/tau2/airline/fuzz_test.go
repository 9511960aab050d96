package airline_test

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
	f.Add(uint8(0), `{"user_id": "mohamed_taylor_9830", "origin": "PHL", "destination": "LGA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-20"}], "passengers": [{"first_name": "A", "last_name": "B", "dob": "1990-01-01"}], "payment_methods": [{"payment_id": "gift_card_6470207", "amount": 137}], "total_baggages": 0, "nonfree_baggages": 0, "insurance": "no"}`)
	f.Add(uint8(11), `{"reservation_id": "WPK8DQ", "cabin": "first", "flights": {}, "payment_id": []}`)
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
