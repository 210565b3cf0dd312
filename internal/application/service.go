package application

import (
	"context"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/annualupdate"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
)

// Service moves applications through the workflow.
type Service struct {
	Store    Store
	Files    Files
	Now      func() time.Time
	Location *time.Location
	// Updates are the annual update's rules; an enterprise that missed a year's window may not
	// enter that year's re-review batches when they say so.
	Updates annualupdate.Rules
	// NoticeDays is the public notice's period; a city recommendation needs the application to
	// have been on a notice that has run its course, without objections unresolved. 0: no notice.
	NoticeDays int
}

func (s Service) today() calendar.Date { return calendar.On(s.Now(), s.Location) }

// MaxComment bounds a review comment, in characters.
const MaxComment = 2000

// Create starts a draft application of an enterprise in a batch that is not closed: an enterprise
// user for its own enterprise, or an officer within scope on its behalf.
func (s Service) Create(ctx context.Context, actor access.Actor, batchID, enterpriseID int64, reportYear int) (Application, error) {
	if !actor.Is(access.Enterprise, access.CountyOfficer, access.CityOfficer, access.Admin) {
		return Application{}, apperr.New(apperr.Forbidden, "")
	}
	var out Application
	err := s.Store.Tx(ctx, func(st Store) error {
		var fs apperr.Fields
		if _, err := st.GetEnterprise(ctx, actor.Scope(), enterpriseID); apperr.Is(err, apperr.NotFound) {
			fs.Add("enterprise_id", apperr.RuleUnknownEnt, nil)
		} else if err != nil {
			return err
		}
		b, err := st.GetBatch(ctx, batchID, access.Scope{None: true})
		switch {
		case apperr.Is(err, apperr.NotFound):
			fs.Add("batch_id", apperr.RuleInvalid, nil)
		case err != nil:
			return err
		case b.StatusOn(s.today()) == batch.Closed:
			fs.Add("batch_id", apperr.RuleBatchClosed, nil)
		}
		if reportYear < criteria.MinYear || reportYear > s.today().Year() {
			fs.Add("report_year", apperr.RuleInvalid, nil)
		}
		if err := fs.Err(); err != nil {
			return err
		}
		now := s.Now().UTC()
		a := Application{BatchID: batchID, EnterpriseID: enterpriseID, ReportYear: reportYear, State: Draft,
			CreatedBy: actor.Username, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := st.CreateApplication(ctx, &a); err != nil {
			return err
		}
		if err := st.RecordAudit(ctx, audit.New(ctx, now, actor, "application.create", "application", a.EntityID(), nil, a.Snapshot())); err != nil {
			return err
		}
		out, err = st.GetApplication(ctx, access.Scope{}, a.ID)
		return err
	})
	return out, err
}

// Detail is an application with its history and attachments.
type Detail struct {
	Application
	Steps       []Step
	Attachments []Attachment
}

// Get returns an application within the actor's scope, with its history.
func (s Service) Get(ctx context.Context, actor access.Actor, id int64) (Detail, error) {
	a, err := s.Store.GetApplication(ctx, actor.Scope(), id)
	if err != nil {
		return Detail{}, err
	}
	steps, err := s.Store.ListSteps(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	files, err := s.Store.ListAttachments(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	return Detail{Application: a, Steps: steps, Attachments: files}, nil
}

// List returns a page of applications within the actor's scope.
func (s Service) List(ctx context.Context, actor access.Actor, f Filter) (paging.Result[Application], error) {
	if f.State != "" && !f.State.Valid() {
		return paging.Result[Application]{}, apperr.Field("state", apperr.RuleOneOf, map[string]any{"values": States})
	}
	if f.Tier != "" && !criteria.Tier(f.Tier).Valid() {
		return paging.Result[Application]{}, apperr.Field("tier", apperr.RuleOneOf, map[string]any{"values": criteria.Tiers})
	}
	f.Scope = actor.Scope()
	items, total, err := s.Store.ListApplications(ctx, f)
	if err != nil {
		return paging.Result[Application]{}, err
	}
	return paging.Result[Application]{Items: items, Total: total, Page: f.Page}, nil
}

// Update changes the report year of an application the enterprise may still edit.
func (s Service) Update(ctx context.Context, actor access.Actor, id int64, readVersion, reportYear int) (Application, error) {
	if !actor.Is(access.Enterprise, access.CountyOfficer, access.CityOfficer, access.Admin) {
		return Application{}, apperr.New(apperr.Forbidden, "")
	}
	var out Application
	err := s.Store.Tx(ctx, func(st Store) error {
		a, err := st.GetApplication(ctx, actor.Scope(), id)
		if err != nil {
			return err
		}
		if a.Version != readVersion {
			return apperr.New(apperr.StaleVersion, "")
		}
		if !a.State.Editable() {
			return apperr.New(apperr.InvalidTransition, "not_editable")
		}
		if reportYear < criteria.MinYear || reportYear > s.today().Year() {
			return apperr.Field("report_year", apperr.RuleInvalid, nil)
		}
		before := a.Snapshot()
		a.ReportYear, a.UpdatedAt = reportYear, s.Now().UTC()
		if err := st.UpdateApplication(ctx, &a, readVersion); err != nil {
			return err
		}
		if err := st.RecordAudit(ctx, audit.New(ctx, a.UpdatedAt, actor, "application.update", "application", a.EntityID(), before, a.Snapshot())); err != nil {
			return err
		}
		out, err = st.GetApplication(ctx, access.Scope{}, id)
		return err
	})
	return out, err
}

// Transition is what an actor asks of an application.
type Transition struct {
	Action  Action
	Comment string
	Version int
	// For record_result.
	Result         Result
	AnnouncementNo string
	GrantedOn      calendar.Date
}

// Apply takes a transition, checked in this order, the first failure answering: outside the
// actor's scope, not_found; a version other than the current one, stale_version; an action the
// state does not offer, invalid_transition; a role that may not take it here, forbidden; then the
// action's own conditions, validation_failed naming the field. Nothing changes on a failure; a
// result recorded as approved creates or extends the qualification in the same transaction.
func (s Service) Apply(ctx context.Context, actor access.Actor, id int64, t Transition) (Application, error) {
	var out Application
	err := s.Store.Tx(ctx, func(st Store) error {
		a, err := st.GetApplication(ctx, actor.Scope(), id)
		if err != nil {
			return err
		}
		out, err = s.apply(ctx, st, actor, a, t)
		return err
	})
	return out, err
}

// ApplyIn takes a transition on an application read in a transaction the caller holds (st is
// bound to it).
func (s Service) ApplyIn(ctx context.Context, st Store, actor access.Actor, a Application, t Transition) (Application, error) {
	return s.apply(ctx, st, actor, a, t)
}

// apply takes a transition on an application read in the caller's transaction.
func (s Service) apply(ctx context.Context, st Store, actor access.Actor, a Application, t Transition) (Application, error) {
	if a.Version != t.Version {
		return Application{}, apperr.New(apperr.StaleVersion, "")
	}
	if !t.Action.Valid() {
		return Application{}, apperr.Field("action", apperr.RuleOneOf, map[string]any{"values": Actions})
	}
	to, refusal := Next(a.State, t.Action, actor.Role, t.Result == ResultApproved)
	switch refusal {
	case NotOffered:
		return Application{}, &apperr.Error{Code: apperr.InvalidTransition, Params: map[string]any{"action": t.Action, "state": a.State}}
	case WrongRole:
		return Application{}, apperr.New(apperr.Forbidden, "")
	}
	now := s.Now().UTC()
	today := calendar.On(now, s.Location)
	t.Comment = strings.TrimSpace(t.Comment)
	var fs apperr.Fields
	if utf8.RuneCountInString(t.Comment) > MaxComment {
		fs.Add("comment", apperr.RuleTooLong, map[string]any{"max": MaxComment})
	}
	before := a.Snapshot()
	switch t.Action {
	case Submit:
		if err := s.checkSubmit(ctx, st, &a, today, &fs); err != nil {
			return Application{}, err
		}
	case Return, Reject:
		if t.Comment == "" {
			fs.Add("comment", apperr.RuleRequired, nil)
		}
	case Pass:
		if a.State == CityReview && s.NoticeDays > 0 {
			standing, err := st.NoticeStanding(ctx, a.ID)
			if err != nil {
				return Application{}, err
			}
			fs = append(fs, NoticeProblems(s.NoticeDays, standing, today)...)
		}
	case RecordResult:
		checkResult(t, today, &fs)
	}
	if err := fs.Err(); err != nil {
		return Application{}, err
	}
	from := a.State
	a.State, a.UpdatedAt = to, now
	switch t.Action {
	case Submit:
		a.SubmittedAt = now
	case RecordResult:
		a.Result = t.Result
		if t.Result == ResultApproved {
			a.AnnouncementNo, a.GrantedOn = strings.TrimSpace(t.AnnouncementNo), t.GrantedOn
		}
	}
	// The state moves first: of two officers acting at once, the one whose update finds the
	// version moved gets stale_version, and its transaction writes nothing.
	if err := st.UpdateApplication(ctx, &a, t.Version); err != nil {
		return Application{}, err
	}
	if t.Action == RecordResult && t.Result == ResultApproved {
		if err := s.grant(ctx, st, actor, &a, now); err != nil {
			return Application{}, err
		}
	}
	region := ""
	if actor.Is(access.CountyOfficer) {
		region = actor.RegionCode
	}
	if err := st.AddStep(ctx, Step{ApplicationID: a.ID, At: now, ActorID: actor.UserID, ActorUsername: actor.Username,
		ActorRole: actor.Role, RegionCode: region, Action: t.Action, From: from, To: to, Comment: t.Comment}); err != nil {
		return Application{}, err
	}
	if err := s.notify(ctx, st, a, t.Action); err != nil {
		return Application{}, err
	}
	after := a.Snapshot()
	after["comment"] = t.Comment
	if err := st.RecordAudit(ctx, audit.New(ctx, now, actor, "application."+string(t.Action), "application", a.EntityID(), before, after)); err != nil {
		return Application{}, err
	}
	return st.GetApplication(ctx, access.Scope{}, a.ID)
}

// BulkItem is one application of a bulk action, with the version its reader saw.
type BulkItem struct {
	ID      int64
	Version int
}

// BulkOutcome is what became of one item of a bulk action.
type BulkOutcome struct {
	ID          int64
	Application Application
	Err         error
}

// MaxBulk bounds the items of one bulk action.
const MaxBulk = 200

// Bulk passes or returns several applications of an officer's stage, each checked and written as
// if done one by one (its own transaction), answering each item's outcome.
func (s Service) Bulk(ctx context.Context, actor access.Actor, items []BulkItem, action Action, comment string) ([]BulkOutcome, error) {
	if action != Pass && action != Return {
		return nil, apperr.Field("action", apperr.RuleOneOf, map[string]any{"values": []Action{Pass, Return}})
	}
	if len(items) == 0 {
		return nil, apperr.Field("items", apperr.RuleRequired, nil)
	}
	if len(items) > MaxBulk {
		return nil, apperr.Field("items", apperr.RuleTooLarge, map[string]any{"max": MaxBulk})
	}
	out := make([]BulkOutcome, len(items))
	for i, it := range items {
		a, err := s.Apply(ctx, actor, it.ID, Transition{Action: action, Comment: comment, Version: it.Version})
		out[i] = BulkOutcome{ID: it.ID, Application: a, Err: err}
	}
	return out, nil
}

// ResultRow is one line of a batch's published list.
type ResultRow struct {
	Row            int // its place in the list, from 1
	CreditCode     string
	Result         Result
	AnnouncementNo string
	GrantedOn      calendar.Date
}

// ResultMatch says which application a line matched, or why it matched none.
type ResultMatch struct {
	Row           int
	CreditCode    string
	ApplicationID int64
	Problem       apperr.Rule // "" when matched and valid
	Field         string
}

// RecordBatchResults records a batch's published list at once (city officers, admins): every
// line must match a recommended application of the batch by credit code and be a valid result, or
// nothing is written and the answer says which lines matched which applications and which did not.
func (s Service) RecordBatchResults(ctx context.Context, actor access.Actor, batchID int64, rows []ResultRow) ([]ResultMatch, error) {
	if !actor.Is(access.CityOfficer, access.Admin) {
		return nil, apperr.New(apperr.Forbidden, "")
	}
	if len(rows) == 0 {
		return nil, apperr.Field("rows", apperr.RuleRequired, nil)
	}
	matches := make([]ResultMatch, len(rows))
	err := s.Store.Tx(ctx, func(st Store) error {
		b, err := st.GetBatch(ctx, batchID, access.Scope{None: true})
		if err != nil {
			return err
		}
		apps, _, err := st.ListApplications(ctx, Filter{BatchID: b.ID, State: Recommended})
		if err != nil {
			return err
		}
		byCode := map[string]Application{}
		for _, a := range apps {
			byCode[a.CreditCode] = a
		}
		today := s.today()
		seen := map[string]int{}
		bad := false
		for i, r := range rows {
			m := ResultMatch{Row: r.Row, CreditCode: r.CreditCode}
			var fs apperr.Fields
			checkResult(Transition{Result: r.Result, AnnouncementNo: r.AnnouncementNo, GrantedOn: r.GrantedOn}, today, &fs)
			a, found := byCode[r.CreditCode]
			switch {
			case !found:
				m.Problem, m.Field = apperr.RuleUnknownEnt, "credit_code"
			case seen[r.CreditCode] > 0:
				m.Problem, m.Field = apperr.RuleDuplicate, "credit_code"
			case len(fs) > 0:
				m.Problem, m.Field, m.ApplicationID = fs[0].Rule, fs[0].Field, a.ID
			default:
				m.ApplicationID = a.ID
			}
			seen[r.CreditCode]++
			bad = bad || m.Problem != ""
			matches[i] = m
		}
		if bad {
			return apperr.New(apperr.ValidationFailed, "results_unmatched")
		}
		for i, r := range rows {
			a := byCode[r.CreditCode]
			if _, err := s.apply(ctx, st, actor, a, Transition{Action: RecordResult, Version: a.Version, Result: r.Result,
				AnnouncementNo: r.AnnouncementNo, GrantedOn: r.GrantedOn}); err != nil {
				matches[i].Problem = apperr.Rule(apperr.CodeOf(err))
				return err
			}
		}
		return nil
	})
	return matches, err
}

// checkSubmit checks a submission: an open batch, the report year's figures filed, the tier
// below held (a re-review: the tier itself held and due within the batch's year). It freezes the
// self-check into the application.
func (s Service) checkSubmit(ctx context.Context, st Store, a *Application, today calendar.Date, fs *apperr.Fields) error {
	b, err := st.GetBatch(ctx, a.BatchID, access.Scope{None: true})
	if err != nil {
		return err
	}
	e, err := st.GetEnterprise(ctx, access.Scope{}, a.EnterpriseID)
	if err != nil {
		return err
	}
	reports, err := st.ListAnnualReports(ctx, a.EnterpriseID)
	if err != nil {
		return err
	}
	quals, err := st.ListQualifications(ctx, a.EnterpriseID)
	if err != nil {
		return err
	}
	for _, p := range SubmitProblems(b, a.ReportYear, reports, quals, today) {
		fs.Add(p.Field, p.Rule, p.Params)
	}
	if b.Kind == batch.Review && s.Updates.BlocksReview && s.Updates.MissedWindow(b.Year, reports, quals, today, s.Location) {
		fs.Add("batch_id", apperr.RuleMissedUpdate, map[string]any{"year": b.Year})
	}
	if len(*fs) > 0 {
		return nil
	}
	res, problems := criteria.Evaluate(withTier(eligibility.Facts(e, reports, quals, a.ReportYear, b.Ruleset, today), b.Tier))
	if len(problems) > 0 {
		return apperr.Wrap(errProblems(problems), "freeze self-check")
	}
	frozen, err := json.Marshal(res)
	if err != nil {
		return apperr.Wrap(err, "freeze self-check")
	}
	a.SelfCheck = frozen
	return nil
}

func withTier(f criteria.Facts, t criteria.Tier) criteria.Facts {
	f.Tier = t
	return f
}

type errProblems []criteria.Problem

func (p errProblems) Error() string { return "invalid facts: " + p[0].Field + " " + p[0].Rule }

// SubmitProblems returns what stops a submission in a batch on a day, each naming its field.
// (A missed annual update is checked beside it, by the bureau's rules: see Service.Updates.)
func SubmitProblems(b batch.Batch, reportYear int, reports []report.Annual, quals []qualification.Qualification, today calendar.Date) []apperr.FieldError {
	var out []apperr.FieldError
	if st := b.StatusOn(today); st != batch.Open {
		out = append(out, apperr.FieldError{Field: "batch_id", Rule: apperr.RuleBatchClosed, Params: map[string]any{"opens_on": b.OpensOn.String(), "closes_on": b.ClosesOn.String()}})
	}
	filed := false
	for _, r := range reports {
		filed = filed || r.Year == reportYear
	}
	if !filed {
		out = append(out, apperr.FieldError{Field: "report_year", Rule: apperr.RuleNoReport})
	}
	held := qualification.HeldTiers(quals, today)
	has := func(t criteria.Tier) bool {
		for _, h := range held {
			if h == t {
				return true
			}
		}
		return false
	}
	switch b.Kind {
	case batch.Recognition:
		if below, ok := b.Tier.Below(); ok && !has(below) {
			out = append(out, apperr.FieldError{Field: "batch_id", Rule: apperr.RulePrerequisite, Params: map[string]any{"tier": below}})
		}
	case batch.Review:
		due := false
		for _, q := range quals {
			due = due || (q.Tier == b.Tier && q.InForce(today) && q.ValidUntil.Year() <= b.Year)
		}
		if !due {
			out = append(out, apperr.FieldError{Field: "batch_id", Rule: apperr.RuleNotDue, Params: map[string]any{"tier": b.Tier, "year": b.Year}})
		}
	}
	return out
}

// checkResult checks a result: approved or not, and for an approval its announcement and date.
func checkResult(t Transition, today calendar.Date, fs *apperr.Fields) {
	switch t.Result {
	case ResultApproved:
		if strings.TrimSpace(t.AnnouncementNo) == "" {
			fs.Add("announcement_no", apperr.RuleRequired, nil)
		} else if utf8.RuneCountInString(t.AnnouncementNo) > 100 {
			fs.Add("announcement_no", apperr.RuleTooLong, map[string]any{"max": 100})
		}
		if t.GrantedOn.IsZero() {
			fs.Add("granted_on", apperr.RuleRequired, nil)
		} else if t.GrantedOn.After(today) {
			fs.Add("granted_on", apperr.RuleFuture, nil)
		}
	case ResultNotApproved:
	default:
		fs.Add("result", apperr.RuleOneOf, map[string]any{"values": []Result{ResultApproved, ResultNotApproved}})
	}
}

// grant writes an approval's qualification: a new one for a recognition batch, a new period for
// a review batch.
func (s Service) grant(ctx context.Context, st Store, actor access.Actor, a *Application, now time.Time) error {
	b := a.Batch
	var q qualification.Qualification
	var ev qualification.Event
	switch b.Kind {
	case batch.Review:
		quals, err := st.ListQualifications(ctx, a.EnterpriseID)
		if err != nil {
			return err
		}
		found := false
		for _, c := range quals {
			if c.Tier == b.Tier && c.RevokedOn.IsZero() && (!found || c.ValidUntil.After(q.ValidUntil)) {
				q, found = c, true
			}
		}
		if !found {
			return apperr.Field("result", apperr.RuleNotDue, map[string]any{"tier": b.Tier, "year": b.Year})
		}
		read := q.Version
		q.ValidUntil, q.UpdatedAt = q.Extended(), now
		if err := st.UpdateQualification(ctx, &q, read); err != nil {
			return err
		}
		ev = qualification.Event{QualificationID: q.ID, Kind: qualification.Extended, On: a.GrantedOn, ValidUntil: q.ValidUntil}
	default:
		q = qualification.Qualification{EnterpriseID: a.EnterpriseID, Tier: b.Tier, Source: qualification.SourceBatch, BatchID: b.ID,
			BatchName: b.Name, ApplicationID: a.ID, AnnouncementNo: a.AnnouncementNo, GrantedOn: a.GrantedOn,
			ValidUntil: qualification.ValidUntilOf(a.GrantedOn), Version: 1, CreatedAt: now, UpdatedAt: now}
		qs := []qualification.Qualification{q}
		if err := st.CreateQualifications(ctx, qs); err != nil {
			return err
		}
		q = qs[0]
		ev = qualification.Event{QualificationID: q.ID, Kind: qualification.Granted, On: a.GrantedOn, ValidUntil: q.ValidUntil}
	}
	ev.BatchID, ev.ApplicationID, ev.AnnouncementNo, ev.ActorUsername, ev.CreatedAt = b.ID, a.ID, a.AnnouncementNo, actor.Username, now
	if err := st.CreateQualificationEvents(ctx, []qualification.Event{ev}); err != nil {
		return err
	}
	a.QualificationID = q.ID
	if err := st.LinkQualification(ctx, a.ID, q.ID); err != nil {
		return err
	}
	if err := st.RecordAudit(ctx, audit.New(ctx, now, actor, "qualification."+string(ev.Kind), "qualification", q.EntityID(), nil,
		map[string]any{"tier": q.Tier, "granted_on": q.GrantedOn.String(), "valid_until": q.ValidUntil.String(), "announcement_no": a.AnnouncementNo})); err != nil {
		return err
	}
	return st.RefreshEligibility(ctx, a.EnterpriseID, now, s.Location)
}

// notify tells the enterprise's users that its application was returned, rejected or decided.
func (s Service) notify(ctx context.Context, st Store, a Application, action Action) error {
	var kind notification.Kind
	switch {
	case action == Return:
		kind = notification.ApplicationReturned
	case action == Reject:
		kind = notification.ApplicationRejected
	case action == RecordResult:
		kind = notification.ApplicationDecided
	default:
		return nil
	}
	users, err := st.EnterpriseUserIDs(ctx, a.EnterpriseID)
	if err != nil {
		return err
	}
	now := s.Now().UTC()
	ns := make([]notification.Notification, len(users))
	for i, u := range users {
		ns[i] = notification.Notification{UserID: u, Kind: kind, Link: "/applications/" + a.EntityID(), CreatedAt: now,
			Params:    map[string]any{"application_id": a.ID, "batch": a.Batch.Name, "state": a.State, "result": a.Result},
			DedupeKey: notification.Key(string(kind), a.ID, a.Version, u)}
	}
	_, err = st.Notify(ctx, ns)
	return err
}
