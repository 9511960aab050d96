package pyexpr_test

import (
	"fmt"

	"github.com/toolgym/toolgym/pyval/pyexpr"
)

// Eval answers as CPython's eval does, errors included; Float is float()
// of the result.
func ExampleEval() {
	for _, e := range []string{"(100 - 20) / 3", "7 // 2", "1 / 0", "2 +", "(1 2)"} {
		v, err := pyexpr.Eval(e)
		if err == nil {
			var f float64
			f, err = v.Float()
			fmt.Println(e, "=", f)
			continue
		}
		fmt.Println(e, "->", err)
	}
	// Output:
	// (100 - 20) / 3 = 26.666666666666668
	// 7 // 2 = 3
	// 1 / 0 -> division by zero
	// 2 + -> invalid syntax (<string>, line 1)
	// (1 2) -> invalid syntax. Perhaps you forgot a comma? (<string>, line 1)
}
