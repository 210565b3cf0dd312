// Package batch holds the bureau's application batches (申报批次): a tier, a kind (recognition or
// re-review), a year, a name, the ruleset applications are judged by, and the window in which
// enterprises may submit.
package batch

import (
	"context"
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
	"github.com/tiertracker/tiertracker/internal/paging"
)

// Kind is what a batch decides: a first recognition, or a re-review of a qualification held.
type Kind string

// The kinds of batch.
const (
	Recognition Kind = "recognition"
	Review      Kind = "review"
)

// Valid reports whether k is a kind of batch.
func (k Kind) Valid() bool { return k == Recognition || k == Review }

// Status is where a batch stands on a day.
type Status string

// The statuses of a batch.
const (
	Upcoming Status = "upcoming"
	Open     Status = "open"
	Closed   Status = "closed"
)

// Batch is a call for applications.
type Batch struct {
	ID            int64
	Tier          criteria.Tier
	Kind          Kind
	Year          int
	Name          string
	Ruleset       string
	OpensOn       calendar.Date
	ClosesOn      calendar.Date
	ClosedEarlyOn calendar.Date
	CreatedBy     string
	Version       int
	CreatedAt     time.Time
	UpdatedAt     time.Time

	// Counts are the applications by state, within the reader's scope; read for display.
	Counts map[string]int
}

// EntityID returns the id of the batch as audit events name it.
func (b Batch) EntityID() string { return strconv.FormatInt(b.ID, 10) }

// StatusOn returns the batch's status on a day: open from opens_on to closes_on inclusive,
// unless closed early.
func (b Batch) StatusOn(day calendar.Date) Status {
	switch {
	case day.Before(b.OpensOn):
		return Upcoming
	case day.After(b.ClosesOn), !b.ClosedEarlyOn.IsZero() && !day.Before(b.ClosedEarlyOn):
		return Closed
	}
	return Open
}

// Snapshot is the audited form of a batch.
func (b Batch) Snapshot() map[string]any {
	return map[string]any{"tier": b.Tier, "kind": b.Kind, "year": b.Year, "name": b.Name, "ruleset": b.Ruleset,
		"opens_on": b.OpensOn.String(), "closes_on": b.ClosesOn.String(), "closed_early_on": b.ClosedEarlyOn.String()}
}

// Filter narrows the batch list.
type Filter struct {
	Tier   criteria.Tier
	Year   int
	Status Status
	Today  calendar.Date
	// CountScope limits the counts by state to the reader's part of the registry.
	CountScope access.Scope
	Page       paging.Request
}

// Store keeps batches. Its methods return not_found and stale_version where they say so.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	// GetBatch returns a batch with its counts within scope, or not_found.
	GetBatch(ctx context.Context, id int64, countScope access.Scope) (Batch, error)
	ListBatches(ctx context.Context, f Filter) ([]Batch, int64, error)
	CreateBatch(ctx context.Context, b *Batch) error
	UpdateBatch(ctx context.Context, b *Batch, readVersion int) error
	RecordAudit(ctx context.Context, e audit.Event) error
}

// Service keeps batches: city officers and admins open and change them; everyone reads them.
type Service struct {
	Store    Store
	Now      func() time.Time
	Location *time.Location
}

func (s Service) today() calendar.Date { return calendar.On(s.Now(), s.Location) }

// countScope is the part of the registry whose applications a reader may count.
func countScope(actor access.Actor) access.Scope { return actor.Scope() }

// Get returns a batch.
func (s Service) Get(ctx context.Context, actor access.Actor, id int64) (Batch, error) {
	return s.Store.GetBatch(ctx, id, countScope(actor))
}

// List returns a page of batches, newest first.
func (s Service) List(ctx context.Context, actor access.Actor, f Filter) (paging.Result[Batch], error) {
	var fs apperr.Fields
	if f.Tier != "" && !f.Tier.Valid() {
		fs.Add("tier", apperr.RuleOneOf, map[string]any{"values": criteria.Tiers})
	}
	if f.Status != "" && f.Status != Upcoming && f.Status != Open && f.Status != Closed {
		fs.Add("status", apperr.RuleOneOf, map[string]any{"values": []Status{Upcoming, Open, Closed}})
	}
	if err := fs.Err(); err != nil {
		return paging.Result[Batch]{}, err
	}
	f.Today, f.CountScope = s.today(), countScope(actor)
	items, total, err := s.Store.ListBatches(ctx, f)
	if err != nil {
		return paging.Result[Batch]{}, err
	}
	return paging.Result[Batch]{Items: items, Total: total, Page: f.Page}, nil
}

