// Package bfcltest checks BFCL API classes against the replay anchors in
// ../shared/anchors/bfcl (found beside the module root): for every entry
// of the four multi-turn categories that involves a class, it loads the
// class from the entry's initial_config, compares its initial state, runs
// the ground-truth calls the class owns turn by turn, and compares every
// result string and every per-turn state with what the Python reference
// produced. Tests skip, naming the folder, when the anchors are absent.
package bfcltest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/model/toolcall"
	"github.com/toolgym/toolgym/pyval"
)

// Categories are the multi-turn categories, in file-name form.
var Categories = []string{"base", "miss_func", "miss_param", "long_context"}

// AnchorDir returns the BFCL anchor folder, skipping the test when it is
// absent.
func AnchorDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("bfcltest: no go.mod above the test's folder")
		}
		dir = parent
	}
	anchors := filepath.Join(filepath.Dir(dir), "shared", "anchors", "bfcl")
	if _, err := os.Stat(anchors); err != nil {
		t.Skipf("BFCL anchor data not found at %s (../shared/anchors/bfcl beside the module root)", anchors)
	}
	if err := bfcl.UseData(anchors); err != nil {
		t.Fatal(err)
	}
	if _, err := bfcl.Constant(bfcl.WatchListConstant); err != nil {
		watchListFromAnchors(t, anchors)
	}
	return anchors
}

// watchListFromAnchors recovers WATCH_LIST_EXTENSION, which the JSON
// constants leave out (it ends with Python's Ellipsis), from a long-context
// get_watchlist result in the replay anchors: the result is the state's
// watch list followed by the extension.
func watchListFromAnchors(t testing.TB, anchors string) {
	t.Helper()
	for _, line := range readLines(t, filepath.Join(anchors, "replay_gt", "BFCL_v4_multi_turn_long_context.replay.jsonl")) {
		var r Replay
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		for _, turn := range r.Turns {
			for k, call := range turn.Calls {
				if !strings.HasPrefix(call, "get_watchlist(") || !strings.HasPrefix(turn.Results[k], "[") {
					continue
				}
				full, err := bfcl.ParseLiteral(turn.Results[k])
				if err != nil {
					t.Fatalf("%s: get_watchlist result: %v", r.ID, err)
				}
				var state struct {
					TradingBot struct {
						WatchList []string `json:"watch_list"`
					} `json:"TradingBot"`
				}
				if err := json.Unmarshal(turn.State, &state); err != nil {
					t.Fatal(err)
				}
				items := full.([]pyval.Value)
				bfcl.SetConstant(bfcl.WatchListConstant, items[len(state.TradingBot.WatchList):])
				return
			}
		}
	}
	t.Fatal("bfcltest: no long-context get_watchlist result in the anchors to recover WATCH_LIST_EXTENSION from")
}

// Entry is one test entry with its replay.
type Entry struct {
	ID              string
	Category        string
	InvolvedClasses []string
	InitialConfig   *pyval.Dict
	Replay          Replay
}

// Replay is one line of replay_gt.
type Replay struct {
	ID           string          `json:"id"`
	Turns        []ReplayTurn    `json:"turns"`
	InitialState json.RawMessage `json:"initial_state"`
}

// ReplayTurn is one turn of a replay.
type ReplayTurn struct {
	Turn    int             `json:"turn"`
	Calls   []string        `json:"calls"`
	Results []string        `json:"results"`
	State   json.RawMessage `json:"state"`
}

// LongContext reports whether the entry runs the long-context variant.
func (e *Entry) LongContext() bool { return e.Category == "long_context" }

// Load reads every entry of a category with its replay.
func Load(t testing.TB, category string) []Entry {
	t.Helper()
	dir := AnchorDir(t)
	questions := readLines(t, filepath.Join(dir, "BFCL_v4_multi_turn_"+category+".json"))
	replays := readLines(t, filepath.Join(dir, "replay_gt", "BFCL_v4_multi_turn_"+category+".replay.jsonl"))
	if len(questions) != len(replays) {
		t.Fatalf("%s: %d questions, %d replays", category, len(questions), len(replays))
	}
	out := make([]Entry, len(questions))
	for i, q := range questions {
		var head struct {
			ID              string          `json:"id"`
			InvolvedClasses []string        `json:"involved_classes"`
			InitialConfig   json.RawMessage `json:"initial_config"`
		}
		if err := json.Unmarshal(q, &head); err != nil {
			t.Fatalf("%s line %d: %v", category, i+1, err)
		}
		cfg, err := pyval.FromJSON(head.InitialConfig)
		if err != nil {
			t.Fatalf("%s: initial_config: %v", head.ID, err)
		}
		e := Entry{ID: head.ID, Category: category, InvolvedClasses: head.InvolvedClasses, InitialConfig: cfg.(*pyval.Dict)}
		if err := json.Unmarshal(replays[i], &e.Replay); err != nil {
			t.Fatalf("%s replay: %v", head.ID, err)
		}
		if e.Replay.ID != e.ID {
			t.Fatalf("line %d: question %s, replay %s", i+1, e.ID, e.Replay.ID)
		}
		out[i] = e
	}
	return out
}

