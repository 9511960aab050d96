package pyval

import (
	"math"
	"math/big"
)

// IntTrueDiv is Python's int / int: the exact quotient correctly rounded
// to a float (ties to even, subnormals included), as CPython's
// long_true_divide computes it. It never reduces the fraction, so its
// cost grows with the operands' size, not quadratically: a quotient of
// two million-digit ints takes milliseconds. It returns ZeroDivisionError
// for a zero divisor and OverflowError when the quotient is too large for
// a float.
func IntTrueDiv(a, b *big.Int) (float64, error) {
	if b.Sign() == 0 {
		return 0, ZeroDivisionError("division by zero")
	}
	const exact = 1 << 53
	if a.IsInt64() && b.IsInt64() {
		x, y := a.Int64(), b.Int64()
		if x >= -exact && x <= exact && y >= -exact && y <= exact {
			return float64(x) / float64(y), nil
		}
	}
	negate := (a.Sign() < 0) != (b.Sign() < 0)
	signed := func(f float64) float64 {
		if negate {
			return -f
		}
		return f
	}
	if a.Sign() == 0 {
		return signed(0), nil
	}
	const (
		mantDig = 53    // DBL_MANT_DIG
		minExp  = -1021 // DBL_MIN_EXP
		maxExp  = 1024  // DBL_MAX_EXP
	)
	overflow := Exc("OverflowError", "integer division result too large for a float")
	A := new(big.Int).Abs(a)
	B := new(big.Int).Abs(b)
	diff := A.BitLen() - B.BitLen()
	switch {
	case diff > maxExp:
		return 0, overflow
	case diff < minExp-mantDig-1:
		return signed(0), nil
	}
	// Scale A so that the quotient has mantDig+1 or mantDig+2 bits (fewer
	// when the result is subnormal), noting whether bits were dropped.
	shift := max(diff, minExp) - mantDig - 2
	inexact := false
	if shift <= 0 {
		A.Lsh(A, uint(-shift))
	} else {
		inexact = A.TrailingZeroBits() < uint(shift)
		A.Rsh(A, uint(shift))
	}
	q, r := A.QuoRem(A, B, new(big.Int))
	if r.Sign() != 0 {
		inexact = true
	}
	qbits := q.BitLen()
	extra := max(qbits, minExp-shift) - mantDig
	// Round q to a multiple of 2**extra, ties to even; the dropped bits
	// and the remainder count as a sticky bit below the last one.
	x := q.Uint64()
	mask := uint64(1) << (extra - 1)
	low := x
	if inexact {
		low |= 1
	}
	if low&mask != 0 && low&(3*mask-1) != 0 {
		x += mask
	}
	x &^= 2*mask - 1
	f := math.Ldexp(float64(x), shift)
	if shift+qbits >= maxExp && math.IsInf(f, 0) {
		return 0, overflow
	}
	return signed(f), nil
}
