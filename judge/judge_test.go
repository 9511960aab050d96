package judge_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/judge"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

const bankConfig = `{"accounts":[{"id":"a1","balance":100},{"id":"a2","balance":50},{"id":"a3","balance":0}]}`

// transferTask: turn 0 moves 30 from a1 to a2 (a read, then a withdraw
// and a deposit that are independent of each other) and must say the new
// balance; turn 1 writes a note and must say "noted".
func transferTask() *task.Task {
	return &task.Task{
		ID: "transfer", Env: "bank", Config: json.RawMessage(bankConfig),
		Turns: []task.Turn{
			{User: "Move 30 from a1 to a2.", Gold: task.Gold{
				Steps: [][]task.Call{
					{{Name: "get_balance", Arguments: json.RawMessage(`{"id":"a1"}`)}},
					{
						{Name: "withdraw", Arguments: json.RawMessage(`{"id":"a1","amount":30}`)},
						{Name: "deposit", Arguments: json.RawMessage(`{"id":"a2","amount":30}`)},
					},
				},
				Outputs: []string{"70"},
			}},
			{User: "Note it down.", Gold: task.Gold{
				Steps:   [][]task.Call{{{Name: "set_note", Arguments: json.RawMessage(`{"key":"memo","value":"moved 30"}`)}}},
				Outputs: []string{"Noted"},
			}},
		},
	}
}

func freshBank(t *task.Task) func() (env.Env, error) {
	return func() (env.Env, error) { return newBank(t.Config) }
}

var (
	getA1   = c("c1", "get_balance", `{"id":"a1"}`)
	getA2   = c("c9", "get_balance", `{"id":"a2"}`)
	wdA1    = c("c2", "withdraw", `{"id":"a1","amount":30}`)
	depA2   = c("c3", "deposit", `{"id":"a2","amount":30}`)
	depA3   = c("c4", "deposit", `{"id":"a3","amount":30}`)
	setMemo = c("c5", "set_note", `{"key":"memo","value":"moved 30"}`)
)

// play runs a scripted episode on a fresh bank; turn0 and turn1 record the
// agent's side of each turn (nil leaves the turn out).
func play(t *testing.T, tk *task.Task, turn0, turn1 func(r *recorder)) (*trajectory.Trajectory, env.Env) {
	t.Helper()
	e, err := newBank(tk.Config)
	if err != nil {
		t.Fatal(err)
	}
	r := newRecorder(tk.ID, e)
	if turn0 != nil {
		turn0(r.user(tk.Turns[0].User))
	}
	if turn1 != nil {
		turn1(r.user(tk.Turns[1].User))
	}
	return r.done(), e
}

func perfect0(r *recorder) {
	r.call(getA1).call(wdA1, depA2).say("Done: a1 now holds 70, a2 holds 80.")
}
func perfect1(r *recorder) { r.call(setMemo).say("Noted.") }

