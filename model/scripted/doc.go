// Package scripted is toolgym's scripted model server: a real
// OpenAI-compatible HTTP server (an [http.Handler]) that answers
// chat-completion requests from a script instead of a model. Tests and the
// default demo run talk to it over loopback HTTP through the regular OpenAI
// client, so it speaks the protocol faithfully: non-streamed chat.completion
// bodies, server-sent-event streams whose content and tool-call arguments
// arrive in several deltas, usage in a last chunk, OpenAI-style error
// objects, and on request the deviations real servers show (rate limits,
// delays, truncated and malformed bodies, errors inside a 200 stream,
// dropped connections).
//
// A [Server] answers from a [Source]. Two sources come with the package:
//
//   - a [Fixture] replays replies in order, one script per model name, built
//     in Go with [NewFixture] and the helpers [Text], [Calls], [HTTPError],
//     [Truncated], ... or loaded from a JSON file with [LoadFixture];
//   - an [Oracle] plays the gold of a set of [task.Task]s, computing each
//     reply from the conversation alone.
//
// [Start] serves a handler on a free loopback port for tests;
// [ListenAndServe] serves until its context is canceled (the CLI's
// scripted-server subcommand).
//
// # Endpoints
//
//	POST /v1/chat/completions, POST /chat/completions
//	GET  /v1/models, GET /models
//	GET  /healthz
//
// # Fixture files
//
// A fixture file is a JSON object:
//
//	{
//	  "scripts": {"<model>": [reply, reply, ...], ...},
//	  "default": [reply, ...]
//	}
//
// The script is chosen by the request's "model" field, falling back to
// "default"; a request for a model with no script and no default gets a 404
// (model_not_found). Each script has its own cursor: its replies are served
// in order, one per request. A request to an exhausted script gets a 500
// saying which script ran out after how many replies.
//
// A reply is an object with any of these fields:
//
//	"content":       "text of the assistant message"
//	"reasoning":     "reasoning text, sent as reasoning_content"
//	"tool_calls":    [{"id": "call_1", "name": "f", "arguments": {"a": 1}}]
//	                 arguments may be an object or a string, sent verbatim
//	                 even when it is not valid JSON; an empty id becomes
//	                 "call_<request>_<i>"
//	"finish_reason": "stop" by default, "tool_calls" when there are calls
//	"usage":         {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
//	                 sent as given; by default a deterministic estimate
//	                 (characters / 4 + 1)
//	"logprobs":      true to send per-token logprobs (also sent when the
//	                 request asks for logprobs)
//	"headers":       {"X-Request-Id": "abc"} added to the response
//	"delay_ms":      300 to wait before answering (a canceled request stops
//	                 the wait)
//
// or a fault, one per reply (delay_ms and headers combine with any):
//
//	{"status": 429, "body": "..."}  an HTTP error; the body defaults to an
//	                                OpenAI error object
//	{"truncate": true, ...reply}    stream: some chunks, then the body ends
//	                                with no finish_reason and no [DONE];
//	                                non-stream: half of the JSON body, then
//	                                the connection closes
//	{"malformed": true}             a 200 whose body is not JSON (stream: an
//	                                event whose data is not JSON); "body"
//	                                replaces the default text
//	{"stream_error": "message"}     a 200 stream that sends some chunks, then
//	                                an {"error": {...}} chunk and [DONE];
//	                                non-stream: a 200 holding the error object
//	{"drop": true}                  the connection closes with no response
//
// Unknown fields are rejected so that typos surface when the file loads.
// docs/scripted-fixtures.md at the repository root describes the format
// with a complete example.
//
// # Streams
//
// A streamed reply sends, in order: a chunk with the role (and content ""),
// the reasoning and the content split into token-sized deltas, then for each
// tool call a delta with its index, id, type and name (arguments "")
// followed by its arguments in several deltas, a chunk with an empty delta
// and the finish_reason, a usage chunk with "choices": [] when
// stream_options.include_usage is set, and "data: [DONE]". Every event is
// flushed as it is written.
package scripted
