package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type rateLimitRow struct {
	Key         string `gorm:"primaryKey"`
	WindowStart time.Time
	Count       int
}

func (rateLimitRow) TableName() string { return "rate_limits" }

// RateLimits is the store of rate-limit counters.
type RateLimits struct{ conn }

// NewRateLimits returns the store of rate-limit counters over db.
func NewRateLimits(db *gorm.DB) RateLimits { return RateLimits{conn{db: db}} }

// Hit counts one use of key in one statement, restarting a window that began before windowStart.
func (c conn) Hit(ctx context.Context, key string, now, windowStart time.Time) (int, time.Time, error) {
	now, windowStart = utc(now), utc(windowStart)
	row := rateLimitRow{Key: key, WindowStart: now, Count: 1}
	err := c.ctx(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "key"}},
		DoUpdates: clause.Assignments(map[string]any{
			"count":        gorm.Expr("CASE WHEN rate_limits.window_start < ? THEN 1 ELSE rate_limits.count + 1 END", windowStart),
			"window_start": gorm.Expr("CASE WHEN rate_limits.window_start < ? THEN ? ELSE rate_limits.window_start END", windowStart, now),
		}),
	}).Create(&row).Error
	if err != nil {
		return 0, time.Time{}, wrap(err, "count rate limit")
	}
	var got rateLimitRow
	if err := c.ctx(ctx).Where("key = ?", key).Take(&got).Error; err != nil {
		return 0, time.Time{}, wrap(err, "read rate limit")
	}
	return got.Count, got.WindowStart.UTC(), nil
}
