package store

import (
	"context"
	"fmt"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/collate"
)

// migrations is the append-only history of the schema. Each migration declares the tables it
// creates or changes with its own structs, frozen as they were on the day it was written; never
// today's models, and never edit a migration that has been released: add another.
var migrations = []*gormigrate.Migration{
	{ID: "0001_foundation", Migrate: migrateFoundation},
	{ID: "0002_rate_limits", Migrate: migrateRateLimits},
	{ID: "0003_enterprise_name_sort", Migrate: migrateEnterpriseNameSort},
	{ID: "0004_criteria_facts", Migrate: migrateCriteriaFacts},
	{ID: "0005_workflow", Migrate: migrateWorkflow},
	{ID: "0006_imports", Migrate: migrateImports},
	{ID: "0007_cancellation_proposals", Migrate: migrateCancellationProposals},
	{ID: "0008_public_notices", Migrate: migratePublicNotices},
	{ID: "0009_job_claims", Migrate: migrateJobClaims},
	{ID: "0010_statistics_indexes", Migrate: migrateStatisticsIndexes},
	{ID: "0011_registry_list_indexes", Migrate: migrateRegistryListIndexes},
	{ID: "0012_statistics_cohorts", Migrate: migrateStatisticsCohorts},
	{ID: "0013_results_explained_on_read", Migrate: migrateResultsExplainedOnRead},
}

// Migrate applies every migration not yet applied, in order, in one transaction. Several servers
// may start together on one database: they take turns, so exactly one applies the migrations and
// the others find them applied. On PostgreSQL they queue on an advisory lock; on SQLite the
// transaction itself is the turn (it begins IMMEDIATE, taking the file's write lock first).
func Migrate(ctx context.Context, db *gorm.DB) error {
	err := withMigrationLock(ctx, db, func(db *gorm.DB) error { return migrator(ctx, db).Migrate() })
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// migrationLockKey is the advisory lock's key on PostgreSQL: any constant, the same in every
// release ("tiertrac" in ASCII).
const migrationLockKey = 0x7469657274726163

// withMigrationLock runs fn while holding the database's migration lock.
func withMigrationLock(ctx context.Context, db *gorm.DB, fn func(*gorm.DB) error) error {
	if !isPostgres(db) {
		return fn(db)
	}
	// A session lock on one connection, and fn on that same connection: gormigrate's
	// transactions begin on it, and the lock goes when it is released.
	return db.WithContext(ctx).Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("SELECT pg_advisory_lock(?)", int64(migrationLockKey)).Error; err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		defer conn.Exec("SELECT pg_advisory_unlock(?)", int64(migrationLockKey))
		return fn(conn)
	})
}

// MigrateTo applies the migrations up to and including id; for tests of a later migration over
// data written before it.
func MigrateTo(ctx context.Context, db *gorm.DB, id string) error {
	return migrator(ctx, db).MigrateTo(id)
}

func migrator(ctx context.Context, db *gorm.DB) *gormigrate.Gormigrate {
	return gormigrate.New(db.WithContext(ctx), &gormigrate.Options{
		TableName:      "schema_migrations",
		IDColumnName:   "id",
		IDColumnSize:   64,
		UseTransaction: true,
	}, migrations)
}

// MigrationIDs returns the IDs of every migration this release knows, in order.
func MigrationIDs() []string {
	ids := make([]string, len(migrations))
	for i, m := range migrations {
		ids[i] = m.ID
	}
	return ids
}

// Applied returns the IDs of the migrations applied to db, in order.
func Applied(ctx context.Context, db *gorm.DB) ([]string, error) {
	var ids []string
	err := db.WithContext(ctx).Table("schema_migrations").Order("id").Pluck("id", &ids).Error
	return ids, err
}

