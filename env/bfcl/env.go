package bfcl

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Env is the world of one BFCL test entry: instances of its involved
// classes, loaded from the entry's initial_config. Calls run one at a
// time, in the order they arrive, as the reference runs them; an agent
// sees SequentialCalls and runs the calls of one message in order.
type Env struct {
	mu      sync.Mutex
	classes []Class
	methods map[string]bound
	shared  bool // methods is the shared index of classes with method tables
	specs   []tool.Spec
	argBuf  []Arg         // the parser's scratch, reused call after call (under mu)
	valBuf  []pyval.Value // the bound arguments' scratch, likewise
	// The scratches start in these arrays, which hold the arguments of
	// most calls: an env's first calls allocate nothing for them.
	argArr [4]Arg
	valArr [4]pyval.Value
}

// newEnv returns an empty Env whose scratches start in its own arrays.
func newEnv() *Env {
	e := &Env{}
	e.argBuf, e.valBuf = e.argArr[:0], e.valArr[:0]
	return e
}

// bound is a method and the position of its class in Env.classes.
type bound struct {
	class  int
	method *Method
}

// New builds the env of a test entry: the involved classes, in order,
// each loaded with its part of initialConfig (an empty dict when absent).
// A method name two classes share resolves to the later class, as the
// reference's name mapping does.
func New(involved []string, initialConfig *pyval.Dict, longContext bool) (*Env, error) {
	e := newEnv()
	for _, name := range involved {
		c, err := NewClass(name)
		if err != nil {
			return nil, err
		}
		cfg := pyval.NewDict()
		if initialConfig != nil {
			if v, ok := initialConfig.Get(name); ok {
				d, ok := v.(*pyval.Dict)
				if !ok {
					return nil, fmt.Errorf("bfcl: initial_config of %s is not an object", name)
				}
				if _, copies := c.(ConfigCopier); copies {
					cfg = d
				} else {
					cfg = d.Clone()
				}
			}
		}
		if err := c.Load(cfg, longContext); err != nil {
			return nil, fmt.Errorf("bfcl: loading %s: %w", name, err)
		}
		e.classes = append(e.classes, c)
	}
	e.index()
	return e, nil
}

func (e *Env) index() {
	if idx, ok := tableIndex(e.classes); ok {
		e.methods, e.shared = idx, true
		return
	}
	all := make([][]Method, len(e.classes))
	n := 0
	for i, c := range e.classes {
		all[i] = c.Methods()
		n += len(all[i])
	}
	e.methods = make(map[string]bound, n)
	for k := range e.classes {
		ms := all[k]
		for i := range ms {
			e.methods[ms[i].Name] = bound{class: k, method: &ms[i]}
		}
	}
}

// tableIndexes caches the method index of each list of classes that all
// have a MethodTable, by their names joined.
var tableIndexes sync.Map // string -> map[string]bound

// tableIndex returns the shared method index of classes when every one has
// a MethodTable (a name two classes share resolves to the later class).
func tableIndex(classes []Class) (map[string]bound, bool) {
	var key strings.Builder
	for _, c := range classes {
		if _, ok := c.(MethodTable); !ok {
			return nil, false
		}
		key.WriteString(c.Name())
		key.WriteByte(',')
	}
	if idx, ok := tableIndexes.Load(key.String()); ok {
		return idx.(map[string]bound), true
	}
	n := 0
	tables := make([][]Method, len(classes))
	for i, c := range classes {
		tables[i] = c.(MethodTable).MethodTable()
		n += len(tables[i])
	}
	idx := make(map[string]bound, n)
	for k, t := range tables {
		for i := range t {
			idx[t[i].Name] = bound{class: k, method: &t[i]}
		}
	}
	actual, _ := tableIndexes.LoadOrStore(key.String(), idx)
	return actual.(map[string]bound), true
}

// SetTools sets the tool specs the env offers (the suite builds them from
// the function docs, and changes them when held-out functions appear).
// Calls of methods not offered still run, as in the reference.
func (e *Env) SetTools(specs []tool.Spec) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.specs = specs
}

// Tools implements env.Env.
func (e *Env) Tools() []tool.Spec {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.specs
}

// SequentialCalls tells agents to run the calls of one message in order,
// as the reference does.
func (e *Env) SequentialCalls() bool { return true }

// ChecksCalls tells agents to hand every call to the env unchecked: an
// unknown function or bad arguments get the reference's own observation.
func (e *Env) ChecksCalls() bool { return true }

// DecodesCalls tells agents whether the reference's function-calling
// handlers would decode a reply with these calls (agent.CallDecoder): every
// call's arguments must be a JSON object ([DecodeArguments]). When one is
// not, the reference runs none of the reply's calls and ends the turn.
func (e *Env) DecodesCalls(calls []tool.Call) bool {
	for _, c := range calls {
		if _, ok := DecodeArguments(c.Arguments); !ok {
			return false
		}
	}
	return true
}

// DecodeArguments reads a native call's arguments as the reference's
// function-calling handlers do (json.loads, then .items()): they must be
// a JSON object; empty text is not one.
func DecodeArguments(arguments string) (*pyval.Dict, bool) {
	raw := strings.TrimSpace(arguments)
	if raw == "" {
		return nil, false
	}
	v, err := pyval.FromJSON([]byte(raw))
	if err != nil {
		return nil, false
	}
	d, ok := v.(*pyval.Dict)
	return d, ok
}

// Classes returns the involved class instances, in order.
func (e *Env) Classes() []Class { return e.classes }

// forbidden reports whether the reference refuses to evaluate a call of
// name.
func forbidden(name string) bool {
	switch name {
	case "kill", "exit", "quit", "remove", "unlink", "popen", "Popen", "run":
		return true
	}
	return false
}

