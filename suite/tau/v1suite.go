package tau

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/judge/passk"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
)

// ErrUnknownTask reports a task the suite did not load.
var ErrUnknownTask = errors.New("tau: unknown task")

// V1World is a loaded tau-bench domain: it makes fresh envs at the
// domain's initial data and compares two envs' data as the reference
// compares data hashes.
type V1World interface {
	// NewEnv returns a fresh env at the initial data (a cheap fork).
	NewEnv() env.Env
	// SameData reports whether two envs of this world hold equal data.
	SameData(a, b env.Env) bool
	// DataHash returns the reference's get_data_hash of an env's data.
	DataHash(e env.Env) string
}

// V1Domain describes one tau-bench domain for the suite.
type V1Domain struct {
	// Name is "retail" or "airline".
	Name string
	// Load reads the domain's data files from a folder holding them.
	Load func(dir string) (V1World, error)
	// Terminate names the tools whose call ends the episode (the
	// reference's terminate_tools).
	Terminate []string
	// DataFiles are the files Load needs, to find the folder.
	DataFiles []string
}

var (
	v1Mu      sync.RWMutex
	v1Domains = map[string]V1Domain{}
)

// RegisterV1Domain makes a tau-bench domain available to the suites
// tau-<name>; the env packages call it from their init functions (through
// the suite's adapters in this package).
func RegisterV1Domain(d V1Domain) {
	v1Mu.Lock()
	defer v1Mu.Unlock()
	v1Domains[d.Name] = d
}

// V1Suite is a tau-bench (v1) suite: tau-retail or tau-airline. It
// remembers the tasks it loaded to build their envs and users and score
// their episodes; it is safe for concurrent use.
type V1Suite struct {
	domain string

	mu    sync.RWMutex
	world V1World
	dom   V1Domain
	tasks map[string]*V1Task
}

var (
	_ suite.Suite          = (*V1Suite)(nil)
	_ suite.EpisodeRunner  = (*V1Suite)(nil)
	_ suite.SimulatedUsers = (*V1Suite)(nil)
	_ suite.Replayer       = (*V1Suite)(nil)
	_ suite.Rescorer       = (*V1Suite)(nil)
	_ suite.PassKEstimator = (*V1Suite)(nil)
)

// NewV1Suite returns the suite for a tau-bench domain ("retail",
// "airline").
func NewV1Suite(domain string) *V1Suite {
	return &V1Suite{domain: domain, tasks: map[string]*V1Task{}}
}

// Name implements suite.Suite.
func (s *V1Suite) Name() string { return "tau-" + s.domain }

// Description implements suite.Suite.
func (s *V1Suite) Description() string {
	switch s.domain {
	case "retail":
		return "tau-bench retail (test 115, train 500, dev 20 tasks), simulated user, reward as the reference; needs --data"
	case "airline":
		return "tau-bench airline (test 50 tasks), simulated user, reward as the reference; needs --data"
	}
	return "tau-bench " + s.domain
}

// Split is the default split of the tau-bench suites.
const defaultV1Split = "test"

// findV1Dir finds the domain folder under dir: the anchors' layout
// (tau-bench/<domain>), the reference repository's
// (tau_bench/envs/<domain>), a folder of domains, or the domain folder
// itself. It returns the folder holding the tasks and wiki, and the one
// holding the data files.
func findV1Dir(dir, domain string, dataFiles []string) (taskDir, dataDir string, err error) {
	if dir == "" {
		return "", "", fmt.Errorf("tau-%s needs its data: pass --data with a clone of github.com/sierra-research/tau-bench (or a folder holding tau-bench/%s/)", domain, domain)
	}
	for _, c := range []string{
		filepath.Join(dir, "tau-bench", domain),
		filepath.Join(dir, "tau_bench", "envs", domain),
		filepath.Join(dir, "envs", domain),
		filepath.Join(dir, domain),
		dir,
	} {
		for _, d := range []string{c, filepath.Join(c, "data")} {
			if hasAll(d, dataFiles) {
				return c, d, nil
			}
		}
	}
	return "", "", fmt.Errorf("no tau-bench %s data (%s) under %s: pass --data with a clone of github.com/sierra-research/tau-bench or a folder holding tau-bench/%s/", domain, strings.Join(dataFiles, ", "), dir, domain)
}

func hasAll(dir string, files []string) bool {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return false
		}
	}
	return true
}

