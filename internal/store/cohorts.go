package store

import (
	"context"
	"slices"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/stats"
)

// cohortRow is a count of the statistics' cohorts (see stats.Cohort). A cohort whose count has
// come back to zero stays until a rebuild; it adds nothing to a sum.
type cohortRow struct {
	Kind         string        `gorm:"primaryKey"`
	Tier         string        `gorm:"primaryKey"`
	RegionCode   string        `gorm:"primaryKey"`
	IndustryCode string        `gorm:"primaryKey"`
	StartsOn     calendar.Date `gorm:"primaryKey"`
	EndsOn       calendar.Date `gorm:"primaryKey"`
	ValidUntil   calendar.Date `gorm:"primaryKey"`
	N            int64
}

func (cohortRow) TableName() string { return "stat_cohorts" }

var cohortKey = []clause.Column{{Name: "kind"}, {Name: "tier"}, {Name: "region_code"}, {Name: "industry_code"},
	{Name: "starts_on"}, {Name: "ends_on"}, {Name: "valid_until"}}

// facet is a part of what an enterprise contributes to the cohorts, which a write may change.
type facet uint8

const (
	placeFacet          facet = 1 << iota // the region and the industry
	qualificationsFacet                   // the qualifications
	eligibleFacet                         // the tiers the stored results call it eligible for
	allFacets           = placeFacet | qualificationsFacet | eligibleFacet
)

// recounted runs write, which changes a facet of what the enterprises ids contribute to the
// statistics' cohorts, and moves their counts by the difference, in one transaction. The
// enterprises are locked as they are read, before the write, so that two writers of one
// enterprise take turns and each sees the other's write as its "before". The lock is FOR NO KEY
// UPDATE, which rows inserted with a reference to the enterprise (a report, a result) do not
// conflict with.
func (c conn) recounted(ctx context.Context, ids []int64, changes facet, write func(conn) error) error {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	return c.tx(ctx, func(tx conn) error {
		before := make(map[int64]*stats.Facts, len(ids))
		if err := tx.cohortFacts(ctx, before, ids, allFacets, true); err != nil {
			return err
		}
		if err := write(tx); err != nil {
			return err
		}
		// After the write, only the facet it changed is read again.
		after := make(map[int64]*stats.Facts, len(before))
		for id, f := range before {
			g := *f
			if changes&qualificationsFacet != 0 {
				g.Qualifications = nil
			}
			if changes&eligibleFacet != 0 {
				g.Eligible = nil
			}
			after[id] = &g
		}
		if err := tx.cohortFacts(ctx, after, ids, changes, false); err != nil {
			return err
		}
		for _, f := range before {
			tx.cohorts.Add(*f, -1)
		}
		for _, f := range after {
			tx.cohorts.Add(*f, 1)
		}
		return nil // tx writes them as the transaction commits
	})
}

// idChunk bounds the enterprises a statement reads by their IDs.
const idChunk = 1000

// cohortFacts reads the facets of what the enterprises ids contribute to the cohorts into out,
// locking the enterprises (on PostgreSQL) if lock; an enterprise not found contributes nothing.
func (c conn) cohortFacts(ctx context.Context, out map[int64]*stats.Facts, ids []int64, facets facet, lock bool) error {
	for part := range slices.Chunk(ids, idChunk) {
		among := func(q *gorm.DB, column string) *gorm.DB { return q.Where(column+" IN ?", part) }
		if err := c.readCohortFacts(ctx, out, among, facets, lock); err != nil {
			return err
		}
	}
	return nil
}

