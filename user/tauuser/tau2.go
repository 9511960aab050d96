package tauuser

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/user"
)

// The reference CLI's orchestrator limits (config.py DEFAULT_MAX_STEPS
// and DEFAULT_MAX_ERRORS).
const (
	DefaultMaxSteps  = 200
	DefaultMaxErrors = 10
)

// Budget is tau2-bench's orchestrator budget: the steps (every message the
// agent or the user sends, and every batch of tool results, counts one)
// and the tool errors of a simulation, with their limits. In the reference
// nothing else bounds the user's tool loop: the orchestrator checks these
// limits whenever tool results go back to the user, and after every
// message that is not a tool call.
//
// The [Tau2] user counts its own steps and tool errors (its tool-call
// messages, their result batches and its text messages) and checks the
// limits after each batch of its own tool results. The caller counts the
// agent's side into the same Budget and checks [Budget.Exceeded] where the
// orchestrator does for the agent, and after each Next that returns a
// message. A Budget serves one simulation and is not safe for concurrent
// use.
type Budget struct {
	// MaxSteps and MaxErrors are the limits; 0 or less means none.
	MaxSteps, MaxErrors int
	// Steps and Errors are the counts so far.
	Steps, Errors int
}

// Exceeded returns the termination reason the orchestrator's check gives
// (_check_termination; too many errors wins over max steps), or Running.
func (b *Budget) Exceeded() StopReason {
	r := Running
	if b.MaxSteps > 0 && b.Steps >= b.MaxSteps {
		r = StopMaxSteps
	}
	if b.MaxErrors > 0 && b.Errors >= b.MaxErrors {
		r = StopTooManyErrors
	}
	return r
}

// Tau2Config configures a [Tau2] user.
type Tau2Config struct {
	// Model is the user's model, set apart from the agent's.
	Model model.Model
	// Sampling settings; a nil Temperature sends 0, the reference's
	// default for the user.
	Sampling
	// Instructions is the scenario text, [ScenarioText] of the task's
	// user_scenario.
	Instructions string
	// Guidelines are the simulation guidelines ([LoadGuidelines]); the
	// tools text is used when the user has tools.
	Guidelines *Guidelines
	// Persona is the runtime persona's guidelines text
	// (PersonaConfig.to_guidelines_text), empty for the default persona.
	Persona string
	// Tools are the user's own tools (nil or no specs: none), e.g.
	// [EnvTools].
	Tools Tools
	// Budget is the simulation's shared budget; nil gives the user one of
	// its own with DefaultMaxSteps and DefaultMaxErrors.
	Budget *Budget
	// AgentReply finds the agent's message to the user in the history;
	// nil uses [AgentReply].
	AgentReply func(history []model.Message) (string, error)
	// History is what the user sees of a task's stored message history
	// (its initial_state.message_history), in the trajectory's roles: the
	// user's own messages (role user, with text or tool calls), the
	// agent's texts (role assistant) and the results of the user's own
	// tool calls (role tool); the caller leaves out the agent's tool calls
	// and their results, as the reference's is_valid_user_history_message
	// does. The user starts from it, as get_init_state does, and its first
	// Next answers the agent's last message instead of the greeting.
	History []model.Message
}

// Tau2 is tau2-bench's simulated user (UserSimulator). It keeps the user's
// state as the reference does (its own messages, the agent's text
// messages and its tool results) and sends its model the system prompt and
// that state with the roles flipped. One value serves one conversation; it
// is not safe for concurrent use.
type Tau2 struct {
	cfg     Tau2Config
	system  model.Message
	tools   []tool.Spec
	state   []model.Message // flipped: as the user's model sees them
	turn    []model.Message
	started bool
	usage   model.Usage
	calls   int
	stop    StopReason
	last    string
	failed  error
}

var _ user.User = (*Tau2)(nil)

