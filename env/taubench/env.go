package taubench

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Tool is one tool of a domain: one of the reference's Tool classes, with
// its static invoke(data, **kwargs) and get_info().
type Tool struct {
	// Spec is get_info()["function"]: the name, description and parameter
	// schema exactly as the reference writes them.
	Spec tool.Spec
	// Class is the reference's class name; Python's TypeErrors for bad
	// arguments name it ("Calculate.invoke() missing 1 required
	// positional argument: 'expression'").
	Class string
	// Module is the module defining the class, which Python names when a
	// call passes an argument called "data" (invoke already receives the
	// data under that name).
	Module string
	// Params are invoke's parameters after data, in order; all are
	// required.
	Params []string
	// Write reports whether the tool may change the data; such calls run
	// under the env's write lock, the others share a read lock.
	Write bool
	// Invoke runs the tool on the bound arguments (one per parameter) and
	// returns its Python return value: a str, or None where the
	// reference's code falls off its end. A returned error is the Python
	// exception the reference raises (a *pyval.Exception whose Error() is
	// str(exception)); the data keeps the changes made before it, as in
	// Python. Invoke may change db only when Write is set.
	Invoke func(db *docdb.DB, args []pyval.Value) (pyval.Value, error)
}

// Domain describes one tau-bench domain.
type Domain struct {
	// Name is "retail" or "airline".
	Name string
	// Tables are the data files' base names, in the order the reference's
	// load_data puts them in its dict ("orders" for orders.json, ...).
	Tables []string
	// Tools are the reference's ALL_TOOLS, in order.
	Tools []Tool
	// Terminate names the tools whose call ends an episode (the
	// reference's terminate_tools).
	Terminate []string

	once   sync.Once
	byName map[string]*Tool
	specs  []tool.Spec
}

func (d *Domain) index() {
	d.once.Do(func() {
		d.byName = make(map[string]*Tool, len(d.Tools))
		for i := range d.Tools {
			t := &d.Tools[i]
			d.byName[t.Spec.Name] = t
			d.specs = append(d.specs, t.Spec)
		}
	})
}

// Specs returns the tools' specs in the reference's order.
func (d *Domain) Specs() []tool.Spec {
	d.index()
	return slices.Clone(d.specs)
}

// Tool returns the named tool.
func (d *Domain) Tool(name string) (*Tool, bool) {
	d.index()
	t, ok := d.byName[name]
	return t, ok
}

// KindNoObservation is the kind of the error a call gives when the
// reference's tool returns None instead of a str (airline's
// send_certificate once the user holds its three certificates). The
// reference's Env.step then fails validating its EnvResponse, and the
// episode ends with that error instead of an observation.
const KindNoObservation tool.Kind = "no_observation"

// ErrNoObservation matches (errors.Is) the error of such a result.
var ErrNoObservation = &tool.Error{Kind: KindNoObservation, Message: "the tool returned None"}

// Data is a domain's data, loaded once; New makes envs from it.
type Data struct {
	domain *Domain
	// forkMu serialises forks of base: docdb's Fork marks the parent's
	// tables as shared, a write.
	forkMu sync.Mutex
	base   *docdb.DB

	cacheOnce sync.Once
	cache     *hashCache
}

// Load reads the domain's data files from dir (the folder holding
// orders.json, products.json and users.json for retail, flights.json,
// reservations.json and users.json for airline) into a base database.
func Load(d *Domain, dir string) (*Data, error) {
	top := pyval.NewDict()
	for _, name := range d.Tables {
		path := filepath.Join(dir, name+".json")
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("tau-bench %s data: %w", d.Name, err)
		}
		v, err := pyval.FromJSON(b)
		if err != nil {
			return nil, fmt.Errorf("tau-bench %s data: %s: %w", d.Name, path, err)
		}
		if _, ok := v.(*pyval.Dict); !ok {
			return nil, fmt.Errorf("tau-bench %s data: %s holds a JSON %s, want an object", d.Name, path, pyval.TypeName(v))
		}
		top.Set(name, v)
	}
	db, err := docdb.FromDict(top)
	if err != nil {
		return nil, fmt.Errorf("tau-bench %s data: %w", d.Name, err)
	}
	return &Data{domain: d, base: db}, nil
}

// Domain returns the domain the data belongs to.
func (d *Data) Domain() *Domain { return d.domain }

// New returns a fresh env at the initial data: a fork of the base
// database, which costs a few allocations whatever the data's size.
func (d *Data) New() *Env {
	d.forkMu.Lock()
	db := d.base.Fork()
	d.forkMu.Unlock()
	return &Env{data: d, db: db, id: envIDs.Add(1)}
}

// envIDs numbers envs, to take two envs' locks in a fixed order.
var envIDs atomic.Uint64

// Hash returns get_data_hash() of the initial data.
func (d *Data) Hash() string { return d.hash(d.base) }

// Env is one tau-bench environment: the domain's tools over a private
// copy-on-write copy of its data. Its methods are safe for concurrent use.
type Env struct {
	data *Data
	id   uint64
	mu   sync.RWMutex
	db   *docdb.DB
}

var _ env.Env = (*Env)(nil)

// Tools returns the reference's tool specs, in its order (ALL_TOOLS).
func (e *Env) Tools() []tool.Spec { return e.data.domain.Specs() }

// Terminate names the tools whose call ends an episode.
func (e *Env) Terminate() []string { return slices.Clone(e.data.domain.Terminate) }

