// Package notice is the public notice (公示) of the enterprises a city intends to recommend in a
// batch: published for a number of days on a page anyone may read, during which anyone may object
// with a real name, a phone number, reasons and evidence; officers resolve each objection, and an
// application with an objection unresolved, or whose notice has not run its course, cannot be
// recommended.
package notice

import (
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

// Notice is a published list of the applications a city intends to recommend.
type Notice struct {
	ID          int64
	BatchID     int64
	BatchName   string
	Tier        criteria.Tier
	Ruleset     string // the batch's: it names the tier (科技和创新型中小企业 under miit-2026)
	Title       string
	Contact     string // the bureau's contact line for the public
	PublishedOn calendar.Date
	EndsOn      calendar.Date // the last day of the period
	PublishedBy string
	CreatedAt   time.Time
	Entries     []Entry
}

// EntityID returns the id of the notice as audit events name it.
func (n Notice) EntityID() string { return strconv.FormatInt(n.ID, 10) }

// Open reports whether objections may be lodged on a day.
func (n Notice) Open(day calendar.Date) bool {
	return !day.Before(n.PublishedOn) && !day.After(n.EndsOn)
}

// Entry is an application on a notice, as the public sees it: nothing beyond these.
type Entry struct {
	ApplicationID  int64
	EnterpriseName string
	CreditCode     string
	RegionName     string
}

// Outcome is how an objection was resolved.
type Outcome string

// The states of an objection.
const (
	Unresolved Outcome = "open"
	Upheld     Outcome = "upheld"
	Dismissed  Outcome = "dismissed"
)

// Objection is a member of the public's objection to an application on a notice.
type Objection struct {
	ID            int64
	NoticeID      int64
	ApplicationID int64
	Name          string
	Phone         string
	Reasons       string
	Status        Outcome
	Resolution    string
	ResolvedBy    string
	ResolvedAt    time.Time
	ClientAddress string
	Version       int
	CreatedAt     time.Time
	Files         []File
}

// EntityID returns the id of the objection as audit events name it.
func (o Objection) EntityID() string { return strconv.FormatInt(o.ID, 10) }

// File is an objection's evidence, kept by the attachment rules.
type File struct {
	ID          int64
	ObjectionID int64
	application.StoredFile
	CreatedAt time.Time
}

// Store keeps notices and objections.
type Store interface {
	Tx(ctx context.Context, fn func(Store) error) error
	GetBatch(ctx context.Context, id int64, countScope access.Scope) (batch.Batch, error)
	GetApplication(ctx context.Context, scope access.Scope, id int64) (application.Application, error)
	CreateNotice(ctx context.Context, n *Notice) error
	// GetNotice returns a notice with its entries, or not_found.
	GetNotice(ctx context.Context, id int64) (Notice, error)
	// ListNotices returns the notices of a batch (0: every batch) whose period ends on or after since, newest first.
	ListNotices(ctx context.Context, batchID int64, since calendar.Date) ([]Notice, error)
	NoticeStanding(ctx context.Context, applicationID int64) (application.NoticeStanding, error)
	CreateObjection(ctx context.Context, o *Objection) error
	GetObjection(ctx context.Context, id int64) (Objection, error)
	ListObjections(ctx context.Context, applicationID int64) ([]Objection, error)
	UpdateObjection(ctx context.Context, o *Objection, readVersion int) error
	RecordAudit(ctx context.Context, e audit.Event) error
	// Applications is the applications' store, bound to the same transaction.
	Applications() application.Store
}

// Limits of an objection.
const (
	MaxReasons    = 2000
	MinReasons    = 10
	MaxFiles      = 3
	MaxTitle      = 200
	MaxContact    = 200
	MaxResolution = 2000
)

// Service runs public notices.
type Service struct {
	Store        Store
	Files        application.Files
	Applications application.Service // returns or rejects an application whose objection is upheld
	Days         int                 // the period; 0: the notice step is off
	Now          func() time.Time
	Location     *time.Location
}

func (s Service) today() calendar.Date { return calendar.On(s.Now(), s.Location) }

// Publication is what a city officer publishes.
type Publication struct {
	ApplicationIDs []int64
	Title          string
	Contact        string
}

func checkText(field, v string, min, max int, fs *apperr.Fields) string {
	v = strings.TrimSpace(v)
	switch n := utf8.RuneCountInString(v); {
	case n == 0:
		fs.Add(field, apperr.RuleRequired, nil)
	case n < min:
		fs.Add(field, apperr.RuleTooShort, map[string]any{"min": min})
	case n > max:
		fs.Add(field, apperr.RuleTooLong, map[string]any{"max": max})
	}
	return v
}

// Publish puts applications of a batch awaiting the city's decision on a notice from today for
// the configured days (city officers and admins).
func (s Service) Publish(ctx context.Context, actor access.Actor, batchID int64, p Publication) (Notice, error) {
	if !actor.Is(access.CityOfficer, access.Admin) {
		return Notice{}, apperr.New(apperr.Forbidden, "")
	}
	if s.Days == 0 {
		return Notice{}, apperr.New(apperr.InvalidTransition, "notice_off")
	}
	var fs apperr.Fields
	title := checkText("title", p.Title, 1, MaxTitle, &fs)
	contact := checkText("contact", p.Contact, 1, MaxContact, &fs)
	if len(p.ApplicationIDs) == 0 {
		fs.Add("application_ids", apperr.RuleRequired, nil)
	}
	today := s.today()
	n := Notice{BatchID: batchID, Title: title, Contact: contact, PublishedOn: today, EndsOn: today.AddDays(s.Days - 1),
		PublishedBy: actor.Username, CreatedAt: s.Now().UTC()}
	err := s.Store.Tx(ctx, func(st Store) error {
		b, err := st.GetBatch(ctx, batchID, access.Scope{})
		if err != nil {
			return err
		}
		seen := map[int64]bool{}
		for i, id := range p.ApplicationIDs {
			field := "application_ids." + strconv.Itoa(i)
			if seen[id] {
				fs.Add(field, apperr.RuleDuplicate, nil)
				continue
			}
			seen[id] = true
			a, err := st.GetApplication(ctx, access.Scope{}, id)
			switch {
			case apperr.Is(err, apperr.NotFound), err == nil && a.BatchID != b.ID:
				fs.Add(field, apperr.RuleInvalid, nil)
				continue
			case err != nil:
				return err
			case a.State != application.CityReview:
				fs.Add(field, apperr.RuleNotCityReview, nil)
				continue
			}
			standing, err := st.NoticeStanding(ctx, id)
			if err != nil {
				return err
			}
			if standing.Noticed && !today.After(standing.EndsOn) {
				fs.Add(field, apperr.RuleOnNotice, nil)
				continue
			}
			n.Entries = append(n.Entries, Entry{ApplicationID: id})
		}
		if err := fs.Err(); err != nil {
			return err
		}
		n.BatchName, n.Tier = b.Name, b.Tier
		if err := st.CreateNotice(ctx, &n); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, n.CreatedAt, actor, "notice.publish", "batch", b.EntityID(), nil,
			map[string]any{"notice_id": n.ID, "application_ids": p.ApplicationIDs, "published_on": n.PublishedOn.String(), "ends_on": n.EndsOn.String()}))
	})
	if err != nil {
		return Notice{}, err
	}
	return s.get(ctx, n.ID)
}

