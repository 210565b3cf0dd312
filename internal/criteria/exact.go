package criteria

import (
	"math"
	"math/big"
	"math/bits"
)

// frac is an exact ratio of integers (yuan, heads), compared without rounding.
// den is never negative; a zero den with a positive num is +∞ (revenue 0, R&D spent), and 0/0 is 0.
type frac struct {
	num, den int64
}

// ratio returns a/b as a frac, normalising the sign into the numerator.
func ratio(a, b int64) frac {
	if b < 0 {
		return frac{-a, -b}
	}
	return frac{a, b}
}

func (f frac) infinite() bool { return f.den == 0 && f.num != 0 }

// atLeast reports whether f ≥ p/q (q > 0), exactly.
func (f frac) atLeast(p, q int64) bool { return f.cmp(p, q) >= 0 }

// below reports whether f < p/q (q > 0), exactly.
func (f frac) below(p, q int64) bool { return f.cmp(p, q) < 0 }

// cmp compares f with p/q (q > 0): -1, 0 or +1.
func (f frac) cmp(p, q int64) int {
	if f.den == 0 {
		switch {
		case f.num > 0:
			return 1
		case f.num < 0:
			return -1
		}
		f = frac{0, 1}
	}
	return cmp128(mul128(f.num, q), mul128(p, f.den))
}

// float is f for display; +∞ shows as nil.
// float is the value to show; NaN when there is none (an infinite ratio).
func (f frac) float() float64 {
	if f.den == 0 {
		if f.num == 0 {
			return 0
		}
		return math.NaN()
	}
	return float64(f.num) / float64(f.den)
}

type i128 struct {
	hi int64
	lo uint64
}

func mul128(a, b int64) i128 {
	neg := (a < 0) != (b < 0)
	ua, ub := uint64(a), uint64(b)
	if a < 0 {
		ua = uint64(-a)
	}
	if b < 0 {
		ub = uint64(-b)
	}
	hi, lo := bits.Mul64(ua, ub)
	if neg && (hi|lo) != 0 {
		lo = ^lo + 1
		hi = ^hi
		if lo == 0 {
			hi++
		}
	}
	return i128{int64(hi), lo}
}

func cmp128(x, y i128) int {
	switch {
	case x.hi < y.hi:
		return -1
	case x.hi > y.hi:
		return 1
	case x.lo < y.lo:
		return -1
	case x.lo > y.lo:
		return 1
	}
	return 0
}

// growth is rev(Y)/rev(Y-1) − 1 as an exact ratio: (cur − prev)/prev. From nothing to something
// is +∞; from nothing to nothing, 0.
func growth(cur, prev int64) frac {
	if prev == 0 {
		if cur == 0 {
			return frac{0, 1}
		}
		return frac{cur, 0}
	}
	return ratio(cur-prev, prev)
}

// meanGrowth is the arithmetic mean of the growth in Y (a over b) and in Y-1 (b over c), exact:
// ((a−b)/b + (b−c)/c) / 2 = ((a−b)·c + (b−c)·b) / (2·b·c). Its terms pass 64 bits, so they are
// kept in 128; figures beyond 2^53 yuan (far beyond any enterprise) take a big-number path.
type meanGrowth struct {
	num, den i128 // den > 0
	big      *big.Rat
	known    bool
	infinite bool
}

const fastLimit = 1 << 53

func newMeanGrowth(a, b, c int64) meanGrowth {
	g1, g2 := growth(a, b), growth(b, c)
	if g1.infinite() || g2.infinite() {
		// An infinite growth dominates: revenue, never negative, cannot give −∞.
		return meanGrowth{known: true, infinite: true}
	}
	if abs64(a) < fastLimit && abs64(b) < fastLimit && abs64(c) < fastLimit {
		// b and c are not 0 here (a zero base gave an infinite or zero growth above, handled
		// below); with b = 0 and a = 0, g1 = 0/1.
		num := add128(mul128(g1.num, g2.den), mul128(g2.num, g1.den))
		den := mul128(2*g1.den, g2.den)
		return meanGrowth{num: num, den: den, known: true}
	}
	r1 := new(big.Rat).SetFrac64(g1.num, g1.den)
	r2 := new(big.Rat).SetFrac64(g2.num, g2.den)
	sum := r1.Add(r1, r2)
	return meanGrowth{big: sum.Quo(sum, big.NewRat(2, 1)), known: true}
}

// atLeast reports whether the mean is ≥ p/q (0 < q ≤ 100, |p| ≤ 100); an unknown mean never is.
func (m meanGrowth) atLeast(p, q int64) bool {
	switch {
	case !m.known:
		return false
	case m.infinite:
		return true
	case m.big != nil:
		return m.big.Cmp(big.NewRat(p, q)) >= 0
	}
	return cmp128(mulSmall128(m.num, q), mulSmall128(m.den, p)) >= 0
}

// float is the value to show; NaN when there is none (unknown or infinite).
func (m meanGrowth) float() float64 {
	switch {
	case !m.known || m.infinite:
		return math.NaN()
	case m.big != nil:
		f, _ := m.big.Float64()
		return f
	}
	return m.num.float() / m.den.float()
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

func add128(x, y i128) i128 {
	lo, carry := bits.Add64(x.lo, y.lo, 0)
	return i128{x.hi + y.hi + int64(carry), lo}
}

// mulSmall128 multiplies x by a small k (|k| ≤ 2^10), which cannot overflow the fast path's range.
func mulSmall128(x i128, k int64) i128 {
	neg := k < 0
	if neg {
		k = -k
	}
	hi, lo := bits.Mul64(x.lo, uint64(k))
	out := i128{x.hi*k + int64(hi), lo}
	if neg {
		out = neg128(out)
	}
	return out
}

func neg128(x i128) i128 {
	lo := ^x.lo + 1
	hi := ^x.hi
	if lo == 0 {
		hi++
	}
	return i128{hi, lo}
}

func (x i128) float() float64 {
	if x.hi < 0 {
		n := neg128(x)
		return -(float64(uint64(n.hi))*(1<<64) + float64(n.lo))
	}
	return float64(uint64(x.hi))*(1<<64) + float64(x.lo)
}
