package qualification

import (
	"cmp"
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// The grounds of a revocation (CRITERIA.md, "Validity and management").
var ReasonCodes = []string{
	"false_information", "major_incident", "tax_violation", "abnormal_or_dishonest_list",
	"no_longer_meets_criteria", "missed_annual_updates", "other",
}

// Filter narrows the qualification list; Scope always applies. Status is as of AsOf: "valid"
// means in force that day, and so includes the expiring ones.
type Filter struct {
	Scope              access.Scope
	Tier               criteria.Tier
	RegionCode         string
	Industry           string
	EnterpriseID       int64
	Status             Status
	AsOf               calendar.Date
	ExpiringWithinDays int            // 0: no such filter
	ExpiringDays       int            // the window of "expiring"
	Page               paging.Request // Size 0: every row
}

// Listed is a qualification with its enterprise, as lists show it.
type Listed struct {
	Qualification
	EnterpriseName string
	CreditCode     string
	RegionCode     string
	RegionName     string
	IndustryCode   string
}

// Store keeps qualifications. Its methods return not_found and stale_version where they say so.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	QueryQualifications(ctx context.Context, f Filter) ([]Listed, int64, error)
	// GetQualification returns a qualification whose enterprise lies within scope, or not_found.
	GetQualification(ctx context.Context, scope access.Scope, id int64) (Listed, error)
	ListQualificationEvents(ctx context.Context, id int64) ([]Event, error)
	CreateQualifications(ctx context.Context, qs []Qualification) error
	UpdateQualification(ctx context.Context, q *Qualification, readVersion int) error
	CreateQualificationEvents(ctx context.Context, evs []Event) error
	GetEnterprise(ctx context.Context, scope access.Scope, id int64) (enterprise.Enterprise, error)
	RefreshEligibility(ctx context.Context, enterpriseID int64, now time.Time, loc *time.Location) error
	RecordAudit(ctx context.Context, e audit.Event) error
	// Recipients returns the active users to tell of an enterprise's qualification: its own
	// accounts and the county officers of its region.
	Recipients(ctx context.Context, enterpriseID int64) ([]int64, error)
	Notify(ctx context.Context, ns []notification.Notification) (int, error)
}

// Service keeps qualifications.
type Service struct {
	Store        Store
	Now          func() time.Time
	Location     *time.Location
	ExpiringDays int // the window of "expiring"; DefaultExpiringDays when 0
	// PageSize is how many expiring qualifications ExpiryNotices reads at a time (0: 1,000).
	PageSize int
}

// Window returns the days before expiry in which a qualification is "expiring".
func (s Service) Window() int {
	if s.ExpiringDays > 0 {
		return s.ExpiringDays
	}
	return DefaultExpiringDays
}

func (s Service) today() calendar.Date { return calendar.On(s.Now(), s.Location) }

// List returns a page of qualifications within the actor's scope, their status as of f.AsOf
// (today when zero).
func (s Service) List(ctx context.Context, actor access.Actor, f Filter) (paging.Result[Listed], error) {
	var fs apperr.Fields
	if f.Tier != "" && !f.Tier.Valid() {
		fs.Add("tier", apperr.RuleOneOf, map[string]any{"values": criteria.Tiers})
	}
	switch f.Status {
	case "", Valid, Expiring, Expired, Revoked:
	default:
		fs.Add("status", apperr.RuleOneOf, map[string]any{"values": []Status{Valid, Expiring, Expired, Revoked}})
	}
	if f.ExpiringWithinDays < 0 || f.ExpiringWithinDays > 3650 {
		fs.Add("expiring_within_days", apperr.RuleInvalid, nil)
	}
	if err := fs.Err(); err != nil {
		return paging.Result[Listed]{}, err
	}
	if f.AsOf.IsZero() {
		f.AsOf = s.today()
	}
	f.Scope, f.ExpiringDays = actor.Scope(), s.Window()
	items, total, err := s.Store.QueryQualifications(ctx, f)
	if err != nil {
		return paging.Result[Listed]{}, err
	}
	return paging.Result[Listed]{Items: items, Total: total, Page: f.Page}, nil
}

// Detail is a qualification with its history.
type Detail struct {
	Listed
	Events []Event
}

