package bank

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// State is the whole bank world as plain Go values. Every list is kept
// sorted by id (by the id's number, then its text), every amount is exact,
// and every date comes from Today, the bank's pinned clock: the state holds
// no maps, pointers or wall-clock time, so equal states marshal to equal
// bytes and a copy of the slices is a deep copy.
//
// The fields of State and of the types it holds are declared in the order
// of their JSON names, so encoding/json writes them as canonical JSON
// directly (see [Bank.Snapshot]).
type State struct {
	Accounts      []Account      `json:"accounts"`
	Cards         []Card         `json:"cards"`
	Customers     []Customer     `json:"customers"`
	ExchangeRates []ExchangeRate `json:"exchange_rates"`
	Payees        []Payee        `json:"payees"`
	// ScheduledPayments holds cancelled payments too.
	ScheduledPayments []ScheduledPayment `json:"scheduled_payments"`
	// Today is the bank's date (YYYY-MM-DD): new transactions are dated
	// with it and scheduled payments must fall after it.
	Today        string        `json:"today"`
	Transactions []Transaction `json:"transactions"`

	// next holds the number of the next id of each generated kind; it is
	// derived from the lists (the largest number in use plus one).
	next sequences
}

type sequences struct {
	txn, payee, card, sched int
}

// Customer is a bank customer.
type Customer struct {
	Email       string `json:"email"`
	ID          string `json:"id"`
	MemberSince string `json:"member_since"`
	Name        string `json:"name"`
	Phone       string `json:"phone"`
}

// Account types and statuses.
const (
	Checking = "checking"
	Savings  = "savings"
	Credit   = "credit"

	AccountOpen   = "open"
	AccountClosed = "closed"
)

// Account is a checking, savings or credit account. A credit account's
// Balance is zero or negative: minus what the customer owes.
type Account struct {
	Balance Money `json:"balance"`
	// CreditLimit applies to credit accounts only.
	CreditLimit Money  `json:"credit_limit,omitempty"`
	Currency    string `json:"currency"`
	CustomerID  string `json:"customer_id"`
	// DailyPaymentLimit caps the payments sent from a checking account on
	// one day (zero: no limit).
	DailyPaymentLimit Money  `json:"daily_payment_limit,omitempty"`
	ID                string `json:"id"`
	Nickname          string `json:"nickname"`
	Status            string `json:"status"`
	Type              string `json:"type"`
}

// Card statuses and who froze a card.
const (
	CardActive = "active"
	CardFrozen = "frozen"
	CardLost   = "lost"

	FrozenByCustomer = "customer"
	FrozenByBank     = "bank"
)

// Card is a debit card on a checking account or a credit card on a credit
// account.
type Card struct {
	AccountID  string `json:"account_id"`
	DailyLimit Money  `json:"daily_limit"`
	// Expires is the card's expiry month, YYYY-MM.
	Expires        string `json:"expires"`
	FreezeReason   string `json:"freeze_reason,omitempty"`
	FrozenBy       string `json:"frozen_by,omitempty"`
	ID             string `json:"id"`
	Last4          string `json:"last4"`
	ReplacedBy     string `json:"replaced_by,omitempty"`
	Replaces       string `json:"replaces,omitempty"`
	ReportedLostOn string `json:"reported_lost_on,omitempty"`
	Status         string `json:"status"`
	Type           string `json:"type"`
}

// Payee is someone a customer has saved to pay.
type Payee struct {
	AccountNumber string `json:"account_number"`
	AddedOn       string `json:"added_on"`
	CustomerID    string `json:"customer_id"`
	ID            string `json:"id"`
	Name          string `json:"name"`
	Nickname      string `json:"nickname,omitempty"`
	RoutingNumber string `json:"routing_number"`
}

// Transaction types.
const (
	TxnDeposit      = "deposit"
	TxnWithdrawal   = "withdrawal"
	TxnCardPurchase = "card_purchase"
	TxnPayment      = "payment"
	TxnTransferIn   = "transfer_in"
	TxnTransferOut  = "transfer_out"
	TxnInterest     = "interest"
	TxnFee          = "fee"
	TxnRefund       = "refund"
)

var txnTypes = []string{TxnDeposit, TxnWithdrawal, TxnCardPurchase, TxnPayment, TxnTransferIn, TxnTransferOut, TxnInterest, TxnFee, TxnRefund}

