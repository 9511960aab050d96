# Writes intdiv.txt: "a b repr(a/b)" lines (or "OverflowError"), Python's
# int true division, for TestIntTrueDiv. Run with CPython 3.12:
#   python3.12 pyval/testdata/gen_intdiv.py > pyval/testdata/intdiv.txt
import random

random.seed(7)


def case(a, b):
    try:
        r = repr(a / b)
    except OverflowError:
        r = "OverflowError"
    print(a, b, r)


sizes = [1, 10, 50, 53, 54, 60, 100, 500, 1100, 1200]
for _ in range(250):
    a = random.getrandbits(random.choice(sizes)) * random.choice([1, -1])
    b = (random.getrandbits(random.choice(sizes)) or 1) * random.choice([1, -1])
    case(a, b)
# Subnormal quotients, ties and the edge of overflow.
for k in range(1070, 1080):
    case(1, 2**k)
    case(3, 2**k)
    case(2**60 + 1, 2 ** (k + 60))
    case(-(2**61 + 3), 2 ** (k + 60))
case(2**53 + 1, 1)
case(2**53 + 3, 1)
case(2**54 + 2, 2)
case(2**1024, 1)
case(2**1024 - 2**970, 1)
case(2**1024 - 2**970 - 1, 1)
case(2**1024 - 2**971, 1)
case(2**2048, 2**1024)
case(2**2048, 2**1023)
case(0, -5)
case(-(2**100), 3)
case(10**400, 3**800)
