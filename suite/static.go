package suite

import (
	"context"
	"encoding/json"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/judge"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
)

// Static is a suite over a fixed list of tasks on registered envs, with
// scripted users and toolgym's judge (final state, calls, outputs). The
// built-in demo suite is one; so is any task file a user brings.
type Static struct {
	// SuiteName and Desc answer Name and Description.
	SuiteName, Desc string
	// Tasks returns the task list.
	Tasks func() ([]task.Task, error)
	// Judge chooses the requirements of a success
	// (judge.DefaultOptions when zero).
	Judge judge.Options
}

// Name implements Suite.
func (s *Static) Name() string { return s.SuiteName }

// Description implements Suite.
func (s *Static) Description() string { return s.Desc }

// Load implements Suite; Options are ignored.
func (s *Static) Load(context.Context, Options) ([]task.Task, error) { return s.Tasks() }

// NewEnv implements Suite: the task's env from its config.
func (s *Static) NewEnv(t *task.Task) (env.Env, error) { return env.New(t.Env, t.Config) }

// NewUser implements Suite: a user speaking the task's turns.
func (s *Static) NewUser(t *task.Task, _ env.Env) (user.User, error) {
	return user.NewScripted(t.UserTurns()...), nil
}

// Score implements Suite with judge.Judge.
func (s *Static) Score(ctx context.Context, t *task.Task, tr *trajectory.Trajectory, final env.Env) (*Score, error) {
	opts := s.Judge
	if opts == (judge.Options{}) {
		opts = judge.DefaultOptions()
	}
	v, err := judge.Judge(ctx, t, tr, final, func() (env.Env, error) { return s.NewEnv(t) }, opts)
	if err != nil {
		return nil, err
	}
	return ScoreOf(v)
}

// ScoreOf turns a judge verdict into a suite score, with the verdict's
// components as metrics.
func ScoreOf(v *judge.Verdict) (*Score, error) {
	b, err := v.JSON()
	if err != nil {
		return nil, err
	}
	return &Score{
		Reward: v.Reward, Success: v.Success, Verdict: json.RawMessage(b),
		Metrics: map[string]float64{
			"turn_accuracy": v.TurnAccuracy,
			"state_match":   b2f(v.StateMatch),
			"calls_exact":   b2f(v.CallsExact),
			"outputs_ok":    b2f(v.OutputsOK),
		},
	}, nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
