package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/cultivation"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
	"github.com/tiertracker/tiertracker/internal/stats"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
	"github.com/tiertracker/tiertracker/internal/synth"
)

var loadedAt = time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC)

var cst = time.FixedZone("CST", 8*3600)

func load(t *testing.T, db *gorm.DB, cfg synth.Config, add bool) synth.Counts {
	t.Helper()
	counts, err := synth.Load(context.Background(), store.NewBulk(db), cfg, synth.Options{Add: add, ChunkSize: 64, LoadedAt: loadedAt})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return counts
}

func rowsOf(t *testing.T, db *gorm.DB, table string) int64 {
	t.Helper()
	var n int64
	if err := db.Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// storedResults reads every stored criteria result, every column of it.
func storedResults(t *testing.T, db *gorm.DB) []store.EligibilityRow {
	t.Helper()
	var rows []store.EligibilityRow
	if err := db.Order("enterprise_id, tier").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	return rows
}

// A loaded registry is the server's own: every row where it belongs, the server's reads answer
// over it, its results are what the server's refresh computes from the stored facts, and the
// server's inserts follow the loaded ids.
func TestBulkLoad(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	cfg := synth.Config{Enterprises: 300, Seed: 5, Location: cst}
	indexes := indexNames(t, db)
	counts := load(t, db, cfg, false)
	if after := indexNames(t, db); !slices.Equal(after, indexes) {
		t.Errorf("indexes after the load:\n%v\nbefore:\n%v", after, indexes)
	}
	for _, tr := range counts.Tables() {
		if got := rowsOf(t, db, tr.Table); got != tr.Rows || got == 0 {
			t.Errorf("%s: %d rows stored, %d loaded", tr.Table, got, tr.Rows)
		}
	}
	if counts.Enterprises != 300 || counts.Reports != 900 || counts.Results != 900 || counts.Regions != 9 {
		t.Errorf("counts %+v", counts)
	}

	// The holders the summary counts are those the generator made.
	g, err := synth.New(cfg, synth.Existing{})
	if err != nil {
		t.Fatal(err)
	}
	today := synth.DefaultToday
	want := map[criteria.Tier]int{}
	if err := g.Stream(ctx, 100, 1, func(c *synth.Chunk) error {
		for _, q := range c.Qualifications {
			if q.InForce(today) {
				want[q.Tier]++
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	leader := access.Actor{Username: "leader", Role: access.Leader}
	summary, _, err := stats.Service{Store: store.NewStats(db), Now: g.Now, Location: cst}.Summary(ctx, leader, stats.Filter{AsOf: today})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range summary {
		if s.Holders != want[s.Tier] || s.Holders == 0 {
			t.Errorf("%s: %d holders in the summary, %d generated", s.Tier, s.Holders, want[s.Tier])
		}
	}
	list, total, err := store.NewEnterprises(db).ListEnterprises(ctx, enterprise.Filter{RegionCode: "445281", Industry: "C", Sort: "name", Page: paging.Request{Number: 1, Size: 20}})
	if err != nil || total == 0 || len(list) == 0 {
		t.Fatalf("enterprise list: %d of %d, %v", len(list), total, err)
	}
	for _, e := range list {
		if e.RegionCode != "445281" || e.IndustryCode[0] != 'C' || e.RegionName == "" {
			t.Errorf("listed %+v", e)
		}
	}
	pool, total, err := store.NewCultivation(db).ListCandidates(ctx, cultivation.Filter{TargetTier: criteria.SpecializedSME, Today: today, Page: paging.Request{Number: 1, Size: 20}})
	if err != nil || total == 0 || len(pool) == 0 {
		t.Fatalf("pool: %d of %d, %v", len(pool), total, err)
	}

	// A page of the pool explains each row's stored verdict again from the loaded records: the
	// same verdict and score, under the tier asked for.
	// Two years on, with the daily refresh not run, a page still explains the verdicts stored.
	explained := 0
	for _, tier := range criteria.Tiers {
		for _, now := range []time.Time{g.Now(), g.Now().AddDate(2, 0, 0)} {
			pools := cultivation.Service{Store: store.NewCultivation(db), Now: func() time.Time { return now }, Location: cst}
			page, err := pools.List(ctx, access.Actor{Role: access.CityOfficer, Username: "city"},
				cultivation.Filter{TargetTier: tier, Page: paging.Request{Number: 1, Size: 100}})
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range page.Items {
				score := func(p *int) int {
					if p == nil {
						return -1
					}
					return *p
				}
				if row.Result.Tier != tier || row.Result.Eligible != row.Eligible || score(row.Result.Score) != score(row.Score) || len(row.Result.Criteria) == 0 {
					t.Errorf("%s pool, enterprise %d: stored eligible %t score %d, explained %s eligible %t score %d (%d criteria)", tier, row.EnterpriseID,
						row.Eligible, score(row.Score), row.Result.Tier, row.Result.Eligible, score(row.Result.Score), len(row.Result.Criteria))
				}
				explained++
			}
		}
	}
	if explained < 50 {
		t.Errorf("only %d rows of the pools explained", explained)
	}

	// The stored results are what the server's own refresh computes from the stored facts.
	before := storedResults(t, db)
	if _, err := store.NewJobs(db).RefreshAllEligibility(ctx, g.Now(), cst); err != nil {
		t.Fatal(err)
	}
	if after := storedResults(t, db); !reflect.DeepEqual(before, after) {
		for i := range before {
			if i < len(after) && !reflect.DeepEqual(before[i], after[i]) {
				t.Fatalf("stored result differs from the refresh's:\nloaded    %+v\nrefreshed %+v", before[i], after[i])
			}
		}
		t.Fatalf("%d results loaded, %d after the refresh", len(before), len(after))
	}
	// Today's refresh is done.
	if again, err := store.NewJobs(db).ClaimDay(ctx, "eligibility_refresh", today, "replica"); err != nil || again {
		t.Errorf("today's refresh claimed again: %t, %v", again, err)
	}

	// The server's own inserts follow the loaded ids.
	e := enterprise.Enterprise{Name: "揭阳市新来企业有限公司", CreditCode: newCode(), RegionCode: "445202", Tags: []string{}, Version: 1}
	if err := store.NewEnterprises(db).CreateEnterprise(ctx, &e); err != nil || e.ID != counts.Enterprises+1 {
		t.Fatalf("new enterprise: id %d, %v", e.ID, err)
	}
	reports := []report.Annual{{EnterpriseID: e.ID, Report: criteria.Report{Year: 2025}}}
	if err := store.NewReports(db).CreateAnnualReports(ctx, reports); err != nil || reports[0].ID != counts.Reports+1 {
		t.Fatalf("new report: id %d, %v", reports[0].ID, err)
	}
	b := batch.Batch{Tier: criteria.InnovativeSME, Kind: batch.Recognition, Year: 2026, Name: "新批次", Ruleset: criteria.Ruleset2026,
		OpensOn: today, ClosesOn: today.AddDays(30), CreatedBy: "city", Version: 1}
	if err := store.NewBatches(db).CreateBatch(ctx, &b); err != nil || b.ID != counts.Batches+1 {
		t.Fatalf("new batch: id %d, %v", b.ID, err)
	}
	a := application.Application{BatchID: b.ID, EnterpriseID: e.ID, ReportYear: 2025, State: application.Draft, CreatedBy: "x", Version: 1}
	apps := store.NewApplications(db)
	if err := apps.CreateApplication(ctx, &a); err != nil || a.ID != counts.Applications+1 {
		t.Fatalf("new application: id %d, %v", a.ID, err)
	}
	if err := apps.AddStep(ctx, application.Step{ApplicationID: a.ID, ActorUsername: "x", ActorRole: access.Enterprise, Action: application.Submit,
		From: application.Draft, To: application.CountyReview}); err != nil {
		t.Fatal(err)
	}
	qs := []qualification.Qualification{{EnterpriseID: e.ID, Tier: criteria.InnovativeSME, Source: qualification.SourceImport, GrantedOn: today, ValidUntil: today.AddYears(3)}}
	if err := apps.CreateQualifications(ctx, qs); err != nil || qs[0].ID != counts.Qualifications+1 {
		t.Fatalf("new qualification: id %d, %v", qs[0].ID, err)
	}
	evs := []qualification.Event{{QualificationID: qs[0].ID, Kind: qualification.Granted, On: today, ValidUntil: today.AddYears(3), ActorUsername: "x"}}
	if err := apps.CreateQualificationEvents(ctx, evs); err != nil || evs[0].ID != counts.Events+1 {
		t.Fatalf("new event: id %d, %v", evs[0].ID, err)
	}
	var lastStep int64
	if err := db.Table("application_steps").Select("MAX(id)").Scan(&lastStep).Error; err != nil || lastStep != counts.Steps+1 {
		t.Fatalf("new step: id %d, %v", lastStep, err)
	}
}

// indexNames returns the names of the database's indexes.
func indexNames(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	q := "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
	if db.Dialector.Name() == "postgres" {
		q = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
	}
	var names []string
	if err := db.Raw(q).Scan(&names).Error; err != nil {
		t.Fatal(err)
	}
	return names
}

// failingStore fails the load after its first chunks.
type failingStore struct{ synth.Store }

var errFailed = errors.New("the disk is full")

func (f failingStore) Tx(ctx context.Context, fn func(synth.Store) error) error {
	return f.Store.Tx(ctx, func(st synth.Store) error { return fn(failingStore{st}) })
}

func (f failingStore) WriteChunk(ctx context.Context, c *synth.Chunk) error {
	if c.Enterprises[0].ID > 100 {
		return errFailed
	}
	return f.Store.WriteChunk(ctx, c)
}

// A load that fails leaves the database as it was, indexes and all.
func TestBulkLoadFailing(t *testing.T) {
	db := storetest.New(t)
	indexes := indexNames(t, db)
	_, err := synth.Load(context.Background(), failingStore{store.NewBulk(db)}, synth.Config{Enterprises: 300, Seed: 1, Location: cst},
		synth.Options{ChunkSize: 50, LoadedAt: loadedAt})
	if !errors.Is(err, errFailed) {
		t.Fatalf("load: %v", err)
	}
	for _, table := range []string{"enterprises", "regions", "batches", "eligibility_results", "audit_events", "job_claims"} {
		if n := rowsOf(t, db, table); n != 0 {
			t.Errorf("%d rows in %s after a failed load", n, table)
		}
	}
	if after := indexNames(t, db); !slices.Equal(after, indexes) {
		t.Errorf("indexes after a failed load:\n%v\nbefore:\n%v", after, indexes)
	}
	load(t, db, synth.Config{Enterprises: 120, Seed: 1, Location: cst}, false)
}

func newCode() string {
	body := "91445202MA0000001"
	return body + string(creditcode.CheckChar(body))
}

// A database that holds enterprises is refused, unless told to add; an added registry follows the
// ids there and joins the batches of the same names.
func TestBulkLoadRefusesARegistry(t *testing.T) {
	db := storetest.New(t)
	cfg := synth.Config{Enterprises: 120, Seed: 1, Location: cst}
	first := load(t, db, cfg, false)
	_, err := synth.Load(context.Background(), store.NewBulk(db), cfg, synth.Options{LoadedAt: loadedAt})
	if !errors.Is(err, synth.ErrNotEmpty) {
		t.Fatalf("second load: %v", err)
	}
	if n := rowsOf(t, db, "enterprises"); n != 120 {
		t.Fatalf("%d enterprises after a refused load", n)
	}
	cfg.Seed = 2
	second := load(t, db, cfg, true)
	if second.Batches != 0 || second.Regions != 0 || second.Enterprises != 120 {
		t.Errorf("added %+v", second)
	}
	if n := rowsOf(t, db, "batches"); n != first.Batches {
		t.Errorf("%d batches after adding, %d before", n, first.Batches)
	}
	var ids []int64
	if err := db.Table("enterprises").Order("id").Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	if len(ids) != 240 || ids[0] != 1 || ids[239] != 240 {
		t.Errorf("enterprise ids %d..%d of %d", ids[0], ids[len(ids)-1], len(ids))
	}
	var codes int64
	if err := db.Table("enterprises").Distinct("credit_code").Count(&codes).Error; err != nil || codes != 240 {
		t.Errorf("%d distinct credit codes, %v", codes, err)
	}
}

// The same seed loads the same rows, into any database; another seed does not.
func TestBulkLoadSameContent(t *testing.T) {
	cfg := synth.Config{Enterprises: 150, Seed: 11, Location: cst}
	a, b, c := storetest.New(t), storetest.New(t), storetest.New(t)
	load(t, a, cfg, false)
	load(t, b, cfg, false)
	cfg.Seed = 12
	load(t, c, cfg, false)
	ta, tb, tc := tableContents(t, a), tableContents(t, b), tableContents(t, c)
	for table, rows := range ta {
		if !slices.Equal(rows, tb[table]) {
			t.Errorf("%s differs between two loads of the same seed", table)
		}
	}
	if slices.Equal(ta["enterprises"], tc["enterprises"]) {
		t.Error("another seed loaded the same enterprises")
	}
}

// A load writes every column of the tables it writes: a column added by a later migration must be
// generated, or the load would leave it to its default unseen.
func TestBulkColumnsCoverTables(t *testing.T) {
	db := storetest.New(t)
	for table, columns := range store.BulkColumns(t, db) {
		types, err := db.Migrator().ColumnTypes(table)
		if err != nil {
			t.Fatal(err)
		}
		for _, ct := range types {
			if !slices.Contains(columns, ct.Name()) {
				t.Errorf("%s.%s is not written by a load", table, ct.Name())
			}
		}
	}
}
