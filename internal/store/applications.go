package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
)

type applicationRow struct {
	ID              int64 `gorm:"primaryKey"`
	BatchID         int64
	EnterpriseID    int64
	ReportYear      int
	State           string
	SelfCheck       *string
	SubmittedAt     *time.Time
	Result          *string
	AnnouncementNo  *string
	GrantedOn       calendar.Date
	QualificationID *int64
	CreatedBy       string
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

func (applicationRow) TableName() string { return "applications" }

type applicationView struct {
	Row            applicationRow `gorm:"embedded"`
	EnterpriseName string
	CreditCode     string
	RegionCode     string
	RegionName     string
	Batch          batchRow `gorm:"embedded;embeddedPrefix:b_"`
}

func applicationToRow(a application.Application) applicationRow {
	var self *string
	if len(a.SelfCheck) > 0 {
		s := string(a.SelfCheck)
		self = &s
	}
	return applicationRow{ID: a.ID, BatchID: a.BatchID, EnterpriseID: a.EnterpriseID, ReportYear: a.ReportYear, State: string(a.State),
		SelfCheck: self, SubmittedAt: utcPtr(a.SubmittedAt), Result: strPtr(string(a.Result)), AnnouncementNo: strPtr(a.AnnouncementNo),
		GrantedOn: a.GrantedOn, QualificationID: idPtr(a.QualificationID), CreatedBy: a.CreatedBy, Version: a.Version,
		CreatedAt: utc(a.CreatedAt), UpdatedAt: utc(a.UpdatedAt)}
}

func applicationFromView(v applicationView) application.Application {
	r := v.Row
	var self json.RawMessage
	if r.SelfCheck != nil {
		self = json.RawMessage(*r.SelfCheck)
	}
	return application.Application{ID: r.ID, BatchID: r.BatchID, EnterpriseID: r.EnterpriseID, ReportYear: r.ReportYear,
		State: application.State(r.State), SelfCheck: self, SubmittedAt: timeOf(r.SubmittedAt), Result: application.Result(strOf(r.Result)),
		AnnouncementNo: strOf(r.AnnouncementNo), GrantedOn: r.GrantedOn, QualificationID: idOf(r.QualificationID), CreatedBy: r.CreatedBy,
		Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		EnterpriseName: v.EnterpriseName, CreditCode: v.CreditCode, RegionCode: v.RegionCode, RegionName: v.RegionName,
		Batch: batchFromRow(v.Batch)}
}

// Applications is the applications' store.
type Applications struct{ conn }

// NewApplications returns the applications' store over db.
func NewApplications(db *gorm.DB) Applications { return Applications{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Applications) Tx(ctx context.Context, fn func(application.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Applications{c}) })
}

func (c conn) applicationsIn(ctx context.Context, scope access.Scope) *gorm.DB {
	q := c.ctx(ctx).Table("applications AS a").
		Select(`a.*, e.name AS enterprise_name, e.credit_code, e.region_code, r.name AS region_name,
			b.id AS b_id, b.tier AS b_tier, b.kind AS b_kind, b.year AS b_year, b.name AS b_name, b.ruleset AS b_ruleset,
			b.opens_on AS b_opens_on, b.closes_on AS b_closes_on, b.closed_early_on AS b_closed_early_on,
			b.created_by AS b_created_by, b.version AS b_version, b.created_at AS b_created_at, b.updated_at AS b_updated_at`).
		Joins("JOIN enterprises e ON e.id = a.enterprise_id").
		Joins("JOIN regions r ON r.code = e.region_code").
		Joins("JOIN batches b ON b.id = a.batch_id")
	return scopeEnterprises(q, scope, "e")
}

// GetApplication returns an application within scope, or not_found.
func (c conn) GetApplication(ctx context.Context, scope access.Scope, id int64) (application.Application, error) {
	var v applicationView
	if err := c.applicationsIn(ctx, scope).Where("a.id = ?", id).Take(&v).Error; err != nil {
		return application.Application{}, notFoundOr(err, "get application")
	}
	return applicationFromView(v), nil
}

// ListApplications returns applications matching f, latest first.
func (c conn) ListApplications(ctx context.Context, f application.Filter) ([]application.Application, int64, error) {
	q := c.applicationsIn(ctx, f.Scope)
	if f.BatchID != 0 {
		q = q.Where("a.batch_id = ?", f.BatchID)
	}
	if f.State != "" {
		q = q.Where("a.state = ?", string(f.State))
	}
	if f.RegionCode != "" {
		q = q.Where("e.region_code = ?", f.RegionCode)
	}
	if f.Tier != "" {
		q = q.Where("b.tier = ?", f.Tier)
	}
	if f.EnterpriseID != 0 {
		q = q.Where("a.enterprise_id = ?", f.EnterpriseID)
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, wrap(err, "count applications")
	}
	q = q.Order("a.updated_at DESC, a.id DESC")
	q = page(q, f.Page)
	var views []applicationView
	if err := q.Find(&views).Error; err != nil {
		return nil, 0, wrap(err, "list applications")
	}
	out := make([]application.Application, len(views))
	for i, v := range views {
		out[i] = applicationFromView(v)
	}
	return out, total, nil
}

