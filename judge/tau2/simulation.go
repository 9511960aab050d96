package tau2judge

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/toolgym/toolgym/judge/passk"
)

// TerminationReason is why a simulation ended (TerminationReason).
type TerminationReason string

// The reference's termination reasons. Only AgentStop and UserStop let a
// simulation be scored; every other reason gives reward 0, and tau2's
// metrics leave InfrastructureError simulations out altogether.
const (
	UserStop              TerminationReason = "user_stop"
	AgentStop             TerminationReason = "agent_stop"
	MaxSteps              TerminationReason = "max_steps"
	Timeout               TerminationReason = "timeout"
	TooManyErrors         TerminationReason = "too_many_errors"
	AgentError            TerminationReason = "agent_error"
	UserError             TerminationReason = "user_error"
	InfrastructureError   TerminationReason = "infrastructure_error"
	ContextWindowExceeded TerminationReason = "context_window_exceeded"
	UnexpectedError       TerminationReason = "unexpected_error"
)

// TerminationReasons lists every termination reason, in the reference's
// order.
func TerminationReasons() []TerminationReason {
	return []TerminationReason{UserStop, AgentStop, MaxSteps, Timeout, TooManyErrors,
		AgentError, UserError, InfrastructureError, ContextWindowExceeded, UnexpectedError}
}

// Scored reports whether a simulation that ended for r is evaluated
// (agent or user stop) rather than given reward 0.
func (r TerminationReason) Scored() bool { return r == AgentStop || r == UserStop }

// SimulationRun is one simulation as the reference records it
// (data_model/simulation.py SimulationRun), with the members the
// evaluator and the metrics read typed and the others kept in Extra.
type SimulationRun struct {
	ID                string            `json:"id"`
	TaskID            string            `json:"task_id"`
	Timestamp         string            `json:"timestamp,omitempty"`
	StartTime         string            `json:"start_time"`
	EndTime           string            `json:"end_time"`
	Duration          float64           `json:"duration"`
	TerminationReason TerminationReason `json:"termination_reason"`
	AgentCost         *float64          `json:"agent_cost"`
	UserCost          *float64          `json:"user_cost"`
	RewardInfo        *RewardInfo       `json:"reward_info"`
	Messages          []Message         `json:"messages"`
	Trial             *int              `json:"trial"`
	Seed              *int64            `json:"seed"`
	Mode              string            `json:"mode,omitempty"`
	// Extra holds the members not typed here (ticks, review, info, ...).
	Extra map[string]json.RawMessage `json:"-"`
}

var simulationMembers = []string{"id", "task_id", "timestamp", "start_time", "end_time", "duration",
	"termination_reason", "agent_cost", "user_cost", "reward_info", "messages", "trial", "seed", "mode"}

// UnmarshalJSON decodes a simulation, keeping untyped members in Extra.
func (s *SimulationRun) UnmarshalJSON(b []byte) error {
	type plain SimulationRun
	var p plain
	f, err := decodeFields(b, "simulation")
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("tau2judge: simulation: %w", err)
	}
	for _, k := range simulationMembers {
		f.take(k)
	}
	p.Extra = f.rest()
	*s = SimulationRun(p)
	return nil
}

// MarshalJSON writes the typed members, then Extra in sorted order.
func (s SimulationRun) MarshalJSON() ([]byte, error) {
	type plain SimulationRun
	b, err := json.Marshal(plain(s))
	if err != nil || len(s.Extra) == 0 {
		return b, err
	}
	w := &objectWriter{b: b[:len(b)-1]}
	w.extra(s.Extra)
	return w.done()
}

// Results is a results file of the reference's runner (Results): the
// tasks run and their simulations. Info is kept verbatim.
type Results struct {
	Timestamp   *string         `json:"timestamp"`
	Info        json.RawMessage `json:"info"`
	Tasks       []Task          `json:"tasks"`
	Simulations []SimulationRun `json:"simulations"`
}

// LoadResults reads a results file in either of the reference's formats:
// one JSON file holding everything, or a directory (or its results.json)
// with the simulations one file each under simulations/, read in file
// name order as the reference reads them.
func LoadResults(path string) (*Results, error) {
	meta, simDir := path, ""
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		meta, simDir = filepath.Join(path, "results.json"), filepath.Join(path, "simulations")
	} else if st, err := os.Stat(filepath.Join(filepath.Dir(path), "simulations")); err == nil && st.IsDir() {
		simDir = filepath.Join(filepath.Dir(path), "simulations")
	}
	b, err := os.ReadFile(meta)
	if err != nil {
		return nil, fmt.Errorf("tau2judge: %w", err)
	}
	var r Results
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("tau2judge: %s: %w", meta, err)
	}
	if simDir == "" {
		return &r, nil
	}
	files, err := filepath.Glob(filepath.Join(simDir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("tau2judge: %w", err)
	}
	sort.Strings(files)
	r.Simulations = r.Simulations[:0]
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("tau2judge: %w", err)
		}
		var s SimulationRun
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("tau2judge: %s: %w", name, err)
		}
		r.Simulations = append(r.Simulations, s)
	}
	return &r, nil
}

// Task returns the task with the given id, or nil.
func (r *Results) Task(id string) *Task {
	for i := range r.Tasks {
		if r.Tasks[i].ID == id {
			return &r.Tasks[i]
		}
	}
	return nil
}

// NumTrials returns the run's configured number of trials (info.num_trials),
// or 0 when the info does not say.
func (r *Results) NumTrials() int {
	var info struct {
		NumTrials int `json:"num_trials"`
	}
	if len(r.Info) == 0 || json.Unmarshal(r.Info, &info) != nil {
		return 0
	}
	return info.NumTrials
}

// Trials returns the simulations as pass^k trials, in order: reward NaN
// for a simulation without reward info, InfraError for the
// infrastructure_error termination reason. passk.Tau2(r.Trials(),
// r.NumTrials()) is the reference's compute_metrics.
func (r *Results) Trials() []passk.Trial {
	out := make([]passk.Trial, len(r.Simulations))
	for i := range r.Simulations {
		s := &r.Simulations[i]
		t := passk.Trial{TaskID: s.TaskID, Reward: math.NaN(), InfraError: s.TerminationReason == InfrastructureError}
		if s.Trial != nil {
			t.Trial = *s.Trial
		}
		if s.RewardInfo != nil {
			t.Reward = float64(s.RewardInfo.Reward)
		}
		out[i] = t
	}
	return out
}
