package tau2

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

// calcCases hold CPython 3.12's results for the reference's calculate
// (str(round(float(eval(expression)), 2)), or "Error: " + str(exception)),
// checked by running that code.
var calcCases = []struct{ expr, want string }{
	{"2 + 2", "4.0"},
	{"(100 - 20) / 3", "26.67"},
	{"49.99 * 3", "149.97"},
	{"0.1 + 0.2", "0.3"},
	{"1.005 * 100", "100.5"},
	{"10 / 4", "2.5"},
	{"7 // 2", "3.0"},
	{"-7 // 2", "-4.0"},
	{"-7.5 // 2", "-4.0"},
	{"2 ** 10", "1024.0"},
	{"2 ** 0.5", "1.41"},
	{"2 ** -1", "0.5"},
	{"-2 ** 2", "-4.0"},
	{"2 ** 3 ** 2", "512.0"},
	{"1 / 3", "0.33"},
	{"123456789012345678901234567890 / 7", "1.763668414462081e+28"},
	{"10 ** 20 / 3", "3.333333333333333e+19"},
	{"-(0.0)", "-0.0"},
	{"00.5", "0.5"},
	{"5.", "5.0"},
	{".5", "0.5"},
	{" 1+1", "2.0"},
	{"", "Error: invalid syntax (<string>, line 0)"},
	{"1 +", "Error: invalid syntax (<string>, line 1)"},
	{"(1", "Error: '(' was never closed (<string>, line 1)"},
	{"1)", "Error: unmatched ')' (<string>, line 1)"},
	{"(1 2)", "Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)"},
	{"1 2", "Error: invalid syntax (<string>, line 1)"},
	{"01", "Error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)"},
	{"1 + 01", "Error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)"},
	{"(*1)", "Error: cannot use starred expression here (<string>, line 1)"},
	{"(**1)", "Error: cannot use double starred expression here (<string>, line 1)"},
	{"1..2", "Error: invalid syntax (<string>, line 1)"},
	{"1 .5", "Error: invalid syntax (<string>, line 1)"},
	{"(1) 2", "Error: invalid syntax (<string>, line 1)"},
	{"1 2 )", "Error: unmatched ')' (<string>, line 1)"},
	{"(1 2)+(", "Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)"},
	{"1/0", "Error: division by zero"},
	{"1.0/0", "Error: float division by zero"},
	{"1//0", "Error: integer division or modulo by zero"},
	{"1.0//0", "Error: float floor division by zero"},
	{"0**-1", "Error: 0.0 cannot be raised to a negative power"},
	{"10**400", "Error: int too large to convert to float"},
	{"10.0**400", "Error: (34, 'Numerical result out of range')"},
	{"2**1024/2**1000", "16777216.0"},
	{"2**2000/3", "Error: integer division result too large for a float"},
	{"()", "Error: float() argument must be a string or a real number, not 'tuple'"},
	{"...", "Error: float() argument must be a string or a real number, not 'ellipsis'"},
	{"(-8)**0.5", "Error: float() argument must be a string or a real number, not 'complex'"},
	{"2(3)", "Error: 'int' object is not callable"},
	{"2(*3)", "Error: 2 argument after * must be an iterable, not int"},
	{"2(**3)", "Error: 2 argument after ** must be a mapping, not int"},
	{"-()", "Error: bad operand type for unary -: 'tuple'"},
	{"()*2", "Error: float() argument must be a string or a real number, not 'tuple'"},
	{"() - ()", "Error: unsupported operand type(s) for -: 'tuple' and 'tuple'"},
	{"1*...", "Error: unsupported operand type(s) for *: 'int' and 'ellipsis'"},
	{"2**()", "Error: unsupported operand type(s) for ** or pow(): 'int' and 'tuple'"},
	{"1e5", "Error: Invalid characters in expression"},
	{"2 x 3", "Error: Invalid characters in expression"},
	{"$5", "Error: Invalid characters in expression"},
	{"1_000", "Error: Invalid characters in expression"},
	// Deeply nested errors (parsed in linear time: the parser memoizes)
	// and quotients of big ints (never reduced to lowest terms).
	{"(((((((((((((((((((((((((1+)))))))))))))))))))))))))", "Error: invalid syntax (<string>, line 1)"},
	{"-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(1+)))))))))))))))))))))))))", "Error: invalid syntax (<string>, line 1)"},
	{"1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1(1+)))))))))))))))))))))))))", "Error: invalid syntax (<string>, line 1)"},
	{"(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+(1+1+)))))))))))))))))))))))))", "Error: invalid syntax (<string>, line 1)"},
	{"(9**99999)/(7**99999)", "Error: integer division result too large for a float"},
	{"(3**2000)/(2**3000+1)", "1.4207656460842038e+51"},
}

