package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

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
	if code, _ := gen("-enterprises", "0", "-add"); code != 1 {
		t.Errorf("gen of no enterprise exited %d", code)
	}
}
