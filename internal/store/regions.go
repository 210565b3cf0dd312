package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

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
