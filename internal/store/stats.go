package store

import (
	"context"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/stats"
)

// Stats is the statistics' store.
type Stats struct{ conn }

// NewStats returns the statistics' store over db.
func NewStats(db *gorm.DB) Stats { return Stats{conn{db}} }

// inForce selects the qualifications (q) in force on the filter's date, of enterprises (e)
// within its scope and filters.
func (c conn) inForce(ctx context.Context, f stats.Filter) *gorm.DB {
	d := f.AsOf.String()
	q := c.ctx(ctx).Table("qualifications AS q").Joins("JOIN enterprises e ON e.id = q.enterprise_id").
		Where(inForceSQL, d, d, d)
	return statsFilters(scopeEnterprises(q, f.Scope, "e"), f)
}

// inForceCounted is inForce for a count by the qualifications' own columns: the enterprises are
// joined only when the filter or the scope needs them, as a whole city's figures do not. Over a
// large registry the join costs more than the count.
func (c conn) inForceCounted(ctx context.Context, f stats.Filter) *gorm.DB {
	if needsEnterprises(f) {
		return c.inForce(ctx, f)
	}
	d := f.AsOf.String()
	return c.ctx(ctx).Table("qualifications AS q").Where(inForceSQL, d, d, d)
}

// needsEnterprises reports whether a filter selects by the enterprises' columns.
func needsEnterprises(f stats.Filter) bool {
	return f.RegionCode != "" || strings.TrimSpace(f.Industry) != "" || f.Scope != (access.Scope{})
}

