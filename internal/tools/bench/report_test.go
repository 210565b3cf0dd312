package main

import (
	"strings"
	"testing"
	"time"
)

func TestReplaceGeneratedAppendsThenReplaces(t *testing.T) {
	doc := "# Benchmarks\n\n## Criteria engine\n\nhand-written\n"
	once := replaceGenerated(doc, "## At scale\n\nfirst run\n")
	if !strings.HasPrefix(once, doc) {
		t.Errorf("the hand-written part changed:\n%s", once)
	}
	if !strings.Contains(once, generatedBegin+"\n\n## At scale\n\nfirst run\n\n"+generatedEnd+"\n") {
		t.Errorf("no generated section:\n%s", once)
	}
	// A hand-written section after the markers stays too.
	withAfter := once + "\n## Later, by hand\n\nnotes\n"
	twice := replaceGenerated(withAfter, "## At scale\n\nsecond run\n")
	if strings.Contains(twice, "first run") || !strings.Contains(twice, "second run") {
		t.Errorf("not replaced:\n%s", twice)
	}
	if !strings.HasPrefix(twice, doc) || !strings.HasSuffix(twice, generatedEnd+"\n\n## Later, by hand\n\nnotes\n") {
		t.Errorf("the hand-written parts changed:\n%s", twice)
	}
	if strings.Count(twice, "bench:begin") != 1 || strings.Count(twice, generatedEnd) != 1 {
		t.Errorf("markers doubled:\n%s", twice)
	}
}

// sample is a size's results as a run writes them: the list and the import miss their targets,
// the summary and memory meet theirs.
func sample() sizeResult {
	ms := time.Millisecond
	return sizeResult{
		Enterprises: 1_000_000,
		Started:     time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC),
		Data:        dataFacts{Rows: []tableRows{{"enterprises", 1_000_000}}, DatabaseBytes: 2_500_000_000},
		Steps:       []step{{"gen", 90 * time.Second}, {"list against pgbench", 40 * time.Second}},
		List: &listResult{Query: "industry=C&region=445202", PageSize: 20, Pages: 50, Concurrency: 8, Warmup: 3 * time.Second,
			Duration: 15 * time.Second, Matching: 77_000, Script: "\\set off random(0, 49) * 20\nSELECT 1;\n",
			API:     loadRun{Requests: 6000, PerSec: 400, Elapsed: 15 * time.Second, Latency: latency{P50: 18 * ms, P95: 40 * ms, P99: 60 * ms}},
			Pgbench: pgbenchRun{TPS: 1000, Transactions: 15000, Latency: latency{P50: 7 * ms, P95: 15 * ms, P99: 22 * ms}},
			Plans:   []plan{{SQL: "SELECT 1", Execution: 3 * ms, Text: "Result\nExecution Time: 3.000 ms"}}},
		Summary: &readResult{Path: "/api/v1/stats/summary?as_of={month end}", Variants: 36, Requests: 200, Statements: 5,
			API: latency{P50: 20 * ms, P95: 30 * ms}, SQL: latency{P50: 18 * ms, P95: 26 * ms}},
		Cultivation: &readResult{Path: "/api/v1/cultivation", Variants: 5, Requests: 200, Statements: 2,
			API: latency{P50: 9 * ms, P95: 12 * ms}, SQL: latency{P50: 7 * ms, P95: 9 * ms}},
		Memory: &memoryResult{Clients: 200, Peak: 120_000_000, Load: loadRun{Elapsed: 20 * time.Second}},
		Import: &importResult{Rows: 100_000, CSV: importRun{Total: 40 * time.Second, Validating: 10 * time.Second, Writing: 30 * time.Second},
			XLSX: importRun{Total: 50 * time.Second}, Copy: 4 * time.Second},
	}
}

func TestSizeTableVerdicts(t *testing.T) {
	tab := sizeTable(sample())
	met := map[string]string{}
	for _, r := range tab.rows {
		met[r.Figure] = r.Met
	}
	for figure, want := range map[string]string{
		"enterprise list, requests/s at 8 workers":            "**no**",
		"enterprise list, p95":                                "—",
		"leadership summary, p95":                             "yes",
		"CSV import, 100,000 new enterprises, upload to done": "**no**",
		"server peak resident memory, 200 clients":            "yes",
	} {
		if met[figure] != want {
			t.Errorf("%s: met? %q, want %q", figure, met[figure], want)
		}
	}
	if len(tab.misses) != 2 {
		t.Fatalf("misses = %q", tab.misses)
	}
	if !strings.Contains(tab.misses[0], "40% of pgbench's rate, 20 points short; the target is 600 requests/s, 1.50× the rate measured") {
		t.Errorf("list miss = %q", tab.misses[0])
	}
	if !strings.Contains(tab.misses[1], "10× COPY's time, 3.33× the target (28.0 s over 3× COPY = 12.0 s)") {
		t.Errorf("import miss = %q", tab.misses[1])
	}
}

