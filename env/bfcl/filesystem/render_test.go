package filesystem

import (
	"slices"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// suffixSamples are texts a content may end with: the shape of
// FILE_CONTENT_EXTENSION (an apostrophe that needs a \u escape), plain
// ASCII, one with a line break of three bytes, one starting with a
// break, and ones that cannot be cut off (empty, starting inside UTF-8).
var suffixSamples = []string{
	"The company’s financials for the year reflect a period of steady growth — “quoted” \"too\".",
	" and more",
	"x\u2028y",
	"\nnext",
	"",
	"é then",
}

// jsonSamples hold each byte json.dumps escapes (or not) at every
// position of a word, and past it.
var jsonSamples = []string{
	`C:\dir\file name.txt`, `say "hi" to everyone`, "tab\there and more", "del\x7f in the middle",
	"~~~~~~~~~~~~~~~~", "        ", "0123456\\", "01234567\"", "\x1f1234567", "1234567\x80",
	"\\", "\"", "\x7f", "\x00", "~", " ",
}

func TestRender(t *testing.T) {
	for _, s := range append(jsonSamples, textSamples...) {
		for _, x := range suffixSamples {
			checkRender(t, s, x)
		}
	}
}

// FuzzRender checks the direct rendering of results against
// bfcl.RenderDict (json.dumps), with and without a suffix.
func FuzzRender(f *testing.F) {
	for _, s := range append(jsonSamples, textSamples...) {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		checkRender(t, s, suffixSamples[int(k)%len(suffixSamples)])
	})
}

func checkRender(t *testing.T, s, ext string) {
	t.Helper()
	want, _ := pyval.JSONDumps(s)
	if got := string(appendBody([]byte("x"), s)); got != "x"+want[1:len(want)-1] {
		t.Errorf("appendBody(%q) = %s, want x%s", s, got, want[1:len(want)-1])
	}
	if got := string(appendQuoted(nil, s)); got != want {
		t.Errorf("appendQuoted(%q) = %s, want %s", s, got, want)
	}
	if got := plainJSON(s); got != (want == `"`+s+`"`) {
		t.Errorf("plainJSON(%q) = %v", s, got)
	}
	x := newSuffix(ext)
	if want := ext != "" && ext[0] < 0x80 && len(pyval.SplitLines(ext+"x")) == 1; (x != nil) != want {
		t.Fatalf("newSuffix(%q) = %v, want a suffix: %v", ext, x, want)
	}
	if x == nil {
		return
	}
	// A file holding s with the suffix behaves as one holding s+ext.
	whole := s + ext
	tx := text{head: s, x: x}
	if got := bfcl.ResultString(textResult(`{"k": "`, tx)); got != bfcl.ResultString(bfcl.RenderDict("k", whole)) {
		t.Errorf("textResult(%q + %q) = %s", s, ext, got)
	}
	lines, _ := tx.lines(nil)
	var strs []string
	for _, sp := range lines {
		h, tl := tx.line(sp)
		strs = append(strs, h+tl)
	}
	if want := pyval.SplitLines(whole); !slices.Equal(strs, want) {
		t.Errorf("lines of %q + %q = %q, want %q", s, ext, strs, want)
	}
	if got, want := tx.lineCount(), len(pyval.SplitLines(whole)); got != want {
		t.Errorf("lineCount(%q + %q) = %d, want %d", s, ext, got, want)
	}
	if got := bfcl.ResultString(tx.joinResult(`{"k": "`, lines)); got != bfcl.ResultString(bfcl.RenderDict("k", strings.Join(strs, "\n"))) {
		t.Errorf("joinResult(%q + %q) = %s", s, ext, got)
	}
	for _, p := range []string{"", "a", s, ext, whole, s[len(s)/2:] + ext[:len(ext)/2], "zz"} {
		if got, want := contains2(s, ext, p), strings.Contains(whole, p); got != want {
			t.Errorf("contains2(%q, %q, %q) = %v", s, ext, p, got)
		}
	}
	for _, u := range []string{"", s, whole, whole + "a", s + "a"} {
		if got, want := compare2(s, ext, u, ""), strings.Compare(whole, u); got != want {
			t.Errorf("compare2(%q, %q, %q) = %d, want %d", s, ext, u, got, want)
		}
		if got, want := compare2(u, "", s, ext), strings.Compare(u, whole); got != want {
			t.Errorf("compare2(%q, %q, %q) = %d, want %d", u, s, ext, got, want)
		}
	}
	checkFileCommands(t, s, x)
}

