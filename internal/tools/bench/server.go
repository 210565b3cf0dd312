package main

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// server is a running `tiertracker serve`.
type server struct {
	cmd  *exec.Cmd
	base string
	done chan error
}

// freePort asks the kernel for a port nobody listens on.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// startServer starts the server binary with env added to this process's environment, its log
// appended to logPath, and waits until it answers /readyz.
func startServer(ctx context.Context, bin string, env []string, logPath string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(append(os.Environ(), env...), "PORT="+strconv.Itoa(port))
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	s := &server{cmd: cmd, base: fmt.Sprintf("http://127.0.0.1:%d", port), done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait(); logFile.Close() }()
	deadline := time.Now().Add(5 * time.Minute)
	probe := &http.Client{Timeout: 5 * time.Second} // a server that accepts and never answers is not ready
	for {
		res, err := probe.Get(s.base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		select {
		case err := <-s.done:
			return nil, fmt.Errorf("server exited before it was ready (%v); see %s", err, logPath)
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("server not ready after 5 minutes; see %s", logPath)
		}
	}
}

// pid is the server's process ID.
func (s *server) pid() int { return s.cmd.Process.Pid }

// stop asks the server to shut down gracefully, and kills it after 30 seconds.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// memory is a process's resident set: now, and its peak since it started (the kernel's high
// water mark), in bytes.
type memory struct{ RSS, HWM int64 }

// memoryOf reads VmRSS and VmHWM from /proc/<pid>/status.
func memoryOf(pid int) (memory, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return memory{}, err
	}
	defer f.Close()
	var m memory
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok || (name != "VmRSS" && name != "VmHWM") {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		if err != nil {
			return memory{}, fmt.Errorf("%s: %w", sc.Text(), err)
		}
		if name == "VmRSS" {
			m.RSS = kb << 10
		} else {
			m.HWM = kb << 10
		}
	}
	return m, sc.Err()
}

// cpuTime is the CPU time a process has used so far (user and system).
func cpuTime(pid int) (time.Duration, error) {
	t, _, _, err := processCPU(pid)
	return t, err
}

// processCPU reads from /proc/<pid>/stat a process's CPU time (user and system), that of its
// ended children it has waited for, and its parent.
func processCPU(pid int) (own, reaped time.Duration, ppid int, err error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, 0, err
	}
	// The command name, in parentheses, may hold spaces; the fields after it are plain.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 15 {
		return 0, 0, 0, errors.New("short /proc stat")
	}
	n := func(i int) int64 { v, _ := strconv.ParseInt(f[i], 10, 64); return v }
	const ticksPerSecond = 100 // USER_HZ, 100 on every Linux this runs on
	own = time.Duration(n(11)+n(12)) * time.Second / ticksPerSecond
	reaped = time.Duration(n(13)+n(14)) * time.Second / ticksPerSecond
	return own, reaped, int(n(1)), nil
}

// settle waits until the server has finished the work it starts with (the expiry notices and
// annual update jobs run at start, over the whole registry): two seconds in a row in which it
// used under a tenth of a CPU and no query of its database was running. It returns how long
// that took.
func settle(ctx context.Context, pid int, admin *sql.DB, dbName string) (time.Duration, error) {
	start := time.Now()
	quiet := 0
	last, err := cpuTime(pid)
	if err != nil {
		return 0, err
	}
	for quiet < 2 {
		if time.Since(start) > 15*time.Minute {
			return time.Since(start), errors.New("server still busy after 15 minutes")
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(time.Second):
		}
		now, err := cpuTime(pid)
		if err != nil {
			return 0, err
		}
		var active int
		err = admin.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`, dbName).Scan(&active)
		if err != nil {
			return 0, err
		}
		if now-last < 100*time.Millisecond && active == 0 {
			quiet++
		} else {
			quiet = 0
		}
		last = now
	}
	return time.Since(start), nil
}
