package tau2judge

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/model"
)

// The texts of the oracle trajectory.
const (
	// FirstAgentMessage is the reference orchestrator's opening message.
	FirstAgentMessage = "Hi! How can I help you today?"
	// StopToken ends a simulation when the user says it; TransferToken
	// is what the user says after a transfer to a human agent.
	StopToken     = "###STOP###"
	TransferToken = "###TRANSFER###"
	// continueText is what the oracle's user says after a message history
	// that ends with an agent's text.
	continueText = "Please continue."
)

// Oracle plays task's gold on a fresh environment of dom and returns the
// simulation, as the anchors' replay (replay_expected.json) builds it:
// the environment is put into the task's initial state; the conversation
// opens with FirstAgentMessage and a user message holding
// str(user_scenario.instructions), or, when the task has a message
// history, with that history (followed by a user "Please continue." when
// it ends with an agent's text); then each gold action is a message of its
// requestor carrying one tool call (id "oracle_<i>"), answered by a tool
// message with the live environment's result; then the agent says
// "Done. " + " ".join(communicate_info) (or "Done."), and the user says
// StopToken (TransferToken after a transfer_to_human_agents action). The
// termination reason is UserStop.
//
// A gold action that returns an error is kept as the reference keeps it:
// an error tool message. The error returned is for an initial state the
// environment cannot take, or ctx's.
func Oracle(ctx context.Context, dom tau2.Domain, task *Task) (*SimulationRun, error) {
	e := dom.New()
	if err := ApplyInitialState(ctx, e, task); err != nil {
		return nil, fmt.Errorf("oracle %s: %w", task.ID, err)
	}
	msgs, err := OracleMessages(ctx, e, task)
	if err != nil {
		return nil, err
	}
	return &SimulationRun{
		ID:                "oracle-" + task.ID,
		TaskID:            task.ID,
		TerminationReason: UserStop,
		Messages:          msgs,
	}, nil
}

// OracleMessages builds the oracle's messages (see Oracle) on e, which
// must already be in task's initial state; the gold actions run on e.
func OracleMessages(ctx context.Context, e tau2.Env, task *Task) ([]Message, error) {
	var msgs []Message
	var history []Message
	if task.InitialState != nil {
		history = task.InitialState.MessageHistory
	}
	if len(history) > 0 {
		msgs = append(msgs, history...)
		last := &history[len(history)-1]
		if last.Role == model.RoleAssistant && !last.IsToolCall() {
			msgs = append(msgs, UserText(continueText))
		}
	} else {
		msgs = append(msgs, AssistantText(FirstAgentMessage), UserText(task.UserScenario.Instructions.String()))
	}
	var gold []Action
	var infos []string
	if c := task.EvaluationCriteria; c != nil {
		gold, infos = c.Actions, c.CommunicateInfo
	}
	transferred := false
	for i := range gold {
		a := &gold[i]
		tc := ToolCall{ID: "oracle_" + strconv.Itoa(i), Name: a.Name, Arguments: a.Arguments, Requestor: a.Requestor}
		tc.Requestor = tc.requestor()
		call, err := tc.Call()
		if err != nil {
			return nil, fmt.Errorf("oracle %s: %w", task.ID, err)
		}
		res := e.CallAs(ctx, tc.Requestor, call)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		msgs = append(msgs, CallMessage(tc.Requestor, tc), ToolResult(tc, res))
		if a.Name == "transfer_to_human_agents" {
			transferred = true
		}
	}
	done := "Done."
	if len(infos) > 0 {
		done = "Done. " + strings.Join(infos, " ")
	}
	stop := StopToken
	if transferred {
		stop = TransferToken
	}
	msgs = append(msgs, AssistantText(done), UserText(stop))
	for i := range msgs {
		idx := i
		msgs[i].TurnIdx = &idx
	}
	return msgs, nil
}
