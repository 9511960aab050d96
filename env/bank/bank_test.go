package bank_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/tool"
)

// newBank builds an env from a config and fails the test on error.
func newBank(t testing.TB, config string) *bank.Bank {
	t.Helper()
	e, err := bank.New(json.RawMessage(config))
	if err != nil {
		t.Fatalf("New(%s): %v", config, err)
	}
	return e.(*bank.Bank)
}

// call runs one call with JSON arguments given as a Go value.
func call(t testing.TB, e env.Env, name string, args any) tool.Result {
	t.Helper()
	b, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	return e.Call(context.Background(), tool.Call{ID: "call_1", Name: name, Arguments: string(b)})
}

// mustCall runs a call that must succeed.
func mustCall(t testing.TB, e env.Env, name string, args any) tool.Result {
	t.Helper()
	r := call(t, e, name, args)
	if r.Error != nil {
		t.Fatalf("%s(%v): unexpected error: %s", name, args, r.Error.Message)
	}
	return r
}

func snapshot(t testing.TB, e env.Env) string {
	t.Helper()
	s, err := e.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	return string(s)
}

func account(t testing.TB, st *bank.State, id string) bank.Account {
	t.Helper()
	for _, a := range st.Accounts {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no account %s", id)
	return bank.Account{}
}

func card(t testing.TB, st *bank.State, id string) bank.Card {
	t.Helper()
	for _, c := range st.Cards {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no card %s", id)
	return bank.Card{}
}

func TestRegistered(t *testing.T) {
	info, ok := env.Lookup("bank")
	if !ok {
		t.Fatal(`env "bank" is not registered`)
	}
	if info.Description == "" {
		t.Error("empty description")
	}
	e, err := env.New("bank", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := e.(*bank.Bank); !ok {
		t.Fatalf("env.New gave %T, want *bank.Bank", e)
	}
}

func TestDefaultWorld(t *testing.T) {
	st := bank.Default()
	if st.Today != "2026-03-02" {
		t.Errorf("today = %s", st.Today)
	}
	if len(st.Customers) != 5 || len(st.Accounts) != 12 || len(st.Cards) != 7 || len(st.Payees) != 8 ||
		len(st.Transactions) != 31 || len(st.ScheduledPayments) != 5 || len(st.ExchangeRates) != 6 {
		t.Errorf("default world has %d customers, %d accounts, %d cards, %d payees, %d transactions, %d scheduled, %d rates",
			len(st.Customers), len(st.Accounts), len(st.Cards), len(st.Payees), len(st.Transactions), len(st.ScheduledPayments), len(st.ExchangeRates))
	}
	if a := account(t, st, "CHK-1001"); a.Balance != 348215 || a.DailyPaymentLimit != 250000 {
		t.Errorf("CHK-1001 = %+v", a)
	}
	// Default hands out copies.
	st.Accounts[0].Balance = 1
	if account(t, bank.Default(), "CHK-1001").Balance != 348215 {
		t.Error("changing Default's result changed the default world")
	}
}

func TestConfigOverlay(t *testing.T) {
	e := newBank(t, `{"today": "2026-03-20"}`)
	st := e.State()
	if st.Today != "2026-03-20" || len(st.Accounts) != 12 {
		t.Fatalf("today %s, %d accounts: want the default world on 2026-03-20", st.Today, len(st.Accounts))
	}
	// The pinned clock drives new transactions and scheduling checks.
	mustCall(t, e, "transfer_funds", map[string]any{"from_account_id": "CHK-1001", "to_account_id": "SAV-1002", "amount": 1})
	if got := e.State().Transactions[31].Date; got != "2026-03-20" {
		t.Errorf("new transaction dated %s, want 2026-03-20", got)
	}
	r := call(t, e, "schedule_payment", map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 5, "date": "2026-03-19"})
	if r.Error == nil || !strings.Contains(r.Error.Message, "today is 2026-03-20") {
		t.Errorf("scheduling before today: %s", r.Text())
	}
}

func TestConfigVariantFile(t *testing.T) {
	b, err := os.ReadFile("testdata/variant.json")
	if err != nil {
		t.Fatal(err)
	}
	e, err := bank.New(b)
	if err != nil {
		t.Fatal(err)
	}
	st := e.(*bank.Bank).State()
	if len(st.Customers) != 1 || len(st.Accounts) != 2 || len(st.Cards) != 0 || len(st.Transactions) != 0 {
		t.Fatalf("variant: %d customers, %d accounts, %d cards, %d transactions", len(st.Customers), len(st.Accounts), len(st.Cards), len(st.Transactions))
	}
	// Lists the variant leaves out keep the default (the exchange rates).
	if len(st.ExchangeRates) != 6 {
		t.Errorf("exchange rates = %d, want the default 6", len(st.ExchangeRates))
	}
	// Accounts come back sorted by id whatever the config's order.
	if st.Accounts[0].ID != "CHK-7001" {
		t.Errorf("first account %s, want CHK-7001", st.Accounts[0].ID)
	}
	// The first generated ids start at the bases when the lists are empty.
	r := mustCall(t, e, "send_payment", map[string]any{"from_account_id": "CHK-7001", "payee_id": "PAY-701", "amount": 2500.01})
	if !strings.Contains(r.Text(), `"payment_id":"TXN-10001"`) {
		t.Errorf("payment result %s, want payment_id TXN-10001", r.Text())
	}
	r = call(t, e, "send_payment", map[string]any{"from_account_id": "CHK-7001", "payee_id": "PAY-701", "amount": 1})
	want := "daily payment limit exceeded for account CHK-7001: limit 2500.01 CHF, already sent today 2500.01 CHF, requested 1.00 CHF (at most 0.00 CHF more today)"
	if r.Error == nil || r.Error.Message != want {
		t.Errorf("got %q\nwant %q", r.Text(), want)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"not an object", `[]`, "cannot unmarshal array"},
		{"unknown field", `{"todya": "2026-03-02"}`, `unknown field "todya"`},
		{"trailing data", `{} {}`, "trailing data"},
		{"bad today", `{"today": "March 2"}`, `today: "March 2" is not a date of the form YYYY-MM-DD`},
		{"bad money", `{"accounts": [{"id": "CHK-1", "customer_id": "CUST-001", "type": "checking", "currency": "USD", "balance": "12.345", "status": "open"}]}`, `amount "12.345": more than 2 decimal places`},
		{"money exponent", `{"accounts": [{"id": "CHK-1", "customer_id": "CUST-001", "type": "checking", "currency": "USD", "balance": 1e3, "status": "open"}]}`, `amount "1e3": not a decimal amount`},
		{"dangling reference", `{"accounts": [{"id": "CHK-1", "customer_id": "CUST-001", "type": "checking", "currency": "USD", "balance": "1.00", "status": "open"}]}`, "card CARD-5001: account CHK-1001 does not exist"},
		{"unknown customer", `{"customers": [], "accounts": [], "cards": []}`, "payee PAY-101: customer CUST-001 does not exist"},
		{"duplicate id", `{"customers": [{"id": "CUST-001", "name": "A", "email": "a@x.org", "phone": "", "member_since": "2020-01-01"}, {"id": "CUST-001", "name": "B", "email": "b@x.org", "phone": "", "member_since": "2020-01-01"}]}`, "customer CUST-001: id given twice"},
		{"bad id", `{"customers": [{"id": "cust 1", "name": "A", "email": "a@x.org", "phone": "", "member_since": "2020-01-01"}]}`, `customer "cust 1": id must be upper-case letters, a dash and a number`},
		{"duplicate email", `{"customers": [{"id": "CUST-1", "name": "A", "email": "a@x.org", "phone": "", "member_since": "2020-01-01"}, {"id": "CUST-2", "name": "B", "email": "A@x.org", "phone": "", "member_since": "2020-01-01"}]}`, "customer CUST-2: email A@x.org is also CUST-1's"},
		{"negative savings", `{"accounts": [{"id": "SAV-1", "customer_id": "CUST-001", "type": "savings", "currency": "USD", "balance": "-1.00", "status": "open"}], "cards": [], "transactions": [], "scheduled_payments": []}`, "account SAV-1: a savings account cannot have a negative balance (-1.00)"},
		{"credit over limit", `{"accounts": [{"id": "CRD-1", "customer_id": "CUST-001", "type": "credit", "currency": "USD", "balance": "-600.00", "credit_limit": "500.00", "status": "open"}], "cards": [], "transactions": [], "scheduled_payments": []}`, "account CRD-1: a credit balance must be between -500.00 and 0.00, got -600.00"},
		{"bad currency", `{"accounts": [{"id": "CHK-1", "customer_id": "CUST-001", "type": "checking", "currency": "usd", "balance": "1.00", "status": "open"}], "cards": [], "transactions": [], "scheduled_payments": []}`, `account CHK-1: currency "usd" is not a 3-letter code`},
		{"card on savings", `{"cards": [{"id": "CARD-1", "account_id": "SAV-1002", "type": "debit", "last4": "1234", "status": "active", "daily_limit": "10.00", "expires": "2030-01"}]}`, "card CARD-1: cards belong to checking or credit accounts, not savings account SAV-1002"},
		{"bad card status", `{"cards": [{"id": "CARD-1", "account_id": "CHK-1001", "type": "debit", "last4": "1234", "status": "stolen", "daily_limit": "10.00", "expires": "2030-01"}]}`, `card CARD-1: status must be "active", "frozen" or "lost", got "stolen"`},
		{"bad rate", `{"exchange_rates": [{"from": "EUR", "to": "USD", "rate": "0"}]}`, `rate "0": must be greater than 0`},
		{"scheduled to another's payee", `{"scheduled_payments": [{"id": "SCH-1", "account_id": "CHK-1001", "payee_id": "PAY-104", "amount": "5.00", "date": "2026-04-01", "frequency": "once", "status": "scheduled", "created_on": "2026-03-01"}]}`, "scheduled payment SCH-1: payee PAY-104 and account CHK-1001 belong to different customers"},
		{"bad transaction type", `{"transactions": [{"id": "TXN-1", "account_id": "CHK-1001", "date": "2026-03-01", "type": "gift", "amount": "5.00", "description": "x"}]}`, `transaction TXN-1: type must be one of deposit,`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := bank.New(json.RawMessage(tt.config))
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			if !errors.Is(err, bank.ErrInvalidConfig) {
				t.Errorf("error %v does not wrap ErrInvalidConfig", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\ndoes not contain %q", err, tt.want)
			}
		})
	}
}

func TestEmptyConfigIsDefault(t *testing.T) {
	want := snapshot(t, newBank(t, ""))
	for _, c := range []string{"null", "{}", "  ", `{"today": "2026-03-02"}`} {
		if got := snapshot(t, newBank(t, c)); got != want {
			t.Errorf("config %q gives a state other than the default", c)
		}
	}
}

func TestFromState(t *testing.T) {
	st := bank.Default()
	st.Accounts[0].Balance = 100
	b, err := bank.FromState(st)
	if err != nil {
		t.Fatal(err)
	}
	st.Accounts[0].Balance = 200 // b owns a copy
	if got := account(t, b.State(), "CHK-1001").Balance; got != 100 {
		t.Errorf("balance %v, want 1.00", got)
	}
	st.Today = "yesterday"
	if _, err := bank.FromState(st); !errors.Is(err, bank.ErrInvalidConfig) {
		t.Errorf("FromState of a bad state: %v, want ErrInvalidConfig", err)
	}
}

func TestSnapshotDeterministic(t *testing.T) {
	// Two envs given the same calls have identical snapshots, run after run.
	run := func() string {
		e := newBank(t, "")
		mustCall(t, e, "transfer_funds", map[string]any{"from_account_id": "CHK-1001", "to_account_id": "CRD-1003", "amount": 42.5})
		mustCall(t, e, "add_payee", map[string]any{"customer_id": "CUST-002", "name": "Ace Hardware", "account_number": "11112222", "routing_number": "071000013"})
		mustCall(t, e, "report_lost_card", map[string]any{"card_id": "CARD-5007"})
		mustCall(t, e, "schedule_payment", map[string]any{"from_account_id": "CHK-2001", "payee_id": "PAY-109", "amount": 19.99, "date": "2026-03-31", "frequency": "monthly"})
		return snapshot(t, e)
	}
	first := run()
	for range 5 {
		if run() != first {
			t.Fatal("snapshots of equal histories differ")
		}
	}
	// The snapshot is canonical JSON: exactly what env.Canonical gives.
	canon, err := env.CanonicalizeJSON([]byte(first))
	if err != nil || string(canon) != first {
		t.Errorf("snapshot is not canonical (%v)", err)
	}
	e := newBank(t, "")
	for _, c := range []struct {
		name string
		args map[string]any
	}{
		{"report_lost_card", map[string]any{"card_id": "CARD-5005"}},
		{"freeze_card", map[string]any{"card_id": "CARD-5008", "reason": "<b>&amp; \u00e9\"quoted\"</b>"}},
		{"send_payment", map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-102", "amount": 0.01, "memo": "caf\u00e9 & cr\u00e8me \U0001F600"}},
	} {
		mustCall(t, e, c.name, c.args)
		want, err := env.Canonical(e.State())
		if err != nil {
			t.Fatal(err)
		}
		if got := snapshot(t, e); got != string(want) {
			t.Fatalf("after %s, Snapshot differs from env.Canonical: %s", c.name, firstDiff(got, string(want)))
		}
	}
	// The same world given in another order snapshots the same.
	st := bank.Default()
	slices.Reverse(st.Accounts)
	slices.Reverse(st.Transactions)
	slices.Reverse(st.ExchangeRates)
	shuffled, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	if snapshot(t, newBank(t, string(shuffled))) != snapshot(t, newBank(t, "")) {
		t.Error("a reordered config snapshots differently from the default")
	}
}

// firstDiff shows where two texts first differ.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-60, 0)
	return fmt.Sprintf("at byte %d:\n got ...%s\nwant ...%s", i, a[from:min(i+60, len(a))], b[from:min(i+60, len(b))])
}

// TestStateFieldOrder checks what Snapshot relies on: every struct in the
// state declares its fields in the order of their JSON names.
func TestStateFieldOrder(t *testing.T) {
	var check func(rt reflect.Type)
	check = func(rt reflect.Type) {
		var names []string
		for f := range rt.Fields() {
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			names = append(names, name)
			if ft := f.Type; ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct {
				check(ft.Elem())
			}
		}
		if !slices.IsSorted(names) {
			t.Errorf("%s declares its fields as %v, not in the order of their JSON names", rt.Name(), names)
		}
	}
	check(reflect.TypeFor[bank.State]())
}

func TestSnapshotRoundTrip(t *testing.T) {
	// A snapshot is a config: it rebuilds the same state, sequences included.
	e := newBank(t, "")
	mustCall(t, e, "send_payment", map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 10})
	mustCall(t, e, "report_lost_card", map[string]any{"card_id": "CARD-5001"})
	snap := snapshot(t, e)
	e2 := newBank(t, snap)
	if got := snapshot(t, e2); got != snap {
		t.Fatal("New(snapshot) gives a different state")
	}
	r1 := mustCall(t, e, "report_lost_card", map[string]any{"card_id": "CARD-5008"})
	r2 := mustCall(t, e2, "report_lost_card", map[string]any{"card_id": "CARD-5008"})
	if r1.Text() != r2.Text() || snapshot(t, e) != snapshot(t, e2) {
		t.Errorf("the env rebuilt from a snapshot diverges:\n%s\n%s", r1.Text(), r2.Text())
	}
}

