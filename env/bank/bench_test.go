package bank_test

import (
	"context"
	"testing"

	"github.com/toolgym/toolgym/tool"
)

func BenchmarkCallRead(b *testing.B) {
	e := newBank(b, "")
	c := tool.Call{ID: "1", Name: "get_account_balance", Arguments: `{"account_id":"CHK-1001"}`}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if r := e.Call(ctx, c); r.Error != nil {
			b.Fatal(r.Error)
		}
	}
}

func BenchmarkCallListTransactions(b *testing.B) {
	e := newBank(b, "")
	c := tool.Call{ID: "1", Name: "list_transactions", Arguments: `{"account_id":"CHK-1001","start_date":"2026-02-01","end_date":"2026-02-28"}`}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if r := e.Call(ctx, c); r.Error != nil {
			b.Fatal(r.Error)
		}
	}
}

func BenchmarkCallWrite(b *testing.B) {
	e := newBank(b, "")
	// Money goes back and forth so the balances never run out.
	there := tool.Call{ID: "1", Name: "transfer_funds", Arguments: `{"from_account_id":"CHK-1001","to_account_id":"SAV-1002","amount":1.25}`}
	back := tool.Call{ID: "2", Name: "transfer_funds", Arguments: `{"from_account_id":"SAV-1002","to_account_id":"CHK-1001","amount":1.25}`}
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := there
		if i%2 == 1 {
			c = back
		}
		i++
		if r := e.Call(ctx, c); r.Error != nil {
			b.Fatal(r.Error)
		}
		if i%1000 == 0 { // keep the ledger at its demo size
			b.StopTimer()
			e = newBank(b, "")
			b.StartTimer()
		}
	}
}

func BenchmarkFork(b *testing.B) {
	e := newBank(b, "")
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Fork()
	}
}

func BenchmarkSnapshot(b *testing.B) {
	e := newBank(b, "")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Snapshot(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = newBank(b, "")
	}
}
