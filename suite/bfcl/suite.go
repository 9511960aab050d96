package bfcl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
)

// Name is the suite's registry name.
const Name = "bfcl-multi-turn"

// EnvName labels the suite's tasks and trajectories.
const EnvName = "bfcl"

// ErrUnknownTask reports a task this suite did not load.
var ErrUnknownTask = errors.New("bfcl: unknown task")

func init() {
	suite.Register(New())
	suite.Register(NewPrompting())
}

// Suite is the BFCL multi-turn suite. It remembers the entries it loaded,
// by task id, to build their envs and users and judge their episodes; it is
// safe for concurrent use.
//
// The suite runs in one of the reference's two modes: function calling
// ([New], "bfcl-multi-turn": the functions as native tools) or prompting
// ([NewPrompting], "bfcl-multi-turn-prompting": the function docs in the
// system prompt and calls written as Python in the reply's text; see
// [PromptingEnv]). The mode is a suite of its own, not an option, because
// it changes what the model is sent and how its replies are read and
// judged, so its scores are a different leaderboard column, and a suite
// name is what `toolgym run --suite` and stored results carry.
type Suite struct {
	// Judge adjusts the judge (the zero value judges as the reference).
	Judge JudgeOptions

	prompting bool

	mu      sync.RWMutex
	entries map[string]*Entry
}

var (
	_ suite.Suite      = (*Suite)(nil)
	_ suite.StepLimits = (*Suite)(nil)
	_ suite.Replayer   = (*Suite)(nil)
)

// New returns a suite in function-calling mode with no entries loaded.
func New() *Suite { return &Suite{entries: map[string]*Entry{}} }

// NewPrompting returns a suite in prompting mode with no entries loaded.
func NewPrompting() *Suite { return &Suite{prompting: true, entries: map[string]*Entry{}} }

// Prompting reports whether the suite runs in prompting mode.
func (s *Suite) Prompting() bool { return s.prompting }

// Name implements suite.Suite.
func (s *Suite) Name() string {
	if s.prompting {
		return NamePrompting
	}
	return Name
}

// Description implements suite.Suite.
func (s *Suite) Description() string {
	if s.prompting {
		return "BFCL v4 multi-turn in prompting mode (function docs in the system prompt, calls as Python text), judged as the reference; needs --data and --base-url"
	}
	return "BFCL v4 multi-turn (base, miss_func, miss_param, long_context; 800 entries), judged as the reference; needs --data"
}

// MaxSteps implements suite.StepLimits: [MaxSteps] model calls per turn.
func (s *Suite) MaxSteps() int { return MaxSteps }

// StopAtMaxSteps implements suite.StepLimits: a turn that runs out of
// steps ends the episode, as the reference's force quit does.
func (s *Suite) StopAtMaxSteps() bool { return true }

// LoadEntries reads the entries opts select (Options.DataDir and
// Options.Categories, all four by default), prepares the long-context
// constants, and remembers the entries for NewEnv, NewUser and Score.
func (s *Suite) LoadEntries(opts suite.Options) ([]Entry, error) {
	dir, err := ResolveDataDir(opts.DataDir)
	if err != nil {
		return nil, err
	}
	// The long-context constants load while the entries do.
	constErr := make(chan error, 1)
	go func() { constErr <- bfcl.UseData(dir) }()
	entries, err := Load(dir, opts.Categories)
	useErr := <-constErr
	if err != nil {
		return nil, err
	}
	if err := useConstants(dir, entries, useErr); err != nil {
		return nil, err
	}
	s.mu.Lock()
	for i := range entries {
		s.entries[entries[i].ID] = &entries[i]
	}
	s.mu.Unlock()
	return entries, nil
}

// useConstants reports the failure to load the long-context constants
// from the data folder (err, from bfcl.UseData) when long-context entries
// need them.
func useConstants(dir string, entries []Entry, err error) error {
	if err == nil {
		return nil
	}
	for i := range entries {
		if entries[i].LongContext() {
			if _, cerr := bfcl.Constant("FILES_TAIL_USED"); cerr != nil {
				return fmt.Errorf("%w in %s: the long_context category needs the reference's long-context constants there: copy bfcl_eval/eval_checker/multi_turn_eval/func_source_code/%s into the data folder (or give --data the checkout's bfcl_eval/data folder); or leave the category out with --category base,miss_func,miss_param (%v)", ErrNoData, dir, bfcl.LongContextSource, err)
			}
			break
		}
	}
	return nil
}

