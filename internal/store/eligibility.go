package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/enterprise"
)

type eligibilityRow struct {
	EnterpriseID int64  `gorm:"primaryKey"`
	Tier         string `gorm:"primaryKey"`
	Ruleset      string
	ReportYear   int
	Eligible     bool
	Route        *string
	Score        *int
	UnmetCount   int
	MissingCount int
	ComputedAt   time.Time
}

func (eligibilityRow) TableName() string { return "eligibility_results" }

// Eligibility is the self-check's store.
type Eligibility struct{ conn }

// NewEligibility returns the self-check's store over db.
func NewEligibility(db *gorm.DB) Eligibility { return Eligibility{conn{db: db}} }

// resultToRow is the stored form of an enterprise's result of a tier, computed at a time: its
// verdict without its explanation, which is evaluated again when it is shown (migration 0013).
func resultToRow(enterpriseID int64, r criteria.Result, at time.Time) eligibilityRow {
	var route *string
	if r.Route != nil {
		s := string(*r.Route)
		route = &s
	}
	return eligibilityRow{
		EnterpriseID: enterpriseID, Tier: string(r.Tier), Ruleset: r.Ruleset, ReportYear: r.ReportYear,
		Eligible: r.Eligible, Route: route, Score: r.Score, UnmetCount: eligibility.Blocking(r),
		MissingCount: len(r.Missing), ComputedAt: utc(at),
	}
}

// SaveResults replaces an enterprise's stored results.
func (c conn) SaveResults(ctx context.Context, enterpriseID int64, results []criteria.Result, at time.Time) error {
	return c.SaveResultsOf(ctx, map[int64][]criteria.Result{enterpriseID: results}, at)
}

// SaveResultsOf replaces the stored results of several enterprises, in batched statements.
func (c conn) SaveResultsOf(ctx context.Context, results map[int64][]criteria.Result, at time.Time) error {
	rows := make([]eligibilityRow, 0, len(results)*len(criteria.Tiers))
	ids := make([]int64, 0, len(results))
	for id, rs := range results {
		for _, r := range rs {
			rows = append(rows, resultToRow(id, r, at))
		}
		ids = append(ids, id)
	}
	if len(rows) == 0 {
		return nil
	}
	// The eligible results are counted in the statistics' cohorts: the candidates.
	err := c.recounted(ctx, ids, eligibleFacet, func(tx conn) error {
		return tx.ctx(ctx).Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "enterprise_id"}, {Name: "tier"}},
			DoUpdates: clause.AssignmentColumns([]string{"ruleset", "report_year", "eligible", "route", "score", "unmet_count", "missing_count", "computed_at"}),
		}).CreateInBatches(&rows, batchRows(10)).Error
	})
	return wrap(err, "save results")
}

// RefreshEligibility recomputes and stores an enterprise's results, in the caller's transaction.
func (c conn) RefreshEligibility(ctx context.Context, enterpriseID int64, now time.Time, loc *time.Location) error {
	return eligibility.Refresh(ctx, c, enterpriseID, now, loc)
}

// RefreshEligibilityOf recomputes and stores the results of several enterprises whose records
// the caller holds, in the caller's transaction, with a few statements per hundreds of them.
func (c conn) RefreshEligibilityOf(ctx context.Context, es []enterprise.Enterprise, now time.Time, loc *time.Location) error {
	return eligibility.RefreshMany(ctx, c, es, now, loc)
}
