package main

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"
)

// loadRun is what a closed-loop run measured after its warm-up.
type loadRun struct {
	Workers  int
	Requests int
	Errors   int
	Elapsed  time.Duration // from the end of the warm-up to the last answer
	PerSec   float64
	Latency  latency
	FirstErr string
}

// closedLoop runs workers that each send a request, wait for its answer and send the next, for
// warmup and then for measure: a closed loop, like pgbench's clients, so both sides are offered
// the same concurrency and the rate is what the system sustains at it. Requests sent during the
// warm-up are not counted; those sent after it are, to their answer. measuring, unless nil, is
// called when the warm-up ends.
func closedLoop(ctx context.Context, workers int, warmup, measure time.Duration, measuring func(), do func(ctx context.Context, rng *rand.Rand) error) loadRun {
	start := time.Now()
	from, end := start.Add(warmup), start.Add(warmup+measure)
	var wg sync.WaitGroup
	if measuring != nil {
		// Waited for with the workers: the caller reads what measuring wrote.
		wg.Go(func() {
			select {
			case <-time.After(warmup):
				measuring()
			case <-ctx.Done():
			}
		})
	}
	type tally struct {
		ds     []time.Duration
		errors int
		first  string
		last   time.Time
	}
	tallies := make([]tally, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := &tallies[w]
			rng := rand.New(rand.NewPCG(uint64(w), uint64(start.UnixNano())))
			for {
				sent := time.Now()
				if !sent.Before(end) || ctx.Err() != nil {
					return
				}
				err := do(ctx, rng)
				done := time.Now()
				if sent.Before(from) {
					continue
				}
				t.last = done
				if err != nil {
					t.errors++
					if t.first == "" {
						t.first = err.Error()
					}
					continue
				}
				t.ds = append(t.ds, done.Sub(sent))
			}
		}()
	}
	wg.Wait()
	r := loadRun{Workers: workers}
	var all []time.Duration
	last := from
	for _, t := range tallies {
		all = append(all, t.ds...)
		r.Errors += t.errors
		if r.FirstErr == "" {
			r.FirstErr = t.first
		}
		if t.last.After(last) {
			last = t.last
		}
	}
	r.Requests = len(all)
	r.Elapsed = last.Sub(from)
	if r.Elapsed > 0 {
		r.PerSec = float64(r.Requests) / r.Elapsed.Seconds()
	}
	r.Latency = latencyOf(all)
	return r
}

// minTurns is the fewest turns alternating takes: enough for a p95 that is not the maximum.
const minTurns = 40

// alternating sends n requests of each of two kinds one after the other, a and b in turn (a
// first on even turns, b on odd ones), after warm requests of each that are not counted, and
// returns their durations. Taking turns gives both the same machine: whatever else runs
// meanwhile slows both alike. Past budget it stops early, once it has minTurns.
func alternating(ctx context.Context, warm, n int, budget time.Duration, a, b func(ctx context.Context, i int) error) (da, db []time.Duration, err error) {
	for i := range warm {
		if err := a(ctx, i); err != nil {
			return nil, nil, err
		}
		if err := b(ctx, i); err != nil {
			return nil, nil, err
		}
	}
	timed := func(do func(ctx context.Context, i int) error, i int, into *[]time.Duration) error {
		t := time.Now()
		if err := do(ctx, i); err != nil {
			return err
		}
		*into = append(*into, time.Since(t))
		return nil
	}
	start := time.Now()
	for i := range n {
		if i >= minTurns && time.Since(start) > budget {
			break
		}
		first, second, intoFirst, intoSecond := a, b, &da, &db
		if i%2 == 1 {
			first, second, intoFirst, intoSecond = b, a, &db, &da
		}
		if err := timed(first, i, intoFirst); err != nil {
			return nil, nil, err
		}
		if err := timed(second, i, intoSecond); err != nil {
			return nil, nil, err
		}
	}
	return da, db, nil
}
