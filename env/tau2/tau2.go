// Package tau2 holds what tau2-bench's domains share: the contract a domain
// environment fulfils (Env), who may call a tool (Requestor), the reference's
// tool classification (ToolType), and a registry of domains by name. The
// domains live one folder down (env/tau2/retail, airline, telecom, mock).
//
// The contract mirrors the reference's Environment
// (src/tau2/environment/environment.py): the assistant's and the user's
// toolkits over one database, results rendered by to_json_str, errors as
// "Error: <str(exception)>", state synchronisation after each call, env
// functions and assertions for task set-up and evaluation, and the
// databases' hashes as get_db_hash computes them.
package tau2

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Requestor says whose toolkit a call goes to, as the reference's
// ToolCall.requestor and EnvFunctionCall.env_type do.
type Requestor string

// The two requestors.
const (
	Assistant Requestor = "assistant"
	User      Requestor = "user"
)

// ToolType is the reference's conceptual classification of a tool
// (environment/toolkit.py ToolType).
type ToolType string

// The reference's tool types.
const (
	Read    ToolType = "read"
	Write   ToolType = "write"
	Think   ToolType = "think"
	Generic ToolType = "generic"
)

// ToolInfo describes one tool of a toolkit as the reference classifies it.
type ToolInfo struct {
	Spec tool.Spec
	Type ToolType
	// Mutates is the reference's mutates_state: only such tools are
	// re-executed when a trajectory is replayed for evaluation.
	Mutates bool
}

// Env is one tau2 domain environment. Its env.Env methods act for the
// assistant: Tools lists the assistant's tools (in the reference's order,
// with the reference's openai_schema), Call runs one of them exactly as
// CallAs(ctx, Assistant, call) does, and Fork returns an Env.
//
// Results follow Environment.get_response: a successful call's content is
// to_json_str of the tool's return value (a str as is, a model or list as
// json.dumps of its model_dump); an exception gives a Result whose
// Error.Message is str(exception), so that Result.Text() is the
// reference's "Error: <message>". An unknown tool name gives the
// reference's ValueError text ("Tool 'x' not found.").
type Env interface {
	env.Env
	// Domain returns the domain's name ("retail", "airline", "telecom",
	// "mock").
	Domain() string
	// ToolInfo lists r's toolkit (nil when r has none), in the
	// reference's order.
	ToolInfo(r Requestor) []ToolInfo
	// CallAs runs a tool call from r's toolkit, then synchronises the
	// state as the reference's sync_tools does.
	CallAs(ctx context.Context, r Requestor, call tool.Call) tool.Result
	// Run calls any function of r's toolkit by name (tools, assertions
	// and set-up functions alike) with keyword arguments, then
	// synchronises the state: the reference's run_env_function_call. Its
	// error is the Python exception (a *pyval.Exception where the
	// reference raises one).
	Run(r Requestor, funcName string, args *pyval.Dict) (pyval.Value, error)
	// UpdateDB merges data into r's database as the reference's
	// update_db (update_pydantic_model_with_dict) does, for a task's
	// initialization_data.
	UpdateDB(r Requestor, data *pyval.Dict) error
	// Hash returns r's database hash as the reference's get_db_hash
	// computes it (sha256 of json.dumps(model_dump(), sort_keys=True,
	// default=str)), or "" when r has no database.
	Hash(r Requestor) (string, error)
	// SameState reports whether r's database equals other's, as
	// comparing their hashes would, but faster.
	SameState(r Requestor, other Env) bool
	// Dump returns r's database as the reference's model_dump() would
	// (nil when r has none), for writing states to disk.
	Dump(r Requestor) pyval.Value
}

// Domain is a loaded domain: its base database(s), from which every
// episode's environment is forked.
type Domain interface {
	// Name returns the domain's name.
	Name() string
	// New returns a fresh environment at the domain's initial state.
	New() Env
}

// Loader loads a domain from its data folder (the layout of
// data/tau2/domains/<name> in the reference repository).
type Loader func(dir string) (Domain, error)

var (
	regMu   sync.RWMutex
	loaders = map[string]Loader{}
)

// Register makes a domain loader available by name; it panics if the name
// is taken, as registration happens in init functions.
func Register(name string, l Loader) {
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := loaders[name]; dup {
		panic("tau2: Register called twice for " + name)
	}
	loaders[name] = l
}

// Load loads the named domain from dir.
func Load(name, dir string) (Domain, error) {
	regMu.RLock()
	l, ok := loaders[name]
	regMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("tau2: unknown domain %q (known: %v)", name, Domains())
	}
	d, err := l(dir)
	if err != nil {
		return nil, fmt.Errorf("tau2: load %s from %s: %w", name, dir, err)
	}
	return d, nil
}

// Domains lists the registered domain names, sorted.
func Domains() []string {
	regMu.RLock()
	defer regMu.RUnlock()
	out := make([]string, 0, len(loaders))
	for n := range loaders {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