// LoadTasks reads the split's tasks and the domain's data and policy,
// remembering them for NewEnv, NewUser and Score.
func (s *V1Suite) LoadTasks(opts suite.Options) ([]V1Task, string, error) {
	v1Mu.RLock()
	dom, ok := v1Domains[s.domain]
	v1Mu.RUnlock()
	if !ok {
		return nil, "", fmt.Errorf("tau-bench domain %s is not compiled in", s.domain)
	}
	taskDir, dataDir, err := findV1Dir(opts.DataDir, s.domain, dom.DataFiles)
	if err != nil {
		return nil, "", err
	}
	split := opts.Split
	if split == "" {
		split = defaultV1Split
	}
	tasks, err := LoadV1Tasks(taskDir, s.domain, split)
	if err != nil {
		return nil, "", err
	}
	wiki, err := os.ReadFile(filepath.Join(taskDir, "wiki.md"))
	if err != nil {
		return nil, "", fmt.Errorf("tau-%s policy: %w", s.domain, err)
	}
	world, err := dom.Load(dataDir)
	if err != nil {
		return nil, "", fmt.Errorf("tau-%s data: %w", s.domain, err)
	}
	s.mu.Lock()
	s.world, s.dom = world, dom
	for i := range tasks {
		s.tasks[v1TaskID(s.domain, split, i)] = &tasks[i]
	}
	s.mu.Unlock()
	return tasks, string(wiki), nil
}

func v1TaskID(domain, split string, i int) string {
	return fmt.Sprintf("tau-%s-%s-%d", domain, split, i)
}

// Load implements suite.Suite: one task per tau-bench task of the split
// (test by default), the policy as system prompt, and as the one scripted
// turn the instruction, with the gold actions as steps of one call each
// and "Done. <outputs>" as reply: the oracle replays exactly that.
func (s *V1Suite) Load(_ context.Context, opts suite.Options) ([]task.Task, error) {
	split := opts.Split
	if split == "" {
		split = defaultV1Split
	}
	tasks, wiki, err := s.LoadTasks(opts)
	if err != nil {
		return nil, err
	}
	out := make([]task.Task, len(tasks))
	for i, vt := range tasks {
		var steps [][]task.Call
		for _, a := range vt.Actions {
			if a.Name == respondAction {
				continue
			}
			steps = append(steps, []task.Call{{Name: a.Name, Arguments: a.Kwargs}})
		}
		out[i] = task.Task{
			ID: v1TaskID(s.domain, split, i), Env: s.Name(), System: wiki, Goal: vt.Instruction,
			Turns: []task.Turn{{User: vt.Instruction, Gold: task.Gold{Steps: steps, Outputs: vt.Outputs, Reply: oracleReply(vt.Outputs)}}},
			Meta:  map[string]any{"split": split, "task_index": i, "user_id": vt.UserID},
		}
	}
	return out, nil
}

// oracleReply is the reply the anchors' oracle gives: "Done. " and the
// outputs, or "Done.".
func oracleReply(outputs []string) string {
	if len(outputs) == 0 {
		return "Done."
	}
	return "Done. " + strings.Join(outputs, " ")
}

func (s *V1Suite) lookup(id string) (*V1Task, V1World, V1Domain, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, ok := s.tasks[id]
	if !ok || s.world == nil {
		return nil, nil, V1Domain{}, fmt.Errorf("%w %q (load the suite first)", ErrUnknownTask, id)
	}
	return t, s.world, s.dom, nil
}

// NewEnv implements suite.Suite: a fresh fork of the domain's data.
func (s *V1Suite) NewEnv(t *task.Task) (env.Env, error) {
	_, w, _, err := s.lookup(t.ID)
	if err != nil {
		return nil, err
	}
	return w.NewEnv(), nil
}

// NewUser implements suite.Suite with the scripted user the oracle run
// uses: it says the instruction, then ends the conversation.
func (s *V1Suite) NewUser(t *task.Task, _ env.Env) (user.User, error) {
	return user.NewScripted(t.UserTurns()...), nil
}

// NewSimulatedUser implements suite.SimulatedUsers: the reference's LLM
// user following the task's instruction.
func (s *V1Suite) NewSimulatedUser(t *task.Task, _ env.Env, m model.Model) (user.User, error) {
	return newV1User(m, t.Goal)
}

// RunEpisode implements suite.EpisodeRunner with the reference's loop.
func (s *V1Suite) RunEpisode(ctx context.Context, cfg episode.Config) *trajectory.Trajectory {
	_, _, dom, err := s.lookup(cfg.Task.ID)
	fc, ok := cfg.Agent.(*agent.FunctionCalling)
	if err != nil || !ok {
		if err == nil {
			err = fmt.Errorf("tau-bench suites drive the model themselves and need a function-calling agent, got %T", cfg.Agent)
		}
		r := newRecorder(cfg)
		return r.finish(trajectory.StatusErrored, "setup", &trajectory.Error{Kind: "suite", Message: err.Error()})
	}
	terminate := map[string]bool{}
	for _, n := range dom.Terminate {
		terminate[n] = true
	}
	return runV1(ctx, cfg, fc.Model, fc.Settings, terminate, V1MaxSteps)
}

