package store_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
	"github.com/tiertracker/tiertracker/internal/user"
)

// The restore drill: the demo city backed up from a running database, restored into a fresh one
// as the runbook says (docs/operations.md), holds every row of every table, and takes writes.
func TestBackupAndRestoreDrill(t *testing.T) {
	ctx := context.Background()
	url, dir := storetest.URL(t), t.TempDir()
	db := openServer(t, url, dir)
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	loc := time.FixedZone("CST", 8*3600)
	if _, err := demo.Seed(ctx, store.NewSeeder(db), user.Hasher{Cost: bcrypt.MinCost}, time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC), loc); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(t.TempDir(), "backup")
	if err := store.Backup(ctx, db, url, out); err != nil {
		t.Fatal(err)
	}
	if err := store.Backup(ctx, db, url, out); err == nil {
		t.Error("a second backup overwrote the first")
	}

	var restored *gorm.DB
	if url == "" {
		// SQLite: the copy becomes the database file of a new data directory.
		newDir := t.TempDir()
		if err := os.Rename(out, filepath.Join(newDir, store.SQLiteFile)); err != nil {
			t.Fatal(err)
		}
		restored = openServer(t, "", newDir)
	} else {
		fresh := storetest.URL(t)
		if msg, err := exec.Command("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", fresh, out).CombinedOutput(); err != nil {
			t.Fatalf("pg_restore: %v: %s", err, msg)
		}
		restored = openServer(t, fresh, "")
	}

	want, got := tableContents(t, db), tableContents(t, restored)
	if len(want) < 20 || len(want["enterprises"]) < 100 || len(want["qualifications"]) < 100 || len(want["audit_events"]) == 0 {
		t.Fatalf("the drill's source is too thin to prove anything: %d tables, %d enterprises", len(want), len(want["enterprises"]))
	}
	if !slices.Equal(sortedKeys(got), sortedKeys(want)) {
		t.Fatalf("tables restored %v, want %v", sortedKeys(got), sortedKeys(want))
	}
	for table, rows := range want {
		if !slices.Equal(got[table], rows) {
			t.Errorf("table %s: %d rows restored of %d, or they differ", table, len(got[table]), len(rows))
		}
	}

	// The restored database is current and takes writes (its sequences came along).
	if err := store.Migrate(ctx, restored); err != nil {
		t.Fatal(err)
	}
	u := user.User{Username: "after-restore", DisplayName: "after", Role: "admin", Status: user.Active, PasswordHash: "x", Version: 1}
	if err := store.NewUsers(restored).CreateUser(ctx, &u); err != nil {
		t.Fatalf("a write after the restore: %v", err)
	}
}

func openServer(t *testing.T, url, dir string) *gorm.DB {
	t.Helper()
	db, err := store.Open(context.Background(), url, dir)
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	t.Cleanup(func() { _ = sqlDB.Close() })
	return db
}

// tableContents reads every table of db: its rows, each written out column by column, sorted.
func tableContents(t *testing.T, db *gorm.DB) map[string][]string {
	t.Helper()
	var tables []string
	q := "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
	if db.Dialector.Name() == "postgres" {
		q = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
	}
	if err := db.Raw(q).Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, table := range tables {
		var rows []map[string]any
		if err := db.Table(table).Find(&rows).Error; err != nil {
			t.Fatalf("read %s: %v", table, err)
		}
		lines := make([]string, len(rows))
		for i, r := range rows {
			var b strings.Builder
			for _, col := range sortedKeys(r) {
				fmt.Fprintf(&b, "%s=%v;", col, r[col])
			}
			lines[i] = b.String()
		}
		sort.Strings(lines)
		out[table] = lines
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestBackupKeepsThePasswordOffTheCommandLine: pg_dump gets the database without its password,
// which goes through the environment instead of the process list.
func TestBackupKeepsThePasswordOffTheCommandLine(t *testing.T) {
	for _, c := range []struct{ in, dbname, password string }{
		{"postgres://tt:s3cret@db:5432/tiertracker?sslmode=require", "postgres://tt@db:5432/tiertracker?sslmode=require", "s3cret"},
		{"postgresql://tt:p%40ss@db/tt", "postgresql://tt@db/tt", "p@ss"},
		{"postgres://db/tt?user=tt&password=x1&sslmode=disable", "postgres://db/tt?sslmode=disable&user=tt", "x1"},
		{"postgres://postgres@127.0.0.1:5432/test?sslmode=disable", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable", ""},
		{"host=db user=tt password=s3cret dbname=tt", "host=db user=tt dbname=tt", "s3cret"},
		{"host=db password='a \\'q\\' \\\\' dbname=tt", "host=db dbname=tt", `a 'q' \`},
		{"host=db dbname=tt", "host=db dbname=tt", ""},
	} {
		dbname, password := store.WithoutPassword(c.in)
		if dbname != c.dbname || password != c.password {
			t.Errorf("%q: %q and %q, want %q and %q", c.in, dbname, password, c.dbname, c.password)
		}
	}
}

// TestBackupRunsPGDumpWithoutThePassword: the command a backup runs has no password in its
// arguments, and hands it to pg_dump in its environment.
func TestBackupRunsPGDumpWithoutThePassword(t *testing.T) {
	cmd := store.PGDump(context.Background(), "postgres://tt:s3cret@db:5432/tt?sslmode=require", "out.dump")
	if args := strings.Join(cmd.Args, " "); strings.Contains(args, "s3cret") || !strings.Contains(args, "postgres://tt@db:5432/tt") {
		t.Errorf("pg_dump %s", args)
	}
	if !slices.Contains(cmd.Env, "PGPASSWORD=s3cret") {
		t.Error("no PGPASSWORD for pg_dump")
	}
}
