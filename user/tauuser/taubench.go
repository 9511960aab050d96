package tauuser

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/user"
)

// Strategy names a tau-bench user strategy (UserStrategy in envs/user.py).
type Strategy string

// The tau-bench user strategies (the human one is left out).
const (
	// StrategyLLM: the model's reply is the user's message.
	StrategyLLM Strategy = "llm"
	// StrategyReact: the model writes a Thought and a User Response; the
	// message is parsed from them.
	StrategyReact Strategy = "react"
	// StrategyVerify: a supervisor call judges each reply; a rejected one is
	// regenerated, up to MaxAttempts replies.
	StrategyVerify Strategy = "verify"
	// StrategyReflection: a rejected reply is reflected on and regenerated
	// once (MaxAttempts 2).
	StrategyReflection Strategy = "reflection"
)

// Default attempt bounds of the verify and reflection strategies.
const (
	DefaultVerifyAttempts     = 3
	DefaultReflectionAttempts = 2
)

// TauBenchConfig configures a [TauBench] user.
type TauBenchConfig struct {
	// Model is the user's model, set apart from the agent's.
	Model model.Model
	// Instruction is the task's hidden instruction (task.instruction).
	Instruction string
	// Strategy is the user strategy; empty means StrategyLLM.
	Strategy Strategy
	// Sampling settings; the reference sends no temperature and no seed.
	Sampling
	// MaxAttempts bounds the replies verify and reflection generate per
	// turn; 0 takes the reference's default (3 and 2).
	MaxAttempts int
	// ResponseText renders the user model's reply in verify's supervisor
	// prompt. The reference formats the litellm Message object there, not
	// its content; nil uses [LiteLLMMessage].
	ResponseText func(content string) string
	// AgentReply finds the agent's message to the user in the history;
	// nil uses [AgentReply].
	AgentReply func(history []model.Message) (string, error)
}

// TauBench is tau-bench's simulated user. It keeps its own message list as
// the reference does (the system prompt, the agent's messages as role user
// and its model's replies as role assistant), so its model receives the
// reference's requests. One value serves one conversation; it is not safe
// for concurrent use.
type TauBench struct {
	cfg    TauBenchConfig
	msgs   []model.Message
	usage  model.Usage
	calls  int
	stop   StopReason
	last   string
	failed error
}

var _ user.User = (*TauBench)(nil)

// NewTauBench returns a tau-bench user.
func NewTauBench(cfg TauBenchConfig) (*TauBench, error) {
	if cfg.Model == nil {
		return nil, errors.New("tauuser: TauBenchConfig.Model is nil")
	}
	if cfg.Strategy == "" {
		cfg.Strategy = StrategyLLM
	}
	switch cfg.Strategy {
	case StrategyLLM, StrategyReact:
	case StrategyVerify:
		if cfg.MaxAttempts <= 0 {
			cfg.MaxAttempts = DefaultVerifyAttempts
		}
	case StrategyReflection:
		if cfg.MaxAttempts <= 0 {
			cfg.MaxAttempts = DefaultReflectionAttempts
		}
	default:
		return nil, fmt.Errorf("tauuser: unknown user strategy %q", cfg.Strategy)
	}
	if cfg.ResponseText == nil {
		cfg.ResponseText = LiteLLMMessage
	}
	if cfg.AgentReply == nil {
		cfg.AgentReply = AgentReply
	}
	return &TauBench{cfg: cfg}, nil
}

// Next returns the user's next message. The first call answers the
// greeting [FirstAgentMessage] whatever the history holds; later calls
// answer the agent's last message ([AgentReply]). When the message
// contains ###STOP### the conversation ends: Next returns done, and
// [TauBench.LastMessage] holds the message.
func (u *TauBench) Next(ctx context.Context, history []model.Message) (string, bool, error) {
	if u.failed != nil {
		return "", false, fmt.Errorf("%w: %w", ErrFailed, u.failed)
	}
	if u.stop != Running {
		return "", true, nil
	}
	if err := ctx.Err(); err != nil {
		return "", false, err
	}
	if u.msgs == nil {
		u.msgs = []model.Message{model.System(SystemPrompt(u.cfg.Strategy, u.cfg.Instruction)), model.User(FirstAgentMessage)}
	} else {
		text, err := u.cfg.AgentReply(history)
		if err != nil {
			return "", false, err
		}
		u.msgs = append(u.msgs, model.User(text))
	}
	obs, err := u.generateNext(ctx)
	if err != nil {
		u.failed = err
		return "", false, err
	}
	u.last = obs
	if strings.Contains(obs, TokenStop) {
		u.stop = StopUser
		return "", true, nil
	}
	return obs, false, nil
}

// StopReason returns StopUser once the user has ended the conversation,
// Running before.
func (u *TauBench) StopReason() StopReason { return u.stop }

// LastMessage returns the user's last message (the observation the
// reference's Env.step returns), the stop message included.
func (u *TauBench) LastMessage() string { return u.last }

