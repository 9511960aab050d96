package tau

import (
	"github.com/toolgym/toolgym/suite"

	// The tau2 domains register themselves with env/tau2.
	_ "github.com/toolgym/toolgym/env/tau2/airline"
	_ "github.com/toolgym/toolgym/env/tau2/mock"
	_ "github.com/toolgym/toolgym/env/tau2/retail"
	_ "github.com/toolgym/toolgym/env/tau2/telecom"
)

func init() {
	for _, d := range []string{"retail", "airline", "telecom", "mock"} {
		suite.Register(NewTau2Suite(d))
	}
}
