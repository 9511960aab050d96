package openai

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// ReadStream reads a streamed reply, a server-sent-events body of
// [ChatChunk]s, and returns the assembled response; onDelta, when not nil,
// sees each piece as it is read. It is lenient where servers differ:
// comments, "data:" without a space, CRLF or CR line ends, several data
// lines in one event, usage chunks without choices and a missing [DONE]
// (the reply counts as complete if a finish_reason was seen, else the error
// wraps [model.ErrTruncatedStream]). An error object inside the stream
// becomes a *[model.APIError]; a chunk that is not JSON, an error wrapping
// [model.ErrMalformedResponse]. ReadStream reads until [DONE] or the end of
// r; bound r's size yourself if it is untrusted.
func ReadStream(r io.Reader, onDelta func(model.Delta)) (*model.Response, error) {
	return readStream(r, onDelta)
}

func readStream(r io.Reader, onDelta func(model.Delta)) (*model.Response, error) {
	acc := &Accumulator{OnDelta: onDelta}
	sr := &sseReader{br: bufio.NewReader(r)}
	for {
		ev, err := sr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, model.ErrMalformedResponse) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: reading the stream after %d chunks: %w", model.ErrTruncatedStream, acc.chunks, err)
		}
		if err := acc.addEvent(ev); err != nil {
			return nil, err
		}
		if acc.done {
			break
		}
	}
	return acc.Response()
}

// addEvent adds one server-sent event's data: [DONE], an error or a chunk.
func (a *Accumulator) addEvent(ev sseEvent) error {
	data := bytes.TrimSpace(ev.data)
	switch {
	case len(data) == 0:
		return nil
	case string(data) == "[DONE]":
		a.MarkDone()
		return nil
	case ev.name == "error":
		e, ok := parseErrorBody(data)
		if !ok {
			e = serverError{Message: cut(data, 200)}
		}
		return e.apiError(data)
	}
	var chunk ChatChunk
	err := json.Unmarshal(data, &chunk)
	if err != nil && ev.lines > 1 {
		// Data lines that do not make one JSON value together: a server
		// that left out the blank lines between events. Take each alone.
		for line := range bytes.SplitSeq(data, []byte{'\n'}) {
			if err := a.addEvent(sseEvent{name: ev.name, data: line, lines: 1, atEOF: ev.atEOF}); err != nil || a.done {
				return err
			}
		}
		return nil
	}
	if err != nil {
		return a.badChunk(ev, data, err)
	}
	return a.addChunk(&chunk, data)
}

// addChunk adds a decoded chunk, turning an error chunk in vLLM's older
// form ({"object": "error", "message": ...}) into its APIError.
func (a *Accumulator) addChunk(c *ChatChunk, data []byte) error {
	if c.Object == "error" && c.Error == nil {
		if e, ok := parseErrorBody(data); ok {
			return e.apiError(data)
		}
	}
	return a.Add(c)
}

// badChunk explains data that is not a chunk: an error object in a form
// the chunk type cannot hold, an event cut off by the end of the stream
// (left to Response to judge), or a malformed chunk.
func (a *Accumulator) badChunk(ev sseEvent, data []byte, err error) error {
	if e, ok := parseErrorBody(data); ok {
		return e.apiError(data)
	}
	if ev.atEOF {
		return nil
	}
	return fmt.Errorf("%w: stream chunk %d is not a chat-completion chunk: %v (data %s)", model.ErrMalformedResponse, a.chunks+1, err, cut(data, 200))
}

// Accumulator assembles a streamed reply from its chunks. Tool calls are
// keyed by their index; a new id at a known index starts a new call; calls
// without an index are told apart by their ids, and a fragment with neither
// continues the last call. Arguments may arrive as string fragments or as a
// JSON object; an id or name sent as null or "" never overwrites one
// already seen. The zero value is ready to use.
type Accumulator struct {
	// OnDelta, when set, sees each piece of the reply as it is added.
	OnDelta func(model.Delta)

	id, model, finish  string
	content, reasoning []byte
	calls              []partialCall
	byIndex            map[int]int    // wire index -> position in calls
	byID               map[string]int // call id -> position in calls
	last               int            // position of the call touched last
	logprobs           []WireTokenLogprob
	haveLogprobs       bool
	tokenIDs           []int
	promptTokenIDs     []int
	usage              *WireUsage
	done               bool
	chunks             int
}

type partialCall struct {
	id, name string
	args     []byte
}

