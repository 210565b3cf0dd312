// Package eligibility applies the tier criteria to the registry: it builds the criteria's facts of
// an enterprise from its profile, annual figures and qualifications, and keeps each enterprise's
// results stored and current, so that lists over thousands of enterprises are queries.
package eligibility

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
)

// Store reads what the facts are built from and keeps the results.
type Store interface {
	GetEnterprise(ctx context.Context, scope access.Scope, id int64) (enterprise.Enterprise, error)
	ListAnnualReports(ctx context.Context, enterpriseID int64) ([]report.Annual, error)
	ListQualifications(ctx context.Context, enterpriseID int64) ([]qualification.Qualification, error)
	// SaveResults replaces an enterprise's stored results.
	SaveResults(ctx context.Context, enterpriseID int64, results []criteria.Result, at time.Time) error
}

// Miit2026From is the day the 2026 measures came into force.
var Miit2026From = calendar.NewDate(2026, 4, 1)

// RulesetOn returns the ruleset in force on a day: miit-2026 from 2026-04-01, miit-2022 before.
func RulesetOn(day calendar.Date) string {
	if day.Before(Miit2026From) {
		return criteria.Ruleset2022
	}
	return criteria.Ruleset2026
}

// ReportYear returns the year an evaluation made on a day rests on: the last complete year
// (the year before), or, when the enterprise has not filed it yet, its latest earlier report.
func ReportYear(reports []report.Annual, today calendar.Date) int {
	last := today.Year() - 1
	best := 0
	for _, r := range reports {
		if r.Year == last {
			return last
		}
		if r.Year < last && r.Year > best {
			best = r.Year
		}
	}
	if best == 0 {
		return last
	}
	return best
}

// Facts builds the criteria's facts of an enterprise for a report year, on a day: the tiers held
// are those in force that day, the honours those valid at the end of the report year.
func Facts(e enterprise.Enterprise, reports []report.Annual, quals []qualification.Qualification, year int, ruleset string, today calendar.Date) criteria.Facts {
	f := criteria.Facts{
		Ruleset:     ruleset,
		ReportYear:  year,
		General:     &criteria.General{AbnormalOrDishonestListed: e.AbnormalOrDishonestListed, MajorIncidentOrViolation3y: e.MajorIncidentOrViolation3y},
		HeldTiers:   qualification.HeldTiers(quals, today),
		MainProduct: &criteria.MainProduct{StrategicEmerging: e.StrategicEmerging, KeyField: e.KeyField, KeyChainLink: e.KeyChainLink},
		Honours:     e.HonoursValidAt(year),
		Awards:      e.CriteriaAwards(),
		MakersChina: e.MakersChina,
		Reports:     report.CriteriaReports(reports),
	}
	if class, ok := industry.ClassOf(e.IndustryCode); ok {
		f.IndustryClass = class
	}
	if !e.NicheMarketSince.IsZero() {
		s := e.NicheMarketSince.String()
		f.NicheMarketSince = &s
	}
	if e.FieldClass != "" {
		fc := e.FieldClass
		f.MainProduct.FieldClass = &fc
	}
	hasYear := false
	for _, r := range f.Reports {
		hasYear = hasYear || r.Year == year
	}
	if !hasYear {
		// No figures for the year: every figure is missing, which the evaluation says.
		f.Reports = append(f.Reports, criteria.Report{Year: year})
	}
	return f
}

// Evaluate returns what Refresh stores for an enterprise on a day: every tier evaluated on the
// default report year (ReportYear) under the ruleset in force (RulesetOn). reports and quals are
// as the store lists them, latest first.
func Evaluate(e enterprise.Enterprise, reports []report.Annual, quals []qualification.Qualification, today calendar.Date) ([]criteria.Result, error) {
	return evaluate(e, reports, quals, ReportYear(reports, today), RulesetOn(today), today)
}

// evaluate builds the facts and evaluates every tier.
func evaluate(e enterprise.Enterprise, reports []report.Annual, quals []qualification.Qualification, year int, ruleset string, today calendar.Date) ([]criteria.Result, error) {
	results, problems := criteria.EvaluateAll(Facts(e, reports, quals, year, ruleset, today))
	if len(problems) > 0 {
		// The registry's facts pass the same checks on the way in; a problem here is a bug.
		return nil, apperr.Wrap(problemError(problems), "registry facts")
	}
	return results, nil
}

type problemError []criteria.Problem

func (p problemError) Error() string {
	s := "invalid facts:"
	for _, x := range p {
		s += " " + x.Field + " " + x.Rule
	}
	return s
}

// RefreshJob names the daily recomputation of every enterprise's results among the periodic jobs
// that one replica a day claims.
const RefreshJob = "eligibility_refresh"

// Refresh recomputes and stores an enterprise's results as of now, under the ruleset in force.
// Callers run it in the transaction of the change that made it necessary.
func Refresh(ctx context.Context, st Store, enterpriseID int64, now time.Time, loc *time.Location) error {
	today := calendar.On(now, loc)
	e, err := st.GetEnterprise(ctx, access.Scope{}, enterpriseID)
	if err != nil {
		return err
	}
	reports, err := st.ListAnnualReports(ctx, enterpriseID)
	if err != nil {
		return err
	}
	quals, err := st.ListQualifications(ctx, enterpriseID)
	if err != nil {
		return err
	}
	results, err := Evaluate(e, reports, quals, today)
	if err != nil {
		return err
	}
	return st.SaveResults(ctx, enterpriseID, results, now)
}

