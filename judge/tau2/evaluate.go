package tau2judge

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/model"
)

// EvaluationType selects the checks that score a simulation (the
// reference's EvaluationType).
type EvaluationType string

// The evaluation types. All is what the reference's runner uses.
const (
	// EvalEnv: the DB check and the env assertions only.
	EvalEnv EvaluationType = "env"
	// EvalCommunicate: the communicate_info check only.
	EvalCommunicate EvaluationType = "communicate"
	// EvalAction: the gold actions check only.
	EvalAction EvaluationType = "action"
	// EvalAll: every check, the reward the product of those in the task's
	// reward basis; the NL assertions are judged only when NL_ASSERTION is
	// in the basis.
	EvalAll EvaluationType = "all"
	// EvalNLAssertions: the NL assertions only.
	EvalNLAssertions EvaluationType = "nl_assertions"
	// EvalAllWithNLAssertions: as All, with the NL assertions judged
	// whatever the basis.
	EvalAllWithNLAssertions EvaluationType = "all_with_nl_assertions"
	// EvalAllIgnoreBasis: env, action and communicate checks all multiply
	// into the reward, whatever the basis.
	EvalAllIgnoreBasis EvaluationType = "all_ignore_basis"
	// EvalAllWithNLAssertionsIgnoreBasis: as AllIgnoreBasis, with the NL
	// assertions too.
	EvalAllWithNLAssertionsIgnoreBasis EvaluationType = "all_with_nl_assertions_ignore_basis"
)

// ErrUnknownEvaluationType is returned for an EvaluationType not listed
// above.
var ErrUnknownEvaluationType = errors.New("tau2judge: unknown evaluation type")

// Evaluator scores simulations of one domain as the reference's
// evaluate_simulation does. Its zero value is not usable: Domain is
// required. An Evaluator is safe for concurrent use when its Judge is.
type Evaluator struct {
	// Domain builds the fresh environments the DB check replays on.
	Domain tau2.Domain
	// Judge is the model that judges NL assertions (the reference uses
	// gpt-4.1-2025-04-14 at temperature 0). When nil, NL assertions are
	// not judged: a reward basis holding NL_ASSERTION yields a RewardInfo
	// whose NotEvaluated lists it, never a passed component.
	Judge model.Model
	// JudgeModel is sent as the request's model name when not empty.
	JudgeModel string
	// Lenient replays recorded trajectories without comparing each
	// replayed result with the recorded one: the reference's
	// strict_replay=False, used to re-grade old trajectories. The
	// default (strict) is what the reference's runner uses.
	Lenient bool

	// golds caches each task's gold environment: it depends on the task
	// alone, so an Evaluator builds it once per task and replay mode (the
	// reference rebuilds it for every simulation). Cached environments are
	// only read.
	golds sync.Map // goldKey -> *goldEntry
	// bases caches, for a task with initialization data or actions, a
	// fresh environment with them applied: the predicted environment of
	// every simulation of the task is a fork of it (the reference applies
	// them to a fresh environment each time; the state is the same).
	bases sync.Map // *Task -> *goldEntry
	// tools indexes the domain's toolkits, which are the same in every
	// environment of a domain.
	toolsOnce sync.Once
	tools     map[string]tau2.ToolInfo
	types     map[string]tau2.ToolType
}

type goldKey struct {
	task   *Task
	strict bool
}

type goldEntry struct {
	once sync.Once
	env  tau2.Env
	err  error
}

// Evaluate scores sim, a simulation of task, as the reference's
// evaluate_simulation(sim, task, typ, solo_mode=False, domain) does in
// half-duplex mode. A simulation that did not end with an agent or user
// stop gets reward 0 without any check; a task without evaluation
// criteria gets reward 1.
//
// The error cases are those where the reference raises (and its runner
// records an infrastructure error after retries): a replay the trajectory
// cannot support (ErrReplay, ErrInitialState), an env assertion that
// fails to run or returns a non-bool (ErrAssertion), a judge model that
// fails or answers something the reference cannot parse (ErrJudge), and
// ctx's error.
func (ev *Evaluator) Evaluate(ctx context.Context, task *Task, sim *SimulationRun, typ EvaluationType) (*RewardInfo, error) {
	if !sim.TerminationReason.Scored() {
		return &RewardInfo{
			Reward: 0,
			Info:   note("Simulation terminated prematurely. Termination reason: " + string(sim.TerminationReason)),
		}, nil
	}
	crit := task.EvaluationCriteria
	if crit == nil {
		return &RewardInfo{Reward: 1, Info: note("No evaluation criteria")}, nil
	}
	traj := sim.Messages
	if ev.Domain == nil {
		return nil, errors.New("tau2judge: Evaluator.Domain is nil")
	}
	switch typ {
	case EvalEnv:
		info, err := ev.envReward(ctx, task, traj, !ev.Lenient)
		return info, err
	case EvalNLAssertions:
		return ev.nlReward(ctx, task, traj)
	case EvalCommunicate:
		return communicateReward(task, traj), nil
	case EvalAction:
		return actionReward(task, traj, ev.toolTypes()), nil
	case EvalAll, EvalAllWithNLAssertions:
		return ev.all(ctx, task, traj, typ)
	case EvalAllIgnoreBasis, EvalAllWithNLAssertionsIgnoreBasis:
		return ev.allIgnoreBasis(ctx, task, traj, typ)
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownEvaluationType, typ)
}

