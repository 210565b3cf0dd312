package stats_test

import (
	"context"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/stats"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
)

func TestDemoCitySummaryAgreesWithTheLists(t *testing.T) {
	db, now := storetest.Demo(t)
	ctx := context.Background()
	clock := func() time.Time { return now }
	svc := stats.Service{Store: store.NewStats(db), Now: clock, Location: time.UTC}
	quals := qualification.Service{Store: store.NewQualifications(db), Now: clock, Location: time.UTC}
	leader := access.Actor{Role: access.Leader, Username: "leader"}
	asOf := calendar.NewDate(2023, 6, 30)

	summary, _, err := svc.Summary(ctx, leader, stats.Filter{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	want := map[criteria.Tier]int{criteria.LittleGiant: 2, criteria.SpecializedSME: 76, criteria.InnovativeSME: 83}
	for _, s := range summary {
		if s.Holders != want[s.Tier] {
			t.Errorf("%s holders on 2023-06-30: %d, want %d", s.Tier, s.Holders, want[s.Tier])
		}
		list, err := quals.List(ctx, leader, qualification.Filter{Tier: s.Tier, Status: qualification.Valid, AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		if int(list.Total) != s.Holders {
			t.Errorf("%s: summary %d, list %d", s.Tier, s.Holders, list.Total)
		}
	}
	// Each enterprise counts once at its highest tier: the highest-tier holders add up to the
	// enterprises holding anything.
	total := 0
	for _, s := range summary {
		total += s.HighestTierHolders
	}
	if total == 0 || total > 83+76+2 || summary[2].HighestTierHolders != 2 {
		t.Errorf("highest-tier holders %+v", summary)
	}
	// By region agrees with the summary, and a county officer sees its region only.
	cells, _, err := svc.ByRegion(ctx, leader, stats.Filter{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	sum := map[criteria.Tier]int{}
	for _, c := range cells {
		sum[c.Tier] += c.Holders
	}
	for tier, n := range want {
		if sum[tier] != n {
			t.Errorf("by region %s: %d, want %d", tier, sum[tier], n)
		}
	}
	county := access.Actor{Role: access.CountyOfficer, RegionCode: "445202"}
	cells, _, _ = svc.ByRegion(ctx, county, stats.Filter{AsOf: asOf})
	for _, c := range cells {
		if c.Group != "445202" {
			t.Errorf("county sees %s", c.Group)
		}
	}
	if _, _, err := svc.Summary(ctx, access.Actor{Role: access.Enterprise, EnterpriseID: 1}, stats.Filter{}); err == nil {
		t.Error("an enterprise user read the statistics")
	}
	trend, err := svc.Trend(ctx, leader, stats.Filter{}, 2020, 2025)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range trend {
		if p.Year == 2022 && p.Tier == criteria.InnovativeSME && p.NewQualification != 40 {
			t.Errorf("innovative SMEs granted in 2022: %d", p.NewQualification)
		}
	}
}

// TestCandidatesAgreeWithTheStoredResults counts the candidates of each tier straight from the
// stored results and qualifications, on several dates, over the city and within a region.
func TestCandidatesAgreeWithTheStoredResults(t *testing.T) {
	db, now := storetest.Demo(t)
	ctx := context.Background()
	svc := stats.Service{Store: store.NewStats(db), Now: func() time.Time { return now }, Location: time.UTC}
	seen := 0
	for _, asOf := range []calendar.Date{calendar.NewDate(2021, 3, 1), calendar.NewDate(2023, 6, 30), calendar.NewDate(2026, 11, 26)} {
		for _, actor := range []access.Actor{{Role: access.Leader}, {Role: access.CountyOfficer, RegionCode: "445202"}} {
			summary, _, err := svc.Summary(ctx, actor, stats.Filter{AsOf: asOf})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range summary {
				d := asOf.String()
				q := db.Table("eligibility_results AS er").Joins("JOIN enterprises e ON e.id = er.enterprise_id").
					Where("er.eligible = ? AND er.tier = ?", true, string(s.Tier)).
					Where(`NOT EXISTS (SELECT 1 FROM qualifications q WHERE q.enterprise_id = er.enterprise_id AND q.tier = er.tier
						AND q.granted_on <= ? AND q.valid_until >= ? AND (q.revoked_on IS NULL OR q.revoked_on > ?))`, d, d, d)
				if actor.RegionCode != "" {
					q = q.Where("e.region_code = ?", actor.RegionCode)
				}
				var want int64
				if err := q.Count(&want).Error; err != nil {
					t.Fatal(err)
				}
				if int64(s.Candidates) != want {
					t.Errorf("%s %s as of %s: %d candidates, the results say %d", actor.Role, s.Tier, asOf, s.Candidates, want)
				}
				seen += s.Candidates
			}
		}
	}
	if seen == 0 {
		t.Fatal("the demo has no candidates to count")
	}
}
