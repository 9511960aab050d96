// Package docdb is a copy-on-write document database of Python values
// (pyval), the kind of state tau-bench's and tau2-bench's domains keep: a
// handful of named tables (users, orders, flights, ...), each an ordered set
// of records keyed by id (a JSON object) or a list of records (a JSON
// array), each record a nested dict.
//
// Fork is O(number of tables): a fork shares every table and record with
// its parent until one side writes. A write goes through Mut (or Put,
// Append, Delete), which copies the table's index the first time that side
// writes the table after a fork, and deep-copies only the record being
// written. Records read with Get must never be mutated; records returned by
// Mut may be mutated freely until the next Fork of either side. Equal
// compares two databases as Python's == would, skipping records the two
// still share, so comparing a database with a fork of the same origin costs
// only the records either side wrote.
//
// A DB is not safe for concurrent writes; envs guard it with their own
// lock. Forks are independent and may be used from different goroutines.
package docdb

import (
	"fmt"
	"iter"
	"sync"

	"github.com/toolgym/toolgym/pyval"
)

// DB is a set of named tables plus top-level values that are neither
// objects nor arrays (kept as scalars), in the order of the source
// document.
type DB struct {
	names  []string // top-level member order
	tables map[string]*Table
	// scalars holds top-level members that are not tables. Values are
	// immutable Python scalars (str, int, float, bool, None) and are
	// replaced, never mutated.
	scalars map[string]pyval.Value
	// origin is the frozen database this one descends from by forks (set
	// when decoded), against which Fingerprint hashes only differences.
	origin *origin
	// forkMu serialises forks of this database, so that many episodes may
	// fork one base concurrently.
	forkMu sync.Mutex
}

// Table is one table: records keyed by string in insertion order, or a
// list of records (List reports which).
type Table struct {
	list  bool
	keys  []string       // record keys in order (nil for lists)
	index map[string]int // key -> position in keys/vals (nil for lists)
	vals  []pyval.Value
	// owned marks the records this side may mutate in place (copied since
	// the last fork). nil means none is owned.
	owned []bool
	// shared reports that vals is shared with a fork and must be copied
	// before any change; keysShared, the same for keys and index (which
	// only inserts and deletes change).
	shared, keysShared bool
}

// New returns an empty database.
func New() *DB {
	return &DB{tables: map[string]*Table{}, scalars: map[string]pyval.Value{}}
}

// FromJSON decodes a JSON object into a database: each member whose value
// is an object becomes a keyed table (records in document order), each
// array a list table, and any other value a scalar. Numbers keep Python's
// int/float distinction (1 and 1.0 differ), and objects keep their key
// order, as json.load would.
func FromJSON(b []byte) (*DB, error) {
	v, err := pyval.FromJSON(b)
	if err != nil {
		return nil, fmt.Errorf("docdb: %w", err)
	}
	d, ok := v.(*pyval.Dict)
	if !ok {
		return nil, fmt.Errorf("docdb: top-level JSON value is a %s, want an object", pyval.TypeName(v))
	}
	return FromDict(d)
}

// FromDict builds a database from a Python dict of tables, as FromJSON
// does; the dict's values are taken over (not copied).
func FromDict(d *pyval.Dict) (*DB, error) {
	db := New()
	var err error
	d.Items(func(k, v pyval.Value) bool {
		name, ok := k.(string)
		if !ok {
			err = fmt.Errorf("docdb: top-level key %s is not a string", pyval.Repr(k))
			return false
		}
		switch x := v.(type) {
		case *pyval.Dict:
			t := &Table{index: make(map[string]int, x.Len())}
			x.Items(func(rk, rv pyval.Value) bool {
				key, ok := rk.(string)
				if !ok {
					err = fmt.Errorf("docdb: table %s: key %s is not a string", name, pyval.Repr(rk))
					return false
				}
				t.index[key] = len(t.keys)
				t.keys = append(t.keys, key)
				t.vals = append(t.vals, rv)
				return true
			})
			db.names = append(db.names, name)
			db.tables[name] = t
		case []pyval.Value:
			db.names = append(db.names, name)
			db.tables[name] = &Table{list: true, vals: x}
		default:
			db.names = append(db.names, name)
			db.scalars[name] = v
		}
		return err == nil
	})
	if err != nil {
		return nil, err
	}
	db.origin = &origin{db: db.Fork()}
	return db, nil
}

// Names returns the top-level member names (tables and scalars) in order.
func (db *DB) Names() []string { return append([]string(nil), db.names...) }

// Table returns the named table, or nil when there is none.
func (db *DB) Table(name string) *Table {
	return db.tables[name]
}

// Scalar returns a top-level value that is not a table.
func (db *DB) Scalar(name string) (pyval.Value, bool) {
	v, ok := db.scalars[name]
	return v, ok
}

