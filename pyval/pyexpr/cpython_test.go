package pyexpr

import (
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

// calc is what the calculate tools print for an expression:
// str(round(float(eval(e)), 2)), or "Error: " + str(exception).
func calc(d Dialect, e string) string {
	v, err := d.Eval(e)
	var f float64
	if err == nil {
		f, err = v.Float()
	}
	if err != nil {
		return "Error: " + err.Error()
	}
	return pyval.Str(pyval.Round(f, 2))
}

var repeatForm = regexp.MustCompile(`\{(\d+):([^{}]*)\}`)

// expand expands the compact form of testdata/gen_cpython.py: "{n:s}" is
// s repeated n times.
func expand(e string) string {
	return repeatForm.ReplaceAllStringFunc(e, func(m string) string {
		sub := repeatForm.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[1])
		return strings.Repeat(sub[2], n)
	})
}

// TestCPython checks Eval against the answers CPython gave for the
// expressions of testdata/gen_cpython.py (tool outputs, errors included).
func TestCPython(t *testing.T) {
	for _, tc := range []struct {
		file  string
		minor int
	}{{"testdata/cpython3.12.json", 12}, {"testdata/cpython3.11.json", 11}} {
		b, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		var table struct {
			Python   string      `json:"python"`
			MaxDepth int         `json:"max_depth"`
			Cases    [][2]string `json:"cases"`
		}
		if err := json.Unmarshal(b, &table); err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if len(table.Cases) < 500 {
			t.Fatalf("%s: only %d cases", tc.file, len(table.Cases))
		}
		d := Dialect{Minor: tc.minor, MaxDepth: table.MaxDepth}
		for _, c := range table.Cases {
			if got := calc(d, expand(c[0])); got != c[1] {
				t.Errorf("CPython %s: %.60q = %q, want %q", table.Python, c[0], got, c[1])
			}
		}
	}
}
