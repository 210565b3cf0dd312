package main

import (
	"fmt"
	"strings"
	"time"
)

// renderGenerated writes the generated section of docs/BENCHMARKS.md.
func renderGenerated(r report) string {
	var b strings.Builder
	b.WriteString("## At national scale, on PostgreSQL\n\n")
	fmt.Fprintf(&b, "Written by `make bench` on %s UTC", r.When.UTC().Format("2006-01-02 15:04"))
	if r.Machine.Commit != "" {
		fmt.Fprintf(&b, " at commit %s", r.Machine.Commit)
		if r.Machine.Dirty {
			b.WriteString(" (the server built from a working tree with changes not yet committed)")
		}
	}
	b.WriteString(". Every figure stands next to its limit, measured in the same run on the same machine; a rerun replaces this section.\n\n")
	if r.Demo {
		b.WriteString("**Note: this run used the demo city (200 enterprises) instead of `tiertracker gen`; its figures check the program, not the product at scale.**\n\n")
	}
	renderGlance(&b, r)
	renderMachine(&b, r.Machine)
	renderMethod(&b, r)
	for _, s := range r.Sizes {
		renderSize(&b, s)
	}
	b.WriteString("### Independent of the registry's size\n\n")
	commonTable(r).render(&b)
	b.WriteString("\nThe initial scripts, each compressed with `gzip -9`:\n\n| script | bytes | gzipped |\n|---|---|---|\n")
	for _, f := range r.SPA.Files {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.Name, thousands(int64(f.Bytes)), thousands(int64(f.Gzipped)))
	}
	fmt.Fprintf(&b, "\nThe criteria engine's runs (ns per three-tier evaluation, %d B and %d allocations each): %s. "+
		"The machine's CPUs were busy %.2f of %d on average meanwhile (the benchmark itself keeps one busy, and its "+
		"compilation more at first).\n",
		r.Criteria.BytesOp, r.Criteria.AllocsOp, joinFloats(r.Criteria.NsPerOp), r.Criteria.MachineBusy, r.Machine.CPUs)
	return b.String()
}

// renderGlance lists the targets, each with what every size measured against it.
func renderGlance(b *strings.Builder, r report) {
	b.WriteString("### The targets at a glance\n\n| figure | target |")
	tables := make([]*table, len(r.Sizes))
	for i, s := range r.Sizes {
		tables[i] = sizeTable(s)
		fmt.Fprintf(b, " %s enterprises |", thousands(int64(s.Enterprises)))
	}
	b.WriteString("\n|---|---|" + strings.Repeat("---|", len(r.Sizes)) + "\n")
	if len(tables) > 0 {
		for _, target := range tables[0].rows {
			if target.Met == "—" {
				continue
			}
			fmt.Fprintf(b, "| %s | %s |", target.Figure, target.Target)
			for _, t := range tables {
				cell := "—"
				for _, row := range t.rows {
					if row.Figure == target.Figure {
						cell = glance(row)
					}
				}
				fmt.Fprintf(b, " %s |", cell)
			}
			b.WriteString("\n")
		}
	}
	for _, row := range commonTable(r).rows {
		fmt.Fprintf(b, "| %s | %s | %s (any size) |%s\n", row.Figure, row.Target, glance(row), strings.Repeat(" |", max(0, len(r.Sizes)-1)))
	}
	b.WriteString("\n")
}

// glance is the value a row's target judges, and whether it met the target.
func glance(r row) string {
	if r.Met == "yes" {
		return r.Judged + ", met"
	}
	return r.Judged + ", **missed**"
}

func renderMachine(b *strings.Builder, m machine) {
	b.WriteString("### Machine\n\n")
	fmt.Fprintf(b, "- CPU: %s, %d logical CPUs\n", m.CPU, m.CPUs)
	fmt.Fprintf(b, "- memory: %.1f GiB\n", float64(m.Memory)/(1<<30))
	if m.Kernel != "" {
		fmt.Fprintf(b, "- Linux %s\n", m.Kernel)
	}
	fmt.Fprintf(b, "- Go: %s\n", m.Go)
	fmt.Fprintf(b, "- PostgreSQL: %s, on the same machine", m.Postgres.Version)
	for i, s := range m.Postgres.Settings {
		sep := ", "
		if i == 0 {
			sep = " ("
		}
		fmt.Fprintf(b, "%s%s %s", sep, s.Name, s.Value)
	}
	if len(m.Postgres.Settings) > 0 {
		b.WriteString(")")
	}
	b.WriteString("\n- PostgreSQL, the server, pgbench and the load generator all ran here at once and shared these CPUs: a figure and its limit were measured under the same sharing.\n\n")
}

