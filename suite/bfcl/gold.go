package bfcl

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
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
	fn, args, err := bfcl.ParseCall(s)
	if err != nil {
		return task.Call{}, err
	}
	var params []string
	b := make([]byte, 0, 2+len(s))
	b = append(b, '{')
	seen := make(map[string]bool, len(args))
	pos := 0
	for _, a := range args {
		name := a.Name
		if name == "" {
			if params == nil {
				params = e.paramNames(fn)
			}
			if pos >= len(params) {
				return task.Call{}, fmt.Errorf("positional argument %d of %s has no parameter to name it", pos+1, fn)
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
		b = appendCompactJSON(b, name)
		b = append(b, ':')
		if b = appendCompactJSON(b, a.Value); b == nil {
			return task.Call{}, fmt.Errorf("argument %s of %s cannot be JSON", name, fn)
		}
	}
	b = append(b, '}')
	return task.Call{Name: fn, Arguments: b}, nil
}

// appendCompactJSON writes a literal's value as compact JSON (no spaces),
// floats as Python's repr writes them; it returns nil for a value JSON
// cannot hold.
func appendCompactJSON(b []byte, v pyval.Value) []byte {
	switch x := v.(type) {
	case nil, bool, int64, *big.Int, string:
		out, err := pyval.AppendJSON(b, x, false)
		if err != nil {
			return nil
		}
		return out
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil
		}
		return pyval.AppendFloatRepr(b, x)
	case []pyval.Value:
		return appendCompactSeq(b, x)
	case pyval.Tuple:
		return appendCompactSeq(b, x)
	case *pyval.Dict:
		b = append(b, '{')
		i := 0
		x.Items(func(k, val pyval.Value) bool {
			ks, ok := k.(string)
			if !ok {
				b = nil
				return false
			}
			if i > 0 {
				b = append(b, ',')
			}
			i++
			if b = appendCompactJSON(b, ks); b == nil {
				return false
			}
			b = append(b, ':')
			b = appendCompactJSON(b, val)
			return b != nil
		})
		if b == nil {
			return nil
		}
		return append(b, '}')
	}
	return nil
}

func appendCompactSeq(b []byte, xs []pyval.Value) []byte {
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		if b = appendCompactJSON(b, x); b == nil {
			return nil
		}
	}
	return append(b, ']')
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
// function-calling (or prompting) model would have: one step per turn
// with the turn's calls (or their text), none for a turn whose ground
// truth is empty.
func (e *Entry) goldResult(prompting bool) (*ModelResult, error) {
	all, err := e.goldCalls()
	if err != nil {
		return nil, err
	}
	m := &ModelResult{Turns: make([][]Step, len(e.GroundTruth)), Prompting: prompting}
	for t, calls := range all {
		if len(calls) == 0 {
			continue
		}
		if !prompting {
			m.Turns[t] = []Step{{Calls: calls}}
			continue
		}
		text, err := e.GoldText(t)
		if err != nil {
			return nil, err
		}
		m.Turns[t] = []Step{{Text: text}}
	}
	return m, nil
}

// GoldText returns a turn's ground truth as a prompting model would write
// it: the Python list [name(k1=v1, k2=v2), ...] of [Entry.GoldCalls], every
// argument a keyword, every value its repr ("[]" for a turn without
// calls).
func (e *Entry) GoldText(turn int) (string, error) {
	all, err := e.goldCalls()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteByte('[')
	for i, c := range all[turn] {
		args, ok := bfcl.DecodeArguments(c.Arguments)
		if !ok {
			return "", fmt.Errorf("bfcl: %s turn %d: gold call %s: arguments are not a JSON object", e.ID, turn, c.Name)
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.Name)
		b.WriteByte('(')
		j := 0
		args.Items(func(k, v pyval.Value) bool {
			if j > 0 {
				b.WriteString(", ")
			}
			j++
			b.WriteString(pyval.Str(k))
			b.WriteByte('=')
			b.WriteString(pyval.Repr(v))
			return true
		})
		b.WriteByte(')')
	}
	b.WriteByte(']')
	return b.String(), nil
}
