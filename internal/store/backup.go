package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"gorm.io/gorm"
)

// Backup writes a consistent copy of the database to out, while the server runs. SQLite: a
// compacted copy of the file (VACUUM INTO, one read transaction), itself a database to open or to
// put in a new DATA_DIR. PostgreSQL: pg_dump's custom format of databaseURL, for pg_restore; the
// pg_dump on PATH must be at least the server's version. An existing out is never overwritten.
func Backup(ctx context.Context, db *gorm.DB, databaseURL, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("backup: %s exists; choose a new name", out)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("backup: %w", err)
	}
	if !isPostgres(db) {
		if err := db.WithContext(ctx).Exec("VACUUM INTO ?", out).Error; err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		return nil
	}
	cmd := exec.CommandContext(ctx, "pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", out, "--dbname", databaseURL)
	if msg, err := cmd.CombinedOutput(); err != nil {
		_ = os.Remove(out)
		return fmt.Errorf("backup: pg_dump: %w: %s", err, msg)
	}
	return nil
}
