package pyval

import (
	"fmt"
	"strings"
	"testing"
)

// benchState returns the initial_state of the first BFCL replay anchor
// line (a TwitterAPI and GorillaFileSystem state), its JSON and the whole
// line.
func benchState(b *testing.B) (state Value, stateJSON, line []byte) {
	lines := sampleLines(b, 1)
	if len(lines) == 0 {
		b.Skipf("BFCL replay anchors not found at %s (../shared/anchors/bfcl beside the module root)", anchorDir)
	}
	line = lines[0]
	v, err := FromJSON(line)
	if err != nil {
		b.Fatal(err)
	}
	state, _ = v.(*Dict).Get("initial_state")
	stateJSON, err = MarshalStateJSON(state)
	if err != nil {
		b.Fatal(err)
	}
	return state, stateJSON, line
}

func BenchmarkRepr(b *testing.B) {
	state, _, _ := benchState(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = Repr(state)
	}
}

func BenchmarkJSONDumps(b *testing.B) {
	result := DictOf("matching_lines", []Value{"Year2024 This is the final report content including budget analysis."},
		"balance", 10000.5, "ids", []Value{int64(1), int64(2), int64(3)}, "ok", true, "note", "caf\u00e9")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := JSONDumps(result); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFromJSONState(b *testing.B) {
	_, data, _ := benchState(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FromJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalStateJSON(b *testing.B) {
	state, data, _ := benchState(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := MarshalStateJSON(state); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDeepCopyState(b *testing.B) {
	state, _, _ := benchState(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = DeepCopy(state)
	}
}

func BenchmarkEqualState(b *testing.B) {
	state, _, _ := benchState(b)
	other := DeepCopy(state)
	b.ReportAllocs()
	for b.Loop() {
		if !Equal(state, other) {
			b.Fatal("not equal")
		}
	}
}

func BenchmarkRandInt(b *testing.B) {
	r := NewRandom(int64(141053))
	b.ReportAllocs()
	for b.Loop() {
		_ = r.RandInt(100000000000, 999999999999)
	}
}

func BenchmarkNewRandom(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = NewRandom(int64(200191))
	}
}

func BenchmarkFormatFloat(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = FormatFloat(1234.5678, ".2f")
	}
}

func BenchmarkRound(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Round(2.675, 2)
	}
}

func BenchmarkFloatRepr(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 32)
	for b.Loop() {
		buf = AppendFloatRepr(buf[:0], 12203.4)
	}
}

// BenchmarkJSONText encodes a long text of short lines, as a file's
// content in a result: mostly plain ASCII, broken by newlines and quotes.
func BenchmarkJSONText(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 8000; i++ {
		fmt.Fprintf(&sb, "Line %d of the report: \"quarterly\" figures, revenue up %d%%.\n", i, i%17)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	buf := make([]byte, 0, 2*len(text))
	for b.Loop() {
		var err error
		if buf, err = AppendJSON(buf[:0], text, true); err != nil {
			b.Fatal(err)
		}
	}
}