func TestJudge(t *testing.T) {
	tk := transferTask()
	cases := []struct {
		name         string
		turn0, turn1 func(r *recorder)
		opts         judge.Options
		edit         func(tr *trajectory.Trajectory)
		check        func(t *testing.T, v *judge.Verdict)
	}{
		{
			name: "perfect run", turn0: perfect0, turn1: perfect1,
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, true, true, true, true)
				if v.TurnAccuracy != 1 || len(v.Reasons) != 0 || len(v.StateDiff) != 0 {
					t.Errorf("turn accuracy %v, reasons %v, diff %v", v.TurnAccuracy, v.Reasons, v.StateDiff)
				}
				for i, tv := range v.Turns {
					if !tv.Pass || !tv.StateMatch || !tv.Calls.Exact {
						t.Errorf("turn %d: %+v", i, tv)
					}
				}
				if got := v.Turns[0].Calls; got.Matched != 3 || got.Expected != 3 || got.Made != 3 {
					t.Errorf("turn 0 calls %+v, want 3/3/3", got)
				}
			},
		},
		{
			name: "missing write",
			turn0: func(r *recorder) {
				r.call(getA1).call(wdA1).say("Done: a1 now holds 70.")
			},
			turn1: perfect1,
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, false, false, false, true)
				wantDiff(t, v, "accounts[1].balance: 50 != 80")
				tv := v.Turns[0]
				if tv.StateMatch || tv.Pass || tv.Calls.Exact || tv.Calls.Matched != 2 {
					t.Errorf("turn 0: %+v", tv)
				}
				if len(tv.Calls.Missing) != 1 || tv.Calls.Missing[0].Name != "deposit" || len(tv.Calls.Extra) != 0 {
					t.Errorf("missing %v extra %v", tv.Calls.Missing, tv.Calls.Extra)
				}
				if !hasReason(v, "final state differs") {
					t.Errorf("reasons %v", v.Reasons)
				}
			},
		},
		{
			name: "wrong argument",
			turn0: func(r *recorder) {
				r.call(getA1).call(wdA1, depA3).say("Done: a1 now holds 70.")
			},
			turn1: perfect1,
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, false, false, false, true)
				wantDiff(t, v, "accounts[1].balance: 50 != 80", "accounts[2].balance: 30 != 0")
				calls := v.Turns[0].Calls
				if len(calls.Missing) != 1 || !judge.CallsEqual(calls.Missing[0].ToolCall(""), depA2) {
					t.Errorf("missing %v, want the deposit to a2", calls.Missing)
				}
				if len(calls.Extra) != 1 || calls.Extra[0].ID != depA3.ID {
					t.Errorf("extra %v, want the deposit to a3", calls.Extra)
				}
			},
		},
		{
			name: "extra read-only call",
			turn0: func(r *recorder) {
				r.call(getA1, getA2).call(wdA1, depA2).say("a1: 70")
			},
			turn1: perfect1,
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, true, true, false, true)
				calls := v.Turns[0].Calls
				if calls.Exact || calls.Matched != 3 || calls.Made != 4 || len(calls.Extra) != 1 || calls.Extra[0].ID != getA2.ID {
					t.Errorf("calls %+v", calls)
				}
				if !v.Turns[0].Pass {
					t.Error("turn 0 should pass under the default options")
				}
			},
		},
		{
			name: "extra read-only call, calls required",
			turn0: func(r *recorder) {
				r.call(getA1, getA2).call(wdA1, depA2).say("a1: 70")
			},
			turn1: perfect1,
			opts:  judge.Options{RequireState: true, RequireOutputs: true, RequireCalls: true},
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, false, true, false, true)
				if v.Turns[0].Pass || !v.Turns[1].Pass || v.TurnAccuracy != 0.5 {
					t.Errorf("turns %+v, accuracy %v", v.Turns, v.TurnAccuracy)
				}
				if !hasReason(v, "calls do not match") {
					t.Errorf("reasons %v", v.Reasons)
				}
			},
		},
		{
			name: "parallel gold step done in two messages",
			turn0: func(r *recorder) {
				r.call(getA1).call(depA2).call(wdA1).say("70 left in a1")
			},
			turn1: perfect1,
			opts:  judge.Options{RequireState: true, RequireOutputs: true, RequireCalls: true},
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, true, true, true, true)
			},
		},
		{
			name: "all steps in one message",
			turn0: func(r *recorder) {
				r.call(depA2, getA1, wdA1).say("70 left in a1")
			},
			turn1: perfect1,
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, true, true, true, true)
			},
		},
		{
			name: "step 2 call before step 1 call",
			turn0: func(r *recorder) {
				r.call(depA2).call(getA1).call(wdA1).say("70 left in a1")
			},
			turn1: perfect1,
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, true, true, false, true)
				calls := v.Turns[0].Calls
				if calls.Exact || calls.Matched != 2 || len(calls.Missing) != 1 || len(calls.Extra) != 1 {
					t.Errorf("calls %+v", calls)
				}
			},
		},
		{
			name: "missing required output",
			turn0: func(r *recorder) {
				r.call(getA1).call(wdA1, depA2).say("Done.")
			},
			turn1: perfect1,
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, false, true, true, false)
				if v.Turns[0].Pass || v.Turns[0].Outputs[0].Found || !v.Turns[1].Outputs[0].Found {
					t.Errorf("turns %+v", v.Turns)
				}
				if !hasReason(v, `"70" (turn 0)`) {
					t.Errorf("reasons %v", v.Reasons)
				}
			},
		},
		{
			name:  "output found whatever its case",
			turn0: perfect0,
			turn1: func(r *recorder) { r.call(setMemo).say("NOTED!") },
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, true, true, true, true)
			},
		},
		{
			name: "numbers 1 and 1.0 are equal",
			turn0: func(r *recorder) {
				r.call(c("x1", "get_balance", ` { "id" : "a1" } `)).
					call(c("x2", "withdraw", `{"amount":30.0,"id":"a1"}`), c("x3", "deposit", `{"amount":3e1,"id":"a2"}`)).
					say("a1 has 70")
			},
			turn1: perfect1,
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, true, true, true, true)
			},
		},
		{
			name: "errored trajectory", turn0: perfect0, turn1: perfect1,
			edit: func(tr *trajectory.Trajectory) {
				tr.Status = trajectory.StatusErrored
				tr.Error = &trajectory.Error{Kind: "model", Message: "server answered 500"}
			},
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, false, true, true, true)
				if v.Status != trajectory.StatusErrored || !hasReason(v, "trajectory errored: model: server answered 500") {
					t.Errorf("status %s, reasons %v", v.Status, v.Reasons)
				}
			},
		},
		{
			name: "canceled trajectory", turn0: perfect0, turn1: perfect1,
			edit: func(tr *trajectory.Trajectory) { tr.Status = trajectory.StatusCanceled },
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, false, true, true, true)
				if !hasReason(v, "trajectory canceled") {
					t.Errorf("reasons %v", v.Reasons)
				}
			},
		},
		{
			name: "budget exhausted but done", turn0: perfect0, turn1: perfect1,
			edit: func(tr *trajectory.Trajectory) { tr.Status = trajectory.StatusBudget },
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, true, true, true, true)
			},
		},
		{
			name: "trajectory cut short", turn0: perfect0,
			edit: func(tr *trajectory.Trajectory) { tr.Status = trajectory.StatusBudget },
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, false, false, false, false)
				wantDiff(t, v, "notes: <missing> != {\"memo\":\"moved 30\"}")
				if !v.Turns[0].Pass || v.Turns[1].Pass || !v.Turns[1].Absent || v.TurnAccuracy != 0.5 {
					t.Errorf("turns %+v, accuracy %v", v.Turns, v.TurnAccuracy)
				}
				if m := v.Turns[1].Calls; m.Expected != 1 || m.Made != 0 || len(m.Missing) != 1 {
					t.Errorf("absent turn calls %+v", m)
				}
				if !hasReason(v, "stopped after 1 of 2 turns") {
					t.Errorf("reasons %v", v.Reasons)
				}
			},
		},
		{
			name: "calls in an extra turn", turn0: perfect0, turn1: perfect1,
			edit: func(tr *trajectory.Trajectory) {
				// A third turn with a read-only call.
				first := len(tr.Messages)
				tr.Messages = append(tr.Messages,
					trajectory.Message{Message: tr.Messages[0].Message, Turn: 2},
					trajectory.Message{Message: tr.Messages[1].Message, Turn: 2, Step: 1})
				tr.Turns = append(tr.Turns, trajectory.Turn{Index: 2, First: first, End: len(tr.Messages), StateHash: tr.Turns[1].StateHash})
			},
			check: func(t *testing.T, v *judge.Verdict) {
				wantVerdict(t, v, true, true, false, true)
				if v.ExtraTurns != 1 {
					t.Errorf("extra turns %d", v.ExtraTurns)
				}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tr, final := play(t, tk, tc.turn0, tc.turn1)
			if tc.edit != nil {
				tc.edit(tr)
			}
			opts := tc.opts
			if opts == (judge.Options{}) {
				opts = judge.DefaultOptions()
			}
			v, err := judge.Judge(context.Background(), tk, tr, final, freshBank(tk), opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Turns) != len(tk.Turns) || v.Options != opts || v.TaskID != tk.ID {
				t.Fatalf("verdict %+v", v)
			}
			if (v.Reward == 1) != v.Success || (v.Reward != 0 && v.Reward != 1) {
				t.Errorf("reward %v with success %v", v.Reward, v.Success)
			}
			if v.Success != (len(v.Reasons) == 0) {
				t.Errorf("success %v with reasons %v", v.Success, v.Reasons)
			}
			tc.check(t, v)

			// Judging the stored trajectory again, without the env, gives
			// the same scores.
			b, err := v.JSON()
			if err != nil {
				t.Fatal(err)
			}
			back, err := judge.ParseVerdict(b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, v) {
				t.Errorf("verdict JSON round trip:\n got %+v\nwant %+v", back, v)
			}
			v2, err := judge.Judge(context.Background(), tk, tr, nil, freshBank(tk), opts)
			if err != nil {
				t.Fatal(err)
			}
			if v2.Success != v.Success || v2.StateMatch != v.StateMatch || v2.CallsExact != v.CallsExact || len(v2.StateDiff) != 0 {
				t.Errorf("judged without final env: success %v state %v calls %v diff %v", v2.Success, v2.StateMatch, v2.CallsExact, v2.StateDiff)
			}
		})
	}
}

