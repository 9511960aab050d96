package bank_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/tool"
)

type setupCall struct {
	name string
	args map[string]any
}

// TestToolErrors checks every error path of the tools, with the exact
// message a model reads, and that a failing call changes nothing.
func TestToolErrors(t *testing.T) {
	long := strings.Repeat("x", 141)
	lostCARD5001 := []setupCall{{"report_lost_card", map[string]any{"card_id": "CARD-5001"}}}
	tests := []struct {
		name   string
		config string
		setup  []setupCall
		tool   string
		args   map[string]any
		want   string
	}{
		// transfer_funds
		{name: "transfer negative amount", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-1001", "to_account_id": "SAV-1002", "amount": -5},
			want: "amount must be greater than 0.00, got -5.00"},
		{name: "transfer zero", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-1001", "to_account_id": "SAV-1002", "amount": 0},
			want: "amount must be greater than 0.00, got 0.00"},
		{name: "transfer fractions of a cent", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-1001", "to_account_id": "SAV-1002", "amount": 10.005},
			want: "amount 10.005 has more than 2 decimal places; give it in cents at most, like 12.34"},
		{name: "transfer huge amount", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-1001", "to_account_id": "SAV-1002", "amount": 1e20},
			want: "amount 1e+20 is too large"},
		{name: "transfer unknown source", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-9999", "to_account_id": "SAV-1002", "amount": 5},
			want: `no account "CHK-9999"; get_customer lists a customer's accounts`},
		{name: "transfer unknown destination", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-1001", "to_account_id": "SAV-9", "amount": 5},
			want: `no account "SAV-9"; get_customer lists a customer's accounts`},
		{name: "transfer to itself", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-1001", "to_account_id": "chk-1001", "amount": 5},
			want: "cannot transfer from account CHK-1001 to itself"},
		{name: "transfer to closed account", tool: "transfer_funds", args: map[string]any{"from_account_id": "SAV-5002", "to_account_id": "SAV-5003", "amount": 5},
			want: "account SAV-5003 is closed; it cannot send or receive money"},
		{name: "transfer to another customer", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-1001", "to_account_id": "CHK-2001", "amount": 5},
			want: "accounts CHK-1001 (CUST-001) and CHK-2001 (CUST-002) belong to different customers; transfer_funds only moves money between one customer's own accounts (use send_payment to pay a saved payee)"},
		{name: "transfer out of credit", tool: "transfer_funds", args: map[string]any{"from_account_id": "CRD-1003", "to_account_id": "CHK-1001", "amount": 5},
			want: "cannot transfer out of credit account CRD-1003; credit accounts can only receive payments"},
		{name: "transfer insufficient funds", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-4001", "to_account_id": "CRD-4002", "amount": 500},
			want: "insufficient funds in account CHK-4001: balance 120.50 USD, requested 500.00 USD"},
		{name: "transfer overpays credit", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-1001", "to_account_id": "CRD-1003", "amount": 900},
			want: "payment of 900.00 USD to credit account CRD-1003 exceeds the amount owed (842.16 USD)"},
		{name: "transfer without a rate", config: `{"exchange_rates": [{"from": "USD", "to": "EUR", "rate": "0.9223"}]}`, tool: "transfer_funds",
			args: map[string]any{"from_account_id": "CHK-3001", "to_account_id": "SAV-3002", "amount": 5},
			want: "the bank has no exchange rate from EUR to USD; available: USD->EUR"},
		{name: "transfer converting to nothing", config: `{"exchange_rates": [{"from": "EUR", "to": "USD", "rate": "0.1"}]}`, tool: "transfer_funds",
			args: map[string]any{"from_account_id": "CHK-3001", "to_account_id": "SAV-3002", "amount": 0.01},
			want: "0.01 EUR converts to 0.00 USD; transfer a larger amount"},
		{name: "transfer long memo", tool: "transfer_funds", args: map[string]any{"from_account_id": "CHK-1001", "to_account_id": "SAV-1002", "amount": 5, "memo": long},
			want: "memo is 141 characters long; the most is 140"},

		// send_payment
		{name: "pay from savings", tool: "send_payment", args: map[string]any{"from_account_id": "SAV-1002", "payee_id": "PAY-101", "amount": 5},
			want: "payments can only be sent from a checking account; SAV-1002 is a savings account"},
		{name: "pay from closed account", tool: "send_payment", args: map[string]any{"from_account_id": "SAV-5003", "payee_id": "PAY-108", "amount": 5},
			want: "account SAV-5003 is closed; it cannot send or receive money"},
		{name: "pay unknown payee", tool: "send_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-999", "amount": 5},
			want: `no payee "PAY-999"; list_payees lists a customer's saved payees`},
		{name: "pay another customer's payee", tool: "send_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-104", "amount": 5},
			want: "payee PAY-104 is not a payee of customer CUST-001, the owner of account CHK-1001; list_payees shows their payees"},
		{name: "pay insufficient funds", tool: "send_payment", args: map[string]any{"from_account_id": "CHK-4001", "payee_id": "PAY-107", "amount": 300},
			want: "insufficient funds in account CHK-4001: balance 120.50 USD, requested 300.00 USD"},
		{name: "pay over the daily limit", tool: "send_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-103", "amount": 2300},
			want: "daily payment limit exceeded for account CHK-1001: limit 2500.00 USD, already sent today 400.00 USD, requested 2300.00 USD (at most 2100.00 USD more today)"},
		{name: "pay negative amount", tool: "send_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-103", "amount": -0.5},
			want: "amount must be greater than 0.00, got -0.50"},
		{name: "pay long memo", tool: "send_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-103", "amount": 5, "memo": long},
			want: "memo is 141 characters long; the most is 140"},

		// schedule_payment
		{name: "schedule bad date format", tool: "schedule_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 5, "date": "03/15/2026"},
			want: `date "03/15/2026" is not a valid date; use YYYY-MM-DD, like 2026-03-15`},
		{name: "schedule impossible date", tool: "schedule_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 5, "date": "2026-02-30"},
			want: `date "2026-02-30" is not a valid date; use YYYY-MM-DD, like 2026-03-15`},
		{name: "schedule in the past", tool: "schedule_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 5, "date": "2026-03-01"},
			want: "date 2026-03-01 is not in the future (today is 2026-03-02); use send_payment to pay now"},
		{name: "schedule today", tool: "schedule_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 5, "date": "2026-03-02"},
			want: "date 2026-03-02 is not in the future (today is 2026-03-02); use send_payment to pay now"},
		{name: "schedule too far ahead", tool: "schedule_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 5, "date": "2027-03-03"},
			want: "date 2027-03-03 is more than 365 days ahead; the latest is 2027-03-02"},
		{name: "schedule weekly", tool: "schedule_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 5, "date": "2026-04-01", "frequency": "weekly"},
			want: `frequency must be "once" or "monthly", got "weekly"`},
		{name: "schedule from credit", tool: "schedule_payment", args: map[string]any{"from_account_id": "CRD-1003", "payee_id": "PAY-101", "amount": 5, "date": "2026-04-01"},
			want: "payments can only be sent from a checking account; CRD-1003 is a credit account"},
		{name: "schedule to another's payee", tool: "schedule_payment", args: map[string]any{"from_account_id": "CHK-2001", "payee_id": "PAY-101", "amount": 5, "date": "2026-04-01"},
			want: "payee PAY-101 is not a payee of customer CUST-002, the owner of account CHK-2001; list_payees shows their payees"},
		{name: "schedule fractions of a cent", tool: "schedule_payment", args: map[string]any{"from_account_id": "CHK-1001", "payee_id": "PAY-101", "amount": 0.001, "date": "2026-04-01"},
			want: "amount 0.001 has more than 2 decimal places; give it in cents at most, like 12.34"},

		// cancel_scheduled_payment
		{name: "cancel unknown", tool: "cancel_scheduled_payment", args: map[string]any{"scheduled_payment_id": "SCH-999"},
			want: `no scheduled payment "SCH-999"; list_scheduled_payments lists a customer's`},
		{name: "cancel twice", tool: "cancel_scheduled_payment", args: map[string]any{"scheduled_payment_id": "SCH-205"},
			want: "scheduled payment SCH-205 is already cancelled"},

		// add_payee
		{name: "payee for unknown customer", tool: "add_payee", args: map[string]any{"customer_id": "CUST-999", "name": "X", "account_number": "1234", "routing_number": "123456789"},
			want: `no customer with id "CUST-999"`},
		{name: "payee without a name", tool: "add_payee", args: map[string]any{"customer_id": "CUST-001", "name": "  ", "account_number": "1234", "routing_number": "123456789"},
			want: "name must not be empty"},
		{name: "payee bad routing number", tool: "add_payee", args: map[string]any{"customer_id": "CUST-001", "name": "X", "account_number": "1234", "routing_number": "12345"},
			want: `routing_number must be exactly 9 digits, got "12345"`},
		{name: "payee bad account number", tool: "add_payee", args: map[string]any{"customer_id": "CUST-001", "name": "X", "account_number": "12-34", "routing_number": "123456789"},
			want: `account_number must be 4 to 17 digits, got "12-34"`},
		{name: "payee twice", tool: "add_payee", args: map[string]any{"customer_id": "CUST-001", "name": "J. Lee", "account_number": "778812340", "routing_number": "026009593"},
			want: "customer CUST-001 already has a payee with these bank details: PAY-103 (Jordan Lee)"},

		// freeze_card, unfreeze_card, report_lost_card
		{name: "freeze unknown card", tool: "freeze_card", args: map[string]any{"card_id": "CARD-9999"},
			want: `no card "CARD-9999"; get_customer lists a customer's cards`},
		{name: "freeze frozen card", tool: "freeze_card", args: map[string]any{"card_id": "CARD-5003"},
			want: "card CARD-5003 is already frozen (by the customer)"},
		{name: "freeze lost card", setup: lostCARD5001, tool: "freeze_card", args: map[string]any{"card_id": "CARD-5001"},
			want: "card CARD-5001 was reported lost on 2026-03-02 and is blocked for good; its replacement is CARD-5008"},
		{name: "unfreeze active card", tool: "unfreeze_card", args: map[string]any{"card_id": "CARD-5001"},
			want: "card CARD-5001 is not frozen (it is active)"},
		{name: "unfreeze lost card", setup: lostCARD5001, tool: "unfreeze_card", args: map[string]any{"card_id": "CARD-5001"},
			want: "card CARD-5001 was reported lost on 2026-03-02 and is blocked for good; its replacement is CARD-5008"},
		{name: "report lost twice", setup: lostCARD5001, tool: "report_lost_card", args: map[string]any{"card_id": "CARD-5001"},
			want: "card CARD-5001 was already reported lost on 2026-03-02; its replacement is CARD-5008"},
		{name: "report unknown card", tool: "report_lost_card", args: map[string]any{"card_id": "4417"},
			want: `no card "4417"; get_customer lists a customer's cards`},

		// read tools
		{name: "customer without a key", tool: "get_customer", args: map[string]any{},
			want: "give customer_id or email to look up a customer"},
		{name: "customer unknown email", tool: "get_customer", args: map[string]any{"email": "nobody@example.com"},
			want: `no customer with email "nobody@example.com"`},
		{name: "customer email of another", tool: "get_customer", args: map[string]any{"customer_id": "CUST-001", "email": "daniel.okafor@example.com"},
			want: "email daniel.okafor@example.com is not the email on file for customer CUST-001"},
		{name: "balance unknown account", tool: "get_account_balance", args: map[string]any{"account_id": "CHK-1"},
			want: `no account "CHK-1"; get_customer lists a customer's accounts`},
		{name: "transactions bad date", tool: "list_transactions", args: map[string]any{"account_id": "CHK-1001", "start_date": "last week"},
			want: `start_date "last week" is not a valid date; use YYYY-MM-DD, like 2026-03-15`},
		{name: "transactions reversed range", tool: "list_transactions", args: map[string]any{"account_id": "CHK-1001", "start_date": "2026-03-01", "end_date": "2026-02-01"},
			want: "start_date 2026-03-01 is after end_date 2026-02-01"},
		{name: "transactions limit", tool: "list_transactions", args: map[string]any{"account_id": "CHK-1001", "limit": 500},
			want: "limit must be between 1 and 100, got 500"},
		{name: "transactions bad type", tool: "list_transactions", args: map[string]any{"account_id": "CHK-1001", "type": "purchase"},
			want: `type "purchase" is not a transaction type; use one of deposit, withdrawal, card_purchase, payment, transfer_in, transfer_out, interest, fee, refund`},
		{name: "payees unknown customer", tool: "list_payees", args: map[string]any{"customer_id": "CUST-9"},
			want: `no customer with id "CUST-9"`},
		{name: "scheduled unknown customer", tool: "list_scheduled_payments", args: map[string]any{"customer_id": "maya"},
			want: `no customer with id "MAYA"`},
		{name: "rate bad currency", tool: "get_exchange_rate", args: map[string]any{"from_currency": "usd$", "to_currency": "EUR"},
			want: `from_currency "usd$" is not a 3-letter currency code like USD`},
		{name: "rate unknown pair", tool: "get_exchange_rate", args: map[string]any{"from_currency": "GBP", "to_currency": "JPY"},
			want: "the bank has no exchange rate from GBP to JPY; available: EUR->GBP, EUR->USD, GBP->EUR, GBP->USD, USD->EUR, USD->GBP"},
		{name: "no rates at all", config: `{"exchange_rates": []}`, tool: "get_exchange_rate", args: map[string]any{"from_currency": "GBP", "to_currency": "JPY"},
			want: "the bank has no exchange rate from GBP to JPY; it has no exchange rates at all"},
		{name: "rate negative amount", tool: "get_exchange_rate", args: map[string]any{"from_currency": "GBP", "to_currency": "EUR", "amount": -3},
			want: "amount must be greater than 0.00, got -3.00"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.tool] = true
		t.Run(tt.name, func(t *testing.T) {
			e := newBank(t, tt.config)
			for _, s := range tt.setup {
				mustCall(t, e, s.name, s.args)
			}
			before := snapshot(t, e)
			r := call(t, e, tt.tool, tt.args)
			if r.Error == nil {
				t.Fatalf("no error; got %s", r.Text())
			}
			if r.Error.Message != tt.want {
				t.Errorf("message\n got %q\nwant %q", r.Error.Message, tt.want)
			}
			if !errors.Is(r.Error, tool.ErrFailed) {
				t.Errorf("kind %s, want %s", r.Error.Kind, tool.KindFailed)
			}
			if len(r.Content) != 0 {
				t.Errorf("an error result has content %v", r.Content)
			}
			if snapshot(t, e) != before {
				t.Error("a failing call changed the state")
			}
		})
	}
	for _, s := range newBank(t, "").Tools() {
		if !seen[s.Name] {
			t.Errorf("no error case for tool %s", s.Name)
		}
	}
}

