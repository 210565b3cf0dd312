package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/tiertracker/tiertracker/internal/apperr"

	"github.com/tiertracker/tiertracker/internal/region"
)

type regionRow struct {
	Code      string `gorm:"primaryKey"`
	Name      string
	NameEn    string
	Kind      string
	SortOrder int
	CreatedAt time.Time
}

func (regionRow) TableName() string { return "regions" }

// ListRegions returns every region in display order.
func (c conn) ListRegions(ctx context.Context) ([]region.Region, error) {
	var rows []regionRow
	if err := c.ctx(ctx).Order("sort_order, code").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list regions")
	}
	out := make([]region.Region, len(rows))
	for i, r := range rows {
		out[i] = region.Region{Code: r.Code, Name: r.Name, NameEn: r.NameEn, Kind: region.Kind(r.Kind), Order: r.SortOrder}
	}
	return out, nil
}

// UpsertRegions stores regions, renaming those that exist.
func (c conn) UpsertRegions(ctx context.Context, regions []region.Region, now time.Time) error {
	for _, r := range regions {
		row := regionRow{Code: r.Code, Name: r.Name, NameEn: r.NameEn, Kind: string(r.Kind), SortOrder: r.Order, CreatedAt: utc(now)}
		err := c.ctx(ctx).Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "code"}},
			DoUpdates: clause.AssignmentColumns([]string{"name", "name_en", "kind", "sort_order"}),
		}).Create(&row).Error
		if err != nil {
			return wrap(err, "upsert region")
		}
	}
	return nil
}

// Regions is the admin's store of regions.
type Regions struct{ conn }

// NewRegions returns the admin's store of regions over db.
func NewRegions(db *gorm.DB) Regions { return Regions{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Regions) Tx(ctx context.Context, fn func(region.AdminStore) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Regions{c}) })
}

// GetRegion returns a region, or not_found.
func (c conn) GetRegion(ctx context.Context, code string) (region.Region, error) {
	var r regionRow
	if err := c.ctx(ctx).Where("code = ?", code).Take(&r).Error; err != nil {
		return region.Region{}, notFoundOr(err, "get region")
	}
	return region.Region{Code: r.Code, Name: r.Name, NameEn: r.NameEn, Kind: region.Kind(r.Kind), Order: r.SortOrder}, nil
}

// CreateRegion stores a new region.
func (c conn) CreateRegion(ctx context.Context, r region.Region, now time.Time) error {
	row := regionRow{Code: r.Code, Name: r.Name, NameEn: r.NameEn, Kind: string(r.Kind), SortOrder: r.Order, CreatedAt: utc(now)}
	return duplicateOr(c.ctx(ctx).Create(&row).Error, "code", "create region")
}

// UpdateRegion renames a region.
func (c conn) UpdateRegion(ctx context.Context, r region.Region) error {
	res := c.ctx(ctx).Model(&regionRow{}).Where("code = ?", r.Code).
		Updates(map[string]any{"name": r.Name, "name_en": r.NameEn, "kind": string(r.Kind), "sort_order": r.Order})
	if res.Error == nil && res.RowsAffected == 0 {
		return apperr.New(apperr.NotFound, "")
	}
	return wrap(res.Error, "update region")
}
