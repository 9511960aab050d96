package tauuser_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"go.uber.org/goleak"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/user"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// serve starts a scripted server over src on loopback and returns it with
// an OpenAI client talking to it (no retries, so faults surface at once).
func serve(t testing.TB, src scripted.Source) (*scripted.Server, *openai.Client) {
	t.Helper()
	s := scripted.NewServer(src)
	run, err := scripted.Start(s)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	t.Cleanup(func() {
		tr.CloseIdleConnections()
		run.Close()
	})
	c, err := openai.New(openai.Config{BaseURL: run.URL, Model: "user-model", APIKey: "test", HTTPClient: &http.Client{Transport: tr}, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

// wmsg is a request message reduced to what the reference's request
// holds: role, content (nil for null), tool calls and the id a tool
// message answers.
type wmsg struct {
	Role       string
	Content    *string
	ToolCalls  []wcall
	ToolCallID string
	Name       string
}

type wcall struct{ ID, Name, Arguments string }

func str(s string) *string { return &s }

func sys(s string) wmsg  { return wmsg{Role: "system", Content: str(s)} }
func usr(s string) wmsg  { return wmsg{Role: "user", Content: str(s)} }
func asst(s string) wmsg { return wmsg{Role: "assistant", Content: str(s)} }

// wire reduces the messages of a received request.
func wire(t testing.TB, req openai.ChatRequest) []wmsg {
	t.Helper()
	out := make([]wmsg, 0, len(req.Messages))
	for _, m := range req.Messages {
		w := wmsg{Role: m.Role, ToolCallID: m.ToolCallID, Name: m.Name}
		if len(m.Content) > 0 && string(m.Content) != "null" {
			var s string
			if err := json.Unmarshal(m.Content, &s); err != nil {
				t.Fatalf("content %s is not a string", m.Content)
			}
			w.Content = &s
		}
		for _, c := range m.ToolCalls {
			w.ToolCalls = append(w.ToolCalls, wcall{c.ID, c.Function.Name, openai.ArgumentsText(c.Function.Arguments)})
		}
		out = append(out, w)
	}
	return out
}

// converse plays the agent's side: it asks u for a message, then answers
// with the next agent reply, until u ends, fails, or the replies run out.
// It returns the user's messages.
func converse(ctx context.Context, u user.User, agent ...string) (said []string, done bool, err error) {
	var history []model.Message
	history = append(history, model.System("agent policy"))
	for {
		msg, done, err := u.Next(ctx, history)
		if err != nil || done {
			return said, done, err
		}
		said = append(said, msg)
		history = append(history, model.User(msg))
		if len(agent) == 0 {
			return said, false, nil
		}
		history = append(history, model.Assistant("", toolCallFor(len(said))), model.ToolMessage(toolResultFor(len(said))), model.Assistant(agent[0]))
		agent = agent[1:]
	}
}

// anchors returns the tau2 anchor folder, skipping the test when it is
// absent.
func anchors(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "anchors", "tau", "tau2", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("tau2 anchors not found at %s (../shared/anchors beside the module): %v", dir, err)
	}
	return dir
}

// toolCallFor and toolResultFor are the agent's tool step before its i-th
// reply, which the user never sees.
func toolCallFor(i int) tool.Call {
	return tool.Call{ID: fmt.Sprintf("agent_%d", i), Name: "lookup", Arguments: `{}`}
}

func toolResultFor(i int) tool.Result { return tool.OK(toolCallFor(i), tool.Text("found")) }