// Public returns a notice as anyone may read it.
func (s Service) Public(ctx context.Context, id int64) (Notice, error) {
	return s.get(ctx, id)
}

// PublicList returns the notices open today or ended within the last 30 days.
func (s Service) PublicList(ctx context.Context) ([]Notice, error) {
	ns, err := s.Store.ListNotices(ctx, 0, s.today().AddDays(-30))
	if err != nil {
		return nil, err
	}
	return s.withRulesets(ctx, ns)
}

func (s Service) get(ctx context.Context, id int64) (Notice, error) {
	n, err := s.Store.GetNotice(ctx, id)
	if err != nil {
		return Notice{}, err
	}
	ns, err := s.withRulesets(ctx, []Notice{n})
	if err != nil {
		return Notice{}, err
	}
	return ns[0], nil
}

// withRulesets names on each notice the ruleset of its batch, looked up once per batch.
func (s Service) withRulesets(ctx context.Context, ns []Notice) ([]Notice, error) {
	byBatch := map[int64]string{}
	for i := range ns {
		r, ok := byBatch[ns[i].BatchID]
		if !ok {
			b, err := s.Store.GetBatch(ctx, ns[i].BatchID, access.Scope{})
			if err != nil {
				return nil, err
			}
			r = b.Ruleset
			byBatch[ns[i].BatchID] = r
		}
		ns[i].Ruleset = r
	}
	return ns, nil
}

