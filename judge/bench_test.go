package judge_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/toolgym/toolgym/judge"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
)

// BenchmarkJudge judges a perfect 3-turn episode on the bank env: gold
// replay on a fresh env, final snapshot comparison, call matching and
// output checks.
func BenchmarkJudge(b *testing.B) {
	tk := transferTask()
	tk.Turns = append(tk.Turns, task.Turn{User: "Put 5 in a3 and tell me its balance.", Gold: task.Gold{
		Steps:   [][]task.Call{{{Name: "deposit", Arguments: json.RawMessage(`{"id":"a3","amount":5}`)}}, {{Name: "get_balance", Arguments: json.RawMessage(`{"id":"a3"}`)}}},
		Outputs: []string{"5"},
	}})
	e, err := newBank(tk.Config)
	if err != nil {
		b.Fatal(err)
	}
	r := newRecorder(tk.ID, e)
	perfect0(r.user(tk.Turns[0].User))
	perfect1(r.user(tk.Turns[1].User))
	r.user(tk.Turns[2].User).call(c("d", "deposit", `{"amount":5.0,"id":"a3"}`)).call(c("g", "get_balance", `{"id":"a3"}`)).say("a3 holds 5.")
	tr := r.done()
	ctx := context.Background()
	fresh := freshBank(tk)
	b.ReportAllocs()
	for b.Loop() {
		v, err := judge.Judge(ctx, tk, tr, e, fresh, judge.DefaultOptions())
		if err != nil || !v.Success || !v.CallsExact {
			b.Fatalf("verdict %+v, %v", v, err)
		}
	}
}

// BenchmarkMatchCalls matches 20 calls: five gold steps of four calls,
// made over eight messages with the calls of each step shuffled and split.
func BenchmarkMatchCalls(b *testing.B) {
	gold, made := twentyCalls()
	b.ReportAllocs()
	for b.Loop() {
		if m := judge.MatchCalls(gold, made); !m.Exact {
			b.Fatalf("not exact: %+v", m)
		}
	}
}

// BenchmarkMatchCallsInexact is BenchmarkMatchCalls with one call's
// argument wrong and one step's calls made too early, which takes the
// dynamic programme.
func BenchmarkMatchCallsInexact(b *testing.B) {
	gold, made := twentyCalls()
	made[0][0].Arguments = `{"account":"wrong"}`
	made[0] = append(made[0], made[4]...)
	made[4] = nil
	b.ReportAllocs()
	for b.Loop() {
		if m := judge.MatchCalls(gold, made); m.Exact || m.Matched != 17 {
			b.Fatalf("matched %d: %+v", m.Matched, m)
		}
	}
}

func twentyCalls() ([][]task.Call, [][]tool.Call) {
	var gold [][]task.Call
	var all []tool.Call
	for s := range 5 {
		var step []task.Call
		for i := range 4 {
			args := fmt.Sprintf(`{"account":"acc-%d","amount":%d.5,"tags":["x","y"],"memo":{"step":%d,"i":%d}}`, s, 10*i, s, i)
			step = append(step, task.Call{Name: fmt.Sprintf("tool_%d", i%3), Arguments: json.RawMessage(args)})
			// The model writes the same arguments another way.
			made := fmt.Sprintf(`{"memo":{"i":%d.0,"step":%d},"tags":["x","y"],"amount":%d.50,"account":"acc-%d"}`, i, s, 10*i, s)
			all = append(all, tool.Call{ID: fmt.Sprint(len(all)), Name: fmt.Sprintf("tool_%d", i%3), Arguments: made})
		}
		gold = append(gold, step)
	}
	var made [][]tool.Call
	for s := range 5 {
		c := all[4*s : 4*s+4]
		if s%2 == 0 {
			made = append(made, []tool.Call{c[3], c[1]}, []tool.Call{c[0], c[2]})
		} else {
			made = append(made, []tool.Call{c[2], c[0], c[3], c[1]})
		}
	}
	return gold, made
}
