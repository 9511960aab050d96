package tau2judge

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// ErrInvalidTask is wrapped by the errors of task decoding: a value the
// reference's pydantic models would reject (a required field missing, a
// requestor other than "user" or "assistant", an unknown reward type).
var ErrInvalidTask = errors.New("tau2judge: invalid task")

// RewardType names a reward component (the reference's RewardType).
type RewardType string

// The reward components.
const (
	RewardDB           RewardType = "DB"
	RewardEnvAssertion RewardType = "ENV_ASSERTION"
	RewardNLAssertion  RewardType = "NL_ASSERTION"
	RewardAction       RewardType = "ACTION"
	RewardCommunicate  RewardType = "COMMUNICATE"
)

func (t RewardType) valid() bool {
	switch t {
	case RewardDB, RewardEnvAssertion, RewardNLAssertion, RewardAction, RewardCommunicate:
		return true
	}
	return false
}

// DefaultRewardBasis is the reward_basis of criteria that give none:
// DB and COMMUNICATE, as the original tau-bench.
func DefaultRewardBasis() []RewardType { return []RewardType{RewardDB, RewardCommunicate} }

// Task is one tau2 task (data_model/tasks.py Task). Decoding follows the
// reference's pydantic model: absent optional fields stay nil (null and
// [] are told apart where the reference tells them apart), required ones
// are checked. Members the model does not declare (airline's
// "annotations") are kept in Extra but not written back, as model_dump
// drops them.
type Task struct {
	ID                 string              `json:"id"`
	Description        *Description        `json:"description"`
	UserScenario       UserScenario        `json:"user_scenario"`
	Ticket             *string             `json:"ticket"`
	InitialState       *InitialState       `json:"initial_state"`
	EvaluationCriteria *EvaluationCriteria `json:"evaluation_criteria"`
	Issues             []TaskIssue         `json:"issues"`
	RequiredDocuments  []string            `json:"required_documents"`
	// UserTools names the user tools available to the user simulator:
	// nil means all of them, an empty list none.
	UserTools []string `json:"user_tools"`
	// Extra holds members the reference's model ignores.
	Extra map[string]json.RawMessage `json:"-"`
}

// taskMembers are the members Task declares.
var taskMembers = []string{"id", "description", "user_scenario", "ticket", "initial_state",
	"evaluation_criteria", "issues", "required_documents", "user_tools"}

// UnmarshalJSON decodes a task, checking what pydantic checks.
func (t *Task) UnmarshalJSON(b []byte) error {
	type plain Task
	var p plain
	f, err := decodeFields(b, "task")
	if err != nil {
		return err
	}
	if !present(f.vals["id"]) || !present(f.vals["user_scenario"]) {
		return fmt.Errorf("%w: task needs id and user_scenario", ErrInvalidTask)
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("task %s: %w", strings.Trim(string(f.vals["id"]), `"`), err)
	}
	for _, k := range taskMembers {
		f.take(k)
	}
	p.Extra = f.rest()
	*t = Task(p)
	return nil
}

// Description says what a task tests.
type Description struct {
	Purpose          *string `json:"purpose"`
	RelevantPolicies *string `json:"relevant_policies"`
	Notes            *string `json:"notes"`
}

// UserScenario is what the user simulator is told.
type UserScenario struct {
	Persona      *string      `json:"persona"`
	Instructions Instructions `json:"instructions"`
}

