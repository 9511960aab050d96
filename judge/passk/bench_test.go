package passk

import (
	"strconv"
	"testing"
)

// BenchmarkMetrics computes both references' metrics over a run of 1000
// tasks with 4 trials each.
func BenchmarkMetrics(b *testing.B) {
	var trials []Trial
	for task := range 1000 {
		for trial := range 4 {
			r := 0.0
			if (task+trial)%3 != 0 {
				r = 1
			}
			trials = append(trials, Trial{TaskID: "task_" + strconv.Itoa(task), Trial: trial, Reward: r, InfraError: task%97 == 0 && trial == 3})
		}
	}
	b.Run("Tau2", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Tau2(trials, 4)
		}
	})
	b.Run("TauBench", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := TauBench(trials); err != nil {
				b.Fatal(err)
			}
		}
	})
}
