// Package mock is tau2-bench's mock domain (src/tau2/domains/mock) as a
// toolgym environment: a task list with users (the assistant's MockDB:
// create_task, get_users, update_task_status, transfer_to_human_agents)
// and a notification inbox on the user's side (MockUserDB:
// check_notifications, dismiss_notification), plus the non-tool functions
// its tasks call (assert_number_of_tasks, assert_task_status,
// add_notification, assert_notification_status).
//
// It is small on purpose: the reference uses it to test its harness, and
// toolgym uses it the same way. Results, errors and database hashes are
// the reference's, down to its quirks: update_task_status stores any value
// it is given (the models do not validate assignments), and after a task's
// initialization_data both toolkits share one database object, as the
// reference's Environment.set_state leaves them.
//
// Importing the package registers the domain as "mock" with tau2.Register.
package mock

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"unsafe"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Name is the domain's name.
const Name = "mock"

func init() { tau2.Register(Name, func(dir string) (tau2.Domain, error) { return Load(dir) }) }

// Domain is the loaded mock domain: its two databases as loaded from the
// data folder, from which every Env is forked.
type Domain struct {
	agent, user *store
}

var _ tau2.Domain = (*Domain)(nil)

// Load reads db.json and user_db.json from dir (the reference's
// data/tau2/domains/mock) and validates them as the reference's models do.
func Load(dir string) (*Domain, error) {
	agent, err := loadStore(filepath.Join(dir, "db.json"), classMockDB)
	if err != nil {
		return nil, err
	}
	user, err := loadStore(filepath.Join(dir, "user_db.json"), classMockUserDB)
	if err != nil {
		return nil, err
	}
	return &Domain{agent: agent, user: user}, nil
}

func loadStore(path string, c dbClass) (*store, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("mock: %w", err)
	}
	v, err := pyval.FromJSON(b)
	if err != nil {
		return nil, fmt.Errorf("mock: %s: %w", path, err)
	}
	s, err := validateStore(c, v)
	if err != nil {
		return nil, fmt.Errorf("mock: %s: %w", path, err)
	}
	return s, nil
}

// Name returns "mock".
func (d *Domain) Name() string { return Name }

// New returns a fresh environment at the domain's initial state.
func (d *Domain) New() tau2.Env { return d.NewEnv() }

// NewEnv is New with the concrete type.
func (d *Domain) NewEnv() *Env {
	return &Env{agent: d.agent.fork(), user: d.user.fork()}
}

func (s *store) fork() *store { return &store{class: s.class, db: s.db.Fork()} }

// Env is one mock environment. Its methods are safe for concurrent use.
type Env struct {
	mu sync.Mutex
	// agent and user are the databases the two toolkits hold; they may be
	// the same store (see UpdateDB).
	agent, user *store
}

var _ tau2.Env = (*Env)(nil)

// Domain returns "mock".
func (e *Env) Domain() string { return Name }

func kit(r tau2.Requestor) *toolkit {
	switch r {
	case tau2.Assistant:
		return agentKit
	case tau2.User:
		return userKit
	}
	return nil
}

// ToolInfo lists r's tools in the reference's order.
func (e *Env) ToolInfo(r tau2.Requestor) []tau2.ToolInfo {
	tk := kit(r)
	if tk == nil {
		return nil
	}
	return append([]tau2.ToolInfo(nil), tk.infos...)
}

// Tools lists the assistant's tool specs.
func (e *Env) Tools() []tool.Spec {
	out := make([]tool.Spec, len(agentKit.infos))
	for i, in := range agentKit.infos {
		out[i] = in.Spec
	}
	return out
}

// Call runs an assistant tool call.
func (e *Env) Call(ctx context.Context, call tool.Call) tool.Result {
	return e.CallAs(ctx, tau2.Assistant, call)
}