// SetScalar sets a top-level scalar, appending the name when it is new.
func (db *DB) SetScalar(name string, v pyval.Value) {
	if _, ok := db.scalars[name]; !ok {
		if _, isTable := db.tables[name]; isTable {
			delete(db.tables, name)
		} else {
			db.names = append(db.names, name)
		}
	}
	db.scalars[name] = v
}

// AddTable adds an empty table (a list table when list is true) under a
// new name, or returns the existing table of that name.
func (db *DB) AddTable(name string, list bool) *Table {
	if t := db.Table(name); t != nil {
		return t
	}
	t := &Table{list: list}
	if !list {
		t.index = map[string]int{}
	}
	db.names = append(db.names, name)
	db.tables[name] = t
	return t
}

// Fork returns an independent database sharing all records with db until
// either side writes. It costs O(number of tables). Forks of one database
// may run concurrently (a base every episode forks); a fork must not run
// concurrently with writes to the database it forks.
func (db *DB) Fork() *DB {
	db.forkMu.Lock()
	defer db.forkMu.Unlock()
	c := &DB{
		names:   append([]string(nil), db.names...),
		tables:  make(map[string]*Table, len(db.tables)),
		scalars: make(map[string]pyval.Value, len(db.scalars)),
		origin:  db.origin,
	}
	for n, t := range db.tables {
		if !t.shared || !t.keysShared || t.owned != nil {
			t.shared, t.keysShared, t.owned = true, true, nil
		}
		ct := *t
		c.tables[n] = &ct
	}
	for n, v := range db.scalars {
		c.scalars[n] = v
	}
	return c
}

// Clone returns a deep copy of db that shares nothing with it (Fork is
// what callers usually want; Clone is for the benchmarks and for callers
// that hand the values to code outside this package).
func (db *DB) Clone() *DB {
	c := New()
	for _, n := range db.names {
		c.names = append(c.names, n)
		if v, ok := db.scalars[n]; ok {
			c.scalars[n] = v
			continue
		}
		t := db.tables[n]
		ct := &Table{list: t.list, vals: make([]pyval.Value, len(t.vals))}
		for i, v := range t.vals {
			ct.vals[i] = pyval.DeepCopy(v)
		}
		if !t.list {
			ct.keys = append([]string(nil), t.keys...)
			ct.index = make(map[string]int, len(t.index))
			for k, i := range t.index {
				ct.index[k] = i
			}
		}
		c.tables[n] = ct
	}
	return c
}

// Dict returns the whole database as one Python dict (tables as dicts or
// lists, in order). The result shares records with db: treat it as read
// only.
func (db *DB) Dict() *pyval.Dict {
	d := pyval.NewDict()
	for _, n := range db.names {
		if v, ok := db.scalars[n]; ok {
			d.Set(n, v)
			continue
		}
		d.Set(n, db.tables[n].Value())
	}
	return d
}

// Equal reports whether a and b hold equal data under Python's ==
// (dict order ignored, 1 == 1.0), skipping records they still share.
func Equal(a, b *DB) bool {
	if a == b {
		return true
	}
	if len(a.tables) != len(b.tables) || len(a.scalars) != len(b.scalars) {
		return false
	}
	for n, v := range a.scalars {
		w, ok := b.scalars[n]
		if !ok || !pyval.Equal(v, w) {
			return false
		}
	}
	for n, t := range a.tables {
		u, ok := b.tables[n]
		if !ok || !t.equal(u) {
			return false
		}
	}
	return true
}

// Table methods.

// List reports whether t is a list table (records addressed by position).
func (t *Table) List() bool { return t.list }

// Len returns the number of records.
func (t *Table) Len() int { return len(t.vals) }

// Has reports whether a record has that key.
func (t *Table) Has(key string) bool {
	_, ok := t.index[key]
	return ok
}

// Get returns the record under key for reading. The caller must not
// mutate it: use Mut to write.
func (t *Table) Get(key string) (pyval.Value, bool) {
	i, ok := t.index[key]
	if !ok {
		return nil, false
	}
	return t.vals[i], true
}

// At returns the record at position i for reading (list or keyed table).
func (t *Table) At(i int) pyval.Value { return t.vals[i] }

// KeyAt returns the key of the record at position i ("" for a list table).
func (t *Table) KeyAt(i int) string {
	if t.list {
		return ""
	}
	return t.keys[i]
}

// Keys returns the record keys in order (nil for a list table).
func (t *Table) Keys() []string { return append([]string(nil), t.keys...) }

// All iterates over the records in order, for reading, with their keys
// ("" in list tables).
func (t *Table) All() iter.Seq2[string, pyval.Value] {
	return func(yield func(string, pyval.Value) bool) {
		for i, v := range t.vals {
			k := ""
			if !t.list {
				k = t.keys[i]
			}
			if !yield(k, v) {
				return
			}
		}
	}
}

