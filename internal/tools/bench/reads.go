package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/cultivation"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/stats"
	"github.com/tiertracker/tiertracker/internal/store"
)

// readResult is one read endpoint asked sequentially, through the API and as its statements run
// straight on the database (the same statements, values and driver as the server's), which is
// that request's floor.
type readResult struct {
	Path       string // the request, with what varies in braces
	Variants   int    // distinct requests cycled through
	Requests   int
	Statements int // per request
	API        latency
	SQL        latency
	Slowest    plan // the statement EXPLAIN ANALYZE found slowest, for the first variant
}

// warmReads is how many requests of each side warm up a read endpoint.
const warmReads = 5

// readCase is a read endpoint: its requests and how to capture the statements of each.
type readCase struct {
	path     string
	requests []string
	capture  func(ctx context.Context, i int) error
}

func (b *sizeBench) read(ctx context.Context, c readCase) (*readResult, error) {
	r := &readResult{Path: c.path, Variants: len(c.requests)}
	stmts := make([][]statement, len(c.requests))
	for i := range c.requests {
		var err error
		if stmts[i], err = b.rec.capture(func() error { return c.capture(ctx, i) }); err != nil {
			return nil, err
		}
	}
	r.Statements = len(stmts[0])
	n := len(c.requests)
	// Each side first asks a few variants, uncounted, so that both start with their statements
	// prepared and the tables in the cache.
	api, sql, err := alternating(ctx, min(n, warmReads), b.opts.reads, b.opts.readBudget, func(ctx context.Context, i int) error {
		return b.client.get(ctx, c.requests[i%n], nil)
	}, func(ctx context.Context, i int) error {
		return runStatements(ctx, b.sqlDB, stmts[i%n])
	})
	if err != nil {
		return nil, err
	}
	r.Requests, r.API, r.SQL = len(api), latencyOf(api), latencyOf(sql)
	if r.Slowest, err = slowestPlan(ctx, b.sqlDB, stmts[0]); err != nil {
		return nil, fmt.Errorf("explain: %w", err)
	}
	return r, nil
}

// summaryDates are the last day of each of the months months before today's: "as of" dates over
// the last years, the ones a leader picks.
func summaryDates(today calendar.Date, months int) []calendar.Date {
	first := calendar.NewDate(today.Year(), today.Month(), 1)
	out := make([]calendar.Date, months)
	for i := range months {
		// The day before the first of a month is the last of the one before.
		first = calendar.NewDate(first.Year(), first.Month()-1, 1)
		out[i] = calendar.NewDate(first.Year(), first.Month()+1, 1).AddDays(-1)
	}
	return out
}

func (b *sizeBench) summary(ctx context.Context) (*readResult, error) {
	dates := summaryDates(calendar.On(b.now(), b.loc), b.opts.summaryMonths)
	svc := stats.Service{Store: store.NewStats(b.db), Now: b.now, Location: b.loc}
	c := readCase{path: "/api/v1/stats/summary?as_of={month end}"}
	for _, d := range dates {
		c.requests = append(c.requests, "/api/v1/stats/summary?as_of="+d.String())
	}
	c.capture = func(ctx context.Context, i int) error {
		_, _, err := svc.Summary(ctx, b.actor, stats.Filter{AsOf: dates[i]})
		return err
	}
	return b.read(ctx, c)
}

func (b *sizeBench) cultivation(ctx context.Context) (*readResult, error) {
	const pages = 5
	svc := cultivation.Service{Store: store.NewCultivation(b.db), Now: b.now, Location: b.loc}
	c := readCase{path: "/api/v1/cultivation?target_tier=specialized_sme&page={1–5}"}
	for p := 1; p <= pages; p++ {
		c.requests = append(c.requests, "/api/v1/cultivation?target_tier=specialized_sme&page="+strconv.Itoa(p))
	}
	c.capture = func(ctx context.Context, i int) error {
		_, err := svc.List(ctx, b.actor, cultivation.Filter{TargetTier: criteria.SpecializedSME,
			Page: paging.Request{Number: i + 1, Size: paging.DefaultSize}})
		return err
	}
	return b.read(ctx, c)
}

// seconds rounds a duration to whole seconds, at least one (pgbench's -T).
func seconds(d time.Duration) int { return max(1, int(d.Round(time.Second)/time.Second)) }
