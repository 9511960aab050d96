package retail_test

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/env/taubench/retail"
	"github.com/toolgym/toolgym/tool"
)

// FuzzCall calls tools with arbitrary argument text: a call must never
// panic, must answer, and must leave the base data untouched.
func FuzzCall(f *testing.F) {
	for _, tc := range toolCases {
		for _, c := range tc.calls {
			for i, s := range retail.Tools() {
				if s.Name == c.name {
					f.Add(uint8(i), c.args)
				}
			}
		}
	}
	f.Add(uint8(200), `{}`)
	d := loadData(f)
	base := d.Hash()
	specs := retail.Tools()
	f.Fuzz(func(t *testing.T, which uint8, args string) {
		name := "no_such_tool"
		if int(which) < len(specs) {
			name = specs[which].Name
		}
		e := d.New()
		r := e.Call(context.Background(), tool.Call{ID: "f", Name: name, Arguments: args})
		if r.CallID != "f" || r.Name != name {
			t.Fatalf("result %+v does not name its call", r)
		}
		if r.Error != nil && r.Error.Message == "" {
			t.Fatalf("error without a message: %+v", r)
		}
		if got := d.New().Hash(); got != base {
			t.Fatalf("%s(%s) changed the base data", name, args)
		}
	})
}
