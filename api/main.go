// Command api is the SME tier tracker's server: it serves the API under /api/v1 and the built
// SPA, applies migrations, and creates the first admin.
//
//	api [serve]        run the server (migrations first; the demo city with DEMO=1)
//	api migrate        apply migrations and exit
//	api create-admin   create an admin account (-username, -display-name; the password from
//	                   ADMIN_PASSWORD or the first line of standard input)
//	api backup         write a consistent copy of the database (-out FILE)
//	api gen            fill an empty database with a synthetic registry (-enterprises N -seed S)
//	api recount        count the statistics again, after a repair of the data by hand
package main

import (
	"bufio"
	"context"
	"crypto/rand"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // the bureau's time zone, even on an image without zoneinfo

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/annualupdate"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/auth"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/config"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/cultivation"
	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/filestore"
	"github.com/tiertracker/tiertracker/internal/httpapi"
	"github.com/tiertracker/tiertracker/internal/importer"
	"github.com/tiertracker/tiertracker/internal/logging"
	"github.com/tiertracker/tiertracker/internal/metrics"
	"github.com/tiertracker/tiertracker/internal/notice"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/ratelimit"
	"github.com/tiertracker/tiertracker/internal/region"
	"github.com/tiertracker/tiertracker/internal/report"
	"github.com/tiertracker/tiertracker/internal/stats"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/synth"
	"github.com/tiertracker/tiertracker/internal/user"
)

// registrationsPerHour bounds the self-registrations one address may send in an hour.
const registrationsPerHour = 10

// objectionsPerHour bounds the public-notice objections one address may lodge in an hour.
const objectionsPerHour = 5

//go:embed openapi.yaml
var openAPI []byte

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stderr))
}

func run(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	cfg, err := config.FromOS()
	if err != nil {
		fmt.Fprintf(stderr, "configuration: %v\n", err)
		return 2
	}
	log := logging.New(stderr, cfg.LogFormat, cfg.LogLevel)
	slog.SetDefault(log)
	switch cmd {
	case "serve":
		err = serve(ctx, cfg, log)
	case "migrate":
		err = migrate(ctx, cfg, log)
	case "create-admin":
		err = createAdmin(ctx, cfg, args, stdin, stderr)
	case "backup":
		err = backup(ctx, cfg, args, stderr)
	case "gen":
		err = gen(ctx, cfg, args, stderr)
	case "recount":
		err = recount(ctx, cfg, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stderr, "usage: api [serve | migrate | create-admin -username NAME -display-name NAME | backup -out FILE | gen -enterprises N -seed S | recount]")
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q; try: api help\n", cmd)
		return 2
	}
	if err != nil {
		log.Error(cmd+" failed", "error", err)
		return 1
	}
	return 0
}

// openMigrated opens the configured database and brings its schema up to date.
func openMigrated(ctx context.Context, cfg config.Config, log *slog.Logger) (*gorm.DB, error) {
	db, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	if err := store.Migrate(ctx, db); err != nil {
		return nil, err
	}
	applied, _ := store.Applied(ctx, db)
	log.Info("database ready", "postgres", store.IsPostgres(cfg.DatabaseURL), "migrations", len(applied))
	return db, nil
}

func migrate(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	sqlDB, _ := db.DB()
	return sqlDB.Close()
}

// withDatabase runs fn over the configured database, without migrating it (a command beside
// running servers leaves the schema to their release), and closes it.
func withDatabase(ctx context.Context, cfg config.Config, fn func(*gorm.DB) error) error {
	db, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	return fn(db)
}

// backup writes a consistent copy of the configured database while the server runs (see
// docs/operations.md for the restore).
func backup(ctx context.Context, cfg config.Config, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "the file to write (must not exist): a SQLite database, or pg_dump's custom format on PostgreSQL")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("backup: -out FILE is required")
	}
	start := time.Now()
	err := withDatabase(ctx, cfg, func(db *gorm.DB) error { return store.Backup(ctx, db, cfg.DatabaseURL, *out) })
	if err != nil {
		return err
	}
	info, err := os.Stat(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "backed up to %s (%d bytes, %s)\n", *out, info.Size(), time.Since(start).Round(time.Millisecond))
	return nil
}

