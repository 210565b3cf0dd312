package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/store"
)

// statement is one SQL statement as the store sent it: its text with $n placeholders and the
// values bound to them.
type statement struct {
	SQL  string
	Args []any
}

// recorder keeps the statements that GORM runs while it is on. It hooks GORM's callbacks rather
// than its logger, because the logger sees the SQL with the values spliced in, while the server
// sends them as parameters of a prepared statement, and pgbench should too.
type recorder struct {
	mu    sync.Mutex
	on    bool
	stmts []statement
}

// openRecording opens the database the way the server does (store.Open) and records what the
// store runs through it.
func openRecording(ctx context.Context, databaseURL string) (*gorm.DB, *recorder, error) {
	db, err := store.Open(ctx, databaseURL, "")
	if err != nil {
		return nil, nil, err
	}
	r, err := newRecorder(db)
	return db, r, err
}

// newRecorder records, while on, the statements run through db.
func newRecorder(db *gorm.DB) (*recorder, error) {
	r := &recorder{}
	record := func(tx *gorm.DB) {
		// A dry run only builds SQL: GORM builds a subquery so, and it runs as part of another.
		if tx.Error != nil || tx.DryRun || tx.Statement.SQL.Len() == 0 {
			return
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.on {
			r.stmts = append(r.stmts, statement{SQL: tx.Statement.SQL.String(), Args: slices.Clone(tx.Statement.Vars)})
		}
	}
	cbs := db.Callback()
	for _, err := range []error{
		cbs.Query().After("gorm:query").Register("bench:record", record),
		cbs.Row().After("gorm:row").Register("bench:record", record),
		cbs.Raw().After("gorm:raw").Register("bench:record", record),
	} {
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// capture runs fn and returns the statements it ran.
func (r *recorder) capture(fn func() error) ([]statement, error) {
	r.mu.Lock()
	r.on, r.stmts = true, nil
	r.mu.Unlock()
	err := fn()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on = false
	return r.stmts, err
}

// runStatements runs statements one after the other on db, reading every row, as one request of
// the server would: the database's share of that request.
func runStatements(ctx context.Context, db *sql.DB, stmts []statement) error {
	for _, s := range stmts {
		rows, err := db.QueryContext(ctx, s.SQL, s.Args...)
		if err != nil {
			return fmt.Errorf("%s: %w", s.SQL, err)
		}
		for rows.Next() {
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", s.SQL, err)
		}
	}
	return nil
}

// textOf writes a bound value as PostgreSQL reads it in text, for pgbench's -D.
func textOf(v any) (string, error) {
	if valuer, ok := v.(driver.Valuer); ok {
		var err error
		if v, err = valuer.Value(); err != nil {
			return "", err
		}
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case []byte:
		return string(v), nil
	case bool:
		return strconv.FormatBool(v), nil
	case int:
		return strconv.Itoa(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case int32:
		return strconv.FormatInt(int64(v), 10), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case time.Time:
		return v.Format("2006-01-02 15:04:05.999999Z07:00"), nil
	}
	return "", fmt.Errorf("cannot pass %T (%v) to pgbench", v, v)
}