// V1RewardInfo is the reference's RewardResult, with both parts of the
// check kept (the reference keeps only the last one it computed).
type V1RewardInfo struct {
	Reward float64 `json:"reward"`
	// Done is whether the episode ended by the user's ###STOP### or a
	// terminating tool; an episode that is not done gets reward 0.
	Done bool `json:"done"`
	// RActions is whether the final data equals the gold actions' data.
	RActions bool `json:"r_actions"`
	// GTDataHash is the gold data's hash, when computed (replays).
	GTDataHash string `json:"gt_data_hash,omitempty"`
	// ROutputs and Outputs are the outputs check, when the task has
	// outputs: each required output and whether a reply contained it.
	ROutputs *float64        `json:"r_outputs,omitempty"`
	Outputs  map[string]bool `json:"outputs,omitempty"`
	// Actions are the gold actions (respond actions left out).
	Actions []V1Action `json:"actions"`
}

// v1Reward computes Env.calculate_reward for a finished episode: the data
// must equal the data after replaying the gold actions (terminating tools
// left out) on fresh data, and every output must appear, case-insensitively
// and ignoring commas, in one of the agent's replies to the user.
func v1Reward(ctx context.Context, w V1World, dom V1Domain, vt *V1Task, final env.Env, replies []string, done, withHash bool) V1RewardInfo {
	info := V1RewardInfo{Done: done, Actions: []V1Action{}}
	for _, a := range vt.Actions {
		if a.Name != respondAction {
			info.Actions = append(info.Actions, a)
		}
	}
	if !done {
		return info
	}
	gold := w.NewEnv()
	terminate := map[string]bool{}
	for _, n := range dom.Terminate {
		terminate[n] = true
	}
	for i, a := range vt.Actions {
		if a.Name == respondAction || terminate[a.Name] {
			continue
		}
		gold.Call(ctx, tool.Call{ID: fmt.Sprintf("gold_%d", i), Name: a.Name, Arguments: string(a.Kwargs)})
	}
	info.RActions = w.SameData(final, gold)
	if withHash {
		info.GTDataHash = w.DataHash(gold)
	}
	reward := 0.0
	if info.RActions {
		reward = 1
	}
	if len(vt.Outputs) > 0 {
		r := 1.0
		info.Outputs = map[string]bool{}
		for _, out := range vt.Outputs {
			found := false
			for _, reply := range replies {
				if strings.Contains(strings.ReplaceAll(strings.ToLower(reply), ",", ""), strings.ToLower(out)) {
					found = true
					break
				}
			}
			info.Outputs[out] = found
			if !found {
				r, reward = 0, 0
			}
		}
		info.ROutputs = &r
	}
	info.Reward = reward
	return info
}

// agentReplies returns the texts of the agent's replies to the user (the
// reference's respond actions): assistant messages without tool calls, and
// the content of calls named "respond" (the first call of a message, the
// only one the reference reads).
func agentReplies(tr *trajectory.Trajectory) []string {
	var out []string
	for _, m := range tr.Messages {
		if m.Role != model.RoleAssistant {
			continue
		}
		if len(m.ToolCalls) == 0 {
			out = append(out, m.Text())
			continue
		}
		if m.ToolCalls[0].Name == respondAction {
			var args struct {
				Content string `json:"content"`
			}
			if json.Unmarshal([]byte(m.ToolCalls[0].Arguments), &args) == nil {
				out = append(out, args.Content)
			}
		}
	}
	return out
}

// Score implements suite.Suite with the reference's reward.
func (s *V1Suite) Score(ctx context.Context, t *task.Task, tr *trajectory.Trajectory, final env.Env) (*suite.Score, error) {
	vt, w, dom, err := s.lookup(t.ID)
	if err != nil {
		return nil, err
	}
	info := v1Reward(ctx, w, dom, vt, final, agentReplies(tr), tr.Status == trajectory.StatusCompleted, false)
	verdict, err := json.Marshal(info)
	if err != nil {
		return nil, err
	}
	metrics := map[string]float64{"r_actions": b2f(info.RActions)}
	if info.ROutputs != nil {
		metrics["r_outputs"] = *info.ROutputs
	}
	return &suite.Score{Reward: info.Reward, Success: info.Reward == 1, Metrics: metrics, Verdict: verdict}, nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// PassK implements suite.PassKEstimator with tau-bench's estimator.
func (s *V1Suite) PassK(trials []passk.Trial, _ int) (passk.Metrics, error) {
	return passk.TauBench(trials)
}
