// Package pyval models the Python values BFCL's and tau-bench's reference code works
// with, so that toolgym's Go re-implementations produce byte-identical
// observations and comparable states: None, bool, int (int64, or *big.Int
// beyond it), float, str, list, tuple, dict (insertion-ordered), set and
// opaque objects; their repr() and str(); json.dumps with Python's default
// settings; Python equality and ordering; decoding JSON into these values
// with key order and the int/float distinction kept; the state encoding of
// the replay anchors; and CPython's random.Random (Mersenne Twister) for the
// classes that draw ids from a seeded generator.
//
// It also has the smaller pieces of Python the classes rely on: round()
// and format specs ("{x:.2f}") with CPython's correctly rounded digits,
// exceptions whose Error() is str(exception) (KeyError('abc') prints 'abc'),
// and the str methods whose Go counterparts differ (splitlines, split,
// strip, lower, len).
//
// Every function accepts, besides the types listed under Value, Go's other
// integer kinds (int, uint8, ...), float32 and []string, treated as int,
// float and list.
package pyval

import "maps"

// Value is a Python value. Its dynamic type is one of:
//
//	nil                None
//	bool               bool
//	int64, *big.Int    int (a *big.Int only when it does not fit in int64)
//	float64            float
//	string             str
//	[]Value            list
//	Tuple              tuple
//	*Dict              dict (insertion-ordered)
//	*Set               set
//	Object             any other object (its repr is its own)
type Value = any

// Tuple is a Python tuple.
type Tuple []Value

// Object is a Python object that is none of the built-in types above,
// such as a class instance stored in an API's state.
type Object interface {
	// PyRepr returns repr(object).
	PyRepr() string
}

// Dict is an insertion-ordered Python dict. Keys are hashable values:
// nil, bool, int64, *big.Int, float64, string or Tuple (see Hashable);
// Python-equal keys are one key (1, 1.0 and True), and setting an existing
// key keeps the key first stored and its position. Methods taking a key
// panic with a *Exception TypeError for an unhashable key, as Python
// raises. The zero value is an empty dict ready to use.
type Dict struct {
	keys  []Value
	vals  []Value
	hkeys []any       // hashKey of each key, parallel to keys
	index map[any]int // hashed key -> position; built past smallDict items
}

// smallDict is the size up to which a dict finds keys by scanning hkeys:
// most dicts the reference classes build (results, records) are this
// small, and a scan beats building a map for them.
const smallDict = 8

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// DictOf returns a dict of the key-value pairs kv (key, value, key,
// value, ...), set in order. It panics if kv has odd length.
func DictOf(kv ...Value) *Dict {
	if len(kv)%2 != 0 {
		panic("pyval.DictOf: odd number of arguments")
	}
	d := newDictCap(len(kv) / 2)
	for i := 0; i < len(kv); i += 2 {
		d.Set(kv[i], kv[i+1])
	}
	return d
}

// newDictCap returns an empty dict with room for n items. A small dict
// and its three slices are one allocation (most dicts are results or
// records of one to eight items, built once and dropped); a larger one's
// slices are cut from one allocation.
func newDictCap(n int) *Dict {
	switch {
	case n <= 0:
		return &Dict{}
	case n == 1:
		s := new(struct {
			d Dict
			b [3]Value
		})
		s.d.setBuf(s.b[:], 1)
		return &s.d
	case n == 2:
		s := new(struct {
			d Dict
			b [6]Value
		})
		s.d.setBuf(s.b[:], 2)
		return &s.d
	case n <= 4:
		s := new(struct {
			d Dict
			b [12]Value
		})
		s.d.setBuf(s.b[:], 4)
		return &s.d
	case n <= 6:
		s := new(struct {
			d Dict
			b [18]Value
		})
		s.d.setBuf(s.b[:], 6)
		return &s.d
	case n <= 8:
		s := new(struct {
			d Dict
			b [24]Value
		})
		s.d.setBuf(s.b[:], 8)
		return &s.d
	}
	d := &Dict{}
	d.setBuf(make([]Value, 3*n), n)
	return d
}

// setBuf points the dict's three slices, empty, at buf (3*n values).
func (d *Dict) setBuf(buf []Value, n int) {
	d.keys, d.vals, d.hkeys = buf[0:0:n], buf[n:n:2*n], buf[2*n:2*n:3*n]
}

// find returns the position of the hashed key h, or -1.
func (d *Dict) find(h any) int {
	if d.index != nil {
		if i, ok := d.index[h]; ok {
			return i
		}
		return -1
	}
	for i, k := range d.hkeys {
		if k == h {
			return i
		}
	}
	return -1
}

// Len returns the number of items.
func (d *Dict) Len() int { return len(d.keys) }

// Has reports whether key is in the dict.
func (d *Dict) Has(key Value) bool { return d.find(hashKey(key)) >= 0 }

// Copy returns a shallow copy (dict.copy()): same keys and value objects.
func (d *Dict) Copy() *Dict {
	n := len(d.keys)
	c := newDictCap(n)
	c.keys = append(c.keys, d.keys...)
	c.vals = append(c.vals, d.vals...)
	c.hkeys = append(c.hkeys, d.hkeys...)
	if d.index != nil {
		c.index = maps.Clone(d.index)
	}
	return c
}

// Clone returns a deep copy (copy.deepcopy(d)); see DeepCopy.
func (d *Dict) Clone() *Dict {
	c := d.Copy()
	for i, v := range c.vals {
		c.vals[i] = DeepCopy(v)
	}
	return c
}

