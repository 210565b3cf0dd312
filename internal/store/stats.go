package store

import (
	"context"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/stats"
)

// Stats is the statistics' store.
type Stats struct{ conn }

// NewStats returns the statistics' store over db.
func NewStats(db *gorm.DB) Stats { return Stats{conn{db: db}} }

// cohortsOn selects the cohorts (c) of the kinds that count on the filter's date, within its scope
// and filters. The figures as of a date sum the cohorts of that date (stats.Cohort, kept in step
// with every write by recounted) instead of counting qualifications: however large the registry,
// a figure reads a few thousand rows.
func (c conn) cohortsOn(ctx context.Context, f stats.Filter, kinds ...stats.Kind) *gorm.DB {
	d := f.AsOf.String()
	return c.cohortsOf(ctx, f, kinds...).Where("c.starts_on <= ? AND c.ends_on >= ?", d, d)
}

// cohortsOf selects the cohorts (c) of the kinds within the filter's scope and filters, on any day.
func (c conn) cohortsOf(ctx context.Context, f stats.Filter, kinds ...stats.Kind) *gorm.DB {
	q := c.ctx(ctx).Table("stat_cohorts AS c").Where("c.kind IN ?", kinds)
	switch {
	case f.Scope.None, f.Scope.EnterpriseID != 0:
		// Cohorts do not know their enterprises: an enterprise's own figures are not statistics.
		return q.Where("1 = 0")
	case f.Scope.RegionCode != "":
		q = q.Where("c.region_code = ?", f.Scope.RegionCode)
	}
	return statsFilters(q, f, "c")
}

func statsFilters(q *gorm.DB, f stats.Filter, alias string) *gorm.DB {
	if f.RegionCode != "" {
		q = q.Where(alias+".region_code = ?", f.RegionCode)
	}
	if ind := strings.ToUpper(strings.TrimSpace(f.Industry)); ind != "" {
		if len(ind) == 1 {
			q = q.Where(alias+".industry_code LIKE ?", ind+"%")
		} else {
			q = q.Where(alias+".industry_code = ?", ind)
		}
	}
	return q
}

type tierCount struct {
	Tier string
	N    int
}

func byTier(rows []tierCount) map[criteria.Tier]int {
	out := map[criteria.Tier]int{}
	for _, r := range rows {
		out[criteria.Tier(r.Tier)] += r.N
	}
	return out
}

// HoldersByTier counts the qualifications in force, by tier.
func (c conn) HoldersByTier(ctx context.Context, f stats.Filter) (map[criteria.Tier]int, error) {
	var rows []tierCount
	err := c.cohortsOn(ctx, f, stats.Held).Select("c.tier, SUM(c.n) AS n").Group("c.tier").Find(&rows).Error
	return byTier(rows), wrap(err, "holders")
}

// TierFigures answers each tier's holders, highest-tier holders, expiring and candidates as of
// the filter's date, in one pass over the date's cohorts. The candidates are the eligible less
// the eligible holding the tier.
func (c conn) TierFigures(ctx context.Context, f stats.Filter) (map[criteria.Tier]stats.TierSummary, error) {
	soon, later := f.AsOf.AddDays(stats.ExpiringSoon).String(), f.AsOf.AddDays(stats.ExpiringLater).String()
	var rows []struct {
		Tier        string
		Holders     int
		Highest     int
		Expiring90  int
		Expiring180 int
		Candidates  int
	}
	held, top, eligible, eligibleHeld := string(stats.Held), string(stats.Top), string(stats.Eligible), string(stats.EligibleHeld)
	err := c.cohortsOn(ctx, f, stats.Held, stats.Top, stats.Eligible, stats.EligibleHeld).Select(`c.tier,
		SUM(CASE WHEN c.kind = ? THEN c.n ELSE 0 END) AS holders,
		SUM(CASE WHEN c.kind = ? THEN c.n ELSE 0 END) AS highest,
		SUM(CASE WHEN c.kind = ? AND c.valid_until <= ? THEN c.n ELSE 0 END) AS expiring90,
		SUM(CASE WHEN c.kind = ? AND c.valid_until <= ? THEN c.n ELSE 0 END) AS expiring180,
		SUM(CASE WHEN c.kind = ? THEN c.n WHEN c.kind = ? THEN -c.n ELSE 0 END) AS candidates`,
		held, top, held, soon, held, later, eligible, eligibleHeld).Group("c.tier").Find(&rows).Error
	out := map[criteria.Tier]stats.TierSummary{}
	for _, r := range rows {
		out[criteria.Tier(r.Tier)] = stats.TierSummary{Tier: criteria.Tier(r.Tier), Holders: r.Holders, HighestTierHolders: r.Highest,
			Expiring90: r.Expiring90, Expiring180: r.Expiring180, Candidates: r.Candidates}
	}
	return out, wrap(err, "tier figures")
}

