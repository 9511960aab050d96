package passk

import (
	"errors"
	"math"
	"math/big"
	"slices"
	"testing"
)

func TestSuccessful(t *testing.T) {
	for _, tc := range []struct {
		reward float64
		want   bool
	}{
		{1, true},
		{0.999999, true},   // 1 - 1e-6 is the bound, inclusive
		{1.000001, true},   // 1 + 1e-6, inclusive
		{0.9999989, false}, // just below
		{1.0000011, false}, // just above
		{0, false},
		{0.5, false},
		{math.NaN(), false},
		{math.Inf(1), false},
	} {
		if got := Successful(tc.reward); got != tc.want {
			t.Errorf("Successful(%v) = %v, want %v", tc.reward, got, tc.want)
		}
	}
}

func TestPassHatK(t *testing.T) {
	for _, tc := range []struct {
		n, c, k int
		want    float64
	}{
		{4, 2, 1, 0.5},       // C(2,1)/C(4,1) = 2/4
		{4, 2, 2, 1.0 / 6},   // C(2,2)/C(4,2) = 1/6
		{4, 2, 3, 0},         // C(2,3) = 0
		{4, 4, 4, 1},         // 1/1
		{3, 0, 1, 0},         // 0/3
		{5, 3, 0, 1},         // C(3,0)/C(5,0) = 1/1
		{9, 7, 3, 35.0 / 84}, // C(7,3)/C(9,3) = 35/84 = 0.4166666666666667
		// C(50,30)/C(60,30) = 47129212243960/118264581564861424, beyond
		// 2**53: one correctly rounded division gives 0.0003985065657050695
		// (Python's math.comb(50, 30) / math.comb(60, 30)).
		{60, 50, 30, 0.0003985065657050695},
	} {
		got, err := PassHatK(tc.n, tc.c, tc.k)
		if err != nil || got != tc.want {
			t.Errorf("PassHatK(%d, %d, %d) = %v, %v; want %v", tc.n, tc.c, tc.k, got, err, tc.want)
		}
	}
	if _, err := PassHatK(2, 1, 3); !errors.Is(err, ErrFewTrials) {
		t.Errorf("n < k: err = %v, want ErrFewTrials", err)
	}
	for _, bad := range [][3]int{{3, 4, 1}, {3, -1, 1}, {3, 1, -1}} {
		if _, err := PassHatK(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("PassHatK%v: no error", bad)
		}
	}
}

// s is a successful reward, f a failed one.
const (
	s = 1.0
	f = 0.0
)

func TestTauBench(t *testing.T) {
	for _, tc := range []struct {
		name   string
		trials []Trial
		want   Metrics
	}{
		{
			// a: trial 0 succeeds, trial 1 fails (c=1); b: both succeed (c=2);
			// n = 2 distinct trial indices.
			// pass^1 = (C(1,1)/C(2,1) + C(2,1)/C(2,1)) / 2 = (1/2 + 1) / 2 = 0.75
			// pass^2 = (C(1,2)/C(2,2) + C(2,2)/C(2,2)) / 2 = (0 + 1) / 2 = 0.5
			// average reward = (1 + 0 + 1 + 1) / 4 = 0.75
			name:   "two tasks",
			trials: []Trial{{"a", 0, s, false}, {"a", 1, f, false}, {"b", 0, s, false}, {"b", 1, s, false}},
			want:   Metrics{AvgReward: 0.75, PassHatK: []float64{0.75, 0.5}, Tasks: 2, Trials: 4},
		},
		{
			// a has trials 0, 1, 2, all successful (c=3); b has only trial 0,
			// successful (c=1). n = 3 for both: b's missing trials count as
			// failures.
			// pass^1 = (3/3 + 1/3) / 2 = (1 + 0.3333333333333333) / 2 = 0.6666666666666666
			// pass^2 = (C(3,2)/C(3,2) + C(1,2)/C(3,2)) / 2 = (1 + 0) / 2 = 0.5
			// pass^3 = (1 + 0) / 2 = 0.5
			// average reward = 4 / 4 = 1
			name:   "missing trials",
			trials: []Trial{{"a", 0, s, false}, {"a", 1, s, false}, {"a", 2, s, false}, {"b", 0, s, false}},
			want:   Metrics{AvgReward: 1, PassHatK: []float64{0.6666666666666666, 0.5, 0.5}, Tasks: 2, Trials: 4},
		},
		{
			// Infrastructure errors are ordinary failures here (their reward
			// is 0). n = 3 (indices 0, 1, 2); a: c=2, b: c=0, c: c=1; the tasks
			// in first-appearance order a, b, c.
			// pass^1 = ((2/3 + 0/3) + 1/3) / 3: 0.6666666666666666 + 0.3333333333333333
			//   is 1 - 2**-54 exactly, which rounds (ties to even) to 1.0; 1/3 = 0.3333333333333333
			// pass^2 = (C(2,2)/C(3,2) + 0 + 0) / 3 = (1/3) / 3 = 0.1111111111111111
			// pass^3 = 0
			// average reward = (1 + 0 + 1 + 0 + 0 + 0 + 1) / 7 = 3/7
			name: "infra errors count",
			trials: []Trial{
				{"a", 0, s, false}, {"a", 1, f, true}, {"a", 2, s, false},
				{"b", 0, f, true}, {"b", 1, f, true},
				{"c", 0, f, false}, {"c", 1, s, false},
			},
			want: Metrics{AvgReward: 3.0 / 7, PassHatK: []float64{0.3333333333333333, 0.1111111111111111, 0}, Tasks: 3, Trials: 7},
		},
		{
			// Threshold: 0.999999 and 1.000001 succeed, 0.99999 fails.
			// n = 1: pass^1 = (1 + 1 + 0) / 3 = 0.6666666666666666
			// average reward = (0.999999 + 1.000001 + 0.99999) / 3, summed left to right
			name:   "threshold",
			trials: []Trial{{"a", 0, 0.999999, false}, {"b", 0, 1.000001, false}, {"c", 0, 0.99999, false}},
			want:   Metrics{AvgReward: (0.999999 + 1.000001 + 0.99999) / 3, PassHatK: []float64{2.0 / 3}, Tasks: 3, Trials: 3},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := TauBench(tc.trials)
			if err != nil {
				t.Fatal(err)
			}
			checkMetrics(t, got, tc.want)
		})
	}
	if _, err := TauBench(nil); !errors.Is(err, ErrNoTrials) {
		t.Errorf("empty run: err = %v, want ErrNoTrials", err)
	}
}

