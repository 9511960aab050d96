"""Writes cpython3.<minor>.json: what CPython answers for a few hundred
arithmetic expressions of the calculate alphabet, for cpython_test.go.

Run it with each interpreter, from this directory:

    python3.12 gen_cpython.py > cpython3.12.json
    python3.11 gen_cpython.py > cpython3.11.json

Each answer is the calculate tools' str(round(float(eval(e, {"__builtins__":
None}, {})), 2)), or "Error: " + str(exception). Each expression runs in a
worker process with a timeout: one that times out (an int of millions of
digits, where pyexpr stops at 2**22 bits) is left out. A long expression
is written in a compact form that the test expands: "{n:s}" stands for s
repeated n times ('{' and '}' are not in the alphabet).

Left out as well, and listed on stderr: expressions whose answer changes
when float powers are correctly rounded (glibc's pow is within about half
an ulp, not always correctly rounded; pyexpr rounds correctly), and
random ones whose answer names a complex number (glibc's sin, cos and
atan2 likewise).
"""
import ast
import decimal
import json
import math
import random
import re
import select
import subprocess
import sys

ALPHABET = set("0123456789+-*/(). ")


def expand(e):
    return re.sub(r"\{(\d+):([^{}]*)\}", lambda m: m.group(2) * int(m.group(1)), e)


def calc(e):
    try:
        return str(round(float(eval(e, {"__builtins__": None}, {})), 2))
    except Exception as x:
        return "Error: " + str(x)


def correct_pow(a, b):
    """a ** b with a float result correctly rounded (decimal, 60 digits)."""
    r = a ** b
    if not isinstance(r, float) or not math.isfinite(r) or r == 0:
        return r
    x, y = float(a), float(b)
    if x == 1 or (x < 0 and y != int(y)):
        return r
    with decimal.localcontext() as ctx:
        ctx.prec = 60
        d = decimal.Decimal(abs(x)) ** decimal.Decimal(y)
    f = float(d)
    if x < 0 and int(y) % 2 == 1:
        f = -f
    return f


class PowToCall(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Pow):
            return ast.copy_location(ast.Call(ast.Name("cpow", ast.Load()), [node.left, node.right], []), node)
        return node


def calc_correct_pow(e):
    try:
        tree = ast.fix_missing_locations(PowToCall().visit(ast.parse(e, mode="eval")))
        code = compile(tree, "<string>", "eval")
        return str(round(float(eval(code, {"__builtins__": None, "cpow": correct_pow}, {})), 2))
    except Exception as x:
        return "Error: " + str(x)


def max_depth():
    """The deepest unary chain's tree this interpreter compiles here."""
    lo, hi = 100, 5000
    while hi - lo > 1:
        m = (lo + hi) // 2
        try:
            eval("-" * m + "1", {"__builtins__": None}, {})
            lo = m
        except RecursionError:
            hi = m
    return lo + 1


def worker():
    for line in sys.stdin:
        e = json.loads(line)
        if e is None:
            out = max_depth()
        else:
            x = expand(e)
            out = calc(x)
            if "**" in x and not out.startswith("Error"):
                c = calc_correct_pow(x)
                if not c.startswith("Error") and c != out:
                    out = "LIBM"
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


