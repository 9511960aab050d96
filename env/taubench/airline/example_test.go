package airline_test

import (
	"context"
	"fmt"

	"github.com/toolgym/toolgym/env/taubench/airline"
	"github.com/toolgym/toolgym/tool"
)

// Load reads the data once (here a one-flight sample; the real data is
// tau-bench's envs/airline/data), New forks it for each episode, Call runs
// tools as the reference's Env.step does, Fork copies an env mid-episode.
func Example() {
	data, err := airline.Load("testdata/mini")
	if err != nil {
		panic(err)
	}
	e := data.New()
	ctx := context.Background()

	res := e.Call(ctx, tool.Call{ID: "1", Name: "update_reservation_baggages",
		Arguments: `{"reservation_id": "ABC123", "total_baggages": 2, "nonfree_baggages": 1, "payment_id": "gift_card_1"}`})
	fmt.Println(res.Text())

	f := e.Fork().(*airline.Env)
	res = f.Call(ctx, tool.Call{ID: "2", Name: "cancel_reservation", Arguments: `{"reservation_id": "ABC123"}`})
	fmt.Println(len(res.Text()) > 0, airline.Equal(e, f))

	res = e.Call(ctx, tool.Call{ID: "3", Name: "update_reservation_flights",
		Arguments: `{"reservation_id": "ABC123", "cabin": "economy", "flights": [{"flight_number": "HAT900", "date": "2024-05-21"}], "payment_id": "credit_card_1"}`})
	fmt.Println(res.Text())
	res = e.Call(ctx, tool.Call{ID: "4", Name: "book_reservation", Arguments: `{"user_id": "sam_roe_1"}`})
	fmt.Println(res.Text())
	// Output:
	// {"reservation_id": "ABC123", "user_id": "sam_roe_1", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"origin": "JFK", "destination": "SEA", "flight_number": "HAT900", "date": "2024-05-20", "price": 150}], "passengers": [{"first_name": "Sam", "last_name": "Roe", "dob": "1980-02-02"}], "payment_history": [{"payment_id": "credit_card_1", "amount": 150}, {"payment_id": "gift_card_1", "amount": 50}], "created_at": "2024-05-01T10:00:00", "total_baggages": 2, "nonfree_baggages": 1, "insurance": "no"}
	// true false
	// Error: flight HAT900 not available on date 2024-05-21
	// Error: BookReservation.invoke() missing 10 required positional arguments: 'origin', 'destination', 'flight_type', 'cabin', 'flights', 'passengers', 'payment_methods', 'total_baggages', 'nonfree_baggages', and 'insurance'
}