func wantVerdict(t *testing.T, v *judge.Verdict, success, state, calls, outputs bool) {
	t.Helper()
	if v.Success != success || v.StateMatch != state || v.CallsExact != calls || v.OutputsOK != outputs {
		t.Errorf("success %v state %v calls %v outputs %v; want %v %v %v %v (reasons %v, diff %v)",
			v.Success, v.StateMatch, v.CallsExact, v.OutputsOK, success, state, calls, outputs, v.Reasons, v.StateDiff)
	}
	wantReward := 0.0
	if success {
		wantReward = 1
	}
	if v.Reward != wantReward {
		t.Errorf("reward %v, want %v", v.Reward, wantReward)
	}
}

func wantDiff(t *testing.T, v *judge.Verdict, lines ...string) {
	t.Helper()
	if !slices.Equal(v.StateDiff, lines) || v.StateDiffMore != 0 {
		t.Errorf("state diff %q (+%d), want %q", v.StateDiff, v.StateDiffMore, lines)
	}
}

func hasReason(v *judge.Verdict, s string) bool {
	for _, r := range v.Reasons {
		if strings.Contains(r, s) {
			return true
		}
	}
	return false
}

func TestJudgeSimulatedUserConversation(t *testing.T) {
	// A goal-driven task with one gold turn: the agent spreads the work
	// over two user turns, which is judged as one conversation.
	tk := transferTask()
	tk.Goal = "You want 30 moved from a1 to a2."
	tk.Turns = tk.Turns[:1]
	tr, final := play(t, transferTask(), func(r *recorder) {
		r.call(getA1).say("a1 holds 100. Shall I?")
	}, func(r *recorder) {
		r.call(wdA1, depA2).say("Done, 70 left.")
	})
	v, err := judge.Judge(context.Background(), tk, tr, final, freshBank(tk), judge.Options{RequireState: true, RequireOutputs: true, RequireCalls: true})
	if err != nil {
		t.Fatal(err)
	}
	wantVerdict(t, v, true, true, true, true)
	if len(v.Turns) != 1 || !v.Turns[0].StateMatch || v.Turns[0].Calls.Matched != 3 || v.ExtraTurns != 0 {
		t.Errorf("turns %+v, extra %d", v.Turns, v.ExtraTurns)
	}
}

