package pyval

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestValueCases(t *testing.T) {
	for _, c := range valueCases {
		t.Run(c.src, func(t *testing.T) {
			v := lit(t, c.src)
			if got := Repr(v); got != c.repr {
				t.Errorf("Repr = %q, want %q", got, c.repr)
			}
			if got := Str(v); got != c.str {
				t.Errorf("Str = %q, want %q", got, c.str)
			}
			got, err := JSONDumps(v)
			switch {
			case c.jsonErr != "":
				if err == nil || errText(err) != c.jsonErr {
					t.Errorf("JSONDumps error = %v, want %q", err, c.jsonErr)
				}
			case err != nil:
				t.Errorf("JSONDumps error: %v", err)
			case got != c.json:
				t.Errorf("JSONDumps = %q, want %q", got, c.json)
			}
			if got := Hashable(v); got != c.hashable {
				t.Errorf("Hashable = %v, want %v", got, c.hashable)
			}
			st, err := MarshalStateJSON(v)
			if err != nil || string(st) != c.state {
				t.Errorf("MarshalStateJSON = %q, %v; want %q", st, err, c.state)
			}
			// StateJSON is the same encoding as Go values.
			if sj, err := StateJSON(v); err != nil {
				t.Errorf("StateJSON: %v", err)
			} else if viaGo, err := json.Marshal(sj); err == nil {
				var a, b any
				if err := json.Unmarshal(viaGo, &a); err != nil {
					t.Fatal(err)
				}
				if err := json.Unmarshal(st, &b); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(b, a); diff != "" {
					t.Errorf("StateJSON differs from MarshalStateJSON (-marshal +statejson):\n%s", diff)
				}
			} else if !strings.Contains(c.state, "NaN") && !strings.Contains(c.state, "Infinity") {
				t.Errorf("json.Marshal(StateJSON): %v", err)
			}
			if got := TypeName(v); got != c.typ {
				t.Errorf("TypeName = %q, want %q", got, c.typ)
			}
			if !isNaNValue(v) && !Equal(v, DeepCopy(v)) {
				t.Errorf("DeepCopy(v) != v")
			}
		})
	}
}

func isNaNValue(v Value) bool { return strings.Contains(Repr(v), "nan") }

func TestEqualCases(t *testing.T) {
	for _, c := range equalCases {
		a, b := lit(t, c.a), lit(t, c.b)
		if got := Equal(a, b); got != c.eq {
			t.Errorf("Equal(%s, %s) = %v, want %v", c.a, c.b, got, c.eq)
		}
		if got := Equal(b, a); got != c.eq {
			t.Errorf("Equal(%s, %s) = %v, want %v", c.b, c.a, got, c.eq)
		}
		n, err := Compare(a, b)
		got := ""
		if err != nil {
			got = errText(err)
		} else {
			got = []string{"-1", "0", "1"}[n+1]
		}
		if got != c.cmp {
			t.Errorf("Compare(%s, %s) = %q, want %q", c.a, c.b, got, c.cmp)
		}
	}
}

