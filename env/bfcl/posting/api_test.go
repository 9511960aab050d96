package posting

import (
	"bufio"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

func TestRegistered(t *testing.T) {
	c, err := bfcl.NewClass(ClassName)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != ClassName {
		t.Fatalf("Name() = %q", c.Name())
	}
	if err := c.Load(pyval.NewDict(), false); err != nil {
		t.Fatal(err)
	}
	want := `{"username": "john", "password": "john123", "authenticated": false, "tweets": {}, "comments": {}, "retweets": {}, "following_list": ["alice", "bob"], "tweet_counter": 0}`
	if got := stateBytes(t, c); got != want {
		t.Fatalf("default state\n got: %s\nwant: %s", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		config string
		want   string
	}{
		{`{"tweets": {"abc": {}}}`, "invalid literal for int() with base 10: 'abc'"},
		{`{"tweets": {"1.5": {}}}`, "invalid literal for int() with base 10: '1.5'"},
		{`{"tweets": {"": {}}}`, "invalid literal for int() with base 10: ''"},
		{`{"tweets": {"1__0": {}}}`, "invalid literal for int() with base 10: '1__0'"},
		{`{"tweets": {"_1": {}}}`, "invalid literal for int() with base 10: '_1'"},
		{`{"tweets": [1, 2]}`, "'list' object has no attribute 'items'"},
		{`{"tweets": null}`, "'NoneType' object has no attribute 'items'"},
	}
	for _, tc := range tests {
		t.Run(tc.config, func(t *testing.T) {
			cfg, err := pyval.FromJSON([]byte(tc.config))
			if err != nil {
				t.Fatal(err)
			}
			err = New().Load(cfg.(*pyval.Dict), false)
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("err = %v, want ErrConfig", err)
			}
			if !strings.HasSuffix(err.Error(), ": "+tc.want) {
				t.Fatalf("err = %q, want it to end with %q", err, tc.want)
			}
		})
	}
}

func TestPyInt(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	tests := []struct {
		in   pyval.Value
		want pyval.Value
	}{
		{"0", int64(0)},
		{"42", int64(42)},
		{"  -7\n", int64(-7)},
		{"+3", int64(3)},
		{"1_000", int64(1000)},
		{"007", int64(7)},
		{"123456789012345678901234567890", huge},
		{int64(5), int64(5)},
		{true, int64(1)},
		{2.9, int64(2)},
		{-2.9, int64(-2)},
	}
	for _, tc := range tests {
		got, err := pyInt(tc.in)
		if err != nil {
			t.Errorf("pyInt(%s): %v", pyval.Repr(tc.in), err)
			continue
		}
		if !pyval.Equal(got, tc.want) || pyval.TypeName(got) != "int" {
			t.Errorf("pyInt(%s) = %s, want %s", pyval.Repr(tc.in), pyval.Repr(got), pyval.Repr(tc.want))
		}
	}
	for _, bad := range []pyval.Value{"1 2", "-", "0x10", "1e3", " ", nil} {
		if got, err := pyInt(bad); err == nil {
			t.Errorf("pyInt(%s) = %s, want an error", pyval.Repr(bad), pyval.Repr(got))
		}
	}
}

func TestPyLower(t *testing.T) {
	// Expected values are CPython 3.11's str.lower().
	tests := []struct{ in, want string }{
		{"", ""},
		{"already lower", "already lower"},
		{"MiXeD 123 #Tag", "mixed 123 #tag"},
		{"ΟΔΟΣ", "οδος"},
		{"ΣΑ", "σα"},
		{"Σ", "σ"},
		{"ΑΣ.", "ας."},
		{"ΑΣ'Β", "ασ'β"},
		{"ΑΣ Β", "ας β"},
		{"A\u0301Σ", "a\u0301ς"},
		{"İ", "i\u0307"},
		{"ẞ", "ß"},
		{"ǅ", "ǆ"},
		{"Ⅻ", "ⅻ"},
		{"Ｚ", "ｚ"},
	}
	for _, tc := range tests {
		if got := pyLower(tc.in); got != tc.want {
			t.Errorf("pyLower(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAddOne(t *testing.T) {
	tests := []struct {
		in      pyval.Value
		want    pyval.Value
		wantErr string
	}{
		{int64(3), int64(4), ""},
		{int64(9223372036854775807), new(big.Int).Lsh(big.NewInt(1), 63), ""},
		{true, int64(2), ""},
		{2.5, 3.5, ""},
		{"3", nil, `can only concatenate str (not "int") to str`},
		{[]pyval.Value{}, nil, "'int' object is not iterable"},
		{nil, nil, "unsupported operand type(s) for +=: 'NoneType' and 'int'"},
	}
	for _, tc := range tests {
		got, err := addOne(tc.in)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("addOne(%s) error = %v, want %q", pyval.Repr(tc.in), err, tc.wantErr)
			}
			continue
		}
		if err != nil || !pyval.Equal(got, tc.want) {
			t.Errorf("addOne(%s) = %s, %v; want %s", pyval.Repr(tc.in), pyval.Repr(got), err, pyval.Repr(tc.want))
		}
	}
}

// A tweet_counter the reference cannot increment stores the tweet, then
// raises, as `self.tweet_counter += 1` runs after the store.
func TestPostTweetBadCounter(t *testing.T) {
	e := newEnv(t, `{"authenticated": true, "tweet_counter": "5"}`)
	if got, want := e.Exec("post_tweet(content='x')"), `Error during execution: can only concatenate str (not "int") to str`; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got, want := e.Exec("get_tweet(tweet_id='5')"), `{"id": "5", "username": "john", "content": "x", "tags": [], "mentions": []}`; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	e = newEnv(t, `{"authenticated": true, "tweet_counter": [1]}`)
	if got, want := e.Exec("post_tweet(content='x')"), `Error during execution: unhashable type: 'list'`; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// Calls through the native tool-call path (JSON arguments) reach the same
// methods.
func TestJSONArguments(t *testing.T) {
	e := newEnv(t, `{"authenticated": true}`)
	a := e.Classes()[0].(*API)
	res, err := a.PostTweet("hi", []pyval.Value{"#t"}, sharedDefault{})
	if err != nil {
		t.Fatal(err)
	}
	if got := bfcl.ResultString(res); got != `{"id": 0, "username": "john", "content": "hi", "tags": ["#t"], "mentions": []}` {
		t.Fatalf("PostTweet = %s", got)
	}
	if got := e.Exec(`get_user_stats(username="john")`); got != `{"tweet_count": 1, "following_count": 2, "retweet_count": 0}` {
		t.Fatalf("get_user_stats = %s", got)
	}
}

func TestCloneIndependent(t *testing.T) {
	e := newEnv(t, `{"authenticated": true, "tweets": {"0": {"id": 0, "username": "bob", "content": "x", "tags": ["#a"], "mentions": ["@m"]}}, "comments": {"0": [{"username": "bob", "comment": "c"}]}, "retweets": {"john": [0]}, "tweet_counter": 1}`)
	// Two tweets sharing the default mentions list before the clone.
	e.ExecAll([]string{"post_tweet(content='p1')", "post_tweet(content='p2')"})
	orig := e.Classes()[0]
	before := stateBytes(t, orig)

	clone := orig.Clone()
	if got := stateBytes(t, clone); got != before {
		t.Fatalf("clone state differs\n got: %s\nwant: %s", got, before)
	}
	run := func(c bfcl.Class, call string) string {
		t.Helper()
		for _, m := range c.Methods() {
			if strings.HasPrefix(call, m.Name+"(") {
				v, err := m.Call(parseArgs(t, c, m, call))
				if err != nil {
					return "Error: " + err.Error()
				}
				return bfcl.ResultString(v)
			}
		}
		t.Fatalf("no method for %s", call)
		return ""
	}
	for _, call := range []string{
		"mention(1, ['@shared'])",
		"mention(0, ['@own'])",
		"post_tweet('p3')",
		"retweet(1)",
		"comment(0, 'more')",
		"comment(2, 'new')",
		"follow_user('zed')",
		"unfollow_user('alice')",
		"authenticate_twitter('x', 'y')",
	} {
		if got := run(clone, call); strings.HasPrefix(got, "Error") || strings.Contains(got, `"error"`) {
			t.Fatalf("clone %s: %s", call, got)
		}
	}
	if stateBytes(t, clone) == before {
		t.Fatal("the clone's calls changed nothing")
	}
	if got := stateBytes(t, orig); got != before {
		t.Fatalf("original changed by the clone's calls\n got: %s\nwant: %s", got, before)
	}
	// The clone's holders of the default list still share it: the
	// mention on tweet 1 shows on tweets 2 and 3 too.
	for _, id := range []string{"2", "3"} {
		if got := run(clone, "get_tweet("+id+")"); !strings.Contains(got, `"mentions": ["@shared"]`) {
			t.Errorf("clone tweet %s = %s, want the shared mention", id, got)
		}
	}
	// And the original's are still shared among themselves, apart from the
	// clone's.
	run(orig, "mention(2, ['@orig'])")
	if got := run(orig, "get_tweet(1)"); !strings.Contains(got, `"mentions": ["@orig"]`) {
		t.Errorf("original tweet 1 = %s", got)
	}
	if got := run(clone, "get_tweet(1)"); !strings.Contains(got, `"mentions": ["@shared"]`) {
		t.Errorf("clone tweet 1 = %s", got)
	}
}

// parseArgs binds a positional-only call string of plain literals.
func parseArgs(t *testing.T, c bfcl.Class, m bfcl.Method, call string) []pyval.Value {
	t.Helper()
	inner := strings.TrimSuffix(strings.TrimPrefix(call, m.Name+"("), ")")
	inner = strings.ReplaceAll(inner, "'", `"`)
	v, err := pyval.FromJSON([]byte("[" + inner + "]"))
	if err != nil {
		t.Fatalf("%s: %v", call, err)
	}
	var args []bfcl.Arg
	for _, x := range v.([]pyval.Value) {
		args = append(args, bfcl.Arg{Value: x})
	}
	vals, err := bfcl.Bind(c.Name(), &m, args)
	if err != nil {
		t.Fatalf("%s: %v", call, err)
	}
	return vals
}

// Every function of the reference's function docs is a method with the
// documented parameters, and every method is documented.
func TestMethodsMatchFunctionDocs(t *testing.T) {
	dir := bfcltest.AnchorDir(t)
	f, err := os.Open(filepath.Join(dir, "multi_turn_func_doc", "posting_api.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	methods := map[string]bfcl.Method{}
	for _, m := range New().Methods() {
		methods[m.Name] = m
	}
	seen := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var doc struct {
			Name       string `json:"name"`
			Parameters struct {
				Properties map[string]json.RawMessage `json:"properties"`
				Required   []string                   `json:"required"`
			} `json:"parameters"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		seen++
		m, ok := methods[doc.Name]
		if !ok {
			t.Errorf("documented function %s has no method", doc.Name)
			continue
		}
		if len(m.Params) != len(doc.Parameters.Properties) {
			t.Errorf("%s: %d params, doc has %d", doc.Name, len(m.Params), len(doc.Parameters.Properties))
		}
		required := map[string]bool{}
		for _, r := range doc.Parameters.Required {
			required[r] = true
		}
		for _, p := range m.Params {
			if _, ok := doc.Parameters.Properties[p.Name]; !ok {
				t.Errorf("%s: param %s not documented", doc.Name, p.Name)
			}
			if required[p.Name] == p.HasDefault {
				t.Errorf("%s: param %s required=%v but HasDefault=%v", doc.Name, p.Name, required[p.Name], p.HasDefault)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if seen != len(methods) {
		t.Errorf("%d documented functions, %d methods", seen, len(methods))
	}
}