func TestCalculate(t *testing.T) {
	for _, c := range calcCases {
		got, err := Calculate(c.expr)
		if err != nil {
			got = "Error: " + err.Error()
		}
		if got != c.want {
			t.Errorf("calculate(%q) = %q, want %q", c.expr, got, c.want)
		}
	}
}

func TestCalculateLimits(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{strings.Repeat("(", 201) + "1" + strings.Repeat(")", 201), "too many nested parentheses (<string>, line 1)"},
		{strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200), ""},
		{strings.Repeat("-", 2996) + "1", "maximum recursion depth exceeded during compilation"},
		{"1" + strings.Repeat("+1", 2995), ""},
		{strings.Repeat("-", 5975) + "1", "Parser stack overflowed - Python source too complex to parse"},
		{strings.Repeat("-", 5947) + "(1)", "Parser stack overflowed - Python source too complex to parse"},
		{strings.Repeat("1", 4301), "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits. (<string>, line 1)"},
		{"9**9**9", "int too large to convert to float"},
	} {
		_, err := Calculate(c.expr)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("calculate(%.20q...): %v", c.expr, err)
		case c.want != "" && (err == nil || err.Error() != c.want):
			t.Errorf("calculate(%.20q...) = %v, want %s", c.expr, err, c.want)
		}
	}
}

func TestCalculateArgumentTypes(t *testing.T) {
	for _, c := range []struct {
		arg  pyval.Value
		want string
	}{
		{int64(12), "'int' object is not iterable"},
		{nil, "'NoneType' object is not iterable"},
		{[]pyval.Value{"1", "+", "1"}, "eval() arg 1 must be a string, bytes or code object"},
		{[]pyval.Value{"1", "x"}, "Invalid characters in expression"},
		{[]pyval.Value{int64(1)}, "'in <string>' requires string as left operand, not int"},
		{pyval.DictOf("1", int64(1)), "eval() arg 1 must be a string, bytes or code object"},
	} {
		if _, err := Calculate(c.arg); err == nil || err.Error() != c.want {
			t.Errorf("calculate(%s) = %v, want %s", pyval.Repr(c.arg), err, c.want)
		}
	}
}

