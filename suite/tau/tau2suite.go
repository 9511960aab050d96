package tau

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/episode"
	tau2judge "github.com/toolgym/toolgym/judge/tau2"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
	"github.com/toolgym/toolgym/user/tauuser"
)

// Tau2Suite is a tau2-bench suite: tau2-retail, tau2-airline,
// tau2-telecom or tau2-mock. It remembers the tasks it loaded to build
// their envs and users and score their episodes; it is safe for concurrent
// use.
type Tau2Suite struct {
	domain string

	mu         sync.RWMutex
	dom        tau2.Domain
	policy     string
	guidelines *tauuser.Guidelines
	tasks      map[string]*tau2judge.Task
	ev         *tau2judge.Evaluator
	// inits caches, per task with an initial state, an environment in
	// that state; NewEnv forks it.
	inits sync.Map // *tau2judge.Task -> *initEnv
	// scripts caches the oracle user's actions per task.
	scripts sync.Map // *tau2judge.Task -> *oracleScript
	// Judge, when set, judges NL assertions (tau2's NL_ASSERTION reward
	// component); without it tasks whose reward basis holds NL_ASSERTION
	// are reported as not evaluated.
	Judge      model.Model
	JudgeModel string
}

var (
	_ suite.Suite          = (*Tau2Suite)(nil)
	_ suite.EpisodeRunner  = (*Tau2Suite)(nil)
	_ suite.SimulatedUsers = (*Tau2Suite)(nil)
	_ suite.Replayer       = (*Tau2Suite)(nil)
	_ suite.JudgeModels    = (*Tau2Suite)(nil)
)

// NewTau2Suite returns the suite for a tau2 domain.
func NewTau2Suite(domain string) *Tau2Suite {
	return &Tau2Suite{domain: domain, tasks: map[string]*tau2judge.Task{}}
}

// Name implements suite.Suite.
func (s *Tau2Suite) Name() string { return "tau2-" + s.domain }

// WithJudge implements suite.JudgeModels: a fresh suite of the same domain
// whose evaluator judges NL assertions with m.
func (s *Tau2Suite) WithJudge(m model.Model, modelName string) suite.Suite {
	c := NewTau2Suite(s.domain)
	c.Judge, c.JudgeModel = m, modelName
	return c
}

// Description implements suite.Suite.
func (s *Tau2Suite) Description() string {
	switch s.domain {
	case "telecom":
		return "tau2-bench telecom: dual control (the user has tools on its phone), base split by default; needs --data"
	case "mock":
		return "tau2-bench mock domain (10 tasks), for checking a setup; needs --data"
	}
	return "tau2-bench " + s.domain + " (base split by default), reward as the reference; needs --data"
}

// findTau2Dirs finds the domain folder and the user-simulator folder
// under dir: the anchors' layout (tau2/<domain>), the reference
// repository's (data/tau2/domains/<domain>), or the domain folder itself.
func findTau2Dirs(dir, domain string) (domDir, userDir string, err error) {
	if dir == "" {
		return "", "", fmt.Errorf("tau2-%s needs its data: pass --data with a clone of github.com/sierra-research/tau2-bench (or a folder holding tau2/%s/)", domain, domain)
	}
	cands := [][2]string{
		{filepath.Join(dir, "tau2", domain), filepath.Join(dir, "tau2", "user_simulator")},
		{filepath.Join(dir, "data", "tau2", "domains", domain), filepath.Join(dir, "data", "tau2", "user_simulator")},
		{filepath.Join(dir, "domains", domain), filepath.Join(dir, "user_simulator")},
		{filepath.Join(dir, domain), filepath.Join(dir, "user_simulator")},
		{dir, filepath.Join(dir, "..", "user_simulator")},
	}
	for _, c := range cands {
		if st, err := os.Stat(c[0]); err == nil && st.IsDir() {
			if _, err := tasksFile(c[0]); err == nil {
				return c[0], c[1], nil
			}
		}
	}
	return "", "", fmt.Errorf("no tau2 %s data under %s: pass --data with a clone of github.com/sierra-research/tau2-bench or a folder holding tau2/%s/", domain, dir, domain)
}

