package env_test

import (
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env"
	_ "github.com/toolgym/toolgym/env/bank"
)

func TestCanonical(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{`{"b": 1, "a": {"d": [3, 1.50, 2e3], "c": null}}`, `{"a":{"c":null,"d":[3,1.50,2e3]},"b":1}`},
		{`"<&>"`, `"<&>"`},
		{` [ ] `, `[]`},
	}
	for _, tc := range cases {
		got, err := env.CanonicalizeJSON([]byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("%s: got %s, want %s", tc.in, got, tc.want)
		}
	}
	if _, err := env.CanonicalizeJSON([]byte(`{"a":`)); err == nil {
		t.Error("invalid JSON accepted")
	}
	type s struct {
		Z int            `json:"z"`
		A map[string]int `json:"a"`
	}
	b, err := env.Canonical(s{Z: 1, A: map[string]int{"y": 2, "x": 1}})
	if err != nil || string(b) != `{"a":{"x":1,"y":2},"z":1}` {
		t.Errorf("struct: %s %v", b, err)
	}
	if env.HashJSON(b) == env.HashJSON([]byte(`{"a":{"x":1,"y":2},"z":2}`)) {
		t.Error("different states hash alike")
	}
}

func TestRegistry(t *testing.T) {
	if _, ok := env.Lookup("bank"); !ok {
		t.Fatal("bank env not registered")
	}
	e, err := env.New("bank", nil)
	if err != nil || len(e.Tools()) == 0 {
		t.Fatalf("New(bank): %v", err)
	}
	h1, _ := env.Hash(e)
	h2, _ := env.Hash(e.Fork())
	if h1 == "" || h1 != h2 {
		t.Errorf("a fork hashes %q, its original %q", h2, h1)
	}
	if _, err := env.New("nope", nil); err == nil || !strings.Contains(err.Error(), "known envs: [bank]") {
		t.Errorf("unknown env: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("registering a name twice did not panic")
		}
	}()
	env.Register(env.Info{Name: "bank"})
}
