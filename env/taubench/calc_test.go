package taubench

import (
	"strings"
	"testing"
)

// calcCases are expressions and what the reference's calculate returns
// for them, computed with CPython 3.11 (str(round(float(eval(e)), 2)) or
// "Error: " + str(exception)).
var calcCases = []struct{ expr, want string }{
	{"2 + 2", "4.0"},
	{"10/3", "3.33"},
	{"2/3", "0.67"},
	{"(1+2)*3.5", "10.5"},
	{"100*1.1", "110.0"},
	{"0.1+0.2", "0.3"},
	{"1/3*3", "1.0"},
	{"12.5 * 3 - 1", "36.5"},
	{"  7//2", "3.0"},
	{"-7//2", "-4.0"},
	{"7.0//-2", "-4.0"},
	{"2**10", "1024.0"},
	{"2**-1", "0.5"},
	{"-2**2", "-4.0"},
	{"(-2)**2", "4.0"},
	{"2**0.5", "1.41"},
	{"0.125", "0.12"},
	{"0.375", "0.38"},
	{"2.675", "2.67"},
	{"1.005*1000", "1005.0"},
	{"1.", "1.0"},
	{".5", "0.5"},
	{"00", "0.0"},
	{"007.5", "7.5"},
	{"--1", "1.0"},
	{"+-+-1", "1.0"},
	{"1 + + 2", "3.0"},
	{"123456789012345678901234567890", "1.2345678901234568e+29"},
	{"999999999999999999999*9", "9e+21"},
	{"2**1000", "1.0715086071862673e+301"},
	{"2**1024/2**1023", "2.0"},
	{"10**400", "Error: int too large to convert to float"},
	{"10.0**400", "Error: (34, 'Numerical result out of range')"},
	{"(2**1024)*1.0", "Error: int too large to convert to float"},
	{"10**-400", "0.0"},
	{"0**0", "1.0"},
	{"0.0**0", "1.0"},
	{"-0.0", "-0.0"},
	{"1e5", "Error: invalid characters in expression"},
	{"abc", "Error: invalid characters in expression"},
	{"1+1=2", "Error: invalid characters in expression"},
	{"", "Error: invalid syntax (<string>, line 0)"},
	{" ", "Error: invalid syntax (<string>, line 0)"},
	{"1+", "Error: invalid syntax (<string>, line 1)"},
	{"*1", "Error: invalid syntax (<string>, line 1)"},
	{"(1", "Error: '(' was never closed (<string>, line 1)"},
	{"1)", "Error: unmatched ')' (<string>, line 1)"},
	{"(1 2)", "Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)"},
	{"1 2", "Error: invalid syntax (<string>, line 1)"},
	{"007", "Error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)"},
	{"1/0", "Error: division by zero"},
	{"1.0/0", "Error: float division by zero"},
	{"1//0", "Error: integer division or modulo by zero"},
	{"1.0//0", "Error: float floor division by zero"},
	{"0**-1", "Error: 0.0 cannot be raised to a negative power"},
	{"(-8)**(1/3)", "Error: float() argument must be a string or a real number, not 'complex'"},
	{"1/((-1)**0.5-(-1)**0.5)", "Error: complex division by zero"},
	{"(-1)**0.5//1", "Error: unsupported operand type(s) for //: 'complex' and 'int'"},
	{"0**((-1)**0.5)", "Error: 0.0 to a negative or complex power"},
	{"()", "Error: float() argument must be a string or a real number, not 'tuple'"},
	{"()+1", "Error: can only concatenate tuple (not \"int\") to tuple"},
	{"1+()", "Error: unsupported operand type(s) for +: 'int' and 'tuple'"},
	{"()*()", "Error: can't multiply sequence by non-int of type 'tuple'"},
	{"-()", "Error: bad operand type for unary -: 'tuple'"},
	{"...", "Error: float() argument must be a string or a real number, not 'ellipsis'"},
	{"...+1", "Error: unsupported operand type(s) for +: 'ellipsis' and 'int'"},
	{"1(2)", "Error: 'int' object is not callable"},
	{"1.()", "Error: 'float' object is not callable"},
	{"()()", "Error: 'tuple' object is not callable"},
	{"1(*2)", "Error: 1 argument after * must be an iterable, not int"},
	{"1(**2)", "Error: 1 argument after ** must be a mapping, not int"},
	{"1(*())", "Error: 'int' object is not callable"},
	{"(*1)", "Error: cannot use starred expression here (<string>, line 1)"},
	{"(**1)", "Error: cannot use double starred expression here (<string>, line 1)"},
	{"1.2.3", "Error: invalid syntax (<string>, line 1)"},
	{"1..2", "Error: invalid syntax (<string>, line 1)"},
	{"(1).", "Error: invalid syntax (<string>, line 1)"},
	{"(1 .5)", "Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)"},
	{"((1) 2)", "Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)"},
	{"(1 2", "Error: '(' was never closed (<string>, line 1)"},
	{"1 2 007", "Error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)"},
	{"(1+)", "Error: invalid syntax (<string>, line 1)"},
	{"12.5*4.8", "60.0"},
	{"19.99*3 + 5.5", "65.47"},
	{"(250 + 75.5) * 0.9", "292.95"},
	{"1000 - 333.33 - 333.33 - 333.33", "0.01"},
	{"100/7", "14.29"},
	{"-100/7", "-14.29"},
	{"2**64", "1.8446744073709552e+19"},
	{"3.14159*2*2", "12.57"},
	{"1234.5678", "1234.57"},
	{"0.005", "0.01"},
	{"0.015", "0.01"},
	{"0.025", "0.03"},
	{"45.58**99.29", "5.008438169198105e+164"},
	{"2.5**40", "8271806125530277.0"},
	{"0.1**307", "0.0"},
	{"١+1", "Error: invalid characters in expression"},
	{"1 +1", "Error: invalid characters in expression"},
	// The recursion limits depend on how deep eval runs: these are for
	// tau-bench's runner (eval about ten frames into a worker thread).
	{strings.Repeat("-", 2972) + "1", "1.0"},
	{strings.Repeat("-", 2973) + "1", "Error: maximum recursion depth exceeded during compilation"},
	{strings.Repeat("1+", 3000) + "1", "Error: maximum recursion depth exceeded during compilation"},
	{strings.Repeat("-", 6000) + "1", "Error: "},   // the parser's MemoryError
	{"1" + strings.Repeat("**1", 2990), "Error: "}, // two parser levels per **
	{strings.Repeat("(", 199) + "1" + strings.Repeat(")", 199), "1.0"},
	{strings.Repeat("(", 201) + "1", "Error: too many nested parentheses (<string>, line 1)"},
	{strings.Repeat("9", 4301), "Error: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits. (<string>, line 1)"},
	{strings.Repeat("0", 5000), "0.0"},
}

func TestCalculate(t *testing.T) {
	for _, c := range calcCases {
		if got := Calculate(c.expr); got != c.want {
			name := c.expr
			if len(name) > 40 {
				name = name[:40] + "..."
			}
			t.Errorf("Calculate(%q) = %q, want %q", name, got, c.want)
		}
	}
}
