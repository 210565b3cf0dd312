package synth

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/eligibility"
)

// Generator makes a registry: its batches, then its enterprises a chunk at a time.
type Generator struct {
	cfg     Config
	first   IDs       // the highest ids in use before the generation
	now     time.Time // the evening of today: when the results were computed
	batches []plannedBatch
	byTier  map[criteria.Tier][]int // indices into batches, oldest first
}

// New returns the generator of a registry added to what a database holds (the zero Existing for
// an empty one).
func New(cfg Config, existing Existing) (*Generator, error) {
	if err := cfg.check(existing); err != nil {
		return nil, err
	}
	g := &Generator{cfg: cfg, first: existing.Last, byTier: map[criteria.Tier][]int{}}
	g.now = g.at(cfg.Today, 20)
	next := existing.Last.Batch
	for i, p := range plan(cfg.Today, cfg.Location) {
		if id, ok := existing.Batches[p.b.Name]; ok {
			p.b.ID = id
		} else {
			next++
			p.b.ID, p.isNew = next, true
		}
		g.batches = append(g.batches, p)
		g.byTier[p.b.Tier] = append(g.byTier[p.b.Tier], i)
	}
	return g, nil
}

// Now returns the instant the registry stands on: the evening of its day, when its criteria
// results were computed.
func (g *Generator) Now() time.Time { return g.now }

// Batches returns the batches the generation adds, with their ids.
func (g *Generator) Batches() []batch.Batch {
	var out []batch.Batch
	for _, p := range g.batches {
		if p.isNew {
			out = append(out, p.b)
		}
	}
	return out
}

// chunk returns the rows of n enterprises from the first-th (counting from 0), with ids of
// qualifications, their events, applications and steps counted from 1 within the chunk; Stream
// places them after those of the chunks before.
func (g *Generator) chunk(first, n int) (*Chunk, error) {
	c := &Chunk{}
	for k := first; k < first+n; k++ {
		id := g.first.Enterprise + int64(k) + 1
		d := dice{rand.New(rand.NewPCG(g.cfg.Seed, uint64(id)))}
		e, reports, strength := g.profile(d, id)
		h := history{g: g, d: d, e: &e, s: strength, chunk: c, used: map[int]bool{}}
		apps := len(c.Applications)
		h.make()
		created := g.at(g.cfg.Today.AddDays(-30-d.pick(4*365)), 9+d.pick(9))
		for _, a := range c.Applications[apps:] {
			// Registered before its first application, when it has one from the ledger.
			if a.CreatedAt.Before(created) {
				created = a.CreatedAt.Add(-24 * time.Hour)
			}
		}
		e.CreatedAt, e.UpdatedAt = created, created
		if latest := reports[0].CreatedAt; latest.After(created) {
			e.UpdatedAt = latest
		}
		// The store lists qualifications latest grant first; the evaluation reads them so.
		quals := h.quals
		for i, j := 0, len(quals)-1; i < j; i, j = i+1, j-1 {
			quals[i], quals[j] = quals[j], quals[i]
		}
		results, err := eligibility.Evaluate(e, reports, quals, g.cfg.Today)
		if err != nil {
			return nil, err
		}
		c.Enterprises = append(c.Enterprises, e)
		c.Reports = append(c.Reports, reports...)
		c.Results = append(c.Results, Results{EnterpriseID: id, Results: results, ComputedAt: g.now})
	}
	return c, nil
}

// place moves a chunk's local ids after the ids in use, and advances them past the chunk's.
func (c *Chunk) place(last *IDs) {
	q, ev, a, st := last.Qualification, last.QualificationEvent, last.Application, last.ApplicationStep
	for i := range c.Qualifications {
		x := &c.Qualifications[i]
		x.ID += q
		x.ApplicationID = shift(x.ApplicationID, a)
	}
	for i := range c.Events {
		x := &c.Events[i]
		x.ID += ev
		x.QualificationID += q
		x.ApplicationID = shift(x.ApplicationID, a)
	}
	for i := range c.Applications {
		x := &c.Applications[i]
		x.ID += a
		x.QualificationID = shift(x.QualificationID, q)
	}
	for i := range c.Steps {
		x := &c.Steps[i]
		x.ID += st
		x.ApplicationID += a
	}
	last.Qualification += int64(len(c.Qualifications))
	last.QualificationEvent += int64(len(c.Events))
	last.Application += int64(len(c.Applications))
	last.ApplicationStep += int64(len(c.Steps))
}

// shift moves a reference by an offset; 0 (no reference) stays 0.
func shift(id, by int64) int64 {
	if id == 0 {
		return 0
	}
	return id + by
}

// Stream generates the enterprises chunk by chunk on several goroutines and hands each chunk to fn
// in order, its ids placed. It stops at the first error, fn's or the generation's.
func (g *Generator) Stream(ctx context.Context, chunkSize, workers int, fn func(*Chunk) error) error {
	chunkSize, workers = max(chunkSize, 1), max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	type made struct {
		c   *Chunk
		err error
	}
	type job struct {
		first, n int
		out      chan made
	}
	jobs := make(chan job)
	order := make(chan chan made, 2*workers)
	go func() {
		defer close(jobs)
		defer close(order)
		for first := 0; first < g.cfg.Enterprises; first += chunkSize {
			j := job{first, min(chunkSize, g.cfg.Enterprises-first), make(chan made, 1)}
			select {
			case order <- j.out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	// On the way out, whatever the reason, the dispatcher and the workers stop before Stream returns.
	defer func() {
		cancel()
		wg.Wait()
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				c, err := g.chunk(j.first, j.n)
				j.out <- made{c, err}
			}
		}()
	}
	last := g.first
	for out := range order {
		var m made
		select {
		case m = <-out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if m.err != nil {
			return m.err
		}
		m.c.place(&last)
		if err := fn(m.c); err != nil {
			return err
		}
	}
	return ctx.Err()
}
