package docdb

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

func mustDB(t testing.TB, doc string) *DB {
	t.Helper()
	db, err := FromJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// The expected strings were printed by CPython 3 running tau-bench's
// to_hashable and json.dumps(sort_keys=True, default=str) on the same
// documents.
func TestHashStrings(t *testing.T) {
	cases := []struct{ doc, hashable, sorted string }{
		{`{"b": [1, 2.0, "x"], "a": {"z": null, "y": true}}`, `(('a', (('y', True), ('z', None))), ('b', (1, 2.0, 'x')))`, `{"a": {"y": true, "z": null}, "b": [1, 2.0, "x"]}`},
		{`{"one": [5]}`, `(('one', (5,)),)`, `{"one": [5]}`},
		{`{}`, `()`, `{}`},
		{`{"k": {"é": "ü\n", "n": 1e20}}`, `(('k', (('n', 1e+20), ('é', 'ü\n'))),)`, `{"k": {"n": 1e+20, "\u00e9": "\u00fc\n"}}`},
	}
	for _, c := range cases {
		v, err := pyval.FromJSON([]byte(c.doc))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(HashableRepr(nil, v)); got != c.hashable {
			t.Errorf("HashableRepr(%s) = %s, want %s", c.doc, got, c.hashable)
		}
		got, err := SortedJSON(nil, v)
		if err != nil || string(got) != c.sorted {
			t.Errorf("SortedJSON(%s) = %s, %v; want %s", c.doc, got, err, c.sorted)
		}
	}
}

func TestForkIsolation(t *testing.T) {
	base := mustDB(t, `{"users": {"u1": {"name": "Ann", "orders": ["o1"]}, "u2": {"name": "Bo", "orders": []}}, "log": [{"n": 1}], "version": 3}`)
	a := base.Fork()
	b := base.Fork()

	u, _ := a.Table("users").Mut("u1")
	u.(*pyval.Dict).Set("name", "Zed")
	a.Table("users").Put("u3", pyval.DictOf("name", "Cy", "orders", []pyval.Value{}))
	a.Table("log").Append(pyval.DictOf("n", int64(2)))
	a.SetScalar("version", int64(4))

	for name, db := range map[string]*DB{"base": base, "sibling": b} {
		got, _ := db.Table("users").Get("u1")
		if n, _ := got.(*pyval.Dict).Get("name"); n != "Ann" {
			t.Errorf("%s sees the fork's write: name=%v", name, n)
		}
		if db.Table("users").Len() != 2 || db.Table("log").Len() != 1 {
			t.Errorf("%s sees the fork's inserts", name)
		}
		if v, _ := db.Scalar("version"); v != int64(3) {
			t.Errorf("%s scalar = %v", name, v)
		}
	}
	if !Equal(base, b) {
		t.Error("untouched fork differs from its base")
	}
	if Equal(base, a) {
		t.Error("written fork equals its base")
	}
	// The parent writing after the fork must not show in the fork either.
	p, _ := base.Table("users").Mut("u2")
	p.(*pyval.Dict).Set("name", "Parent")
	if got, _ := b.Table("users").Get("u2"); pyval.Repr(got) != `{'name': 'Bo', 'orders': []}` {
		t.Errorf("fork sees the parent's later write: %s", pyval.Repr(got))
	}
	// A fork of a fork, written, leaves its parent alone.
	c := a.Fork()
	c.Table("users").Delete("u1")
	if !a.Table("users").Has("u1") || c.Table("users").Has("u1") {
		t.Error("delete leaked across forks")
	}
}

func TestEqualSemantics(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{`{"t": {"x": {"a": 1, "b": 2}}}`, `{"t": {"x": {"b": 2, "a": 1}}}`, true},
		{`{"t": {"x": {"a": 1}}}`, `{"t": {"x": {"a": 1.0}}}`, true}, // Python: 1 == 1.0
		{`{"t": {"x": 1, "y": 2}}`, `{"t": {"y": 2, "x": 1}}`, true},
		{`{"t": {"x": 1}}`, `{"t": {"x": 1, "y": 2}}`, false},
		{`{"t": [1, 2]}`, `{"t": [2, 1]}`, false},
		{`{"t": {"x": "a"}}`, `{"t": {"y": "a"}}`, false},
		{`{"s": 1}`, `{"s": 2}`, false},
	}
	for _, c := range cases {
		if got := Equal(mustDB(t, c.a), mustDB(t, c.b)); got != c.want {
			t.Errorf("Equal(%s, %s) = %v", c.a, c.b, got)
		}
	}
}

// anchorsDir returns ../shared/anchors/tau beside the module root.
func anchorsDir(t testing.TB) string {
	dir := filepath.Join("..", "..", "..", "shared", "anchors", "tau")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("tau anchors not found at %s (../shared/anchors/tau beside the module root)", dir)
	}
	return dir
}

