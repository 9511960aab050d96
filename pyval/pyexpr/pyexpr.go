package pyexpr

import (
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

// Alphabet is the characters Eval accepts: those the reference
// benchmarks' calculate tools allow.
const Alphabet = "0123456789+-*/(). "

// A Dialect is the CPython version whose parser, limits and messages Eval
// follows. The versions differ only at the edges: the parser stack's
// MemoryError (its message, and a rule or two that count towards its
// depth) and the compiler's recursion limit.
type Dialect struct {
	// Minor is CPython's minor version: 11 or 12.
	Minor int
	// MaxDepth is the deepest expression tree the compiler accepts; a
	// deeper one raises RecursionError. CPython 3.12 derives it from a
	// fixed C recursion budget (2996 for 3.12.1); 3.11 from the Python
	// call depth at which eval runs, three levels per frame of the
	// recursion limit of 1000.
	MaxDepth int
}

// Python312 is CPython 3.12.1.
var Python312 = Dialect{Minor: 12, MaxDepth: 2996}

// Python311 is CPython 3.11.7, with eval called from a function called
// at a module's top level.
var Python311 = Dialect{Minor: 11, MaxDepth: 2991}

// Eval evaluates src as Python312.Eval does.
func Eval(src string) (Value, error) { return Python312.Eval(src) }

// Eval evaluates src as eval(src, {"__builtins__": None}, {}) does in the
// dialect's CPython, for a src of Alphabet characters: it tokenizes and
// parses src as CPython's tokenizer and PEG parser do, checks the depth
// of the tree as the compiler does, and computes with Python's number
// semantics. Errors are *pyval.Exception values with CPython's texts:
// SyntaxError ("invalid syntax (<string>, line 1)" and the specialised
// messages), MemoryError (the parser's stack), RecursionError (the
// compiler's), ZeroDivisionError, OverflowError, TypeError and
// ValueError.
//
// One deliberate difference: an int result of more than 2**22 bits fails
// at once with OverflowError("int too large to convert to float"), where
// Python would spend seconds to hours computing it and then, almost
// always, fail the same way converting it to float. A character outside
// Alphabet gives ValueError("unsupported character ...").
func (d Dialect) Eval(src string) (v Value, err error) {
	for i := 0; i < len(src); i++ {
		if !strings.ContainsRune(Alphabet, rune(src[i])) || src[i] >= 0x80 {
			return Value{}, pyval.ValueError("unsupported character " + pyval.Repr(string([]rune(src[i:])[0:1])))
		}
	}
	// eval strips leading spaces and tabs.
	src = strings.TrimLeft(src, " ")
	if src == "" {
		return Value{}, syntaxError("invalid syntax", 0)
	}
	root, exc := parse(grammarFor(d.Minor), src)
	if exc != nil {
		return Value{}, exc
	}
	if root.depth() > d.MaxDepth {
		return Value{}, pyval.Exc("RecursionError", "maximum recursion depth exceeded during compilation")
	}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*pyval.Exception)
			if !ok {
				panic(r)
			}
			v, err = Value{}, e
		}
	}()
	return root.eval(), nil
}
