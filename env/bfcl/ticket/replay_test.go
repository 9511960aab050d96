package ticket

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
)

func TestReplay(t *testing.T) { bfcltest.CheckClass(t, ClassName) }
