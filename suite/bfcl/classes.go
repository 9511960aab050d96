package bfcl

// The eight API classes of the multi-turn categories register themselves
// with env/bfcl when imported.
import (
	_ "github.com/toolgym/toolgym/env/bfcl/filesystem"
	_ "github.com/toolgym/toolgym/env/bfcl/mathapi"
	_ "github.com/toolgym/toolgym/env/bfcl/message"
	_ "github.com/toolgym/toolgym/env/bfcl/posting"
	_ "github.com/toolgym/toolgym/env/bfcl/ticket"
	_ "github.com/toolgym/toolgym/env/bfcl/trading"
	_ "github.com/toolgym/toolgym/env/bfcl/travel"
	_ "github.com/toolgym/toolgym/env/bfcl/vehicle"
)
