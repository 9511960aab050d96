// Package bank is toolgym's built-in demo environment: a small retail bank
// with customers, checking, savings and credit accounts, debit and credit
// cards, saved payees, a transaction ledger, scheduled payments and an
// exchange-rate table, exposed to agents through fourteen tools (six that
// read, eight that write).
//
// The world is plain Go state ([State]): amounts are exact cents ([Money]),
// ids come from counters, dates from a clock pinned in the config, so every
// run of the same calls gives the same state, byte for byte. [New] builds
// an env from a JSON [Config] laid over the built-in default world;
// [Policy] is the support policy the agent follows, and [Tasks] returns
// the env's demo tasks (single- and multi-turn, reads, writes, parallel
// calls and policy refusals) with their gold calls and replies.
//
// The package registers itself as env "bank" when imported.
package bank

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/tool"
)

// Name is the name the env is registered under.
const Name = "bank"

func init() {
	env.Register(env.Info{
		Name:        Name,
		Description: "Demo retail bank: accounts, cards, payees, transfers, payments and scheduled payments, with a support policy and demo tasks (bank.Tasks)",
		New:         New,
	})
}

// Bank is the bank env. Calls are safe for concurrent use: read-only tools
// share a read lock, the others take the write lock.
type Bank struct {
	mu sync.RWMutex
	st *State
}

var _ env.Env = (*Bank)(nil)

// New builds a bank env from a JSON [Config] laid over the default world;
// an empty config gives the default world. The error wraps
// [ErrInvalidConfig] when the config is malformed or inconsistent. The
// env returned is a *Bank.
func New(config json.RawMessage) (env.Env, error) {
	st, err := ParseConfig(config)
	if err != nil {
		return nil, err
	}
	return &Bank{st: st}, nil
}

// FromState builds a bank env that owns a copy of st, which must be
// consistent: it is checked as a config would be.
func FromState(st *State) (*Bank, error) {
	c := st.clone()
	if err := c.normalize(); err != nil {
		return nil, err
	}
	return &Bank{st: c}, nil
}

// Tools returns the specs of the bank's tools.
func (b *Bank) Tools() []tool.Spec { return slices.Clone(tools().set.Specs()) }

// Call runs one tool call against the env's state.
func (b *Bank) Call(ctx context.Context, call tool.Call) tool.Result {
	if ro, known := tools().readOnly[call.Name]; known && !ro {
		b.mu.Lock()
		defer b.mu.Unlock()
	} else {
		b.mu.RLock()
		defer b.mu.RUnlock()
	}
	return tools().set.Call(ctx, b.st, call)
}

// Snapshot returns the state as canonical JSON, the bytes env.Canonical
// gives for it, in the same shape as a [Config], so a snapshot can seed a
// new env. The state's types declare their fields in the order of their
// JSON names and hold only strings and decimal strings, so one encoding
// pass writes canonical JSON: no decode and re-encode.
func (b *Bank) Snapshot() (json.RawMessage, error) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	var buf bytes.Buffer
	buf.Grow(16 << 10)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b.st); err != nil {
		return nil, fmt.Errorf("bank snapshot: %w", err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Fork returns an independent copy of the env.
func (b *Bank) Fork() env.Env {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return &Bank{st: b.st.clone()}
}

// State returns a deep copy of the env's current state.
func (b *Bank) State() *State {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.st.clone()
}
