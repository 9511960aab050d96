package toolcall

import (
	"errors"
	"testing"

	"github.com/toolgym/toolgym/tool"
)

func TestPythonicParse(t *testing.T) {
	cases := []parseCase{
		{name: "empty", in: "", content: ""},
		{name: "plain answer", in: "The capital of France is Paris.", content: "The capital of France is Paris."},
		{name: "a list that is no call", in: "[1, 2, 3]", content: "[1, 2, 3]"},
		{name: "bracketed note", in: "[Note] I cannot help with that.", content: "[Note] I cannot help with that."},
		{name: "name then space and parenthesis", in: "Paris (France) is lovely", content: "Paris (France) is lovely"},
		{name: "call mentioned in prose", in: "You could call get_weather(city='Paris') yourself.", content: "You could call get_weather(city='Paris') yourself."},
		{name: "bare call inside prose", in: "print(x) prints x", content: "print(x) prints x"},
		{name: "empty list", in: " [] ", content: ""},
		{
			name:  "one call",
			in:    "[get_weather(city='Paris', unit=\"celsius\")]",
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris","unit":"celsius"}`}},
		},
		{
			name:  "bare call",
			in:    "\n  get_weather(city='Paris')\n",
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris"}`}},
		},
		{
			name: "several calls over lines with dotted names",
			in:   "[\n  math.factorial(n=5),\n  spotify.play(artist='Taylor Swift', duration=20),\n  get_time()\n]",
			calls: []wantCall{
				{name: "math.factorial", args: `{"n":5}`},
				{name: "spotify.play", args: `{"artist":"Taylor Swift","duration":20}`},
				{name: "get_time", args: `{}`},
			},
		},
		{
			name:  "numbers",
			in:    "[calc(a=1, b=-2, c=0x1F, d=0o17, e=0b101, f=2.0, g=2, h=1e5, i=.5, j=5., k=-2.5, l=1.5E-3, m=-0.0, n=123456789012345678901234567890, o=--3, p=+4, q=007.5, r=-0)]",
			calls: []wantCall{{name: "calc", args: `{"a":1,"b":-2,"c":31,"d":15,"e":5,"f":2.0,"g":2,"h":1e5,"i":0.5,"j":5.0,"k":-2.5,"l":1.5E-3,"m":-0.0,"n":123456789012345678901234567890,"o":3,"p":4,"q":7.5,"r":0}`}},
		},
		{
			name:  "constants and containers",
			in:    "[f(a=True, b=False, c=None, d=[1, 'x', [2.0]], e=(1, 2), f=(), g={'k': {'n': [None]}, \"j\": 1}, h=(3), i={}, j=[])]",
			calls: []wantCall{{name: "f", args: `{"a":true,"b":false,"c":null,"d":[1,"x",[2.0]],"e":[1,2],"f":[],"g":{"k":{"n":[null]},"j":1},"h":3,"i":{},"j":[]}`}},
		},
		{
			name: "strings and escapes",
			in: `[s(a='it\'s', b="say \"hi\"", c='''tri'ple''', d="""multi` + "\n" + `line""", e='tab\there\nnl', f='\\', g='\u00e9\U0001F600', h=r'\d+\.\w', i='\d', j='\xe9\x41', k='\101\351', l=u'unicode', m=R'\n', n='caf\u00e9', o='日本語', p='a\
b')]`,
			calls: []wantCall{{name: "s", args: `{"a":"it's","b":"say \"hi\"","c":"tri'ple","d":"multi\nline","e":"tab\there\nnl","f":"\\","g":"é😀","h":"\\d+\\.\\w","i":"\\d","j":"éA","k":"Aé","l":"unicode","m":"\\n","n":"café","o":"日本語","p":"ab"}`}},
		},
		{
			name:  "dict with repeated key keeps first place and last value",
			in:    "[f(d={'a': 1, 'b': 2, 'a': 3})]",
			calls: []wantCall{{name: "f", args: `{"d":{"a":3,"b":2}}`}},
		},
		{
			name:  "load is a Python name",
			in:    "[load(path='data.csv'), db.load(table='t', load=1)]",
			calls: []wantCall{{name: "load", args: `{"path":"data.csv"}`}, {name: "db.load", args: `{"table":"t","load":1}`}},
		},
		{
			name:  "comments and trailing commas",
			in:    "[\n  f(a=1,),  # first\n  g(b=[1, 2,],),\n]",
			calls: []wantCall{{name: "f", args: `{"a":1}`}, {name: "g", args: `{"b":[1,2]}`}},
		},
		{
			name:    "llama 4 python tags",
			in:      "Let me look.<|python_start|>[get_weather(city='Rome')]<|python_end|><|eot|>",
			content: "Let me look.",
			calls:   []wantCall{{name: "get_weather", args: `{"city":"Rome"}`}},
		},
		{
			name:  "code fence",
			in:    "```python\n[get_weather(city='Paris'), get_time()]\n```",
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris"}`}, {name: "get_time", args: `{}`}},
		},
		{
			name:  "bare code fence with a bare call",
			in:    "\n```\nget_weather(city='Paris')\n```\n",
			calls: []wantCall{{name: "get_weather", args: `{"city":"Paris"}`}},
		},
		{name: "code fence holding code is content", in: "```python\nprint('hi')\nx = 1\n```", content: "```python\nprint('hi')\nx = 1\n```"},
		{
			name:      "error offset inside a code fence",
			in:        "```python\n[f(1)]\n```",
			errHas:    []string{"positional"},
			errOff:    13,
			errOffSet: true,
		},
		{
			name:  "end token",
			in:    "[f(a=1)]<|eot_id|>",
			calls: []wantCall{{name: "f", args: `{"a":1}`}},
		},
		{
			name:  "unicode name and values",
			in:    "[météo(ville='São Paulo', émoji='🌦')]",
			calls: []wantCall{{name: "météo", args: `{"ville":"São Paulo","émoji":"🌦"}`}},
		},
		{
			name:      "positional argument",
			in:        "[get_weather('Paris')]",
			errHas:    []string{"pythonic: tool call 1 at byte 13", "positional", "keyword arguments are required", "get_weather(name=value"},
			errOff:    13,
			errOffSet: true,
			errCall:   0,
			errCallOK: true,
		},
		{
			name:      "positional argument in the second call",
			in:        "[f(a=1), g(b=2, 3)]",
			errHas:    []string{"tool call 2", "argument 2 of g is positional"},
			errOff:    16,
			errOffSet: true,
			errCall:   1,
			errCallOK: true,
		},
		{
			name:      "set literal",
			in:        "[f(tags={'a', 'b'})]",
			errHas:    []string{"set literals", "use a list"},
			errOff:    8,
			errOffSet: true,
		},
		{
			name:      "digit separators",
			in:        "[f(n=1_000)]",
			errHas:    []string{"1_000", "digit separators", "1000"},
			errOff:    5,
			errOffSet: true,
		},
		{name: "lambda", in: "[sort(key=lambda x: x)]", errHas: []string{"lambda"}},
		{name: "call as value", in: "[f(a=g(b=1))]", errHas: []string{"the value of f argument a is a function call"}},
		{name: "name as value", in: "[f(city=Paris)]", errHas: []string{"bare name Paris", "'Paris'"}},
		{name: "expression as value", in: "[f(a=1 + 2)]", errHas: []string{"expression", "write the computed value"}},
		{name: "attribute as value", in: "[f(a=math.pi)]", errHas: []string{"expression"}},
		{name: "sign on a string", in: "[f(a=-'x')]", errHas: []string{"sign"}},
		{name: "comprehension", in: "[f(a=[x for x in y])]", errHas: []string{"comprehension"}},
		{name: "non-string dict key", in: "[f(a={1: 'x'})]", errHas: []string{"dict key", "not a string"}},
		{name: "f-string", in: "[f(a=f'{x}')]", errHas: []string{"f-strings"}},
		{name: "bytes", in: "[f(a=b'x')]", errHas: []string{"bytes"}},
		{name: "star args", in: "[f(*args)]", errHas: []string{"*args and **kwargs"}},
		{name: "star kwargs", in: "[f(**kw)]", errHas: []string{"*args and **kwargs"}},
		{name: "repeated keyword", in: "[f(a=1, a=2)]", errHas: []string{"given twice"}},
		{name: "keyword True", in: "[f(True=1)]", errHas: []string{"keyword"}},
		{name: "complex number", in: "[f(a=1j)]", errHas: []string{"complex"}},
		{name: "unclosed list", in: "[f(a=1), g(b=", errHas: []string{"invalid Python"}},
		{name: "unclosed string", in: "[f(a='x)]", errHas: []string{"invalid Python"}},
		{name: "text after the list", in: "[f(a=1)] and then I will wait", errHas: []string{"invalid Python"}},
		{name: "element that is no call", in: "[f(a=1), 3]", errHas: []string{"element 2 of the list is not a function call"}, errCall: 1, errCallOK: true},
		{name: "call of a call", in: "[f()(a=1)]", errHas: []string{"name or dotted name"}},
		{name: "invalid escape", in: `[f(a='\x4')]`, errHas: []string{"invalid Python", `\x4`}},
		{name: "keyword function name", in: "[None(a=1)]", errHas: []string{"keyword"}},
	}
	runParseCases(t, Pythonic{}, cases)
}