func renderMethod(b *strings.Builder, r report) {
	var l *listResult
	var s *sizeResult // every size runs the same -phases
	if len(r.Sizes) > 0 {
		s, l = &r.Sizes[0], r.Sizes[0].List
	}
	b.WriteString("### Method\n\n")
	b.WriteString("For each size, a fresh database: `tiertracker migrate`, then `tiertracker gen -enterprises N -seed S` " +
		"(synthetic enterprises, figures, qualifications, batches, applications and stored criteria results, loaded by COPY; " +
		"the registry stands on gen's fixed default day, so every rerun loads the same data), " +
		"`VACUUM (ANALYZE)` as after any bulk load, `tiertracker create-admin`, and `tiertracker serve` on a free port with " +
		"its defaults (20 database connections, request log on). The server's daily refresh of every stored criteria result is " +
		"claimed for the day beforehand, as another replica would have claimed it, so that it does not run through the " +
		"measurements (gen's results stand on gen's day, and the refresh would recompute every one of them); the jobs the server runs at start (expiry notices, annual update) are let finish first. " +
		"The database is dropped afterwards.\n\n")
	if l != nil {
		fmt.Fprintf(b, "- **Enterprise list** (`GET /api/v1/enterprises?%s&page=P&page_size=%d`, signed in as an admin): %d closed-loop "+
			"workers, each sending the next request when the last is answered, P drawn uniformly from 1–%d; %s warm-up, then "+
			"%s measured. The limit is pgbench at the same concurrency (`pgbench -n -M prepared -c %d -j %d -T %d`, after a "+
			"warm-up run) on the statements the store runs for that filter, captured from GORM in this process "+
			"(`enterprise.Service.List` over `store.NewEnterprises`, as the handler calls it) with their values bound as "+
			"parameters, OFFSET drawn from the same pages. Latencies of pgbench are from its per-transaction log. One "+
			"request of the API is one pgbench transaction:\n\n```sql\n%s\n```\n\n"+
			"  Beyond these statements the API does, per request: HTTP parsing and routing, the session lookup (a query by "+
			"the cookie's hash, and now and then a write of its last use), the role check, the request log line, converting "+
			"rows to the response and encoding the JSON.\n",
			l.Query, l.PageSize, l.Concurrency, l.Pages, secs(l.Warmup), secs(l.Duration), l.Concurrency, l.Concurrency,
			seconds(l.Duration), strings.Join(scriptStatements(l.Script), "\n"))
	}
	if s != nil && s.Summary != nil && s.Cultivation != nil {
		fmt.Fprintf(b, "- **Leadership summary** (`%s`) and **cultivation pool** (`%s`): up to %d sequential requests each "+
			"(fewer, but at least %d, when they take more than %s; the count is in each size's notes), cycling through the "+
			"variants (%d as-of dates: the last day of each past month; %d pages), after %d uncounted. The limit is "+
			"the same requests' statements (%d for the summary, %d for the pool), captured as above for each variant and run "+
			"one after the other straight on the database through the server's driver, reading every row. The API's "+
			"requests and the statements' runs take turns, so that both meet the same machine.\n",
			s.Summary.Path, s.Cultivation.Path, r.Reads, minTurns, secs(r.ReadBudget), s.Summary.Variants, s.Cultivation.Variants, warmReads,
			s.Summary.Statements, s.Cultivation.Statements)
	}
	if s != nil && s.Memory != nil {
		fmt.Fprintf(b, "- **Server memory**: a fresh server process, then %d closed-loop clients for %s after a 2 s warm-up, "+
			"each request one of: %s (requests sent in the warm-up are not counted, those sent after it are, to their answer). VmRSS of `/proc/<pid>/status` is sampled every 50 ms; the peak is VmHWM when it rose "+
			"during the load (the kernel's exact peak), else the largest sample.\n",
			s.Memory.Clients, secs(s.Memory.Duration), s.Memory.Mix)
	}
	if s != nil && s.Import != nil {
		fmt.Fprintf(b, "- **Import**: a CSV of %s new enterprises (the import template's columns: name, credit code, region, "+
			"industry, founding date, strategic emerging), uploaded to `POST /api/v1/imports`, polled every 100 ms until "+
			"ready, confirmed, polled until done, on a fresh server process; then the same rows numbered on (new names and "+
			"codes, so they are new as well) as an .xlsx workbook. The limit is `COPY` of the CSV's rows into `enterprises` "+
			"(the columns the file fills, with the sort key, tags, version and times the server would store) in a "+
			"transaction then rolled back, so its commit is not counted, followed by `VACUUM (ANALYZE) enterprises`. "+
			"The import writes more than that table: each row's audit entry and its stored criteria results.\n",
			thousands(int64(s.Import.Rows)))
	}
	fmt.Fprintf(b, "- **Criteria engine**: `%s` (see above), its median run.\n", r.Criteria.Command)
	b.WriteString("- **SPA**: the entry script and the `modulepreload` chunks named by `frontend/dist/index.html` " +
		"(lazy routes come later), each compressed with `gzip -9`, the sizes summed.\n\n")
	b.WriteString("Percentiles are by nearest rank. MB and KB are 10^6 and 10^3 bytes.\n\n")
}

