package libm_test

import (
	"fmt"
	"math"
	"math/big"

	"github.com/toolgym/toolgym/internal/libm"
)

func Example() {
	// CPython's 2.5**0.3 and 1.1**10 (Go's math.Pow answers 2.593742460100002
	// for the second, and math.Sin -0.8522008497671889 for sin(1e22)).
	fmt.Println(libm.Pow(2.5, 0.3), libm.Pow(1.1, 10))
	fmt.Println(libm.Sin(1e22), libm.Exp(1), libm.Atan2(math.Copysign(0, -1), -1))
	// mpmath-style work at 100 bits: log(10) and π, rounded there.
	ln10 := new(big.Float).SetPrec(100).Set(libm.BigLog(big.NewFloat(10), 100))
	fmt.Println(ln10.Text('g', 30))
	fmt.Println(libm.Pi(100).Text('g', 30))
	// Output:
	// 1.3163822043342375 2.5937424601000023
	// -0.8522008497671888 2.718281828459045 -3.141592653589793
	// 2.30258509299404568401799145468
	// 3.14159265358979323846264338328
}