// TestSchemaViolations checks that the tool set rejects arguments that
// break a tool's schema before any handler runs.
func TestSchemaViolations(t *testing.T) {
	tests := []struct {
		name, tool, args string
		kind             *tool.Error
		want             []string
	}{
		{"amount as a string", "transfer_funds", `{"from_account_id":"CHK-1001","to_account_id":"SAV-1002","amount":"500"}`,
			tool.ErrInvalidArguments, []string{"invalid arguments for transfer_funds", "at '/amount'", "want number"}},
		{"missing required field", "transfer_funds", `{"from_account_id":"CHK-1001","amount":5}`,
			tool.ErrInvalidArguments, []string{"invalid arguments for transfer_funds", "to_account_id"}},
		{"unknown field", "freeze_card", `{"card_id":"CARD-5001","pin":"1234"}`,
			tool.ErrInvalidArguments, []string{"invalid arguments for freeze_card", "pin"}},
		{"id as a number", "get_customer", `{"customer_id":1001}`,
			tool.ErrInvalidArguments, []string{"at '/customer_id'", "want string"}},
		{"limit as a fraction", "list_transactions", `{"account_id":"CHK-1001","limit":2.5}`,
			tool.ErrInvalidArguments, []string{"at '/limit'"}},
		{"not JSON", "get_account_balance", `{"account_id": CHK-1001}`,
			tool.ErrInvalidJSON, []string{"arguments of get_account_balance are not valid JSON"}},
		{"not an object", "get_account_balance", `["CHK-1001"]`,
			tool.ErrInvalidJSON, []string{"must be a JSON object, got an array"}},
		{"unknown tool", "close_account", `{}`,
			tool.ErrUnknownTool, []string{`unknown tool "close_account"`, "transfer_funds"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newBank(t, "")
			before := snapshot(t, e)
			r := e.Call(t.Context(), tool.Call{ID: "c1", Name: tt.tool, Arguments: tt.args})
			if r.Error == nil {
				t.Fatalf("no error; got %s", r.Text())
			}
			if !errors.Is(r.Error, tt.kind) {
				t.Errorf("kind %s, want %s (%s)", r.Error.Kind, tt.kind.Kind, r.Error.Message)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.Error.Message, w) {
					t.Errorf("message %q lacks %q", r.Error.Message, w)
				}
			}
			if r.CallID != "c1" || r.Name != tt.tool {
				t.Errorf("result names call %s/%s", r.CallID, r.Name)
			}
			if snapshot(t, e) != before {
				t.Error("a rejected call changed the state")
			}
		})
	}
}

