package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"

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
	if msg, err := pgDump(ctx, databaseURL, out).CombinedOutput(); err != nil {
		_ = os.Remove(out)
		return fmt.Errorf("backup: pg_dump: %w: %s", err, msg)
	}
	return nil
}

// pgDump is the pg_dump command of a backup of databaseURL into out. The password goes through
// the environment: on the command line it would show in every process list.
func pgDump(ctx context.Context, databaseURL, out string) *exec.Cmd {
	dbname, password := withoutPassword(databaseURL)
	cmd := exec.CommandContext(ctx, "pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", out, "--dbname", dbname)
	if password != "" {
		cmd.Env = append(os.Environ(), "PGPASSWORD="+password)
	}
	return cmd
}

var passwordKeyword = regexp.MustCompile(`(?:^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|\S*)`)

// withoutPassword splits a PostgreSQL connection string (a URL or keyword=value pairs) into the
// string without its password and the password.
func withoutPassword(conninfo string) (string, string) {
	if u, err := url.Parse(conninfo); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		password, _ := u.User.Password()
		q := u.Query()
		if p := q.Get("password"); p != "" {
			password = p
			q.Del("password")
			u.RawQuery = q.Encode()
		}
		if u.User != nil {
			u.User = url.User(u.User.Username())
		}
		return u.String(), password
	}
	m := passwordKeyword.FindStringSubmatchIndex(conninfo)
	if m == nil {
		return conninfo, ""
	}
	value := conninfo[m[2]:m[3]]
	if strings.HasPrefix(value, "'") {
		value = strings.NewReplacer(`\'`, "'", `\\`, `\`).Replace(value[1 : len(value)-1])
	}
	return strings.TrimSpace(conninfo[:m[0]] + conninfo[m[1]:]), value
}
