package tau2judge

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/pyval"
)

// ErrJudge: the NL assertion judge failed, or answered something the
// reference's parsing rejects (not JSON, not an object, a result without
// expectedOutcome, metExpectation or reasoning, or one pydantic would not
// validate).
var ErrJudge = errors.New("tau2judge: NL assertion judge failed")

// JudgeTemperature is the reference's temperature for the NL judge.
const JudgeTemperature = 0.0

// DefaultJudgeModel is the model the reference judges NL assertions with.
const DefaultJudgeModel = "gpt-4.1-2025-04-14"

// judgeSystemPrompt is the reference's system prompt, indentation and all.
const judgeSystemPrompt = `
        TASK
        - You will be given a list of expected outcomes and a conversation that was collected during a test case run.
        - The conversation is between an agent and a customer.
        - Your job is to evaluate whether the agent satisfies each of the expected outcomes.
        - Grade each expected outcome individually.

        FORMAT
        - Your response should be a JSON object with the following fields:
        - ` + "`reasoning`" + `: a short explanation for your classification
        - ` + "`metExpectation`" + `: ` + "`true`" + ` if the agent satisfies the expected outcomes, ` + "`false`" + ` otherwise
        - ` + "`expectedOutcome`" + `: repeat the expectation from the input that you are grading
        
        Example response structure:
        {
            "results": [
                {
                    "expectedOutcome": "<one of the expected outcomes from the input>",
                    "reasoning": "<reasoning trace>",
                    "metExpectation": <false or true>,
                }
            ]
        }
        `

// JudgePrompt returns the system and user prompts the reference sends its
// NL judge for a trajectory and a list of assertions: every message as
// "role: content" (content None written "None"), and the assertions as
// Python writes a list of strings.
func JudgePrompt(traj []Message, assertions []string) (system, user string) {
	var b strings.Builder
	for i := range traj {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(traj[i].Role))
		b.WriteString(": ")
		b.WriteString(traj[i].contentRepr())
	}
	list := make([]pyval.Value, len(assertions))
	for i, a := range assertions {
		list[i] = a
	}
	user = "\n        conversation:\n        " + b.String() +
		"\n        \n        expectedOutcomes:\n        " + pyval.Repr(list) + "\n        "
	return judgeSystemPrompt, user
}

// nlReward is NLAssertionsEvaluator.calculate_reward.
func (ev *Evaluator) nlReward(ctx context.Context, task *Task, traj []Message) (*RewardInfo, error) {
	assertions := task.EvaluationCriteria.NLAssertions
	if len(assertions) == 0 {
		return &RewardInfo{
			Reward:          1,
			NLAssertions:    []NLAssertionCheck{},
			RewardBasis:     []RewardType{RewardDB},
			RewardBreakdown: Breakdown{{RewardNLAssertion, 1}},
			Info:            note("No nl_assertions to evaluate"),
		}, nil
	}
	if ev.Judge == nil {
		return &RewardInfo{
			Reward:          1,
			RewardBasis:     []RewardType{RewardDB},
			RewardBreakdown: Breakdown{},
			Info:            note("NL assertions not evaluated: no judge model"),
			NotEvaluated:    []RewardType{RewardNLAssertion},
		}, nil
	}
	for i := range traj {
		if traj[i].isMulti() {
			return nil, fmt.Errorf("%w: 'MultiToolMessage' object has no attribute 'content'", ErrJudge)
		}
	}
	checks, err := JudgeNLAssertions(ctx, ev.Judge, ev.JudgeModel, traj, assertions)
	if err != nil {
		return nil, err
	}
	reward := 1.0
	for _, c := range checks {
		if !c.Met {
			reward = 0
		}
	}
	return &RewardInfo{
		Reward:          Float(reward),
		NLAssertions:    checks,
		RewardBasis:     []RewardType{RewardDB},
		RewardBreakdown: Breakdown{{RewardNLAssertion, reward}},
	}, nil
}