// tasksFile finds a domain's task file: tasks.json, or a tasks_base*.json
// stand-in (as in toolgym's anchors for telecom).
func tasksFile(dir string) (string, error) {
	p := filepath.Join(dir, "tasks.json")
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	m, _ := filepath.Glob(filepath.Join(dir, "tasks_base*.json"))
	if len(m) > 0 {
		return m[0], nil
	}
	return "", fmt.Errorf("no tasks.json in %s", dir)
}

// policyOf builds the agent's policy as each domain's get_environment
// does: the policy file, or for telecom the main policy and the tech
// support manual in their tags.
func policyOf(domain, dir string) (string, error) {
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		return string(b), err
	}
	if domain == "telecom" {
		main, err := read("main_policy.md")
		if err != nil {
			return "", err
		}
		manual, err := read("tech_support_manual.md")
		if err != nil {
			return "", err
		}
		return "<main_policy>\n" + main + "\n</main_policy>\n<tech_support_policy>\n" + manual + "\n</tech_support_policy>", nil
	}
	return read("policy.md")
}

// LoadTasks reads the split's tasks (base by default, as the reference),
// the domain's database and policy, and the user simulator's guidelines.
func (s *Tau2Suite) LoadTasks(opts suite.Options) ([]tau2judge.Task, error) {
	domDir, userDir, err := findTau2Dirs(opts.DataDir, s.domain)
	if err != nil {
		return nil, err
	}
	path, err := tasksFile(domDir)
	if err != nil {
		return nil, err
	}
	tasks, err := tau2judge.LoadTasks(path)
	if err != nil {
		return nil, err
	}
	split := opts.Split
	if split == "" {
		split = "base"
	}
	splitPath := filepath.Join(filepath.Dir(path), "split_"+strings.TrimSuffix(filepath.Base(path), ".json")+".json")
	if _, err := os.Stat(splitPath); err != nil {
		splitPath = filepath.Join(domDir, "split_tasks.json")
	}
	if splits, err := tau2judge.LoadSplits(splitPath); err == nil {
		ids, ok := splits[split]
		if !ok {
			return nil, fmt.Errorf("tau2-%s has no split %q (splits in %s: %s)", s.domain, split, splitPath, strings.Join(sortedKeys(splits), ", "))
		}
		keep := map[string]bool{}
		for _, id := range ids {
			keep[id] = true
		}
		tasks = slices.DeleteFunc(tasks, func(t tau2judge.Task) bool { return !keep[t.ID] })
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	} else if opts.Split != "" {
		return nil, fmt.Errorf("tau2-%s: no split file beside %s for --split %s", s.domain, path, opts.Split)
	}
	policy, err := policyOf(s.domain, domDir)
	if err != nil {
		return nil, fmt.Errorf("tau2-%s policy: %w", s.domain, err)
	}
	guidelines, err := tauuser.LoadGuidelines(userDir)
	if err != nil {
		guidelines = nil // needed only with a user model; NewSimulatedUser says so
	}
	dom, err := tau2.Load(s.domain, domDir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w\n(the domain's database is missing from %s: a full clone of github.com/sierra-research/tau2-bench has it; airline's db.json is a 7 MB file some partial copies drop)", err, domDir)
		}
		return nil, err
	}
	s.mu.Lock()
	s.dom, s.policy, s.guidelines = dom, policy, guidelines
	s.inits.Clear()
	s.scripts.Clear()
	s.ev = &tau2judge.Evaluator{Domain: dom, Judge: s.Judge, JudgeModel: s.JudgeModel}
	for i := range tasks {
		s.tasks[s.Name()+"-"+tasks[i].ID] = &tasks[i]
	}
	s.mu.Unlock()
	return tasks, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Load implements suite.Suite. The oracle plays each task as the anchors'