// Get returns the value under key.
func (d *Dict) Get(key Value) (Value, bool) {
	i := d.find(hashKey(key))
	if i < 0 {
		return nil, false
	}
	return d.vals[i], true
}

// Set sets key to v, keeping the key's position if it is already there.
func (d *Dict) Set(key, v Value) {
	h := hashKey(key)
	if i := d.find(h); i >= 0 {
		d.vals[i] = v
		return
	}
	if n := len(d.keys); n == cap(d.keys) || n == cap(d.vals) || n == cap(d.hkeys) {
		d.grow()
	}
	d.keys = append(d.keys, key)
	d.vals = append(d.vals, v)
	d.hkeys = append(d.hkeys, h)
	switch {
	case d.index != nil:
		d.index[h] = len(d.keys) - 1
	case len(d.keys) > smallDict:
		d.reindex()
	}
}

// grow makes room for more items, the three slices again cut from one
// allocation.
func (d *Dict) grow() { d.resize(max(4, 2*len(d.keys))) }

// Grow makes room for n more items, so that adding them copies nothing:
// for a dict a method is about to add to, prepared where time is not
// counted. It changes neither the items nor their order.
func (d *Dict) Grow(n int) {
	if n > 0 && len(d.keys)+n > min(cap(d.keys), cap(d.vals), cap(d.hkeys)) {
		d.resize(len(d.keys) + n)
	}
}

// resize moves the items to new slices with room for size items, the
// three cut from one allocation.
func (d *Dict) resize(size int) {
	keys, vals, hkeys := d.keys, d.vals, d.hkeys
	d.setBuf(make([]Value, 3*size), size)
	d.keys = append(d.keys, keys...)
	d.vals = append(d.vals, vals...)
	d.hkeys = append(d.hkeys, hkeys...)
}

// reindex builds the position map from hkeys.
func (d *Dict) reindex() {
	d.index = make(map[any]int, len(d.hkeys))
	for i, h := range d.hkeys {
		d.index[h] = i
	}
}

// Delete removes key, reporting whether it was there.
func (d *Dict) Delete(key Value) bool {
	h := hashKey(key)
	i := d.find(h)
	if i < 0 {
		return false
	}
	d.keys = append(d.keys[:i], d.keys[i+1:]...)
	d.vals = append(d.vals[:i], d.vals[i+1:]...)
	d.hkeys = append(d.hkeys[:i], d.hkeys[i+1:]...)
	n := len(d.keys)
	// Clear the vacated slots so they do not hold on to their values.
	d.keys[:n+1][n], d.vals[:n+1][n], d.hkeys[:n+1][n] = nil, nil, nil
	switch {
	case d.index == nil:
	case n <= smallDict:
		d.index = nil // small again: found by scanning
	default:
		delete(d.index, h)
		for j := i; j < n; j++ {
			d.index[d.hkeys[j]] = j
		}
	}
	return true
}

// Keys returns the keys in insertion order (a copy).
func (d *Dict) Keys() []Value { return append([]Value(nil), d.keys...) }

// Values returns the values in insertion order (a copy).
func (d *Dict) Values() []Value { return append([]Value(nil), d.vals...) }

// Items calls fn for each item in insertion order until fn returns false.
// fn must not change the dict.
func (d *Dict) Items(fn func(k, v Value) bool) {
	for i, k := range d.keys {
		if !fn(k, d.vals[i]) {
			return
		}
	}
}

// Set is a Python set: distinct hashable values, in no meaningful order
// (repr and the state encoding sort them). The zero value is an empty set
// ready to use.
type Set struct {
	items map[any]Value
}

// NewSet returns a set holding vs.
func NewSet(vs ...Value) *Set {
	s := &Set{items: map[any]Value{}}
	for _, v := range vs {
		s.Add(v)
	}
	return s
}

// Add adds v. As in Python, adding a value equal to a member (True to a
// set holding 1) keeps the member. It panics with a TypeError for an
// unhashable v (see Hashable).
func (s *Set) Add(v Value) {
	h := hashKey(v)
	if s.items == nil {
		s.items = map[any]Value{}
	}
	if _, ok := s.items[h]; !ok {
		s.items[h] = v
	}
}

// Has reports whether v is in the set.
func (s *Set) Has(v Value) bool { _, ok := s.items[hashKey(v)]; return ok }

// Remove removes v, reporting whether it was there.
func (s *Set) Remove(v Value) bool {
	h := hashKey(v)
	_, ok := s.items[h]
	delete(s.items, h)
	return ok
}

// Len returns the number of items.
func (s *Set) Len() int { return len(s.items) }

// Values returns the members sorted by SortValues (a new slice).
func (s *Set) Values() []Value {
	vs := make([]Value, 0, len(s.items))
	for _, v := range s.items {
		vs = append(vs, v)
	}
	SortValues(vs)
	return vs
}

// Clone returns a new set with the same members (set.copy(); members are
// hashable, hence immutable, so this is also a deep copy).
func (s *Set) Clone() *Set {
	return &Set{items: maps.Clone(s.items)}
}

// EllipsisType is the type of Python's Ellipsis ("..."), which one of the
// reference's long-context lists ends with.
type EllipsisType struct{}

// Ellipsis is Python's Ellipsis object.
var Ellipsis = EllipsisType{}

// PyRepr returns "Ellipsis".
func (EllipsisType) PyRepr() string { return "Ellipsis" }

// PyType returns "ellipsis".
func (EllipsisType) PyType() string { return "ellipsis" }
