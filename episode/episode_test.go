package episode_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/episode"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
	"github.com/toolgym/toolgym/user"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// setup starts a scripted server replaying replies and returns an agent
// talking to it through the real OpenAI client.
func setup(t *testing.T, stream bool, timeout time.Duration, replies ...scripted.Reply) (*agent.FunctionCalling, *scripted.Server) {
	t.Helper()
	srv := scripted.NewServer(scripted.Script(replies...))
	run, err := scripted.Start(srv)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.Close() })
	c, err := openai.New(openai.Config{
		BaseURL: run.URL, Model: "test", Timeout: timeout, MaxRetries: 2,
		BackoffBase: time.Millisecond, BackoffMax: 5 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &agent.FunctionCalling{Model: c, MaxSteps: 5, Settings: model.Request{Stream: stream}}, srv
}

func oneTurn(text string) *task.Task {
	return &task.Task{ID: "t1", Env: "notes", System: "You keep notes.", Turns: []task.Turn{{User: text}}}
}

func runEpisode(ctx context.Context, ag agent.Agent, tk *task.Task, e *notes) *trajectory.Trajectory {
	return episode.Run(ctx, episode.Config{Task: tk, Env: e, Agent: ag, User: user.NewScripted(tk.UserTurns()...)})
}

func toolMessages(tr *trajectory.Trajectory) []trajectory.Message {
	var out []trajectory.Message
	for _, m := range tr.Messages {
		if m.Role == model.RoleTool {
			out = append(out, m)
		}
	}
	return out
}

func TestParallelCallsRunConcurrentlyInOrder(t *testing.T) {
	for _, stream := range []bool{false, true} {
		t.Run(map[bool]string{false: "json", true: "stream"}[stream], func(t *testing.T) {
			ag, srv := setup(t, stream, 5*time.Second,
				scripted.Calls(
					scripted.Call("slow_echo", map[string]any{"text": "first", "ms": 150}),
					scripted.Call("slow_echo", map[string]any{"text": "second", "ms": 10}),
					scripted.Call("slow_echo", map[string]any{"text": "third", "ms": 80}),
				),
				scripted.Text("all echoed"),
			)
			e := newNotes()
			tr := runEpisode(context.Background(), ag, oneTurn("echo three things"), e)
			if tr.Status != trajectory.StatusCompleted {
				t.Fatalf("status %s: %+v", tr.Status, tr.Error)
			}
			if got := e.state.maxInFlight.Load(); got < 2 {
				t.Errorf("at most %d calls ran at once; want the 3 calls of one message to overlap", got)
			}
			obs := toolMessages(tr)
			var texts []string
			for _, m := range obs {
				texts = append(texts, m.Text())
			}
			if strings.Join(texts, ",") != "first,second,third" {
				t.Errorf("observations %v, want them in call order", texts)
			}
			// The model's second request carries the three results in order,
			// each answering its call id.
			reqs := srv.Requests()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			second := reqs[1].Messages
			calls := second[len(second)-4].ToolCalls
			for i, m := range second[len(second)-3:] {
				if m.Role != "tool" || m.ToolCallID != calls[i].ID {
					t.Errorf("message %d: role %s answering %q, want tool answering %q", i, m.Role, m.ToolCallID, calls[i].ID)
				}
			}
			if tr.Turns[0].Steps != 2 || tr.Turns[0].EndReason != agent.EndReply {
				t.Errorf("turn %+v, want 2 steps ending in a reply", tr.Turns[0])
			}
		})
	}
}

func TestErrorObservations(t *testing.T) {
	ag, srv := setup(t, false, 5*time.Second,
		scripted.Calls(
			scripted.Call("delete_everything", map[string]any{}),
			scripted.Call("add_note", `{"text": "unterminated`),
			scripted.Call("add_note", map[string]any{"text": 42}),
			scripted.Call("add_note", map[string]any{}),
			scripted.Call("explode", map[string]any{}),
			scripted.Call("add_note", map[string]any{"text": "ok"}),
		),
		scripted.Text("one note added"),
	)
	e := newNotes()
	tr := runEpisode(context.Background(), ag, oneTurn("add a note"), e)
	if tr.Status != trajectory.StatusCompleted {
		t.Fatalf("status %s: %+v", tr.Status, tr.Error)
	}
	obs := toolMessages(tr)
	want := []struct {
		kind error
		text string
	}{
		{tool.ErrUnknownTool, `unknown tool "delete_everything"; available tools: add_note, explode, list_notes, slow_echo`},
		{tool.ErrInvalidJSON, "arguments of add_note are not valid JSON"},
		{tool.ErrInvalidArguments, "at '/text': got number, want string"},
		{tool.ErrInvalidArguments, "missing property 'text'"},
		{tool.ErrFailed, "the explode tool failed on purpose"},
		{nil, "added"},
	}
	if len(obs) != len(want) {
		t.Fatalf("%d observations, want %d", len(obs), len(want))
	}
	for i, w := range want {
		m := obs[i]
		switch {
		case w.kind == nil && m.ToolError != nil:
			t.Errorf("obs %d: unexpected error %v", i, m.ToolError)
		case w.kind != nil && (m.ToolError == nil || !errors.Is(m.ToolError, w.kind)):
			t.Errorf("obs %d: error %v, want kind %v", i, m.ToolError, w.kind)
		}
		if !strings.Contains(m.Text(), w.text) {
			t.Errorf("obs %d: %q does not contain %q", i, m.Text(), w.text)
		}
		if w.kind != nil && !strings.HasPrefix(m.Text(), "Error: ") {
			t.Errorf("obs %d: %q should start with Error:", i, m.Text())
		}
	}
	// The model saw the same error texts in its next request.
	second := srv.Requests()[1].Messages
	seen := string(second[len(second)-4].Content)
	if !strings.Contains(seen, "got number, want string") {
		t.Errorf("the model saw %s for the schema violation", seen)
	}
	if got := e.state.Notes; len(got) != 1 || got[0] != "ok" {
		t.Errorf("notes %v, want only the valid call's", got)
	}
}

func TestRetriesOn429And500(t *testing.T) {
	for _, stream := range []bool{false, true} {
		ag, srv := setup(t, stream, 5*time.Second,
			scripted.RateLimited("0"),
			scripted.HTTPError(500, `{"error": {"message": "overloaded"}}`),
			scripted.Calls(scripted.Call("add_note", map[string]any{"text": "x"})),
			scripted.HTTPError(503, ""),
			scripted.Text("done"),
		)
		tr := runEpisode(context.Background(), ag, oneTurn("add x"), newNotes())
		if tr.Status != trajectory.StatusCompleted {
			t.Fatalf("stream=%v: status %s: %+v", stream, tr.Status, tr.Error)
		}
		if srv.Count() != 5 {
			t.Errorf("stream=%v: %d requests, want 5", stream, srv.Count())
		}
		var attempts []int
		for _, m := range tr.Messages {
			if m.Role == model.RoleAssistant {
				attempts = append(attempts, m.Attempts)
			}
		}
		if len(attempts) != 2 || attempts[0] != 3 || attempts[1] != 2 {
			t.Errorf("stream=%v: attempts per model call %v, want [3 2]", stream, attempts)
		}
	}
}

func TestBackendFailuresEndEpisodeAsErrored(t *testing.T) {
	cases := []struct {
		name    string
		stream  bool
		timeout time.Duration
		replies []scripted.Reply
		want    error
	}{
		{"truncated stream", true, 5 * time.Second, []scripted.Reply{
			scripted.Truncated(scripted.Text("a long answer that never ends")),
			scripted.Truncated(scripted.Text("a long answer that never ends")),
			scripted.Truncated(scripted.Text("a long answer that never ends")),
		}, model.ErrTruncatedStream},
		{"timeout", false, 50 * time.Millisecond, []scripted.Reply{
			scripted.Text("late").After(time.Second),
			scripted.Text("late").After(time.Second),
			scripted.Text("late").After(time.Second),
		}, model.ErrTimeout},
		{"malformed", false, 5 * time.Second, []scripted.Reply{scripted.Malformed()}, model.ErrMalformedResponse},
		{"retries exhausted", false, 5 * time.Second, []scripted.Reply{
			scripted.HTTPError(500, ""), scripted.HTTPError(502, ""), scripted.HTTPError(503, ""),
		}, model.ErrServer},
		{"bad request", false, 5 * time.Second, []scripted.Reply{scripted.HTTPError(400, `{"error": {"message": "context too long"}}`)}, model.ErrBadRequest},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ag, _ := setup(t, tc.stream, tc.timeout,
				append([]scripted.Reply{scripted.Calls(scripted.Call("add_note", map[string]any{"text": "kept"}))}, tc.replies...)...)
			e := newNotes()
			tr := runEpisode(context.Background(), ag, oneTurn("add a note"), e)
			if tr.Status != trajectory.StatusErrored || tr.Error == nil || tr.Error.Kind != "model" {
				b, _ := json.Marshal(tr)
				t.Fatalf("status %s error %+v, want errored by the model\n%s", tr.Status, tr.Error, b)
			}
			// The step before the failure is kept, with its state hash.
			if len(toolMessages(tr)) != 1 || len(tr.Turns) != 1 || tr.Turns[0].EndReason != agent.EndError {
				t.Errorf("trajectory lost the step before the failure: %d tool messages, turns %+v", len(toolMessages(tr)), tr.Turns)
			}
			if tr.Turns[0].StateHash == tr.InitialStateHash {
				t.Error("state hash after the turn should reflect the note added before the failure")
			}
			// The agent reports the failure as the typed error callers branch on.
			ag2, _ := setup(t, tc.stream, tc.timeout, tc.replies...)
			reply, err := ag2.Respond(context.Background(), []model.Message{model.User("hi")}, newNotes(), nil)
			if !errors.Is(err, tc.want) || reply.EndReason != agent.EndError {
				t.Errorf("agent error %v (end %q), want errors.Is %v", err, reply.EndReason, tc.want)
			}
			if !strings.Contains(strings.ToLower(tr.Error.Message), wantWord(tc.want)) {
				t.Errorf("error %q does not say %q", tr.Error.Message, wantWord(tc.want))
			}
		})
	}
}

