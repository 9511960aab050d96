package filesystem

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
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

// FuzzExtended runs arbitrary sequences of commands on two file systems
// that hold the same strs: one with every file's content kept as two
// pieces (as the long-context variant loads them), one with the strs
// joined, and checks that results, errors and states never differ.
func FuzzExtended(f *testing.F) {
	f.Add([]byte{6, 1, 0, 10, 2, 12, 13, 1, 2, 11, 12, 5})
	f.Add([]byte{2, 0, 9, 5, 12, 1, 14, 3, 4, 6, 3, 3, 13, 13, 2, 4, 6, 1})
	f.Add([]byte{16, 0, 0, 13, 12, 2, 6, 12, 0, 9, 14, 14})
	x := newSuffix(" and more’s, with \"quotes\"")
	args := append(slices.Clone(fuzzArgs), "and", "more", " and more", "ne two", "gamma and")
	f.Fuzz(func(t *testing.T, data []byte) {
		kept, joined := New(), New()
		cfg, _ := pyval.FromJSON([]byte(smallWorld))
		for _, fs := range []*FileSystem{kept, joined} {
			if err := fs.Load(cfg.(*pyval.Dict), false); err != nil {
				t.Fatal(err)
			}
		}
		extend(kept.root, func(f *File, s string) { f.content = &extended{head: s, x: x} })
		extend(joined.root, func(f *File, s string) { f.content = s + x.text })
		for i := 0; i+2 < len(data) && i < 300; i += 3 {
			name := kept.Methods()[int(data[i])%len(kept.Methods())].Name
			m1, m2 := kept.methodByName(name), joined.methodByName(name)
			vals := make([]pyval.Value, len(m1.Params))
			for j := range vals {
				vals[j] = args[int(data[i+1+j%2]+byte(j))%len(args)]
			}
			r1, err1 := m1.Call(vals)
			r2, err2 := m2.Call(vals)
			if bfcl.ResultString(r1) != bfcl.ResultString(r2) || fmt.Sprint(err1) != fmt.Sprint(err2) {
				t.Fatalf("%s%v: kept apart %v %v, joined %v %v", name, vals, r1, err1, r2, err2)
			}
			s1, e1 := pyval.MarshalStateJSON(kept.State())
			s2, e2 := pyval.MarshalStateJSON(joined.State())
			if !bytes.Equal(s1, s2) || fmt.Sprint(e1) != fmt.Sprint(e2) {
				t.Fatalf("states differ after %s%v:\n%s\n%s", name, vals, s1, s2)
			}
			if e1 == nil && (!kept.StateEqual(joined) || !joined.StateEqual(kept) || !kept.StateEqual(kept.Clone())) {
				t.Fatalf("equal states compare unequal after %s%v", name, vals)
			}
		}
	})
}

// extend sets the content of every file below d that holds a str.
func extend(d *Directory, set func(*File, string)) {
	for _, e := range d.Contents.entries {
		switch n := e.node.(type) {
		case *Directory:
			extend(n, set)
		case *File:
			if s, ok := n.content.(string); ok {
				set(n, s)
			}
		}
	}
}