func TestFromJSONCases(t *testing.T) {
	for _, c := range jsonDecodeCases {
		v, err := FromJSON([]byte(c.doc))
		if c.err != "" {
			var de *JSONDecodeError
			if !errors.As(err, &de) || err.Error() != c.err || !errors.Is(err, ErrInvalidJSON) {
				t.Errorf("FromJSON(%q) error = %v, want %q", c.doc, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("FromJSON(%q): %v", c.doc, err)
			continue
		}
		if got := Repr(v); got != c.repr {
			t.Errorf("Repr(FromJSON(%q)) = %q, want %q", c.doc, got, c.repr)
		}
		if got, err := JSONDumps(v); err != nil || got != c.dump {
			t.Errorf("JSONDumps(FromJSON(%q)) = %q, %v; want %q", c.doc, got, err, c.dump)
		}
	}
}

func TestFromJSONDetails(t *testing.T) {
	// Ints and floats stay apart; big ints become *big.Int.
	v, err := FromJSON([]byte(`[2, 2.0, 9223372036854775808, -9223372036854775808]`))
	if err != nil {
		t.Fatal(err)
	}
	l := v.([]Value)
	if _, ok := l[0].(int64); !ok {
		t.Errorf("2 decoded as %T", l[0])
	}
	if _, ok := l[1].(float64); !ok {
		t.Errorf("2.0 decoded as %T", l[1])
	}
	if b, ok := l[2].(*big.Int); !ok || b.String() != "9223372036854775808" {
		t.Errorf("2**63 decoded as %T %v", l[2], l[2])
	}
	if n, ok := l[3].(int64); !ok || n != math.MinInt64 {
		t.Errorf("-2**63 decoded as %T %v", l[3], l[3])
	}
	// A repeated key keeps its first position and its last value.
	v, _ = FromJSON([]byte(`{"a": 1, "b": 2, "a": 3}`))
	if got := Repr(v); got != "{'a': 3, 'b': 2}" {
		t.Errorf("repeated key: %s", got)
	}
	// A lone surrogate becomes U+FFFD (Python keeps '\ud800').
	v, _ = FromJSON([]byte(`["\ud800", "\udc00x", "\ud800\u0041"]`))
	if got := Repr(v); got != "['\ufffd', '\ufffdx', '\ufffdA']" {
		t.Errorf("lone surrogates: %s", got)
	}
	// A byte order mark is skipped; invalid UTF-8 and huge ints fail.
	if v, err := FromJSON([]byte("\xef\xbb\xbf[1]")); err != nil || Repr(v) != "[1]" {
		t.Errorf("BOM: %v %v", v, err)
	}
	if _, err := FromJSON([]byte("\"\xff\"")); !errors.Is(err, ErrInvalidJSON) {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if _, err := FromJSON([]byte(strings.Repeat("9", 4301))); !IsExc(err, "ValueError") {
		t.Errorf("4301-digit int: %v", err)
	}
	if v, err := FromJSON([]byte(strings.Repeat("9", 4300))); err != nil || len(Repr(v)) != 4300 {
		t.Errorf("4300-digit int: %v", err)
	}
	if _, err := FromJSON([]byte(strings.Repeat("[", 20000))); !errors.Is(err, ErrInvalidJSON) {
		t.Errorf("deep nesting: %v", err)
	}
}

func TestFromGo(t *testing.T) {
	var decoded any
	dec := json.NewDecoder(strings.NewReader(`{"b": [1, 2.5, "x", null, true], "a": {"z": 1, "y": 1e2}}`))
	dec.UseNumber()
	if err := dec.Decode(&decoded); err != nil {
		t.Fatal(err)
	}
	got := Repr(FromGo(decoded))
	want := "{'a': {'y': 100.0, 'z': 1}, 'b': [1, 2.5, 'x', None, True]}"
	if got != want {
		t.Errorf("FromGo = %s, want %s", got, want)
	}
	cases := []struct {
		in   any
		want string
	}{
		{int(3), "3"},
		{uint64(math.MaxUint64), "18446744073709551615"},
		{float32(0.5), "0.5"},
		{[]int{1, 2}, "[1, 2]"},
		{map[string]string{"b": "x", "a": "y"}, "{'a': 'y', 'b': 'x'}"},
		{[]string{"a"}, "['a']"},
		{Tuple{json.Number("7")}, "(7,)"},
		{DictOf("k", []any{json.Number("1.5")}), "{'k': [1.5]}"},
		{(*int)(nil), "None"},
	}
	for _, c := range cases {
		if got := Repr(FromGo(c.in)); got != c.want {
			t.Errorf("FromGo(%#v) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestHashKey(t *testing.T) {
	same := [][]Value{
		{int64(1), 1.0, true, big.NewInt(1), int(1), uint8(1)},
		{int64(0), 0.0, math.Copysign(0, -1), false},
		{new(big.Int).Lsh(big.NewInt(1), 70), math.Ldexp(1, 70)},
		{Tuple{int64(1), "a"}, Tuple{1.0, "a"}, Tuple{true, "a"}},
		{Tuple{}, Tuple(nil)},
		{nil},
		{"x"},
		{1.5},
	}
	for i, group := range same {
		for _, v := range group {
			if hashKey(v) != hashKey(group[0]) {
				t.Errorf("group %d: key of %#v differs from key of %#v", i, v, group[0])
			}
		}
		for j, other := range same {
			if j != i && hashKey(other[0]) == hashKey(group[0]) {
				t.Errorf("groups %d and %d share a key", i, j)
			}
		}
	}
	if hashKey(Tuple{Tuple{int64(1)}}) == hashKey(Tuple{int64(1)}) {
		t.Error("((1,),) and (1,) share a key")
	}
	for _, c := range []struct {
		v    Value
		want string
	}{
		{[]Value{}, "unhashable type: 'list'"},
		{NewDict(), "unhashable type: 'dict'"},
		{NewSet(), "unhashable type: 'set'"},
		{Tuple{int64(1), []Value{}}, "unhashable type: 'list'"},
	} {
		if Hashable(c.v) {
			t.Errorf("Hashable(%s) = true", Repr(c.v))
		}
		func() {
			defer func() {
				r := recover()
				e, ok := r.(*Exception)
				if !ok || e.Type != "TypeError" || e.Error() != c.want {
					t.Errorf("hashKey(%s) panicked with %v, want TypeError %q", Repr(c.v), r, c.want)
				}
			}()
			hashKey(c.v)
		}()
	}
	if !Hashable(&testObj{"x"}) {
		t.Error("pointer Object not hashable")
	}
	a, b := &testObj{"x"}, &testObj{"x"}
	if hashKey(a) == hashKey(b) {
		t.Error("distinct objects share a key (Python hashes instances by identity)")
	}
}

func TestDict(t *testing.T) {
	d := NewDict()
	d.Set("b", int64(1))
	d.Set("a", int64(2))
	d.Set(int64(1), "one")
	d.Set(true, "true") // same key as 1: keeps key 1 and its position
	d.Set(1.0, "float")
	if got := Repr(d); got != "{'b': 1, 'a': 2, 1: 'float'}" {
		t.Errorf("after sets: %s", got)
	}
	if v, ok := d.Get(true); !ok || v != "float" {
		t.Errorf("Get(True) = %v, %v", v, ok)
	}
	if !d.Delete("b") || d.Delete("b") {
		t.Error("Delete(b) twice")
	}
	if got := Repr(d); got != "{'a': 2, 1: 'float'}" {
		t.Errorf("after delete: %s", got)
	}
	d.Set("b", int64(3)) // re-added at the end
	if got := Repr(d.Keys()); got != "['a', 1, 'b']" {
		t.Errorf("keys: %s", got)
	}
	if got := Repr(d.Values()); got != "[2, 'float', 3]" {
		t.Errorf("values: %s", got)
	}
	if v, ok := d.Get(int64(1)); !ok || v != "float" {
		t.Errorf("index after delete: Get(1) = %v %v", v, ok)
	}
	if !d.Has(1.0) || d.Has("zz") {
		t.Error("Has")
	}
	var order []string
	d.Items(func(k, v Value) bool {
		order = append(order, Repr(k))
		return len(order) < 2
	})
	if strings.Join(order, ",") != "'a',1" {
		t.Errorf("Items stopped at %v", order)
	}

	// Clone is deep, Copy shallow.
	inner := []Value{int64(1)}
	d2 := DictOf("l", inner, "s", NewSet(int64(1)))
	deep, shallow := d2.Clone(), d2.Copy()
	inner[0] = int64(99)
	if got := Repr(deep); got != "{'l': [1], 's': {1}}" {
		t.Errorf("Clone shares: %s", got)
	}
	if got := Repr(shallow); got != "{'l': [99], 's': {1}}" {
		t.Errorf("Copy: %s", got)
	}
	shallow.Set("new", nil)
	if d2.Has("new") {
		t.Error("Copy shares the index")
	}
	func() {
		defer func() {
			if r := recover(); r == nil {
				t.Error("DictOf with odd args did not panic")
			}
		}()
		DictOf("a")
	}()
}

func TestZeroValues(t *testing.T) {
	var d Dict
	if d.Len() != 0 || d.Has("a") || d.Delete("a") {
		t.Error("zero Dict not empty")
	}
	d.Set("a", int64(1))
	if got := Repr(&d); got != "{'a': 1}" {
		t.Errorf("zero Dict after Set: %s", got)
	}
	var s Set
	if s.Len() != 0 || s.Has(int64(1)) || s.Remove(int64(1)) || Repr(&s) != "set()" {
		t.Error("zero Set not empty")
	}
	s.Add(int64(1))
	if got := Repr(&s); got != "{1}" {
		t.Errorf("zero Set after Add: %s", got)
	}
	l := []string{"a"}
	c := DeepCopy(l).([]string)
	c[0] = "b"
	if l[0] != "a" {
		t.Error("DeepCopy shares a []string")
	}
}

func TestSet(t *testing.T) {
	s := NewSet(int64(3), int64(1), "b", "a", 2.5, nil, Tuple{int64(1)})
	s.Add(true) // equal to 1: the member 1 stays
	s.Add(1.0)
	if got := Repr(s); got != "{None, 1, 2.5, 3, 'a', 'b', (1,)}" {
		t.Errorf("Repr = %s", got)
	}
	if s.Len() != 7 || !s.Has(true) || s.Has(int64(2)) {
		t.Error("Len/Has")
	}
	if !s.Remove(1.0) || s.Remove(int64(1)) {
		t.Error("Remove")
	}
	c := s.Clone()
	c.Add("new")
	if s.Has("new") {
		t.Error("Clone shares members")
	}
	if !Equal(NewSet(int64(1), int64(2)), NewSet(2.0, true)) {
		t.Error("set equality")
	}
}

type eqObj struct{ id int }

func (o eqObj) PyRepr() string       { return "<eqObj>" }
func (o eqObj) PyEqual(v Value) bool { p, ok := v.(eqObj); return ok && p.id == o.id }

// customObj has its own deep copy and state encoding.
type customObj struct{ text string }

func (o *customObj) PyRepr() string    { return "<custom " + o.text + ">" }
func (o *customObj) PyDeepCopy() Value { c := *o; return &c }
func (o *customObj) StateJSON() any    { return DictOf("__obj__", o.text, "n", int64(1)) }

// sharedObj is a plain Object with a str of its own.
type sharedObj struct{ n int }

func (o *sharedObj) PyRepr() string { return "<shared>" }
func (o *sharedObj) PyType() string { return "Shared" }
func (o *sharedObj) PyStr() string  { return "shared!" }

func TestObjects(t *testing.T) {
	// Equal: PyEqual first, then repr.
	if !Equal(eqObj{1}, eqObj{1}) || Equal(eqObj{1}, eqObj{2}) {
		t.Error("PyEqual not used")
	}
	if !Equal(&testObj{"a"}, &testObj{"a"}) || Equal(&testObj{"a"}, &testObj{"b"}) || Equal(&testObj{"1"}, int64(1)) {
		t.Error("repr equality of Objects")
	}
	// DeepCopy uses PyDeepCopy, shares the others.
	o := &customObj{"x"}
	if c := DeepCopy(o); c == Value(o) || !Equal(c, o) {
		t.Error("PyDeepCopy not used")
	}
	s := &sharedObj{}
	l := DeepCopy([]Value{s}).([]Value)
	if l[0] != Value(s) {
		t.Error("plain Object not shared by DeepCopy")
	}
	// Str uses PyStr; Repr PyRepr; TypeName PyType.
	if Str(s) != "shared!" || Repr(s) != "<shared>" || TypeName(s) != "Shared" || TypeName(eqObj{}) != "object" {
		t.Error("Str/Repr/TypeName of Objects")
	}
	if Str([]Value{s}) != "[<shared>]" {
		t.Error("containers show repr of Objects")
	}
	if _, err := JSONDumps(DictOf("a", s)); err == nil || err.Error() != "Object of type Shared is not JSON serializable" {
		t.Errorf("JSONDumps(Object) error = %v", err)
	}
}

func TestExceptions(t *testing.T) {
	cases := []struct {
		err        *Exception
		str, repr  string
		pythonType string
	}{
		{KeyError("abc"), "'abc'", "KeyError('abc')", "KeyError"},
		{KeyError(int64(3)), "3", "KeyError(3)", "KeyError"},
		{ValueError("bad value"), "bad value", "ValueError('bad value')", "ValueError"},
		{TypeError("it's"), "it's", `TypeError("it's")`, "TypeError"},
		{IndexError("list index out of range"), "list index out of range", "IndexError('list index out of range')", "IndexError"},
		{ZeroDivisionError("division by zero"), "division by zero", "ZeroDivisionError('division by zero')", "ZeroDivisionError"},
		{Exc("FileNotFoundError", "no such file"), "no such file", "FileNotFoundError('no such file')", "FileNotFoundError"},
	}
	for _, c := range cases {
		if c.err.Error() != c.str || Repr(c.err) != c.repr || Str(c.err) != c.str || TypeName(c.err) != c.pythonType {
			t.Errorf("%s: Error %q Repr %q", c.repr, c.err.Error(), Repr(c.err))
		}
		var err error = c.err
		wrapped := errors.Join(errors.New("context"), err)
		if !IsExc(wrapped, c.pythonType) || IsExc(wrapped, "Other") {
			t.Errorf("IsExc(%s)", c.repr)
		}
		if !errors.Is(wrapped, &Exception{Type: c.pythonType}) {
			t.Errorf("errors.Is(%s, type only)", c.repr)
		}
	}
	if errors.Is(KeyError("a"), KeyError("b")) || !errors.Is(KeyError("a"), KeyError("a")) {
		t.Error("errors.Is with values")
	}
}

func TestCompareSets(t *testing.T) {
	a, b := NewSet(int64(1)), NewSet(int64(1), int64(2))
	if c, err := Compare(a, b); err != nil || c != -1 {
		t.Errorf("{1} < {1, 2}: %d %v", c, err)
	}
	if c, err := Compare(b, a); err != nil || c != 1 {
		t.Errorf("{1, 2} > {1}: %d %v", c, err)
	}
	if c, err := Compare(NewSet(int64(3)), b); err != nil || c != 0 {
		t.Errorf("{3} vs {1, 2}: %d %v", c, err)
	}
	if _, err := Compare(NewDict(), NewDict()); err == nil || err.Error() != "'<' not supported between instances of 'dict' and 'dict'" {
		t.Errorf("dict < dict: %v", err)
	}
}

func TestSortValues(t *testing.T) {
	vs := []Value{"b", int64(3), nil, Tuple{int64(1)}, 1.5, math.NaN(), "a", []Value{int64(0)}, &testObj{"z"}, true, math.Inf(-1)}
	SortValues(vs)
	want := "[None, -inf, True, 1.5, 3, nan, 'a', 'b', (1,), [0], z]"
	if got := Repr(vs); got != want {
		t.Errorf("SortValues = %s, want %s", got, want)
	}
	vs = []Value{Tuple{int64(1), "b"}, Tuple{int64(1), "a"}, Tuple{int64(0)}, Tuple{int64(1)}, []Value{"x"}, []Value{}, math.NaN(), math.NaN(), int64(2)}
	SortValues(vs)
	want = "[2, nan, nan, (0,), (1,), (1, 'a'), (1, 'b'), [], ['x']]"
	if got := Repr(vs); got != want {
		t.Errorf("SortValues = %s, want %s", got, want)
	}
}

func TestStateJSON(t *testing.T) {
	v := DictOf(
		"tweets", DictOf(int64(0), DictOf("id", int64(0), "tags", []Value{"#a"})),
		"ids", NewSet(int64(67410), int64(5)),
		"pair", Tuple{int64(1), 2.0},
		"obj", &sharedObj{},
		"custom", &customObj{"t"},
		"keys", DictOf(true, 1, 1.5, 2, nil, 3, Tuple{int64(1)}, 4, &sharedObj{}, 5),
		"big", new(big.Int).Lsh(big.NewInt(1), 80),
	)
	got, err := StateJSON(v)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"tweets": map[string]any{"int:0": map[string]any{"id": int64(0), "tags": []any{"#a"}}},
		"ids":    map[string]any{"__set__": []any{int64(5), int64(67410)}},
		"pair":   []any{int64(1), 2.0},
		"obj":    map[string]any{"__repr__": "<shared>"},
		"custom": map[string]any{"__obj__": "t", "n": int64(1)},
		"keys":   map[string]any{"bool:True": int64(1), "float:1.5": int64(2), "None": int64(3), "tuple:(1,)": int64(4), "object:<shared>": int64(5)},
		"big":    new(big.Int).Lsh(big.NewInt(1), 80),
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b *big.Int) bool { return a.Cmp(b) == 0 })); diff != "" {
		t.Errorf("StateJSON (-want +got):\n%s", diff)
	}
	b, err := MarshalStateJSON(v)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON := `{"tweets": {"int:0": {"id": 0, "tags": ["#a"]}}, "ids": {"__set__": [5, 67410]}, "pair": [1, 2.0], "obj": {"__repr__": "<shared>"}, "custom": {"__obj__": "t", "n": 1}, "keys": {"bool:True": 1, "float:1.5": 2, "None": 3, "tuple:(1,)": 4, "object:<shared>": 5}, "big": 1208925819614629174706176}`
	if string(b) != wantJSON {
		t.Errorf("MarshalStateJSON =\n%s\nwant\n%s", b, wantJSON)
	}
	// encoding/json accepts StateJSON's output.
	if _, err := json.Marshal(got); err != nil {
		t.Errorf("json.Marshal(StateJSON): %v", err)
	}
	// Go values from a StateJSONer's map are written with sorted keys.
	m, err := MarshalStateJSON([]Value{map[string]any{"b": 1, "a": []any{json.Number("2.50")}}})
	if err != nil || string(m) != `[{"a": [2.50], "b": 1}]` {
		t.Errorf("MarshalStateJSON(map) = %s, %v", m, err)
	}
	if _, err := StateJSON(make(chan int)); err == nil {
		t.Error("StateJSON(chan) did not fail")
	}
}

func TestJSONDumpsErrors(t *testing.T) {
	deep := Value(int64(1))
	for i := 0; i < maxJSONDepth+1; i++ {
		deep = []Value{deep}
	}
	if _, err := JSONDumps(deep); !IsExc(err, "RecursionError") {
		t.Errorf("deep JSONDumps: %v", err)
	}
	if _, err := JSONDumps(DictOf(Tuple{int64(1)}, 1)); err == nil || err.Error() != "keys must be str, int, float, bool or None, not tuple" {
		t.Errorf("tuple key: %v", err)
	}
	b, err := AppendJSON([]byte("x="), DictOf("é", "\u2028\x7f"), false)
	if err != nil || string(b) != "x={\"é\": \"\u2028\x7f\"}" {
		t.Errorf("AppendJSON(ensureASCII=false) = %q, %v", b, err)
	}
	if s, _ := JSONDumps("\xff"); s != `"\ufffd"` {
		t.Errorf("invalid UTF-8 = %s", s)
	}
}
