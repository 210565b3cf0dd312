package criteria

import (
	"math"
	"testing"
)

func TestFracCompare(t *testing.T) {
	tests := []struct {
		a, b, p, q int64
		want       int
	}{
		{3, 100, 3, 100, 0},
		{30_000, 1_000_000, 3, 100, 0},
		{29_999, 1_000_000, 3, 100, -1},
		{30_001, 1_000_000, 3, 100, 1},
		{-1, 10, 0, 1, -1},
		{1, 0, 1000, 1, 1}, // +∞
		{0, 0, 0, 1, 0},    // 0/0 is 0
		{-5, -10, 1, 2, 0}, // sign normalised
		{math.MaxInt64, math.MaxInt64 - 1, 1, 1, 1},
		{math.MaxInt64 - 1, math.MaxInt64, 1, 1, -1},
		{math.MinInt64 + 1, math.MaxInt64, -1, 1, 0},
	}
	for _, tt := range tests {
		if got := ratio(tt.a, tt.b).cmp(tt.p, tt.q); got != tt.want {
			t.Errorf("%d/%d vs %d/%d = %d, want %d", tt.a, tt.b, tt.p, tt.q, got, tt.want)
		}
	}
}

func TestGrowth(t *testing.T) {
	if g := growth(115, 100); !g.atLeast(15, 100) || g.atLeast(151, 1000) {
		t.Errorf("115/100: %+v", g)
	}
	if g := growth(5, 0); !g.infinite() || !g.atLeast(1_000_000, 1) {
		t.Errorf("from zero: %+v", g)
	}
	if g := growth(0, 0); g.cmp(0, 1) != 0 {
		t.Errorf("zero to zero: %+v", g)
	}
	if g := growth(90, 100); !g.below(0, 1) {
		t.Errorf("a fall: %+v", g)
	}
}

func TestMeanGrowth(t *testing.T) {
	// 44/40 − 1 = 10%, 40/36 − 1 = 11.1…%: the mean is 10.55…%.
	m := newMeanGrowth(44_000_000, 40_000_000, 36_000_000)
	if !m.atLeast(10, 100) || m.atLeast(11, 100) {
		t.Errorf("mean = %v", m.float())
	}
	// Exactly 10%: 110/100 and 100/(100/1.1): use 121, 110, 100 → 10% and 10%.
	if m := newMeanGrowth(121, 110, 100); !m.atLeast(10, 100) || m.atLeast(10_000_001, 100_000_000) {
		t.Errorf("exact 10%%: %v", m.float())
	}
	// Large figures do not overflow: they take the big-number path, to the same answers.
	huge := newMeanGrowth(math.MaxInt64, math.MaxInt64/2, math.MaxInt64/4)
	if !huge.atLeast(99, 100) || huge.big == nil {
		t.Errorf("large: %v", huge.float())
	}
	for _, tt := range []struct{ a, b, c, p int64 }{
		{121, 110, 100, 10}, {119, 100, 100, 10}, {90, 100, 100, -5}, {4, 2, 1, 100},
	} {
		// The same ratios, scaled past the fast path's limit, answer the same.
		fast := newMeanGrowth(tt.a, tt.b, tt.c)
		const scale = 1 << 55
		slow := newMeanGrowth(tt.a*scale, tt.b*scale, tt.c*scale)
		if fast.big != nil || slow.big == nil {
			t.Errorf("%v: paths fast %v slow %v", tt, fast.big, slow.big)
		}
		for _, p := range []int64{tt.p - 1, tt.p, tt.p + 1} {
			if fast.atLeast(p, 100) != slow.atLeast(p, 100) {
				t.Errorf("%v at %d%%: fast %v slow %v", tt, p, fast.atLeast(p, 100), slow.atLeast(p, 100))
			}
		}
	}
}
