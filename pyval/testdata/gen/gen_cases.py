#!/usr/bin/env python3.11
"""Writes ../../cases_gen_test.go: expected outputs of CPython 3.11 for the
pyval table tests. The tests never run Python; rerun this by hand after
changing the cases:  cd pyval && python3.11 testdata/gen/gen_cases.py
"""
import json
import math
import os
import random
import sys

assert sys.version_info[:2] == (3, 11), sys.version


class Obj:
    """Stands for a Go Object in the tests: its repr is the given text."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def obj(text):
    return Obj(text)


ENV = {"obj": obj, "set": set, "float": float, "tuple": tuple, "pow": pow}


def go_str(s):
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif 0x20 <= c < 0x7F:
            out.append(ch)
        elif c < 0x80:
            out.append("\\x%02x" % c)
        elif c <= 0xFFFF:
            out.append("\\u%04x" % c)
        else:
            out.append("\\U%08x" % c)
    out.append('"')
    return "".join(out)


def state_key(k):
    if isinstance(k, str):
        return k
    if isinstance(k, bool):
        return "bool:" + repr(k)
    if isinstance(k, int):
        return "int:" + repr(k)
    if isinstance(k, float):
        return "float:" + repr(k)
    if k is None:
        return "None"
    if isinstance(k, tuple):
        return "tuple:" + repr(k)
    return "object:" + repr(k)


def state(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, (list, tuple)):
        return [state(x) for x in v]
    if isinstance(v, dict):
        return {state_key(k): state(x) for k, x in v.items()}
    if isinstance(v, (set, frozenset)):
        return {"__set__": [state(x) for x in sorted(v)]}
    return {"__repr__": repr(v)}


def err_text(e):
    return "%s: %s" % (type(e).__name__, e)


VALUES = [
    "None", "True", "False", "0", "1", "-1", "123456789", "9223372036854775807",
    "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
    "12345678901234567890123456789012345678901234567890",
    "0.0", "-0.0", "1.0", "-1.5", "0.1", "0.2", "1e16", "1e-05", "1e-5", "0.0001", "0.00001234",
    "123456789012345.0", "1234567890123456.0", "1.2345678901234567e+16", "1e22", "1e+300",
    "5e-324", "1.7976931348623157e308", "2.5", "100.0", "1000000.0", "3.141592653589793",
    "0.30000000000000004", "-2.675", "12.0", "1e15", "9999999999999998.0", "0.001", "123.456",
    "float('inf')", "float('-inf')", "float('nan')",
    "''", "'a'", "'abc'", "\"it's\"", "'say \"hi\"'", "'both \\' and \"'", "'back\\\\slash'",
    "'tab\\there'", "'new\\nline'", "'cr\\rx'", "'\\x00\\x01\\x1f\\x7f'", "'\\x0b\\x0c'",
    "'\\u0080\\u009f\\u00a0\\u00ad\\u00e9'", "'caf\\u00e9'", "'\\u4e2d\\u6587'", "'\\u0378'",
    "'\\u2028\\u2029'", "'\\u200b\\u200e'", "'\\u3000 \\u1680'", "'\\ue000'", "'\\ufeff'",
    "'\\U0001F600'", "'\\U000E0001'", "'\\U0010FFFF'", "'\\U0001E030'", "'\\U00011F00'",
    "'\\U0001FAE8'", "'\\u0ECE'", "'\\U000323AF'", "'\\u2013\\u2019'", "'\\x7e'",
    "[]", "[1, 'a', None]", "[[1, 2], [3, [4, []]]]", "()", "(1,)", "(1, 2)", "('a', (1,), ())",
    "{}", "{'a': 1}", "{'a': 1, 'b': [1, 2.0], 'c': {'d': None}}", "{1: 'a', 2: 'b'}",
    "{1: 'a', 1.0: 'b', True: 'c'}", "{0: 'x', False: 'y', 0.0: 'z'}", "{1.5: 2, None: 3, True: 4}",
    "{(1, 2): 'pair', 'k': (3,)}", "{'x': set([1, 2])}", "{'o': obj('<Thing 1>')}",
    "{2: 'b', 1: 'a'}", "{'\\u00e9': '\\u00e8', 'k\\n': 'v\\t'}", "{-1: -2.5, pow(10, 0): 1e100}",
    "set()", "set([1])", "set([3, 1, 2])", "set([5, 3, 7])", "[set()]",
    "obj('Point(x=1)')", "[obj('<A>'), obj('<B>')]", "(obj('o'),)",
    "{'balance': 10000.0, 'rate': 0.05, 'n': 3}", "{'nested': [{'a': (1, 2.5)}, []]}",
    "[1e16, 1e-7, 123456.789, -0.0]",
]


def expr(src):
    return eval(src, dict(ENV))


def value_cases(out):
    out.append("var valueCases = []valueCase{")
    for src in VALUES:
        v = expr(src)
        rep = repr(v)
        if isinstance(v, set) and v:
            assert rep == "{" + ", ".join(map(repr, sorted(v))) + "}", rep
        try:
            js, jerr = json.dumps(v), ""
        except Exception as e:
            js, jerr = "", err_text(e)
        try:
            hash(v)
            hashable = "true"
        except TypeError:
            hashable = "false"
        st = json.dumps(state(v), ensure_ascii=False)
        tn = type(v).__name__
        out.append("\t{src: %s, repr: %s, str: %s, json: %s, jsonErr: %s, hashable: %s, state: %s, typ: %s}," % (
            go_str(src), go_str(rep), go_str(str(v)), go_str(js), go_str(jerr), hashable, go_str(st), go_str(tn)))
    out.append("}\n")


EQUAL_PAIRS = [
    ("1", "1.0"), ("1", "True"), ("0", "False"), ("0.0", "-0.0"), ("1", "2"), ("'1'", "1"),
    ("None", "None"), ("None", "0"), ("float('nan')", "float('nan')"), ("pow(2, 53)", "pow(2.0, 53)"),
    ("pow(2, 53) + 1", "pow(2.0, 53)"), ("pow(2, 64)", "pow(2.0, 64)"), ("pow(2, 64) + 1", "pow(2.0, 64)"), ("pow(10, 30)", "1e30"),
    ("[1, 2]", "(1, 2)"), ("[1, 2]", "[1, 2.0]"), ("(1, 2)", "(1.0, True + 1)"), ("[1, 2]", "[1, 2, 3]"),
    ("[1, 2]", "[1, 3]"), ("{'a': 1, 'b': 2}", "{'b': 2, 'a': 1.0}"), ("{'a': 1}", "{'a': 2}"),
    ("{'a': 1}", "{'b': 1}"), ("{1: 'x'}", "{1.0: 'x'}"), ("set([1, 2])", "set([2.0, 1])"),
    ("set([1, 2])", "set([1, 3])"), ("set()", "{}"), ("'abc'", "'abd'"), ("'abc'", "'ab'"),
    ("'\\u00e9'", "'z'"), ("'B'", "'a'"), ("[1, 'a']", "[1, 'b']"), ("[1, 'a']", "[2, None]"),
    ("(1, 2)", "(1, 2, 0)"), ("()", "()"), ("[]", "[]"), ("1.5", "True"), ("-1", "float('-inf')"),
    ("float('inf')", "pow(10, 400)"), ("[[1]]", "[[1.0]]"), ("{'k': [1, {'x': (1,)}]}", "{'k': [1, {'x': (1.0,)}]}"),
    ("'a'", "None"), ("[1]", "1"), ("(1,)", "[1]"), ("{}", "[]"), ("0.1 + 0.2", "0.3"),
    ("9007199254740993", "9007199254740992.0"), ("-9223372036854775808", "-9.223372036854775808e18"),
]


def cmp_text(a, b):
    try:
        if a < b:
            return "-1"
        if b < a:
            return "1"
        return "0"
    except TypeError as e:
        return err_text(e)


def equal_cases(out):
    out.append("var equalCases = []equalCase{")
    for sa, sb in EQUAL_PAIRS:
        a, b = expr(sa), expr(sb)
        a_src = repr(a) if not isinstance(a, (set, float)) or (isinstance(a, float) and math.isfinite(a)) else sa
        b_src = repr(b) if not isinstance(b, (set, float)) or (isinstance(b, float) and math.isfinite(b)) else sb
        if isinstance(a, set) or isinstance(b, set):
            a_src, b_src = sa, sb
        out.append("\t{a: %s, b: %s, eq: %s, cmp: %s}," % (
            go_str(a_src), go_str(b_src), "true" if a == b else "false", go_str(cmp_text(a, b))))
    out.append("}\n")


JSON_DOCS = [
    "null", "true", "false", "0", "-0", "1", "-1", "123", "9223372036854775807", "9223372036854775808",
    "-9223372036854775809", "123456789012345678901234567890", "1.0", "-0.0", "1e5", "1E5", "1e-5",
    "1.5e+300", "1e400", "-1e400", "1e-400", "0.1", "2.5e0", "NaN", "Infinity", "-Infinity",
    '""', '"abc"', '"\\u00e9"', '"\u00e9"', '"\\ud83d\\ude00"', '"\U0001F600"', '"a\\nb\\tc\\"d\\\\e\\/f\\b\\f\\r"',
    '"\\u0000"', "[]", "[1, 2.0, \"x\"]", " [ 1 , [ ] , { } ] ", "{}", '{"a": 1}', '{"b": 1, "a": 2}',
    '{"a": 1, "a": 2, "b": 3}', '{"a": 1, "b": 2, "a": 3}', '{"x": {"y": [true, false, null]}}',
    '\t\n\r {"k": "v"} \n', '{"": ""}',
    "", " ", "[1,]", '{"a":1,}', '{"a" 1}', "{1:2}", "[1 2]", '"abc', '"a\x01"', '"\\x"', '"\\u12"',
    '"\\u12zz"', "01", "1.", "-", "nul", "[1]x", '{"a":}', "\n\n  [1,\n x]", '"\u00e9" x', "tru",
    "[", "{", '{"a"', '{"a":1', "+1", ".5", "1.e5", "1e", "1e+", "-01", "0x10", "[-]", '"\\', '"\\u',
    "[1, 2", '{"a": [1, {"b": }]}', "'a'", "\u00e9", "[1,\n  2,\n  @]",
    '"\\ud800\\u12zz"', '"\\ud800\\u12"', '"\\ud800\\"', '"\\ud800', '"\\ud800\\udc00', '"\\u0041',
    '["a",\n"b" "c"]', '{"a":1 "b":2}', '"\\ud800\\x"', '"abc\\', '[1, "\u00e9\u00e9", x]', '"\\uD83D\\uDE00"',
    "1e5x", "-Infinityx", "[NaN, -NaN]", "[Infinity1]", '"\t"', '"\x7f"', "[1e5, 1E-5, -0.0e0, 0e0]",
]


def json_cases(out):
    out.append("var jsonDecodeCases = []jsonDecodeCase{")
    for doc in JSON_DOCS:
        try:
            v = json.loads(doc)
            rep, err, dump = repr(v), "", json.dumps(v)
        except json.JSONDecodeError as e:
            rep, err, dump = "", str(e), ""
        out.append("\t{doc: %s, repr: %s, dump: %s, err: %s}," % (go_str(doc), go_str(rep), go_str(dump), go_str(err)))
    out.append("}\n")


SEEDS = ["0", "1", "200191", "1053520", "141053", "pow(2, 40) + 7", "-5", "pow(2, 32)", "pow(2, 64) + 3",
         "12345678901234567890123456789", "True", "1.5", "-2.25", "2.0", "1e300", "'abc'", "''",
         "'\\u00e9t\\u00e9'"]

OPS = [
    ("randint", 10000, 99999), ("randint", 10000, 99999), ("randint", 10000, 99999),
    ("randint", 100000, 999999), ("randint", 100000, 999999),
    ("randint", 100000000000, 999999999999), ("randint", 100000000000, 999999999999),
    ("randint", 1000000, 9999999), ("randint", 10000000, 99999999), ("randint", 100000000, 999999999),
    ("randint", 0, 0), ("randint", -5, 5), ("randint", 0, pow(2, 40)), ("randint", -2**62, 2**62),
    ("randint", -pow(2, 63), pow(2, 63) - 1), ("randint", 0, pow(2, 64) - 1), ("randbig", -2**70, 2**70),
    ("randbig", 0, pow(10, 30)), ("random",), ("random",), ("uniform", -10.0, 40.0), ("uniform", 0.0, 120.0),
    ("getrandbits", 0), ("getrandbits", 1), ("getrandbits", 31), ("getrandbits", 32), ("getrandbits", 33),
    ("getrandbits", 64), ("getrandbits", 65), ("getrandbits", 100), ("getrandbits", 200),
    ("choice", 7), ("choice", 1), ("choice", 1000), ("randrange", 5, pow(10, 12)), ("randrange", -10, -3),
    ("shuffle", 10), ("randint", 10000, 99999),
]


def run_op(r, op):
    name = op[0]
    if name in ("randint", "randbig"):
        return str(r.randint(op[1], op[2]))
    if name == "random":
        return repr(r.random())
    if name == "uniform":
        return repr(r.uniform(op[1], op[2]))
    if name == "getrandbits":
        return str(r.getrandbits(op[1]))
    if name == "choice":
        return str(r.choice(range(op[1])))
    if name == "randrange":
        return str(r.randrange(op[1], op[2]))
    if name == "shuffle":
        x = list(range(op[1]))
        r.shuffle(x)
        return repr(x)
    raise ValueError(name)


def random_cases(out):
    out.append("var randomOps = []randomOp{")
    for op in OPS:
        args = ", ".join(go_str(str(a)) for a in op[1:])
        out.append("\t{name: %s, args: []string{%s}}," % (go_str(op[0]), args))
    out.append("}\n")
    out.append("var randomCases = []randomCase{")
    for s in SEEDS:
        r = random.Random(eval(s))
        got = [run_op(r, op) for op in OPS]
        out.append("\t{seed: %s, want: []string{%s}}," % (go_str(s), ", ".join(go_str(g) for g in got)))
    out.append("}\n")


def round_cases(out):
    rnd = random.Random(7)
    xs = [0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 2.675, 1.005, 0.045, 1234.5678, -1234.5678, 1e-10,
          123456789.987654321, 5e-324, 1.7976931348623157e308, 0.0, -0.0, 1e22, 1e-300, 0.1, 0.7,
          15.0, 25.0, 35.0, 149.99999999999997, 1.15, 2.345, -0.04, 3.14159, 1e16 + 2, 9.995]
    for _ in range(150):
        xs.append(rnd.uniform(-1000, 1000))
    for _ in range(60):
        xs.append(rnd.randint(-10**6, 10**6) / 8.0)
    for _ in range(60):
        xs.append(rnd.randint(-10**9, 10**9) / 1000.0)
    for _ in range(40):
        xs.append(math.ldexp(rnd.random(), rnd.randint(-60, 80)))
    cases = []
    for x in xs:
        for n in (0, 1, 2, 3):
            cases.append((x, n))
        cases.append((x, rnd.choice([-3, -2, -1, 4, 5, 7, 10, 15, 17, 20, 30])))
    for x in (1.7976931348623157e308, 1e300, 123.456, 5e-324, -1e-320):
        for n in (-400, -309, -308, -307, -300, -2, 300, 322, 323, 324, 400):
            cases.append((x, n))
    out.append("var roundCases = []roundCase{")
    for x, n in cases:
        try:
            want = repr(round(x, n))
        except OverflowError as e:
            want = err_text(e)
        out.append("\t{x: %s, n: %d, want: %s}," % (go_str(repr(x)), n, go_str(want)))
    out.append("}\n")
    pyround = [("2.5", "None"), ("3.5", "None"), ("-2.5", "None"), ("1e20", "None"), ("0.49999999999999994", "None"),
               ("float('inf')", "None"), ("float('nan')", "None"), ("7", "None"), ("True", "None"), ("True", "2"),
               ("15", "-1"), ("25", "-1"), ("-25", "-1"), ("1234", "-2"), ("1250", "-2"), ("1350", "-2"),
               ("5", "-10"), ("5", "-400"), ("5", "pow(10, 30)"), ("2.675", "2"), ("2.675", "True"),
               ("1.5", "1.0"), ("'x'", "None"), ("'x'", "1"), ("None", "None"), ("123.456", "-1"),
               ("123.456", "pow(10, 30)"), ("123.456", "-(pow(10, 30))"), ("-0.4", "None"), ("-0.4", "0"), ("pow(10, 30) + 5", "-1"),
               ("9.5", "None"), ("1e300", "-299"), ("1.7976931348623157e308", "-308")]
    out.append("var pyRoundCases = []pyRoundCase{")
    for xs_, ns in pyround:
        try:
            v = round(expr(xs_), expr(ns))
            want = "%s %s" % (type(v).__name__, repr(v))
        except Exception as e:
            want = err_text(e)
        out.append("\t{x: %s, n: %s, want: %s}," % (go_str(xs_), go_str(ns), go_str(want)))
    out.append("}\n")


FLOAT_SPECS = ["", ".2f", ".1f", ".0f", ",.2f", ".3f", "f", "F", ".10f", "#.0f", "e", ".2e", "E", ".0e", "#.0e",
               "g", ".3g", ".1g", ".0g", "#g", "#.3g", "G", ".17g", "n", ".3n", "%", ".1%", ",.2%", ".3", ".0", ".1",
               "#.3", ",", ",g", "_.2f", "+.2f", " .2f", "-.2f", "z.1f", "z.2f", "10.2f", "<10.2f", "^10.2f",
               "*>12,.2f", "=+12.2f", "010.2f", "012,.2f", "011,.2f", "09,.2f", "-012,.1f", "020", "<08", ">08",
               "^08", "x<08", "012_.2f", "15", "+", " ", ".20f", ".25g", "#.5", "\u00e9^9.1f", ".2F", "q", ".",
               "10.2.f", ",,", ",_", ",n", ".2s", "d", "=+", "1000000000000000000000.2f"]
FLOAT_VALUES = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 1234.5, -1234.5, 1234567.891, 0.001234, -0.04, 0.125,
                2.675, 1e16, 1e-5, 1.5e-7, 123456789.125, 9.999, 99.995, 1e300, 5e-324, 1e22, 100.0,
                float("inf"), float("-inf"), float("nan"), 3.14159265358979, 1024.0, 1023.999, 0.005, 12.345]


def float_repr_src(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(x)


def format_cases(out):
    out.append("var formatFloatCases = []formatCase{")
    for spec in FLOAT_SPECS:
        for x in FLOAT_VALUES:
            try:
                want, err = format(x, spec), ""
            except Exception as e:
                want, err = "", err_text(e)
            out.append("\t{v: %s, spec: %s, want: %s, err: %s}," % (go_str(float_repr_src(x)), go_str(spec), go_str(want), go_str(err)))
    out.append("}\n")
    other = []
    for v in ["0", "1234", "-1234", "1234567890123456789012", "True", "False", "255"]:
        for spec in ["", "d", ",", "_", "08,d", "09,d", "010,d", "x", "#x", "X", "#X", "o", "#o", "b", "#b", "_x",
                     "012_x", "+d", " 5d", "x<6", "^7", "=+8", ".2f", "e", "%", "g", "n", ".2", "c", ",x", "z",
                     "05", ">5", "#10b"]:
            other.append((v, spec))
    for v in ["'abc'", "''", "'\\u00e9t\\u00e9'"]:
        for spec in ["", "s", ">5", "<5", "^6", "*^7", ".2", "5.1", "=5", "+", "d", "05", "#", ",", "z"]:
            other.append((v, spec))
    for v in ["[1, 'a']", "None", "{'a': 1}", "(1,)"]:
        for spec in ["", "x", ">5"]:
            other.append((v, spec))
    out.append("var formatCases = []formatCase{")
    for vs, spec in other:
        try:
            want, err = format(expr(vs), spec), ""
        except Exception as e:
            want, err = "", err_text(e)
        out.append("\t{v: %s, spec: %s, want: %s, err: %s}," % (go_str(vs), go_str(spec), go_str(want), go_str(err)))
    out.append("}\n")


STRINGS = ["", "a", "a\nb", "a\nb\n", "a\r\nb\rc", "\n\n", "a\x0bb\x0cc\x1cd\x1de\x1ef\x1fg", "x\x85y\u2028z\u2029w",
           "  lead and trail  ", "tabs\tand\nnewlines\r\n", "\u3000wide\u3000space\u00a0nbsp", "ABC def GHI",
           "\u0130stanbul", "\u039f\u0394\u039f\u03a3", "\u039f\u0394\u039f\u03a3 \u03a3\u039f\u03a3.", "x\u03a3'", "x\u03a3's",
           "\u03a3", " \u03a3 ", "A\u03a3\u0301", "\u00c9T\u00c9", "Stra\u00dfe", "\u01c5 Dz", "\u1e9e", "\u2160\u2161",
           "caf\u00e9 \U0001F600", "x\x1cy", "a\r"]


def string_cases(out):
    out.append("var stringCases = []stringCase{")
    for s in STRINGS:
        out.append("\t{s: %s, lines: %s, fields: %s, strip: %s, lower: %s, length: %d}," % (
            go_str(s), "[]string{%s}" % ", ".join(map(go_str, s.splitlines())),
            "[]string{%s}" % ", ".join(map(go_str, s.split())), go_str(s.strip()), go_str(s.lower()), len(s)))
    out.append("}\n")


NUMBER_STRINGS = [
    "0", "42", "-42", "+7", "  12  ", "\t\n3\r", "007", "-0", "1_000", "1__000", "_1", "1_", "1_000_000",
    "12345678901234567890", "-9223372036854775808", "9223372036854775808", "", " ", "+", "-", "1.5", "1e5",
    ".5", "5.", "1.", "1e", "1e+", "1E-3", "-1.5e-3", "inf", "-Infinity", "+INF", "nan", "-NaN", "infinit",
    "0x10", "1_0.5", "1._5", "1e1_0", "10_e3", "\u0663", "\u0661\u0662", "\u00b2", "\u2460", "\uff11\uff12",
    "\u0661.\u0665", "\u00a012\u3000", "1 2", "--1", "+-1", "12a", "\U0001D7D9", "1e400", "-1e400", "1e-400",
    "-1e-400", "0.1", "123.456", "1" * 19, "9" * 30, "3" * 4301, "x" * 250, "1_2_3", "0_0", "00",
    "  -  1", "\x00", "1\x00", "\u2002-5\u2003",
]


def number_cases(out):
    out.append("var numberCases = []numberCase{")
    for s in NUMBER_STRINGS:
        try:
            i = repr(int(s))
        except Exception as e:
            i = err_text(e)
        try:
            f = repr(float(s))
        except Exception as e:
            f = err_text(e)
        out.append("\t{s: %s, int: %s, float: %s}," % (go_str(s), go_str(i), go_str(f)))
    out.append("}\n")
    out.append("var digitCases = []digitCase{")
    for c in [0x30, 0x39, 0x41, 0xb2, 0xb9, 0x660, 0x663, 0x2460, 0x2469, 0xff11, 0x1d7ce, 0x1d7ff, 0x1fbf0, 0x1369, 0x10a40, 0x2155, 0x3007]:
        ch = chr(c)
        out.append("\t{r: 0x%x, isDigit: %s, isDecimal: %s}," % (c, str(ch.isdigit()).lower(), str(ch.isdecimal()).lower()))
    out.append("}\n")


def main():
    out = ["// Code generated by testdata/gen/gen_cases.py (CPython %s); DO NOT EDIT.\n" % sys.version.split()[0],
           "package pyval\n"]
    value_cases(out)
    equal_cases(out)
    json_cases(out)
    random_cases(out)
    round_cases(out)
    format_cases(out)
    string_cases(out)
    number_cases(out)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "cases_gen_test.go"), "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