// migrateFoundation creates the registry, accounts, sessions and audit log.
func migrateFoundation(tx *gorm.DB) error {
	type region struct {
		Code      string `gorm:"primaryKey;size:12"`
		Name      string `gorm:"size:64;not null"`
		NameEn    string `gorm:"size:128;not null"`
		Kind      string `gorm:"size:16;not null"`
		SortOrder int    `gorm:"not null;default:0"`
		CreatedAt time.Time
	}
	type enterprise struct {
		ID                 int64   `gorm:"primaryKey"`
		Name               string  `gorm:"size:200;not null;index"`
		CreditCode         string  `gorm:"size:18;not null;uniqueIndex"`
		CreditCodeOverride bool    `gorm:"not null;default:false"`
		RegionCode         string  `gorm:"size:12;not null;index"`
		IndustryCode       *string `gorm:"size:8;index"`
		SizeClass          *string `gorm:"size:8;index"`
		FoundedOn          *string `gorm:"type:date"`
		Address            *string `gorm:"size:200"`
		MainProducts       *string `gorm:"size:500"`
		NicheMarket        *string `gorm:"size:200"`
		NicheMarketSince   *string `gorm:"type:date"`
		StrategicEmerging  *bool
		ContactPerson      *string `gorm:"size:64"`
		ContactPhone       *string `gorm:"size:32"`
		LiaisonOfficerID   *int64  `gorm:"index"`
		Tags               string  `gorm:"type:text;not null"`
		Version            int     `gorm:"not null"`
		CreatedAt          time.Time
		UpdatedAt          time.Time
		Region             *region `gorm:"foreignKey:RegionCode;references:Code;constraint:OnDelete:RESTRICT"`
	}
	type user struct {
		ID             int64   `gorm:"primaryKey"`
		Username       string  `gorm:"size:32;not null;uniqueIndex"`
		DisplayName    string  `gorm:"size:64;not null"`
		Phone          *string `gorm:"size:32"`
		Role           string  `gorm:"size:16;not null;index"`
		RegionCode     *string `gorm:"size:12;index"`
		EnterpriseID   *int64  `gorm:"index"`
		Status         string  `gorm:"size:16;not null;index"`
		PasswordHash   string  `gorm:"size:100;not null"`
		Version        int     `gorm:"not null"`
		CreatedAt      time.Time
		UpdatedAt      time.Time
		LastLoginAt    *time.Time
		SelfRegistered bool `gorm:"not null;default:false"`
		DecidedAt      *time.Time
		DecidedBy      *string     `gorm:"size:32"`
		DecisionReason *string     `gorm:"size:500"`
		Region         *region     `gorm:"foreignKey:RegionCode;references:Code;constraint:OnDelete:RESTRICT"`
		Enterprise     *enterprise `gorm:"foreignKey:EnterpriseID;constraint:OnDelete:RESTRICT"`
	}
	type session struct {
		ID         string    `gorm:"primaryKey;size:64"`
		UserID     int64     `gorm:"not null;index"`
		CreatedAt  time.Time `gorm:"not null"`
		LastSeenAt time.Time `gorm:"not null"`
		ExpiresAt  time.Time `gorm:"not null;index"`
		IP         string    `gorm:"size:64"`
		UserAgent  string    `gorm:"size:300"`
		User       *user     `gorm:"constraint:OnDelete:CASCADE"`
	}
	type loginThrottle struct {
		Username    string `gorm:"primaryKey;size:64"`
		Failures    int    `gorm:"not null"`
		WindowStart *time.Time
		LockedUntil *time.Time
	}
	type auditEvent struct {
		ID            int64     `gorm:"primaryKey"`
		At            time.Time `gorm:"not null;index"`
		ActorID       *int64
		ActorUsername *string `gorm:"size:64;index"`
		ActorRole     *string `gorm:"size:16"`
		Action        string  `gorm:"size:64;not null;index"`
		EntityType    *string `gorm:"size:32;index:idx_audit_entity"`
		EntityID      *string `gorm:"size:64;index:idx_audit_entity"`
		Before        *string `gorm:"type:text"`
		After         *string `gorm:"type:text"`
		IP            *string `gorm:"size:64"`
		UserAgent     *string `gorm:"size:300"`
		RequestID     *string `gorm:"size:64"`
	}
	type annualReport struct {
		ID                  int64 `gorm:"primaryKey"`
		EnterpriseID        int64 `gorm:"not null;uniqueIndex:idx_annual_report_year"`
		Year                int   `gorm:"not null;uniqueIndex:idx_annual_report_year"`
		Employees           *int64
		RDStaff             *int64 `gorm:"column:rd_staff"`
		OperatingRevenue    *int64
		MainBusinessRevenue *int64
		RDExpense           *int64 `gorm:"column:rd_expense"`
		NetProfit           *int64
		TotalAssets         *int64
		TotalLiabilities    *int64
		EquityFinancing     *int64
		Version             int `gorm:"not null"`
		CreatedAt           time.Time
		UpdatedAt           time.Time
		Enterprise          *enterprise `gorm:"constraint:OnDelete:CASCADE"`
	}
	tables := []struct {
		name  string
		model any
	}{
		{"regions", &region{}},
		{"enterprises", &enterprise{}},
		{"users", &user{}},
		{"sessions", &session{}},
		{"login_throttles", &loginThrottle{}},
		{"audit_events", &auditEvent{}},
		{"annual_reports", &annualReport{}},
	}
	for _, t := range tables {
		if err := tx.Table(t.name).Migrator().CreateTable(t.model); err != nil {
			return fmt.Errorf("create %s: %w", t.name, err)
		}
	}
	return nil
}