func TestToolSpecs(t *testing.T) {
	specs := newBank(t, "").Tools()
	wantRead := []string{"get_account_balance", "get_customer", "get_exchange_rate", "list_payees", "list_scheduled_payments", "list_transactions"}
	wantWrite := []string{"add_payee", "cancel_scheduled_payment", "freeze_card", "report_lost_card", "schedule_payment", "send_payment", "transfer_funds", "unfreeze_card"}
	var read, write []string
	if _, err := tool.NewValidator(specs); err != nil {
		t.Fatalf("specs do not compile: %v", err)
	}
	for _, s := range specs {
		if err := s.Validate(); err != nil {
			t.Error(err)
		}
		if len(s.Description) < 30 {
			t.Errorf("%s: description %q is too thin", s.Name, s.Description)
		}
		if s.ReadOnly() {
			read = append(read, s.Name)
			if s.Annotations.Category != "read" {
				t.Errorf("%s: category %q", s.Name, s.Annotations.Category)
			}
		} else {
			write = append(write, s.Name)
			if s.Annotations == nil || s.Annotations.Category != "write" {
				t.Errorf("%s: not annotated as a write", s.Name)
			}
		}
		var sch struct {
			Type                 string                     `json:"type"`
			Properties           map[string]json.RawMessage `json:"properties"`
			Required             []string                   `json:"required"`
			AdditionalProperties *bool                      `json:"additionalProperties"`
		}
		if err := json.Unmarshal(s.Parameters, &sch); err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if sch.Type != "object" || len(sch.Properties) == 0 {
			t.Errorf("%s: schema %s", s.Name, s.Parameters)
		}
		for name, p := range sch.Properties {
			var prop struct {
				Description string `json:"description"`
			}
			if err := json.Unmarshal(p, &prop); err != nil || prop.Description == "" {
				t.Errorf("%s.%s has no description", s.Name, name)
			}
		}
		if s.Name == "transfer_funds" && !slices.Equal(sch.Required, []string{"from_account_id", "to_account_id", "amount"}) {
			t.Errorf("transfer_funds requires %v", sch.Required)
		}
		if s.Name == "get_customer" && len(sch.Required) != 0 {
			t.Errorf("get_customer requires %v; it takes either key", sch.Required)
		}
	}
	slices.Sort(read)
	slices.Sort(write)
	if !slices.Equal(read, wantRead) || !slices.Equal(write, wantWrite) {
		t.Errorf("read tools %v\nwrite tools %v", read, wantWrite)
	}
	for _, name := range []string{"report_lost_card", "cancel_scheduled_payment"} {
		i := slices.IndexFunc(specs, func(s tool.Spec) bool { return s.Name == name })
		if !specs[i].Annotations.Destructive {
			t.Errorf("%s is not marked destructive", name)
		}
	}
	// Tools returns a copy.
	specs[0].Name = "changed"
	if newBank(t, "").Tools()[0].Name == "changed" {
		t.Error("Tools exposes the shared specs")
	}
}

