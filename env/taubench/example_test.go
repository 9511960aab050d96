package taubench_test

import (
	"fmt"

	"github.com/toolgym/toolgym/env/taubench"
)

// Calculate answers as the reference's calculate tool does, Python's
// rounding and error texts included, without executing anything.
func ExampleCalculate() {
	for _, expr := range []string{"(250 + 75.5) * 0.9", "2.675", "10 / 0", "(1 2)", "2 ^ 3"} {
		fmt.Println(taubench.Calculate(expr))
	}
	// Output:
	// 292.95
	// 2.67
	// Error: division by zero
	// Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)
	// Error: invalid characters in expression
}
