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

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/tool"
)

// V1Oracle is the outcome of one task's oracle episode.
type V1Oracle struct {
	Task int `json:"task_id"`
	// DataHash is the reference's get_data_hash at the end of the episode.
	DataHash string `json:"data_hash"`
	// Errors are the gold calls whose observation is an error ("Error:
	// ..." or "Unknown action ..."), with the observation.
	Errors []GoldError  `json:"errors,omitempty"`
	Reward V1RewardInfo `json:"reward_info"`
	// Final is the env as the oracle left it.
	Final env.Env `json:"-"`
}

// GoldError is a gold call whose observation is an error.
type GoldError struct {
	Index       int    `json:"action_index"`
	Name        string `json:"name"`
	Observation string `json:"observation"`
}

// RunV1Oracle plays a task's oracle episode as the anchors describe it:
// each gold action through the env (a terminating tool ends the episode
// after it runs), then the reply "Done. <outputs>", to which the user
// answers ###STOP###; and scores it with the reference's reward.
func RunV1Oracle(ctx context.Context, w V1World, dom V1Domain, vt *V1Task) V1Oracle {
	e := w.NewEnv()
	terminate := map[string]bool{}
	for _, n := range dom.Terminate {
		terminate[n] = true
	}
	o := V1Oracle{Task: vt.Index}
	for i, a := range vt.Actions {
		if a.Name == respondAction {
			continue
		}
		res := e.Call(ctx, tool.Call{ID: fmt.Sprintf("oracle_%d", i), Name: a.Name, Arguments: string(a.Kwargs)})
		if obs := res.Text(); res.Error != nil || hasErrorPrefix(obs) {
			o.Errors = append(o.Errors, GoldError{Index: i, Name: a.Name, Observation: obs})
		}
		if terminate[a.Name] {
			break
		}
	}
	o.Reward = v1Reward(ctx, w, dom, vt, e, []string{oracleReply(vt.Outputs)}, true, false)
	o.DataHash = w.DataHash(e)
	o.Final = e
	return o
}

func hasErrorPrefix(s string) bool {
	return len(s) >= 6 && s[:6] == "Error:" || len(s) >= 14 && s[:14] == "Unknown action"
}

// Replay implements suite.Replayer: every task's oracle episode, in
// parallel, scored with the reference's reward; with dump set, each task's
// final data is written to dump/<task id>.json (the reference's data
// layout, keys in its order) with its hash.
func (s *V1Suite) Replay(ctx context.Context, opts suite.Options, dump string) (*suite.ReplayReport, error) {
	start := time.Now()
	split := opts.Split
	if split == "" {
		split = defaultV1Split
	}
	tasks, _, err := s.LoadTasks(opts)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	w, dom := s.world, s.dom
	s.mu.RUnlock()
	if dump != "" {
		if err := os.MkdirAll(dump, 0o755); err != nil {
			return nil, err
		}
	}
	results := make([]V1Oracle, len(tasks))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range tasks {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			results[i] = RunV1Oracle(gctx, w, dom, &tasks[i])
			if dump != "" {
				return dumpV1(dump, v1TaskID(s.domain, split, i), results[i])
			}
			results[i].Final = nil
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	rep := &suite.ReplayReport{Tasks: len(tasks), Turns: len(tasks)}
	for i, r := range results {
		rep.Calls += len(r.Reward.Actions)
		if r.Reward.Reward == 1 {
			rep.Passed++
		} else {
			rep.Failures = append(rep.Failures, fmt.Sprintf("%s: reward %v (r_actions %v, outputs %v)", v1TaskID(s.domain, split, i), r.Reward.Reward, r.Reward.RActions, r.Reward.Outputs))
		}
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

func dumpV1(dir, id string, o V1Oracle) error {
	snap, err := o.Final.Snapshot()
	if err != nil {
		return err
	}
	doc := struct {
		Task     string          `json:"task"`
		DataHash string          `json:"data_hash"`
		Reward   V1RewardInfo    `json:"reward_info"`
		Errors   []GoldError     `json:"gold_errors,omitempty"`
		Data     json.RawMessage `json:"data"`
	}{id, o.DataHash, o.Reward, o.Errors, snap}
	b, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, id+".json"), b, 0o644)
}
