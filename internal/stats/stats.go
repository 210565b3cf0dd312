// Package stats answers leadership's questions as of any date: how many enterprises hold each
// tier, where, in which industries, how it grew, what is in the pipeline. Every figure agrees with
// the list it summarises: the holders of a tier as of a date are the rows of the qualification
// list filtered by that tier, status valid and that date.
package stats

import (
	"context"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

// Filter is what every statistic is narrowed by; Scope always applies.
type Filter struct {
	Scope      access.Scope
	AsOf       calendar.Date
	RegionCode string
	Industry   string // a section letter or a division code
}

// TierSummary is the summary of one tier as of a date.
type TierSummary struct {
	Tier               criteria.Tier
	Holders            int // qualifications of the tier in force
	HighestTierHolders int // enterprises whose highest tier in force is this one
	Expiring90         int // in force, expiring within ExpiringSoon days
	Expiring180        int // ... within ExpiringLater days
	Candidates         int // eligible by the criteria, not holding the tier
}

// Cell is a count of one tier in one group (a region, an industry section).
type Cell struct {
	Group              string
	GroupName          string
	Tier               criteria.Tier
	Holders            int
	HighestTierHolders int
}

// YearPoint is one year of the trend.
type YearPoint struct {
	Year             int
	Tier             criteria.Tier
	NewQualification int // granted in the year
	HoldersAtYearEnd int // in force on 31 December
}

// PipelineCell counts the applications of an open batch in one state.
type PipelineCell struct {
	BatchID   int64
	BatchName string
	Tier      criteria.Tier
	State     string
	Count     int
}

// Store computes the statistics in the database.
type Store interface {
	// TierFigures answers each tier's figures as of the filter's date, its expiring within the
	// Expiring... days of it.
	TierFigures(ctx context.Context, f Filter) (map[criteria.Tier]TierSummary, error)
	HoldersByTier(ctx context.Context, f Filter) (map[criteria.Tier]int, error)
	ByRegion(ctx context.Context, f Filter) ([]Cell, error)
	ByIndustrySection(ctx context.Context, f Filter) ([]Cell, error)
	NewByYear(ctx context.Context, f Filter, from, to int) (map[int]map[criteria.Tier]int, error)
	Pipeline(ctx context.Context, f Filter) ([]PipelineCell, error)
}

// The summary's two horizons of expiry, in days after its date.
const (
	ExpiringSoon  = 90
	ExpiringLater = 180
)

// Service answers statistics to leaders, officers (a county officer its region's) and admins.
type Service struct {
	Store    Store
	Now      func() time.Time
	Location *time.Location
}

func (s Service) prepare(actor access.Actor, f *Filter) error {
	if !actor.Is(access.Admin, access.CityOfficer, access.CountyOfficer, access.Leader) {
		return apperr.New(apperr.Forbidden, "")
	}
	f.Scope = actor.Scope()
	if f.AsOf.IsZero() {
		f.AsOf = calendar.On(s.Now(), s.Location)
	}
	return nil
}

// Summary answers each tier's holders, highest-tier holders, expiring and candidates as of a date.
func (s Service) Summary(ctx context.Context, actor access.Actor, f Filter) ([]TierSummary, calendar.Date, error) {
	if err := s.prepare(actor, &f); err != nil {
		return nil, calendar.Date{}, err
	}
	figures, err := s.Store.TierFigures(ctx, f)
	if err != nil {
		return nil, f.AsOf, err
	}
	out := make([]TierSummary, len(criteria.Tiers))
	for i, t := range criteria.Tiers {
		out[i] = figures[t]
		out[i].Tier = t
	}
	return out, f.AsOf, nil
}

// ByRegion answers holders by tier and region as of a date.
func (s Service) ByRegion(ctx context.Context, actor access.Actor, f Filter) ([]Cell, calendar.Date, error) {
	if err := s.prepare(actor, &f); err != nil {
		return nil, calendar.Date{}, err
	}
	cells, err := s.Store.ByRegion(ctx, f)
	return cells, f.AsOf, err
}

// ByIndustry answers holders by tier and industry section as of a date.
func (s Service) ByIndustry(ctx context.Context, actor access.Actor, f Filter) ([]Cell, calendar.Date, error) {
	if err := s.prepare(actor, &f); err != nil {
		return nil, calendar.Date{}, err
	}
	cells, err := s.Store.ByIndustrySection(ctx, f)
	return cells, f.AsOf, err
}

// MaxTrendYears bounds a trend.
const MaxTrendYears = 30

// Trend answers, for each year from..to and each tier, the qualifications granted and the
// holders at the year's end.
func (s Service) Trend(ctx context.Context, actor access.Actor, f Filter, from, to int) ([]YearPoint, error) {
	if err := s.prepare(actor, &f); err != nil {
		return nil, err
	}
	var fs apperr.Fields
	if from < 2000 || from > 2100 {
		fs.Add("from", apperr.RuleInvalid, nil)
	}
	if to < from || to > 2100 {
		fs.Add("to", apperr.RuleInvalid, nil)
	} else if to-from >= MaxTrendYears {
		fs.Add("to", apperr.RuleTooLarge, map[string]any{"max": from + MaxTrendYears - 1})
	}
	if err := fs.Err(); err != nil {
		return nil, err
	}
	grants, err := s.Store.NewByYear(ctx, f, from, to)
	if err != nil {
		return nil, err
	}
	var out []YearPoint
	for y := from; y <= to; y++ {
		g := f
		g.AsOf = calendar.NewDate(y, time.December, 31)
		holders, err := s.Store.HoldersByTier(ctx, g)
		if err != nil {
			return nil, err
		}
		for _, t := range criteria.Tiers {
			out = append(out, YearPoint{Year: y, Tier: t, NewQualification: grants[y][t], HoldersAtYearEnd: holders[t]})
		}
	}
	return out, nil
}

// Pipeline answers the applications of the batches open on the date, by state.
func (s Service) Pipeline(ctx context.Context, actor access.Actor, f Filter) ([]PipelineCell, calendar.Date, error) {
	if err := s.prepare(actor, &f); err != nil {
		return nil, calendar.Date{}, err
	}
	cells, err := s.Store.Pipeline(ctx, f)
	return cells, f.AsOf, err
}