func TestForkIndependent(t *testing.T) {
	orig := newBank(t, "")
	before := snapshot(t, orig)
	fork := orig.Fork()
	if snapshot(t, fork) != before {
		t.Fatal("a fresh fork differs from its original")
	}

	// A write on the fork leaves the original as it was.
	mustCall(t, fork, "transfer_funds", map[string]any{"from_account_id": "CHK-1001", "to_account_id": "SAV-1002", "amount": 100})
	mustCall(t, fork, "freeze_card", map[string]any{"card_id": "CARD-5001"})
	mustCall(t, fork, "add_payee", map[string]any{"customer_id": "CUST-001", "name": "X", "account_number": "1234", "routing_number": "123456789"})
	if snapshot(t, orig) != before {
		t.Fatal("writing to the fork changed the original")
	}
	if snapshot(t, fork) == before {
		t.Fatal("the fork's writes left no trace in its snapshot")
	}

	// And a write on the original leaves the fork as it was.
	forkSnap := snapshot(t, fork)
	mustCall(t, orig, "report_lost_card", map[string]any{"card_id": "CARD-5001"})
	mustCall(t, orig, "cancel_scheduled_payment", map[string]any{"scheduled_payment_id": "SCH-201"})
	if snapshot(t, fork) != forkSnap {
		t.Fatal("writing to the original changed the fork")
	}

	// Both generate their own next ids from the fork point.
	ro := mustCall(t, orig, "send_payment", map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 1})
	rf := mustCall(t, fork, "send_payment", map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 1})
	if !strings.Contains(ro.Text(), `"payment_id":"TXN-10032"`) || !strings.Contains(rf.Text(), `"payment_id":"TXN-10034"`) {
		t.Errorf("payment ids:\norig %s\nfork %s", ro.Text(), rf.Text())
	}

	// State returns a copy too.
	st := orig.State()
	st.Accounts[0].Balance = 0
	st.Transactions = st.Transactions[:0]
	if account(t, orig.State(), "CHK-1001").Balance == 0 || len(orig.State().Transactions) == 0 {
		t.Error("changing State's result changed the env")
	}
}

