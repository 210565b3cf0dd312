package synth_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/region"
	"github.com/tiertracker/tiertracker/internal/synth"
)

var shanghai = time.FixedZone("CST", 8*3600)

func generator(t *testing.T, n int, seed uint64, existing synth.Existing) *synth.Generator {
	t.Helper()
	g, err := synth.New(synth.Config{Enterprises: n, Seed: seed, Location: shanghai}, existing)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// collect returns every chunk a generator streams.
func collect(t *testing.T, g *synth.Generator, chunkSize, workers int) []*synth.Chunk {
	t.Helper()
	var out []*synth.Chunk
	if err := g.Stream(context.Background(), chunkSize, workers, func(c *synth.Chunk) error {
		out = append(out, c)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// digest is a hash of everything a generator makes, in order; rows, not chunks, so that two
// generations chunked differently compare.
func digest(t *testing.T, g *synth.Generator, chunkSize, workers int) string {
	t.Helper()
	h := sha256.New()
	enc := json.NewEncoder(h)
	if err := enc.Encode(g.Batches()); err != nil {
		t.Fatal(err)
	}
	var all synth.Chunk
	for _, c := range collect(t, g, chunkSize, workers) {
		all.Enterprises = append(all.Enterprises, c.Enterprises...)
		all.Reports = append(all.Reports, c.Reports...)
		all.Qualifications = append(all.Qualifications, c.Qualifications...)
		all.Events = append(all.Events, c.Events...)
		all.Applications = append(all.Applications, c.Applications...)
		all.Steps = append(all.Steps, c.Steps...)
		all.Results = append(all.Results, c.Results...)
	}
	if err := enc.Encode(all); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestSameSeedSameData(t *testing.T) {
	a := digest(t, generator(t, 1500, 7, synth.Existing{}), 1000, 1)
	b := digest(t, generator(t, 1500, 7, synth.Existing{}), 64, 4)
	if a != b {
		t.Errorf("the same seed gave different data (chunks of 1000 on one goroutine, of 64 on four): %s, %s", a, b)
	}
	if c := digest(t, generator(t, 1500, 8, synth.Existing{}), 1000, 2); c == a {
		t.Error("another seed gave the same data")
	}
	g, err := synth.New(synth.Config{Enterprises: 1500, Seed: 7, Location: shanghai, Today: calendar.NewDate(2025, 12, 1)}, synth.Existing{})
	if err != nil {
		t.Fatal(err)
	}
	if d := digest(t, g, 1000, 2); d == a {
		t.Error("another day gave the same data")
	}
}

func TestShape(t *testing.T) {
	const n = 4000
	g := generator(t, n, 1, synth.Existing{})
	today := synth.DefaultToday
	batches := map[int64]criteria.Tier{}
	underWay := map[criteria.Tier]bool{}
	for i, b := range g.Batches() {
		if b.ID != int64(i+1) {
			t.Errorf("batch %d has id %d", i, b.ID)
		}
		batches[b.ID] = b.Tier
		if !b.OpensOn.After(today) && !b.ClosesOn.Before(today) {
			underWay[b.Tier] = true
		}
	}
	if !underWay[criteria.InnovativeSME] || !underWay[criteria.SpecializedSME] {
		t.Errorf("batches open today: %v", underWay)
	}
	regions := map[string]int{}
	division := map[string]string{} // of the registering authority: the city's for a zone
	for _, r := range demo.Regions {
		regions[r.Code] = 0
		division[r.Code] = r.Code
		if r.Kind == region.Zone {
			division[r.Code] = "445200"
		}
	}
	codes := map[string]bool{}
	sections := map[string]bool{}
	quals := map[int64]qualification.Qualification{}
	holders := map[criteria.Tier]int{}
	status := map[qualification.Status]int{}
	states := map[application.State]int{}
	eligible := map[criteria.Tier]int{}
	var enterprises, events, steps, apps int
	reports := map[int64]bool{}
	approvedApps := map[int64]int64{} // application → qualification
	for _, c := range collect(t, g, 500, 2) {
		for _, e := range c.Enterprises {
			enterprises++
			if e.ID != int64(enterprises) {
				t.Fatalf("enterprise %d has id %d", enterprises, e.ID)
			}
			if creditcode.Check(e.CreditCode) != creditcode.OK {
				t.Errorf("%s: invalid credit code %s", e.Name, e.CreditCode)
			}
			if codes[e.CreditCode] {
				t.Errorf("credit code %s twice", e.CreditCode)
			}
			codes[e.CreditCode] = true
			if e.CreditCode[2:8] != division[e.RegionCode] {
				t.Errorf("%s in %s registered by %s", e.Name, e.RegionCode, e.CreditCode[2:8])
			}
			if strings.Contains(e.Name, "科技科技") {
				t.Errorf("name %s", e.Name)
			}
			if _, ok := regions[e.RegionCode]; !ok {
				t.Errorf("%s: unknown region %s", e.Name, e.RegionCode)
			}
			regions[e.RegionCode]++
			section, _, ok := industry.Lookup(e.IndustryCode)
			if !ok {
				t.Errorf("%s: unknown industry %s", e.Name, e.IndustryCode)
			}
			sections[section.Code] = true
			if e.SizeClass == "" || e.NicheMarketSince.IsZero() || e.StrategicEmerging == nil || e.AbnormalOrDishonestListed == nil || e.FieldClass == "" {
				t.Errorf("%s: profile facts missing: %+v", e.Name, e)
			}
		}
		for _, r := range c.Reports {
			if reports[r.ID] || r.ID < 1 || r.ID > 3*n {
				t.Errorf("report id %d", r.ID)
			}
			reports[r.ID] = true
			if r.Year < today.Year()-3 || r.Year > today.Year()-1 || r.OperatingRevenue == nil || r.QualityScore == nil {
				t.Errorf("report %+v", r)
			}
		}
		for _, q := range c.Qualifications {
			if _, ok := quals[q.ID]; ok || q.ID != int64(len(quals)+1) {
				t.Fatalf("qualification id %d after %d", q.ID, len(quals))
			}
			quals[q.ID] = q
			if batches[q.BatchID] != q.Tier {
				t.Errorf("qualification %d of %s from batch %d", q.ID, q.Tier, q.BatchID)
			}
			st := q.StatusOn(today, qualification.DefaultExpiringDays)
			status[st]++
			if q.InForce(today) {
				holders[q.Tier]++
			}
		}
		events += len(c.Events)
		for _, ev := range c.Events {
			if _, ok := quals[ev.QualificationID]; !ok {
				t.Errorf("event %d of unknown qualification %d", ev.ID, ev.QualificationID)
			}
		}
		for _, a := range c.Applications {
			apps++
			if a.ID != int64(apps) {
				t.Fatalf("application %d has id %d", apps, a.ID)
			}
			if _, ok := batches[a.BatchID]; !ok {
				t.Errorf("application %d in unknown batch %d", a.ID, a.BatchID)
			}
			states[a.State]++
			if a.State == application.Approved {
				approvedApps[a.ID] = a.QualificationID
			}
			if a.Version < 1 || (a.State != application.Draft && a.State != application.Withdrawn && a.SubmittedAt.IsZero()) {
				t.Errorf("application %+v", a)
			}
		}
		for _, s := range c.Steps {
			steps++
			if s.ID != int64(steps) || s.ApplicationID < 1 || s.ApplicationID > int64(apps) {
				t.Errorf("step %+v", s)
			}
			if s.At.After(g.Now()) {
				t.Errorf("step %d after today: %s", s.ID, s.At)
			}
		}
		for _, r := range c.Results {
			if len(r.Results) != len(criteria.Tiers) {
				t.Errorf("enterprise %d has %d results", r.EnterpriseID, len(r.Results))
			}
			for _, x := range r.Results {
				if x.Eligible {
					eligible[x.Tier]++
				}
			}
		}
	}
	if enterprises != n || len(reports) != 3*n {
		t.Errorf("%d enterprises, %d reports", enterprises, len(reports))
	}
	for code, k := range regions {
		if k < n/50 {
			t.Errorf("region %s has %d enterprises", code, k)
		}
	}
	if !sections["C"] || !sections["I"] || !sections["M"] {
		t.Errorf("industry sections: %v", sections)
	}
	// Every tier held by a realistic share; some qualifications expired, some revoked.
	for tier, share := range map[criteria.Tier][2]float64{
		criteria.InnovativeSME: {0.15, 0.5}, criteria.SpecializedSME: {0.05, 0.3}, criteria.LittleGiant: {0.005, 0.05},
	} {
		if got := float64(holders[tier]) / n; got < share[0] || got > share[1] {
			t.Errorf("%s held by %.3f of enterprises, want %.3f–%.3f", tier, got, share[0], share[1])
		}
	}
	if status[qualification.Expired] == 0 || status[qualification.Revoked] == 0 || status[qualification.Valid] == 0 {
		t.Errorf("qualification statuses: %v", status)
	}
	for _, s := range []application.State{application.Approved, application.NotApproved, application.Rejected, application.Draft,
		application.CountyReview, application.CityReview, application.Recommended} {
		if states[s] == 0 {
			t.Errorf("no application %s: %v", s, states)
		}
	}
	if len(approvedApps) != len(quals) {
		t.Errorf("%d approved applications for %d qualifications", len(approvedApps), len(quals))
	}
	for app, q := range approvedApps {
		if quals[q].ApplicationID != app {
			t.Errorf("application %d granted qualification %d, which names application %d", app, q, quals[q].ApplicationID)
		}
	}
	// Candidates for every tier's pool.
	for _, tier := range criteria.Tiers {
		if eligible[tier] == 0 {
			t.Errorf("nobody eligible for %s: %v", tier, eligible)
		}
	}
	t.Logf("holders %v, eligible %v, statuses %v, applications %v, events %d, steps %d", holders, eligible, status, states, events, steps)
}

// Every fact the criteria read is generated, under either ruleset: no result misses one.
func TestNoFactMissing(t *testing.T) {
	for _, today := range []calendar.Date{synth.DefaultToday, calendar.NewDate(2025, 12, 1)} {
		g, err := synth.New(synth.Config{Enterprises: 500, Seed: 3, Location: shanghai, Today: today}, synth.Existing{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range collect(t, g, 100, 2) {
			for _, r := range c.Results {
				for _, x := range r.Results {
					if len(x.Missing) > 0 {
						t.Fatalf("%s: enterprise %d, %s: facts missing %v", today, r.EnterpriseID, x.Tier, x.Missing)
					}
				}
			}
		}
	}
}

func TestAddedRegistryFollowsExisting(t *testing.T) {
	base := generator(t, 10, 1, synth.Existing{})
	existing := synth.Existing{Enterprises: 10, Last: synth.IDs{Enterprise: 10, AnnualReport: 30, Qualification: 5, QualificationEvent: 9,
		Batch: 40, Application: 7, ApplicationStep: 20}, Batches: map[string]int64{}}
	for i, b := range base.Batches() {
		if i%2 == 0 {
			existing.Batches[b.Name] = 100 + b.ID
		}
	}
	g := generator(t, 300, 2, existing)
	known := map[int64]bool{}
	for _, id := range existing.Batches {
		known[id] = true
	}
	for _, b := range g.Batches() {
		if _, ok := existing.Batches[b.Name]; ok || b.ID <= 40 {
			t.Errorf("batch %s (%d) again", b.Name, b.ID)
		}
		known[b.ID] = true
	}
	first := collect(t, g, 100, 2)[0]
	if e := first.Enterprises[0]; e.ID != 11 {
		t.Errorf("first enterprise id %d", e.ID)
	}
	if r := first.Reports[0]; r.ID <= 30 {
		t.Errorf("first report id %d", r.ID)
	}
	if q := first.Qualifications[0]; q.ID != 6 {
		t.Errorf("first qualification id %d", q.ID)
	}
	if a := first.Applications[0]; a.ID != 8 || !known[a.BatchID] {
		t.Errorf("first application %+v", a)
	}
	if s := first.Steps[0]; s.ID != 21 || s.ApplicationID <= 7 {
		t.Errorf("first step %+v", s)
	}
}

func TestBadConfig(t *testing.T) {
	for _, cfg := range []synth.Config{
		{Enterprises: 0},
		{Enterprises: 10, Today: calendar.NewDate(2021, 5, 1)},
		{Enterprises: 10, Today: calendar.NewDate(criteria.MaxYear+2, 1, 1)},
		{Enterprises: synth.MaxEnterprises + 1},
	} {
		if _, err := synth.New(cfg, synth.Existing{}); !errors.Is(err, synth.ErrBadConfig) {
			t.Errorf("%+v: %v", cfg, err)
		}
	}
}

// A failing write stops the stream and its generators.
func TestStreamStopsOnError(t *testing.T) {
	g := generator(t, 5000, 1, synth.Existing{})
	boom := errors.New("boom")
	calls := 0
	err := g.Stream(context.Background(), 10, 4, func(*synth.Chunk) error {
		calls++
		if calls == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || calls != 3 {
		t.Errorf("err %v after %d chunks", err, calls)
	}
}
