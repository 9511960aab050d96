package retail_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/toolgym/toolgym/tool"
)

func TestDiffFuzz(t *testing.T) {
	f, err := os.Open("/tmp/diff_retail.jsonl")
	if err != nil {
		t.Skip("no diff corpus")
	}
	defer f.Close()
	d := loadData(t)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	n, bad := 0, 0
	for sc.Scan() {
		var seq struct {
			Calls []struct {
				Name, Args, Obs string
				Exc             bool
			}
			Hash string
		}
		if err := json.Unmarshal(sc.Bytes(), &seq); err != nil {
			t.Fatal(err)
		}
		n++
		e := d.New()
		for i, c := range seq.Calls {
			r := e.Call(context.Background(), tool.Call{Name: c.Name, Arguments: c.Args})
			got := r.Text()
			if r.Error != nil && r.Error.Kind == "no_observation" {
				got = "NONE"
			}
			if got != c.Obs || (r.Error != nil) != c.Exc {
				bad++
				if bad < 30 {
					t.Errorf("seq %d call %d %s(%s):\n got %.300q (err %v)\nwant %.300q (exc %v)", n, i, c.Name, c.Args, got, r.Error != nil, c.Obs, c.Exc)
				}
			}
		}
		if h := e.Hash(); h != seq.Hash {
			bad++
			if bad < 30 {
				t.Errorf("seq %d: hash %s want %s", n, h, seq.Hash)
			}
		}
	}
	t.Logf("%d sequences, %d mismatches", n, bad)
}
