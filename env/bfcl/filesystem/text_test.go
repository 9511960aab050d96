package filesystem

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// textSamples hold every line break str.splitlines() knows, \r\n, breaks
// at the ends, characters of two to four bytes (U+2027 shares its first
// two bytes with U+2028), invalid bytes (0x85 alone is not U+0085), and
// runs longer than the eight bytes the scanners skip at a time.
var textSamples = []string{
	"",
	"a",
	"\n",
	"\n\n",
	"a\nb",
	"a\nb\n",
	"a\r\nb\r\n",
	"a\rb\r",
	"a\r\r\nb",
	"one\vtwo\fthree\x1cfour\x1dfive\x1esix\x1fseven",
	"x\u0085y\u2028z\u2029w\u2027v",
	"x\x85y\xe2\x80z\xc2",
	"The company’s financials for the year reflect a period of steady growth.\nSecond line, longer than eight bytes\r\n",
	"tabs\tand  spaces \u00a0 and\u3000ideographic space",
	"日本語のテキスト\n第二行😀 emoji",
	strings.Repeat("0123456789abcdef", 9) + "\n" + strings.Repeat("é", 20) + "\r" + strings.Repeat(" ", 17),
}

func TestTextHelpers(t *testing.T) {
	for _, s := range textSamples {
		t.Run(fmt.Sprintf("%q", s), func(t *testing.T) { checkText(t, s) })
	}
}

// FuzzTextHelpers checks the byte scanners against pyval's rune-by-rune
// str methods on arbitrary bytes.
func FuzzTextHelpers(f *testing.F) {
	for _, s := range textSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkText(t, s) })
}

func checkText(t *testing.T, s string) {
	t.Helper()
	want := pyval.SplitLines(s)
	tx := text{head: s}
	spans, _ := tx.lines(nil)
	var got []string
	for _, sp := range spans {
		got = append(got, s[sp.start:sp.end])
	}
	if !slices.Equal(got, want) {
		t.Errorf("lines of %q = %q, want %q", s, got, want)
	}
	if n := tx.lineCount(); n != len(want) {
		t.Errorf("lineCount(%q) = %d, want %d", s, n, len(want))
	}
	if got, want := runeLen(s), utf8.RuneCountInString(s); got != want {
		t.Errorf("runeLen(%q) = %d, want %d", s, got, want)
	}
	if got, want := countWords(s), len(pyval.SplitWhitespace(s)); got != want {
		t.Errorf("countWords(%q) = %d, want %d", s, got, want)
	}
	if got, _ := validName(s); got == strings.ContainsAny(s, `|/\?%*:"><`) {
		t.Errorf("validName(%q) = %v", s, got)
	}
	checkLineCommands(t, s, want)
}

// checkLineCommands runs wc, sort, grep, tail and diff on a file holding
// s and compares them with the reference's code written on the lines
// pyval.SplitLines gives.
func checkLineCommands(t *testing.T, s string, lines []string) {
	t.Helper()
	fs := New()
	if _, err := fs.cwd.addFile("f", s); err != nil {
		t.Fatal(err)
	}
	other := "a\nsecond line\n" + strings.Join(lines, "\n")
	if _, err := fs.cwd.addFile("g", other); err != nil {
		t.Fatal(err)
	}
	result := func(v pyval.Value, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return bfcl.ResultString(v)
	}
	dumps := func(kv ...pyval.Value) string {
		out, err := pyval.JSONDumps(pyval.DictOf(kv...))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	if got, want := result(fs.Wc("f", "l")), dumps("count", int64(len(lines)), "type", "lines"); got != want {
		t.Errorf("wc -l: got %s, want %s", got, want)
	}
	sorted := slices.Clone(lines)
	slices.Sort(sorted)
	if got, want := result(fs.Sort("f")), dumps("sorted_content", strings.Join(sorted, "\n")); got != want {
		t.Errorf("sort: got %s, want %s", got, want)
	}
	for _, pattern := range []string{"", "e", "line", "\u2028"} {
		matching := []pyval.Value{}
		for _, l := range lines {
			if strings.Contains(l, pattern) {
				matching = append(matching, l)
			}
		}
		if got, want := result(fs.Grep("f", pattern)), dumps("matching_lines", matching); got != want {
			t.Errorf("grep %q: got %s, want %s", pattern, got, want)
		}
	}
	for _, n := range []int64{-3, -1, 0, 1, 2, 10} {
		k := min(n, int64(len(lines)))
		var start int64 // lines[-k:]
		switch {
		case k > 0:
			start = int64(len(lines)) - k
		case k < 0:
			start = min(int64(len(lines)), -k)
		}
		if got, want := result(fs.Tail("f", n)), dumps("last_lines", strings.Join(lines[start:], "\n")); got != want {
			t.Errorf("tail %d: got %s, want %s", n, got, want)
		}
	}
	otherLines := pyval.SplitLines(other)
	var diff []string
	for i := 0; i < len(lines) && i < len(otherLines); i++ {
		if lines[i] != otherLines[i] {
			diff = append(diff, "- "+lines[i]+"\n+ "+otherLines[i])
		}
	}
	if got, want := result(fs.Diff("f", "g")), dumps("diff_lines", strings.Join(diff, "\n")); got != want {
		t.Errorf("diff: got %s, want %s", got, want)
	}
}

// TestContentsIndex checks the contents of a large directory, found
// through a map past indexFrom entries, against a plain ordered list while
// entries come and go.
func TestContentsIndex(t *testing.T) {
	c := newContents(0)
	var names []string
	check := func(step string) {
		t.Helper()
		if c.Len() != len(names) {
			t.Fatalf("%s: %d entries, want %d", step, c.Len(), len(names))
		}
		i := 0
		for name, n := range c.All() {
			if name != names[i] || n.(*File).Name != name {
				t.Fatalf("%s: entry %d is %q, want %q", step, i, name, names[i])
			}
			i++
		}
		for _, name := range names {
			if n, ok := c.Get(name); !ok || n.(*File).Name != name {
				t.Fatalf("%s: %q not found", step, name)
			}
		}
		if c.Has("missing") {
			t.Fatalf("%s: a missing name is found", step)
		}
	}
	for i := range 3 * indexFrom {
		name := fmt.Sprintf("f%d", i)
		c.add(name, &File{Name: name})
		names = append(names, name)
	}
	check("added")
	if c.index == nil {
		t.Fatal("no index past indexFrom entries")
	}
	// Delete from the front, the middle and the end, down below indexFrom.
	for len(names) > indexFrom/2 {
		for _, at := range []func() int{
			func() int { return 0 },
			func() int { return len(names) / 2 },
			func() int { return len(names) - 1 },
		} {
			i := at()
			if !c.delete(names[i]) {
				t.Fatalf("delete %q: not found", names[i])
			}
			names = slices.Delete(names, i, i+1)
			check("deleted " + fmt.Sprint(len(names)))
		}
	}
	if c.delete("missing") {
		t.Fatal("deleted a missing name")
	}
	c.set(names[1], &File{Name: names[1]})
	check("set existing")
	c.set("new", &File{Name: "new"})
	names = append(names, "new")
	check("set new")
}