// CreateApplication stores a draft; duplicate when the enterprise has a live one in the batch.
func (c conn) CreateApplication(ctx context.Context, a *application.Application) error {
	row := applicationToRow(*a)
	row.ID = 0
	if err := c.ctx(ctx).Create(&row).Error; err != nil {
		return duplicateOr(err, "batch_id", "create application")
	}
	a.ID = row.ID
	return nil
}

// UpdateApplication stores an application if its stored version is readVersion.
func (c conn) UpdateApplication(ctx context.Context, a *application.Application, readVersion int) error {
	row := applicationToRow(*a)
	row.Version = readVersion + 1
	if err := c.updateVersioned(ctx, &row, a.ID, readVersion, "batch_id", "enterprise_id", "created_by"); err != nil {
		return duplicateOr(err, "batch_id", "update application")
	}
	a.Version = row.Version
	return nil
}

// LinkQualification records the qualification an approval granted or extended.
func (c conn) LinkQualification(ctx context.Context, applicationID, qualificationID int64) error {
	return wrap(c.ctx(ctx).Model(&applicationRow{}).Where("id = ?", applicationID).
		UpdateColumn("qualification_id", qualificationID).Error, "link qualification")
}

type stepRow struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	At            time.Time
	ActorID       *int64
	ActorUsername string
	ActorRole     string
	RegionCode    *string
	Action        string
	FromState     string
	ToState       string
	Comment       *string
}

func (stepRow) TableName() string { return "application_steps" }

// AddStep records a move of an application.
func (c conn) AddStep(ctx context.Context, s application.Step) error {
	row := stepToRow(s)
	row.ID = 0
	return wrap(c.ctx(ctx).Create(&row).Error, "add step")
}

func stepToRow(s application.Step) stepRow {
	return stepRow{ID: s.ID, ApplicationID: s.ApplicationID, At: utc(s.At), ActorID: idPtr(s.ActorID), ActorUsername: s.ActorUsername,
		ActorRole: string(s.ActorRole), RegionCode: strPtr(s.RegionCode), Action: string(s.Action), FromState: string(s.From),
		ToState: string(s.To), Comment: strPtr(s.Comment)}
}

// ListSteps returns an application's history, oldest first.
func (c conn) ListSteps(ctx context.Context, applicationID int64) ([]application.Step, error) {
	var rows []stepRow
	if err := c.ctx(ctx).Where("application_id = ?", applicationID).Order("at, id").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list steps")
	}
	out := make([]application.Step, len(rows))
	for i, r := range rows {
		out[i] = application.Step{ID: r.ID, ApplicationID: r.ApplicationID, At: r.At.UTC(), ActorID: idOf(r.ActorID),
			ActorUsername: r.ActorUsername, ActorRole: access.Role(r.ActorRole), RegionCode: strOf(r.RegionCode),
			Action: application.Action(r.Action), From: application.State(r.FromState), To: application.State(r.ToState), Comment: strOf(r.Comment)}
	}
	return out, nil
}

// UpdateQualification stores a qualification if its stored version is readVersion.
func (c conn) UpdateQualification(ctx context.Context, q *qualification.Qualification, readVersion int) error {
	row := qualificationToRow(*q)
	row.Version = readVersion + 1
	err := c.recounted(ctx, []int64{q.EnterpriseID}, qualificationsFacet, func(tx conn) error {
		return tx.updateVersioned(ctx, &row, q.ID, readVersion, "enterprise_id", "tier")
	})
	if err != nil {
		return wrap(err, "update qualification")
	}
	q.Version = row.Version
	return nil
}

type attachmentRow struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	Filename      string
	ContentType   string
	Size          int64
	SHA256        string `gorm:"column:sha256"`
	StorageKey    string
	UploadedBy    string
	CreatedAt     time.Time
}

func (attachmentRow) TableName() string { return "attachments" }

func attachmentFromRow(r attachmentRow) application.Attachment {
	return application.Attachment{ID: r.ID, ApplicationID: r.ApplicationID, Filename: r.Filename, ContentType: r.ContentType,
		Size: r.Size, SHA256: r.SHA256, StorageKey: r.StorageKey, UploadedBy: r.UploadedBy, CreatedAt: r.CreatedAt.UTC()}
}

// ListAttachments returns an application's attachments.
func (c conn) ListAttachments(ctx context.Context, applicationID int64) ([]application.Attachment, error) {
	var rows []attachmentRow
	if err := c.ctx(ctx).Where("application_id = ?", applicationID).Order("id").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list attachments")
	}
	out := make([]application.Attachment, len(rows))
	for i, r := range rows {
		out[i] = attachmentFromRow(r)
	}
	return out, nil
}

