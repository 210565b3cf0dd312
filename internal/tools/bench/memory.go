package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
)

// memoryResult is the server's resident memory while many clients use it at once.
type memoryResult struct {
	Clients  int
	Duration time.Duration // of the load, after its warm-up
	Mix      string
	Load     loadRun
	Before   memory // after start, before the load
	Peak     int64  // the load's peak resident set, bytes
	Sampled  int64  // the largest VmRSS sampled during the load
	Samples  int
	FromHWM  bool // Peak is the kernel's high-water mark (it rose during the load), not a sample
	AfterRSS int64
}

// memory restarts the server, so that its peak is this load's and not an earlier phase's, and
// has clients each send a list, a summary or an enterprise's page one after the other while
// VmRSS is sampled every 50 ms. The peak is VmHWM when that rose during the load (then it is
// exact), else the largest sample.
func (b *sizeBench) memory(ctx context.Context) (*memoryResult, error) {
	o := b.opts
	if err := b.restartServer(ctx); err != nil {
		return nil, err
	}
	cl := newClient(b.srv.base, o.clients)
	if err := cl.login(ctx, benchUser, benchPassword); err != nil {
		return nil, err
	}
	ids, err := b.sampleIDs(ctx, 1000)
	if err != nil {
		return nil, err
	}
	dates := summaryDates(calendar.On(b.now(), b.loc), o.summaryMonths)
	r := &memoryResult{Clients: o.clients, Duration: o.memoryDuration, Mix: fmt.Sprintf("the list (half the requests: region %s, industry %s, a page of 1–%d), "+
		"the summary (a quarter: as of a month end of the last %d months) or an enterprise's page (a quarter: one of %s at random)",
		o.region, o.industry, o.pages, o.summaryMonths, thousands(int64(len(ids))))}
	if r.Before, err = memoryOf(b.srv.pid()); err != nil {
		return nil, err
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				if m, err := memoryOf(b.srv.pid()); err == nil {
					r.Samples++
					r.Sampled = max(r.Sampled, m.RSS)
				}
			}
		}
	}()
	listPath := "/api/v1/enterprises?region=" + o.region + "&industry=" + o.industry + "&page_size=20&page="
	r.Load = closedLoop(ctx, o.clients, 2*time.Second, o.memoryDuration, nil, func(ctx context.Context, rng *rand.Rand) error {
		switch k := rng.IntN(4); {
		case k < 2:
			return cl.get(ctx, listPath+strconv.Itoa(1+rng.IntN(o.pages)), nil)
		case k == 2:
			return cl.get(ctx, "/api/v1/stats/summary?as_of="+dates[rng.IntN(len(dates))].String(), nil)
		default:
			return cl.get(ctx, "/api/v1/enterprises/"+strconv.FormatInt(ids[rng.IntN(len(ids))], 10), nil)
		}
	})
	close(stop)
	wg.Wait()
	if r.Load.Errors > 0 {
		// A load whose requests fail holds less memory than one answered: no figure.
		return nil, fmt.Errorf("memory: %d requests failed, the first: %s", r.Load.Errors, r.Load.FirstErr)
	}
	after, err := memoryOf(b.srv.pid())
	if err != nil {
		return nil, err
	}
	r.AfterRSS = after.RSS
	r.Peak, r.FromHWM = r.Sampled, false
	if after.HWM > r.Before.HWM {
		r.Peak, r.FromHWM = after.HWM, true
	}
	return r, nil
}

// sampleIDs picks enterprises at random.
func (b *sizeBench) sampleIDs(ctx context.Context, n int) ([]int64, error) {
	rows, err := b.sqlDB.QueryContext(ctx, "SELECT id FROM enterprises ORDER BY random() LIMIT $1", n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
