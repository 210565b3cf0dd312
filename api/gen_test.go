package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
)

// api gen loads a registry and says so, refuses a database that holds one, and adds to it when
// told; on SQLite, and on PostgreSQL with TEST_DATABASE_URL.
func TestGen(t *testing.T) {
	t.Setenv("DATABASE_URL", storetest.URL(t))
	t.Setenv("DATA_DIR", t.TempDir())
	gen := func(args ...string) (int, string) {
		var stderr bytes.Buffer
		code := run(context.Background(), append([]string{"gen"}, args...), strings.NewReader(""), &stderr)
		return code, stderr.String()
	}
	code, out := gen("-enterprises", "250", "-seed", "3", "-chunk", "100")
	if code != 0 || !strings.Contains(out, "gen: loaded ") || !strings.Contains(out, "rows/s") {
		t.Fatalf("gen exited %d: %s", code, out)
	}
	for _, line := range []string{"enterprises                   250", "annual_reports                750", "eligibility_results           750"} {
		if !strings.Contains(out, line) {
			t.Errorf("no %q in: %s", line, out)
		}
	}
	if code, out := gen("--enterprises", "10", "--seed", "4"); code != 1 || !strings.Contains(out, "already holds enterprises (250)") || !strings.Contains(out, "-add") {
		t.Errorf("a second gen exited %d: %s", code, out)
	}
	if code, out := gen("-enterprises", "10", "-seed", "4", "-add"); code != 0 || !strings.Contains(out, "enterprises                    10") {
		t.Errorf("gen -add exited %d: %s", code, out)
	}
	if code, out := gen("-enterprises", "10", "-today", "2026-13-01"); code != 1 || !strings.Contains(out, "-today") {
		t.Errorf("a bad -today: exited %d: %s", code, out)
	}
	for _, args := range [][]string{{"-enterprises", "0"}, {"-enterprises", "-5"}, {"-enterprises", "5", "-today", "2150-01-01"}} {
		if code, out := gen(append(args, "-add")...); code != 1 || !strings.Contains(out, "bad configuration") {
			t.Errorf("gen %v exited %d: %s", args, code, out)
		}
	}

	// api recount counts the statistics again: here, after they were lost.
	ctx := context.Background()
	db, err := store.Open(ctx, os.Getenv("DATABASE_URL"), os.Getenv("DATA_DIR"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	}()
	sum := func() (n int64) {
		if err := db.Raw("SELECT COALESCE(SUM(n), 0) FROM stat_cohorts").Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	counted := sum()
	if err := db.Exec("DELETE FROM stat_cohorts").Error; err != nil || counted == 0 {
		t.Fatalf("%d counted; %v", counted, err)
	}
	var stderr bytes.Buffer
	if code := run(ctx, []string{"recount"}, strings.NewReader(""), &stderr); code != 0 || !strings.Contains(stderr.String(), "statistics recounted") {
		t.Fatalf("recount exited %d: %s", code, stderr.String())
	}
	if again := sum(); again != counted {
		t.Errorf("recounted %d, gen counted %d", again, counted)
	}
}
