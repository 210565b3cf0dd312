package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/store"
)

// listResult is the filtered, paginated enterprise list through the API against pgbench running
// the statements the store runs for it.
type listResult struct {
	Query       string // the filter, as the SPA sends it
	PageSize    int
	Pages       int // pages drawn from, uniformly, by both sides
	Concurrency int
	Warmup      time.Duration
	Duration    time.Duration
	Matching    int64 // enterprises the filter matches
	Script      string
	API         loadRun
	Pgbench     pgbenchRun
	APICPU      cpuUse // over the API's measurement
	PgbenchCPU  cpuUse // over pgbench's
	Plans       []plan
}

// listProbePage is the page at which the statements are captured: past the first, so that the
// statement carries its OFFSET parameter (the store leaves OFFSET out for the first page).
const listProbePage = 2

func (b *sizeBench) list(ctx context.Context) (*listResult, error) {
	o := b.opts
	r := &listResult{PageSize: paging.DefaultSize, Concurrency: o.concurrency, Warmup: o.warmup, Duration: o.duration}
	q := url.Values{"region": {o.region}, "industry": {o.industry}}
	r.Query = q.Encode()

	// The statements, as the handler's call runs them: the same filter, the admin's scope.
	svc := enterprise.Service{Store: store.NewEnterprises(b.db), Now: b.now, Location: b.loc}
	f := enterprise.Filter{RegionCode: o.region, Industry: o.industry, Page: paging.Request{Number: listProbePage, Size: r.PageSize}}
	stmts, err := b.rec.capture(func() error {
		res, err := svc.List(ctx, b.actor, f)
		r.Matching = res.Total
		return err
	})
	if err != nil {
		return nil, err
	}
	r.Pages = max(1, min(o.pages, int((r.Matching+int64(r.PageSize)-1)/int64(r.PageSize))))
	script, defs, err := pgbenchScript(stmts, r.Pages, r.PageSize)
	if err != nil {
		return nil, err
	}
	r.Script = script
	dir, err := os.MkdirTemp(b.work, "pgbench-")
	if err != nil {
		return nil, err
	}
	scriptPath := filepath.Join(dir, "list.sql")
	if err := os.WriteFile(scriptPath, []byte(script), 0o644); err != nil {
		return nil, err
	}

	pathOf := func(page int) string {
		return "/api/v1/enterprises?" + r.Query + "&page=" + strconv.Itoa(page) + "&page_size=" + strconv.Itoa(r.PageSize)
	}
	var first struct {
		Total int64 `json:"total"`
	}
	if err := b.client.get(ctx, pathOf(1), &first); err != nil {
		return nil, err
	}
	if first.Total != r.Matching {
		return nil, fmt.Errorf("the API counts %d enterprises for %s, the store %d", first.Total, r.Query, r.Matching)
	}

	b.logf("list: %d matching, pages 1–%d, %d workers: API", r.Matching, r.Pages, o.concurrency)
	var cpu cpuSnapshot
	r.API = closedLoop(ctx, o.concurrency, o.warmup, o.duration, func() { cpu = snapshotCPU(b.cpuPIDs()) },
		func(ctx context.Context, rng *rand.Rand) error {
			return b.client.get(ctx, pathOf(1+rng.IntN(r.Pages)), nil)
		})
	r.APICPU = cpu.since(b.cpuPIDs())
	if r.API.Errors > 0 {
		return nil, fmt.Errorf("list: %d errors, the first: %s", r.API.Errors, r.API.FirstErr)
	}
	b.logf("list: API %.0f req/s; pgbench", r.API.PerSec)
	if _, err := runPgbench(ctx, o.pgbench, b.url, scriptPath, defs, o.concurrency, seconds(o.warmup), ""); err != nil {
		return nil, err
	}
	cpu = snapshotCPU(b.cpuPIDs())
	if r.Pgbench, err = runPgbench(ctx, o.pgbench, b.url, scriptPath, defs, o.concurrency, seconds(o.duration), dir); err != nil {
		return nil, err
	}
	r.PgbenchCPU = cpu.since(b.cpuPIDs())
	b.logf("list: pgbench %.0f tps", r.Pgbench.TPS)
	for _, s := range stmts {
		p, err := explain(ctx, b.sqlDB, s)
		if err != nil {
			return nil, err
		}
		r.Plans = append(r.Plans, p)
	}
	return r, nil
}

// scriptStatements are the SQL lines of a pgbench script, for the report.
func scriptStatements(script string) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(script), "\n") {
		if !strings.HasPrefix(line, `\`) {
			out = append(out, line)
		}
	}
	return out
}
