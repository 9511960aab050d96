package vehicle

import (
	"fmt"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// FuzzMethods calls a method with arbitrary JSON arguments (positional)
// on an instance after a few setup calls, and fails on any Go panic: a
// wrong argument must come back as the Python exception, never as a
// crash. It also checks that the result renders and the state encodes.
func FuzzMethods(f *testing.F) {
	f.Add(uint8(0), `["START"]`)
	f.Add(uint8(1), `[1e308]`)
	f.Add(uint8(2), `[false, ["driver", "trunk"]]`)
	f.Add(uint8(3), `[72, "fahrenheit", 100, "cool"]`)
	f.Add(uint8(9), `[0.5]`)
	f.Add(uint8(11), `["65", true, "1_000"]`)
	f.Add(uint8(14), `[123456789012345678901234567890]`)
	f.Add(uint8(15), `[[1, 2]]`)
	f.Add(uint8(17), `[{"a": 1}, null]`)
	f.Fuzz(func(t *testing.T, which uint8, args string) {
		v, err := pyval.FromJSON([]byte(args))
		if err != nil {
			return
		}
		list, ok := v.([]pyval.Value)
		if !ok {
			return
		}
		a := New()
		a.LockDoors(false, []pyval.Value{"driver", "passenger", "rear_left", "rear_right"})
		a.PressBrakePedal(1.0)
		a.FillFuelTank(10.0)
		a.StartEngine("START")
		ms := a.Methods()
		m := &ms[int(which)%len(ms)]
		bargs := make([]bfcl.Arg, len(list))
		for i, x := range list {
			bargs[i] = bfcl.Arg{Value: x}
		}
		vals, err := bfcl.Bind(ClassName, m, bargs)
		if err != nil {
			return
		}
		res, err := callNoPanic(m, vals)
		if err != nil {
			if _, ok := err.(*pyval.Exception); !ok {
				t.Fatalf("%s%s: %v", m.Name, args, err)
			}
			return
		}
		_ = bfcl.ResultString(res)
		if _, err := pyval.MarshalStateJSON(a.State()); err != nil {
			t.Fatalf("%s%s: state: %v", m.Name, args, err)
		}
	})
}

func callNoPanic(m *bfcl.Method, vals []pyval.Value) (res pyval.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return m.Call(vals)
}
