package tau2judge_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	_ "github.com/toolgym/toolgym/env/tau2/airline"
	_ "github.com/toolgym/toolgym/env/tau2/mock"
	_ "github.com/toolgym/toolgym/env/tau2/retail"
	_ "github.com/toolgym/toolgym/env/tau2/telecom"
	tau2judge "github.com/toolgym/toolgym/judge/tau2"
)

// anchorDir is where the tau anchors lie beside the module root.
var anchorDir = filepath.Join("..", "..", "..", "shared", "anchors", "tau")

// anchorSuite is one tau2 suite of replay_expected.json.
type anchorSuite struct {
	name   string // replay_expected.json's key
	domain string
	tasks  string // tasks file, relative to the domain's folder
	split  string // "" for all tasks
}

var anchorSuites = []anchorSuite{
	{"tau2-mock", "mock", "tasks.json", ""},
	{"tau2-telecom", "telecom", "tasks_base114.release-37199f3.json", "base"},
	{"tau2-retail", "retail", "tasks.json", "base"},
	{"tau2-airline", "airline", "tasks.json", "base"},
}

// expectedTask is one task's entry in replay_expected.json.
type expectedTask struct {
	DBHash struct {
		AgentDB *string `json:"agent_db"`
		UserDB  *string `json:"user_db"`
	} `json:"db_hash"`
	OracleReward           float64                `json:"oracle_reward"`
	RewardBasis            []tau2judge.RewardType `json:"reward_basis"`
	RewardBreakdown        tau2judge.Breakdown    `json:"reward_breakdown"`
	NLAssertionsAssumedMet bool                   `json:"nl_assertions_assumed_met"`
	FailingGolds           []json.RawMessage      `json:"failing_golds"`
}

// expectedFile holds the tau2 suites of replay_expected.json.
type expectedFile struct {
	Suites map[string]struct {
		Tasks map[string]expectedTask `json:"tasks"`
	}
}

var (
	expectedOnce sync.Once
	expected     *expectedFile
	expectedErr  error
)

// loadExpected reads replay_expected.json, skipping the test when the
// anchors are absent.
func loadExpected(tb testing.TB) *expectedFile {
	tb.Helper()
	path := filepath.Join(anchorDir, "replay_expected.json")
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("tau anchors not found at %s (../shared/anchors/tau beside the module root)", anchorDir)
	}
	expectedOnce.Do(func() {
		b, err := os.ReadFile(path)
		if err != nil {
			expectedErr = err
			return
		}
		var raw struct {
			Suites map[string]json.RawMessage `json:"suites"`
		}
		if expectedErr = json.Unmarshal(b, &raw); expectedErr != nil {
			return
		}
		f := &expectedFile{Suites: map[string]struct {
			Tasks map[string]expectedTask `json:"tasks"`
		}{}}
		for _, s := range anchorSuites {
			var suite struct {
				Tasks map[string]expectedTask `json:"tasks"`
			}
			if expectedErr = json.Unmarshal(raw.Suites[s.name], &suite); expectedErr != nil {
				return
			}
			f.Suites[s.name] = suite
		}
		expected = f
	})
	if expectedErr != nil {
		tb.Fatal(expectedErr)
	}
	return expected
}

// loaded caches the suites' domains and tasks across tests (the airline
// database alone is 7 MB).
var loaded sync.Map // suite name -> *loadedSuite

type loadedSuite struct {
	once  sync.Once
	dom   tau2.Domain
	tasks []tau2judge.Task
	err   error
}

// suiteTasks loads a suite's domain and tasks; it skips when the domain
// is not registered (its package is not written yet). The tasks are
// shared: callers must not change them.
func suiteTasks(tb testing.TB, s anchorSuite) (tau2.Domain, []tau2judge.Task) {
	tb.Helper()
	if !slices.Contains(tau2.Domains(), s.domain) {
		tb.Skipf("domain %q is not registered (env/tau2/%s missing or not imported)", s.domain, s.domain)
	}
	v, _ := loaded.LoadOrStore(s.name, &loadedSuite{})
	ls := v.(*loadedSuite)
	ls.once.Do(func() { ls.dom, ls.tasks, ls.err = loadSuite(s) })
	if ls.err != nil {
		tb.Fatal(ls.err)
	}
	return ls.dom, ls.tasks
}

