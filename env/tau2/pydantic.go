package tau2

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/toolgym/toolgym/pyval"
)

// PydanticVersion is the pydantic minor version the reference pins
// (uv.lock: pydantic 2.12.4); it appears in validation error texts.
const PydanticVersion = "2.12"

// TypeKind is the kind of a field type.
type TypeKind int

// The field type kinds the reference's models use.
const (
	KindAny      TypeKind = iota // typing.Any: taken as is
	KindStr                      // str
	KindInt                      // int
	KindFloat                    // float
	KindBool                     // bool
	KindLiteral                  // Literal["a", "b"] (string literals)
	KindList                     // List[Elem]
	KindDict                     // Dict[Key, Elem] (Key is str or a Literal)
	KindOptional                 // Optional[Elem]
	KindModel                    // a BaseModel subclass
	KindUnion                    // Union[...] in pydantic's smart mode
	KindRawDict                  // plain dict (the "| dict" of tool parameters)
)

// Type is a pydantic field type, enough of pydantic's type system for the
// tau2 domains' models and tool signatures.
type Type struct {
	Kind  TypeKind
	Elem  *Type    // List and Dict values, Optional's inner type
	Key   *Type    // Dict keys (nil: str)
	Lits  []string // Literal values
	Model *Model   // Model
	Union []*Type  // Union members, in declaration order
}

// Type constructors.
var (
	Any     = &Type{Kind: KindAny}
	Str     = &Type{Kind: KindStr}
	Int     = &Type{Kind: KindInt}
	Float   = &Type{Kind: KindFloat}
	Bool    = &Type{Kind: KindBool}
	RawDict = &Type{Kind: KindRawDict}
)

// Literal returns Literal[lits...].
func Literal(lits ...string) *Type { return &Type{Kind: KindLiteral, Lits: lits} }

// List returns List[elem].
func List(elem *Type) *Type { return &Type{Kind: KindList, Elem: elem} }

// Dict returns Dict[key, elem]; a nil key means str.
func Dict(key, elem *Type) *Type { return &Type{Kind: KindDict, Key: key, Elem: elem} }

// Optional returns Optional[elem].
func Optional(elem *Type) *Type { return &Type{Kind: KindOptional, Elem: elem} }

// ModelType returns the type of fields holding an m.
func ModelType(m *Model) *Type { return &Type{Kind: KindModel, Model: m} }

// Union returns Union[members...].
func Union(members ...*Type) *Type { return &Type{Kind: KindUnion, Union: members} }

// Model is a pydantic model class: its fields in declaration order
// (inherited fields first, a redeclared field keeping its first place).
type Model struct {
	Name string
	// Doc is the class docstring (the JSON schema's description), or "".
	Doc    string
	Fields []Field
	// Forbid is extra="forbid" (the reference's BaseModelNoExtra);
	// otherwise extra keys are ignored and dropped, pydantic's default.
	Forbid bool
}

// Field is one model field.
type Field struct {
	Name string
	Type *Type
	// Desc is Field(description=...).
	Desc       string
	Default    pyval.Value
	HasDefault bool
}

// F returns a required field.
func F(name string, t *Type, desc string) Field { return Field{Name: name, Type: t, Desc: desc} }

// FD returns a field with a default.
func FD(name string, t *Type, desc string, def pyval.Value) Field {
	return Field{Name: name, Type: t, Desc: desc, Default: def, HasDefault: true}
}

// Field returns the named field, or nil.
func (m *Model) Field(name string) *Field {
	for i := range m.Fields {
		if m.Fields[i].Name == name {
			return &m.Fields[i]
		}
	}
	return nil
}

// ErrorLine is one error of a validation: where, what, and the input.
type ErrorLine struct {
	Loc   []pyval.Value // str and int parts
	Type  string        // pydantic's error type ("missing", "string_type", ...)
	Msg   string
	Input pyval.Value
}

// ValidationError is pydantic's ValidationError; Error returns its str().
type ValidationError struct {
	Title  string
	Errors []ErrorLine
}

// Error returns what str(ValidationError) prints.
func (e *ValidationError) Error() string {
	var b strings.Builder
	n := len(e.Errors)
	b.WriteString(strconv.Itoa(n))
	if n == 1 {
		b.WriteString(" validation error for ")
	} else {
		b.WriteString(" validation errors for ")
	}
	b.WriteString(e.Title)
	for _, l := range e.Errors {
		b.WriteByte('\n')
		for i, p := range l.Loc {
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(pyval.Str(p))
		}
		b.WriteString("\n  ")
		b.WriteString(l.Msg)
		b.WriteString(" [type=")
		b.WriteString(l.Type)
		b.WriteString(", input_value=")
		b.WriteString(truncateRepr(pyval.Repr(l.Input)))
		b.WriteString(", input_type=")
		b.WriteString(pyval.TypeName(l.Input))
		b.WriteString("]\n    For further information visit https://errors.pydantic.dev/")
		b.WriteString(PydanticVersion)
		b.WriteString("/v/")
		b.WriteString(l.Type)
	}
	return b.String()
}

