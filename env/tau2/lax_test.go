package tau2

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

// laxCase is one input and pydantic's answer: "ok" (the value: ints as
// decimal text, inf and nan as Python's repr) or "error" (the error type).
type laxCase struct {
	In    string          `json:"in"`
	OK    json.RawMessage `json:"ok"`
	Error string          `json:"error"`
}

// TestLaxParsers checks LaxInt, LaxFloat and LaxBool against what pydantic
// 2.13 answered for the same strings (testdata/gen_lax.py wrote the file).
func TestLaxParsers(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "lax_pydantic.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases map[string][]laxCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases["int"]) < 30 || len(cases["float"]) < 40 || len(cases["bool"]) < 20 {
		t.Fatalf("testdata holds %d/%d/%d cases", len(cases["int"]), len(cases["float"]), len(cases["bool"]))
	}
	for _, c := range cases["int"] {
		got, ok := LaxInt(c.In)
		switch {
		case c.Error != "" && ok:
			t.Errorf("LaxInt(%q) = %v, pydantic refuses it (%s)", c.In, got, c.Error)
		case c.Error == "" && !ok:
			t.Errorf("LaxInt(%q) refused, pydantic gives %s", c.In, c.OK)
		case c.Error == "":
			var want string
			if err := json.Unmarshal(c.OK, &want); err != nil {
				t.Fatal(err)
			}
			if pyval.Repr(got) != want {
				t.Errorf("LaxInt(%q) = %s, pydantic gives %s", c.In, pyval.Repr(got), want)
			}
		}
	}
	for _, c := range cases["float"] {
		got, ok := LaxFloat(c.In)
		switch {
		case c.Error != "" && ok:
			t.Errorf("LaxFloat(%q) = %v, pydantic refuses it (%s)", c.In, got, c.Error)
		case c.Error == "" && !ok:
			t.Errorf("LaxFloat(%q) refused, pydantic gives %s", c.In, c.OK)
		case c.Error == "":
			var want float64
			var special string
			if json.Unmarshal(c.OK, &special) == nil {
				switch special {
				case "inf":
					want = math.Inf(1)
				case "-inf":
					want = math.Inf(-1)
				default:
					want = math.NaN()
				}
			} else if err := json.Unmarshal(c.OK, &want); err != nil {
				t.Fatal(err)
			}
			if !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
				t.Errorf("LaxFloat(%q) = %s, pydantic gives %s", c.In, strconv.FormatFloat(got, 'g', -1, 64), c.OK)
			}
		}
	}
	for _, c := range cases["bool"] {
		got, ok := LaxBool(c.In)
		switch {
		case c.Error != "" && ok:
			t.Errorf("LaxBool(%q) = %v, pydantic refuses it (%s)", c.In, got, c.Error)
		case c.Error == "" && !ok:
			t.Errorf("LaxBool(%q) refused, pydantic gives %s", c.In, c.OK)
		case c.Error == "" && string(c.OK) != strconv.FormatBool(got):
			t.Errorf("LaxBool(%q) = %v, pydantic gives %s", c.In, got, c.OK)
		}
	}
}

// FuzzLax checks that the lax parsers never panic and agree with each
// other: a string pydantic reads as an int it also reads as that float.
func FuzzLax(f *testing.F) {
	for _, s := range []string{"1", " 1_0 ", "1.00", "-7", "1e5", "i_nf", "+_1", "99999999999999999999", "0.5", "yes"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		LaxBool(s)
		fv, fok := LaxFloat(s)
		iv, iok := LaxInt(s)
		if !iok {
			return
		}
		if !fok {
			t.Fatalf("LaxInt(%q) = %v but LaxFloat refuses it", s, pyval.Repr(iv))
		}
		want, err := strconv.ParseFloat(pyval.Repr(iv), 64)
		if err != nil && !math.IsInf(want, 0) {
			t.Fatal(err)
		}
		if fv != want {
			t.Fatalf("LaxInt(%q) = %s but LaxFloat = %v", s, pyval.Repr(iv), fv)
		}
	})
}
