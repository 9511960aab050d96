package tau2

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// DBDomain is a domain whose environment is one assistant toolkit over
// one database and no user tools (retail, airline): the reference's
// Environment(tools=Toolkit(db)) with user_tools None.
type DBDomain struct {
	name   string
	schema *Model
	kit    *Toolkit
	mu     sync.Mutex // guards base's fork bookkeeping
	base   *docdb.DB
}

// NewDBDomain validates data as the database model schema (DB.load:
// model_validate) and keeps its model_dump() as the domain's base state.
func NewDBDomain(name string, schema *Model, kit *Toolkit, data pyval.Value) (*DBDomain, error) {
	dump, err := schema.Validate(data)
	if err != nil {
		return nil, fmt.Errorf("tau2 %s: database: %w", name, err)
	}
	db, err := docdb.FromDict(dump)
	if err != nil {
		return nil, fmt.Errorf("tau2 %s: database: %w", name, err)
	}
	return &DBDomain{name: name, schema: schema, kit: kit, base: db}, nil
}

// Name returns the domain's name.
func (d *DBDomain) Name() string { return d.name }

// Toolkit returns the domain's assistant toolkit.
func (d *DBDomain) Toolkit() *Toolkit { return d.kit }

// New returns a fresh environment at the domain's initial state.
func (d *DBDomain) New() Env { return d.NewEnv() }

// NewEnv is New returning the concrete type.
func (d *DBDomain) NewEnv() *DBEnv {
	d.mu.Lock()
	db := d.base.Fork()
	d.mu.Unlock()
	return &DBEnv{dom: d, id: envIDs.Add(1), db: db}
}

// DBEnv is one environment of a DBDomain. It is safe for concurrent use:
// read-only tools share a read lock, the others take the write lock.
type DBEnv struct {
	dom *DBDomain
	id  uint64 // orders locks when two envs are compared
	mu  sync.RWMutex
	db  *docdb.DB
}

var envIDs atomic.Uint64

var (
	_ Env        = (*DBEnv)(nil)
	_ env.Hasher = (*DBEnv)(nil)
)

// Domain returns the domain's name.
func (e *DBEnv) Domain() string { return e.dom.name }

// DB returns the environment's database, for callers that read it under
// their own synchronisation (tests, suites): treat its records as read
// only.
func (e *DBEnv) DB() *docdb.DB { return e.db }

// Tools lists the assistant's tools.
func (e *DBEnv) Tools() []tool.Spec { return e.dom.kit.Specs() }

// ToolInfo lists r's toolkit: the assistant's tools, or nil for the user,
// who has none in these domains.
func (e *DBEnv) ToolInfo(r Requestor) []ToolInfo {
	if r != Assistant {
		return nil
	}
	return e.dom.kit.Info()
}

// Call runs an assistant tool call.
func (e *DBEnv) Call(ctx context.Context, call tool.Call) tool.Result {
	return e.CallAs(ctx, Assistant, call)
}

// CallAs runs a tool call as Environment.get_response does.
func (e *DBEnv) CallAs(ctx context.Context, r Requestor, call tool.Call) tool.Result {
	start := time.Now()
	res := e.callAs(ctx, r, call)
	res.Duration = time.Since(start)
	return res
}

func fail(call tool.Call, kind tool.Kind, err error) tool.Result {
	return tool.Result{CallID: call.ID, Name: call.Name, Error: &tool.Error{Kind: kind, Message: err.Error()}}
}

func (e *DBEnv) callAs(ctx context.Context, r Requestor, call tool.Call) tool.Result {
	if err := ctx.Err(); err != nil {
		return fail(call, tool.KindCanceled, err)
	}
	raw, err := call.Args()
	if err != nil {
		return tool.FailWith(call, err)
	}
	v, err := pyval.FromJSON(raw)
	if err != nil {
		return fail(call, tool.KindInvalidJSON, err)
	}
	kwargs, _ := v.(*pyval.Dict)
	if err := CheckCallKwargs(kwargs); err != nil {
		return fail(call, tool.KindInvalidArguments, err)
	}
	switch r {
	case Assistant:
	case User:
		return fail(call, tool.KindFailed, pyval.ValueError("User tools not available"))
	default:
		return fail(call, tool.KindFailed, pyval.ValueError("Invalid requestor: "+string(r)))
	}
	f := e.dom.kit.Tool(call.Name)
	if f == nil {
		return fail(call, tool.KindUnknownTool, pyval.ValueError("Tool '"+call.Name+"' not found."))
	}
	args, err := e.dom.kit.Bind(f, kwargs)
	if err != nil {
		return fail(call, tool.KindInvalidArguments, err)
	}
	if f.Mutates {
		e.mu.Lock()
		defer e.mu.Unlock()
	} else {
		e.mu.RLock()
		defer e.mu.RUnlock()
	}
	out, err := f.Call(e.db, args)
	if err != nil {
		return fail(call, tool.KindFailed, err)
	}
	text, err := ToJSONStr(out)
	if err != nil {
		return fail(call, tool.KindFailed, err)
	}
	return tool.OK(call, tool.Text(text))
}