// OfBatch returns a batch's notices (officers).
func (s Service) OfBatch(ctx context.Context, actor access.Actor, batchID int64) ([]Notice, error) {
	if !actor.IsOfficer() && !actor.Is(access.Leader) {
		return nil, apperr.New(apperr.Forbidden, "")
	}
	b, err := s.Store.GetBatch(ctx, batchID, access.Scope{})
	if err != nil {
		return nil, err
	}
	ns, err := s.Store.ListNotices(ctx, batchID, calendar.Date{})
	for i := range ns {
		ns[i].Ruleset = b.Ruleset
	}
	return ns, err
}

// Lodging is an objection as the public lodges it.
type Lodging struct {
	ApplicationID int64
	Name          string
	Phone         string
	Reasons       string
	ClientAddress string
}

// Upload is an evidence file as it arrives.
type Upload struct {
	Filename string
	Body     io.Reader
}

var phonePattern = regexp.MustCompile(`^\+?[0-9][0-9 -]{5,18}[0-9]$`)

// Lodge records an objection to an application on a notice while the notice is open, with its
// evidence (at most MaxFiles, each by the attachment rules). No sign-in; the caller limits the
// rate per address.
func (s Service) Lodge(ctx context.Context, noticeID int64, l Lodging, uploads []Upload) (Objection, error) {
	n, err := s.Store.GetNotice(ctx, noticeID)
	if err != nil {
		return Objection{}, err
	}
	if !n.Open(s.today()) {
		return Objection{}, apperr.New(apperr.InvalidTransition, "notice_closed")
	}
	var fs apperr.Fields
	o := Objection{NoticeID: n.ID, ApplicationID: l.ApplicationID, Status: Unresolved, ClientAddress: l.ClientAddress, Version: 1, CreatedAt: s.Now().UTC()}
	o.Name = checkText("name", l.Name, 2, 50, &fs)
	o.Reasons = checkText("reasons", l.Reasons, MinReasons, MaxReasons, &fs)
	if o.Phone = strings.TrimSpace(l.Phone); !phonePattern.MatchString(o.Phone) {
		fs.Add("phone", apperr.RuleInvalid, nil)
	}
	listed := false
	for _, e := range n.Entries {
		listed = listed || e.ApplicationID == l.ApplicationID
	}
	if !listed {
		fs.Add("application_id", apperr.RuleInvalid, nil)
	}
	if len(uploads) > MaxFiles {
		fs.Add("files", apperr.RuleTooLarge, map[string]any{"max": MaxFiles})
	}
	if err := fs.Err(); err != nil {
		return Objection{}, err
	}
	var kept []string
	forget := func() {
		for _, k := range kept {
			_ = s.Files.Remove(k)
		}
	}
	for _, u := range uploads {
		f, err := application.StoreFile(s.Files, u.Filename, u.Body)
		if err != nil {
			forget()
			return Objection{}, err
		}
		kept = append(kept, f.StorageKey)
		o.Files = append(o.Files, File{StoredFile: f, CreatedAt: o.CreatedAt})
	}
	err = s.Store.Tx(ctx, func(st Store) error {
		if err := st.CreateObjection(ctx, &o); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, o.CreatedAt, access.Actor{Username: "public"}, "objection.lodge", "application",
			strconv.FormatInt(o.ApplicationID, 10), nil, map[string]any{"objection_id": o.ID, "notice_id": n.ID, "files": len(o.Files), "address": l.ClientAddress}))
	})
	if err != nil {
		forget()
		return Objection{}, err
	}
	return o, nil
}

