package judge

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

func gc(name, args string) task.Call { return task.Call{Name: name, Arguments: json.RawMessage(args)} }

func mc(id, name, args string) tool.Call { return tool.Call{ID: id, Name: name, Arguments: args} }

func TestArgsKey(t *testing.T) {
	cases := []struct {
		a, b  string
		equal bool
	}{
		{`{"a":1,"b":"x"}`, `{"b":"x","a":1}`, true},
		{`{"a":1}`, `{"a":1.0}`, true},
		{`{"a":1}`, `{"a":1e0}`, true},
		{`{"a":100}`, `{"a":1E2}`, true},
		{`{"a":0.5}`, `{"a":5e-1}`, true},
		{`{"a":0}`, `{"a":-0.0}`, true},
		{`{"a":0}`, `{"a":0e10}`, true},
		{`{"a":-1.50}`, `{"a":-1.5}`, true},
		{`{"a":12345678901234567890}`, `{"a":12345678901234567891}`, false},
		{`{"a":1}`, `{"a":-1}`, false},
		{`{"a":1}`, `{"a":"1"}`, false},
		{`{"a":1}`, `{"a":10}`, false},
		{`{"a":0.1}`, `{"a":0.01}`, false},
		{`{"a":[1,2]}`, `{"a":[2,1]}`, false},
		{`{"a":[1,{"y":2,"x":1}]}`, `{"a":[1.0,{"x":1,"y":2.00}]}`, true},
		{`{"a":null}`, `{}`, false},
		{`{"a":true}`, `{"a":"true"}`, false},
		{``, `{}`, true},
		{`  `, `{ }`, true},
		{`{"a":"x,y"}`, `{"a":"x,y"}`, true},
		{`{"a\"":1}`, `{"a\"":1}`, true},
		{`{"a":1`, `{"a":1}`, false},
		{`{"a":1} {}`, `{"a":1}`, false},
		{`{"a":1e999999999999}`, `{"a":1e999999999999}`, true},
		{`{"a":"A\u00e9"}`, `{"a":"\u0041é"}`, true},
		{`{"a":"x\/y"}`, `{"a":"x/y"}`, true},
		{`{"a":1,"a":2}`, `{"a":2}`, true},
		{`{"a":1,"a":2}`, `{"a":1}`, false},
		{`["a","b"]`, `["a\",\"b"]`, false},
		{`{"a\":1,\"b":2}`, `{"a":1,"b":2}`, false},
		{`{"a":"\\"}`, `{"a":"\\\\"}`, false},
		{"{\"a\":\n\t[ 1 , 2 ]\r}", `{"a":[1,2]}`, true},
	}
	for _, tc := range cases {
		if got := argsKey(tc.a) == argsKey(tc.b); got != tc.equal {
			t.Errorf("%s vs %s: equal %v, want %v (keys %q %q)", tc.a, tc.b, got, tc.equal, argsKey(tc.a), argsKey(tc.b))
		}
	}
}

// TestNumberKeyMatchesRationals checks numberKey against exact rational
// arithmetic on many spellings of random numbers.
func TestNumberKeyMatchesRationals(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	spell := func() string {
		s := ""
		if r.IntN(3) == 0 {
			s = "-"
		}
		s += fmt.Sprint(r.IntN(30))
		if r.IntN(2) == 0 {
			s += "." + []string{"0", "5", "50", "25", "000", "1"}[r.IntN(6)]
		}
		if r.IntN(2) == 0 {
			s += []string{"e", "E"}[r.IntN(2)] + []string{"", "+", "-"}[r.IntN(3)] + fmt.Sprint(r.IntN(4))
		}
		return s
	}
	for range 20000 {
		a, b := spell(), spell()
		ra, _ := new(big.Rat).SetString(a)
		rb, _ := new(big.Rat).SetString(b)
		if ra == nil || rb == nil {
			t.Fatalf("bad spelling %q %q", a, b)
		}
		if got, want := numberKey(a) == numberKey(b), ra.Cmp(rb) == 0; got != want {
			t.Fatalf("%s vs %s: equal %v, want %v (keys %s %s)", a, b, got, want, numberKey(a), numberKey(b))
		}
	}
}

