package application

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
)

// Result is the province's or MIIT's decision on a recommended application.
type Result string

// The results.
const (
	ResultApproved    Result = "approved"
	ResultNotApproved Result = "not_approved"
)

// Application is an enterprise's application in a batch.
type Application struct {
	ID              int64
	BatchID         int64
	EnterpriseID    int64
	ReportYear      int
	State           State
	SelfCheck       json.RawMessage // the criteria's result, frozen at submission
	SubmittedAt     time.Time
	Result          Result
	AnnouncementNo  string
	GrantedOn       calendar.Date
	QualificationID int64
	CreatedBy       string
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time

	// Read with the application for display and scope.
	EnterpriseName string
	CreditCode     string
	RegionCode     string
	RegionName     string
	Batch          batch.Batch
}

// EntityID returns the id of the application as audit events name it.
func (a Application) EntityID() string { return strconv.FormatInt(a.ID, 10) }

// Snapshot is the audited form of an application.
func (a Application) Snapshot() map[string]any {
	return map[string]any{"batch_id": a.BatchID, "enterprise_id": a.EnterpriseID, "report_year": a.ReportYear, "state": a.State,
		"result": a.Result, "announcement_no": a.AnnouncementNo, "granted_on": a.GrantedOn.String(), "version": a.Version}
}

// Step is one move of an application through the workflow: who, at which stage, what, and why.
type Step struct {
	ID            int64
	ApplicationID int64
	At            time.Time
	ActorID       int64
	ActorUsername string
	ActorRole     access.Role
	RegionCode    string
	Action        Action
	From          State
	To            State
	Comment       string
}

// Attachment is a file of an application (PDF, JPEG or PNG), stored outside the database.
type Attachment struct {
	ID            int64
	ApplicationID int64
	Filename      string
	ContentType   string
	Size          int64
	SHA256        string
	StorageKey    string
	UploadedBy    string
	CreatedAt     time.Time
}

// Filter narrows the application list; Scope always applies.
type Filter struct {
	Scope        access.Scope
	BatchID      int64
	State        State
	RegionCode   string
	Tier         string
	EnterpriseID int64
	Page         paging.Request // Size 0: every row
}

// Store keeps applications. Its methods return not_found, duplicate and stale_version where
// they say so.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error
	// NoticeStanding is where an application stands with the public notice.
	NoticeStanding(ctx context.Context, id int64) (NoticeStanding, error)
	// GetApplication returns an application within scope, or not_found.
	GetApplication(ctx context.Context, scope access.Scope, id int64) (Application, error)
	ListApplications(ctx context.Context, f Filter) ([]Application, int64, error)
	// CreateApplication stores a draft; duplicate (batch_id) when the enterprise has a live
	// application in the batch.
	CreateApplication(ctx context.Context, a *Application) error
	// UpdateApplication stores a if its stored version is readVersion, else stale_version.
	UpdateApplication(ctx context.Context, a *Application, readVersion int) error
	// LinkQualification records the qualification an approval granted or extended.
	LinkQualification(ctx context.Context, applicationID, qualificationID int64) error
	AddStep(ctx context.Context, s Step) error
	ListSteps(ctx context.Context, applicationID int64) ([]Step, error)

	GetBatch(ctx context.Context, id int64, countScope access.Scope) (batch.Batch, error)
	GetEnterprise(ctx context.Context, scope access.Scope, id int64) (enterprise.Enterprise, error)
	ListAnnualReports(ctx context.Context, enterpriseID int64) ([]report.Annual, error)
	ListQualifications(ctx context.Context, enterpriseID int64) ([]qualification.Qualification, error)
	CreateQualifications(ctx context.Context, qs []qualification.Qualification) error
	UpdateQualification(ctx context.Context, q *qualification.Qualification, readVersion int) error
	CreateQualificationEvents(ctx context.Context, evs []qualification.Event) error
	RefreshEligibility(ctx context.Context, enterpriseID int64, now time.Time, loc *time.Location) error

	ListAttachments(ctx context.Context, applicationID int64) ([]Attachment, error)
	GetAttachment(ctx context.Context, applicationID, id int64) (Attachment, error)
	CreateAttachment(ctx context.Context, a *Attachment) error
	DeleteAttachment(ctx context.Context, id int64) error

	// EnterpriseUserIDs returns the active accounts bound to an enterprise.
	EnterpriseUserIDs(ctx context.Context, enterpriseID int64) ([]int64, error)
	Notify(ctx context.Context, ns []notification.Notification) (int, error)
	RecordAudit(ctx context.Context, e audit.Event) error
}