// NewTau2 returns a tau2-bench user.
func NewTau2(cfg Tau2Config) (*Tau2, error) {
	if cfg.Model == nil {
		return nil, errors.New("tauuser: Tau2Config.Model is nil")
	}
	if cfg.Guidelines == nil {
		return nil, errors.New("tauuser: Tau2Config.Guidelines is nil")
	}
	if cfg.Temperature == nil {
		zero := 0.0
		cfg.Temperature = &zero
	}
	if cfg.Budget == nil {
		cfg.Budget = &Budget{MaxSteps: DefaultMaxSteps, MaxErrors: DefaultMaxErrors}
	}
	if cfg.AgentReply == nil {
		cfg.AgentReply = AgentReply
	}
	u := &Tau2{cfg: cfg}
	guidelines := cfg.Guidelines.Text
	if cfg.Tools != nil {
		u.tools = cfg.Tools.UserTools()
	}
	if len(u.tools) > 0 {
		guidelines = cfg.Guidelines.Tools
	}
	u.system = model.System(Tau2SystemPrompt(guidelines, cfg.Persona, cfg.Instructions))
	for _, m := range cfg.History {
		switch {
		case m.Role == model.RoleUser:
			u.state = append(u.state, model.Message{Role: model.RoleAssistant, Content: m.Content, ToolCalls: slices.Clone(m.ToolCalls)})
		case m.Role == model.RoleAssistant && len(m.ToolCalls) == 0:
			u.state = append(u.state, model.Message{Role: model.RoleUser, Content: m.Content})
		case m.Role == model.RoleTool:
			u.state = append(u.state, model.Message{Role: model.RoleTool, ToolCallID: m.ToolCallID, Content: m.Content})
		}
	}
	if n := len(u.state); n > 0 {
		// A last message of the agent's is read by Next from the
		// conversation; drop it here so it is not given twice.
		if u.state[n-1].Role == model.RoleUser && cfg.History[len(cfg.History)-1].Role == model.RoleAssistant {
			u.state = u.state[:n-1]
		}
		u.started = true
	}
	return u, nil
}

// Next returns the user's next message. The first call answers the
// greeting [FirstAgentMessage] whatever the history holds; later calls
// answer the agent's last message ([AgentReply]). When the user's model
// calls tools, they run and their results go back to it until it answers
// with text; [Tau2.TurnMessages] then holds the calls and results. When
// the message holds a stop token, or the budget runs out in the tool loop,
// Next returns done and [Tau2.StopReason] says why.
func (u *Tau2) Next(ctx context.Context, history []model.Message) (string, bool, error) {
	if u.failed != nil {
		return "", false, fmt.Errorf("%w: %w", ErrFailed, u.failed)
	}
	if u.stop != Running {
		return "", true, nil
	}
	if err := ctx.Err(); err != nil {
		return "", false, err
	}
	u.turn = nil
	text := FirstAgentMessage
	if u.started {
		var err error
		if text, err = u.cfg.AgentReply(history); err != nil {
			return "", false, err
		}
	}
	u.started = true
	// The reference skips an agent message without content.
	if pyval.StripWhitespace(text) != "" {
		u.state = append(u.state, model.User(text))
	}
	msg, done, err := u.loop(ctx)
	if err != nil {
		u.failed = err
		return "", false, err
	}
	return msg, done, nil
}

