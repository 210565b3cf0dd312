package main

import (
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// criteriaCommand is the criteria engine's benchmark as docs/BENCHMARKS.md describes it: one core,
// the process pinned to one CPU, five runs of three seconds.
var criteriaCommand = []string{"taskset", "-c", "0", "go", "test", "-run", "^$", "-bench", "EvaluateAllTiers",
	"-benchtime", "3s", "-count", "5", "-cpu", "1", "./internal/criteria/"}

// criteriaResult is the criteria engine's speed: nanoseconds per three-tier evaluation, run by run.
type criteriaResult struct {
	Command  string
	NsPerOp  []float64
	BytesOp  int
	AllocsOp int
	// MachineBusy is how many CPUs the machine kept busy on average during the benchmark, which
	// keeps one busy itself: more is other work sharing the machine.
	MachineBusy float64
}

// Median is the median run's nanoseconds per evaluation.
func (c criteriaResult) Median() float64 {
	s := slices.Clone(c.NsPerOp)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// PerSecond is evaluations per second on one core at the median run's speed.
func (c criteriaResult) PerSecond() float64 {
	if m := c.Median(); m > 0 {
		return 1e9 / m
	}
	return 0
}

var benchLine = regexp.MustCompile(`(?m)^BenchmarkEvaluateAllTiers(?:-\d+)?\s+\d+\s+([0-9.]+) ns/op(?:\s+(\d+) B/op\s+(\d+) allocs/op)?`)

// parseCriteriaBench reads the runs of `go test -bench EvaluateAllTiers`.
func parseCriteriaBench(out string) (criteriaResult, error) {
	var r criteriaResult
	for _, m := range benchLine.FindAllStringSubmatch(out, -1) {
		ns, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return r, err
		}
		r.NsPerOp = append(r.NsPerOp, ns)
		if m[2] != "" {
			r.BytesOp, _ = strconv.Atoi(m[2])
			r.AllocsOp, _ = strconv.Atoi(m[3])
		}
	}
	if len(r.NsPerOp) == 0 {
		return r, fmt.Errorf("no BenchmarkEvaluateAllTiers line in:\n%s", out)
	}
	return r, nil
}

// runCriteriaBench runs the criteria benchmark with the go command named (GO of the Makefile).
func runCriteriaBench(ctx context.Context, goCmd string) (criteriaResult, error) {
	args := slices.Clone(criteriaCommand)
	args[3] = goCmd
	cpu := snapshotCPU(cpuPIDs{})
	out, err := exec.CommandContext(ctx, args[0], args[1:]...).CombinedOutput()
	if err != nil {
		return criteriaResult{}, fmt.Errorf("%s: %w\n%s", strings.Join(args, " "), err, out)
	}
	r, err := parseCriteriaBench(string(out))
	r.Command = strings.Join(criteriaCommand, " ")
	r.MachineBusy = cpu.since(cpuPIDs{}).Machine
	return r, err
}
