package mathapi_test

import (
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	_ "github.com/toolgym/toolgym/env/bfcl/mathapi" // registers MathAPI
	"github.com/toolgym/toolgym/pyval"
)

// Example runs calls as a model writes them; each result is the string
// the reference's executor shows the model, mpmath and Decimal results
// included.
func Example() {
	env, err := bfcl.New([]string{"MathAPI"}, pyval.NewDict(), false)
	if err != nil {
		panic(err)
	}
	for _, call := range []string{
		"mean(numbers=[100, 95, 85, 90, 88, 92])",
		"standard_deviation(numbers=[100, 95, 85, 90, 88, 92])",
		"logarithm(value=980.0, base=20, precision=10)",
		"square_root(number=2, precision=10)",
		"divide(a=1, b=0)",
		"power(base=2, exponent=0.5)",
	} {
		fmt.Println(env.Exec(call))
	}
	// Output:
	// {"result": 91.66666666666667}
	// {"result": 4.85340659285368}
	// {'result': mpf('2.299121531134')}
	// {'result': Decimal('1.414213562')}
	// {"error": "Cannot divide by zero"}
	// {"result": 1.4142135623730951}
}