func wantWord(err error) string {
	switch err {
	case model.ErrTruncatedStream:
		return "truncated"
	case model.ErrTimeout:
		return "timed out"
	case model.ErrMalformedResponse:
		return "malformed"
	case model.ErrServer:
		return "503"
	case model.ErrBadRequest:
		return "context too long"
	}
	return err.Error()
}

func TestCancellationMidEpisode(t *testing.T) {
	ag, _ := setup(t, true, 10*time.Second,
		scripted.Calls(scripted.Call("add_note", map[string]any{"text": "before"})),
		scripted.Text("slow").After(5*time.Second),
	)
	ctx, cancel := context.WithCancel(context.Background())
	var events []episode.EventKind
	cfg := episode.Config{
		Task: oneTurn("add"), Env: newNotes(), Agent: ag, User: user.NewScripted("add"),
		Observer: func(e episode.Event) {
			events = append(events, e.Kind)
			if e.Kind == episode.StepEnd {
				cancel() // cancel while the second model call waits
			}
		},
	}
	start := time.Now()
	tr := episode.Run(ctx, cfg)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("cancellation took %v", d)
	}
	if tr.Status != trajectory.StatusCanceled {
		t.Fatalf("status %s (%+v), want canceled", tr.Status, tr.Error)
	}
	if len(toolMessages(tr)) != 1 {
		t.Error("the step finished before cancellation was lost")
	}
	if events[0] != episode.EpisodeStart || events[len(events)-1] != episode.EpisodeEnd {
		t.Errorf("events %v", events)
	}
	// goleak (TestMain) checks that no goroutine outlives the test.
}