// recount counts the statistics' cohorts again from the registry, while the servers run: after
// a repair of the data by hand in SQL, which moves no counts (see docs/operations.md). It does
// not migrate: the running servers' release owns the schema.
func recount(ctx context.Context, cfg config.Config, stderr io.Writer) error {
	start := time.Now()
	if err := withDatabase(ctx, cfg, func(db *gorm.DB) error { return store.NewStats(db).RebuildCohorts(ctx) }); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "statistics recounted (%s)\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// gen fills the configured database with a synthetic registry, generated as it is loaded (see
// internal/synth), and says what it loaded and how fast.
func gen(ctx context.Context, cfg config.Config, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("enterprises", 10_000, "how many enterprises to generate")
	seed := fs.Uint64("seed", 1, "the random seed: the same seed, size and day give the same data")
	today := fs.String("today", synth.DefaultToday.String(), "the day the registry stands on: figures of the three years before it, results computed on it (YYYY-MM-DD)")
	add := fs.Bool("add", false, "add to a database that already holds enterprises (no server writing to it meanwhile: the ids follow those there)")
	chunk := fs.Int("chunk", 1000, "enterprises generated and written at a time")
	if err := fs.Parse(args); err != nil {
		return err
	}
	day, err := calendar.Parse(*today)
	if err != nil {
		return fmt.Errorf("gen: -today: %w", err)
	}
	db, err := openMigrated(ctx, cfg, slog.Default())
	if err != nil {
		return err
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	start := time.Now()
	step := int64(max(*n/10, *chunk, 1))
	next := step
	progress := func(c synth.Counts) {
		if c.Enterprises >= next && c.Enterprises < int64(*n) {
			fmt.Fprintf(stderr, "gen: %d of %d enterprises, %s\n", c.Enterprises, *n, time.Since(start).Round(time.Second))
			next += step
		}
	}
	counts, err := synth.Load(ctx, store.NewBulk(db), synth.Config{Enterprises: *n, Seed: *seed, Today: day, Location: cfg.Location},
		synth.Options{Add: *add, ChunkSize: *chunk, LoadedAt: start, Progress: progress})
	if errors.Is(err, synth.ErrNotEmpty) {
		return fmt.Errorf("gen: %w (run with -add to add to them)", err)
	}
	if err != nil {
		return err
	}
	took := time.Since(start)
	how := "multi-row INSERT"
	if store.IsPostgres(cfg.DatabaseURL) {
		how = "COPY"
	}
	fmt.Fprintf(stderr, "gen: loaded %d rows in %s (%.0f rows/s, %.0f enterprises/s) by %s, seed %d, as of %s:\n",
		counts.Rows(), took.Round(time.Millisecond), float64(counts.Rows())/took.Seconds(), float64(counts.Enterprises)/took.Seconds(), how, *seed, day)
	for _, t := range counts.Tables() {
		fmt.Fprintf(stderr, "  %-22s %10d\n", t.Table, t.Rows)
	}
	return nil
}

func createAdmin(ctx context.Context, cfg config.Config, args []string, stdin io.Reader, stderr io.Writer) error {
	fs := flag.NewFlagSet("create-admin", flag.ContinueOnError)
	fs.SetOutput(stderr)
	username := fs.String("username", "admin", "the admin's username")
	displayName := fs.String("display-name", "系统管理员", "the admin's display name")
	if err := fs.Parse(args); err != nil {
		return err
	}
	password := os.Getenv("ADMIN_PASSWORD")
	if password == "" {
		fmt.Fprintln(stderr, "password (at least 8 characters, letters and digits):")
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		password = strings.TrimRight(line, "\r\n")
	}
	db, err := openMigrated(ctx, cfg, slog.Default())
	if err != nil {
		return err
	}
	users := user.Service{Store: store.NewUsers(db), Hasher: user.Hasher{Cost: cfg.BcryptCost}, Now: time.Now, Location: cfg.Location}
	// The command line stands for the first admin: it has the admin's powers by holding the server.
	system := access.Actor{Username: "system", Role: access.Admin}
	u, err := users.Create(ctx, system, user.NewUser{Username: *username, Password: password, DisplayName: *displayName, Role: access.Admin})
	if err != nil {
		return fmt.Errorf("create admin: %w", err)
	}
	fmt.Fprintf(stderr, "created admin %q (id %d)\n", u.Username, u.ID)
	return nil
}

func serve(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()

	hasher := user.Hasher{Cost: cfg.BcryptCost}
	if cfg.Demo {
		seeded, err := demo.Seed(ctx, store.NewSeeder(db), hasher, time.Now(), cfg.Location)
		if err != nil {
			return fmt.Errorf("demo seed: %w", err)
		}
		if seeded {
			log.Info("seeded the demo city", "enterprises", demo.EnterpriseCount, "password", demo.Password)
		}
	}

	secret := []byte(cfg.SessionSecret)
	if len(secret) == 0 {
		secret = make([]byte, 32)
		_, _ = rand.Read(secret)
		log.Warn("SESSION_SECRET is not set: sessions end when this process stops and are not shared with other replicas")
	}
	policy := auth.DefaultPolicy
	policy.IdleTimeout, policy.MaxLifetime = cfg.SessionIdleTimeout, cfg.SessionMaxLifetime
	authService, err := auth.New(store.NewSessions(db), hasher, time.Now, secret, policy)
	if err != nil {
		return err
	}
	// Import jobs outlive the request that started them; they end with the server (see below).
	jobsCtx, cancelJobs := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelJobs()
	imports := importer.NewService(jobsCtx, store.NewImports(db), qualification.Service{Store: store.NewQualifications(db), Now: time.Now, Location: cfg.Location},
		time.Now, cfg.Location, log)
	applications := application.Service{Store: store.NewApplications(db), Files: filestore.Dir{Root: filepath.Join(cfg.DataDir, "attachments")},
		Now: time.Now, Location: cfg.Location, Updates: cfg.AnnualUpdate, NoticeDays: cfg.PublicNoticeDays}
	notices := notice.Service{Store: store.NewNotices(db), Files: filestore.Dir{Root: filepath.Join(cfg.DataDir, "objections")},
		Applications: applications, Days: cfg.PublicNoticeDays, Now: time.Now, Location: cfg.Location}
	qualifications := qualification.Service{Store: store.NewQualifications(db), Now: time.Now, Location: cfg.Location}
	updates := annualupdate.Service{Store: store.NewAnnualUpdates(db), Rules: cfg.AnnualUpdate, Qualifications: qualifications, Now: time.Now, Location: cfg.Location}
	meter := metrics.New(sqlDB, func(ctx context.Context) (map[string]int, error) {
		held, err := store.NewStats(db).HoldersByTier(ctx, stats.Filter{AsOf: calendar.On(time.Now(), cfg.Location)})
		counts := make(map[string]int, len(criteria.Tiers))
		for _, t := range criteria.Tiers {
			counts[string(t)] = held[t]
		}
		return counts, err
	})
	handler := httpapi.New(httpapi.Deps{
		Logger:         log,
		Ready:          func(ctx context.Context) error { return store.Ping(ctx, db) },
		Auth:           authService,
		Users:          user.Service{Store: store.NewUsers(db), Hasher: hasher, Now: time.Now, Location: cfg.Location},
		Enterprises:    enterprise.Service{Store: store.NewEnterprises(db), Now: time.Now, Location: cfg.Location},
		Reports:        report.Service{Store: store.NewReports(db), Now: time.Now, Location: cfg.Location},
		Eligibility:    eligibility.Service{Store: store.NewEligibility(db), Now: time.Now, Location: cfg.Location},
		Cultivation:    cultivation.Service{Store: store.NewCultivation(db), Now: time.Now, Location: cfg.Location},
		Batches:        batch.Service{Store: store.NewBatches(db), Now: time.Now, Location: cfg.Location},
		Applications:   applications,
		Qualifications: qualification.Service{Store: store.NewQualifications(db), Now: time.Now, Location: cfg.Location},
		Notifications:  notification.Service{Store: store.NewNotifications(db), Now: time.Now},
		Stats:          stats.Service{Store: store.NewStats(db), Now: time.Now, Location: cfg.Location},
		Imports:        imports,
		AnnualUpdates:  updates,
		Now:            time.Now,
		Audit:          audit.Service{Store: store.NewReader(db)},
		Regions:        store.NewReader(db),
		RegionAdmin:    region.Service{Store: store.NewRegions(db), Now: time.Now},
		Registrations:  ratelimit.Limiter{Store: store.NewRateLimits(db), Now: time.Now, Limit: registrationsPerHour, Window: time.Hour},
		Notices:        notices,
		Objections:     ratelimit.Limiter{Store: store.NewRateLimits(db), Now: time.Now, Limit: objectionsPerHour, Window: time.Hour},
		OpenAPI:        openAPI,
		StaticDir:      cfg.StaticDir,
		Location:       cfg.Location,
		TrustedProxies: cfg.TrustedProxies,
		SecureCookies:  cfg.SecureCookies,
		Requests:       meter,
	})

	go sweepSessions(ctx, authService, meter, log)
	go refreshEligibilityDaily(ctx, store.NewJobs(db), replicaName(), cfg.Location, meter, log)
	go expiryNoticesDaily(ctx, qualifications, store.NewQualifications(db), meter, log)
	go annualUpdateDaily(ctx, updates, store.NewAnnualUpdates(db), meter, log)
	stopMetrics := serveMetrics(cfg.MetricsAddr, meter, log)
	defer stopMetrics()

	srv := &http.Server{
		Addr:              net.JoinHostPort("", strconv.Itoa(cfg.Port)),
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() {
		log.Info("listening", "addr", srv.Addr, "static_dir", cfg.StaticDir, "demo", cfg.Demo)
		errc <- srv.ListenAndServe()
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight", "timeout", cfg.ShutdownTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	// Running imports may finish within the same grace; past it they are rolled back (an import
	// writes in one transaction) and can be confirmed again.
	done := make(chan struct{})
	go func() { imports.Wait(); close(done) }()
	select {
	case <-done:
	case <-shutdownCtx.Done():
		log.Warn("shutting down: interrupting the imports still running")
		cancelJobs()
		<-done
	}
	log.Info("stopped")
	return nil
}

// refreshEligibilityDaily recomputes every enterprise's stored criteria results on each new day in
// the bureau's time zone: qualifications expire and report years roll over with the calendar, not
// only when facts change. One replica a day does it, the first to claim the day; a run that fails
// is tried again within the hour by the replica that claimed it. (Were that replica to stop, the
// next day's run makes up: every change refreshes its own enterprise meanwhile.)
func refreshEligibilityDaily(ctx context.Context, jobs store.Jobs, replica string, loc *time.Location, meter *metrics.Metrics, log *slog.Logger) {
	const job = eligibility.RefreshJob
	var done, claimed calendar.Date
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if today := calendar.On(time.Now(), loc); today != done {
			mine := claimed == today
			if !mine {
				var err error
				if mine, err = jobs.ClaimDay(ctx, job, today, replica); err != nil {
					log.Warn("criteria results refresh: claim failed", "error", err)
				} else if mine {
					claimed = today
				} else {
					done = today // another replica does today's
				}
			}
			if mine {
				start := time.Now()
				n, err := jobs.RefreshAllEligibility(ctx, time.Now(), loc)
				meter.JobRan(job, err)
				if err != nil {
					log.Warn("criteria results refresh failed", "error", err)
				} else {
					done = today
					log.Info("criteria results refreshed", "enterprises", n, "duration_ms", time.Since(start).Milliseconds())
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// annualUpdateDaily sends the annual update's reminders and proposes the cancellations its misses
// call for, on each new day, under a database lock; both are created once whoever does it.
func annualUpdateDaily(ctx context.Context, svc annualupdate.Service, st store.AnnualUpdates, meter *metrics.Metrics, log *slog.Logger) {
	var last calendar.Date
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if today := calendar.On(time.Now(), svc.Location); today != last {
			var reminders, proposals int
			ran, err := st.Exclusive(ctx, "annual_update", func(tx annualupdate.Store) error {
				var err error
				reminders, proposals, err = svc.Daily(ctx, tx)
				return err
			})
			if ran || err != nil {
				meter.JobRan("annual_update", err)
			}
			switch {
			case err != nil:
				log.Warn("annual update job failed", "error", err)
			case ran:
				last = today
				log.Info("annual update job", "reminders", reminders, "proposals", proposals)
			default:
				last = today
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// expiryNoticesDaily creates the notices of qualifications coming up for expiry, on each new day;
// a database lock lets one replica at a time do it, and its notices are created once whoever does.
func expiryNoticesDaily(ctx context.Context, svc qualification.Service, st store.Qualifications, meter *metrics.Metrics, log *slog.Logger) {
	var last calendar.Date
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if today := calendar.On(time.Now(), svc.Location); today != last {
			created := 0
			ran, err := st.Exclusive(ctx, "expiry_notices", func(tx qualification.Store) error {
				n, err := svc.ExpiryNotices(ctx, tx)
				created = n
				return err
			})
			if ran || err != nil {
				meter.JobRan("expiry_notices", err)
			}
			switch {
			case err != nil:
				log.Warn("expiry notices failed", "error", err)
			case ran:
				last = today
				log.Info("expiry notices", "created", created)
			default:
				last = today // another replica holds the lock and does today's notices
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// serveMetrics serves the metrics on addr ("" serves none) until the returned stop is called.
func serveMetrics(addr string, meter *metrics.Metrics, log *slog.Logger) (stop func()) {
	if addr == "" {
		return func() {}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", meter.Handler())
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		log.Info("metrics listening", "addr", addr)
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server failed", "error", err)
		}
	}()
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
}

// replicaName names this process among the replicas, in job claims: its host and process ID.
func replicaName() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s/%d", host, os.Getpid())
}

// sweepSessions deletes ended sessions every ten minutes; running it on every replica is harmless.
func sweepSessions(ctx context.Context, a *auth.Service, meter *metrics.Metrics, log *slog.Logger) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n, err := a.Sweep(ctx)
			meter.JobRan("session_sweep", err)
			if err != nil {
				log.Warn("session sweep failed", "error", err)
			} else if n > 0 {
				log.Info("session sweep", "deleted", n)
			}
		}
	}
}