func (u *Tau2) loop(ctx context.Context) (string, bool, error) {
	b := u.cfg.Budget
	for {
		if err := ctx.Err(); err != nil {
			return "", false, err
		}
		req := u.cfg.request(append([]model.Message{u.system}, u.state...))
		if len(u.tools) > 0 {
			req.Tools, req.ToolChoice = u.tools, model.ToolChoiceAuto
		}
		resp, err := generate(ctx, u.cfg.Model, req, &u.usage, &u.calls)
		if err != nil {
			return "", false, err
		}
		content, calls := resp.Message.Content, resp.Message.ToolCalls
		text := resp.Message.Text()
		if len(calls) == 0 {
			if pyval.StripWhitespace(text) == "" {
				return "", false, fmt.Errorf("%w: %q", ErrEmptyMessage, text)
			}
			u.state = append(u.state, model.Assistant(text))
			b.Steps++
			u.last = text
			if r := stopReason(text); r != Running {
				u.stop = r
				return "", true, nil
			}
			return text, false, nil
		}
		flipped := model.Message{Role: model.RoleAssistant, Content: content, ToolCalls: make([]tool.Call, len(calls))}
		for i, c := range calls {
			args, err := dumpArgs(c.Arguments)
			if err != nil {
				return "", false, fmt.Errorf("%w: %s: %w", ErrToolArguments, c.Name, err)
			}
			flipped.ToolCalls[i] = tool.Call{ID: c.ID, Name: c.Name, Arguments: args}
		}
		u.state = append(u.state, flipped)
		u.turn = append(u.turn, model.Message{Role: model.RoleUser, Content: content, ToolCalls: slices.Clone(calls)})
		b.Steps++
		for _, c := range calls {
			if err := ctx.Err(); err != nil {
				return "", false, err
			}
			res := u.call(ctx, c)
			if res.Error != nil {
				b.Errors++
			}
			u.state = append(u.state, model.Message{Role: model.RoleTool, ToolCallID: c.ID, Content: []tool.Part{tool.Text(res.Text())}})
			u.turn = append(u.turn, ResultMessage(res))
		}
		b.Steps++
		if r := b.Exceeded(); r != Running {
			u.stop = r
			return "", true, nil
		}
	}
}

// call runs one of the user's tool calls.
func (u *Tau2) call(ctx context.Context, c tool.Call) tool.Result {
	var res tool.Result
	if u.cfg.Tools == nil {
		res = tool.Fail(c, tool.KindUnknownTool, "Tool '%s' not found.", c.Name)
	} else {
		res = u.cfg.Tools.CallUser(ctx, c)
	}
	if res.CallID == "" {
		res.CallID = c.ID
	}
	if res.Name == "" {
		res.Name = c.Name
	}
	return res
}

// dumpArgs re-renders tool-call arguments as the reference sends them back
// (json.dumps of json.loads of the model's text); empty text is {}.
func dumpArgs(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "{}", nil
	}
	v, err := pyval.FromJSON([]byte(s))
	if err != nil {
		return "", err
	}
	return pyval.JSONDumps(v)
}

// stopReason is UserSimulator.is_stop for a text message, naming the token
// found (checked in the reference's order).
func stopReason(text string) StopReason {
	switch {
	case strings.Contains(text, TokenStop):
		return StopUser
	case strings.Contains(text, TokenTransfer):
		return StopTransfer
	case strings.Contains(text, TokenOutOfScope):
		return StopOutOfScope
	}
	return Running
}

// TurnMessages returns what the last Next produced before its final text:
// each tool-call message of the user's model (role user, with the calls as
// the model made them) followed by one tool message per result, in order,
// for the shared trajectory (requestor "user"). The agent does not see
// them.
func (u *Tau2) TurnMessages() []model.Message { return slices.Clone(u.turn) }

// StopReason returns why the user ended the conversation, or Running.
func (u *Tau2) StopReason() StopReason { return u.stop }

// LastMessage returns the user's last text message, the stop message
// included.
func (u *Tau2) LastMessage() string { return u.last }

// SystemPrompt returns the user's system prompt.
func (u *Tau2) SystemPrompt() string { return u.system.Text() }

// Messages returns a copy of the messages the user's model is sent next
// (before the agent's next message): the system prompt, then the state
// with the roles flipped.
func (u *Tau2) Messages() []model.Message {
	return append([]model.Message{u.system}, u.state...)
}

// Usage returns the tokens of all the user's model calls.
func (u *Tau2) Usage() model.Usage { return u.usage }

// Calls returns how many model calls the user made.
func (u *Tau2) Calls() int { return u.calls }
