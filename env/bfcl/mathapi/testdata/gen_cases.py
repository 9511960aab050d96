"""Generates cases.json: calls run through the reference MathAPI
(math_api.py, with mpmath 1.3.0) with the reference executor's result
rendering. Not run by the tests; rerun by hand when the cases change:

    PYTHONPATH=/path/to/mpmath-1.3.0 python3 testdata/gen_cases.py /path/to/func_source_code > testdata/cases.json

Each case records whether CPython's float ** goes through libm's pow for
a result that is not correctly rounded ("libm_pow"): toolgym rounds
correctly there and may differ in the last digit.
"""
import json
import math
import random
import sys
from fractions import Fraction

import mpmath

assert mpmath.__version__ == "1.3.0", mpmath.__version__
sys.path.insert(0, sys.argv[1])
import math_api  # noqa: E402


def run(api, call):
    try:
        r = eval("api." + call, {"api": api})
        if type(r) == str:
            return r
        if type(r) == dict:
            try:
                return json.dumps(r)
            except Exception:
                return str(r)
        return str(r)
    except Exception as e:
        return "Error during execution: " + str(e)


def libm_differs(x, y):
    """Whether libm's pow(x, y), which CPython's float ** uses, differs
    from the correctly rounded power (toolgym's)."""
    import decimal
    try:
        got = x ** y
    except Exception:
        return False
    if not isinstance(got, float) or not math.isfinite(got) or got == 0:
        return False
    ctx = decimal.Context(prec=80)
    exact = ctx.power(decimal.Decimal(abs(x)), decimal.Decimal(y))
    return float(exact) != abs(got)


def std_differs(xs):
    try:
        m = sum(xs) / len(xs)
        return any((x - m) ** 2 != (x - m) * (x - m) for x in xs)
    except Exception:
        return False


rnd = random.Random(20240611)
calls = []

# logarithm: the ground truth's shapes, then a spread of values, bases and
# precisions, then the odd inputs.
calls += ["logarithm(value=36.0,base=6.0,precision=4)", "logarithm(value=20,base=10,precision=2)",
          "logarithm(value=630.0, base=10, precision=5)", "logarithm(value=980.0, base=20, precision=10)"]
for _ in range(400):
    v = rnd.choice([rnd.uniform(0, 10), rnd.uniform(0, 1e6), 10 ** rnd.uniform(-30, 30), rnd.randint(1, 10 ** 6),
                    rnd.randint(1, 10 ** 30)])
    b = rnd.choice([2, 10, 2.718281828459045, 0.5, 3, 1.5, rnd.uniform(0.01, 100), rnd.randint(2, 1000)])
    p = rnd.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 17, 20, 25, 30, 40, 50, 75, 100, rnd.randint(0, 60)])
    calls.append(f"logarithm(value={v!r}, base={b!r}, precision={p})")
for p in [0, -3, 1, 15, 16, 200, 1000]:
    for v, b in [(8, 2), (1, 10), (1000, 10), (2, 8), (0.001, 10), (1e-300, 10), (1e300, 2), (7, 7),
                 (1.0000001, 10), (0.9999999, 2), (2 ** 60, 2), (10 ** 40 + 1, 10)]:
        calls.append(f"logarithm({v!r}, {b!r}, {p})")
calls += [
    "logarithm(-5, 10, 5)", "logarithm(5, -10, 5)", "logarithm(-5, -10, 5)", "logarithm(-1, 10, 10)",
    "logarithm(-0.5, 2, 3)", "logarithm(100, -2, 20)", "logarithm(-8, -2, 8)", "logarithm(0, 10, 5)",
    "logarithm(0, 0.5, 5)", "logarithm(0, 0, 5)", "logarithm(5, 0, 5)", "logarithm(1, 1, 5)",
    "logarithm(5, 1, 5)", "logarithm(1, 10, 5)", "logarithm(0, 1, 5)", "logarithm(-5, 1, 5)",
    "logarithm(0, -10, 5)", "logarithm(5, -1, 5)", "logarithm(-5, 0, 5)",
    "logarithm('100', 10, 5)", "logarithm(' 2.5 ', '10', 12)", "logarithm('abc', 10, 5)", "logarithm(None, 10, 5)",
    "logarithm([1], 10, 5)", "logarithm(10, None, 5)", "logarithm(10, 10, None)", "logarithm(10, 10, '5')",
    "logarithm(10, 10, 'x')", "logarithm(10, 10, 4.7)", "logarithm(10, 10, [1])", "logarithm(10, 10, True)",
    "logarithm(10, 10, '5.0')", "logarithm(True, 2, 5)", "logarithm(1e-5, 10, 5)", "logarithm(123456789, 2, 40)",
    "logarithm(value=2, base=10)", "logarithm(2, 10, 5, 1)", "logarithm('1e3', 10, 6)", "logarithm('.5', 2, 6)",
    "logarithm({'a': 1}, 10, 5)", "logarithm(10, 10, -1000000)",
]

