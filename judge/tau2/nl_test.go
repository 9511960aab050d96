package tau2judge_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	tau2judge "github.com/toolgym/toolgym/judge/tau2"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/model/scripted"
)

// nlTask has NL_ASSERTION in its basis, next to COMMUNICATE.
const nlTask = `{
  "id": "nl",
  "user_scenario": {"instructions": "Ask for the users."},
  "evaluation_criteria": {
    "actions": [{"action_id": "g", "name": "get_users", "arguments": {}}],
    "communicate_info": ["Ada"],
    "nl_assertions": ["The agent lists Ada's tasks", "The agent is polite"],
    "reward_basis": ["NL_ASSERTION", "COMMUNICATE"]
  }
}`

// judgeServer serves the replies on loopback and returns a client for it.
func judgeServer(t *testing.T, replies ...scripted.Reply) (*scripted.Server, model.Model) {
	t.Helper()
	srv := scripted.NewServer(scripted.Script(replies...))
	run, err := scripted.Start(srv)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.Close() })
	client, err := openai.New(openai.Config{BaseURL: run.URL, Model: "judge", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	return srv, client
}

func TestNLJudge(t *testing.T) {
	dom := testDomain(t)
	task := parseTask(t, nlTask)
	sim := play(t, dom, task, task.EvaluationCriteria.Actions, "Ada has one task")
	ctx := context.Background()

	both := `{"results": [
	  {"expectedOutcome": "The agent lists Ada's tasks", "reasoning": "It did.", "metExpectation": true},
	  {"expectedOutcome": "The agent is polite", "reasoning": "Curt.", "metExpectation": %s}]}`
	for _, tc := range []struct {
		name   string
		answer string
		reward float64
		met    []bool
	}{
		{"all met", strings.Replace(both, "%s", "true", 1), 1, []bool{true, true}},
		{"one not met", strings.Replace(both, "%s", "false", 1), 0, []bool{true, false}},
		// pydantic's lax bools.
		{"lax bools", strings.Replace(strings.Replace(both, "true", `"yes"`, 1), "%s", "0", 1), 0, []bool{true, false}},
		// The reference rewards the judge's entries, not the assertions.
		{"no results", `{"verdict": "fine"}`, 1, []bool{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, judge := judgeServer(t, scripted.Text(tc.answer))
			ev := &tau2judge.Evaluator{Domain: dom, Judge: judge, JudgeModel: tau2judge.DefaultJudgeModel}
			info, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAll)
			if err != nil {
				t.Fatal(err)
			}
			var met []bool
			for _, c := range info.NLAssertions {
				met = append(met, c.Met)
			}
			if float64(info.Reward) != tc.reward || !slices.Equal(met, tc.met) && len(tc.met) > 0 || len(info.NotEvaluated) != 0 {
				t.Errorf("reward %v, met %v, not evaluated %v; want %v, %v", info.Reward, met, info.NotEvaluated, tc.reward, tc.met)
			}
			if got, _ := info.RewardBreakdown.Get(tau2judge.RewardNLAssertion); got != tc.reward {
				t.Errorf("NL_ASSERTION %v", got)
			}
			if len(tc.met) > 0 && (info.NLAssertions[1].NLAssertion != "The agent is polite" || info.NLAssertions[1].Justification != "Curt.") {
				t.Errorf("checks %+v", info.NLAssertions)
			}

			reqs := srv.Requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests", len(reqs))
			}
			checkJudgeRequest(t, reqs[0], sim.Messages)
		})
	}
}

// checkJudgeRequest checks the judge request against the reference's
// prompts, written out here as the reference's source has them.
func checkJudgeRequest(t *testing.T, req openai.ChatRequest, msgs []tau2judge.Message) {
	t.Helper()
	if req.Model != "gpt-4.1-2025-04-14" || req.Temperature == nil || *req.Temperature != 0 || len(req.Messages) != 2 {
		t.Fatalf("request model %q temperature %v, %d messages", req.Model, req.Temperature, len(req.Messages))
	}
	var system, user string
	json.Unmarshal(req.Messages[0].Content, &system)
	json.Unmarshal(req.Messages[1].Content, &user)
	if req.Messages[0].Role != "system" || req.Messages[1].Role != "user" {
		t.Errorf("roles %s, %s", req.Messages[0].Role, req.Messages[1].Role)
	}
	const ind = "        "
	wantSystem := "\n" + ind + "TASK\n" +
		ind + "- You will be given a list of expected outcomes and a conversation that was collected during a test case run.\n" +
		ind + "- The conversation is between an agent and a customer.\n" +
		ind + "- Your job is to evaluate whether the agent satisfies each of the expected outcomes.\n" +
		ind + "- Grade each expected outcome individually.\n\n" +
		ind + "FORMAT\n" +
		ind + "- Your response should be a JSON object with the following fields:\n" +
		ind + "- `reasoning`: a short explanation for your classification\n" +
		ind + "- `metExpectation`: `true` if the agent satisfies the expected outcomes, `false` otherwise\n" +
		ind + "- `expectedOutcome`: repeat the expectation from the input that you are grading\n" +
		ind + "\n" +
		ind + "Example response structure:\n" +
		ind + "{\n" +
		ind + "    \"results\": [\n" +
		ind + "        {\n" +
		ind + "            \"expectedOutcome\": \"<one of the expected outcomes from the input>\",\n" +
		ind + "            \"reasoning\": \"<reasoning trace>\",\n" +
		ind + "            \"metExpectation\": <false or true>,\n" +
		ind + "        }\n" +
		ind + "    ]\n" +
		ind + "}\n" + ind
	if system != wantSystem {
		t.Errorf("system prompt:\n%q\nwant\n%q", system, wantSystem)
	}
	// Every message as "role: content"; the tool call message has no
	// content ("None").
	var lines []string
	for _, m := range msgs {
		c := "None"
		if m.Content != nil {
			c = *m.Content
		}
		lines = append(lines, string(m.Role)+": "+c)
	}
	if !strings.Contains(lines[2], "assistant: None") {
		t.Errorf("line 2 is %q, want the call message without content", lines[2])
	}
	wantUser := "\n" + ind + "conversation:\n" + ind + strings.Join(lines, "\n") + "\n" + ind + "\n" +
		ind + "expectedOutcomes:\n" + ind + `["The agent lists Ada's tasks", 'The agent is polite']` + "\n" + ind
	if user != wantUser {
		t.Errorf("user prompt:\n%q\nwant\n%q", user, wantUser)
	}
}

