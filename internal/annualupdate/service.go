package annualupdate

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
)

// Row is an enterprise's update of a year, as the officers' list shows it.
type Row struct {
	EnterpriseID   int64
	EnterpriseName string
	CreditCode     string
	RegionCode     string
	RegionName     string
	Tiers          []criteria.Tier // held when the window opened
	Year           int
	Status         Status
	FiledOn        calendar.Date
	Opens, Closes  calendar.Date
}

// Filter selects the rows of a year's update.
type Filter struct {
	Year       int
	Status     Status
	RegionCode string
	Page       paging.Request // Size 0: every row
}

// ProposalStatus is where a proposed cancellation stands.
type ProposalStatus string

// The statuses of a proposed cancellation.
const (
	Proposed  ProposalStatus = "proposed"
	Confirmed ProposalStatus = "confirmed"
	Dismissed ProposalStatus = "dismissed"
)

// Proposal is a qualification proposed for cancellation for missed updates, and its decision.
type Proposal struct {
	ID               int64
	EnterpriseID     int64
	QualificationID  int64
	Tier             criteria.Tier
	PeriodValidUntil calendar.Date // the validity period the misses fell in
	MissedYears      []int
	Status           ProposalStatus
	Reason           string
	DecidedBy        string
	DecidedAt        time.Time
	Version          int
	CreatedAt        time.Time
	UpdatedAt        time.Time

	// Read for display and scope.
	EnterpriseName string
	CreditCode     string
	RegionCode     string
	RegionName     string
}

// EntityID returns the id of the proposal as audit events name it.
func (p Proposal) EntityID() string { return strconv.FormatInt(p.ID, 10) }

// ProposalFilter selects proposals; Scope always applies.
type ProposalFilter struct {
	Scope      access.Scope
	Status     ProposalStatus
	RegionCode string
	Page       paging.Request
}

// Store is what the annual update reads and writes.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	QueryQualifications(ctx context.Context, f qualification.Filter) ([]qualification.Listed, int64, error)
	// InForceAfter returns up to limit qualifications in force on a day whose IDs follow afterID,
	// in ID order: the whole registry's, a page at a time.
	InForceAfter(ctx context.Context, day calendar.Date, afterID int64, limit int) ([]qualification.Qualification, error)
	AnnualReportsOf(ctx context.Context, enterpriseIDs []int64) (map[int64][]report.Annual, error)
	EnterpriseUserIDs(ctx context.Context, enterpriseID int64) ([]int64, error)
	Notify(ctx context.Context, ns []notification.Notification) (int, error)
	// CreateProposals stores the proposals not yet made (one per qualification and period) and
	// answers how many were new.
	CreateProposals(ctx context.Context, ps []Proposal) (int, error)
	ListProposals(ctx context.Context, f ProposalFilter) ([]Proposal, int64, error)
	// GetProposal returns a proposal of an enterprise within scope, or not_found.
	GetProposal(ctx context.Context, scope access.Scope, id int64) (Proposal, error)
	UpdateProposal(ctx context.Context, p *Proposal, readVersion int) error
	// Qualifications is the qualifications' store, bound to the same transaction.
	Qualifications() qualification.Store
	RecordAudit(ctx context.Context, e audit.Event) error
}

// Service runs the annual update.
type Service struct {
	Store          Store
	Rules          Rules
	Qualifications qualification.Service // revokes a confirmed cancellation
	Now            func() time.Time
	Location       *time.Location
	// PageSize is how many qualifications the daily job reads at a time (0: 1,000).
	PageSize int
}

func (s Service) today() calendar.Date { return calendar.On(s.Now(), s.Location) }

