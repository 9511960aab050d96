package tau2judge_test

import (
	"encoding/json"
	"testing"

	tau2judge "github.com/toolgym/toolgym/judge/tau2"
)

// FuzzDecode feeds arbitrary JSON to the decoders and the judge's parser:
// they may reject it, never panic, and what a message decodes to must
// encode and decode again to the same encoding.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		planTask, nlTask,
		`{"role": "tool", "id": "a", "content": "x", "requestor": "user", "error": true}`,
		`{"role": "assistant", "tool_calls": [{"name": "f", "arguments": {"a": [1, 2.5, {"b": null}]}}]}`,
		`{"results": [{"expectedOutcome": "a", "reasoning": "r", "metExpectation": "yes"}]}`,
		`{"DB": 1, "ACTION": 0.0}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var task tau2judge.Task
		_ = json.Unmarshal(b, &task)
		var bd tau2judge.Breakdown
		_ = json.Unmarshal(b, &bd)
		_, _ = tau2judge.ParseJudgeAnswer(string(b))
		var m tau2judge.Message
		if json.Unmarshal(b, &m) != nil {
			return
		}
		once, err := json.Marshal(m)
		if err != nil {
			return // a float json.dumps writes as NaN or Infinity
		}
		var again tau2judge.Message
		if err := json.Unmarshal(once, &again); err != nil {
			t.Fatalf("%s: re-decoding %s: %v", b, once, err)
		}
		twice, err := json.Marshal(again)
		if err != nil || string(twice) != string(once) {
			t.Fatalf("%s: %s then %s (%v)", b, once, twice, err)
		}
	})
}
