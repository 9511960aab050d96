package tau2

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Param is one parameter of a toolkit function, after self.
type Param struct {
	Name       string
	Type       *Type
	Default    pyval.Value
	HasDefault bool
}

// P returns a required parameter.
func P(name string, t *Type) Param { return Param{Name: name, Type: t} }

// ToolSpec builds the tool's schema as the reference's as_tool does
// (environment/tool.py): the name, the description from the docstring
// (Tool._get_description), and the parameters as pydantic's
// model_json_schema() of create_model("parameters", ...) built from the
// signature, with each documented argument's description. The JSON keeps
// pydantic's key order: every object's keys sorted, except the names
// under "properties", which keep the signature's order.
func ToolSpec(name, doc string, params []Param) tool.Spec {
	d := ParseDocstring(doc)
	desc := d.Description()
	if desc == "" {
		desc = name
	}
	return tool.Spec{Name: name, Description: desc, Parameters: ParametersSchema(params, d)}
}

// ParametersSchema returns the JSON schema of a function's parameters.
func ParametersSchema(params []Param, d Docstring) json.RawMessage {
	defs := map[string]*jobj{}
	props := &jobj{keep: true}
	var required []any
	for _, p := range params {
		s := typeSchema(p.Type, defs)
		if desc, ok := d.Params[p.Name]; ok {
			s.set("description", desc)
		}
		s.set("title", FieldTitle(p.Name))
		if p.HasDefault {
			s.set("default", p.Default)
		} else {
			required = append(required, p.Name)
		}
		props.set(p.Name, s)
	}
	root := &jobj{}
	if len(defs) > 0 {
		dd := &jobj{}
		for n, s := range defs {
			dd.set(n, s)
		}
		root.set("$defs", dd)
	}
	root.set("properties", props)
	if len(required) > 0 {
		root.set("required", required)
	}
	root.set("title", "parameters")
	root.set("type", "object")
	var b bytes.Buffer
	root.write(&b)
	return b.Bytes()
}

// ModelSchema returns m's JSON schema as a $defs entry.
func modelSchema(m *Model, defs map[string]*jobj) *jobj {
	s := &jobj{}
	if m.Doc != "" {
		s.set("description", CleanDoc(m.Doc))
	}
	props := &jobj{keep: true}
	var required []any
	for _, f := range m.Fields {
		fs := typeSchema(f.Type, defs)
		if f.Desc != "" {
			fs.set("description", f.Desc)
		}
		fs.set("title", FieldTitle(f.Name))
		if f.HasDefault {
			fs.set("default", f.Default)
		} else {
			required = append(required, f.Name)
		}
		props.set(f.Name, fs)
	}
	if m.Forbid {
		s.set("additionalProperties", false)
	}
	s.set("properties", props)
	if len(required) > 0 {
		s.set("required", required)
	}
	s.set("title", m.Name)
	s.set("type", "object")
	return s
}

func typeSchema(t *Type, defs map[string]*jobj) *jobj {
	s := &jobj{}
	switch t.Kind {
	case KindStr:
		s.set("type", "string")
	case KindInt:
		s.set("type", "integer")
	case KindFloat:
		s.set("type", "number")
	case KindBool:
		s.set("type", "boolean")
	case KindLiteral:
		if len(t.Lits) == 1 {
			s.set("const", t.Lits[0])
		} else {
			lits := make([]any, len(t.Lits))
			for i, l := range t.Lits {
				lits[i] = l
			}
			s.set("enum", lits)
		}
		s.set("type", "string")
	case KindList:
		s.set("items", typeSchema(t.Elem, defs))
		s.set("type", "array")
	case KindDict:
		s.set("additionalProperties", typeSchema(t.Elem, defs))
		s.set("type", "object")
	case KindOptional:
		s.set("anyOf", []any{typeSchema(t.Elem, defs), (&jobj{}).set("type", "null")})
	case KindModel:
		if _, ok := defs[t.Model.Name]; !ok {
			defs[t.Model.Name] = nil // guards recursion
			defs[t.Model.Name] = modelSchema(t.Model, defs)
		}
		s.set("$ref", "#/$defs/"+t.Model.Name)
	case KindUnion:
		members := make([]any, len(t.Union))
		for i, m := range t.Union {
			members[i] = typeSchema(m, defs)
		}
		s.set("anyOf", members)
	case KindRawDict:
		s.set("additionalProperties", true)
		s.set("type", "object")
	}
	return s
}

// jobj is a JSON object that writes its keys sorted (as pydantic's schema
// generator leaves them), or in insertion order when keep is set.
type jobj struct {
	keys []string
	vals []any
	keep bool
}

func (o *jobj) set(k string, v any) *jobj {
	if i := slices.Index(o.keys, k); i >= 0 {
		o.vals[i] = v
		return o
	}
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
	return o
}

func (o *jobj) write(b *bytes.Buffer) {
	idx := make([]int, len(o.keys))
	for i := range idx {
		idx[i] = i
	}
	if !o.keep {
		slices.SortFunc(idx, func(a, c int) int {
			switch {
			case o.keys[a] < o.keys[c]:
				return -1
			case o.keys[a] > o.keys[c]:
				return 1
			}
			return 0
		})
	}
	b.WriteByte('{')
	for n, i := range idx {
		if n > 0 {
			b.WriteByte(',')
		}
		writeJSONString(b, o.keys[i])
		b.WriteByte(':')
		writeJSONValue(b, o.vals[i])
	}
	b.WriteByte('}')
}

func writeJSONValue(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case *jobj:
		x.write(b)
	case string:
		writeJSONString(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONValue(b, e)
		}
		b.WriteByte(']')
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	default:
		s, err := pyval.JSONDumps(x)
		if err != nil {
			s = "null"
		}
		b.WriteString(s)
	}
}

func writeJSONString(b *bytes.Buffer, s string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Write(bytes.TrimRight(buf.Bytes(), "\n"))
}
