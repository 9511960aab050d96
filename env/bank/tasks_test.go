package bank_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/bank"
	"github.com/toolgym/toolgym/task"
)

// replay runs a task's gold calls in order on a fresh env, failing the
// test on any error result. With reverse set, the calls within each step
// run in reverse order (they are meant to be independent).
func replay(t *testing.T, tk task.Task, reverse bool) *bank.Bank {
	t.Helper()
	e, err := env.New(tk.Env, tk.Config)
	if err != nil {
		t.Fatalf("%s: %v", tk.ID, err)
	}
	for ti, turn := range tk.Turns {
		for si, step := range turn.Gold.Steps {
			order := make([]int, len(step))
			for i := range order {
				order[i] = i
			}
			if reverse {
				slices.Reverse(order)
			}
			for _, ci := range order {
				r := e.Call(context.Background(), step[ci].ToolCall(task.CallID(ti, si, ci)))
				if r.Error != nil {
					t.Fatalf("%s turn %d step %d: gold call %s%s failed: %s", tk.ID, ti, si, step[ci].Name, step[ci].Arguments, r.Error.Message)
				}
			}
		}
	}
	return e.(*bank.Bank)
}

// judgeText normalises text as the output check does: lower case, no commas.
func judgeText(s string) string { return strings.ReplaceAll(strings.ToLower(s), ",", "") }

func TestTasksWellFormed(t *testing.T) {
	tasks := bank.Tasks()
	if len(tasks) < 12 {
		t.Fatalf("%d tasks, want at least 12", len(tasks))
	}
	writes := map[string]bool{}
	for _, s := range newBank(t, "").Tools() {
		writes[s.Name] = !s.ReadOnly()
	}
	idRE := regexp.MustCompile(`^bank-\d{3}$`)
	used := map[string]bool{}
	var multiTurn, parallel, refusals, readOnly, writing int
	for i, tk := range tasks {
		if want := fmt.Sprintf("bank-%03d", i+1); tk.ID != want || !idRE.MatchString(tk.ID) {
			t.Errorf("task %d has id %s, want %s", i, tk.ID, want)
		}
		if tk.Env != "bank" || tk.System != bank.Policy() {
			t.Errorf("%s: env %q, system is the policy: %v", tk.ID, tk.Env, tk.System == bank.Policy())
		}
		if len(tk.Turns) > 1 {
			multiTurn++
		}
		taskWrites := false
		for ti, turn := range tk.Turns {
			if strings.TrimSpace(turn.User) == "" || turn.Gold.Reply == "" || len(turn.Gold.Outputs) == 0 {
				t.Errorf("%s turn %d: empty user message, reply or outputs", tk.ID, ti)
			}
			for _, out := range turn.Gold.Outputs {
				if !strings.Contains(judgeText(turn.Gold.Reply), judgeText(out)) {
					t.Errorf("%s turn %d: output %q is not in the reply %q", tk.ID, ti, out, turn.Gold.Reply)
				}
			}
			for _, step := range turn.Gold.Steps {
				if len(step) == 0 {
					t.Errorf("%s turn %d: empty step", tk.ID, ti)
				}
				if len(step) > 1 {
					parallel++
				}
				for _, c := range step {
					used[c.Name] = true
					taskWrites = taskWrites || writes[c.Name]
				}
			}
		}
		tags, _ := tk.Meta["tags"].([]any)
		if slices.Contains(tags, any("refusal")) {
			refusals++
			if taskWrites {
				t.Errorf("%s is a refusal but its gold writes", tk.ID)
			}
		}
		if taskWrites {
			writing++
		} else {
			readOnly++
		}
	}
	if multiTurn < 4 || parallel < 4 || refusals < 2 || readOnly < 4 || writing < 6 {
		t.Errorf("mix: %d multi-turn, %d parallel steps, %d refusals, %d read-only, %d writing", multiTurn, parallel, refusals, readOnly, writing)
	}
	for name := range writes {
		if !used[name] {
			t.Errorf("no task uses tool %s", name)
		}
	}
	// Tasks returns fresh values.
	tasks[0].Turns[0].User = "changed"
	if bank.Tasks()[0].Turns[0].User == "changed" {
		t.Error("Tasks shares its values between calls")
	}
}

