package pyval

import (
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"sync"
	"sync/atomic"
)

// Mersenne Twister parameters (MT19937), as CPython's _random module uses.
const (
	mtN       = 624
	mtM       = 397
	mtMatrixA = 0x9908b0df
	mtUpper   = 0x80000000
	mtLower   = 0x7fffffff
)

// Random is CPython's random.Random: the same seed gives the same
// sequence of random(), getrandbits(), randrange(), randint(), uniform(),
// choice() and shuffle() results as Python 3.11. The zero value is
// unseeded: call Seed before use (or use NewRandom). Copying a Random
// (or Clone) copies its state, as copy.deepcopy does in Python. A Random
// is not safe for concurrent use.
type Random struct {
	mt     [mtN]uint32
	mti    int
	seeded bool
}

// NewRandom returns random.Random(seed). It panics with the *Exception
// TypeError Python raises for a seed type Python rejects; use Seed to get
// the error instead.
func NewRandom(seed Value) *Random {
	r := new(Random)
	if err := r.Seed(seed); err != nil {
		panic(err)
	}
	return r
}

// Clone returns an independent generator in the same state.
func (r *Random) Clone() *Random {
	c := *r
	return &c
}

// Seed reseeds the generator as random.seed(seed) does (version 2): an
// int uses all the 32-bit words of abs(seed); a str the int of its UTF-8
// bytes followed by their SHA-512 digest; a float or other hashable
// scalar its Python hash (so 2.0 seeds as 2, and hash(1.5) for 1.5); None
// seeds from the operating system's entropy, so the sequence is not
// reproducible. Lists, dicts, sets and other types are a TypeError, as
// in Python.
func (r *Random) Seed(seed Value) error {
	switch x := norm(seed).(type) {
	case nil:
		var b [mtN * 4]byte
		if _, err := rand.Read(b[:]); err != nil {
			return fmt.Errorf("pyval: seeding from entropy: %w", err)
		}
		key := make([]uint32, mtN)
		for i := range key {
			key[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
		r.initByArray(key)
	case int64:
		u := uint64(x)
		if x < 0 {
			u = -u
		}
		r.seedUint64(u)
	case *big.Int:
		r.seedBig(new(big.Int).Abs(x))
	case bool:
		if x {
			r.seedUint64(1)
		} else {
			r.seedUint64(0)
		}
	case float64:
		h, ok := floatHash(x)
		if !ok {
			return ValueError("cannot seed from a NaN: its Python hash depends on the object's address")
		}
		r.seedUint64(uint64(h))
	case string:
		b := []byte(x)
		sum := sha512.Sum512(b)
		r.seedBig(new(big.Int).SetBytes(append(b, sum[:]...)))
	default:
		return TypeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
	}
	return nil
}

func (r *Random) seedUint64(u uint64) {
	if c, ok := seeded.Load(u); ok {
		*r = *c.(*Random)
		return
	}
	if u>>32 == 0 {
		r.initByArray([]uint32{uint32(u)})
	} else {
		r.initByArray([]uint32{uint32(u), uint32(u >> 32)})
	}
	if seededCount.Add(1) <= maxSeeded {
		// Kept twisted: the first draw of every generator seeded from the
		// cache then finds its 624 words ready. (Twisting now or at the
		// first draw gives the same outputs.)
		c := *r
		c.twist()
		seeded.Store(u, &c)
	}
}

// seeded keeps the state of generators seeded with small ints (up to
// maxSeeded seeds), so that seeding again with one costs a copy: the
// reference classes seed a generator per instance with a fixed seed.
var (
	seeded      sync.Map // uint64 -> *Random
	seededCount atomic.Int32
)

const maxSeeded = 1024

// seedBig seeds with the non-negative n, by its 32-bit words, least
// significant first.
func (r *Random) seedBig(n *big.Int) {
	words := n.Bits()
	var key []uint32
	for _, w := range words {
		key = append(key, uint32(w))
		if bits.UintSize == 64 {
			key = append(key, uint32(uint64(w)>>32))
		}
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.initByArray(key)
}

func (r *Random) initGenrand(s uint32) {
	r.mt[0] = s
	for i := 1; i < mtN; i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	r.mti = mtN
}

func (r *Random) initByArray(key []uint32) {
	r.initGenrand(19650218)
	i, j := 1, 0
	k := max(mtN, len(key))
	for ; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			r.mt[0] = r.mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			r.mt[0] = r.mt[mtN-1]
			i = 1
		}
	}
	r.mt[0] = 0x80000000
	r.seeded = true
}

// twist regenerates the 624 state words (CPython's genrand_uint32 when
// its words are used up).
func (r *Random) twist() {
	mag := [2]uint32{0, mtMatrixA}
	kk := 0
	for ; kk < mtN-mtM; kk++ {
		y := (r.mt[kk] & mtUpper) | (r.mt[kk+1] & mtLower)
		r.mt[kk] = r.mt[kk+mtM] ^ (y >> 1) ^ mag[y&1]
	}
	for ; kk < mtN-1; kk++ {
		y := (r.mt[kk] & mtUpper) | (r.mt[kk+1] & mtLower)
		r.mt[kk] = r.mt[kk+(mtM-mtN)] ^ (y >> 1) ^ mag[y&1]
	}
	y := (r.mt[mtN-1] & mtUpper) | (r.mt[0] & mtLower)
	r.mt[mtN-1] = r.mt[mtM-1] ^ (y >> 1) ^ mag[y&1]
	r.mti = 0
}

// Uint32 returns the next 32-bit output of the generator (CPython's
// genrand_uint32).
func (r *Random) Uint32() uint32 {
	if r.mti >= mtN || !r.seeded {
		if !r.seeded {
			panic("pyval: Random used before Seed")
		}
		r.twist()
	}
	y := r.mt[r.mti]
	r.mti++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// Random returns random.random(): a float in [0, 1) with 53 random bits.
func (r *Random) Random() float64 {
	a := r.Uint32() >> 5
	b := r.Uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// Uniform returns random.uniform(a, b): a + (b-a) * random().
func (r *Random) Uniform(a, b float64) float64 { return a + (b-a)*r.Random() }

// GetRandBits returns random.getrandbits(k) for k >= 0.
func (r *Random) GetRandBits(k int) *big.Int {
	if k < 0 {
		panic(ValueError("number of bits must be non-negative"))
	}
	if k <= 64 {
		return new(big.Int).SetUint64(r.randBits64(k))
	}
	words := (k-1)/32 + 1
	buf := make([]byte, 4*words) // big-endian for SetBytes
	for i := 0; i < words; i, k = i+1, k-32 {
		w := r.Uint32()
		if k < 32 {
			w >>= 32 - k
		}
		binary.BigEndian.PutUint32(buf[4*(words-1-i):], w)
	}
	return new(big.Int).SetBytes(buf)
}

// GetRandBits64 returns random.getrandbits(k) for 0 <= k <= 64.
func (r *Random) GetRandBits64(k int) uint64 {
	if k < 0 || k > 64 {
		panic(ValueError(fmt.Sprintf("GetRandBits64: k=%d out of 0..64", k)))
	}
	return r.randBits64(k)
}

func (r *Random) randBits64(k int) uint64 {
	switch {
	case k == 0:
		return 0
	case k <= 32:
		return uint64(r.Uint32() >> (32 - k))
	}
	lo := uint64(r.Uint32())
	hi := uint64(r.Uint32() >> (64 - k))
	return lo | hi<<32
}

// randBelow64 is _randbelow_with_getrandbits for 0 < n < 2**64.
func (r *Random) randBelow64(n uint64) uint64 {
	k := bits.Len64(n)
	v := r.randBits64(k)
	for v >= n {
		v = r.randBits64(k)
	}
	return v
}

// RandBelow returns random._randbelow(n), an int in [0, n), for n > 0; it
// panics with a ValueError otherwise.
func (r *Random) RandBelow(n int64) int64 {
	if n <= 0 {
		panic(ValueError("empty range for randrange()"))
	}
	return int64(r.randBelow64(uint64(n)))
}

// RandBelowBig returns random._randbelow(n) for a big n > 0.
func (r *Random) RandBelowBig(n *big.Int) *big.Int {
	if n.Sign() <= 0 {
		panic(ValueError("empty range for randrange()"))
	}
	if n.IsUint64() {
		return new(big.Int).SetUint64(r.randBelow64(n.Uint64()))
	}
	k := n.BitLen()
	v := r.GetRandBits(k)
	for v.Cmp(n) >= 0 {
		v = r.GetRandBits(k)
	}
	return v
}

// RandRange returns random.randrange(start, stop): start +
// _randbelow(stop - start), or Python's ValueError for an empty range.
func (r *Random) RandRange(start, stop int64) (int64, error) {
	if stop <= start {
		return 0, ValueError(fmt.Sprintf("empty range for randrange() (%d, %d, %d)", start, stop, new(big.Int).Sub(big.NewInt(stop), big.NewInt(start))))
	}
	width := uint64(stop) - uint64(start) // exact: 0 < stop-start < 2**64
	return start + int64(r.randBelow64(width)), nil
}

// RandRangeBig is random.randrange(start, stop) for big ints.
func (r *Random) RandRangeBig(start, stop *big.Int) (*big.Int, error) {
	width := new(big.Int).Sub(stop, start)
	if width.Sign() <= 0 {
		return nil, ValueError(fmt.Sprintf("empty range for randrange() (%s, %s, %s)", start, stop, width))
	}
	return width.Add(start, r.RandBelowBig(width)), nil
}

// RandInt returns random.randint(a, b), an int in [a, b] (randrange(a,
// b+1)). It panics with Python's ValueError when a > b.
func (r *Random) RandInt(a, b int64) int64 {
	if a > b {
		stop := new(big.Int).Add(big.NewInt(b), big.NewInt(1))
		panic(ValueError(fmt.Sprintf("empty range for randrange() (%d, %s, %s)", a, stop, new(big.Int).Sub(stop, big.NewInt(a)))))
	}
	width := uint64(b) - uint64(a) + 1
	if width == 0 { // b - a + 1 == 2**64
		lo := r.RandBelowBig(new(big.Int).Lsh(big.NewInt(1), 64))
		return a + int64(lo.Uint64())
	}
	return a + int64(r.randBelow64(width))
}

// Choice returns the index random.choice(seq) picks in a sequence of
// length n (seq[_randbelow(n)]). It panics with Python's IndexError when
// n <= 0.
func (r *Random) Choice(n int) int {
	if n <= 0 {
		panic(IndexError("Cannot choose from an empty sequence"))
	}
	return int(r.randBelow64(uint64(n)))
}

// Shuffle permutes n elements as random.shuffle does, calling swap(i, j)
// for each exchange.
func (r *Random) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		j := int(r.randBelow64(uint64(i + 1)))
		swap(i, j)
	}
}

// floatHash returns CPython's hash(x) for a float (sys.hash_info: 61-bit
// modulus); ok is false for NaN, whose hash depends on its address.
func floatHash(x float64) (int64, bool) {
	const bitsHash = 61
	const mod = 1<<bitsHash - 1
	switch {
	case math.IsNaN(x):
		return 0, false
	case math.IsInf(x, 1):
		return 314159, true
	case math.IsInf(x, -1):
		return -314159, true
	}
	m, e := math.Frexp(x)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var h uint64
	for m != 0 {
		h = ((h << 28) & mod) | h>>(bitsHash-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		h += y
		if h >= mod {
			h -= mod
		}
	}
	if e >= 0 {
		e %= bitsHash
	} else {
		e = bitsHash - 1 - ((-1 - e) % bitsHash)
	}
	h = ((h << uint(e)) & mod) | h>>(bitsHash-uint(e))
	v := int64(h) * sign
	if v == -1 {
		v = -2
	}
	return v, true
}
