package pyval

import (
	"fmt"
	"testing"
)

// A dict behaves the same below and above the size where it starts
// indexing its keys with a map: order, lookups by Python-equal keys,
// deletes and re-inserts.
func TestDictAcrossSmallSize(t *testing.T) {
	d := NewDict()
	var order []string
	for i := range 3 * smallDict {
		d.Set(int64(i), fmt.Sprint("v", i))
		order = append(order, fmt.Sprint(i))
		if got, ok := d.Get(float64(i)); !ok || got != fmt.Sprint("v", i) {
			t.Fatalf("size %d: Get(%d.0) = %v, %v", d.Len(), i, got, ok)
		}
		if i == 1 && !d.Has(true) {
			t.Fatal("True should find key 1")
		}
	}
	for _, k := range []int64{0, 5, int64(2 * smallDict), int64(3*smallDict - 1)} {
		if !d.Delete(k) {
			t.Fatalf("Delete(%d) found nothing", k)
		}
		if d.Has(k) || d.Delete(k) {
			t.Fatalf("%d still there after Delete", k)
		}
	}
	d.Set(int64(5), "back")
	keys := d.Keys()
	if d.Len() != 3*smallDict-3 || keys[len(keys)-1] != int64(5) {
		t.Fatalf("len %d, last key %v: a re-inserted key goes last", d.Len(), keys[len(keys)-1])
	}
	for i, k := range keys {
		v, _ := d.Get(k)
		if i < len(keys)-1 && v != fmt.Sprint("v", k) {
			t.Errorf("key %v holds %v", k, v)
		}
	}
	c := d.Copy()
	c.Set("new", 1)
	if d.Has("new") || !c.Has(int64(7)) {
		t.Error("Copy shares its index with the original")
	}
}

// Grow makes room without changing the dict, and the items it makes room
// for go in without moving the dict to new storage.
func TestDictGrow(t *testing.T) {
	for _, size := range []int{0, 1, 3, smallDict, 2 * smallDict} {
		d := NewDict()
		for i := range size {
			d.Set(fmt.Sprint("k", i), int64(i))
		}
		before := Repr(d)
		d.Grow(3)
		if got := Repr(d); got != before {
			t.Fatalf("size %d: Grow changed the dict: %s, was %s", size, got, before)
		}
		d.Grow(0)
		d.Grow(-1)
		for i := range 3 {
			d.Set(int64(100+i), "x")
		}
		if d.Len() != size+3 {
			t.Fatalf("size %d: %d items after 3 more", size, d.Len())
		}
		if v, ok := d.Get(int64(101)); !ok || v != "x" {
			t.Fatalf("size %d: Get(101) = %v, %v", size, v, ok)
		}
	}
	d := NewDict()
	d.Grow(5)
	c := cap(d.keys)
	for i := range 5 {
		d.Set(int64(i), nil)
	}
	if cap(d.keys) != c || c < 5 {
		t.Errorf("adding the 5 items Grow(5) made room for moved the dict (cap %d, then %d)", c, cap(d.keys))
	}
}