// TestToolResults checks the successful outputs of the tools that the
// tasks do not pin down.
func TestToolResults(t *testing.T) {
	e := newBank(t, "")
	tests := []struct {
		tool string
		args map[string]any
		want string
	}{
		{"get_account_balance", map[string]any{"account_id": " crd-1003"},
			`{"account_id":"CRD-1003","customer_id":"CUST-001","type":"credit","nickname":"Cashback Visa","currency":"USD","status":"open","balance":"-842.16","credit_limit":"5000.00","amount_owed":"842.16","available_credit":"4157.84"}`},
		{"list_transactions", map[string]any{"account_id": "CHK-1001", "type": "deposit", "limit": 1},
			`{"account_id":"CHK-1001","currency":"USD","matching":2,"transactions":[{"transaction_id":"TXN-10014","date":"2026-02-16","type":"deposit","amount":"4850.00","description":"Payroll - Lumen Labs"}]}`},
		{"list_scheduled_payments", map[string]any{"customer_id": "CUST-005", "include_cancelled": true},
			`{"customer_id":"CUST-005","scheduled_payments":[{"scheduled_payment_id":"SCH-205","from_account_id":"CHK-5001","payee_id":"PAY-108","payee_name":"Thames Energy","amount":"74.20","currency":"GBP","date":"2026-03-20","frequency":"once","status":"cancelled","memo":"Energy bill"}]}`},
		{"list_scheduled_payments", map[string]any{"customer_id": "CUST-005"},
			`{"customer_id":"CUST-005","scheduled_payments":[]}`},
		{"get_exchange_rate", map[string]any{"from_currency": "usd", "to_currency": "usd"},
			`{"from_currency":"USD","to_currency":"USD","rate":"1.0000"}`},
		{"get_exchange_rate", map[string]any{"from_currency": "USD", "to_currency": "EUR", "amount": 0.05},
			`{"from_currency":"USD","to_currency":"EUR","rate":"0.9223","amount":"0.05","converted_amount":"0.05"}`},
		{"get_customer", map[string]any{"email": " PRIYA.RAMAN@example.com"},
			`{"customer_id":"CUST-005","name":"Priya Raman","email":"priya.raman@example.com","phone":"+44-20-5550-0178","member_since":"2020-03-21","accounts":[{"account_id":"CHK-5001","type":"checking","nickname":"Current Account","currency":"GBP","status":"open"},{"account_id":"SAV-5002","type":"savings","nickname":"ISA Savings","currency":"GBP","status":"open"},{"account_id":"SAV-5003","type":"savings","nickname":"USD Savings","currency":"USD","status":"closed"}],"cards":[{"card_id":"CARD-5007","account_id":"CHK-5001","type":"debit","last4":"2259","status":"active","daily_limit":"1200.00","currency":"GBP","expires":"2029-05"}]}`},
		{"freeze_card", map[string]any{"card_id": "CARD-5006", "reason": "travelling"},
			`{"card_id":"CARD-5006","account_id":"CRD-4002","type":"credit","last4":"1190","status":"frozen","daily_limit":"1000.00","currency":"USD","expires":"2028-02","frozen_by":"customer","freeze_reason":"travelling"}`},
		{"transfer_funds", map[string]any{"from_account_id": "CHK-1001", "to_account_id": "CRD-1003", "amount": 842.16},
			`{"status":"completed","date":"2026-03-02","from_account_id":"CHK-1001","from_transaction_id":"TXN-10032","amount":"842.16","currency":"USD","from_balance":"2639.99","to_account_id":"CRD-1003","to_transaction_id":"TXN-10033","to_amount":"842.16","to_currency":"USD","to_balance":"0.00","to_amount_owed":"0.00"}`},
		{"schedule_payment", map[string]any{"from_account_id": "CHK-5001", "payee_id": "PAY-108", "amount": 80, "date": "2027-03-02", "frequency": "Monthly", "memo": "Energy"},
			`{"scheduled_payment_id":"SCH-206","from_account_id":"CHK-5001","payee_id":"PAY-108","payee_name":"Thames Energy","amount":"80.00","currency":"GBP","date":"2027-03-02","frequency":"monthly","status":"scheduled","memo":"Energy"}`},
	}
	for _, tt := range tests {
		r := mustCall(t, e, tt.tool, tt.args)
		if r.Text() != tt.want {
			t.Errorf("%s(%v)\n got %s\nwant %s", tt.tool, tt.args, r.Text(), tt.want)
		}
	}
}