// UnmarshalJSON checks that the instructions are there.
func (u *UserScenario) UnmarshalJSON(b []byte) error {
	type plain UserScenario
	var p plain
	f, err := decodeFields(b, "user_scenario")
	if err != nil {
		return err
	}
	if !present(f.vals["instructions"]) {
		return fmt.Errorf("%w: user_scenario needs instructions", ErrInvalidTask)
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*u = UserScenario(p)
	return nil
}

// String returns str(user_scenario) as the reference renders it.
func (u UserScenario) String() string {
	var lines []string
	if u.Persona != nil {
		lines = append(lines, "Persona:", indent(*u.Persona, "\t"))
	}
	lines = append(lines, "Instructions:", indent(u.Instructions.String(), "\t"))
	return strings.Join(lines, "\n")
}

// Instructions are a user scenario's instructions: either plain text or
// the structured form (StructuredUserInstructions).
type Instructions struct {
	Text       string
	Structured *StructuredInstructions
}

// StructuredInstructions is the reference's StructuredUserInstructions.
type StructuredInstructions struct {
	Domain           string  `json:"domain"`
	ReasonForCall    string  `json:"reason_for_call"`
	KnownInfo        *string `json:"known_info"`
	UnknownInfo      *string `json:"unknown_info"`
	TaskInstructions string  `json:"task_instructions"`
}

// String returns str(instructions): the text, or the structured form
// rendered as the reference's __str__ does.
func (in Instructions) String() string {
	s := in.Structured
	if s == nil {
		return in.Text
	}
	lines := []string{
		"Domain: " + s.Domain,
		"Reason for call:\n" + indent(s.ReasonForCall, "\t"),
	}
	if s.KnownInfo != nil {
		lines = append(lines, "Known info:\n"+indent(*s.KnownInfo, "\t"))
	}
	if s.UnknownInfo != nil {
		lines = append(lines, "Unknown info:\n"+indent(*s.UnknownInfo, "\t"))
	}
	lines = append(lines, "Task instructions:\n"+indent(s.TaskInstructions, "\t"))
	return strings.Join(lines, "\n")
}

// MarshalJSON writes the text or the structured object.
func (in Instructions) MarshalJSON() ([]byte, error) {
	if in.Structured != nil {
		return json.Marshal(in.Structured)
	}
	return json.Marshal(in.Text)
}

// UnmarshalJSON reads a string or a structured object.
func (in *Instructions) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*in = Instructions{Text: s}
		return nil
	}
	f, err := decodeFields(b, "instructions")
	if err != nil {
		return fmt.Errorf("%w: instructions must be a string or an object", ErrInvalidTask)
	}
	for _, k := range []string{"domain", "reason_for_call", "task_instructions"} {
		if !present(f.vals[k]) {
			return fmt.Errorf("%w: structured instructions need %s", ErrInvalidTask, k)
		}
	}
	var st StructuredInstructions
	if err := json.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidTask, err)
	}
	*in = Instructions{Structured: &st}
	return nil
}

// TaskIssue is a note about a task (TaskIssue).
type TaskIssue struct {
	ID             string  `json:"id"`
	Title          string  `json:"title"`
	Description    *string `json:"description"`
	Status         string  `json:"status"`
	Resolution     *string `json:"resolution"`
	CreatedAt      *string `json:"created_at"`
	ResolvedAt     *string `json:"resolved_at"`
	AuthorEmail    *string `json:"author_email"`
	PRLink         *string `json:"pr_link"`
	SimulationFile *string `json:"simulation_file"`
}

// UnmarshalJSON applies the default status "open".
func (ti *TaskIssue) UnmarshalJSON(b []byte) error {
	type plain TaskIssue
	p := plain{Status: "open"}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*ti = TaskIssue(p)
	return nil
}

// Action is a tool call of the gold trajectory, or an initialization
// action (Action).
type Action struct {
	ActionID  string         `json:"action_id"`
	Requestor tau2.Requestor `json:"requestor"`
	Name      string         `json:"name"`
	Arguments Dict           `json:"arguments"`
	Info      *string        `json:"info"`
	// CompareArgs lists the arguments compared with a tool call: nil
	// compares all of the call's arguments, an empty list none.
	CompareArgs []string `json:"compare_args"`
}

