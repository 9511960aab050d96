package tauuser

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/toolgym/toolgym/pyval"
)

// Scenario is a tau2-bench task's user_scenario (UserScenario in
// data_model/tasks.py): an optional persona and instructions that are
// either structured or plain text.
type Scenario struct {
	// Persona is nil when the task has none.
	Persona *string
	// Instructions holds structured instructions; when nil, Text holds
	// the plain-text ones.
	Instructions *Instructions
	Text         string
}

// Instructions are tau2-bench's StructuredUserInstructions. KnownInfo and
// UnknownInfo are nil when absent.
type Instructions struct {
	Domain           string
	ReasonForCall    string
	KnownInfo        *string
	UnknownInfo      *string
	TaskInstructions string
}

// String renders the scenario as str(UserScenario) does: the user's
// instructions as the user simulator's prompt shows them.
func (s Scenario) String() string {
	var b strings.Builder
	if s.Persona != nil {
		b.WriteString("Persona:\n")
		b.WriteString(indent(*s.Persona, "\t"))
		b.WriteString("\n")
	}
	b.WriteString("Instructions:\n")
	text := s.Text
	if s.Instructions != nil {
		text = s.Instructions.String()
	}
	b.WriteString(indent(text, "\t"))
	return b.String()
}

// String renders the instructions as str(StructuredUserInstructions) does.
func (in Instructions) String() string {
	lines := []string{
		"Domain: " + in.Domain,
		"Reason for call:\n" + indent(in.ReasonForCall, "\t"),
	}
	if in.KnownInfo != nil {
		lines = append(lines, "Known info:\n"+indent(*in.KnownInfo, "\t"))
	}
	if in.UnknownInfo != nil {
		lines = append(lines, "Unknown info:\n"+indent(*in.UnknownInfo, "\t"))
	}
	lines = append(lines, "Task instructions:\n"+indent(in.TaskInstructions, "\t"))
	return strings.Join(lines, "\n")
}

// ParseScenario reads a task's user_scenario JSON as the reference's
// pydantic model does: persona a string or null; instructions an object
// (domain, reason_for_call and task_instructions required; known_info and
// unknown_info a string or null) or a string. Unknown keys are ignored.
func ParseScenario(raw json.RawMessage) (Scenario, error) {
	var s Scenario
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return s, fmt.Errorf("tauuser: user_scenario: %w", err)
	}
	if top == nil {
		return s, errors.New("tauuser: user_scenario: not an object")
	}
	var err error
	if s.Persona, err = optString(top, "persona"); err != nil {
		return s, fmt.Errorf("tauuser: user_scenario: %w", err)
	}
	in, ok := top["instructions"]
	if !ok {
		return s, errors.New("tauuser: user_scenario: instructions missing")
	}
	in = bytes.TrimSpace(in)
	if len(in) > 0 && in[0] == '"' {
		if err := json.Unmarshal(in, &s.Text); err != nil {
			return s, fmt.Errorf("tauuser: user_scenario.instructions: %w", err)
		}
		return s, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(in, &fields); err != nil || fields == nil {
		return s, errors.New("tauuser: user_scenario.instructions: not a string or an object")
	}
	var ins Instructions
	for _, f := range []struct {
		key string
		dst *string
	}{{"domain", &ins.Domain}, {"reason_for_call", &ins.ReasonForCall}, {"task_instructions", &ins.TaskInstructions}} {
		p, err := optString(fields, f.key)
		if err != nil {
			return s, fmt.Errorf("tauuser: user_scenario.instructions: %w", err)
		}
		if p == nil {
			return s, fmt.Errorf("tauuser: user_scenario.instructions: %s missing", f.key)
		}
		*f.dst = *p
	}
	if ins.KnownInfo, err = optString(fields, "known_info"); err != nil {
		return s, fmt.Errorf("tauuser: user_scenario.instructions: %w", err)
	}
	if ins.UnknownInfo, err = optString(fields, "unknown_info"); err != nil {
		return s, fmt.Errorf("tauuser: user_scenario.instructions: %w", err)
	}
	s.Instructions = &ins
	return s, nil
}

// ScenarioText renders a task's user_scenario JSON the way the
// reference's str(UserScenario) does; it is the instructions text a
// [Tau2] user is built with.
func ScenarioText(raw json.RawMessage) (string, error) {
	s, err := ParseScenario(raw)
	if err != nil {
		return "", err
	}
	return s.String(), nil
}

// optString reads m[key] as a string; absent or null gives nil.
func optString(m map[string]json.RawMessage, key string) (*string, error) {
	v, ok := m[key]
	if !ok || string(bytes.TrimSpace(v)) == "null" {
		return nil, nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return nil, fmt.Errorf("%s: not a string", key)
	}
	return &s, nil
}

// indent is Python's textwrap.indent(text, prefix): prefix is added to
// every line (as str.splitlines(True) splits) that is not whitespace only.
func indent(text, prefix string) string {
	var b strings.Builder
	b.Grow(len(text) + 8*len(prefix))
	for len(text) > 0 {
		n := lineLen(text)
		line := text[:n]
		if pyval.StripWhitespace(line) != "" {
			b.WriteString(prefix)
		}
		b.WriteString(line)
		text = text[n:]
	}
	return b.String()
}

// lineLen returns the length of the first line of s, its line break
// included, as str.splitlines(True) cuts it.
func lineLen(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				return i + 2
			}
			return i + 1
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			return i + size
		}
		i += size
	}
	return len(s)
}
