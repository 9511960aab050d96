"""Writes lax_pydantic.json: how pydantic v2 (lax mode) validates strings
as int, float and bool fields, for lax_test.go.

Run with pydantic installed: python3 gen_lax.py > lax_pydantic.json
"""
import json
import math

from pydantic import TypeAdapter, ValidationError

INTS = ["1", "+1", "-1", " 1 ", "1_0", "1__0", "_1", "1_", "1.0", "1.00", "1.5", "1.", "0x10",
        "1e3", "99999999999999999999", "-99999999999999999999", "", " ", "+-1", "--1", "1 0",
        "\u0663", "\uff11", "0b1", "1.0e0", "00", "007", "+_1", "1_000_000", "-0", "+0.000",
        "1_.0", ".0", "-.0", "1.0_0", "\t42\n"]
FLOATS = ["1", "1.5", " 1.5 ", "1e500", "-1e500", "1e-500", "inf", "-inf", "+inf", "Infinity",
          "nan", "NaN", "-nan", "1_0", "1__0", "1_0.5", "_1", "1_", "1e5_0", "0x10", "1p3", "",
          "1.5.5", "+1.5", "++1", ".5", "5.", "1e", "e1", "infinity", "INF", "1d", "\u0661",
          "1.5 ", "1,5", "+nan", "1._5", "1_.5", "1.5_", "1e_5", "1e+5", "1E-5", ".", "-.",
          "+.5e1", "1e5.0", "-0", "infinit", "nana", "1.5e", "0.1_2", "+_1", "-_1.5", "1_e5",
          "_.5", "._5", " _1", "1_ ", "1e5_", "1_e_5", "i_nf", "1.5e+_3"]
BOOLS = ["0", "1", "true", "True", " yes ", "off", "f", "t", "y", "n", "2", "", "on ", "TRUE",
         "no", "yes", "ON", "oN", "False", "No", "1.0", "0.0", "tRuE"]


def run(adapter, inputs):
    out = []
    for x in inputs:
        try:
            v = adapter.validate_python(x)
        except ValidationError as e:
            out.append({"in": x, "error": e.errors()[0]["type"]})
            continue
        if isinstance(v, float) and (math.isinf(v) or math.isnan(v)):
            v = repr(v)
        out.append({"in": x, "ok": v if not isinstance(v, int) or isinstance(v, bool) else str(v)})
    return out


print(json.dumps({"int": run(TypeAdapter(int), INTS),
                  "float": run(TypeAdapter(float), FLOATS),
                  "bool": run(TypeAdapter(bool), BOOLS)}, indent=1, ensure_ascii=False))