// Transaction is one ledger entry of one account: Amount is positive for
// money in, negative for money out, in the account's currency.
type Transaction struct {
	AccountID    string `json:"account_id"`
	Amount       Money  `json:"amount"`
	CardID       string `json:"card_id,omitempty"`
	Counterparty string `json:"counterparty,omitempty"`
	Date         string `json:"date"`
	Description  string `json:"description"`
	ID           string `json:"id"`
	Memo         string `json:"memo,omitempty"`
	Type         string `json:"type"`
}

// Scheduled payment statuses and frequencies.
const (
	Scheduled = "scheduled"
	Cancelled = "cancelled"

	Once    = "once"
	Monthly = "monthly"
)

// ScheduledPayment is a future payment to a payee, once or monthly.
type ScheduledPayment struct {
	AccountID string `json:"account_id"`
	Amount    Money  `json:"amount"`
	CreatedOn string `json:"created_on"`
	// Date is the next (or only) date the payment runs.
	Date      string `json:"date"`
	Frequency string `json:"frequency"`
	ID        string `json:"id"`
	Memo      string `json:"memo,omitempty"`
	PayeeID   string `json:"payee_id"`
	Status    string `json:"status"`
}

// ExchangeRate converts From into To: one unit of From buys Rate units of
// To. Each direction is its own entry.
type ExchangeRate struct {
	From string `json:"from"`
	Rate Rate   `json:"rate"`
	To   string `json:"to"`
}

// Config is a bank env's JSON configuration (a task's initial state). Each
// field present replaces that part of the default state whole; absent
// fields keep the default. So {"today": "2026-04-01"} moves the clock, and
// {"accounts": [...]} swaps every account. Unknown fields are an error.
type Config struct {
	Today             string             `json:"today,omitempty"`
	Customers         []Customer         `json:"customers,omitempty"`
	Accounts          []Account          `json:"accounts,omitempty"`
	Cards             []Card             `json:"cards,omitempty"`
	Payees            []Payee            `json:"payees,omitempty"`
	Transactions      []Transaction      `json:"transactions,omitempty"`
	ScheduledPayments []ScheduledPayment `json:"scheduled_payments,omitempty"`
	ExchangeRates     []ExchangeRate     `json:"exchange_rates,omitempty"`
}

// ErrInvalidConfig is wrapped by every error New returns for a config that
// does not describe a consistent bank.
var ErrInvalidConfig = errors.New("invalid bank config")

//go:embed default.json
var defaultJSON []byte

// defaultState is parsed once, when first needed (not at start-up:
// programs that never open a bank do not pay for it); Default hands out
// copies.
var defaultState = sync.OnceValue(func() *State {
	var c Config
	if err := decodeStrict(defaultJSON, &c); err != nil {
		panic("bank: default.json: " + err.Error())
	}
	s := &State{}
	c.apply(s)
	if err := s.normalize(); err != nil {
		panic("bank: default.json: " + err.Error())
	}
	return s
})

// Default returns a fresh copy of the built-in demo world: five customers
// with their accounts, cards, payees, a month of transactions, scheduled
// payments and an exchange-rate table, on 2026-03-02.
func Default() *State { return defaultState().clone() }

// ParseConfig builds a state from a JSON config laid over the default
// state; empty input (or null) gives the default state.
func ParseConfig(config json.RawMessage) (*State, error) {
	s := Default()
	b := bytes.TrimSpace(config)
	if len(b) == 0 || string(b) == "null" {
		return s, nil
	}
	var c Config
	if err := decodeStrict(b, &c); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidConfig, err)
	}
	c.apply(s)
	if err := s.normalize(); err != nil {
		return nil, err
	}
	return s, nil
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON object")
	}
	return nil
}

// apply lays the config's present fields over s.
func (c *Config) apply(s *State) {
	if c.Today != "" {
		s.Today = c.Today
	}
	if c.Customers != nil {
		s.Customers = c.Customers
	}
	if c.Accounts != nil {
		s.Accounts = c.Accounts
	}
	if c.Cards != nil {
		s.Cards = c.Cards
	}
	if c.Payees != nil {
		s.Payees = c.Payees
	}
	if c.Transactions != nil {
		s.Transactions = c.Transactions
	}
	if c.ScheduledPayments != nil {
		s.ScheduledPayments = c.ScheduledPayments
	}
	if c.ExchangeRates != nil {
		s.ExchangeRates = c.ExchangeRates
	}
}

