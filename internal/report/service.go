package report

import (
	"context"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
)

// Store keeps annual reports. Its methods return not_found, duplicate and stale_version where
// they say so.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	// GetEnterprise returns an enterprise within scope, or not_found.
	GetEnterprise(ctx context.Context, scope access.Scope, id int64) (enterprise.Enterprise, error)
	ListAnnualReports(ctx context.Context, enterpriseID int64) ([]Annual, error)
	// GetAnnualReport returns the report of a year, or not_found.
	GetAnnualReport(ctx context.Context, enterpriseID int64, year int) (Annual, error)
	CreateAnnualReport(ctx context.Context, a *Annual) error
	// UpdateAnnualReport stores a if its stored version is readVersion, else stale_version.
	UpdateAnnualReport(ctx context.Context, a *Annual, readVersion int) error
	SetSizeClass(ctx context.Context, enterpriseID int64, size string) error
	// RefreshEligibility recomputes the enterprise's stored criteria results.
	RefreshEligibility(ctx context.Context, enterpriseID int64, now time.Time, loc *time.Location) error
	RecordAudit(ctx context.Context, e audit.Event) error
}

// Service keeps annual figures.
type Service struct {
	Store    Store
	Now      func() time.Time
	Location *time.Location
}

// List returns an enterprise's reports (latest first) within the actor's scope.
func (s Service) List(ctx context.Context, actor access.Actor, enterpriseID int64) ([]Annual, error) {
	if _, err := s.Store.GetEnterprise(ctx, actor.Scope(), enterpriseID); err != nil {
		return nil, err
	}
	return s.Store.ListAnnualReports(ctx, enterpriseID)
}

// officerOnly names the figures that are assessments by the province or the bureau, which an
// enterprise user may not set on its own report.
func officerOnly(next, current criteria.Report) []string {
	var out []string
	if !sameInt(next.LocalScore, current.LocalScore) {
		out = append(out, "local_score")
	}
	if !sameBool(next.MarketPositionLeading, current.MarketPositionLeading) {
		out = append(out, "market_position_leading")
	}
	return out
}

func sameInt(a, b *int) bool   { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }
func sameBool(a, b *bool) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }

// CheckFigures checks a year's figures: the year from criteria.MinYear to this one, and every
// figure as the criteria require (no negative money, shares within 0–1, R&D staff within
// employees …).
func CheckFigures(r *criteria.Report, today calendar.Date) apperr.Fields {
	var fs apperr.Fields
	if r.Year < criteria.MinYear {
		fs.Add("year", apperr.RuleTooSmall, map[string]any{"min": criteria.MinYear})
	} else if r.Year > today.Year() {
		fs.Add("year", apperr.RuleTooLarge, map[string]any{"max": today.Year()})
	}
	for _, p := range criteria.ValidateReport("", r) {
		fs.Add(p.Field, ruleOf(p.Rule), limitParams(p))
	}
	return fs
}

// Put files or replaces the report of a year: enterprise users their own, officers within scope,
// leaders nothing. A new report names no version (0); replacing one names the version read.
// Every figure is checked (no negative money, shares within 0–1, R&D staff within employees …);
// the size class and the criteria results follow in the same transaction.
func (s Service) Put(ctx context.Context, actor access.Actor, enterpriseID int64, year int, figures criteria.Report, version int) (Annual, error) {
	if !actor.CanEditRegistry() && !actor.Is(access.Enterprise) {
		return Annual{}, apperr.New(apperr.Forbidden, "")
	}
	now := s.Now().UTC()
	figures.Year = year
	fs := CheckFigures(&figures, calendar.On(now, s.Location))
	if err := fs.Err(); err != nil {
		return Annual{}, err
	}
	var out Annual
	err := s.Store.Tx(ctx, func(st Store) error {
		if _, err := st.GetEnterprise(ctx, actor.Scope(), enterpriseID); err != nil {
			return err
		}
		current, err := st.GetAnnualReport(ctx, enterpriseID, year)
		exists := err == nil
		if err != nil && !apperr.Is(err, apperr.NotFound) {
			return err
		}
		if actor.Is(access.Enterprise) {
			if fields := officerOnly(figures, current.Report); len(fields) > 0 {
				e := &apperr.Error{Code: apperr.Forbidden, Reason: "officer_only"}
				for _, f := range fields {
					e.Fields = append(e.Fields, apperr.FieldError{Field: f, Rule: apperr.RuleNotAllowed})
				}
				return e
			}
		}
		a := Annual{EnterpriseID: enterpriseID, Report: figures, UpdatedAt: now}
		action := "annual_report.create"
		var before any
		switch {
		case exists && version != current.Version:
			return apperr.New(apperr.StaleVersion, "")
		case exists:
			a.ID, a.CreatedAt, before, action = current.ID, current.CreatedAt, current.Report, "annual_report.update"
			if err := st.UpdateAnnualReport(ctx, &a, version); err != nil {
				return err
			}
		case version != 0:
			// The report the caller read is gone (or never was): refuse rather than create.
			return apperr.New(apperr.StaleVersion, "")
		default:
			a.CreatedAt, a.Version = now, 1
			if err := st.CreateAnnualReport(ctx, &a); err != nil {
				return err
			}
		}
		if err := s.refreshSize(ctx, st, enterpriseID); err != nil {
			return err
		}
		if err := st.RefreshEligibility(ctx, enterpriseID, now, s.Location); err != nil {
			return err
		}
		if err := st.RecordAudit(ctx, audit.New(ctx, now, actor, action, "annual_report", a.EntityID(), before, a.Report)); err != nil {
			return err
		}
		out, err = st.GetAnnualReport(ctx, enterpriseID, year)
		return err
	})
	return out, err
}

// refreshSize recomputes the size class from the latest report.
func (s Service) refreshSize(ctx context.Context, st Store, enterpriseID int64) error {
	e, err := st.GetEnterprise(ctx, access.Scope{}, enterpriseID)
	if err != nil {
		return err
	}
	reports, err := st.ListAnnualReports(ctx, enterpriseID)
	if err != nil {
		return err
	}
	size, ok := SizeClass(e.IndustryCode, reports)
	if !ok {
		return nil
	}
	return st.SetSizeClass(ctx, enterpriseID, string(size))
}

// SizeClass is an enterprise's size by its industry and its latest report; false without reports.
func SizeClass(industryCode string, reports []Annual) (criteria.SizeClass, bool) {
	latest, ok := Latest(reports)
	if !ok {
		return "", false
	}
	return enterprise.ComputeSizeClass(industryCode, enterprise.Figures{Employees: latest.Employees, OperatingRevenue: latest.OperatingRevenue}), true
}

func ruleOf(rule string) apperr.Rule {
	switch rule {
	case "too_small":
		return apperr.RuleTooSmall
	case "too_large":
		return apperr.RuleTooLarge
	case "one_of":
		return apperr.RuleOneOf
	}
	return apperr.RuleInvalid
}

func limitParams(p criteria.Problem) map[string]any {
	switch p.Rule {
	case "too_small":
		return map[string]any{"min": p.Limit}
	case "too_large":
		return map[string]any{"max": p.Limit}
	case "one_of":
		return map[string]any{"values": p.Limit}
	}
	return nil
}