// Get returns a qualification within the actor's scope, with its history.
func (s Service) Get(ctx context.Context, actor access.Actor, id int64) (Detail, error) {
	q, err := s.Store.GetQualification(ctx, actor.Scope(), id)
	if err != nil {
		return Detail{}, err
	}
	evs, err := s.Store.ListQualificationEvents(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	return Detail{Listed: q, Events: evs}, nil
}

// Historic is a qualification granted before the tracker, as the bureau's records show it.
type Historic struct {
	EnterpriseID   int64
	Tier           criteria.Tier
	BatchName      string
	AnnouncementNo string
	GrantedOn      calendar.Date
}

// CheckHistoric checks a historic qualification's own fields (trimming its texts): a tier, a
// batch name and an announcement number, and a granted date from 2011 (the first such
// recognitions) to today.
func CheckHistoric(h *Historic, today calendar.Date) apperr.Fields {
	var fs apperr.Fields
	if !h.Tier.Valid() {
		fs.Add("tier", apperr.RuleOneOf, map[string]any{"values": criteria.Tiers})
	}
	h.BatchName, h.AnnouncementNo = strings.TrimSpace(h.BatchName), strings.TrimSpace(h.AnnouncementNo)
	if h.BatchName == "" {
		fs.Add("batch_name", apperr.RuleRequired, nil)
	} else if utf8.RuneCountInString(h.BatchName) > 200 {
		fs.Add("batch_name", apperr.RuleTooLong, map[string]any{"max": 200})
	}
	if h.AnnouncementNo == "" {
		fs.Add("announcement_no", apperr.RuleRequired, nil)
	} else if utf8.RuneCountInString(h.AnnouncementNo) > 100 {
		fs.Add("announcement_no", apperr.RuleTooLong, map[string]any{"max": 100})
	}
	if h.GrantedOn.IsZero() {
		fs.Add("granted_on", apperr.RuleRequired, nil)
	} else if h.GrantedOn.After(today) {
		fs.Add("granted_on", apperr.RuleFuture, nil)
	} else if h.GrantedOn.Year() < 2011 {
		fs.Add("granted_on", apperr.RuleTooSmall, map[string]any{"min": "2011-01-01"})
	}
	return fs
}

// Record enters a historic qualification (city officers and admins): valid until granted + 3 years.
func (s Service) Record(ctx context.Context, actor access.Actor, h Historic) (Detail, error) {
	var id int64
	err := s.Store.Tx(ctx, func(st Store) error {
		var err error
		id, err = s.RecordIn(ctx, st, actor, h)
		return err
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(ctx, access.Actor{Role: access.Admin}, id)
}

// RecordIn enters a historic qualification within a transaction the caller holds (st is bound to
// it), with its grant event, the enterprise's criteria results and the audit; it answers the id.
func (s Service) RecordIn(ctx context.Context, st Store, actor access.Actor, h Historic) (int64, error) {
	if !actor.Is(access.CityOfficer, access.Admin) {
		return 0, apperr.New(apperr.Forbidden, "")
	}
	fs := CheckHistoric(&h, s.today())
	now := s.Now().UTC()
	if _, err := st.GetEnterprise(ctx, actor.Scope(), h.EnterpriseID); apperr.Is(err, apperr.NotFound) {
		fs.Add("enterprise_id", apperr.RuleUnknownEnt, nil)
	} else if err != nil {
		return 0, err
	}
	if err := fs.Err(); err != nil {
		return 0, err
	}
	q := Qualification{EnterpriseID: h.EnterpriseID, Tier: h.Tier, Source: SourceImport, BatchName: h.BatchName,
		AnnouncementNo: h.AnnouncementNo, GrantedOn: h.GrantedOn, ValidUntil: ValidUntilOf(h.GrantedOn), Version: 1,
		CreatedAt: now, UpdatedAt: now}
	qs := []Qualification{q}
	if err := st.CreateQualifications(ctx, qs); err != nil {
		return 0, err
	}
	id := qs[0].ID
	if err := st.CreateQualificationEvents(ctx, []Event{{QualificationID: id, Kind: Granted, On: q.GrantedOn,
		ValidUntil: q.ValidUntil, AnnouncementNo: q.AnnouncementNo, ActorUsername: actor.Username, CreatedAt: now}}); err != nil {
		return 0, err
	}
	if err := st.RefreshEligibility(ctx, h.EnterpriseID, now, s.Location); err != nil {
		return 0, err
	}
	return id, st.RecordAudit(ctx, audit.New(ctx, now, actor, "qualification.record", "qualification", qs[0].EntityID(), nil,
		map[string]any{"enterprise_id": q.EnterpriseID, "tier": q.Tier, "batch_name": q.BatchName, "announcement_no": q.AnnouncementNo,
			"granted_on": q.GrantedOn.String(), "valid_until": q.ValidUntil.String()}))
}

// MaxReason bounds a revocation's reason, in characters.
const MaxReason = 1000

// Revoke ends a qualification from today on (city officers and admins), with a reason code of
// the grounds CRITERIA.md names and a free-text reason.
func (s Service) Revoke(ctx context.Context, actor access.Actor, id int64, code, reason string) (Detail, error) {
	err := s.Store.Tx(ctx, func(st Store) error { return s.RevokeIn(ctx, st, actor, id, code, reason) })
	if err != nil {
		return Detail{}, err
	}
	return s.Get(ctx, access.Actor{Role: access.Admin}, id)
}

// RevokeIn revokes a qualification within a transaction the caller holds (st is bound to it).
func (s Service) RevokeIn(ctx context.Context, st Store, actor access.Actor, id int64, code, reason string) error {
	if !actor.Is(access.CityOfficer, access.Admin) {
		return apperr.New(apperr.Forbidden, "")
	}
	reason = strings.TrimSpace(reason)
	var fs apperr.Fields
	valid := false
	for _, c := range ReasonCodes {
		valid = valid || c == code
	}
	if !valid {
		fs.Add("reason_code", apperr.RuleOneOf, map[string]any{"values": ReasonCodes})
	}
	if reason == "" {
		fs.Add("reason", apperr.RuleRequired, nil)
	} else if utf8.RuneCountInString(reason) > MaxReason {
		fs.Add("reason", apperr.RuleTooLong, map[string]any{"max": MaxReason})
	}
	now := s.Now().UTC()
	today := s.today()
	l, err := st.GetQualification(ctx, actor.Scope(), id)
	if err != nil {
		return err
	}
	q := l.Qualification
	if !q.RevokedOn.IsZero() {
		return apperr.New(apperr.InvalidTransition, "already_revoked")
	}
	if today.After(q.ValidUntil) {
		return apperr.New(apperr.InvalidTransition, "already_expired")
	}
	if err := fs.Err(); err != nil {
		return err
	}
	read := q.Version
	q.RevokedOn, q.RevokeReasonCode, q.RevokedReason, q.RevokedBy, q.UpdatedAt = today, code, reason, actor.Username, now
	if err := st.UpdateQualification(ctx, &q, read); err != nil {
		return err
	}
	if err := st.CreateQualificationEvents(ctx, []Event{{QualificationID: id, Kind: Ended, On: today, ValidUntil: q.ValidUntil,
		ReasonCode: code, Reason: reason, ActorUsername: actor.Username, CreatedAt: now}}); err != nil {
		return err
	}
	if err := st.RefreshEligibility(ctx, q.EnterpriseID, now, s.Location); err != nil {
		return err
	}
	return st.RecordAudit(ctx, audit.New(ctx, now, actor, "qualification.revoke", "qualification", q.EntityID(),
		map[string]any{"revoked_on": nil}, map[string]any{"revoked_on": today.String(), "reason_code": code, "reason": reason}))
}

// NoticeDays are the days before expiry on which holders and their officers are told.
var NoticeDays = []int{180, 90, 30}

// ExpiryNotices creates the notices of qualifications in force that expire within 180, 90 or 30
// days of today: one per qualification, threshold and recipient, so running it again (on any
// replica) creates nothing new. It answers how many it created.
func (s Service) ExpiryNotices(ctx context.Context, st Store) (int, error) {
	today := s.today()
	now := s.Now().UTC()
	created := 0
	size := cmp.Or(s.PageSize, expiryPage)
	// A page at a time (soonest expiry first): a province's expiring qualifications at once would
	// hold a hundred megabytes. A qualification revoked meanwhile may shift the pages by one;
	// tomorrow's run, whose notices are keyed as today's, makes up for it.
	for number := 1; ; number++ {
		f := Filter{Status: Valid, AsOf: today, ExpiringWithinDays: NoticeDays[0], ExpiringDays: s.Window(),
			Page: paging.Request{Number: number, Size: size}}
		items, _, err := st.QueryQualifications(ctx, f)
		if err != nil {
			return created, err
		}
		n, err := s.notifyExpiring(ctx, st, items, today, now)
		created += n
		if err != nil || len(items) < size {
			return created, err
		}
	}
}

// expiryPage is how many expiring qualifications the daily job reads at a time.
const expiryPage = 1000

// notifyExpiring creates the expiry notices of a page of qualifications.
func (s Service) notifyExpiring(ctx context.Context, st Store, items []Listed, today calendar.Date, now time.Time) (int, error) {
	created := 0
	for _, q := range items {
		threshold := 0
		for _, d := range NoticeDays {
			if !q.ValidUntil.After(today.AddDays(d)) {
				threshold = d
			}
		}
		if threshold == 0 {
			continue
		}
		users, err := st.Recipients(ctx, q.EnterpriseID)
		if err != nil {
			return created, err
		}
		ns := make([]notification.Notification, 0, len(users))
		for _, u := range users {
			ns = append(ns, notification.Notification{UserID: u, Kind: notification.QualificationExpiring, CreatedAt: now,
				Link:      "/enterprises/" + itoa(q.EnterpriseID),
				Params:    map[string]any{"enterprise": q.EnterpriseName, "tier": q.Tier, "valid_until": q.ValidUntil.String(), "days": threshold},
				DedupeKey: notification.Key("expiry", q.ID, q.ValidUntil.String(), threshold, u)})
		}
		n, err := st.Notify(ctx, ns)
		if err != nil {
			return created, err
		}
		created += n
	}
	return created, nil
}

func itoa(n int64) string { return notification.Key(n) }
