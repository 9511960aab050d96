package tauuser

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
)

// Tools are the tools on the user's own device (tau2-bench's user
// toolkit), which the [Tau2] user's model may call.
type Tools interface {
	// UserTools lists the tools offered to the user's model.
	UserTools() []tool.Spec
	// CallUser runs one of them.
	CallUser(ctx context.Context, call tool.Call) tool.Result
}

// EnvTools returns the user toolkit of a tau2 environment as Tools, as the
// reference's build_user gets it (environment.get_user_tools(include=
// task.user_tools) or None): include, when not nil, keeps only the named
// tools, in the toolkit's order. It returns nil, meaning no user tools,
// when the domain has no user toolkit, when none is left, or when include
// names a tool the toolkit lacks (the reference's ValueError is caught and
// the user gets no tools).
func EnvTools(e tau2.Env, include []string) Tools {
	infos := e.ToolInfo(tau2.User)
	specs := make([]tool.Spec, 0, len(infos))
	for _, in := range infos {
		if include == nil || slices.Contains(include, in.Spec.Name) {
			specs = append(specs, in.Spec)
		}
	}
	for _, name := range include {
		if !slices.ContainsFunc(specs, func(s tool.Spec) bool { return s.Name == name }) {
			return nil
		}
	}
	if len(specs) == 0 {
		return nil
	}
	return envTools{env: e, specs: specs}
}

type envTools struct {
	env   tau2.Env
	specs []tool.Spec
}

func (t envTools) UserTools() []tool.Spec { return t.specs }

func (t envTools) CallUser(ctx context.Context, call tool.Call) tool.Result {
	return t.env.CallAs(ctx, tau2.User, call)
}

// toolErrorKey is the Extra key under which ResultMessage keeps a tool
// error, so the trajectory can mark the user's failed tool calls as tau2's
// ToolMessage.error does.
const toolErrorKey = "toolgym_tool_error"

// ResultMessage is model.ToolMessage(res) that also keeps res.Error, for
// ToolErrorOf.
func ResultMessage(res tool.Result) model.Message {
	m := model.ToolMessage(res)
	if res.Error != nil {
		if b, err := json.Marshal(res.Error); err == nil {
			m.Extra = map[string]json.RawMessage{toolErrorKey: b}
		}
	}
	return m
}

// ToolErrorOf returns the tool error a ResultMessage kept, or nil.
func ToolErrorOf(m model.Message) *tool.Error {
	b, ok := m.Extra[toolErrorKey]
	if !ok {
		return nil
	}
	var e tool.Error
	if json.Unmarshal(b, &e) != nil {
		return nil
	}
	return &e
}
