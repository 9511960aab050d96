package bfcl

import (
	"fmt"
	"strings"

	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// GorillaToOpenAPI maps the function docs' parameter types to JSON Schema
// types, as the reference's GORILLA_TO_OPENAPI (constants/type_mappings.py).
// A type it does not list becomes "string".
var GorillaToOpenAPI = map[string]string{
	"integer":   "integer",
	"number":    "number",
	"float":     "number",
	"string":    "string",
	"boolean":   "boolean",
	"bool":      "boolean",
	"array":     "array",
	"list":      "array",
	"dict":      "object",
	"object":    "object",
	"tuple":     "array",
	"any":       "string",
	"byte":      "integer",
	"short":     "integer",
	"long":      "integer",
	"double":    "number",
	"char":      "string",
	"ArrayList": "array",
	"Array":     "array",
	"HashMap":   "object",
	"Hashtable": "object",
	"Queue":     "array",
	"Stack":     "array",
	"Any":       "string",
	"String":    "string",
	"Bigint":    "integer",
}

// ToolSpec converts a BFCL function doc into the tool an OpenAI-compatible
// function-calling model is given, as the reference's convert_to_tool does
// for OpenAI-style models: dots in the name become underscores, the
// parameters' type becomes "object", and every property's type is mapped
// by [GorillaToOpenAPI] (a float also gets "format": "float" and " This is
// a float type value." appended to its description; a property without a
// type becomes a string), into nested properties and array items as the
// reference goes. Key order is kept. The doc is not changed.
//
// The reference also sends the doc's "response" schema inside the
// function object; tool.Spec has no place for it, so it is left out
// (OpenAI-compatible servers ignore it).
func ToolSpec(doc *pyval.Dict) (tool.Spec, error) {
	d := doc.Clone()
	name, _ := d.Get("name")
	n, ok := name.(string)
	if !ok {
		return tool.Spec{}, fmt.Errorf("bfcl: function doc without a name")
	}
	n = strings.ReplaceAll(n, ".", "_")
	desc, _ := d.Get("description")
	ds, _ := desc.(string)
	pv, ok := d.Get("parameters")
	params, isDict := pv.(*pyval.Dict)
	if !ok || !isDict {
		return tool.Spec{}, fmt.Errorf("bfcl: function doc %s: parameters is not an object", n)
	}
	params.Set("type", "object")
	pp, _ := params.Get("properties")
	props, ok := pp.(*pyval.Dict)
	if !ok {
		return tool.Spec{}, fmt.Errorf("bfcl: function doc %s: parameters.properties is not an object", n)
	}
	if err := castProperties(props); err != nil {
		return tool.Spec{}, fmt.Errorf("bfcl: function doc %s: %w", n, err)
	}
	b, err := pyval.AppendJSON(nil, params, false)
	if err != nil {
		return tool.Spec{}, fmt.Errorf("bfcl: function doc %s: %w", n, err)
	}
	return tool.Spec{Name: n, Description: ds, Parameters: b}, nil
}

// castProperties is the reference's _cast_to_openai_type, in place.
func castProperties(props *pyval.Dict) error {
	for _, k := range props.Keys() {
		v, _ := props.Get(k)
		p, ok := v.(*pyval.Dict)
		if !ok {
			return fmt.Errorf("property %v is not an object", k)
		}
		if t, ok := p.Get("type"); !ok {
			p.Set("type", "string")
		} else {
			ts, _ := t.(string)
			if ts == "float" {
				p.Set("format", "float")
				d, _ := p.Get("description")
				s, ok := d.(string)
				if !ok {
					return fmt.Errorf("float property %v has no description", k)
				}
				p.Set("description", s+" This is a float type value.")
			}
			if m, ok := GorillaToOpenAPI[ts]; ok {
				p.Set("type", m)
			} else {
				p.Set("type", "string")
			}
		}
		t, _ := p.Get("type")
		if t != "array" && t != "object" {
			continue
		}
		if sub, ok := p.Get("properties"); ok {
			sd, ok := sub.(*pyval.Dict)
			if !ok {
				return fmt.Errorf("properties of %v is not an object", k)
			}
			if err := castProperties(sd); err != nil {
				return err
			}
			continue
		}
		iv, ok := p.Get("items")
		if !ok {
			continue
		}
		items, ok := iv.(*pyval.Dict)
		if !ok {
			return fmt.Errorf("items of %v is not an object", k)
		}
		it, err := mapItemType(items, k)
		if err != nil {
			return err
		}
		switch it {
		case "array":
			if inner, ok := items.Get("items"); ok {
				id, ok := inner.(*pyval.Dict)
				if !ok {
					return fmt.Errorf("items of items of %v is not an object", k)
				}
				if _, err := mapItemType(id, k); err != nil {
					return err
				}
			}
		case "object":
			if sub, ok := items.Get("properties"); ok {
				sd, ok := sub.(*pyval.Dict)
				if !ok {
					return fmt.Errorf("properties of the items of %v is not an object", k)
				}
				if err := castProperties(sd); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// mapItemType maps an items schema's type; the reference indexes the
// mapping directly, so an unknown or missing type is an error there too.
func mapItemType(items *pyval.Dict, prop pyval.Value) (string, error) {
	t, _ := items.Get("type")
	ts, _ := t.(string)
	m, ok := GorillaToOpenAPI[ts]
	if !ok {
		return "", fmt.Errorf("items of %v have type %v, which the reference's mapping does not know", prop, t)
	}
	items.Set("type", m)
	return m, nil
}

// MaxStepLimit is the reference's MAXIMUM_STEP_LIMIT: a turn is forced to
// quit when the model makes calls in more steps than this.
const MaxStepLimit = 20

// MaxSteps is the model calls a turn may take: the reference counts the
// steps that made calls and quits when the count exceeds MaxStepLimit, so
// the step that does is number MaxStepLimit+1, and a reply without calls
// at that step still ends the turn normally.
const MaxSteps = MaxStepLimit + 1

// HoldoutUserPrompt is what the user says at a held-out turn of a
// function-calling run (DEFAULT_USER_PROMPT_FOR_ADDITIONAL_FUNCTION_FC).
const HoldoutUserPrompt = "I have updated some more functions you can choose from. What about now?"

// HoldoutUserPromptPrompting is what the user says at a held-out turn of
// a prompting run (DEFAULT_USER_PROMPT_FOR_ADDITIONAL_FUNCTION_PROMPTING):
// the held-out docs as Python prints the list, a newline, then
// HoldoutUserPrompt.
func HoldoutUserPromptPrompting(held []*Function) string {
	l := make([]pyval.Value, len(held))
	for i, f := range held {
		l[i] = f.Doc
	}
	return pyval.Repr(l) + "\n" + HoldoutUserPrompt
}

// SystemPrompt returns the system prompt the reference gives models
// without native function calling (prompting mode) in its default format
// (ret_fmt=python, no tool-call tag, function docs as JSON, plain text,
// classic style; constants/default_prompts.py and formulate_system_prompt):
// the functions are the entry's docs at the first turn, written as
// json.dumps(functions, indent=4).
func SystemPrompt(functions []*Function) string {
	docs := make([]pyval.Value, len(functions))
	for i, f := range functions {
		docs[i] = f.Doc
	}
	var b strings.Builder
	b.WriteString("You are an expert in composing functions.")
	b.WriteString("You are given a question and a set of possible functions. Based on the question, you will need to make one or more function/tool calls to achieve the purpose. If none of the functions can be used, point it out. If the given question lacks the parameters required by the function, also point it out.")
	b.WriteString("\n\n")
	b.WriteString("You should only return the function calls in your response.\n\nIf you decide to invoke any of the function(s), you MUST put it in the format of [func_name1(params_name1=params_value1, params_name2=params_value2...), func_name2(params)].  You SHOULD NOT include any other text in the response.")
	b.WriteString("\n\n")
	b.WriteString("At each turn, you should try your best to complete the tasks requested by the user within the current turn. Continue to output functions to call until you have fulfilled the user's request to the best of your ability. Once you have no more functions to call, the system will consider the current turn complete and proceed to the next turn or task.")
	b.WriteString("\n\n")
	b.WriteString("Here is a list of functions in json format that you can invoke.\n")
	writeIndentJSON(&b, docs, 0)
	b.WriteString("\n")
	return b.String()
}

// writeIndentJSON writes v as Python's json.dumps(v, indent=4) does
// (ensure_ascii, "," between items, ": " after keys).
func writeIndentJSON(b *strings.Builder, v pyval.Value, level int) {
	pad := func(n int) {
		for range n * 4 {
			b.WriteByte(' ')
		}
	}
	switch x := v.(type) {
	case *pyval.Dict:
		if x.Len() == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, k := range x.Keys() {
			if i > 0 {
				b.WriteString(",\n")
			}
			pad(level + 1)
			ks, _ := pyval.JSONDumps(pyval.Str(k))
			b.WriteString(ks)
			b.WriteString(": ")
			val, _ := x.Get(k)
			writeIndentJSON(b, val, level+1)
		}
		b.WriteByte('\n')
		pad(level)
		b.WriteByte('}')
	case []pyval.Value:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range x {
			if i > 0 {
				b.WriteString(",\n")
			}
			pad(level + 1)
			writeIndentJSON(b, e, level+1)
		}
		b.WriteByte('\n')
		pad(level)
		b.WriteByte(']')
	default:
		s, err := pyval.JSONDumps(v)
		if err != nil {
			s = pyval.Repr(v)
		}
		b.WriteString(s)
	}
}