// cells counts holders and highest-tier holders by a grouping expression.
func (c conn) cells(ctx context.Context, f stats.Filter, group, name string, join string) ([]stats.Cell, error) {
	q := c.cohortsOn(ctx, f, stats.Held, stats.Top)
	if join != "" {
		q = q.Joins(join)
	}
	var rows []struct {
		Grp  string
		Name string
		Tier string
		Kind string
		N    int
	}
	err := q.Select(group + " AS grp, " + name + " AS name, c.tier, c.kind, SUM(c.n) AS n").
		Group(group + ", " + name + ", c.tier, c.kind").Having("SUM(c.n) <> 0").Order("grp, c.tier, c.kind").Find(&rows).Error
	if err != nil {
		return nil, wrap(err, "cells")
	}
	type key struct{ grp, tier string }
	index := map[key]int{}
	var out []stats.Cell
	for _, r := range rows {
		k := key{r.Grp, r.Tier}
		i, ok := index[k]
		if !ok {
			out = append(out, stats.Cell{Group: r.Grp, GroupName: r.Name, Tier: criteria.Tier(r.Tier)})
			i = len(out) - 1
			index[k] = i
		}
		if stats.Kind(r.Kind) == stats.Held {
			out[i].Holders += r.N
		} else {
			out[i].HighestTierHolders += r.N
		}
	}
	return out, nil
}

// ByRegion counts holders by region and tier.
func (c conn) ByRegion(ctx context.Context, f stats.Filter) ([]stats.Cell, error) {
	return c.cells(ctx, f, "c.region_code", "r.name", "JOIN regions r ON r.code = c.region_code")
}

// ByIndustrySection counts holders by industry section and tier ("" for enterprises without one).
func (c conn) ByIndustrySection(ctx context.Context, f stats.Filter) ([]stats.Cell, error) {
	section := "SUBSTR(c.industry_code, 1, 1)"
	return c.cells(ctx, f, section, section, "")
}

// NewByYear counts the qualifications granted in each year from..to, by tier.
func (c conn) NewByYear(ctx context.Context, f stats.Filter, from, to int) (map[int]map[criteria.Tier]int, error) {
	year := "SUBSTR(CAST(c.starts_on AS TEXT), 1, 4)"
	q := c.cohortsOf(ctx, f, stats.Held).Where("c.starts_on >= ? AND c.starts_on <= ?", strconv.Itoa(from)+"-01-01", strconv.Itoa(to)+"-12-31")
	var rows []struct {
		Y    string
		Tier string
		N    int
	}
	if err := q.Select(year + " AS y, c.tier, SUM(c.n) AS n").Group(year + ", c.tier").Find(&rows).Error; err != nil {
		return nil, wrap(err, "new by year")
	}
	out := map[int]map[criteria.Tier]int{}
	for _, r := range rows {
		y, _ := strconv.Atoi(r.Y)
		if out[y] == nil {
			out[y] = map[criteria.Tier]int{}
		}
		out[y][criteria.Tier(r.Tier)] += r.N
	}
	return out, nil
}

// Pipeline counts the applications of the batches open on the date, by batch and state.
func (c conn) Pipeline(ctx context.Context, f stats.Filter) ([]stats.PipelineCell, error) {
	d := f.AsOf.String()
	q := c.ctx(ctx).Table("applications AS a").Joins("JOIN batches b ON b.id = a.batch_id").
		Joins("JOIN enterprises e ON e.id = a.enterprise_id").
		Where("b.opens_on <= ? AND b.closes_on >= ? AND (b.closed_early_on IS NULL OR b.closed_early_on > ?)", d, d, d)
	q = statsFilters(scopeEnterprises(q, f.Scope, "e"), f, "e")
	var rows []struct {
		BatchID   int64
		BatchName string
		Tier      string
		State     string
		N         int
	}
	if err := q.Select("b.id AS batch_id, b.name AS batch_name, b.tier, a.state, COUNT(*) AS n").
		Group("b.id, b.name, b.tier, a.state").Order("b.id, a.state").Find(&rows).Error; err != nil {
		return nil, wrap(err, "pipeline")
	}
	out := make([]stats.PipelineCell, len(rows))
	for i, r := range rows {
		out[i] = stats.PipelineCell{BatchID: r.BatchID, BatchName: r.BatchName, Tier: criteria.Tier(r.Tier), State: r.State, Count: r.N}
	}
	return out, nil
}
