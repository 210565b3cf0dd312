package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/notice"
)

type noticeRow struct {
	ID          int64 `gorm:"primaryKey"`
	BatchID     int64
	Title       string
	Contact     string
	PublishedOn calendar.Date
	EndsOn      calendar.Date
	PublishedBy string
	CreatedAt   time.Time
}

func (noticeRow) TableName() string { return "public_notices" }

type noticeEntryRow struct {
	ID             int64 `gorm:"primaryKey"`
	PublicNoticeID int64
	ApplicationID  int64
}

func (noticeEntryRow) TableName() string { return "public_notice_entries" }

type objectionRow struct {
	ID             int64 `gorm:"primaryKey"`
	PublicNoticeID int64
	ApplicationID  int64
	Name           string
	Phone          string
	Reasons        string
	Status         string
	Resolution     *string
	ResolvedBy     *string
	ResolvedAt     *time.Time
	ClientAddress  string
	Version        int
	CreatedAt      time.Time
}

func (objectionRow) TableName() string { return "objections" }

type objectionFileRow struct {
	ID          int64 `gorm:"primaryKey"`
	ObjectionID int64
	Filename    string
	ContentType string
	Size        int64
	SHA256      string `gorm:"column:sha256"`
	StorageKey  string
	CreatedAt   time.Time
}

func (objectionFileRow) TableName() string { return "objection_files" }

// Notices is the public notices' store.
type Notices struct{ conn }

// NewNotices returns the public notices' store over db.
func NewNotices(db *gorm.DB) Notices { return Notices{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Notices) Tx(ctx context.Context, fn func(notice.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Notices{c}) })
}

// Applications is the applications' store over the same connection (or transaction).
func (s Notices) Applications() application.Store { return Applications{s.conn} }

// CreateNotice stores a notice and its entries.
func (c conn) CreateNotice(ctx context.Context, n *notice.Notice) error {
	row := noticeRow{BatchID: n.BatchID, Title: n.Title, Contact: n.Contact, PublishedOn: n.PublishedOn, EndsOn: n.EndsOn, PublishedBy: n.PublishedBy, CreatedAt: utc(n.CreatedAt)}
	if err := c.ctx(ctx).Create(&row).Error; err != nil {
		return wrap(err, "create notice")
	}
	n.ID = row.ID
	entries := make([]noticeEntryRow, len(n.Entries))
	for i, e := range n.Entries {
		entries[i] = noticeEntryRow{PublicNoticeID: row.ID, ApplicationID: e.ApplicationID}
	}
	if len(entries) > 0 {
		if err := c.ctx(ctx).Create(&entries).Error; err != nil {
			return wrap(err, "create notice entries")
		}
	}
	return nil
}

type noticeView struct {
	Row       noticeRow `gorm:"embedded"`
	BatchName string
	Tier      string
}

func (c conn) noticesView(ctx context.Context) *gorm.DB {
	return c.ctx(ctx).Table("public_notices AS n").Select("n.*, b.name AS batch_name, b.tier").Joins("JOIN batches b ON b.id = n.batch_id")
}

// withEntries reads the notices' entries as the public sees them.
func (c conn) withEntries(ctx context.Context, vs []noticeView) ([]notice.Notice, error) {
	out := make([]notice.Notice, len(vs))
	at := map[int64]int{}
	ids := make([]int64, len(vs))
	for i, v := range vs {
		r := v.Row
		out[i] = notice.Notice{ID: r.ID, BatchID: r.BatchID, BatchName: v.BatchName, Tier: criteria.Tier(v.Tier), Title: r.Title, Contact: r.Contact,
			PublishedOn: r.PublishedOn, EndsOn: r.EndsOn, PublishedBy: r.PublishedBy, CreatedAt: r.CreatedAt.UTC(), Entries: []notice.Entry{}}
		at[r.ID], ids[i] = i, r.ID
	}
	if len(ids) == 0 {
		return out, nil
	}
	var entries []struct {
		PublicNoticeID int64
		ApplicationID  int64
		EnterpriseName string
		CreditCode     string
		RegionName     string
	}
	err := c.ctx(ctx).Table("public_notice_entries AS pe").
		Select("pe.public_notice_id, pe.application_id, e.name AS enterprise_name, e.credit_code, r.name AS region_name").
		Joins("JOIN applications a ON a.id = pe.application_id").
		Joins("JOIN enterprises e ON e.id = a.enterprise_id").
		Joins("JOIN regions r ON r.code = e.region_code").
		Where("pe.public_notice_id IN ?", ids).Order("r.sort_order, e.name_sort, pe.application_id").Scan(&entries).Error
	if err != nil {
		return nil, wrap(err, "notice entries")
	}
	for _, e := range entries {
		i := at[e.PublicNoticeID]
		out[i].Entries = append(out[i].Entries, notice.Entry{ApplicationID: e.ApplicationID, EnterpriseName: e.EnterpriseName, CreditCode: e.CreditCode, RegionName: e.RegionName})
	}
	return out, nil
}

// GetNotice returns a notice with its entries, or not_found.
func (c conn) GetNotice(ctx context.Context, id int64) (notice.Notice, error) {
	var v noticeView
	if err := c.noticesView(ctx).Where("n.id = ?", id).Take(&v).Error; err != nil {
		return notice.Notice{}, notFoundOr(err, "get notice")
	}
	ns, err := c.withEntries(ctx, []noticeView{v})
	if err != nil {
		return notice.Notice{}, err
	}
	return ns[0], nil
}

