package store_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
)

func TestMigrateIsIdempotent(t *testing.T) {
	db := storetest.NewEmpty(t)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if err := store.Migrate(ctx, db); err != nil {
			t.Fatalf("run %d: %v", i+1, err)
		}
	}
	ids, err := store.Applied(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(ids) || len(ids) == 0 {
		t.Errorf("applied = %v", ids)
	}
}

func TestMigration0001Foundation(t *testing.T) {
	db := storetest.New(t)
	m := db.Migrator()
	want := map[string][]string{
		"regions":         {"code", "name", "name_en", "kind", "sort_order"},
		"enterprises":     {"id", "name", "credit_code", "credit_code_override", "region_code", "industry_code", "size_class", "founded_on", "niche_market_since", "strategic_emerging", "liaison_officer_id", "tags", "version"},
		"users":           {"id", "username", "role", "region_code", "enterprise_id", "status", "password_hash", "self_registered", "decided_by"},
		"sessions":        {"id", "user_id", "last_seen_at", "expires_at"},
		"login_throttles": {"username", "failures", "window_start", "locked_until"},
		"audit_events":    {"id", "at", "actor_username", "action", "entity_type", "entity_id", "before", "after", "request_id"},
		"annual_reports":  {"enterprise_id", "year", "employees", "rd_staff", "operating_revenue", "rd_expense", "total_liabilities"},
	}
	for table, columns := range want {
		if !m.HasTable(table) {
			t.Errorf("table %s missing", table)
			continue
		}
		for _, c := range columns {
			if !m.HasColumn(table, c) {
				t.Errorf("column %s.%s missing", table, c)
			}
		}
	}
	// The credit code is unique, and an enterprise needs an existing region.
	if err := db.Exec("INSERT INTO regions (code, name, name_en, kind, sort_order) VALUES ('445202', '榕城区', 'Rongcheng', 'district', 1)").Error; err != nil {
		t.Fatal(err)
	}
	insert := "INSERT INTO enterprises (name, credit_code, region_code, tags, version, created_at, updated_at) VALUES (?, ?, ?, '[]', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
	if err := db.Exec(insert, "甲", "914403001922038216", "445202").Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(insert, "乙", "914403001922038216", "445202").Error; err == nil {
		t.Error("a duplicate credit code was stored")
	}
	if err := db.Exec(insert, "丙", "9144030071526726XG", "999999").Error; err == nil {
		t.Error("an enterprise of an unknown region was stored")
	}
}

func TestMigration0003EnterpriseNameSort(t *testing.T) {
	db := storetest.NewEmpty(t)
	ctx := context.Background()
	// Enterprises stored before the migration get their sort keys from it.
	if err := store.MigrateTo(ctx, db, "0002_rate_limits"); err != nil {
		t.Fatal(err)
	}
	db.Exec("INSERT INTO regions (code, name, name_en, kind, sort_order) VALUES ('445202', '榕城区', 'Rongcheng', 'district', 1)")
	insert := "INSERT INTO enterprises (name, credit_code, region_code, tags, version, created_at, updated_at) VALUES (?, ?, '445202', '[]', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
	if err := db.Exec(insert, "普宁市甲公司", "914403001922038216").Error; err != nil {
		t.Fatal(err)
	}
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	var key string
	db.Raw("SELECT name_sort FROM enterprises WHERE credit_code = '914403001922038216'").Scan(&key)
	if key != "pu ning shi jia gong si " {
		t.Errorf("name_sort = %q", key)
	}
}

