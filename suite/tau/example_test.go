package tau_test

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/toolgym/toolgym/suite"
	"github.com/toolgym/toolgym/suite/tau"
)

// Replaying the ground truth of tau2's mock domain: every task's gold
// actions on a fresh environment, evaluated as the reference evaluates
// them. Two of the ten tasks fail their own environment assertions, in the
// reference too, so this prints "tau2-mock: 8 of 10 tasks pass their gold".
// (The example needs the reference's data, so it is compiled but not run
// by go test; TestTau2ReplayDumpsMatchAnchors checks the same.)
func Example() {
	data := filepath.Join("tau2-bench") // a clone of sierra-research/tau2-bench
	rep, err := tau.NewTau2Suite("mock").Replay(context.Background(), suite.Options{DataDir: data}, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("tau2-mock: %d of %d tasks pass their gold\n", rep.Passed, rep.Tasks)
}