// migrateRateLimits adds the shared counters of public endpoints' rate limits.
func migrateRateLimits(tx *gorm.DB) error {
	type rateLimit struct {
		Key         string    `gorm:"primaryKey;size:128"`
		WindowStart time.Time `gorm:"not null"`
		Count       int       `gorm:"not null"`
	}
	return tx.Migrator().CreateTable(&rateLimit{})
}

// migrateEnterpriseNameSort adds the pinyin sort key of enterprise names, and fills it in.
func migrateEnterpriseNameSort(tx *gorm.DB) error {
	type enterprise struct {
		ID       int64  `gorm:"primaryKey"`
		Name     string `gorm:"size:200;not null"`
		NameSort string `gorm:"size:1000;not null;default:'';index"`
	}
	m := tx.Migrator()
	if err := m.AddColumn(&enterprise{}, "NameSort"); err != nil {
		return fmt.Errorf("add name_sort: %w", err)
	}
	if err := m.CreateIndex(&enterprise{}, "NameSort"); err != nil {
		return fmt.Errorf("index name_sort: %w", err)
	}
	var batch []enterprise
	return tx.Select("id, name").FindInBatches(&batch, 500, func(b *gorm.DB, _ int) error {
		for _, e := range batch {
			if err := tx.Model(&enterprise{}).Where("id = ?", e.ID).Update("name_sort", collate.Key(e.Name)).Error; err != nil {
				return err
			}
		}
		return nil
	}).Error
}