func TestMatchCalls(t *testing.T) {
	A, B, C, D := gc("a", `{}`), gc("b", `{"x":1}`), gc("c", ""), gc("d", `{"k":[1,2]}`)
	mA, mB, mC, mD := mc("1", "a", ""), mc("2", "b", `{"x":1.0}`), mc("3", "c", "{}"), mc("4", "d", `{"k":[1,2]}`)
	mE := mc("5", "e", `{}`)
	cases := []struct {
		name                    string
		gold                    [][]task.Call
		made                    [][]tool.Call
		exact                   bool
		matched, missing, extra int
	}{
		{"nothing", nil, nil, true, 0, 0, 0},
		{"no gold, calls made", nil, [][]tool.Call{{mA}}, false, 0, 0, 1},
		{"gold, no calls", [][]task.Call{{A}}, nil, false, 0, 1, 0},
		{"one to one", [][]task.Call{{A}, {B}}, [][]tool.Call{{mA}, {mB}}, true, 2, 0, 0},
		{"one step, any order", [][]task.Call{{A, B, C}}, [][]tool.Call{{mC}, {mA, mB}}, true, 3, 0, 0},
		{"two steps in one message", [][]task.Call{{A}, {B}}, [][]tool.Call{{mB, mA}}, true, 2, 0, 0},
		{"steps crossed", [][]task.Call{{A}, {B}}, [][]tool.Call{{mB}, {mA}}, false, 1, 1, 1},
		{"repeated call", [][]task.Call{{A}, {A}}, [][]tool.Call{{mA}, {mA}}, true, 2, 0, 0},
		{"repeated call made once", [][]task.Call{{A}, {A}}, [][]tool.Call{{mA}}, false, 1, 1, 0},
		{"extra unknown call", [][]task.Call{{A}}, [][]tool.Call{{mA, mE}}, false, 1, 0, 1},
		{"same call twice, gold once", [][]task.Call{{A}}, [][]tool.Call{{mA}, {mA}}, false, 1, 0, 1},
		// Greedily completing step 0 first would take b from message 1
		// and lose c and d of message 0; the largest matching leaves b.
		{"greedy trap", [][]task.Call{{A, B}, {C, D}}, [][]tool.Call{{mA, mC, mD}, {mB}}, false, 3, 1, 1},
		{"retry after a failure", [][]task.Call{{A}, {B}}, [][]tool.Call{{mA}, {mb("x", `{"x":2}`)}, {mB}}, false, 2, 0, 1},
		{"nested arguments", [][]task.Call{{D}}, [][]tool.Call{{mD}}, true, 1, 0, 0},
		{"empty gold step", [][]task.Call{{A}, {}, {B}}, [][]tool.Call{{mA}, {mB}}, true, 2, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := MatchCalls(tc.gold, tc.made)
			if m.Exact != tc.exact || m.Matched != tc.matched || len(m.Missing) != tc.missing || len(m.Extra) != tc.extra {
				t.Errorf("got exact %v matched %d missing %v extra %v; want %v %d %d %d", m.Exact, m.Matched, m.Missing, m.Extra, tc.exact, tc.matched, tc.missing, tc.extra)
			}
			if m.Matched+len(m.Missing) != m.Expected || m.Matched+len(m.Extra) != m.Made {
				t.Errorf("counts do not add up: %+v", m)
			}
		})
	}
}

func mb(id, args string) tool.Call { return mc(id, "b", args) }

