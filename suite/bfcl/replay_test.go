package bfcl_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/pyval"
	bfclsuite "github.com/toolgym/toolgym/suite/bfcl"
)

// replayLine is one entry of replay_gt or of a replay dump.
type replayLine struct {
	ID           string          `json:"id"`
	Involved     []string        `json:"involved_classes"`
	InitialState json.RawMessage `json:"initial_state"`
	Turns        []struct {
		Turn    int             `json:"turn"`
		Calls   []string        `json:"calls"`
		Results []string        `json:"results"`
		State   json.RawMessage `json:"state"`
	} `json:"turns"`
}

func readAnchorReplays(t *testing.T, dir, category string) map[string]replayLine {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "replay_gt", "BFCL_v4_multi_turn_"+category+".replay.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]replayLine{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var l replayLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		out[l.ID] = l
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// diffStates compares two states in the anchors' encoding, class by class
// and attribute by attribute, with Python ==; it returns "" when equal.
func diffStates(got, want json.RawMessage) string {
	g, err1 := pyval.FromJSON(got)
	w, err2 := pyval.FromJSON(want)
	if err1 != nil || err2 != nil {
		return fmt.Sprintf("unreadable state: %v %v", err1, err2)
	}
	gd, wd := g.(*pyval.Dict), w.(*pyval.Dict)
	var diffs []string
	for _, class := range wd.Keys() {
		wc, _ := wd.Get(class)
		gc, ok := gd.Get(class)
		if !ok {
			diffs = append(diffs, fmt.Sprintf("%v: missing", class))
			continue
		}
		wcd, gcd := wc.(*pyval.Dict), gc.(*pyval.Dict)
		for _, attr := range wcd.Keys() {
			wv, _ := wcd.Get(attr)
			gv, ok := gcd.Get(attr)
			if !ok || !pyval.Equal(gv, wv) {
				gs, _ := pyval.JSONDumps(gv)
				ws, _ := pyval.JSONDumps(wv)
				diffs = append(diffs, fmt.Sprintf("%v.%v:\n   got %s\n  want %s", class, attr, clip(gs), clip(ws)))
			}
		}
		if gcd.Len() != wcd.Len() {
			diffs = append(diffs, fmt.Sprintf("%v: %d attributes, anchor has %d", class, gcd.Len(), wcd.Len()))
		}
	}
	if gd.Len() != wd.Len() {
		diffs = append(diffs, fmt.Sprintf("%d classes, anchor has %d", gd.Len(), wd.Len()))
	}
	return strings.Join(diffs, "; ")
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "..."
	}
	return s
}

// TestGoldReplayMatchesAnchors is the suite's acceptance test: the ground
// truth of all 800 entries, played as a function-calling model's native
// tool calls through the suite's judge, scores 100%, and every result and
// per-turn state equals what the Python reference produced (replay_gt):
// results byte for byte, states with Python == and then byte for byte in
// the anchors' encoding.
// Until every class is registered with env/bfcl, it checks the entries
// whose classes are, and then skips naming the missing ones (after
// failing on any mismatch of the classes that are there).
func TestGoldReplayMatchesAnchors(t *testing.T) {
	dir := anchorDir(t)
	_, all := loadSuite(t)
	entries := runnable(all)
	missing := missingClasses(all)
	dump := t.TempDir()
	rep, err := bfclsuite.ReplayEntries(t.Context(), entries, dump)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Passed != len(entries) {
		for i, f := range rep.Failures {
			if i == 10 {
				t.Errorf("... and %d more", len(rep.Failures)-10)
				break
			}
			t.Errorf("gold judged wrong: %s", f)
		}
	}
	failures := 0
	fail := func(format string, args ...any) {
		if failures++; failures <= 10 {
			t.Errorf(format, args...)
		}
	}
	checkedTurns, checkedCalls := 0, 0
	for _, cat := range bfclsuite.Categories {
		anchors := readAnchorReplays(t, dir, cat)
		for i := range entries {
			e := &entries[i]
			if e.Category != cat {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dump, cat, e.ID+".json"))
			if err != nil {
				fail("%s: no dump: %v", e.ID, err)
				continue
			}
			var got replayLine
			if err := json.Unmarshal(b, &got); err != nil {
				fail("%s: dump: %v", e.ID, err)
				continue
			}
			want, ok := anchors[e.ID]
			if !ok {
				t.Fatalf("%s: no anchor", e.ID)
			}
			if d := diffStates(got.InitialState, want.InitialState); d != "" {
				fail("%s: initial state: %s", e.ID, d)
			} else if !bytes.Equal(got.InitialState, want.InitialState) {
				fail("%s: the initial state equals the anchor's but is encoded differently (attribute or key order?)", e.ID)
			}
			if len(got.Turns) != len(want.Turns) {
				fail("%s: %d turns, anchor has %d", e.ID, len(got.Turns), len(want.Turns))
				continue
			}
			for k, wt := range want.Turns {
				gt := got.Turns[k]
				checkedTurns++
				checkedCalls += len(wt.Calls)
				if strings.Join(gt.Calls, "\n") != strings.Join(wt.Calls, "\n") {
					fail("%s turn %d: calls %q, anchor %q", e.ID, k, gt.Calls, wt.Calls)
				}
				if len(gt.Results) != len(wt.Results) {
					fail("%s turn %d: %d results, anchor has %d", e.ID, k, len(gt.Results), len(wt.Results))
				} else {
					for j := range wt.Results {
						if gt.Results[j] != wt.Results[j] {
							fail("%s turn %d call %s:\n got %q\nwant %q", e.ID, k, wt.Calls[j], clip(gt.Results[j]), clip(wt.Results[j]))
						}
					}
				}
				if d := diffStates(gt.State, wt.State); d != "" {
					fail("%s turn %d: state: %s", e.ID, k, d)
				} else if !bytes.Equal(gt.State, wt.State) {
					fail("%s turn %d: the state equals the anchor's but is encoded differently (attribute or key order?):\n got %s\nwant %s", e.ID, k, clip(string(gt.State)), clip(string(wt.State)))
				}
			}
		}
	}
	if failures > 10 {
		t.Errorf("... and %d more mismatches", failures-10)
	}
	t.Logf("%d of %d entries replayed (%d turns, %d calls compared with replay_gt): %d passed the judge, %d mismatches, in %s",
		len(entries), len(all), checkedTurns, checkedCalls, rep.Passed, failures, rep.Duration)
	if len(missing) > 0 {
		t.Errorf("BFCL classes not registered with env/bfcl: %s (%d of %d entries need them; the %d others were checked)",
			strings.Join(missing, ", "), len(all)-len(entries), len(all), len(entries))
	}
	if len(entries) != 800 || rep.Passed != 800 {
		t.Errorf("%d entries, %d passed; want 800 of 800", len(entries), rep.Passed)
	}
}

// The ground truth written as a prompting model writes it, decoded and
// judged as the reference's prompting handlers decode and judge it,
// passes on every entry: the decoder reads every gold call back into a
// call the executor runs as the reference runs it.
func TestReplayPromptingAll(t *testing.T) {
	_, entries := loadSuite(t)
	rep, err := bfclsuite.ReplayEntriesPrompting(t.Context(), entries, "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Passed != len(entries) || len(entries) != 800 {
		for _, f := range rep.Failures[:min(len(rep.Failures), 10)] {
			t.Log(f)
		}
		t.Fatalf("%d of %d passed", rep.Passed, len(entries))
	}
}