// List returns the enterprises that had to file in a year's window, within the actor's scope,
// with where each stands (officers and leaders).
func (s Service) List(ctx context.Context, actor access.Actor, f Filter) (paging.Result[Row], error) {
	if !actor.IsOfficer() && !actor.Is(access.Leader) {
		return paging.Result[Row]{}, apperr.New(apperr.Forbidden, "")
	}
	today := s.today()
	if f.Year == 0 {
		f.Year = today.Year()
	}
	var fs apperr.Fields
	if f.Year < 2011 || f.Year > today.Year()+1 {
		fs.Add("year", apperr.RuleInvalid, nil)
	}
	if f.Status != "" && !slices.Contains(Statuses, f.Status) {
		fs.Add("status", apperr.RuleOneOf, map[string]any{"values": Statuses})
	}
	if err := fs.Err(); err != nil {
		return paging.Result[Row]{}, err
	}
	rows, err := s.rows(ctx, s.Store, actor.Scope(), f.Year, f.RegionCode, today)
	if err != nil {
		return paging.Result[Row]{}, err
	}
	if f.Status != "" {
		rows = slices.DeleteFunc(rows, func(r Row) bool { return r.Status != f.Status })
	}
	total := int64(len(rows))
	if f.Page.Size > 0 {
		from := min(f.Page.Offset(), len(rows))
		rows = rows[from:min(from+f.Page.Size, len(rows))]
	}
	return paging.Result[Row]{Items: rows, Total: total, Page: f.Page}, nil
}

// rows are a year's update of every enterprise within scope that had to file, by region and name.
func (s Service) rows(ctx context.Context, st Store, scope access.Scope, year int, regionCode string, today calendar.Date) ([]Row, error) {
	opens, closes := s.Rules.Window.In(year)
	held, _, err := st.QueryQualifications(ctx, qualification.Filter{Scope: scope, Status: qualification.Valid, AsOf: opens,
		RegionCode: regionCode, ExpiringDays: qualification.DefaultExpiringDays})
	if err != nil {
		return nil, err
	}
	byEnt := map[int64]*Row{}
	var ids []int64
	for _, q := range held {
		r, ok := byEnt[q.EnterpriseID]
		if !ok {
			r = &Row{EnterpriseID: q.EnterpriseID, EnterpriseName: q.EnterpriseName, CreditCode: q.CreditCode, RegionCode: q.RegionCode,
				RegionName: q.RegionName, Year: year, Opens: opens, Closes: closes}
			byEnt[q.EnterpriseID] = r
			ids = append(ids, q.EnterpriseID)
		}
		if !slices.Contains(r.Tiers, q.Tier) {
			r.Tiers = append(r.Tiers, q.Tier)
		}
	}
	reports, err := st.AnnualReportsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(ids))
	for _, id := range ids {
		r := byEnt[id]
		r.FiledOn = FiledOn(reports[id], s.Location)[year]
		r.Status = StatusOf(s.Rules.Window, year, true, r.FiledOn, today)
		slices.SortFunc(r.Tiers, func(a, b criteria.Tier) int {
			return cmp.Compare(slices.Index(criteria.Tiers, a), slices.Index(criteria.Tiers, b))
		})
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.RegionCode, b.RegionCode), cmp.Compare(a.EnterpriseName, b.EnterpriseName), cmp.Compare(a.EnterpriseID, b.EnterpriseID))
	})
	return out, nil
}

// Daily sends the reminders due today and proposes the cancellations the misses call for. Both
// are idempotent (a reminder is keyed by enterprise, year, threshold and user; a proposal by
// qualification and period), so replicas running it at once create each once.
func (s Service) Daily(ctx context.Context, st Store) (reminders, proposals int, err error) {
	today := s.today()
	now := s.Now().UTC()
	if due := ReminderDue(s.Rules.Window, today.Year(), today); due > 0 {
		rows, err := s.rows(ctx, st, access.Scope{}, today.Year(), "", today)
		if err != nil {
			return 0, 0, err
		}
		for _, r := range rows {
			if r.Status != Pending {
				continue
			}
			users, err := st.EnterpriseUserIDs(ctx, r.EnterpriseID)
			if err != nil {
				return reminders, 0, err
			}
			ns := make([]notification.Notification, 0, len(users))
			for _, u := range users {
				ns = append(ns, notification.Notification{UserID: u, Kind: notification.AnnualUpdateDue, CreatedAt: now,
					Link:      "/enterprises/" + strconv.FormatInt(r.EnterpriseID, 10) + "/figures",
					Params:    map[string]any{"enterprise": r.EnterpriseName, "year": r.Year, "report_year": r.Year - 1, "closes_on": r.Closes.String(), "days": due},
					DedupeKey: notification.Key("annual_update", r.EnterpriseID, r.Year, due, u)})
			}
			n, err := st.Notify(ctx, ns)
			if err != nil {
				return reminders, 0, err
			}
			reminders += n
		}
	}
	if s.Rules.MissesToCancel == 0 {
		return reminders, 0, nil
	}
	// The qualifications in force and their figures are read a page at a time: a province's all
	// at once would hold hundreds of megabytes.
	for after := int64(0); ; {
		part, err := st.InForceAfter(ctx, today, after, cmp.Or(s.PageSize, proposalChunk))
		if err != nil {
			return reminders, proposals, err
		}
		if len(part) == 0 {
			return reminders, proposals, nil
		}
		after = part[len(part)-1].ID
		ids := make([]int64, 0, len(part))
		for _, q := range part {
			ids = append(ids, q.EnterpriseID)
		}
		reports, err := st.AnnualReportsOf(ctx, ids)
		if err != nil {
			return reminders, proposals, err
		}
		var ps []Proposal
		for _, q := range part {
			missed := Misses(s.Rules.Window, q, FiledOn(reports[q.EnterpriseID], s.Location), today)
			if len(missed) >= s.Rules.MissesToCancel {
				ps = append(ps, Proposal{EnterpriseID: q.EnterpriseID, QualificationID: q.ID, Tier: q.Tier, PeriodValidUntil: q.ValidUntil,
					MissedYears: missed, Status: Proposed, Version: 1, CreatedAt: now, UpdatedAt: now})
			}
		}
		n, err := st.CreateProposals(ctx, ps)
		if err != nil {
			return reminders, proposals, err
		}
		proposals += n
	}
}

