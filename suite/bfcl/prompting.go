package bfcl

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/agent"
	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// NamePrompting is the registry name of the suite in prompting mode.
const NamePrompting = "bfcl-multi-turn-prompting"

// PromptingEnv is an entry's env for a model without native function
// calling, as the reference's prompting handlers talk to one
// (base_handler.py inference_multi_turn_prompting, the OpenAI-compatible
// prompting methods of openai_completion.py). It is an agent.ModelAdapter:
// an agent on it asks a toolcall.Model that
//
//   - sends no tools; the system prompt is the task's (the reference's
//     [SystemPrompt] with the entry's function docs) as it is;
//   - reads the calls from the reply's text with [DecodePrompting] and
//     keeps that text verbatim in the conversation; a reply that does not
//     decode, or decodes to no calls, has no calls, so the turn ends, as
//     the reference's loop breaks then;
//   - shows the results of one reply's calls as one user message,
//     [ResultsMessagePrompting] of the decoded call strings and results.
//
// Each call runs as the decoded string the reference executes (Env.Exec),
// so what runs is exactly what the reference would run.
type PromptingEnv struct {
	*bfcl.Env
	entry *Entry

	mu      sync.Mutex
	decoded map[string]string // call id -> the decoded call string
	n       int               // calls decoded so far, for ids
}

var (
	_ env.Env            = (*PromptingEnv)(nil)
	_ agent.ModelAdapter = (*PromptingEnv)(nil)
	_ agent.Sequential   = (*PromptingEnv)(nil)
	_ agent.SelfChecking = (*PromptingEnv)(nil)
)

// NewPromptingEnv builds the entry's env in its initial state for a
// prompting episode.
func (e *Entry) NewPromptingEnv() (*PromptingEnv, error) {
	be, err := e.NewEnv()
	if err != nil {
		return nil, err
	}
	return &PromptingEnv{Env: be, entry: e, decoded: map[string]string{}}, nil
}

// AdaptModel implements agent.ModelAdapter. A toolcall.Model the caller
// chose (toolgym run --tool-parser) gives way: its base model is asked.
func (p *PromptingEnv) AdaptModel(m model.Model) model.Model {
	if tm, ok := m.(*toolcall.Model); ok {
		m = tm.Base
	}
	return &toolcall.Model{Base: m, Parser: promptParser{p}, System: p.system, Results: p.results, Verbatim: true}
}

// system is the system prompt: the conversation's own (the task's, which
// is the reference's), else the reference's.
func (p *PromptingEnv) system(own string, _ []tool.Spec) string {
	if own != "" {
		return own
	}
	return SystemPrompt(p.entry.Functions)
}

// results renders one reply's results as the reference does.
func (p *PromptingEnv) results(caller model.Message, results []model.Message) model.Message {
	names := make([]string, len(results))
	texts := make([]string, len(results))
	for i, r := range results {
		texts[i] = r.Text()
		if src, ok := p.source(r.ToolCallID); ok {
			names[i] = src
			continue
		}
		// A call the env did not decode (a native call): its decoded form.
		for _, c := range caller.ToolCalls {
			if c.ID == r.ToolCallID {
				if args, ok := bfcl.DecodeArguments(c.Arguments); ok {
					if s, err := callSource(c.Name, args); err == nil {
						names[i] = s
					}
				}
				break
			}
		}
		if names[i] == "" {
			names[i] = r.Name
		}
	}
	return model.User(ResultsMessagePrompting(names, texts))
}

// ResultsMessagePrompting is the user message the reference's prompting
// handlers send with one reply's results (format_execution_results_prompting
// in model_handler/utils.py): the Python repr of
// [{'role': 'tool', 'name': call, 'content': result}, ...], call being the
// decoded call string.
func ResultsMessagePrompting(calls, results []string) string {
	l := make([]pyval.Value, min(len(calls), len(results)))
	for i := range l {
		l[i] = pyval.DictOf("role", "tool", "name", calls[i], "content", results[i])
	}
	return pyval.Repr(l)
}

// record remembers a decoded call and returns its id.
func (p *PromptingEnv) record(src string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	id := "call_" + strconv.Itoa(p.n)
	p.n++
	p.decoded[id] = src
	return id
}

// source returns the decoded call string of a call id.
func (p *PromptingEnv) source(id string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.decoded[id]
	return s, ok
}

// Call implements env.Env: a call decoded from a reply runs as its decoded
// string, as the reference runs it; any other call as a native call.
func (p *PromptingEnv) Call(ctx context.Context, call tool.Call) tool.Result {
	src, ok := p.source(call.ID)
	if !ok || !strings.HasPrefix(src, call.Name+"(") {
		return p.Env.Call(ctx, call)
	}
	if err := ctx.Err(); err != nil {
		return tool.Fail(call, tool.KindCanceled, "call of %s canceled", call.Name)
	}
	return tool.OK(call, tool.Text(p.Exec(src)))
}

// Fork implements env.Env.
func (p *PromptingEnv) Fork() env.Env {
	p.mu.Lock()
	defer p.mu.Unlock()
	f := &PromptingEnv{Env: p.Env.Fork().(*bfcl.Env), entry: p.entry, decoded: make(map[string]string, len(p.decoded)), n: p.n}
	for k, v := range p.decoded {
		f.decoded[k] = v
	}
	return f
}

// promptParser reads a prompting model's reply as the reference decodes
// it, recording each call's decoded string in the env.
type promptParser struct{ env *PromptingEnv }

// Name implements toolcall.Parser.
func (promptParser) Name() string { return "bfcl-prompting" }

// Parse implements toolcall.Parser.
func (pp promptParser) Parse(text string) (string, []tool.Call, error) {
	content := strings.TrimSpace(text)
	calls, err := DecodePrompting(text)
	if err != nil {
		return content, nil, &toolcall.Error{Parser: "bfcl-prompting", Offset: -1, Call: -1, Msg: err.Error()}
	}
	if len(calls) == 0 {
		return content, nil, nil
	}
	out := make([]tool.Call, len(calls))
	for i, c := range calls {
		out[i] = tool.Call{ID: pp.env.record(c.Source), Name: c.Name, Arguments: argumentsJSON(c.Args)}
	}
	return "", out, nil
}

// Format implements toolcall.Parser, for past calls without their text:
// a Python list of calls.
func (promptParser) Format(calls []tool.Call) (string, error) {
	return toolcall.Pythonic{}.Format(calls)
}

// argumentsJSON writes decoded arguments as a JSON object for the
// trajectory (json.dumps; a value JSON cannot hold is written as its
// repr).
func argumentsJSON(args *pyval.Dict) string {
	if b, err := pyval.AppendJSON(nil, args, false); err == nil {
		return string(b)
	}
	d := pyval.NewDict()
	args.Items(func(k, v pyval.Value) bool {
		if _, err := pyval.AppendJSON(nil, v, false); err != nil {
			v = pyval.Repr(v)
		}
		d.Set(pyval.Str(k), v)
		return true
	})
	b, _ := pyval.AppendJSON(nil, d, false)
	return string(b)
}