// migrateCriteriaFacts adds what the tier criteria read: the enterprise's profile facts, every
// per-year fact of the evaluation contract, the qualifications held, the stored results of the
// criteria over the registry, and the cultivation pool's entries.
func migrateCriteriaFacts(tx *gorm.DB) error {
	type enterpriseColumns struct {
		ID                         int64   `gorm:"primaryKey"`
		AbnormalOrDishonestListed  *bool   `gorm:"column:abnormal_or_dishonest_listed"`
		MajorIncidentOrViolation3y *bool   `gorm:"column:major_incident_or_violation_3y"`
		FieldClass                 *string `gorm:"size:32"`
		KeyField                   *bool
		KeyChainLink               *bool
		Honours                    *string `gorm:"type:text"`
		Awards                     *string `gorm:"type:text"`
		MakersChina                *string `gorm:"type:text"`
	}
	for _, col := range []string{"AbnormalOrDishonestListed", "MajorIncidentOrViolation3y", "FieldClass", "KeyField", "KeyChainLink", "Honours", "Awards", "MakersChina"} {
		if err := tx.Table("enterprises").Migrator().AddColumn(&enterpriseColumns{}, col); err != nil {
			return fmt.Errorf("enterprises.%s: %w", col, err)
		}
	}
	type annualReport struct {
		ID                     int64   `gorm:"primaryKey"`
		IPClass1               *int    `gorm:"column:ip_class1"`
		IPClass1SelfDeveloped  *int    `gorm:"column:ip_class1_self_developed"`
		IPClass1HighValue      *int    `gorm:"column:ip_class1_high_value"`
		IPClass2               *int    `gorm:"column:ip_class2"`
		IPClass1Applied        *int    `gorm:"column:ip_class1_applied"`
		RDInstitution          *string `gorm:"column:rd_institution;size:16"`
		DigitalLevel           *int
		QualityAward           *bool
		QualityCertified       *bool
		QualityOwnBrand        *bool
		QualityStandards       *bool
		InfoSystemCoreBusiness *bool
		ManagementCertified    *bool
		NationalMarketShare    *float64
		LocalScore             *int
		QualityScore           *float64
		MarketPositionLeading  *bool
		DomesticRank           *int
	}
	for _, col := range []string{"IPClass1", "IPClass1SelfDeveloped", "IPClass1HighValue", "IPClass2", "IPClass1Applied", "RDInstitution",
		"DigitalLevel", "QualityAward", "QualityCertified", "QualityOwnBrand", "QualityStandards", "InfoSystemCoreBusiness",
		"ManagementCertified", "NationalMarketShare", "LocalScore", "QualityScore", "MarketPositionLeading", "DomesticRank"} {
		if err := tx.Migrator().AddColumn(&annualReport{}, col); err != nil {
			return fmt.Errorf("annual_reports.%s: %w", col, err)
		}
	}
	// The targets of foreign keys, named so that their tables are "enterprises" and "users".
	type enterprise struct {
		ID int64 `gorm:"primaryKey"`
	}
	type user struct {
		ID int64 `gorm:"primaryKey"`
	}
	type qualification struct {
		ID             int64   `gorm:"primaryKey"`
		EnterpriseID   int64   `gorm:"not null;index:idx_qualification_enterprise_tier"`
		Tier           string  `gorm:"size:32;not null;index:idx_qualification_enterprise_tier;index"`
		Source         string  `gorm:"size:16;not null"`
		BatchID        *int64  `gorm:"index"`
		AnnouncementNo *string `gorm:"size:100"`
		GrantedOn      string  `gorm:"type:date;not null"`
		ValidUntil     string  `gorm:"type:date;not null;index"`
		RevokedOn      *string `gorm:"type:date"`
		RevokedReason  *string `gorm:"size:500"`
		RevokedBy      *string `gorm:"size:32"`
		Version        int     `gorm:"not null"`
		CreatedAt      time.Time
		UpdatedAt      time.Time
		Enterprise     *enterprise `gorm:"foreignKey:EnterpriseID;constraint:OnDelete:CASCADE"`
	}
	type eligibilityResult struct {
		EnterpriseID int64   `gorm:"primaryKey"`
		Tier         string  `gorm:"primaryKey;size:32;index"`
		Ruleset      string  `gorm:"size:32;not null"`
		ReportYear   int     `gorm:"not null"`
		Eligible     bool    `gorm:"not null;index"`
		Route        *string `gorm:"size:16"`
		Score        *int
		UnmetCount   int         `gorm:"not null"`
		MissingCount int         `gorm:"not null"`
		Result       string      `gorm:"type:text;not null"`
		ComputedAt   time.Time   `gorm:"not null"`
		Enterprise   *enterprise `gorm:"foreignKey:EnterpriseID;constraint:OnDelete:CASCADE"`
	}
	type cultivationEntry struct {
		ID           int64   `gorm:"primaryKey"`
		EnterpriseID int64   `gorm:"not null;uniqueIndex:idx_cultivation_enterprise_tier"`
		TargetTier   string  `gorm:"size:32;not null;uniqueIndex:idx_cultivation_enterprise_tier;index"`
		OwnerID      int64   `gorm:"not null;index"`
		Note         *string `gorm:"size:1000"`
		FollowUpOn   *string `gorm:"type:date"`
		CreatedBy    string  `gorm:"size:32;not null"`
		Version      int     `gorm:"not null"`
		CreatedAt    time.Time
		UpdatedAt    time.Time
		Enterprise   *enterprise `gorm:"foreignKey:EnterpriseID;constraint:OnDelete:CASCADE"`
		Owner        *user       `gorm:"foreignKey:OwnerID;constraint:OnDelete:RESTRICT"`
	}
	tables := []struct {
		name  string
		model any
	}{
		{"qualifications", &qualification{}},
		{"eligibility_results", &eligibilityResult{}},
		{"cultivation_entries", &cultivationEntry{}},
	}
	for _, t := range tables {
		if err := tx.Table(t.name).Migrator().CreateTable(t.model); err != nil {
			return fmt.Errorf("create %s: %w", t.name, err)
		}
	}
	return nil
}