func TestTau2(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name      string
		trials    []Trial
		numTrials int
		want      Metrics
	}{
		{
			// Same as tau-bench's "two tasks": both compute the same when
			// every task has every trial.
			name:      "two tasks",
			trials:    []Trial{{"a", 0, s, false}, {"a", 1, f, false}, {"b", 0, s, false}, {"b", 1, s, false}},
			numTrials: 2,
			want:      Metrics{AvgReward: 0.75, PassHatK: []float64{0.75, 0.5}, Tasks: 2, Trials: 4},
		},
		{
			// a: 3 trials, all successful; b: 1 trial, successful. Each task's
			// n is its own count, and k stops at the smallest count, 1.
			// pass^1 = (3/3 + 1/1) / 2 = 1
			name:      "missing trials",
			trials:    []Trial{{"a", 0, s, false}, {"a", 1, s, false}, {"a", 2, s, false}, {"b", 0, s, false}},
			numTrials: 3,
			want:      Metrics{AvgReward: 1, PassHatK: []float64{1}, Tasks: 2, Trials: 4},
		},
		{
			// Infrastructure errors are left out: a keeps 2 trials (c=2), b
			// has none left and is no task, c keeps 2 (c=1). numTrials 3 is
			// capped by the smallest count, 2.
			// pass^1 = (2/2 + 1/2) / 2 = 0.75
			// pass^2 = (C(2,2)/C(2,2) + C(1,2)/C(2,2)) / 2 = (1 + 0) / 2 = 0.5
			// average reward = (1 + 1 + 0 + 1) / 4 = 0.75
			name: "infra errors left out",
			trials: []Trial{
				{"a", 0, s, false}, {"a", 1, f, true}, {"a", 2, s, false},
				{"b", 0, f, true}, {"b", 1, f, true},
				{"c", 0, f, false}, {"c", 1, s, false},
			},
			numTrials: 3,
			want:      Metrics{AvgReward: 0.75, PassHatK: []float64{0.75, 0.5}, Tasks: 2, Trials: 4, InfraErrors: 3},
		},
		{
			// A trial without a reward is a failure and is left out of the
			// average: average = 1 / 1; pass^1 = 1/2; pass^2 = C(1,2)/C(2,2) = 0.
			name:      "no reward",
			trials:    []Trial{{"a", 0, s, false}, {"a", 1, nan, false}},
			numTrials: 2,
			want:      Metrics{AvgReward: 1, PassHatK: []float64{0.5, 0}, Tasks: 1, Trials: 2},
		},
		{
			// Four trials per task, but the run was configured for two: k
			// stops at 2. a: c=3 of 4, b: c=4 of 4.
			// pass^1 = (3/4 + 4/4) / 2 = 0.875
			// pass^2 = (C(3,2)/C(4,2) + 1) / 2 = (3/6 + 1) / 2 = 0.75
			// average reward = 7 / 8
			name: "configured trials cap k",
			trials: []Trial{
				{"a", 0, s, false}, {"a", 1, s, false}, {"a", 2, f, false}, {"a", 3, s, false},
				{"b", 0, s, false}, {"b", 1, s, false}, {"b", 2, s, false}, {"b", 3, s, false},
			},
			numTrials: 2,
			want:      Metrics{AvgReward: 0.875, PassHatK: []float64{0.875, 0.75}, Tasks: 2, Trials: 8},
		},
		{
			// numTrials 0: only the counts cap k (here 4).
			// pass^3 = (C(3,3)/C(4,3) + 1) / 2 = (1/4 + 1) / 2 = 0.625
			// pass^4 = (0 + 1) / 2 = 0.5
			name: "no configured trials",
			trials: []Trial{
				{"a", 0, s, false}, {"a", 1, s, false}, {"a", 2, f, false}, {"a", 3, s, false},
				{"b", 0, s, false}, {"b", 1, s, false}, {"b", 2, s, false}, {"b", 3, s, false},
			},
			want: Metrics{AvgReward: 0.875, PassHatK: []float64{0.875, 0.75, 0.625, 0.5}, Tasks: 2, Trials: 8},
		},
		{
			name:   "only infra errors",
			trials: []Trial{{"a", 0, f, true}},
			want:   Metrics{InfraErrors: 1},
		},
		{
			name: "empty",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkMetrics(t, Tau2(tc.trials, tc.numTrials), tc.want)
		})
	}
}

