package pyexpr

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/toolgym/toolgym/pyval"
)

type vkind uint8

const (
	kInt vkind = iota
	kFloat
	kComplex
	kTuple
	kEllipsis
)

// Value is the value of an expression: an int, a float, a complex, the
// empty tuple or Ellipsis (nothing else can be written in the alphabet).
// The zero Value is the int 0.
type Value struct {
	kind vkind
	i    *big.Int // kInt (nil: 0)
	f    float64  // kFloat; the real part of kComplex
	im   float64  // kComplex
}

func intVal(b *big.Int) Value  { return Value{kind: kInt, i: b} }
func floatVal(f float64) Value { return Value{kind: kFloat, f: f} }
func complexVal(re, im float64) Value {
	return Value{kind: kComplex, f: re, im: im}
}

// Type returns the value's Python type name: "int", "float", "complex",
// "tuple" or "ellipsis".
func (v Value) Type() string {
	switch v.kind {
	case kInt:
		return "int"
	case kFloat:
		return "float"
	case kComplex:
		return "complex"
	case kTuple:
		return "tuple"
	}
	return "ellipsis"
}

func (v Value) typeName() string { return v.Type() }

func (v Value) isNumber() bool { return v.kind <= kComplex }

func (v Value) bigInt() *big.Int {
	if v.i == nil {
		return new(big.Int)
	}
	return v.i
}

// Float returns float(v): the value of an int (OverflowError "int too
// large to convert to float" past the float range) or a float, or
// Python's TypeError for the other types.
func (v Value) Float() (f float64, err error) {
	switch v.kind {
	case kFloat:
		return v.f, nil
	case kInt:
		defer func() {
			if r := recover(); r != nil {
				e, ok := r.(*pyval.Exception)
				if !ok {
					panic(r)
				}
				err = e
			}
		}()
		return Value{kind: kInt, i: v.bigInt()}.float(), nil
	}
	return 0, pyval.TypeError("float() argument must be a string or a real number, not '" + v.Type() + "'")
}

// String returns repr(v), as Python prints it (an int in full, without
// Python's limit on the digits of int to str conversion).
func (v Value) String() string {
	switch v.kind {
	case kInt:
		return v.bigInt().String()
	case kFloat:
		return pyval.Repr(v.f)
	case kComplex:
		return complexRepr(v.f, v.im)
	case kTuple:
		return "()"
	}
	return "Ellipsis"
}

// numberValue converts a NUMBER token as the parser's action does; msg
// is the SyntaxError for an int literal of more than 4300 digits.
func numberValue(text string) (v Value, msg string) {
	if strings.ContainsRune(text, '.') {
		// A literal past the float range is inf, as in Python.
		f, _ := strconv.ParseFloat(text, 64)
		return floatVal(f), ""
	}
	if text[0] != '0' && len(text) > maxIntDigits {
		return Value{}, "Exceeds the limit (4300 digits) for integer string conversion: value has " + strconv.Itoa(len(text)) + " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
	}
	b, _ := new(big.Int).SetString(text, 10)
	return intVal(b), ""
}
