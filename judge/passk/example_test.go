package passk_test

import (
	"fmt"

	"github.com/toolgym/toolgym/judge/passk"
)

// Two tasks, two trials each: task a succeeded once, task b twice.
func Example() {
	trials := []passk.Trial{
		{TaskID: "a", Trial: 0, Reward: 1},
		{TaskID: "a", Trial: 1, Reward: 0},
		{TaskID: "b", Trial: 0, Reward: 1},
		{TaskID: "b", Trial: 1, Reward: 1},
		// tau2 leaves infrastructure errors out; tau-bench has no such notion.
		{TaskID: "b", Trial: 2, Reward: 0, InfraError: true},
	}
	m := passk.Tau2(trials, 3)
	fmt.Println("tau2:", m.AvgReward, m.PassHatK, m.InfraErrors)

	v1, err := passk.TauBench(trials[:4])
	if err != nil {
		panic(err)
	}
	fmt.Println("tau-bench:", v1.AvgReward, v1.PassHatK)

	p, _ := passk.PassHatK(4, 2, 2) // C(2,2)/C(4,2)
	fmt.Printf("one task, 2 of 4 trials passed: pass^2 = %.4f\n", p)
	// Output:
	// tau2: 0.75 [0.75 0.5] 1
	// tau-bench: 0.75 [0.75 0.5]
	// one task, 2 of 4 trials passed: pass^2 = 0.1667
}
