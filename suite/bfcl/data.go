package bfcl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/toolgym/toolgym/pyval"
	"github.com/toolgym/toolgym/tool"
)

// Categories are the suite's categories, in the reference's order, by
// their short names; the reference's test categories are
// "multi_turn_<name>".
var Categories = []string{"base", "miss_func", "miss_param", "long_context"}

// VersionPrefix starts the reference's data and score file names.
const VersionPrefix = "BFCL_v4"

// ErrNoData reports that the BFCL data folder is missing or incomplete.
var ErrNoData = errors.New("BFCL data not found")

// dataSource says where to get the data, for error messages.
const dataSource = "get it from github.com/ShishirPatil/gorilla berkeley-function-call-leaderboard/bfcl_eval/data (see `go doc github.com/toolgym/toolgym/suite/bfcl`)"

// classDocFiles maps each class to its function-doc file in
// multi_turn_func_doc/, as the reference's MULTI_TURN_FUNC_DOC_FILE_MAPPING.
var classDocFiles = map[string]string{
	"GorillaFileSystem": "gorilla_file_system.json",
	"MathAPI":           "math_api.json",
	"MessageAPI":        "message_api.json",
	"TwitterAPI":        "posting_api.json",
	"TicketAPI":         "ticket_api.json",
	"TradingBot":        "trading_bot.json",
	"TravelAPI":         "travel_booking.json",
	"VehicleControlAPI": "vehicle_control.json",
}