// Run calls any function of r's toolkit by name with keyword arguments
// (the reference's run_env_function_call) and returns its result as
// plain Python values.
func (e *DBEnv) Run(r Requestor, funcName string, args *pyval.Dict) (pyval.Value, error) {
	switch r {
	case Assistant:
	case User:
		return nil, AttributeError(nil, funcName)
	default:
		return nil, pyval.ValueError("Invalid environment type: " + string(r))
	}
	f := e.dom.kit.Func(funcName)
	if f == nil {
		return nil, pyval.Exc("AttributeError", "'"+e.dom.kit.Class+"' object has no attribute '"+funcName+"'")
	}
	bound, err := e.dom.kit.Bind(f, args)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	out, err := f.Call(e.db, bound)
	if err != nil {
		return nil, err
	}
	return pyval.DeepCopy(Unwrap(out)), nil
}

// UpdateDB merges data into the database as update_pydantic_model_with_dict
// does: dicts merge recursively (addict's update), anything else replaces,
// and the result is validated as the database model. Records the update
// does not touch hold model_dump() output already and are not validated
// again.
func (e *DBEnv) UpdateDB(r Requestor, data *pyval.Dict) error {
	switch r {
	case Assistant:
	case User:
		if data == nil {
			return nil
		}
		return AttributeError(nil, "update_db")
	default:
		return pyval.ValueError("Invalid environment type: " + string(r))
	}
	if data == nil || data.Len() == 0 {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	schema := e.dom.schema
	v := &validator{}
	type put struct {
		table, key string
		val        pyval.Value
	}
	var puts []put
	data.Items(func(k, val pyval.Value) bool {
		name, _ := k.(string)
		f := schema.Field(name)
		if f == nil {
			if schema.Forbid {
				v.fail([]pyval.Value{k}, "extra_forbidden", "Extra inputs are not permitted", val)
			}
			return true
		}
		upd, ok := val.(*pyval.Dict)
		t := e.db.Table(name)
		if !ok || f.Type.Kind != KindDict || t == nil {
			v.typ(f.Type, val, []pyval.Value{k})
			return true
		}
		upd.Items(func(rk, rv pyval.Value) bool {
			key, _ := rk.(string)
			merged := rv
			if old, ok := t.Get(key); ok {
				if od, ok := old.(*pyval.Dict); ok {
					if nd, ok := rv.(*pyval.Dict); ok {
						c := pyval.DeepCopy(od).(*pyval.Dict)
						MergeAddict(c, nd)
						merged = c
					}
				}
			}
			out := v.typ(f.Type.Elem, merged, []pyval.Value{k, rk})
			puts = append(puts, put{name, key, out})
			return true
		})
		return true
	})
	if len(v.errs) > 0 {
		return (&ValidationError{Title: schema.Name, Errors: v.errs}).Exception()
	}
	for _, p := range puts {
		e.db.Table(p.table).Put(p.key, p.val)
	}
	return nil
}

// MergeAddict is addict's Dict.update, in place: a dict value merges into
// a dict value recursively, anything else replaces (a copy of the update).
func MergeAddict(dst, src *pyval.Dict) {
	src.Items(func(k, v pyval.Value) bool {
		if old, ok := dst.Get(k); ok {
			if od, ok := old.(*pyval.Dict); ok {
				if nd, ok := v.(*pyval.Dict); ok {
					MergeAddict(od, nd)
					return true
				}
			}
		}
		dst.Set(k, pyval.DeepCopy(v))
		return true
	})
}

// Hash returns get_db_hash() for the assistant, "" for the user.
func (e *DBEnv) Hash(r Requestor) (string, error) {
	if r != Assistant {
		return "", nil
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.db.HashTau2()
}

// StateHash implements env.Hasher with docdb's incremental fingerprint.
func (e *DBEnv) StateHash() (string, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.db.Fingerprint()
}

// Snapshot returns json.dumps(model_dump(), sort_keys=True, default=str),
// whose SHA-256 is get_db_hash().
func (e *DBEnv) Snapshot() (json.RawMessage, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return docdb.SortedJSON(nil, e.db.Dict())
}

// Dump returns a copy of the database as model_dump() gives it (nil for
// the user).
func (e *DBEnv) Dump(r Requestor) pyval.Value {
	if r != Assistant {
		return nil
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	return pyval.DeepCopy(e.db.Dict())
}

// Fork returns an independent copy sharing every record until one side
// writes it.
func (e *DBEnv) Fork() env.Env { return e.ForkEnv() }

// ForkEnv is Fork returning the concrete type.
func (e *DBEnv) ForkEnv() *DBEnv {
	e.mu.Lock()
	defer e.mu.Unlock()
	return &DBEnv{dom: e.dom, id: envIDs.Add(1), db: e.db.Fork()}
}

// SameState reports whether r's databases are equal as their hashes
// would be: json.dumps(sort_keys=True) of both equal, so 1 and 1.0 differ
// and key order does not matter. Records the two still share are
// skipped.
func (e *DBEnv) SameState(r Requestor, other Env) bool {
	o, ok := other.(*DBEnv)
	if !ok {
		return false
	}
	if r != Assistant || o == e {
		return true
	}
	first, second := e, o
	if first.id > second.id {
		first, second = second, first
	}
	first.mu.RLock()
	defer first.mu.RUnlock()
	second.mu.RLock()
	defer second.mu.RUnlock()
	return SameDB(e.db, o.db)
}

// SameDB reports whether two databases hash alike (see SameState).
func SameDB(a, b *docdb.DB) bool {
	an, bn := a.Names(), b.Names()
	if len(an) != len(bn) {
		return false
	}
	for _, n := range an {
		ta, tb := a.Table(n), b.Table(n)
		if ta == nil || tb == nil {
			va, oka := a.Scalar(n)
			vb, okb := b.Scalar(n)
			if !oka || !okb || !JSONEqual(va, vb) {
				return false
			}
			continue
		}
		if ta.List() != tb.List() || ta.Len() != tb.Len() {
			return false
		}
		for i := 0; i < ta.Len(); i++ {
			va := ta.At(i)
			var vb pyval.Value
			if ta.List() {
				vb = tb.At(i)
			} else if k := ta.KeyAt(i); i < tb.Len() && tb.KeyAt(i) == k {
				vb = tb.At(i)
			} else {
				var ok bool
				if vb, ok = tb.Get(k); !ok {
					return false
				}
			}
			if !JSONEqual(va, vb) {
				return false
			}
		}
	}
	return true
}

// JSONEqual reports whether json.dumps(a, sort_keys=True, default=str)
// equals the same of b, without writing either: dicts equal in any key
// order, ints and floats distinct (1 is not 1.0, True is not 1), floats
// equal when their reprs are. Shared containers are equal at once.
func JSONEqual(a, b pyval.Value) bool {
	switch x := a.(type) {
	case *pyval.Dict:
		y, ok := b.(*pyval.Dict)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		if x.Len() != y.Len() {
			return false
		}
		eq := true
		x.Items(func(k, xv pyval.Value) bool {
			yv, ok := y.Get(k)
			eq = ok && JSONEqual(xv, yv)
			return eq
		})
		return eq
	case []pyval.Value:
		return seqJSONEqual(x, b)
	case pyval.Tuple:
		return seqJSONEqual(x, b)
	case float64:
		y, ok := b.(float64)
		return ok && (math.Float64bits(x) == math.Float64bits(y) || math.IsNaN(x) && math.IsNaN(y))
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case int64, *big.Int, int:
		switch b.(type) {
		case int64, *big.Int, int:
			return pyval.Equal(a, b)
		}
		return false
	case string:
		y, ok := b.(string)
		return ok && x == y
	case nil:
		return b == nil
	}
	switch b.(type) {
	case *pyval.Dict, []pyval.Value, pyval.Tuple, float64, bool, int64, *big.Int, int, string, nil:
		return false
	}
	return pyval.Str(a) == pyval.Str(b)
}

func seqJSONEqual(x []pyval.Value, b pyval.Value) bool {
	var y []pyval.Value
	switch t := b.(type) {
	case []pyval.Value:
		y = t
	case pyval.Tuple:
		y = t
	default:
		return false
	}
	if len(x) != len(y) {
		return false
	}
	if len(x) > 0 && &x[0] == &y[0] {
		return true
	}
	for i := range x {
		if !JSONEqual(x[i], y[i]) {
			return false
		}
	}
	return true
}
