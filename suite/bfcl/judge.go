package bfcl

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

// The reference's error types (eval_runner.py, multi_turn_checker.py).
const (
	TypeInferenceError            = "multi_turn:inference_error"
	TypeForceTerminated           = "multi_turn:force_terminated"
	TypeEmptyTurnModelResponse    = "multi_turn:empty_turn_model_response"
	TypeInstanceStateMismatch     = "multi_turn:instance_state_mismatch"
	TypeExecutionResponseMismatch = "multi_turn:execution_response_mismatch"
	TypeIrrelevance               = "multi_turn:irrelevance_error:decoder_success"
)

// Step is one assistant message of a model's turn.
type Step struct {
	// Calls are the message's tool calls, in order; a step without calls
	// is a text reply.
	Calls []tool.Call
	// Text is the message's text content.
	Text string
}

// ModelResult is what a model did in an episode, turn by turn: the
// reference's model result file entry for one test entry.
type ModelResult struct {
	// Turns hold each turn's steps, for the turns the episode ran.
	Turns [][]Step
	// InferenceError, when not empty, says the episode failed before it
	// ended (a model or env error): the reference then has no list of turns
	// and judges the entry as an inference error.
	InferenceError string
	// Prompting says the steps are a prompting model's replies: their text
	// is decoded as the reference's prompting handlers decode it
	// ([DecodeExecutePrompting]) and their calls are not looked at.
	Prompting bool
}

// ModelResultOf reads a trajectory's assistant messages turn by turn.
func ModelResultOf(tr *trajectory.Trajectory) *ModelResult {
	m := &ModelResult{Turns: make([][]Step, 0, len(tr.Turns))}
	if tr.Status == trajectory.StatusErrored {
		m.InferenceError = "the episode failed"
		if tr.Error != nil {
			m.InferenceError = tr.Error.Kind + ": " + tr.Error.Message
		}
	}
	for _, t := range tr.Turns {
		var steps []Step
		lo, hi := max(t.First, 0), min(t.End, len(tr.Messages))
		for _, msg := range tr.Messages[lo:max(lo, hi)] {
			if msg.Role != model.RoleAssistant {
				continue
			}
			steps = append(steps, Step{Calls: msg.ToolCalls, Text: msg.Text()})
		}
		m.Turns = append(m.Turns, steps)
	}
	return m
}

// Verdict is the judge's decision on one entry. A failed entry carries
// the parts of the reference's score-file record (error, prompt, model
// result, possible answer) as JSON, which [WriteScoreFiles] writes out.
type Verdict struct {
	ID           string `json:"id"`
	TestCategory string `json:"test_category"`
	Valid        bool   `json:"valid"`
	// ErrorType and ErrorMessage are the reference's, for a failed entry.
	ErrorType    string `json:"error_type,omitempty"`
	ErrorMessage string `json:"error_message,omitempty"`
	// Turn is the turn the check failed at, when it failed at one.
	Turn *int `json:"turn,omitempty"`
	// ModelCalls counts the model's calls the judge executed.
	ModelCalls int `json:"model_calls"`
	// Irrelevance is what the reference's multi-turn irrelevance checker
	// (multi_turn_irrelevance_checker: no calls in a turn whose ground
	// truth is empty) finds wrong. The reference's evaluator does not run
	// it, so it does not count unless the judge is told to apply it.
	Irrelevance json.RawMessage `json:"irrelevance,omitempty"`

	// Error is the reference's error object; the other fields complete the
	// record of a failed entry (ModelResult for a force-terminated or
	// inference-error entry, ModelResultRaw and ModelResultDecoded
	// otherwise).
	Error              json.RawMessage `json:"error,omitempty"`
	Prompt             json.RawMessage `json:"prompt,omitempty"`
	ModelResult        json.RawMessage `json:"model_result,omitempty"`
	ModelResultRaw     json.RawMessage `json:"model_result_raw,omitempty"`
	ModelResultDecoded json.RawMessage `json:"model_result_decoded,omitempty"`
	PossibleAnswer     json.RawMessage `json:"possible_answer,omitempty"`
}

