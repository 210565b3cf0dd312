package store_test

import (
	"context"
	"fmt"
	"maps"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
)

// firstEnterprises returns the first n enterprises of the registry.
func firstEnterprises(t *testing.T, db *gorm.DB, n int) []enterprise.Enterprise {
	t.Helper()
	list, _, err := store.NewEnterprises(db).ListEnterprises(context.Background(), enterprise.Filter{Page: paging.Request{Number: 1, Size: n}})
	if err != nil || len(list) < n {
		t.Fatalf("enterprises: %d, %v", len(list), err)
	}
	return list
}

// concurrently runs n writes at once, each i of 0..n-1, and fails the test with those that fail.
func concurrently(t *testing.T, n int, write func(i int) error) {
	t.Helper()
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = write(i) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("write %d: %v", i, err)
		}
	}
}

// storedCohorts reads the statistics' cohorts whose count is not zero.
func storedCohorts(t *testing.T, db *gorm.DB) map[string]int64 {
	t.Helper()
	var rows []struct {
		Kind, Tier, RegionCode, IndustryCode string
		StartsOn, EndsOn, ValidUntil         calendar.Date
		N                                    int64
	}
	if err := db.Table("stat_cohorts").Where("n <> 0").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, r := range rows {
		if r.N < 0 {
			t.Errorf("negative count %+v", r)
		}
		out[fmt.Sprintf("%s %s %s %s %s..%s %s", r.Kind, r.Tier, r.RegionCode, r.IndustryCode, r.StartsOn, r.EndsOn, r.ValidUntil)] = r.N
	}
	return out
}

// checkCohorts compares the cohorts the writes kept with those counted again from the tables.
func checkCohorts(t *testing.T, db *gorm.DB, after string) {
	t.Helper()
	kept := storedCohorts(t, db)
	if err := store.NewStats(db).RebuildCohorts(context.Background()); err != nil {
		t.Fatal(err)
	}
	counted := storedCohorts(t, db)
	if len(counted) == 0 {
		t.Fatalf("after %s: no cohorts counted", after)
	}
	if !maps.Equal(kept, counted) {
		for k, n := range counted {
			if kept[k] != n {
				t.Errorf("after %s: %s kept %d, counted %d", after, k, kept[k], n)
			}
		}
		for k, n := range kept {
			if _, ok := counted[k]; !ok {
				t.Errorf("after %s: %s kept %d, counted none", after, k, n)
			}
		}
	}
}