func TestConcurrentCalls(t *testing.T) {
	e := newBank(t, "")
	const workers, rounds = 8, 40
	var wg sync.WaitGroup
	errs := make(chan string, workers*rounds*4)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			for i := range rounds {
				calls := []tool.Call{
					{ID: fmt.Sprintf("t%d_%d", w, i), Name: "transfer_funds", Arguments: `{"from_account_id":"SAV-1002","to_account_id":"CHK-1001","amount":1.25}`},
					{ID: "b", Name: "get_account_balance", Arguments: `{"account_id":"CHK-1001"}`},
					{ID: "l", Name: "list_transactions", Arguments: `{"account_id":"SAV-1002","limit":5}`},
					{ID: "c", Name: "get_customer", Arguments: `{"email":"maya.chen@example.com"}`},
				}
				for _, c := range calls {
					if r := e.Call(ctx, c); r.Error != nil {
						errs <- c.Name + ": " + r.Error.Message
					}
				}
				if i%10 == 0 {
					if _, err := e.Snapshot(); err != nil {
						errs <- err.Error()
					}
					f := e.Fork()
					if r := f.Call(ctx, calls[0]); r.Error != nil {
						errs <- "fork: " + r.Error.Message
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
	st := e.State()
	n := bank.Money(workers * rounds * 125)
	if got := account(t, st, "CHK-1001").Balance; got != 348215+n {
		t.Errorf("CHK-1001 = %s, want %s", got, 348215+n)
	}
	if got := account(t, st, "SAV-1002").Balance; got != 1275000-n {
		t.Errorf("SAV-1002 = %s, want %s", got, 1275000-n)
	}
	// Every transaction id is unique and they run on without gaps.
	if len(st.Transactions) != 31+2*workers*rounds {
		t.Fatalf("%d transactions, want %d", len(st.Transactions), 31+2*workers*rounds)
	}
	for i, tx := range st.Transactions {
		if want := fmt.Sprintf("TXN-%d", 10001+i); tx.ID != want {
			t.Fatalf("transaction %d has id %s, want %s", i, tx.ID, want)
		}
	}
}

func TestCanceledContext(t *testing.T) {
	e := newBank(t, "")
	before := snapshot(t, e)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := e.Call(ctx, tool.Call{ID: "1", Name: "transfer_funds", Arguments: `{"from_account_id":"CHK-1001","to_account_id":"SAV-1002","amount":5}`})
	if !errors.Is(r.Error, tool.ErrCanceled) {
		t.Errorf("canceled call: %s, want a canceled error", r.Text())
	}
	if snapshot(t, e) != before {
		t.Error("a canceled call changed the state")
	}
}

func TestOutputsAreReadable(t *testing.T) {
	// Outputs are plain JSON: no HTML escapes a model would have to decode.
	e := newBank(t, "")
	r := mustCall(t, e, "list_payees", map[string]any{"customer_id": "CUST-001"})
	if !strings.Contains(r.Text(), `"name":"Pacific Gas & Electric"`) {
		t.Errorf("list_payees: %s", r.Text())
	}
	if len(r.Content) != 1 || r.Content[0].Type != tool.PartJSON || !json.Valid(r.Content[0].JSON) {
		t.Errorf("content %+v, want one JSON part", r.Content)
	}
	snap, _ := e.Snapshot()
	if !bytes.Contains(snap, []byte("PG&E")) {
		t.Error("snapshot escapes &")
	}
}
