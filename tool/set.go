package tool

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/google/jsonschema-go/jsonschema"
	jsonschemav6 "github.com/santhosh-tekuri/jsonschema/v6"
)

// Set is a collection of Go-function tools over a state of type S: each
// tool's handler receives the state it acts on, so an environment can fork
// its state and keep one Set (schemas are compiled once, when tools are
// added). Use [Add] to add tools. A Set is safe for concurrent Calls once
// built; it does not lock the state, which is the caller's job.
type Set[S any] struct {
	specs    []Spec
	handlers map[string]handler[S]
	v        *Validator
}

type handler[S any] func(ctx context.Context, state S, args json.RawMessage) ([]Part, error)

// NewSet returns an empty set.
func NewSet[S any]() *Set[S] {
	return &Set[S]{handlers: map[string]handler[S]{}, v: &Validator{schemas: map[string]*jsonschemav6.Schema{}}}
}

// Option adjusts a tool as it is added.
type Option func(*Spec)

// ReadOnly marks a tool as not changing state.
func ReadOnly() Option {
	return func(s *Spec) { ensureAnn(s).ReadOnly = true }
}

// Category labels a tool (tau-bench's read, write, think, generic).
func Category(c string) Option {
	return func(s *Spec) { ensureAnn(s).Category = c }
}

// Schema replaces the schema derived from the argument struct, for tools
// whose schema must match a published one exactly.
func Schema(schema json.RawMessage) Option {
	return func(s *Spec) { s.Parameters = schema }
}

func ensureAnn(s *Spec) *Annotations {
	if s.Annotations == nil {
		s.Annotations = &Annotations{}
	}
	return s.Annotations
}

// Add adds a tool to set whose arguments decode into In and whose output Out
// is marshalled as a JSON part (a string Out becomes a text part). The
// parameter schema is derived from In with its `json` and `jsonschema`
// struct tags (see github.com/google/jsonschema-go); In must be a struct.
// Add panics on a bad definition (a repeated name, an In that has no
// schema), as these are programming errors found at start-up.
func Add[S, In, Out any](set *Set[S], name, description string, fn func(ctx context.Context, state S, in In) (Out, error), opts ...Option) {
	spec := Spec{Name: name, Description: description}
	for _, o := range opts {
		o(&spec)
	}
	if len(spec.Parameters) == 0 {
		sch, err := jsonschema.For[In](nil)
		if err != nil {
			panic(fmt.Sprintf("tool.Add %s: %v", name, err))
		}
		b, err := json.Marshal(sch)
		if err != nil {
			panic(fmt.Sprintf("tool.Add %s: %v", name, err))
		}
		spec.Parameters = b
	}
	if err := set.addSpec(spec); err != nil {
		panic(fmt.Sprintf("tool.Add: %v", err))
	}
	set.handlers[name] = func(ctx context.Context, state S, args json.RawMessage) ([]Part, error) {
		var in In
		if err := json.Unmarshal(args, &in); err != nil {
			return nil, &Error{Kind: KindInvalidArguments, Message: fmt.Sprintf("invalid arguments for %s: %v", name, err)}
		}
		out, err := fn(ctx, state, in)
		if err != nil {
			return nil, err
		}
		return encodeOutput(out)
	}
}

func encodeOutput(out any) ([]Part, error) {
	switch o := out.(type) {
	case string:
		return []Part{Text(o)}, nil
	case Part:
		return []Part{o}, nil
	case []Part:
		return o, nil
	case nil:
		return nil, nil
	}
	if rv := reflect.ValueOf(out); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return []Part{{Type: PartJSON, JSON: json.RawMessage("null")}}, nil
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("encoding output: %w", err)
	}
	return []Part{{Type: PartJSON, JSON: b}}, nil
}

func (set *Set[S]) addSpec(spec Spec) error {
	if err := spec.Validate(); err != nil {
		return err
	}
	if _, dup := set.handlers[spec.Name]; dup {
		return fmt.Errorf("tool %q added twice", spec.Name)
	}
	sch, err := CompileSchema(spec.Name, spec.ParameterSchema())
	if err != nil {
		return err
	}
	set.specs = append(set.specs, spec)
	set.v.specs = set.specs
	set.v.schemas[spec.Name] = sch
	return nil
}

// Specs returns the tools' specs in the order they were added.
func (set *Set[S]) Specs() []Spec { return set.specs }

// Validator returns the set's validator.
func (set *Set[S]) Validator() *Validator { return set.v }

// Call validates and runs one call against state. Every failure is a Result
// with a typed Error: unknown tool, invalid JSON, invalid arguments, a
// handler error (kind tool_error unless the handler returned an *Error),
// a canceled context or a panic in the handler. Duration is filled in.
func (set *Set[S]) Call(ctx context.Context, state S, call Call) (res Result) {
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			res = Fail(call, KindFailed, "tool %s crashed: %v", call.Name, p)
		}
		res.Duration = time.Since(start)
	}()
	args, terr := set.v.Check(call)
	if terr != nil {
		return Result{CallID: call.ID, Name: call.Name, Error: terr}
	}
	if err := ctx.Err(); err != nil {
		return Fail(call, KindCanceled, "call of %s canceled: %v", call.Name, err)
	}
	parts, err := set.handlers[call.Name](ctx, state, args)
	if err != nil {
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			return Fail(call, KindTimeout, "%s timed out", call.Name)
		case errors.Is(err, context.Canceled):
			return Fail(call, KindCanceled, "call of %s canceled", call.Name)
		}
		return FailWith(call, err)
	}
	return OK(call, parts...)
}
