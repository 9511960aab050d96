package pyval_test

import (
	"bufio"
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

// TestIntTrueDiv checks IntTrueDiv against CPython 3.12's a / b on the
// cases testdata/gen_intdiv.py wrote: random sizes, subnormal quotients,
// ties and the edge of overflow.
func TestIntTrueDiv(t *testing.T) {
	f, err := os.Open("testdata/intdiv.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		a, _ := new(big.Int).SetString(fields[0], 10)
		b, _ := new(big.Int).SetString(fields[1], 10)
		q, err := pyval.IntTrueDiv(a, b)
		got := ""
		if err != nil {
			var exc *pyval.Exception
			if !errors.As(err, &exc) || exc.Type != "OverflowError" {
				t.Fatalf("%s / %s: error %v", fields[0], fields[1], err)
			}
			got = exc.Type
		} else {
			got = pyval.Repr(q)
		}
		if got != fields[2] {
			t.Errorf("%s / %s = %s, want %s", fields[0], fields[1], got, fields[2])
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 250 {
		t.Fatalf("read %d cases, want at least 250", n)
	}
	if _, err := pyval.IntTrueDiv(big.NewInt(1), new(big.Int)); err == nil || err.Error() != "division by zero" {
		t.Errorf("1 / 0: error %v, want division by zero", err)
	}
}
