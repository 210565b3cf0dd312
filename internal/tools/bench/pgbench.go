package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	placeholder = regexp.MustCompile(`\$(\d+)`)
	offsetParam = regexp.MustCompile(`(?i)\bOFFSET \$(\d+)`)
	spaces      = regexp.MustCompile(`\s+`)
)

// pgbenchScript turns the statements of one request into a pgbench script, one transaction per
// request. Each $n becomes a variable that -D gives (defs), so that pgbench, like the server,
// sends the values as parameters of prepared statements; an OFFSET's becomes :off, drawn per
// transaction from the same pages as the API's workers draw.
func pgbenchScript(stmts []statement, pages, pageSize int) (script string, defs []string, err error) {
	var b strings.Builder
	fmt.Fprintf(&b, "\\set off random(0, %d) * %d\n", pages-1, pageSize)
	for i, s := range stmts {
		offset := ""
		if m := offsetParam.FindStringSubmatch(s.SQL); m != nil {
			offset = m[1]
		}
		var bad error
		sql := placeholder.ReplaceAllStringFunc(s.SQL, func(p string) string {
			n := p[1:]
			if n == offset {
				return ":off"
			}
			k, _ := strconv.Atoi(n)
			if k < 1 || k > len(s.Args) {
				bad = fmt.Errorf("statement %d: %s has no value", i+1, p)
				return p
			}
			text, err := textOf(s.Args[k-1])
			if err != nil {
				bad = err
			}
			name := fmt.Sprintf("s%d_%s", i+1, n)
			defs = append(defs, name+"="+text)
			return ":" + name
		})
		if bad != nil {
			return "", nil, bad
		}
		b.WriteString(strings.TrimSpace(spaces.ReplaceAllString(sql, " ")))
		b.WriteString(";\n")
	}
	return b.String(), defs, nil
}

// pgbenchRun is what pgbench measured.
type pgbenchRun struct {
	TPS          float64 // transactions per second, without the time to connect
	Transactions int
	Failed       int
	Latency      latency // from the per-transaction log
}

var (
	tpsLine    = regexp.MustCompile(`(?m)^tps = ([0-9.]+) \(without initial connection time\)`)
	doneLine   = regexp.MustCompile(`(?m)^number of transactions actually processed: (\d+)`)
	failedLine = regexp.MustCompile(`(?m)^number of failed transactions: (\d+)`)
)

// parsePgbenchOutput reads the summary that pgbench prints at the end of a run.
func parsePgbenchOutput(out string) (pgbenchRun, error) {
	var r pgbenchRun
	m := tpsLine.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("pgbench printed no tps line:\n%s", out)
	}
	r.TPS, _ = strconv.ParseFloat(m[1], 64)
	if m := doneLine.FindStringSubmatch(out); m != nil {
		r.Transactions, _ = strconv.Atoi(m[1])
	}
	if m := failedLine.FindStringSubmatch(out); m != nil {
		r.Failed, _ = strconv.Atoi(m[1])
	}
	return r, nil
}

// parsePgbenchLog reads the durations of a per-transaction log (pgbench -l): "client_id
// transaction_no time script_no time_epoch time_us", time in microseconds.
func parsePgbenchLog(r io.Reader) ([]time.Duration, error) {
	var ds []time.Duration
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 6 {
			return nil, fmt.Errorf("pgbench log line %q: want 6 fields", sc.Text())
		}
		us, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("pgbench log line %q: %w", sc.Text(), err)
		}
		ds = append(ds, time.Duration(us)*time.Microsecond)
	}
	return ds, sc.Err()
}

// runPgbench runs a script for secs seconds at a number of clients (one thread each), with
// prepared statements, and reads its summary and, when logDir is set, its per-transaction logs.
func runPgbench(ctx context.Context, bin, databaseURL, script string, defs []string, clients, secs int, logDir string) (pgbenchRun, error) {
	args := []string{"-n", "-f", script, "-c", strconv.Itoa(clients), "-j", strconv.Itoa(clients),
		"-T", strconv.Itoa(secs), "-M", "prepared"}
	if logDir != "" {
		args = append(args, "-l", "--log-prefix", filepath.Join(logDir, "pgbench_log"))
	}
	for _, d := range defs {
		args = append(args, "-D", d)
	}
	args = append(args, databaseURL)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = logDir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return pgbenchRun{}, fmt.Errorf("pgbench: %w\n%s", err, out)
	}
	r, err := parsePgbenchOutput(string(out))
	if err != nil || logDir == "" {
		return r, err
	}
	if r.Failed > 0 {
		return r, fmt.Errorf("pgbench: %d failed transactions\n%s", r.Failed, out)
	}
	logs, err := filepath.Glob(filepath.Join(logDir, "pgbench_log.*"))
	if err != nil {
		return r, err
	}
	var all []time.Duration
	for _, name := range logs {
		f, err := os.Open(name)
		if err != nil {
			return r, err
		}
		ds, err := parsePgbenchLog(f)
		f.Close()
		if err != nil {
			return r, err
		}
		all = append(all, ds...)
	}
	r.Latency = latencyOf(all)
	return r, nil
}
