package bfcl

import (
	"fmt"
	"os"
	"path/filepath"
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

// UseData loads the long-context constants from a BFCL data folder (the
// one given to --data). It must be called before loading a class in its
// long-context variant.
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
	constMu.Lock()
	constants = d
	constMu.Unlock()
	return nil
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