// ClassNames are the eight API classes of the multi-turn categories.
func ClassNames() []string {
	out := make([]string, 0, len(classDocFiles))
	for c := range classDocFiles {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Message is one message of a question turn.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Function is one function an entry offers: its doc and the tool spec a
// function-calling model is given. Functions are shared between entries
// and must not be changed.
type Function struct {
	// Name is the function's name; Class the API class that has it.
	Name, Class string
	// Doc is the function doc as the entry holds it (the reference's
	// test_entry["function"] item): the multi_turn_func_doc line, with the
	// Python-3 hint appended to the description for functions offered
	// from the start, not for held-out ones (the reference adds the hint
	// after it took the held-out docs out).
	Doc *pyval.Dict
	// Spec is Doc converted by [ToolSpec].
	Spec tool.Spec
}

// Entry is one test entry with its ground truth.
type Entry struct {
	// ID is the reference's id ("multi_turn_base_0"); Category its short
	// category ("base").
	ID, Category string
	// Question holds each turn's messages; a held-out turn has none.
	Question [][]Message
	// InvolvedClasses are the API classes, in the entry's order.
	InvolvedClasses []string
	// InitialConfig is the classes' initial configuration by class name.
	InitialConfig *pyval.Dict
	// MissedFunctions maps a turn to the functions held out until it
	// (miss_func only).
	MissedFunctions map[int][]string
	// ExcludedFunctions and Path are carried from the question file; the
	// reference's harness does not use them.
	ExcludedFunctions []string
	Path              []string
	// GroundTruth holds each turn's gold calls as Python call strings; a
	// turn whose gold is empty is one the model cannot fulfil.
	GroundTruth [][]string
	// Functions are those offered from the first turn, in the reference's
	// order (involved classes in order, each file's docs in order, held-out
	// ones removed); Held are the held-out ones by the turn they appear at.
	Functions []*Function
	Held      map[int][]*Function

	raw    *pyval.Dict  // the question-file line, for score files
	prompt *promptCache // its JSON, made on first use
	gold   *goldCache   // GroundTruth as native calls, made on first use
}

type promptCache struct {
	once sync.Once
	b    []byte
}

// TestCategory returns the reference's test category ("multi_turn_base").
func (e *Entry) TestCategory() string { return "multi_turn_" + e.Category }

// LongContext reports whether the entry runs the classes' long-context
// variants.
func (e *Entry) LongContext() bool { return e.Category == "long_context" }

// ToolsAt returns the tool specs offered at a turn: those offered from the
// start, then the held-out ones of every turn up to this one, in turn
// order, as the reference extends test_entry["function"].
func (e *Entry) ToolsAt(turn int) []tool.Spec {
	specs := make([]tool.Spec, 0, len(e.Functions)+4)
	for _, f := range e.Functions {
		specs = append(specs, f.Spec)
	}
	for _, t := range e.heldTurns() {
		if t > turn {
			break
		}
		for _, f := range e.Held[t] {
			specs = append(specs, f.Spec)
		}
	}
	return specs
}

// heldTurns lists the turns that bring held-out functions, in order.
func (e *Entry) heldTurns() []int {
	out := make([]int, 0, len(e.Held))
	for t := range e.Held {
		out = append(out, t)
	}
	sort.Ints(out)
	return out
}

// Calls returns the number of gold calls.
func (e *Entry) Calls() int {
	n := 0
	for _, t := range e.GroundTruth {
		n += len(t)
	}
	return n
}

// NormalizeCategories turns category names ("base" or "multi_turn_base";
// "all" or none for every category) into short names in the suite's
// order; an unknown name is an error listing the known ones.
func NormalizeCategories(names []string) ([]string, error) {
	if len(names) == 0 {
		return slices.Clone(Categories), nil
	}
	want := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		switch {
		case n == "all" || n == "multi_turn":
			for _, c := range Categories {
				want[c] = true
			}
		case slices.Contains(Categories, strings.TrimPrefix(n, "multi_turn_")):
			want[strings.TrimPrefix(n, "multi_turn_")] = true
		default:
			return nil, fmt.Errorf("bfcl: unknown category %q; categories: %s (or multi_turn_<name>, or all)", n, strings.Join(Categories, ", "))
		}
	}
	var out []string
	for _, c := range Categories {
		if want[c] {
			out = append(out, c)
		}
	}
	return out, nil
}

// ResolveDataDir finds the BFCL data folder at dir: dir itself, or its
// bfcl_eval/data or berkeley-function-call-leaderboard/bfcl_eval/data
// (so a clone's root works). It fails with [ErrNoData] saying what is
// expected.
func ResolveDataDir(dir string) (string, error) {
	first := VersionPrefix + "_multi_turn_base.json"
	if dir == "" {
		return "", fmt.Errorf("%w: no data folder given (--data DIR): DIR must hold %s; %s", ErrNoData, first, dataSource)
	}
	for _, d := range []string{dir, filepath.Join(dir, "bfcl_eval", "data"), filepath.Join(dir, "berkeley-function-call-leaderboard", "bfcl_eval", "data")} {
		if _, err := os.Stat(filepath.Join(d, first)); err == nil {
			return d, nil
		}
	}
	if _, err := os.Stat(dir); err != nil {
		return "", fmt.Errorf("%w in %s: %v; %s", ErrNoData, dir, err, dataSource)
	}
	return "", fmt.Errorf("%w in %s: expected %s; %s", ErrNoData, dir, first, dataSource)
}

// Load reads the entries of the given categories (all when none) from a
// BFCL data folder: the questions, the ground truth of
// possible_answer/, and the function docs of multi_turn_func_doc/. The
// lines are decoded over GOMAXPROCS workers.
func Load(dir string, categories []string) ([]Entry, error) {
	dir, err := ResolveDataDir(dir)
	if err != nil {
		return nil, err
	}
	cats, err := NormalizeCategories(categories)
	if err != nil {
		return nil, err
	}
	type catFile struct {
		cat, qpath, apath  string
		questions, answers [][]byte
		first              int // index of its first entry in out
		gold               []answerLine
	}
	files := make([]catFile, len(cats))
	n := 0
	for i, cat := range cats {
		f := &files[i]
		name := VersionPrefix + "_multi_turn_" + cat + ".json"
		f.cat, f.qpath, f.apath = cat, filepath.Join(dir, name), filepath.Join(dir, "possible_answer", name)
		if f.questions, err = readLines(f.qpath); err != nil {
			return nil, fmt.Errorf("%w in %s: %v; %s", ErrNoData, dir, err, dataSource)
		}
		if f.answers, err = readLines(f.apath); err != nil {
			return nil, fmt.Errorf("%w in %s: the ground truth of %s: %v; %s", ErrNoData, dir, cat, err, dataSource)
		}
		f.first = n
		f.gold = make([]answerLine, len(f.answers))
		n += len(f.questions)
	}
	// Decode every line at once: question lines into entries (all but
	// their functions), answer lines into ground truth.
	out := make([]Entry, n)
	type job struct {
		file, line int
		answer     bool
	}
	jobs := make([]job, 0, 2*n)
	for fi := range files {
		for li := range files[fi].questions {
			jobs = append(jobs, job{fi, li, false})
		}
		for li := range files[fi].answers {
			jobs = append(jobs, job{fi, li, true})
		}
	}
	errs := make([]error, len(jobs))
	parallel(len(jobs), func(k int) {
		jb := jobs[k]
		f := &files[jb.file]
		if jb.answer {
			a := &f.gold[jb.line]
			if err := json.Unmarshal(f.answers[jb.line], a); err != nil {
				errs[k] = fmt.Errorf("bfcl: %s line %d: %w", f.apath, jb.line+1, err)
			}
			return
		}
		if err := parseEntry(&out[f.first+jb.line], f.questions[jb.line], f.cat); err != nil {
			errs[k] = fmt.Errorf("bfcl: %s line %d: %w", f.qpath, jb.line+1, err)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	docs := &docCache{dir: dir, byClass: map[string][]*pyval.Dict{}, fns: map[fnKey]*Function{}, sets: map[string][]*Function{}}
	docs.prepare(out)
	for fi := range files {
		f := &files[fi]
		gold := make(map[string][][]string, len(f.gold))
		for _, a := range f.gold {
			gold[a.ID] = a.GroundTruth
		}
		for i := range f.questions {
			e := &out[f.first+i]
			if err := e.functions(docs); err != nil {
				return nil, fmt.Errorf("bfcl: %s line %d: %w", f.qpath, i+1, err)
			}
			gt, ok := gold[e.ID]
			if !ok {
				return nil, fmt.Errorf("bfcl: %s has no ground truth for %s", f.apath, e.ID)
			}
			if len(gt) != len(e.Question) {
				return nil, fmt.Errorf("bfcl: %s: %d question turns but %d ground-truth turns", e.ID, len(e.Question), len(gt))
			}
			e.GroundTruth = gt
		}
	}
	return out, nil
}

// answerLine is one line of a possible_answer file.
type answerLine struct {
	ID          string     `json:"id"`
	GroundTruth [][]string `json:"ground_truth"`
}

// parallel calls fn(0) ... fn(n-1) over GOMAXPROCS goroutines and
// returns when all have returned.
func parallel(n int, fn func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// parseEntry reads one question-file line, all but the entry's functions
// (see functions).
func parseEntry(e *Entry, line []byte, cat string) error {
	v, err := pyval.FromJSON(line)
	if err != nil {
		return err
	}
	d, ok := v.(*pyval.Dict)
	if !ok {
		return errors.New("not a JSON object")
	}
	e.raw, e.Category, e.prompt, e.gold = d, cat, &promptCache{}, &goldCache{}
	if e.ID, err = getString(d, "id"); err != nil {
		return err
	}
	if e.InvolvedClasses, err = getStrings(d, "involved_classes"); err != nil {
		return fmt.Errorf("%s: %w", e.ID, err)
	}
	if e.ExcludedFunctions, err = getStrings(d, "excluded_function"); err != nil {
		return fmt.Errorf("%s: %w", e.ID, err)
	}
	if e.Path, err = getStrings(d, "path"); err != nil {
		return fmt.Errorf("%s: %w", e.ID, err)
	}
	e.InitialConfig = pyval.NewDict()
	if c, ok := d.Get("initial_config"); ok && c != nil {
		if e.InitialConfig, ok = c.(*pyval.Dict); !ok {
			return fmt.Errorf("%s: initial_config is not an object", e.ID)
		}
	}
	q, ok := d.Get("question")
	turns, isList := q.([]pyval.Value)
	if !ok || !isList {
		return fmt.Errorf("%s: question is not a list of turns", e.ID)
	}
	e.Question = make([][]Message, len(turns))
	for t, tv := range turns {
		msgs, ok := tv.([]pyval.Value)
		if !ok {
			return fmt.Errorf("%s: question turn %d is not a list of messages", e.ID, t)
		}
		for _, mv := range msgs {
			md, ok := mv.(*pyval.Dict)
			if !ok {
				return fmt.Errorf("%s: question turn %d holds a message that is not an object", e.ID, t)
			}
			role, err1 := getString(md, "role")
			content, err2 := getString(md, "content")
			if err := errors.Join(err1, err2); err != nil {
				return fmt.Errorf("%s: question turn %d: %w", e.ID, t, err)
			}
			e.Question[t] = append(e.Question[t], Message{Role: role, Content: content})
		}
		if len(e.Question[t]) > 1 || (len(e.Question[t]) == 1 && e.Question[t][0].Role != "user") {
			return fmt.Errorf("%s: question turn %d is not one user message; the suite supports only those", e.ID, t)
		}
	}
	if mf, ok := d.Get("missed_function"); ok && mf != nil {
		md, ok := mf.(*pyval.Dict)
		if !ok {
			return fmt.Errorf("%s: missed_function is not an object", e.ID)
		}
		e.MissedFunctions = map[int][]string{}
		for _, k := range md.Keys() {
			ks, _ := k.(string)
			t, err := strconv.Atoi(ks)
			if err != nil || t < 0 || t >= len(e.Question) {
				return fmt.Errorf("%s: missed_function has a key %v that is not a turn index", e.ID, k)
			}
			names, err := getStrings(md, ks)
			if err != nil {
				return fmt.Errorf("%s: missed_function: %w", e.ID, err)
			}
			if len(e.Question[t]) != 0 {
				return fmt.Errorf("%s: turn %d holds out functions but has a user message (the reference asserts it has none)", e.ID, t)
			}
			e.MissedFunctions[t] = names
		}
	}
	for t, msgs := range e.Question {
		if len(msgs) == 0 && len(e.MissedFunctions[t]) == 0 {
			return fmt.Errorf("%s: turn %d has no user message and holds out no function", e.ID, t)
		}
	}
	return nil
}

// functions sets Functions and Held from the class docs, as the reference's
// populate_test_cases_with_predefined_functions: every involved class's
// docs in order, then each missed function taken out (its first match)
// and held for its turn.
func (e *Entry) functions(docs *docCache) error {
	// Entries with the same classes and nothing held out offer the same
	// functions: they share one list (read only; full, so an append
	// copies).
	var key string
	if len(e.MissedFunctions) == 0 {
		key = strings.Join(e.InvolvedClasses, "\x00")
		if fs, ok := docs.sets[key]; ok {
			e.Functions, e.Held = fs, map[int][]*Function{}
			return nil
		}
		defer func() {
			if e.Functions != nil {
				docs.sets[key] = e.Functions[:len(e.Functions):len(e.Functions)]
			}
		}()
	}
	type item struct {
		class string
		doc   *pyval.Dict
	}
	var all []item
	for _, c := range e.InvolvedClasses {
		ds, err := docs.class(c)
		if err != nil {
			return fmt.Errorf("%s: %w", e.ID, err)
		}
		for _, d := range ds {
			all = append(all, item{c, d})
		}
	}
	turns := make([]int, 0, len(e.MissedFunctions))
	for t := range e.MissedFunctions {
		turns = append(turns, t)
	}
	sort.Ints(turns)
	e.Held = map[int][]*Function{}
	for _, t := range turns {
		for _, name := range e.MissedFunctions[t] {
			for i, it := range all {
				if docName(it.doc) == name {
					f, err := docs.function(it.class, it.doc, false)
					if err != nil {
						return fmt.Errorf("%s: %w", e.ID, err)
					}
					e.Held[t] = append(e.Held[t], f)
					all = append(all[:i], all[i+1:]...)
					break
				}
			}
		}
	}
	e.Functions = make([]*Function, 0, len(all))
	for _, it := range all {
		f, err := docs.function(it.class, it.doc, true)
		if err != nil {
			return fmt.Errorf("%s: %w", e.ID, err)
		}
		e.Functions = append(e.Functions, f)
	}
	return nil
}

// PythonHint is what the reference appends to the description of every
// function of a Python category offered from the start.
const PythonHint = " Note that the provided function is in Python 3 syntax."

type fnKey struct {
	class, name string
	hint        bool
}

// docCache reads each class's docs once and builds each Function once.
type docCache struct {
	dir     string
	byClass map[string][]*pyval.Dict
	fns     map[fnKey]*Function
	sets    map[string][]*Function // by involved classes, for entries that hold none out
}

// prepare reads, in parallel, the docs of every class the entries
// involve and builds each of their Functions (with and without the
// Python hint), so that the entries then find them all in the cache.
// It only warms the cache: what fails here is left out, and fails again,
// with the entry that needs it named, when the entry asks for it.
func (c *docCache) prepare(entries []Entry) {
	var classes []string
	seen := map[string]bool{}
	for i := range entries {
		for _, cl := range entries[i].InvolvedClasses {
			if !seen[cl] {
				seen[cl] = true
				classes = append(classes, cl)
			}
		}
	}
	docs := make([][]*pyval.Dict, len(classes))
	parallel(len(classes), func(i int) { docs[i], _ = c.read(classes[i]) })
	type job struct {
		class string
		doc   *pyval.Dict
		hint  bool
	}
	var jobs []job
	for i, cl := range classes {
		if docs[i] == nil {
			continue
		}
		c.byClass[cl] = docs[i]
		for _, d := range docs[i] {
			jobs = append(jobs, job{cl, d, false}, job{cl, d, true})
		}
	}
	fns := make([]*Function, len(jobs))
	parallel(len(jobs), func(k int) { fns[k], _ = buildFunction(jobs[k].class, jobs[k].doc, jobs[k].hint) })
	for k, f := range fns {
		if f != nil {
			c.fns[fnKey{jobs[k].class, f.Name, jobs[k].hint}] = f
		}
	}
}

func (c *docCache) class(name string) ([]*pyval.Dict, error) {
	if ds, ok := c.byClass[name]; ok {
		return ds, nil
	}
	ds, err := c.read(name)
	if err != nil {
		return nil, err
	}
	c.byClass[name] = ds
	return ds, nil
}

// read reads and decodes a class's function docs.
func (c *docCache) read(name string) ([]*pyval.Dict, error) {
	file, ok := classDocFiles[name]
	if !ok {
		return nil, fmt.Errorf("no function docs for class %q (classes: %s)", name, strings.Join(ClassNames(), ", "))
	}
	path := filepath.Join(c.dir, "multi_turn_func_doc", file)
	lines, err := readLines(path)
	if err != nil {
		return nil, fmt.Errorf("%w in %s: function docs of %s: %v; %s", ErrNoData, c.dir, name, err, dataSource)
	}
	ds := make([]*pyval.Dict, len(lines))
	for i, l := range lines {
		v, err := pyval.FromJSON(l)
		d, ok := v.(*pyval.Dict)
		if err != nil || !ok || docName(d) == "" {
			return nil, fmt.Errorf("bfcl: %s line %d: not a function doc (%v)", path, i+1, err)
		}
		ds[i] = d
	}
	return ds, nil
}

func (c *docCache) function(class string, doc *pyval.Dict, hint bool) (*Function, error) {
	k := fnKey{class, docName(doc), hint}
	if f, ok := c.fns[k]; ok {
		return f, nil
	}
	f, err := buildFunction(class, doc, hint)
	if err != nil {
		return nil, err
	}
	c.fns[k] = f
	return f, nil
}

// buildFunction makes the Function of a class's doc, with the Python hint
// appended to its description when hint is set.
func buildFunction(class string, doc *pyval.Dict, hint bool) (*Function, error) {
	name := docName(doc)
	d := doc.Clone()
	if hint {
		desc, _ := d.Get("description")
		s, ok := desc.(string)
		if !ok {
			return nil, fmt.Errorf("function doc %s has no string description", name)
		}
		d.Set("description", s+PythonHint)
	}
	spec, err := ToolSpec(d)
	if err != nil {
		return nil, err
	}
	return &Function{Name: name, Class: class, Doc: d, Spec: spec}, nil
}

func docName(d *pyval.Dict) string {
	v, _ := d.Get("name")
	s, _ := v.(string)
	return s
}

func getString(d *pyval.Dict, key string) (string, error) {
	v, ok := d.Get(key)
	s, isStr := v.(string)
	if !ok || !isStr {
		return "", fmt.Errorf("%s is missing or not a string", key)
	}
	return s, nil
}

// getStrings reads an optional list of strings.
func getStrings(d *pyval.Dict, key string) ([]string, error) {
	v, ok := d.Get(key)
	if !ok || v == nil {
		return nil, nil
	}
	l, ok := v.([]pyval.Value)
	if !ok {
		return nil, fmt.Errorf("%s is not a list", key)
	}
	out := make([]string, len(l))
	for i, x := range l {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("%s holds a value that is not a string", key)
		}
		out[i] = s
	}
	return out, nil
}

// readLines reads a JSON Lines file (the reference's .json files are JSON
// Lines), skipping blank lines; the lines share the file's buffer.
func readLines(path string) ([][]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := make([][]byte, 0, bytes.Count(b, []byte{'\n'})+1)
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if l := bytes.TrimSpace(line); len(l) > 0 {
			out = append(out, l)
		}
	}
	return out, nil
}