func loadSuite(s anchorSuite) (tau2.Domain, []tau2judge.Task, error) {
	dir := filepath.Join(anchorDir, "tau2", s.domain)
	dom, err := tau2.Load(s.domain, dir)
	if err != nil {
		return nil, nil, err
	}
	tasks, err := tau2judge.LoadTasks(filepath.Join(dir, s.tasks))
	if err != nil {
		return nil, nil, err
	}
	if s.split != "" {
		splits, err := tau2judge.LoadSplits(filepath.Join(dir, "split_tasks.json"))
		if err != nil {
			return nil, nil, err
		}
		if tasks, err = splits.Select(s.split, tasks); err != nil {
			return nil, nil, err
		}
	}
	return dom, tasks, nil
}

// TestOracleAnchors evaluates the oracle trajectory of every tau2 task of
// the anchors and compares its reward, basis and breakdown with
// replay_expected.json (where the reference assumed the NL assertions met,
// the evaluator, given no judge, must report them not evaluated instead),
// and the oracle environment's database hashes with the reference's.
func TestOracleAnchors(t *testing.T) {
	exp := loadExpected(t)
	for _, s := range anchorSuites {
		t.Run(s.name, func(t *testing.T) {
			want := exp.Suites[s.name].Tasks
			dom, tasks := suiteTasks(t, s)
			if len(tasks) != len(want) {
				t.Fatalf("%d tasks, replay_expected.json has %d", len(tasks), len(want))
			}
			ev := &tau2judge.Evaluator{Domain: dom}
			ctx := context.Background()
			for i := range tasks {
				task := &tasks[i]
				w, ok := want[task.ID]
				if !ok {
					t.Errorf("task %s: not in replay_expected.json", task.ID)
					continue
				}
				// Hashing retail's and airline's databases (json.dumps of
				// megabytes, then sha256) is most of this test's time; the
				// domains' own replay tests hash every task, so here every
				// eighth task of a big domain is enough.
				hash := len(tasks) <= 10 || s.domain == "telecom" || i%8 == 0
				checkOracle(t, ctx, ev, dom, task, w, hash)
			}
		})
	}
}

func checkOracle(t *testing.T, ctx context.Context, ev *tau2judge.Evaluator, dom tau2.Domain, task *tau2judge.Task, w expectedTask, hash bool) {
	t.Helper()
	e := dom.New()
	if err := tau2judge.ApplyInitialState(ctx, e, task); err != nil {
		t.Errorf("task %s: initial state: %v", task.ID, err)
		return
	}
	msgs, err := tau2judge.OracleMessages(ctx, e, task)
	if err != nil {
		t.Errorf("task %s: oracle: %v", task.ID, err)
		return
	}
	// The hashes of the oracle's live environment (for airline, of the
	// reconstructed database, as replay_expected.json's are).
	if hash {
		checkHash(t, task.ID, e, tau2.Assistant, w.DBHash.AgentDB)
		checkHash(t, task.ID, e, tau2.User, w.DBHash.UserDB)
	}
	sim := &tau2judge.SimulationRun{TaskID: task.ID, TerminationReason: tau2judge.UserStop, Messages: msgs}
	info, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAll)
	if err != nil {
		t.Errorf("task %s: evaluate: %v", task.ID, err)
		return
	}
	checkVerdictJSON(t, task.ID, info)
	wantBreakdown := w.RewardBreakdown
	var wantMissing []tau2judge.RewardType
	if w.NLAssertionsAssumedMet {
		wantBreakdown = slices.DeleteFunc(slices.Clone(wantBreakdown), func(c tau2judge.Component) bool {
			return c.Type == tau2judge.RewardNLAssertion
		})
		wantMissing = []tau2judge.RewardType{tau2judge.RewardNLAssertion}
	}
	reward, final := info.Final()
	if reward != w.OracleReward || final != !w.NLAssertionsAssumedMet {
		t.Errorf("task %s: reward %v (final %v), want %v (NL assumed met: %v)", task.ID, reward, final, w.OracleReward, w.NLAssertionsAssumedMet)
	}
	if !slices.Equal(info.RewardBasis, w.RewardBasis) {
		t.Errorf("task %s: reward basis %v, want %v", task.ID, info.RewardBasis, w.RewardBasis)
	}
	if !slices.Equal(info.RewardBreakdown, wantBreakdown) {
		t.Errorf("task %s: breakdown %v, want %v", task.ID, info.RewardBreakdown, wantBreakdown)
	}
	if !slices.Equal(info.NotEvaluated, wantMissing) {
		t.Errorf("task %s: not evaluated %v, want %v", task.ID, info.NotEvaluated, wantMissing)
	}
}