func TestSummaryMissSaysByHowMuch(t *testing.T) {
	s := sample()
	s.Summary.API.P95 = 312 * time.Millisecond
	tab := sizeTable(s)
	var found bool
	for _, m := range tab.misses {
		if strings.Contains(m, "p95 312 ms, 6.24× the 50 ms target (262 ms over)") {
			found = true
		}
	}
	if !found {
		t.Errorf("misses = %q", tab.misses)
	}
}

func TestRenderGenerated(t *testing.T) {
	r := report{When: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC),
		Machine:  machine{CPU: "Test CPU", CPUs: 2, Memory: 24 << 30, Go: "go1.26.8", Commit: "abc1234", Postgres: postgresFacts{Version: "15.20"}},
		Criteria: criteriaResult{Command: "go test", NsPerOp: []float64{3300, 3290, 3310}, BytesOp: 6408, AllocsOp: 11},
		SPA:      spaResult{Files: []spaFile{{Name: "/assets/index.js", Bytes: 900_000, Gzipped: 300_000}}},
		Sizes:    []sizeResult{sample()}}
	out := renderGenerated(r)
	for _, want := range []string{
		"on 2026-11-27 10:00 UTC at commit abc1234",
		"- CPU: Test CPU, 2 logical CPUs",
		"### 1,000,000 enterprises",
		"| enterprise list, requests/s at 8 workers | 400 | pgbench: 1000 | 40% | ≥ 60% of pgbench | **no** |",
		"; database 2.50 GB.",
		"| figure | target | 1,000,000 enterprises |\n|---|---|---|\n| enterprise list, requests/s at 8 workers | ≥ 60% of pgbench | 40%, **missed** |",
		"| server peak resident memory, 200 clients | < 150 MB | 120.0 MB, met |",
		"| leadership summary, p95 | < 50 ms (set at 1,000,000) | 30.0 ms, met |",
		"| CSV import, 100,000 new enterprises, upload to done | ≤ 3× COPY | 10×, **missed** |",
		"| criteria engine, three-tier evaluations/s on one core | ≥ 200,000 (issue 3) | 303,030/s, met (any size) |",
		"| SPA initial JavaScript, gzipped | < 350 KB | 300.0 KB, met (any size) |",
		"| leadership summary, p95 | 30.0 ms | SQL: 26.0 ms | 1.15× | < 50 ms (set at 1,000,000) | yes |",
		"| criteria engine, three-tier evaluations/s on one core | 303,030 (median of 3 runs: 3300 ns) | — | — | ≥ 200,000 (issue 3) | yes |",
		"| SPA initial JavaScript, gzipped | 300.0 KB (1 files) | — | — | < 350 KB | yes |",
		"| total | 2 min 10 s |",
		"SELECT 1;",
		"list, statement 1 of 1: executed in 3.00 ms.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
}

func TestFormats(t *testing.T) {
	tests := []struct{ got, want string }{
		{thousands(1234567), "1,234,567"}, {thousands(999), "999"}, {thousands(-1000), "-1,000"},
		{ms(1234 * time.Microsecond), "1.23 ms"}, {ms(45600 * time.Microsecond), "45.6 ms"}, {ms(312 * time.Millisecond), "312 ms"},
		{ms(12300 * time.Millisecond), "12.3 s"}, {secs(3 * time.Second), "3.00 s"}, {secs(75 * time.Second), "75.0 s"},
		{secs(754 * time.Second), "12 min 34 s"}, {megabytes(123_456_789), "123.5 MB"}, {times(2.5), "2.50×"}, {percent(0.423), "42%"},
		{ms(1574 * time.Millisecond), "1.57 s"}, {size(8_930_100_000), "8.93 GB"}, {size(904_500_000), "904.5 MB"},
		{rate(5.234), "5.23"}, {rate(64.44), "64.4"}, {rate(1136.2), "1136"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