// Exec runs one call written in Python, such as "cd(folder='document')",
// and returns the result string the reference's executor produces,
// failures included ("Error during execution: ...").
func (e *Env) Exec(call string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.exec(call)
}

// ExecAll runs calls in order and returns their result strings.
func (e *Env) ExecAll(calls []string) []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]string, len(calls))
	for i, c := range calls {
		out[i] = e.exec(c)
	}
	return out
}

func (e *Env) exec(call string) string {
	name := call
	if i := strings.IndexByte(name, '('); i >= 0 {
		name = name[:i]
	}
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = strings.SplitN(name, ".", 3)[1]
	}
	if forbidden(strings.TrimSpace(name)) {
		return fmt.Sprintf("Error during execution: Function call %s is not allowed.", strings.TrimSpace(name))
	}
	fn, args, err := parseCallInto(call, e.argBuf)
	e.argBuf = args[:0] // Bind copies the values out; the slice is free again
	if err != nil {
		return "Error during execution: invalid syntax (<string>, line 1)"
	}
	if i := strings.LastIndexByte(fn, '.'); i >= 0 {
		fn = fn[i+1:]
	}
	return e.invoke(fn, args)
}

// invoke runs a method by name and stringifies the result. The bound
// values live in e.valBuf: no method keeps its argument slice.
func (e *Env) invoke(name string, args []Arg) string {
	b, ok := e.methods[name]
	if !ok {
		return fmt.Sprintf("Error during execution: name '%s' is not defined", name)
	}
	c := e.classes[b.class]
	vals, err := bindInto(c.Name(), b.method, args, e.valBuf)
	if err != nil {
		return "Error during execution: " + err.Error()
	}
	e.valBuf = vals
	res, err := safeCall(c, b.method, vals)
	clear(vals) // hold on to no argument past the call
	if err != nil {
		return "Error during execution: " + err.Error()
	}
	return ResultString(res)
}

func safeCall(c Class, m *Method, args []pyval.Value) (res pyval.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			if pe, ok := p.(error); ok {
				err = pe
				return
			}
			err = fmt.Errorf("%v", p)
		}
	}()
	if m.Call == nil {
		return m.Run(c, args)
	}
	return m.Call(args)
}

// ResultString renders a method's return value as the reference's
// executor does: a str as is, a dict through json.dumps (str() when it is
// not serialisable), anything else through str(). A JSONResult is a dict
// already through json.dumps.
func ResultString(v pyval.Value) string {
	switch r := v.(type) {
	case string:
		return r
	case JSONResult:
		return string(r)
	case *Out:
		return string(r.text)
	case *pyval.Dict:
		if s, err := pyval.JSONDumps(r); err == nil {
			return s
		}
	}
	return pyval.Str(v)
}

// Call implements env.Env for native tool calls: the JSON arguments become
// keyword arguments, as BFCL's function-calling handlers turn them into a
// Python call. The result string is the observation, errors included.
func (e *Env) Call(ctx context.Context, call tool.Call) tool.Result {
	if err := ctx.Err(); err != nil {
		return tool.Fail(call, tool.KindCanceled, "call of %s canceled", call.Name)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return tool.OK(call, tool.Text(e.callJSON(call)))
}

func (e *Env) callJSON(call tool.Call) string {
	if forbidden(call.Name) {
		return fmt.Sprintf("Error during execution: Function call %s is not allowed.", call.Name)
	}
	raw := strings.TrimSpace(call.Arguments)
	if raw == "" {
		raw = "{}"
	}
	v, err := pyval.FromJSON([]byte(raw))
	if err != nil {
		return "Error during execution: arguments are not valid JSON: " + err.Error()
	}
	d, ok := v.(*pyval.Dict)
	if !ok {
		return "Error during execution: arguments must be a JSON object"
	}
	return e.invokeDict(call.Name, d)
}

// CallDecoded runs a native call whose arguments are already decoded
// (by [DecodeArguments]) and returns its result string, as Call does. The
// method may keep or change the argument values.
func (e *Env) CallDecoded(name string, args *pyval.Dict) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if forbidden(name) {
		return fmt.Sprintf("Error during execution: Function call %s is not allowed.", name)
	}
	return e.invokeDict(name, args)
}

// invokeDict runs a method with keyword arguments from a JSON object.
func (e *Env) invokeDict(name string, d *pyval.Dict) string {
	var buf [8]Arg
	args := buf[:0]
	d.Items(func(k, v pyval.Value) bool {
		args = append(args, Arg{Name: k.(string), Value: v})
		return true
	})
	return e.invoke(name, args)
}

// States returns each class's state (public attributes) by class name, in
// involved order.
func (e *Env) States() *pyval.Dict {
	e.mu.Lock()
	defer e.mu.Unlock()
	d := pyval.NewDict()
	for _, c := range e.classes {
		d.Set(c.Name(), c.State())
	}
	return d
}

// Snapshot implements env.Env: the states in the anchors' encoding, keys
// in the reference's attribute order, so equal states give equal bytes.
func (e *Env) Snapshot() (json.RawMessage, error) {
	b, err := pyval.MarshalStateJSON(e.States())
	if err != nil {
		return nil, fmt.Errorf("bfcl snapshot: %w", err)
	}
	return bytes.Clone(b), nil
}

// Fork implements env.Env.
func (e *Env) Fork() env.Env {
	e.mu.Lock()
	defer e.mu.Unlock()
	f := newEnv()
	f.specs, f.classes = e.specs, make([]Class, len(e.classes))
	for i, c := range e.classes {
		f.classes[i] = c.Clone()
	}
	if e.shared {
		f.methods, f.shared = e.methods, true
	} else {
		f.index()
	}
	return f
}
