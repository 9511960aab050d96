// Package passk computes pass^k, the reliability metric of tau-bench
// (Yao et al. 2024, https://arxiv.org/abs/2406.12045): the chance that k
// trials of a task, drawn without replacement from its n trials of which
// c succeeded, all succeed, C(c, k) / C(n, k), averaged over tasks. It
// reproduces both reference harnesses, whose bookkeeping differs:
//
// [TauBench] is tau-bench's run.py display_metrics: n is the number of
// distinct trial indices in the whole run, the same for every task (a
// task with fewer results counts its missing trials as failures); k runs
// from 1 to n; every result counts (a trial that raised was recorded with
// reward 0); sums are Python's left-to-right float sums in the order the
// tasks first appear (the average reward's sum() is left to right up to
// Python 3.11; from 3.12 CPython compensates float sums, which can change
// its last bit).
//
// [Tau2] is tau2-bench's metrics/agent_metrics.py compute_metrics:
// simulations that ended with an infrastructure error are left out
// altogether (neither trials nor tasks); n is each task's own number of
// remaining simulations; k runs from 1 to the smallest n over the tasks,
// capped by the run's configured number of trials; a simulation without a
// reward is a failure and is left out of the average reward; averages are
// pandas means (NumPy pairwise sums).
//
// Both call a trial successful when its reward is within 1e-6 of 1
// ([Successful]), and both divide the binomial coefficients exactly (one
// rounding). tau2 averages the per-task values in the order of its table
// sorted by the tasks' action counts (pandas sort_values, an unstable
// NumPy quicksort whose order of equal keys can even depend on the CPU's
// vector instructions); Tau2 sums in task-id order (pandas' groupby
// order), which gives the same bits when that sort leaves the tasks in id
// order (say, at most 16 tasks with equal action counts) and otherwise
// can differ in the last bit or two.
package passk

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
)

// ErrFewTrials is tau2's ValueError for a pass^k asked of a task with
// fewer trials than k.
var ErrFewTrials = errors.New("passk: fewer trials than k")

// ErrNoTrials is returned by TauBench for an empty run, where the
// reference divides by zero.
var ErrNoTrials = errors.New("passk: no trials")

// Successful reports whether a reward counts as a success: 1 - 1e-6 <=
// reward <= 1 + 1e-6 (false for NaN), as both references decide.
func Successful(reward float64) bool {
	return 1-1e-6 <= reward && reward <= 1+1e-6
}

// PassHatK returns pass^k of one task with n trials of which c succeeded:
// C(c, k) / C(n, k), correctly rounded (0 when c < k). It fails with
// ErrFewTrials when n < k, as tau2's pass_hat_k does, and for k < 0 or c
// outside [0, n].
func PassHatK(n, c, k int) (float64, error) {
	if n < k {
		return 0, fmt.Errorf("%w: Number of trials %d is less than k %d.", ErrFewTrials, n, k)
	}
	if k < 0 || c < 0 || c > n {
		return 0, fmt.Errorf("passk: invalid n=%d c=%d k=%d", n, c, k)
	}
	return combRatio(c, n, k), nil
}

