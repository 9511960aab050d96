package bfcl

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl/pyval"
)

// ConstantsFile is the file, in a BFCL data folder, holding the constants
// the long-context variants of the classes add to their state (extra
// files, transactions, cities...).
const ConstantsFile = "long_context_constants.json"

var (
	constMu   sync.RWMutex
	constants *pyval.Dict
)

// LongContextSource is the reference's Python file of long-context
// constants. One of them, WATCH_LIST_EXTENSION, ends with Python's Ellipsis
// and so is missing from the JSON constants file; UseData reads it from
// this file when the data folder holds a copy (see the bfcl suite's
// package doc for how to fetch it).
const LongContextSource = "long_context.py"

// UseData loads the long-context constants from a BFCL data folder (the
// one given to --data): ConstantsFile, and WATCH_LIST_EXTENSION from
// LongContextSource when the folder has it. It must be called before
// loading a class in its long-context variant.
func UseData(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, ConstantsFile))
	if err != nil {
		return fmt.Errorf("bfcl: long-context constants: %w (the BFCL data folder must hold %s)", err, ConstantsFile)
	}
	v, err := pyval.FromJSON(b)
	if err != nil {
		return fmt.Errorf("bfcl: %s: %w", ConstantsFile, err)
	}
	d, ok := v.(*pyval.Dict)
	if !ok {
		return fmt.Errorf("bfcl: %s is not a JSON object", ConstantsFile)
	}
	if _, ok := d.Get(WatchListConstant); !ok {
		if src, err := os.ReadFile(filepath.Join(dir, LongContextSource)); err == nil {
			v, err := constantFromSource(string(src), WatchListConstant)
			if err != nil {
				return fmt.Errorf("bfcl: %s: %w", LongContextSource, err)
			}
			d.Set(WatchListConstant, v)
		}
	}
	constMu.Lock()
	constants = d
	constMu.Unlock()
	return nil
}

// WatchListConstant names the constant UseData may read from
// LongContextSource.
const WatchListConstant = "WATCH_LIST_EXTENSION"

// constantFromSource reads NAME = <literal> written on one line of a
// Python source file.
func constantFromSource(src, name string) (pyval.Value, error) {
	for _, line := range strings.Split(src, "\n") {
		rest, ok := strings.CutPrefix(line, name)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if lit, ok := strings.CutPrefix(rest, "="); ok {
			return ParseLiteral(strings.TrimSpace(lit))
		}
	}
	return nil, fmt.Errorf("no line %s = ...", name)
}

// SetConstant sets a long-context constant, for tests and for callers
// that obtain a constant elsewhere.
func SetConstant(name string, v pyval.Value) {
	constMu.Lock()
	defer constMu.Unlock()
	if constants == nil {
		constants = pyval.NewDict()
	}
	constants.Set(name, v)
}

// Constant returns a deep copy of a long-context constant by its name in
// the reference (FILES_TAIL_USED, TRANSACTION_HISTORY_EXTENSION, ...).
func Constant(name string) (pyval.Value, error) {
	constMu.RLock()
	d := constants
	constMu.RUnlock()
	if d == nil {
		return nil, fmt.Errorf("bfcl: long-context data not loaded: call bfcl.UseData with the BFCL data folder (toolgym's --data)")
	}
	v, ok := d.Get(name)
	if !ok {
		return nil, fmt.Errorf("bfcl: no long-context constant %q in %s", name, ConstantsFile)
	}
	return pyval.DeepCopy(v), nil
}
