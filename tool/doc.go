// Package tool holds what every part of toolgym says about tools: a tool's
// [Spec] (name, description, JSON Schema of its parameters, in the shape
// OpenAI tools, MCP tools and BFCL function docs share), a model's [Call] of
// a tool, the [Result] it observes (content parts or a typed [Error]), a
// [Validator] that checks arguments against compiled schemas, and [Set], a
// collection of typed Go-function tools over a state value whose schemas are
// derived from their argument structs.
//
// Errors are values: an unknown tool, arguments that are not JSON, arguments
// that violate the schema and a failing tool all become a Result whose Error
// has a [Kind] callers branch on with errors.Is against the sentinels
// [ErrUnknownTool], [ErrInvalidJSON], [ErrInvalidArguments] and [ErrFailed].
//
// Package tool imports nothing else of toolgym.
package tool
