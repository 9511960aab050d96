package toolcall

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/tool"
)

// canon returns JSON in canonical form: sorted keys, no spaces, number
// text kept as written.
func canon(t testing.TB, s string) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("not JSON: %q: %v", s, err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return strings.TrimRight(buf.String(), "\n")
}

// wantCall is an expected call; an empty id means "call_<index>".
type wantCall struct {
	name, args, id string
}

type parseCase struct {
	name    string
	in      string
	content string
	calls   []wantCall
	// errHas, when set, means Parse must fail with ErrMalformed and an
	// error message containing each of these strings.
	errHas []string
	// errOff, when errHas is set and errOff >= 0 (set errOffSet), is the
	// expected *Error offset.
	errOff    int
	errOffSet bool
	errCall   int
	errCallOK bool
}

func runParseCases(t *testing.T, p Parser, cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			content, calls, err := p.Parse(tc.in)
			if tc.errHas != nil {
				if err == nil {
					t.Fatalf("Parse(%q) = %q, %v, nil; want an error", tc.in, content, calls)
				}
				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("error %v does not wrap ErrMalformed", err)
				}
				for _, s := range tc.errHas {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not contain %q", err, s)
					}
				}
				var pe *Error
				if !errors.As(err, &pe) {
					t.Fatalf("error %v is not an *Error", err)
				}
				if pe.Parser != p.Name() {
					t.Errorf("error parser = %q, want %q", pe.Parser, p.Name())
				}
				if tc.errOffSet && pe.Offset != tc.errOff {
					t.Errorf("error offset = %d, want %d (%v)", pe.Offset, tc.errOff, err)
				}
				if tc.errCallOK && pe.Call != tc.errCall {
					t.Errorf("error call = %d, want %d (%v)", pe.Call, tc.errCall, err)
				}
				if calls != nil {
					t.Errorf("calls = %v on error, want nil", calls)
				}
				if content != strings.TrimSpace(tc.in) {
					t.Errorf("content on error = %q, want the trimmed text", content)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if content != tc.content {
				t.Errorf("content = %q, want %q", content, tc.content)
			}
			checkCalls(t, calls, tc.calls)
		})
	}
}

func checkCalls(t *testing.T, got []tool.Call, want []wantCall) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d calls %v, want %d %v", len(got), got, len(want), want)
	}
	for i, w := range want {
		g := got[i]
		if g.Name != w.name {
			t.Errorf("call %d name = %q, want %q", i, g.Name, w.name)
		}
		wantID := w.id
		if wantID == "" {
			wantID = callID(i, "")
		}
		if g.ID != wantID {
			t.Errorf("call %d id = %q, want %q", i, g.ID, wantID)
		}
		if c, wc := canon(t, g.Arguments), canon(t, w.args); c != wc {
			t.Errorf("call %d args = %s, want %s", i, c, wc)
		}
	}
}

// roundTripCalls are calls every format must carry unchanged (argument
// names are Python names so that the pythonic format can carry them).
var roundTripCalls = [][]tool.Call{
	{{Name: "get_weather", Arguments: `{"city": "Paris", "unit": "celsius"}`}},
	{
		{Name: "search", Arguments: `{"query": "caf\u00e9 \"quoted\" \\ back\nslash", "limit": 10, "ratio": 2.0, "exact": 2, "big": 123456789012345678901234567890}`},
		{Name: "noargs", Arguments: ``},
		{Name: "book_flight", Arguments: `{"from_city": "S\u00e3o Paulo", "to_city": "\u6771\u4eac", "passengers": [{"name": "Ana", "age": 31, "meal": null}, {"name": "Bo", "age": 4, "vip": true}], "dates": ["2024-01-01", "2024-01-09"], "budget": -1.5e3, "flags": {"refundable": false, "notes": "emoji \ud83d\ude00, tab\tand <b>html</b> & 'single'"}}`},
	},
	{{Name: "nested", Arguments: `{"a": [[[]], {}, [{"b": {"c": [1, -0.0, 1e-7, 0.5]}}]], "s": "\u0000\u001f\u007f\u2028 \u00a0\ufeff"}`}},
}
