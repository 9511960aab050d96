package bfcl

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/task"
	"github.com/toolgym/toolgym/tool"
)

// GoldCalls returns a turn's ground truth as the native tool calls a
// function-calling model would make: the name, and the arguments as a
// JSON object in the order written, positional arguments named after the
// method's parameters (the registered class's signature, or the function
// doc's property order when the class is not registered). The call ids
// are task.CallID(turn, 0, i).
func (e *Entry) GoldCalls(turn int) ([]tool.Call, error) {
	all, err := e.goldCalls()
	if err != nil {
		return nil, err
	}
	return append([]tool.Call(nil), all[turn]...), nil
}

// goldCache holds an entry's gold calls, converted once.
type goldCache struct {
	once  sync.Once
	calls [][]tool.Call
	err   error
}

// goldCalls converts every turn's gold once; the result is shared.
func (e *Entry) goldCalls() ([][]tool.Call, error) {
	if e.gold == nil {
		return e.convertGold()
	}
	e.gold.once.Do(func() { e.gold.calls, e.gold.err = e.convertGold() })
	return e.gold.calls, e.gold.err
}

func (e *Entry) convertGold() ([][]tool.Call, error) {
	out := make([][]tool.Call, len(e.GroundTruth))
	for t := range e.GroundTruth {
		calls, err := e.convertTurn(t)
		if err != nil {
			return nil, err
		}
		out[t] = calls
	}
	return out, nil
}

func (e *Entry) convertTurn(turn int) ([]tool.Call, error) {
	gold := e.GroundTruth[turn]
	out := make([]tool.Call, len(gold))
	for i, s := range gold {
		c, err := e.goldCall(s)
		if err != nil {
			return nil, fmt.Errorf("bfcl: %s turn %d: gold call %q: %w", e.ID, turn, s, err)
		}
		out[i] = tool.Call{ID: task.CallID(turn, 0, i), Name: c.Name, Arguments: string(c.Arguments)}
	}
	return out, nil
}

func (e *Entry) goldCall(s string) (task.Call, error) {
	pcs, err := toolcall.ParsePythonWith(s, toolcall.PyOptions{Positional: true})
	if err != nil {
		return task.Call{}, err
	}
	if len(pcs) != 1 {
		return task.Call{}, fmt.Errorf("%d calls where one was expected", len(pcs))
	}
	pc := pcs[0]
	var params []string
	b := []byte{'{'}
	seen := map[string]bool{}
	pos := 0
	for _, a := range pc.Args {
		name := a.Name
		if name == "" {
			if params == nil {
				params = e.paramNames(pc.Name)
			}
			if pos >= len(params) {
				return task.Call{}, fmt.Errorf("positional argument %d of %s has no parameter to name it", pos+1, pc.Name)
			}
			name = params[pos]
			pos++
		}
		if seen[name] {
			return task.Call{}, fmt.Errorf("argument %s given twice", name)
		}
		seen[name] = true
		if len(b) > 1 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(name)
		b = append(b, k...)
		b = append(b, ':')
		b = append(b, a.Value...)
	}
	b = append(b, '}')
	return task.Call{Name: pc.Name, Arguments: b}, nil
}

// paramNames returns a method's parameter names: from the last involved
// class that has the method (as the executor resolves names), else from
// the function doc's properties.
func (e *Entry) paramNames(method string) []string {
	for i := len(e.InvolvedClasses) - 1; i >= 0; i-- {
		if ps, ok := classParams(e.InvolvedClasses[i])[method]; ok {
			return ps
		}
	}
	for _, f := range e.allFunctions() {
		if f.Name != method {
			continue
		}
		pv, _ := f.Doc.Get("parameters")
		pd, _ := pv.(*pyval.Dict)
		if pd == nil {
			return nil
		}
		props, _ := pd.Get("properties")
		ps, _ := props.(*pyval.Dict)
		if ps == nil {
			return nil
		}
		var names []string
		for _, k := range ps.Keys() {
			names = append(names, pyval.Str(k))
		}
		return names
	}
	return nil
}

// allFunctions lists the offered and held-out functions.
func (e *Entry) allFunctions() []*Function {
	out := append([]*Function(nil), e.Functions...)
	for _, t := range e.heldTurns() {
		out = append(out, e.Held[t]...)
	}
	return out
}

var paramCache sync.Map // class name -> map[method][]param names

// classParams returns the parameter names of a registered class's
// methods (nil when the class is not registered).
func classParams(class string) map[string][]string {
	if v, ok := paramCache.Load(class); ok {
		return v.(map[string][]string)
	}
	c, err := bfcl.NewClass(class)
	if err != nil {
		return nil
	}
	m := map[string][]string{}
	for _, meth := range c.Methods() {
		names := make([]string, len(meth.Params))
		for i, p := range meth.Params {
			names[i] = p.Name
		}
		m[meth.Name] = names
	}
	paramCache.Store(class, m)
	return m
}

// goldResult is the gold turned into the model result a perfect
// function-calling model would have: one step per turn with the turn's
// calls (none for a turn whose ground truth is empty).
func (e *Entry) goldResult() (*ModelResult, error) {
	all, err := e.goldCalls()
	if err != nil {
		return nil, err
	}
	m := &ModelResult{Turns: make([][]Step, len(e.GroundTruth))}
	for t, calls := range all {
		if len(calls) > 0 {
			m.Turns[t] = []Step{{Calls: calls}}
		}
	}
	return m, nil
}
