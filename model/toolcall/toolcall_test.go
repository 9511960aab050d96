package toolcall

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/tool"
)

func TestRegistry(t *testing.T) {
	want := []string{"hermes", "llama3", "mistral", "pythonic"}
	if got := Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	for _, n := range want {
		p, ok := Lookup(n)
		if !ok || p.Name() != n {
			t.Errorf("Lookup(%q) = %v, %v", n, p, ok)
		}
	}
	if _, ok := Lookup("qwen-xml"); ok {
		t.Error("Lookup of an unknown name succeeded")
	}
}

// parsers lists every parser, with each Mistral output form.
var parsers = []Parser{Hermes{}, Pythonic{}, Llama3{}, Mistral{}, Mistral{Legacy: true}, Mistral{CallIDs: true}}

func TestRoundTrip(t *testing.T) {
	for _, p := range parsers {
		for _, calls := range roundTripCalls {
			text, err := p.Format(calls)
			if err != nil {
				t.Fatalf("%s %+v: Format: %v", p.Name(), p, err)
			}
			content, got, err := p.Parse(text)
			if err != nil {
				t.Fatalf("%s %+v: Parse(Format) of %s: %v", p.Name(), p, text, err)
			}
			if content != "" {
				t.Errorf("%s: content = %q, want none", p.Name(), content)
			}
			want := make([]wantCall, len(calls))
			for i, c := range calls {
				args := c.Arguments
				if args == "" {
					args = "{}"
				}
				want[i] = wantCall{name: c.Name, args: args}
			}
			checkCalls(t, got, want)
		}
	}
}

func TestRoundTripKeepsIDs(t *testing.T) {
	calls := []tool.Call{{ID: "abc123XYZ", Name: "f", Arguments: `{"a":1}`}, {ID: "Zz9Yy8Xx7", Name: "g", Arguments: `{}`}}
	for _, m := range []Mistral{{Legacy: true}, {CallIDs: true}} {
		text, err := m.Format(calls)
		if err != nil {
			t.Fatal(err)
		}
		_, got, err := m.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		checkCalls(t, got, []wantCall{{name: "f", args: `{"a":1}`, id: "abc123XYZ"}, {name: "g", args: `{}`, id: "Zz9Yy8Xx7"}})
	}
}

// TestContentAndCallsTogether checks, for every format, that content
// written before the calls comes back as content.
func TestContentAndCallsTogether(t *testing.T) {
	calls := []tool.Call{{Name: "get_weather", Arguments: `{"city":"Paris"}`}}
	for _, p := range []Parser{Hermes{}, Mistral{}, Mistral{Legacy: true}} {
		text, err := p.Format(calls)
		if err != nil {
			t.Fatal(err)
		}
		content, got, err := p.Parse("Let me check.\n" + text)
		if err != nil || content != "Let me check." || len(got) != 1 || got[0].Name != "get_weather" {
			t.Errorf("%s: Parse = %q, %v, %v", p.Name(), content, got, err)
		}
	}
}

func TestErrorText(t *testing.T) {
	cases := []struct {
		err  *Error
		want string
	}{
		{&Error{Parser: "hermes", Offset: 12, Call: 1, Msg: "bad"}, "hermes: tool call 2 at byte 12: bad"},
		{&Error{Parser: "hermes", Offset: -1, Call: 0, Msg: "bad"}, "hermes: tool call 1: bad"},
		{&Error{Parser: "mistral", Offset: 3, Call: -1, Msg: "bad"}, "mistral: at byte 3: bad"},
		{&Error{Parser: "llama3", Offset: -1, Call: -1, Msg: "bad"}, "llama3: bad"},
	}
	for _, tc := range cases {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
		if !errors.Is(tc.err, ErrMalformed) {
			t.Errorf("%v does not wrap ErrMalformed", tc.err)
		}
	}
}

func TestSpacedJSON(t *testing.T) {
	got := string(appendSpacedJSON(nil, []byte(`{"a":[1,2],"b":"x, y: \"z\",:","c":{}}`)))
	want := `{"a": [1, 2], "b": "x, y: \"z\",:", "c": {}}`
	if got != want {
		t.Errorf("appendSpacedJSON = %s, want %s", got, want)
	}
}

func TestJSONString(t *testing.T) {
	got := string(appendJSONString(nil, "a\"\\\n\r\t\x01<>&\u2028é\xff"))
	want := `"a\"\\\n\r\t\u0001<>&` + "\u2028" + `é\ufffd"`
	if got != want {
		t.Errorf("appendJSONString = %s, want %s", got, want)
	}
}

func TestParsersAreLenientAboutWhitespace(t *testing.T) {
	for _, p := range parsers {
		for _, in := range []string{"", "\n", "  \t\r\n  "} {
			content, calls, err := p.Parse(in)
			if content != "" || calls != nil || err != nil {
				t.Errorf("%s.Parse(%q) = %q, %v, %v", p.Name(), in, content, calls, err)
			}
		}
		out, err := p.Format(nil)
		if out != "" || err != nil {
			t.Errorf("%s.Format(nil) = %q, %v", p.Name(), out, err)
		}
		if strings.TrimSpace(p.Name()) == "" {
			t.Error("empty parser name")
		}
	}
}