// ListNotices returns the notices of a batch (0: every batch) ending on or after since, newest first.
func (c conn) ListNotices(ctx context.Context, batchID int64, since calendar.Date) ([]notice.Notice, error) {
	q := c.noticesView(ctx)
	if batchID != 0 {
		q = q.Where("n.batch_id = ?", batchID)
	}
	if !since.IsZero() {
		q = q.Where("n.ends_on >= ?", since)
	}
	var vs []noticeView
	if err := q.Order("n.published_on DESC, n.id DESC").Limit(200).Find(&vs).Error; err != nil {
		return nil, wrap(err, "list notices")
	}
	return c.withEntries(ctx, vs)
}

// NoticeStanding is where an application stands with the public notice.
func (c conn) NoticeStanding(ctx context.Context, id int64) (application.NoticeStanding, error) {
	var ends []calendar.Date
	if err := c.ctx(ctx).Table("public_notice_entries AS pe").Joins("JOIN public_notices n ON n.id = pe.public_notice_id").
		Where("pe.application_id = ?", id).Order("n.ends_on DESC").Limit(1).Pluck("n.ends_on", &ends).Error; err != nil {
		return application.NoticeStanding{}, wrap(err, "notice standing")
	}
	var open int64
	if err := c.ctx(ctx).Model(&objectionRow{}).Where("application_id = ? AND status = ?", id, string(notice.Unresolved)).Count(&open).Error; err != nil {
		return application.NoticeStanding{}, wrap(err, "open objections")
	}
	st := application.NoticeStanding{Noticed: len(ends) > 0, OpenObjections: int(open)}
	if st.Noticed {
		st.EndsOn = ends[0]
	}
	return st, nil
}

// CreateObjection stores an objection and its files.
func (c conn) CreateObjection(ctx context.Context, o *notice.Objection) error {
	row := objectionToRow(*o)
	row.ID = 0
	if err := c.ctx(ctx).Create(&row).Error; err != nil {
		return wrap(err, "create objection")
	}
	o.ID = row.ID
	for i := range o.Files {
		f := &o.Files[i]
		fr := objectionFileRow{ObjectionID: row.ID, Filename: f.Filename, ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256,
			StorageKey: f.StorageKey, CreatedAt: utc(f.CreatedAt)}
		if err := c.ctx(ctx).Create(&fr).Error; err != nil {
			return wrap(err, "create objection file")
		}
		f.ID, f.ObjectionID = fr.ID, row.ID
	}
	return nil
}

func objectionToRow(o notice.Objection) objectionRow {
	return objectionRow{ID: o.ID, PublicNoticeID: o.NoticeID, ApplicationID: o.ApplicationID, Name: o.Name, Phone: o.Phone, Reasons: o.Reasons,
		Status: string(o.Status), Resolution: strPtr(o.Resolution), ResolvedBy: strPtr(o.ResolvedBy), ResolvedAt: utcPtr(o.ResolvedAt),
		ClientAddress: o.ClientAddress, Version: o.Version, CreatedAt: utc(o.CreatedAt)}
}

func (c conn) objectionsWithFiles(ctx context.Context, rows []objectionRow) ([]notice.Objection, error) {
	out := make([]notice.Objection, len(rows))
	at := map[int64]int{}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		out[i] = notice.Objection{ID: r.ID, NoticeID: r.PublicNoticeID, ApplicationID: r.ApplicationID, Name: r.Name, Phone: r.Phone, Reasons: r.Reasons,
			Status: notice.Outcome(r.Status), Resolution: strOf(r.Resolution), ResolvedBy: strOf(r.ResolvedBy), ResolvedAt: timeOf(r.ResolvedAt),
			ClientAddress: r.ClientAddress, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), Files: []notice.File{}}
		at[r.ID], ids[i] = i, r.ID
	}
	if len(ids) == 0 {
		return out, nil
	}
	var files []objectionFileRow
	if err := c.ctx(ctx).Where("objection_id IN ?", ids).Order("id").Find(&files).Error; err != nil {
		return nil, wrap(err, "objection files")
	}
	for _, f := range files {
		i := at[f.ObjectionID]
		out[i].Files = append(out[i].Files, notice.File{ID: f.ID, ObjectionID: f.ObjectionID, StoredFile: application.StoredFile{
			Filename: f.Filename, ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256, StorageKey: f.StorageKey}, CreatedAt: f.CreatedAt.UTC()})
	}
	return out, nil
}

// GetObjection returns an objection with its files, or not_found.
func (c conn) GetObjection(ctx context.Context, id int64) (notice.Objection, error) {
	var row objectionRow
	if err := c.ctx(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return notice.Objection{}, notFoundOr(err, "get objection")
	}
	os, err := c.objectionsWithFiles(ctx, []objectionRow{row})
	if err != nil {
		return notice.Objection{}, err
	}
	return os[0], nil
}

// ListObjections returns an application's objections, oldest first.
func (c conn) ListObjections(ctx context.Context, applicationID int64) ([]notice.Objection, error) {
	var rows []objectionRow
	if err := c.ctx(ctx).Where("application_id = ?", applicationID).Order("created_at, id").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list objections")
	}
	return c.objectionsWithFiles(ctx, rows)
}

// UpdateObjection stores a resolution if the stored version is readVersion.
func (c conn) UpdateObjection(ctx context.Context, o *notice.Objection, readVersion int) error {
	row := objectionToRow(*o)
	row.Version = readVersion + 1
	if err := c.updateVersioned(ctx, &row, o.ID, readVersion, "public_notice_id", "application_id", "name", "phone", "reasons", "client_address"); err != nil {
		return err
	}
	o.Version = row.Version
	return nil
}
