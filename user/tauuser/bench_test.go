package tauuser_test

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/user"
	"github.com/toolgym/toolgym/user/tauuser"
)

// benchTurns is the length of a benchmarked conversation.
const benchTurns = 10

// runConversation plays benchTurns turns against u.
func runConversation(b *testing.B, u user.User) {
	history := []model.Message{model.System("policy")}
	for range benchTurns {
		msg, done, err := u.Next(context.Background(), history)
		if err != nil || done {
			b.Fatalf("done=%v err=%v", done, err)
		}
		history = append(history, model.User(msg), model.Assistant("Could you tell me more about it, please?"))
	}
}

// The user's own cost per conversation of benchTurns turns, over an
// in-process model (no HTTP): prompt building, state keeping and parsing.
func BenchmarkTauBenchConversation(b *testing.B) {
	m := scripted.NewInProcess(scripted.SourceFunc(func(*openai.ChatRequest, int) scripted.Reply {
		return scripted.Text("Thought: go on.\nUser Response: I want to exchange my keyboard for a quieter one.")
	}))
	b.ReportAllocs()
	for b.Loop() {
		u, err := tauuser.NewTauBench(tauuser.TauBenchConfig{Model: m, Instruction: instruction, Strategy: tauuser.StrategyReact})
		if err != nil {
			b.Fatal(err)
		}
		runConversation(b, u)
	}
}

// The same for a tau2 user whose every turn makes one tool call first.
func BenchmarkTau2Conversation(b *testing.B) {
	m := scripted.NewInProcess(scripted.SourceFunc(func(req *openai.ChatRequest, _ int) scripted.Reply {
		if req.Messages[len(req.Messages)-1].Role == "tool" {
			return scripted.Text("The status bar shows no signal at all.")
		}
		return toolReply("", rawCall("u1", "check_status_bar", `{"verbose": true}`))
	}))
	dev := newDeviceTools()
	b.ReportAllocs()
	for b.Loop() {
		u, err := tauuser.NewTau2(tauuser.Tau2Config{Model: m, Instructions: "Instructions:\n\tMy phone has no signal.", Guidelines: testGuidelines, Tools: dev})
		if err != nil {
			b.Fatal(err)
		}
		runConversation(b, u)
	}
}
