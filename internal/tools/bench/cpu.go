package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// cpuUse is how many CPUs were busy on average over a measurement: the whole machine, the
// server process and the PostgreSQL cluster's processes (every backend, whichever database it
// serves). It shows whether a figure and its limit were bound by the machine's CPUs, and whether
// anything else ran meanwhile.
type cpuUse struct {
	Machine  float64
	Server   float64
	Postgres float64
}

// cpuSnapshot is the CPU time used so far.
type cpuSnapshot struct {
	at       time.Time
	machine  time.Duration // busy time summed over CPUs
	server   time.Duration
	postgres time.Duration
}

// cpuPIDs are the processes whose CPU time is followed: the server, and the postmaster of the
// PostgreSQL cluster measured (other clusters may run on the machine).
type cpuPIDs struct{ server, postmaster int }

func snapshotCPU(p cpuPIDs) cpuSnapshot {
	s := cpuSnapshot{at: time.Now(), machine: machineBusy(), postgres: clusterCPU(p.postmaster)}
	s.server, _ = cpuTime(p.server)
	return s
}

// since is the CPU use from s to now.
func (s cpuSnapshot) since(p cpuPIDs) cpuUse {
	now := snapshotCPU(p)
	wall := now.at.Sub(s.at).Seconds()
	if wall <= 0 {
		return cpuUse{}
	}
	return cpuUse{
		Machine:  (now.machine - s.machine).Seconds() / wall,
		Server:   (now.server - s.server).Seconds() / wall,
		Postgres: (now.postgres - s.postgres).Seconds() / wall,
	}
}

// machineBusy reads the time all CPUs spent on anything but idling, from /proc/stat's first line
// ("cpu user nice system idle iowait irq softirq steal ...", in USER_HZ ticks).
func machineBusy() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	var busy int64
	for i, v := range f[1:] {
		n, _ := strconv.ParseInt(v, 10, 64)
		if i == 3 || i == 4 || i >= 8 { // idle, iowait; guest time is counted in user already
			continue
		}
		busy += n
	}
	return time.Duration(busy) * time.Second / 100
}

// clusterCPU sums the CPU time of a postmaster's children, those running and those ended
// (which the kernel adds to the postmaster's children's time when it reaps them: a pgbench run's
// backends end with it).
func clusterCPU(postmaster int) time.Duration {
	own, reaped, _, err := processCPU(postmaster)
	if err != nil {
		return 0
	}
	total := own + reaped
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		pid, _ := strconv.Atoi(filepath.Base(d))
		if t, _, ppid, err := processCPU(pid); err == nil && ppid == postmaster {
			total += t
		}
	}
	return total
}