// Exception returns the error as the Python exception a caller sees.
func (e *ValidationError) Exception() *pyval.Exception {
	return pyval.Exc("ValidationError", e.Error())
}

// truncateRepr shortens a repr as pydantic-core does: past 50 characters,
// the first 25 and the last 24 around "...".
func truncateRepr(s string) string {
	if utf8.RuneCountInString(s) <= 50 {
		return s
	}
	r := []rune(s)
	return string(r[:25]) + "..." + string(r[len(r)-24:])
}

// Validate validates input as m (Model(**input) or m.model_validate) and
// returns its model_dump(): a dict of the fields in declaration order,
// coerced as pydantic's lax mode does. The error is a *pyval.Exception
// ValidationError.
func (m *Model) Validate(input pyval.Value) (*pyval.Dict, error) {
	v := &validator{}
	out := v.model(m, input, nil)
	if len(v.errs) > 0 {
		return nil, (&ValidationError{Title: m.Name, Errors: v.errs}).Exception()
	}
	return out.(*pyval.Dict), nil
}

// New builds an m from keyword arguments (name, value, name, value...),
// as calling the model class does, and returns its model_dump().
func (m *Model) New(kv ...pyval.Value) (*pyval.Dict, error) {
	return m.Validate(pyval.DictOf(kv...))
}

// Validate validates input as t, returning the dumped value.
func (t *Type) Validate(title string, input pyval.Value) (pyval.Value, error) {
	v := &validator{}
	out := v.typ(t, input, nil)
	if len(v.errs) > 0 {
		return nil, (&ValidationError{Title: title, Errors: v.errs}).Exception()
	}
	return out, nil
}

type validator struct {
	errs []ErrorLine
}

func (v *validator) fail(loc []pyval.Value, typ, msg string, input pyval.Value) pyval.Value {
	v.errs = append(v.errs, ErrorLine{Loc: append([]pyval.Value(nil), loc...), Type: typ, Msg: msg, Input: input})
	return nil
}

// ExtendLoc returns an error location extended by p (a field name or a
// list index), in a fresh slice.
func ExtendLoc(loc []pyval.Value, p pyval.Value) []pyval.Value {
	out := make([]pyval.Value, len(loc)+1)
	copy(out, loc)
	out[len(loc)] = p
	return out
}

func (v *validator) model(m *Model, input pyval.Value, loc []pyval.Value) pyval.Value {
	d, ok := input.(*pyval.Dict)
	if !ok {
		return v.fail(loc, "model_type", "Input should be a valid dictionary or instance of "+m.Name, input)
	}
	out := pyval.NewDict()
	for i := range m.Fields {
		f := &m.Fields[i]
		x, ok := d.Get(f.Name)
		if !ok {
			if f.HasDefault {
				out.Set(f.Name, pyval.DeepCopy(f.Default))
				continue
			}
			v.fail(ExtendLoc(loc, f.Name), "missing", "Field required", d)
			continue
		}
		out.Set(f.Name, v.typ(f.Type, x, ExtendLoc(loc, f.Name)))
	}
	if m.Forbid {
		d.Items(func(k, x pyval.Value) bool {
			if s, ok := k.(string); !ok || m.Field(s) == nil {
				v.fail(ExtendLoc(loc, k), "extra_forbidden", "Extra inputs are not permitted", x)
			}
			return true
		})
	}
	return out
}