// Add adds one chunk. A chunk carrying an error object (or whose object is
// "error") returns it as a *[model.APIError]. Only the first choice (index 0) is assembled.
func (a *Accumulator) Add(c *ChatChunk) error {
	switch {
	case c.Error != nil:
		body, _ := json.Marshal(map[string]*WireError{"error": c.Error})
		return serverError{Message: c.Error.Message, Type: c.Error.Type, Code: c.Error.Code}.apiError(body)
	case c.Object == "error":
		return serverError{Message: "the server sent an error chunk"}.apiError(nil)
	}
	a.chunks++
	if a.id == "" {
		a.id = c.ID
	}
	if a.model == "" {
		a.model = c.Model
	}
	if a.promptTokenIDs == nil {
		a.promptTokenIDs = c.PromptTokenIDs
	}
	if c.Usage != nil {
		a.usage = c.Usage
	}
	for i := range c.Choices {
		if c.Choices[i].Index == 0 {
			a.addChoice(&c.Choices[i])
		}
	}
	return nil
}

// MarkDone records the stream's end marker, [DONE].
func (a *Accumulator) MarkDone() { a.done = true }

func (a *Accumulator) addChoice(ch *WireChunkChoice) {
	d := &ch.Delta
	reasoning := d.ReasoningContent
	if reasoning == nil || *reasoning == "" {
		reasoning = d.Reasoning // some servers send both, with the same text
	}
	if reasoning != nil && *reasoning != "" {
		a.reasoning = append(a.reasoning, *reasoning...)
		a.emit(model.Delta{Reasoning: *reasoning})
	}
	if d.Content != nil && *d.Content != "" {
		a.content = append(a.content, *d.Content...)
		a.emit(model.Delta{Content: *d.Content})
	}
	for i := range d.ToolCalls {
		a.addCall(&d.ToolCalls[i])
	}
	if ch.Logprobs != nil {
		a.haveLogprobs = true
		a.logprobs = append(a.logprobs, ch.Logprobs.Content...)
	}
	a.tokenIDs = append(a.tokenIDs, ch.TokenIDs...)
	if ch.FinishReason != nil && *ch.FinishReason != "" {
		a.finish = *ch.FinishReason
	}
}

// addCall adds one tool-call fragment to the call it belongs to.
func (a *Accumulator) addCall(tc *WireToolCall) {
	args := ArgumentsText(tc.Function.Arguments)
	if tc.ID == "" && tc.Function.Name == "" && args == "" {
		return // an empty fragment, as some servers send: it starts nothing
	}
	pos := a.locate(tc)
	a.last = pos
	c := &a.calls[pos]
	var piece tool.Call
	if tc.ID != "" && c.id == "" {
		c.id, piece.ID = tc.ID, tc.ID
		if a.byID == nil {
			a.byID = make(map[string]int)
		}
		a.byID[tc.ID] = pos
	}
	// A name equal to the one seen is a repeat; anything else is a fragment.
	if name := tc.Function.Name; name != "" && name != c.name {
		c.name += name
		piece.Name = name
	}
	if args != "" {
		c.args = append(c.args, args...)
		piece.Arguments = args
	}
	if piece != (tool.Call{}) {
		a.emit(model.Delta{ToolIndex: pos, ToolCall: &piece})
	}
}

// locate returns the position of the call a fragment belongs to, starting
// a new call where the fragment says so.
func (a *Accumulator) locate(tc *WireToolCall) int {
	if tc.Index != nil {
		if pos, ok := a.byIndex[*tc.Index]; ok {
			if id := a.calls[pos].id; tc.ID == "" || id == "" || id == tc.ID {
				return pos
			}
		}
		pos := a.newCall()
		if a.byIndex == nil {
			a.byIndex = make(map[int]int)
		}
		a.byIndex[*tc.Index] = pos
		return pos
	}
	// No index: ids tell calls apart; a fragment without one continues the
	// last call, unless it names a function after that call's arguments
	// began, which only a new call does.
	if tc.ID != "" {
		if pos, ok := a.byID[tc.ID]; ok {
			return pos
		}
		return a.newCall()
	}
	if len(a.calls) == 0 || (tc.Function.Name != "" && len(a.calls[a.last].args) > 0 && tc.Function.Name != a.calls[a.last].name) {
		return a.newCall()
	}
	return a.last
}

func (a *Accumulator) newCall() int {
	a.calls = append(a.calls, partialCall{})
	return len(a.calls) - 1
}

func (a *Accumulator) emit(d model.Delta) {
	if a.OnDelta != nil {
		a.OnDelta(d)
	}
}

