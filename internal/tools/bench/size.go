package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/store"
)

// The account the benchmark signs in with, created by `tiertracker create-admin`.
const (
	benchUser     = "bench"
	benchPassword = "bench-pass-2024"
)

// sizeResult is what one registry size's run measured.
type sizeResult struct {
	Enterprises int
	Started     time.Time
	LoadAvg     string // the machine's load average when the run started
	Gen         string // gen's own account of the load
	Data        dataFacts
	Steps       []step // how long each part took
	List        *listResult
	Summary     *readResult
	Cultivation *readResult
	Memory      *memoryResult
	Import      *importResult
}

// dataFacts describe the generated database.
type dataFacts struct {
	Rows          []tableRows
	DatabaseBytes int64
}

type tableRows struct {
	Table string
	Rows  int64
}

// step is a part of a run and how long it took.
type step struct {
	Name string
	Took time.Duration
}

// phaseNames are the size-bound measurements, in the order they run: the import last, as it adds
// enterprises, and the memory and import phases each on a fresh server process.
var phaseNames = []string{"list", "summary", "cultivation", "memory", "import"}

// sizeBench is one size's run: its database, its server and what it has measured.
type sizeBench struct {
	opts   options
	size   int
	name   string // the database's
	url    string
	work   string
	env    []string
	admin  *sql.DB
	db     *gorm.DB // opened as the server opens it, with a recorder
	rec    *recorder
	sqlDB  *sql.DB
	srv    *server
	client *client
	loc    *time.Location
	pgPID  int // the PostgreSQL cluster's postmaster
	actor  access.Actor
	res    *sizeResult
}

func (b *sizeBench) now() time.Time { return time.Now() }

func (b *sizeBench) cpuPIDs() cpuPIDs { return cpuPIDs{server: b.srv.pid(), postmaster: b.pgPID} }

// postmasterOf finds the PostgreSQL cluster's postmaster: the parent of this connection's
// backend. (The cluster must run on this machine, as pgbench's limit assumes too.)
func postmasterOf(ctx context.Context, db *sql.DB) (int, error) {
	var backend int
	if err := db.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&backend); err != nil {
		return 0, err
	}
	_, _, ppid, err := processCPU(backend)
	if err != nil {
		return 0, fmt.Errorf("PostgreSQL's backend %d is not a process here: %w", backend, err)
	}
	return ppid, nil
}

func (b *sizeBench) logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench %d: %s\n", b.size, fmt.Sprintf(format, args...))
}

