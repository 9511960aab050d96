package episode_test

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
)

// benchEpisodes runs the bank tasks round-robin, one episode per
// iteration, and reports episodes per second.
func benchEpisodes(b *testing.B, m model.Model) {
	tasks := bank.Tasks()
	ag := &agent.FunctionCalling{Model: m}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		tk := &tasks[i%len(tasks)]
		e, err := env.New(tk.Env, tk.Config)
		if err != nil {
			b.Fatal(err)
		}
		tr := episode.Run(context.Background(), episode.Config{Task: tk, Env: e, Agent: ag, User: user.NewScripted(tk.UserTurns()...)})
		if tr.Status != trajectory.StatusCompleted {
			b.Fatalf("%s: %s %+v", tk.ID, tr.Status, tr.Error)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "episodes/s")
}

// BenchmarkEpisodeInProcess measures toolgym's own cost per episode: the
// oracle answers in process, so what is left is the agent loop, tool
// execution, state hashing and recording.
func BenchmarkEpisodeInProcess(b *testing.B) {
	benchEpisodes(b, scripted.NewInProcess(scripted.NewOracle(bank.Tasks())))
}

// BenchmarkEpisodeHTTP is the same through the real model path: the
// OpenAI client and the scripted server over loopback HTTP.
func BenchmarkEpisodeHTTP(b *testing.B) {
	for _, stream := range []bool{false, true} {
		b.Run(map[bool]string{false: "json", true: "stream"}[stream], func(b *testing.B) {
			srv, err := scripted.Start(scripted.NewServer(scripted.NewOracle(bank.Tasks())))
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Close()
			c, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "oracle"})
			if err != nil {
				b.Fatal(err)
			}
			benchEpisodes(b, streaming{c, stream})
		})
	}
}

type streaming struct {
	m      model.Model
	stream bool
}

func (s streaming) Generate(ctx context.Context, req *model.Request) (*model.Response, error) {
	req.Stream = s.stream
	return s.m.Generate(ctx, req)
}
