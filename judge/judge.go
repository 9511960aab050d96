package judge

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

// GoldReplay is what running a task's gold calls produced.
type GoldReplay struct {
	// InitialHash is the env's state hash before the first gold call.
	InitialHash string `json:"initial_hash"`
	// Turns holds one entry per task turn.
	Turns []GoldTurn `json:"turns"`
	// Final is the env's snapshot (canonical JSON) after the last turn,
	// FinalHash its hash.
	Final     json.RawMessage `json:"final"`
	FinalHash string          `json:"final_hash"`
	// Errors lists the gold calls whose result was an error, in order.
	Errors []GoldError `json:"errors,omitempty"`
}

// GoldTurn is the replay of one turn's gold.
type GoldTurn struct {
	// Results answer the turn's gold calls, step after step, in order;
	// their CallIDs are task.CallID(turn, step, i).
	Results []tool.Result `json:"results"`
	// StateHash is the env's state hash after the turn.
	StateHash string `json:"state_hash"`
}

// GoldError is a gold call that returned an error result on replay.
type GoldError struct {
	// Turn is the task turn, Step the 0-based index in Gold.Steps, Index
	// the call's index within the step.
	Turn  int         `json:"turn"`
	Step  int         `json:"step"`
	Index int         `json:"index"`
	Call  task.Call   `json:"call"`
	Error *tool.Error `json:"error"`
}

// ReplayGold runs every gold call of every turn of t on e, in order (calls
// of one step one after the other), and returns their results, the state
// hash after each turn and the final snapshot. e is changed: pass a fresh
// env. A gold call that fails is listed in Errors, not returned as an
// error; the error returned is for a canceled ctx or a failing snapshot.
func ReplayGold(ctx context.Context, t *task.Task, e env.Env) (GoldReplay, error) {
	var g GoldReplay
	h, err := env.Hash(e)
	if err != nil {
		return g, fmt.Errorf("replaying gold of %s: initial snapshot: %w", t.ID, err)
	}
	g.InitialHash = h
	g.Turns = make([]GoldTurn, len(t.Turns))
	for ti, turn := range t.Turns {
		var gt GoldTurn
		for si, step := range turn.Gold.Steps {
			for ci, c := range step {
				if err := ctx.Err(); err != nil {
					return g, fmt.Errorf("replaying gold of %s: %w", t.ID, err)
				}
				res := e.Call(ctx, c.ToolCall(task.CallID(ti, si, ci)))
				if err := ctx.Err(); err != nil {
					return g, fmt.Errorf("replaying gold of %s: %w", t.ID, err)
				}
				if res.Error != nil {
					g.Errors = append(g.Errors, GoldError{Turn: ti, Step: si, Index: ci, Call: c, Error: res.Error})
				}
				gt.Results = append(gt.Results, res)
			}
		}
		if gt.StateHash, err = env.Hash(e); err != nil {
			return g, fmt.Errorf("replaying gold of %s: snapshot after turn %d: %w", t.ID, ti, err)
		}
		g.Turns[ti] = gt
	}
	if g.Final, err = e.Snapshot(); err != nil {
		return g, fmt.Errorf("replaying gold of %s: final snapshot: %w", t.ID, err)
	}
	g.FinalHash = env.HashJSON(g.Final)
	return g, nil
}

// Options choose what a success requires. Whatever they say, every
// component is computed and reported.
type Options struct {
	// RequireState: the final state (and, per turn, the state hash) must
	// equal the gold's.
	RequireState bool `json:"require_state"`
	// RequireOutputs: every gold output must be found in the turn's
	// assistant text.
	RequireOutputs bool `json:"require_outputs"`
	// RequireCalls: the calls must match the gold exactly.
	RequireCalls bool `json:"require_calls"`
}

// DefaultOptions require state and outputs, as tau-bench's reward does.
func DefaultOptions() Options { return Options{RequireState: true, RequireOutputs: true} }

// Verdict is the judge's full verdict on one episode. It marshals to JSON
// as is; see [Verdict.JSON] and [Verdict.Attach].
type Verdict struct {
	// TaskID and TrajectoryID name what was judged.
	TaskID       string `json:"task_id"`
	TrajectoryID string `json:"trajectory_id,omitempty"`
	// Status is the trajectory's end status. An errored or canceled
	// trajectory is never a success.
	Status trajectory.Status `json:"status"`
	// Success is true when the episode meets every requirement of Options;
	// Reward is then 1, otherwise 0.
	Success bool    `json:"success"`
	Reward  float64 `json:"reward"`
	// Reasons say, in a few words each, why the episode is not a success.
	Reasons []string `json:"reasons,omitempty"`
	// StateMatch is true when the final env snapshot equals the gold's.
	// When it is not, StateDiff lists up to MaxStateDiff differing paths as
	// "path: got != want" (got is the episode's value, want the gold's) and
	// StateDiffMore counts the differences left out.
	StateMatch    bool     `json:"state_match"`
	StateDiff     []string `json:"state_diff,omitempty"`
	StateDiffMore int      `json:"state_diff_more,omitempty"`
	// CallsExact is true when every turn's calls match the gold exactly
	// and no turn beyond the task's made calls.
	CallsExact bool `json:"calls_exact"`
	// OutputsOK is true when every required output of every turn was found.
	OutputsOK bool `json:"outputs_ok"`
	// TurnAccuracy is the fraction of the task's turns that pass; for a
	// task without turns it is the reward.
	TurnAccuracy float64 `json:"turn_accuracy"`
	// Turns holds one verdict per task turn.
	Turns []TurnVerdict `json:"turns"`
	// ExtraTurns counts trajectory turns beyond the task's.
	ExtraTurns int `json:"extra_turns,omitempty"`
	// GoldErrors lists gold calls that failed when replayed.
	GoldErrors []GoldError `json:"gold_errors,omitempty"`
	// Warnings note oddities that do not change the score, such as an
	// episode that started from another state than the task's.
	Warnings []string `json:"warnings,omitempty"`
	// Options are the requirements the verdict applied.
	Options Options `json:"options"`
}