func TestValidate(t *testing.T) {
	pa := &Model{Name: "Pa", Fields: []Field{F("first_name", Str, ""), F("dob", Str, "")}}
	m := &Model{Name: "C", Forbid: true, Fields: []Field{
		F("ps", List(ModelType(pa)), ""),
		FD("d", Dict(nil, ModelType(pa)), "", pyval.NewDict()),
		FD("lit3", Literal("a", "b", "c"), "", "a"),
		FD("o", Optional(Str), "", nil),
		FD("f", Float, "", 0.0),
		FD("i", Int, "", int64(0)),
	}}
	// Checked against pydantic 2.x's str(ValidationError).
	_, err := m.Validate(pyval.DictOf(
		"ps", []pyval.Value{"x", pyval.DictOf("first_name", int64(1)), pyval.DictOf("dob", "d", "first_name", strings.Repeat("é", 60))},
		"d", pyval.DictOf("k", int64(5)), "lit3", "z", "o", int64(3), "extra", int64(1)))
	want := `7 validation errors for C
ps.0
  Input should be a valid dictionary or instance of Pa [type=model_type, input_value='x', input_type=str]
    For further information visit https://errors.pydantic.dev/2.12/v/model_type
ps.1.first_name
  Input should be a valid string [type=string_type, input_value=1, input_type=int]
    For further information visit https://errors.pydantic.dev/2.12/v/string_type
ps.1.dob
  Field required [type=missing, input_value={'first_name': 1}, input_type=dict]
    For further information visit https://errors.pydantic.dev/2.12/v/missing
d.k
  Input should be a valid dictionary or instance of Pa [type=model_type, input_value=5, input_type=int]
    For further information visit https://errors.pydantic.dev/2.12/v/model_type
lit3
  Input should be 'a', 'b' or 'c' [type=literal_error, input_value='z', input_type=str]
    For further information visit https://errors.pydantic.dev/2.12/v/literal_error
o
  Input should be a valid string [type=string_type, input_value=3, input_type=int]
    For further information visit https://errors.pydantic.dev/2.12/v/string_type
extra
  Extra inputs are not permitted [type=extra_forbidden, input_value=1, input_type=int]
    For further information visit https://errors.pydantic.dev/2.12/v/extra_forbidden`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	// Coercions of lax mode, and the dump's field order with defaults.
	d, err := m.Validate(pyval.DictOf("i", "7_000", "f", int64(100), "ps", pyval.Tuple{}))
	if err != nil {
		t.Fatal(err)
	}
	if got := pyval.Repr(d); got != "{'ps': [], 'd': {}, 'lit3': 'a', 'o': None, 'f': 100.0, 'i': 7000}" {
		t.Errorf("dump %s", got)
	}
	for _, c := range []struct {
		typ  *Type
		in   pyval.Value
		want string
	}{
		{Int, 2.5, "Input should be a valid integer, got a number with a fractional part [type=int_from_float, input_value=2.5, input_type=float]"},
		{Int, "x", "Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input_value='x', input_type=str]"},
		{Int, 1e20, "Unable to parse input string as an integer, exceeded maximum size [type=int_parsing_size, input_value=1e+20, input_type=float]"},
		{Float, "abc", "Input should be a valid number, unable to parse string as a number [type=float_parsing, input_value='abc', input_type=str]"},
		{Float, new(big.Int).Lsh(big.NewInt(1), 100), "Input should be a valid number [type=float_type, input_value=1267650600228229401496703205376, input_type=int]"},
		{Float, []pyval.Value{int64(1), int64(2), int64(3), int64(1), int64(2), int64(3), int64(1), int64(2), int64(3), int64(1), int64(2), int64(3), int64(1), int64(2), int64(3), int64(1), int64(2), int64(3)},
			"Input should be a valid number [type=float_type, input_value=[1, 2, 3, 1, 2, 3, 1, 2, ... 2, 3, 1, 2, 3, 1, 2, 3], input_type=list]"},
		{List(Str), "abc", "Input should be a valid list [type=list_type, input_value='abc', input_type=str]"},
	} {
		_, err := c.typ.Validate("P", c.in)
		if err == nil || !strings.Contains(err.Error(), "\n  "+c.want+"\n") {
			t.Errorf("%s: %v, want %s", pyval.Repr(c.in), err, c.want)
		}
	}
	if v, err := Int.Validate("P", "  -12 "); err != nil || v != int64(-12) {
		t.Errorf("lax int: %v %v", v, err)
	}
	if v, err := Float.Validate("P", true); err != nil || v != 1.0 {
		t.Errorf("lax float: %v %v", v, err)
	}
}