// Messages returns a copy of the user's own message list, as its model
// sees it on the next turn.
func (u *TauBench) Messages() []model.Message { return slices.Clone(u.msgs) }

// Usage returns the tokens of all the user's model calls (supervisor
// calls included).
func (u *TauBench) Usage() model.Usage { return u.usage }

// Calls returns how many model calls the user made.
func (u *TauBench) Calls() int { return u.calls }

func (u *TauBench) generateNext(ctx context.Context) (string, error) {
	switch u.cfg.Strategy {
	case StrategyReact:
		content, err := u.complete(ctx, u.msgs)
		if err != nil {
			return "", err
		}
		return parseReact(content)
	case StrategyVerify:
		return u.verifyNext(ctx)
	case StrategyReflection:
		return u.reflectionNext(ctx)
	}
	return u.complete(ctx, u.msgs)
}

// complete sends msgs to the user's model, appends its reply to the user's
// own list (LLMUserSimulationEnv.generate_next_message) and returns the
// reply's content.
func (u *TauBench) complete(ctx context.Context, msgs []model.Message) (string, error) {
	resp, err := u.generate(ctx, msgs)
	if err != nil {
		return "", err
	}
	u.msgs = append(u.msgs, reply(resp))
	return resp.Message.Text(), nil
}

func (u *TauBench) generate(ctx context.Context, msgs []model.Message) (*model.Response, error) {
	return generate(ctx, u.cfg.Model, u.cfg.request(msgs), &u.usage, &u.calls)
}

// reply is the assistant message kept from a response: its content and
// calls, without the server's extras.
func reply(resp *model.Response) model.Message {
	return model.Message{Role: model.RoleAssistant, Content: resp.Message.Content, ToolCalls: resp.Message.ToolCalls}
}

// verifyNext is VerifyUserSimulationEnv.generate_next_message: a rejected
// reply is not kept, and when every attempt is rejected the last reply is
// said without being kept either.
func (u *TauBench) verifyNext(ctx context.Context) (string, error) {
	var content string
	for range u.cfg.MaxAttempts {
		resp, err := u.generate(ctx, u.msgs)
		if err != nil {
			return "", err
		}
		content = resp.Message.Text()
		ok, err := u.verify(ctx, u.cfg.ResponseText(content), u.msgs)
		if err != nil {
			return "", err
		}
		if ok {
			u.msgs = append(u.msgs, reply(resp))
			return content, nil
		}
	}
	return content, nil
}

// reflectionNext is ReflectionUserSimulationEnv.generate_next_message:
// every reply is kept in the user's list, the reflected response only in a
// copy the later calls see, and when the reflected reply is rejected too
// the first reply is said.
func (u *TauBench) reflectionNext(ctx context.Context) (string, error) {
	cur := slices.Clone(u.msgs)
	initial, err := u.complete(ctx, cur)
	if err != nil {
		return "", err
	}
	ok, err := u.verify(ctx, initial, cur)
	if err != nil || ok {
		return initial, err
	}
	for attempts := 1; attempts < u.cfg.MaxAttempts; attempts++ {
		msg, err := u.reflect(ctx, initial, cur)
		if err != nil {
			return "", err
		}
		cur = append(cur, model.User(msg))
		next, err := u.complete(ctx, cur)
		if err != nil {
			return "", err
		}
		ok, err := u.verify(ctx, next, cur)
		if err != nil {
			return "", err
		}
		if ok {
			return next, nil
		}
	}
	return initial, nil
}

// verify asks the supervisor whether response is satisfactory.
func (u *TauBench) verify(ctx context.Context, response string, msgs []model.Message) (bool, error) {
	resp, err := u.generate(ctx, []model.Message{model.User(VerifyPrompt(msgs, response))})
	if err != nil {
		return false, err
	}
	return strings.Contains(pyval.Lower(resp.Message.Text()), "true"), nil
}

// reflect asks the supervisor for a better response and parses it.
func (u *TauBench) reflect(ctx context.Context, response string, msgs []model.Message) (string, error) {
	resp, err := u.generate(ctx, []model.Message{model.User(ReflectPrompt(msgs, response))})
	if err != nil {
		return "", err
	}
	return splitOnce(resp.Message.Text(), "Response:")
}

// parseReact is ReactUserSimulationEnv.parse_response. Its quirk is kept:
// when the output holds "Thought:", everything after it is the message,
// the thought and the "User Response:" label included.
func parseReact(s string) (string, error) {
	switch {
	case strings.Contains(s, TokenStop):
		return TokenStop, nil
	case strings.Contains(s, "Thought:"):
		return splitOnce(s, "Thought:")
	case strings.Contains(s, "User Response:"):
		return splitOnce(s, "User Response:")
	}
	return "", fmt.Errorf("%w: Invalid response format: %s", ErrFormat, s)
}

