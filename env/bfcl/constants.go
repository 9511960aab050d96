package bfcl

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/pyval"
)

// ConstantsFile is the file, in a BFCL data folder, holding the constants
// the long-context variants of the classes add to their state (extra
// files, transactions, cities...).
const ConstantsFile = "long_context_constants.json"

var (
	constMu   sync.RWMutex
	constants *pyval.Dict
	pinned    = pyval.NewDict() // SetConstant's values, which data folders do not replace
)

// LongContextSource is the reference's Python file of long-context
// constants. One of them, WATCH_LIST_EXTENSION, ends with Python's Ellipsis
// and so is missing from the JSON constants file; UseData reads it from
// this file when the data folder holds a copy (see the bfcl suite's
// package doc for how to fetch it).
const LongContextSource = "long_context.py"

// UseData loads the long-context constants from a BFCL data folder (the
// one given to --data): ConstantsFile when the folder has it, and from the
// reference's long_context.py (LongContextSource) what that file lacks —
// WATCH_LIST_EXTENSION, which ends with Python's Ellipsis and so cannot be
// JSON — or everything, when there is no JSON file. long_context.py is
// looked for in dir and where a checkout of the reference keeps it
// (../eval_checker/multi_turn_eval/func_source_code/ from bfcl_eval/data).
// It must be called before loading a class in its long-context variant.
func UseData(dir string) error {
	d := pyval.NewDict()
	b, jsonErr := os.ReadFile(filepath.Join(dir, ConstantsFile))
	if jsonErr == nil {
		v, err := pyval.FromJSON(b)
		if err != nil {
			return fmt.Errorf("bfcl: %s: %w", ConstantsFile, err)
		}
		var ok bool
		if d, ok = v.(*pyval.Dict); !ok {
			return fmt.Errorf("bfcl: %s is not a JSON object", ConstantsFile)
		}
	}
	if _, ok := d.Get(WatchListConstant); !ok {
		for _, p := range []string{
			filepath.Join(dir, LongContextSource),
			filepath.Join(dir, "..", "eval_checker", "multi_turn_eval", "func_source_code", LongContextSource),
		} {
			src, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			var all *pyval.Dict
			if d.Len() > 0 {
				// The JSON has the rest: read only what it lacks.
				all, err = parseConstant(string(src), WatchListConstant)
			} else {
				all, err = ParseConstants(string(src))
			}
			if err != nil {
				return fmt.Errorf("bfcl: %s: %w", p, err)
			}
			all.Items(func(k, v pyval.Value) bool {
				if _, have := d.Get(k); !have {
					d.Set(k, v)
				}
				return true
			})
			break
		}
	}
	if d.Len() == 0 {
		return fmt.Errorf("bfcl: long-context constants: neither %s nor %s found in %s (see the bfcl suite's package doc for how to get them)", ConstantsFile, LongContextSource, dir)
	}
	constMu.Lock()
	constants = d
	clear(constJSON)
	constMu.Unlock()
	return nil
}

// WatchListConstant names the constant UseData may read from
// LongContextSource.
const WatchListConstant = "WATCH_LIST_EXTENSION"

// ParseConstants reads the NAME = <literal> assignments of a Python
// source file of constants (the reference's long_context.py): each starts
// a line and runs to the next one.
func ParseConstants(src string) (*pyval.Dict, error) {
	out := pyval.NewDict()
	lines := strings.Split(src, "\n")
	name, start := "", 0
	flush := func(end int) error {
		if name == "" {
			return nil
		}
		v, err := ParseLiteral(strings.Join(lines[start:end], "\n"))
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out.Set(name, v)
		return nil
	}
	for i, line := range lines {
		n, ok := assignment(line)
		if !ok {
			continue
		}
		if err := flush(i); err != nil {
			return nil, err
		}
		_, rest, _ := strings.Cut(line, "=")
		name, start = n, i
		lines[i] = rest
	}
	if err := flush(len(lines)); err != nil {
		return nil, err
	}
	return out, nil
}

// parseConstant reads the one assignment NAME = <literal> of a Python
// source file of constants, as ParseConstants reads it (an empty dict
// when the file has none).
func parseConstant(src, name string) (*pyval.Dict, error) {
	lines := strings.Split(src, "\n")
	start := -1
	for i, line := range lines {
		n, ok := assignment(line)
		if !ok {
			continue
		}
		if start >= 0 {
			return ParseConstants(strings.Join(lines[start:i], "\n"))
		}
		if n == name {
			start = i
		}
	}
	if start < 0 {
		return pyval.NewDict(), nil
	}
	return ParseConstants(strings.Join(lines[start:], "\n"))
}

// assignment reports whether a line starts an assignment NAME = ..., and
// the name.
func assignment(line string) (string, bool) {
	n, rest, ok := strings.Cut(line, "=")
	n = strings.TrimRight(n, " ")
	if !ok || n == "" || n[0] < 'A' || n[0] > 'Z' || strings.HasPrefix(rest, "=") ||
		strings.TrimLeft(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != "" {
		return "", false
	}
	return n, true
}

// SetConstant sets a long-context constant that later UseData calls do
// not replace, for tests and for callers that obtain a constant elsewhere.
func SetConstant(name string, v pyval.Value) {
	constMu.Lock()
	defer constMu.Unlock()
	pinned.Set(name, v)
	delete(constJSON, name)
}

// constJSON holds ConstantJSON's renderings of the constants now loaded.
var constJSON = map[string]json.RawMessage{}

// ConstantJSON returns json.dumps of a long-context constant (Python's
// defaults, as the executor renders results), made once per loaded data
// folder and shared: a class that puts a constant, unchanged, into its
// dict results can put this instead, and the executor writes it as is.
// Callers must not change it.
func ConstantJSON(name string) (json.RawMessage, error) {
	constMu.RLock()
	b, ok := constJSON[name]
	constMu.RUnlock()
	if ok {
		return b, nil
	}
	v, err := Constant(name)
	if err != nil {
		return nil, err
	}
	s, err := pyval.JSONDumps(v)
	if err != nil {
		return nil, fmt.Errorf("bfcl: constant %s: %w", name, err)
	}
	b = json.RawMessage(s)
	constMu.Lock()
	constJSON[name] = b
	constMu.Unlock()
	return b, nil
}

// Constant returns a deep copy of a long-context constant by its name in
// the reference (FILES_TAIL_USED, TRANSACTION_HISTORY_EXTENSION, ...).
func Constant(name string) (pyval.Value, error) {
	constMu.RLock()
	d := constants
	pin, isPinned := pinned.Get(name)
	constMu.RUnlock()
	if isPinned {
		return pyval.DeepCopy(pin), nil
	}
	if d == nil {
		return nil, fmt.Errorf("bfcl: long-context data not loaded: call bfcl.UseData with the BFCL data folder (toolgym's --data)")
	}
	v, ok := d.Get(name)
	if !ok {
		return nil, fmt.Errorf("bfcl: no long-context constant %q in the data folder: put the reference's %s there (from bfcl_eval/eval_checker/multi_turn_eval/func_source_code/)", name, LongContextSource)
	}
	return pyval.DeepCopy(v), nil
}