func TestJudgeWarnsOnOtherInitialState(t *testing.T) {
	tk := transferTask()
	tr, final := play(t, tk, perfect0, perfect1)
	tr.InitialStateHash = strings.Repeat("0", 64)
	v, err := judge.Judge(context.Background(), tk, tr, final, freshBank(tk), judge.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Warnings) != 1 || !strings.Contains(v.Warnings[0], "initial state") {
		t.Errorf("warnings %v", v.Warnings)
	}
}

func TestJudgeErrors(t *testing.T) {
	tk := transferTask()
	tr, final := play(t, tk, perfect0, perfect1)
	ctx := context.Background()
	if _, err := judge.Judge(ctx, tk, tr, final, nil, judge.DefaultOptions()); !errors.Is(err, judge.ErrNoEnv) {
		t.Errorf("nil fresh: %v", err)
	}
	boom := errors.New("boom")
	if _, err := judge.Judge(ctx, tk, tr, final, func() (env.Env, error) { return nil, boom }, judge.DefaultOptions()); !errors.Is(err, boom) {
		t.Errorf("failing fresh: %v", err)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := judge.Judge(canceled, tk, tr, final, freshBank(tk), judge.DefaultOptions()); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v", err)
	}
	bad := *tr
	bad.Turns = slices.Clone(tr.Turns)
	bad.Turns[1].End = len(tr.Messages) + 1
	if _, err := judge.Judge(ctx, tk, &bad, final, freshBank(tk), judge.DefaultOptions()); err == nil || !strings.Contains(err.Error(), "turn 1 spans") {
		t.Errorf("bad turn range: %v", err)
	}
}

