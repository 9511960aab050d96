package tau2

import (
	"strings"

	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/pyval/pyexpr"
)

// calcChars are the characters the reference's calculate tool allows.
const calcChars = pyexpr.Alphabet

// Calculate is the reference's calculate tool (GenericToolKit.calculate,
// repeated in the retail and airline toolkits):
//
//	if not all(char in "0123456789+-*/(). " for char in expression):
//	    raise ValueError("Invalid characters in expression")
//	return str(round(float(eval(expression, {"__builtins__": None}, {})), 2))
//
// The character check runs as Python runs it on any value (iterating a
// list's items, a dict's keys, failing for a number); eval refuses what is
// not a str; the expression is evaluated by pyexpr.Eval (CPython 3.12's
// tokenizer, parser and arithmetic, never executing anything). Errors are
// the exceptions Python raises, with CPython 3.12's texts, but for
// pyexpr's documented bound on int sizes.
func Calculate(expression pyval.Value) (string, error) {
	items, err := Iter(expression)
	if err != nil {
		return "", err
	}
	for _, it := range items {
		s, ok := it.(string)
		if !ok {
			return "", pyval.TypeError("'in <string>' requires string as left operand, not " + pyval.TypeName(it))
		}
		if !strings.Contains(calcChars, s) {
			return "", pyval.ValueError("Invalid characters in expression")
		}
	}
	src, ok := expression.(string)
	if !ok {
		return "", pyval.TypeError("eval() arg 1 must be a string, bytes or code object")
	}
	v, err := pyexpr.Eval(src)
	if err != nil {
		return "", err
	}
	f, err := v.Float()
	if err != nil {
		return "", err
	}
	return pyval.Repr(pyval.Round(f, 2)), nil
}
