package tau

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
)

// referenceSimsPerHour is tau2's orchestrator in one process with a
// zero-latency scripted agent and user, evaluation included (the anchors'
// README, measured on the same kind of 2-core machine).
var referenceSimsPerHour = map[string]float64{"airline": 2570, "retail": 5720, "telecom": 51800}

// BenchmarkSimulations runs whole tau2 simulations in one process: a
// zero-latency scripted agent replaying the gold (goldAgent), the scripted
// user playing its own gold actions, the reference's orchestrator loop, and the evaluation
// with all reward components, as the reference's figure is measured. The
// simulations run on every core (GOMAXPROCS goroutines), as toolgym runs
// them; it reports simulations per hour and the ratio to the reference's
// one-process figure on the same kind of machine.
func BenchmarkSimulations(b *testing.B) {
	data := anchorsDir(b)
	for _, d := range []string{"retail", "airline", "telecom"} {
		b.Run(d, func(b *testing.B) {
			s := NewTau2Suite(d)
			tasks, err := s.Load(context.Background(), suite.Options{DataDir: data})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			b.ReportAllocs()
			var next atomic.Int64
			// Loading the split is set-up, timed by neither figure.
			b.ResetTimer()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					t := &tasks[int(next.Add(1))%len(tasks)]
					simulate(b, ctx, s, t, &agent.FunctionCalling{Model: &goldAgent{turns: t.Turns}})
				}
			})
			perHour := float64(b.N) / time.Since(start).Hours()
			b.ReportMetric(perHour, "sims/hour")
			b.ReportMetric(perHour/referenceSimsPerHour[d], "x_reference")
		})
	}
}

func simulate(b testing.TB, ctx context.Context, s *Tau2Suite, t *task.Task, fc *agent.FunctionCalling) {
	e, err := s.NewEnv(t)
	if err != nil {
		b.Fatal(err)
	}
	u, err := s.NewUser(t, e)
	if err != nil {
		b.Fatal(err)
	}
	tr := s.RunEpisode(ctx, episode.Config{Task: t, Env: e, Agent: fc, User: u, Suite: s.Name()})
	score, err := s.Score(ctx, t, tr, e)
	if err != nil {
		b.Fatal(err)
	}
	if score.Reward != 1 && s.domain != "mock" {
		b.Fatalf("%s: oracle reward %v", t.ID, score.Reward)
	}
}

// goldAgent is a zero-latency scripted agent for one simulation: it answers
// each request with the next gold step of the current turn, then the
// turn's reply, with no encoding in between (the reference's benchmark
// agent is a Python object returning prepared messages).
type goldAgent struct {
	turns    []task.Turn
	ti, step int
}

func (g *goldAgent) Generate(_ context.Context, _ *model.Request) (*model.Response, error) {
	if g.ti >= len(g.turns) {
		return &model.Response{Message: model.Assistant("Done.")}, nil
	}
	t := g.turns[g.ti]
	if g.step < len(t.Gold.Steps) {
		var calls []tool.Call
		for i, c := range t.Gold.Steps[g.step] {
			calls = append(calls, c.ToolCall(task.CallID(g.ti, g.step, i)))
		}
		g.step++
		return &model.Response{Message: model.Assistant("", calls...)}, nil
	}
	g.ti, g.step = g.ti+1, 0
	return &model.Response{Message: model.Assistant(t.Gold.Reply)}, nil
}
