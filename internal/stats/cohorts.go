package stats

import (
	"cmp"
	"slices"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

// The figures as of a date are sums over cohorts instead of counts over qualifications: a cohort
// is a set of things (qualifications, enterprises) of one tier, region and industry that count on
// the same days. Qualifications are granted in batches and run three years, so a whole province's
// cohorts are a few thousand rows whatever its registry's size, and a figure as of any date reads
// only the cohorts of that date. The store keeps the cohorts' counts in step with every write that
// moves them (the enterprise's qualifications, region, industry or stored results), in the write's
// own transaction, by the difference between an enterprise's contributions before and after it.

// Kind is what a cohort counts.
type Kind string

// The kinds of cohort.
const (
	// Held counts qualifications, each from its grant to its last day in force.
	Held Kind = "held"
	// Top counts enterprises over the periods in which the cohort's tier is their highest in force.
	Top Kind = "top"
	// Eligible counts the enterprises the stored criteria results call eligible for the tier now;
	// it covers every day, as the stored results are not dated.
	Eligible Kind = "eligible"
	// EligibleHeld counts those of them that hold the tier, over the periods they hold it: the
	// candidates of a day are the eligible less these.
	EligibleHeld Kind = "eligible_held"
)

// Always is the span of the cohorts that count on every day, and the "valid until" of those
// whose expiry means nothing.
var (
	AlwaysFrom = calendar.NewDate(1900, time.January, 1)
	AlwaysTo   = calendar.NewDate(9999, time.December, 31)
)

// Cohort is the key of a count: its kind, tier, region and industry, and the days it counts on,
// From to To inclusive (empty when To is before From). ValidUntil is a Held cohort's expiry,
// which can be later than To when the qualifications were revoked.
type Cohort struct {
	Kind         Kind
	Tier         criteria.Tier
	RegionCode   string
	IndustryCode string // "" for an enterprise without one
	From, To     calendar.Date
	ValidUntil   calendar.Date
}

// Span is a qualification as the cohorts see it.
type Span struct {
	Tier       criteria.Tier
	GrantedOn  calendar.Date
	ValidUntil calendar.Date
	RevokedOn  calendar.Date // zero when not revoked
}

// LastDay is the last day the qualification is in force: the day before its revocation, if that
// comes first, else its expiry. It is before GrantedOn for a qualification revoked on its grant.
func (s Span) LastDay() calendar.Date {
	if !s.RevokedOn.IsZero() && s.RevokedOn.AddDays(-1).Before(s.ValidUntil) {
		return s.RevokedOn.AddDays(-1)
	}
	return s.ValidUntil
}

// Facts are what an enterprise's contributions to the cohorts depend on.
type Facts struct {
	RegionCode     string
	IndustryCode   string
	Qualifications []Span
	Eligible       []criteria.Tier // the tiers its stored results call it eligible for
}

// Tally is a count per cohort.
type Tally map[Cohort]int64

// Add adds an enterprise's contributions, times sign (1 to count it in, -1 to take it out).
func (t Tally) Add(f Facts, sign int64) {
	base := Cohort{RegionCode: f.RegionCode, IndustryCode: f.IndustryCode}
	for _, q := range f.Qualifications {
		c := base
		c.Kind, c.Tier, c.From, c.To, c.ValidUntil = Held, q.Tier, q.GrantedOn, q.LastDay(), q.ValidUntil
		t[c] += sign
	}
	for _, p := range topPeriods(f.Qualifications) {
		c := base
		c.Kind, c.Tier, c.From, c.To, c.ValidUntil = Top, p.tier, p.from, p.to, AlwaysTo
		t[c] += sign
	}
	for _, tier := range f.Eligible {
		c := base
		c.Kind, c.Tier, c.From, c.To, c.ValidUntil = Eligible, tier, AlwaysFrom, AlwaysTo, AlwaysTo
		t[c] += sign
		for _, p := range heldPeriods(f.Qualifications, tier) {
			c.Kind, c.From, c.To = EligibleHeld, p.from, p.to
			t[c] += sign
		}
	}
}

// Changes are the tally's cohorts whose count is not zero, in a fixed order (so that concurrent
// writers lock the same rows in the same order).
func (t Tally) Changes() []Cohort {
	out := make([]Cohort, 0, len(t))
	for c, n := range t {
		if n != 0 {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, compareCohorts)
	return out
}

func compareCohorts(a, b Cohort) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Tier, b.Tier), cmp.Compare(a.RegionCode, b.RegionCode),
		cmp.Compare(a.IndustryCode, b.IndustryCode), a.From.Compare(b.From), a.To.Compare(b.To), a.ValidUntil.Compare(b.ValidUntil))
}

// period is a run of days, from to to inclusive, with a tier.
type period struct {
	tier     criteria.Tier
	from, to calendar.Date
}

// rank orders the tiers from the bottom of the ladder, 1 for the lowest; 0 for none.
func rank(t criteria.Tier) int { return slices.Index(criteria.Tiers, t) + 1 }

// topPeriods are the runs of days in which an enterprise holds some tier, each with its highest.
func topPeriods(qs []Span) []period {
	// The highest tier can change only where a qualification starts or ends.
	var bounds []calendar.Date
	for _, q := range qs {
		if q.LastDay().Before(q.GrantedOn) {
			continue
		}
		bounds = append(bounds, q.GrantedOn, q.LastDay().AddDays(1))
	}
	slices.SortFunc(bounds, calendar.Date.Compare)
	bounds = slices.CompactFunc(bounds, func(a, b calendar.Date) bool { return a == b })
	var out []period
	for i := 0; i+1 < len(bounds); i++ {
		day, last := bounds[i], bounds[i+1].AddDays(-1)
		top := 0
		for _, q := range qs {
			if !day.Before(q.GrantedOn) && !q.LastDay().Before(day) {
				top = max(top, rank(q.Tier))
			}
		}
		if top == 0 {
			continue
		}
		tier := criteria.Tiers[top-1]
		if n := len(out); n > 0 && out[n-1].tier == tier && out[n-1].to.AddDays(1) == day {
			out[n-1].to = last
			continue
		}
		out = append(out, period{tier: tier, from: day, to: last})
	}
	return out
}

// heldPeriods are the runs of days in which an enterprise holds a tier, overlapping and adjoining
// qualifications of it merged.
func heldPeriods(qs []Span, tier criteria.Tier) []period {
	var spans []period
	for _, q := range qs {
		if q.Tier == tier && !q.LastDay().Before(q.GrantedOn) {
			spans = append(spans, period{tier: tier, from: q.GrantedOn, to: q.LastDay()})
		}
	}
	slices.SortFunc(spans, func(a, b period) int { return a.from.Compare(b.from) })
	var out []period
	for _, s := range spans {
		if n := len(out); n > 0 && !out[n-1].to.AddDays(1).Before(s.from) {
			if s.to.After(out[n-1].to) {
				out[n-1].to = s.to
			}
			continue
		}
		out = append(out, s)
	}
	return out
}