func TestParsePython(t *testing.T) {
	cases := []struct {
		src  string
		want []PyCall
	}{
		{"cd(folder='document')", []PyCall{{Name: "cd", Args: []PyArg{{Name: "folder", Value: []byte(`"document"`)}}}}},
		{"[mv(source='a.txt', destination='b'), ls()]", []PyCall{
			{Name: "mv", Args: []PyArg{{Name: "source", Value: []byte(`"a.txt"`)}, {Name: "destination", Value: []byte(`"b"`)}}},
			{Name: "ls", Args: []PyArg{}},
		}},
		{"f(z=1, a=[1, 2.0], m={'k': True})", []PyCall{{Name: "f", Args: []PyArg{
			{Name: "z", Value: []byte(`1`)}, {Name: "a", Value: []byte(`[1,2.0]`)}, {Name: "m", Value: []byte(`{"k":true}`)},
		}}}},
		{"(f(a=1), g(b=2))", []PyCall{{Name: "f", Args: []PyArg{{Name: "a", Value: []byte(`1`)}}}, {Name: "g", Args: []PyArg{{Name: "b", Value: []byte(`2`)}}}}},
		{"[]", []PyCall{}},
	}
	for _, tc := range cases {
		got, err := ParsePython(tc.src)
		if err != nil {
			t.Errorf("ParsePython(%q): %v", tc.src, err)
			continue
		}
		if len(got) != len(tc.want) {
			t.Errorf("ParsePython(%q) = %d calls, want %d", tc.src, len(got), len(tc.want))
			continue
		}
		for i := range got {
			g, w := got[i], tc.want[i]
			if g.Name != w.Name || len(g.Args) != len(w.Args) {
				t.Errorf("ParsePython(%q)[%d] = %+v, want %+v", tc.src, i, g, w)
				continue
			}
			for j := range g.Args {
				if g.Args[j].Name != w.Args[j].Name || string(g.Args[j].Value) != string(w.Args[j].Value) {
					t.Errorf("ParsePython(%q)[%d] arg %d = %s=%s, want %s=%s", tc.src, i, j, g.Args[j].Name, g.Args[j].Value, w.Args[j].Name, w.Args[j].Value)
				}
			}
		}
	}
	if got, _ := ParsePython("f(z=1, a=2)"); string(got[0].Arguments()) != `{"z":1,"a":2}` {
		t.Errorf("Arguments() = %s, want the arguments in order", got[0].Arguments())
	}
	for _, bad := range []string{"", "   ", "x", "1 + 2", "'text'", "f(1)", "[f(a=1), 'g']", "f(a=1)\ng(b=2)"} {
		_, err := ParsePython(bad)
		if !errors.Is(err, ErrMalformed) {
			t.Errorf("ParsePython(%q) error = %v, want ErrMalformed", bad, err)
		}
	}
	// Error offsets count from the start of src, leading space included,
	// and across rewritten escapes.
	_, err := ParsePython(`  f(a='\d\xe9', b=oops)`)
	var pe *Error
	if !errors.As(err, &pe) || pe.Offset != 18 || pe.Call != 0 {
		t.Errorf("error = %#v, want offset 18 in call 0", err)
	}
}

