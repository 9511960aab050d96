package bfcl_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/scripted"
	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/suite"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/trajectory"
)

// promptingEpisode is testdata/prompting_episode.json: a prompting
// model's replies to multi_turn_miss_func_52, request by request, how many
// calls the reference's decoder finds in each (-1: it raises), and the
// user message carrying the results the reference sends after each reply
// with calls (format_execution_results_prompting over the decoded calls
// and the anchors' results), by the index of the request that ends with
// it.
type promptingEpisode struct {
	ID       string            `json:"id"`
	Replies  []string          `json:"replies"`
	Decoded  []int             `json:"decoded_calls"`
	Messages map[string]string `json:"results_messages"`
}

func loadPromptingSuite(t testing.TB, categories ...string) (*bfclsuite.Suite, []bfclsuite.Entry) {
	t.Helper()
	s := bfclsuite.NewPrompting()
	entries, err := s.LoadEntries(suite.Options{DataDir: anchorDir(t), Categories: categories})
	if err != nil {
		t.Fatal(err)
	}
	return s, entries
}

// A whole prompting episode over HTTP: the scripted server replays text
// replies holding Python calls; the model is sent the reference's system
// prompt and no tools, its replies verbatim, the reference's held-out
// prompt, and after each reply with calls the reference's results message,
// byte for byte; replies that do not decode end their turn; the episode
// scores as the reference would score it.
func TestPromptingEpisodeOverHTTP(t *testing.T) {
	b, err := os.ReadFile("testdata/prompting_episode.json")
	if err != nil {
		t.Fatal(err)
	}
	var pe promptingEpisode
	if err := json.Unmarshal(b, &pe); err != nil {
		t.Fatal(err)
	}
	for i, r := range pe.Replies {
		got, err := bfclsuite.DecodeExecutePrompting(r)
		if (pe.Decoded[i] < 0) != (err != nil) || (err == nil && len(got) != pe.Decoded[i]) {
			t.Errorf("reply %d %q decodes to %q, %v; the reference found %d calls", i, r, got, err, pe.Decoded[i])
		}
	}
	s, entries := loadPromptingSuite(t, "miss_func")
	e := entry(t, entries, pe.ID)
	tk, err := e.PromptingTask()
	if err != nil {
		t.Fatal(err)
	}
	replies := make([]scripted.Reply, len(pe.Replies))
	for i, r := range pe.Replies {
		replies[i] = scripted.Text(r)
	}
	res, out, srv := httpRun(t, s, []task.Task{tk}, scripted.Script(replies...))
	if res.Summary.Successes != 1 || res.Summary.Errored != 0 {
		for _, ep := range res.Episodes {
			t.Logf("%s: %s %s", ep.TaskID, ep.Status, ep.Error)
		}
		t.Fatalf("summary %+v: want the episode to succeed", res.Summary)
	}
	reqs := srv.Requests()
	if len(reqs) != len(pe.Replies) {
		t.Fatalf("%d requests, want one per reply (%d)", len(reqs), len(pe.Replies))
	}
	sys := bfclsuite.SystemPrompt(e.Functions)
	for i, req := range reqs {
		if len(req.Tools) != 0 || req.ToolChoice != nil {
			t.Errorf("request %d sends tools", i)
		}
		if req.Messages[0].Role != "system" || wireText(t, req.Messages[0].Content) != sys {
			t.Errorf("request %d: the system message is not the reference's system prompt", i)
		}
		for _, m := range req.Messages {
			if m.Role == "tool" || len(m.ToolCalls) > 0 {
				t.Errorf("request %d holds a %s message with %d native calls", i, m.Role, len(m.ToolCalls))
			}
		}
		last := req.Messages[len(req.Messages)-1]
		if want, ok := pe.Messages[strconv.Itoa(i)]; ok {
			if last.Role != "user" || wireText(t, last.Content) != want {
				t.Errorf("request %d ends with %s %q,\nwant the reference's results message %q", i, last.Role, wireText(t, last.Content), want)
			}
			prev := req.Messages[len(req.Messages)-2]
			if prev.Role != "assistant" || wireText(t, prev.Content) != pe.Replies[i-1] {
				t.Errorf("request %d: the reply before the results is %q, want it verbatim", i, wireText(t, prev.Content))
			}
		}
	}
	if got, want := wireText(t, reqs[1].Messages[len(reqs[1].Messages)-1].Content), bfclsuite.HoldoutUserPromptPrompting(e.Held[1]); got != want {
		t.Errorf("held-out turn says %q, want %q", got, want)
	}
	if got := wireText(t, reqs[1].Messages[2].Content); got != pe.Replies[0] {
		t.Errorf("the undecodable first reply is shown back as %q", got)
	}

	trs, err := trajectory.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tr := trs[0]
	if tr.Suite != bfclsuite.NamePrompting || len(tr.Messages) == 0 || tr.Messages[0].Role != model.RoleSystem {
		t.Errorf("trajectory of suite %q opens with %v", tr.Suite, tr.Messages[0].Role)
	}
	steps := []int{1, 2, 2, 2, 2}
	for i, turn := range tr.Turns {
		if turn.Steps != steps[i] || turn.EndReason != agent.EndReply {
			t.Errorf("turn %d: %d steps ending %q, want %d ending %q", i, turn.Steps, turn.EndReason, steps[i], agent.EndReply)
		}
	}
	var v bfclsuite.Verdict
	if err := json.Unmarshal(tr.Verdict, &v); err != nil {
		t.Fatal(err)
	}
	if !v.Valid || v.ModelCalls != 6 {
		t.Errorf("verdict %+v", v)
	}
	dir, paths, err := bfclsuite.WriteRunScoreFiles(out)
	if err != nil || len(paths) != 1 {
		t.Fatalf("score files %v: %v", paths, err)
	}
	if lines := readScoreFile(t, filepath.Join(dir, "BFCL_v4_multi_turn_miss_func_score.json")); len(lines) != 1 || lines[0]["accuracy"] != 1.0 {
		t.Errorf("score file %v", lines)
	}
	// The calls are in the trajectory as native calls with JSON arguments.
	for _, m := range tr.Messages {
		if m.Role == model.RoleAssistant && m.Text() == pe.Replies[1] {
			if len(m.ToolCalls) != 2 || m.ToolCalls[0].Arguments != `{"pedalPosition": 1.0}` {
				t.Errorf("recorded calls %+v", m.ToolCalls)
			}
		}
	}
}

