package main

import "testing"

const criteriaOutput = `goos: linux
goarch: amd64
pkg: github.com/tiertracker/tiertracker/internal/criteria
cpu: Intel Xeon Processor (Icelake)
BenchmarkEvaluateAllTiers 	 1000000	      3317 ns/op	    6408 B/op	      11 allocs/op
BenchmarkEvaluateAllTiers 	 1000000	      3351 ns/op	    6408 B/op	      11 allocs/op
BenchmarkEvaluateAllTiers 	 1000000	      3305 ns/op	    6408 B/op	      11 allocs/op
BenchmarkEvaluateAllTiers-2 	 1000000	      3306.5 ns/op	    6408 B/op	      11 allocs/op
PASS
ok  	github.com/tiertracker/tiertracker/internal/criteria	17.412s
`

func TestParseCriteriaBench(t *testing.T) {
	r, err := parseCriteriaBench(criteriaOutput)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.NsPerOp) != 4 || r.BytesOp != 6408 || r.AllocsOp != 11 {
		t.Fatalf("parsed %+v", r)
	}
	if m := r.Median(); m != 3311.75 { // (3306.5 + 3317) / 2
		t.Errorf("median = %v", m)
	}
	odd := criteriaResult{NsPerOp: []float64{4000, 2000, 5000}}
	if odd.Median() != 4000 || odd.PerSecond() != 250_000 {
		t.Errorf("median %v, per second %v", odd.Median(), odd.PerSecond())
	}
	if _, err := parseCriteriaBench("FAIL\n"); err == nil {
		t.Error("output without a benchmark line parsed")
	}
}