// timed runs one part of the run and notes how long it took.
func (b *sizeBench) timed(name string, fn func() error) error {
	b.logf("%s", name)
	start := time.Now()
	err := fn()
	b.res.Steps = append(b.res.Steps, step{name, time.Since(start)})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// measureSize runs every size-bound measurement on a fresh database of n enterprises.
func measureSize(ctx context.Context, o options, n int) (*sizeResult, error) {
	b := &sizeBench{opts: o, size: n, name: databasePrefix + strconv.Itoa(n),
		res: &sizeResult{Enterprises: n, Started: time.Now().UTC(), LoadAvg: loadAverage()}}
	if o.demo {
		b.name += "_demo"
	}
	var err error
	if b.loc, err = time.LoadLocation("Asia/Shanghai"); err != nil { // the server's default TIME_ZONE
		return nil, err
	}
	if b.url, err = databaseURL(o.adminURL, b.name); err != nil {
		return nil, err
	}
	if b.work, err = filepath.Abs(filepath.Join(o.work, strconv.Itoa(n))); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(b.work); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(b.work, 0o755); err != nil {
		return nil, err
	}
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	b.env = []string{"DATABASE_URL=" + b.url, "DATA_DIR=" + filepath.Join(b.work, "data"), "STATIC_DIR=" + o.web,
		"SESSION_SECRET=" + hex.EncodeToString(secret), "DEMO=0"}
	if b.admin, err = openAdmin(ctx, o.adminURL); err != nil {
		return nil, err
	}
	defer b.admin.Close()
	defer b.cleanup()
	if b.pgPID, err = postmasterOf(ctx, b.admin); err != nil {
		return nil, err
	}
	if err := b.prepare(ctx); err != nil {
		return nil, err
	}
	phases := map[string]func(context.Context) error{
		"list":        func(ctx context.Context) (err error) { b.res.List, err = b.list(ctx); return },
		"summary":     func(ctx context.Context) (err error) { b.res.Summary, err = b.summary(ctx); return },
		"cultivation": func(ctx context.Context) (err error) { b.res.Cultivation, err = b.cultivation(ctx); return },
		"memory":      func(ctx context.Context) (err error) { b.res.Memory, err = b.memory(ctx); return },
		"import":      func(ctx context.Context) (err error) { b.res.Import, err = b.imports(ctx); return },
	}
	for _, name := range phaseNames {
		if !o.phases[name] {
			continue
		}
		if err := b.timed(name, func() error { return phases[name](ctx) }); err != nil {
			return nil, err
		}
	}
	return b.res, nil
}

// prepare fills a fresh database, creates the benchmark's admin, and starts the server.
func (b *sizeBench) prepare(ctx context.Context) error {
	o := b.opts
	if err := b.timed("create database", func() error { return createDatabase(ctx, b.admin, b.name) }); err != nil {
		return err
	}
	if err := b.timed("migrate", func() error { return b.command(ctx, "migrate") }); err != nil {
		return err
	}
	if o.demo {
		if err := b.timed("seed the demo city", func() error { return b.seedDemo(ctx) }); err != nil {
			return err
		}
	} else if err := b.timed("gen", func() error {
		out, err := b.output(ctx, "gen", "-enterprises", strconv.Itoa(b.size), "-seed", strconv.Itoa(o.seed))
		b.res.Gen = genSummary(out)
		return err
	}); err != nil {
		return err
	}
	var err error
	if b.db, b.rec, err = openRecording(ctx, b.url); err != nil {
		return err
	}
	if b.sqlDB, err = b.db.DB(); err != nil {
		return err
	}
	// After a bulk load an operator vacuums and analyzes; without it autovacuum would do it in
	// the middle of the measurements.
	if err := b.timed("vacuum analyze", func() error { _, err := b.sqlDB.ExecContext(ctx, "VACUUM (ANALYZE)"); return err }); err != nil {
		return err
	}
	if b.res.Data, err = dataFactsOf(ctx, b.sqlDB); err != nil {
		return err
	}
	if err := b.timed("create-admin", func() error {
		return b.command(ctx, "create-admin", "-username", benchUser, "-display-name", "压测")
	}); err != nil {
		return err
	}
	var admin struct{ ID int64 }
	if err := b.db.WithContext(ctx).Table("users").Select("id").Where("username = ?", benchUser).Take(&admin).Error; err != nil {
		return err
	}
	b.actor = access.Actor{UserID: admin.ID, Username: benchUser, Role: access.Admin}
	// The daily refresh of every stored criteria result would start with the server and run
	// through the measurements: gen stores results computed on its own fixed day (so that every
	// rerun loads the same registry), not today. Today is claimed as another replica would have
	// claimed it (tomorrow too, should the run pass midnight in Shanghai).
	today := calendar.On(time.Now(), b.loc)
	for _, d := range []calendar.Date{today, today.AddDays(1)} {
		if _, err := store.NewJobs(b.db).ClaimDay(ctx, eligibility.RefreshJob, d, "bench"); err != nil {
			return err
		}
	}
	return b.timed("start server", func() error { return b.restartServer(ctx) })
}

// restartServer starts a fresh server process (stopping the running one), waits until it has
// done the work it starts with, and signs in.
func (b *sizeBench) restartServer(ctx context.Context) error {
	if b.srv != nil {
		b.srv.stop()
		b.srv = nil
	}
	srv, err := startServer(ctx, b.opts.bin, b.env, filepath.Join(b.work, "serve.log"))
	if err != nil {
		return err
	}
	b.srv = srv
	took, err := settle(ctx, srv.pid(), b.admin, b.name)
	if err != nil {
		return err
	}
	b.logf("server settled %s after ready", took.Round(time.Second))
	b.client = newClient(srv.base, max(b.opts.concurrency, 8))
	return b.client.login(ctx, benchUser, benchPassword)
}

// seedDemo runs the server once with DEMO=1, which seeds the demo city into an empty database.
func (b *sizeBench) seedDemo(ctx context.Context) error {
	env := append(append([]string{}, b.env...), "DEMO=1")
	srv, err := startServer(ctx, b.opts.bin, env, filepath.Join(b.work, "serve.log"))
	if err != nil {
		return err
	}
	srv.stop()
	return nil
}

// command runs a subcommand of the server binary on the size's database.
func (b *sizeBench) command(ctx context.Context, args ...string) error {
	_, err := b.output(ctx, args...)
	return err
}

// output runs a subcommand of the server binary on the size's database and returns what it
// printed.
func (b *sizeBench) output(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, b.opts.bin, args...)
	cmd.Env = append(append(os.Environ(), b.env...), "ADMIN_PASSWORD="+benchPassword)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s %v: %w\n%s", b.opts.bin, args, err, out)
	}
	return string(out), nil
}

// genSummary is the line in which gen says what it loaded and how fast.
func genSummary(out string) string {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "gen: loaded") {
			return strings.TrimSuffix(strings.TrimPrefix(line, "gen: "), ":")
		}
	}
	return ""
}

// cleanup stops the server and drops the database, unless asked to keep it.
func (b *sizeBench) cleanup() {
	if b.srv != nil {
		b.srv.stop()
	}
	if b.sqlDB != nil {
		b.sqlDB.Close()
	}
	if b.opts.keep {
		b.logf("kept database %s", b.name)
		return
	}
	if err := dropDatabase(context.Background(), b.admin, b.name); err != nil {
		b.logf("drop database: %v", err)
	}
}

// dataFactsOf counts the rows of the main tables and sizes the database.
func dataFactsOf(ctx context.Context, db *sql.DB) (dataFacts, error) {
	var f dataFacts
	for _, t := range []string{"enterprises", "annual_reports", "qualifications", "batches", "applications", "eligibility_results"} {
		var n int64
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return f, err
		}
		f.Rows = append(f.Rows, tableRows{t, n})
	}
	err := db.QueryRowContext(ctx, "SELECT pg_database_size(current_database())").Scan(&f.DatabaseBytes)
	return f, err
}