// checkFileCommands runs every command that reads a file on files
// holding s with the suffix x kept apart (as the long-context variant
// loads them) and on files holding the joined str, and compares the
// results.
func checkFileCommands(t *testing.T, s string, x *suffix) {
	t.Helper()
	whole := s + x.text
	kept, joined := New(), New()
	for _, f := range []struct {
		name string
		kept pyval.Value
		str  string
	}{
		{"f", &extended{head: s, x: x}, whole},
		{"g", &extended{head: "a\nsecond line\n" + s, x: x}, "a\nsecond line\n" + whole},
		{"h", "a\n" + s, "a\n" + s},
	} {
		if _, err := kept.cwd.addFile(f.name, f.kept); err != nil {
			t.Fatal(err)
		}
		if _, err := joined.cwd.addFile(f.name, f.str); err != nil {
			t.Fatal(err)
		}
	}
	type call struct {
		name string
		args []pyval.Value
	}
	calls := []call{
		{"cat", []pyval.Value{"f"}}, {"wc", []pyval.Value{"f", "l"}}, {"wc", []pyval.Value{"f", "w"}},
		{"wc", []pyval.Value{"f", "c"}}, {"sort", []pyval.Value{"f"}}, {"sort", []pyval.Value{"g"}}, {"du", []pyval.Value{false}},
		{"diff", []pyval.Value{"f", "g"}}, {"diff", []pyval.Value{"g", "f"}}, {"diff", []pyval.Value{"f", "h"}},
		{"diff", []pyval.Value{"h", "g"}}, {"diff", []pyval.Value{"f", "f"}},
	}
	for _, p := range []string{"", "e", "line", "\u2028", s, x.text, s[len(s)/2:] + x.text[:len(x.text)/2]} {
		calls = append(calls, call{"grep", []pyval.Value{"f", p}}, call{"grep", []pyval.Value{"g", p}})
	}
	for _, n := range []int64{-2, 0, 1, 2, 3, 40} {
		calls = append(calls, call{"tail", []pyval.Value{"f", n}}, call{"tail", []pyval.Value{"g", n}})
	}
	for _, c := range calls {
		r1, err1 := kept.methodByName(c.name).Call(c.args)
		r2, err2 := joined.methodByName(c.name).Call(c.args)
		if got, want := bfcl.ResultString(r1), bfcl.ResultString(r2); got != want || (err1 == nil) != (err2 == nil) {
			t.Errorf("%s%q on %q + %q:\n got %s %v\nwant %s %v", c.name, c.args, s, x.text, got, err1, want, err2)
		}
	}
	if !kept.root.PyEqual(joined.root) || !joined.root.PyEqual(kept.root) {
		t.Errorf("trees holding %q + %q compare unequal", s, x.text)
	}
	if got, want := kept.root.PyRepr(), joined.root.PyRepr(); got != want {
		t.Errorf("repr: got %s, want %s", got, want)
	}
	s1, err1 := pyval.MarshalStateJSON(kept.State())
	s2, err2 := pyval.MarshalStateJSON(joined.State())
	if string(s1) != string(s2) || err1 != nil || err2 != nil {
		t.Errorf("state: got %s %v, want %s %v", s1, err1, s2, err2)
	}
}
