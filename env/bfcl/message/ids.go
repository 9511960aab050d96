package message

import (
	"math/bits"
	"sync"

	"github.com/toolgym/toolgym/pyval"
)

// idStream is the reference's random.Random, as _generate_id draws from
// it. An instance seeded with the default seed (the scenario gives no
// random_seed) reads the generator's outputs from a table shared by all
// such instances, made once, and makes a generator of its own (2.5 KB)
// only past the table's end: most instances draw a few ids or none.
type idStream struct {
	// rng is the instance's own generator; nil while the stream reads
	// defaultWords.
	rng *pyval.Random
	// drawn counts the 32-bit outputs read from defaultWords.
	drawn int
}

// defaultWordsLen is how many outputs defaultWords holds: one state of
// CPython's Mersenne Twister, the outputs of its first twist.
const defaultWordsLen = 624

// defaultWords are the first 32-bit outputs of random.Random(defaultSeed).
var defaultWords = sync.OnceValue(func() *[defaultWordsLen]uint32 {
	r := pyval.NewRandom(defaultSeed)
	var w [defaultWordsLen]uint32
	for i := range w {
		w[i] = r.Uint32()
	}
	return &w
})

// uint32 returns the generator's next 32-bit output (genrand_uint32).
func (s *idStream) uint32() uint32 {
	if s.rng == nil {
		if s.drawn < defaultWordsLen {
			s.drawn++
			return defaultWords()[s.drawn-1]
		}
		s.rng = pyval.NewRandom(defaultSeed)
		for range s.drawn {
			s.rng.Uint32()
		}
	}
	return s.rng.Uint32()
}

// Ids are drawn with random.randint(idLow, idHigh).
const (
	idLow   = 10000
	idHigh  = 99999
	idWidth = idHigh - idLow + 1
)

// idBits is the bit length of idWidth.
var idBits = bits.Len(idWidth)

// next returns random.randint(idLow, idHigh): randrange's
// _randbelow_with_getrandbits(idWidth), which draws getrandbits(k), k the
// width's bit length, until the draw is below the width.
func (s *idStream) next() int64 {
	for {
		if v := s.uint32() >> (32 - idBits); v < idWidth {
			return idLow + int64(v)
		}
	}
}

// clone returns an independent stream in the same state.
func (s idStream) clone() idStream {
	if s.rng != nil {
		s.rng = s.rng.Clone()
	}
	return s
}
