package synth

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/region"
)

// Store is where a generated registry is loaded, through the fastest path its database has.
type Store interface {
	// Tx runs fn in one transaction over a Store bound to it; loads take turns.
	Tx(ctx context.Context, fn func(Store) error) error
	// Existing returns what the database holds already.
	Existing(ctx context.Context) (Existing, error)
	// AddRegions stores the regions not stored yet, leaving the others as they are, and returns
	// how many it stored.
	AddRegions(ctx context.Context, regions []region.Region, now time.Time) (int, error)
	// CreateBatches stores batches with their ids.
	CreateBatches(ctx context.Context, bs []batch.Batch) error
	// DeferIndexes lets the indexes that back no constraint wait until Finish, which builds them
	// over the loaded rows.
	DeferIndexes(ctx context.Context) error
	// WriteChunk stores a chunk's rows with their ids.
	WriteChunk(ctx context.Context, c *Chunk) error
	// Finish builds the indexes deferred, counts what the statistics keep counted, and readies the
	// database for the server's own inserts after rows stored with their ids.
	Finish(ctx context.Context) error
	// ClaimDay records a periodic job's run of a day as done, unless it is claimed already.
	ClaimDay(ctx context.Context, job string, day calendar.Date, by string, at time.Time) error
	RecordAudit(ctx context.Context, e audit.Event) error
}

// ErrNotEmpty is returned for a load into a database that holds enterprises, unless told to add.
var ErrNotEmpty = errors.New("the database already holds enterprises")

// Options say how to load.
type Options struct {
	// Add lets a load add to a database that holds enterprises.
	Add bool
	// ChunkSize is how many enterprises are generated and written at a time (1,000 by default).
	ChunkSize int
	// Workers is how many goroutines generate (GOMAXPROCS by default).
	Workers int
	// LoadedAt is when the load runs, for the audit log.
	LoadedAt time.Time
	// Progress, when set, is told the counts so far after each chunk.
	Progress func(Counts)
}

// Load generates a registry and stores it in one transaction: the demo city's regions that are
// missing, the batches, then the enterprises and all that hangs off them a chunk at a time, as they
// are generated. Into a database that holds no enterprise, it builds the tables' indexes once the
// rows are in, and records today's criteria refresh as done, since every result was computed today,
// so that a server started on the same day does not compute them all again.
func Load(ctx context.Context, st Store, cfg Config, opt Options) (Counts, error) {
	if opt.ChunkSize <= 0 {
		opt.ChunkSize = 1000
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	var counts Counts
	err := st.Tx(ctx, func(st Store) error {
		counts = Counts{}
		existing, err := st.Existing(ctx)
		if err != nil {
			return err
		}
		if existing.Enterprises > 0 && !opt.Add {
			return fmt.Errorf("%w (%d); refusing to generate into it", ErrNotEmpty, existing.Enterprises)
		}
		g, err := New(cfg, existing)
		if err != nil {
			return err
		}
		n, err := st.AddRegions(ctx, demo.Regions, g.Now())
		if err != nil {
			return err
		}
		counts.Regions = int64(n)
		bs := g.Batches()
		if err := st.CreateBatches(ctx, bs); err != nil {
			return err
		}
		counts.Batches = int64(len(bs))
		if existing.Enterprises == 0 {
			// Rows into empty tables: their indexes are built once over them all.
			if err := st.DeferIndexes(ctx); err != nil {
				return err
			}
		}
		err = g.Stream(ctx, opt.ChunkSize, opt.Workers, func(c *Chunk) error {
			if err := st.WriteChunk(ctx, c); err != nil {
				return err
			}
			counts.add(c)
			if opt.Progress != nil {
				opt.Progress(counts)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := st.Finish(ctx); err != nil {
			return err
		}
		if existing.Enterprises == 0 {
			if err := st.ClaimDay(ctx, eligibility.RefreshJob, g.cfg.Today, "api gen", opt.LoadedAt); err != nil {
				return err
			}
		}
		return st.RecordAudit(ctx, audit.New(ctx, opt.LoadedAt, access.Actor{Username: "system"}, "synth.load", "", "", nil,
			map[string]any{"seed": cfg.Seed, "today": g.cfg.Today.String(), "added": existing.Enterprises > 0, "counts": counts}))
	})
	return counts, err
}
