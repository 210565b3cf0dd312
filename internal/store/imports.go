package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/importer"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
)

type importRow struct {
	ID            int64 `gorm:"primaryKey"`
	Kind          string
	Filename      string
	Format        string
	Content       []byte
	Status        string
	Failure       string
	Validated     bool
	TotalRows     int
	ProcessedRows int
	ErrorCount    int
	Errors        string
	CreatedCount  int
	UpdatedCount  int
	CreatedByID   int64
	CreatedBy     string
	HeartbeatAt   time.Time
	FinishedAt    *time.Time
	Version       int
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (importRow) TableName() string { return "import_jobs" }

func importToRow(im importer.Import) importRow {
	errs, _ := json.Marshal(im.Errors)
	if im.Errors == nil {
		errs = []byte("[]")
	}
	return importRow{ID: im.ID, Kind: string(im.Kind), Filename: im.Filename, Format: im.Format, Content: im.Content, Status: string(im.Status),
		Failure: im.Failure, Validated: im.Validated, TotalRows: im.TotalRows, ProcessedRows: im.ProcessedRows, ErrorCount: im.ErrorCount,
		Errors: string(errs), CreatedCount: im.CreatedCount, UpdatedCount: im.UpdatedCount, CreatedByID: im.CreatedByID, CreatedBy: im.CreatedBy,
		HeartbeatAt: utc(im.HeartbeatAt), FinishedAt: utcPtr(im.FinishedAt), Version: im.Version, CreatedAt: utc(im.CreatedAt), UpdatedAt: utc(im.UpdatedAt)}
}

func importFromRow(r importRow) importer.Import {
	var errs []importer.RowError
	_ = json.Unmarshal([]byte(r.Errors), &errs)
	return importer.Import{ID: r.ID, Kind: importer.Kind(r.Kind), Filename: r.Filename, Format: r.Format, Content: r.Content,
		Status: importer.Status(r.Status), Failure: r.Failure, Validated: r.Validated, TotalRows: r.TotalRows, ProcessedRows: r.ProcessedRows,
		ErrorCount: r.ErrorCount, Errors: errs, CreatedCount: r.CreatedCount, UpdatedCount: r.UpdatedCount, CreatedByID: r.CreatedByID,
		CreatedBy: r.CreatedBy, HeartbeatAt: r.HeartbeatAt.UTC(), FinishedAt: timeOf(r.FinishedAt), Version: r.Version,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// Imports is the import jobs' store, and what they read and write.
type Imports struct{ conn }

// NewImports returns the import jobs' store over db.
func NewImports(db *gorm.DB) Imports { return Imports{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Imports) Tx(ctx context.Context, fn func(importer.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Imports{c}) })
}

// Qualifications is the qualifications' store over the same connection (or transaction).
func (s Imports) Qualifications() qualification.Store { return Qualifications{s.conn} }

// CreateImport stores a new import with its file.
func (c conn) CreateImport(ctx context.Context, im *importer.Import) error {
	row := importToRow(*im)
	row.ID = 0
	if err := c.ctx(ctx).Create(&row).Error; err != nil {
		return wrap(err, "create import")
	}
	im.ID = row.ID
	return nil
}

// GetImport returns an import with its file, or not_found.
func (c conn) GetImport(ctx context.Context, id int64) (importer.Import, error) {
	var row importRow
	if err := c.ctx(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return importer.Import{}, notFoundOr(err, "get import")
	}
	return importFromRow(row), nil
}

// ListImports returns imports without their files, newest first.
func (c conn) ListImports(ctx context.Context, f importer.Filter) ([]importer.Import, int64, error) {
	q := c.ctx(ctx).Model(&importRow{}).Omit("content")
	if f.CreatedByID != 0 {
		q = q.Where("created_by_id = ?", f.CreatedByID)
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, wrap(err, "count imports")
	}
	var rows []importRow
	if err := page(q.Order("created_at DESC, id DESC"), f.Page).Find(&rows).Error; err != nil {
		return nil, 0, wrap(err, "list imports")
	}
	out := make([]importer.Import, len(rows))
	for i, r := range rows {
		out[i] = importFromRow(r)
	}
	return out, total, nil
}

// SaveImport stores an import's status, counts and errors; its file stays as uploaded.
func (c conn) SaveImport(ctx context.Context, im *importer.Import) error {
	row := importToRow(*im)
	return wrap(c.ctx(ctx).Model(&importRow{}).Where("id = ?", im.ID).Select("status", "failure", "validated", "total_rows",
		"processed_rows", "error_count", "errors", "created_count", "updated_count", "heartbeat_at", "finished_at", "updated_at").
		Updates(&row).Error, "save import")
}

// Heartbeat records that an import's job is alive.
func (c conn) Heartbeat(ctx context.Context, id int64, at time.Time) error {
	return wrap(c.ctx(ctx).Model(&importRow{}).Where("id = ?", id).UpdateColumn("heartbeat_at", utc(at)).Error, "import heartbeat")
}

// inChunks runs fn over ids (or codes) in chunks that every database accepts in an IN list.
func inChunks[T any](xs []T, fn func([]T) error) error {
	const chunk = 500
	for i := 0; i < len(xs); i += chunk {
		if err := fn(xs[i:min(i+chunk, len(xs))]); err != nil {
			return err
		}
	}
	return nil
}

// EnterprisesByCreditCode returns the enterprises of these credit codes, by code.
func (c conn) EnterprisesByCreditCode(ctx context.Context, codes []string) (map[string]enterprise.Enterprise, error) {
	out := map[string]enterprise.Enterprise{}
	err := inChunks(codes, func(part []string) error {
		var vs []enterpriseView
		if err := c.enterprisesIn(ctx, access.Scope{}).Where("e.credit_code IN ?", part).Find(&vs).Error; err != nil {
			return wrap(err, "enterprises by credit code")
		}
		for _, v := range vs {
			e := enterpriseFromView(v)
			out[e.CreditCode] = e
		}
		return nil
	})
	return out, err
}

// EnterprisesOf returns these enterprises, by ID.
func (c conn) EnterprisesOf(ctx context.Context, ids []int64) (map[int64]enterprise.Enterprise, error) {
	out := make(map[int64]enterprise.Enterprise, len(ids))
	err := inChunks(ids, func(part []int64) error {
		var vs []enterpriseView
		if err := c.enterprisesIn(ctx, access.Scope{}).Where("e.id IN ?", part).Find(&vs).Error; err != nil {
			return wrap(err, "enterprises by id")
		}
		for _, v := range vs {
			e := enterpriseFromView(v)
			out[e.ID] = e
		}
		return nil
	})
	return out, err
}

// AnnualReportsOf returns the reports of these enterprises, by enterprise, latest year first.
func (c conn) AnnualReportsOf(ctx context.Context, ids []int64) (map[int64][]report.Annual, error) {
	out := map[int64][]report.Annual{}
	err := inChunks(ids, func(part []int64) error {
		var rows []annualReportRow
		if err := c.ctx(ctx).Where("enterprise_id IN ?", part).Order("enterprise_id, year DESC").Find(&rows).Error; err != nil {
			return wrap(err, "annual reports of enterprises")
		}
		for _, r := range rows {
			out[r.EnterpriseID] = append(out[r.EnterpriseID], reportFromRow(r))
		}
		return nil
	})
	return out, err
}

// QualificationsOf returns the qualifications of these enterprises, by enterprise.
func (c conn) QualificationsOf(ctx context.Context, ids []int64) (map[int64][]qualification.Qualification, error) {
	out := map[int64][]qualification.Qualification{}
	err := inChunks(ids, func(part []int64) error {
		var rows []qualificationRow
		if err := c.ctx(ctx).Where("enterprise_id IN ?", part).Order("enterprise_id, granted_on DESC, id DESC").Find(&rows).Error; err != nil {
			return wrap(err, "qualifications of enterprises")
		}
		for _, r := range rows {
			out[r.EnterpriseID] = append(out[r.EnterpriseID], qualificationFromRow(r))
		}
		return nil
	})
	return out, err
}
