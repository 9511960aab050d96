package travel

import (
	"testing"

	"github.com/toolgym/toolgym/pyval"
)

// TestIDSource checks that an idSource draws what pyval.Random draws for
// the same seed, on the shared outputs of the default seed, across their
// end and on a generator of its own, and that a clone goes on alike.
func TestIDSource(t *testing.T) {
	// The ranges the methods draw from, then others of every bit length.
	ranges := [][2]int64{
		{100000, 999999}, {100000000000, 999999999999}, {10000, 99999},
		{1000000, 9999999}, {10000000, 99999999}, {100000000, 999999999},
		{0, 0}, {5, 5}, {-3, 3}, {0, 1}, {1 << 31, 1<<32 - 1}, {0, 1 << 32}, {-1 << 40, 1 << 40}, {0, 1<<62 + 12345},
	}
	for _, seed := range []pyval.Value{int64(DefaultSeed), int64(7), "seed", 141053.0} {
		var s idSource
		if err := s.seed(seed); err != nil {
			t.Fatal(err)
		}
		want := pyval.NewRandom(seed)
		var fork idSource
		var forkWant *pyval.Random
		// Enough draws to use up the 624 shared words several times over.
		for i := range 2000 {
			r := ranges[i%len(ranges)]
			if i == 300 {
				fork, forkWant = s.clone(), want.Clone()
			}
			if got, w := s.randInt(r[0], r[1]), want.RandInt(r[0], r[1]); got != w {
				t.Fatalf("seed %v, draw %d in %v: got %d, want %d", seed, i, r, got, w)
			}
		}
		for i := range 1000 {
			r := ranges[(i*7)%len(ranges)]
			if got, w := fork.randInt(r[0], r[1]), forkWant.RandInt(r[0], r[1]); got != w {
				t.Fatalf("seed %v, clone's draw %d in %v: got %d, want %d", seed, i, r, got, w)
			}
		}
	}
	// The zero idSource is the default seed's, as New's instance is.
	var zero idSource
	if got, want := zero.randInt(100000, 999999), pyval.NewRandom(int64(DefaultSeed)).RandInt(100000, 999999); got != want {
		t.Fatalf("zero idSource drew %d, want %d", got, want)
	}
	var bad idSource
	if err := bad.seed([]pyval.Value{}); err == nil {
		t.Fatal("a list seeded the generator")
	}
}