HAND = [
    # Both tools' tables.
    "2 + 2", "(100 - 20) / 3", "49.99 * 3", "0.1 + 0.2", "1.005 * 100", "10 / 4", "7 // 2", "-7 // 2",
    "-7.5 // 2", "2 ** 10", "2 ** 0.5", "2 ** -1", "-2 ** 2", "2 ** 3 ** 2", "1 / 3",
    "123456789012345678901234567890 / 7", "10 ** 20 / 3", "-(0.0)", "00.5", "5.", ".5", " 1+1", "", "1 +",
    "(1", "1)", "(1 2)", "1 2", "01", "1 + 01", "(*1)", "(**1)", "1..2", "1 .5", "(1) 2", "1 2 )", "(1 2)+(",
    "1/0", "1.0/0", "1//0", "1.0//0", "0**-1", "10**400", "10.0**400", "2**1024/2**1000", "2**2000/3", "()",
    "...", "(-8)**0.5", "2(3)", "2(*3)", "2(**3)", "-()", "()*2", "() - ()", "1*...", "2**()",
    "10/3", "2/3", "(1+2)*3.5", "100*1.1", "1/3*3", "12.5 * 3 - 1", "  7//2", "-7//2", "7.0//-2", "2**10",
    "2**-1", "-2**2", "(-2)**2", "2**0.5", "0.125", "0.375", "2.675", "1.005*1000", "1.", "00", "007.5", "--1",
    "+-+-1", "1 + + 2", "123456789012345678901234567890", "999999999999999999999*9", "2**1000",
    "2**1024/2**1023", "(2**1024)*1.0", "10**-400", "0**0", "0.0**0", "-0.0", " ", "*1", "007", "(-8)**(1/3)",
    "1/((-1)**0.5-(-1)**0.5)", "(-1)**0.5//1", "0**((-1)**0.5)", "()+1", "1+()", "()*()", "...+1", "1(2)",
    "1.()", "()()", "1(*2)", "1(**2)", "1(*())", "1.2.3", "(1).", "(1 .5)", "((1) 2)", "(1 2", "1 2 007",
    "(1+)", "12.5*4.8", "19.99*3 + 5.5", "(250 + 75.5) * 0.9", "1000 - 333.33 - 333.33 - 333.33", "100/7",
    "-100/7", "2**64", "3.14159*2*2", "1234.5678", "0.005", "0.015", "0.025", "45.58**99.29", "2.5**40",
    "0.1**307", "(9**99999)/(7**99999)", "(3**2000)/(2**3000+1)",
    "(((((((((((((((((((((((((1+)))))))))))))))))))))))))",
    "{25:-(}1+{25:)}", "{25:1(}1+{25:)}", "{25:(1+}1+{25:)}", "9**9**2", "{200:(}1{200:)}",
    "{201:(}1{201:)}", "{4301:9}", "{5000:0}", "{4301:1}",
    # Digit limits, and a tokenizer error after the parser's error.
    "(10**4300)(*1)", "(10**4299)(*1)", "(-10**4300)(*1)", "(-10**4299)(*1)", "(10**4300-1)(*1)",
    "(10**4300)(**1)", "(10**4300)()", "{4301:9})", "{4301:9}+01", "{4301:9}(", "{4300:9}", "-{4300:9}",
    "{4400:0}.5", "1{400:0}.0", "1{400:0}.0*0",
    # Floats at their limits.
    "10.0**308*10", "10.0**308*10-10.0**308*10", "(10.0**308*10)*0", "-(10.0**308*10)", "2.0**-1074",
    "2.0**-1075", "2.0**-1080", "(-8.0)**0.5*0", "(-0.0)**-1", "0.0**-1", "(-0.0)**-1.5", "2**1023*2.0",
    "2**1024*1.0", "2**1023+2**1022*1.0", "(2**1024-2**970)*1.0", "(2**1024-2**971)*1.0", "2**53+1.0",
    "(2**53+1)/1", "1.7976931348623157*10**308", "17976931348623157*10**292*1.0", "2.5**1000",
    "1.0000001**10000000", "1.0000001**-10000000", "0.9999999**100000000", "10**-4000", "0.1**400",
    "10.0**-400", "(-10.0)**401", "(-10.0)**-401", "2**2**2**2**2", "(2**2**2**2**2)/(3**10000)",
    # Complex numbers, named in messages.
    "(-1)**0.5", "((-1)**0.5)(*1)", "(2*(-1)**0.5)()", "(1+(-1)**0.5)(**1)", "((-1)**0.5)**2",
    "((-1)**0.5)*((-1)**0.5)", "1/((-1)**0.5)", "((-1)**0.5)/0", "((-1)**0.5)**0", "((-1)**0.5)**((-1)**0.5)",
    "((-1)**0.5-2)**(10.0**308)",
    # Floor division, tuples, Ellipsis, calls.
    "7//-2", "-7//-2", "7.5//-2", "-0.0//1", "0.0//-1", "1//-0.0", "10**20//3", "-10**20//7", "10**20/10**19",
    "()*2**63", "()*2**62", "()*-(2**63)", "2**63*()", "(2**63-1)*()", "()*1.0", "1.0*()", "...*()", "()*...",
    "()+()", "()+()*3", "+()", "+...", "()**2", "()/()", "()//()", "...+...", "()(...)", "1(())", "(-0.0)(*1)",
    "(1.5)(*())", "(...)(**())", "()(*...)", "1(*1)(**2)", "1(*())()", "()(*())(**())",
    # Dots, zeros, stars, parentheses.
    "1...2", "1....2", "1.....2", ". 5", "1. 5", ".(", "...(", "1(...)", "(...)", "...()", "1.(2)", "1 .()",
    "1. ()", "1..()", "1...()", ". . .", ".. .", "0", "000.", "0.0", "00.00", "000123", "000123.", "0 0",
    "0 1", "01 1", "1 01", "(01", "01)", "(1 01)", "1(01)", "(*01)", "()01", "{200:(}{200:)}",
    "{200:(}1{199:)}", "{201:(}", "))", "())", "{200:(}1 2{200:)}", "{199:(}*1{199:)}", "{199:(}**1{199:)}",
    "1(*(*1))", "1(**(**1))", "1(*(1 2))", "1((1 2))", "1(1 2)", "1(1(1 2))", "(1)(2)(3 4)", "1(*1 2)",
    "1(**1 2)", "1(* *1)", "1(*)", "(*)", "1(**)", "(**)", "1(*1+)", "(*1 2)", "(**1 2)", "(*1)(", "((*1))",
    "(*(1))", "(**(1))", "(*1)+(", "1+(*1)", "(*1)*(**1)", "(*1)2", "1*(", "1**", "**1", "//1", "/1", "1//",
    "1/ /2", "1* *2", "1** *2", "1***2", "1****2", "1*****2", "1//*2", "1///2", "1////2", "1+*2", "1-**2",
    "1(+)", "1(-)", "- - -1", "+-+-+-1", "-+()", "--...", "1 - - 1", "1--1", "1+-+-1", "2**-2**-2", "-2**-2",
    "(-2)**-2", "2**-(2**-2)", "(-2)**0.5", "(-2)**-0.5", "(-8)**(-1/3)",
]

