// Package cultivation is the bureau's pool (培育库) of enterprises to push up the ladder: for a
// target tier, every enterprise holding the tier below (none, for the bottom tier) ranked by how
// close the criteria say it is, and the officers who follow each one.
package cultivation

import (
	"context"
	"fmt"
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
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// Entry is an enterprise put into the pool for a target tier, with the officer who follows it.
type Entry struct {
	ID           int64
	EnterpriseID int64
	TargetTier   criteria.Tier
	OwnerID      int64
	OwnerName    string // read for display
	Note         string
	FollowUpOn   calendar.Date
	CreatedBy    string
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// EntityID returns the id of the entry as audit events name it.
func (e Entry) EntityID() string { return strconv.FormatInt(e.ID, 10) }

// Snapshot is the audited form of an entry.
func (e Entry) Snapshot() map[string]any {
	return map[string]any{"enterprise_id": e.EnterpriseID, "target_tier": e.TargetTier, "owner_id": e.OwnerID,
		"note": e.Note, "follow_up_on": e.FollowUpOn.String()}
}

// Candidate is one enterprise of the pool as the store reads it: the enterprise, its stored
// result for the target tier (JSON), and its entry when one was made.
type Candidate struct {
	EnterpriseID int64
	Name         string
	CreditCode   string
	RegionCode   string
	RegionName   string
	IndustryCode string
	SizeClass    string
	Eligible     bool
	Score        *int
	Ruleset      string    // the stored result's
	ReportYear   int       // the stored result's
	ComputedAt   time.Time // when the stored result was computed
	Entry        *Entry
}

// Row is one line of the pool: the candidate, what it lacks, and who follows it.
type Row struct {
	Candidate
	Result   criteria.Result
	Gaps     []criteria.Criterion
	ScoreGap *int
}

// Status filters the pool by the criteria's verdict.
type Status string

// The statuses of the pool's filter.
const (
	StatusEligible    Status = "eligible"
	StatusNotEligible Status = "not_eligible"
)

// Filter narrows the pool; Scope always applies.
type Filter struct {
	Scope      access.Scope
	TargetTier criteria.Tier
	RegionCode string
	Industry   string // a section letter or a division code
	Status     Status
	Followed   *bool
	Today      calendar.Date
	Page       paging.Request // Size 0: every row (an export)
}

// Store reads the pool and keeps its entries. Its methods return not_found, duplicate and
// stale_version where they say so.
type Store interface {
	// InputStore reads the records a page's results are explained from.
	eligibility.InputStore
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	// ListCandidates returns the candidates matching f, best first, and their number.
	ListCandidates(ctx context.Context, f Filter) ([]Candidate, int64, error)
	GetEnterprise(ctx context.Context, scope access.Scope, id int64) (enterprise.Enterprise, error)
	GetOfficer(ctx context.Context, id int64) (enterprise.Officer, error)
	// GetEntry returns an entry, or not_found.
	GetEntry(ctx context.Context, id int64) (Entry, error)
	// CreateEntry stores an entry; duplicate when the enterprise is in the pool for the tier.
	CreateEntry(ctx context.Context, e *Entry) error
	// UpdateEntry stores an entry if its stored version is readVersion.
	UpdateEntry(ctx context.Context, e *Entry, readVersion int) error
	DeleteEntry(ctx context.Context, id int64) error
	RecordAudit(ctx context.Context, e audit.Event) error
}

// Service answers the pool and keeps its entries.
type Service struct {
	Store    Store
	Now      func() time.Time
	Location *time.Location
}

func (s Service) today() calendar.Date { return calendar.On(s.Now(), s.Location) }

// List returns a page of the pool (officers within scope; leaders read).
func (s Service) List(ctx context.Context, actor access.Actor, f Filter) (paging.Result[Row], error) {
	if !actor.Is(access.Admin, access.CityOfficer, access.CountyOfficer, access.Leader) {
		return paging.Result[Row]{}, apperr.New(apperr.Forbidden, "")
	}
	var fs apperr.Fields
	if !f.TargetTier.Valid() {
		fs.Add("target_tier", apperr.RuleOneOf, map[string]any{"values": criteria.Tiers})
	}
	if f.Status != "" && f.Status != StatusEligible && f.Status != StatusNotEligible {
		fs.Add("status", apperr.RuleOneOf, map[string]any{"values": []Status{StatusEligible, StatusNotEligible}})
	}
	if err := fs.Err(); err != nil {
		return paging.Result[Row]{}, err
	}
	f.Scope, f.Today = actor.Scope(), s.today()
	candidates, total, err := s.Store.ListCandidates(ctx, f)
	if err != nil {
		return paging.Result[Row]{}, err
	}
	computed := make(map[int64]eligibility.Computed, len(candidates))
	for _, c := range candidates {
		computed[c.EnterpriseID] = eligibility.Computed{On: calendar.On(c.ComputedAt, s.Location), Ruleset: c.Ruleset, ReportYear: c.ReportYear}
	}
	explained, err := eligibility.Explained(ctx, s.Store, computed)
	if err != nil {
		return paging.Result[Row]{}, err
	}
	rows := make([]Row, len(candidates))
	for i, c := range candidates {
		row := Row{Candidate: c}
		k := slices.IndexFunc(explained[c.EnterpriseID], func(r criteria.Result) bool { return r.Tier == f.TargetTier })
		if k < 0 {
			return paging.Result[Row]{}, apperr.Wrap(fmt.Errorf("enterprise %d: no %s result to explain", c.EnterpriseID, f.TargetTier), "explain pool")
		}
		row.Result = explained[c.EnterpriseID][k]
		row.Gaps = eligibility.Gaps(row.Result)
		if gap, known := eligibility.ScoreGap(row.Result); known && row.Result.Tier != criteria.LittleGiant {
			row.ScoreGap = &gap
		}
		rows[i] = row
	}
	return paging.Result[Row]{Items: rows, Total: total, Page: f.Page}, nil
}

// NewEntry is what an officer gives to put an enterprise into the pool, or to change its entry.
type NewEntry struct {
	EnterpriseID int64
	TargetTier   criteria.Tier
	OwnerID      int64
	Note         string
	FollowUpOn   calendar.Date
}

// MaxNote bounds an entry's note, in characters.
const MaxNote = 1000

// Put puts an enterprise within scope into the pool for a tier (officers only), followed by an
// active officer who may follow an enterprise of its region.
func (s Service) Put(ctx context.Context, actor access.Actor, in NewEntry) (Entry, error) {
	if !actor.IsOfficer() {
		return Entry{}, apperr.New(apperr.Forbidden, "")
	}
	var out Entry
	err := s.Store.Tx(ctx, func(st Store) error {
		ent, err := st.GetEnterprise(ctx, actor.Scope(), in.EnterpriseID)
		if apperr.Is(err, apperr.NotFound) {
			return apperr.Field("enterprise_id", apperr.RuleUnknownEnt, nil)
		}
		if err != nil {
			return err
		}
		var fs apperr.Fields
		if !in.TargetTier.Valid() {
			fs.Add("target_tier", apperr.RuleOneOf, map[string]any{"values": criteria.Tiers})
		}
		note := s.checkEntry(ctx, st, ent.RegionCode, in.OwnerID, in.Note, in.FollowUpOn, &fs)
		if err := fs.Err(); err != nil {
			return err
		}
		now := s.Now().UTC()
		e := Entry{EnterpriseID: in.EnterpriseID, TargetTier: in.TargetTier, OwnerID: in.OwnerID, Note: note,
			FollowUpOn: in.FollowUpOn, CreatedBy: actor.Username, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := st.CreateEntry(ctx, &e); err != nil {
			return err
		}
		if err := st.RecordAudit(ctx, audit.New(ctx, now, actor, "cultivation.add", "cultivation_entry", e.EntityID(), nil, e.Snapshot())); err != nil {
			return err
		}
		out, err = st.GetEntry(ctx, e.ID)
		return err
	})
	return out, err
}

// Change changes an entry's owner, note or follow-up date, naming the version read.
func (s Service) Change(ctx context.Context, actor access.Actor, id int64, readVersion int, change func(*Entry)) (Entry, error) {
	if !actor.IsOfficer() {
		return Entry{}, apperr.New(apperr.Forbidden, "")
	}
	var out Entry
	err := s.Store.Tx(ctx, func(st Store) error {
		e, ent, err := s.entryInScope(ctx, st, actor, id)
		if err != nil {
			return err
		}
		if e.Version != readVersion {
			return apperr.New(apperr.StaleVersion, "")
		}
		before := e.Snapshot()
		change(&e)
		var fs apperr.Fields
		e.Note = s.checkEntry(ctx, st, ent.RegionCode, e.OwnerID, e.Note, e.FollowUpOn, &fs)
		if err := fs.Err(); err != nil {
			return err
		}
		e.UpdatedAt = s.Now().UTC()
		if err := st.UpdateEntry(ctx, &e, readVersion); err != nil {
			return err
		}
		if err := st.RecordAudit(ctx, audit.New(ctx, e.UpdatedAt, actor, "cultivation.update", "cultivation_entry", e.EntityID(), before, e.Snapshot())); err != nil {
			return err
		}
		out, err = st.GetEntry(ctx, e.ID)
		return err
	})
	return out, err
}

// Remove takes an enterprise out of the pool.
func (s Service) Remove(ctx context.Context, actor access.Actor, id int64) error {
	if !actor.IsOfficer() {
		return apperr.New(apperr.Forbidden, "")
	}
	return s.Store.Tx(ctx, func(st Store) error {
		e, _, err := s.entryInScope(ctx, st, actor, id)
		if err != nil {
			return err
		}
		if err := st.DeleteEntry(ctx, id); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, s.Now(), actor, "cultivation.remove", "cultivation_entry", e.EntityID(), e.Snapshot(), nil))
	})
}

// entryInScope returns an entry whose enterprise lies within the actor's scope; not_found else.
func (s Service) entryInScope(ctx context.Context, st Store, actor access.Actor, id int64) (Entry, enterprise.Enterprise, error) {
	e, err := st.GetEntry(ctx, id)
	if err != nil {
		return Entry{}, enterprise.Enterprise{}, err
	}
	ent, err := st.GetEnterprise(ctx, actor.Scope(), e.EnterpriseID)
	if err != nil {
		return Entry{}, enterprise.Enterprise{}, err
	}
	return e, ent, nil
}

// checkEntry checks an entry's owner (an active city officer, or a county officer of the
// enterprise's region), note and follow-up date; it returns the trimmed note.
func (s Service) checkEntry(ctx context.Context, st Store, region string, ownerID int64, note string, followUp calendar.Date, fs *apperr.Fields) string {
	if ownerID == 0 {
		fs.Add("owner_id", apperr.RuleRequired, nil)
	} else {
		o, err := st.GetOfficer(ctx, ownerID)
		if err != nil || !o.Active || !(o.Role == access.CityOfficer || (o.Role == access.CountyOfficer && o.RegionCode == region)) {
			fs.Add("owner_id", apperr.RuleUnknownUser, nil)
		}
	}
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > MaxNote {
		fs.Add("note", apperr.RuleTooLong, map[string]any{"max": MaxNote})
	}
	if !followUp.IsZero() && followUp.Year() > s.today().Year()+5 {
		fs.Add("follow_up_on", apperr.RuleTooLarge, map[string]any{"max": s.today().AddYears(5).String()})
	}
	return note
}
