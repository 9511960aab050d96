package judge_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/model"
	"github.com/toolgym/toolgym/tool"
	"github.com/toolgym/toolgym/trajectory"
)

// bank is a small real env for the tests: accounts with balances and a
// notebook, with typed tools from a tool.Set.
type bank struct {
	mu sync.RWMutex
	st bankState
}

type bankState struct {
	Accounts []account         `json:"accounts"`
	Notes    map[string]string `json:"notes,omitempty"`
}

type account struct {
	ID      string  `json:"id"`
	Balance float64 `json:"balance"`
}

type idArgs struct {
	ID string `json:"id"`
}

type amountArgs struct {
	ID     string  `json:"id"`
	Amount float64 `json:"amount"`
}

type noteArgs struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

var bankTools = sync.OnceValue(func() *tool.Set[*bank] {
	s := tool.NewSet[*bank]()
	tool.Add(s, "get_balance", "Returns an account's balance.", func(_ context.Context, b *bank, in idArgs) (float64, error) {
		b.mu.RLock()
		defer b.mu.RUnlock()
		a := b.find(in.ID)
		if a == nil {
			return 0, tool.Errorf("no account %q", in.ID)
		}
		return a.Balance, nil
	}, tool.ReadOnly())
	tool.Add(s, "deposit", "Adds money to an account.", func(_ context.Context, b *bank, in amountArgs) (float64, error) {
		b.mu.Lock()
		defer b.mu.Unlock()
		a := b.find(in.ID)
		if a == nil {
			return 0, tool.Errorf("no account %q", in.ID)
		}
		if in.Amount <= 0 {
			return 0, tool.Errorf("amount must be positive")
		}
		a.Balance += in.Amount
		return a.Balance, nil
	})
	tool.Add(s, "withdraw", "Takes money from an account.", func(_ context.Context, b *bank, in amountArgs) (float64, error) {
		b.mu.Lock()
		defer b.mu.Unlock()
		a := b.find(in.ID)
		if a == nil {
			return 0, tool.Errorf("no account %q", in.ID)
		}
		if in.Amount > a.Balance {
			return 0, tool.Errorf("insufficient funds in %s", in.ID)
		}
		a.Balance -= in.Amount
		return a.Balance, nil
	})
	tool.Add(s, "set_note", "Writes a note.", func(_ context.Context, b *bank, in noteArgs) (string, error) {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.st.Notes == nil {
			b.st.Notes = map[string]string{}
		}
		b.st.Notes[in.Key] = in.Value
		return "ok", nil
	})
	return s
})

func (b *bank) find(id string) *account {
	for i := range b.st.Accounts {
		if b.st.Accounts[i].ID == id {
			return &b.st.Accounts[i]
		}
	}
	return nil
}

// newBank builds a bank from a JSON config shaped like its state.
func newBank(config json.RawMessage) (env.Env, error) {
	b := &bank{}
	if len(config) > 0 {
		if err := json.Unmarshal(config, &b.st); err != nil {
			return nil, fmt.Errorf("bank config: %w", err)
		}
	}
	return b, nil
}

func (b *bank) Tools() []tool.Spec { return bankTools().Specs() }

func (b *bank) Call(ctx context.Context, c tool.Call) tool.Result { return bankTools().Call(ctx, b, c) }

func (b *bank) Snapshot() (json.RawMessage, error) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return env.Canonical(b.st)
}

func (b *bank) Fork() env.Env {
	b.mu.RLock()
	defer b.mu.RUnlock()
	c := &bank{st: bankState{Accounts: slices.Clone(b.st.Accounts)}}
	if b.st.Notes != nil {
		c.st.Notes = make(map[string]string, len(b.st.Notes))
		for k, v := range b.st.Notes {
			c.st.Notes[k] = v
		}
	}
	return c
}

// recorder plays an episode by hand on a real env and records it as the
// episode runner does: messages with turn and step, tool results from the
// env, the state hash after each turn.
type recorder struct {
	e    env.Env
	tr   *trajectory.Trajectory
	turn int
	step int
	open bool
}

func newRecorder(id string, e env.Env) *recorder {
	h, err := env.Hash(e)
	if err != nil {
		panic(err)
	}
	return &recorder{e: e, turn: -1, tr: &trajectory.Trajectory{
		Version: trajectory.Version, ID: id, TaskID: id, Env: "bank",
		Tools: e.Tools(), InitialStateHash: h, Status: trajectory.StatusCompleted,
		Start: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	}}
}

func (r *recorder) endTurn(reason string) {
	if !r.open {
		return
	}
	h, err := env.Hash(r.e)
	if err != nil {
		panic(err)
	}
	t := &r.tr.Turns[len(r.tr.Turns)-1]
	t.End, t.StateHash, t.Steps, t.EndReason = len(r.tr.Messages), h, r.step, reason
	r.open = false
}

// user starts a turn.
func (r *recorder) user(text string) *recorder {
	r.endTurn("reply")
	r.turn++
	r.step = 0
	r.tr.Turns = append(r.tr.Turns, trajectory.Turn{Index: r.turn, First: len(r.tr.Messages)})
	r.open = true
	r.tr.Messages = append(r.tr.Messages, trajectory.Message{Message: model.User(text), Turn: r.turn})
	return r
}

// call makes one assistant message with the calls, run on the env in order.
func (r *recorder) call(calls ...tool.Call) *recorder {
	r.step++
	r.tr.Messages = append(r.tr.Messages, trajectory.Message{Message: model.Assistant("", calls...), Turn: r.turn, Step: r.step})
	for _, c := range calls {
		res := r.e.Call(context.Background(), c)
		r.tr.Messages = append(r.tr.Messages, trajectory.Message{Message: model.ToolMessage(res), Turn: r.turn, Step: r.step, ToolError: res.Error})
	}
	return r
}

// say makes the assistant's reply.
func (r *recorder) say(text string) *recorder {
	r.step++
	r.tr.Messages = append(r.tr.Messages, trajectory.Message{Message: model.Assistant(text), Turn: r.turn, Step: r.step})
	return r
}

func (r *recorder) done() *trajectory.Trajectory {
	r.endTurn("reply")
	return r.tr
}

// c makes a tool call with JSON arguments.
func c(id, name, args string) tool.Call { return tool.Call{ID: id, Name: name, Arguments: args} }
