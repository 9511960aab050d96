package judge

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/toolgym/toolgym/trajectory"
)

// Summary aggregates verdicts. Rates are fractions in [0, 1] over all
// episodes, errored and canceled ones included (they count as failures);
// Finished and FinishedSuccessRate leave those out, to tell a model's
// failures from the harness's.
type Summary struct {
	// Episodes counts the verdicts summarised, Successes those with
	// Success set.
	Episodes    int     `json:"episodes"`
	Successes   int     `json:"successes"`
	SuccessRate float64 `json:"success_rate"`
	// MeanReward is the mean of the rewards.
	MeanReward float64 `json:"mean_reward"`
	// Turns counts the task turns judged, TurnsPassed those that passed;
	// TurnAccuracy is their ratio (pooled over all episodes).
	Turns        int     `json:"turns"`
	TurnsPassed  int     `json:"turns_passed"`
	TurnAccuracy float64 `json:"turn_accuracy"`
	// StateMatchRate, CallsExactRate and OutputsRate are the fractions of
	// episodes whose final state matched, whose calls were exact and
	// whose required outputs were all found.
	StateMatchRate float64 `json:"state_match_rate"`
	CallsExactRate float64 `json:"calls_exact_rate"`
	OutputsRate    float64 `json:"outputs_rate"`
	// ByStatus counts episodes by trajectory status.
	ByStatus map[trajectory.Status]int `json:"by_status"`
	// Errored and Canceled count the episodes that ended so; Finished the
	// others, and FinishedSuccessRate is Successes over Finished.
	Errored             int     `json:"errored"`
	Canceled            int     `json:"canceled"`
	Finished            int     `json:"finished"`
	FinishedSuccessRate float64 `json:"finished_success_rate"`
}

// Summarize aggregates verdicts; nil entries are skipped.
func Summarize(vs []*Verdict) Summary {
	s := Summary{ByStatus: map[trajectory.Status]int{}}
	var reward float64
	var state, calls, outputs int
	for _, v := range vs {
		if v == nil {
			continue
		}
		s.Episodes++
		if v.Success {
			s.Successes++
		}
		reward += v.Reward
		for _, tv := range v.Turns {
			s.Turns++
			if tv.Pass {
				s.TurnsPassed++
			}
		}
		if v.StateMatch {
			state++
		}
		if v.CallsExact {
			calls++
		}
		if v.OutputsOK {
			outputs++
		}
		s.ByStatus[v.Status]++
		switch v.Status {
		case trajectory.StatusErrored:
			s.Errored++
		case trajectory.StatusCanceled:
			s.Canceled++
		default:
			s.Finished++
		}
	}
	s.SuccessRate = ratio(s.Successes, s.Episodes)
	if s.Episodes > 0 {
		s.MeanReward = reward / float64(s.Episodes)
	}
	s.TurnAccuracy = ratio(s.TurnsPassed, s.Turns)
	s.StateMatchRate = ratio(state, s.Episodes)
	s.CallsExactRate = ratio(calls, s.Episodes)
	s.OutputsRate = ratio(outputs, s.Episodes)
	s.FinishedSuccessRate = ratio(s.Successes, s.Finished)
	return s
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// String renders the summary on one line.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d episodes, %d successes (%.1f%%), mean reward %.3f, turn accuracy %.1f%%, state %.1f%%, exact calls %.1f%%, outputs %.1f%%",
		s.Episodes, s.Successes, 100*s.SuccessRate, s.MeanReward, 100*s.TurnAccuracy,
		100*s.StateMatchRate, 100*s.CallsExactRate, 100*s.OutputsRate)
	if len(s.ByStatus) > 0 {
		b.WriteString("; status")
		for i, st := range slices.Sorted(maps.Keys(s.ByStatus)) {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, " %s %d", st, s.ByStatus[st])
		}
	}
	return b.String()
}
