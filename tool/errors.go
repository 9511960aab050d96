package tool

import "fmt"

// Kind classifies a tool error.
type Kind string

// Error kinds. Each has a sentinel error of the same meaning for errors.Is.
const (
	KindUnknownTool      Kind = "unknown_tool"
	KindInvalidJSON      Kind = "invalid_json"
	KindInvalidArguments Kind = "invalid_arguments"
	KindFailed           Kind = "tool_error"
	KindTimeout          Kind = "timeout"
	KindCanceled         Kind = "canceled"
)

// Sentinel errors, matched by errors.Is against an *Error of the same Kind.
var (
	ErrUnknownTool      = &Error{Kind: KindUnknownTool, Message: "unknown tool"}
	ErrInvalidJSON      = &Error{Kind: KindInvalidJSON, Message: "arguments are not valid JSON"}
	ErrInvalidArguments = &Error{Kind: KindInvalidArguments, Message: "arguments do not match the tool's schema"}
	ErrFailed           = &Error{Kind: KindFailed, Message: "tool failed"}
	ErrTimeout          = &Error{Kind: KindTimeout, Message: "tool timed out"}
	ErrCanceled         = &Error{Kind: KindCanceled, Message: "tool call canceled"}
)

// Error is a typed tool error: its Message is what the model is shown.
type Error struct {
	Kind    Kind   `json:"kind"`
	Message string `json:"message"`
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// Is reports whether target is an *Error of the same kind, so that
// errors.Is(err, tool.ErrUnknownTool) works on any unknown-tool error.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}

// Errorf returns an *Error of kind failed with a formatted message; tool
// implementations return it to control exactly what the model reads.
func Errorf(format string, args ...any) *Error {
	return &Error{Kind: KindFailed, Message: fmt.Sprintf(format, args...)}
}
