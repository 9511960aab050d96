package bfcl_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"testing"

	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
)

// decodeDivergences are replies the reference decodes and toolgym does
// not (documented on DecodeExecutePrompting): the turn ends instead.
var decodeDivergences = []string{
	"f(a=2**3)", "f(a=b'x')", "f(a=1j)", "f(a=1_000)", "f(a=...)", "f(a=x[1:2])", "f(a=g(1+2))",
	`f(a='\N{BULLET}')`,
}

// testdata/decode_prompting.jsonl holds replies and what the reference's
// default_decode_execute_prompting (Python 3.11) made of them: the call
// strings, or the exception it raised.
func TestDecodeExecutePromptingMatchesReference(t *testing.T) {
	f, err := os.Open("testdata/decode_prompting.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var c struct {
			In  string    `json:"in"`
			Out *[]string `json:"out"`
			Err string    `json:"err"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		n++
		got, err := bfclsuite.DecodeExecutePrompting(c.In)
		switch {
		case slices.Contains(decodeDivergences, c.In):
			if !errors.Is(err, bfclsuite.ErrUndecodable) {
				t.Errorf("%q: got %q, %v; want the documented failure", c.In, got, err)
			}
		case c.Out == nil:
			if !errors.Is(err, bfclsuite.ErrUndecodable) {
				t.Errorf("%q: got %q, want a failure (the reference raised %s)", c.In, got, c.Err)
			}
		case err != nil:
			t.Errorf("%q: %v, want %q", c.In, err, *c.Out)
		case !slices.Equal(got, *c.Out) || (len(got) == 0) != (len(*c.Out) == 0):
			t.Errorf("%q:\n got %q\nwant %q", c.In, got, *c.Out)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 80 {
		t.Fatalf("only %d cases read", n)
	}
}
