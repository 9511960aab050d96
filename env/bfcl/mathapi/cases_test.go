package mathapi

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// fixtureCase is one call of testdata/cases.json with the result the
// reference produced (testdata/gen_cases.py).
type fixtureCase struct {
	Call    string `json:"call"`
	Result  string `json:"result"`
	LibmPow bool   `json:"libm_pow"`
}

func loadCases(t testing.TB) []fixtureCase {
	t.Helper()
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []fixtureCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func newEnv(t testing.TB) *bfcl.Env {
	t.Helper()
	e, err := bfcl.New([]string{ClassName}, pyval.NewDict(), false)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestCases runs thousands of calls (mpmath logarithms at many
// precisions, Decimal square roots, statistics, conversions, Python
// arithmetic on ints, floats and wrong types) and compares each result
// string with the reference's.
func TestCases(t *testing.T) {
	e := newEnv(t)
	cases := loadCases(t)
	failures := 0
	for _, c := range cases {
		got := e.Exec(c.Call)
		if got == c.Result {
			continue
		}
		if c.LibmPow && nearFloatResults(got, c.Result) {
			continue // libm's pow is not correctly rounded; toolgym's is
		}
		failures++
		if failures <= 30 {
			t.Errorf("%s:\n got: %s\nwant: %s", c.Call, got, c.Result)
		}
	}
	if failures > 0 {
		t.Errorf("%d of %d calls differ", failures, len(cases))
	}
}

// nearFloatResults reports whether two {"result": float} strings hold
// floats at most two units in the last place apart.
func nearFloatResults(a, b string) bool {
	var x, y struct{ Result float64 }
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	lo, hi := min(x.Result, y.Result), max(x.Result, y.Result)
	return math.Nextafter(math.Nextafter(lo, math.Inf(1)), math.Inf(1)) >= hi
}