// combRatio returns C(c, k) / C(n, k) as Python's int / int does (the
// quotient correctly rounded); c may exceed n (tau-bench does not forbid
// it).
func combRatio(c, n, k int) float64 {
	if k > c {
		return 0
	}
	if num, ok := binomial(c, k); ok {
		if den, ok := binomial(n, k); ok && num <= 1<<53 && den <= 1<<53 {
			// Both exact as float64: one IEEE division rounds correctly.
			return float64(num) / float64(den)
		}
	}
	num, den := new(big.Int).Binomial(int64(c), int64(k)), new(big.Int).Binomial(int64(n), int64(k))
	if den.Sign() == 0 {
		return math.Inf(1) // Python raises ZeroDivisionError; unreachable for c <= n
	}
	if num.IsInt64() && den.IsInt64() && num.Int64() <= 1<<53 && den.Int64() <= 1<<53 {
		return float64(num.Int64()) / float64(den.Int64())
	}
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

// binomial returns C(n, k) (0 outside 0 <= k <= n) when it fits in a
// uint64.
func binomial(n, k int) (uint64, bool) {
	if k < 0 || k > n {
		return 0, true
	}
	k = min(k, n-k)
	r := uint64(1)
	for i := 1; i <= k; i++ {
		// r * (n-k+i) / i is exact: r*(n-k+i) is i * C(n-k+i, i).
		hi, lo := bits.Mul64(r, uint64(n-k+i))
		if hi != 0 {
			return 0, false
		}
		r = lo / uint64(i)
	}
	return r, true
}

// Trial is one simulation's outcome.
type Trial struct {
	TaskID string
	// Trial is the trial index (tau-bench counts the distinct indices).
	Trial int
	// Reward is the simulation's reward; NaN when it has none (tau2's
	// reward_info None).
	Reward float64
	// InfraError marks a simulation that ended with tau2's
	// infrastructure_error termination reason.
	InfraError bool
}

// Metrics are a run's aggregate scores.
type Metrics struct {
	// AvgReward is the mean reward over the trials counted.
	AvgReward float64
	// PassHatK[k-1] is pass^k, for k from 1 to len(PassHatK).
	PassHatK []float64
	// Tasks and Trials count what entered the metrics; InfraErrors the
	// simulations left out for an infrastructure error (Tau2 only).
	Tasks, Trials, InfraErrors int
}

// PassHat returns pass^k, and false when k is out of range.
func (m Metrics) PassHat(k int) (float64, bool) {
	if k < 1 || k > len(m.PassHatK) {
		return 0, false
	}
	return m.PassHatK[k-1], true
}

// TauBench computes tau-bench's metrics (run.py display_metrics). Trials
// marked InfraError count like any other: tau-bench has no such notion.
func TauBench(trials []Trial) (Metrics, error) {
	if len(trials) == 0 {
		return Metrics{}, ErrNoTrials
	}
	indices := map[int]bool{}
	var order []string
	c := map[string]int{}
	sum := 0.0
	for _, t := range trials {
		indices[t.Trial] = true
		if _, ok := c[t.TaskID]; !ok {
			order = append(order, t.TaskID)
			c[t.TaskID] = 0
		}
		if Successful(t.Reward) {
			c[t.TaskID]++
		}
		sum += t.Reward
	}
	n := len(indices)
	m := Metrics{AvgReward: sum / float64(len(trials)), Tasks: len(order), Trials: len(trials)}
	for k := 1; k <= n; k++ {
		s := 0.0
		for _, id := range order {
			s += combRatio(c[id], n, k)
		}
		m.PassHatK = append(m.PassHatK, s/float64(len(order)))
	}
	return m, nil
}

// Tau2 computes tau2's metrics (compute_metrics) over the trials in the
// order the results hold them. numTrials is the run's configured number
// of trials (Info.num_trials), which caps k; 0 leaves k capped by the
// trial counts alone. With no trial left after the infrastructure errors
// the metrics are zero with no pass^k, as in the reference.
func Tau2(trials []Trial, numTrials int) Metrics {
	var m Metrics
	counts := map[string]int{}
	succ := map[string]int{}
	var rewards []float64
	for _, t := range trials {
		if t.InfraError {
			m.InfraErrors++
			continue
		}
		m.Trials++
		counts[t.TaskID]++
		if Successful(t.Reward) {
			succ[t.TaskID]++
		}
		rewards = append(rewards, t.Reward)
	}
	if m.Trials == 0 {
		return m
	}
	m.AvgReward = nanMean(rewards)
	ids := make([]string, 0, len(counts))
	minCount := math.MaxInt
	for id, n := range counts {
		ids = append(ids, id)
		minCount = min(minCount, n)
	}
	slices.Sort(ids)
	m.Tasks = len(ids)
	maxK := minCount
	if numTrials > 0 {
		maxK = min(numTrials, minCount)
	}
	per := make([]float64, len(ids))
	for k := 1; k <= maxK; k++ {
		for i, id := range ids {
			per[i] = combRatio(succ[id], counts[id], k)
		}
		m.PassHatK = append(m.PassHatK, pairwiseSum(per)/float64(len(per)))
	}
	return m
}

// nanMean is pandas' Series.mean: NaNs left out of both the sum (a NumPy
// pairwise sum) and the count; NaN when nothing is left.
func nanMean(xs []float64) float64 {
	vals := make([]float64, len(xs))
	count := 0
	for i, x := range xs {
		if math.IsNaN(x) {
			continue
		}
		vals[i] = x
		count++
	}
	if count == 0 {
		return math.NaN()
	}
	return pairwiseSum(vals) / float64(count)
}

// pairwiseSum is NumPy's float64 add.reduce of a contiguous array: 0.0
// plus the pairwise sum of pairwise_sum_DOUBLE (blocks of at most 128 summed
// with eight accumulators, larger arrays split in halves rounded to
// multiples of 8).
func pairwiseSum(a []float64) float64 {
	return 0.0 + pairwise(a)
}

func pairwise(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		res := 0.0
		for _, x := range a {
			res += x
		}
		return res
	case n <= 128:
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := 0; j < 8; j++ {
				r[j] += a[i+j]
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += a[i]
		}
		return res
	default:
		n2 := n / 2
		n2 -= n2 % 8
		return pairwise(a[:n2]) + pairwise(a[n2:])
	}
}
