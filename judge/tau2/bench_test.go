package tau2judge_test

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	tau2judge "github.com/toolgym/toolgym/judge/tau2"
)

// BenchmarkEvaluate evaluates one oracle simulation (EvalAll, no judge):
// the task of testdata, then the first task of each anchors domain.
func BenchmarkEvaluate(b *testing.B) {
	ctx := context.Background()
	run := func(b *testing.B, dom tau2.Domain, task *tau2judge.Task) {
		sim, err := tau2judge.Oracle(ctx, dom, task)
		if err != nil {
			b.Fatal(err)
		}
		ev := &tau2judge.Evaluator{Domain: dom}
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			if _, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAll); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("testdata-mock", func(b *testing.B) { run(b, testDomain(b), parseTask(b, planTask)) })
	for _, s := range anchorSuites {
		b.Run(s.name, func(b *testing.B) {
			loadExpected(b)
			dom, tasks := suiteTasks(b, s)
			run(b, dom, &tasks[0])
		})
	}
}

// BenchmarkOracleAll builds and evaluates the oracle simulation of every
// task of a domain's anchors split: one iteration is the whole split.
func BenchmarkOracleAll(b *testing.B) {
	ctx := context.Background()
	for _, s := range anchorSuites {
		b.Run(s.name, func(b *testing.B) {
			loadExpected(b)
			dom, tasks := suiteTasks(b, s)
			ev := &tau2judge.Evaluator{Domain: dom}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for i := range tasks {
					sim, err := tau2judge.Oracle(ctx, dom, &tasks[i])
					if err != nil {
						b.Fatal(err)
					}
					if _, err := ev.Evaluate(ctx, &tasks[i], sim, tau2judge.EvalAll); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tasks)), "ns/task")
		})
	}
}
