package pyval

import "errors"

// Exception is a Python exception with a single argument, such as
// KeyError('abc') or ValueError('bad value'). Its Error method returns
// str(exception), which is what BFCL shows a model after "Error during
// execution: ".
type Exception struct {
	// Type is the exception class name: "ValueError", "KeyError", ...
	Type string
	// Value is the exception's single argument (usually a message string;
	// the missing key for KeyError).
	Value Value
}

// Error returns str(exception): for KeyError the repr of its argument (so
// KeyError('abc') prints 'abc' with quotes), for other types str of the
// argument.
func (e *Exception) Error() string {
	if e.Type == "KeyError" {
		return Repr(e.Value)
	}
	return Str(e.Value)
}

// PyRepr returns repr(exception), such as "KeyError('abc')", so that an
// exception stored in a Value prints as Python prints it.
func (e *Exception) PyRepr() string { return e.Type + "(" + Repr(e.Value) + ")" }

// PyStr returns str(exception); see Error.
func (e *Exception) PyStr() string { return e.Error() }

// PyType returns the exception's class name.
func (e *Exception) PyType() string { return e.Type }

// Is reports whether target is an *Exception of the same Type with a nil
// Value, so that errors.Is(err, &Exception{Type: "KeyError"}) matches any
// KeyError; a target with a Value must also have an Equal value.
func (e *Exception) Is(target error) bool {
	t, ok := target.(*Exception)
	if !ok || t.Type != e.Type {
		return false
	}
	return t.Value == nil || Equal(t.Value, e.Value)
}

// Exc returns an exception of the named type with message msg.
func Exc(typeName, msg string) *Exception { return &Exception{Type: typeName, Value: msg} }

// ValueError returns ValueError(msg).
func ValueError(msg string) *Exception { return Exc("ValueError", msg) }

// TypeError returns TypeError(msg).
func TypeError(msg string) *Exception { return Exc("TypeError", msg) }

// KeyError returns KeyError(key); its Error() is repr(key).
func KeyError(key Value) *Exception { return &Exception{Type: "KeyError", Value: key} }

// IndexError returns IndexError(msg).
func IndexError(msg string) *Exception { return Exc("IndexError", msg) }

// ZeroDivisionError returns ZeroDivisionError(msg).
func ZeroDivisionError(msg string) *Exception { return Exc("ZeroDivisionError", msg) }

// IsExc reports whether err is or wraps an *Exception of type typeName.
func IsExc(err error, typeName string) bool {
	var e *Exception
	return errors.As(err, &e) && e.Type == typeName
}
