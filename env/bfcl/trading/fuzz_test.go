package trading

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// FuzzMethods calls methods with arbitrary JSON arguments, outside the
// framework's panic recovery: whatever a model sends must come back as a
// result or a Python exception, never a Go panic.
func FuzzMethods(f *testing.F) {
	bfcltest.AnchorDir(f)
	f.Add(uint8(5), `["Buy", "AAPL", 10.5, 3]`, uint8(1))
	f.Add(uint8(15), `["2024-09-01", "2024-9-3"]`, uint8(3))
	f.Add(uint8(17), `[["AAPL", "NOPE"], 0, 1e300]`, uint8(0))
	f.Add(uint8(3), `[{"a": [1]}]`, uint8(2))
	f.Add(uint8(11), `[-0.0]`, uint8(1))
	f.Fuzz(func(t *testing.T, method uint8, argsJSON string, mode uint8) {
		v, err := pyval.FromJSON([]byte(argsJSON))
		if err != nil {
			return
		}
		args, ok := v.([]pyval.Value)
		if !ok {
			args = []pyval.Value{v}
		}
		bot := New()
		cfg := pyval.DictOf("authenticated", mode&1 == 1, "market_status", "Open")
		if err := bot.Load(cfg, mode&2 == 2); err != nil {
			t.Fatal(err)
		}
		ms := bot.Methods()
		m := &ms[int(method)%len(ms)]
		bound := make([]bfcl.Arg, len(args))
		for i, a := range args {
			bound[i] = bfcl.Arg{Value: a}
		}
		vals, err := bfcl.Bind(ClassName, m, bound)
		if err != nil {
			return
		}
		for i := 0; i < 2; i++ { // twice: the first call may change the state
			res, err := m.Call(vals)
			if err == nil {
				_ = bfcl.ResultString(res)
			} else if err.Error() == "" {
				t.Errorf("%s(%s): empty error", m.Name, argsJSON)
			}
		}
		if _, err := pyval.MarshalStateJSON(bot.State()); err != nil {
			t.Errorf("%s(%s): state: %v", m.Name, argsJSON, err)
		}
	})
}