// clone returns a deep copy: the element types hold only values and
// strings, so copying the slices copies everything.
func (s *State) clone() *State {
	return &State{
		Today:             s.Today,
		Customers:         slices.Clone(s.Customers),
		Accounts:          slices.Clone(s.Accounts),
		Cards:             slices.Clone(s.Cards),
		Payees:            slices.Clone(s.Payees),
		Transactions:      slices.Clone(s.Transactions),
		ScheduledPayments: slices.Clone(s.ScheduledPayments),
		ExchangeRates:     slices.Clone(s.ExchangeRates),
		next:              s.next,
	}
}

// ID prefixes of the kinds whose ids the bank generates, and the first
// number of each.
const (
	txnPrefix   = "TXN"
	payeePrefix = "PAY"
	cardPrefix  = "CARD"
	schedPrefix = "SCH"

	firstTxn   = 10001
	firstPayee = 101
	firstCard  = 5001
	firstSched = 201
)

// splitID splits "CHK-1001" into "CHK" and 1001; ok is false unless the id
// is upper-case letters, a dash and a number.
func splitID(id string) (prefix string, n int, ok bool) {
	prefix, num, found := strings.Cut(id, "-")
	if !found || prefix == "" || num == "" || len(num) > 9 || !allDigits(num) {
		return "", 0, false
	}
	for i := 0; i < len(prefix); i++ {
		if prefix[i] < 'A' || prefix[i] > 'Z' {
			return "", 0, false
		}
	}
	n, _ = strconv.Atoi(num)
	return prefix, n, true
}