func TestMigration0004CriteriaFacts(t *testing.T) {
	db := storetest.NewEmpty(t)
	if err := store.MigrateTo(context.Background(), db, "0004_criteria_facts"); err != nil {
		t.Fatal(err)
	}
	m := db.Migrator()
	want := map[string][]string{
		"enterprises":         {"abnormal_or_dishonest_listed", "major_incident_or_violation_3y", "field_class", "key_field", "key_chain_link", "honours", "awards", "makers_china"},
		"annual_reports":      {"ip_class1", "ip_class1_high_value", "ip_class1_applied", "rd_institution", "digital_level", "quality_own_brand", "national_market_share", "local_score", "quality_score", "domestic_rank"},
		"qualifications":      {"enterprise_id", "tier", "granted_on", "valid_until", "revoked_on"},
		"eligibility_results": {"enterprise_id", "tier", "eligible", "score", "unmet_count", "result"},
		"cultivation_entries": {"enterprise_id", "target_tier", "owner_id", "follow_up_on"},
	}
	for table, cols := range want {
		for _, c := range cols {
			if !m.HasColumn(table, c) {
				t.Errorf("%s.%s missing", table, c)
			}
		}
	}
	// The new tables' foreign keys point at real tables.
	err := db.Exec("INSERT INTO qualifications (enterprise_id, tier, source, granted_on, valid_until, version, created_at, updated_at) VALUES (999, 'innovative_sme', 'import', '2024-01-01', '2027-01-01', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").Error
	if err == nil {
		t.Error("a qualification of no enterprise was stored")
	}
}

