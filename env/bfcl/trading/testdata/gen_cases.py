"""Regenerates cases.json: call sequences run through the Python reference.

Run from anywhere with the upstream checkout (BFCL commit 6ea57973) at
$GORILLA (default /tmp/gorilla):  python3 testdata/gen_cases.py
The Go tests only read cases.json; they never run Python.
"""
import hashlib
import json
import os
import sys

root = os.path.join(os.environ.get("GORILLA", "/tmp/gorilla"), "berkeley-function-call-leaderboard")
sys.path.insert(0, root)
from bfcl_eval.eval_checker.multi_turn_eval.func_source_code.trading_bot import TradingBot  # noqa: E402

AUTH = {"authenticated": True}
OPEN = {"authenticated": True, "market_status": "Open"}

CASES = [
    ("not authenticated", False, {}, [
        "place_order(order_type='Buy', symbol='AAPL', price=100.0, amount=1)",
        "withdraw_funds(amount=10)", "get_account_info()", "remove_stock_from_watchlist(symbol='NVDA')",
        "get_watchlist()", "get_order_history()", "get_transaction_history()", "fund_account(amount=10)",
        "trading_get_login_status()", "trading_logout()", "get_current_time()",
    ]),
    ("login and logout", False, {}, [
        "trading_login(username='u', password='p')", "trading_login(username='u', password='p')",
        "trading_get_login_status()", "trading_logout()", "trading_logout()", "trading_get_login_status()",
    ]),
    ("place order errors", False, AUTH, [
        "place_order(order_type='Buy', symbol='XXXX', price=10.0, amount=1)",
        "place_order(order_type='Buy', symbol='AAPL', price=0, amount=1)",
        "place_order(order_type='Buy', symbol='AAPL', price=10.0, amount=-1)",
        "place_order(order_type='Buy', symbol='AAPL', price='10', amount=1)",
        "place_order(order_type='Buy', symbol='AAPL', price=10.0, amount='1')",
        "place_order(order_type=5, symbol='AAPL', price=10.0, amount=1)",
        "place_order(order_type='Buy', symbol=['AAPL'], price=10.0, amount=1)",
        "place_order(order_type='BUY', symbol='GOOG', price=2840.34, amount=100)",
        "place_order(order_type='buy', symbol='GOOG', price=3333, amount=3.7)",
        "place_order(order_type='Buy', symbol='AAPL')",
        "place_order('Buy', 'AAPL', 1.0, 1, 5)",
        "place_order(order_type='Buy', symbol='AAPL', price=1.0, amount=1, extra=2)",
    ]),
    ("place orders", False, AUTH, [
        "place_order(order_type='Sell', symbol='GOOG', price=2840.34, amount=100)",
        "place_order(order_type='Buy', symbol='NVDA', price=220, amount=2.5)",
        "place_order(order_type='Buy', symbol='ZETA', price=22.09, amount=True)",
        "place_order('Buy', 'AAPL', 227.16, 3)",
        "get_order_history()", "get_order_details(order_id=12448)", "get_order_details(12449.0)",
    ]),
    ("cancel orders", False, AUTH, [
        "cancel_order(order_id=1)", "cancel_order(order_id=12345)", "cancel_order(order_id=12446.0)",
        "cancel_order(order_id=12446)", "cancel_order(order_id=[1])", "get_order_details(order_id=99)",
        "get_order_details(order_id='12345')", "get_order_details(order_id={'a': 1})",
    ]),
    ("odd orders", False, {"authenticated": True, "orders": {"12345": {"symbol": "AAPL", "price": 210.65, "num_shares": 10, "status": "Completed"}, "order_type": "Buy"}}, [
        "get_order_details(order_id='order_type')", "cancel_order(order_id='order_type')",
        "get_order_history()", "get_order_details(order_id=1)",
    ]),
    ("withdraw closed market", False, AUTH, ["withdraw_funds(amount=10)"]),
    ("withdraw", False, OPEN, [
        "withdraw_funds(amount=0)", "withdraw_funds(amount=-5.5)", "withdraw_funds(amount=10000.01)",
        "withdraw_funds(amount='5')", "withdraw_funds(amount=None)", "withdraw_funds(amount=0.1)",
        "withdraw_funds(amount=2)", "withdraw_funds(amount=9999.7)", "get_account_info()",
        "get_transaction_history()",
    ]),
    ("fund and history", False, {"authenticated": True, "random_seed": 42}, [
        "fund_account(amount=0)", "fund_account(amount='x')", "fund_account(amount=[1])",
        "fund_account(amount=0.1)", "fund_account(amount=0.2)", "fund_account(amount=3)",
        "fund_account(amount=1e20)", "get_account_info()",
        "get_transaction_history(start_date='2024-09-01')",
        "get_transaction_history(start_date='2024-9-2')",
        "get_transaction_history(end_date='2024-09-02')",
        "get_transaction_history(start_date='2024-09-02', end_date='2024-09-03')",
        "get_transaction_history(start_date='2024-09-01', end_date='2024-09-01')",
        "get_transaction_history(start_date='', end_date=None)",
        "get_transaction_history(start_date='2024/09/01')",
        "get_transaction_history(start_date='2024-02-30')",
        "get_transaction_history(start_date='2023-02-29')",
        "get_transaction_history(start_date='0000-01-01')",
        "get_transaction_history(start_date='2024-09-01x')",
        "get_transaction_history(start_date='2024-09-01 10:00')",
        "get_transaction_history(end_date=20240901)",
        "get_transaction_history(start_date=['2024-09-01'])",
        "get_transaction_history(start_date='2024-13-01')",
        "get_transaction_history(start_date='2024-1-5')",
        "get_transaction_history(start_date='24-01-05')",
    ]),
    ("int balance", False, {"authenticated": True, "market_status": "Open", "account_info": {"account_id": 1, "balance": 100, "binding_card": 2}}, [
        "fund_account(amount=5)", "withdraw_funds(amount=3)", "fund_account(amount=0.5)",
        "place_order(order_type='Buy', symbol='AAPL', price=227.16, amount=1)",
        "get_account_info()",
    ]),
    ("bad history timestamp", False, {"authenticated": True, "transaction_history": [{"type": "deposit", "amount": 1, "timestamp": "2024-09-01"}]}, [
        "get_transaction_history()",
    ]),
    ("history without timestamp", False, {"authenticated": True, "transaction_history": [{"type": "deposit", "amount": 1}]}, [
        "get_transaction_history()",
    ]),
    ("quotes", False, {}, [
        "get_stock_info(symbol='AAPL')", "get_stock_info(symbol='XYZ')", "get_stock_info(symbol=['AAPL'])",
        "get_stock_info(symbol=5)", "get_symbol_by_name(name='Apple')", "get_symbol_by_name(name='Gorilla')",
        "get_symbol_by_name(name='Nobody')", "get_symbol_by_name(name=['Apple'])",
        "get_available_stocks(sector='Technology')", "get_available_stocks(sector='Automobile')",
        "get_available_stocks(sector='Food')", "get_available_stocks(sector={'a': 1})",
    ]),
    ("filters", False, {}, [
        "filter_stocks_by_price(stocks=['AAPL', 'GOOG', 'ZETA', 'NOPE'], min_price=0, max_price=300)",
        "filter_stocks_by_price(stocks=['AAPL', 'GOOG'], min_price=300, max_price=100)",
        "filter_stocks_by_price(stocks='AAPL', min_price=0, max_price=300)",
        "filter_stocks_by_price(stocks=5, min_price=0, max_price=300)",
        "filter_stocks_by_price(stocks=['AAPL'], min_price='0', max_price=300)",
        "filter_stocks_by_price(stocks=['AAPL'], min_price=0, max_price=None)",
        "filter_stocks_by_price(stocks=['AAPL'], min_price=300, max_price=None)",
        "filter_stocks_by_price(stocks=[['AAPL']], min_price=0, max_price=1)",
        "filter_stocks_by_price(stocks={'AAPL': 1, 'TSLA': 2}, min_price=227.16, max_price=227.16)",
        "notify_price_change(stocks=['AAPL', 'TSLA', 'ZETA', 'NOPE'], threshold=0.1)",
        "notify_price_change(stocks=['AAPL'], threshold=1)",
        "notify_price_change(stocks=['AAPL'], threshold='1')",
        "notify_price_change(stocks=[], threshold=0)",
        "notify_price_change(stocks=['NOPE'], threshold='1')",
    ]),
    ("watch list", False, AUTH, [
        "add_to_watchlist(stock='AAPL')", "add_to_watchlist(stock='AAPL')", "add_to_watchlist(stock='NOPE')",
        "add_to_watchlist(stock=['X'])", "remove_stock_from_watchlist(symbol='NVDA')",
        "remove_stock_from_watchlist(symbol='NVDA')", "remove_stock_from_watchlist(symbol=1)",
        "get_watchlist()",
    ]),
    ("long context", True, {"authenticated": True, "market_status": "Open"}, [
        "get_stock_info(symbol='AAPL')", "get_stock_info(symbol='NOPE')",
        "get_order_details(order_id=12345)", "get_order_details(order_id=1)",
        "place_order(order_type='Buy', symbol='TSLA', price=600, amount=2)", "get_order_details(order_id=12446)",
        "get_watchlist()", "add_to_watchlist(stock='AAPL')", "get_watchlist()",
        "get_transaction_history()", "fund_account(amount=10)", "get_transaction_history()",
        "get_transaction_history(start_date='2030-01-01')",
        "get_available_stocks(sector='Technology')", "get_available_stocks(sector='Automobile')",
        "get_available_stocks(sector='Food')",
    ]),
    ("long context odd orders", True, {"orders": {"1": {"id": 1}, "2": "text", "3": [1, 2], "4": {"symbol": 7}}}, [
        "get_order_details(order_id=1)", "get_order_details(order_id=2)", "get_order_details(order_id=3)",
        "get_order_details(order_id=4)",
    ]),
    ("long context logged out", True, {}, ["get_watchlist()", "get_transaction_history()"]),
    ("long context odd stocks", True, {
        "stocks": {"AAA": {"price": 1, "MA(20)": 2, "x": None}, "BBB": {}, "CCC": [1]},
        "orders": {"5": {"symbol": "AAA", "metadata": "old", "id": 5}, "6": {"symbol": 3.5}},
    }, [
        "get_stock_info(symbol='AAA')", "get_stock_info(symbol='BBB')", "get_stock_info(symbol='CCC')",
        "get_order_details(order_id=5)", "get_order_details(order_id=6)", "get_stock_info(symbol='AAA')",
    ]),
]


def enc(v):
    if isinstance(v, dict):
        return {(k if isinstance(k, str) else f"{type(k).__name__}:{k}"): enc(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, set):
        return {"__set__": sorted(enc(x) for x in v)}
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


def digest(r):
    if len(r) <= 2000:
        return r
    return {"sha256": hashlib.sha256(r.encode()).hexdigest(), "len": len(r), "head": r[:300], "tail": r[-300:]}


out = []
for name, long_context, config, calls in CASES:
    inst = TradingBot()
    inst._load_scenario(json.loads(json.dumps(config)), long_context=long_context)
    results = [digest(run(c, inst)) for c in calls]
    state = {k: enc(v) for k, v in vars(inst).items() if not k.startswith("_")}
    out.append({"name": name, "long_context": long_context, "config": config, "calls": calls, "results": results, "state": state})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