// compareIDs orders ids by number, then by text: CHK-1001, SAV-1002,
// CRD-1003, CHK-2001, ...
func compareIDs(a, b string) int {
	_, na, _ := splitID(a)
	_, nb, _ := splitID(b)
	if na != nb {
		if na < nb {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

func configErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidConfig, fmt.Sprintf(format, args...))
}

// normalize sorts every list, checks that the state is consistent (ids
// well formed and unique, references resolved, amounts and dates valid)
// and derives the id sequences. Empty lists become non-nil so that a
// state marshals the same whichever way it was built.
func (s *State) normalize() error {
	if _, err := parseDate(s.Today); err != nil {
		return configErr("today: %v", err)
	}
	nonNil(&s.Customers)
	nonNil(&s.Accounts)
	nonNil(&s.Cards)
	nonNil(&s.Payees)
	nonNil(&s.Transactions)
	nonNil(&s.ScheduledPayments)
	nonNil(&s.ExchangeRates)
	slices.SortStableFunc(s.Customers, func(a, b Customer) int { return compareIDs(a.ID, b.ID) })
	slices.SortStableFunc(s.Accounts, func(a, b Account) int { return compareIDs(a.ID, b.ID) })
	slices.SortStableFunc(s.Cards, func(a, b Card) int { return compareIDs(a.ID, b.ID) })
	slices.SortStableFunc(s.Payees, func(a, b Payee) int { return compareIDs(a.ID, b.ID) })
	slices.SortStableFunc(s.Transactions, func(a, b Transaction) int { return compareIDs(a.ID, b.ID) })
	slices.SortStableFunc(s.ScheduledPayments, func(a, b ScheduledPayment) int { return compareIDs(a.ID, b.ID) })
	slices.SortStableFunc(s.ExchangeRates, func(a, b ExchangeRate) int {
		if c := strings.Compare(a.From, b.From); c != 0 {
			return c
		}
		return strings.Compare(a.To, b.To)
	})

	if err := s.checkCustomers(); err != nil {
		return err
	}
	if err := s.checkAccounts(); err != nil {
		return err
	}
	if err := s.checkCards(); err != nil {
		return err
	}
	if err := s.checkPayees(); err != nil {
		return err
	}
	if err := s.checkTransactions(); err != nil {
		return err
	}
	if err := s.checkScheduled(); err != nil {
		return err
	}
	if err := s.checkRates(); err != nil {
		return err
	}
	s.next = sequences{
		txn:   nextNumber(s.Transactions, func(t Transaction) string { return t.ID }, firstTxn),
		payee: nextNumber(s.Payees, func(p Payee) string { return p.ID }, firstPayee),
		card:  nextNumber(s.Cards, func(c Card) string { return c.ID }, firstCard),
		sched: nextNumber(s.ScheduledPayments, func(p ScheduledPayment) string { return p.ID }, firstSched),
	}
	return nil
}

func nonNil[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}

func nextNumber[T any](items []T, id func(T) string, first int) int {
	next := first
	for _, it := range items {
		if _, n, _ := splitID(id(it)); n+1 > next {
			next = n + 1
		}
	}
	return next
}

// checkIDs checks that ids are well formed (with the given prefix, when
// one is given) and unique.
func checkIDs[T any](kind string, items []T, id func(T) string, prefix string) error {
	for i, it := range items {
		p, _, ok := splitID(id(it))
		if !ok {
			return configErr("%s %s: id must be upper-case letters, a dash and a number, like CHK-1001", kind, jsonString(id(it)))
		}
		if prefix != "" && p != prefix {
			return configErr("%s %s: id must start with %s-", kind, id(it), prefix)
		}
		if i > 0 && id(items[i-1]) == id(it) {
			return configErr("%s %s: id given twice", kind, id(it))
		}
	}
	return nil
}

func checkDate(what, d string) error {
	if _, err := parseDate(d); err != nil {
		return configErr("%s: %v", what, err)
	}
	return nil
}

func (s *State) checkCustomers() error {
	if err := checkIDs("customer", s.Customers, func(c Customer) string { return c.ID }, ""); err != nil {
		return err
	}
	emails := map[string]string{}
	for _, c := range s.Customers {
		if c.Name == "" {
			return configErr("customer %s: empty name", c.ID)
		}
		if !strings.Contains(c.Email, "@") {
			return configErr("customer %s: email %s is not an address", c.ID, jsonString(c.Email))
		}
		key := strings.ToLower(c.Email)
		if other, dup := emails[key]; dup {
			return configErr("customer %s: email %s is also %s's", c.ID, c.Email, other)
		}
		emails[key] = c.ID
		if err := checkDate("customer "+c.ID+": member_since", c.MemberSince); err != nil {
			return err
		}
	}
	return nil
}

func (s *State) checkAccounts() error {
	if err := checkIDs("account", s.Accounts, func(a Account) string { return a.ID }, ""); err != nil {
		return err
	}
	for _, a := range s.Accounts {
		if s.customerIndex(a.CustomerID) < 0 {
			return configErr("account %s: customer %s does not exist", a.ID, a.CustomerID)
		}
		if !validCurrency(a.Currency) {
			return configErr("account %s: currency %s is not a 3-letter code", a.ID, jsonString(a.Currency))
		}
		if a.Status != AccountOpen && a.Status != AccountClosed {
			return configErr("account %s: status must be %q or %q, got %s", a.ID, AccountOpen, AccountClosed, jsonString(a.Status))
		}
		switch a.Type {
		case Checking, Savings:
			if a.Balance < 0 {
				return configErr("account %s: a %s account cannot have a negative balance (%s)", a.ID, a.Type, a.Balance)
			}
			if a.CreditLimit != 0 {
				return configErr("account %s: only credit accounts have a credit_limit", a.ID)
			}
		case Credit:
			if a.CreditLimit <= 0 {
				return configErr("account %s: a credit account needs a positive credit_limit", a.ID)
			}
			if a.Balance > 0 || -a.Balance > a.CreditLimit {
				return configErr("account %s: a credit balance must be between -%s and 0.00, got %s", a.ID, a.CreditLimit, a.Balance)
			}
		default:
			return configErr("account %s: type must be %q, %q or %q, got %s", a.ID, Checking, Savings, Credit, jsonString(a.Type))
		}
		if a.DailyPaymentLimit < 0 || (a.DailyPaymentLimit != 0 && a.Type != Checking) {
			return configErr("account %s: daily_payment_limit must be positive and is for checking accounts only", a.ID)
		}
	}
	return nil
}

func (s *State) checkCards() error {
	if err := checkIDs("card", s.Cards, func(c Card) string { return c.ID }, cardPrefix); err != nil {
		return err
	}
	for _, c := range s.Cards {
		ai := s.accountIndex(c.AccountID)
		if ai < 0 {
			return configErr("card %s: account %s does not exist", c.ID, c.AccountID)
		}
		want := "debit"
		if s.Accounts[ai].Type == Credit {
			want = "credit"
		} else if s.Accounts[ai].Type != Checking {
			return configErr("card %s: cards belong to checking or credit accounts, not %s account %s", c.ID, s.Accounts[ai].Type, c.AccountID)
		}
		if c.Type != want {
			return configErr("card %s: a card on %s account %s has type %q, got %s", c.ID, s.Accounts[ai].Type, c.AccountID, want, jsonString(c.Type))
		}
		if len(c.Last4) != 4 || !allDigits(c.Last4) {
			return configErr("card %s: last4 must be 4 digits, got %s", c.ID, jsonString(c.Last4))
		}
		if c.DailyLimit <= 0 {
			return configErr("card %s: daily_limit must be positive", c.ID)
		}
		if _, err := parseDate(c.Expires + "-01"); err != nil || len(c.Expires) != 7 {
			return configErr("card %s: expires must be YYYY-MM, got %s", c.ID, jsonString(c.Expires))
		}
		switch c.Status {
		case CardActive:
			if c.FrozenBy != "" || c.FreezeReason != "" {
				return configErr("card %s: an active card has no frozen_by or freeze_reason", c.ID)
			}
		case CardFrozen:
			if c.FrozenBy != FrozenByCustomer && c.FrozenBy != FrozenByBank {
				return configErr("card %s: frozen_by must be %q or %q, got %s", c.ID, FrozenByCustomer, FrozenByBank, jsonString(c.FrozenBy))
			}
		case CardLost:
			if err := checkDate("card "+c.ID+": reported_lost_on", c.ReportedLostOn); err != nil {
				return err
			}
		default:
			return configErr("card %s: status must be %q, %q or %q, got %s", c.ID, CardActive, CardFrozen, CardLost, jsonString(c.Status))
		}
		for _, ref := range []string{c.ReplacedBy, c.Replaces} {
			if ref != "" && s.cardIndex(ref) < 0 {
				return configErr("card %s: card %s does not exist", c.ID, ref)
			}
		}
	}
	return nil
}

func (s *State) checkPayees() error {
	if err := checkIDs("payee", s.Payees, func(p Payee) string { return p.ID }, payeePrefix); err != nil {
		return err
	}
	for _, p := range s.Payees {
		if s.customerIndex(p.CustomerID) < 0 {
			return configErr("payee %s: customer %s does not exist", p.ID, p.CustomerID)
		}
		if p.Name == "" {
			return configErr("payee %s: empty name", p.ID)
		}
		if msg := checkAccountNumber(p.AccountNumber); msg != "" {
			return configErr("payee %s: %s", p.ID, msg)
		}
		if msg := checkRoutingNumber(p.RoutingNumber); msg != "" {
			return configErr("payee %s: %s", p.ID, msg)
		}
		if err := checkDate("payee "+p.ID+": added_on", p.AddedOn); err != nil {
			return err
		}
	}
	return nil
}

func (s *State) checkTransactions() error {
	if err := checkIDs("transaction", s.Transactions, func(t Transaction) string { return t.ID }, txnPrefix); err != nil {
		return err
	}
	for _, t := range s.Transactions {
		if s.accountIndex(t.AccountID) < 0 {
			return configErr("transaction %s: account %s does not exist", t.ID, t.AccountID)
		}
		if err := checkDate("transaction "+t.ID+": date", t.Date); err != nil {
			return err
		}
		if !slices.Contains(txnTypes, t.Type) {
			return configErr("transaction %s: type must be one of %s, got %s", t.ID, strings.Join(txnTypes, ", "), jsonString(t.Type))
		}
		if t.CardID != "" && s.cardIndex(t.CardID) < 0 {
			return configErr("transaction %s: card %s does not exist", t.ID, t.CardID)
		}
	}
	return nil
}

func (s *State) checkScheduled() error {
	if err := checkIDs("scheduled payment", s.ScheduledPayments, func(p ScheduledPayment) string { return p.ID }, schedPrefix); err != nil {
		return err
	}
	for _, sp := range s.ScheduledPayments {
		ai := s.accountIndex(sp.AccountID)
		if ai < 0 {
			return configErr("scheduled payment %s: account %s does not exist", sp.ID, sp.AccountID)
		}
		pi := s.payeeIndex(sp.PayeeID)
		if pi < 0 {
			return configErr("scheduled payment %s: payee %s does not exist", sp.ID, sp.PayeeID)
		}
		if s.Payees[pi].CustomerID != s.Accounts[ai].CustomerID {
			return configErr("scheduled payment %s: payee %s and account %s belong to different customers", sp.ID, sp.PayeeID, sp.AccountID)
		}
		if sp.Amount <= 0 {
			return configErr("scheduled payment %s: amount must be positive", sp.ID)
		}
		if err := checkDate("scheduled payment "+sp.ID+": date", sp.Date); err != nil {
			return err
		}
		if err := checkDate("scheduled payment "+sp.ID+": created_on", sp.CreatedOn); err != nil {
			return err
		}
		if sp.Frequency != Once && sp.Frequency != Monthly {
			return configErr("scheduled payment %s: frequency must be %q or %q, got %s", sp.ID, Once, Monthly, jsonString(sp.Frequency))
		}
		if sp.Status != Scheduled && sp.Status != Cancelled {
			return configErr("scheduled payment %s: status must be %q or %q, got %s", sp.ID, Scheduled, Cancelled, jsonString(sp.Status))
		}
	}
	return nil
}

func (s *State) checkRates() error {
	for i, r := range s.ExchangeRates {
		if !validCurrency(r.From) || !validCurrency(r.To) || r.From == r.To {
			return configErr("exchange rate %s/%s: from and to must be two different 3-letter codes", r.From, r.To)
		}
		if r.Rate <= 0 {
			return configErr("exchange rate %s/%s: rate must be positive", r.From, r.To)
		}
		if i > 0 && s.ExchangeRates[i-1].From == r.From && s.ExchangeRates[i-1].To == r.To {
			return configErr("exchange rate %s/%s: given twice", r.From, r.To)
		}
	}
	return nil
}

func validCurrency(c string) bool {
	if len(c) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}

// checkAccountNumber and checkRoutingNumber return what is wrong with a
// payee's bank details, or "".
func checkAccountNumber(n string) string {
	if len(n) < 4 || len(n) > 17 || !allDigits(n) {
		return "account_number must be 4 to 17 digits, got " + jsonString(n)
	}
	return ""
}

func checkRoutingNumber(n string) string {
	if len(n) != 9 || !allDigits(n) {
		return "routing_number must be exactly 9 digits, got " + jsonString(n)
	}
	return ""
}

// Lookups. The lists are short (a bank env holds one episode's world), so
// a linear scan beats maintaining maps across forks.

func (s *State) customerIndex(id string) int {
	return slices.IndexFunc(s.Customers, func(c Customer) bool { return c.ID == id })
}

func (s *State) accountIndex(id string) int {
	return slices.IndexFunc(s.Accounts, func(a Account) bool { return a.ID == id })
}

func (s *State) cardIndex(id string) int {
	return slices.IndexFunc(s.Cards, func(c Card) bool { return c.ID == id })
}

func (s *State) payeeIndex(id string) int {
	return slices.IndexFunc(s.Payees, func(p Payee) bool { return p.ID == id })
}

func (s *State) scheduledIndex(id string) int {
	return slices.IndexFunc(s.ScheduledPayments, func(p ScheduledPayment) bool { return p.ID == id })
}

// rate returns the rate from one currency to another (1 for the same).
func (s *State) rate(from, to string) (Rate, bool) {
	if from == to {
		return rateScale, true
	}
	for _, r := range s.ExchangeRates {
		if r.From == from && r.To == to {
			return r.Rate, true
		}
	}
	return 0, false
}

// paymentsOn sums the payments sent from an account on a date.
func (s *State) paymentsOn(accountID, date string) Money {
	var sum Money
	for _, t := range s.Transactions {
		if t.AccountID == accountID && t.Date == date && t.Type == TxnPayment {
			sum -= t.Amount
		}
	}
	return sum
}

// newTxnID returns the next transaction id and advances the sequence.
func (s *State) newTxnID() string {
	id := txnPrefix + "-" + strconv.Itoa(s.next.txn)
	s.next.txn++
	return id
}