# square_root
for _ in range(200):
    n = rnd.choice([rnd.uniform(0, 100), rnd.randint(0, 10 ** 6), 10 ** rnd.uniform(-20, 20), rnd.randint(0, 100) ** 2,
                    rnd.randint(0, 1000) / 4])
    p = rnd.choice([1, 2, 3, 5, 8, 10, 15, 20, 28, 50, rnd.randint(1, 80)])
    calls.append(f"square_root({n!r}, {p})")
calls += [
    "square_root(16, 5)", "square_root(16.0, 5)", "square_root(2, 28)", "square_root(100, 1)", "square_root(100, 2)",
    "square_root(10**20, 5)", "square_root(0, 5)", "square_root(0.0, 3)", "square_root(-0.0, 3)", "square_root(-4, 5)",
    "square_root(-0.1, 5)", "square_root('4', 5)", "square_root(None, 5)", "square_root([4], 5)", "square_root(4, 0)",
    "square_root(4, -1)", "square_root(4, 2.5)", "square_root(4, '3')", "square_root(4, None)", "square_root(4, True)",
    "square_root(4, 100000000000000000000)", "square_root(True, 5)", "square_root(0.25, 3)", "square_root(1e-10, 4)",
    "square_root(1e300, 10)", "square_root(5e-324, 10)", "square_root(1.7976931348623157e308, 30)",
    "square_root(6.25, 1)", "square_root(2.25, 1)", "square_root(1024, 2)", "square_root(99, 1)", "square_root(0.01, 5)",
    "square_root(number=50, precision=1000)",
]

# mean, standard_deviation, sums, extremes
def numlist():
    k = rnd.randint(1, 12)
    kind = rnd.random()
    if kind < 0.3:
        return [rnd.randint(-1000, 1000) for _ in range(k)]
    if kind < 0.6:
        return [round(rnd.uniform(-1000, 1000), rnd.randint(0, 4)) for _ in range(k)]
    return [rnd.choice([rnd.randint(-50, 50), rnd.uniform(-1e6, 1e6)]) for _ in range(k)]


std_cases = []
for _ in range(300):
    xs = numlist()
    calls.append(f"mean({xs!r})")
    calls.append(f"sum_values({xs!r})")
    calls.append(f"min_value({xs!r})")
    calls.append(f"max_value({xs!r})")
    std_cases.append(f"standard_deviation({xs!r})")
calls += std_cases
calls += [
    "mean([])", "mean(None)", "mean(0)", "mean(5)", "mean('abc')", "mean([1, 'a'])", "mean([1, None])", "mean([[1]])",
    "mean([True, False, True])", "mean([10**400])", "mean([10**400, 1.5])", "mean([1e308, 1e308])", "mean({'a': 1})",
    "mean(numbers=[1, 2])", "mean()", "mean([1], 2)",
    "standard_deviation([])", "standard_deviation([5])", "standard_deviation([1, 'a'])", "standard_deviation([1e200, -1e200])",
    "standard_deviation([1e308, 1e308])", "standard_deviation('ab')", "standard_deviation([1, 2, 3, 4])",
    "sum_values([])", "sum_values([1, 2.5])", "sum_values([10**30, 10**30])", "sum_values(['a', 'b'])", "sum_values('ab')",
    "sum_values([9223372036854775807, 1])", "sum_values([0.1, 0.2, 0.3])", "sum_values([1e308, 1e308, -1e308])",
    "min_value([])", "min_value([3, 1.0, 1, 2])", "min_value(['b', 'a', 'c'])", "min_value('hello')", "min_value([1, 'a'])",
    "min_value(5)", "min_value([[2], [1]])", "min_value([None, 1])", "max_value([])", "max_value([1, 3, 3.0, 2])",
    "max_value(['b', 'a'])", "max_value([True, 1, 0.5])", "max_value([1, [2]])", "max_value({'x': 1, 'y': 2})",
]