func TestReplayGold(t *testing.T) {
	tk := transferTask()
	// A gold call that fails on purpose, in turn 1 step 1.
	tk.Turns[1].Gold.Steps = append(tk.Turns[1].Gold.Steps, []task.Call{
		{Name: "get_balance", Arguments: json.RawMessage(`{"id":"a2"}`)},
		{Name: "withdraw", Arguments: json.RawMessage(`{"id":"a3","amount":5}`)},
	})
	e, err := newBank(tk.Config)
	if err != nil {
		t.Fatal(err)
	}
	initial, _ := env.Hash(e)
	g, err := judge.ReplayGold(context.Background(), tk, e)
	if err != nil {
		t.Fatal(err)
	}
	if g.InitialHash != initial || len(g.Turns) != 2 {
		t.Fatalf("replay %+v", g)
	}
	var ids []string
	for _, gt := range g.Turns {
		for _, r := range gt.Results {
			ids = append(ids, r.CallID)
		}
	}
	wantIDs := []string{"call_0_0_0", "call_0_1_0", "call_0_1_1", "call_1_0_0", "call_1_1_0", "call_1_1_1"}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("ids %v, want %v", ids, wantIDs)
	}
	if got := g.Turns[0].Results[0].Text(); got != "100" {
		t.Errorf("get_balance a1 = %q, want 100", got)
	}
	if got := g.Turns[1].Results[1].Text(); got != "80" {
		t.Errorf("get_balance a2 after the transfer = %q, want 80", got)
	}
	if len(g.Errors) != 1 {
		t.Fatalf("errors %+v", g.Errors)
	}
	ge := g.Errors[0]
	if ge.Turn != 1 || ge.Step != 1 || ge.Index != 1 || ge.Call.Name != "withdraw" || !errors.Is(ge.Error, tool.ErrFailed) {
		t.Errorf("gold error %+v", ge)
	}
	want := `{"accounts":[{"balance":70,"id":"a1"},{"balance":80,"id":"a2"},{"balance":0,"id":"a3"}],"notes":{"memo":"moved 30"}}`
	if string(g.Final) != want {
		t.Errorf("final %s\nwant  %s", g.Final, want)
	}
	if g.FinalHash != env.HashJSON(g.Final) || g.Turns[1].StateHash != g.FinalHash || g.Turns[0].StateHash == g.FinalHash {
		t.Errorf("hashes: turns %s %s, final %s", g.Turns[0].StateHash, g.Turns[1].StateHash, g.FinalHash)
	}

	// The judge passes the failing gold call on.
	tr, final := play(t, tk, perfect0, func(r *recorder) {
		r.call(setMemo).call(getA2, c("w", "withdraw", `{"id":"a3","amount":5}`)).say("Noted.")
	})
	v, err := judge.Judge(context.Background(), tk, tr, final, freshBank(tk), judge.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	wantVerdict(t, v, true, true, true, true)
	if len(v.GoldErrors) != 1 || v.GoldErrors[0].Call.Name != "withdraw" {
		t.Errorf("gold errors %+v", v.GoldErrors)
	}
}