// JudgeNLAssertions asks judge whether traj satisfies each assertion, with
// the reference's prompts at temperature 0 (modelName, when not empty,
// names the model in the request), and parses the answer as the reference
// does: the content must be a JSON object; each entry of its "results"
// (none when absent) gives a check from expectedOutcome, metExpectation
// (a bool, or what pydantic accepts as one: 0, 1, "true", "no", ...) and
// reasoning. The checks are the judge's entries, not the assertions: the
// reference rewards 1 when every entry is met, so an answer with no
// entries passes.
func JudgeNLAssertions(ctx context.Context, judge model.Model, modelName string, traj []Message, assertions []string) ([]NLAssertionCheck, error) {
	system, user := JudgePrompt(traj, assertions)
	temp := JudgeTemperature
	resp, err := judge.Generate(ctx, &model.Request{
		Model:       modelName,
		Messages:    []model.Message{model.System(system), model.User(user)},
		Temperature: &temp,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrJudge, err)
	}
	return ParseJudgeAnswer(resp.Message.Text())
}

// ParseJudgeAnswer parses a judge's answer as the reference does (see
// JudgeNLAssertions).
func ParseJudgeAnswer(content string) ([]NLAssertionCheck, error) {
	v, err := pyval.FromJSON([]byte(content))
	if err != nil {
		return nil, fmt.Errorf("%w: answer is not JSON: %w", ErrJudge, err)
	}
	obj, ok := v.(*pyval.Dict)
	if !ok {
		return nil, fmt.Errorf("%w: answer is a JSON %s, not an object", ErrJudge, pyval.TypeName(v))
	}
	rv, ok := obj.Get("results")
	if !ok {
		return []NLAssertionCheck{}, nil
	}
	var items []pyval.Value
	switch x := rv.(type) {
	case []pyval.Value:
		items = x
	case *pyval.Dict:
		items = x.Keys() // iterating a dict yields its keys
	case string:
		for _, r := range x {
			items = append(items, string(r))
		}
	default:
		return nil, fmt.Errorf("%w: results is a %s, not a list", ErrJudge, pyval.TypeName(rv))
	}
	checks := make([]NLAssertionCheck, 0, len(items))
	for i, it := range items {
		d, ok := it.(*pyval.Dict)
		if !ok {
			return nil, fmt.Errorf("%w: results[%d] is a %s, not an object", ErrJudge, i, pyval.TypeName(it))
		}
		outcome, ok1 := d.Get("expectedOutcome")
		met, ok2 := d.Get("metExpectation")
		reasoning, ok3 := d.Get("reasoning")
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("%w: results[%d] lacks expectedOutcome, metExpectation or reasoning", ErrJudge, i)
		}
		o, ok1 := outcome.(string)
		r, ok3 := reasoning.(string)
		if !ok1 || !ok3 {
			return nil, fmt.Errorf("%w: results[%d]: expectedOutcome and reasoning must be strings", ErrJudge, i)
		}
		b, err := laxBool(met)
		if err != nil {
			return nil, fmt.Errorf("%w: results[%d]: metExpectation: %w", ErrJudge, i, err)
		}
		checks = append(checks, NLAssertionCheck{NLAssertion: o, Met: b, Justification: r})
	}
	return checks, nil
}

// laxBool validates v as pydantic's bool in lax mode.
func laxBool(v pyval.Value) (bool, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case int64:
		if x == 0 || x == 1 {
			return x == 1, nil
		}
	case *big.Int:
	case float64:
		if x == 0 || x == 1 {
			return x == 1, nil
		}
	case string:
		switch strings.ToLower(x) {
		case "0", "off", "f", "false", "n", "no":
			return false, nil
		case "1", "on", "t", "true", "y", "yes":
			return true, nil
		}
	}
	return false, fmt.Errorf("Input should be a valid boolean, got %s", pyval.Repr(v))
}