// checkHash compares r's database hash with want (nil: no database).
func checkHash(t *testing.T, id string, e tau2.Env, r tau2.Requestor, want *string) {
	t.Helper()
	got, err := e.Hash(r)
	if err != nil {
		t.Errorf("task %s: %s hash: %v", id, r, err)
	}
	w := ""
	if want != nil {
		w = *want
	}
	if got != w {
		t.Errorf("task %s: %s db hash %s, want %s", id, r, got, w)
	}
}

// errorsIs is errors.Is, named for the tests' readability.
var errorsIs = errors.Is

// TestMutatedAnchorOracles spoils the oracle of every anchors task whose
// oracle passes: without its last successful write action, a task whose
// basis holds DB must fail DB, and any task must lose its reward; without
// the closing text, a task with communicate_info must fail COMMUNICATE.
// (Where an env assertion then cannot run, as when it looks up the task
// the dropped write created, the evaluation fails as the reference's
// raises, which its runner records as an infrastructure error.)
func TestMutatedAnchorOracles(t *testing.T) {
	exp := loadExpected(t)
	for _, s := range anchorSuites {
		t.Run(s.name, func(t *testing.T) {
			want := exp.Suites[s.name].Tasks
			dom, tasks := suiteTasks(t, s)
			writes := map[string]bool{}
			e := dom.New()
			for _, r := range []tau2.Requestor{tau2.Assistant, tau2.User} {
				for _, ti := range e.ToolInfo(r) {
					if ti.Type == tau2.Write {
						writes[ti.Spec.Name] = true
					}
				}
			}
			dropped, silenced := 0, 0
			for i := range tasks {
				task := &tasks[i]
				if want[task.ID].OracleReward != 1 {
					continue
				}
				crit := task.EvaluationCriteria
				oracle, err := tau2judge.Oracle(context.Background(), dom, task)
				if err != nil {
					t.Fatal(err)
				}
				// The last write whose oracle result is not an error (an
				// earlier one may be undone later: retail task 22 changes
				// an address and changes it back).
				drop := -1
				for j, m := range oracle.Messages {
					if m.IsToolCall() && writes[m.ToolCalls[0].Name] && !oracle.Messages[j+1].Error {
						// Calls of the message history are not gold actions.
						fmt.Sscanf(m.ToolCalls[0].ID, "oracle_%d", &drop)
					}
				}
				if drop >= 0 {
					dropped++
					sim := play(t, dom, task, slices.Delete(slices.Clone(crit.Actions), drop, drop+1), crit.CommunicateInfo...)
					ev := &tau2judge.Evaluator{Domain: dom}
					info, err := ev.Evaluate(context.Background(), task, sim, tau2judge.EvalAll)
					if errorsIs(err, tau2judge.ErrAssertion) {
						// An assertion about what the dropped write made
						// cannot run; the reference raises too.
						continue
					}
					if err != nil {
						t.Fatal(err)
					}
					checkVerdictJSON(t, task.ID, info)
					db, inBasis := info.RewardBreakdown.Get(tau2judge.RewardDB)
					if info.Reward != 0 || inBasis && (db != 0 || info.DBCheck.DBMatch) {
						t.Errorf("task %s without %s: reward %v, breakdown %v", task.ID, crit.Actions[drop].Name, info.Reward, info.RewardBreakdown)
					}
				}
				if len(crit.CommunicateInfo) > 0 && slices.Contains(crit.RewardBasis, tau2judge.RewardCommunicate) {
					silenced++
					sim := play(t, dom, task, crit.Actions)
					info := evaluate(t, dom, task, sim)
					checkVerdictJSON(t, task.ID, info)
					if c, _ := info.RewardBreakdown.Get(tau2judge.RewardCommunicate); c != 0 || info.Reward != 0 {
						t.Errorf("task %s without its closing text: reward %v, breakdown %v", task.ID, info.Reward, info.RewardBreakdown)
					}
				}
			}
			t.Logf("%d oracles without a write, %d without their closing text", dropped, silenced)
		})
	}
}