// A prompting reply that decodes to calls the classes reject, and one that
// writes a wrong value: the episode fails as the reference's checker fails
// it, and the verdict records the raw text and the decoded calls.
func TestPromptingJudgeRecordsText(t *testing.T) {
	_, entries := loadPromptingSuite(t, "base")
	e := entry(t, entries, "multi_turn_base_52")
	texts := []string{
		"[pressBrakePedal(pedalPosition=0.5), startEngine(ignitionMode='START')]",
		"I will check.\n[check_tire_pressure()]",
		"post_tweet(content='x')",
		"comment(tweet_id=10, comment_content='y')",
	}
	turns := make([][]bfclsuite.Step, len(texts))
	for i, s := range texts {
		turns[i] = []bfclsuite.Step{{Text: s}}
	}
	m := bfclsuite.ModelResultOf(trajectoryOf(e, turns))
	m.Prompting = true
	v, err := bfclsuite.Judge(t.Context(), e, m, bfclsuite.JudgeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v.Valid || v.ErrorType != bfclsuite.TypeInstanceStateMismatch || v.Turn == nil || *v.Turn != 0 {
		t.Fatalf("verdict %s %s at %v", v.ErrorType, v.ErrorMessage, v.Turn)
	}
	var raw [][]string
	if err := json.Unmarshal(v.ModelResultRaw, &raw); err != nil || raw[1][0] != texts[1] {
		t.Errorf("model_result_raw %s", v.ModelResultRaw)
	}
	var dec [][][]string
	if err := json.Unmarshal(v.ModelResultDecoded, &dec); err != nil || len(dec[1]) != 0 || dec[0][0][0] != "pressBrakePedal(pedalPosition=0.5)" {
		t.Errorf("model_result_decoded %s", v.ModelResultDecoded)
	}
}

// The prompting env takes over the model an agent brings, even one that
// already parses text calls; a reply that does not decode records why.
func TestPromptingEnvAdaptsModel(t *testing.T) {
	_, entries := loadPromptingSuite(t, "base")
	e := entry(t, entries, "multi_turn_base_52")
	pe, err := e.NewPromptingEnv()
	if err != nil {
		t.Fatal(err)
	}
	base := scripted.NewInProcess(scripted.Script(scripted.Text("Let me see: [displayCarStatus(option='fuel')"), scripted.Text("[displayCarStatus(option='fuel')]"), scripted.Text("ok")))
	m := pe.AdaptModel(&toolcall.Model{Base: base, Parser: toolcall.Pythonic{}})
	tm, ok := m.(*toolcall.Model)
	if !ok || tm.Base != base || !tm.Verbatim {
		t.Fatalf("adapted model %#v", m)
	}
	a := &agent.FunctionCalling{Model: m}
	r, err := a.Respond(t.Context(), []model.Message{model.System(bfclsuite.SystemPrompt(e.Functions)), model.User("fuel?")}, pe, nil)
	if err != nil {
		t.Fatal(err)
	}
	msg := r.Steps[0].Response.Message
	if len(r.Steps) != 1 || len(msg.ToolCalls) != 0 || !strings.Contains(string(msg.Extra["tool_call_error"]), "does not decode") {
		t.Fatalf("undecodable reply: %d steps, calls %v, extra %s", len(r.Steps), msg.ToolCalls, msg.Extra["tool_call_error"])
	}
	r, err = a.Respond(t.Context(), []model.Message{model.User("fuel?")}, pe, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Steps) != 2 || !strings.HasPrefix(r.Steps[0].Results[0].Text(), `{"fuelLevel"`) {
		t.Fatalf("steps %+v", r.Steps)
	}
	if f, ok := pe.Fork().(*bfclsuite.PromptingEnv); !ok || f.Env == pe.Env {
		t.Errorf("fork %T shares the env", pe.Fork())
	}
	if _, err := bfclsuite.DecodeExecutePrompting("[x"); !errors.Is(err, bfclsuite.ErrUndecodable) {
		t.Errorf("error %v", err)
	}
}

// A function-calling reply with a call whose arguments are not a JSON
// object ends the turn before any of its calls runs, as the reference's
// decode_execute raises and its loop breaks; the next turn goes on.
func TestUndecodableNativeCallsEndTheTurn(t *testing.T) {
	s, entries := loadSuite(t, "base")
	tasks := tasksOf(t, entries, "multi_turn_base_52")
	src := scripted.Script(
		scripted.Calls(
			scripted.Call("pressBrakePedal", map[string]any{"pedalPosition": 1.0}),
			scripted.Call("startEngine", `{"ignitionMode": "START"`),
		),
		scripted.Calls(scripted.Call("displayCarStatus", map[string]any{"option": "brakePedal"})),
		scripted.Text("done"),
		scripted.Text("nothing"),
		scripted.Text("nothing"),
	)
	res, out, srv := httpRun(t, s, tasks, src)
	if srv.Count() != 5 || res.Summary.Successes != 0 {
		t.Fatalf("%d requests, summary %+v", srv.Count(), res.Summary)
	}
	trs, err := trajectory.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tr := trs[0]
	t0 := tr.Turns[0]
	if t0.EndReason != agent.EndUndecodable || t0.Steps != 1 || t0.End-t0.First != 2 {
		t.Errorf("turn 0: %+v, want one step, its reply kept and no tool message", t0)
	}
	// The brake was not pressed: the valid first call did not run.
	seen := 0
	for _, m := range tr.Messages[tr.Turns[1].First:tr.Turns[1].End] {
		if m.Role == model.RoleTool {
			seen++
			if !strings.Contains(m.Text(), `"brakePedalStatus": "released"`) {
				t.Errorf("turn 1 sees %s", m.Text())
			}
		}
	}
	if seen != 1 {
		t.Errorf("turn 1 ran %d calls, want 1", seen)
	}
	// The next request holds the reply with its calls and no results.
	second := srv.Requests()[1]
	if len(second.Messages) != 3 || len(second.Messages[1].ToolCalls) != 2 {
		t.Errorf("second request %+v", second.Messages)
	}
}

// wireText decodes a wire message's string content.
func wireText(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("content %s: %v", raw, err)
	}
	return s
}