// UnmarshalJSON checks the required members and applies the default
// requestor "assistant".
func (a *Action) UnmarshalJSON(b []byte) error {
	type plain Action
	p := plain{Requestor: tau2.Assistant}
	f, err := decodeFields(b, "action")
	if err != nil {
		return err
	}
	for _, k := range []string{"action_id", "name", "arguments"} {
		if !present(f.vals[k]) {
			return fmt.Errorf("%w: action needs %s", ErrInvalidTask, k)
		}
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("%w: action: %w", ErrInvalidTask, err)
	}
	if err := checkRequestor(p.Requestor); err != nil {
		return err
	}
	*a = Action(p)
	return nil
}

func checkRequestor(r tau2.Requestor) error {
	if r != tau2.Assistant && r != tau2.User {
		return fmt.Errorf("%w: requestor %q is neither user nor assistant", ErrInvalidTask, r)
	}
	return nil
}

// CompareWithToolCall reports whether tc matches a, as the reference's
// Action.compare_with_tool_call does: the names must be equal; then the
// arguments named in CompareArgs (or, when CompareArgs is nil, those the
// tool call has) must be equal as Python dicts. Note the reference's
// rule when CompareArgs is nil: an argument the gold has and the call
// lacks is not compared, and a call without arguments matches any action
// of its name.
func (a *Action) CompareWithToolCall(tc *ToolCall) bool {
	if a.Name != tc.Name {
		return false
	}
	if a.CompareArgs == nil {
		// tool_args is all of the call's arguments, action_args the gold's
		// restricted to the call's keys: equal when the gold has each of
		// the call's arguments, with an equal value.
		if tc.Arguments.Size() == 0 {
			return true
		}
		eq := true
		tc.Arguments.Items(func(k, v pyval.Value) bool {
			w, ok := a.Arguments.get(k)
			eq = ok && pyval.Equal(v, w)
			return eq
		})
		return eq
	}
	// Both restricted to compare_args: a key must be in both or in
	// neither, with equal values.
	for _, k := range a.CompareArgs {
		v, inCall := tc.Arguments.get(k)
		w, inGold := a.Arguments.get(k)
		if inCall != inGold || inCall && !pyval.Equal(v, w) {
			return false
		}
	}
	return true
}

// EnvFunctionCall is a call of any function of a toolkit (tools,
// assertions, set-up functions) on the agent's or the user's side.
type EnvFunctionCall struct {
	EnvType   tau2.Requestor `json:"env_type"`
	FuncName  string         `json:"func_name"`
	Arguments Dict           `json:"arguments"`
}

// UnmarshalJSON checks the required members.
func (c *EnvFunctionCall) UnmarshalJSON(b []byte) error {
	type plain EnvFunctionCall
	var p plain
	if err := decodeEnvCall(b, &p); err != nil {
		return err
	}
	if err := checkRequestor(p.EnvType); err != nil {
		return err
	}
	*c = EnvFunctionCall(p)
	return nil
}

func decodeEnvCall(b []byte, p any) error {
	f, err := decodeFields(b, "env function call")
	if err != nil {
		return err
	}
	for _, k := range []string{"env_type", "func_name", "arguments"} {
		if !present(f.vals[k]) {
			return fmt.Errorf("%w: env function call needs %s", ErrInvalidTask, k)
		}
	}
	if err := json.Unmarshal(b, p); err != nil {
		return fmt.Errorf("%w: env function call: %w", ErrInvalidTask, err)
	}
	return nil
}

// EnvAssertion is an env function call whose result must equal
// AssertValue (EnvAssertion).
type EnvAssertion struct {
	EnvType     tau2.Requestor `json:"env_type"`
	FuncName    string         `json:"func_name"`
	Arguments   Dict           `json:"arguments"`
	AssertValue bool           `json:"assert_value"`
	Message     *string        `json:"message"`
}

// UnmarshalJSON checks the required members and applies the default
// assert_value true.
func (c *EnvAssertion) UnmarshalJSON(b []byte) error {
	type plain EnvAssertion
	p := plain{AssertValue: true}
	if err := decodeEnvCall(b, &p); err != nil {
		return err
	}
	if err := checkRequestor(p.EnvType); err != nil {
		return err
	}
	*c = EnvAssertion(p)
	return nil
}

