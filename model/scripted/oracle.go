package scripted

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/toolgym/toolgym/model/openai"
	"github.com/toolgym/toolgym/task"
)

// ErrUnknownConversation reports a request whose conversation belongs to
// none of the oracle's tasks.
var ErrUnknownConversation = errors.New("scripted oracle: unknown conversation")

// Oracle is a [Source] that plays the gold of a set of tasks. It is
// stateless: each reply is computed from the request's messages alone, so
// it answers any number of concurrent episodes, retries included, and never
// looks at the tools the client sent.
//
// The task is the one whose first n scripted user turns equal the request's
// n user messages, in order (on a tie, the one whose System equals the
// request's first system message, then the first given). With k assistant
// messages after the last user message, the reply makes the calls of gold
// step k of turn n-1, with ids [task.CallID](n-1, k, i); once the steps are
// done it says the turn's Gold.Reply, or its Outputs joined by "; ", or
// "Done.".
type Oracle struct {
	tasks   []task.Task
	byFirst map[string][]int // first user turn -> task indexes, in order
	byID    map[string]int   // task id -> index
}

// NewOracle returns an oracle over tasks. Tasks without scripted turns
// (goal-only tasks) are never matched.
func NewOracle(tasks []task.Task) *Oracle {
	o := &Oracle{tasks: append([]task.Task(nil), tasks...), byFirst: make(map[string][]int, len(tasks)), byID: make(map[string]int, len(tasks))}
	for i, t := range o.tasks {
		o.byID[t.ID] = i
		if len(t.Turns) > 0 {
			o.byFirst[t.Turns[0].User] = append(o.byFirst[t.Turns[0].User], i)
		}
	}
	return o
}

// Models lists the one model name the oracle is meant to be asked by.
func (o *Oracle) Models() []string { return []string{"oracle"} }

// Answer replies with the gold's next step, or a 400 for a conversation of
// none of the tasks.
func (o *Oracle) Answer(req *openai.ChatRequest, _ int) Reply {
	r, err := o.Reply(req)
	if err != nil {
		return Reply{Fault: Fault{Status: http.StatusBadRequest, Body: errorBody(err.Error(), "invalid_request_error", "unknown_conversation")}}
	}
	return r
}

// Reply computes the oracle's reply to req; it fails with
// [ErrUnknownConversation] when no task matches.
func (o *Oracle) Reply(req *openai.ChatRequest) (Reply, error) {
	return o.reply(req, "")
}

// AnswerTask implements TaskSource: when the client names its task (the
// X-Toolgym-Task header), that task answers, provided the conversation is
// one of its own; tasks that share their user turns (BFCL's base and
// long-context entries) are then told apart.
func (o *Oracle) AnswerTask(req *openai.ChatRequest, _ int, taskID string) Reply {
	r, err := o.reply(req, taskID)
	if err != nil {
		return Reply{Fault: Fault{Status: http.StatusBadRequest, Body: errorBody(err.Error(), "invalid_request_error", "unknown_conversation")}}
	}
	return r
}

func (o *Oracle) reply(req *openai.ChatRequest, taskID string) (Reply, error) {
	var users []string
	system, haveSystem := "", false
	k := 0 // assistant messages since the last user message
	for i, wm := range req.Messages {
		switch wm.Role {
		case "user", "system", "developer":
			m, err := openai.DecodeMessage(wm)
			if err != nil {
				return Reply{}, fmt.Errorf("%w: message %d: %v", ErrUnknownConversation, i, err)
			}
			if wm.Role == "user" {
				users = append(users, m.Text())
				k = 0
			} else if !haveSystem {
				system, haveSystem = m.Text(), true
			}
		case "assistant":
			k++
		}
	}
	var t *task.Task
	if i, ok := o.byID[taskID]; ok && hasTurns(&o.tasks[i], users) {
		t = &o.tasks[i]
	} else {
		t = o.match(users, system)
	}
	if t == nil {
		first := "(none)"
		if len(users) > 0 {
			first = fmt.Sprintf("%q", clip(users[0], 80))
		}
		return Reply{}, fmt.Errorf("%w: no task has these %d user turns (first: %s); the oracle only answers conversations of the %d tasks it was given",
			ErrUnknownConversation, len(users), first, len(o.tasks))
	}
	turn := len(users) - 1
	gold := t.Turns[turn].Gold
	if k < len(gold.Steps) {
		step := gold.Steps[k]
		calls := make([]ToolCall, len(step))
		for i, c := range step {
			tc := c.ToolCall(task.CallID(turn, k, i))
			calls[i] = ToolCall{ID: tc.ID, Name: tc.Name, Arguments: compactJSON(tc.Arguments)}
		}
		return Reply{ToolCalls: calls}, nil
	}
	switch {
	case gold.Reply != "":
		return Text(gold.Reply), nil
	case len(gold.Outputs) > 0:
		return Text(strings.Join(gold.Outputs, "; ")), nil
	}
	return Text("Done."), nil
}

// match finds the task whose first turns are users, preferring one whose
// system prompt is system.
func (o *Oracle) match(users []string, system string) *task.Task {
	if len(users) == 0 {
		return nil
	}
	var found *task.Task
	for _, i := range o.byFirst[users[0]] {
		t := &o.tasks[i]
		if !hasTurns(t, users) {
			continue
		}
		if t.System == system {
			return t
		}
		if found == nil {
			found = t
		}
	}
	return found
}

func hasTurns(t *task.Task, users []string) bool {
	if len(t.Turns) < len(users) {
		return false
	}
	for i, u := range users {
		if t.Turns[i].User != u {
			return false
		}
	}
	return true
}

// compactJSON drops the insignificant white space of JSON text (gold
// arguments keep the layout of the file they came from); other text is
// returned as it is.
func compactJSON(s string) string {
	var b bytes.Buffer
	if json.Compact(&b, []byte(s)) != nil {
		return s
	}
	return b.String()
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "..."
	}
	return s
}