// oracle does: its gold actions in order, the assistant's through the
// oracle model and the user's by the scripted user, then "Done. " and the
// communicate_info.
func (s *Tau2Suite) Load(_ context.Context, opts suite.Options) ([]task.Task, error) {
	tasks, err := s.LoadTasks(opts)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	system := Tau2SystemPrompt(s.policy)
	s.mu.RUnlock()
	out := make([]task.Task, len(tasks))
	for i := range tasks {
		t := &tasks[i]
		instr, err := tauuser.ScenarioText(mustJSON(t.UserScenario))
		if err != nil {
			return nil, fmt.Errorf("task %s: %w", t.ID, err)
		}
		turns, _ := oraclePlan(t, instr)
		// The oracle model matches conversations by their user turns:
		// a stored history's user messages come first.
		seed, err := seedMessages(t)
		if err != nil {
			return nil, err
		}
		var hist []task.Turn
		for _, sm := range seed {
			if sm.Message.Role == model.RoleUser && len(sm.Message.ToolCalls) == 0 {
				hist = append(hist, task.Turn{User: sm.Message.Text()})
			}
		}
		turns = append(hist, turns...)
		out[i] = task.Task{
			ID: s.Name() + "-" + t.ID, Env: s.Name(), System: system, Goal: instr,
			Turns: turns,
			Meta:  map[string]any{"tau2_task_id": t.ID, "history_turns": len(hist)},
		}
	}
	return out, nil
}

func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

// oraclePlan splits a task's gold actions into the oracle conversation's
// turns: in turn i the scripted user first runs userActs[i] on its device,
// then speaks; the oracle model then plays the assistant's actions of the
// turn, one call per step, and replies.
func oraclePlan(t *tau2judge.Task, instruction string) (turns []task.Turn, userActs [][]tau2judge.Action) {
	var acts []tau2judge.Action
	var comm []string
	if t.EvaluationCriteria != nil {
		acts = t.EvaluationCriteria.Actions
		comm = t.EvaluationCriteria.CommunicateInfo
	}
	turns = []task.Turn{{User: instruction}}
	userActs = [][]tau2judge.Action{nil}
	for _, a := range acts {
		last := len(turns) - 1
		if a.Requestor == tau2.User {
			if len(turns[last].Gold.Steps) > 0 {
				turns = append(turns, task.Turn{User: fmt.Sprintf("(oracle user, turn %d)", len(turns))})
				userActs = append(userActs, nil)
				last++
			}
			userActs[last] = append(userActs[last], a)
			continue
		}
		args, _ := json.Marshal(a.Arguments)
		turns[last].Gold.Steps = append(turns[last].Gold.Steps, []task.Call{{Name: a.Name, Arguments: args}})
	}
	for i := range turns {
		turns[i].Gold.Reply = "Please go on."
	}
	turns[len(turns)-1].Gold.Reply = oracleReply(comm)
	return turns, userActs
}

// oracleUser is the oracle run's user: it runs its gold actions on its
// device at their turn, says the scripted text, and says ###STOP### after
// the oracle's last reply.
type oracleUser struct {
	e     tau2.Env
	texts []string
	acts  [][]oracleCall
	i     int
	msgs  []model.Message
}

// oracleCall is one of the oracle user's gold actions as the call it
// makes, or the error of encoding its arguments.
type oracleCall struct {
	call tool.Call
	err  error
}

// oracleScript is a task's oracle user actions, per turn, prepared once.
type oracleScript struct {
	once sync.Once
	acts [][]oracleCall
}

// oracleActs returns tt's oracle user actions per turn, prepared the first
// time a task asks.
func (s *Tau2Suite) oracleActs(tt *tau2judge.Task) [][]oracleCall {
	v, _ := s.scripts.LoadOrStore(tt, &oracleScript{})
	sc := v.(*oracleScript)
	sc.once.Do(func() {
		_, acts := oraclePlan(tt, "")
		sc.acts = make([][]oracleCall, len(acts))
		for i, turn := range acts {
			sc.acts[i] = make([]oracleCall, len(turn))
			for j, a := range turn {
				args, err := json.Marshal(a.Arguments)
				sc.acts[i][j] = oracleCall{call: tool.Call{ID: fmt.Sprintf("oracle_user_%d_%d", i, j), Name: a.Name, Arguments: string(args)}, err: err}
			}
		}
	})
	return sc.acts
}

func newOracleUser(acts [][]oracleCall, t *task.Task, e tau2.Env) *oracleUser {
	texts := t.UserTurns()
	if n, ok := t.Meta["history_turns"].(int); ok && n <= len(texts) {
		texts = texts[n:] // said in the stored history already
	}
	return &oracleUser{e: e, texts: texts, acts: acts}
}

