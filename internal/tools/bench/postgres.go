package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	"github.com/tiertracker/tiertracker/internal/store"
)

// databasePrefix starts the name of every database this program creates, and of none other, so
// that it never drops a database it did not make.
const databasePrefix = "tt_bench_"

// openAdmin opens the maintenance database named by adminURL, to create and drop the benchmark's
// own databases beside it.
func openAdmin(ctx context.Context, adminURL string) (*sql.DB, error) {
	db, err := store.Open(ctx, adminURL, "")
	if err != nil {
		return nil, err
	}
	return db.DB()
}

// databaseURL is adminURL with its database replaced by name.
func databaseURL(adminURL, name string) (string, error) {
	u, err := url.Parse(adminURL)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

// createDatabase creates an empty database, dropping a leftover of an earlier run first.
func createDatabase(ctx context.Context, admin *sql.DB, name string) error {
	if err := dropDatabase(ctx, admin, name); err != nil {
		return err
	}
	_, err := admin.ExecContext(ctx, "CREATE DATABASE "+name)
	return err
}

// dropDatabase drops one of this program's databases, ending its connections.
func dropDatabase(ctx context.Context, admin *sql.DB, name string) error {
	if !strings.HasPrefix(name, databasePrefix) {
		return fmt.Errorf("refusing to drop %q: not a benchmark database", name)
	}
	_, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	return err
}

// postgresFacts are the server's version and the settings that bear on the figures.
type postgresFacts struct {
	Version  string
	Settings []setting
}

type setting struct{ Name, Value string }

func postgresFactsOf(ctx context.Context, db *sql.DB) (postgresFacts, error) {
	var f postgresFacts
	if err := db.QueryRowContext(ctx, "SHOW server_version").Scan(&f.Version); err != nil {
		return f, err
	}
	for _, name := range []string{"shared_buffers", "work_mem", "effective_cache_size", "max_connections", "synchronous_commit", "jit"} {
		var v string
		if err := db.QueryRowContext(ctx, "SHOW "+name).Scan(&v); err != nil {
			return f, err
		}
		f.Settings = append(f.Settings, setting{name, v})
	}
	return f, nil
}
