package taubench

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"hash"
	"slices"

	"github.com/toolgym/toolgym/env/docdb"
	"github.com/toolgym/toolgym/pyval"
)

// The reference's get_data_hash is sha256(str(to_hashable(data))): the
// data as nested tuples with every dict's items sorted by key, printed as
// Python prints tuples. The data is a dict of tables (orders, users, ...),
// each a dict of records, so the text is the tables' texts in name order,
// each the sorted records' texts joined.
//
// The initial data's text is built once per Data, with SHA-256 states
// saved along it. An env's hash then resumes from the saved state before
// its first record that differs from the initial data, and writes the
// rest reusing the initial text of every record it still shares: it costs
// a SHA-256 pass over the data from that record on.

// checkpointEvery is the spacing of the saved SHA-256 states.
const checkpointEvery = 32 << 10

// hashCache is the initial data's text and what locates records in it.
type hashCache struct {
	names  []string // table names, sorted
	tables map[string]*tableCache
	text   []byte   // str(to_hashable(initial data))
	states [][]byte // SHA-256 states after text[:i*checkpointEvery]
	sum    string   // the initial data's hash
	// general is set when the data has anything but keyed tables; every
	// hash is then computed whole.
	general bool
}

// tableCache locates one keyed table's records in the text.
type tableCache struct {
	keys  []string       // record keys, sorted
	pos   map[string]int // key -> index in keys
	recs  []pyval.Value  // the initial records, in keys order
	open  int            // offset in text just after the table's "("
	start []int          // offset of element i, "('key', <record>)"
	size  []int
}

func (d *Data) hashCache() *hashCache {
	d.cacheOnce.Do(func() { d.cache = buildHashCache(d.base) })
	return d.cache
}

func buildHashCache(db *docdb.DB) *hashCache {
	hc := &hashCache{names: db.Names(), tables: map[string]*tableCache{}}
	slices.Sort(hc.names)
	for _, name := range hc.names {
		if t := db.Table(name); t == nil || t.List() {
			hc.general = true
			return hc
		}
	}
	b := []byte{'('}
	for i, name := range hc.names {
		t := db.Table(name)
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '(')
		b = pyval.AppendStrRepr(b, name)
		b = append(b, ", ("...)
		c := &tableCache{keys: t.Keys(), pos: make(map[string]int, t.Len()), open: len(b)}
		slices.Sort(c.keys)
		for j, k := range c.keys {
			c.pos[k] = j
			v, _ := t.Get(k)
			c.recs = append(c.recs, v)
			if j > 0 {
				b = append(b, ", "...)
			}
			c.start = append(c.start, len(b))
			b = appendElement(b, k, v)
			c.size = append(c.size, len(b)-c.start[j])
		}
		b = closeTable(b, len(c.keys))
		hc.tables[name] = c
	}
	if len(hc.names) == 1 {
		b = append(b, ',')
	}
	b = append(b, ')')
	hc.text = b
	h := sha256.New()
	for off := 0; off <= len(b); off += checkpointEvery {
		st, err := h.(encoding.BinaryMarshaler).MarshalBinary()
		if err != nil {
			panic("taubench: sha256 state: " + err.Error())
		}
		hc.states = append(hc.states, st)
		h.Write(b[off:min(off+checkpointEvery, len(b))])
	}
	sum := sha256.Sum256(b)
	hc.sum = hex.EncodeToString(sum[:])
	return hc
}

// closeTable ends a table's text: the elements' tuple, then the
// (name, table) pair.
func closeTable(b []byte, n int) []byte {
	if n == 1 {
		b = append(b, ',')
	}
	return append(b, "))"...)
}

// appendElement appends ('key', to_hashable(record)).
func appendElement(b []byte, key string, rec pyval.Value) []byte {
	b = append(b, '(')
	b = pyval.AppendStrRepr(b, key)
	b = append(b, ", "...)
	b = docdb.HashableRepr(b, rec)
	return append(b, ')')
}

// sameRecord reports whether two records are the same object.
func sameRecord(a, b pyval.Value) bool {
	x, ok := a.(*pyval.Dict)
	y, ok2 := b.(*pyval.Dict)
	return ok && ok2 && x == y
}

