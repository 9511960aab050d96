package tool

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var printer = message.NewPrinter(language.English)

// Validator checks calls against the compiled parameter schemas of a set of
// specs. It is safe for concurrent use; build one per tool set, not per call.
type Validator struct {
	specs   []Spec
	schemas map[string]*jsonschema.Schema
}

// NewValidator compiles the parameter schema of every spec. It fails if a
// spec is invalid, a name repeats or a schema does not compile.
func NewValidator(specs []Spec) (*Validator, error) {
	v := &Validator{specs: specs, schemas: make(map[string]*jsonschema.Schema, len(specs))}
	for _, s := range specs {
		if err := s.Validate(); err != nil {
			return nil, err
		}
		if _, dup := v.schemas[s.Name]; dup {
			return nil, fmt.Errorf("tool spec %q: name given twice", s.Name)
		}
		sch, err := CompileSchema(s.Name, s.ParameterSchema())
		if err != nil {
			return nil, err
		}
		v.schemas[s.Name] = sch
	}
	return v, nil
}

// CompileSchema compiles one JSON Schema document; name only labels errors.
func CompileSchema(name string, schema json.RawMessage) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return nil, fmt.Errorf("tool spec %q: parameters: %w", name, err)
	}
	c := jsonschema.NewCompiler()
	loc := "toolgym:///" + name + ".json"
	if err := c.AddResource(loc, doc); err != nil {
		return nil, fmt.Errorf("tool spec %q: parameters: %w", name, err)
	}
	sch, err := c.Compile(loc)
	if err != nil {
		return nil, fmt.Errorf("tool spec %q: parameters do not compile: %w", name, err)
	}
	return sch, nil
}

// Specs returns the specs the validator was built from.
func (v *Validator) Specs() []Spec { return v.specs }

// Has reports whether a tool of that name exists.
func (v *Validator) Has(name string) bool { _, ok := v.schemas[name]; return ok }

// Check validates a call: the tool must exist, the arguments must be a JSON
// object and satisfy the schema. It returns the arguments as JSON, or an
// *Error of kind unknown_tool, invalid_json or invalid_arguments whose
// message names every violation with its path, ready to show a model.
func (v *Validator) Check(call Call) (json.RawMessage, *Error) {
	sch, ok := v.schemas[call.Name]
	if !ok {
		return nil, UnknownTool(call.Name, v.specs)
	}
	args, err := call.Args()
	if err != nil {
		var te *Error
		errors.As(err, &te)
		return nil, te
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(args))
	if err != nil {
		return nil, &Error{Kind: KindInvalidJSON, Message: fmt.Sprintf("arguments of %s are not valid JSON: %v", call.Name, err)}
	}
	if err := sch.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			return nil, &Error{Kind: KindInvalidArguments, Message: fmt.Sprintf("invalid arguments for %s: %s", call.Name, strings.Join(violations(ve), "; "))}
		}
		return nil, &Error{Kind: KindInvalidArguments, Message: fmt.Sprintf("invalid arguments for %s: %v", call.Name, err)}
	}
	return args, nil
}

// violations flattens a validation error tree into "at '/path': message"
// lines, leaves only, sorted and without repeats.
func violations(ve *jsonschema.ValidationError) []string {
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, fmt.Sprintf("at '%s': %s", "/"+strings.Join(e.InstanceLocation, "/"), e.ErrorKind.LocalizedString(printer)))
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.Strings(out)
	return compactStrings(out)
}

func compactStrings(s []string) []string {
	if len(s) < 2 {
		return s
	}
	j := 1
	for i := 1; i < len(s); i++ {
		if s[i] != s[j-1] {
			s[j] = s[i]
			j++
		}
	}
	return s[:j]
}

// UnknownTool returns the error for a call of a tool not among specs; its
// message lists the available tools (up to 40, sorted) so a model can
// correct itself.
func UnknownTool(name string, specs []Spec) *Error {
	return &Error{Kind: KindUnknownTool, Message: unknownToolMessage(name, specs)}
}

func unknownToolMessage(name string, specs []Spec) string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.Name
	}
	sort.Strings(names)
	if len(names) > 40 {
		names = append(names[:40], "...")
	}
	return fmt.Sprintf("unknown tool %q; available tools: %s", name, strings.Join(names, ", "))
}
