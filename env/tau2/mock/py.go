package mock

import (
	"github.com/toolgym/toolgym/env/tau2"
	"github.com/toolgym/toolgym/pyval"
)

// This file holds the domain's model of pydantic validation: the errors
// one validation collects, rendered as tau2.ValidationError, and the
// checks of the models' str and Literal fields. The shared Python texts
// (to_json_str, AttributeError, TypeError) are env/tau2's.

// validation collects the errors of one model validation.
type validation struct {
	model string
	errs  []tau2.ErrorLine
}

func (v *validation) add(loc []pyval.Value, typ, msg string, input pyval.Value) {
	v.errs = append(v.errs, tau2.ErrorLine{Loc: append([]pyval.Value(nil), loc...), Type: typ, Msg: msg, Input: input})
}

// err returns the ValidationError, or nil when there were no errors.
func (v *validation) err() error {
	if len(v.errs) == 0 {
		return nil
	}
	return (&tau2.ValidationError{Title: v.model, Errors: v.errs}).Exception()
}

// str validates a str field (lax mode takes only str from JSON values).
func (v *validation) str(loc []pyval.Value, x pyval.Value) {
	if _, ok := x.(string); !ok {
		v.add(loc, "string_type", "Input should be a valid string", x)
	}
}

// optStr validates an Optional[str] field.
func (v *validation) optStr(loc []pyval.Value, x pyval.Value) {
	if x != nil {
		v.str(loc, x)
	}
}

// literal validates a Literal of strings.
func (v *validation) literal(loc []pyval.Value, x pyval.Value, allowed ...string) {
	if s, ok := x.(string); ok {
		for _, a := range allowed {
			if s == a {
				return
			}
		}
	}
	v.add(loc, "literal_error", "Input should be "+tau2.OrList(allowed), x)
}
