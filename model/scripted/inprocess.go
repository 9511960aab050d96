package scripted

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/tool"
)

// InProcess answers requests from a Source in the caller's process, with
// no HTTP in between: the same replies (ids, finish reasons, usage
// estimates) the Server would send. It is for benchmarks that measure
// toolgym's own cost and for RL rollouts whose policy is scripted; tests
// of the model path use the Server. A fault in a reply becomes the typed
// error a client would have reported. It is safe for concurrent use.
type InProcess struct {
	src Source
	srv *Server
	n   atomic.Int64
}

var _ model.Model = (*InProcess)(nil)

// NewInProcess returns an in-process model answering from src.
func NewInProcess(src Source) *InProcess {
	return &InProcess{src: src, srv: NewServer(src)}
}

// Generate implements model.Model.
func (m *InProcess) Generate(ctx context.Context, req *model.Request) (*model.Response, error) {
	start := time.Now()
	wr, err := openai.EncodeRequest(DefaultModel, req)
	if err != nil {
		return nil, fmt.Errorf("scripted: %w", err)
	}
	n := int(m.n.Add(1))
	var r Reply
	if ts, ok := m.src.(TaskSource); ok {
		if info, ok := model.CallInfoFrom(ctx); ok && info.TaskID != "" {
			r = ts.AnswerTask(wr, n, info.TaskID)
		}
	}
	if r.isZero() {
		r = m.src.Answer(wr, n)
	}
	if err := r.Validate(); err != nil {
		return nil, fmt.Errorf("scripted: reply to request %d: %w", n, err)
	}
	if r.Delay > 0 && !sleep(ctx, r.Delay) {
		return nil, ctx.Err()
	}
	if err := faultError(r.Fault); err != nil {
		return nil, err
	}
	a := m.srv.answer(wr, req, r, n)
	msg := model.Message{Role: model.RoleAssistant, Reasoning: a.reasoning}
	if a.content != "" {
		msg.Content = model.Assistant(a.content).Content
	}
	for _, c := range a.calls {
		msg.ToolCalls = append(msg.ToolCalls, c.call())
	}
	return &model.Response{
		ID: a.id, Model: a.model, Message: msg, FinishReason: a.finish,
		Usage: openai.DecodeUsage(a.usage), Latency: time.Since(start), Attempts: 1,
	}, nil
}

// faultError is the error a client reports for a fault.
func faultError(f Fault) error {
	switch {
	case f.Status != 0:
		return &model.APIError{StatusCode: f.Status, Body: f.Body, Attempts: 1}
	case f.Truncate:
		return fmt.Errorf("scripted: %w", model.ErrTruncatedStream)
	case f.Malformed:
		return fmt.Errorf("scripted: %w", model.ErrMalformedResponse)
	case f.StreamError != "":
		return &model.APIError{StatusCode: 500, Message: f.StreamError, Attempts: 1}
	case f.Drop:
		return fmt.Errorf("scripted: connection dropped: %w", model.ErrConnection)
	}
	return nil
}

func (c ToolCall) call() tool.Call { return tool.Call{ID: c.ID, Name: c.Name, Arguments: c.Arguments} }

// isZero reports whether r is the zero Reply (no answer yet).
func (r Reply) isZero() bool {
	return r.Content == "" && r.Reasoning == "" && len(r.ToolCalls) == 0 && r.FinishReason == "" &&
		r.Usage == nil && !r.Logprobs && len(r.Headers) == 0 && r.Delay == 0 && len(r.Fault.kinds()) == 0
}
