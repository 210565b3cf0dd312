// Command bench measures the tracker at national scale on PostgreSQL and writes the figures into
// docs/BENCHMARKS.md (`make bench`). For each registry size it fills a fresh database with
// `tiertracker gen`, starts `tiertracker serve`, and measures each figure next to its limit in the
// same run: the enterprise list against pgbench running the store's own statements, the summary
// and the cultivation pool against their statements run straight on the database, an import
// against COPY; then the server's memory under many clients, the criteria engine's speed and the
// SPA's initial JavaScript. Everything runs on this machine: PostgreSQL, the server, pgbench and
// the load share its cores, and the document says so.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// options are the command's flags.
type options struct {
	sizes          []int
	bin            string
	web            string
	doc            string
	adminURL       string
	pgbench        string
	goCmd          string
	work           string
	seed           int
	concurrency    int
	warmup         time.Duration
	duration       time.Duration
	pages          int
	region         string
	industry       string
	reads          int
	summaryMonths  int
	clients        int
	memoryDuration time.Duration
	importRows     int
	phases         map[string]bool
	readBudget     time.Duration
	keep           bool
	demo           bool
	renderOnly     bool
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	sizes := fs.String("sizes", "100000,1000000", "registry sizes to measure, comma-separated")
	fs.StringVar(&o.bin, "bin", "bin/tiertracker", "the server binary (make build)")
	fs.StringVar(&o.web, "web", "frontend/dist", "the built SPA")
	fs.StringVar(&o.doc, "doc", "docs/BENCHMARKS.md", "the document whose generated section is rewritten")
	fs.StringVar(&o.adminURL, "database-url", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable",
		"a PostgreSQL database from which to create and drop the benchmark's own ("+databasePrefix+"N)")
	fs.StringVar(&o.pgbench, "pgbench", "pgbench", "the pgbench command")
	fs.StringVar(&o.goCmd, "go", "go", "the go command, for the criteria benchmark")
	fs.StringVar(&o.work, "work", "bin/bench", "where results (one JSON file per size), logs and scratch files go")
	fs.IntVar(&o.seed, "seed", 1, "gen's seed")
	fs.IntVar(&o.concurrency, "concurrency", 8, "closed-loop workers for the list, and pgbench's clients")
	fs.DurationVar(&o.warmup, "warmup", 3*time.Second, "warm-up before each list measurement")
	fs.DurationVar(&o.duration, "duration", 15*time.Second, "each list measurement")
	fs.IntVar(&o.pages, "pages", 50, "the list's pages drawn from at random")
	fs.StringVar(&o.region, "region", "445202", "the list's region filter")
	fs.StringVar(&o.industry, "industry", "C", "the list's industry filter")
	fs.IntVar(&o.reads, "reads", 200, "sequential requests of the summary and of the pool, after warm-up")
	fs.DurationVar(&o.readBudget, "read-budget", 2*time.Minute, "stop the summary's and the pool's requests after this long (at least 40 are sent)")
	phases := fs.String("phases", strings.Join(phaseNames, ","), "the size-bound measurements to make")
	fs.IntVar(&o.summaryMonths, "summary-months", 36, "the summary is asked as of the last day of this many past months")
	fs.IntVar(&o.clients, "clients", 200, "concurrent clients for the memory figure")
	fs.DurationVar(&o.memoryDuration, "memory-duration", 20*time.Second, "how long the clients run")
	fs.IntVar(&o.importRows, "import-rows", 100_000, "rows of the imported files")
	fs.BoolVar(&o.keep, "keep", false, "keep each size's database instead of dropping it")
	fs.BoolVar(&o.demo, "demo", false, "fill the database with the demo city (DEMO=1, 200 enterprises) instead of gen: a quick check of this program")
	fs.BoolVar(&o.renderOnly, "render-only", false, "measure nothing: rewrite the document from the results saved under -work")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.phases = map[string]bool{}
	for _, p := range strings.Split(*phases, ",") {
		if !slices.Contains(phaseNames, p) {
			return o, fmt.Errorf("-phases: %q is none of %s", p, strings.Join(phaseNames, ", "))
		}
		o.phases[p] = true
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return o, fmt.Errorf("-sizes: %q is not a size", s)
		}
		o.sizes = append(o.sizes, n)
	}
	return o, nil
}

func main() {
	o, err := parseFlags(os.Args[1:])
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "bench:", err)
		}
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	if err := os.MkdirAll(o.work, 0o755); err != nil {
		return err
	}
	var rep report
	if o.renderOnly {
		if err := load(filepath.Join(o.work, "common.json"), &rep); err != nil {
			return err
		}
	} else {
		var err error
		if rep, err = measureCommon(ctx, o); err != nil {
			return err
		}
		if err := save(filepath.Join(o.work, "common.json"), rep); err != nil {
			return err
		}
	}
	for _, n := range o.sizes {
		path := filepath.Join(o.work, fmt.Sprintf("size-%d.json", n))
		var res sizeResult
		if o.renderOnly {
			if err := load(path, &res); err != nil {
				return err
			}
		} else {
			r, err := measureSize(ctx, o, n)
			if err != nil {
				return fmt.Errorf("%d enterprises: %w", n, err)
			}
			if err := save(path, r); err != nil {
				return err
			}
			res = *r
		}
		rep.Sizes = append(rep.Sizes, res)
	}
	return writeReport(o.doc, rep)
}

// measureCommon measures what does not depend on the registry's size, first, while the machine
// is otherwise idle: the machine, the criteria engine and the SPA.
func measureCommon(ctx context.Context, o options) (report, error) {
	rep := report{When: time.Now().UTC(), Machine: machineOf(), Reads: o.reads, ReadBudget: o.readBudget}
	admin, err := openAdmin(ctx, o.adminURL)
	if err != nil {
		return rep, err
	}
	defer admin.Close()
	if rep.Machine.Postgres, err = postgresFactsOf(ctx, admin); err != nil {
		return rep, err
	}
	fmt.Fprintln(os.Stderr, "bench: criteria engine")
	if rep.Criteria, err = runCriteriaBench(ctx, o.goCmd); err != nil {
		return rep, err
	}
	if rep.SPA, err = measureSPA(o.web); err != nil {
		return rep, err
	}
	rep.Demo = o.demo
	return rep, nil
}

func save(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

func load(path string, v any) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: no saved results to render (run without -render-only first)", path)
	}
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