// Next implements user.User.
func (u *oracleUser) Next(ctx context.Context, _ []model.Message) (string, bool, error) {
	u.msgs = nil
	if u.i >= len(u.texts) {
		return userStopTokens[0], false, nil
	}
	if u.i < len(u.acts) {
		if n := len(u.acts[u.i]); n > 0 {
			u.msgs = make([]model.Message, 0, 2*n)
		}
		for _, a := range u.acts[u.i] {
			if a.err != nil {
				return "", false, a.err
			}
			u.msgs = append(u.msgs, model.Message{Role: model.RoleUser, ToolCalls: []tool.Call{a.call}})
			u.msgs = append(u.msgs, tauuser.ResultMessage(u.e.CallAs(ctx, tau2.User, a.call)))
		}
	}
	text := u.texts[u.i]
	u.i++
	return text, false, nil
}

// TurnMessages returns the tool calls and results of the last Next.
func (u *oracleUser) TurnMessages() []model.Message { return u.msgs }

func (s *Tau2Suite) lookup(id string) (*tau2judge.Task, tau2.Domain, error) {
	t, dom, _, err := s.lookupEval(id)
	return t, dom, err
}

func (s *Tau2Suite) lookupEval(id string) (*tau2judge.Task, tau2.Domain, *tau2judge.Evaluator, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, ok := s.tasks[id]
	if !ok || s.dom == nil {
		return nil, nil, nil, fmt.Errorf("%w %q (load the suite first)", ErrUnknownTask, id)
	}
	return t, s.dom, s.ev, nil
}

// NewEnv implements suite.Suite: a fresh env with the task's initial state
// applied.
func (s *Tau2Suite) NewEnv(t *task.Task) (env.Env, error) {
	tt, dom, err := s.lookup(t.ID)
	if err != nil {
		return nil, err
	}
	if st := tt.InitialState; st == nil || st.InitializationData == nil && len(st.InitializationActions) == 0 && len(st.MessageHistory) == 0 {
		return dom.New(), nil
	}
	v, _ := s.inits.LoadOrStore(tt, &initEnv{})
	ie := v.(*initEnv)
	ie.once.Do(func() {
		e := dom.New()
		if err := tau2judge.ApplyInitialState(context.Background(), e, tt); err != nil {
			ie.err = fmt.Errorf("task %s initial state: %w", tt.ID, err)
			return
		}
		ie.env = e
	})
	if ie.err != nil {
		return nil, ie.err
	}
	return ie.env.Fork(), nil
}

// initEnv is an environment in a task's initial state, built once: the
// state depends on the task alone, and a fork of it is what applying the
// state to a fresh environment gives.
type initEnv struct {
	once sync.Once
	env  env.Env
	err  error
}

// NewUser implements suite.Suite with the oracle's scripted user: it says
// the scenario, runs the user's gold actions on its device at their turn,
// and ends the conversation after the oracle's last reply.
func (s *Tau2Suite) NewUser(t *task.Task, e env.Env) (user.User, error) {
	tt, _, err := s.lookup(t.ID)
	if err != nil {
		return nil, err
	}
	te, ok := e.(tau2.Env)
	if !ok {
		return nil, fmt.Errorf("tau2 suites need a tau2 env, got %T", e)
	}
	return newOracleUser(s.oracleActs(tt), t, te), nil
}