// all is the EvaluationType.ALL branch of evaluate_simulation.
func (ev *Evaluator) all(ctx context.Context, task *Task, traj []Message, typ EvaluationType) (*RewardInfo, error) {
	crit := task.EvaluationCriteria
	envInfo, err := ev.envReward(ctx, task, traj, !ev.Lenient)
	if err != nil {
		return nil, err
	}
	actInfo := actionReward(task, traj, ev.toolTypes())
	commInfo := communicateReward(task, traj)
	var nlInfo *RewardInfo
	if typ == EvalAllWithNLAssertions || crit.inBasis(RewardNLAssertion) {
		if nlInfo, err = ev.nlReward(ctx, task, traj); err != nil {
			return nil, err
		}
	}
	// The reference checks here that the basis holds nothing left
	// unevaluated; with these types every component of a basis is
	// evaluated (NL_ASSERTION is judged whenever it is in the basis), so
	// the check cannot fire.
	out := &RewardInfo{
		DBCheck:           envInfo.DBCheck,
		EnvAssertions:     envInfo.EnvAssertions,
		ActionChecks:      actInfo.ActionChecks,
		CommunicateChecks: commInfo.CommunicateChecks,
		RewardBasis:       crit.RewardBasis,
		RewardBreakdown:   Breakdown{},
	}
	reward := 1.0
	if crit.inBasis(RewardDB) || crit.inBasis(RewardEnvAssertion) {
		out.RewardBreakdown = out.RewardBreakdown.update(envInfo.RewardBreakdown)
		reward *= float64(envInfo.Reward)
	}
	if crit.inBasis(RewardAction) {
		out.RewardBreakdown = out.RewardBreakdown.update(actInfo.RewardBreakdown)
		reward *= float64(actInfo.Reward)
	}
	if crit.inBasis(RewardNLAssertion) {
		out.RewardBreakdown = out.RewardBreakdown.update(nlInfo.RewardBreakdown)
		reward *= float64(nlInfo.Reward)
		out.NotEvaluated = append(out.NotEvaluated, nlInfo.NotEvaluated...)
	}
	if crit.inBasis(RewardCommunicate) {
		out.RewardBreakdown = out.RewardBreakdown.update(commInfo.RewardBreakdown)
		reward *= float64(commInfo.Reward)
	}
	if nlInfo != nil {
		out.NLAssertions = nlInfo.NLAssertions
	}
	out.Reward = Float(reward)
	out.Info = infoOf(envInfo, nlInfo, commInfo, actInfo)
	return out, nil
}

// allIgnoreBasis is the ALL_IGNORE_BASIS branch: every component
// multiplies in. As in the reference, the replay is strict here whatever
// Lenient says (its call passes no strict_replay).
func (ev *Evaluator) allIgnoreBasis(ctx context.Context, task *Task, traj []Message, typ EvaluationType) (*RewardInfo, error) {
	envInfo, err := ev.envReward(ctx, task, traj, true)
	if err != nil {
		return nil, err
	}
	actInfo := actionReward(task, traj, ev.toolTypes())
	commInfo := communicateReward(task, traj)
	var nlInfo *RewardInfo
	if typ == EvalAllWithNLAssertionsIgnoreBasis {
		if nlInfo, err = ev.nlReward(ctx, task, traj); err != nil {
			return nil, err
		}
	}
	out := &RewardInfo{
		DBCheck:           envInfo.DBCheck,
		EnvAssertions:     envInfo.EnvAssertions,
		ActionChecks:      actInfo.ActionChecks,
		CommunicateChecks: commInfo.CommunicateChecks,
		RewardBasis:       []RewardType{RewardDB, RewardEnvAssertion, RewardAction, RewardCommunicate},
		RewardBreakdown:   Breakdown{},
	}
	reward := 1.0
	for _, r := range []*RewardInfo{envInfo, actInfo, commInfo, nlInfo} {
		if r == nil {
			continue
		}
		out.RewardBreakdown = out.RewardBreakdown.update(r.RewardBreakdown)
		reward *= float64(r.Reward)
	}
	if nlInfo != nil {
		out.NLAssertions = nlInfo.NLAssertions
		out.RewardBasis = append(out.RewardBasis, RewardNLAssertion)
		out.NotEvaluated = append(out.NotEvaluated, nlInfo.NotEvaluated...)
	}
	out.Reward = Float(reward)
	out.Info = infoOf(envInfo, nlInfo, commInfo, actInfo)
	return out, nil
}

// toolIndex returns the index of the domain's tools (see the toolIndex
// function); toolTypes maps tool names to their types, the agent's
// toolkit then the user's (a user tool of the same name wins), as
// evaluate_simulation builds it for the action checks. Both are built
// once, from a fresh environment: a domain's toolkits do not depend on
// the state.
func (ev *Evaluator) toolIndex() map[string]tau2.ToolInfo {
	ev.initTools()
	return ev.tools
}

func (ev *Evaluator) toolTypes() map[string]tau2.ToolType {
	ev.initTools()
	return ev.types
}

func (ev *Evaluator) initTools() {
	ev.toolsOnce.Do(func() {
		e := ev.Domain.New()
		ev.tools = toolIndex(e)
		ev.types = map[string]tau2.ToolType{}
		for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
			for _, ti := range e.ToolInfo(r) {
				ev.types[ti.Spec.Name] = ti.Type
			}
		}
	})
}