# Families at the parser's stack limit (both versions' thresholds) and at
# the compiler's recursion limit.
STACK = [
    ("-", "1", "", [5974, 5975, 5976]), ("-", "1+", "", [5972, 5973]), ("-", "(1)", "", [5946, 5947, 5948]),
    ("-", "*1", "", [5973, 5974, 5975]), ("-", "1(", "", [5973, 5974]), ("-", "(*1)", "", [5943, 5944, 5945, 5946]),
    ("-", "(**1)", "", [5943, 5944, 5945]), ("-", "1 2", "", [5972, 5973]), ("-", "(1 2)", "", [5942, 5943]),
    ("-", "1(1 2)", "", [5947, 5948]), ("-", "1(*)", "", [5946, 5947, 5948, 5949]), ("-", "", "", [5973, 5974, 5975]),
    ("-", "1(*1)", "", [5947, 5948, 5949]), ("-", "1(**1)", "", [5947, 5948, 5949]), ("-", "...", "", [5974, 5975, 5976]),
]
NESTED = [("(", "1+", 199, 200), ("-(", "1+", 192, 193), ("1**(", "1", 199, 200), ("(1+", "1 2", 199, 200),
          ("1+(", "1 2", 199, 200), ("-(", "*1", 192, 193), ("1(", "1+", 199, 200), ("1(*", "1", 150, 200)]
DEPTH = [("-", "1", [2995, 2996]), ("-", "(1)", [2995, 2996]), ("1+", "1", [2995, 2996]), ("1*", "1", [2995, 2996]),
         ("1(", "1", [2995, 2996])]