func TestTasksGoldReplay(t *testing.T) {
	for _, tk := range bank.Tasks() {
		t.Run(tk.ID, func(t *testing.T) {
			inOrder := replay(t, tk, false)
			reversed := replay(t, tk, true)
			if snapshot(t, inOrder) != snapshot(t, reversed) {
				t.Error("calls of one step are not independent: their order changes the final state")
			}
		})
	}
}

// TestTasksFinalState checks by hand what the gold leaves behind.
func TestTasksFinalState(t *testing.T) {
	tasks := map[string]task.Task{}
	for _, tk := range bank.Tasks() {
		tasks[tk.ID] = tk
	}
	defaultSnap := snapshot(t, newBank(t, ""))
	balance := func(st *bank.State, id string) string { return account(t, st, id).Balance.String() }
	lastTxns := func(st *bank.State, n int) []bank.Transaction { return st.Transactions[len(st.Transactions)-n:] }

	checks := map[string]func(t *testing.T, st *bank.State){
		"bank-003": func(t *testing.T, st *bank.State) {
			if balance(st, "CHK-1001") != "2732.15" || balance(st, "SAV-1002") != "13500.00" {
				t.Errorf("balances %s, %s", balance(st, "CHK-1001"), balance(st, "SAV-1002"))
			}
			got := lastTxns(st, 2)
			want := []bank.Transaction{
				{ID: "TXN-10032", AccountID: "CHK-1001", Date: "2026-03-02", Type: bank.TxnTransferOut, Amount: -75000, Description: "Transfer to SAV-1002", Counterparty: "SAV-1002"},
				{ID: "TXN-10033", AccountID: "SAV-1002", Date: "2026-03-02", Type: bank.TxnTransferIn, Amount: 75000, Description: "Transfer from CHK-1001", Counterparty: "CHK-1001"},
			}
			if !slices.Equal(got, want) {
				t.Errorf("ledger ends\n%+v\nwant\n%+v", got, want)
			}
		},
		"bank-004": func(t *testing.T, st *bank.State) {
			// 500.00 EUR at 1.0842 is 542.10 USD.
			if balance(st, "CHK-3001") != "3710.00" || balance(st, "SAV-3002") != "2542.10" {
				t.Errorf("balances %s EUR, %s USD", balance(st, "CHK-3001"), balance(st, "SAV-3002"))
			}
		},
		"bank-005": func(t *testing.T, st *bank.State) {
			tx := lastTxns(st, 1)[0]
			if balance(st, "CHK-2001") != "1856.65" || tx.Type != bank.TxnPayment || tx.Counterparty != "PAY-104" || tx.Amount != -6375 {
				t.Errorf("balance %s, payment %+v", balance(st, "CHK-2001"), tx)
			}
		},
		"bank-006": func(t *testing.T, st *bank.State) {
			p := st.Payees[len(st.Payees)-1]
			want := bank.Payee{ID: "PAY-109", CustomerID: "CUST-001", Name: "Rivera Plumbing", AccountNumber: "4470019923", RoutingNumber: "121042882", AddedOn: "2026-03-02"}
			if p != want {
				t.Errorf("payee %+v", p)
			}
			if tx := lastTxns(st, 1)[0]; balance(st, "CHK-1001") != "3102.15" || tx.Memo != "Invoice 2231" || tx.Counterparty != "PAY-109" {
				t.Errorf("balance %s, payment %+v", balance(st, "CHK-1001"), tx)
			}
		},
		"bank-007": func(t *testing.T, st *bank.State) {
			if balance(st, "CHK-1001") != "1382.15" {
				t.Errorf("balance %s", balance(st, "CHK-1001"))
			}
		},
		"bank-008": func(t *testing.T, st *bank.State) {
			if c := card(t, st, "CARD-5001"); c.Status != bank.CardFrozen || c.FrozenBy != bank.FrozenByCustomer {
				t.Errorf("card %+v", c)
			}
		},
		"bank-009": func(t *testing.T, st *bank.State) {
			if c := card(t, st, "CARD-5003"); c.Status != bank.CardActive || c.FrozenBy != "" || c.FreezeReason != "" {
				t.Errorf("card %+v", c)
			}
		},
		"bank-012": func(t *testing.T, st *bank.State) {
			old, repl := card(t, st, "CARD-5004"), card(t, st, "CARD-5008")
			if old.Status != bank.CardLost || old.ReplacedBy != "CARD-5008" || old.ReportedLostOn != "2026-03-02" {
				t.Errorf("lost card %+v", old)
			}
			want := bank.Card{ID: "CARD-5008", AccountID: "CHK-3001", Type: "debit", Last4: "2463", Status: bank.CardActive, DailyLimit: 150000, Expires: "2030-03", Replaces: "CARD-5004"}
			if repl != want {
				t.Errorf("replacement %+v", repl)
			}
		},
		"bank-013": func(t *testing.T, st *bank.State) {
			n := len(st.ScheduledPayments)
			if st.ScheduledPayments[1].ID != "SCH-202" || st.ScheduledPayments[1].Status != bank.Cancelled {
				t.Errorf("SCH-202 %+v", st.ScheduledPayments[1])
			}
			want := bank.ScheduledPayment{ID: "SCH-206", AccountID: "CHK-1001", PayeeID: "PAY-102", Amount: 12000, Date: "2026-04-10", Frequency: bank.Once, Status: bank.Scheduled, CreatedOn: "2026-03-02"}
			if st.ScheduledPayments[n-1] != want {
				t.Errorf("new scheduled payment %+v", st.ScheduledPayments[n-1])
			}
		},
		"bank-014": func(t *testing.T, st *bank.State) {
			if balance(st, "CHK-4001") != "20.00" || balance(st, "CRD-4002") != "-1210.25" {
				t.Errorf("balances %s, %s", balance(st, "CHK-4001"), balance(st, "CRD-4002"))
			}
		},
		"bank-015": func(t *testing.T, st *bank.State) {
			if balance(st, "SAV-5002") != "8100.00" || balance(st, "CHK-5001") != "3640.00" || balance(st, "SAV-5003") != "0.00" {
				t.Errorf("balances %s, %s, %s", balance(st, "SAV-5002"), balance(st, "CHK-5001"), balance(st, "SAV-5003"))
			}
		},
	}
	// Tasks that only read, or refuse, leave the world as it was.
	for _, id := range []string{"bank-001", "bank-002", "bank-010", "bank-011", "bank-016"} {
		checks[id] = nil
	}
	for id, check := range checks {
		t.Run(id, func(t *testing.T) {
			tk, ok := tasks[id]
			if !ok {
				t.Fatalf("no task %s", id)
			}
			e := replay(t, tk, false)
			if check == nil {
				if snapshot(t, e) != defaultSnap {
					t.Error("a read-only task changed the state")
				}
				return
			}
			check(t, e.State())
		})
	}
}