func TestMigration0005Workflow(t *testing.T) {
	db := storetest.New(t)
	for table, cols := range map[string][]string{
		"batches":              {"tier", "kind", "year", "name", "ruleset", "opens_on", "closes_on", "closed_early_on"},
		"applications":         {"batch_id", "enterprise_id", "report_year", "state", "self_check", "version"},
		"application_steps":    {"application_id", "actor_username", "action", "from_state", "to_state", "comment"},
		"attachments":          {"application_id", "filename", "sha256", "storage_key"},
		"qualification_events": {"qualification_id", "kind", "on_date", "valid_until"},
		"qualifications":       {"batch_name", "application_id", "revoke_reason_code"},
		"notifications":        {"user_id", "kind", "dedupe_key", "read_at"},
	} {
		for _, c := range cols {
			if !db.Migrator().HasColumn(table, c) {
				t.Errorf("%s.%s missing", table, c)
			}
		}
	}
	// One live application per enterprise and batch; a withdrawn one does not count.
	must := func(sql string, args ...any) {
		t.Helper()
		if err := db.Exec(sql, args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	must("INSERT INTO regions (code, name, name_en, kind, sort_order) VALUES ('445202', '榕城区', 'Rongcheng', 'district', 1)")
	must("INSERT INTO enterprises (name, name_sort, credit_code, region_code, tags, version, created_at, updated_at) VALUES ('甲', 'jia', '914403001922038216', '445202', '[]', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
	must("INSERT INTO batches (tier, kind, year, name, ruleset, opens_on, closes_on, created_by, version, created_at, updated_at) VALUES ('innovative_sme', 'recognition', 2026, 'x', 'miit-2022', '2026-01-01', '2026-12-31', 'city', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
	app := "INSERT INTO applications (batch_id, enterprise_id, report_year, state, created_by, version, created_at, updated_at) VALUES (1, 1, 2025, ?, 'e', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
	must(app, "withdrawn")
	must(app, "draft")
	if err := db.Exec(app, "county_review").Error; err == nil {
		t.Error("two live applications in one batch")
	}
}

func TestMigration0006Imports(t *testing.T) {
	db := storetest.New(t)
	for _, c := range []string{"kind", "filename", "format", "content", "status", "failure", "validated", "total_rows",
		"processed_rows", "error_count", "errors", "created_count", "updated_count", "created_by_id", "heartbeat_at", "version"} {
		if !db.Migrator().HasColumn("import_jobs", c) {
			t.Errorf("import_jobs.%s missing", c)
		}
	}
}

func TestMigration0007CancellationProposals(t *testing.T) {
	db := storetest.New(t)
	for _, c := range []string{"enterprise_id", "qualification_id", "tier", "period_valid_until", "missed_years", "status", "reason", "decided_by", "decided_at", "version"} {
		if !db.Migrator().HasColumn("cancellation_proposals", c) {
			t.Errorf("cancellation_proposals.%s missing", c)
		}
	}
	if !db.Migrator().HasIndex("cancellation_proposals", "idx_proposal_period") {
		t.Error("one proposal per qualification and period is not enforced")
	}
}

func TestMigration0008PublicNotices(t *testing.T) {
	db := storetest.New(t)
	for table, cols := range map[string][]string{
		"public_notices":        {"batch_id", "title", "contact", "published_on", "ends_on", "published_by"},
		"public_notice_entries": {"public_notice_id", "application_id"},
		"objections":            {"public_notice_id", "application_id", "name", "phone", "reasons", "status", "resolution", "client_address", "version"},
		"objection_files":       {"objection_id", "filename", "content_type", "size", "sha256", "storage_key"},
	} {
		for _, c := range cols {
			if !db.Migrator().HasColumn(table, c) {
				t.Errorf("%s.%s missing", table, c)
			}
		}
	}
}

func TestMigration0009JobClaims(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	day := calendar.NewDate(2026, 11, 27)
	jobs := store.NewJobs(db)
	first, err := jobs.ClaimDay(ctx, "refresh", day, "replica-a")
	if err != nil || !first {
		t.Fatalf("first claim: %v %v", first, err)
	}
	for _, c := range []struct {
		job     string
		day     calendar.Date
		replica string
		want    bool
	}{
		{"refresh", day, "replica-b", false},           // taken that day
		{"refresh", day, "replica-a", false},           // even by itself again
		{"refresh", day.AddDays(1), "replica-b", true}, // the next day is free
		{"expiry", day, "replica-b", true},             // another job is free
	} {
		if got, err := jobs.ClaimDay(ctx, c.job, c.day, c.replica); err != nil || got != c.want {
			t.Errorf("claim %s %s by %s = %v %v, want %v", c.job, c.day, c.replica, got, err, c.want)
		}
	}
}

func TestMigration0010StatisticsIndexes(t *testing.T) {
	db := storetest.New(t)
	for table, index := range map[string]string{"eligibility_results": "idx_eligibility_eligible_tier", "qualifications": "idx_qualification_in_force"} {
		if !db.Migrator().HasIndex(table, index) {
			t.Errorf("%s has no index %s", table, index)
		}
	}
}

func TestMigration0011RegistryListIndexes(t *testing.T) {
	db := storetest.New(t)
	for _, index := range []string{"idx_enterprises_region_name", "idx_enterprises_region_industry"} {
		if !db.Migrator().HasIndex("enterprises", index) {
			t.Errorf("enterprises has no index %s", index)
		}
	}
}

// Servers started together on an empty database (replicas of one release) take turns: every one
// starts, and each migration is applied once.
func TestMigrateWhenServersStartTogether(t *testing.T) {
	ctx := context.Background()
	url, dir := storetest.URL(t), t.TempDir()
	const servers = 4
	dbs := make([]*gorm.DB, servers)
	for i := range dbs {
		db, err := store.Open(ctx, url, dir)
		if err != nil {
			t.Fatal(err)
		}
		sqlDB, _ := db.DB()
		t.Cleanup(func() { _ = sqlDB.Close() })
		dbs[i] = db
	}
	errs := make([]error, servers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, db := range dbs {
		wg.Go(func() {
			<-start
			errs[i] = store.Migrate(ctx, db)
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("server %d: %v", i+1, err)
		}
	}
	ids, err := store.Applied(ctx, dbs[0])
	if err != nil {
		t.Fatal(err)
	}
	if want := store.MigrationIDs(); !slices.Equal(ids, want) {
		t.Errorf("applied %v, want %v", ids, want)
	}
}

func TestMigration0013ResultsExplainedOnRead(t *testing.T) {
	db := storetest.NewEmpty(t)
	ctx := context.Background()
	if err := store.MigrateTo(ctx, db, "0012_statistics_cohorts"); err != nil {
		t.Fatal(err)
	}
	if !db.Migrator().HasColumn("eligibility_results", "result") {
		t.Fatal("no stored explanation before 0013")
	}
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	if db.Migrator().HasColumn("eligibility_results", "result") {
		t.Error("the stored explanation is still there")
	}
	for _, c := range []string{"eligible", "route", "score", "unmet_count", "missing_count", "computed_at"} {
		if !db.Migrator().HasColumn("eligibility_results", c) {
			t.Errorf("eligibility_results.%s dropped", c)
		}
	}
}