// migrateWorkflow adds batches, applications with their review steps and attachments, the
// history of qualifications, and notifications.
func migrateWorkflow(tx *gorm.DB) error {
	type enterprise struct {
		ID int64 `gorm:"primaryKey"`
	}
	type user struct {
		ID int64 `gorm:"primaryKey"`
	}
	type batch struct {
		ID            int64   `gorm:"primaryKey"`
		Tier          string  `gorm:"size:32;not null;index"`
		Kind          string  `gorm:"size:16;not null"`
		Year          int     `gorm:"not null;index"`
		Name          string  `gorm:"size:200;not null"`
		Ruleset       string  `gorm:"size:32;not null"`
		OpensOn       string  `gorm:"type:date;not null"`
		ClosesOn      string  `gorm:"type:date;not null"`
		ClosedEarlyOn *string `gorm:"type:date"`
		CreatedBy     string  `gorm:"size:32;not null"`
		Version       int     `gorm:"not null"`
		CreatedAt     time.Time
		UpdatedAt     time.Time
	}
	type application struct {
		ID              int64   `gorm:"primaryKey"`
		BatchID         int64   `gorm:"not null;index"`
		EnterpriseID    int64   `gorm:"not null;index"`
		ReportYear      int     `gorm:"not null"`
		State           string  `gorm:"size:16;not null;index"`
		SelfCheck       *string `gorm:"type:text"`
		SubmittedAt     *time.Time
		Result          *string `gorm:"size:16"`
		AnnouncementNo  *string `gorm:"size:100"`
		GrantedOn       *string `gorm:"type:date"`
		QualificationID *int64
		CreatedBy       string `gorm:"size:32;not null"`
		Version         int    `gorm:"not null"`
		CreatedAt       time.Time
		UpdatedAt       time.Time
		Batch           *batch      `gorm:"constraint:OnDelete:RESTRICT"`
		Enterprise      *enterprise `gorm:"constraint:OnDelete:RESTRICT"`
	}
	type applicationStep struct {
		ID            int64     `gorm:"primaryKey"`
		ApplicationID int64     `gorm:"not null;index"`
		At            time.Time `gorm:"not null"`
		ActorID       *int64
		ActorUsername string       `gorm:"size:64;not null"`
		ActorRole     string       `gorm:"size:16;not null"`
		RegionCode    *string      `gorm:"size:12"`
		Action        string       `gorm:"size:16;not null"`
		FromState     string       `gorm:"size:16;not null"`
		ToState       string       `gorm:"size:16;not null"`
		Comment       *string      `gorm:"size:2000"`
		Application   *application `gorm:"constraint:OnDelete:CASCADE"`
	}
	type attachment struct {
		ID            int64  `gorm:"primaryKey"`
		ApplicationID int64  `gorm:"not null;index"`
		Filename      string `gorm:"size:255;not null"`
		ContentType   string `gorm:"size:64;not null"`
		Size          int64  `gorm:"not null"`
		SHA256        string `gorm:"column:sha256;size:64;not null"`
		StorageKey    string `gorm:"size:100;not null;uniqueIndex"`
		UploadedBy    string `gorm:"size:32;not null"`
		CreatedAt     time.Time
		Application   *application `gorm:"constraint:OnDelete:CASCADE"`
	}
	type qualificationEvent struct {
		ID              int64  `gorm:"primaryKey"`
		QualificationID int64  `gorm:"not null;index"`
		Kind            string `gorm:"size:16;not null"`
		On              string `gorm:"column:on_date;type:date;not null"`
		ValidUntil      string `gorm:"type:date;not null"`
		BatchID         *int64
		ApplicationID   *int64
		AnnouncementNo  *string `gorm:"size:100"`
		ReasonCode      *string `gorm:"size:32"`
		Reason          *string `gorm:"size:1000"`
		ActorUsername   string  `gorm:"size:64;not null"`
		CreatedAt       time.Time
	}
	type qualificationColumns struct {
		ID               int64   `gorm:"primaryKey"`
		BatchName        *string `gorm:"size:200"`
		ApplicationID    *int64  `gorm:"index"`
		RevokeReasonCode *string `gorm:"size:32"`
	}
	type notification struct {
		ID        int64   `gorm:"primaryKey"`
		UserID    int64   `gorm:"not null;index"`
		Kind      string  `gorm:"size:32;not null"`
		Params    string  `gorm:"type:text;not null"`
		Link      *string `gorm:"size:200"`
		DedupeKey string  `gorm:"size:160;not null;uniqueIndex"`
		ReadAt    *time.Time
		CreatedAt time.Time `gorm:"not null;index"`
		User      *user     `gorm:"constraint:OnDelete:CASCADE"`
	}
	tables := []struct {
		name  string
		model any
	}{
		{"batches", &batch{}},
		{"applications", &application{}},
		{"application_steps", &applicationStep{}},
		{"attachments", &attachment{}},
		{"qualification_events", &qualificationEvent{}},
		{"notifications", &notification{}},
	}
	for _, t := range tables {
		if err := tx.Table(t.name).Migrator().CreateTable(t.model); err != nil {
			return fmt.Errorf("create %s: %w", t.name, err)
		}
	}
	for _, col := range []string{"BatchName", "ApplicationID", "RevokeReasonCode"} {
		if err := tx.Table("qualifications").Migrator().AddColumn(&qualificationColumns{}, col); err != nil {
			return fmt.Errorf("qualifications.%s: %w", col, err)
		}
	}
	// One live application of an enterprise per batch, enforced by the database so that two
	// submissions at once cannot both pass: a partial unique index, on both SQLite and PostgreSQL.
	return tx.Exec("CREATE UNIQUE INDEX idx_applications_live ON applications (batch_id, enterprise_id) WHERE state NOT IN ('withdrawn', 'rejected')").Error
}

