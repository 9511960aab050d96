"""Regenerates the conformance files of this folder's parent from the
Python reference (BFCL's travel_booking.py). The Go tests never run it.

    PYTHONPATH=<gorilla>/berkeley-function-call-leaderboard \
        python3 refcases.py replay ../cases.json
    PYTHONPATH=... python3 refcases.py random 42 120 0.03 ../random_calls.json

"replay" recomputes the results and final state of every case of a file
(its names, configs and calls are kept); "random" writes seeded random
call sequences. Results are stringified as the BFCL executor does.
"""
import copy
import inspect
import json
import random
import re
import sys

from bfcl_eval.eval_checker.multi_turn_eval.func_source_code import travel_booking as tb

# CPython prints a set of strings in a per-process hash order; the Go port
# pins the order of the reference's set literal.
SET_RE = re.compile(r"Must be one of \{[^}]*\}")
SET_PINNED = "Must be one of {'economy', 'business', 'first'}"

# The reference merges the long-context extension dicts into each instance
# without copying them, so one case's balance changes leak into the next;
# each case starts from pristine copies here.
ORIG_CARDS = copy.deepcopy(tb.CREDIT_CARD_EXTENSION)
ORIG_BOOKINGS = copy.deepcopy(tb.BOOKING_RECORD_EXTENSION)


def fresh(config, long_context):
    tb.CREDIT_CARD_EXTENSION = copy.deepcopy(ORIG_CARDS)
    tb.BOOKING_RECORD_EXTENSION = copy.deepcopy(ORIG_BOOKINGS)
    inst = tb.TravelAPI()
    inst._load_scenario(copy.deepcopy(config), long_context=long_context)
    return inst


def execute(inst, call):
    try:
        r = eval("inst." + call, {"inst": inst})
        if type(r) == str:
            pass
        elif type(r) == dict:
            try:
                r = json.dumps(r)
            except Exception:
                r = str(r)
        else:
            r = str(r)
    except Exception as e:
        r = f"Error during execution: {str(e)}"
    return SET_RE.sub(SET_PINNED, r)


def final_state(inst):
    return json.dumps({k: v for k, v in vars(inst).items() if not k.startswith("_")})


def replay(path):
    cases = json.load(open(path))
    for case in cases:
        inst = fresh(case["config"], case.get("long_context", False))
        case["results"] = [execute(inst, c) for c in case["calls"]]
        case["final_state"] = final_state(inst)
    json.dump(cases, open(path, "w"), indent=1, ensure_ascii=False)


POOL = ['tok', 'bad', 'SFO', 'LAX', 'JFK', 'RMS', 'LHR', 'CDG', 'HND', 'economy', 'business', 'first', 'Economy',
        '2024-01-01', '2024-1-5', '2024-02-30', '2024-13-01', '2024-01- 7', '1990-05-05', '2015-01-01', 'c1', 'c2',
        'c3', 'nobal', 'b1', 'b2', 'b3', 'b9', 'USD', 'EUR', 'JPY', 'RMB', 'GBP', '100', '1_0', 'abc', 'US12', 'UK1',
        'Ann', 'Lee', '', ' 5 ', 'inf', '-1e3', 'Tokyo', 'Rome', 0, 1, -5, 100, 10**20, 0.0, 1.5, 50.0, 1e308, -2.5,
        250.75, None, True, False, ['x'], [1], {'a': 1}, ['2', '0'], 1e-320, -0.0, 'NaN', '１２', '2024-０１-01',
        'b1 ', [['x']], {'b1': 1}, 7, 110, 2**63, -2**63, 0.1, 3.8, 'US', 'Bearer', 'Rivermist', 'Hong Kong']

CONFIG = {
    "credit_card_list": {"c1": {"card_number": "1111", "balance": 1000.0}, "c2": {"card_number": "2222", "balance": 50},
                         "c3": {"card_number": "5555", "balance": 900}, "nobal": {"card_number": "3333"}},
    "booking_record": {"b1": {"card_id": "c1", "travel_date": "2024-01-01", "travel_from": "SFO", "travel_to": "LAX",
                              "travel_class": "economy", "travel_cost": 200.0, "transaction_id": "t1"},
                       "b2": {"flight_number": "X1", "cost": 5.0}, "b3": {"card_id": "ghost", "travel_cost": 5.0}},
    "access_token": "tok", "token_type": "Bearer", "token_expires_in": 10, "token_scope": "read",
    "user_first_name": "Ann", "user_last_name": "Lee", "budget_limit": 100.0,
}


def param_pool(inst, p):
    return {
        'access_token': ['tok', inst.access_token],
        'card_id': ['c1', 'c2', 'c3', 'nobal'] + list(inst.credit_card_list)[-2:],
        'booking_id': ['b1', 'b2', 'b3', 'b9'] + list(inst.booking_record)[-3:],
        'travel_from': ['SFO', 'LAX', 'JFK', 'RMS', 'LHR', 'CRH'],
        'travel_to': ['SFO', 'LAX', 'JFK', 'RMS', 'CDG', 'HKG', 'PEK'],
        'travel_class': ['economy', 'business', 'first'],
        'travel_date': ['2024-01-01', '2024-1-5', '2024-12-31', '2025-03-3'],
        'base_currency': ['USD', 'EUR', 'JPY', 'RMB', 'GBP', 'INR'],
        'target_currency': ['USD', 'EUR', 'JPY', 'RMB', 'GBP', 'INR'],
        'value': [100, 1.5, 12345, 0.1, 99.99, -3, 10**20],
        'insurance_cost': [5.0, 50, 500.0, 99.5],
        'budget_limit': [10, 1000.0, 5000, 0.5],
        'first_name': ['Ann'], 'last_name': ['Lee'],
        'date_of_birth': ['1990-05-05', '1960-12-31'],
        'passport_number': ['US1', 'UK2'],
    }.get(p)


def generate(seed, n, long_context_share, path):
    rnd = random.Random(seed)
    methods = {name: [p for p in inspect.signature(fn).parameters if p != 'self']
               for name, fn in inspect.getmembers(tb.TravelAPI, inspect.isfunction) if not name.startswith('_')}
    cases = []
    for i in range(n):
        lc = rnd.random() < long_context_share
        cfg = copy.deepcopy(CONFIG)
        if rnd.random() < 0.3:
            cfg['token_expires_in'] = rnd.choice([0, None])
        if rnd.random() < 0.3:
            cfg['budget_limit'] = rnd.choice([None, 5000.0, 10])
        inst = fresh(cfg, lc)
        calls, results = [], []
        for _ in range(30):
            name = rnd.choice(sorted(methods))
            if name == 'authenticate_travel' and rnd.random() < 0.8:
                name = 'book_flight'
            positional = rnd.random() < 0.2
            args = []
            for p in methods[name]:
                if rnd.random() < 0.1:
                    continue
                spec = param_pool(inst, p)
                v = rnd.choice(spec) if spec and rnd.random() < 0.75 else rnd.choice(POOL)
                args.append(repr(v) if positional else f"{p}={v!r}")
            call = f"{name}({', '.join(args)})"
            calls.append(call)
            results.append(execute(inst, call))
        cases.append({"name": f"r{i}", "long_context": lc, "config": cfg, "calls": calls, "results": results,
                      "final_state": final_state(inst)})
    json.dump(cases, open(path, "w"), indent=0, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1] == "replay":
        replay(sys.argv[2])
    else:
        generate(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
