package run_test

import (
	"math"
	"testing"

	"github.com/toolgym/toolgym/judge/passk"
	"github.com/toolgym/toolgym/run"
	"github.com/toolgym/toolgym/trajectory"
)

// TestPassKOverEpisodes checks pass^k over a run's episodes against
// values worked out by hand. Task a: trials 1, 1, 0; b: 1, 1, 1; c: 0, an
// errored episode, 1; a canceled episode never counts.
func TestPassKOverEpisodes(t *testing.T) {
	ep := func(id string, trial int, r float64, st trajectory.Status) run.Episode {
		return run.Episode{TaskID: id, Trial: trial, Reward: r, Status: st}
	}
	ok, er := trajectory.StatusCompleted, trajectory.StatusErrored
	eps := []run.Episode{
		ep("a", 0, 1, ok), ep("a", 1, 1, ok), ep("a", 2, 0, ok),
		ep("b", 0, 1, ok), ep("b", 1, 1, ok), ep("b", 2, 1, ok),
		ep("c", 0, 0, ok), ep("c", 1, 0, er), ep("c", 2, 1, ok),
		ep("d", 0, 1, trajectory.StatusCanceled),
	}
	cases := []struct {
		name  string
		est   func([]passk.Trial, int) (passk.Metrics, error)
		want  []float64
		infra int
	}{
		// tau2 leaves c's errored episode out: n = 3, 3, 2 and k <= 2.
		// pass^1 = (2/3 + 1 + 1/2) / 3; pass^2 = (C(2,2)/C(3,2) + 1 + 0) / 3.
		{"tau2", nil, []float64{(2.0/3 + 1 + 0.5) / 3, (1.0/3 + 1 + 0) / 3}, 1},
		// tau-bench counts it as a failure: n = 3 for all, c = 2, 3, 1.
		// pass^1 = (2/3 + 1 + 1/3) / 3; pass^2 = (1/3 + 1 + 0) / 3;
		// pass^3 = (0 + 1 + 0) / 3.
		{"tau-bench", func(ts []passk.Trial, _ int) (passk.Metrics, error) { return passk.TauBench(ts) }, []float64{2.0 / 3, 4.0 / 9, 1.0 / 3}, 0},
	}
	for _, c := range cases {
		m, err := run.PassK(eps, 3, c.est)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.PassHatK) != len(c.want) || m.InfraErrors != c.infra {
			t.Fatalf("%s: pass^k %v, %d infrastructure errors; want %v, %d", c.name, m.PassHatK, m.InfraErrors, c.want, c.infra)
		}
		for i, w := range c.want {
			if math.Abs(m.PassHatK[i]-w) > 1e-12 {
				t.Errorf("%s: pass^%d = %v, want %v", c.name, i+1, m.PassHatK[i], w)
			}
		}
	}
}