// JudgeOptions adjust [Judge].
type JudgeOptions struct {
	// CheckIrrelevance makes a call in a turn whose ground truth is empty
	// fail the entry, with the reference's irrelevance error type. The
	// reference's evaluator leaves this check out (its call is commented
	// out), so the default judges as the leaderboard does.
	CheckIrrelevance bool
	// OnTurn, when set, sees each turn once both sides ran it: the model's
	// env and results, and the ground truth's. The judge then runs every
	// turn, past a failure too (the verdict stays the first failure's).
	OnTurn func(turn int, model, gold *bfcl.Env, modelResults, goldResults []string)
}

// decodedStep is a step whose calls decoded as the reference decodes a
// model's reply: a function-calling model's native calls (calls, args),
// or a prompting model's call strings (srcs).
type decodedStep struct {
	calls []tool.Call
	args  []*pyval.Dict
	srcs  []string
}

// decodeStep returns the step's calls when the reference's decode_execute
// would succeed on it and give calls. For a function-calling model: the
// reply has tool calls and every call's arguments are a JSON object
// (json.loads then .items()); a text reply or a call with other arguments
// fails to decode. For a prompting model: the text decodes
// ([DecodeExecutePrompting]) to at least one call. The reference skips a
// step that does not.
func decodeStep(s Step, prompting bool) (decodedStep, bool) {
	if prompting {
		srcs, err := DecodeExecutePrompting(s.Text)
		if err != nil || len(srcs) == 0 {
			return decodedStep{}, false
		}
		return decodedStep{srcs: srcs}, true
	}
	if len(s.Calls) == 0 {
		return decodedStep{}, false
	}
	d := decodedStep{calls: s.Calls, args: make([]*pyval.Dict, len(s.Calls))}
	for i, c := range s.Calls {
		args, ok := bfcl.DecodeArguments(c.Arguments)
		if !ok {
			return decodedStep{}, false
		}
		d.args[i] = args
	}
	return d, true
}

// ownArgs returns decoded arguments a method may keep or change: a deep
// copy when a value is a container (the judge's record shows the values
// as decoded), else the arguments themselves.
func ownArgs(args *pyval.Dict) *pyval.Dict {
	plain := true
	args.Items(func(_, v pyval.Value) bool {
		switch v.(type) {
		case nil, bool, int64, float64, string:
			return true
		}
		plain = false
		return false
	})
	if plain {
		return args
	}
	return args.Clone()
}

// callString is the reference's decoded form of a call:
// name(k1=repr(v1),k2=repr(v2)).
func callString(name string, args *pyval.Dict) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteByte('(')
	for i, k := range args.Keys() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(pyval.Str(k))
		b.WriteByte('=')
		v, _ := args.Get(k)
		b.WriteString(pyval.Repr(v))
	}
	b.WriteByte(')')
	return b.String()
}

