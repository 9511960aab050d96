package bfcl_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/pyval"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

// multi_turn_base_52 (TwitterAPI, VehicleControlAPI), gold by turn:
//
//	0: pressBrakePedal(pedalPosition=1.0), startEngine(ignitionMode='START')
//	1: check_tire_pressure(), find_nearest_tire_shop()
//	2: post_tweet('Tires checked and engine purring smoothly!', tags=['#RoadTrip'], mentions=['@AutoUpdates'])
//	3: comment(tweet_id = 10, comment_content = 'Safety first! Remember tire checks are crucial.')
const mutated = "multi_turn_base_52"

func TestJudgeMutatedGold(t *testing.T) {
	s, entries := loadSuite(t, "base")
	e := entry(t, entries, mutated)
	tk, err := e.Task()
	if err != nil {
		t.Fatal(err)
	}
	type edit func(turns [][]bfclsuite.Step) [][]bfclsuite.Step
	// calls edits the calls of a turn's first step.
	calls := func(turn int, f func([]tool.Call) []tool.Call) edit {
		return func(turns [][]bfclsuite.Step) [][]bfclsuite.Step {
			turns[turn][0].Calls = f(slices.Clone(turns[turn][0].Calls))
			return turns
		}
	}
	for _, tc := range []struct {
		name      string
		edit      edit
		status    trajectory.Status
		wantType  string // "" for valid
		wantTurn  int
		wantInErr string // in the error object's JSON
	}{
		{name: "gold", edit: func(turns [][]bfclsuite.Step) [][]bfclsuite.Step { return turns }},
		{name: "drop a state-changing call", wantType: bfclsuite.TypeInstanceStateMismatch, wantTurn: 0, wantInErr: `"engine_state":{"model":"stopped","ground_truth":"running"}`,
			edit: calls(0, func(c []tool.Call) []tool.Call { return c[:1] })},
		{name: "change an argument", wantType: bfclsuite.TypeInstanceStateMismatch, wantTurn: 2, wantInErr: "Model instance for TwitterAPI does not match",
			edit: calls(2, func(c []tool.Call) []tool.Call {
				c[0].Arguments = strings.Replace(c[0].Arguments, "purring smoothly", "running", 1)
				return c
			})},
		{name: "an extra write", wantType: bfclsuite.TypeInstanceStateMismatch, wantTurn: 1, wantInErr: `"headLightStatus":{"model":"on","ground_truth":"off"}`,
			edit: calls(1, func(c []tool.Call) []tool.Call { return append(c, call("setHeadlights", `{"mode": "on"}`)) })},
		{name: "an extra read-only call is fine", edit: calls(1, func(c []tool.Call) []tool.Call {
			return append([]tool.Call{call("displayCarStatus", `{"option": "fuel"}`)}, c...)
		})},
		{name: "an unknown function is fine", edit: calls(3, func(c []tool.Call) []tool.Call { return append(c, call("no_such_function", `{}`)) })},
		{name: "a missing read result", wantType: bfclsuite.TypeExecutionResponseMismatch, wantTurn: 1, wantInErr: `"missing_items":["{\"shopLocation\": \"456 Oakwood Avenue, Rivermist, 83214\"}"]`,
			edit: calls(1, func(c []tool.Call) []tool.Call { return c[:1] })},
		{name: "a read in an earlier turn counts", edit: func(turns [][]bfclsuite.Step) [][]bfclsuite.Step {
			turns[0][0].Calls = append(turns[0][0].Calls, turns[1][0].Calls...)
			turns[1][0].Calls = []tool.Call{call("displayCarStatus", `{"option": "fuel"}`)}
			return turns
		}},
		{name: "an earlier read counts, a missing one does not", wantType: bfclsuite.TypeExecutionResponseMismatch, wantTurn: 1, edit: func(turns [][]bfclsuite.Step) [][]bfclsuite.Step {
			// check_tire_pressure moves to turn 0; find_nearest_tire_shop is
			// made nowhere.
			turns[0][0].Calls = append(turns[0][0].Calls, turns[1][0].Calls[0])
			turns[1][0].Calls = []tool.Call{call("displayCarStatus", `{"option": "fuel"}`)}
			return turns
		}},
		{name: "a turn with only text", wantType: bfclsuite.TypeEmptyTurnModelResponse, wantTurn: 2, wantInErr: `"Model response list is empty for turn 2"`,
			edit: func(turns [][]bfclsuite.Step) [][]bfclsuite.Step {
				turns[2] = []bfclsuite.Step{{Text: "I posted it."}}
				return turns
			}},
		{name: "a step whose arguments are not JSON is skipped", wantType: bfclsuite.TypeEmptyTurnModelResponse, wantTurn: 0,
			edit: calls(0, func(c []tool.Call) []tool.Call { c[1].Arguments = `{"ignitionMode": "START"`; return c })},
		{name: "a step whose arguments are not an object is skipped", wantType: bfclsuite.TypeEmptyTurnModelResponse, wantTurn: 3,
			edit: calls(3, func(c []tool.Call) []tool.Call { c[0].Arguments = `[10]`; return c })},
		{name: "empty arguments do not decode", wantType: bfclsuite.TypeEmptyTurnModelResponse, wantTurn: 1,
			edit: calls(1, func(c []tool.Call) []tool.Call { c[0].Arguments = ""; return c })},
		{name: "force-terminated", wantType: bfclsuite.TypeForceTerminated, wantInErr: `The length of the model result turns (3) does not match the length of the ground truth turns (4).`,
			status: trajectory.StatusBudget, edit: func(turns [][]bfclsuite.Step) [][]bfclsuite.Step { return turns[:3] }},
		{name: "an errored episode", wantType: bfclsuite.TypeInferenceError, status: trajectory.StatusErrored, wantInErr: `"Error during inference phase. Model did not output a list of model responses."`,
			edit: func(turns [][]bfclsuite.Step) [][]bfclsuite.Step { return turns[:2] }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := trajectoryOf(e, tc.edit(goldSteps(t, e)))
			if tc.status != "" {
				tr.Status = tc.status
				tr.Error = &trajectory.Error{Kind: "model", Message: "boom"}
			}
			sc, err := s.Score(t.Context(), &tk, tr, nil)
			if err != nil {
				t.Fatal(err)
			}
			var v bfclsuite.Verdict
			if err := json.Unmarshal(sc.Verdict, &v); err != nil {
				t.Fatal(err)
			}
			if v.ID != e.ID || v.TestCategory != "multi_turn_base" {
				t.Errorf("verdict of %s %s", v.ID, v.TestCategory)
			}
			if tc.wantType == "" {
				if !v.Valid || !sc.Success || sc.Reward != 1 || sc.Metrics["accuracy"] != 1 || sc.Metrics["accuracy/base"] != 1 {
					t.Fatalf("judged wrong: %s: %s (%s)", v.ErrorType, v.ErrorMessage, v.Error)
				}
				if v.Error != nil || v.Prompt != nil {
					t.Errorf("a valid verdict carries a record")
				}
				return
			}
			if v.Valid || sc.Success || sc.Reward != 0 || sc.Metrics["accuracy/base"] != 0 {
				t.Fatalf("judged right, want %s", tc.wantType)
			}
			if v.ErrorType != tc.wantType {
				t.Fatalf("error type %s (%s), want %s", v.ErrorType, v.ErrorMessage, tc.wantType)
			}
			if v.Turn != nil && *v.Turn != tc.wantTurn {
				t.Errorf("failed at turn %d, want %d", *v.Turn, tc.wantTurn)
			}
			if tc.wantInErr != "" && !strings.Contains(string(v.Error), tc.wantInErr) {
				t.Errorf("error object %s\ndoes not hold %s", clip(string(v.Error)), tc.wantInErr)
			}
			var eo struct {
				Type string `json:"error_type"`
			}
			if err := json.Unmarshal(v.Error, &eo); err != nil || eo.Type != tc.wantType {
				t.Errorf("error object type %q %v", eo.Type, err)
			}
			if v.Prompt == nil || v.PossibleAnswer == nil {
				t.Errorf("a failed verdict lacks its record")
			}
			if (v.ModelResult != nil) != (tc.status != "") {
				t.Errorf("model_result %s for status %q", clip(string(v.ModelResult)), tc.status)
			}
		})
	}
}