// GetAttachment returns an attachment of an application, or not_found.
func (c conn) GetAttachment(ctx context.Context, applicationID, id int64) (application.Attachment, error) {
	var row attachmentRow
	if err := c.ctx(ctx).Where("id = ? AND application_id = ?", id, applicationID).Take(&row).Error; err != nil {
		return application.Attachment{}, notFoundOr(err, "get attachment")
	}
	return attachmentFromRow(row), nil
}

// CreateAttachment stores an attachment's record.
func (c conn) CreateAttachment(ctx context.Context, a *application.Attachment) error {
	row := attachmentRow{ApplicationID: a.ApplicationID, Filename: a.Filename, ContentType: a.ContentType, Size: a.Size,
		SHA256: a.SHA256, StorageKey: a.StorageKey, UploadedBy: a.UploadedBy, CreatedAt: utc(a.CreatedAt)}
	if err := c.ctx(ctx).Create(&row).Error; err != nil {
		return wrap(err, "create attachment")
	}
	a.ID = row.ID
	return nil
}

// DeleteAttachment removes an attachment's record.
func (c conn) DeleteAttachment(ctx context.Context, id int64) error {
	return wrap(c.ctx(ctx).Where("id = ?", id).Delete(&attachmentRow{}).Error, "delete attachment")
}

// EnterpriseUserIDs returns the active accounts bound to an enterprise.
func (c conn) EnterpriseUserIDs(ctx context.Context, enterpriseID int64) ([]int64, error) {
	var ids []int64
	err := c.ctx(ctx).Model(&userRow{}).Where("enterprise_id = ? AND status = ?", enterpriseID, "active").Order("id").Pluck("id", &ids).Error
	return ids, wrap(err, "enterprise users")
}

type notificationRow struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Kind      string
	Params    string
	Link      *string
	DedupeKey string
	ReadAt    *time.Time
	CreatedAt time.Time
}

func (notificationRow) TableName() string { return "notifications" }

// Notify stores notices, skipping those already stored under their dedupe key.
func (c conn) Notify(ctx context.Context, ns []notification.Notification) (int, error) {
	if len(ns) == 0 {
		return 0, nil
	}
	rows := make([]notificationRow, len(ns))
	for i, n := range ns {
		params, err := json.Marshal(n.Params)
		if err != nil {
			return 0, wrap(err, "encode notification")
		}
		rows[i] = notificationRow{UserID: n.UserID, Kind: string(n.Kind), Params: string(params), Link: strPtr(n.Link),
			DedupeKey: n.DedupeKey, CreatedAt: utc(n.CreatedAt)}
	}
	res := c.ctx(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "dedupe_key"}}, DoNothing: true}).CreateInBatches(&rows, 200)
	return int(res.RowsAffected), wrap(res.Error, "notify")
}

// ListNotifications returns a user's notices, newest first, their number and the number unread.
func (c conn) ListNotifications(ctx context.Context, userID int64, unreadOnly bool, page paging.Request) ([]notification.Notification, int64, int64, error) {
	q := c.ctx(ctx).Model(&notificationRow{}).Where("user_id = ?", userID)
	var unread int64
	if err := q.Session(&gorm.Session{}).Where("read_at IS NULL").Count(&unread).Error; err != nil {
		return nil, 0, 0, wrap(err, "count unread")
	}
	if unreadOnly {
		q = q.Where("read_at IS NULL")
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, 0, wrap(err, "count notifications")
	}
	var rows []notificationRow
	if err := q.Order("created_at DESC, id DESC").Offset(page.Offset()).Limit(page.Size).Find(&rows).Error; err != nil {
		return nil, 0, 0, wrap(err, "list notifications")
	}
	out := make([]notification.Notification, len(rows))
	for i, r := range rows {
		var params map[string]any
		_ = json.Unmarshal([]byte(r.Params), &params)
		out[i] = notification.Notification{ID: r.ID, UserID: r.UserID, Kind: notification.Kind(r.Kind), Params: params,
			Link: strOf(r.Link), DedupeKey: r.DedupeKey, ReadAt: timeOf(r.ReadAt), CreatedAt: r.CreatedAt.UTC()}
	}
	return out, total, unread, nil
}

// MarkRead marks a user's notice read; another's is not_found.
func (c conn) MarkRead(ctx context.Context, userID, id int64, at time.Time) error {
	var row notificationRow
	if err := c.ctx(ctx).Where("id = ? AND user_id = ?", id, userID).Take(&row).Error; err != nil {
		return notFoundOr(err, "get notification")
	}
	if row.ReadAt != nil {
		return nil
	}
	return wrap(c.ctx(ctx).Model(&notificationRow{}).Where("id = ?", id).UpdateColumn("read_at", utc(at)).Error, "mark read")
}

// Notifications is the notices' store.
type Notifications struct{ conn }

// NewNotifications returns the notices' store over db.
func NewNotifications(db *gorm.DB) Notifications { return Notifications{conn{db: db}} }