// bruteForce returns the size of a largest valid matching by trying every
// assignment of made calls to gold calls.
func bruteForce(gold [][]task.Call, made [][]tool.Call) int {
	type g struct{ step, i int }
	type m struct{ msg, i int }
	var gs []g
	for j, s := range gold {
		for i := range s {
			gs = append(gs, g{j, i})
		}
	}
	var ms []m
	for p, s := range made {
		for i := range s {
			ms = append(ms, m{p, i})
		}
	}
	best := 0
	used := make([]bool, len(gs))
	assign := make([]int, len(ms)) // gold index or -1
	var rec func(k, n int)
	rec = func(k, n int) {
		if k == len(ms) {
			// Check the order constraint on all matched pairs.
			for x := range ms {
				for y := range ms {
					if assign[x] < 0 || assign[y] < 0 {
						continue
					}
					if gs[assign[x]].step < gs[assign[y]].step && ms[x].msg > ms[y].msg {
						return
					}
				}
			}
			best = max(best, n)
			return
		}
		assign[k] = -1
		rec(k+1, n)
		call := made[ms[k].msg][ms[k].i]
		for gi, gg := range gs {
			gcall := gold[gg.step][gg.i]
			if used[gi] || !CallsEqual(gcall.ToolCall(""), call) {
				continue
			}
			used[gi] = true
			assign[k] = gi
			rec(k+1, n+1)
			used[gi] = false
			assign[k] = -1
		}
	}
	rec(0, 0)
	return best
}

// TestMatchCallsIsLargest compares the matcher with brute force on random
// small problems, and checks the matching it reports is valid.
func TestMatchCallsIsLargest(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	names := []string{"a", "b", "c"}
	for trial := range 3000 {
		var gold [][]task.Call
		for range r.IntN(4) {
			var step []task.Call
			for range r.IntN(3) {
				step = append(step, gc(names[r.IntN(3)], ""))
			}
			gold = append(gold, step)
		}
		var made [][]tool.Call
		n := 0
		for range r.IntN(4) {
			var msg []tool.Call
			for range 1 + r.IntN(3) {
				if n < 7 {
					msg = append(msg, mc(fmt.Sprint(n), names[r.IntN(3)], "{}"))
					n++
				}
			}
			made = append(made, msg)
		}
		got := MatchCalls(gold, made)
		if want := bruteForce(gold, made); got.Matched != want {
			t.Fatalf("trial %d: gold %v made %v: matched %d, brute force %d", trial, gold, made, got.Matched, want)
		}
		if got.Matched+len(got.Missing) != got.Expected || got.Matched+len(got.Extra) != got.Made {
			t.Fatalf("trial %d: counts %+v", trial, got)
		}
	}
}

func TestTurnCallsGroupsBySteps(t *testing.T) {
	a, b, c := mc("1", "a", ""), mc("2", "b", ""), mc("3", "c", "")
	msgs := []trajectory.Message{
		{Message: model.User("hi")},
		{Message: model.Assistant("", a), Step: 1},
		{Message: model.ToolMessage(tool.OK(a)), Step: 1},
		// Two assistant messages of one step form one group.
		{Message: model.Assistant("", b), Step: 2},
		{Message: model.Assistant("", c), Step: 2},
		{Message: model.Assistant("thinking"), Step: 3},
		{Message: model.Assistant("", a), Step: 4},
	}
	got := turnCalls(msgs)
	want := [][]tool.Call{{a}, {b, c}, {a}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("groups %v, want %v", got, want)
	}
	// Without steps recorded, each message is its own group.
	for i := range msgs {
		msgs[i].Step = 0
	}
	if got := turnCalls(msgs); len(got) != 4 {
		t.Errorf("groups without steps %v", got)
	}
}

