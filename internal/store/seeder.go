package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/demo"
)

// Seeder is the demo city's store.
type Seeder struct{ conn }

// NewSeeder returns the demo city's store over db.
func NewSeeder(db *gorm.DB) Seeder { return Seeder{conn{db: db}} }

// Tx runs fn in one transaction, one seeder at a time: replicas started together on an empty
// PostgreSQL queue on an advisory lock (SQLite's immediate transactions queue anyway), so that the
// first seeds and the others find the city there.
func (s Seeder) Tx(ctx context.Context, fn func(demo.Store) error) error {
	return s.tx(ctx, func(c conn) error {
		if isPostgres(c.db) {
			if err := c.ctx(ctx).Exec("SELECT pg_advisory_xact_lock(hashtext('tiertracker:demo_seed'))").Error; err != nil {
				return wrap(err, "seed lock")
			}
		}
		return fn(Seeder{c})
	})
}

// IsEmpty reports whether the database holds no account and no enterprise.
func (c conn) IsEmpty(ctx context.Context) (bool, error) {
	var users, enterprises int64
	if err := c.ctx(ctx).Model(&userRow{}).Count(&users).Error; err != nil {
		return false, wrap(err, "count users")
	}
	if err := c.ctx(ctx).Model(&enterpriseRow{}).Count(&enterprises).Error; err != nil {
		return false, wrap(err, "count enterprises")
	}
	return users == 0 && enterprises == 0, nil
}
