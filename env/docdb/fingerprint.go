package docdb

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/toolgym/toolgym/pyval"
)

// origin is a frozen copy of a decoded database and its content hash,
// computed once, on first use.
type origin struct {
	db   *DB
	once sync.Once
	hash string
	err  error
}

func (o *origin) contentHash() (string, error) {
	o.once.Do(func() { o.hash, o.err = HashSortedJSON(o.db.Dict()) })
	return o.hash, o.err
}

// Fingerprint returns a hash of the database's content that costs about as
// much as the records written since it was decoded, not the whole
// database: the content hash of the decoded origin (computed once per
// decoded database), then each table's records that differ from the
// origin's. Equal databases descending from the same decoded document give
// equal fingerprints whatever their history; different ones give different
// fingerprints. A database built with New has no origin and is hashed
// whole.
func (db *DB) Fingerprint() (string, error) {
	h := sha256.New()
	var buf []byte
	write := func(tag string, v pyval.Value) error {
		buf = append(buf[:0], tag...)
		buf = append(buf, 0)
		var err error
		if buf, err = SortedJSON(buf, v); err != nil {
			return err
		}
		buf = append(buf, '\n')
		h.Write(buf)
		return nil
	}
	if db.origin == nil {
		if err := write("whole", db.Dict()); err != nil {
			return "", err
		}
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	base, err := db.origin.contentHash()
	if err != nil {
		return "", fmt.Errorf("docdb: hashing the origin: %w", err)
	}
	h.Write([]byte(base))
	o := db.origin.db
	names := make([]string, 0, len(db.names)+len(o.names))
	names = append(names, db.names...)
	for _, n := range o.names {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for _, n := range names {
		if v, ok := db.scalars[n]; ok {
			if ov, ook := o.scalars[n]; !ook || !pyval.Equal(v, ov) {
				if err := write("scalar "+n, v); err != nil {
					return "", err
				}
			}
			continue
		}
		t, ot := db.tables[n], o.tables[n]
		switch {
		case t == nil && ot == nil:
			// A name of o's scalars that db dropped.
			if err := write("dropped "+n, nil); err != nil {
				return "", err
			}
		case t == nil:
			if err := write("dropped "+n, nil); err != nil {
				return "", err
			}
		case ot == nil || ot.list != t.list:
			if err := write("table "+n, t.Value()); err != nil {
				return "", err
			}
		default:
			if err := t.writeDiff(n, ot, write); err != nil {
				return "", err
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeDiff writes the records of t that differ from ot's, in key order
// (position order for lists), and the keys t lacks.
func (t *Table) writeDiff(name string, ot *Table, write func(string, pyval.Value) error) error {
	if t.list {
		for i, v := range t.vals {
			if i < len(ot.vals) && (same(v, ot.vals[i]) || pyval.Equal(v, ot.vals[i])) {
				continue
			}
			if err := write(name+"["+strconv.Itoa(i)+"]", v); err != nil {
				return err
			}
		}
		if len(ot.vals) > len(t.vals) {
			return write(name+" len", int64(len(t.vals)))
		}
		return nil
	}
	var changed []int
	for i, k := range t.keys {
		j, ok := ot.index[k]
		if ok && (same(t.vals[i], ot.vals[j]) || pyval.Equal(t.vals[i], ot.vals[j])) {
			continue
		}
		changed = append(changed, i)
	}
	slices.SortFunc(changed, func(a, b int) int {
		if t.keys[a] < t.keys[b] {
			return -1
		}
		if t.keys[a] > t.keys[b] {
			return 1
		}
		return 0
	})
	for _, i := range changed {
		if err := write(name+" "+t.keys[i], t.vals[i]); err != nil {
			return err
		}
	}
	if len(t.keys) == len(ot.keys) && (len(t.keys) == 0 || &t.keys[0] == &ot.keys[0]) {
		return nil // the key set is the origin's own
	}
	var gone []string
	for _, k := range ot.keys {
		if _, ok := t.index[k]; !ok {
			gone = append(gone, k)
		}
	}
	slices.Sort(gone)
	for _, k := range gone {
		if err := write(name+" -"+k, nil); err != nil {
			return err
		}
	}
	return nil
}
