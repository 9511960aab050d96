package message

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
	f.Add(uint8(1), `["Alice"]`)
	f.Add(uint8(1), `[["Alice"]]`)
	f.Add(uint8(2), `["USR001"]`)
	f.Add(uint8(4), `["USR002", "hello"]`)
	f.Add(uint8(4), `["USR002", {"a": [1, 2.5]}]`)
	f.Add(uint8(5), `["USR003"]`)
	f.Add(uint8(7), `["Eve"]`)
	f.Add(uint8(8), `["\u0130STANBUL \u03a3"]`)
	f.Add(uint8(8), `[5]`)
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
		a.Login("USR001")
		a.SendMessage("USR002", []pyval.Value{"list content"})
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
