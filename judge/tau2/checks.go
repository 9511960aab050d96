package tau2judge

import (
	"strings"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/pyval"
)

// actionReward is ActionEvaluator.calculate_reward: each gold action must
// match (Action.CompareWithToolCall) some tool call of a user or
// assistant message of the trajectory, in any order, a call matching any
// number of actions.
func actionReward(task *Task, traj []Message, types map[string]tau2.ToolType) *RewardInfo {
	gold := task.EvaluationCriteria.Actions
	if len(gold) == 0 {
		return &RewardInfo{
			Reward:          1,
			RewardBasis:     []RewardType{RewardDB},
			RewardBreakdown: Breakdown{{RewardAction, 1}},
			Info:            note("No actions to evaluate"),
		}
	}
	var calls []*ToolCall
	for i := range traj {
		m := &traj[i]
		if m.IsToolCall() {
			for j := range m.ToolCalls {
				calls = append(calls, &m.ToolCalls[j])
			}
		}
	}
	checks := make([]ActionCheck, len(gold))
	all := true
	for i := range gold {
		a := &gold[i]
		found := false
		for _, tc := range calls {
			if a.CompareWithToolCall(tc) {
				found = true
				break
			}
		}
		checks[i] = ActionCheck{Action: *a, ActionMatch: found, ToolType: types[a.Name]}
		if found {
			checks[i].ActionReward = 1
		} else {
			all = false
		}
	}
	reward := 0.0
	if all {
		reward = 1
	}
	return &RewardInfo{
		Reward:          Float(reward),
		ActionChecks:    checks,
		RewardBasis:     []RewardType{RewardDB},
		RewardBreakdown: Breakdown{{RewardAction, reward}},
	}
}

// communicateReward is CommunicateEvaluator.calculate_reward: each
// communicate_info string, lowercased, must be a substring of the text of
// one assistant message, lowercased and with its commas removed (the
// string keeps its own commas, so a string with a comma is never found).
func communicateReward(task *Task, traj []Message) *RewardInfo {
	infos := task.EvaluationCriteria.CommunicateInfo
	if len(infos) == 0 {
		return &RewardInfo{
			Reward:          1,
			RewardBasis:     []RewardType{RewardDB},
			RewardBreakdown: Breakdown{{RewardCommunicate, 1}},
			Info:            note("No communicate_info to evaluate"),
		}
	}
	// The assistant texts, lowered once.
	type text struct{ raw, lowered string }
	var texts []text
	for i := range traj {
		m := &traj[i]
		if m.Role != model.RoleAssistant || !hasText(m.Content) {
			continue
		}
		texts = append(texts, text{*m.Content, strings.ReplaceAll(pyval.Lower(*m.Content), ",", "")})
	}
	checks := make([]CommunicateCheck, len(infos))
	all := true
	for i, info := range infos {
		want := pyval.Lower(info)
		checks[i] = CommunicateCheck{Info: info, Justification: "Information '" + info + "' not communicated."}
		for _, t := range texts {
			if strings.Contains(t.lowered, want) {
				checks[i].Met = true
				checks[i].Justification = "Information '" + info + "' communicated in the message:\n '" + t.raw + "'"
				break
			}
		}
		if !checks[i].Met {
			all = false
		}
	}
	reward := 0.0
	if all {
		reward = 1
	}
	return &RewardInfo{
		Reward:            Float(reward),
		CommunicateChecks: checks,
		RewardBasis:       []RewardType{RewardDB},
		RewardBreakdown:   Breakdown{{RewardCommunicate, reward}},
	}
}