// EvaluationCriteria is how a task is scored (EvaluationCriteria). A nil
// list is the reference's None; the reference tells None from [] for
// Actions and EnvAssertions.
type EvaluationCriteria struct {
	Actions         []Action       `json:"actions"`
	EnvAssertions   []EnvAssertion `json:"env_assertions"`
	CommunicateInfo []string       `json:"communicate_info"`
	NLAssertions    []string       `json:"nl_assertions"`
	// RewardBasis lists the components whose rewards multiply into the
	// reward; DefaultRewardBasis when the task gives none.
	RewardBasis []RewardType `json:"reward_basis"`
}

// UnmarshalJSON applies the default reward basis and checks its types.
func (c *EvaluationCriteria) UnmarshalJSON(b []byte) error {
	type plain EvaluationCriteria
	var p plain
	f, err := decodeFields(b, "evaluation_criteria")
	if err != nil {
		return err
	}
	raw, ok := f.vals["reward_basis"]
	if ok && !present(raw) {
		return fmt.Errorf("%w: reward_basis is null", ErrInvalidTask)
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("%w: evaluation_criteria: %w", ErrInvalidTask, err)
	}
	if !ok {
		p.RewardBasis = DefaultRewardBasis()
	}
	for _, t := range p.RewardBasis {
		if !t.valid() {
			return fmt.Errorf("%w: unknown reward type %q", ErrInvalidTask, t)
		}
	}
	*c = EvaluationCriteria(p)
	return nil
}

// inBasis reports whether t is in the reward basis.
func (c *EvaluationCriteria) inBasis(t RewardType) bool {
	for _, x := range c.RewardBasis {
		if x == t {
			return true
		}
	}
	return false
}

// InitializationData updates the agent's and the user's databases.
type InitializationData struct {
	AgentData Dict `json:"agent_data"`
	UserData  Dict `json:"user_data"`
}

// InitialState is how a task's episode starts (InitialState).
type InitialState struct {
	InitializationData    *InitializationData `json:"initialization_data"`
	InitializationActions []EnvFunctionCall   `json:"initialization_actions"`
	MessageHistory        []Message           `json:"message_history"`
}

// LoadTasks reads a tasks.json file (a JSON array of tasks).
func LoadTasks(path string) ([]Task, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tau2judge: %w", err)
	}
	return ParseTasks(b)
}

// ParseTasks decodes a JSON array of tasks; task ids must be unique.
func ParseTasks(b []byte) ([]Task, error) {
	var tasks []Task
	if err := json.Unmarshal(b, &tasks); err != nil {
		return nil, fmt.Errorf("tau2judge: tasks: %w", err)
	}
	seen := make(map[string]bool, len(tasks))
	for _, t := range tasks {
		if seen[t.ID] {
			return nil, fmt.Errorf("%w: duplicate task id %q", ErrInvalidTask, t.ID)
		}
		seen[t.ID] = true
	}
	return tasks, nil
}

// Splits maps a split name ("base", "train", "test", ...) to task ids, as
// split_tasks.json holds them.
type Splits map[string][]string

// LoadSplits reads a split_tasks.json file.
func LoadSplits(path string) (Splits, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tau2judge: %w", err)
	}
	var s Splits
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("tau2judge: %s: %w", path, err)
	}
	return s, nil
}

// Select returns the tasks of the named split, in the split's order. An
// id the tasks lack is an error, as is an unknown split.
func (s Splits) Select(split string, tasks []Task) ([]Task, error) {
	ids, ok := s[split]
	if !ok {
		return nil, fmt.Errorf("tau2judge: no split %q", split)
	}
	byID := make(map[string]int, len(tasks))
	for i := range tasks {
		byID[tasks[i].ID] = i
	}
	out := make([]Task, 0, len(ids))
	for _, id := range ids {
		i, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("tau2judge: split %q names task %q, which the tasks lack", split, id)
		}
		out = append(out, tasks[i])
	}
	return out, nil
}