// Call runs one tool call as the reference's Env.step does and returns
// its observation: the tool's return string as text content (tools
// report most failures in that string, "Error: order not found"); for a
// Python exception inside the tool an error result whose message is
// str(exception), so that Text() is the reference's "Error: <e>" (kind
// tool.KindInvalidArguments for the TypeErrors of binding the arguments,
// tool.KindFailed for the others); for an unknown tool the text "Unknown
// action <name>". Arguments are a JSON object, decoded as json.loads does
// (ints and floats apart); text that is not one, which the reference's
// agent could not even turn into an action, gives a tool.KindInvalidJSON
// error.
func (e *Env) Call(ctx context.Context, call tool.Call) tool.Result {
	if err := ctx.Err(); err != nil {
		return tool.Fail(call, tool.KindCanceled, "call of %s canceled: %v", call.Name, err)
	}
	t, ok := e.data.domain.Tool(call.Name)
	if !ok {
		return tool.OK(call, tool.Text("Unknown action "+call.Name))
	}
	args, fail := bindCall(call, t)
	if fail != nil {
		return *fail
	}
	v, err := e.invoke(t, args)
	if err != nil {
		return tool.FailWith(call, &tool.Error{Kind: tool.KindFailed, Message: err.Error()})
	}
	switch x := v.(type) {
	case string:
		return tool.OK(call, tool.Text(x))
	case nil:
		return tool.FailWith(call, &tool.Error{Kind: KindNoObservation, Message: call.Name + " returned None, which the reference's Env.step cannot return as an observation: its episode ends with a validation error here"})
	}
	// No tool returns anything else; show it as Python would print it.
	return tool.OK(call, tool.Text(pyval.Str(v)))
}

// invoke runs the tool under the env's write lock, or its read lock for
// a tool that does not write.
func (e *Env) invoke(t *Tool, args []pyval.Value) (pyval.Value, error) {
	if t.Write {
		e.mu.Lock()
		defer e.mu.Unlock()
	} else {
		e.mu.RLock()
		defer e.mu.RUnlock()
	}
	return t.Invoke(e.db, args)
}

// bindCall decodes the arguments and binds them to the tool's
// parameters, or returns the failing result.
func bindCall(call tool.Call, t *Tool) ([]pyval.Value, *tool.Result) {
	raw := strings.TrimSpace(call.Arguments)
	if raw == "" {
		raw = "{}"
	}
	v, err := pyval.FromJSON([]byte(raw))
	if err != nil {
		r := tool.Fail(call, tool.KindInvalidJSON, "arguments of %s are not valid JSON: %v", call.Name, err)
		return nil, &r
	}
	d, ok := v.(*pyval.Dict)
	if !ok {
		r := tool.Fail(call, tool.KindInvalidJSON, "arguments of %s must be a JSON object, got %s", call.Name, tool.JSONKind(raw))
		return nil, &r
	}
	if d.Has("data") {
		// invoke(data=self.data, **kwargs): Python refuses the call
		// before binding anything.
		r := tool.Fail(call, tool.KindInvalidArguments, "%s.%s.invoke() got multiple values for keyword argument 'data'", t.Module, t.Class)
		return nil, &r
	}
	args := make([]bfcl.Arg, 0, d.Len())
	d.Items(func(k, v pyval.Value) bool {
		args = append(args, bfcl.Arg{Name: k.(string), Value: v})
		return true
	})
	params := make([]bfcl.Param, len(t.Params))
	for i, p := range t.Params {
		params[i] = bfcl.Req(p)
	}
	vals, err := bfcl.Bind(t.Class, &bfcl.Method{Name: "invoke", Params: params}, args)
	if err != nil {
		r := tool.Fail(call, tool.KindInvalidArguments, "%s", err.Error())
		return nil, &r
	}
	return vals, nil
}

// Snapshot returns the data as canonical JSON (keys sorted at every
// depth, numbers as Python writes them).
func (e *Env) Snapshot() (json.RawMessage, error) {
	e.mu.RLock()
	s, err := pyval.JSONDumps(e.db.Dict())
	e.mu.RUnlock()
	if err != nil {
		return nil, fmt.Errorf("tau-bench %s snapshot: %w", e.data.domain.Name, err)
	}
	return env.CanonicalizeJSON([]byte(s))
}

// Fork implements env.Env; see Clone.
func (e *Env) Fork() env.Env { return e.Clone() }

// Clone returns an independent env at e's current data, sharing every
// record with e until either side writes it.
func (e *Env) Clone() *Env {
	// docdb's Fork marks e's tables as shared: a write.
	e.mu.Lock()
	db := e.db.Fork()
	e.mu.Unlock()
	return &Env{data: e.data, db: db, id: envIDs.Add(1)}
}

// DB returns the env's database for reading. The records it returns must
// not be changed, and it must not be read while a call that writes runs.
func (e *Env) DB() *docdb.DB { return e.db }

// Data returns the data the env was made from.
func (e *Env) Data() *Data { return e.data }

// Hash returns the reference's get_data_hash(): the SHA-256 of
// str(to_hashable(data)). Records the env shares with the initial data
// reuse their text, so it costs about one SHA-256 pass over the data.
func (e *Env) Hash() string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.data.hash(e.db)
}

// Equal reports whether e and o hold data with the same get_data_hash
// (str(to_hashable(data)) equal: Python's == except that 1 and 1.0
// differ, as the reference's reward sees them). Records the two still
// share are skipped, so comparing envs forked from the same data costs
// about the records either side wrote.
func (e *Env) Equal(o *Env) bool { return Equal(e, o) }

// Equal reports whether a and b hold data with the same get_data_hash;
// see Env.Equal.
func Equal(a, b *Env) bool {
	if a == b {
		return true
	}
	first, second := a, b
	if b.id < a.id {
		first, second = b, a
	}
	first.mu.RLock()
	defer first.mu.RUnlock()
	second.mu.RLock()
	defer second.mu.RUnlock()
	return equalHashable(a.db, b.db)
}