// readCohortFacts reads into out the facets of what the enterprises whose id column among
// selects contribute.
func (c conn) readCohortFacts(ctx context.Context, out map[int64]*stats.Facts, among func(q *gorm.DB, column string) *gorm.DB, facets facet, lock bool) error {
	if facets&placeFacet != 0 {
		var es []struct {
			ID           int64
			RegionCode   string
			IndustryCode string
		}
		q := among(c.ctx(ctx).Table("enterprises").Select("id, region_code, COALESCE(industry_code, '') AS industry_code"), "id")
		if lock && isPostgres(c.db) {
			q = q.Order("id").Clauses(clause.Locking{Strength: "NO KEY UPDATE"})
		}
		if err := q.Find(&es).Error; err != nil {
			return wrap(err, "cohort enterprises")
		}
		for _, e := range es {
			if f := out[e.ID]; f != nil {
				f.RegionCode, f.IndustryCode = e.RegionCode, e.IndustryCode
			} else {
				out[e.ID] = &stats.Facts{RegionCode: e.RegionCode, IndustryCode: e.IndustryCode}
			}
		}
	}
	if facets&qualificationsFacet != 0 {
		var qs []struct {
			EnterpriseID int64
			Tier         string
			GrantedOn    calendar.Date
			ValidUntil   calendar.Date
			RevokedOn    calendar.Date
		}
		q := c.ctx(ctx).Table("qualifications").Select("enterprise_id, tier, granted_on, valid_until, revoked_on")
		if err := among(q, "enterprise_id").Order("enterprise_id, id").Find(&qs).Error; err != nil {
			return wrap(err, "cohort qualifications")
		}
		for _, q := range qs {
			if f := out[q.EnterpriseID]; f != nil {
				f.Qualifications = append(f.Qualifications, stats.Span{Tier: criteria.Tier(q.Tier), GrantedOn: q.GrantedOn, ValidUntil: q.ValidUntil, RevokedOn: q.RevokedOn})
			}
		}
	}
	if facets&eligibleFacet != 0 {
		var eligible []struct {
			EnterpriseID int64
			Tier         string
		}
		q := c.ctx(ctx).Table("eligibility_results").Select("enterprise_id, tier").Where("eligible = ?", true)
		if err := among(q, "enterprise_id").Order("enterprise_id, tier").Find(&eligible).Error; err != nil {
			return wrap(err, "cohort eligibility")
		}
		for _, r := range eligible {
			if f := out[r.EnterpriseID]; f != nil {
				f.Eligible = append(f.Eligible, criteria.Tier(r.Tier))
			}
		}
	}
	return nil
}

// addCohorts adds a tally's changes to the stored counts.
func (c conn) addCohorts(ctx context.Context, tally stats.Tally) error {
	changes := tally.Changes()
	if len(changes) == 0 {
		return nil
	}
	rows := make([]cohortRow, len(changes))
	for i, k := range changes {
		rows[i] = cohortRow{Kind: string(k.Kind), Tier: string(k.Tier), RegionCode: k.RegionCode, IndustryCode: k.IndustryCode,
			StartsOn: k.From, EndsOn: k.To, ValidUntil: k.ValidUntil, N: tally[k]}
	}
	err := c.ctx(ctx).Clauses(clause.OnConflict{
		Columns:   cohortKey,
		DoUpdates: clause.Assignments(map[string]any{"n": gorm.Expr("stat_cohorts.n + excluded.n")}),
	}).CreateInBatches(&rows, batchRows(8)).Error
	return wrap(err, "add to cohorts")
}

// RebuildCohorts counts the statistics' cohorts again from every enterprise: after a bulk load,
// which writes the tables without counting, or a repair by hand. Writers wait for it (on
// PostgreSQL the cohorts are locked against writes for its length): a write that commits before
// it reads is counted, one that commits after adds its changes to the new counts.
func (c conn) RebuildCohorts(ctx context.Context) error {
	return c.tx(ctx, func(tx conn) error { return tx.rebuildCohorts(ctx) })
}

func (c conn) rebuildCohorts(ctx context.Context) error {
	if isPostgres(c.db) {
		if err := c.ctx(ctx).Exec("LOCK TABLE stat_cohorts IN EXCLUSIVE MODE").Error; err != nil {
			return wrap(err, "lock cohorts")
		}
	}
	if err := c.ctx(ctx).Exec("DELETE FROM stat_cohorts").Error; err != nil {
		return wrap(err, "clear cohorts")
	}
	// The registry a range of IDs at a time: a range reads its rows from the indexes in order,
	// where a list of a thousand IDs would be looked up one by one.
	const span = 20000
	var last int64
	if err := c.ctx(ctx).Table("enterprises").Select("COALESCE(MAX(id), 0)").Scan(&last).Error; err != nil {
		return wrap(err, "last enterprise")
	}
	tally := stats.Tally{}
	for from := int64(1); from <= last; from += span {
		facts := map[int64]*stats.Facts{}
		err := c.readCohortFacts(ctx, facts, func(q *gorm.DB, column string) *gorm.DB {
			return q.Where(column+" >= ? AND "+column+" < ?", from, from+span)
		}, allFacets, false)
		if err != nil {
			return err
		}
		for _, f := range facts {
			tally.Add(*f, 1)
		}
	}
	return c.addCohorts(ctx, tally)
}