func (v *validator) typ(t *Type, x pyval.Value, loc []pyval.Value) pyval.Value {
	switch t.Kind {
	case KindAny:
		return x
	case KindStr:
		if s, ok := x.(string); ok {
			return s
		}
		return v.fail(loc, "string_type", "Input should be a valid string", x)
	case KindInt:
		return v.intValue(x, loc)
	case KindFloat:
		return v.floatValue(x, loc)
	case KindBool:
		return v.boolValue(x, loc)
	case KindLiteral:
		if s, ok := x.(string); ok {
			for _, l := range t.Lits {
				if s == l {
					return s
				}
			}
		}
		return v.fail(loc, "literal_error", "Input should be "+OrList(t.Lits), x)
	case KindList:
		var items []pyval.Value
		switch xs := x.(type) {
		case []pyval.Value:
			items = xs
		case pyval.Tuple:
			items = xs
		default:
			return v.fail(loc, "list_type", "Input should be a valid list", x)
		}
		out := make([]pyval.Value, len(items))
		for i, e := range items {
			out[i] = v.typ(t.Elem, e, ExtendLoc(loc, int64(i)))
		}
		return out
	case KindDict:
		d, ok := x.(*pyval.Dict)
		if !ok {
			return v.fail(loc, "dict_type", "Input should be a valid dictionary", x)
		}
		out := pyval.NewDict()
		key := t.Key
		if key == nil {
			key = Str
		}
		d.Items(func(k, e pyval.Value) bool {
			kk := v.typ(key, k, ExtendLoc(ExtendLoc(loc, k), "[key]"))
			ev := v.typ(t.Elem, e, ExtendLoc(loc, k))
			if kk != nil {
				out.Set(kk, ev)
			}
			return true
		})
		return out
	case KindOptional:
		if x == nil {
			return nil
		}
		return v.typ(t.Elem, x, loc)
	case KindModel:
		return v.model(t.Model, x, loc)
	case KindRawDict:
		if _, ok := x.(*pyval.Dict); ok {
			return x
		}
		return v.fail(loc, "dict_type", "Input should be a valid dictionary", x)
	case KindUnion:
		var all []ErrorLine
		for _, m := range t.Union {
			sub := &validator{}
			out := sub.typ(m, x, ExtendLoc(loc, m.tag()))
			if len(sub.errs) == 0 {
				return out
			}
			all = append(all, sub.errs...)
		}
		v.errs = append(v.errs, all...)
		return nil
	}
	return x
}

// tag is the name pydantic gives a union member in error locations.
func (t *Type) tag() string {
	switch t.Kind {
	case KindModel:
		return t.Model.Name
	case KindStr:
		return "str"
	case KindInt:
		return "int"
	case KindFloat:
		return "float"
	case KindBool:
		return "bool"
	case KindRawDict:
		return "dict[any,any]"
	case KindLiteral:
		parts := make([]string, len(t.Lits))
		for i, l := range t.Lits {
			parts[i] = pyval.Repr(l)
		}
		return "literal[" + strings.Join(parts, ",") + "]"
	}
	return "any"
}

// OrList writes the expected values of a literal or enum as pydantic's
// error messages do: 'a', 'b' or 'c'.
func OrList(lits []string) string {
	parts := make([]string, len(lits))
	for i, l := range lits {
		parts[i] = pyval.Repr(l)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

var (
	minInt64 = new(big.Int).SetInt64(math.MinInt64)
	maxInt64 = new(big.Int).SetInt64(math.MaxInt64)
)

func (v *validator) intValue(x pyval.Value, loc []pyval.Value) pyval.Value {
	switch n := x.(type) {
	case bool:
		if n {
			return int64(1)
		}
		return int64(0)
	case int64, *big.Int:
		return n
	case int:
		return int64(n)
	case float64:
		switch {
		case math.IsNaN(n) || math.IsInf(n, 0):
			return v.fail(loc, "finite_number", "Input should be a finite number", x)
		case n != math.Trunc(n):
			return v.fail(loc, "int_from_float", "Input should be a valid integer, got a number with a fractional part", x)
		case n >= 9.223372036854775807e18 || n < -9.223372036854775808e18:
			return v.fail(loc, "int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size", x)
		}
		return int64(n)
	case string:
		if i, ok := LaxInt(n); ok {
			return i
		}
		return v.fail(loc, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", x)
	}
	return v.fail(loc, "int_type", "Input should be a valid integer", x)
}

func (v *validator) floatValue(x pyval.Value, loc []pyval.Value) pyval.Value {
	switch n := x.(type) {
	case float64:
		return n
	case bool:
		if n {
			return 1.0
		}
		return 0.0
	case int64:
		return float64(n)
	case int:
		return float64(n)
	case string:
		if f, ok := LaxFloat(n); ok {
			return f
		}
		return v.fail(loc, "float_parsing", "Input should be a valid number, unable to parse string as a number", x)
	}
	return v.fail(loc, "float_type", "Input should be a valid number", x)
}

func (v *validator) boolValue(x pyval.Value, loc []pyval.Value) pyval.Value {
	switch n := x.(type) {
	case bool:
		return n
	case int64:
		if n == 0 || n == 1 {
			return n == 1
		}
	case float64:
		if n == 0 || n == 1 {
			return n == 1
		}
	case string:
		if b, ok := LaxBool(n); ok {
			return b
		}
		return v.fail(loc, "bool_parsing", "Input should be a valid boolean, unable to interpret input", x)
	default:
		return v.fail(loc, "bool_type", "Input should be a valid boolean", x)
	}
	return v.fail(loc, "bool_parsing", "Input should be a valid boolean, unable to interpret input", x)
}