// TestTau2Order checks that tasks are averaged in task-id order (pandas'
// groupby order), whatever order the trials come in.
func TestTau2Order(t *testing.T) {
	// 1/3 + 1 + 0 in id order (a, b, c) is 1.3333333333333333; divided by 3,
	// 0.4444444444444444.
	trials := []Trial{
		{"c", 0, f, false}, {"c", 1, f, false}, {"c", 2, f, false},
		{"b", 0, s, false}, {"b", 1, s, false}, {"b", 2, s, false},
		{"a", 0, s, false}, {"a", 1, f, false}, {"a", 2, f, false},
	}
	got := Tau2(trials, 3)
	if p1, _ := got.PassHat(1); p1 != (1.0/3+1+0)/3 {
		t.Errorf("pass^1 = %v, want %v", p1, (1.0/3+1+0)/3)
	}
	if _, ok := got.PassHat(4); ok {
		t.Error("PassHat(4) is in range")
	}
}

func TestPairwiseSum(t *testing.T) {
	// Nine values: the first eight go to eight accumulators, reduced as
	// ((1e16 + 1) + (1 + 1)) + ((1 + 1) + (1 + 1)) = (1e16 + 2) + 4 =
	// 1e16 + 6 (1e16 + 1 rounds to 1e16: the spacing there is 2), then
	// the ninth: 1e16 + 7 lies halfway and rounds to the even 1e16 + 8.
	// A left-to-right sum gives 1e16 (every + 1 is lost).
	a := []float64{1e16, 1, 1, 1, 1, 1, 1, 1, 1}
	if got := pairwiseSum(a); got != 1e16+8 {
		t.Errorf("pairwise sum = %v, want %v", got, 1e16+8)
	}
	seq := 0.0
	for _, x := range a {
		seq += x
	}
	if seq != 1e16 {
		t.Fatalf("left-to-right sum = %v, the example is wrong", seq)
	}
	// Fewer than 8 values: left to right.
	if got := pairwiseSum(a[:7]); got != 1e16 {
		t.Errorf("7 values: %v, want 1e16", got)
	}
	// Beyond 128 values the array is split at n/2 rounded down to a
	// multiple of 8; ones sum exactly either way.
	ones := make([]float64, 1000)
	for i := range ones {
		ones[i] = 1
	}
	if got := pairwiseSum(ones); got != 1000 {
		t.Errorf("1000 ones: %v", got)
	}
}

func checkMetrics(t *testing.T, got, want Metrics) {
	t.Helper()
	if got.AvgReward != want.AvgReward || got.Tasks != want.Tasks || got.Trials != want.Trials || got.InfraErrors != want.InfraErrors {
		t.Errorf("metrics = %+v, want %+v", got, want)
	}
	if !slices.Equal(got.PassHatK, want.PassHatK) {
		t.Errorf("pass^k = %v, want %v", got.PassHatK, want.PassHatK)
	}
}

// TestBinomial checks the uint64 binomials against math/big, up to where
// they overflow.
func TestBinomial(t *testing.T) {
	for n := 0; n <= 70; n++ {
		for k := 0; k <= n; k++ {
			want := new(big.Int).Binomial(int64(n), int64(k))
			got, ok := binomial(n, k)
			if ok != want.IsUint64() && ok {
				t.Fatalf("C(%d,%d): ok %v", n, k, ok)
			}
			if ok && got != want.Uint64() {
				t.Fatalf("C(%d,%d) = %d, want %s", n, k, got, want)
			}
		}
	}
	if _, ok := binomial(70, 35); ok {
		t.Error("C(70,35) does not fit a uint64")
	}
}
