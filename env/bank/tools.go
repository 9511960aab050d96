package bank

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/toolgym/toolgym/tool"
)

// bankTools is the bank's tool set, built when first needed and shared
// by every env and fork (each call receives the state it acts on).
// readOnly names the tools that only read, which Call runs under the read
// lock.
type bankTools struct {
	set      *tool.Set[*State]
	readOnly map[string]bool
}

var tools = sync.OnceValue(func() bankTools {
	set := newTools()
	ro := map[string]bool{}
	for _, s := range set.Specs() {
		ro[s.Name] = s.ReadOnly()
	}
	return bankTools{set, ro}
})

func read() []tool.Option  { return []tool.Option{tool.ReadOnly(), tool.Category("read")} }
func write() []tool.Option { return []tool.Option{tool.Category("write")} }

// destructive marks a tool whose effect cannot be undone.
func destructive() []tool.Option {
	return append(write(), func(s *tool.Spec) {
		if s.Annotations == nil {
			s.Annotations = &tool.Annotations{}
		}
		s.Annotations.Destructive = true
	})
}

func newTools() *tool.Set[*State] {
	set := tool.NewSet[*State]()
	tool.Add(set, "get_customer",
		"Look up a customer by customer_id or by the email address on file (give one). Returns the profile, the customer's accounts and cards. Use it first to identify the customer.",
		plainJSON(getCustomer), read()...)
	tool.Add(set, "get_account_balance",
		"Get one account's balance. Credit accounts also show the credit limit, the amount owed and the available credit (their balance is negative when money is owed); checking accounts show the daily payment limit and how much of it is left today.",
		plainJSON(getAccountBalance), read()...)
	tool.Add(set, "list_transactions",
		"List an account's transactions, newest first, optionally between two dates (inclusive), of one type, or whose description contains a text. Amounts are negative for money out.",
		plainJSON(listTransactions), read()...)
	tool.Add(set, "list_payees",
		"List the payees a customer has saved (the people and companies they can pay with send_payment and schedule_payment).",
		plainJSON(listPayees), read()...)
	tool.Add(set, "list_scheduled_payments",
		"List a customer's scheduled payments, soonest first. Cancelled ones are left out unless include_cancelled is true.",
		plainJSON(listScheduled), read()...)
	tool.Add(set, "get_exchange_rate",
		"Get the bank's exchange rate from one currency to another, and optionally convert an amount with it (rounded to the cent). transfer_funds uses the same rates.",
		plainJSON(getExchangeRate), read()...)
	tool.Add(set, "transfer_funds",
		"Move money now between two accounts of the same customer. The amount is in the source account's currency and is converted at the bank's rate when the currencies differ. Checking and savings accounts cannot go below zero; credit accounts can receive payments up to the amount owed but cannot be transferred from.",
		plainJSON(transferFunds), write()...)
	tool.Add(set, "send_payment",
		"Pay a saved payee now from a checking account, in the account's currency. Checks the balance and the account's daily payment limit.",
		plainJSON(sendPayment), write()...)
	tool.Add(set, "schedule_payment",
		"Schedule a payment to a saved payee from a checking account on a future date (YYYY-MM-DD, after today and at most 365 days ahead), once or monthly. The balance is checked when the payment runs, not now.",
		plainJSON(schedulePayment), write()...)
	tool.Add(set, "cancel_scheduled_payment",
		"Cancel a scheduled payment so that it never runs again. This cannot be undone.",
		plainJSON(cancelScheduled), destructive()...)
	tool.Add(set, "add_payee",
		"Save a new payee for a customer with the payee's bank account number and 9-digit routing number; returns the new payee id.",
		plainJSON(addPayee), write()...)
	tool.Add(set, "freeze_card",
		"Temporarily freeze an active card so that it declines every purchase; unfreeze_card reverses it.",
		plainJSON(freezeCard), write()...)
	tool.Add(set, "unfreeze_card",
		"Unfreeze a frozen card so that it works again.",
		plainJSON(unfreezeCard), write()...)
	tool.Add(set, "report_lost_card",
		"Report a card lost or stolen: blocks it for good and issues a replacement card (new number) on the same account. This cannot be undone.",
		plainJSON(reportLostCard), destructive()...)
	return set
}

// plainJSON adapts a handler so that its output is marshalled without
// HTML escaping: a model reads "PG&E", not "PG\u0026E".
func plainJSON[In, Out any](fn func(context.Context, *State, In) (Out, error)) func(context.Context, *State, In) (tool.Part, error) {
	return func(ctx context.Context, s *State, in In) (tool.Part, error) {
		out, err := fn(ctx, s, in)
		if err != nil {
			return tool.Part{}, err
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return tool.Part{}, fmt.Errorf("encoding output: %w", err)
		}
		return tool.Part{Type: tool.PartJSON, JSON: bytes.TrimRight(buf.Bytes(), "\n")}, nil
	}
}