// hash returns get_data_hash() of db, a database of this data.
func (d *Data) hash(db *docdb.DB) string {
	hc := d.hashCache()
	names := db.Names()
	slices.Sort(names)
	if hc.general || !slices.Equal(names, hc.names) {
		sum := sha256.Sum256(docdb.HashableRepr(nil, db.Dict()))
		return hex.EncodeToString(sum[:])
	}
	for ti, name := range names {
		t, c := db.Table(name), hc.tables[name]
		keys := sortedKeys(t, c)
		j := firstDiff(t, keys, c)
		if j < 0 {
			continue
		}
		// Everything before element j of this table is the initial text.
		var p int
		switch {
		case j == 0:
			p = c.open
		case j < len(c.keys):
			p = c.start[j] - len(", ")
		default:
			p = c.start[j-1] + c.size[j-1]
		}
		h := hc.resume(p)
		w := bufio.NewWriterSize(h, 64<<10)
		writeElements(w, t, keys, c, j, hc.text)
		w.Write(closeTable(nil, len(keys)))
		for _, name := range names[ti+1:] {
			w.WriteString(", (")
			w.Write(pyval.AppendStrRepr(nil, name))
			w.WriteString(", (")
			t, c := db.Table(name), hc.tables[name]
			keys := sortedKeys(t, c)
			writeElements(w, t, keys, c, 0, hc.text)
			w.Write(closeTable(nil, len(keys)))
		}
		if len(names) == 1 {
			w.WriteByte(',')
		}
		w.WriteByte(')')
		w.Flush()
		return hex.EncodeToString(h.Sum(nil))
	}
	return hc.sum
}

// resume returns a SHA-256 that has absorbed text[:p].
func (hc *hashCache) resume(p int) hash.Hash {
	i := p / checkpointEvery
	h := sha256.New()
	if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(hc.states[i]); err != nil {
		panic("taubench: sha256 state: " + err.Error())
	}
	h.Write(hc.text[i*checkpointEvery : p])
	return h
}

// sortedKeys returns t's keys in to_hashable order, reusing the initial
// order when t still has exactly the initial keys.
func sortedKeys(t *docdb.Table, c *tableCache) []string {
	if t.Len() == len(c.keys) {
		same := true
		for i := range t.Len() {
			if _, ok := c.pos[t.KeyAt(i)]; !ok {
				same = false
				break
			}
		}
		if same {
			return c.keys
		}
	}
	keys := t.Keys()
	slices.Sort(keys)
	return keys
}

// firstDiff returns the index of t's first element (in keys order) whose
// text may differ from the initial one at the same place, or -1 when t is
// the initial table.
func firstDiff(t *docdb.Table, keys []string, c *tableCache) int {
	for j, k := range keys {
		if j >= len(c.keys) || c.keys[j] != k {
			return j
		}
		v, _ := t.Get(k)
		if !sameRecord(v, c.recs[j]) {
			return j
		}
	}
	if len(keys) < len(c.keys) {
		return len(keys)
	}
	return -1
}

// writeElements writes a keyed table's elements from index from on,
// preceded by ", " unless from is 0, copying runs of records shared with
// the initial data from its text.
func writeElements(w *bufio.Writer, t *docdb.Table, keys []string, c *tableCache, from int, text []byte) {
	runStart, runEnd := -1, -1 // a run of cached elements [runStart, runEnd)
	first := from == 0
	flush := func() {
		if runStart < 0 {
			return
		}
		if !first {
			w.WriteString(", ")
		}
		first = false
		w.Write(text[c.start[runStart] : c.start[runEnd-1]+c.size[runEnd-1]])
		runStart, runEnd = -1, -1
	}
	var scratch []byte
	for _, k := range keys[from:] {
		v, _ := t.Get(k)
		if j, ok := c.pos[k]; ok && sameRecord(v, c.recs[j]) {
			if runStart >= 0 && j == runEnd {
				runEnd++
				continue
			}
			flush()
			runStart, runEnd = j, j+1
			continue
		}
		flush()
		if !first {
			w.WriteString(", ")
		}
		first = false
		scratch = appendElement(scratch[:0], k, v)
		w.Write(scratch)
	}
	flush()
}

// equalHashable reports whether two databases have the same
// str(to_hashable(data)), skipping records they share.
func equalHashable(a, b *docdb.DB) bool {
	na, nb := a.Names(), b.Names()
	if len(na) != len(nb) {
		return false
	}
	slices.Sort(na)
	slices.Sort(nb)
	if !slices.Equal(na, nb) {
		return false
	}
	var ba, bb []byte
	for _, name := range na {
		ta, tb := a.Table(name), b.Table(name)
		if ta == nil || tb == nil || ta.List() || tb.List() {
			// Scalars and lists: compare their texts whole.
			if !bytes.Equal(docdb.HashableRepr(nil, dbValue(a, name)), docdb.HashableRepr(nil, dbValue(b, name))) {
				return false
			}
			continue
		}
		if ta.Len() != tb.Len() {
			return false
		}
		for i := range ta.Len() {
			k := ta.KeyAt(i)
			va := ta.At(i)
			var vb pyval.Value
			if tb.KeyAt(i) == k {
				vb = tb.At(i)
			} else {
				var ok bool
				if vb, ok = tb.Get(k); !ok {
					return false
				}
			}
			if sameRecord(va, vb) {
				continue
			}
			ba = docdb.HashableRepr(ba[:0], va)
			bb = docdb.HashableRepr(bb[:0], vb)
			if !bytes.Equal(ba, bb) {
				return false
			}
		}
	}
	return true
}

func dbValue(db *docdb.DB, name string) pyval.Value {
	if t := db.Table(name); t != nil {
		return t.Value()
	}
	v, _ := db.Scalar(name)
	return v
}