func statsFilters(q *gorm.DB, f stats.Filter) *gorm.DB {
	if f.RegionCode != "" {
		q = q.Where("e.region_code = ?", f.RegionCode)
	}
	if ind := strings.ToUpper(strings.TrimSpace(f.Industry)); ind != "" {
		if len(ind) == 1 {
			q = q.Where("e.industry_code LIKE ?", ind+"%")
		} else {
			q = q.Where("e.industry_code = ?", ind)
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
	err := c.inForceCounted(ctx, f).Select("q.tier, COUNT(*) AS n").Group("q.tier").Find(&rows).Error
	return byTier(rows), wrap(err, "holders")
}

// tierRank orders the tiers in SQL, bottom first.
const tierRank = "CASE q.tier WHEN 'innovative_sme' THEN 1 WHEN 'specialized_sme' THEN 2 WHEN 'little_giant' THEN 3 ELSE 0 END"

var tierOfRank = map[int]criteria.Tier{1: criteria.InnovativeSME, 2: criteria.SpecializedSME, 3: criteria.LittleGiant}

// HighestTierHolders counts the enterprises by their highest tier in force.
func (c conn) HighestTierHolders(ctx context.Context, f stats.Filter) (map[criteria.Tier]int, error) {
	var rows []struct {
		Top int
		N   int
	}
	sub := c.inForceCounted(ctx, f).Select("q.enterprise_id, MAX(" + tierRank + ") AS top").Group("q.enterprise_id")
	err := c.ctx(ctx).Table("(?) AS t", sub).Select("t.top, COUNT(*) AS n").Group("t.top").Find(&rows).Error
	out := map[criteria.Tier]int{}
	for _, r := range rows {
		out[tierOfRank[r.Top]] += r.N
	}
	return out, wrap(err, "highest tier holders")
}

// ExpiringByTier counts the qualifications in force that expire within days.
func (c conn) ExpiringByTier(ctx context.Context, f stats.Filter, days int) (map[criteria.Tier]int, error) {
	var rows []tierCount
	err := c.inForceCounted(ctx, f).Where("q.valid_until <= ?", f.AsOf.AddDays(days).String()).
		Select("q.tier, COUNT(*) AS n").Group("q.tier").Find(&rows).Error
	return byTier(rows), wrap(err, "expiring")
}

// CandidatesByTier counts the enterprises the stored criteria results call eligible for a tier
// they do not hold on the date.
func (c conn) CandidatesByTier(ctx context.Context, f stats.Filter) (map[criteria.Tier]int, error) {
	d := f.AsOf.String()
	// Eligible results are read from their own index (migration 0010), the enterprises joined only
	// when the filter needs them.
	q := c.ctx(ctx).Table("eligibility_results AS er").Where("er.eligible = ?", true).
		Where("NOT EXISTS (SELECT 1 FROM qualifications q WHERE q.enterprise_id = er.enterprise_id AND q.tier = er.tier AND "+inForceSQL+")", d, d, d)
	if needsEnterprises(f) {
		q = statsFilters(scopeEnterprises(q.Joins("JOIN enterprises e ON e.id = er.enterprise_id"), f.Scope, "e"), f)
	}
	var rows []tierCount
	err := q.Select("er.tier AS tier, COUNT(*) AS n").Group("er.tier").Find(&rows).Error
	return byTier(rows), wrap(err, "candidates")
}

type cellRow struct {
	Grp  string
	Name string
	Tier string
	N    int
}

// cells counts holders and highest-tier holders by a grouping expression.
func (c conn) cells(ctx context.Context, f stats.Filter, group, name string, join string) ([]stats.Cell, error) {
	var holders []cellRow
	q := c.inForce(ctx, f)
	if join != "" {
		q = q.Joins(join)
	}
	err := q.Select(group + " AS grp, " + name + " AS name, q.tier, COUNT(*) AS n").Group(group + ", " + name + ", q.tier").Find(&holders).Error
	if err != nil {
		return nil, wrap(err, "cells")
	}
	sub := c.inForce(ctx, f)
	if join != "" {
		sub = sub.Joins(join)
	}
	sub = sub.Select("q.enterprise_id, " + group + " AS grp, " + name + " AS name, MAX(" + tierRank + ") AS top").Group("q.enterprise_id, " + group + ", " + name)
	var tops []struct {
		Grp  string
		Name string
		Top  int
		N    int
	}
	if err := c.ctx(ctx).Table("(?) AS t", sub).Select("t.grp, t.name, t.top, COUNT(*) AS n").Group("t.grp, t.name, t.top").Find(&tops).Error; err != nil {
		return nil, wrap(err, "highest cells")
	}
	type key struct{ grp, tier string }
	index := map[key]int{}
	var out []stats.Cell
	at := func(grp, name, tier string) int {
		k := key{grp, tier}
		i, ok := index[k]
		if !ok {
			out = append(out, stats.Cell{Group: grp, GroupName: name, Tier: criteria.Tier(tier)})
			i = len(out) - 1
			index[k] = i
		}
		return i
	}
	for _, h := range holders {
		out[at(h.Grp, h.Name, h.Tier)].Holders += h.N
	}
	for _, t := range tops {
		out[at(t.Grp, t.Name, string(tierOfRank[t.Top]))].HighestTierHolders += t.N
	}
	return out, nil
}

// ByRegion counts holders by region and tier.
func (c conn) ByRegion(ctx context.Context, f stats.Filter) ([]stats.Cell, error) {
	return c.cells(ctx, f, "e.region_code", "r.name", "JOIN regions r ON r.code = e.region_code")
}

// ByIndustrySection counts holders by industry section and tier ("" for enterprises without one).
func (c conn) ByIndustrySection(ctx context.Context, f stats.Filter) ([]stats.Cell, error) {
	section := "COALESCE(SUBSTR(e.industry_code, 1, 1), '')"
	return c.cells(ctx, f, section, section, "")
}

// NewByYear counts the qualifications granted in each year from..to, by tier.
func (c conn) NewByYear(ctx context.Context, f stats.Filter, from, to int) (map[int]map[criteria.Tier]int, error) {
	year := "SUBSTR(CAST(q.granted_on AS TEXT), 1, 4)"
	q := c.ctx(ctx).Table("qualifications AS q").Joins("JOIN enterprises e ON e.id = q.enterprise_id").
		Where("q.granted_on >= ? AND q.granted_on <= ?", strconv.Itoa(from)+"-01-01", strconv.Itoa(to)+"-12-31")
	q = statsFilters(scopeEnterprises(q, f.Scope, "e"), f)
	var rows []struct {
		Y    string
		Tier string
		N    int
	}
	if err := q.Select(year + " AS y, q.tier, COUNT(*) AS n").Group(year + ", q.tier").Find(&rows).Error; err != nil {
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
	q = statsFilters(scopeEnterprises(q, f.Scope, "e"), f)
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
