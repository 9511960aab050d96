// Package pyexpr evaluates Python arithmetic expressions as CPython 3.12's
// eval does, for the reference benchmarks' calculate tools; it parses and
// computes, never executes code.
//
// The expressions are those of the calculate tools' alphabet, digits and
// "+-*/(). " (numbers, + - * / // **, parentheses, calls, the empty
// tuple and Ellipsis). Eval follows CPython step for step where the
// model can see it: the tokenizer, the two passes of the PEG parser with
// their error messages and stack limit, the compiler's recursion limit,
// and the arithmetic of int, float and complex, so that a tool built on
// it answers as the reference does, errors included. Dialect selects
// CPython 3.11's variant for the benchmarks that run on it.
package pyexpr
