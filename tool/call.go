package tool

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Call is a model's request to run one tool. Arguments is the raw text the
// model produced: usually a JSON object, but possibly malformed, which is why
// it is a string and not a json.RawMessage.
type Call struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Arguments string `json:"arguments"`
}

// Args returns the arguments as a JSON object, treating empty text as {}.
// It fails with an error wrapping [ErrInvalidJSON] when they are not one.
func (c Call) Args() (json.RawMessage, error) {
	s := strings.TrimSpace(c.Arguments)
	if s == "" {
		return json.RawMessage(`{}`), nil
	}
	if !json.Valid([]byte(s)) {
		return nil, &Error{Kind: KindInvalidJSON, Message: fmt.Sprintf("arguments of %s are not valid JSON: %s", c.Name, describeJSONError(s))}
	}
	if s[0] != '{' {
		return nil, &Error{Kind: KindInvalidJSON, Message: fmt.Sprintf("arguments of %s must be a JSON object, got %s", c.Name, JSONKind(s))}
	}
	return json.RawMessage(s), nil
}

func describeJSONError(s string) string {
	var v any
	err := json.Unmarshal([]byte(s), &v)
	if err == nil {
		return "unknown error"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	return err.Error()
}

// JSONKind names the kind of a JSON value from its first byte ("an
// array", "a string", ...), for messages that say what was sent instead
// of an object. s must be non-empty, trimmed JSON text.
func JSONKind(s string) string {
	switch s[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// Part is one piece of content: text, a JSON value or an image. It is used
// for tool observations and for message content alike.
type Part struct {
	// Type is "text", "json" or "image".
	Type string `json:"type"`
	// Text holds the text of a "text" part.
	Text string `json:"text,omitempty"`
	// JSON holds the value of a "json" part.
	JSON json.RawMessage `json:"json,omitempty"`
	// MIMEType and Data hold an inline image; URL an image by reference.
	MIMEType string `json:"mime_type,omitempty"`
	Data     []byte `json:"data,omitempty"`
	URL      string `json:"url,omitempty"`
}

// Part types.
const (
	PartText  = "text"
	PartJSON  = "json"
	PartImage = "image"
)

// Text returns a text part.
func Text(s string) Part { return Part{Type: PartText, Text: s} }

// JSONPart returns a JSON part holding v marshalled; it panics only if v
// cannot be marshalled, which is a programming error.
func JSONPart(v any) Part {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("tool.JSONPart: %v", err))
	}
	return Part{Type: PartJSON, JSON: b}
}

// String renders the part as the text a model is shown.
func (p Part) String() string {
	switch p.Type {
	case PartText:
		return p.Text
	case PartJSON:
		return string(p.JSON)
	case PartImage:
		if p.URL != "" {
			return "[image " + p.URL + "]"
		}
		return "[image " + p.MIMEType + "]"
	}
	return p.Text
}

// JoinText renders parts as one text, separated by newlines.
func JoinText(parts []Part) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0].String()
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Result is what a call produced: content parts or an error, never both
// meaningful. Duration is the time the tool took.
type Result struct {
	CallID   string        `json:"call_id"`
	Name     string        `json:"name"`
	Content  []Part        `json:"content,omitempty"`
	Error    *Error        `json:"error,omitempty"`
	Duration time.Duration `json:"duration_ns,omitempty"`
}

// Text renders the result as the observation a model is shown: the content,
// or for an error "Error: " and its message.
func (r Result) Text() string {
	if r.Error != nil {
		return "Error: " + r.Error.Message
	}
	return JoinText(r.Content)
}

// OK returns a successful result for call with the given content.
func OK(call Call, parts ...Part) Result {
	return Result{CallID: call.ID, Name: call.Name, Content: parts}
}

// Fail returns an error result for call.
func Fail(call Call, kind Kind, format string, args ...any) Result {
	return Result{CallID: call.ID, Name: call.Name, Error: &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}}
}

// FailWith returns an error result for call built from err: an *Error keeps
// its kind, any other error becomes [KindFailed].
func FailWith(call Call, err error) Result {
	var te *Error
	if errors.As(err, &te) {
		return Result{CallID: call.ID, Name: call.Name, Error: te}
	}
	return Result{CallID: call.ID, Name: call.Name, Error: &Error{Kind: KindFailed, Message: err.Error()}}
}