func loadRetail(t testing.TB) *DB {
	dir := filepath.Join(anchorsDir(t), "tau-bench", "retail")
	doc := pyval.NewDict()
	for _, name := range []string{"orders", "products", "users"} {
		b, err := os.ReadFile(filepath.Join(dir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		v, err := pyval.FromJSON(b)
		if err != nil {
			t.Fatal(err)
		}
		doc.Set(name, v)
	}
	db, err := FromDict(doc)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// TestHashRetailData checks the whole tau-bench retail database against
// the digest CPython computes with tau-bench's get_data_hash (printed by
// running its to_hashable and sha256 over the same three files).
func TestHashRetailData(t *testing.T) {
	db := loadRetail(t)
	if got, want := db.HashTauBench(), "5a4b2cb59f4d12dea7e4adff24a7f8fada510ead49372ea4a729a82bbb5f49b5"; got != want {
		t.Errorf("HashTauBench = %s, want %s", got, want)
	}
	f := db.Fork()
	if f.HashTauBench() != db.HashTauBench() || !Equal(f, db) || !Equal(f, db.Clone()) {
		t.Error("fork or clone hashes or compares differently")
	}
}

func BenchmarkFork(b *testing.B) {
	db := loadRetail(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = db.Fork()
	}
}

// BenchmarkForkWrite forks and writes one record, the cost an episode's
// first write pays.
func BenchmarkForkWrite(b *testing.B) {
	db := loadRetail(b)
	b.ReportAllocs()
	for b.Loop() {
		f := db.Fork()
		u, _ := f.Table("orders").Mut("#W2611340")
		u.(*pyval.Dict).Set("status", "cancelled")
	}
}

func BenchmarkClone(b *testing.B) {
	db := loadRetail(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = db.Clone()
	}
}

func BenchmarkEqualForks(b *testing.B) {
	db := loadRetail(b)
	f := db.Fork()
	u, _ := f.Table("orders").Mut("#W2611340")
	u.(*pyval.Dict).Set("status", "cancelled")
	b.ReportAllocs()
	for b.Loop() {
		_ = Equal(db, f)
	}
}

func BenchmarkHashTauBench(b *testing.B) {
	db := loadRetail(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = db.HashTauBench()
	}
}

func TestFingerprint(t *testing.T) {
	base := mustDB(t, `{"users": {"u1": {"n": 1}, "u2": {"n": 2}}, "log": [1, 2], "v": 1}`)
	fp := func(db *DB) string {
		t.Helper()
		s, err := db.Fingerprint()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	b0 := fp(base)
	a := base.Fork()
	if fp(a) != b0 {
		t.Error("untouched fork has a different fingerprint")
	}
	// Writing a record and writing it back gives the same fingerprint.
	u, _ := a.Table("users").Mut("u1")
	u.(*pyval.Dict).Set("n", int64(5))
	changed := fp(a)
	if changed == b0 {
		t.Error("a write did not change the fingerprint")
	}
	u.(*pyval.Dict).Set("n", int64(1))
	if fp(a) != b0 {
		t.Error("writing back the original value left a different fingerprint")
	}
	// Two histories reaching the same state agree.
	x, y := base.Fork(), base.Fork()
	x.Table("users").Put("u3", pyval.DictOf("n", int64(3)))
	x.Table("users").Delete("u1")
	y.Table("users").Delete("u1")
	y.Table("users").Put("u3", pyval.DictOf("n", int64(3)))
	if fp(x) != fp(y) {
		t.Error("same state, different fingerprints")
	}
	if fp(x) == b0 {
		t.Error("insert and delete left the fingerprint unchanged")
	}
	z := base.Fork()
	z.Table("log").Append(int64(3))
	w := base.Fork()
	w.Table("log").DeleteAt(1)
	s := base.Fork()
	s.SetScalar("v", int64(2))
	seen := map[string]bool{b0: true}
	for name, db := range map[string]*DB{"append": z, "delete": w, "scalar": s} {
		if f := fp(db); seen[f] {
			t.Errorf("%s: fingerprint collides", name)
		} else {
			seen[f] = true
		}
	}
}

func BenchmarkFingerprintAfterWrite(b *testing.B) {
	db := loadRetail(b)
	f := db.Fork()
	u, _ := f.Table("orders").Mut("#W2611340")
	u.(*pyval.Dict).Set("status", "cancelled")
	if _, err := f.Fingerprint(); err != nil { // the origin's hash, once
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_, _ = f.Fingerprint()
	}
}

// TestConcurrentForks forks one base from many goroutines, as a run's
// episodes do, and writes each fork (run with -race).
func TestConcurrentForks(t *testing.T) {
	base := New()
	users := base.AddTable("users", false)
	users.Put("u1", pyval.DictOf("n", int64(1)))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := base.Fork()
			u, _ := f.Table("users").Mut("u1")
			u.(*pyval.Dict).Set("n", int64(i))
		}()
	}
	wg.Wait()
	if u, _ := base.Table("users").Get("u1"); pyval.Repr(u) != "{'n': 1}" {
		t.Errorf("base changed: %s", pyval.Repr(u))
	}
}
