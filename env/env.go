// Package env defines the environment contract: a stateful world exposing
// tools, with a canonical JSON snapshot of its state (for hashing and
// comparison) and a cheap Fork, and the registry through which suites and
// the CLI find environments by name. Built-in environments live one folder
// down (env/bank).
package env

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"github.com/toolgym/toolgym/tool"
)

// Env is a stateful world with tools.
//
// Call must be safe for concurrent use: an agent runs all calls of one model
// message at once (implementations typically let read-only tools share a
// read lock and serialise writes). Errors are results, not Go errors: an
// unknown tool, bad arguments or a failing tool each give a Result whose
// Error the model reads.
type Env interface {
	// Tools returns the specs of the tools the env exposes now.
	Tools() []tool.Spec
	// Call runs one tool call.
	Call(ctx context.Context, call tool.Call) tool.Result
	// Snapshot returns the state as canonical JSON: equal states give equal
	// bytes, so snapshots can be hashed and compared.
	Snapshot() (json.RawMessage, error)
	// Fork returns an independent copy: calls on one never affect the other.
	Fork() Env
}

// Factory builds an env from its JSON configuration (a task's initial
// state); an empty config means the env's default state.
type Factory func(config json.RawMessage) (Env, error)

// Info describes a registered env.
type Info struct {
	Name        string
	Description string
	New         Factory
}

var (
	regMu    sync.RWMutex
	registry = map[string]Info{}
)

// Register makes an env available by name; it panics if the name is taken,
// as registration happens in init functions.
func Register(info Info) {
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := registry[info.Name]; dup {
		panic("env: Register called twice for " + info.Name)
	}
	registry[info.Name] = info
}

// Lookup returns the registered env of that name.
func Lookup(name string) (Info, bool) {
	regMu.RLock()
	defer regMu.RUnlock()
	i, ok := registry[name]
	return i, ok
}

// New builds a registered env from its config.
func New(name string, config json.RawMessage) (Env, error) {
	info, ok := Lookup(name)
	if !ok {
		return nil, fmt.Errorf("env %q is not registered; known envs: %v", name, Names())
	}
	e, err := info.New(config)
	if err != nil {
		return nil, fmt.Errorf("env %s: %w", name, err)
	}
	return e, nil
}

// Names lists the registered envs, sorted.
func Names() []string {
	regMu.RLock()
	defer regMu.RUnlock()
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// All lists the registered envs, sorted by name.
func All() []Info {
	var out []Info
	for _, n := range Names() {
		i, _ := Lookup(n)
		out = append(out, i)
	}
	return out
}

// Canonical marshals v as canonical JSON: object keys sorted at every
// depth, no insignificant space, numbers kept as written. Struct values are
// first marshalled with encoding/json, so their json tags apply.
func Canonical(v any) (json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return CanonicalizeJSON(b)
}

// CanonicalizeJSON rewrites a JSON document in canonical form.
func CanonicalizeJSON(b []byte) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("canonical JSON: %w", err)
	}
	// encoding/json sorts map keys and, with UseNumber, keeps number text.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("canonical JSON: %w", err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Hash returns the hex SHA-256 of an env's snapshot, or the env's own
// StateHash when it implements Hasher.
func Hash(e Env) (string, error) {
	if h, ok := e.(Hasher); ok {
		return h.StateHash()
	}
	snap, err := e.Snapshot()
	if err != nil {
		return "", err
	}
	return HashJSON(snap), nil
}

// Hasher is implemented by envs that can hash their state faster than
// through a full Snapshot (databases of megabytes, hashed after every
// turn). StateHash must give equal hashes for equal states and different
// hashes for different ones, like hashing the Snapshot would; the value
// itself need not equal the Snapshot's hash.
type Hasher interface {
	StateHash() (string, error)
}

// HashJSON returns the hex SHA-256 of canonical JSON bytes.
func HashJSON(snap []byte) string {
	sum := sha256.Sum256(snap)
	return hex.EncodeToString(sum[:])
}
