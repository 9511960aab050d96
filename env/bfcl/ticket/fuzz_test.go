package ticket

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// FuzzMethods calls methods with arbitrary JSON arguments, outside the
// framework's panic recovery: whatever a model sends must come back as a
// result or a Python exception, never a Go panic.
func FuzzMethods(f *testing.F) {
	f.Add(uint8(0), `["title", "desc", 3]`, `[]`)
	f.Add(uint8(4), `[1, {"title": null, "owner": 1}]`, `[{"id": 1, "status": "Open", "created_by": "u"}]`)
	f.Add(uint8(8), `["OPEN"]`, `[{"id": 1, "status": "Open", "created_by": "u"}, 5]`)
	f.Add(uint8(2), `[1.0]`, `[{"id": 1}]`)
	f.Fuzz(func(t *testing.T, method uint8, argsJSON, queueJSON string) {
		v, err := pyval.FromJSON([]byte(argsJSON))
		if err != nil {
			return
		}
		args, ok := v.([]pyval.Value)
		if !ok {
			args = []pyval.Value{v}
		}
		cfg := pyval.DictOf("current_user", "u")
		if q, err := pyval.FromJSON([]byte(queueJSON)); err == nil {
			cfg.Set("ticket_queue", q)
		}
		api := New()
		if err := api.Load(cfg, false); err != nil {
			return
		}
		ms := api.Methods()
		m := &ms[int(method)%len(ms)]
		bound := make([]bfcl.Arg, len(args))
		for i, a := range args {
			bound[i] = bfcl.Arg{Value: a}
		}
		vals, err := bfcl.Bind(ClassName, m, bound)
		if err != nil {
			return
		}
		for i := 0; i < 2; i++ {
			res, err := m.Call(vals)
			if err == nil {
				_ = bfcl.ResultString(res)
			} else if err.Error() == "" {
				t.Errorf("%s(%s): empty error", m.Name, argsJSON)
			}
		}
		if _, err := pyval.MarshalStateJSON(api.State()); err != nil {
			t.Errorf("%s(%s): state: %v", m.Name, argsJSON, err)
		}
	})
}
