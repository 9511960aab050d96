package telecom_test

import (
	"context"
	"fmt"

	"github.com/toolgym/toolgym/env/tau2"
	_ "github.com/toolgym/toolgym/env/tau2/telecom"
	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

func Example() {
	// Load the domain from its data folder (the layout of the reference's
	// data/tau2/domains/telecom) and fork one env per episode.
	d, err := tau2.Load("telecom", "testdata")
	if err != nil {
		panic(err)
	}
	e := d.New()
	ctx := context.Background()

	// A task's initialization_actions run by name: who the user is, and
	// what is broken on their phone.
	if _, err := e.Run(tau2.User, "set_user_info", pyval.DictOf("name", "Ada Lovelace", "phone_number", "555-0101")); err != nil {
		panic(err)
	}
	e.Run(tau2.User, "turn_data_off", pyval.NewDict())

	// Dual control: the user works on the phone, the assistant on the
	// carrier's records; each call is followed by the reference's sync.
	fmt.Println(e.CallAs(ctx, tau2.User, tool.Call{ID: "1", Name: "check_status_bar"}).Text())
	fmt.Println(e.CallAs(ctx, tau2.Assistant, tool.Call{ID: "2", Name: "get_data_usage", Arguments: `{"customer_id": "C1", "line_id": "L1"}`}).Text())
	fmt.Println(e.CallAs(ctx, tau2.User, tool.Call{ID: "3", Name: "toggle_data"}).Text())

	// The task's env_assertions decide the reward.
	ok, _ := e.Run(tau2.User, "assert_mobile_data_status", pyval.DictOf("expected_status", true))
	fmt.Println(ok)
	// Output:
	// Status Bar: 📶⁴ Excellent | 5G | 📵 Data Disabled | 🔋 80%
	// {"line_id": "L1", "data_used_gb": "1.0", "data_limit_gb": "10.0", "data_refueling_gb": "0.0", "cycle_end_date": "2025-02-28"}
	// Mobile Data is now ON.
	// Status Bar: 📶⁴ Excellent | 5G | 📱 Data Enabled | 🔋 80%
	// true
}
