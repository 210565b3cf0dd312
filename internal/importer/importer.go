// Package importer brings the bureau's spreadsheets in: enterprises (created or updated by credit
// code), annual figures and historic qualifications, from .xlsx or .csv files. Every row is
// checked first, by the same rules as the forms; nothing is written until the whole file is clean
// and the uploader confirms; the write is one transaction. Files run as jobs with progress.
package importer

import (
	"context"
	"strconv"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/region"
	"github.com/tiertracker/tiertracker/internal/report"
)

// Kind is what a file brings in.
type Kind string

// The kinds of import.
const (
	Enterprises    Kind = "enterprises"
	AnnualReports  Kind = "annual_reports"
	Qualifications Kind = "qualifications"
)

// Kinds lists the kinds of import.
var Kinds = []Kind{Enterprises, AnnualReports, Qualifications}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return k == Enterprises || k == AnnualReports || k == Qualifications }

// Status is where an import stands.
type Status string

// The statuses of an import: its rows are being checked; some are bad (see the errors); all are
// good and it waits for confirmation; it is being written; it is written; it failed (the file
// could not be read, or the job was interrupted).
const (
	Validating Status = "validating"
	Invalid    Status = "invalid"
	Ready      Status = "ready"
	Importing  Status = "importing"
	Done       Status = "done"
	Failed     Status = "failed"
)

// Running reports whether a job is working on the import.
func (s Status) Running() bool { return s == Validating || s == Importing }

// Failures say why an import failed as a whole.
const (
	FailNotTable    = "not_a_table"
	FailTooLarge    = "too_large"
	FailTooManyRows = "too_many_rows"
	FailEmpty       = "empty"
	FailInterrupted = "interrupted"
	FailInternal    = "internal"
)

// Limits of a file.
const (
	MaxFileBytes   = 20 << 20
	MaxRows        = 200_000
	MaxUnzipped    = 400 << 20 // what a 20 MiB workbook of 200,000 rows may unzip to, with room
	MaxXMLUnzip    = 64 << 20  // a part larger than this is unzipped to a temporary file
	MaxCellChars   = 2000
	MaxListedError = 1000 // the errors kept and shown; ErrorCount counts them all
)

// RowError is a problem of one cell (or a whole row, with Column empty): the row number as the
// spreadsheet shows it (the header is row 1), the column's key and letter, and the rule broken.
type RowError struct {
	Row    int            `json:"row"`
	Column string         `json:"column"`
	Cell   string         `json:"cell"`
	Rule   apperr.Rule    `json:"rule"`
	Params map[string]any `json:"params,omitempty"`
}

// Import is an uploaded file and the job that checks and writes it.
type Import struct {
	ID            int64
	Kind          Kind
	Filename      string
	Format        string
	Content       []byte
	Status        Status
	Failure       string
	Validated     bool // every row was checked and found good
	TotalRows     int
	ProcessedRows int
	ErrorCount    int
	Errors        []RowError
	CreatedCount  int
	UpdatedCount  int
	CreatedByID   int64
	CreatedBy     string
	HeartbeatAt   time.Time
	FinishedAt    time.Time
	Version       int
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// EntityID returns the id of the import as audit events name it.
func (im Import) EntityID() string { return strconv.FormatInt(im.ID, 10) }

// Confirmable reports whether the import may be written: its rows were all found good, and it
// is waiting, or its write was interrupted (which wrote nothing).
func (im Import) Confirmable() bool {
	return im.Validated && (im.Status == Ready || (im.Status == Failed && im.Failure == FailInterrupted))
}

// Filter selects the imports listed.
type Filter struct {
	CreatedByID int64 // 0: everyone's
	Page        paging.Request
}

// Store keeps imports and reads and writes what they bring in.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it.
	Tx(ctx context.Context, fn func(Store) error) error

	CreateImport(ctx context.Context, im *Import) error
	// GetImport returns an import with its file, or not_found.
	GetImport(ctx context.Context, id int64) (Import, error)
	ListImports(ctx context.Context, f Filter) ([]Import, int64, error)
	// SaveImport stores an import's status, counts and errors (not its file).
	SaveImport(ctx context.Context, im *Import) error
	Heartbeat(ctx context.Context, id int64, at time.Time) error

	ListRegions(ctx context.Context) ([]region.Region, error)
	// EnterprisesByCreditCode returns the enterprises of these credit codes, by code.
	EnterprisesByCreditCode(ctx context.Context, codes []string) (map[string]enterprise.Enterprise, error)
	// AnnualReportsOf returns the reports of these enterprises, by enterprise.
	AnnualReportsOf(ctx context.Context, enterpriseIDs []int64) (map[int64][]report.Annual, error)
	// QualificationsOf returns the qualifications of these enterprises, by enterprise.
	QualificationsOf(ctx context.Context, enterpriseIDs []int64) (map[int64][]qualification.Qualification, error)

	// CreateEnterprises stores new enterprises, setting their IDs.
	CreateEnterprises(ctx context.Context, es []enterprise.Enterprise) error
	UpdateEnterprise(ctx context.Context, e *enterprise.Enterprise, readVersion int) error
	// CreateAnnualReports stores new reports, setting their IDs.
	CreateAnnualReports(ctx context.Context, reports []report.Annual) error
	UpdateAnnualReport(ctx context.Context, a *report.Annual, readVersion int) error
	// Qualifications is the qualifications' store, bound to the same transaction.
	Qualifications() qualification.Store
	// SetSizeClasses records derived size classes, by enterprise ID.
	SetSizeClasses(ctx context.Context, sizes map[int64]string) error
	// RefreshEligibilityOf recomputes and stores the results of these enterprises.
	RefreshEligibilityOf(ctx context.Context, es []enterprise.Enterprise, now time.Time, loc *time.Location) error
	RecordAudit(ctx context.Context, e audit.Event) error
	RecordAudits(ctx context.Context, es []audit.Event) error
}

// may reports whether an actor may import a kind: officers the registry and figures (a county
// officer within its region), city officers and admins the qualifications.
func may(actor access.Actor, k Kind) bool {
	if k == Qualifications {
		return actor.Is(access.CityOfficer, access.Admin)
	}
	return actor.CanEditRegistry()
}

// today is the bureau's date now.
func today(now time.Time, loc *time.Location) calendar.Date { return calendar.On(now, loc) }
