package filesystem

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// fuzzArgs are the argument values the fuzzer picks from: names that hit
// the special cases (".", "..", "/", "", paths, bad characters), existing
// entries, and values of the wrong types.
var fuzzArgs = []pyval.Value{
	"docs", "a.txt", "notes.txt", "new", ".", "..", "/", "", "docs/a.txt", "x|y", ".hidden",
	"line", "alpha\nbeta", int64(2), int64(-1), int64(0), 1.5, true, false, nil,
	[]pyval.Value{"a"}, []pyval.Value{}, pyval.DictOf("k", int64(1)),
}

// FuzzCommands runs arbitrary sequences of commands with arbitrary
// arguments straight on the methods (no panic recovery), and checks that
// nothing panics, that a fork behaves exactly as its original, and that
// the state always encodes, unless a cycle makes the reference's encoder
// recurse too.
func FuzzCommands(f *testing.F) {
	f.Add([]byte{2, 0, 9, 1, 16, 0, 0, 14, 3, 4})
	f.Add([]byte{17, 0, 0, 2, 0, 7, 0, 9, 0})
	f.Add([]byte{3, 3, 5, 12, 1, 4, 15, 3, 4, 1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		fs := New()
		cfg, _ := pyval.FromJSON([]byte(smallWorld))
		if err := fs.Load(cfg.(*pyval.Dict), false); err != nil {
			t.Fatal(err)
		}
		methods := fs.Methods()
		for i := 0; i+2 < len(data) && i < 300; i += 3 {
			m := methods[int(data[i])%len(methods)]
			args := make([]pyval.Value, len(m.Params))
			for j := range args {
				args[j] = fuzzArgs[int(data[i+1+j%2]+byte(j))%len(fuzzArgs)]
			}
			clone := fs.Clone().(*FileSystem)
			r1, err1 := m.Call(args)
			r2, err2 := clone.methodByName(m.Name).Call(args)
			if bfcl.ResultString(r1) != bfcl.ResultString(r2) || (err1 == nil) != (err2 == nil) {
				t.Fatalf("%s%v: original gave %v %v, fork %v %v", m.Name, args, r1, err1, r2, err2)
			}
			s1, e1 := pyval.MarshalStateJSON(fs.State())
			s2, e2 := pyval.MarshalStateJSON(clone.State())
			if e1 != nil {
				if !pyval.IsExc(e1, "RecursionError") {
					t.Fatalf("state: %v", e1)
				}
				continue
			}
			if e2 != nil || !bytes.Equal(s1, s2) {
				t.Fatalf("fork state differs after %s%v", m.Name, args)
			}
			if !json.Valid(s1) {
				t.Fatalf("state is not JSON: %s", s1)
			}
		}
	})
}

func (fs *FileSystem) methodByName(name string) bfcl.Method {
	for _, m := range fs.Methods() {
		if m.Name == name {
			return m
		}
	}
	panic("no method " + name)
}