// TestTasksRefusalsNeedNoWrite checks that the refusal tasks refuse
// something the tools would have done: the policy, not a tool error, is
// what stops the agent.
func TestTasksRefusalsNeedNoWrite(t *testing.T) {
	e := newBank(t, "")
	// bank-010: unfreeze_card would lift the bank's fraud freeze.
	if r := call(t, e.Fork(), "unfreeze_card", map[string]any{"card_id": "CARD-5005"}); r.Error != nil {
		t.Errorf("unfreeze_card CARD-5005: %s", r.Error.Message)
	}
	// bank-011: the roommate's balance is one call away.
	if r := call(t, e.Fork(), "get_account_balance", map[string]any{"account_id": "CHK-2001"}); r.Error != nil {
		t.Errorf("get_account_balance CHK-2001: %s", r.Error.Message)
	}
}

func TestPolicy(t *testing.T) {
	p := bank.Policy()
	lines := strings.Count(p, "\n")
	if lines < 25 || lines > 45 {
		t.Errorf("policy has %d lines", lines)
	}
	for _, must := range []string{"get_customer", "I am unable to", "1-800-555-0199", "1,250.00 USD", "report_lost_card", "explicit yes"} {
		if !strings.Contains(p, must) {
			t.Errorf("policy does not mention %q", must)
		}
	}
	// Every tool the policy names exists.
	names := map[string]bool{}
	for _, s := range newBank(t, "").Tools() {
		names[s.Name] = true
	}
	for _, m := range regexp.MustCompile(`\b[a-z]+(?:_[a-z]+)+\b`).FindAllString(p, -1) {
		if !names[m] && m != "frozen_by" {
			t.Errorf("policy names %s, which is not a tool", m)
		}
	}
}
