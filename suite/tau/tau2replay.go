package tau

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/tau2"
	tau2judge "github.com/toolgym/toolgym/judge/tau2"
	"github.com/toolgym/toolgym/suite"
)

// Tau2Oracle is the outcome of one task's oracle simulation.
type Tau2Oracle struct {
	TaskID string                `json:"task_id"`
	Reward *tau2judge.RewardInfo `json:"reward_info"`
	// AgentDB and UserDB are the final databases' hashes as the reference
	// computes them ("" when the domain has no such database).
	AgentDB string `json:"agent_db,omitempty"`
	UserDB  string `json:"user_db,omitempty"`
	// Errors are the gold calls whose result is an error.
	Errors []GoldError `json:"errors,omitempty"`
	Final  tau2.Env    `json:"-"`
}

// RunTau2Oracle plays a task's oracle simulation (as the anchors'
// replay_expected.json was made) and evaluates it as the reference's
// runner does.
//
// With hashes set it also computes the final databases' reference hashes
// (each costs a full serialisation of the database).
func RunTau2Oracle(ctx context.Context, dom tau2.Domain, t *tau2judge.Task, ev *tau2judge.Evaluator, hashes bool) (*Tau2Oracle, error) {
	e := dom.New()
	if err := tau2judge.ApplyInitialState(ctx, e, t); err != nil {
		return nil, fmt.Errorf("task %s: %w", t.ID, err)
	}
	msgs, err := tau2judge.OracleMessages(ctx, e, t)
	if err != nil {
		return nil, fmt.Errorf("task %s: %w", t.ID, err)
	}
	sim := &tau2judge.SimulationRun{ID: "oracle-" + t.ID, TaskID: t.ID, TerminationReason: tau2judge.UserStop, Messages: msgs}
	info, err := ev.Evaluate(ctx, t, sim, tau2judge.EvalAll)
	if err != nil {
		return nil, fmt.Errorf("task %s: %w", t.ID, err)
	}
	o := &Tau2Oracle{TaskID: t.ID, Reward: info, Final: e}
	if hashes {
		if o.AgentDB, err = e.Hash(tau2.Assistant); err != nil {
			return nil, err
		}
		if o.UserDB, err = e.Hash(tau2.User); err != nil {
			return nil, err
		}
	}
	for i, m := range msgs {
		if m.Role == "tool" && m.Error {
			o.Errors = append(o.Errors, GoldError{Index: i, Observation: deref(m.Content)})
		}
	}
	return o, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Replay implements suite.Replayer: every task's oracle simulation, in
// parallel, evaluated as the reference evaluates it. NL assertions are
// judged only with a judge model; without one, a task whose reward basis
// holds NL_ASSERTION counts as passed when every other component is 1 (as
// the anchors' replay assumed them met), and the report says how many.
// With dump set, each task's final databases are written to
// dump/<task>.json as canonical JSON with their hashes.
func (s *Tau2Suite) Replay(ctx context.Context, opts suite.Options, dump string) (*suite.ReplayReport, error) {
	start := time.Now()
	tasks, err := s.LoadTasks(opts)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	ev, dom := s.ev, s.dom
	s.mu.RUnlock()
	if dump != "" {
		if err := os.MkdirAll(dump, 0o755); err != nil {
			return nil, err
		}
	}
	results := make([]*Tau2Oracle, len(tasks))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range tasks {
		g.Go(func() error {
			o, err := RunTau2Oracle(gctx, dom, &tasks[i], ev, dump != "")
			if err != nil {
				return err
			}
			results[i] = o
			if dump != "" {
				if err := dumpTau2(dump, s.Name()+"-"+tasks[i].ID, o); err != nil {
					return err
				}
			}
			o.Final = nil
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	rep := &suite.ReplayReport{Tasks: len(tasks), Turns: len(tasks)}
	assumed := 0
	for i, o := range results {
		if tasks[i].EvaluationCriteria != nil {
			rep.Calls += len(tasks[i].EvaluationCriteria.Actions)
		}
		reward, evaluated := o.Reward.Final()
		if !evaluated && allButNLPassed(o.Reward) {
			assumed++
			reward = 1
		}
		if isSuccessful(reward) {
			rep.Passed++
		} else {
			rep.Failures = append(rep.Failures, fmt.Sprintf("%s: reward %v, breakdown %v", tasks[i].ID, reward, o.Reward.RewardBreakdown.Map()))
		}
	}
	if assumed > 0 {
		rep.ByCategory = map[string][2]int{"NL assertions assumed met (no --judge-model)": {assumed, assumed}}
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// allButNLPassed reports whether every evaluated component is 1.
func allButNLPassed(info *tau2judge.RewardInfo) bool {
	for _, c := range info.RewardBreakdown {
		if c.Type != tau2judge.RewardNLAssertion && !isSuccessful(float64(c.Reward)) {
			return false
		}
	}
	return true
}

func dumpTau2(dir, id string, o *Tau2Oracle) error {
	doc := map[string]any{"task": id, "agent_db_hash": o.AgentDB, "reward_info": o.Reward, "gold_errors": o.Errors}
	for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
		v := o.Final.Dump(r)
		if v == nil {
			continue
		}
		b, err := docdb.SortedJSON(nil, v)
		if err != nil {
			return err
		}
		doc[string(r)+"_db"] = json.RawMessage(b)
	}
	if o.UserDB != "" {
		doc["user_db_hash"] = o.UserDB
	}
	b, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, id+".json"), b, 0o644)
}
