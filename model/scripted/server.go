package scripted

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
)

// DefaultModel is the model name a reply carries when the request named none,
// and the one /v1/models lists for a source that does not list its own.
const DefaultModel = "scripted"

// maxBody bounds a request body.
const maxBody = 32 << 20

// Source decides the server's answers.
type Source interface {
	// Answer returns the reply to req, the n-th valid request the server
	// received (0-based). A source that cannot answer returns a Reply with
	// a [Fault] (for example an HTTP 400 or 500). Answer is called
	// concurrently.
	Answer(req *openai.ChatRequest, n int) Reply
}

// TaskSource is a Source that can use the task id a client sends in the
// X-Toolgym-Task header (model.HeaderTask), as toolgym's own client does;
// the oracle uses it to tell apart tasks whose conversations look alike.
type TaskSource interface {
	Source
	AnswerTask(req *openai.ChatRequest, n int, taskID string) Reply
}

// SourceFunc adapts a function to a [Source].
type SourceFunc func(req *openai.ChatRequest, n int) Reply

// Answer calls f.
func (f SourceFunc) Answer(req *openai.ChatRequest, n int) Reply { return f(req, n) }

// ModelLister is implemented by sources that name the models they answer,
// for GET /v1/models.
type ModelLister interface {
	Models() []string
}

// Received is one chat-completion request as the server received it.
type Received struct {
	// Path is the request path (/v1/chat/completions or /chat/completions).
	Path   string
	Header http.Header
	// Body is the raw request body.
	Body []byte
	// Request is the decoded body.
	Request openai.ChatRequest
}

// Server is the scripted OpenAI-compatible server. It records every valid
// chat-completion request so tests can assert what clients sent.
type Server struct {
	src     Source
	now     func() time.Time
	history int // requests kept; < 0 keeps all
	mux     *http.ServeMux

	mu       sync.Mutex
	count    int
	received []Received // the most recent ones, under 2*history
}

// Option configures a [Server].
type Option func(*Server)

// WithClock sets the clock giving replies their "created" time (default
// time.Now).
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// WithHistory keeps only the n most recent requests for [Server.Received]
// (default: all of them); a long-running server should bound it.
func WithHistory(n int) Option { return func(s *Server) { s.history = max(n, 0) } }

// NewServer returns a server answering from src.
func NewServer(src Source, opts ...Option) *Server {
	s := &Server{src: src, now: time.Now, history: -1, mux: http.NewServeMux()}
	for _, o := range opts {
		o(s)
	}
	health := func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	}
	routes := []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{http.MethodPost, "/v1/chat/completions", s.handleChat},
		{http.MethodPost, "/chat/completions", s.handleChat},
		{http.MethodGet, "/v1/models", s.handleModels},
		{http.MethodGet, "/models", s.handleModels},
		{http.MethodGet, "/healthz", health},
	}
	for _, rt := range routes {
		s.mux.HandleFunc(rt.method+" "+rt.path, rt.h)
		s.mux.HandleFunc(rt.path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", rt.method)
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("scripted server: %s %s is not allowed; use %s", r.Method, r.URL.Path, rt.method), "invalid_request_error", "method_not_allowed")
		})
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("scripted server: no route for %s %s", r.Method, r.URL.Path), "invalid_request_error", "not_found")
	})
	return s
}

// ServeHTTP routes a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Count returns how many valid chat-completion requests the server received.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count
}

// Requests returns fresh copies of the decoded requests received, oldest first.
func (s *Server) Requests() []openai.ChatRequest {
	rs := s.Received()
	out := make([]openai.ChatRequest, len(rs))
	for i, r := range rs {
		out[i] = r.Request
	}
	return out
}

// Received returns fresh copies of the requests received, oldest first.
func (s *Server) Received() []Received {
	s.mu.Lock()
	recent := s.received
	if s.history > 0 && len(recent) > s.history {
		recent = recent[len(recent)-s.history:]
	}
	kept := make([]Received, len(recent))
	copy(kept, recent)
	s.mu.Unlock()
	for i := range kept {
		kept[i].Header = kept[i].Header.Clone()
		kept[i].Body = append([]byte(nil), kept[i].Body...)
		// Decoding again gives the caller a copy sharing nothing.
		_ = json.Unmarshal(kept[i].Body, &kept[i].Request)
	}
	return kept
}

func (s *Server) record(r *http.Request, body []byte) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.count
	s.count++
	if s.history != 0 {
		s.received = append(s.received, Received{Path: r.URL.Path, Header: r.Header.Clone(), Body: body})
		if s.history > 0 && len(s.received) >= 2*s.history {
			// Compact now and then rather than on every request.
			s.received = append(s.received[:0], s.received[len(s.received)-s.history:]...)
		}
	}
	return n
}

