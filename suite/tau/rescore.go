package tau

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/tool"
)

// V1Record is one run recorded by tau-bench's run.py (the
// historical_trajectories/*.json format): the task, its reward and info as
// the reference computed them, and the agent's messages.
type V1Record struct {
	TaskID int             `json:"task_id"`
	Trial  int             `json:"trial"`
	Reward float64         `json:"reward"`
	Info   V1RecordInfo    `json:"info"`
	Traj   []V1RecordedMsg `json:"traj"`
}

// V1RecordInfo is the part of a record's info the rescoring reads.
type V1RecordInfo struct {
	Task       V1Task          `json:"task"`
	Source     string          `json:"source"`
	RewardInfo json.RawMessage `json:"reward_info"`
}

// V1RecordedMsg is one message of a recorded conversation (OpenAI chat
// format as litellm returns it).
type V1RecordedMsg struct {
	Role       string `json:"role"`
	Content    *string
	ToolCalls  []V1RecordedCall `json:"tool_calls"`
	ToolCallID string           `json:"tool_call_id"`
	Name       string           `json:"name"`
}

// UnmarshalJSON reads content that may be null.
func (m *V1RecordedMsg) UnmarshalJSON(b []byte) error {
	type plain V1RecordedMsg
	var aux struct {
		plain
		Content json.RawMessage `json:"content"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*m = V1RecordedMsg(aux.plain)
	if len(aux.Content) > 0 && string(aux.Content) != "null" {
		var s string
		if err := json.Unmarshal(aux.Content, &s); err != nil {
			return fmt.Errorf("message content: %w", err)
		}
		m.Content = &s
	}
	return nil
}

// V1RecordedCall is a recorded tool call.
type V1RecordedCall struct {
	ID       string `json:"id"`
	Function struct {
		Name      string `json:"name"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

// V1Rescore is toolgym's verdict on one recorded run, beside the
// reference's.
type V1Rescore struct {
	TaskID          int          `json:"task_id"`
	Trial           int          `json:"trial"`
	RecordedReward  float64      `json:"recorded_reward"`
	Reward          V1RewardInfo `json:"reward_info"`
	RecordedGTHash  string       `json:"recorded_gt_data_hash,omitempty"`
	Calls           int          `json:"calls"`
	ObservationDiff []string     `json:"observation_diffs,omitempty"`
	// Why explains a reward that differs from the recorded one.
	Why string `json:"why,omitempty"`
}

// V1RescoreReport sums up a rescoring.
type V1RescoreReport struct {
	Records    int         `json:"records"`
	Agree      int         `json:"agree"`
	Mismatches []V1Rescore `json:"mismatches,omitempty"`
	// ObservationDiffs counts tool observations toolgym's env renders
	// differently from the recorded ones.
	ObservationDiffs int         `json:"observation_diffs"`
	Results          []V1Rescore `json:"results"`
}

// ReadV1Records reads a historical_trajectories file.
func ReadV1Records(path string) ([]V1Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var recs []V1Record
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("%s is not a tau-bench results file (a JSON array of {task_id, reward, info, traj, trial}): %w", path, err)
	}
	return recs, nil
}

// RescoreV1 recomputes the reward of recorded tau-bench runs with
// toolgym's env and reward: each record's tool calls (the first of each
// assistant message, as the reference ran them) are replayed on fresh data,
// their observations compared with the recorded ones, and the reward
// computed against the record's own task (tasks have changed since some
// runs were recorded).
func RescoreV1(ctx context.Context, w V1World, dom V1Domain, recs []V1Record) *V1RescoreReport {
	rep := &V1RescoreReport{Records: len(recs)}
	terminate := map[string]bool{}
	for _, n := range dom.Terminate {
		terminate[n] = true
	}
	for _, rec := range recs {
		rs := rescoreOne(ctx, w, dom, terminate, rec)
		rep.ObservationDiffs += len(rs.ObservationDiff)
		if rs.Reward.Reward == rs.RecordedReward {
			rep.Agree++
		} else {
			rep.Mismatches = append(rep.Mismatches, rs)
		}
		rep.Results = append(rep.Results, rs)
	}
	return rep
}

func rescoreOne(ctx context.Context, w V1World, dom V1Domain, terminate map[string]bool, rec V1Record) V1Rescore {
	rs := V1Rescore{TaskID: rec.TaskID, Trial: rec.Trial, RecordedReward: rec.Reward}
	var ri struct {
		Info struct {
			GTDataHash string `json:"gt_data_hash"`
		} `json:"info"`
	}
	if len(rec.Info.RewardInfo) > 0 && json.Unmarshal(rec.Info.RewardInfo, &ri) == nil {
		rs.RecordedGTHash = ri.Info.GTDataHash
	}
	e := w.NewEnv()
	var replies []string
	done := false
	for i, m := range rec.Traj {
		if m.Role != "assistant" {
			continue
		}
		if len(m.ToolCalls) == 0 {
			if m.Content != nil {
				replies = append(replies, *m.Content)
			} else {
				replies = append(replies, "")
			}
			continue
		}
		c := m.ToolCalls[0]
		res := e.Call(ctx, tool.Call{ID: c.ID, Name: c.Function.Name, Arguments: c.Function.Arguments})
		rs.Calls++
		if i+1 < len(rec.Traj) && rec.Traj[i+1].Role == "tool" && rec.Traj[i+1].Content != nil {
			if got, want := res.Text(), *rec.Traj[i+1].Content; got != want {
				rs.ObservationDiff = append(rs.ObservationDiff, fmt.Sprintf("message %d %s: got %.200q, recorded %.200q", i, c.Function.Name, got, want))
			}
		}
		if terminate[c.Function.Name] {
			done = true
			break
		}
	}
	if !done && len(rec.Traj) > 0 {
		last := rec.Traj[len(rec.Traj)-1]
		done = last.Role == "user" && last.Content != nil && strings.Contains(*last.Content, stopToken)
	}
	rs.Reward = v1Reward(ctx, w, dom, &rec.Info.Task, e, replies, done, rs.RecordedGTHash != "")
	if rs.Reward.Reward != rs.RecordedReward {
		rs.Why = explainV1(rs)
	}
	return rs
}

func explainV1(rs V1Rescore) string {
	var why []string
	if !rs.Reward.Done {
		why = append(why, "the recorded conversation did not end with ###STOP### or a transfer")
	}
	if rs.RecordedGTHash != "" && rs.Reward.GTDataHash != "" && rs.RecordedGTHash != rs.Reward.GTDataHash {
		why = append(why, "the gold data hash differs from the recorded one (the data changed since the run)")
	}
	if len(rs.ObservationDiff) > 0 {
		why = append(why, fmt.Sprintf("%d tool observations differ from the recorded ones", len(rs.ObservationDiff)))
	}
	if len(why) == 0 {
		why = append(why, "unexplained")
	}
	return strings.Join(why, "; ")
}

// Rescore implements suite.Rescorer: it reads a tau-bench results file
// (historical_trajectories/*.json) and rescores it with this suite's
// domain, loading the data from opts.DataDir.
func (s *V1Suite) Rescore(ctx context.Context, opts suite.Options, path string) (*suite.RescoreReport, error) {
	recs, err := ReadV1Records(path)
	if err != nil {
		return nil, err
	}
	if _, _, err := s.LoadTasks(opts); err != nil {
		return nil, err
	}
	s.mu.RLock()
	w, dom := s.world, s.dom
	s.mu.RUnlock()
	d := RescoreV1(ctx, w, dom, recs)
	rep := &suite.RescoreReport{Records: d.Records, Agree: d.Agree, Detail: d}
	for _, m := range d.Mismatches {
		rep.Mismatches = append(rep.Mismatches, fmt.Sprintf("task %d trial %d: recorded %v, toolgym %v: %s", m.TaskID, m.Trial, m.RecordedReward, m.Reward.Reward, m.Why))
	}
	for _, r := range d.Results {
		for _, o := range r.ObservationDiff {
			rep.Notes = append(rep.Notes, fmt.Sprintf("task %d trial %d: %s", r.TaskID, r.Trial, o))
		}
		if r.RecordedGTHash != "" && r.Reward.GTDataHash != "" && r.RecordedGTHash != r.Reward.GTDataHash {
			rep.Notes = append(rep.Notes, fmt.Sprintf("task %d trial %d: gold data hash %s, recorded %s", r.TaskID, r.Trial, r.Reward.GTDataHash, r.RecordedGTHash))
		}
	}
	return rep, nil
}