func TestNLJudgeErrors(t *testing.T) {
	dom := testDomain(t)
	task := parseTask(t, nlTask)
	sim := play(t, dom, task, task.EvaluationCriteria.Actions, "Ada")
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		reply scripted.Reply
	}{
		{"fenced JSON", scripted.Text("```json\n{\"results\": []}\n```")},
		{"not an object", scripted.Text(`[{"expectedOutcome": "x", "reasoning": "y", "metExpectation": true}]`)},
		{"missing field", scripted.Text(`{"results": [{"expectedOutcome": "x", "metExpectation": true}]}`)},
		{"bad bool", scripted.Text(`{"results": [{"expectedOutcome": "x", "reasoning": "y", "metExpectation": "maybe"}]}`)},
		{"server error", scripted.HTTPError(500, "")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, judge := judgeServer(t, tc.reply)
			ev := &tau2judge.Evaluator{Domain: dom, Judge: judge}
			if _, err := ev.Evaluate(ctx, task, sim, tau2judge.EvalAll); !errors.Is(err, tau2judge.ErrJudge) {
				t.Errorf("err = %v, want ErrJudge", err)
			}
		})
	}
}

// TestNLNotEvaluated checks that without a judge NL_ASSERTION is reported
// as not evaluated, never as passed.
func TestNLNotEvaluated(t *testing.T) {
	dom := testDomain(t)
	task := parseTask(t, nlTask)
	sim := play(t, dom, task, task.EvaluationCriteria.Actions, "Ada")
	info := evaluate(t, dom, task, sim)
	if r, final := info.Final(); final || r != 1 {
		t.Errorf("Final() = %v, %v; want 1 (an upper bound), false", r, final)
	}
	if _, ok := info.RewardBreakdown.Get(tau2judge.RewardNLAssertion); ok {
		t.Errorf("breakdown %v holds NL_ASSERTION", info.RewardBreakdown)
	}
	b, _ := json.Marshal(info)
	if !strings.Contains(string(b), `"not_evaluated":["NL_ASSERTION"]`) || !strings.Contains(string(b), `"nl_assertions":null`) {
		t.Errorf("JSON %s", b)
	}
	// A failing component still makes the reward 0, final or not.
	sim = play(t, dom, task, nil, "Nobody")
	if info := evaluate(t, dom, task, sim); info.Reward != 0 {
		t.Errorf("reward %v", info.Reward)
	}
}

func TestParseJudgeAnswer(t *testing.T) {
	for _, tc := range []struct {
		answer string
		met    []bool
		ok     bool
	}{
		{`{"results": [{"expectedOutcome": "a", "reasoning": "r", "metExpectation": true}]}`, []bool{true}, true},
		{`{"results": [{"expectedOutcome": "a", "reasoning": "r", "metExpectation": 1}, {"expectedOutcome": "b", "reasoning": "r", "metExpectation": 0.0}]}`, []bool{true, false}, true},
		{`{"results": [{"expectedOutcome": "a", "reasoning": "r", "metExpectation": "TRUE"}, {"expectedOutcome": "b", "reasoning": "r", "metExpectation": "off"}]}`, []bool{true, false}, true},
		{`{"results": []}`, nil, true},
		{`{"results": {}}`, nil, true}, // iterating an empty dict yields nothing
		{`{"results": ""}`, nil, true},
		{`{}`, nil, true},
		{`{"results": [{"expectedOutcome": "a", "reasoning": "r", "metExpectation": 2}]}`, nil, false},
		{`{"results": [{"expectedOutcome": "a", "reasoning": "r", "metExpectation": " yes"}]}`, nil, false},
		{`{"results": [{"expectedOutcome": "a", "reasoning": "r", "metExpectation": null}]}`, nil, false},
		{`{"results": [{"expectedOutcome": 1, "reasoning": "r", "metExpectation": true}]}`, nil, false},
		{`{"results": ["a"]}`, nil, false},
		{`{"results": "abc"}`, nil, false},
		{`{"results": null}`, nil, false},
		{`null`, nil, false},
		{``, nil, false},
	} {
		checks, err := tau2judge.ParseJudgeAnswer(tc.answer)
		if (err == nil) != tc.ok {
			t.Errorf("%s: err = %v", tc.answer, err)
			continue
		}
		if err != nil {
			if !errors.Is(err, tau2judge.ErrJudge) {
				t.Errorf("%s: %v is not ErrJudge", tc.answer, err)
			}
			continue
		}
		var met []bool
		for _, c := range checks {
			met = append(met, c.Met)
		}
		if !slices.Equal(met, tc.met) {
			t.Errorf("%s: met %v, want %v", tc.answer, met, tc.met)
		}
	}
}
