package py

import (
	"math"
	"math/big"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

// TestErrors checks the exception each operation raises, against the
// texts CPython 3.11 prints for the same expressions.
func TestErrors(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(1), 70)
	cases := []struct {
		expr string // the Python expression
		f    func() V
		want string // str(exception)
	}{
		{`"abc"["x"]`, func() V { return GetItem("abc", "x") }, "string indices must be integers, not 'str'"},
		{`[1]["x"]`, func() V { return GetItem([]V{int64(1)}, "x") }, "list indices must be integers or slices, not str"},
		{`[1, 2][5]`, func() V { return GetItem([]V{int64(1), int64(2)}, int64(5)) }, "list index out of range"},
		{`[1, 2][2**70]`, func() V { return GetItem([]V{int64(1)}, huge) }, "cannot fit 'int' into an index-sized integer"},
		{`None["x"]`, func() V { return GetItem(nil, "x") }, "'NoneType' object is not subscriptable"},
		{`True["x"]`, func() V { return GetItem(true, "x") }, "'bool' object is not subscriptable"},
		{`{}[[1]]`, func() V { return GetItem(pyval.NewDict(), []V{int64(1)}) }, "unhashable type: 'list'"},
		{`{}["x"]`, func() V { return GetItem(pyval.NewDict(), "x") }, "'x'"},
		{`{}[1.5]`, func() V { return GetItem(pyval.NewDict(), 1.5) }, "1.5"},
		{`5 in "abc"`, func() V { return In(int64(5), "abc") }, "'in <string>' requires string as left operand, not int"},
		{`5 in 5`, func() V { return In(int64(5), int64(5)) }, "argument of type 'int' is not iterable"},
		{`[] in {}`, func() V { return In([]V{}, pyval.NewDict()) }, "unhashable type: 'list'"},
		{`iter(None)`, func() V { return Iter(nil) }, "'NoneType' object is not iterable"},
		{`len(2.5)`, func() V { return Len(2.5) }, "object of type 'float' has no len()"},
		{`{}.count(1)`, func() V { return Count(pyval.NewDict(), int64(1)) }, "'dict' object has no attribute 'count'"},
		{`"abc".count(5)`, func() V { return Count("abc", int64(5)) }, "must be str, not int"},
		{`(5).lower()`, func() V { return Lower(int64(5)) }, "'int' object has no attribute 'lower'"},
		{`{}[-2:]`, func() V { return SliceFrom(pyval.NewDict(), -2) }, "unhashable type: 'slice'"},
		{`None[-2:]`, func() V { return SliceFrom(nil, -2) }, "'NoneType' object is not subscriptable"},
		{`int([1])`, func() V { return Int([]V{int64(1)}) }, "int() argument must be a string, a bytes-like object or a real number, not 'list'"},
		{`int("1x")`, func() V { return Int("1x") }, "invalid literal for int() with base 10: '1x'"},
		{`x = 0; x += "a"`, func() V { return IAdd(int64(0), "a") }, "unsupported operand type(s) for +=: 'int' and 'str'"},
		{`x = 0.5; x -= "a"`, func() V { return ISub(0.5, "a") }, "unsupported operand type(s) for -=: 'float' and 'str'"},
		{`"a" + 1`, func() V { return Add("a", int64(1)) }, `can only concatenate str (not "int") to str`},
		{`[1] + 1`, func() V { return Add([]V{int64(1)}, int64(1)) }, `can only concatenate list (not "int") to list`},
		{`x = []; x += 5`, func() V { return IAdd([]V{}, int64(5)) }, "'int' object is not iterable"},
		{`"a" - 1`, func() V { return Sub("a", int64(1)) }, "unsupported operand type(s) for -: 'str' and 'int'"},
		{`50 * None`, func() V { return Mul(int64(50), nil) }, "unsupported operand type(s) for *: 'int' and 'NoneType'"},
		{`2.5 * "a"`, func() V { return Mul(2.5, "a") }, "can't multiply sequence by non-int of type 'float'"},
		{`"a" * "b"`, func() V { return Mul("a", "b") }, "can't multiply sequence by non-int of type 'str'"},
		{`{} * "a"`, func() V { return Mul(pyval.NewDict(), "a") }, "can't multiply sequence by non-int of type 'dict'"},
		{`"ab" * 2**70`, func() V { return Mul("ab", huge) }, "cannot fit 'int' into an index-sized integer"},
		{`-"a"`, func() V { return Neg("a") }, "bad operand type for unary -: 'str'"},
		{`abs(None)`, func() V { return Abs(nil) }, "bad operand type for abs(): 'NoneType'"},
		{`1 < "a"`, func() V { return Lt(int64(1), "a") }, "'<' not supported between instances of 'int' and 'str'"},
		{`[1] > ["a"]`, func() V { return Gt([]V{int64(1)}, []V{"a"}) }, "'>' not supported between instances of 'int' and 'str'"},
		{`{} < {}`, func() V { return Lt(pyval.NewDict(), pyval.NewDict()) }, "'<' not supported between instances of 'dict' and 'dict'"},
		{`max(0, "a")`, func() V { return Max2(int64(0), "a") }, "'>' not supported between instances of 'str' and 'int'"},
		{`sum([1, None])`, func() V { return Sum([]V{int64(1), nil}) }, "unsupported operand type(s) for +: 'int' and 'NoneType'"},
		{`2**1100 + 0.5`, func() V { return Add(new(big.Int).Lsh(big.NewInt(1), 1100), 0.5) }, "int too large to convert to float"},
		{`round("a", 2)`, func() V { return Round("a", 2) }, "type str doesn't define __round__ method"},
		{`sorted([1, "a"])`, func() V { return Sorted([]V{int64(1), "a"}) }, "'<' not supported between instances of 'str' and 'int'"},
		{`"abc"["x"] = 1`, func() V { SetItem("abc", "x", int64(1)); return nil }, "'str' object does not support item assignment"},
		{`[1][5] = 1`, func() V { SetItem([]V{int64(1)}, int64(5), int64(1)); return nil }, "list assignment index out of range"},
		{`del {}["x"]`, func() V { DelItem(pyval.NewDict(), "x"); return nil }, "'x'"},
		{`(1).append`, func() V { Append(pyval.DictOf("k", int64(1)), "k", int64(2)); return nil }, "'int' object has no attribute 'append'"},
	}
	for _, c := range cases {
		_, err := Run(c.f)
		if err == nil {
			t.Errorf("%s: no exception, want %q", c.expr, c.want)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%s: %q, want %q", c.expr, err.Error(), c.want)
		}
	}
}

