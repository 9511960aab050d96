package bfcl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

func TestParseConstants(t *testing.T) {
	src := `WATCH_LIST_EXTENSION = ['A',  'B', Ellipsis]
NUMBERS = [1, -2.5, 1e-05, True, None]
WEATHER={"-1_day": {"windSpeed": 15.0}}
DOC = {
    "overview": """
    {symbol} leads.
    It's "big".""",
    'tuple': (1, 2),
}
`
	got, err := ParseConstants(src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"WATCH_LIST_EXTENSION": "['A', 'B', Ellipsis]",
		"NUMBERS":              "[1, -2.5, 1e-05, True, None]",
		"WEATHER":              "{'-1_day': {'windSpeed': 15.0}}",
		"DOC":                  `{'overview': '\n    {symbol} leads.\n    It\'s "big".', 'tuple': (1, 2)}`,
	}
	if got.Len() != len(want) {
		t.Errorf("%d constants, want %d", got.Len(), len(want))
	}
	for k, w := range want {
		v, ok := got.Get(k)
		if !ok || pyval.Repr(v) != w {
			t.Errorf("%s = %s, want %s", k, pyval.Repr(v), w)
		}
	}
	if _, err := ParseConstants("BAD = [1, 2"); err == nil || !strings.Contains(err.Error(), "BAD") {
		t.Errorf("unterminated literal: %v", err)
	}
}

// The JSON constants of the anchors, written as Python source, read back
// equal: the path users take when their data folder holds long_context.py.
func TestUseDataFromPythonSource(t *testing.T) {
	anchors := filepath.Join("..", "..", "..", "shared", "anchors", "bfcl")
	b, err := os.ReadFile(filepath.Join(anchors, ConstantsFile))
	if err != nil {
		t.Skipf("BFCL anchors not found at %s (../shared/anchors/bfcl beside the module root)", anchors)
	}
	v, err := pyval.FromJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	v.(*pyval.Dict).Items(func(k, v pyval.Value) bool {
		src.WriteString(k.(string) + " = " + pyval.Repr(v) + "\n")
		return true
	})
	src.WriteString("WATCH_LIST_EXTENSION = ['X', 'Y', Ellipsis]\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, LongContextSource), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := UseData(anchors); err != nil {
			t.Fatal(err)
		}
	}()
	if err := UseData(dir); err != nil {
		t.Fatal(err)
	}
	v.(*pyval.Dict).Items(func(k, w pyval.Value) bool {
		g, err := Constant(k.(string))
		if err != nil || !pyval.Equal(g, w) {
			t.Errorf("%v: %v", k, err)
		}
		return true
	})
	if wl, _ := Constant(WatchListConstant); pyval.Repr(wl) != "['X', 'Y', Ellipsis]" {
		t.Errorf("watch list %s", pyval.Repr(wl))
	}
	if err := UseData(t.TempDir()); err == nil || !strings.Contains(err.Error(), "neither") {
		t.Errorf("empty folder: %v", err)
	}
}

// With the JSON constants beside long_context.py, only the constant the
// JSON lacks is read from the Python source, wherever it stands in it.
func TestUseDataReadsOnlyTheMissingConstant(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ConstantsFile), []byte(`{"A_LIST": [1, 2]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	src := "A_LIST = [9]\nWATCH_LIST_EXTENSION = [\n    'X',\n    'Y', Ellipsis]\nBROKEN = [\n"
	if err := os.WriteFile(filepath.Join(dir, LongContextSource), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	anchors := filepath.Join("..", "..", "..", "shared", "anchors", "bfcl")
	defer func() {
		if _, err := os.Stat(anchors); err == nil {
			if err := UseData(anchors); err != nil {
				t.Fatal(err)
			}
		}
	}()
	if err := UseData(dir); err != nil {
		t.Fatalf("the broken constant after the watch list must not be read: %v", err)
	}
	if wl, _ := Constant(WatchListConstant); pyval.Repr(wl) != "['X', 'Y', Ellipsis]" {
		t.Errorf("watch list %s", pyval.Repr(wl))
	}
	if l, _ := Constant("A_LIST"); pyval.Repr(l) != "[1, 2]" {
		t.Errorf("A_LIST %s, want the JSON's", pyval.Repr(l))
	}
}