// Judge scores a model's result on an entry as the reference's
// multi-turn evaluator does. A force-terminated episode (fewer turns than
// the ground truth) fails. Otherwise the model's decoded calls run turn by
// turn on a fresh env, the ground truth on another, and each turn whose
// ground truth is not empty must have model calls, leave every class's
// public attributes equal to the ground truth's (Python ==), and have
// produced, over all turns so far, every result string of the ground
// truth's turn (as a multiset). The first failure decides the verdict.
func Judge(ctx context.Context, e *Entry, m *ModelResult, opts JudgeOptions) (*Verdict, error) {
	v := &Verdict{ID: e.ID, TestCategory: e.TestCategory(), Valid: true}
	if m.InferenceError != "" {
		v.fail(TypeInferenceError, "Error during inference phase. Model did not output a list of model responses.", nil)
		v.Error = mustJSON(pyval.DictOf(
			"error_message", []pyval.Value{v.ErrorMessage},
			"error_type", v.ErrorType,
		))
		v.ModelResult = mustJSON("Error during inference: " + m.InferenceError)
		v.record(e)
		return v, nil
	}
	if len(m.Turns) != len(e.GroundTruth) {
		v.fail(TypeForceTerminated, fmt.Sprintf("Model was force-terminated during inference phase. The length of the model result turns (%d) does not match the length of the ground truth turns (%d).", len(m.Turns), len(e.GroundTruth)), nil)
		v.Error = mustJSON(pyval.DictOf(
			"error_message", []pyval.Value{v.ErrorMessage},
			"error_type", v.ErrorType,
		))
		v.ModelResult = mustJSON(rawResult(m))
		v.record(e)
		return v, nil
	}

	decoded := make([][]decodedStep, len(m.Turns))
	for t, steps := range m.Turns {
		for _, s := range steps {
			if d, ok := decodeStep(s, m.Prompting); ok {
				decoded[t] = append(decoded[t], d)
			}
		}
	}
	modelEnv, err := bfcl.New(e.InvolvedClasses, e.InitialConfig, e.LongContext())
	if err != nil {
		return nil, fmt.Errorf("bfcl judge %s: %w", e.ID, err)
	}
	// The ground truth's env starts as a copy of the model's fresh one:
	// a fork costs less than loading the classes again.
	goldEnv := modelEnv.Fork().(*bfcl.Env)

	var (
		allModel []string    // every model result so far, all turns
		execLog  []turnExec  // the reference's execution_results
		failed   bool        // the verdict is decided
		errObj   *pyval.Dict // the reference's error object
		turnOf   = func(t int) *int { return &t }
	)
	for t, gold := range e.GroundTruth {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		first := len(allModel)
		steps := make([][]string, 0, len(decoded[t]))
		for _, d := range decoded[t] {
			at := len(allModel)
			for j, c := range d.calls {
				allModel = append(allModel, modelEnv.CallDecoded(c.Name, ownArgs(d.args[j])))
			}
			for _, src := range d.srcs {
				allModel = append(allModel, modelEnv.Exec(src))
			}
			v.ModelCalls += len(d.calls) + len(d.srcs)
			steps = append(steps, allModel[at:len(allModel):len(allModel)])
		}
		goldResults := goldEnv.ExecAll(gold)
		if opts.OnTurn != nil {
			opts.OnTurn(t, modelEnv, goldEnv, allModel[first:len(allModel):len(allModel)], goldResults)
		}
		if failed {
			continue
		}
		execLog = append(execLog, turnExec{steps, goldResults})

		if len(gold) == 0 {
			continue
		}
		switch {
		case len(decoded[t]) == 0:
			v.fail(TypeEmptyTurnModelResponse, fmt.Sprintf("Model response list is empty for turn %d", t), turnOf(t))
			errObj = pyval.DictOf("error_message", v.ErrorMessage, "error_type", v.ErrorType,
				"details", pyval.DictOf("execution_result", execValue(execLog)))
		default:
			if obj := stateCheck(modelEnv, goldEnv); obj != nil {
				v.fail(TypeInstanceStateMismatch, obj.msg, turnOf(t))
				errObj = pyval.DictOf("error_message", v.ErrorMessage, "error_type", v.ErrorType,
					"details", obj.details, "execution_result", execValue(execLog))
			} else if missing := missingItems(goldResults, allModel); len(missing) > 0 {
				v.fail(TypeExecutionResponseMismatch, fmt.Sprintf("Model response execution results so far does not contain all the ground truth response execution results for turn %d.", t), turnOf(t))
				errObj = pyval.DictOf("error_message", v.ErrorMessage, "error_type", v.ErrorType,
					"details", pyval.DictOf(
						"missing_items", strValues(missing),
						"model_response (including all previous turns)", strValues(allModel),
						"ground_truth_response (only the current turn)", strValues(goldResults),
					))
			}
		}
		if errObj != nil {
			// Written now: the states in it may be the classes' own, which
			// later turns change.
			v.Error = mustJSON(errObj)
			failed = true
			if opts.OnTurn == nil {
				break
			}
		}
	}

	if irr := irrelevance(e, decoded); irr != nil {
		v.Irrelevance = mustJSON(irr)
		if opts.CheckIrrelevance && v.Valid {
			msg, _ := irr.Get("error_message")
			turn, _ := irr.Get("turn")
			irr.Delete("turn")
			t := int(turn.(int64))
			v.fail(TypeIrrelevance, msg.(string), &t)
			v.Error = mustJSON(irr)
		}
	}
	if !v.Valid {
		v.ModelResultRaw = mustJSON(rawResult(m))
		v.ModelResultDecoded = mustJSON(decodedResult(decoded))
		v.record(e)
	}
	return v, nil
}