// proposalChunk is how many qualifications' figures the daily job reads at a time.
const proposalChunk = 1000

// ListProposals returns the proposed cancellations within the actor's scope.
func (s Service) ListProposals(ctx context.Context, actor access.Actor, f ProposalFilter) (paging.Result[Proposal], error) {
	if !actor.IsOfficer() && !actor.Is(access.Leader) {
		return paging.Result[Proposal]{}, apperr.New(apperr.Forbidden, "")
	}
	if f.Status != "" && f.Status != Proposed && f.Status != Confirmed && f.Status != Dismissed {
		return paging.Result[Proposal]{}, apperr.Field("status", apperr.RuleOneOf, map[string]any{"values": []ProposalStatus{Proposed, Confirmed, Dismissed}})
	}
	f.Scope = actor.Scope()
	items, total, err := s.Store.ListProposals(ctx, f)
	if err != nil {
		return paging.Result[Proposal]{}, err
	}
	return paging.Result[Proposal]{Items: items, Total: total, Page: f.Page}, nil
}

// MaxReason bounds a decision's reason, in characters.
const MaxReason = 1000

// Decide confirms a proposed cancellation (the qualification is revoked for missed annual updates,
// in the same transaction) or dismisses it, with a reason either way (city officers and admins).
func (s Service) Decide(ctx context.Context, actor access.Actor, id int64, confirm bool, reason string, version int) (Proposal, error) {
	if !actor.Is(access.CityOfficer, access.Admin) {
		return Proposal{}, apperr.New(apperr.Forbidden, "")
	}
	reason = strings.TrimSpace(reason)
	var out Proposal
	err := s.Store.Tx(ctx, func(st Store) error {
		p, err := st.GetProposal(ctx, actor.Scope(), id)
		if err != nil {
			return err
		}
		if p.Version != version {
			return apperr.New(apperr.StaleVersion, "")
		}
		if p.Status != Proposed {
			return apperr.New(apperr.InvalidTransition, "")
		}
		if reason == "" {
			return apperr.Field("reason", apperr.RuleRequired, nil)
		}
		if utf8.RuneCountInString(reason) > MaxReason {
			return apperr.Field("reason", apperr.RuleTooLong, map[string]any{"max": MaxReason})
		}
		before := p
		now := s.Now().UTC()
		p.Status, p.Reason, p.DecidedBy, p.DecidedAt, p.UpdatedAt = Dismissed, reason, actor.Username, now, now
		if confirm {
			p.Status = Confirmed
			if err := s.Qualifications.RevokeIn(ctx, st.Qualifications(), actor, p.QualificationID, "missed_annual_updates", reason); err != nil {
				return err
			}
		}
		if err := st.UpdateProposal(ctx, &p, version); err != nil {
			return err
		}
		out = p
		return st.RecordAudit(ctx, audit.New(ctx, now, actor, "cancellation."+string(p.Status), "cancellation_proposal", p.EntityID(),
			map[string]any{"status": before.Status}, map[string]any{"status": p.Status, "reason": reason, "qualification_id": p.QualificationID}))
	})
	return out, err
}
