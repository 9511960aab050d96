# Regenerates testdata/cases.jsonl: runs each case's calls through the
# unmodified BFCL reference executor (execute_multi_turn_func_call) and
# records the result strings and the final public state. The Go tests only
# read the JSONL; they never run Python. Usage, from this folder:
#
#   python3 gen_cases.py /path/to/gorilla/berkeley-function-call-leaderboard
#
# Python 3.11; the bfcl_eval package's own dependencies are not needed.
import json, sys
sys.path.insert(0, sys.argv[1])
from bfcl_eval.eval_checker.multi_turn_eval.multi_turn_utils import execute_multi_turn_func_call

def enc(v):
    if isinstance(v, set):
        return {"__set__": sorted(enc(x) for x in v)}
    if isinstance(v, dict):
        return {(k if isinstance(k, str) else f"{type(k).__name__}:{k}"): enc(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    return v

def run(cls, cases, out):
    with open(out, "w") as f:
        for i, c in enumerate(cases):
            cfg = c.get("config", {})
            lc = c.get("long_context", False)
            results, inst = execute_multi_turn_func_call(c["calls"], {cls: cfg}, [cls], "gen", f"{cls}_{i}", long_context=lc)
            obj = inst[cls]
            state = {k: enc(v) for k, v in vars(obj).items() if not k.startswith("_")}
            line = {"name": c["name"], "long_context": lc, "config": cfg, "calls": c["calls"], "results": results, "state": state}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")

msg_inbox = [{"USR002": "hi"}, {"USR003": "Report ready"}, {"USR002": "hi"}, {"USR002": "bye"}]
message = [
    {"name": "user ids", "calls": ["list_users()", "get_user_id(user='Alice')", "get_user_id(user='Zed')", "get_user_id(user=5)", "get_user_id(user=['Alice'])"]},
    {"name": "login", "calls": ["message_get_login_status()", "message_login(user_id='USR999')", "message_login(user_id=1)", "message_get_login_status()", "message_login(user_id='USR001')", "message_get_login_status()"]},
    {"name": "not logged in", "calls": ["send_message(receiver_id='USR002', message='x')", "delete_message(receiver_id='USR002')", "view_messages_sent()", "search_messages(keyword='x')", "get_message_stats()"]},
    {"name": "send messages", "calls": ["message_login('USR001')", "send_message(receiver_id='USR999', message='x')", "send_message(receiver_id='USR002', message='first')", "send_message(receiver_id='USR003', message=123)", "send_message(receiver_id='USR002', message=['a', 'b'])", "view_messages_sent()", "get_message_stats()", "send_message('USR004')"]},
    {"name": "many ids", "calls": ["message_login('USR002')"] + ["send_message(receiver_id='USR001', message='m%d')" % i for i in range(12)]},
    {"name": "delete removes first equal", "config": {"inbox": msg_inbox, "current_user": "USR001"}, "calls": ["delete_message(receiver_id='USR002')", "delete_message(receiver_id='USR002')", "delete_message(receiver_id='USR009')", "delete_message(receiver_id=None)", "view_messages_sent()"]},
    {"name": "delete empty message dict", "config": {"inbox": [{"USR002": "a"}, {}], "current_user": "USR001"}, "calls": ["delete_message(receiver_id='USR002')", "get_message_stats()", "view_messages_sent()", "search_messages(keyword='a')"]},
    {"name": "add contact", "calls": ["add_contact(user_name='Alice')", "add_contact(user_name='Eve')", "add_contact(user_name='Frank')", "list_users()", "add_contact(user_name=['x'])", "add_contact(user_name=7)", "get_user_id(user=7)"]},
    {"name": "add contact id taken", "config": {"user_map": {"Alice": "USR001", "Zoe": "USR005"}, "user_count": 4}, "calls": ["add_contact(user_name='Eve')", "add_contact(user_name='Eve')"]},
    {"name": "add contact big count", "config": {"user_count": 999}, "calls": ["add_contact(user_name='Eve')"]},
    {"name": "search", "config": {"current_user": "USR001", "inbox": [{"USR002": "Hello World"}, {"USR003": "world peace"}, {"USR004": "ΟΔΟΣ ΚΑΛΗ"}, {"USR005": "istanbul"}]}, "calls": ["search_messages(keyword='WORLD')", "search_messages(keyword='')", "search_messages(keyword='οδος')", "search_messages(keyword='Σ')", "search_messages(keyword='İSTANBUL')", "search_messages(keyword='ISTANBUL')", "search_messages(keyword=5)"]},
    {"name": "search list content", "config": {"current_user": "USR001", "inbox": [{"USR002": "ok"}, {"USR003": ["Meeting"]}]}, "calls": ["search_messages(keyword='ok')"]},
    {"name": "generated ids list", "config": {"generated_ids": [1, 2], "current_user": "USR001"}, "calls": ["send_message(receiver_id='USR002', message='x')"]},
    {"name": "seeded ids", "config": {"random_seed": 12345, "current_user": "USR001", "message_count": 10}, "calls": ["send_message(receiver_id='USR002', message='x')", "send_message(receiver_id='USR003', message='y')", "get_message_stats()"]},
    {"name": "stats", "config": {"current_user": "USR003"}, "calls": ["get_message_stats()", "view_messages_sent()"]},
    {"name": "int and float receivers", "config": {"user_map": {"Alice": "USR001", "Num": 7}, "current_user": "USR001", "inbox": [{"USR002": "a"}]}, "calls": ["send_message(receiver_id=7, message='seven')", "send_message(receiver_id='USR002', message='b')", "send_message(receiver_id=7.0, message='float')", "view_messages_sent()", "get_message_stats()", "delete_message(receiver_id=7)", "view_messages_sent()"]},
    {"name": "view non-dict message", "config": {"current_user": "USR001", "inbox": [{"USR002": "a"}, "oops"]}, "calls": ["view_messages_sent()", "get_message_stats()"]},
    {"name": "view many receivers", "config": {"current_user": "USR001", "user_map": {"U%d" % i: "USR%03d" % i for i in range(1, 12)}, "user_count": 11}, "calls": ["send_message(receiver_id='USR%03d', message='m%d')" % (1 + i % 11, i) for i in range(20)] + ["view_messages_sent()", "get_message_stats()"]},
]

run("MessageAPI", message, "cases.jsonl")
