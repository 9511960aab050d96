package vehicle

import (
	"sync"
	"testing"

	"go.uber.org/goleak"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
)

// TestForksRunConcurrently runs the same calls on forks of one long-context
// env in parallel (run it with -race): forks share nothing mutable, and
// each produces the results a fresh env would.
func TestForksRunConcurrently(t *testing.T) {
	defer goleak.VerifyNone(t)
	bfcltest.AnchorDir(t)
	calls := []string{
		"lockDoors(unlock=False, door=['driver', 'passenger', 'rear_left', 'rear_right'])",
		"pressBrakePedal(pedalPosition=1.0)",
		"startEngine(ignitionMode='START')",
		"get_outside_temperature_from_google()",
		"estimate_distance(cityA='83214', cityB='74532')",
		"displayCarStatus(option='doors')",
		"activateParkingBrake(mode='engage')",
		"check_tire_pressure()",
		"get_current_speed()",
	}
	base, err := bfcl.New([]string{ClassName}, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	want := base.Fork().(*bfcl.Env).ExecAll(calls)
	const n = 8
	got := make([][]string, n)
	var wg sync.WaitGroup
	for i := range n {
		f := base.Fork().(*bfcl.Env)
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = f.ExecAll(calls)
		}()
	}
	wg.Wait()
	for i := range n {
		for j := range calls {
			if got[i][j] != want[j] {
				t.Errorf("fork %d, %s:\n got %.200s\nwant %.200s", i, calls[j], got[i][j], want[j])
			}
		}
	}
}