// migrateImports adds the import jobs: the uploaded file itself (so that any replica can confirm
// it), where the job stands, and the problems its rows were found to have.
func migrateImports(tx *gorm.DB) error {
	type user struct {
		ID int64 `gorm:"primaryKey"`
	}
	type importJob struct {
		ID            int64  `gorm:"primaryKey"`
		Kind          string `gorm:"size:32;not null"`
		Filename      string `gorm:"size:255;not null"`
		Format        string `gorm:"size:8;not null"`
		Content       []byte `gorm:"not null"`
		Status        string `gorm:"size:16;not null;index"`
		Failure       string `gorm:"size:32;not null;default:''"`
		Validated     bool   `gorm:"not null;default:false"`
		TotalRows     int    `gorm:"not null;default:0"`
		ProcessedRows int    `gorm:"not null;default:0"`
		ErrorCount    int    `gorm:"not null;default:0"`
		Errors        string `gorm:"type:text;not null"`
		CreatedCount  int    `gorm:"not null;default:0"`
		UpdatedCount  int    `gorm:"not null;default:0"`
		CreatedByID   int64  `gorm:"not null;index"`
		CreatedBy     string `gorm:"size:64;not null"`
		HeartbeatAt   time.Time
		FinishedAt    *time.Time
		Version       int `gorm:"not null"`
		CreatedAt     time.Time
		UpdatedAt     time.Time
		CreatedByUser *user `gorm:"foreignKey:CreatedByID;constraint:OnDelete:RESTRICT"`
	}
	return tx.AutoMigrate(&importJob{})
}