# two-number operations
def num():
    return rnd.choice([rnd.randint(-100, 100), rnd.uniform(-1000, 1000), rnd.randint(-10 ** 12, 10 ** 12),
                       10 ** rnd.uniform(-10, 10), float(rnd.randint(-50, 50))])


pow_cases = []
for _ in range(300):
    a, b = num(), num()
    for f in ["add", "subtract", "multiply", "divide", "percentage"]:
        calls.append(f"{f}({a!r}, {b!r})")
    e = rnd.choice([rnd.randint(-5, 10), rnd.uniform(-3, 3), 0.5, 2, 3, -1, rnd.randint(0, 40)])
    base = rnd.choice([a, abs(a), rnd.randint(-10, 10), rnd.uniform(0, 10)])
    pow_cases.append((base, e))
    calls.append(f"absolute_value({a!r})")
    calls.append(f"round_number({a!r}, {rnd.randint(-3, 6)})")
    calls.append(f"round_number({a!r})")
for base, e in pow_cases:
    calls.append(f"power({base!r}, {e!r})")
calls += [
    "add(1, 2)", "add(1.5, 2)", "add('a', 'b')", "add([1], [2])", "add('a', 1)", "add(None, 1)", "add(True, True)",
    "add(9223372036854775807, 1)", "add(10**400, 1.0)", "add(1e308, 1e308)", "add({'a': 1}, {'b': 2})",
    "subtract(5, 7)", "subtract(-9223372036854775807, 10)", "subtract('a', 'b')", "subtract(0.1, 0.3)", "subtract([1], [1])",
    "multiply(3, 4)", "multiply(3, 'a')", "multiply('a', 3)", "multiply(True, 2.5)", "multiply(10**20, 10**20)",
    "multiply(10**400, 2.0)", "multiply(1e200, 1e200)", "multiply(None, 1)", "multiply(4294967296, 4294967296)",
    "divide(1, 0)", "divide(1, 0.0)", "divide(1, -0.0)", "divide(1, False)", "divide(7, 2)", "divide(10**400, 3)",
    "divide(10**400, 10**399)", "divide('a', 2)", "divide(2, 'a')", "divide(1, 3)", "divide(-7, 2)", "divide(2**60 + 1, 3)",
    "divide(1.5, 10**400)", "divide(None, None)",
    "power(2, 10)", "power(2, -1)", "power(2, 0.5)", "power(-8, 1/3)", "power(-8, 0.5)", "power(-4, 1.5)",
    "power(-2.5, 2)", "power(-2, 3)", "power(0, 0)", "power(0, -1)", "power(0.0, -2.5)", "power(10, 400)",
    "power(10, 4300)", "power(10, 4299)", "power(-10, 4299)", "power(2, 100000)", "power(2.0, 10000)",
    "power(10.0, -400)", "power(1, 10**30)", "power(-1, 10**30 + 1)", "power(-1.0, 1e300)", "power(-1, 0.5)",
    "power(2, 'a')", "power(None, 2)", "power(True, 2)", "power(2, True)", "power(-1e300, 1.5)",
    "power(-1e-300, 1.5)", "power(1.0000001, 1e10)", "power(0.5, 1074)", "power(0.5, 1080)",
    "power(1e-320, 0.5)", "power(4, 0.5)", "power(-27, 1/3)", "power(2, -1074)", "power(3, 1e-5)",
    "power(-0.0, 3)", "power(-0.0, 2)", "power(-0.0, -1)", "power(-3, 2.5)",
    "square_root(2, precision=3)", "absolute_value(-9223372036854775808)", "absolute_value('a')",
    "absolute_value(None)", "absolute_value(-0.0)", "absolute_value(True)", "absolute_value([1])",
    "round_number(2.5)", "round_number(3.5)", "round_number(2.675, 2)", "round_number(0.125, 2)", "round_number(1250, -2)",
    "round_number(1350, -2)", "round_number(12345.6789, -2)", "round_number(5, 2)", "round_number('a', 2)",
    "round_number(2.5, 1.0)", "round_number(2.5, None)", "round_number(1e300, None)", "round_number(True, 2)",
    "round_number(1.5, True)", "round_number(-0.4)", "round_number(-0.4, 0)", "round_number(1e-320, 400)",
    "round_number(1.7e308, -308)", "round_number(123.456, -400)", "round_number([1], 2)",
    "percentage(1, 3)", "percentage(50, 200)", "percentage(1, 0)", "percentage(1, 0.0)", "percentage('a', 2)",
    "percentage(2, 'a')", "percentage(10**400, 10**399)", "percentage(1e308, 1e-10)", "percentage(None, 1)",
]