func TestMaxStepsBudget(t *testing.T) {
	var replies []scripted.Reply
	for range 5 {
		replies = append(replies, scripted.Calls(scripted.Call("list_notes", map[string]any{})))
	}
	ag, _ := setup(t, false, 5*time.Second, replies...)
	ag.MaxSteps = 3
	tr := runEpisode(context.Background(), ag, oneTurn("loop"), newNotes())
	if tr.Status != trajectory.StatusCompleted || tr.Turns[0].EndReason != agent.EndMaxSteps || tr.Turns[0].Steps != 3 {
		t.Errorf("status %s, turn %+v; want a completed episode whose turn hit max_steps after 3 steps", tr.Status, tr.Turns[0])
	}

	// With StopAtMaxSteps (BFCL's force quit) the episode ends there, even
	// though the user had a second turn.
	ag2, _ := setup(t, false, 5*time.Second, replies...)
	ag2.MaxSteps = 3
	tk := &task.Task{ID: "two", Env: "notes", Turns: []task.Turn{{User: "loop"}, {User: "more"}}}
	tr = episode.Run(context.Background(), episode.Config{Task: tk, Env: newNotes(), Agent: ag2, User: user.NewScripted(tk.UserTurns()...), StopAtMaxSteps: true})
	if tr.Status != trajectory.StatusBudget || len(tr.Turns) != 1 || tr.Error == nil || !strings.Contains(tr.Error.Message, "ran out of agent steps") {
		t.Errorf("status %s after %d turns (%+v); want budget_exhausted after the first", tr.Status, len(tr.Turns), tr.Error)
	}
}

func TestMultiTurnStateHashes(t *testing.T) {
	ag, _ := setup(t, false, 5*time.Second,
		scripted.Calls(scripted.Call("add_note", map[string]any{"text": "a"})), scripted.Text("added a"),
		scripted.Text("nothing to do"),
		scripted.Calls(scripted.Call("add_note", map[string]any{"text": "b"})), scripted.Text("added b"),
	)
	tk := &task.Task{ID: "m", Env: "notes", Turns: []task.Turn{{User: "add a"}, {User: "hi"}, {User: "add b"}}}
	tr := runEpisode(context.Background(), ag, tk, newNotes())
	if tr.Status != trajectory.StatusCompleted || len(tr.Turns) != 3 {
		t.Fatalf("status %s, %d turns", tr.Status, len(tr.Turns))
	}
	h := []string{tr.InitialStateHash, tr.Turns[0].StateHash, tr.Turns[1].StateHash, tr.Turns[2].StateHash}
	if h[0] == h[1] || h[1] != h[2] || h[2] == h[3] {
		t.Errorf("state hashes %v: want a change, no change, a change", h)
	}
	for i, turn := range tr.Turns {
		for _, m := range tr.Messages[turn.First:turn.End] {
			if m.Turn != i {
				t.Errorf("message %+v in turn %d's range says turn %d", m.Role, i, m.Turn)
			}
		}
	}
	if tr.Usage.TotalTokens == 0 {
		t.Error("no token usage recorded")
	}
}