// normID trims an id the model gave and upper-cases it, so that
// "chk-1001 " finds CHK-1001.
func normID(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

func (s *State) findCustomer(id string) (int, error) {
	i := s.customerIndex(id)
	if i < 0 {
		return -1, tool.Errorf("no customer with id %s", jsonString(id))
	}
	return i, nil
}

func (s *State) findAccount(id string) (int, error) {
	i := s.accountIndex(id)
	if i < 0 {
		return -1, tool.Errorf("no account %s; get_customer lists a customer's accounts", jsonString(id))
	}
	return i, nil
}

func (s *State) findOpenAccount(id string) (int, error) {
	i, err := s.findAccount(id)
	if err != nil {
		return -1, err
	}
	if s.Accounts[i].Status == AccountClosed {
		return -1, tool.Errorf("account %s is closed; it cannot send or receive money", id)
	}
	return i, nil
}

func (s *State) findCard(id string) (int, error) {
	i := s.cardIndex(id)
	if i < 0 {
		return -1, tool.Errorf("no card %s; get_customer lists a customer's cards", jsonString(id))
	}
	return i, nil
}

func (s *State) findPayee(id string) (int, error) {
	i := s.payeeIndex(id)
	if i < 0 {
		return -1, tool.Errorf("no payee %s; list_payees lists a customer's saved payees", jsonString(id))
	}
	return i, nil
}

func checkMemo(memo string) error {
	if n := utf8.RuneCountInString(memo); n > 140 {
		return tool.Errorf("memo is %d characters long; the most is 140", n)
	}
	return nil
}

func checkDateArg(field, d string) error {
	if _, err := parseDate(d); err != nil {
		return tool.Errorf("%s %s is not a valid date; use YYYY-MM-DD, like 2026-03-15", field, jsonString(d))
	}
	return nil
}

// ---- get_customer

type getCustomerArgs struct {
	CustomerID string `json:"customer_id,omitempty" jsonschema:"the customer's id, like CUST-001"`
	Email      string `json:"email,omitempty" jsonschema:"the email address on file"`
}

// CustomerView is what get_customer returns.
type CustomerView struct {
	CustomerID  string           `json:"customer_id"`
	Name        string           `json:"name"`
	Email       string           `json:"email"`
	Phone       string           `json:"phone"`
	MemberSince string           `json:"member_since"`
	Accounts    []AccountSummary `json:"accounts"`
	Cards       []CardView       `json:"cards"`
}

// AccountSummary is an account as get_customer lists it.
type AccountSummary struct {
	AccountID string `json:"account_id"`
	Type      string `json:"type"`
	Nickname  string `json:"nickname"`
	Currency  string `json:"currency"`
	Status    string `json:"status"`
}

// CardView is a card as the card tools show it.
type CardView struct {
	CardID         string `json:"card_id"`
	AccountID      string `json:"account_id"`
	Type           string `json:"type"`
	Last4          string `json:"last4"`
	Status         string `json:"status"`
	DailyLimit     Money  `json:"daily_limit"`
	Currency       string `json:"currency"`
	Expires        string `json:"expires"`
	FrozenBy       string `json:"frozen_by,omitempty"`
	FreezeReason   string `json:"freeze_reason,omitempty"`
	ReportedLostOn string `json:"reported_lost_on,omitempty"`
	ReplacedBy     string `json:"replaced_by,omitempty"`
	Replaces       string `json:"replaces,omitempty"`
}

func (s *State) cardView(c Card) CardView {
	cur := ""
	if i := s.accountIndex(c.AccountID); i >= 0 {
		cur = s.Accounts[i].Currency
	}
	return CardView{
		CardID: c.ID, AccountID: c.AccountID, Type: c.Type, Last4: c.Last4, Status: c.Status,
		DailyLimit: c.DailyLimit, Currency: cur, Expires: c.Expires,
		FrozenBy: c.FrozenBy, FreezeReason: c.FreezeReason, ReportedLostOn: c.ReportedLostOn,
		ReplacedBy: c.ReplacedBy, Replaces: c.Replaces,
	}
}

func getCustomer(_ context.Context, s *State, in getCustomerArgs) (CustomerView, error) {
	id, email := normID(in.CustomerID), strings.TrimSpace(in.Email)
	ci := -1
	switch {
	case id == "" && email == "":
		return CustomerView{}, tool.Errorf("give customer_id or email to look up a customer")
	case id != "":
		i, err := s.findCustomer(id)
		if err != nil {
			return CustomerView{}, err
		}
		ci = i
		if email != "" && !strings.EqualFold(s.Customers[i].Email, email) {
			return CustomerView{}, tool.Errorf("email %s is not the email on file for customer %s", email, id)
		}
	default:
		ci = slices.IndexFunc(s.Customers, func(c Customer) bool { return strings.EqualFold(c.Email, email) })
		if ci < 0 {
			return CustomerView{}, tool.Errorf("no customer with email %s", jsonString(email))
		}
	}
	c := s.Customers[ci]
	v := CustomerView{CustomerID: c.ID, Name: c.Name, Email: c.Email, Phone: c.Phone, MemberSince: c.MemberSince,
		Accounts: []AccountSummary{}, Cards: []CardView{}}
	for _, a := range s.Accounts {
		if a.CustomerID == c.ID {
			v.Accounts = append(v.Accounts, AccountSummary{AccountID: a.ID, Type: a.Type, Nickname: a.Nickname, Currency: a.Currency, Status: a.Status})
		}
	}
	for _, card := range s.Cards {
		if ai := s.accountIndex(card.AccountID); ai >= 0 && s.Accounts[ai].CustomerID == c.ID {
			v.Cards = append(v.Cards, s.cardView(card))
		}
	}
	return v, nil
}

// ---- get_account_balance

type accountArgs struct {
	AccountID string `json:"account_id" jsonschema:"the account id, like CHK-1001"`
}

// BalanceView is what get_account_balance returns. Optional fields appear
// only for the account types they apply to.
type BalanceView struct {
	AccountID  string `json:"account_id"`
	CustomerID string `json:"customer_id"`
	Type       string `json:"type"`
	Nickname   string `json:"nickname"`
	Currency   string `json:"currency"`
	Status     string `json:"status"`
	Balance    Money  `json:"balance"`
	// Credit accounts.
	CreditLimit     *Money `json:"credit_limit,omitempty"`
	AmountOwed      *Money `json:"amount_owed,omitempty"`
	AvailableCredit *Money `json:"available_credit,omitempty"`
	// Checking accounts with a daily payment limit.
	DailyPaymentLimit *Money `json:"daily_payment_limit,omitempty"`
	PaymentsSentToday *Money `json:"payments_sent_today,omitempty"`
	PaymentLimitLeft  *Money `json:"payment_limit_left_today,omitempty"`
}

func ptr[T any](v T) *T { return &v }

func getAccountBalance(_ context.Context, s *State, in accountArgs) (BalanceView, error) {
	i, err := s.findAccount(normID(in.AccountID))
	if err != nil {
		return BalanceView{}, err
	}
	a := s.Accounts[i]
	v := BalanceView{AccountID: a.ID, CustomerID: a.CustomerID, Type: a.Type, Nickname: a.Nickname,
		Currency: a.Currency, Status: a.Status, Balance: a.Balance}
	if a.Type == Credit {
		v.CreditLimit = ptr(a.CreditLimit)
		v.AmountOwed = ptr(-a.Balance)
		v.AvailableCredit = ptr(a.CreditLimit + a.Balance)
	}
	if a.DailyPaymentLimit > 0 {
		sent := s.paymentsOn(a.ID, s.Today)
		v.DailyPaymentLimit = ptr(a.DailyPaymentLimit)
		v.PaymentsSentToday = ptr(sent)
		v.PaymentLimitLeft = ptr(max(a.DailyPaymentLimit-sent, 0))
	}
	return v, nil
}

// ---- list_transactions

type listTransactionsArgs struct {
	AccountID string `json:"account_id" jsonschema:"the account id, like CHK-1001"`
	StartDate string `json:"start_date,omitempty" jsonschema:"earliest date to include, YYYY-MM-DD"`
	EndDate   string `json:"end_date,omitempty" jsonschema:"latest date to include, YYYY-MM-DD"`
	Type      string `json:"type,omitempty" jsonschema:"only transactions of this type: deposit, withdrawal, card_purchase, payment, transfer_in, transfer_out, interest, fee or refund"`
	Search    string `json:"search,omitempty" jsonschema:"only transactions whose description contains this text (case-insensitive)"`
	Limit     int    `json:"limit,omitempty" jsonschema:"how many to return, 1 to 100 (default 20)"`
}

// TransactionList is what list_transactions returns: Matching counts all
// transactions that match, of which the newest Limit are listed.
type TransactionList struct {
	AccountID    string            `json:"account_id"`
	Currency     string            `json:"currency"`
	Matching     int               `json:"matching"`
	Transactions []TransactionView `json:"transactions"`
}

// TransactionView is one listed transaction.
type TransactionView struct {
	TransactionID string `json:"transaction_id"`
	Date          string `json:"date"`
	Type          string `json:"type"`
	Amount        Money  `json:"amount"`
	Description   string `json:"description"`
	Counterparty  string `json:"counterparty,omitempty"`
	CardID        string `json:"card_id,omitempty"`
	Memo          string `json:"memo,omitempty"`
}

func listTransactions(_ context.Context, s *State, in listTransactionsArgs) (TransactionList, error) {
	i, err := s.findAccount(normID(in.AccountID))
	if err != nil {
		return TransactionList{}, err
	}
	a := s.Accounts[i]
	for _, d := range []struct{ field, v string }{{"start_date", in.StartDate}, {"end_date", in.EndDate}} {
		if d.v != "" {
			if err := checkDateArg(d.field, d.v); err != nil {
				return TransactionList{}, err
			}
		}
	}
	if in.StartDate != "" && in.EndDate != "" && in.StartDate > in.EndDate {
		return TransactionList{}, tool.Errorf("start_date %s is after end_date %s", in.StartDate, in.EndDate)
	}
	typ := strings.ToLower(strings.TrimSpace(in.Type))
	if typ != "" && !slices.Contains(txnTypes, typ) {
		return TransactionList{}, tool.Errorf("type %s is not a transaction type; use one of %s", jsonString(in.Type), strings.Join(txnTypes, ", "))
	}
	limit := in.Limit
	if limit == 0 {
		limit = 20
	}
	if limit < 1 || limit > 100 {
		return TransactionList{}, tool.Errorf("limit must be between 1 and 100, got %d", in.Limit)
	}
	search := strings.ToLower(strings.TrimSpace(in.Search))
	out := TransactionList{AccountID: a.ID, Currency: a.Currency, Transactions: []TransactionView{}}
	var match []Transaction
	for _, t := range s.Transactions {
		switch {
		case t.AccountID != a.ID,
			in.StartDate != "" && t.Date < in.StartDate,
			in.EndDate != "" && t.Date > in.EndDate,
			typ != "" && t.Type != typ,
			search != "" && !strings.Contains(strings.ToLower(t.Description), search):
			continue
		}
		match = append(match, t)
	}
	// Newest first: by date, then by id, both descending.
	slices.SortStableFunc(match, func(x, y Transaction) int {
		if c := strings.Compare(y.Date, x.Date); c != 0 {
			return c
		}
		return compareIDs(y.ID, x.ID)
	})
	out.Matching = len(match)
	for _, t := range match[:min(limit, len(match))] {
		out.Transactions = append(out.Transactions, TransactionView{TransactionID: t.ID, Date: t.Date, Type: t.Type,
			Amount: t.Amount, Description: t.Description, Counterparty: t.Counterparty, CardID: t.CardID, Memo: t.Memo})
	}
	return out, nil
}

// ---- list_payees

type customerArgs struct {
	CustomerID string `json:"customer_id" jsonschema:"the customer's id, like CUST-001"`
}

// PayeeList is what list_payees returns.
type PayeeList struct {
	CustomerID string      `json:"customer_id"`
	Payees     []PayeeView `json:"payees"`
}

// PayeeView is a payee as the tools show it (the account number masked).
type PayeeView struct {
	PayeeID       string `json:"payee_id"`
	Name          string `json:"name"`
	Nickname      string `json:"nickname,omitempty"`
	AccountEnding string `json:"account_ending"`
	RoutingNumber string `json:"routing_number"`
	AddedOn       string `json:"added_on"`
}

func payeeView(p Payee) PayeeView {
	return PayeeView{PayeeID: p.ID, Name: p.Name, Nickname: p.Nickname,
		AccountEnding: p.AccountNumber[len(p.AccountNumber)-4:], RoutingNumber: p.RoutingNumber, AddedOn: p.AddedOn}
}

func listPayees(_ context.Context, s *State, in customerArgs) (PayeeList, error) {
	ci, err := s.findCustomer(normID(in.CustomerID))
	if err != nil {
		return PayeeList{}, err
	}
	out := PayeeList{CustomerID: s.Customers[ci].ID, Payees: []PayeeView{}}
	for _, p := range s.Payees {
		if p.CustomerID == out.CustomerID {
			out.Payees = append(out.Payees, payeeView(p))
		}
	}
	return out, nil
}

// ---- list_scheduled_payments

type listScheduledArgs struct {
	CustomerID       string `json:"customer_id" jsonschema:"the customer's id, like CUST-001"`
	IncludeCancelled bool   `json:"include_cancelled,omitempty" jsonschema:"also list cancelled payments"`
}

// ScheduledList is what list_scheduled_payments returns.
type ScheduledList struct {
	CustomerID        string          `json:"customer_id"`
	ScheduledPayments []ScheduledView `json:"scheduled_payments"`
}

// ScheduledView is a scheduled payment as the tools show it.
type ScheduledView struct {
	ScheduledPaymentID string `json:"scheduled_payment_id"`
	FromAccountID      string `json:"from_account_id"`
	PayeeID            string `json:"payee_id"`
	PayeeName          string `json:"payee_name"`
	Amount             Money  `json:"amount"`
	Currency           string `json:"currency"`
	Date               string `json:"date"`
	Frequency          string `json:"frequency"`
	Status             string `json:"status"`
	Memo               string `json:"memo,omitempty"`
}

func (s *State) scheduledView(sp ScheduledPayment) ScheduledView {
	v := ScheduledView{ScheduledPaymentID: sp.ID, FromAccountID: sp.AccountID, PayeeID: sp.PayeeID,
		Amount: sp.Amount, Date: sp.Date, Frequency: sp.Frequency, Status: sp.Status, Memo: sp.Memo}
	if i := s.payeeIndex(sp.PayeeID); i >= 0 {
		v.PayeeName = s.Payees[i].Name
	}
	if i := s.accountIndex(sp.AccountID); i >= 0 {
		v.Currency = s.Accounts[i].Currency
	}
	return v
}

func listScheduled(_ context.Context, s *State, in listScheduledArgs) (ScheduledList, error) {
	ci, err := s.findCustomer(normID(in.CustomerID))
	if err != nil {
		return ScheduledList{}, err
	}
	out := ScheduledList{CustomerID: s.Customers[ci].ID, ScheduledPayments: []ScheduledView{}}
	for _, sp := range s.ScheduledPayments {
		ai := s.accountIndex(sp.AccountID)
		if s.Accounts[ai].CustomerID != out.CustomerID || (sp.Status == Cancelled && !in.IncludeCancelled) {
			continue
		}
		out.ScheduledPayments = append(out.ScheduledPayments, s.scheduledView(sp))
	}
	slices.SortStableFunc(out.ScheduledPayments, func(x, y ScheduledView) int {
		if c := strings.Compare(x.Date, y.Date); c != 0 {
			return c
		}
		return compareIDs(x.ScheduledPaymentID, y.ScheduledPaymentID)
	})
	return out, nil
}

// ---- get_exchange_rate

type exchangeRateArgs struct {
	FromCurrency string  `json:"from_currency" jsonschema:"currency to convert from, a 3-letter code like EUR"`
	ToCurrency   string  `json:"to_currency" jsonschema:"currency to convert to, a 3-letter code like USD"`
	Amount       float64 `json:"amount,omitempty" jsonschema:"an amount in from_currency to convert (optional)"`
}

// ExchangeRateView is what get_exchange_rate returns.
type ExchangeRateView struct {
	FromCurrency    string `json:"from_currency"`
	ToCurrency      string `json:"to_currency"`
	Rate            Rate   `json:"rate"`
	Amount          *Money `json:"amount,omitempty"`
	ConvertedAmount *Money `json:"converted_amount,omitempty"`
}

func (s *State) currencyArg(field, c string) (string, error) {
	code := strings.ToUpper(strings.TrimSpace(c))
	if !validCurrency(code) {
		return "", tool.Errorf("%s %s is not a 3-letter currency code like USD", field, jsonString(c))
	}
	return code, nil
}

func (s *State) noRate(from, to string) error {
	pairs := make([]string, len(s.ExchangeRates))
	for i, r := range s.ExchangeRates {
		pairs[i] = r.From + "->" + r.To
	}
	if len(pairs) == 0 {
		return tool.Errorf("the bank has no exchange rate from %s to %s; it has no exchange rates at all", from, to)
	}
	return tool.Errorf("the bank has no exchange rate from %s to %s; available: %s", from, to, strings.Join(pairs, ", "))
}

func getExchangeRate(_ context.Context, s *State, in exchangeRateArgs) (ExchangeRateView, error) {
	from, err := s.currencyArg("from_currency", in.FromCurrency)
	if err != nil {
		return ExchangeRateView{}, err
	}
	to, err := s.currencyArg("to_currency", in.ToCurrency)
	if err != nil {
		return ExchangeRateView{}, err
	}
	r, ok := s.rate(from, to)
	if !ok {
		return ExchangeRateView{}, s.noRate(from, to)
	}
	v := ExchangeRateView{FromCurrency: from, ToCurrency: to, Rate: r}
	if in.Amount != 0 {
		m, err := amountArg("amount", in.Amount)
		if err != nil {
			return ExchangeRateView{}, err
		}
		v.Amount, v.ConvertedAmount = ptr(m), ptr(Convert(m, r))
	}
	return v, nil
}

// ---- transfer_funds

type transferArgs struct {
	FromAccountID string  `json:"from_account_id" jsonschema:"account to take the money from"`
	ToAccountID   string  `json:"to_account_id" jsonschema:"account to put the money in (same customer)"`
	Amount        float64 `json:"amount" jsonschema:"amount in the source account's currency, at most 2 decimals, like 250.00"`
	Memo          string  `json:"memo,omitempty" jsonschema:"an optional note, at most 140 characters"`
}

// TransferResult is what transfer_funds returns.
type TransferResult struct {
	Status            string `json:"status"`
	Date              string `json:"date"`
	FromAccountID     string `json:"from_account_id"`
	FromTransactionID string `json:"from_transaction_id"`
	Amount            Money  `json:"amount"`
	Currency          string `json:"currency"`
	FromBalance       Money  `json:"from_balance"`
	ToAccountID       string `json:"to_account_id"`
	ToTransactionID   string `json:"to_transaction_id"`
	ExchangeRate      *Rate  `json:"exchange_rate,omitempty"`
	ToAmount          Money  `json:"to_amount"`
	ToCurrency        string `json:"to_currency"`
	ToBalance         Money  `json:"to_balance"`
	ToAmountOwed      *Money `json:"to_amount_owed,omitempty"`
}

func transferFunds(_ context.Context, s *State, in transferArgs) (TransferResult, error) {
	amount, err := amountArg("amount", in.Amount)
	if err != nil {
		return TransferResult{}, err
	}
	fromID, toID := normID(in.FromAccountID), normID(in.ToAccountID)
	if fromID == toID {
		return TransferResult{}, tool.Errorf("cannot transfer from account %s to itself", fromID)
	}
	fi, err := s.findOpenAccount(fromID)
	if err != nil {
		return TransferResult{}, err
	}
	ti, err := s.findOpenAccount(toID)
	if err != nil {
		return TransferResult{}, err
	}
	from, to := &s.Accounts[fi], &s.Accounts[ti]
	if from.CustomerID != to.CustomerID {
		return TransferResult{}, tool.Errorf("accounts %s (%s) and %s (%s) belong to different customers; transfer_funds only moves money between one customer's own accounts (use send_payment to pay a saved payee)",
			from.ID, from.CustomerID, to.ID, to.CustomerID)
	}
	if from.Type == Credit {
		return TransferResult{}, tool.Errorf("cannot transfer out of credit account %s; credit accounts can only receive payments", from.ID)
	}
	if amount > from.Balance {
		return TransferResult{}, tool.Errorf("insufficient funds in account %s: balance %s %s, requested %s %s",
			from.ID, from.Balance, from.Currency, amount, from.Currency)
	}
	r, ok := s.rate(from.Currency, to.Currency)
	if !ok {
		return TransferResult{}, s.noRate(from.Currency, to.Currency)
	}
	credited := Convert(amount, r)
	if credited == 0 {
		return TransferResult{}, tool.Errorf("%s %s converts to 0.00 %s; transfer a larger amount", amount, from.Currency, to.Currency)
	}
	if to.Type == Credit && credited > -to.Balance {
		return TransferResult{}, tool.Errorf("payment of %s %s to credit account %s exceeds the amount owed (%s %s)",
			credited, to.Currency, to.ID, -to.Balance, to.Currency)
	}
	if err := checkMemo(in.Memo); err != nil {
		return TransferResult{}, err
	}
	from.Balance -= amount
	to.Balance += credited
	outID, inID := s.newTxnID(), s.newTxnID()
	s.Transactions = append(s.Transactions,
		Transaction{ID: outID, AccountID: from.ID, Date: s.Today, Type: TxnTransferOut, Amount: -amount,
			Description: "Transfer to " + to.ID, Counterparty: to.ID, Memo: in.Memo},
		Transaction{ID: inID, AccountID: to.ID, Date: s.Today, Type: TxnTransferIn, Amount: credited,
			Description: "Transfer from " + from.ID, Counterparty: from.ID, Memo: in.Memo})
	res := TransferResult{Status: "completed", Date: s.Today,
		FromAccountID: from.ID, FromTransactionID: outID, Amount: amount, Currency: from.Currency, FromBalance: from.Balance,
		ToAccountID: to.ID, ToTransactionID: inID, ToAmount: credited, ToCurrency: to.Currency, ToBalance: to.Balance}
	if from.Currency != to.Currency {
		res.ExchangeRate = ptr(r)
	}
	if to.Type == Credit {
		res.ToAmountOwed = ptr(-to.Balance)
	}
	return res, nil
}

// ---- send_payment and schedule_payment

type sendPaymentArgs struct {
	FromAccountID string  `json:"from_account_id" jsonschema:"checking account to pay from"`
	PayeeID       string  `json:"payee_id" jsonschema:"a saved payee of the account's owner, like PAY-101"`
	Amount        float64 `json:"amount" jsonschema:"amount in the account's currency, at most 2 decimals, like 96.40"`
	Memo          string  `json:"memo,omitempty" jsonschema:"an optional note for the payee, at most 140 characters"`
}

// PaymentResult is what send_payment returns.
type PaymentResult struct {
	Status           string `json:"status"`
	PaymentID        string `json:"payment_id"`
	Date             string `json:"date"`
	FromAccountID    string `json:"from_account_id"`
	PayeeID          string `json:"payee_id"`
	PayeeName        string `json:"payee_name"`
	Amount           Money  `json:"amount"`
	Currency         string `json:"currency"`
	NewBalance       Money  `json:"new_balance"`
	PaymentLimitLeft *Money `json:"payment_limit_left_today,omitempty"`
	Memo             string `json:"memo,omitempty"`
}

// payer checks that account can pay payee (an open checking account of
// the payee's customer) and returns their indexes.
func (s *State) payer(accountID, payeeID string) (ai, pi int, err error) {
	ai, err = s.findOpenAccount(accountID)
	if err != nil {
		return -1, -1, err
	}
	a := s.Accounts[ai]
	if a.Type != Checking {
		return -1, -1, tool.Errorf("payments can only be sent from a checking account; %s is a %s account", a.ID, a.Type)
	}
	pi, err = s.findPayee(payeeID)
	if err != nil {
		return -1, -1, err
	}
	if p := s.Payees[pi]; p.CustomerID != a.CustomerID {
		return -1, -1, tool.Errorf("payee %s is not a payee of customer %s, the owner of account %s; list_payees shows their payees",
			p.ID, a.CustomerID, a.ID)
	}
	return ai, pi, nil
}

func sendPayment(_ context.Context, s *State, in sendPaymentArgs) (PaymentResult, error) {
	amount, err := amountArg("amount", in.Amount)
	if err != nil {
		return PaymentResult{}, err
	}
	ai, pi, err := s.payer(normID(in.FromAccountID), normID(in.PayeeID))
	if err != nil {
		return PaymentResult{}, err
	}
	a, p := &s.Accounts[ai], s.Payees[pi]
	if amount > a.Balance {
		return PaymentResult{}, tool.Errorf("insufficient funds in account %s: balance %s %s, requested %s %s",
			a.ID, a.Balance, a.Currency, amount, a.Currency)
	}
	var left *Money
	if a.DailyPaymentLimit > 0 {
		sent := s.paymentsOn(a.ID, s.Today)
		if sent+amount > a.DailyPaymentLimit {
			return PaymentResult{}, tool.Errorf("daily payment limit exceeded for account %s: limit %s %s, already sent today %s %s, requested %s %s (at most %s %s more today)",
				a.ID, a.DailyPaymentLimit, a.Currency, sent, a.Currency, amount, a.Currency, max(a.DailyPaymentLimit-sent, 0), a.Currency)
		}
		left = ptr(a.DailyPaymentLimit - sent - amount)
	}
	if err := checkMemo(in.Memo); err != nil {
		return PaymentResult{}, err
	}
	a.Balance -= amount
	id := s.newTxnID()
	s.Transactions = append(s.Transactions, Transaction{ID: id, AccountID: a.ID, Date: s.Today, Type: TxnPayment,
		Amount: -amount, Description: "Payment to " + p.Name, Counterparty: p.ID, Memo: in.Memo})
	return PaymentResult{Status: "completed", PaymentID: id, Date: s.Today, FromAccountID: a.ID, PayeeID: p.ID,
		PayeeName: p.Name, Amount: amount, Currency: a.Currency, NewBalance: a.Balance, PaymentLimitLeft: left, Memo: in.Memo}, nil
}

type schedulePaymentArgs struct {
	FromAccountID string  `json:"from_account_id" jsonschema:"checking account to pay from"`
	PayeeID       string  `json:"payee_id" jsonschema:"a saved payee of the account's owner, like PAY-101"`
	Amount        float64 `json:"amount" jsonschema:"amount in the account's currency, at most 2 decimals, like 96.40"`
	Date          string  `json:"date" jsonschema:"date of the (first) payment, YYYY-MM-DD, after today"`
	Frequency     string  `json:"frequency,omitempty" jsonschema:"once (the default) or monthly"`
	Memo          string  `json:"memo,omitempty" jsonschema:"an optional note for the payee, at most 140 characters"`
}

func schedulePayment(_ context.Context, s *State, in schedulePaymentArgs) (ScheduledView, error) {
	amount, err := amountArg("amount", in.Amount)
	if err != nil {
		return ScheduledView{}, err
	}
	ai, pi, err := s.payer(normID(in.FromAccountID), normID(in.PayeeID))
	if err != nil {
		return ScheduledView{}, err
	}
	date := strings.TrimSpace(in.Date)
	if err := checkDateArg("date", date); err != nil {
		return ScheduledView{}, err
	}
	today, _ := parseDate(s.Today)
	latest := today.AddDate(0, 0, 365).Format(dateLayout)
	switch {
	case date <= s.Today:
		return ScheduledView{}, tool.Errorf("date %s is not in the future (today is %s); use send_payment to pay now", date, s.Today)
	case date > latest:
		return ScheduledView{}, tool.Errorf("date %s is more than 365 days ahead; the latest is %s", date, latest)
	}
	freq := strings.ToLower(strings.TrimSpace(in.Frequency))
	if freq == "" {
		freq = Once
	}
	if freq != Once && freq != Monthly {
		return ScheduledView{}, tool.Errorf("frequency must be %q or %q, got %s", Once, Monthly, jsonString(in.Frequency))
	}
	if err := checkMemo(in.Memo); err != nil {
		return ScheduledView{}, err
	}
	sp := ScheduledPayment{ID: fmt.Sprintf("%s-%d", schedPrefix, s.next.sched), AccountID: s.Accounts[ai].ID,
		PayeeID: s.Payees[pi].ID, Amount: amount, Date: date, Frequency: freq, Status: Scheduled, Memo: in.Memo, CreatedOn: s.Today}
	s.next.sched++
	s.ScheduledPayments = append(s.ScheduledPayments, sp)
	return s.scheduledView(sp), nil
}

// ---- cancel_scheduled_payment

type cancelScheduledArgs struct {
	ScheduledPaymentID string `json:"scheduled_payment_id" jsonschema:"the scheduled payment's id, like SCH-201"`
}

func cancelScheduled(_ context.Context, s *State, in cancelScheduledArgs) (ScheduledView, error) {
	id := normID(in.ScheduledPaymentID)
	i := s.scheduledIndex(id)
	if i < 0 {
		return ScheduledView{}, tool.Errorf("no scheduled payment %s; list_scheduled_payments lists a customer's", jsonString(id))
	}
	sp := &s.ScheduledPayments[i]
	if sp.Status == Cancelled {
		return ScheduledView{}, tool.Errorf("scheduled payment %s is already cancelled", sp.ID)
	}
	sp.Status = Cancelled
	return s.scheduledView(*sp), nil
}

// ---- add_payee

type addPayeeArgs struct {
	CustomerID    string `json:"customer_id" jsonschema:"the customer who will pay this payee, like CUST-001"`
	Name          string `json:"name" jsonschema:"the payee's name as on their bank account"`
	AccountNumber string `json:"account_number" jsonschema:"the payee's bank account number, 4 to 17 digits"`
	RoutingNumber string `json:"routing_number" jsonschema:"the payee's bank routing number, 9 digits"`
	Nickname      string `json:"nickname,omitempty" jsonschema:"an optional short name for the payee"`
}

func addPayee(_ context.Context, s *State, in addPayeeArgs) (PayeeView, error) {
	ci, err := s.findCustomer(normID(in.CustomerID))
	if err != nil {
		return PayeeView{}, err
	}
	cust := s.Customers[ci].ID
	name, acct, routing := strings.TrimSpace(in.Name), strings.TrimSpace(in.AccountNumber), strings.TrimSpace(in.RoutingNumber)
	if name == "" {
		return PayeeView{}, tool.Errorf("name must not be empty")
	}
	if n := utf8.RuneCountInString(name); n > 70 {
		return PayeeView{}, tool.Errorf("name is %d characters long; the most is 70", n)
	}
	if msg := checkAccountNumber(acct); msg != "" {
		return PayeeView{}, tool.Errorf("%s", msg)
	}
	if msg := checkRoutingNumber(routing); msg != "" {
		return PayeeView{}, tool.Errorf("%s", msg)
	}
	for _, p := range s.Payees {
		if p.CustomerID == cust && p.AccountNumber == acct && p.RoutingNumber == routing {
			return PayeeView{}, tool.Errorf("customer %s already has a payee with these bank details: %s (%s)", cust, p.ID, p.Name)
		}
	}
	p := Payee{ID: fmt.Sprintf("%s-%d", payeePrefix, s.next.payee), CustomerID: cust, Name: name,
		Nickname: strings.TrimSpace(in.Nickname), AccountNumber: acct, RoutingNumber: routing, AddedOn: s.Today}
	s.next.payee++
	s.Payees = append(s.Payees, p)
	return payeeView(p), nil
}

// ---- cards

type freezeCardArgs struct {
	CardID string `json:"card_id" jsonschema:"the card's id, like CARD-5001"`
	Reason string `json:"reason,omitempty" jsonschema:"why the customer freezes it, in a few words"`
}

type cardArgs struct {
	CardID string `json:"card_id" jsonschema:"the card's id, like CARD-5001"`
}

// lostError is the error for acting on a card already reported lost.
func lostError(c Card) error {
	if c.ReplacedBy == "" {
		return tool.Errorf("card %s was reported lost on %s and is blocked for good", c.ID, c.ReportedLostOn)
	}
	return tool.Errorf("card %s was reported lost on %s and is blocked for good; its replacement is %s", c.ID, c.ReportedLostOn, c.ReplacedBy)
}

func freezeCard(_ context.Context, s *State, in freezeCardArgs) (CardView, error) {
	i, err := s.findCard(normID(in.CardID))
	if err != nil {
		return CardView{}, err
	}
	c := &s.Cards[i]
	switch c.Status {
	case CardFrozen:
		return CardView{}, tool.Errorf("card %s is already frozen (by the %s)", c.ID, c.FrozenBy)
	case CardLost:
		return CardView{}, lostError(*c)
	}
	reason := strings.TrimSpace(in.Reason)
	if n := utf8.RuneCountInString(reason); n > 140 {
		return CardView{}, tool.Errorf("reason is %d characters long; the most is 140", n)
	}
	c.Status, c.FrozenBy, c.FreezeReason = CardFrozen, FrozenByCustomer, reason
	return s.cardView(*c), nil
}

func unfreezeCard(_ context.Context, s *State, in cardArgs) (CardView, error) {
	i, err := s.findCard(normID(in.CardID))
	if err != nil {
		return CardView{}, err
	}
	c := &s.Cards[i]
	switch c.Status {
	case CardActive:
		return CardView{}, tool.Errorf("card %s is not frozen (it is active)", c.ID)
	case CardLost:
		return CardView{}, lostError(*c)
	}
	c.Status, c.FrozenBy, c.FreezeReason = CardActive, "", ""
	return s.cardView(*c), nil
}

// LostCardResult is what report_lost_card returns.
type LostCardResult struct {
	ReportedCard CardView `json:"reported_card"`
	Replacement  CardView `json:"replacement"`
	Delivery     string   `json:"delivery"`
}

// replacementLast4 picks the last four digits of a new card from its id
// number, deterministically, never repeating the card it replaces.
func replacementLast4(n int, old string) string {
	last4 := fmt.Sprintf("%04d", (n*7919+4111)%10000)
	if last4 == old {
		last4 = fmt.Sprintf("%04d", (n*7919+4112)%10000)
	}
	return last4
}

func reportLostCard(_ context.Context, s *State, in cardArgs) (LostCardResult, error) {
	i, err := s.findCard(normID(in.CardID))
	if err != nil {
		return LostCardResult{}, err
	}
	if s.Cards[i].Status == CardLost {
		c := s.Cards[i]
		return LostCardResult{}, tool.Errorf("card %s was already reported lost on %s; its replacement is %s", c.ID, c.ReportedLostOn, c.ReplacedBy)
	}
	today, _ := parseDate(s.Today)
	n := s.next.card
	s.next.card++
	repl := Card{ID: fmt.Sprintf("%s-%d", cardPrefix, n), AccountID: s.Cards[i].AccountID, Type: s.Cards[i].Type,
		Last4: replacementLast4(n, s.Cards[i].Last4), Status: CardActive, DailyLimit: s.Cards[i].DailyLimit,
		Expires: today.AddDate(4, 0, 0).Format("2006-01"), Replaces: s.Cards[i].ID}
	old := &s.Cards[i]
	old.Status, old.FrozenBy, old.FreezeReason = CardLost, "", ""
	old.ReportedLostOn, old.ReplacedBy = s.Today, repl.ID
	res := LostCardResult{ReportedCard: s.cardView(*old), Replacement: s.cardView(repl),
		Delivery: "the replacement card arrives by post in 5 to 7 business days"}
	s.Cards = append(s.Cards, repl) // after the last use of old, which append may move
	return res, nil
}
