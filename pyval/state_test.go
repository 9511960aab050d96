package pyval

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// anchorLines returns the lines of a replay anchor file.
// anchorDir is where the BFCL replay anchors lie beside the module root.
var anchorDir = filepath.Join("..", "..", "shared", "anchors", "bfcl", "replay_gt")

// sampleLines returns the first n lines of the base category's replay
// anchors, or nil when the anchors are absent.
func sampleLines(tb testing.TB, n int) [][]byte {
	tb.Helper()
	path := filepath.Join(anchorDir, "BFCL_v4_multi_turn_base.replay.jsonl")
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	lines := anchorLines(tb, path)
	return lines[:min(n, len(lines))]
}

func anchorLines(t testing.TB, path string) [][]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		lines = append(lines, append([]byte(nil), sc.Bytes()...))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// checkAnchorLine decodes an anchor line and re-encodes it and each of its
// states, which must reproduce the original bytes.
func checkAnchorLine(t *testing.T, line []byte, dumped *int) {
	t.Helper()
	v, err := FromJSON(line)
	if err != nil {
		t.Fatalf("FromJSON: %v", err)
	}
	out, err := MarshalStateJSON(v)
	if err != nil {
		t.Fatalf("MarshalStateJSON: %v", err)
	}
	if !bytes.Equal(out, line) {
		i := 0
		for i < len(out) && i < len(line) && out[i] == line[i] {
			i++
		}
		t.Fatalf("re-encoded line differs at byte %d: got ...%q..., want ...%q...", i, out[max(0, i-40):min(len(out), i+40)], line[max(0, i-40):min(len(line), i+40)])
	}
	entry := v.(*Dict)
	turns, _ := entry.Get("turns")
	initial, _ := entry.Get("initial_state")
	states := []Value{initial}
	for _, turn := range turns.([]Value) {
		st, _ := turn.(*Dict).Get("state")
		states = append(states, st)
	}
	// Results that are json.dumps of a dict re-dump to the same text.
	for _, turn := range turns.([]Value) {
		results, _ := turn.(*Dict).Get("results")
		for _, r := range results.([]Value) {
			text := r.(string)
			rv, err := FromJSON([]byte(text))
			if err != nil {
				continue // str() of a value, or a plain message
			}
			if _, ok := rv.(*Dict); !ok {
				continue
			}
			if got, err := JSONDumps(rv); err != nil || got != text {
				t.Fatalf("JSONDumps(FromJSON(result)) = %q, %v; want %q", got, err, text)
			}
			*dumped++
		}
	}
	for _, st := range states {
		enc, err := MarshalStateJSON(st)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(line, enc) {
			t.Fatalf("state encoding %.80s... not found in the line", enc)
		}
		back, err := FromJSON(enc)
		if err != nil || !Equal(back, st) {
			t.Fatalf("state does not survive a round trip: %v", err)
		}
	}
}

// TestAnchorRoundTripAll checks every line of the full replay anchors in
// ../shared/anchors/bfcl/replay_gt beside the module root (or in
// $TOOLGYM_BFCL_ANCHORS, when set).
func TestAnchorRoundTripAll(t *testing.T) {
	dir := os.Getenv("TOOLGYM_BFCL_ANCHORS")
	if dir == "" {
		dir = anchorDir
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("BFCL replay anchors not found at %s (../shared/anchors/bfcl beside the module root)", dir)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.replay.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no *.replay.jsonl in %s: %v", dir, err)
	}
	n, dumped := 0, 0
	for _, f := range files {
		for _, line := range anchorLines(t, f) {
			checkAnchorLine(t, line, &dumped)
			n++
		}
	}
	t.Logf("%d anchor lines reproduced byte for byte, %d JSON results re-dumped", n, dumped)
}
