package travel

import (
	"math/bits"
	"sync"

	"github.com/toolgym/toolgym/pyval"
)

// idSource is an instance's random.Random, seeded as the reference seeds
// it (random_seed, by default DefaultSeed). Every instance on the default
// seed draws the same sequence, so the generator's first outputs for that
// seed are made once per process (defaultWords) and an instance reads
// them in turn, with no generator of its own: an instance is small, and
// loading one copies no generator state. Past those outputs, or for
// another seed, the instance has its own pyval.Random.
//
// The zero value is the default seed's generator before its first draw.
type idSource struct {
	own  *pyval.Random // the instance's own generator; nil while it reads defaultWords
	used int           // outputs of defaultWords drawn (while own is nil)
}

// defaultWords are the first 32-bit outputs (genrand_uint32) of
// random.Random(DefaultSeed): one run of the twister's state.
var defaultWords = sync.OnceValue(func() *[624]uint32 {
	r := pyval.NewRandom(int64(DefaultSeed))
	var w [624]uint32
	for i := range w {
		w[i] = r.Uint32()
	}
	return &w
})

// seed reseeds as random.seed(seed) does.
func (s *idSource) seed(seed pyval.Value) error {
	if n, ok := seed.(int64); ok && n == DefaultSeed {
		*s = idSource{}
		return nil
	}
	r := new(pyval.Random)
	if err := r.Seed(seed); err != nil {
		return err
	}
	*s = idSource{own: r}
	return nil
}

// clone returns an independent source in the same state.
func (s idSource) clone() idSource {
	if s.own != nil {
		s.own = s.own.Clone()
	}
	return s
}

// word returns the generator's next 32-bit output.
func (s *idSource) word() uint32 {
	if s.own == nil {
		if w := defaultWords(); s.used < len(w) {
			s.used++
			return w[s.used-1]
		}
		// The shared outputs are used up: go on with a generator of
		// the instance's own, at the same point of the sequence.
		s.own = pyval.NewRandom(int64(DefaultSeed))
		for range s.used {
			s.own.Uint32()
		}
	}
	return s.own.Uint32()
}

// randInt is random.randint(lo, hi) for lo <= hi with hi-lo < 2**63, as
// pyval.Random.RandInt draws it: lo + _randbelow(hi-lo+1), by rejection
// with getrandbits(n.bit_length()).
func (s *idSource) randInt(lo, hi int64) int64 {
	if s.own != nil {
		return s.own.RandInt(lo, hi)
	}
	n := uint64(hi-lo) + 1
	k := bits.Len64(n)
	for {
		var v uint64
		if k <= 32 {
			v = uint64(s.word() >> (32 - k))
		} else {
			v = uint64(s.word())
			v |= uint64(s.word()>>(64-k)) << 32
		}
		if v < n {
			return lo + int64(v)
		}
	}
}