func (s *Server) handleModels(w http.ResponseWriter, _ *http.Request) {
	names := []string{DefaultModel}
	if ml, ok := s.src.(ModelLister); ok {
		names = ml.Models()
	}
	type entry struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	list := struct {
		Object string  `json:"object"`
		Data   []entry `json:"data"`
	}{Object: "list", Data: make([]entry, 0, len(names))}
	for _, n := range names {
		list.Data = append(list.Data, entry{ID: n, Object: "model", OwnedBy: "toolgym"})
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		status := http.StatusBadRequest
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status = http.StatusRequestEntityTooLarge
		}
		writeError(w, status, "reading request body: "+err.Error(), "invalid_request_error", "")
		return
	}
	var req openai.ChatRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "request body is not valid JSON: "+err.Error(), "invalid_request_error", "")
		return
	}
	if len(req.Messages) == 0 {
		writeError(w, http.StatusBadRequest, "'messages' must be a non-empty array", "invalid_request_error", "")
		return
	}
	dec, err := openai.DecodeRequest(&req)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid messages: "+err.Error(), "invalid_request_error", "")
		return
	}
	n := s.record(r, body)
	var reply Reply
	if ts, ok := s.src.(TaskSource); ok && r.Header.Get(model.HeaderTask) != "" {
		reply = ts.AnswerTask(&req, n, r.Header.Get(model.HeaderTask))
	} else {
		reply = s.src.Answer(&req, n)
	}
	if err := reply.Validate(); err != nil {
		writeError(w, http.StatusInternalServerError, fmt.Sprintf("reply to request %d: %v", n, err), "server_error", "")
		return
	}
	if reply.Delay > 0 && !sleep(r.Context(), reply.Delay) {
		// The client went away or the server is stopping: close the
		// connection rather than let net/http send an empty 200.
		drop(w)
		return
	}
	for k, v := range reply.Headers {
		w.Header().Set(k, v)
	}
	switch {
	case reply.Drop:
		drop(w)
	case reply.Status != 0:
		writeFault(w, reply.Status, reply.Body)
	case reply.Malformed && !req.Stream:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, malformedBody(reply.Body))
	case reply.StreamError != "" && !req.Stream:
		writeJSON(w, http.StatusOK, errorObject(reply.StreamError, "server_error", ""))
	default:
		a := s.answer(&req, dec, reply, n)
		if req.Stream {
			streamAnswer(w, a, reply.Fault)
		} else {
			completeAnswer(w, a, reply.Truncate)
		}
	}
}

// sleep waits d unless ctx ends first; it reports whether it waited.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// drop closes the connection without writing a response.
func drop(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // HTTP/2 and friends: abort the stream
	}
	conn.Close()
}

func malformedBody(body string) string {
	if body != "" {
		return body
	}
	return "<html><body>502 Bad Gateway: this is not JSON</body></html>\n"
}

// answer is a reply made concrete for one request: ids, finish reason,
// usage and token data filled in.
type answer struct {
	id, model    string
	created      int64
	content      string
	reasoning    string
	calls        []ToolCall
	finish       string
	usage        *openai.WireUsage
	logprobs     bool
	top          int
	tokenIDs     bool  // send token_ids (vLLM's return_token_ids)
	promptIDs    []int // prompt_token_ids, when tokenIDs
	includeUsage bool  // end a stream with a usage chunk
}

func (s *Server) answer(req *openai.ChatRequest, dec *model.Request, r Reply, n int) *answer {
	a := &answer{
		id:        "chatcmpl-scripted-" + strconv.Itoa(n),
		model:     req.Model,
		created:   s.now().Unix(),
		content:   r.Content,
		reasoning: r.Reasoning,
		finish:    r.FinishReason,
		usage:     r.Usage,
		logprobs:  r.Logprobs || dec.Logprobs,
		top:       dec.TopLogprobs,
	}
	if a.model == "" {
		a.model = DefaultModel
	}
	a.calls = make([]ToolCall, len(r.ToolCalls))
	for i, c := range r.ToolCalls {
		if c.ID == "" {
			c.ID = fmt.Sprintf("call_%d_%d", n, i)
		}
		a.calls[i] = c
	}
	if a.finish == "" {
		a.finish = "stop"
		if len(a.calls) > 0 {
			a.finish = "tool_calls"
		}
	}
	promptChars := 0
	for _, m := range dec.Messages {
		promptChars += messageChars(m)
	}
	if a.usage == nil {
		completion := utf8.RuneCountInString(r.Content) + utf8.RuneCountInString(r.Reasoning)
		for _, c := range a.calls {
			completion += utf8.RuneCountInString(c.Name) + utf8.RuneCountInString(c.Arguments)
		}
		u := model.Usage{PromptTokens: promptChars/4 + 1, CompletionTokens: completion/4 + 1}
		u.TotalTokens = u.PromptTokens + u.CompletionTokens
		if r.Reasoning != "" {
			u.ReasoningTokens = utf8.RuneCountInString(r.Reasoning)/4 + 1
		}
		a.usage = openai.EncodeUsage(u)
	}
	if v, ok := req.Extra["return_token_ids"]; ok && string(v) == "true" {
		a.tokenIDs = true
		for _, m := range dec.Messages {
			for _, t := range splitTokens(m.Text()) {
				a.promptIDs = append(a.promptIDs, tokenID(t))
			}
		}
	}
	a.includeUsage = req.StreamOptions != nil && req.StreamOptions.IncludeUsage
	return a
}