// TurnVerdict is the verdict on one user turn.
type TurnVerdict struct {
	Index int `json:"index"`
	// Absent is true when the trajectory has no such turn (the episode
	// stopped early). An absent turn fails; its calls and outputs are
	// judged as those of a turn without messages.
	Absent bool `json:"absent,omitempty"`
	// StateMatch is true when the trajectory's state hash after the turn
	// equals the gold's (false when the trajectory recorded none);
	// StateHash and GoldStateHash are the two.
	StateMatch    bool   `json:"state_match"`
	StateHash     string `json:"state_hash,omitempty"`
	GoldStateHash string `json:"gold_state_hash"`
	// Calls is how the turn's calls match its gold calls.
	Calls CallMatch `json:"calls"`
	// Outputs are the turn's required outputs and whether each was found.
	Outputs []OutputCheck `json:"outputs,omitempty"`
	// Pass is true when the turn meets every requirement of Options.
	Pass bool `json:"pass"`
}

// OutputCheck is one required output and whether the agent said it.
type OutputCheck struct {
	Output string `json:"output"`
	Found  bool   `json:"found"`
}

// JSON returns the verdict as JSON, ready for Trajectory.Verdict.
func (v *Verdict) JSON() (json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding verdict: %w", err)
	}
	return b, nil
}

// Attach stores the verdict and its reward in tr.
func (v *Verdict) Attach(tr *trajectory.Trajectory) error {
	b, err := v.JSON()
	if err != nil {
		return err
	}
	r := v.Reward
	tr.Reward, tr.Verdict = &r, b
	return nil
}

// ParseVerdict reads a verdict stored as JSON (a Trajectory.Verdict).
func ParseVerdict(b []byte) (*Verdict, error) {
	var v Verdict
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("parsing verdict: %w", err)
	}
	return &v, nil
}

// ErrNoEnv is returned by Judge when fresh is nil.
var ErrNoEnv = errors.New("judge: no env to replay the gold on")

// Judge scores trajectory tr of task t. It replays the gold on an env from
// fresh (built from the task's initial state), compares final (the env as
// the episode left it) with the gold's final state, and each turn's state
// hash, calls and outputs with the gold's. final may be nil, for a stored
// trajectory: the final state is then judged by the last turn's state hash
// and no diff is given. The error is for failures of the judge itself
// (no fresh env, a failing snapshot, a canceled ctx), never for a bad
// episode.
func Judge(ctx context.Context, t *task.Task, tr *trajectory.Trajectory, final env.Env, fresh func() (env.Env, error), opts Options) (*Verdict, error) {
	if fresh == nil {
		return nil, ErrNoEnv
	}
	e, err := fresh()
	if err != nil {
		return nil, fmt.Errorf("judge %s: building env: %w", t.ID, err)
	}
	gold, err := ReplayGold(ctx, t, e)
	if err != nil {
		return nil, fmt.Errorf("judge: %w", err)
	}
	return Score(t, tr, final, &gold, opts)
}

