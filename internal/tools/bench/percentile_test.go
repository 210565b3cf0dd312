package main

import (
	"testing"
	"time"
)

func TestPercentileByNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- { // 1..100 ms, given out of order
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	l := latencyOf(ds)
	want := latency{N: 100, Mean: 50500 * time.Microsecond, P50: 50 * time.Millisecond, P95: 95 * time.Millisecond,
		P99: 99 * time.Millisecond, Max: 100 * time.Millisecond}
	if l != want {
		t.Errorf("latencyOf(1..100 ms) = %+v, want %+v", l, want)
	}
	if ds[0] != 100*time.Millisecond {
		t.Error("latencyOf sorted its argument")
	}
}

func TestPercentileOfFewValues(t *testing.T) {
	sorted := []time.Duration{10, 20, 30}
	tests := []struct {
		p    float64
		want time.Duration
	}{{1, 10}, {33, 10}, {34, 20}, {50, 20}, {66, 20}, {67, 30}, {95, 30}, {99, 30}, {100, 30}}
	for _, tt := range tests {
		if got := percentile(sorted, tt.p); got != tt.want {
			t.Errorf("percentile(%v, %v) = %v, want %v", sorted, tt.p, got, tt.want)
		}
	}
	if got := latencyOf(nil); got != (latency{}) {
		t.Errorf("latencyOf(nil) = %+v", got)
	}
}
