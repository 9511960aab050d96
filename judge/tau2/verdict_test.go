package tau2judge_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/toolgym/toolgym/env/tau2"
	tau2judge "github.com/toolgym/toolgym/judge/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// checkVerdictJSON fails unless RewardInfo.AppendJSON gives json.Marshal's
// bytes and error, appended after a prefix.
func checkVerdictJSON(t *testing.T, name string, info *tau2judge.RewardInfo) {
	t.Helper()
	want, wantErr := json.Marshal(info)
	got, err := info.AppendJSON([]byte("prefix"))
	if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
		t.Errorf("%s: AppendJSON error %v, json.Marshal's %v", name, err, wantErr)
		return
	}
	if err != nil {
		if string(got) != "prefix" {
			t.Errorf("%s: AppendJSON failed but wrote %q", name, got)
		}
		return
	}
	if string(got) != "prefix"+string(want) {
		t.Errorf("%s:\nAppendJSON %s\njson       %s", name, got[len("prefix"):], want)
	}
}

// TestVerdictJSON checks the direct verdict writer against encoding/json
// on verdicts with every member set, absent and empty, strings that need
// escaping (HTML characters, control characters, U+2028, invalid UTF-8),
// non-finite floats, and Dicts encoding/json rejects (NaN) or pyval cannot
// encode (a set).
func TestVerdictJSON(t *testing.T) {
	msg, info := "a <b> & \"c\"\n\u2028", "x\x01y\xffz"
	nasty := "<&>\t\b\f\r\\\u2029é\xe2\x80"
	args := tau2judge.Dict{Dict: pyval.DictOf("k<", "v>&\u2028\n", "n", int64(3), "f", 1.5, "l", []pyval.Value{nil, true, false, "é"}, "d", pyval.DictOf())}
	full := &tau2judge.RewardInfo{
		Reward:  0.5,
		DBCheck: &tau2judge.DBCheck{DBMatch: true, DBReward: 1},
		EnvAssertions: []tau2judge.EnvAssertionCheck{
			{EnvAssertion: tau2judge.EnvAssertion{EnvType: tau2.User, FuncName: nasty, Arguments: args, AssertValue: true, Message: &msg}, Met: true, Reward: 1},
			{EnvAssertion: tau2judge.EnvAssertion{EnvType: tau2.Assistant, FuncName: "f"}},
		},
		ActionChecks: []tau2judge.ActionCheck{
			{Action: tau2judge.Action{ActionID: "a1", Name: nasty, Arguments: args, Info: &info, CompareArgs: []string{"k<", nasty}}, ActionMatch: true, ActionReward: 1, ToolType: tau2.Write},
			{Action: tau2judge.Action{ActionID: "a2", Requestor: tau2.User, Name: "g", CompareArgs: []string{}}},
		},
		NLAssertions:      []tau2judge.NLAssertionCheck{{NLAssertion: nasty, Met: true, Justification: msg}, {}},
		CommunicateChecks: []tau2judge.CommunicateCheck{{Info: "1,2", Justification: nasty}, {Met: true}},
		RewardBasis:       []tau2judge.RewardType{tau2judge.RewardDB, "X<Y"},
		RewardBreakdown:   tau2judge.Breakdown{{Type: tau2judge.RewardDB, Reward: 1}, {Type: "odd\u2028", Reward: 1e-5}, {Type: tau2judge.RewardDB, Reward: math.Inf(1)}},
		Info:              tau2judge.DictOf("env", pyval.DictOf("note", nasty), "nl", nil, "big", pyval.DictOf("x", -0.0, "y", 1e300)),
		NotEvaluated:      []tau2judge.RewardType{tau2judge.RewardNLAssertion},
	}
	cases := map[string]*tau2judge.RewardInfo{
		"zero":                  {},
		"nil":                   nil,
		"full":                  full,
		"empty":                 {EnvAssertions: []tau2judge.EnvAssertionCheck{}, ActionChecks: []tau2judge.ActionCheck{}, NLAssertions: []tau2judge.NLAssertionCheck{}, CommunicateChecks: []tau2judge.CommunicateCheck{}, RewardBasis: []tau2judge.RewardType{}, RewardBreakdown: tau2judge.Breakdown{}, Info: tau2judge.DictOf(), NotEvaluated: []tau2judge.RewardType{}},
		"nan":                   {Reward: tau2judge.Float(math.NaN()), DBCheck: &tau2judge.DBCheck{DBReward: tau2judge.Float(math.Inf(-1))}},
		"nan in a dict":         {Reward: 1, Info: tau2judge.DictOf("x", math.NaN())},
		"infinity in arguments": {ActionChecks: []tau2judge.ActionCheck{{Action: tau2judge.Action{Arguments: tau2judge.DictOf("x", math.Inf(-1))}}}},
		"unencodable dict":      {Info: tau2judge.DictOf("s", pyval.NewSet())},
	}
	for name, info := range cases {
		checkVerdictJSON(t, name, info)
	}
}

// FuzzVerdictJSON checks the writer's strings and Dicts against
// encoding/json for arbitrary text: as Go strings in every string member,
// and as keys and values of the Dicts.
func FuzzVerdictJSON(f *testing.F) {
	for _, s := range []string{"", "plain", "<a href='x'>&amp;</a>", "\u2028\u2029", "\x00\x1f\x7f", "\xff\xfe", "é🎉", `"\`} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		info := &tau2judge.RewardInfo{
			RewardBasis:       []tau2judge.RewardType{tau2judge.RewardType(a)},
			RewardBreakdown:   tau2judge.Breakdown{{Type: tau2judge.RewardType(b), Reward: 1}},
			CommunicateChecks: []tau2judge.CommunicateCheck{{Info: a, Justification: b}},
			ActionChecks:      []tau2judge.ActionCheck{{Action: tau2judge.Action{ActionID: a, Name: b, Arguments: tau2judge.DictOf(a, b, b, []pyval.Value{a})}, ToolType: tau2.ToolType(a)}},
			Info:              tau2judge.DictOf(b, pyval.DictOf(a, b)),
		}
		checkVerdictJSON(t, "fuzz", info)
	})
}
