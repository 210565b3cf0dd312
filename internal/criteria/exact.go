package criteria

import (
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
func (f frac) float() any {
	if f.den == 0 {
		if f.num == 0 {
			return 0.0
		}
		return nil
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

// meanGrowth is the arithmetic mean of the growth in Y (a over b) and in Y-1 (b over c), exact.
// The products may pass 64 bits, so it is a big rational; it is computed once per evaluation.
type meanGrowth struct {
	r        *big.Rat // nil when infinite
	infinite bool
}

func newMeanGrowth(a, b, c int64) meanGrowth {
	g1, g2 := growth(a, b), growth(b, c)
	if g1.infinite() || g2.infinite() {
		// An infinite growth dominates unless the other is −∞, which revenue (never negative)
		// cannot give.
		return meanGrowth{infinite: true}
	}
	r1 := new(big.Rat).SetFrac64(g1.num, g1.den)
	r2 := new(big.Rat).SetFrac64(g2.num, g2.den)
	sum := r1.Add(r1, r2)
	return meanGrowth{r: sum.Quo(sum, big.NewRat(2, 1))}
}

// atLeast reports whether the mean is ≥ p/q.
func (m meanGrowth) atLeast(p, q int64) bool {
	if m.infinite {
		return true
	}
	return m.r.Cmp(big.NewRat(p, q)) >= 0
}

func (m meanGrowth) float() any {
	if m.infinite {
		return nil
	}
	f, _ := m.r.Float64()
	return f
}
