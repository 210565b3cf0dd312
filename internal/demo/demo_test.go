package demo_test

import (
	"context"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
	"github.com/tiertracker/tiertracker/internal/user"
)

func TestSeed(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC)
	hasher := user.Hasher{Cost: bcrypt.MinCost}
	seeded, err := demo.Seed(ctx, store.NewSeeder(db), hasher, now, time.UTC)
	if err != nil || !seeded {
		t.Fatalf("seed: %v, %v", seeded, err)
	}
	// A second start leaves the data alone.
	if again, err := demo.Seed(ctx, store.NewSeeder(db), hasher, now, time.UTC); err != nil || again {
		t.Fatalf("second seed: %v, %v", again, err)
	}

	ents, total, err := store.NewEnterprises(db).ListEnterprises(ctx, enterprise.Filter{Page: paging.Request{Number: 1, Size: 500}, Sort: "name"})
	if err != nil || total != demo.EnterpriseCount {
		t.Fatalf("enterprises: %d, %v", total, err)
	}
	names, regions := map[string]bool{}, map[string]int{}
	for _, e := range ents {
		if creditcode.Check(e.CreditCode) != creditcode.OK {
			t.Errorf("%s: invalid code %s", e.Name, e.CreditCode)
		}
		if names[e.Name] {
			t.Errorf("duplicate name %s", e.Name)
		}
		names[e.Name] = true
		regions[e.RegionCode]++
		if e.SizeClass == "" || e.IndustryCode == "" || e.NicheMarketSince.IsZero() || e.NicheMarketSince.After(e.FoundedOn.AddYears(4)) {
			t.Errorf("%s: incomplete profile %+v", e.Name, e)
		}
	}
	for _, r := range demo.Regions {
		if regions[r.Code] == 0 {
			t.Errorf("no enterprise in %s", r.Name)
		}
	}

	users := store.NewUsers(db)
	for _, a := range demo.Accounts {
		u, err := users.GetUserByUsername(ctx, a.Username)
		if err != nil {
			t.Fatalf("%s: %v", a.Username, err)
		}
		if !hasher.Matches(u.PasswordHash, demo.Password) || u.Status != user.Active {
			t.Errorf("%s cannot sign in", a.Username)
		}
		if a.Role == access.Enterprise && u.EnterpriseID == 0 {
			t.Errorf("%s is not bound", a.Username)
		}
	}
	// On 2023-06-30 the city held 83 innovative SMEs, 76 specialised SMEs and 2 little giants.
	holders := map[criteria.Tier]int{}
	today := map[criteria.Tier]int{}
	for _, e := range ents {
		qs, err := store.NewEnterprises(db).ListQualifications(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, tier := range qualification.HeldTiers(qs, calendar.NewDate(2023, 6, 30)) {
			holders[tier]++
		}
		for _, tier := range qualification.HeldTiers(qs, calendar.On(now, time.UTC)) {
			today[tier]++
		}
	}
	if holders[criteria.InnovativeSME] != 83 || holders[criteria.SpecializedSME] != 76 || holders[criteria.LittleGiant] != 2 {
		t.Errorf("holders on 2023-06-30: %v", holders)
	}
	if today[criteria.InnovativeSME] == 0 || today[criteria.SpecializedSME] == 0 || today[criteria.LittleGiant] == 0 {
		t.Errorf("holders today: %v", today)
	}
	var results int64
	db.Table("eligibility_results").Count(&results)
	if results != 3*demo.EnterpriseCount {
		t.Errorf("stored results: %d", results)
	}

	// The batches the bureau reported: 8 recommended for the fifth batch of little giants, 67 for
	// the 2023 first batch of innovative SMEs; each approval is the qualification it granted.
	batches, _, err := store.NewBatches(db).ListBatches(ctx, batch.Filter{Today: calendar.On(now, time.UTC), Page: paging.Request{Number: 1, Size: 100}})
	if err != nil {
		t.Fatal(err)
	}
	recommended := map[string]int{}
	for _, b := range batches {
		recommended[b.Name] = b.Counts["approved"] + b.Counts["not_approved"]
	}
	if got := recommended[`第五批专精特新"小巨人"企业`]; got != 8 {
		t.Errorf("fifth batch of little giants: %d recommended, want 8", got)
	}
	if got := recommended[`2023年第一批广东省创新型中小企业`]; got != 67 {
		t.Errorf("2023 first batch of innovative SMEs: %d recommended, want 67", got)
	}
	apps, _, err := store.NewApplications(db).ListApplications(ctx, application.Filter{State: application.Approved})
	if err != nil || len(apps) == 0 {
		t.Fatalf("approved applications: %d, %v", len(apps), err)
	}
	for _, a := range apps {
		qs, err := store.NewEnterprises(db).ListQualifications(ctx, a.EnterpriseID)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, q := range qs {
			found = found || (q.ID == a.QualificationID && q.Tier == a.Batch.Tier && q.GrantedOn == a.GrantedOn && q.BatchName == a.Batch.Name)
		}
		if !found {
			t.Errorf("application %d (%s) is not linked to the qualification it granted", a.ID, a.Batch.Name)
		}
	}

	// Work under way: a public notice open today with three applications awaiting the city, two more
	// with their county.
	notices, err := store.NewNotices(db).ListNotices(ctx, 0, calendar.On(now, time.UTC))
	if err != nil || len(notices) != 1 || len(notices[0].Entries) != 3 || !notices[0].Open(calendar.On(now, time.UTC)) {
		t.Errorf("open notices: %+v, %v", notices, err)
	}
	under, _, err := store.NewApplications(db).ListApplications(ctx, application.Filter{State: application.CountyReview})
	if err != nil || len(under) != 2 {
		t.Errorf("applications with their county: %d, %v", len(under), err)
	}

	first, _ := users.GetUserByUsername(ctx, "enterprise")
	second, _ := users.GetUserByUsername(ctx, "enterprise2")
	if first.EnterpriseRegionCode != "445202" || second.EnterpriseRegionCode != "445281" {
		t.Errorf("enterprise accounts bound in %s and %s", first.EnterpriseRegionCode, second.EnterpriseRegionCode)
	}
}
