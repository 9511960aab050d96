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