// Score is Judge with the gold already replayed: useful when one replay
// serves many trials of a task.
func Score(t *task.Task, tr *trajectory.Trajectory, final env.Env, gold *GoldReplay, opts Options) (*Verdict, error) {
	if len(gold.Turns) != len(t.Turns) {
		return nil, fmt.Errorf("judge %s: gold replay has %d turns, task %d", t.ID, len(gold.Turns), len(t.Turns))
	}
	for i, turn := range tr.Turns {
		if turn.First < 0 || turn.First > turn.End || turn.End > len(tr.Messages) {
			return nil, fmt.Errorf("judge %s: trajectory %s: turn %d spans messages [%d:%d] of %d", t.ID, tr.ID, i, turn.First, turn.End, len(tr.Messages))
		}
	}
	v := &Verdict{
		TaskID: t.ID, TrajectoryID: tr.ID, Status: tr.Status, Options: opts,
		GoldErrors: gold.Errors,
	}
	if tr.InitialStateHash != "" && tr.InitialStateHash != gold.InitialHash {
		v.Warnings = append(v.Warnings, "the episode started from another state than the gold replay (initial state hashes differ)")
	}

	// Final state.
	switch {
	case final != nil:
		snap, err := final.Snapshot()
		if err != nil {
			return nil, fmt.Errorf("judge %s: final snapshot: %w", t.ID, err)
		}
		v.StateMatch = bytes.Equal(snap, gold.Final)
		if !v.StateMatch {
			lines, more, err := DiffJSON(snap, gold.Final, MaxStateDiff)
			if err != nil {
				return nil, fmt.Errorf("judge %s: %w", t.ID, err)
			}
			v.StateDiff, v.StateDiffMore = lines, more
		}
	case len(tr.Turns) > 0:
		v.StateMatch = tr.Turns[len(tr.Turns)-1].StateHash == gold.FinalHash
	default:
		v.StateMatch = tr.InitialStateHash != "" && tr.InitialStateHash == gold.FinalHash
	}

	// Turns.
	conversation := t.Goal != "" && len(t.Turns) == 1 && len(tr.Turns) > 1
	v.CallsExact, v.OutputsOK = true, true
	passed := 0
	for i, turn := range t.Turns {
		tv := TurnVerdict{Index: i, GoldStateHash: gold.Turns[i].StateHash}
		var msgs []trajectory.Message
		switch {
		case conversation:
			msgs = tr.Messages[tr.Turns[0].First:tr.Turns[len(tr.Turns)-1].End]
			tv.StateHash = tr.Turns[len(tr.Turns)-1].StateHash
		case i < len(tr.Turns):
			msgs = tr.TurnMessages(i)
			tv.StateHash = tr.Turns[i].StateHash
		default:
			tv.Absent = true
		}
		tv.StateMatch = !tv.Absent && tv.StateHash == tv.GoldStateHash
		tv.Calls = MatchCalls(turn.Gold.Steps, turnCalls(msgs))
		outputsOK := true
		for _, o := range turn.Gold.Outputs {
			found := !tv.Absent && outputFound(o, msgs)
			tv.Outputs = append(tv.Outputs, OutputCheck{Output: o, Found: found})
			outputsOK = outputsOK && found
		}
		tv.Pass = !tv.Absent &&
			(!opts.RequireState || tv.StateMatch) &&
			(!opts.RequireOutputs || outputsOK) &&
			(!opts.RequireCalls || tv.Calls.Exact)
		if tv.Pass {
			passed++
		}
		v.CallsExact = v.CallsExact && tv.Calls.Exact
		v.OutputsOK = v.OutputsOK && outputsOK
		v.Turns = append(v.Turns, tv)
	}
	if !conversation && len(tr.Turns) > len(t.Turns) {
		v.ExtraTurns = len(tr.Turns) - len(t.Turns)
		for i := len(t.Turns); i < len(tr.Turns); i++ {
			if len(turnCalls(tr.TurnMessages(i))) > 0 {
				v.CallsExact = false
			}
		}
	}

	// Success.
	switch tr.Status {
	case trajectory.StatusErrored, trajectory.StatusCanceled:
		r := "trajectory " + string(tr.Status)
		if tr.Error != nil {
			r += ": " + tr.Error.Kind + ": " + tr.Error.Message
		}
		v.Reasons = append(v.Reasons, r)
	}
	if !conversation && len(tr.Turns) < len(t.Turns) {
		v.Reasons = append(v.Reasons, fmt.Sprintf("episode stopped after %d of %d turns", len(tr.Turns), len(t.Turns)))
	}
	if opts.RequireState && !v.StateMatch {
		v.Reasons = append(v.Reasons, "final state differs from the gold's")
	}
	if opts.RequireOutputs && !v.OutputsOK {
		v.Reasons = append(v.Reasons, "required outputs missing: "+missingOutputs(v.Turns))
	}
	if opts.RequireCalls && !v.CallsExact {
		v.Reasons = append(v.Reasons, "calls do not match the gold exactly")
	}
	v.Success = len(v.Reasons) == 0
	if v.Success {
		v.Reward = 1
	}
	if len(t.Turns) > 0 {
		v.TurnAccuracy = float64(passed) / float64(len(t.Turns))
	} else {
		v.TurnAccuracy = v.Reward
	}
	return v, nil
}

// outputFound reports whether output is in one assistant message's text,
// found as tau-bench finds it: the output is a substring of the text, both
// lowercased and with commas removed (see the package doc).
func outputFound(output string, msgs []trajectory.Message) bool {
	want := strings.ReplaceAll(strings.ToLower(output), ",", "")
	for _, m := range msgs {
		if m.Role != model.RoleAssistant {
			continue
		}
		text := strings.ReplaceAll(strings.ToLower(m.Text()), ",", "")
		if strings.Contains(text, want) {
			return true
		}
	}
	return false
}

func missingOutputs(turns []TurnVerdict) string {
	var out []string
	for _, tv := range turns {
		for _, o := range tv.Outputs {
			if !o.Found {
				out = append(out, fmt.Sprintf("%q (turn %d)", o.Output, tv.Index))
			}
		}
	}
	return strings.Join(out, ", ")
}
