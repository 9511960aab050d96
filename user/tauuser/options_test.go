package tauuser_test

import (
	"context"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/user/tauuser"
)

func TestTauBenchOptions(t *testing.T) {
	srv, client := serve(t, scripted.Script(scripted.Text("hi"), scripted.Text("true"), scripted.Text("bye"), scripted.Text("true")))
	temp, seed := 0.7, int64(42)
	u, err := tauuser.NewTauBench(tauuser.TauBenchConfig{
		Model: client, Instruction: "i", Strategy: tauuser.StrategyVerify,
		Sampling:     tauuser.Sampling{Model: "judge-and-user", Temperature: &temp, Seed: &seed},
		ResponseText: func(content string) string { return "<" + content + ">" },
		// A text agent whose visible reply follows "Reply:".
		AgentReply: func(h []model.Message) (string, error) {
			_, after, _ := strings.Cut(h[len(h)-1].Text(), "Reply:")
			return strings.TrimSpace(after), nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := u.Next(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	h := []model.Message{model.User("hi"), model.Assistant("Thought: greet.\nReply: Hello!")}
	if msg, _, err := u.Next(context.Background(), h); err != nil || msg != "bye" {
		t.Fatalf("%q %v", msg, err)
	}
	reqs := srv.Requests()
	for _, r := range reqs {
		if r.Model != "judge-and-user" || r.Temperature == nil || *r.Temperature != 0.7 || r.Seed == nil || *r.Seed != 42 {
			t.Errorf("sampling not passed through: model %q temperature %v seed %v", r.Model, r.Temperature, r.Seed)
		}
	}
	if got := wire(t, reqs[2]); *got[len(got)-1].Content != "Hello!" {
		t.Errorf("agent reply sent as %q", *got[len(got)-1].Content)
	}
	if got := *wire(t, reqs[1])[0].Content; !strings.Contains(got, "# Response:\n<hi>\n") {
		t.Errorf("verify prompt does not use ResponseText: %q", got)
	}
}

func TestTauBenchSystemPrompt(t *testing.T) {
	for _, s := range []tauuser.Strategy{tauuser.StrategyLLM, tauuser.StrategyReact, tauuser.StrategyVerify, tauuser.StrategyReflection} {
		tmpl := refLLMPrompt
		if s == tauuser.StrategyReact {
			tmpl = refReactPrompt
		}
		if got, want := tauuser.SystemPrompt(s, instruction), refSystem(tmpl); got != want {
			t.Errorf("%s:\n got %q\nwant %q", s, got, want)
		}
	}
}