// CallAs runs a tool call of r's toolkit as Environment.get_response does.
func (e *Env) CallAs(ctx context.Context, r tau2.Requestor, call tool.Call) tool.Result {
	if err := ctx.Err(); err != nil {
		return tool.Fail(call, tool.KindCanceled, "%v", err)
	}
	raw, err := call.Args()
	if err != nil {
		return tool.FailWith(call, err)
	}
	v, err := pyval.FromJSON(raw)
	if err != nil {
		return tool.Fail(call, tool.KindInvalidJSON, "arguments of %s are not valid JSON: %v", call.Name, err)
	}
	args, _ := v.(*pyval.Dict)
	e.mu.Lock()
	defer e.mu.Unlock()
	out, kind, err := e.call(r, call.Name, args)
	if err != nil {
		return tool.Result{CallID: call.ID, Name: call.Name, Error: &tool.Error{Kind: kind, Message: err.Error()}}
	}
	s, err := tau2.ProcessedJSONStr(out)
	if err != nil {
		return tool.Result{CallID: call.ID, Name: call.Name, Error: &tool.Error{Kind: tool.KindFailed, Message: err.Error()}}
	}
	return tool.OK(call, tool.Text(s))
}

// call is make_tool_call followed by sync_tools.
func (e *Env) call(r tau2.Requestor, name string, args *pyval.Dict) (pyval.Value, tool.Kind, error) {
	if err := makeToolCallBinding(args); err != nil {
		return nil, tool.KindInvalidArguments, err
	}
	tk := kit(r)
	if tk == nil {
		return nil, tool.KindFailed, pyval.ValueError(fmt.Sprintf("Invalid requestor: %s", r))
	}
	f, ok := tk.funcs[name]
	if !ok || f.info == nil {
		return nil, tool.KindUnknownTool, pyval.ValueError(fmt.Sprintf("Tool '%s' not found.", name))
	}
	bound, err := bfcl.Bind(tk.class, &f.method, kwargs(args))
	if err != nil {
		return nil, tool.KindInvalidArguments, err
	}
	out, err := f.run(e, bound)
	if err != nil {
		return nil, tool.KindFailed, err
	}
	return out, "", nil
}

// makeToolCallBinding reproduces the TypeErrors of
// make_tool_call(message.name, requestor=..., **arguments) for argument
// names that collide with its own parameters.
func makeToolCallBinding(args *pyval.Dict) error {
	if args == nil {
		return nil
	}
	if args.Has("requestor") {
		return pyval.TypeError("tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'")
	}
	var err error
	args.Items(func(k, _ pyval.Value) bool {
		if k == "self" || k == "tool_name" {
			err = pyval.TypeError(fmt.Sprintf("Environment.make_tool_call() got multiple values for argument '%s'", k))
			return false
		}
		return true
	})
	return err
}

// kwargs turns a dict of keyword arguments into bfcl.Bind's form.
func kwargs(args *pyval.Dict) []bfcl.Arg {
	if args == nil {
		return nil
	}
	out := make([]bfcl.Arg, 0, args.Len())
	args.Items(func(k, v pyval.Value) bool {
		out = append(out, bfcl.Arg{Name: pyval.Str(k), Value: v})
		return true
	})
	return out
}

// Run calls any function of r's toolkit by name, as
// run_env_function_call does. Models come back as their model_dump dicts.
func (e *Env) Run(r tau2.Requestor, funcName string, args *pyval.Dict) (pyval.Value, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	tk := kit(r)
	if tk == nil {
		return nil, pyval.ValueError(fmt.Sprintf("Invalid environment type: %s", r))
	}
	f, ok := tk.funcs[funcName]
	if !ok {
		return nil, tau2.ClassAttributeError(tk.class, funcName)
	}
	bound, err := bfcl.Bind(tk.class, &f.method, kwargs(args))
	if err != nil {
		return nil, err
	}
	return f.run(e, bound)
}