func TestPythonicFormat(t *testing.T) {
	got, err := Pythonic{}.Format([]tool.Call{
		{Name: "get_weather", Arguments: `{"city": "Paris", "days": 3, "ratio": 2.0, "big": 1e5}`},
		{Name: "math.factorial", Arguments: ``},
		{Name: "f", Arguments: `{"a": true, "b": false, "c": null, "d": [1, "x"], "e": {"k": "it's"}, "g": "say \"hi\" and it's", "h": "tab\t\u00e9\u0001\u00a0"}`},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `[get_weather(city='Paris', days=3, ratio=2.0, big=1e5), math.factorial(), f(a=True, b=False, c=None, d=[1, 'x'], e={'k': "it's"}, g='say "hi" and it\'s', h='tab\té\x01\xa0')]`
	if got != want {
		t.Errorf("Format =\n%s\nwant\n%s", got, want)
	}
}

func TestParsePythonPositional(t *testing.T) {
	calls, err := ParsePythonWith("[sort('final_report.pdf'), mv('a', destination='b'), ls(a=True)]", PyOptions{Positional: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 3 || calls[0].Args[0].Name != "" || string(calls[0].Args[0].Value) != `"final_report.pdf"` {
		t.Fatalf("calls %+v", calls)
	}
	if string(calls[1].Arguments()) != `{"destination":"b"}` || len(calls[1].Args) != 2 {
		t.Errorf("mixed call %+v args %s", calls[1], calls[1].Arguments())
	}
	if _, err := ParsePythonWith("f(a=1, 2)", PyOptions{Positional: true}); err == nil {
		t.Error("positional after keyword accepted")
	}
	if _, err := ParsePython("sort('x')"); err == nil {
		t.Error("positional accepted without the option")
	}
}
