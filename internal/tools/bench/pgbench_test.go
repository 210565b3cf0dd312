package main

import (
	"strings"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
)

// pgbenchOutput is what pgbench 15 prints for a run.
const pgbenchOutput = `pgbench (15.20 (Debian 15.20-0+deb12u1))
transaction type: list.sql
scaling factor: 1
query mode: prepared
number of clients: 8
number of threads: 8
maximum number of tries: 1
duration: 15 s
number of transactions actually processed: 98917
number of failed transactions: 0 (0.000%)
latency average = 1.213 ms
initial connection time = 7.740 ms
tps = 6594.557284 (without initial connection time)
`

func TestParsePgbenchOutput(t *testing.T) {
	r, err := parsePgbenchOutput(pgbenchOutput)
	if err != nil {
		t.Fatal(err)
	}
	if r.TPS != 6594.557284 || r.Transactions != 98917 || r.Failed != 0 {
		t.Errorf("parsed %+v", r)
	}
	failed := strings.Replace(pgbenchOutput, "failed transactions: 0 (0.000%)", "failed transactions: 12 (0.012%)", 1)
	if r, _ := parsePgbenchOutput(failed); r.Failed != 12 {
		t.Errorf("failed = %d, want 12", r.Failed)
	}
	if _, err := parsePgbenchOutput("pgbench: error: connection to server failed\n"); err == nil {
		t.Error("output without a tps line parsed")
	}
}

func TestParsePgbenchLog(t *testing.T) {
	ds, err := parsePgbenchLog(strings.NewReader("0 1 4260 0 1795767167 879159\n1 1 236 0 1795767167 879405\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || ds[0] != 4260*time.Microsecond || ds[1] != 236*time.Microsecond {
		t.Errorf("durations = %v", ds)
	}
	if _, err := parsePgbenchLog(strings.NewReader("0 1 x 0 1 2\n")); err == nil {
		t.Error("a log line with a bad time parsed")
	}
	if _, err := parsePgbenchLog(strings.NewReader("0 1 2\n")); err == nil {
		t.Error("a short log line parsed")
	}
}

func TestPgbenchScript(t *testing.T) {
	stmts := []statement{
		{SQL: "SELECT count(*) FROM enterprises AS e WHERE e.region_code = $1 AND e.industry_code LIKE $2",
			Args: []any{"445202", "C%"}},
		{SQL: "SELECT e.* FROM enterprises AS e\n  WHERE e.region_code = $1 AND e.founded_on < $2 ORDER BY e.name_sort, e.id LIMIT $3 OFFSET $4",
			Args: []any{"445202", calendar.NewDate(2026, 1, 31), 20, 20}},
	}
	script, defs, err := pgbenchScript(stmts, 50, 20)
	if err != nil {
		t.Fatal(err)
	}
	want := `\set off random(0, 49) * 20
SELECT count(*) FROM enterprises AS e WHERE e.region_code = :s1_1 AND e.industry_code LIKE :s1_2;
SELECT e.* FROM enterprises AS e WHERE e.region_code = :s2_1 AND e.founded_on < :s2_2 ORDER BY e.name_sort, e.id LIMIT :s2_3 OFFSET :off;
`
	if script != want {
		t.Errorf("script:\n%s\nwant:\n%s", script, want)
	}
	wantDefs := []string{"s1_1=445202", "s1_2=C%", "s2_1=445202", "s2_2=2026-01-31", "s2_3=20"}
	if strings.Join(defs, " ") != strings.Join(wantDefs, " ") {
		t.Errorf("defs = %q, want %q", defs, wantDefs)
	}
	if got := scriptStatements(script); len(got) != 2 || !strings.HasPrefix(got[1], "SELECT e.*") {
		t.Errorf("scriptStatements = %q", got)
	}
}

func TestPgbenchScriptRefusesWhatItCannotPass(t *testing.T) {
	if _, _, err := pgbenchScript([]statement{{SQL: "SELECT $1", Args: []any{nil}}}, 1, 20); err == nil {
		t.Error("a NULL value passed")
	}
	if _, _, err := pgbenchScript([]statement{{SQL: "SELECT $2", Args: []any{1}}}, 1, 20); err == nil {
		t.Error("a placeholder without a value passed")
	}
}