func renderSize(b *strings.Builder, s sizeResult) {
	fmt.Fprintf(b, "### %s enterprises\n\n", thousands(int64(s.Enterprises)))
	fmt.Fprintf(b, "Run started %s UTC", s.Started.UTC().Format("2006-01-02 15:04"))
	if s.LoadAvg != "" {
		fmt.Fprintf(b, ", the machine's load average then %s (1, 5 and 15 minutes)", s.LoadAvg)
	}
	b.WriteString(". Data: ")
	for i, t := range s.Data.Rows {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%s %s", thousands(t.Rows), t.Table)
	}
	fmt.Fprintf(b, "; database %s.", size(s.Data.DatabaseBytes))
	if s.Gen != "" {
		fmt.Fprintf(b, " Gen: %s.", s.Gen)
	}
	if s.List != nil {
		fmt.Fprintf(b, " The list's filter matches %s enterprises.", thousands(s.List.Matching))
	}
	b.WriteString("\n\n")
	sizeTable(s).render(b)
	b.WriteString("\nHow long each part took:\n\n| part | time |\n|---|---|\n")
	var total time.Duration
	for _, st := range s.Steps {
		fmt.Fprintf(b, "| %s | %s |\n", st.Name, secs(st.Took))
		total += st.Took
	}
	fmt.Fprintf(b, "| total | %s |\n", secs(total))
	renderFacts(b, s)
}

// renderFacts adds what was measured beside the figures: counts of requests and errors, the
// import's phases, memory around the load, and the query plans.
func renderFacts(b *strings.Builder, s sizeResult) {
	b.WriteString("\nAlso measured:\n\n")
	if l := s.List; l != nil {
		fmt.Fprintf(b, "- list: the API answered %s requests in %s (%d errors); pgbench ran %s transactions (%d failed). "+
			"CPUs busy on average during the API's run: %.2f on the machine, of which the server %.2f and PostgreSQL %.2f "+
			"(the rest: the load generator and anything else); during pgbench's: %.2f, of which PostgreSQL %.2f.\n",
			thousands(int64(l.API.Requests)), secs(l.API.Elapsed), l.API.Errors, thousands(int64(l.Pgbench.Transactions)), l.Pgbench.Failed,
			l.APICPU.Machine, l.APICPU.Server, l.APICPU.Postgres, l.PgbenchCPU.Machine, l.PgbenchCPU.Postgres)
	}
	for _, r := range []struct {
		name string
		r    *readResult
	}{{"summary", s.Summary}, {"cultivation pool", s.Cultivation}} {
		if r.r != nil {
			fmt.Fprintf(b, "- %s: %d requests, %d statements each; mean %s through the API, %s for the statements.\n",
				r.name, r.r.Requests, r.r.Statements, ms(r.r.API.Mean), ms(r.r.SQL.Mean))
		}
	}
	if im := s.Import; im != nil {
		fmt.Fprintf(b, "- import: CSV %s, checked (upload to ready) in %s, written (confirm to done) in %s; .xlsx %s, checked in %s, "+
			"written in %s; the server's peak resident memory over both imports: %s.\n",
			megabytes(int64(im.CSVBytes)), secs(im.CSV.Validating), secs(im.CSV.Writing), megabytes(int64(im.XLSXBytes)),
			secs(im.XLSX.Validating), secs(im.XLSX.Writing), megabytes(im.PeakRSS))
	}
	if m := s.Memory; m != nil {
		how := "the largest of " + thousands(int64(m.Samples)) + " samples"
		if m.FromHWM {
			how = "VmHWM"
		}
		fmt.Fprintf(b, "- memory: resident %s before the load (after the jobs the server starts with) and %s after it; peak %s (%s); "+
			"%s requests answered in %s, %s/s, %d errors.\n",
			megabytes(m.Before.RSS), megabytes(m.AfterRSS), megabytes(m.Peak), how, thousands(int64(m.Load.Requests)),
			secs(m.Load.Elapsed), rate(m.Load.PerSec), m.Load.Errors)
	}
	var plans []plan
	var names []string
	if l := s.List; l != nil {
		for i, p := range l.Plans {
			plans, names = append(plans, p), append(names, fmt.Sprintf("list, statement %d of %d", i+1, len(l.Plans)))
		}
	}
	if r := s.Summary; r != nil {
		plans, names = append(plans, r.Slowest), append(names, fmt.Sprintf("summary, the slowest of its %d statements", r.Statements))
	}
	if r := s.Cultivation; r != nil {
		plans, names = append(plans, r.Slowest), append(names, fmt.Sprintf("cultivation pool, the slowest of its %d statements", r.Statements))
	}
	if len(plans) == 0 {
		return
	}
	b.WriteString("- query plans (`EXPLAIN (ANALYZE, BUFFERS)` after the measurements, values bound as the server binds them):\n")
	for i, p := range plans {
		fmt.Fprintf(b, "  - %s: executed in %s.\n", names[i], ms(p.Execution))
	}
	b.WriteString("\n<details><summary>The plans</summary>\n\n")
	for i, p := range plans {
		fmt.Fprintf(b, "%s:\n\n```sql\n%s\n```\n\n```\n%s\n```\n\n", names[i], p.SQL, firstLines(p.Text, planLinesInReport))
	}
	b.WriteString("</details>\n\n")
}

// firstLines keeps the first n lines of s, saying how many it left out.
func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n… (%d more lines)", len(lines)-n)
}

func joinFloats(fs []float64) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%.0f", f)
	}
	return strings.Join(parts, ", ")
}
