package bfcl

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/pyval"
)

// slowParse is the full parser's reading of a call.
func slowParse(src string) (string, []Arg, error) {
	pcs, err := toolcall.ParsePythonWith(src, toolcall.PyOptions{Positional: true})
	if err != nil {
		return "", nil, err
	}
	if len(pcs) != 1 {
		return "", nil, pyval.Exc("SyntaxError", "invalid syntax")
	}
	var args []Arg
	for _, a := range pcs[0].Args {
		v, err := pyval.FromJSON(a.Value)
		if err != nil {
			return "", nil, err
		}
		args = append(args, Arg{Name: a.Name, Value: v})
	}
	return pcs[0].Name, args, nil
}

func sameCall(t *testing.T, src string, name string, args []Arg, wname string, wargs []Arg) {
	t.Helper()
	if name != wname || len(args) != len(wargs) {
		t.Fatalf("%s: got %s%v, want %s%v", src, name, args, wname, wargs)
	}
	for i := range args {
		// The JSON path cannot tell tuples from lists; compare as lists.
		g, w := untuple(args[i].Value), wargs[i].Value
		if args[i].Name != wargs[i].Name || !pyval.Equal(g, w) || pyval.Repr(g) != pyval.Repr(w) {
			t.Errorf("%s arg %d: got %s=%s, want %s=%s", src, i, args[i].Name, pyval.Repr(args[i].Value), wargs[i].Name, pyval.Repr(wargs[i].Value))
		}
	}
}

// nonStringKey reports whether a dict anywhere in v has a key that is not
// a str.
func nonStringKey(v pyval.Value) bool {
	switch x := v.(type) {
	case pyval.Tuple:
		return nonStringKey([]pyval.Value(x))
	case []pyval.Value:
		for _, e := range x {
			if nonStringKey(e) {
				return true
			}
		}
	case *pyval.Dict:
		found := false
		x.Items(func(k, e pyval.Value) bool {
			_, isStr := k.(string)
			found = !isStr || nonStringKey(e)
			return !found
		})
		return found
	}
	return false
}

// untuple turns tuples into lists, at any depth.
func untuple(v pyval.Value) pyval.Value {
	switch x := v.(type) {
	case pyval.Tuple:
		return untuple([]pyval.Value(x))
	case []pyval.Value:
		out := make([]pyval.Value, len(x))
		for i, e := range x {
			out[i] = untuple(e)
		}
		return out
	case *pyval.Dict:
		d := pyval.NewDict()
		x.Items(func(k, e pyval.Value) bool {
			d.Set(k, untuple(e))
			return true
		})
		return d
	}
	return v
}

func TestParseCall(t *testing.T) {
	cases := []string{
		"cd(folder='document')",
		"sort('final_report.pdf')",
		`mv(source="a b.txt", destination='x\'y')`,
		"ls(a=True)",
		"f()",
		"f( a = -1 , b=2.5, c=1e-05, d=None, e=False )",
		"post_tweet(content='Hi', tags=['#a', '#b'], mentions=[])",
		"f(x={'k': [1, 2.0, {'n': None}], 'j': 'v'})",
		"f(x=(1, 2), y=(3,), z=())",
		"A((0,()))",
		`echo(content='line1\nline2\ttab \\ end')`,
		"f('naïve café', k='日本')",
		"fill_fuel_tank(fuelAmount=30)",
		"math.factorial(number=5)",
	}
	for _, src := range cases {
		name, args, err := parseCall(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		wname, wargs, err := slowParse(src)
		if err != nil {
			t.Fatalf("%s (full parser): %v", src, err)
		}
		sameCall(t, src, name, args, wname, wargs)
	}
	// Tuples stay tuples on the fast path.
	_, args, _ := parseCall("f(x=(1, 2))")
	if _, ok := args[0].Value.(pyval.Tuple); !ok {
		t.Errorf("a tuple argument became %T", args[0].Value)
	}
	for _, bad := range []string{"f(", "f(a=1", "f(a=)", "f(a=1, 2)", "f(x=[1,)", "f(x=007)", "1(x)"} {
		if _, _, err := parseCall(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// FuzzParseCall checks that the fast path reads every call it accepts as
// the full parser does.
func FuzzParseCall(f *testing.F) {
	for _, s := range []string{"cd(folder='document')", "f(1, 'a', b=[1, 2.0], c={'k': None})", `f(x="a\"b")`, "f(x=-0.5e3)", `f(x='it\u2019s \U0001F600 \ud800')`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p := callParser{s: src}
		name, args, ok := p.call(nil)
		if !ok || strings.Contains(src, "Ellipsis") || strings.Contains(src, "...") {
			return // the full parser has no Ellipsis
		}
		for _, a := range args {
			if nonStringKey(a.Value) {
				return // Python allows {1: 2}; the full parser (JSON-bound) does not
			}
		}
		wname, wargs, err := slowParse(src)
		if err != nil {
			t.Fatalf("%q: fast path accepted what the full parser rejects: %v", src, err)
		}
		sameCall(t, src, name, args, wname, wargs)
	})
}

// BenchmarkParseCall parses calls of the shapes the ground truth writes:
// keyword strings, numbers, a list, positionals.
func BenchmarkParseCall(b *testing.B) {
	calls := []string{
		"book_flight(access_token='abc123xyz', card_id='144756014165', travel_date='2026-11-10', travel_from='SFO', travel_to='LAX', travel_class='business')",
		"lockDoors(unlock=True, door=['driver', 'passenger', 'rear_left', 'rear_right'])",
		"place_order(order_type='Buy',symbol='TSLA',price=700,amount=100)",
		"get_zipcode_based_on_city('San Francisco')",
		"pressBrakePedal(pedalPosition=1.0)",
	}
	b.ReportAllocs()
	var buf []Arg
	for b.Loop() {
		for _, c := range calls {
			_, args, err := parseCallInto(c, buf)
			if err != nil {
				b.Fatal(err)
			}
			buf = args[:0]
		}
	}
}

// FuzzSimpleDecimal checks the parser's float shortcut against
// strconv.ParseFloat, bit for bit, wherever it takes the text.
func FuzzSimpleDecimal(f *testing.F) {
	for _, s := range []string{"1.0", "-0.0", "+2.5", "0.1", "123456789012.345", "999999999999999.", ".5", "1.", "9007199254740993.0", "1e5", "1.2.3", "-", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := simpleDecimal(s)
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("simpleDecimal(%q) = %v, ParseFloat gives %v, %v", s, got, want, err)
		}
	})
}
