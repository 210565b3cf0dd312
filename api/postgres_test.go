package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// privatePostgres is a PostgreSQL server of the test's own, which it may stop and start without
// disturbing the tests that share the machine's server.
type privatePostgres struct {
	t       *testing.T
	bin     string // the server's programs
	dataDir string
	logFile string // the server's own log (it must not write to the test's pipes)
	port    int
	asUser  []string // the command prefix that runs a program as the server's owner
}

// startPrivatePostgres initialises and starts a PostgreSQL server in a temporary directory, from
// the programs of the machine's PostgreSQL (the one TEST_DATABASE_URL points at). As root it runs
// them as the postgres user, since PostgreSQL refuses to run as root.
func startPrivatePostgres(t *testing.T) *privatePostgres {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(bins) == 0 {
		t.Fatal("no PostgreSQL programs under /usr/lib/postgresql (install the postgresql package)")
	}
	root, err := os.MkdirTemp("", "tt-pg-")
	if err != nil {
		t.Fatal(err)
	}
	p := &privatePostgres{t: t, bin: filepath.Dir(bins[len(bins)-1]), dataDir: filepath.Join(root, "data"), logFile: filepath.Join(root, "server.log"), port: freePort(t)}
	if os.Geteuid() == 0 {
		pg, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("running as root needs the postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		if err := os.Chmod(root, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(root, uid, gid); err != nil {
			t.Fatal(err)
		}
		p.asUser = []string{"runuser", "-u", "postgres", "--"}
	}
	t.Cleanup(func() {
		_ = p.exec(filepath.Join(p.bin, "pg_ctl"), "-D", p.dataDir, "stop", "-m", "immediate")
		_ = os.RemoveAll(root)
	})
	p.run(filepath.Join(p.bin, "initdb"), "-D", p.dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale", "C")
	p.ctl("start", "-w", "-l", p.logFile,
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=200", p.port, root))
	return p
}

// URL is the address of the server's postgres database.
func (p *privatePostgres) URL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", p.port)
}

// restart stops the server as a crash would (immediate: no checkpoint, every connection cut; the
// start recovers from the log) and starts it again. Safe to call off the test's goroutine.
func (p *privatePostgres) restart() error {
	return p.exec(filepath.Join(p.bin, "pg_ctl"), "-D", p.dataDir, "restart", "-m", "immediate", "-w", "-l", p.logFile)
}

func (p *privatePostgres) ctl(args ...string) {
	p.run(filepath.Join(p.bin, "pg_ctl"), append([]string{"-D", p.dataDir}, args...)...)
}

func (p *privatePostgres) run(program string, args ...string) {
	p.t.Helper()
	if err := p.exec(program, args...); err != nil {
		p.t.Fatal(err)
	}
}

func (p *privatePostgres) exec(program string, args ...string) error {
	argv := append(append(append([]string{}, p.asUser...), program), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.WaitDelay = 10 * time.Second // should the server keep our output pipe, do not wait for it
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %v: %w\n%s", filepath.Base(program), args, err, out)
	}
	return nil
}