func (v *Verdict) fail(typ, msg string, turn *int) {
	v.Valid, v.ErrorType, v.ErrorMessage, v.Turn = false, typ, msg, turn
}

// record fills the parts of a failed entry's record that come from the
// entry.
func (v *Verdict) record(e *Entry) {
	v.Prompt = e.promptJSON()
	gt := make([]pyval.Value, len(e.GroundTruth))
	for i, t := range e.GroundTruth {
		gt[i] = strValues(t)
	}
	v.PossibleAnswer = mustJSON(gt)
}

type stateFailure struct {
	msg     string
	details *pyval.Dict
}

// stateCheck is the reference's state_checker: for each class, in the
// involved order, every public attribute of the ground truth's instance
// must equal the model's.
func stateCheck(modelEnv, goldEnv *bfcl.Env) *stateFailure {
	mc := modelEnv.Classes()
	for i, gc := range goldEnv.Classes() {
		if sc, ok := gc.(bfcl.StateComparer); ok && sc.StateEqual(mc[i]) {
			continue
		}
		gs := gc.State()
		ms := mc[i].State()
		var diffs *pyval.Dict
		for _, k := range gs.Keys() {
			gv, _ := gs.Get(k)
			mv, ok := ms.Get(k)
			if ok && pyval.Equal(mv, gv) {
				continue
			}
			if diffs == nil {
				diffs = pyval.NewDict()
			}
			diffs.Set(k, pyval.DictOf("model", mv, "ground_truth", gv))
		}
		if diffs != nil {
			return &stateFailure{
				msg: fmt.Sprintf("Model instance for %s does not match the state with ground truth instance.", gc.Name()),
				details: pyval.DictOf(
					"differences", diffs,
					"model_instance_state", ms,
					"ground_truth_instance_state", gs,
				),
			}
		}
	}
	return nil
}

// missingItems is the reference's _is_subsequence_unordered: the items of
// want not found in have, each found item used once.
func missingItems(want, have []string) []string {
	left := make(map[string]int, len(have))
	for _, h := range have {
		left[h]++
	}
	var missing []string
	for _, w := range want {
		if left[w] > 0 {
			left[w]--
			continue
		}
		missing = append(missing, w)
	}
	return missing
}

// irrelevance is the reference's multi_turn_irrelevance_checker: the
// first turn whose ground truth is empty but where the model made calls
// that decoded. It returns the error object with an extra "turn" key, or
// nil.
func irrelevance(e *Entry, decoded [][]decodedStep) *pyval.Dict {
	for t, gold := range e.GroundTruth {
		if len(gold) != 0 || len(decoded[t]) == 0 {
			continue
		}
		return pyval.DictOf(
			"error_message", fmt.Sprintf("Model outputs valid function calls when it should not for turn %d.", t),
			"error_type", TypeIrrelevance,
			"details", pyval.DictOf("model response decoded", decodedSteps(decoded[t])),
			"turn", int64(t),
		)
	}
	return nil
}