# conversions
units = ["km", "m", "cm", "mm", "um", "nm", "in", "ft", "yd", "miles", "kg", "lb", "celsius", "fahrenheit", "K", ""]
for _ in range(400):
    v = num()
    calls.append(f"si_unit_conversion({v!r}, {rnd.choice(units)!r}, {rnd.choice(units)!r})")
    calls.append(f"imperial_si_conversion({v!r}, {rnd.choice(units)!r}, {rnd.choice(units)!r})")
calls += [
    "si_unit_conversion(5, 'km', 'm')", "si_unit_conversion(5, 'm', 'km')", "si_unit_conversion(1, 'nm', 'km')",
    "si_unit_conversion('5', 'km', 'm')", "si_unit_conversion(None, 'km', 'm')", "si_unit_conversion(True, 'km', 'cm')",
    "si_unit_conversion(5, ['km'], 'm')", "si_unit_conversion(5, 'km', ['m'])", "si_unit_conversion(5, 'x', ['m'])",
    "si_unit_conversion(10**400, 'km', 'm')", "si_unit_conversion(10**400, 'cm', 'm')", "si_unit_conversion(1e308, 'km', 'nm')",
    "si_unit_conversion(5, 1, 2)", "imperial_si_conversion(100, 'celsius', 'fahrenheit')",
    "imperial_si_conversion(212, 'fahrenheit', 'celsius')", "imperial_si_conversion(5, 'x', 'x')",
    "imperial_si_conversion(5, ['a'], ['a'])", "imperial_si_conversion(5, None, 'km')", "imperial_si_conversion('5', 'm', 'ft')",
    "imperial_si_conversion(10**400, 'm', 'ft')", "imperial_si_conversion(10**400, 'fahrenheit', 'celsius')",
    "imperial_si_conversion(True, 'kg', 'lb')", "imperial_si_conversion(1e308, 'celsius', 'fahrenheit')",
    "imperial_si_conversion(value=3, unit_in='miles', unit_out='km')",
]

def literal(call):
    """Rewrites a call with literal arguments only (10**400 becomes its
    digits), the form models write and toolgym parses."""
    name, rest = call.split("(", 1)
    capture = lambda *a, **k: (a, k)  # noqa: E731
    a, k = eval("capture(" + rest, {"capture": capture})
    parts = [repr(x) for x in a] + [f"{kk}={v!r}" for kk, v in k.items()]
    return name + "(" + ", ".join(parts) + ")"


api = math_api.MathAPI()
out = []
for call in map(literal, calls):
    c = {"call": call, "result": run(api, call)}
    name, rest = call.split("(", 1)
    capture = lambda *a, **k: a  # noqa: E731
    args = eval("capture(" + rest, {"capture": capture})
    if name == "power" and len(args) == 2 and all(type(x) in (int, float) for x in args):
        if libm_differs(*args):
            c["libm_pow"] = True
    if name == "standard_deviation" and len(args) == 1 and isinstance(args[0], list):
        if all(type(x) in (int, float) for x in args[0]) and std_differs(args[0]):
            c["libm_pow"] = True
    out.append(c)
json.dump(out, sys.stdout, ensure_ascii=False, indent=0)
