package tau2judge

import (
	"context"
	"errors"
	"fmt"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// ErrAssertion: an env assertion could not be evaluated: its function
// failed, or returned something other than a bool (the reference raises
// ValueError "Function f returned <class 'str'> instead of bool").
var ErrAssertion = errors.New("tau2judge: env assertion failed to run")

// envReward is EnvironmentEvaluator.calculate_reward: the DB check
// (predicted environment = fresh + initial state + replay of the whole
// trajectory; gold environment = fresh + initial state + the task's
// message history + the gold actions; their agent and user databases
// compared) and the env assertions, run on the predicted environment.
func (ev *Evaluator) envReward(ctx context.Context, task *Task, traj []Message, strict bool) (*RewardInfo, error) {
	crit := task.EvaluationCriteria
	if crit.Actions == nil && crit.EnvAssertions == nil {
		return &RewardInfo{
			Reward:      1,
			DBCheck:     &DBCheck{DBMatch: true, DBReward: 1},
			RewardBasis: []RewardType{RewardDB},
			Info:        note("No expected actions or env assertions"),
		}, nil
	}
	var history []Message
	if s := task.InitialState; s != nil {
		history = s.MessageHistory
	}
	tools := ev.toolIndex()
	predicted, err := ev.baseEnv(ctx, task)
	if err != nil {
		return nil, fmt.Errorf("predicted environment: %w", err)
	}
	if err := setState(ctx, predicted, nil, nil, traj, strict, tools); err != nil {
		return nil, fmt.Errorf("predicted environment: %w", err)
	}
	gold, err := ev.goldEnv(ctx, task, strict, func() (tau2.Env, error) {
		gold, err := ev.baseEnv(ctx, task)
		if err == nil {
			err = setState(ctx, gold, nil, nil, history, strict, tools)
		}
		if err != nil {
			return nil, fmt.Errorf("gold environment: %w", err)
		}
		if err := runGold(ctx, gold, crit.Actions); err != nil {
			return nil, err
		}
		return gold, nil
	})
	if err != nil {
		return nil, err
	}

	match := gold.SameState(tau2.Assistant, predicted) && gold.SameState(tau2.User, predicted)
	dbReward := 0.0
	if match {
		dbReward = 1
	}

	checks := make([]EnvAssertionCheck, 0, len(crit.EnvAssertions))
	assertReward := 1.0
	for _, a := range crit.EnvAssertions {
		met, err := runAssertion(predicted, &a)
		if err != nil {
			return nil, err
		}
		c := EnvAssertionCheck{EnvAssertion: a, Met: met}
		if met {
			c.Reward = 1
		}
		checks = append(checks, c)
		assertReward *= float64(c.Reward)
	}

	out := &RewardInfo{
		DBCheck:         &DBCheck{DBMatch: match, DBReward: Float(dbReward)},
		EnvAssertions:   checks,
		RewardBasis:     crit.RewardBasis,
		RewardBreakdown: Breakdown{},
	}
	reward := 1.0
	if crit.inBasis(RewardDB) {
		out.RewardBreakdown = out.RewardBreakdown.set(RewardDB, dbReward)
		reward *= dbReward
	}
	if crit.inBasis(RewardEnvAssertion) {
		out.RewardBreakdown = out.RewardBreakdown.set(RewardEnvAssertion, assertReward)
		reward *= assertReward
	}
	out.Reward = Float(reward)
	return out, nil
}

// runGold runs the gold actions on the gold environment as the reference
// does: make_tool_call with the action's requestor, a failing call
// ignored, no state synchronisation (see UnsyncedCaller).
func runGold(ctx context.Context, gold tau2.Env, actions []Action) error {
	raw, unsynced := gold.(UnsyncedCaller)
	for i := range actions {
		a := &actions[i]
		tc := ToolCall{ID: a.ActionID, Name: a.Name, Arguments: a.Arguments, Requestor: a.Requestor}
		call, err := tc.Call()
		if err != nil {
			return fmt.Errorf("gold action %s: %w", a.ActionID, err)
		}
		if unsynced {
			_ = raw.CallUnsynced(ctx, tc.requestor(), call) // a failing gold action is ignored, as the reference logs and goes on
		} else {
			gold.CallAs(ctx, tc.requestor(), call)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// runAssertion is Environment.run_env_assertion with
// raise_assertion_error=False.
func runAssertion(e tau2.Env, a *EnvAssertion) (bool, error) {
	res, err := e.Run(a.EnvType, a.FuncName, argsOrEmpty(a.Arguments))
	if err != nil {
		return false, fmt.Errorf("%w: %s: %w", ErrAssertion, a.FuncName, err)
	}
	b, ok := res.(bool)
	if !ok {
		return false, fmt.Errorf("%w: Function %s returned <class '%s'> instead of bool", ErrAssertion, a.FuncName, pyval.TypeName(res))
	}
	return b == a.AssertValue, nil
}

// baseEnv returns a fresh environment with the task's initialization data
// and actions applied, as set_state applies them before replaying a
// history: a fork of one built the first time the task asks, or, for a
// task without either, a fresh environment.
func (ev *Evaluator) baseEnv(ctx context.Context, task *Task) (tau2.Env, error) {
	s := task.InitialState
	if s == nil || s.InitializationData == nil && len(s.InitializationActions) == 0 {
		return ev.Domain.New(), nil
	}
	v, _ := ev.bases.LoadOrStore(task, &goldEntry{})
	e := v.(*goldEntry)
	e.once.Do(func() {
		base := ev.Domain.New()
		if err := setState(ctx, base, s.InitializationData, s.InitializationActions, nil, true, nil); err != nil {
			e.err = err
			return
		}
		e.env = base
	})
	if e.err != nil {
		if ctx.Err() != nil {
			ev.bases.Delete(task)
		}
		return nil, e.err
	}
	f, ok := e.env.Fork().(tau2.Env)
	if !ok {
		return nil, fmt.Errorf("tau2judge: %T.Fork returned %T, not a tau2.Env", e.env, f)
	}
	return f, nil
}

// goldEnv returns the task's gold environment, built by build the first
// time it is asked for (per task and replay mode). A build that failed
// because ctx ended is not kept.
func (ev *Evaluator) goldEnv(ctx context.Context, task *Task, strict bool, build func() (tau2.Env, error)) (tau2.Env, error) {
	v, _ := ev.golds.LoadOrStore(goldKey{task, strict}, &goldEntry{})
	e := v.(*goldEntry)
	e.once.Do(func() { e.env, e.err = build() })
	if e.err != nil && ctx.Err() != nil {
		ev.golds.Delete(goldKey{task, strict})
	}
	return e.env, e.err
}