def cases(minor):
    out = list(HAND)
    for u, tail, post, ns in STACK:
        out += ["{%d:%s}%s%s" % (n, u, tail, post) for n in ns]
    out.append("1{2988:**1}")
    for u, tail, a, b in NESTED:
        for n in (a, b):
            out.append("{%d:%s}%s{%d:)}" % (n, u, tail, n))
    if minor >= 12:  # 3.11's limit moves with the frames and warm-up.
        out.append("1{2987:**1}")
        for u, tail, ns in DEPTH:
            out += ["{%d:%s}%s" % (n, u, tail) if u != "1(" else "1{%d:(1)}" % n for n in ns]
    out += ["{4000:-}1", "{4000:1+}1"]
    # Random expressions and mutations, the same for every version.
    rnd = random.Random(20240611)
    nums = ["0", "00", "007", "1", "2", "3", "10", "1.", ".5", "1.5", "0.1", "2.675", "123456789012345678901234567890",
            "0.0", "00.5", "9", "1000", "99999999999999999999", "4", "7", "0.", "...", "()"]
    ops = ["+", "-", "*", "/", "//", "**"]

    def expr(d):
        r = rnd.random()
        if d <= 0 or r < 0.3:
            return rnd.choice(nums)
        if r < 0.55:
            return expr(d - 1) + rnd.choice(["", " "]) + rnd.choice(ops) + rnd.choice(["", " "]) + expr(d - 1)
        if r < 0.7:
            return rnd.choice(["-", "+", "--", "- "]) + expr(d - 1)
        if r < 0.85:
            return "(" + expr(d - 1) + ")"
        if r < 0.92:
            return expr(d - 1) + "(" + rnd.choice(["", "*", "**"]) + (expr(d - 1) if rnd.random() < 0.8 else "") + ")"
        return "(" + rnd.choice(["*", "**"]) + expr(d - 1) + ")"

    def mutate(s):
        s = list(s)
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randint(0, len(s))
            op = rnd.random()
            if op < 0.4 and s:
                del s[min(i, len(s) - 1)]
            elif op < 0.8:
                s.insert(i, rnd.choice(sorted(ALPHABET)))
            elif s:
                s[min(i, len(s) - 1)] = rnd.choice(sorted(ALPHABET))
        return "".join(s)

    seen, fixed = set(out), len(out)
    while len(out) < fixed + 300:
        k = rnd.random()
        e = expr(rnd.randint(1, 5)) if k < 0.5 else mutate(expr(rnd.randint(1, 4))) if k < 0.85 else \
            "".join(rnd.choice(sorted(ALPHABET)) for _ in range(rnd.randint(1, 12)))
        if e not in seen and "{" not in e:
            seen.add(e)
            out.append(e)
    return out


def main():
    if sys.argv[1:] == ["--worker"]:
        worker()
        return
    minor = sys.version_info[1]
    p = subprocess.Popen([sys.executable, "-W", "ignore", __file__, "--worker"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True)

    def ask(e):
        nonlocal p
        if p is None:
            p = subprocess.Popen([sys.executable, "-W", "ignore", __file__, "--worker"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True)
        p.stdin.write(json.dumps(e) + "\n")
        p.stdin.flush()
        if select.select([p.stdout], [], [], 5)[0]:
            return json.loads(p.stdout.readline())
        p.kill()
        p.wait()
        p = None
        return None

    depth = ask(None)
    rows = []
    for e in cases(minor):
        assert set(expand(e)) <= ALPHABET, e
        want = ask(e)
        if want is None or want == "LIBM" or e not in HAND and re.search(r"\dj\b|\dj\)", want):
            print("left out:", e[:60], want, file=sys.stderr)
            continue
        rows.append(json.dumps([e, want]))
    print('{"python": %s, "max_depth": %d, "cases": [\n%s\n]}' % (
        json.dumps(sys.version.split()[0]), depth, ",\n".join(rows)))


main()