// messageChars counts what a message puts in the prompt.
func messageChars(m model.Message) int {
	n := utf8.RuneCountInString(m.Text()) + utf8.RuneCountInString(m.Reasoning)
	for _, c := range m.ToolCalls {
		n += utf8.RuneCountInString(c.Name) + utf8.RuneCountInString(c.Arguments)
	}
	return n
}

// completeAnswer writes a non-streamed chat.completion; truncate sends half
// of it under the full Content-Length, so the connection closes early.
func completeAnswer(w http.ResponseWriter, a *answer, truncate bool) {
	wm := openai.WireMessage{Role: "assistant", ReasoningContent: a.reasoning}
	if a.content != "" || len(a.calls) == 0 {
		wm.Content = jsonString(a.content)
	} else {
		wm.Content = json.RawMessage("null")
	}
	for _, c := range a.calls {
		wm.ToolCalls = append(wm.ToolCalls, openai.WireToolCall{
			ID: c.ID, Type: "function", Function: openai.WireFunctionCall{Name: c.Name, Arguments: jsonString(c.Arguments)},
		})
	}
	choice := openai.WireChoice{Index: 0, Message: wm, FinishReason: a.finish}
	tokens := splitTokens(a.content)
	if a.logprobs {
		choice.Logprobs = &openai.WireLogprobs{Content: make([]openai.WireTokenLogprob, 0, len(tokens))}
		for _, t := range tokens {
			choice.Logprobs.Content = append(choice.Logprobs.Content, tokenLogprob(t, a.top))
		}
	}
	resp := openai.ChatResponse{
		ID: a.id, Object: "chat.completion", Created: a.created, Model: a.model,
		Choices: []openai.WireChoice{choice}, Usage: a.usage,
	}
	if a.tokenIDs {
		choice.TokenIDs = make([]int, 0, len(tokens))
		for _, t := range tokens {
			choice.TokenIDs = append(choice.TokenIDs, tokenID(t))
		}
		resp.Choices[0] = choice
		resp.PromptTokenIDs = a.promptIDs
	}
	b, err := marshal(resp)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encoding reply: "+err.Error(), "server_error", "")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	if truncate {
		// Fewer bytes than announced: net/http closes the connection after
		// the handler returns, and the client reads an unexpected EOF.
		w.Write(b[:len(b)/2])
		http.NewResponseController(w).Flush()
		return
	}
	w.Write(b)
}

// writeFault answers an HTTP error: body verbatim, or an OpenAI error object.
func writeFault(w http.ResponseWriter, status int, body string) {
	if body == "" {
		typ := "invalid_request_error"
		switch {
		case status == http.StatusTooManyRequests:
			typ = "rate_limit_error"
		case status >= 500:
			typ = "server_error"
		}
		writeError(w, status, fmt.Sprintf("scripted fault: HTTP %d %s", status, http.StatusText(status)), typ, "")
		return
	}
	if json.Valid([]byte(body)) {
		w.Header().Set("Content-Type", "application/json")
	} else {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	}
	w.WriteHeader(status)
	io.WriteString(w, body)
}

type errorEnvelope struct {
	Error openai.WireError `json:"error"`
}

func errorObject(message, typ, code string) errorEnvelope {
	e := errorEnvelope{Error: openai.WireError{Message: message, Type: typ}}
	if code != "" {
		e.Error.Code = jsonString(code)
	}
	return e
}

// errorBody returns an OpenAI error object as JSON text.
func errorBody(message, typ, code string) string {
	b, _ := marshal(errorObject(message, typ, code))
	return string(b)
}

func writeError(w http.ResponseWriter, status int, message, typ, code string) {
	writeJSON(w, status, errorObject(message, typ, code))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// marshal encodes v as JSON without escaping <, > and &, as the OpenAI API
// writes it.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func jsonString(s string) json.RawMessage {
	b, _ := marshal(s)
	return b
}
