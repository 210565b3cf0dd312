package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

type batchRow struct {
	ID            int64 `gorm:"primaryKey"`
	Tier          string
	Kind          string
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
}

func (batchRow) TableName() string { return "batches" }

func batchToRow(b batch.Batch) batchRow {
	return batchRow{ID: b.ID, Tier: string(b.Tier), Kind: string(b.Kind), Year: b.Year, Name: b.Name, Ruleset: b.Ruleset,
		OpensOn: b.OpensOn, ClosesOn: b.ClosesOn, ClosedEarlyOn: b.ClosedEarlyOn, CreatedBy: b.CreatedBy, Version: b.Version,
		CreatedAt: utc(b.CreatedAt), UpdatedAt: utc(b.UpdatedAt)}
}

func batchFromRow(r batchRow) batch.Batch {
	return batch.Batch{ID: r.ID, Tier: criteria.Tier(r.Tier), Kind: batch.Kind(r.Kind), Year: r.Year, Name: r.Name, Ruleset: r.Ruleset,
		OpensOn: r.OpensOn, ClosesOn: r.ClosesOn, ClosedEarlyOn: r.ClosedEarlyOn, CreatedBy: r.CreatedBy, Version: r.Version,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), Counts: map[string]int{}}
}

// Batches is the batches' store.
type Batches struct{ conn }

// NewBatches returns the batches' store over db.
func NewBatches(db *gorm.DB) Batches { return Batches{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Batches) Tx(ctx context.Context, fn func(batch.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Batches{c}) })
}

// countsOf fills the counts by state of batches, within a scope.
func (c conn) countsOf(ctx context.Context, bs []batch.Batch, scope access.Scope) error {
	if len(bs) == 0 {
		return nil
	}
	ids := make([]int64, len(bs))
	index := map[int64]int{}
	for i, b := range bs {
		ids[i], index[b.ID] = b.ID, i
	}
	var rows []struct {
		BatchID int64
		State   string
		N       int
	}
	q := c.ctx(ctx).Table("applications AS a").Select("a.batch_id, a.state, COUNT(*) AS n").
		Joins("JOIN enterprises e ON e.id = a.enterprise_id").Where("a.batch_id IN ?", ids)
	q = scopeEnterprises(q, scope, "e")
	if err := q.Group("a.batch_id, a.state").Find(&rows).Error; err != nil {
		return wrap(err, "count applications")
	}
	for _, r := range rows {
		bs[index[r.BatchID]].Counts[r.State] = r.N
	}
	return nil
}

// GetBatch returns a batch with its counts within scope, or not_found.
func (c conn) GetBatch(ctx context.Context, id int64, scope access.Scope) (batch.Batch, error) {
	var row batchRow
	if err := c.ctx(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return batch.Batch{}, notFoundOr(err, "get batch")
	}
	bs := []batch.Batch{batchFromRow(row)}
	if err := c.countsOf(ctx, bs, scope); err != nil {
		return batch.Batch{}, err
	}
	return bs[0], nil
}

// ListBatches returns a page of batches, the latest opening first.
func (c conn) ListBatches(ctx context.Context, f batch.Filter) ([]batch.Batch, int64, error) {
	q := c.ctx(ctx).Model(&batchRow{})
	if f.Tier != "" {
		q = q.Where("tier = ?", string(f.Tier))
	}
	if f.Year != 0 {
		q = q.Where("year = ?", f.Year)
	}
	today := f.Today.String()
	switch f.Status {
	case batch.Upcoming:
		q = q.Where("opens_on > ?", today)
	case batch.Open:
		q = q.Where("opens_on <= ? AND closes_on >= ? AND (closed_early_on IS NULL OR closed_early_on > ?)", today, today, today)
	case batch.Closed:
		q = q.Where("closes_on < ? OR (closed_early_on IS NOT NULL AND closed_early_on <= ?)", today, today)
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, wrap(err, "count batches")
	}
	var rows []batchRow
	if err := q.Order("opens_on DESC, id DESC").Offset(f.Page.Offset()).Limit(f.Page.Size).Find(&rows).Error; err != nil {
		return nil, 0, wrap(err, "list batches")
	}
	out := make([]batch.Batch, len(rows))
	for i, r := range rows {
		out[i] = batchFromRow(r)
	}
	return out, total, c.countsOf(ctx, out, f.CountScope)
}

// CreateBatch stores a new batch.
func (c conn) CreateBatch(ctx context.Context, b *batch.Batch) error {
	row := batchToRow(*b)
	row.ID = 0
	if err := c.ctx(ctx).Create(&row).Error; err != nil {
		return wrap(err, "create batch")
	}
	b.ID = row.ID
	return nil
}

// UpdateBatch stores a batch if its stored version is readVersion.
func (c conn) UpdateBatch(ctx context.Context, b *batch.Batch, readVersion int) error {
	row := batchToRow(*b)
	row.Version = readVersion + 1
	if err := c.updateVersioned(ctx, &row, b.ID, readVersion, "created_by"); err != nil {
		return wrap(err, "update batch")
	}
	b.Version = row.Version
	return nil
}