// rawResult is the reference's model_result: per turn, per step, for a
// function-calling model the list of {name: arguments} of the reply's
// calls, or the reply's text; for a prompting model the reply's text.
func rawResult(m *ModelResult) []pyval.Value {
	out := make([]pyval.Value, len(m.Turns))
	for t, steps := range m.Turns {
		ts := make([]pyval.Value, len(steps))
		for i, s := range steps {
			if len(s.Calls) == 0 || m.Prompting {
				ts[i] = s.Text
				continue
			}
			cs := make([]pyval.Value, len(s.Calls))
			for j, c := range s.Calls {
				cs[j] = pyval.DictOf(c.Name, c.Arguments)
			}
			ts[i] = cs
		}
		out[t] = ts
	}
	return out
}

func decodedResult(decoded [][]decodedStep) []pyval.Value {
	out := make([]pyval.Value, len(decoded))
	for t, steps := range decoded {
		out[t] = decodedSteps(steps)
	}
	return out
}

func decodedSteps(steps []decodedStep) []pyval.Value {
	out := make([]pyval.Value, len(steps))
	for i, d := range steps {
		if d.srcs != nil {
			out[i] = strValues(d.srcs)
			continue
		}
		cs := make([]pyval.Value, len(d.calls))
		for j, c := range d.calls {
			cs[j] = callString(c.Name, d.args[j])
		}
		out[i] = cs
	}
	return out
}

func strValues(ss []string) []pyval.Value {
	out := make([]pyval.Value, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// turnExec is one turn's results: the model's per step, the ground
// truth's.
type turnExec struct {
	model [][]string
	gold  []string
}

// execValue is the reference's execution_results: per turn,
// {"model": [[results per step]], "ground_truth": [results]}.
func execValue(log []turnExec) []pyval.Value {
	out := make([]pyval.Value, len(log))
	for i, te := range log {
		steps := make([]pyval.Value, len(te.model))
		for j, s := range te.model {
			steps[j] = strValues(s)
		}
		out[i] = pyval.DictOf("model", steps, "ground_truth", strValues(te.gold))
	}
	return out
}

// serializable is the reference's make_json_serializable: dicts and lists
// are walked, and any other value json.dumps cannot write becomes str().
func serializable(v pyval.Value) pyval.Value {
	switch x := v.(type) {
	case *pyval.Dict:
		d := pyval.NewDict()
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			d.Set(k, serializable(e))
		}
		return d
	case []pyval.Value:
		out := make([]pyval.Value, len(x))
		for i, e := range x {
			out[i] = serializable(e)
		}
		return out
	}
	if _, err := pyval.AppendJSON(nil, v, false); err != nil {
		return pyval.Str(v)
	}
	return v
}

// mustJSON writes a value as the reference's score files do
// (json.dumps(make_json_serializable(v), ensure_ascii=False)); a value
// that still cannot be written becomes its str().
func mustJSON(v pyval.Value) json.RawMessage {
	b, err := pyval.AppendJSON(nil, serializable(v), false)
	if err != nil {
		b, _ = pyval.AppendJSON(nil, pyval.Str(v), false)
	}
	return b
}

// promptJSON is the entry as the reference's score files show it: the
// question-file line, with missed_function holding the held-out docs.
func (e *Entry) promptJSON() json.RawMessage {
	if e.prompt == nil || e.raw == nil {
		return json.RawMessage("null")
	}
	e.prompt.once.Do(func() {
		d := e.raw.Copy()
		if d.Has("missed_function") && len(e.Held) > 0 {
			mf := pyval.NewDict()
			for _, t := range e.heldTurns() {
				docs := make([]pyval.Value, len(e.Held[t]))
				for i, f := range e.Held[t] {
					docs[i] = f.Doc
				}
				mf.Set(fmt.Sprint(t), docs)
			}
			d.Set("missed_function", mf)
		}
		e.prompt.b = mustJSON(d)
	})
	return e.prompt.b
}