func TestCohortsKeptInStepWithTheWrites(t *testing.T) {
	db, now := storetest.Demo(t)
	ctx := context.Background()
	checkCohorts(t, db, "the demo seed")

	quals := store.NewQualifications(db)
	listed, _, err := quals.QueryQualifications(ctx, qualification.Filter{Tier: criteria.SpecializedSME, Status: qualification.Valid,
		AsOf: calendar.On(now, time.UTC), Page: paging.Request{Number: 1, Size: 3}})
	if err != nil || len(listed) < 3 {
		t.Fatalf("holders of the demo: %v, %v", len(listed), err)
	}
	ents := store.NewEnterprises(db)

	// An enterprise moves to another region and industry: its counts move with it.
	ent, err := ents.GetEnterprise(ctx, access.Scope{}, listed[0].EnterpriseID)
	if err != nil {
		t.Fatal(err)
	}
	ent.RegionCode, ent.IndustryCode = "445281", "I65"
	if ent.RegionCode == listed[0].RegionCode {
		ent.RegionCode = "445202"
	}
	if err := ents.UpdateEnterprise(ctx, &ent, ent.Version); err != nil {
		t.Fatal(err)
	}
	checkCohorts(t, db, "an enterprise moved")

	// A qualification revoked.
	q := listed[1].Qualification
	q.RevokedOn, q.RevokeReasonCode, q.RevokedReason, q.RevokedBy = calendar.On(now, time.UTC).AddDays(-30), "other", "核对", "city"
	if err := quals.UpdateQualification(ctx, &q, q.Version); err != nil {
		t.Fatal(err)
	}
	checkCohorts(t, db, "a revocation")

	// A higher tier granted inside a lower one's term, and the enterprise's results changed.
	id := listed[2].EnterpriseID
	granted := listed[2].GrantedOn.AddDays(200)
	lg := qualification.Qualification{EnterpriseID: id, Tier: criteria.LittleGiant, Source: qualification.SourceImport,
		GrantedOn: granted, ValidUntil: qualification.ValidUntilOf(granted), Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := ents.CreateQualifications(ctx, []qualification.Qualification{lg}); err != nil {
		t.Fatal(err)
	}
	checkCohorts(t, db, "a grant")
	results := []criteria.Result{
		{Tier: criteria.InnovativeSME, Ruleset: criteria.Ruleset2022, ReportYear: 2025, Eligible: false},
		{Tier: criteria.SpecializedSME, Ruleset: criteria.Ruleset2022, ReportYear: 2025, Eligible: true},
		{Tier: criteria.LittleGiant, Ruleset: criteria.Ruleset2022, ReportYear: 2025, Eligible: true},
	}
	if err := store.NewEligibility(db).SaveResults(ctx, id, results, now); err != nil {
		t.Fatal(err)
	}
	checkCohorts(t, db, "results saved")
}

// TestCohortsOfConcurrentGrants grants one enterprise several overlapping qualifications at once,
// each in its own transaction: the enterprise's highest-tier periods depend on all of them, so
// each writer must see the others' grants (on PostgreSQL, the enterprise's lock).
func TestCohortsOfConcurrentGrants(t *testing.T) {
	db, now := storetest.Demo(t)
	ctx := context.Background()
	ents := store.NewEnterprises(db)
	list := firstEnterprises(t, db, 2)
	concurrently(t, 16, func(i int) error {
		granted := calendar.NewDate(2020, 1, 1).AddDays(97 * i)
		q := qualification.Qualification{EnterpriseID: list[i%2].ID, Tier: criteria.Tiers[i%3], Source: qualification.SourceImport,
			GrantedOn: granted, ValidUntil: qualification.ValidUntilOf(granted), Version: 1, CreatedAt: now, UpdatedAt: now}
		return ents.CreateQualifications(ctx, []qualification.Qualification{q})
	})
	checkCohorts(t, db, "concurrent grants")
}

// TestMigration0012StatisticsCohorts upgrades a database with a registry in it: the migration
// counts the cohorts of what is there, as the writes since would have kept them.
func TestMigration0012StatisticsCohorts(t *testing.T) {
	db, _ := storetest.Demo(t)
	ctx := context.Background()
	kept := storedCohorts(t, db)
	// The database as the release before left it: no cohorts, 0012 not applied.
	if err := db.Migrator().DropTable("stat_cohorts"); err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("DELETE FROM schema_migrations WHERE id = ?", "0012_statistics_cohorts").Error; err != nil {
		t.Fatal(err)
	}
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	if counted := storedCohorts(t, db); len(counted) == 0 || !maps.Equal(kept, counted) {
		t.Errorf("migrated: %d cohorts, the writes kept %d", len(counted), len(kept))
	}
}

// TestCohortsOfConcurrentReports saves reports of one enterprise at once, each with its refresh
// in its own transaction, as an enterprise user and an officer may: a report's insert takes a
// share lock of its enterprise first (its foreign key), which the refresh's lock of the
// enterprise must not deadlock against.
func TestCohortsOfConcurrentReports(t *testing.T) {
	db, now := storetest.Demo(t)
	ctx := context.Background()
	list := firstEnterprises(t, db, 1)
	concurrently(t, 8, func(i int) error {
		return store.NewReports(db).Tx(ctx, func(st report.Store) error {
			a := report.Annual{EnterpriseID: list[0].ID, Version: 1, CreatedAt: now, UpdatedAt: now}
			a.Year = 2000 + i
			if err := st.CreateAnnualReport(ctx, &a); err != nil {
				return err
			}
			return st.RefreshEligibility(ctx, list[0].ID, now, time.UTC)
		})
	})
	checkCohorts(t, db, "concurrent reports")
}

// TestCohortsOfALongTransaction moves two enterprises of one cohort in a long transaction (as an
// import does), while another moves the second meanwhile: the counts are written as each
// transaction commits, so the long one holds no count row the other waits for while it waits for
// the other's enterprise.
func TestCohortsOfALongTransaction(t *testing.T) {
	db, now := storetest.Demo(t)
	ctx := context.Background()
	ents := store.NewEnterprises(db)
	list := firstEnterprises(t, db, 2)
	eligible := []criteria.Result{{Tier: criteria.InnovativeSME, Ruleset: criteria.Ruleset2022, ReportYear: 2025, Eligible: true}}
	// Both in one region and industry, eligible for one tier: they share that cohort's count.
	move := func(st enterprise.Store, id int64, region string) error {
		e, err := st.GetEnterprise(ctx, access.Scope{}, id)
		if err != nil {
			return err
		}
		e.RegionCode, e.IndustryCode = region, "C34"
		return st.UpdateEnterprise(ctx, &e, e.Version)
	}
	for _, e := range list {
		if err := move(ents, e.ID, "445202"); err != nil {
			t.Fatal(err)
		}
		if err := store.NewEligibility(db).SaveResults(ctx, e.ID, eligible, now); err != nil {
			t.Fatal(err)
		}
	}
	moved := make(chan struct{})
	other := make(chan error, 1)
	go func() {
		<-moved
		other <- ents.Tx(ctx, func(st enterprise.Store) error { return move(st, list[1].ID, "445203") })
	}()
	err := ents.Tx(ctx, func(st enterprise.Store) error {
		if err := move(st, list[0].ID, "445281"); err != nil {
			return err
		}
		close(moved)
		time.Sleep(300 * time.Millisecond) // the other takes the second enterprise
		return move(st, list[1].ID, "445224")
	})
	if err != nil {
		t.Errorf("the long transaction: %v", err)
	}
	if err := <-other; err != nil {
		t.Errorf("the other: %v", err)
	}
	checkCohorts(t, db, "a long transaction beside another")
}