// splitOnce is `_, x = s.split(sep); x.strip()`, with Python's unpacking
// errors.
func splitOnce(s, sep string) (string, error) {
	parts := strings.Split(s, sep)
	switch {
	case len(parts) < 2:
		return "", fmt.Errorf("%w: not enough values to unpack (expected 2, got %d)", ErrFormat, len(parts))
	case len(parts) > 2:
		return "", fmt.Errorf("%w: too many values to unpack (expected 2)", ErrFormat)
	}
	return pyval.StripWhitespace(parts[1]), nil
}

// LiteLLMMessage renders a reply as str() of litellm's Message object (a
// pydantic model printed by openai's BaseModel.__str__), which is what the
// reference's verify strategy puts in its supervisor prompt. The fields
// litellm shows depend on its version and the provider; this is the form
// of a plain reply: Message(content='...', role='assistant',
// tool_calls=None, function_call=None, provider_specific_fields=None).
func LiteLLMMessage(content string) string {
	return "Message(content=" + pyval.Repr(content) + ", role='assistant', tool_calls=None, function_call=None, provider_specific_fields=None)"
}

// SystemPrompt returns the system prompt of a tau-bench user strategy for
// an instruction (build_system_prompt).
func SystemPrompt(s Strategy, instruction string) string {
	var b strings.Builder
	b.WriteString("You are a user interacting with an agent.\n\nInstruction: ")
	b.WriteString(instruction)
	b.WriteString("\n\nRules:\n")
	if s == StrategyReact {
		b.WriteString(reactRules)
	} else {
		b.WriteString(llmRules)
	}
	return b.String()
}

const llmRules = `- Just generate one line at a time to simulate the user's message.
- Do not give away all the instruction at once. Only provide the information that is necessary for the current step.
- Do not hallucinate information that is not provided in the instruction. For example, if the agent asks for the order id but it is not mentioned in the instruction, do not make up an order id, just say you do not remember or have it.
- If the instruction goal is satisified, generate '###STOP###' as a standalone message without anything else to end the conversation.
- Do not repeat the exact instruction in the conversation. Instead, use your own words to convey the same information.
- Try to make the conversation as natural as possible, and stick to the personalities in the instruction.`

const reactRules = `- First, generate a Thought about what to do next (this message will not be sent to the agent).
- Then, generate a one line User Response to simulate the user's message (this message will be sent to the agent).
- Do not give away all the instruction at once. Only provide the information that is necessary for the current step.
- Do not hallucinate information that is not provided in the instruction. For example, if the agent asks for the order id but it is not mentioned in the instruction, do not make up an order id, just say you do not remember or have it.
- If the instruction goal is satisified, generate '###STOP###' as the User Response without anything else to end the conversation.
- Do not repeat the exact instruction in the conversation. Instead, use your own words to convey the same information.
- Try to make the conversation as natural as possible, and stick to the personalities in the instruction.

Format:

Thought:
<the thought>

User Response:
<the user response (this will be parsed and sent to the agent)>`

// VerifyPrompt returns the supervisor prompt of the verify call (verify in
// envs/user.py) for a transcript and a response.
func VerifyPrompt(msgs []model.Message, response string) string {
	return "You are a supervisor of the Agent in the conversation. You are given a Transcript of a conversation between a Customer and an Agent. The Customer has generated a Response, and you need to verify if it is satisfactory (true) or not (false).\n" +
		"Your answer will be parsed, so do not include any other text than the classification (true or false).\n" +
		"    \n" +
		"# Transcript:\n" + transcript(msgs) + "\n\n" +
		"# Response:\n" + response + "\n\n" +
		"-----\n\n" +
		"Classification:"
}

// ReflectPrompt returns the supervisor prompt of the reflect call (reflect
// in envs/user.py) for a transcript and a rejected response.
func ReflectPrompt(msgs []model.Message, response string) string {
	return "You are a supervisor of the Agent in the conversation. You are given a Transcript of a conversation between a (simulated) Customer and an Agent. The Customer generated a Response that was marked as unsatisfactory by you.\n" +
		"You need to generate a Reflection on what went wrong in the conversation, and propose a new Response that should fix the issues.\n" +
		"Your answer will be parsed, so do not include any other text than the classification (true or false).\n" +
		"    \n" +
		"# Transcript:\n" + transcript(msgs) + "\n\n" +
		"# Response:\n" + response + "\n\n" +
		"# Format:\n\n" +
		"Reflection:\n<the reflection>\n\n" +
		"Response:\n<the response (this will be parsed and sent to the agent)>"
}

// transcript renders the user's messages as the supervisor sees them; the
// labels are the reference's (its role user, the agent, is "Customer").
func transcript(msgs []model.Message) string {
	var b strings.Builder
	for i, m := range msgs {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch m.Role {
		case model.RoleUser:
			b.WriteString("Customer")
		case model.RoleAssistant:
			b.WriteString("Agent")
		default:
			r := string(m.Role)
			if r != "" {
				r = strings.ToUpper(r[:1]) + strings.ToLower(r[1:])
			}
			b.WriteString(r)
		}
		b.WriteString(": ")
		if len(m.Content) == 0 {
			b.WriteString("None")
		} else {
			b.WriteString(m.Text())
		}
	}
	return b.String()
}