// Objections returns the objections to an application within the actor's scope (officers).
func (s Service) Objections(ctx context.Context, actor access.Actor, applicationID int64) ([]Objection, error) {
	if !actor.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "")
	}
	if _, err := s.Store.GetApplication(ctx, actor.Scope(), applicationID); err != nil {
		return nil, err
	}
	return s.Store.ListObjections(ctx, applicationID)
}

// Resolution is an officer's finding on an objection: upheld (the application is returned or
// rejected, citing the objection) or dismissed, with the reason either way.
type Resolution struct {
	Outcome    Outcome
	Action     application.Action // return or reject, when upheld
	Resolution string
	Version    int
}

// Resolve settles an objection (city officers and admins), in one transaction with the
// application's return or rejection when it is upheld.
func (s Service) Resolve(ctx context.Context, actor access.Actor, id int64, r Resolution) (Objection, error) {
	if !actor.Is(access.CityOfficer, access.Admin) {
		return Objection{}, apperr.New(apperr.Forbidden, "")
	}
	var out Objection
	err := s.Store.Tx(ctx, func(st Store) error {
		o, err := st.GetObjection(ctx, id)
		if err != nil {
			return err
		}
		if o.Version != r.Version {
			return apperr.New(apperr.StaleVersion, "")
		}
		if o.Status != Unresolved {
			return apperr.New(apperr.InvalidTransition, "")
		}
		var fs apperr.Fields
		text := checkText("resolution", r.Resolution, 2, MaxResolution, &fs)
		switch r.Outcome {
		case Upheld:
			if r.Action != application.Return && r.Action != application.Reject {
				fs.Add("action", apperr.RuleOneOf, map[string]any{"values": []application.Action{application.Return, application.Reject}})
			}
		case Dismissed:
		default:
			fs.Add("outcome", apperr.RuleOneOf, map[string]any{"values": []Outcome{Upheld, Dismissed}})
		}
		if err := fs.Err(); err != nil {
			return err
		}
		now := s.Now().UTC()
		o.Status, o.Resolution, o.ResolvedBy, o.ResolvedAt = r.Outcome, text, actor.Username, now
		if err := st.UpdateObjection(ctx, &o, r.Version); err != nil {
			return err
		}
		if r.Outcome == Upheld {
			a, err := st.GetApplication(ctx, actor.Scope(), o.ApplicationID)
			if err != nil {
				return err
			}
			comment := "公示异议成立（异议 #" + strconv.FormatInt(o.ID, 10) + "）：" + text
			if _, err := s.Applications.ApplyIn(ctx, st.Applications(), actor, a, application.Transition{Action: r.Action, Comment: comment, Version: a.Version}); err != nil {
				return err
			}
		}
		out = o
		return st.RecordAudit(ctx, audit.New(ctx, now, actor, "objection.resolve", "application", strconv.FormatInt(o.ApplicationID, 10),
			map[string]any{"objection_id": o.ID, "status": Unresolved}, map[string]any{"objection_id": o.ID, "status": o.Status, "resolution": text, "action": r.Action}))
	})
	return out, err
}

// OpenFile returns an objection's evidence file and its content (officers, within the scope of the
// application objected to).
func (s Service) OpenFile(ctx context.Context, actor access.Actor, objectionID, fileID int64) (File, io.ReadCloser, error) {
	if !actor.IsOfficer() {
		return File{}, nil, apperr.New(apperr.Forbidden, "")
	}
	o, err := s.Store.GetObjection(ctx, objectionID)
	if err != nil {
		return File{}, nil, err
	}
	if _, err := s.Store.GetApplication(ctx, actor.Scope(), o.ApplicationID); err != nil {
		return File{}, nil, err
	}
	for _, f := range o.Files {
		if f.ID == fileID {
			rc, err := s.Files.Open(f.StorageKey)
			if err != nil {
				return File{}, nil, apperr.Wrap(err, "open objection file")
			}
			return f, rc, nil
		}
	}
	return File{}, nil, apperr.New(apperr.NotFound, "")
}