// The reference's evaluator does not apply the multi-turn irrelevance
// check; the suite reports what it would find and applies it only when
// asked.
func TestJudgeIrrelevance(t *testing.T) {
	_, entries := loadSuite(t, "miss_param")
	var e *bfclsuite.Entry
	empty := -1
	for i := range runnable(entries) {
		r := runnable(entries)
		for k, g := range r[i].GroundTruth {
			if len(g) == 0 && k > 0 {
				e, empty = &r[i], k
				break
			}
		}
		if e != nil {
			break
		}
	}
	if e == nil {
		t.Fatalf("no miss_param entry with an empty ground-truth turn and registered classes (missing classes: %v)", missingClasses(entries))
	}
	turns := goldSteps(t, e)
	turns[empty] = []bfclsuite.Step{{Calls: []tool.Call{call("no_such_function", `{"x": 1}`)}}}
	m := bfclsuite.ModelResultOf(trajectoryOf(e, turns))

	v, err := bfclsuite.Judge(t.Context(), e, m, bfclsuite.JudgeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !v.Valid || !strings.Contains(string(v.Irrelevance), bfclsuite.TypeIrrelevance) || !strings.Contains(string(v.Irrelevance), "no_such_function(x=1)") {
		t.Errorf("default judge: valid=%v %s irrelevance %s", v.Valid, v.ErrorType, v.Irrelevance)
	}
	v, err = bfclsuite.Judge(t.Context(), e, m, bfclsuite.JudgeOptions{CheckIrrelevance: true})
	if err != nil {
		t.Fatal(err)
	}
	if v.Valid || v.ErrorType != bfclsuite.TypeIrrelevance || v.Turn == nil || *v.Turn != empty ||
		!strings.Contains(string(v.Error), `"model response decoded": [["no_such_function(x=1)"]]`) {
		t.Errorf("strict judge: valid=%v %s turn %v %s", v.Valid, v.ErrorType, v.Turn, v.Error)
	}
}

// The decoded calls in a record are written as the reference writes them:
// name(k=repr(v),...).
func TestJudgeRecordDecodedCalls(t *testing.T) {
	_, entries := loadSuite(t, "base")
	e := entry(t, entries, mutated)
	turns := goldSteps(t, e)
	turns[1][0].Calls = append(turns[1][0].Calls, call("setHeadlights", `{"mode": "on"}`), call("no_such_function", `{"extra": [1.0, true, null, {"k": "it's"}], "n": -2}`))
	v, err := bfclsuite.Judge(t.Context(), e, bfclsuite.ModelResultOf(trajectoryOf(e, turns)), bfclsuite.JudgeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dec, err := pyval.FromJSON(v.ModelResultDecoded)
	if err != nil {
		t.Fatal(err)
	}
	got := pyval.Repr(dec.([]pyval.Value)[1])
	// As Python prints it: repr(v) inside, then the list's repr.
	want := `[['check_tire_pressure()', 'find_nearest_tire_shop()', "setHeadlights(mode='on')", 'no_such_function(extra=[1.0, True, None, {\'k\': "it\'s"}],n=-2)']]`
	if got != want {
		t.Errorf("decoded turn 1 %s, want %s", got, want)
	}
	raw, _ := pyval.FromJSON(v.ModelResultRaw)
	if got := pyval.Repr(raw.([]pyval.Value)[0]); got != `[[{'pressBrakePedal': '{"pedalPosition":1.0}'}, {'startEngine': '{"ignitionMode":"START"}'}], 'Done.']` {
		t.Errorf("raw turn 0 %s", got)
	}
}
