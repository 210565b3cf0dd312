// Package storetest gives each test a throwaway, migrated database: an in-memory SQLite database
// by default, and a fresh PostgreSQL database when TEST_DATABASE_URL is set, dropped afterwards.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/user"
)

// EnvURL is the variable that selects PostgreSQL for tests.
const EnvURL = "TEST_DATABASE_URL"

// New returns a migrated, empty database for one test.
func New(t testing.TB) *gorm.DB {
	t.Helper()
	db := NewEmpty(t)
	if err := store.Migrate(context.Background(), db); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return db
}

// Demo returns a migrated database holding the demo city, seeded on a fixed day (returned) in UTC.
func Demo(t testing.TB) (*gorm.DB, time.Time) {
	t.Helper()
	db := New(t)
	now := time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC)
	if _, err := demo.Seed(context.Background(), store.NewSeeder(db), user.Hasher{Cost: bcrypt.MinCost}, now, time.UTC); err != nil {
		t.Fatalf("seed the demo: %v", err)
	}
	return db, now
}

// NewEmpty returns an unmigrated, empty database for one test.
func NewEmpty(t testing.TB) *gorm.DB {
	t.Helper()
	ctx := context.Background()
	name := "t_" + randomName()
	if base := os.Getenv(EnvURL); base != "" {
		return newPostgres(t, ctx, base, name)
	}
	db, err := store.OpenSQLite(ctx, "file:"+name+"?mode=memory&cache=shared")
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return db
}

// URL returns the URL of a fresh, empty database for a test that opens it itself (a server
// process, say): "" on SQLite, where the caller uses its own data directory.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		return ""
	}
	name := "t_" + randomName()
	admin := openAdmin(t, base)
	createDatabase(t, admin, base, name)
	return withDatabase(t, base, name)
}

func newPostgres(t testing.TB, ctx context.Context, base, name string) *gorm.DB {
	admin := openAdmin(t, base)
	createDatabase(t, admin, base, name)
	db, err := store.Open(ctx, withDatabase(t, base, name), "")
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return db
}

func openAdmin(t testing.TB, base string) *gorm.DB {
	t.Helper()
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatalf("open %s: %v", EnvURL, err)
	}
	return admin
}

func createDatabase(t testing.TB, admin *gorm.DB, base, name string) {
	t.Helper()
	if err := admin.Exec("CREATE DATABASE " + name).Error; err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		if sqlDB, err := admin.DB(); err == nil {
			sqlDB.Close()
		}
	})
}

func withDatabase(t testing.TB, base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomName() string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("random: %v", err))
	}
	return hex.EncodeToString(b)
}
