package run

import (
	"fmt"
	"github.com/toolgym/toolgym/judge/passk"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"

	"github.com/toolgym/toolgym/trajectory"
)

// Summary aggregates a run's episodes. Rates are over scored episodes:
// canceled episodes are counted apart and left out of every rate; errored
// episodes count as failures (reward 0), as the reference harnesses count
// them, and are reported apart too.
type Summary struct {
	Suite string `json:"suite"`
	Model string `json:"model,omitempty"`
	// Planned is the number of episodes the run meant to run.
	Planned   int `json:"planned"`
	Episodes  int `json:"episodes"`
	Completed int `json:"completed"`
	Errored   int `json:"errored"`
	Canceled  int `json:"canceled"`
	Budget    int `json:"budget_exhausted"`
	// Scored counts the episodes the rates are over (all but canceled).
	Scored      int     `json:"scored"`
	Successes   int     `json:"successes"`
	SuccessRate float64 `json:"success_rate"`
	MeanReward  float64 `json:"mean_reward"`
	// Metrics are the means of the suite's per-episode metrics.
	Metrics map[string]float64 `json:"metrics,omitempty"`
	// Errors counts errored episodes by error text (first 120 chars).
	Errors           map[string]int `json:"errors,omitempty"`
	Steps            int            `json:"steps"`
	PromptTokens     int            `json:"prompt_tokens"`
	CompletionTokens int            `json:"completion_tokens"`
	Wall             time.Duration  `json:"wall_ns"`
	EpisodesPerSec   float64        `json:"episodes_per_second"`
	P50, P95         time.Duration  `json:"-"`
	P50ms            float64        `json:"episode_p50_ms"`
	P95ms            float64        `json:"episode_p95_ms"`
	// PassHatK[k-1] is pass^k over the run's trials (set when tasks ran
	// more than once), with the suite's estimator (suite.PassKEstimator)
	// or tau2's; PassKInfraErrors counts the episodes it left out for an
	// infrastructure error.
	PassHatK         []float64 `json:"pass_hat_k,omitempty"`
	PassKInfraErrors int       `json:"pass_k_infra_errors,omitempty"`
}

// PassK computes pass^k over finished episodes with est (nil: tau2's
// estimator, which leaves out errored episodes as infrastructure errors).
func PassK(eps []Episode, trials int, est func([]passk.Trial, int) (passk.Metrics, error)) (passk.Metrics, error) {
	var ts []passk.Trial
	for _, e := range eps {
		if e.Status == trajectory.StatusCanceled {
			continue
		}
		ts = append(ts, passk.Trial{TaskID: e.TaskID, Trial: e.Trial, Reward: e.Reward, InfraError: e.Status == trajectory.StatusErrored})
	}
	if est == nil {
		return passk.Tau2(ts, trials), nil
	}
	return est(ts, trials)
}

// Summarize aggregates episodes.
func Summarize(suiteName, modelName string, eps []Episode, planned int, wall time.Duration) Summary {
	s := Summary{Suite: suiteName, Model: modelName, Planned: planned, Episodes: len(eps), Wall: wall}
	sums := map[string]float64{}
	counts := map[string]int{}
	var durs []time.Duration
	var reward float64
	for _, e := range eps {
		switch e.Status {
		case trajectory.StatusCompleted:
			s.Completed++
		case trajectory.StatusErrored:
			s.Errored++
			if s.Errors == nil {
				s.Errors = map[string]int{}
			}
			msg := e.Error
			if len(msg) > 120 {
				msg = msg[:120] + "..."
			}
			s.Errors[msg]++
		case trajectory.StatusCanceled:
			s.Canceled++
			continue
		case trajectory.StatusBudget:
			s.Budget++
		}
		s.Scored++
		if e.Success {
			s.Successes++
		}
		reward += e.Reward
		for k, v := range e.Metrics {
			sums[k] += v
			counts[k]++
		}
		s.Steps += e.Steps
		s.PromptTokens += e.Usage.PromptTokens
		s.CompletionTokens += e.Usage.CompletionTokens
		durs = append(durs, e.Duration)
	}
	if s.Scored > 0 {
		s.SuccessRate = float64(s.Successes) / float64(s.Scored)
		s.MeanReward = reward / float64(s.Scored)
	}
	if len(sums) > 0 {
		s.Metrics = make(map[string]float64, len(sums))
		for k, v := range sums {
			s.Metrics[k] = v / float64(counts[k])
		}
	}
	if len(durs) > 0 {
		slices.Sort(durs)
		s.P50 = durs[(len(durs)-1)*50/100]
		s.P95 = durs[(len(durs)-1)*95/100]
		s.P50ms = float64(s.P50) / 1e6
		s.P95ms = float64(s.P95) / 1e6
	}
	if wall > 0 {
		s.EpisodesPerSec = float64(s.Episodes) / wall.Seconds()
	}
	return s
}

// WriteTable prints the summary as a table people read at the end of a run.
func (s Summary) WriteTable(w io.Writer) {
	t := table.NewWriter()
	t.SetOutputMirror(w)
	t.SetStyle(table.StyleRounded)
	title := "toolgym run: " + s.Suite
	if s.Model != "" {
		title += " with " + s.Model
	}
	t.SetTitle(title)
	t.AppendHeader(table.Row{"metric", "value"})
	t.SetColumnConfigs([]table.ColumnConfig{{Number: 2, Align: text.AlignRight}})
	t.AppendRow(table.Row{"episodes", fmt.Sprintf("%d of %d", s.Episodes, s.Planned)})
	t.AppendRow(table.Row{"success", fmt.Sprintf("%d / %d  (%.1f%%)", s.Successes, s.Scored, 100*s.SuccessRate)})
	t.AppendRow(table.Row{"mean reward", fmt.Sprintf("%.3f", s.MeanReward)})
	for _, k := range slices.Sorted(maps.Keys(s.Metrics)) {
		t.AppendRow(table.Row{strings.ReplaceAll(k, "_", " "), fmt.Sprintf("%.3f", s.Metrics[k])})
	}
	for i, p := range s.PassHatK {
		t.AppendRow(table.Row{fmt.Sprintf("pass^%d", i+1), fmt.Sprintf("%.3f", p)})
	}
	if s.PassKInfraErrors > 0 {
		t.AppendRow(table.Row{"pass^k: left out (infrastructure errors)", s.PassKInfraErrors})
	}
	t.AppendSeparator()
	t.AppendRow(table.Row{"completed / errored / canceled / out of budget", fmt.Sprintf("%d / %d / %d / %d", s.Completed, s.Errored, s.Canceled, s.Budget)})
	t.AppendRow(table.Row{"model steps", s.Steps})
	t.AppendRow(table.Row{"tokens (prompt / completion)", fmt.Sprintf("%d / %d", s.PromptTokens, s.CompletionTokens)})
	t.AppendRow(table.Row{"episode time p50 / p95", fmt.Sprintf("%s / %s", round(s.P50), round(s.P95))})
	t.AppendRow(table.Row{"wall time", fmt.Sprintf("%s  (%.1f episodes/s)", round(s.Wall), s.EpisodesPerSec)})
	t.Render()
	if len(s.Errors) > 0 {
		fmt.Fprintln(w, "errors:")
		keys := slices.Collect(maps.Keys(s.Errors))
		sort.Slice(keys, func(i, j int) bool { return s.Errors[keys[i]] > s.Errors[keys[j]] })
		for _, k := range keys {
			fmt.Fprintf(w, "  %3d × %s\n", s.Errors[k], k)
		}
	}
}

func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