// RecordsStore reads the records of many enterprises at once that the criteria are evaluated on,
// besides the enterprises themselves.
type RecordsStore interface {
	// AnnualReportsOf returns the reports of these enterprises, latest year first.
	AnnualReportsOf(ctx context.Context, enterpriseIDs []int64) (map[int64][]report.Annual, error)
	// QualificationsOf returns the qualifications of these enterprises, latest granted first.
	QualificationsOf(ctx context.Context, enterpriseIDs []int64) (map[int64][]qualification.Qualification, error)
}

// BulkStore reads the facts of many enterprises at once and keeps their results.
type BulkStore interface {
	RecordsStore
	// SaveResultsOf replaces the stored results of these enterprises.
	SaveResultsOf(ctx context.Context, results map[int64][]criteria.Result, at time.Time) error
}

// InputStore reads what the criteria are evaluated on, for many enterprises at once.
type InputStore interface {
	RecordsStore
	// EnterprisesOf returns these enterprises, by ID (those not found left out).
	EnterprisesOf(ctx context.Context, enterpriseIDs []int64) (map[int64]enterprise.Enterprise, error)
}

// Computed is how a stored result was computed: on which day, under which ruleset, for which
// report year.
type Computed struct {
	On         calendar.Date
	Ruleset    string
	ReportYear int
}

// Explained evaluates again, for each enterprise, the results stored for it (which keep the
// verdict, not its explanation), as they were computed: the same records, day, ruleset and year
// give the same results, since every change of an enterprise's records refreshes its stored
// ones. An enterprise not found has none.
func Explained(ctx context.Context, st InputStore, computed map[int64]Computed) (map[int64][]criteria.Result, error) {
	ids := slices.Sorted(maps.Keys(computed))
	out := make(map[int64][]criteria.Result, len(ids))
	for part := range slices.Chunk(ids, refreshChunk) {
		es, err := st.EnterprisesOf(ctx, part)
		if err != nil {
			return nil, err
		}
		reports, err := st.AnnualReportsOf(ctx, part)
		if err != nil {
			return nil, err
		}
		quals, err := st.QualificationsOf(ctx, part)
		if err != nil {
			return nil, err
		}
		for _, id := range part {
			e, ok := es[id]
			if !ok {
				continue
			}
			c := computed[id]
			if out[id], err = evaluate(e, reports[id], quals[id], c.ReportYear, c.Ruleset, c.On); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// refreshChunk is how many enterprises RefreshMany reads, evaluates and stores at a time.
const refreshChunk = 500

// RefreshMany is Refresh for many enterprises whose records the caller holds: their figures and
// qualifications are read and their results stored a chunk at a time, not one by one.
func RefreshMany(ctx context.Context, st BulkStore, es []enterprise.Enterprise, now time.Time, loc *time.Location) error {
	today := calendar.On(now, loc)
	for start := 0; start < len(es); start += refreshChunk {
		part := es[start:min(start+refreshChunk, len(es))]
		ids := make([]int64, len(part))
		for i, e := range part {
			ids[i] = e.ID
		}
		reports, err := st.AnnualReportsOf(ctx, ids)
		if err != nil {
			return err
		}
		quals, err := st.QualificationsOf(ctx, ids)
		if err != nil {
			return err
		}
		results := make(map[int64][]criteria.Result, len(part))
		for _, e := range part {
			if results[e.ID], err = Evaluate(e, reports[e.ID], quals[e.ID], today); err != nil {
				return err
			}
		}
		if err := st.SaveResultsOf(ctx, results, now); err != nil {
			return err
		}
	}
	return nil
}

// Evaluation is the self-check of one enterprise: every tier for one report year.
type Evaluation struct {
	EnterpriseID int64
	ReportYear   int
	Ruleset      string
	Results      []criteria.Result
}

// Service answers self-checks.
type Service struct {
	Store    Store
	Now      func() time.Time
	Location *time.Location
}

// ForEnterprise evaluates an enterprise within the actor's scope (not_found outside it) for a
// report year (0: the default) under a ruleset ("": the one in force today).
func (s Service) ForEnterprise(ctx context.Context, actor access.Actor, id int64, year int, ruleset string) (Evaluation, error) {
	today := calendar.On(s.Now(), s.Location)
	e, err := s.Store.GetEnterprise(ctx, actor.Scope(), id)
	if err != nil {
		return Evaluation{}, err
	}
	var fs apperr.Fields
	if ruleset == "" {
		ruleset = RulesetOn(today)
	} else if !criteria.KnownRuleset(ruleset) {
		fs.Add("ruleset", apperr.RuleOneOf, map[string]any{"values": criteria.Rulesets()})
	}
	if year != 0 && year < criteria.MinYear {
		fs.Add("report_year", apperr.RuleTooSmall, map[string]any{"min": criteria.MinYear})
	} else if year > today.Year() {
		fs.Add("report_year", apperr.RuleTooLarge, map[string]any{"max": today.Year()})
	}
	if err := fs.Err(); err != nil {
		return Evaluation{}, err
	}
	reports, err := s.Store.ListAnnualReports(ctx, id)
	if err != nil {
		return Evaluation{}, err
	}
	quals, err := s.Store.ListQualifications(ctx, id)
	if err != nil {
		return Evaluation{}, err
	}
	if year == 0 {
		year = ReportYear(reports, today)
	}
	results, err := evaluate(e, reports, quals, year, ruleset, today)
	if err != nil {
		return Evaluation{}, err
	}
	return Evaluation{EnterpriseID: id, ReportYear: year, Ruleset: ruleset, Results: results}, nil
}