// Load implements suite.Suite: one task per entry.
func (s *Suite) Load(_ context.Context, opts suite.Options) ([]task.Task, error) {
	entries, err := s.LoadEntries(opts)
	if err != nil {
		return nil, err
	}
	tasks := make([]task.Task, len(entries))
	for i := range entries {
		if s.prompting {
			tasks[i], err = entries[i].PromptingTask()
		} else {
			tasks[i], err = entries[i].Task()
		}
		if err != nil {
			return nil, err
		}
	}
	return tasks, nil
}

// Entry returns a loaded entry by id.
func (s *Suite) Entry(id string) (*Entry, error) {
	s.mu.RLock()
	e, ok := s.entries[id]
	s.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q: the suite did not load it (load the suite with the category that holds it)", ErrUnknownTask, id)
	}
	return e, nil
}

// Task returns the entry as a toolgym task: no system prompt, one turn per
// question turn (a held-out turn says [HoldoutUserPrompt]), each with the
// turn's gold as one step of native tool calls (see [Entry.GoldCalls]),
// the initial config as Config, and the category, involved classes and
// held-out functions in Meta.
func (e *Entry) Task() (task.Task, error) {
	t := task.Task{
		ID: e.ID, Env: EnvName, Config: mustJSON(e.InitialConfig),
		Turns: make([]task.Turn, len(e.Question)),
		Meta: map[string]any{
			"category":         e.Category,
			"test_category":    e.TestCategory(),
			"involved_classes": e.InvolvedClasses,
		},
	}
	if len(e.MissedFunctions) > 0 {
		t.Meta["missed_function"] = e.MissedFunctions
	}
	for i, q := range e.Question {
		t.Turns[i].User = HoldoutUserPrompt
		if len(q) > 0 {
			t.Turns[i].User = q[0].Content
		}
		if len(e.GroundTruth[i]) == 0 {
			continue
		}
		calls, err := e.GoldCalls(i)
		if err != nil {
			return task.Task{}, err
		}
		step := make([]task.Call, len(calls))
		for j, c := range calls {
			step[j] = task.Call{Name: c.Name, Arguments: json.RawMessage(c.Arguments)}
		}
		t.Turns[i].Gold.Steps = [][]task.Call{step}
	}
	return t, nil
}

// PromptingTask returns the entry as a task of the prompting mode: as
// [Entry.Task], with the reference's [SystemPrompt] over the functions
// offered from the start as the system prompt, and a held-out turn saying
// [HoldoutUserPromptPrompting] of its held-out functions.
func (e *Entry) PromptingTask() (task.Task, error) {
	t, err := e.Task()
	if err != nil {
		return task.Task{}, err
	}
	t.System = SystemPrompt(e.Functions)
	t.Meta["mode"] = "prompting"
	for turn, held := range e.Held {
		t.Turns[turn].User = HoldoutUserPromptPrompting(held)
	}
	return t, nil
}

// NewEnv implements suite.Suite: the entry's classes loaded from its
// initial config, offering the first turn's tools; in prompting mode a
// [PromptingEnv].
func (s *Suite) NewEnv(t *task.Task) (env.Env, error) {
	e, err := s.Entry(t.ID)
	if err != nil {
		return nil, err
	}
	if s.prompting {
		return e.NewPromptingEnv()
	}
	return e.NewEnv()
}

// NewEnv builds the entry's env in its initial state, offering the tools
// of the first turn.
func (e *Entry) NewEnv() (*bfcl.Env, error) {
	be, err := bfcl.New(e.InvolvedClasses, e.InitialConfig, e.LongContext())
	if err != nil {
		return nil, fmt.Errorf("bfcl: %s: %w", e.ID, err)
	}
	be.SetTools(e.ToolsAt(0))
	return be, nil
}