// NewSimulatedUser implements suite.SimulatedUsers: tau2's LLM user with
// the reference's guidelines and the task's scenario, and the user's tools
// on its device where the domain has them (telecom).
func (s *Tau2Suite) NewSimulatedUser(t *task.Task, e env.Env, m model.Model) (user.User, error) {
	tt, _, err := s.lookup(t.ID)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	g := s.guidelines
	s.mu.RUnlock()
	if g == nil {
		return nil, fmt.Errorf("the user simulator's guidelines (user_simulator/simulation_guidelines*.md) were not found beside the %s data", s.domain)
	}
	te, ok := e.(tau2.Env)
	if !ok {
		return nil, fmt.Errorf("tau2 suites need a tau2 env, got %T", e)
	}
	seed, err := seedMessages(tt)
	if err != nil {
		return nil, err
	}
	var history []model.Message
	for _, sm := range seed {
		// What the user may see of the history: its own messages and
		// tool results, and the agent's texts.
		switch m := sm.Message; {
		case m.Role == model.RoleUser,
			m.Role == model.RoleAssistant && len(m.ToolCalls) == 0,
			m.Role == model.RoleTool && sm.Requestor == tau2.User:
			history = append(history, m)
		}
	}
	b := &tauuser.Budget{MaxSteps: Tau2MaxSteps, MaxErrors: Tau2MaxErrors}
	u, err := tauuser.NewTau2(tauuser.Tau2Config{
		Model: m, Instructions: t.Goal, Guidelines: g, Tools: tauuser.EnvTools(te, tt.UserTools), Budget: b, History: history,
	})
	if err != nil {
		return nil, err
	}
	return tau2User{Tau2: u, b: b}, nil
}

// RunEpisode implements suite.EpisodeRunner with the reference's
// orchestrator.
func (s *Tau2Suite) RunEpisode(ctx context.Context, cfg episode.Config) *trajectory.Trajectory {
	fc, ok := cfg.Agent.(*agent.FunctionCalling)
	te, tok := cfg.Env.(tau2.Env)
	if !ok || !tok {
		r := newRecorder(cfg)
		return r.finish(trajectory.StatusErrored, "setup", &trajectory.Error{Kind: "suite", Message: fmt.Sprintf("tau2 suites need a function-calling agent and a tau2 env, got %T and %T", cfg.Agent, cfg.Env)})
	}
	tt, _, err := s.lookup(cfg.Task.ID)
	var seed []SeedMessage
	if err == nil {
		seed, err = seedMessages(tt)
	}
	if err != nil {
		r := newRecorder(cfg)
		return r.finish(trajectory.StatusErrored, "setup", &trajectory.Error{Kind: "suite", Message: err.Error()})
	}
	return runTau2(ctx, cfg, te, fc.Model, fc.Settings, seed, Tau2MaxSteps, Tau2MaxErrors)
}

// Score implements suite.Suite with tau2's evaluate_simulation (all
// components, as the reference's runner evaluates).
func (s *Tau2Suite) Score(ctx context.Context, t *task.Task, tr *trajectory.Trajectory, _ env.Env) (*suite.Score, error) {
	tt, _, ev, err := s.lookupEval(t.ID)
	if err != nil {
		return nil, err
	}
	sim, err := SimulationOf(tr)
	if err != nil {
		return nil, err
	}
	info, err := ev.Evaluate(ctx, tt, sim, tau2judge.EvalAll)
	if err != nil {
		return nil, err
	}
	bp := verdictBufs.Get().(*[]byte)
	out, err := info.AppendJSON((*bp)[:0])
	var verdict json.RawMessage
	if err == nil {
		verdict = bytes.Clone(out)
	}
	if cap(out) <= 64<<10 {
		*bp = out
		verdictBufs.Put(bp)
	}
	if err != nil {
		return nil, err
	}
	// Without a judge model, NL assertions are not evaluated: the reward
	// is then that of the other components (as the anchors' replay
	// assumed the assertions met), and the metric below counts such
	// episodes so a summary never passes them off as judged.
	reward, judged := info.Final()
	metrics := map[string]float64{"nl_assertions_unjudged": b2f(!judged)}
	for _, c := range info.RewardBreakdown {
		metrics[strings.ToLower(string(c.Type))] = float64(c.Reward)
	}
	return &suite.Score{Reward: reward, Success: isSuccessful(reward), Metrics: metrics, Verdict: verdict}, nil
}

// verdictBufs holds Score's scratch buffers for rendering verdicts.
var verdictBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

// isSuccessful is tau2's is_successful: a reward within 1e-6 of 1.
func isSuccessful(r float64) bool { return 1-1e-6 <= r && r <= 1+1e-6 }

