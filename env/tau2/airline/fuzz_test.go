package airline_test

import (
	"testing"

	"github.com/toolgym/toolgym/env/tau2/internal/replay"
)

// FuzzCall runs any tool with any arguments: it must never panic, must
// answer with content or an error, and a read-only tool must leave the
// state as it was.
func FuzzCall(f *testing.F) {
	f.Add(uint8(0), `{"user_id": "mohamed_taylor_9830", "origin": "PHL", "destination": "LGA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-20"}], "passengers": [{"first_name": "A", "last_name": "B", "dob": "1990-01-01"}], "payment_methods": [{"payment_id": "gift_card_6470207", "amount": 137}], "total_baggages": 0, "nonfree_baggages": 0, "insurance": "no"}`)
	f.Add(uint8(11), `{"reservation_id": "WPK8DQ", "cabin": "first", "flights": {}, "payment_id": []}`)
	replay.FuzzCall(f, domain(f), toolCases)
}