// own makes t's record slice private, ready for writing records.
func (t *Table) own() {
	if t.shared {
		t.vals = append([]pyval.Value(nil), t.vals...)
		t.shared = false
	}
	if t.owned == nil {
		t.owned = make([]bool, len(t.vals), cap(t.vals))
	}
}

// ownKeys makes t's keys and index private too, ready for inserts and
// deletes.
func (t *Table) ownKeys() {
	t.own()
	if t.keysShared {
		if !t.list {
			t.keys = append([]string(nil), t.keys...)
			idx := make(map[string]int, len(t.index)+1)
			for k, i := range t.index {
				idx[k] = i
			}
			t.index = idx
		}
		t.keysShared = false
	}
}

// mutAt returns a private copy of record i, made at most once per fork.
func (t *Table) mutAt(i int) pyval.Value {
	t.own()
	if !t.owned[i] {
		t.vals[i] = pyval.DeepCopy(t.vals[i])
		t.owned[i] = true
	}
	return t.vals[i]
}

// Mut returns the record under key for writing: a copy private to this
// database, which the caller may change in place (until the next Fork).
func (t *Table) Mut(key string) (pyval.Value, bool) {
	i, ok := t.index[key]
	if !ok {
		return nil, false
	}
	return t.mutAt(i), true
}

// MutAt returns the record at position i for writing.
func (t *Table) MutAt(i int) pyval.Value { return t.mutAt(i) }

// Put sets the record under key, appending the key when it is new (as a
// Python dict assignment does). v becomes owned by the table.
func (t *Table) Put(key string, v pyval.Value) {
	if t.list {
		panic("docdb: Put on a list table")
	}
	if i, ok := t.index[key]; ok {
		t.own()
		t.vals[i] = v
		t.owned[i] = true
		return
	}
	t.ownKeys()
	t.index[key] = len(t.keys)
	t.keys = append(t.keys, key)
	t.vals = append(t.vals, v)
	t.owned = append(t.owned, true)
}

// SetAt replaces the record at position i.
func (t *Table) SetAt(i int, v pyval.Value) {
	t.own()
	t.vals[i] = v
	t.owned[i] = true
}

// Append adds a record at the end of a list table.
func (t *Table) Append(v pyval.Value) {
	if !t.list {
		panic("docdb: Append on a keyed table")
	}
	t.ownKeys()
	t.vals = append(t.vals, v)
	t.owned = append(t.owned, true)
}

// Delete removes the record under key (keeping the others' order) and
// reports whether it was there.
func (t *Table) Delete(key string) bool {
	i, ok := t.index[key]
	if !ok {
		return false
	}
	t.ownKeys()
	t.keys = append(t.keys[:i], t.keys[i+1:]...)
	t.vals = append(t.vals[:i], t.vals[i+1:]...)
	t.owned = append(t.owned[:i], t.owned[i+1:]...)
	delete(t.index, key)
	for j := i; j < len(t.keys); j++ {
		t.index[t.keys[j]] = j
	}
	return true
}

// DeleteAt removes the record at position i.
func (t *Table) DeleteAt(i int) {
	if !t.list {
		t.Delete(t.keys[i])
		return
	}
	t.ownKeys()
	t.vals = append(t.vals[:i], t.vals[i+1:]...)
	t.owned = append(t.owned[:i], t.owned[i+1:]...)
}

// Value returns the table as a Python dict (keyed) or list, sharing its
// records: treat it as read only.
func (t *Table) Value() pyval.Value {
	if t.list {
		return append([]pyval.Value(nil), t.vals...)
	}
	d := pyval.NewDict()
	for i, k := range t.keys {
		d.Set(k, t.vals[i])
	}
	return d
}

// equal compares two tables as Python dicts (order-insensitive) or lists.
func (t *Table) equal(u *Table) bool {
	if t.list != u.list || len(t.vals) != len(u.vals) {
		return false
	}
	if t.list {
		for i, v := range t.vals {
			if !same(v, u.vals[i]) && !pyval.Equal(v, u.vals[i]) {
				return false
			}
		}
		return true
	}
	sameOrder := true
	for i, k := range t.keys {
		if u.keys[i] != k {
			sameOrder = false
			break
		}
	}
	for i, k := range t.keys {
		var w pyval.Value
		if sameOrder {
			w = u.vals[i]
		} else {
			j, ok := u.index[k]
			if !ok {
				return false
			}
			w = u.vals[j]
		}
		if !same(t.vals[i], w) && !pyval.Equal(t.vals[i], w) {
			return false
		}
	}
	return true
}

// same reports whether two records are the same shared object.
func same(a, b pyval.Value) bool {
	switch x := a.(type) {
	case *pyval.Dict:
		y, ok := b.(*pyval.Dict)
		return ok && x == y
	case *pyval.Set:
		y, ok := b.(*pyval.Set)
		return ok && x == y
	case []pyval.Value:
		y, ok := b.([]pyval.Value)
		return ok && len(x) > 0 && len(y) == len(x) && &x[0] == &y[0]
	}
	return false
}