// TestValues checks results of the same operations.
func TestValues(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		expr string
		got  V
		want string // repr(result)
	}{
		{`"ab" * True`, Mul("ab", true), `'ab'`},
		{`[1] * -1`, Mul([]V{int64(1)}, int64(-1)), `[]`},
		{`50 * 2.5`, Mul(int64(50), 2.5), `125.0`},
		{`2**63 * 2`, Mul(int64(1<<62), int64(4)), `18446744073709551616`},
		{`-(2**63)`, Neg(int64(math.MinInt64)), `9223372036854775808`},
		{`True + True`, Add(true, true), `2`},
		{`0 + 0.1 + 0.2`, Sum([]V{0.1, 0.2}), `0.30000000000000004`},
		{`abs(-True)`, Abs(Neg(true)), `1`},
		{`max(0, nan)`, Max2(int64(0), nan), `0`},
		{`max(0, -0.0)`, Max2(int64(0), math.Copysign(0, -1)), `0`},
		{`round(2.675, 2)`, Round(2.675, 2), `2.67`},
		{`round(1, 2)`, Round(int64(1), 2), `1`},
		{`"abc"[-2:]`, SliceFrom("abc", -2), `'bc'`},
		{`"é1"[-2:]`, SliceFrom("xé1", -2), `'é1'`},
		{`[1,2,3][-2:]`, SliceFrom([]V{int64(1), int64(2), int64(3)}, -2), `[2, 3]`},
		{`int(" 05")`, Int(" 05"), `5`},
		{`"".count("")`, Count("", ""), `1`},
		{`"aaa".count("aa")`, Count("aaa", "aa"), `1`},
		{`[nan].count(nan)`, Count([]V{nan}, nan), `1`}, // json.loads' one NaN object
		{`"12" in "0123"`, In("12", "0123"), `True`},
		{`1.0 in {"1": 0}`, In(1.0, pyval.DictOf("1", int64(0))), `False`},
		{`sorted("ba")`, Sorted("ba"), `['a', 'b']`},
		{`sorted({"b": 1, "a": 2})`, Sorted(pyval.DictOf("b", int64(1), "a", int64(2))), `['a', 'b']`},
		{`"é".lower()`, Lower("É"), `'é'`},
		{`[1, 2] < [1, 3]`, Lt([]V{int64(1), int64(2)}, []V{int64(1), int64(3)}), `True`},
		{`1.0 < 2**1100`, Lt(1.0, new(big.Int).Lsh(big.NewInt(1), 1100)), `True`},
		{`zip("ab", [1])`, len(Zip("ab", []V{int64(1)})), `1`},
	}
	for _, c := range cases {
		if got := pyval.Repr(c.got); got != c.want {
			t.Errorf("%s = %s, want %s", c.expr, got, c.want)
		}
	}
}
