package tau2

// What the domains share (retail and airline use all of it; telecom and
// mock may use any part):
//
//   - pydantic.go: Model, Field and Type describe the reference's pydantic
//     models; Model.Validate and Model.New validate as pydantic's lax mode
//     does and return model_dump() values, with ValidationError texts.
//   - docstring.go, spec.go: ToolSpec builds a tool's spec as as_tool does
//     (docstring_parser's Google style, pydantic's JSON schema key order).
//   - render.go: ToJSONStr is Environment.to_json_str; AsModel marks a
//     tool's model result.
//   - pyops.go: Python semantics for arguments of any type (KeyIn, Iter,
//     Len, Count, Sorted, Lower, Binary, Compare) with CPython's texts.
//   - calculate.go: Calculate, the calculate tool.
//   - toolkit.go: Func, Toolkit (class-ordered tools, argument binding),
//     CheckCallKwargs (make_tool_call's own TypeErrors).
//   - dbenv.go: DBDomain and DBEnv, the Env of a domain with one database
//     and no user tools; SameDB and JSONEqual compare states as their
//     hashes would.

import (
	"fmt"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Func is one function of a reference toolkit class: a tool (decorated
// with @is_tool) or a helper that only Env.Run reaches.
type Func struct {
	Name string
	// Doc is the function's docstring, verbatim (indentation included):
	// the tool's description and argument descriptions come from it.
	Doc     string
	Params  []Param
	Type    ToolType
	Mutates bool
	// Tool is set for the functions the toolkit exposes as tools.
	Tool bool
	// Call runs the function on db with arguments bound to Params. Its
	// error is the exception the reference raises (str(e) is its text).
	Call func(db *docdb.DB, args []pyval.Value) (pyval.Value, error)
}

// NewTool returns a tool function; mutates follows the reference's
// is_tool default (true exactly for write tools).
func NewTool(name string, typ ToolType, doc string, params []Param, call func(db *docdb.DB, args []pyval.Value) (pyval.Value, error)) *Func {
	return &Func{Name: name, Doc: doc, Params: params, Type: typ, Mutates: typ == Write, Tool: true, Call: call}
}

// Toolkit is a reference toolkit class (ToolKitBase subclass): its
// functions in class definition order, which is the order of its tools.
type Toolkit struct {
	Class  string
	funcs  []*Func
	byName map[string]*Func
	once   sync.Once
	info   []ToolInfo
	specs  []tool.Spec
}

// NewToolkit returns a toolkit of the named class.
func NewToolkit(class string, funcs ...*Func) *Toolkit {
	k := &Toolkit{Class: class, funcs: funcs, byName: map[string]*Func{}}
	for _, f := range funcs {
		if _, dup := k.byName[f.Name]; dup {
			panic("tau2: toolkit " + class + " has " + f.Name + " twice")
		}
		k.byName[f.Name] = f
	}
	return k
}

// Func returns the named function (tool or helper), or nil.
func (k *Toolkit) Func(name string) *Func { return k.byName[name] }

// Tool returns the named tool, or nil.
func (k *Toolkit) Tool(name string) *Func {
	if f := k.byName[name]; f != nil && f.Tool {
		return f
	}
	return nil
}

func (k *Toolkit) build() {
	k.once.Do(func() {
		for _, f := range k.funcs {
			if !f.Tool {
				continue
			}
			spec := ToolSpec(f.Name, f.Doc, f.Params)
			spec.Annotations = &tool.Annotations{ReadOnly: !f.Mutates, Category: string(f.Type)}
			k.info = append(k.info, ToolInfo{Spec: spec, Type: f.Type, Mutates: f.Mutates})
			k.specs = append(k.specs, spec)
		}
	})
}

// Info lists the toolkit's tools as ToolKitBase.get_tools orders them.
func (k *Toolkit) Info() []ToolInfo {
	k.build()
	return append([]ToolInfo(nil), k.info...)
}

// Specs lists the tools' specs.
func (k *Toolkit) Specs() []tool.Spec {
	k.build()
	return append([]tool.Spec(nil), k.specs...)
}

// Bind binds keyword arguments to f's parameters as calling the bound
// method with **kwargs does, with CPython's TypeError texts
// ("RetailTools.get_order_details() missing 1 required positional
// argument: 'order_id'").
func (k *Toolkit) Bind(f *Func, kwargs *pyval.Dict) ([]pyval.Value, error) {
	m := &bfcl.Method{Name: f.Name, Params: make([]bfcl.Param, len(f.Params))}
	for i, p := range f.Params {
		m.Params[i] = bfcl.Param{Name: p.Name, Default: p.Default, HasDefault: p.HasDefault}
	}
	var args []bfcl.Arg
	if kwargs != nil {
		args = make([]bfcl.Arg, 0, kwargs.Len())
		var err error
		kwargs.Items(func(key, v pyval.Value) bool {
			name, _ := key.(string)
			if name == "self" {
				// self is bound already: Python says so before looking
				// further.
				err = pyval.TypeError(fmt.Sprintf("%s.%s() got multiple values for argument 'self'", k.Class, f.Name))
				return false
			}
			known := false
			for _, p := range f.Params {
				if p.Name == name {
					known = true
					break
				}
			}
			if !known {
				return false // Bind reports it
			}
			args = append(args, bfcl.Arg{Name: name, Value: v})
			return true
		})
		if err != nil {
			return nil, err
		}
		if len(args) < kwargs.Len() {
			// Rebuild with every argument, so that Bind reports the first
			// unknown one with Python's text.
			args = args[:0]
			kwargs.Items(func(key, v pyval.Value) bool {
				name, _ := key.(string)
				args = append(args, bfcl.Arg{Name: name, Value: v})
				return true
			})
		}
	}
	return bfcl.Bind(k.Class, m, args)
}

// CheckCallKwargs reports the TypeError the reference raises before a
// tool runs when a call's arguments collide with the parameters of
// Environment.make_tool_call(self, tool_name, requestor="assistant",
// **kwargs), which get_response calls as make_tool_call(name,
// requestor=requestor, **arguments): an argument named requestor, then
// (in argument order) one named self or tool_name.
func CheckCallKwargs(kwargs *pyval.Dict) error {
	if kwargs == nil {
		return nil
	}
	if kwargs.Has("requestor") {
		return pyval.TypeError("tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'")
	}
	var err error
	kwargs.Items(func(k, _ pyval.Value) bool {
		if k == "self" || k == "tool_name" {
			err = pyval.TypeError("Environment.make_tool_call() got multiple values for argument '" + k.(string) + "'")
			return false
		}
		return true
	})
	return err
}
