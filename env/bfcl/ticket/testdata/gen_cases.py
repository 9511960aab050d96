"""Regenerates cases.json: call sequences run through the Python reference.

Run from anywhere with the upstream checkout (BFCL commit 6ea57973) at
$GORILLA (default /tmp/gorilla):  python3 testdata/gen_cases.py
The Go tests only read cases.json; they never run Python.
"""
import json
import os
import sys

root = os.path.join(os.environ.get("GORILLA", "/tmp/gorilla"), "berkeley-function-call-leaderboard")
sys.path.insert(0, root)
from bfcl_eval.eval_checker.multi_turn_eval.func_source_code.ticket_api import TicketAPI  # noqa: E402

QUEUE = {
    "ticket_queue": [
        {"id": 1, "title": "Printer", "description": "jammed", "status": "Open", "priority": 2, "created_by": "ann"},
        {"id": 2, "title": "VPN", "description": "", "status": "Closed", "priority": 4, "created_by": "bob"},
        {"id": 3, "title": "Mail", "description": "slow", "status": "resolved", "priority": 1, "created_by": "ann"},
    ],
    "ticket_counter": 4,
    "current_user": "ann",
}

CASES = [
    ("logged out", {}, [
        "create_ticket(title='x')", "get_user_tickets()", "ticket_get_login_status()", "logout()",
        "get_ticket(ticket_id=1)", "close_ticket(ticket_id=1)", "resolve_ticket(ticket_id=1, resolution='r')",
        "edit_ticket(ticket_id=1, updates={'title': 't'})",
    ]),
    ("login", {}, [
        "ticket_login(username='', password='p')", "ticket_login(username='u', password='')",
        "ticket_get_login_status()", "ticket_login(username='u', password='p')", "ticket_get_login_status()",
        "logout()", "logout()", "ticket_login(username=7, password=[1])", "ticket_get_login_status()",
        "ticket_login(username='u')",
    ]),
    ("create", {"current_user": "me"}, [
        "create_ticket(title='a')", "create_ticket(title='b', description='d', priority=5)",
        "create_ticket(title='c', priority=0)", "create_ticket(title='c', priority=6)",
        "create_ticket(title='c', priority='3')", "create_ticket(title='c', priority=None)",
        "create_ticket(title='c', priority=2.5)", "create_ticket('p', 'q', 3)", "create_ticket(title='c', priority=True)",
        "create_ticket(description='no title')", "create_ticket('a', 'b', 1, 2)",
        "get_ticket(ticket_id=3)", "get_ticket(ticket_id=3.0)", "get_ticket(ticket_id='3')", "get_ticket(ticket_id=99)",
        "get_user_tickets()",
    ]),
    ("manage", QUEUE, [
        "close_ticket(ticket_id=1)", "close_ticket(ticket_id=1)", "close_ticket(ticket_id=9)",
        "resolve_ticket(ticket_id=2, resolution='fixed')", "resolve_ticket(ticket_id=2, resolution='again')",
        "resolve_ticket(ticket_id=9, resolution='x')", "resolve_ticket(ticket_id=3, resolution='case')",
        "edit_ticket(ticket_id=3, updates={'title': 'New', 'priority': 5, 'description': None})",
        "edit_ticket(ticket_id=3, updates={'owner': 'x'})",
        "edit_ticket(ticket_id=3, updates={'title': 'y', 'owner': 'x'})",
        "edit_ticket(ticket_id=3, updates=['title'])", "edit_ticket(ticket_id=3, updates='title')",
        "edit_ticket(ticket_id=9, updates=5)", "edit_ticket(ticket_id=3, updates={})",
        "get_ticket(ticket_id=3)", "get_user_tickets()", "get_user_tickets(status='OPEN')",
        "get_user_tickets(status='closed')", "get_user_tickets(status='')", "get_user_tickets(status=5)",
        "get_user_tickets(status='Resolved')", "create_ticket(title='z', priority=3)", "get_user_tickets(status='open')",
    ]),
    ("status filter with no tickets", {"current_user": "nobody"}, ["get_user_tickets(status=5)"]),
    ("ticket without id", {"current_user": "u", "ticket_queue": [{"title": "x", "created_by": "u"}]}, [
        "get_ticket(ticket_id=1)", "get_user_tickets()",
    ]),
    ("ticket without creator", {"current_user": "u", "ticket_queue": [{"id": 1, "title": "x"}]}, [
        "get_user_tickets()", "close_ticket(ticket_id=1)",
    ]),
    ("float counter", {"current_user": "u", "ticket_counter": 2.5}, ["create_ticket(title='x')", "create_ticket(title='y')"]),
]


def enc(v):
    if isinstance(v, dict):
        return {(k if isinstance(k, str) else f"{type(k).__name__}:{k}"): enc(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return {"__repr__": repr(v)}


def run(call, inst):
    ns = {n: getattr(inst, n) for n in dir(inst) if not n.startswith("_") and callable(getattr(inst, n))}
    try:
        r = eval(call, ns)
        if type(r) == str:
            pass
        elif type(r) == dict:
            try:
                r = json.dumps(r)
            except Exception:
                r = str(r)
        else:
            r = str(r)
        return r
    except Exception as e:
        return f"Error during execution: {str(e)}"


out = []
for name, config, calls in CASES:
    inst = TicketAPI()
    inst._load_scenario(json.loads(json.dumps(config)))
    results = [run(c, inst) for c in calls]
    state = {k: enc(v) for k, v in vars(inst).items() if not k.startswith("_")}
    out.append({"name": name, "config": config, "calls": calls, "results": results, "state": state})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