func readLines(t testing.TB, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			out = append(out, bytes.Clone(sc.Bytes()))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// owners maps each method name to the classes whose function docs list it.
func owners(t testing.TB) map[string][]string {
	t.Helper()
	files := map[string]string{
		"gorilla_file_system.json": "GorillaFileSystem", "math_api.json": "MathAPI", "message_api.json": "MessageAPI",
		"posting_api.json": "TwitterAPI", "ticket_api.json": "TicketAPI", "trading_bot.json": "TradingBot",
		"travel_booking.json": "TravelAPI", "vehicle_control.json": "VehicleControlAPI",
	}
	out := map[string][]string{}
	for file, class := range files {
		for _, line := range readLines(t, filepath.Join(AnchorDir(t), "multi_turn_func_doc", file)) {
			var doc struct {
				Name string `json:"name"`
			}
			if err := json.Unmarshal(line, &doc); err != nil {
				t.Fatal(err)
			}
			out[doc.Name] = append(out[doc.Name], class)
		}
	}
	return out
}

// Owner returns which involved class runs a call of method name: the last
// involved class that has it, as the reference's name mapping resolves it.
func Owner(owners map[string][]string, involved []string, name string) string {
	owner := ""
	for _, c := range involved {
		for _, o := range owners[name] {
			if o == c {
				owner = c
			}
		}
	}
	return owner
}

// CheckClass replays, for every entry of every category involving class,
// the ground-truth calls that class owns, and compares results and states
// with the anchors. It reports at most maxFailures mismatches per category
// in detail and fails the test on any.
func CheckClass(t *testing.T, class string) {
	own := owners(t)
	for _, cat := range Categories {
		t.Run(cat, func(t *testing.T) {
			entries := Load(t, cat)
			failures, checked, calls := 0, 0, 0
			fail := func(format string, args ...any) {
				failures++
				if failures <= 10 {
					t.Errorf(format, args...)
				}
			}
			for i := range entries {
				e := &entries[i]
				if !contains(e.InvolvedClasses, class) {
					continue
				}
				checked++
				config := pyval.Repr(e.InitialConfig) // no call may change the entry's config
				env, err := bfcl.New([]string{class}, e.InitialConfig, e.LongContext())
				if err != nil {
					fail("%s: %v", e.ID, err)
					continue
				}
				if msg := diffState(class, env, e.Replay.InitialState); msg != "" {
					fail("%s: initial state: %s", e.ID, msg)
					continue
				}
				for _, turn := range e.Replay.Turns {
					before := env.Fork().(*bfcl.Env)
					for k, call := range turn.Calls {
						if Owner(own, e.InvolvedClasses, callName(call)) != class {
							continue
						}
						calls++
						if got := env.Exec(call); got != turn.Results[k] {
							fail("%s turn %d call %d %s:\n got: %q\nwant: %q", e.ID, turn.Turn, k, call, got, turn.Results[k])
						}
					}
					if msg := diffState(class, env, turn.State); msg != "" {
						fail("%s turn %d: state: %s", e.ID, turn.Turn, msg)
						break
					}
					if msg := checkStateEqual(env, before); msg != "" {
						fail("%s turn %d: %s", e.ID, turn.Turn, msg)
					}
				}
				if pyval.Repr(e.InitialConfig) != config {
					fail("%s: replaying the calls changed the entry's initial_config", e.ID)
				}
			}
			if failures > 10 {
				t.Errorf("... and %d more mismatches", failures-10)
			}
			t.Logf("%s/%s: %d entries, %d calls checked, %d mismatches", class, cat, checked, calls, failures)
		})
	}
}

// checkStateEqual checks a class's StateEqual against comparing States,
// between the env after a turn and a copy from before it, both ways, and
// with a fresh copy.
func checkStateEqual(after, before *bfcl.Env) string {
	now := after.Fork().(*bfcl.Env)
	for i, c := range after.Classes() {
		sc, ok := c.(bfcl.StateComparer)
		if !ok {
			continue
		}
		b, n := before.Classes()[i], now.Classes()[i]
		want := pyval.Equal(c.State(), b.State())
		if sc.StateEqual(b) != want || b.(bfcl.StateComparer).StateEqual(c) != want {
			return fmt.Sprintf("%s: StateEqual with the state before the turn is not %v, as comparing States says", c.Name(), want)
		}
		if !sc.StateEqual(n) {
			return fmt.Sprintf("%s: StateEqual with a fresh copy is false", c.Name())
		}
	}
	return ""
}

func callName(call string) string {
	pcs, err := toolcall.ParsePythonWith(call, toolcall.PyOptions{Positional: true})
	if err != nil || len(pcs) != 1 {
		name, _, _ := strings.Cut(call, "(")
		return strings.TrimSpace(name)
	}
	return pcs[0].Name
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// diffState compares the class's state with the anchor's state of it
// (Python ==, attribute by attribute); it returns "" when equal.
func diffState(class string, env *bfcl.Env, anchor json.RawMessage) string {
	all, err := pyval.FromJSON(anchor)
	if err != nil {
		return err.Error()
	}
	wantV, ok := all.(*pyval.Dict).Get(class)
	if !ok {
		return "anchor has no state for " + class
	}
	want := wantV.(*pyval.Dict)
	gotStates := env.States()
	gotV, _ := gotStates.Get(class)
	gotJSON, err := pyval.MarshalStateJSON(gotV)
	if err != nil {
		return err.Error()
	}
	got, err := pyval.FromJSON(gotJSON)
	if err != nil {
		return err.Error()
	}
	gd := got.(*pyval.Dict)
	var diffs []string
	want.Items(func(k, w pyval.Value) bool {
		g, ok := gd.Get(k)
		if !ok {
			diffs = append(diffs, fmt.Sprintf("attribute %v missing", k))
		} else if !pyval.Equal(g, w) {
			gs, _ := pyval.JSONDumps(g)
			ws, _ := pyval.JSONDumps(w)
			diffs = append(diffs, fmt.Sprintf("%v:\n   got %s\n  want %s", k, clip(gs), clip(ws)))
		}
		return len(diffs) < 3
	})
	if gd.Len() != want.Len() && len(diffs) == 0 {
		diffs = append(diffs, fmt.Sprintf("%d attributes, anchor has %d", gd.Len(), want.Len()))
	}
	return strings.Join(diffs, "; ")
}

func clip(s string) string {
	if len(s) > 600 {
		return s[:600] + "..."
	}
	return s
}

// BenchGroundTruth replays every ground-truth call class owns in the four
// categories, one Exec per call (parse the call, bind, run, render the
// result string), each entry on a fresh env, and reports ns/call: the
// figure the reference's calls/s per class compares with. ns/call counts
// the calls only; ns/op and the allocation figures include building the
// envs. (Stopping the benchmark's timer around each build would read
// memory statistics, which stops the world, once an entry.)
func BenchGroundTruth(b *testing.B, class string) {
	own := owners(b)
	type entry struct {
		cfg   *pyval.Dict
		long  bool
		calls []string
	}
	var entries []entry
	total := 0
	for _, cat := range Categories {
		for _, e := range Load(b, cat) {
			if !contains(e.InvolvedClasses, class) {
				continue
			}
			var calls []string
			for _, turn := range e.Replay.Turns {
				for _, call := range turn.Calls {
					if Owner(own, e.InvolvedClasses, callName(call)) == class {
						calls = append(calls, call)
					}
				}
			}
			if len(calls) > 0 {
				entries = append(entries, entry{e.InitialConfig, e.LongContext(), calls})
				total += len(calls)
			}
		}
	}
	b.ReportAllocs()
	var spent time.Duration
	for b.Loop() {
		for _, en := range entries {
			env, err := bfcl.New([]string{class}, en.cfg, en.long)
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			for _, call := range en.calls {
				env.Exec(call)
			}
			spent += time.Since(start)
		}
	}
	b.ReportMetric(float64(spent.Nanoseconds())/float64(b.N*total), "ns/call")
}
