// Package bfcl holds the executable world of the Berkeley Function Calling
// Leaderboard's multi-turn categories: the framework its eight API classes
// (file system, math, messaging, posting, ticketing, trading, travel,
// vehicle control) are written in, and [Env], which puts a test entry's
// involved classes behind toolgym's env contract. The classes live one
// folder down and register themselves with [RegisterClass].
//
// The framework reproduces how the reference executor
// (bfcl_eval/eval_checker/multi_turn_eval/multi_turn_utils.py) runs a call:
// arguments are bound to parameters as Python binds them (positional and
// keyword, defaults, the exact TypeError texts), a method's exception
// becomes "Error during execution: <str(exception)>", a str result is
// shown as is, a dict through json.dumps, anything else through str().
package bfcl

import (
	"fmt"
	"sort"
	"sync"

	"github.com/toolgym/toolgym/pyval"
)

// Class is one stateful API class, such as GorillaFileSystem.
type Class interface {
	// Name is the reference's class name, as test entries list it in
	// involved_classes ("GorillaFileSystem", "TwitterAPI", ...).
	Name() string
	// Load sets the scenario from the entry's initial_config for this
	// class (an empty dict when the entry gives none), as the reference's
	// _load_scenario does; longContext selects the long-context variant.
	Load(config *pyval.Dict, longContext bool) error
	// Methods lists the public methods, in any order.
	Methods() []Method
	// State returns the public attributes the reference's state checker
	// compares, named as the reference names them, in the encoding of the
	// replay anchors (see pyval.StateJSON).
	State() *pyval.Dict
	// Clone returns an independent deep copy; methods of the clone act on
	// the clone.
	Clone() Class
}

// Method is one public method of a class.
type Method struct {
	// Name is the method's name ("cd", "post_tweet").
	Name string
	// Params are the parameters after self, in order.
	Params []Param
	// Call runs the method on arguments bound to Params (one per
	// parameter, defaults filled in). A returned error is the exception
	// the reference raises; its Error() is what str(exception) gives.
	Call func(args []pyval.Value) (pyval.Value, error)
	// Run, when set, is Call for any instance of the class: it runs the
	// method on recv. Methods of a class's MethodTable have it.
	Run func(recv Class, args []pyval.Value) (pyval.Value, error)
}

// MethodTable is implemented by classes that list their methods once for
// all their instances: MethodTable returns the same methods (each with
// Run set, Call unset) for every instance. An [Env] of such classes finds
// a method by name in an index built once per set of involved classes,
// and builds no closures per instance.
type MethodTable interface {
	MethodTable() []Method
}

// StateComparer is implemented by classes that compare their state with
// another instance's without building it: StateEqual reports whether
// every attribute State lists equals the other instance's (Python ==), as
// comparing the two States would. Judges try it first.
type StateComparer interface {
	StateEqual(other Class) bool
}

// ConfigCopier is implemented by classes whose Load leaves its config
// unchanged and copies whatever part of it the instance keeps and a
// method may change. [New] hands such a class the entry's config itself;
// any other class gets a deep copy (copy.deepcopy, as the reference's
// _load_scenario does), which for a large scenario costs more than the
// calls that follow.
type ConfigCopier interface {
	CopiesConfig()
}

// Bound returns the methods of a method table bound to recv, with Call
// set: what Methods returns for a class that has a MethodTable.
func Bound(recv Class, table []Method) []Method {
	out := make([]Method, len(table))
	for i := range table {
		m := &table[i]
		out[i] = Method{Name: m.Name, Params: m.Params, Run: m.Run, Call: func(args []pyval.Value) (pyval.Value, error) { return m.Run(recv, args) }}
	}
	return out
}

// Param is one parameter of a method.
type Param struct {
	Name string
	// Default, when HasDefault, is the value used when the call omits it.
	Default    pyval.Value
	HasDefault bool
}

// Opt returns a parameter with a default.
func Opt(name string, def pyval.Value) Param {
	return Param{Name: name, Default: def, HasDefault: true}
}

// Req returns a required parameter.
func Req(name string) Param { return Param{Name: name} }

// Factory makes a fresh, unloaded instance of a class.
type Factory func() Class

var (
	classMu sync.RWMutex
	classes = map[string]Factory{}
)

// RegisterClass makes a class available by its reference name; it panics
// on a repeated name.
func RegisterClass(name string, f Factory) {
	classMu.Lock()
	defer classMu.Unlock()
	if _, dup := classes[name]; dup {
		panic("bfcl: RegisterClass called twice for " + name)
	}
	classes[name] = f
}

// NewClass returns a fresh instance of the named class, made by its
// Factory: unloaded, so call Load before using it.
func NewClass(name string) (Class, error) {
	classMu.RLock()
	f, ok := classes[name]
	classMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("bfcl: class %q is not registered (known: %v)", name, ClassNames())
	}
	return f(), nil
}

// ClassNames lists the registered classes, sorted.
func ClassNames() []string {
	classMu.RLock()
	defer classMu.RUnlock()
	out := make([]string, 0, len(classes))
	for n := range classes {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