// SimulationOf converts a toolgym trajectory into the reference's
// simulation record: its messages (the system prompt left out, tool calls
// with their requestor, arguments decoded as json.loads decodes them) and
// its termination reason.
func SimulationOf(tr *trajectory.Trajectory) (*tau2judge.SimulationRun, error) {
	reason, _ := tr.Meta["termination_reason"].(string)
	if reason == "" {
		reason = string(tau2judge.AgentError)
	}
	trial, seed := tr.Trial, tr.Seed
	sim := &tau2judge.SimulationRun{
		ID: tr.ID, TaskID: tr.TaskID, StartTime: tr.Start.Format("2006-01-02T15:04:05.000000"),
		EndTime: tr.End.Format("2006-01-02T15:04:05.000000"), Duration: tr.Duration().Seconds(),
		TerminationReason: tau2judge.TerminationReason(reason), Trial: &trial, Seed: &seed,
		Messages: make([]tau2judge.Message, 0, len(tr.Messages)),
	}
	// The messages' texts, in one allocation.
	texts := make([]string, len(tr.Messages))
	for i := range tr.Messages {
		m := &tr.Messages[i]
		req := tau2.Requestor(m.Requestor)
		if req == "" {
			req = tau2.Assistant
		}
		texts[i] = m.Text()
		txt := &texts[i]
		switch m.Role {
		case model.RoleSystem:
			continue
		case model.RoleTool:
			sim.Messages = append(sim.Messages, tau2judge.Message{Role: model.RoleTool, Content: txt, ID: m.ToolCallID, Requestor: req, Error: m.ToolError != nil})
			continue
		}
		out := tau2judge.Message{Role: m.Role}
		if *txt != "" || len(m.ToolCalls) == 0 {
			out.Content = txt
		}
		if m.Role == model.RoleUser {
			req = tau2.User
		}
		if len(m.ToolCalls) > 0 {
			out.ToolCalls = make([]tau2judge.ToolCall, 0, len(m.ToolCalls))
		}
		for _, c := range m.ToolCalls {
			var args tau2judge.Dict
			if err := args.UnmarshalJSON([]byte(orEmptyObject(c.Arguments))); err != nil || args.IsNil() {
				args = tau2judge.DictOf()
			}
			out.ToolCalls = append(out.ToolCalls, tau2judge.ToolCall{ID: c.ID, Name: c.Name, Arguments: args, Requestor: req})
		}
		sim.Messages = append(sim.Messages, out)
	}
	return sim, nil
}

// seedMessages converts a task's stored message history into the messages
// the simulation starts from.
func seedMessages(t *tau2judge.Task) ([]SeedMessage, error) {
	if t.InitialState == nil || len(t.InitialState.MessageHistory) == 0 {
		return nil, nil
	}
	var out []SeedMessage
	for i, hm := range t.InitialState.MessageHistory {
		b, err := json.Marshal(hm)
		if err != nil {
			return nil, fmt.Errorf("task %s history message %d: %w", t.ID, i, err)
		}
		var w struct {
			Role      string  `json:"role"`
			Content   *string `json:"content"`
			ToolCalls []struct {
				ID        string          `json:"id"`
				Name      string          `json:"name"`
				Arguments json.RawMessage `json:"arguments"`
				Requestor string          `json:"requestor"`
			} `json:"tool_calls"`
			ID        string `json:"id"`
			Requestor string `json:"requestor"`
		}
		if err := json.Unmarshal(b, &w); err != nil {
			return nil, fmt.Errorf("task %s history message %d: %w", t.ID, i, err)
		}
		m := model.Message{Role: model.Role(w.Role)}
		if w.Content != nil && *w.Content != "" {
			m.Content = []tool.Part{tool.Text(*w.Content)}
		}
		req := tau2.Requestor(w.Requestor)
		if req == "" {
			req = tau2.Assistant
			if m.Role == model.RoleUser {
				req = tau2.User
			}
		}
		for _, c := range w.ToolCalls {
			m.ToolCalls = append(m.ToolCalls, tool.Call{ID: c.ID, Name: c.Name, Arguments: string(c.Arguments)})
		}
		if m.Role == model.RoleTool {
			m.ToolCallID = w.ID
		}
		out = append(out, SeedMessage{Message: m, Requestor: req})
	}
	return out, nil
}