// check validates a batch's fields.
func check(b *Batch, fs *apperr.Fields) {
	b.Name = strings.TrimSpace(b.Name)
	if !b.Tier.Valid() {
		fs.Add("tier", apperr.RuleOneOf, map[string]any{"values": criteria.Tiers})
	}
	if !b.Kind.Valid() {
		fs.Add("kind", apperr.RuleOneOf, map[string]any{"values": []Kind{Recognition, Review}})
	}
	if b.Year < 2000 || b.Year > 2100 {
		fs.Add("year", apperr.RuleInvalid, nil)
	}
	switch {
	case b.Name == "":
		fs.Add("name", apperr.RuleRequired, nil)
	case utf8.RuneCountInString(b.Name) > 200:
		fs.Add("name", apperr.RuleTooLong, map[string]any{"max": 200})
	}
	if !criteria.KnownRuleset(b.Ruleset) {
		fs.Add("ruleset", apperr.RuleOneOf, map[string]any{"values": criteria.Rulesets()})
	}
	if b.OpensOn.IsZero() {
		fs.Add("opens_on", apperr.RuleRequired, nil)
	}
	if b.ClosesOn.IsZero() {
		fs.Add("closes_on", apperr.RuleRequired, nil)
	} else if !b.OpensOn.IsZero() && b.ClosesOn.Before(b.OpensOn) {
		fs.Add("closes_on", apperr.RuleTooSmall, map[string]any{"min": b.OpensOn.String()})
	}
}

// Create opens a batch (city officers and admins). A batch that names no ruleset takes the one
// in force on its opening day.
func (s Service) Create(ctx context.Context, actor access.Actor, b Batch) (Batch, error) {
	if !actor.Is(access.CityOfficer, access.Admin) {
		return Batch{}, apperr.New(apperr.Forbidden, "")
	}
	if b.Ruleset == "" && !b.OpensOn.IsZero() {
		b.Ruleset = eligibility.RulesetOn(b.OpensOn)
	}
	var fs apperr.Fields
	check(&b, &fs)
	if err := fs.Err(); err != nil {
		return Batch{}, err
	}
	now := s.Now().UTC()
	b.CreatedBy, b.Version, b.CreatedAt, b.UpdatedAt = actor.Username, 1, now, now
	var out Batch
	err := s.Store.Tx(ctx, func(st Store) error {
		if err := st.CreateBatch(ctx, &b); err != nil {
			return err
		}
		if err := st.RecordAudit(ctx, audit.New(ctx, now, actor, "batch.create", "batch", b.EntityID(), nil, b.Snapshot())); err != nil {
			return err
		}
		var err error
		out, err = st.GetBatch(ctx, b.ID, countScope(actor))
		return err
	})
	return out, err
}

// Update changes a batch (city officers and admins), naming the version read. Closing early sets
// ClosedEarlyOn; a batch's tier and kind never change once applications may rest on them.
func (s Service) Update(ctx context.Context, actor access.Actor, id int64, readVersion int, change func(*Batch)) (Batch, error) {
	if !actor.Is(access.CityOfficer, access.Admin) {
		return Batch{}, apperr.New(apperr.Forbidden, "")
	}
	var out Batch
	err := s.Store.Tx(ctx, func(st Store) error {
		b, err := st.GetBatch(ctx, id, countScope(actor))
		if err != nil {
			return err
		}
		if b.Version != readVersion {
			return apperr.New(apperr.StaleVersion, "")
		}
		before := b.Snapshot()
		tier, kind := b.Tier, b.Kind
		change(&b)
		var fs apperr.Fields
		if (b.Tier != tier || b.Kind != kind) && total(b.Counts) > 0 {
			fs.Add("tier", apperr.RuleNotAllowed, nil)
		}
		check(&b, &fs)
		if err := fs.Err(); err != nil {
			return err
		}
		b.UpdatedAt = s.Now().UTC()
		if err := st.UpdateBatch(ctx, &b, readVersion); err != nil {
			return err
		}
		if err := st.RecordAudit(ctx, audit.New(ctx, b.UpdatedAt, actor, "batch.update", "batch", b.EntityID(), before, b.Snapshot())); err != nil {
			return err
		}
		out, err = st.GetBatch(ctx, id, countScope(actor))
		return err
	})
	return out, err
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}