// Response returns the assembled reply. It fails with an error wrapping
// [model.ErrTruncatedStream] when neither [DONE] nor a finish_reason was
// seen, and with [model.ErrMalformedResponse] when a tool call has no name.
// A reply with tool calls finishes with "tool_calls", whatever the server
// said, unless it said something more specific such as "length".
func (a *Accumulator) Response() (*model.Response, error) {
	if !a.done && a.finish == "" {
		return nil, fmt.Errorf("%w: the stream ended after %d chunks with neither a finish_reason nor [DONE]", model.ErrTruncatedStream, a.chunks)
	}
	m := model.Message{Role: model.RoleAssistant, Reasoning: string(a.reasoning), TokenIDs: a.tokenIDs}
	if len(a.content) > 0 {
		m.Content = []tool.Part{tool.Text(string(a.content))}
	}
	for i, c := range a.calls {
		if c.name == "" {
			return nil, fmt.Errorf("%w: streamed tool call %d (id %q) has no name", model.ErrMalformedResponse, i, c.id)
		}
		m.ToolCalls = append(m.ToolCalls, tool.Call{ID: c.id, Name: c.name, Arguments: string(c.args)})
	}
	if a.haveLogprobs {
		m.Logprobs = DecodeLogprobs(&WireLogprobs{Content: a.logprobs}, a.tokenIDs)
	}
	resp := &model.Response{
		ID: a.id, Model: a.model, Message: m, FinishReason: a.finish,
		Usage: DecodeUsage(a.usage), PromptTokenIDs: a.promptTokenIDs,
	}
	normalizeFinish(resp)
	return resp, nil
}

// sseEvent is one server-sent event: its type and its data lines joined
// with "\n". atEOF marks an event the end of the body cut off.
type sseEvent struct {
	name  string
	data  []byte
	lines int
	atEOF bool
}

// sseReader splits a body into server-sent events. Lines may end in LF,
// CRLF or CR; comments and fields other than data and event are skipped.
type sseReader struct {
	br      *bufio.Reader
	buf     []byte // a line longer than br's buffer
	rest    []byte // what is left of the segment after a bare CR
	hasRest bool
	data    []byte
}

// next returns the next event with data; its data is valid until the next
// call. It returns io.EOF at the end of the body.
func (s *sseReader) next() (sseEvent, error) {
	s.data = s.data[:0]
	ev := sseEvent{}
	for {
		line, err := s.line()
		if err == io.EOF && ev.lines > 0 {
			ev.data, ev.atEOF = s.data, true
			return ev, nil
		}
		if err != nil {
			return sseEvent{}, err
		}
		if len(line) == 0 {
			if ev.lines > 0 {
				ev.data = s.data
				return ev, nil
			}
			ev.name = ""
			continue
		}
		if line[0] == ':' {
			continue // a comment, such as ": keep-alive"
		}
		field, value, _ := bytes.Cut(line, []byte{':'})
		value = bytes.TrimPrefix(value, []byte{' '})
		switch string(field) {
		case "data":
			if ev.lines > 0 {
				s.data = append(s.data, '\n')
			}
			s.data = append(s.data, value...)
			ev.lines++
		case "event":
			ev.name = string(value)
		}
	}
}

// line returns the next line without its end, or io.EOF.
func (s *sseReader) line() ([]byte, error) {
	if !s.hasRest {
		seg, err := s.segment()
		if err != nil {
			return nil, err
		}
		s.rest, s.hasRest = seg, true
	}
	line, rest, found := bytes.Cut(s.rest, []byte{'\r'})
	s.rest, s.hasRest = rest, found
	return line, nil
}

// segment returns the bytes up to the next LF (or CRLF), without it; the
// last bytes of a body that does not end in a newline count as a segment.
func (s *sseReader) segment() ([]byte, error) {
	s.buf = s.buf[:0]
	for {
		b, err := s.br.ReadSlice('\n')
		switch err {
		case nil:
			if len(s.buf) > 0 {
				b = append(s.buf, b...)
				s.buf = b
			}
			return trimEOL(b), nil
		case bufio.ErrBufferFull:
			s.buf = append(s.buf, b...)
		case io.EOF:
			s.buf = append(s.buf, b...)
			if len(s.buf) == 0 {
				return nil, io.EOF
			}
			return trimEOL(s.buf), nil
		default:
			return nil, err
		}
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte{'\n'})
	return bytes.TrimSuffix(b, []byte{'\r'})
}
