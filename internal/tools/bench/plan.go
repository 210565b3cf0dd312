package main

import (
	"context"
	"database/sql"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// plan is what EXPLAIN ANALYZE said of one statement.
type plan struct {
	SQL       string
	Execution time.Duration
	Text      string
}

var executionTime = regexp.MustCompile(`Execution Time: ([0-9.]+) ms`)

// explain runs a statement under EXPLAIN (ANALYZE, BUFFERS), with its values bound as the server
// binds them.
func explain(ctx context.Context, db *sql.DB, s statement) (plan, error) {
	rows, err := db.QueryContext(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+s.SQL, s.Args...)
	if err != nil {
		return plan{}, err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return plan{}, err
		}
		lines = append(lines, line)
	}
	p := plan{SQL: s.SQL, Text: strings.Join(lines, "\n")}
	if m := executionTime.FindStringSubmatch(p.Text); m != nil {
		ms, _ := strconv.ParseFloat(m[1], 64)
		p.Execution = time.Duration(ms * float64(time.Millisecond))
	}
	return p, rows.Err()
}

// slowestPlan explains each statement and returns the plan of the slowest.
func slowestPlan(ctx context.Context, db *sql.DB, stmts []statement) (plan, error) {
	var slowest plan
	for _, s := range stmts {
		p, err := explain(ctx, db, s)
		if err != nil {
			return plan{}, err
		}
		if p.Execution >= slowest.Execution {
			slowest = p
		}
	}
	return slowest, nil
}