func TestSummarize(t *testing.T) {
	tv := func(pass ...bool) []judge.TurnVerdict {
		out := make([]judge.TurnVerdict, len(pass))
		for i, p := range pass {
			out[i] = judge.TurnVerdict{Index: i, Pass: p}
		}
		return out
	}
	vs := []*judge.Verdict{
		{Status: trajectory.StatusCompleted, Success: true, Reward: 1, StateMatch: true, CallsExact: true, OutputsOK: true, Turns: tv(true, true)},
		{Status: trajectory.StatusCompleted, Success: false, Reward: 0, StateMatch: false, CallsExact: false, OutputsOK: true, Turns: tv(true, false)},
		{Status: trajectory.StatusBudget, Success: true, Reward: 1, StateMatch: true, CallsExact: false, OutputsOK: true, Turns: tv(true, true, true)},
		nil,
		{Status: trajectory.StatusErrored, Reward: 0, StateMatch: true, OutputsOK: false, Turns: tv(false)},
		{Status: trajectory.StatusCanceled, Reward: 0, Turns: tv(false, false)},
	}
	s := judge.Summarize(vs)
	want := judge.Summary{
		Episodes: 5, Successes: 2, SuccessRate: 0.4, MeanReward: 0.4,
		Turns: 10, TurnsPassed: 6, TurnAccuracy: 0.6,
		StateMatchRate: 0.6, CallsExactRate: 0.2, OutputsRate: 0.6,
		ByStatus: map[trajectory.Status]int{
			trajectory.StatusCompleted: 2, trajectory.StatusBudget: 1,
			trajectory.StatusErrored: 1, trajectory.StatusCanceled: 1,
		},
		Errored: 1, Canceled: 1, Finished: 3, FinishedSuccessRate: 2.0 / 3,
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("summary\n got %+v\nwant %+v", s, want)
	}
	line := s.String()
	for _, part := range []string{"5 episodes", "2 successes (40.0%)", "mean reward 0.400", "turn accuracy 60.0%", "errored 1", "canceled 1"} {
		if !strings.Contains(line, part) {
			t.Errorf("String() = %q lacks %q", line, part)
		}
	}
	if z := judge.Summarize(nil); z.Episodes != 0 || z.SuccessRate != 0 || z.MeanReward != 0 {
		t.Errorf("empty summary %+v", z)
	}
}

func TestAttach(t *testing.T) {
	tk := transferTask()
	tr, final := play(t, tk, perfect0, perfect1)
	v, err := judge.Judge(context.Background(), tk, tr, final, freshBank(tk), judge.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Attach(tr); err != nil {
		t.Fatal(err)
	}
	if tr.Reward == nil || *tr.Reward != 1 {
		t.Errorf("reward %v", tr.Reward)
	}
	var m map[string]any
	if err := json.Unmarshal(tr.Verdict, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"task_id", "status", "success", "reward", "state_match", "calls_exact", "outputs_ok", "turn_accuracy", "turns", "options"} {
		if _, ok := m[k]; !ok {
			t.Errorf("verdict JSON lacks %q: %s", k, tr.Verdict)
		}
	}
}
