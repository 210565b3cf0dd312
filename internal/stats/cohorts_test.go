package stats

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

func day(s string) calendar.Date {
	d, err := calendar.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

const (
	inno = criteria.InnovativeSME
	sme  = criteria.SpecializedSME
	lg   = criteria.LittleGiant
)

func TestTallyAdd(t *testing.T) {
	held := func(tier criteria.Tier, from, to, validUntil string) Cohort {
		return Cohort{Kind: Held, Tier: tier, RegionCode: "445202", IndustryCode: "C39", From: day(from), To: day(to), ValidUntil: day(validUntil)}
	}
	period := func(kind Kind, tier criteria.Tier, from, to string) Cohort {
		return Cohort{Kind: kind, Tier: tier, RegionCode: "445202", IndustryCode: "C39", From: day(from), To: day(to), ValidUntil: AlwaysTo}
	}
	always := func(tier criteria.Tier) Cohort {
		return Cohort{Kind: Eligible, Tier: tier, RegionCode: "445202", IndustryCode: "C39", From: AlwaysFrom, To: AlwaysTo, ValidUntil: AlwaysTo}
	}
	span := func(tier criteria.Tier, granted, validUntil, revoked string) Span {
		s := Span{Tier: tier, GrantedOn: day(granted), ValidUntil: day(validUntil)}
		if revoked != "" {
			s.RevokedOn = day(revoked)
		}
		return s
	}
	cases := []struct {
		name     string
		spans    []Span
		eligible []criteria.Tier
		want     []Cohort
	}{
		{
			name:  "one qualification: held and top over its three years",
			spans: []Span{span(sme, "2022-07-01", "2025-06-30", "")},
			want:  []Cohort{held(sme, "2022-07-01", "2025-06-30", "2025-06-30"), period(Top, sme, "2022-07-01", "2025-06-30")},
		},
		{
			name:  "revoked: in force to the day before, its expiry kept",
			spans: []Span{span(sme, "2022-07-01", "2025-06-30", "2023-03-15")},
			want:  []Cohort{held(sme, "2022-07-01", "2023-03-14", "2025-06-30"), period(Top, sme, "2022-07-01", "2023-03-14")},
		},
		{
			name:  "revoked after its expiry: the expiry ends it",
			spans: []Span{span(sme, "2022-07-01", "2025-06-30", "2025-09-01")},
			want:  []Cohort{held(sme, "2022-07-01", "2025-06-30", "2025-06-30"), period(Top, sme, "2022-07-01", "2025-06-30")},
		},
		{
			name:  "revoked on its grant: never in force, still granted",
			spans: []Span{span(sme, "2022-07-01", "2025-06-30", "2022-07-01")},
			want:  []Cohort{held(sme, "2022-07-01", "2022-06-30", "2025-06-30")},
		},
		{
			name:  "a higher tier granted inside a lower one's term: top steps up and back",
			spans: []Span{span(sme, "2021-01-01", "2023-12-31", ""), span(lg, "2022-01-01", "2022-06-30", "2022-07-01")},
			want: []Cohort{
				held(sme, "2021-01-01", "2023-12-31", "2023-12-31"), held(lg, "2022-01-01", "2022-06-30", "2022-06-30"),
				period(Top, sme, "2021-01-01", "2021-12-31"), period(Top, lg, "2022-01-01", "2022-06-30"), period(Top, sme, "2022-07-01", "2023-12-31"),
			},
		},
		{
			name:     "a renewal the day after expiry: one top period, and held without a break",
			spans:    []Span{span(inno, "2020-01-01", "2022-12-31", ""), span(inno, "2023-01-01", "2025-12-31", "")},
			eligible: []criteria.Tier{inno, lg},
			want: []Cohort{
				held(inno, "2020-01-01", "2022-12-31", "2022-12-31"), held(inno, "2023-01-01", "2025-12-31", "2025-12-31"),
				period(Top, inno, "2020-01-01", "2025-12-31"),
				always(inno), period(EligibleHeld, inno, "2020-01-01", "2025-12-31"), always(lg),
			},
		},
		{
			name:     "a gap between terms: two periods",
			spans:    []Span{span(inno, "2020-01-01", "2022-12-31", ""), span(inno, "2023-03-01", "2025-12-31", "")},
			eligible: []criteria.Tier{inno},
			want: []Cohort{
				held(inno, "2020-01-01", "2022-12-31", "2022-12-31"), held(inno, "2023-03-01", "2025-12-31", "2025-12-31"),
				period(Top, inno, "2020-01-01", "2022-12-31"), period(Top, inno, "2023-03-01", "2025-12-31"),
				always(inno), period(EligibleHeld, inno, "2020-01-01", "2022-12-31"), period(EligibleHeld, inno, "2023-03-01", "2025-12-31"),
			},
		},
		{
			name:     "eligible, holding nothing",
			eligible: []criteria.Tier{sme},
			want:     []Cohort{always(sme)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tally := Tally{}
			tally.Add(Facts{RegionCode: "445202", IndustryCode: "C39", Qualifications: tc.spans, Eligible: tc.eligible}, 1)
			got := tally.Changes()
			want := slices.Clone(tc.want)
			slices.SortFunc(want, compareCohorts)
			if !slices.Equal(got, want) {
				t.Errorf("cohorts\n got %v\nwant %v", got, want)
			}
			for _, c := range got {
				if tally[c] != 1 {
					t.Errorf("%v counted %d times", c, tally[c])
				}
			}
			tally.Add(Facts{RegionCode: "445202", IndustryCode: "C39", Qualifications: tc.spans, Eligible: tc.eligible}, -1)
			if left := tally.Changes(); len(left) != 0 {
				t.Errorf("taken out again, left %v", left)
			}
		})
	}
}

// TestTallyAgreesWithTheQualifications checks the cohorts against the figures counted straight
// from random enterprises' qualifications, on every day of a span of years.
func TestTallyAgreesWithTheQualifications(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	start := day("2019-01-01")
	var enterprises []Facts
	for range 300 {
		var f Facts
		for range rng.IntN(4) {
			granted := start.AddDays(rng.IntN(6 * 365))
			s := Span{Tier: criteria.Tiers[rng.IntN(3)], GrantedOn: granted, ValidUntil: granted.AddYears(3).AddDays(-1)}
			if rng.IntN(5) == 0 {
				s.RevokedOn = granted.AddDays(rng.IntN(4 * 365))
			}
			f.Qualifications = append(f.Qualifications, s)
		}
		for _, tier := range criteria.Tiers {
			if rng.IntN(3) == 0 {
				f.Eligible = append(f.Eligible, tier)
			}
		}
		enterprises = append(enterprises, f)
	}
	tally := Tally{}
	for _, f := range enterprises {
		tally.Add(f, 1)
	}
	inForce := func(s Span, d calendar.Date) bool {
		return !d.Before(s.GrantedOn) && !s.ValidUntil.Before(d) && (s.RevokedOn.IsZero() || s.RevokedOn.After(d))
	}
	for d := start; d.Before(day("2027-01-01")); d = d.AddDays(1) {
		type figures struct{ holders, top, expiring, candidates int64 }
		var want, got [4]figures // by rank
		for _, f := range enterprises {
			top := 0
			holds := map[criteria.Tier]bool{}
			for _, s := range f.Qualifications {
				if inForce(s, d) {
					want[rank(s.Tier)].holders++
					holds[s.Tier] = true
					top = max(top, rank(s.Tier))
					if !s.ValidUntil.After(d.AddDays(90)) {
						want[rank(s.Tier)].expiring++
					}
				}
			}
			want[top].top++
			for _, tier := range f.Eligible {
				if !holds[tier] {
					want[rank(tier)].candidates++
				}
			}
		}
		want[0].top = 0
		for c, n := range tally {
			if d.Before(c.From) || c.To.Before(d) {
				continue
			}
			r := rank(c.Tier)
			switch c.Kind {
			case Held:
				got[r].holders += n
				if !c.ValidUntil.After(d.AddDays(90)) {
					got[r].expiring += n
				}
			case Top:
				got[r].top += n
			case Eligible:
				got[r].candidates += n
			case EligibleHeld:
				got[r].candidates -= n
			}
		}
		if got != want {
			t.Fatalf("%s: cohorts %+v, counted %+v", d, got, want)
		}
	}
}

func TestAlwaysIsADate(t *testing.T) {
	if AlwaysFrom.IsZero() || !AlwaysFrom.Before(AlwaysTo) || AlwaysTo.Year() != 9999 || AlwaysFrom.Month() != time.January {
		t.Errorf("always %s..%s", AlwaysFrom, AlwaysTo)
	}
}