func TestParseDocstring(t *testing.T) {
	doc := "Exchange items in a delivered order.\n        For a delivered order, done once.\n\n        Args:\n            order_id: The order id.\n            new_item_ids: The ids, each such as '1'.\n                         There could be duplicates. Each new item id\n                         in the same position.\n            payment_method_id: The payment method id.\n\n        Returns:\n            Order: The order details.\n\n        Raises:\n            ValueError: If the order is not delivered.\n        "
	d := ParseDocstring(doc)
	if d.Description() != "Exchange items in a delivered order.\n\nFor a delivered order, done once." {
		t.Errorf("description %q", d.Description())
	}
	if got := d.Params["new_item_ids"]; got != "The ids, each such as '1'.\nThere could be duplicates. Each new item id\nin the same position." {
		t.Errorf("param %q", got)
	}
	if len(d.Params) != 3 || d.Params["order_id"] != "The order id." {
		t.Errorf("params %q", d.Params)
	}
	if got := ParseDocstring("\n        Book a reservation.\n\n        Args:\n            x: X.\n        ").Description(); got != "Book a reservation." {
		t.Errorf("short only: %q", got)
	}
	for name, want := range map[string]string{"order_id": "Order Id", "address1": "Address1", "nonfree_baggages": "Nonfree Baggages", "dob": "Dob"} {
		if got := FieldTitle(name); got != want {
			t.Errorf("FieldTitle(%s) = %s", name, got)
		}
	}
}

func TestToolSpecSchema(t *testing.T) {
	info := &Model{Name: "FlightInfo", Fields: []Field{F("flight_number", Str, "Flight number."), F("date", Str, "The date.")}}
	spec := ToolSpec("update", "Update it.\n\n        Args:\n            reservation_id: The id.\n            cabin: The cabin\n            flights: The flights.\n            n: How many.\n        ",
		[]Param{P("reservation_id", Str), P("cabin", Literal("business", "economy")), P("flights", List(Union(ModelType(info), RawDict))), P("n", Int)})
	want := `{"$defs":{"FlightInfo":{"properties":{"flight_number":{"description":"Flight number.","title":"Flight Number","type":"string"},"date":{"description":"The date.","title":"Date","type":"string"}},"required":["flight_number","date"],"title":"FlightInfo","type":"object"}},"properties":{"reservation_id":{"description":"The id.","title":"Reservation Id","type":"string"},"cabin":{"description":"The cabin","enum":["business","economy"],"title":"Cabin","type":"string"},"flights":{"description":"The flights.","items":{"anyOf":[{"$ref":"#/$defs/FlightInfo"},{"additionalProperties":true,"type":"object"}]},"title":"Flights","type":"array"},"n":{"description":"How many.","title":"N","type":"integer"}},"required":["reservation_id","cabin","flights","n"],"title":"parameters","type":"object"}`
	if spec.Name != "update" || spec.Description != "Update it." || string(spec.Parameters) != want {
		t.Errorf("spec %s %q\n%s", spec.Name, spec.Description, spec.Parameters)
	}
	if got := string(ToolSpec("list", "List.", nil).Parameters); got != `{"properties":{},"title":"parameters","type":"object"}` {
		t.Errorf("no parameters: %s", got)
	}
}

func TestToJSONStr(t *testing.T) {
	model := AsModel(pyval.DictOf("a", int64(1), "b", 2.0, "c", []pyval.Value{true, nil}))
	for _, c := range []struct {
		in   pyval.Value
		want string
	}{
		{"plain text", "plain text"},
		{model, `{"a": 1, "b": 2.0, "c": [true, null]}`},
		{[]pyval.Value{model, []pyval.Value{model}}, `[{"a": 1, "b": 2.0, "c": [true, null]}, [{"a": 1, "b": 2.0, "c": [true, null]}]]`},
		{int64(5), `"5"`},
		{pyval.DictOf("n", 1.5, "s", "é"), `{"n": "1.5", "s": "\u00e9"}`},
		{nil, "null"},
	} {
		got, err := ToJSONStr(c.in)
		if err != nil || got != c.want {
			t.Errorf("ToJSONStr(%s) = %s, %v; want %s", pyval.Repr(c.in), got, err, c.want)
		}
	}
	if _, err := ToJSONStr(pyval.NewSet(int64(1))); err == nil || err.Error() != "Unsupported type: <class 'set'>" {
		t.Errorf("set: %v", err)
	}
}