// migrateCancellationProposals adds the qualifications proposed for cancellation for missed annual
// updates: one per qualification and validity period, and the city's decision on it.
func migrateCancellationProposals(tx *gorm.DB) error {
	type enterprise struct {
		ID int64 `gorm:"primaryKey"`
	}
	type qualification struct {
		ID int64 `gorm:"primaryKey"`
	}
	type cancellationProposal struct {
		ID               int64   `gorm:"primaryKey"`
		EnterpriseID     int64   `gorm:"not null;index"`
		QualificationID  int64   `gorm:"not null;uniqueIndex:idx_proposal_period"`
		Tier             string  `gorm:"size:32;not null"`
		PeriodValidUntil string  `gorm:"type:date;not null;uniqueIndex:idx_proposal_period"`
		MissedYears      string  `gorm:"size:64;not null"`
		Status           string  `gorm:"size:16;not null;index"`
		Reason           *string `gorm:"size:1000"`
		DecidedBy        *string `gorm:"size:64"`
		DecidedAt        *time.Time
		Version          int `gorm:"not null"`
		CreatedAt        time.Time
		UpdatedAt        time.Time
		Enterprise       *enterprise    `gorm:"constraint:OnDelete:RESTRICT"`
		Qualification    *qualification `gorm:"constraint:OnDelete:RESTRICT"`
	}
	return tx.AutoMigrate(&cancellationProposal{})
}

// migratePublicNotices adds the public notices of a batch's intended recommendations, the
// applications on each, and the public's objections with their evidence and resolution.
func migratePublicNotices(tx *gorm.DB) error {
	type batch struct {
		ID int64 `gorm:"primaryKey"`
	}
	type application struct {
		ID int64 `gorm:"primaryKey"`
	}
	type publicNotice struct {
		ID          int64  `gorm:"primaryKey"`
		BatchID     int64  `gorm:"not null;index"`
		Title       string `gorm:"size:200;not null"`
		Contact     string `gorm:"size:200;not null"`
		PublishedOn string `gorm:"type:date;not null"`
		EndsOn      string `gorm:"type:date;not null;index"`
		PublishedBy string `gorm:"size:64;not null"`
		CreatedAt   time.Time
		Batch       *batch `gorm:"constraint:OnDelete:RESTRICT"`
	}
	type publicNoticeEntry struct {
		ID             int64         `gorm:"primaryKey"`
		PublicNoticeID int64         `gorm:"not null;uniqueIndex:idx_notice_entry"`
		ApplicationID  int64         `gorm:"not null;uniqueIndex:idx_notice_entry;index"`
		PublicNotice   *publicNotice `gorm:"constraint:OnDelete:CASCADE"`
		Application    *application  `gorm:"constraint:OnDelete:RESTRICT"`
	}
	type objection struct {
		ID             int64   `gorm:"primaryKey"`
		PublicNoticeID int64   `gorm:"not null;index"`
		ApplicationID  int64   `gorm:"not null;index"`
		Name           string  `gorm:"size:50;not null"`
		Phone          string  `gorm:"size:32;not null"`
		Reasons        string  `gorm:"type:text;not null"`
		Status         string  `gorm:"size:16;not null"`
		Resolution     *string `gorm:"type:text"`
		ResolvedBy     *string `gorm:"size:64"`
		ResolvedAt     *time.Time
		ClientAddress  string `gorm:"size:64;not null"`
		Version        int    `gorm:"not null"`
		CreatedAt      time.Time
		PublicNotice   *publicNotice `gorm:"constraint:OnDelete:RESTRICT"`
		Application    *application  `gorm:"constraint:OnDelete:RESTRICT"`
	}
	type objectionFile struct {
		ID          int64  `gorm:"primaryKey"`
		ObjectionID int64  `gorm:"not null;index"`
		Filename    string `gorm:"size:255;not null"`
		ContentType string `gorm:"size:64;not null"`
		Size        int64  `gorm:"not null"`
		SHA256      string `gorm:"column:sha256;size:64;not null"`
		StorageKey  string `gorm:"size:64;not null;uniqueIndex"`
		CreatedAt   time.Time
		Objection   *objection `gorm:"constraint:OnDelete:CASCADE"`
	}
	return tx.AutoMigrate(&publicNotice{}, &publicNoticeEntry{}, &objection{}, &objectionFile{})
}