// UpdateDB merges data into r's database and re-validates it, as
// ToolKitBase.update_db does; then, as Environment.set_state does, the
// other toolkit is pointed at the same (new) database object.
func (e *Env) UpdateDB(r tau2.Requestor, data *pyval.Dict) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var cur *store
	switch r {
	case tau2.Assistant:
		cur = e.agent
	case tau2.User:
		cur = e.user
	default:
		return pyval.ValueError(fmt.Sprintf("Invalid requestor: %s", r))
	}
	raw := pyval.DeepCopy(cur.dump()).(*pyval.Dict)
	if data != nil {
		tau2.MergeAddict(raw, data)
	}
	s, err := validateStore(cur.class, raw)
	if err != nil {
		return err
	}
	e.agent, e.user = s, s
	return nil
}

func (s *store) hash() (string, error) { return docdb.HashSortedJSON(s.dump()) }

// Hash returns get_db_hash (assistant) or get_user_db_hash (user).
func (e *Env) Hash(r tau2.Requestor) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.side(r)
	if s == nil {
		return "", nil
	}
	return s.hash()
}

func (e *Env) side(r tau2.Requestor) *store {
	switch r {
	case tau2.Assistant:
		return e.agent
	case tau2.User:
		return e.user
	}
	return nil
}

// SameState reports whether r's database equals other's as their hashes
// would: same values, int and float told apart.
func (e *Env) SameState(r tau2.Requestor, other tau2.Env) bool {
	o, ok := other.(*Env)
	if !ok {
		return false
	}
	if o == e {
		return true
	}
	unlock := lockPair(e, o)
	defer unlock()
	a, b := e.side(r), o.side(r)
	if a == nil || b == nil {
		return a == b
	}
	return strictEqual(a.dump(), b.dump())
}

// strictEqual compares two dumps as their sorted JSON texts would.
func strictEqual(a, b pyval.Value) bool {
	switch x := a.(type) {
	case *pyval.Dict:
		y, ok := b.(*pyval.Dict)
		if !ok || x.Len() != y.Len() {
			return false
		}
		eq := true
		x.Items(func(k, v pyval.Value) bool {
			w, ok := y.Get(k)
			eq = ok && strictEqual(v, w)
			return eq
		})
		return eq
	case []pyval.Value:
		y, ok := b.([]pyval.Value)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !strictEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	if pyval.TypeName(a) != pyval.TypeName(b) {
		return false
	}
	return pyval.Repr(a) == pyval.Repr(b)
}

// Dump returns r's database as model_dump() would.
func (e *Env) Dump(r tau2.Requestor) pyval.Value {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.side(r)
	if s == nil {
		return nil
	}
	return pyval.DeepCopy(s.dump())
}

// Snapshot returns both databases as one JSON object with sorted keys
// ({"agent_db": ..., "user_db": ...}).
func (e *Env) Snapshot() (json.RawMessage, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	b, err := docdb.SortedJSON(nil, pyval.DictOf("agent_db", e.agent.dump(), "user_db", e.user.dump()))
	if err != nil {
		return nil, err
	}
	return b, nil
}

// Fork returns an independent copy of the environment (an *Env), sharing
// records with e until either side writes.
func (e *Env) Fork() env.Env {
	e.mu.Lock()
	defer e.mu.Unlock()
	c := &Env{agent: e.agent.fork()}
	if e.user == e.agent {
		c.user = c.agent
	} else {
		c.user = e.user.fork()
	}
	return c
}

// lockPair locks two distinct envs in address order (so that x.SameState(y)
// and y.SameState(x) cannot deadlock) and returns the unlock.
func lockPair(a, b *Env) func() {
	if uintptr(unsafe.Pointer(a)) > uintptr(unsafe.Pointer(b)) {
		a, b = b, a
	}
	a.mu.Lock()
	b.mu.Lock()
	return func() {
		b.mu.Unlock()
		a.mu.Unlock()
	}
}

// StateHash implements env.Hasher: the reference's hashes of the agent's
// and the user's databases, combined, which the episode takes after every
// turn far more cheaply than a Snapshot.
func (e *Env) StateHash() (string, error) {
	a, err := e.Hash(tau2.Assistant)
	if err != nil {
		return "", err
	}
	u, err := e.Hash(tau2.User)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(a + "\n" + u))
	return hex.EncodeToString(sum[:]), nil
}
