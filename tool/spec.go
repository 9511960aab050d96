package tool

import (
	"encoding/json"
	"fmt"
)

// Spec describes one tool: the same shape as an OpenAI function tool and an
// MCP tool. Parameters is a JSON Schema object; when empty it means a tool
// without parameters ({"type":"object","properties":{}}).
type Spec struct {
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Parameters  json.RawMessage `json:"parameters,omitempty"`
	// Annotations are hints about the tool's behaviour (as MCP's tool
	// annotations); they are not sent to models.
	Annotations *Annotations `json:"annotations,omitempty"`
}

// Annotations are behaviour hints, named as MCP names them.
type Annotations struct {
	// ReadOnly reports that the tool does not change its environment.
	ReadOnly bool `json:"readOnlyHint,omitempty"`
	// Destructive reports that the tool may delete or overwrite state.
	Destructive bool `json:"destructiveHint,omitempty"`
	// Category is a free label suites use, such as tau-bench's
	// "read", "write", "think" and "generic".
	Category string `json:"category,omitempty"`
}

// ReadOnly reports whether the spec is annotated as read-only.
func (s Spec) ReadOnly() bool { return s.Annotations != nil && s.Annotations.ReadOnly }

// emptyObjectSchema is the schema of a tool without parameters.
var emptyObjectSchema = json.RawMessage(`{"type":"object","properties":{}}`)

// ParameterSchema returns the spec's parameter schema, or the empty object
// schema when it has none.
func (s Spec) ParameterSchema() json.RawMessage {
	if len(s.Parameters) == 0 || string(s.Parameters) == "null" {
		return emptyObjectSchema
	}
	return s.Parameters
}

// Validate checks that the spec is usable: a non-empty name of at most 64
// characters from [a-zA-Z0-9_.-] (the set OpenAI accepts) and parameters
// that are a JSON object.
func (s Spec) Validate() error {
	if s.Name == "" {
		return fmt.Errorf("tool spec: empty name")
	}
	if len(s.Name) > 64 {
		return fmt.Errorf("tool spec %q: name longer than 64 characters", s.Name)
	}
	for _, r := range s.Name {
		ok := r == '_' || r == '-' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
		if !ok {
			return fmt.Errorf("tool spec %q: name has %q; use letters, digits, '_', '-' or '.'", s.Name, r)
		}
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(s.ParameterSchema(), &obj); err != nil {
		return fmt.Errorf("tool spec %q: parameters are not a JSON object: %w", s.Name, err)
	}
	return nil
}