// migrateJobClaims records which replica took a periodic job on a day, so that one does it.
func migrateJobClaims(tx *gorm.DB) error {
	type jobClaim struct {
		Job       string `gorm:"primaryKey;size:64"`
		Day       string `gorm:"primaryKey;type:date"`
		ClaimedBy string `gorm:"size:128;not null"`
		ClaimedAt time.Time
	}
	return tx.AutoMigrate(&jobClaim{})
}

// migrateStatisticsIndexes lets the figures as of a date read indexes instead of tables: the
// eligible results by tier (a partial index: the result rows themselves are large, with their
// explained criteria), and the qualifications by the columns that say whether one is in force on a
// day and when it expires.
func migrateStatisticsIndexes(tx *gorm.DB) error {
	return execEach(tx,
		"CREATE INDEX idx_eligibility_eligible_tier ON eligibility_results (tier, enterprise_id) WHERE eligible",
		"CREATE INDEX idx_qualification_in_force ON qualifications (valid_until, granted_on, revoked_on, tier, enterprise_id)",
	)
}

// migrateRegistryListIndexes serves the registry list filtered by region, its most common view (a
// county officer's always is): a page in name order walks the region's own names instead of every
// name, and its count reads an index instead of the rows.
func migrateRegistryListIndexes(tx *gorm.DB) error {
	return execEach(tx,
		"CREATE INDEX idx_enterprises_region_name ON enterprises (region_code, name_sort, id)",
		"CREATE INDEX idx_enterprises_region_industry ON enterprises (region_code, industry_code)",
	)
}

// migrateStatisticsCohorts keeps the figures as of a date as counts per cohort (stats.Cohort),
// which a figure sums over the cohorts of its date instead of scanning the qualifications, and
// counts the registry's cohorts.
func migrateStatisticsCohorts(tx *gorm.DB) error {
	type statCohort struct {
		Kind         string `gorm:"primaryKey;size:16"`
		Tier         string `gorm:"primaryKey;size:32"`
		RegionCode   string `gorm:"primaryKey;size:12"`
		IndustryCode string `gorm:"primaryKey;size:8"`
		StartsOn     string `gorm:"primaryKey;type:date"`
		EndsOn       string `gorm:"primaryKey;type:date"`
		ValidUntil   string `gorm:"primaryKey;type:date"`
		N            int64  `gorm:"not null"`
	}
	if err := tx.AutoMigrate(&statCohort{}); err != nil {
		return err
	}
	// The count reads enterprises, qualifications and eligibility_results through today's code:
	// a later migration that renames a column it reads must freeze this count first.
	return conn{db: tx}.RebuildCohorts(tx.Statement.Context)
}

// migrateResultsExplainedOnRead drops the stored explanation of the criteria results: the
// verdict, route, score and counts stay, by which the pool and the statistics select and order,
// and a page of the pool evaluates its rows' explanations again (microseconds each) from the same
// records on the day they were computed. The explanations were a JSON document of kilobytes per
// enterprise and tier, written three times per enterprise by every import and daily refresh: most
// of an import's time, and most of the database's size.
func migrateResultsExplainedOnRead(tx *gorm.DB) error {
	// Both databases drop a column in place (SQLite since 3.35).
	return tx.Exec("ALTER TABLE eligibility_results DROP COLUMN result").Error
}

// execEach runs statements in order, stopping at the first that fails.
func execEach(tx *gorm.DB, stmts ...string) error {
	for _, stmt := range stmts {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
