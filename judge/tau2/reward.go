package tau2judge

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// RewardInfo is the evaluator's verdict (data_model/simulation.py
// RewardInfo): the reward, every component's checks, the reward basis and
// the per-component breakdown. It marshals member for member as the
// reference's model_dump_json does (floats as 1.0, null for absent
// members), so a verdict can be stored in a toolgym trajectory and
// compared with one the reference recorded.
//
// NotEvaluated is toolgym's addition: the components of the reward basis
// that could not be evaluated (NL_ASSERTION when no judge model was
// given). They are missing from Breakdown and Reward is the product of the
// others, so Reward is then an upper bound and must not be read as the
// reference's reward: use Final. The member is written only when not
// empty.
type RewardInfo struct {
	Reward            Float               `json:"reward"`
	DBCheck           *DBCheck            `json:"db_check"`
	EnvAssertions     []EnvAssertionCheck `json:"env_assertions"`
	ActionChecks      []ActionCheck       `json:"action_checks"`
	NLAssertions      []NLAssertionCheck  `json:"nl_assertions"`
	CommunicateChecks []CommunicateCheck  `json:"communicate_checks"`
	RewardBasis       []RewardType        `json:"reward_basis"`
	RewardBreakdown   Breakdown           `json:"reward_breakdown"`
	// Info holds the evaluators' notes ({"env": ..., "nl": ...,
	// "communicate": ..., "action": ...}); nil is null.
	Info         Dict         `json:"info"`
	NotEvaluated []RewardType `json:"not_evaluated,omitempty"`
}

// Final returns the reward and true when every component of the basis
// was evaluated, or Reward and false when some were not (see
// NotEvaluated).
func (r *RewardInfo) Final() (float64, bool) {
	return float64(r.Reward), len(r.NotEvaluated) == 0
}

// DBCheck is the database comparison's verdict.
type DBCheck struct {
	DBMatch  bool  `json:"db_match"`
	DBReward Float `json:"db_reward"`
}

// EnvAssertionCheck is one env assertion's verdict.
type EnvAssertionCheck struct {
	EnvAssertion EnvAssertion `json:"env_assertion"`
	Met          bool         `json:"met"`
	Reward       Float        `json:"reward"`
}

// ActionCheck is one gold action's verdict. ToolType is the tool's
// classification ("read", "write", ...), empty (null) when the tool is
// unknown to the domain.
type ActionCheck struct {
	Action       Action        `json:"action"`
	ActionMatch  bool          `json:"action_match"`
	ActionReward Float         `json:"action_reward"`
	ToolType     tau2.ToolType `json:"tool_type"`
}

// MarshalJSON writes an empty ToolType as null.
func (c ActionCheck) MarshalJSON() ([]byte, error) {
	w := newObject()
	w.field("action", c.Action)
	w.field("action_match", c.ActionMatch)
	w.field("action_reward", c.ActionReward)
	if c.ToolType == "" {
		w.field("tool_type", nil)
	} else {
		w.field("tool_type", c.ToolType)
	}
	return w.done()
}

// NLAssertionCheck is one natural-language assertion's verdict, as the
// judge model gave it.
type NLAssertionCheck struct {
	NLAssertion   string `json:"nl_assertion"`
	Met           bool   `json:"met"`
	Justification string `json:"justification"`
}

// CommunicateCheck is one communicate_info string's verdict.
type CommunicateCheck struct {
	Info          string `json:"info"`
	Met           bool   `json:"met"`
	Justification string `json:"justification"`
}

// MarshalJSON writes the requestor of an action made in Go without one as
// "assistant", the reference's default.
func (a Action) MarshalJSON() ([]byte, error) {
	type plain Action
	if a.Requestor == "" {
		a.Requestor = tau2.Assistant
	}
	return json.Marshal(plain(a))
}

// MarshalJSON writes the default requestor likewise.
func (tc ToolCall) MarshalJSON() ([]byte, error) {
	type plain ToolCall
	tc.Requestor = tc.requestor()
	return json.Marshal(plain(tc))
}

func (tc *ToolCall) requestor() tau2.Requestor {
	if tc.Requestor == "" {
		return tau2.Assistant
	}
	return tc.Requestor
}

// Component is one entry of a reward breakdown.
type Component struct {
	Type   RewardType
	Reward float64
}

// Breakdown is a reward breakdown: the reward of each component, in the
// order the evaluator added them (a JSON object). nil is null, an empty
// non-nil Breakdown is {}.
type Breakdown []Component

// Get returns t's reward.
func (b Breakdown) Get(t RewardType) (float64, bool) {
	for _, c := range b {
		if c.Type == t {
			return c.Reward, true
		}
	}
	return 0, false
}

// set adds or replaces t's reward, as dict assignment does.
func (b Breakdown) set(t RewardType, r float64) Breakdown {
	for i := range b {
		if b[i].Type == t {
			b[i].Reward = r
			return b
		}
	}
	return append(b, Component{t, r})
}

// update merges o into b, as dict.update does.
func (b Breakdown) update(o Breakdown) Breakdown {
	for _, c := range o {
		b = b.set(c.Type, c.Reward)
	}
	return b
}

// Map returns the breakdown as a map.
func (b Breakdown) Map() map[RewardType]float64 {
	if b == nil {
		return nil
	}
	m := make(map[RewardType]float64, len(b))
	for _, c := range b {
		m[c.Type] = c.Reward
	}
	return m
}

// MarshalJSON writes the components in order.
func (b Breakdown) MarshalJSON() ([]byte, error) {
	if b == nil {
		return []byte("null"), nil
	}
	w := newObject()
	for _, c := range b {
		w.field(string(c.Type), Float(c.Reward))
	}
	return w.done()
}

// UnmarshalJSON reads an object of reward types to numbers, in order.
func (b *Breakdown) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		*b = nil
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(data))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("tau2judge: reward_breakdown must be an object")
	}
	out := Breakdown{}
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return fmt.Errorf("tau2judge: reward_breakdown: %w", err)
		}
		var f Float
		if err := d.Decode(&f); err != nil {
			return fmt.Errorf("tau2judge: reward_breakdown: %w", err)
		}
		out = out.set(RewardType(tok.(string)), float64(f))
	}
	*b = out
	return nil
}

// note returns {"note": text}, the evaluators' info.
func note(text string) Dict { return DictOf("note", text) }

// infoOf returns the combined info {"env": ..., "nl": ..., "communicate":
// ..., "action": ...} of the ALL evaluations.
func infoOf(env, nl, comm, act *RewardInfo) Dict {
	val := func(r *RewardInfo) pyval.Value {
		if r == nil || r.Info.Dict == nil {
			return nil
		}
		return r.Info.Dict
	}
	return DictOf("env", val(env), "nl", val(nl), "communicate", val(comm), "action", val(act))
}
