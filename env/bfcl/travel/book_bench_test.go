package travel

import (
	"testing"
	"time"

	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

// BenchmarkBookFlight measures book_flight alone, first call on a freshly
// loaded instance, in both variants (the loads are not timed).
func BenchmarkBookFlight(b *testing.B) {
	bfcltest.AnchorDir(b)
	cfg, err := pyval.FromJSON([]byte(`{"access_token": "tok", "token_expires_in": 2, "budget_limit": 100.0,
		"credit_card_list": {"c1": {"card_number": "1", "expiration_date": "12/25", "cardholder_name": "A B",
		"card_verification_number": 123, "balance": 90000.0}}, "booking_record": {}}`))
	if err != nil {
		b.Fatal(err)
	}
	for _, long := range []bool{false, true} {
		name := "base"
		if long {
			name = "long"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var spent time.Duration
			for b.Loop() {
				a := New()
				if err := a.Load(cfg.(*pyval.Dict), long); err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if _, err := a.bookFlight("tok", "c1", "2026-11-10", "SFO", "LAX", "business"); err != nil {
					b.Fatal(err)
				}
				spent += time.Since(start)
			}
			b.ReportMetric(float64(spent.Nanoseconds())/float64(b.N), "ns/call")
		})
	}
}