func TestJSONEqual(t *testing.T) {
	for _, c := range []struct {
		a, b pyval.Value
		want bool
	}{
		{int64(1), 1.0, false},
		{true, int64(1), false},
		{0.0, math.Copysign(0, -1), false},
		{pyval.DictOf("a", int64(1), "b", "x"), pyval.DictOf("b", "x", "a", int64(1)), true},
		{[]pyval.Value{int64(1)}, pyval.Tuple{int64(1)}, true},
		{[]pyval.Value{int64(1)}, []pyval.Value{int64(2)}, false},
		{nil, nil, true},
		{"a", "a", true},
		{new(big.Int).Lsh(big.NewInt(1), 70), new(big.Int).Lsh(big.NewInt(1), 70), true},
	} {
		if got := JSONEqual(c.a, c.b); got != c.want {
			t.Errorf("JSONEqual(%s, %s) = %v", pyval.Repr(c.a), pyval.Repr(c.b), got)
		}
	}
}

func TestPyOps(t *testing.T) {
	for _, c := range []struct {
		op, aug string
		a, b    pyval.Value
		want    string
	}{
		{"+", "+=", int64(1), "a", "unsupported operand type(s) for +=: 'int' and 'str'"},
		{"+", "", "a", int64(1), `can only concatenate str (not "int") to str`},
		{"*", "", "a", 1.5, "can't multiply sequence by non-int of type 'float'"},
		{"-", "", nil, int64(1), "unsupported operand type(s) for -: 'NoneType' and 'int'"},
	} {
		if _, err := Binary(c.op, c.aug, c.a, c.b); err == nil || err.Error() != c.want {
			t.Errorf("%s %s %s: %v", pyval.Repr(c.a), c.op, pyval.Repr(c.b), err)
		}
	}
	if v, err := Binary("*", "", int64(50), "2"); err != nil || v != strings.Repeat("2", 50) {
		t.Errorf("50 * '2' = %v, %v", v, err)
	}
	if v, _ := Binary("+", "", int64(1)<<62, int64(1)<<62); pyval.Repr(v) != "9223372036854775808" {
		t.Errorf("overflow to big int: %s", pyval.Repr(v))
	}
	if _, err := Count(pyval.NewDict(), "a"); err == nil || err.Error() != "'dict' object has no attribute 'count'" {
		t.Errorf("dict.count: %v", err)
	}
	if _, err := Len(int64(1)); err == nil || err.Error() != "object of type 'int' has no len()" {
		t.Errorf("len: %v", err)
	}
	if _, err := Sorted([]pyval.Value{"a", int64(1)}); err == nil || err.Error() != "'<' not supported between instances of 'int' and 'str'" {
		t.Errorf("sorted: %v", err)
	}
	if _, err := KeyInDict([]pyval.Value{}, pyval.NewDict()); err == nil || err.Error() != "unhashable type: 'list'" {
		t.Errorf("in: %v", err)
	}
}

func TestCheckCallKwargs(t *testing.T) {
	for _, c := range []struct {
		kw   *pyval.Dict
		want string
	}{
		{pyval.DictOf("a", int64(1), "tool_name", int64(1), "requestor", "x"), "tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'"},
		{pyval.DictOf("tool_name", int64(1), "self", int64(2)), "Environment.make_tool_call() got multiple values for argument 'tool_name'"},
		{pyval.DictOf("self", int64(2), "tool_name", int64(1)), "Environment.make_tool_call() got multiple values for argument 'self'"},
		{pyval.DictOf("order_id", "x"), ""},
	} {
		err := CheckCallKwargs(c.kw)
		if (c.want == "") != (err == nil) || err != nil && err.Error() != c.want {
			t.Errorf("%s: %v", pyval.Repr(c.kw), err)
		}
	}
}