func TestOutputFound(t *testing.T) {
	msgs := []trajectory.Message{
		{Message: model.User("my total is 1,070")},
		{Message: model.Assistant("Your refund of $1,070.50 is on its way.")},
		{Message: model.Assistant("Order #W123 CANCELLED", mc("1", "a", ""))},
		{Message: model.ToolMessage(tool.OK(mc("1", "a", ""), tool.Text("secret 999")))},
	}
	cases := []struct {
		output string
		found  bool
	}{
		{"1070.50", true},   // commas removed from the text
		{"$1070.50", true},  // other punctuation kept
		{"1,070.50", true},  // commas removed from the output too
		{"1,0,70.50", true}, // (every comma)
		{"1070.5O", false},
		{"REFUND", true},
		{"cancelled", true},
		{"999", false},        // tool output is not the agent's
		{"total is", false},   // nor is the user's text
		{"way. order", false}, // messages are searched one at a time
	}
	for _, tc := range cases {
		if got := outputFound(tc.output, msgs); got != tc.found {
			t.Errorf("%q: found %v, want %v", tc.output, got, tc.found)
		}
	}
}

func TestDiffJSON(t *testing.T) {
	cases := []struct {
		name      string
		got, want string
		limit     int
		lines     []string
		more      int
	}{
		{"equal", `{"a":[1,{"b":2}]}`, `{"a":[1,{"b":2}]}`, 20, nil, 0},
		{"leaf", `{"accounts":[{"balance":120.50},{"balance":1}]}`, `{"accounts":[{"balance":100.00},{"balance":1}]}`, 20,
			[]string{"accounts[0].balance: 120.50 != 100.00"}, 0},
		{"number text", `{"a":1}`, `{"a":1.0}`, 20, []string{"a: 1 != 1.0"}, 0},
		{"missing and extra keys", `{"a":1,"c":"x"}`, `{"a":1,"b":true}`, 20, []string{"b: <missing> != true", `c: "x" != <missing>`}, 0},
		{"odd keys", `{"a b":{"k-1":1,"9":2}}`, `{"a b":{"k-1":2,"9":3}}`, 20, []string{`["a b"]["9"]: 2 != 3`, `["a b"].k-1: 1 != 2`}, 0},
		{"array lengths", `[1,2]`, `[1,2,3]`, 20, []string{"[2]: <missing> != 3"}, 0},
		{"root", `1`, `"x"`, 20, []string{`$: 1 != "x"`}, 0},
		{"type change", `{"a":[1]}`, `{"a":{"x":1}}`, 20, []string{`a: [1] != {"x":1}`}, 0},
		{"null", `{"a":null}`, `{"a":0}`, 20, []string{"a: null != 0"}, 0},
		{"limit", `[1,2,3,4,5]`, `[0,0,0,0,0]`, 2, []string{"[0]: 1 != 0", "[1]: 2 != 0"}, 3},
		{"long value cut", `{"a":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}`, `{"a":1}`, 20,
			[]string{`a: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… != 1`}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lines, more, err := DiffJSON([]byte(tc.got), []byte(tc.want), tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(lines, tc.lines) || more != tc.more {
				t.Errorf("got %q +%d, want %q +%d", lines, more, tc.lines, tc.more)
			}
		})
	}
	if _, _, err := DiffJSON([]byte(`{`), []byte(`{}`), 5); err == nil {
		t.Error("bad JSON: no error")
	}
}

// FuzzArgsKey checks that the hand-written canonicaliser never panics and
// gives a valid JSON document the same key as encoding/json's rewriting
// of it (other key order, escapes, spacing and duplicate keys resolved).
func FuzzArgsKey(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"b":[1,2.50,{"c":"\u0041"}],"a":null}`, `{"a":1,"a":2}`, `[true,false]`, `"x\"y"`, `-0.0e-0`, `{"é":"\ud83d\ude00"}`, `{`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := argsKey(s)
		if !json.Valid([]byte(s)) || strings.TrimSpace(s) == "" {
			return
		}
		var v any
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("valid JSON %q does not decode: %v", s, err)
		}
		if !utf8.ValidString(s) {
			return // encoding/json replaces invalid bytes; keys may differ
		}
		re, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if k2 := argsKey(string(re)); k2 != k {
			t.Fatalf("%q and its rewriting %s have keys %q and %q", s, re, k, k2)
		}
	})
}
