// Package store keeps the product's records in a relational database through GORM: PostgreSQL in
// production, an embedded SQLite file by default. The driver is chosen in this file, and any
// difference of dialect lives in a named function here.
package store

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/logger"
	"gorm.io/plugin/dbresolver"
)

// SQLiteFile is the database file name under the data directory.
const SQLiteFile = "tracker.db"

// Open connects to PostgreSQL when databaseURL is a postgres:// URL, and otherwise to the SQLite
// file under dataDir (created if missing).
func Open(ctx context.Context, databaseURL, dataDir string) (*gorm.DB, error) {
	if IsPostgres(databaseURL) {
		return openPostgres(ctx, databaseURL)
	}
	if databaseURL != "" {
		return nil, fmt.Errorf("store: DATABASE_URL must be a postgres:// URL or empty, not %q", redact(databaseURL))
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("store: data directory: %w", err)
	}
	dsn := "file:" + filepath.Join(dataDir, SQLiteFile)
	db, err := OpenSQLite(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := addSQLiteReaders(db, dsn); err != nil {
		return nil, fmt.Errorf("store: sqlite readers: %w", err)
	}
	return db, nil
}

// sqliteReaders is how many connections read the SQLite file beside its one writer.
const sqliteReaders = 4

// addSQLiteReaders lets reads outside a transaction run on their own connections: in WAL mode a
// reader sees the last commit and never waits for the writer, so a long write (an import of
// many rows) does not hold up sign-ins and lists. Writes and transactions keep the one writer.
// Only for a file: an in-memory database shared between connections locks by table instead.
func addSQLiteReaders(db *gorm.DB, dsn string) error {
	readDSN := dsn + "?" + url.Values{"_pragma": {"busy_timeout(10000)", "query_only(1)", "foreign_keys(1)"}}.Encode()
	err := db.Use(dbresolver.Register(dbresolver.Config{Replicas: []gorm.Dialector{sqlite.Open(readDSN)}}).
		SetMaxOpenConns(sqliteReaders).SetMaxIdleConns(sqliteReaders))
	if err != nil {
		return err
	}
	// The resolver sized every pool it knows, the writer's too: the writer keeps its one
	// connection, or two writers would meet SQLite's lock and fail after the busy timeout.
	writer, err := db.DB()
	if err != nil {
		return err
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	return nil
}

// IsPostgres reports whether a database URL selects PostgreSQL.
func IsPostgres(databaseURL string) bool {
	return strings.HasPrefix(databaseURL, "postgres://") || strings.HasPrefix(databaseURL, "postgresql://")
}

func gormConfig() *gorm.Config {
	return &gorm.Config{
		TranslateError: true,
		Logger:         logger.Discard,
		NowFunc:        func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
	}
}

func openPostgres(ctx context.Context, databaseURL string) (*gorm.DB, error) {
	db, err := gorm.Open(postgres.Open(databaseURL), gormConfig())
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(20)
	sqlDB.SetMaxIdleConns(5)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	if err := sqlDB.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("store: reach postgres: %w", err)
	}
	return db, nil
}

// OpenSQLite opens an SQLite database by its DSN ("file:path" or an in-memory name), in WAL mode,
// with a busy timeout, foreign keys on and transactions that take the write lock at once. Every
// statement goes through one connection, so concurrent writers queue instead of failing with
// "database is locked".
func OpenSQLite(ctx context.Context, dsn string) (*gorm.DB, error) {
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	dsn += sep + url.Values{
		"_pragma": {"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)"},
		"_txlock": {"immediate"},
	}.Encode()
	db, err := gorm.Open(sqlite.Open(dsn), gormConfig())
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(1)
	sqlDB.SetMaxIdleConns(1)
	sqlDB.SetConnMaxLifetime(0)
	sqlDB.SetConnMaxIdleTime(0)
	if err := sqlDB.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("store: reach sqlite: %w", err)
	}
	return db, nil
}

// Ping reports whether the database answers.
func Ping(ctx context.Context, db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// isPostgres reports whether db talks to PostgreSQL.
func isPostgres(db *gorm.DB) bool { return db.Dialector.Name() == "postgres" }

// forUpdate locks the rows a query reads until the transaction ends, on PostgreSQL; SQLite has no
// row locks and needs none, since its transactions take the database's write lock at once.
func forUpdate(db *gorm.DB) *gorm.DB {
	if isPostgres(db) {
		return db.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	return db
}

func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "(unparseable)"
	}
	return p.Redacted()
}

// exclusive runs fn in a transaction that only one process at a time may hold for a job's name,
// answering false (and not running fn) when another holds it. On PostgreSQL it is an advisory
// lock held to the end of the transaction; SQLite's transactions already take the database's
// write lock at once, so one writer at a time is given.
func (c conn) exclusive(ctx context.Context, name string, fn func(conn) error) (bool, error) {
	ran := false
	err := c.tx(ctx, func(tx conn) error {
		if isPostgres(tx.db) {
			var got bool
			if err := tx.ctx(ctx).Raw("SELECT pg_try_advisory_xact_lock(hashtext(?))", "tiertracker:"+name).Scan(&got).Error; err != nil {
				return wrap(err, "job lock")
			}
			if !got {
				return nil
			}
		}
		ran = true
		return fn(tx)
	})
	return ran, err
}
