package taubench

import (
	"strings"

	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/pyval/pyexpr"
)

// calcChars are the characters the calculate tool accepts.
const calcChars = pyexpr.Alphabet

// calcDialect is CPython 3.11 as tau-bench runs eval: about ten Python
// frames deep (worker thread, _run, agent.solve, Env.step, invoke), which
// leaves the compiler 2973 levels of expression tree.
var calcDialect = pyexpr.Dialect{Minor: 11, MaxDepth: 2973}

// Calculate returns what tau-bench's calculate tool returns for a str
// expression: str(round(float(eval(expression)), 2)) for an arithmetic
// expression, "Error: invalid characters in expression" when it holds
// anything but digits, + - * / ( ) . and spaces, and "Error: " + str(e)
// for the exception Python raises (SyntaxError, MemoryError,
// RecursionError, ZeroDivisionError, OverflowError, TypeError,
// ValueError). The expression is evaluated by pyexpr (CPython 3.11's
// tokenizer, parser and arithmetic), never executed.
func Calculate(expression string) string {
	for _, r := range expression {
		if !strings.ContainsRune(calcChars, r) {
			return "Error: invalid characters in expression"
		}
	}
	v, err := calcDialect.Eval(expression)
	if err != nil {
		return "Error: " + err.Error()
	}
	f, err := v.Float()
	if err != nil {
		return "Error: " + err.Error()
	}
	return pyval.Str(pyval.Round(f, 2))
}