// ToolSetter is an env whose offered tools can change, as the user adds
// held-out functions (*bfcl.Env is one).
type ToolSetter interface {
	SetTools([]tool.Spec)
}

// NewUser implements suite.Suite: a user speaking the entry's turns who,
// at a held-out turn, first adds the held-out functions to e's tools.
func (s *Suite) NewUser(t *task.Task, e env.Env) (user.User, error) {
	en, err := s.Entry(t.ID)
	if err != nil {
		return nil, err
	}
	return en.NewUser(e)
}

// NewUser returns the entry's user for an episode acting on en. On a
// [PromptingEnv] a held-out turn says [HoldoutUserPromptPrompting] and the
// tools stay as they are, as in the reference's prompting loop.
func (e *Entry) NewUser(en env.Env) (user.User, error) {
	u := &turnUser{turns: make([]string, len(e.Question))}
	for i, q := range e.Question {
		u.turns[i] = HoldoutUserPrompt
		if len(q) > 0 {
			u.turns[i] = q[0].Content
		}
	}
	if _, ok := en.(*PromptingEnv); ok {
		for t, held := range e.Held {
			u.turns[t] = HoldoutUserPromptPrompting(held)
		}
		return u, nil
	}
	if len(e.Held) > 0 {
		ts, ok := en.(ToolSetter)
		if !ok {
			return nil, fmt.Errorf("bfcl: %s holds functions out, and its env (%T) cannot change its tools", e.ID, en)
		}
		u.env = ts
		u.tools = map[int][]tool.Spec{}
		for t := range e.Held {
			u.tools[t] = e.ToolsAt(t)
		}
	}
	return u, nil
}

// turnUser speaks fixed turns and adds held-out tools at their turn.
type turnUser struct {
	turns []string
	tools map[int][]tool.Spec
	env   ToolSetter
}

// Next implements user.User.
func (u *turnUser) Next(ctx context.Context, history []model.Message) (string, bool, error) {
	if err := ctx.Err(); err != nil {
		return "", false, err
	}
	n := 0
	for _, m := range history {
		if m.Role == model.RoleUser {
			n++
		}
	}
	if n >= len(u.turns) {
		return "", true, nil
	}
	if specs, ok := u.tools[n]; ok {
		u.env.SetTools(specs)
	}
	return u.turns[n], false, nil
}

// Score implements suite.Suite with [Judge] on the trajectory's calls (the
// final env is not used: the judge re-executes the calls on fresh envs, as
// the reference does). Metrics: "accuracy" and "accuracy/<category>".
func (s *Suite) Score(ctx context.Context, t *task.Task, tr *trajectory.Trajectory, _ env.Env) (*suite.Score, error) {
	e, err := s.Entry(t.ID)
	if err != nil {
		return nil, err
	}
	m := ModelResultOf(tr)
	m.Prompting = s.prompting
	v, err := Judge(ctx, e, m, s.Judge)
	if err != nil {
		return nil, err
	}
	return v.Score()
}

// Score turns the verdict into a suite score.
func (v *Verdict) Score() (*suite.Score, error) {
	b, err := json.Marshal(v)
	if err != nil {
		// A record holding what JSON cannot (Python's json.dumps writes
		// NaN, which a model may send): keep the decision, drop the record.
		short := Verdict{ID: v.ID, TestCategory: v.TestCategory, Valid: v.Valid, ErrorType: v.ErrorType,
			ErrorMessage: v.ErrorMessage, Turn: v.Turn, ModelCalls: v.ModelCalls}
		if b, err = json.Marshal(short); err != nil {
			return nil, fmt.Errorf("bfcl: verdict of %s: %w", v.ID, err)
		}
	}
	acc := 0.0
	if v.Valid {
		acc = 1
	}
	return &suite.Score{
		Reward: acc, Success: v.Valid, Verdict: b,
		Metrics: map[string]float64{"accuracy": acc, "accuracy/" + shortCategory(v.TestCategory): acc},
	}, nil
}

func shortCategory(testCategory string) string {
	if len(testCategory) > len("multi_turn_") && testCategory[:len("multi_turn_")] == "multi_turn_" {
		return testCategory[len("multi_turn_"):]
	}
	return testCategory
}
