package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/schema"

	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/region"
	"github.com/tiertracker/tiertracker/internal/synth"
)

// Bulk loads a generated registry (api gen) through the fastest path each database has: COPY on
// PostgreSQL, multi-row INSERTs of a few hundred parameters on SQLite; in one transaction, with
// every row's id given.
type Bulk struct {
	conn
	// raw is the transaction's own connection on PostgreSQL, through which COPY goes.
	raw *sql.Conn
	// deferred are the definitions of the indexes dropped until Finish.
	deferred *[]string
}

// NewBulk returns the bulk loader's store over db.
func NewBulk(db *gorm.DB) Bulk { return Bulk{conn: conn{db: db}} }

// Tx runs fn in one transaction. On PostgreSQL the transaction holds a connection of its own, so
// that COPY can go through the same connection as the transaction's statements, and takes an
// advisory lock, so that two loads take turns (the second then finds the first's enterprises);
// SQLite's transactions take the database's write lock at once.
func (s Bulk) Tx(ctx context.Context, fn func(synth.Store) error) error {
	if !isPostgres(s.db) {
		if err := s.tx(ctx, func(c conn) error { return fn(Bulk{conn: c, deferred: new([]string)}) }); err != nil {
			return err
		}
		// The load's one transaction left every page it wrote in the write-ahead log: move them
		// into the database file and empty the log, rather than leave a log the database's size.
		return wrap(s.ctx(ctx).Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error, "checkpoint")
	}
	return s.ctx(ctx).Connection(func(db *gorm.DB) error {
		raw, ok := db.Statement.ConnPool.(*sql.Conn)
		if !ok {
			return fmt.Errorf("store: bulk load: no connection of its own (%T)", db.Statement.ConnPool)
		}
		return db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec("SELECT pg_advisory_xact_lock(hashtext('tiertracker:bulk_load'))").Error; err != nil {
				return wrap(err, "bulk load lock")
			}
			return fn(Bulk{conn: conn{db: tx}, raw: raw, deferred: new([]string)})
		})
	})
}

// bulkSerialTables are the tables whose serial ids a load gives, in the order of synth.IDs.
var bulkSerialTables = []string{"enterprises", "annual_reports", "qualifications", "qualification_events", "batches", "applications", "application_steps"}

// Existing returns how many enterprises the database holds, its highest ids and its batches.
func (s Bulk) Existing(ctx context.Context) (synth.Existing, error) {
	var ex synth.Existing
	if err := s.ctx(ctx).Model(&enterpriseRow{}).Count(&ex.Enterprises).Error; err != nil {
		return ex, wrap(err, "count enterprises")
	}
	last := []*int64{&ex.Last.Enterprise, &ex.Last.AnnualReport, &ex.Last.Qualification, &ex.Last.QualificationEvent,
		&ex.Last.Batch, &ex.Last.Application, &ex.Last.ApplicationStep}
	for i, table := range bulkSerialTables {
		if err := s.ctx(ctx).Table(table).Select("COALESCE(MAX(id), 0)").Scan(last[i]).Error; err != nil {
			return ex, wrap(err, "highest id of "+table)
		}
	}
	var batches []batchRow
	if err := s.ctx(ctx).Select("id, name").Find(&batches).Error; err != nil {
		return ex, wrap(err, "batches")
	}
	ex.Batches = make(map[string]int64, len(batches))
	for _, b := range batches {
		ex.Batches[b.Name] = b.ID
	}
	return ex, nil
}

// AddRegions stores the regions not stored yet; a stored region keeps its name.
func (s Bulk) AddRegions(ctx context.Context, regions []region.Region, now time.Time) (int, error) {
	rows := make([]regionRow, len(regions))
	for i, r := range regions {
		rows[i] = regionRow{Code: r.Code, Name: r.Name, NameEn: r.NameEn, Kind: string(r.Kind), SortOrder: r.Order, CreatedAt: utc(now)}
	}
	res := s.ctx(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&rows)
	return int(res.RowsAffected), wrap(res.Error, "add regions")
}

// CreateBatches stores batches with their ids.
func (s Bulk) CreateBatches(ctx context.Context, bs []batch.Batch) error {
	return writeBulk(ctx, s, len(bs), func(i int) (batchRow, error) { return batchToRow(bs[i]), nil })
}

// WriteChunk stores a chunk's rows with their ids, parents before children.
func (s Bulk) WriteChunk(ctx context.Context, c *synth.Chunk) error {
	type result struct {
		enterpriseID int64
		r            *criteria.Result
		at           time.Time
	}
	var results []result
	for _, rs := range c.Results {
		for i := range rs.Results {
			results = append(results, result{rs.EnterpriseID, &rs.Results[i], rs.ComputedAt})
		}
	}
	for _, write := range []func() error{
		func() error {
			return writeBulk(ctx, s, len(c.Enterprises), func(i int) (enterpriseRow, error) { return enterpriseToRow(c.Enterprises[i]), nil })
		},
		func() error {
			return writeBulk(ctx, s, len(c.Reports), func(i int) (annualReportRow, error) { return reportToRow(c.Reports[i]), nil })
		},
		func() error {
			return writeBulk(ctx, s, len(results), func(i int) (eligibilityRow, error) {
				return resultToRow(results[i].enterpriseID, *results[i].r, results[i].at), nil
			})
		},
		func() error {
			return writeBulk(ctx, s, len(c.Qualifications), func(i int) (qualificationRow, error) { return qualificationToRow(c.Qualifications[i]), nil })
		},
		func() error {
			return writeBulk(ctx, s, len(c.Events), func(i int) (qualificationEventRow, error) { return eventToRow(c.Events[i]), nil })
		},
		func() error {
			return writeBulk(ctx, s, len(c.Applications), func(i int) (applicationRow, error) { return applicationToRow(c.Applications[i]), nil })
		},
		func() error {
			return writeBulk(ctx, s, len(c.Steps), func(i int) (stepRow, error) { return stepToRow(c.Steps[i]), nil })
		},
	} {
		if err := write(); err != nil {
			return err
		}
	}
	return nil
}

// bulkFilled are the tables a load fills with rows.
var bulkFilled = []string{"enterprises", "annual_reports", "eligibility_results", "qualifications", "qualification_events", "applications", "application_steps"}

// DeferIndexes drops the indexes of the tables a load fills that back no constraint, for Finish to
// build again over the loaded rows: as PostgreSQL's manual advises for populating a database,
// building an index over rows present is much faster than updating it row by row (and on SQLite
// too). Primary keys, and with them the foreign keys, stay checked row by row; the unique indexes
// check the rows as they are built. The drops are part of the transaction: a failed load leaves
// every index as it was.
func (s Bulk) DeferIndexes(ctx context.Context) error {
	var indexes []struct {
		Name string
		Def  string
	}
	q := `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema() AND t.relname IN ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
		ORDER BY i.relname`
	if !isPostgres(s.db) {
		// An index SQLite made for a constraint has no SQL of its own.
		q = "SELECT name, sql AS def FROM sqlite_master WHERE type = 'index' AND tbl_name IN ? AND sql IS NOT NULL ORDER BY name"
	}
	if err := s.ctx(ctx).Raw(q, bulkFilled).Scan(&indexes).Error; err != nil {
		return wrap(err, "list indexes")
	}
	for _, ix := range indexes {
		if err := s.ctx(ctx).Exec(`DROP INDEX "` + ix.Name + `"`).Error; err != nil {
			return wrap(err, "drop index "+ix.Name)
		}
		*s.deferred = append(*s.deferred, ix.Def)
	}
	return nil
}

// Finish builds the indexes deferred, counts the statistics' cohorts over the rows loaded, and
// moves PostgreSQL's sequences past the ids a load gave,
// so that the server's own inserts go on from there (SQLite's count a rowid given anyway).
func (s Bulk) Finish(ctx context.Context) error {
	if isPostgres(s.db) && len(*s.deferred) > 0 {
		// Sorting in memory builds an index several times faster than spilling to disk.
		if err := s.ctx(ctx).Exec("SET LOCAL maintenance_work_mem = '256MB'").Error; err != nil {
			return wrap(err, "maintenance_work_mem")
		}
	}
	for _, def := range *s.deferred {
		if err := s.ctx(ctx).Exec(def).Error; err != nil {
			return wrap(err, "build index")
		}
	}
	*s.deferred = nil
	// A load writes the tables without counting the statistics' cohorts: count them over.
	if err := s.RebuildCohorts(ctx); err != nil {
		return err
	}
	if !isPostgres(s.db) {
		return nil
	}
	for _, table := range bulkSerialTables {
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM %s), false)", table, table)
		if err := s.ctx(ctx).Exec(q).Error; err != nil {
			return wrap(err, "sequence of "+table)
		}
	}
	return nil
}

// ClaimDay records a periodic job's run of a day as done, unless it is claimed already.
func (s Bulk) ClaimDay(ctx context.Context, job string, day calendar.Date, by string, at time.Time) error {
	err := s.ctx(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&jobClaimRow{Job: job, Day: day, ClaimedBy: by, ClaimedAt: utc(at)}).Error
	return wrap(err, "claim job")
}

// bulkTable is a table as a load writes it: the columns GORM maps its row struct to, and the
// fields they come from, so that a row written in bulk is the row GORM would have written.
type bulkTable struct {
	name    string
	columns []string
	fields  []*schema.Field
}

var bulkTables sync.Map // reflect.Type of a row struct → *bulkTable

// bulkTableOf returns the table of a row struct.
func bulkTableOf(db *gorm.DB, model any) (*bulkTable, error) {
	t := reflect.TypeOf(model)
	if cached, ok := bulkTables.Load(t); ok {
		return cached.(*bulkTable), nil
	}
	sch, err := schema.Parse(model, &sync.Map{}, db.NamingStrategy)
	if err != nil {
		return nil, err
	}
	bt := &bulkTable{name: sch.Table}
	for _, f := range sch.Fields {
		if f.DBName != "" && f.Creatable {
			bt.columns = append(bt.columns, f.DBName)
			bt.fields = append(bt.fields, f)
		}
	}
	bulkTables.Store(t, bt)
	return bt, nil
}

// values returns a row's values in the table's columns' order: each as GORM would bind it (JSON
// for a serialised field), resolved to what the driver takes; dates as instants on PostgreSQL,
// whose COPY writes them in binary.
func (t *bulkTable) values(ctx context.Context, row reflect.Value, postgres bool) ([]any, error) {
	out := make([]any, len(t.fields))
	for i, f := range t.fields {
		v, _ := f.ValueOf(ctx, row)
		switch x := v.(type) {
		case calendar.Date:
			if x.IsZero() {
				v = nil
			} else if postgres {
				v = x.Start(time.UTC)
			}
		case driver.Valuer:
			var err error
			if v, err = x.Value(); err != nil {
				return nil, fmt.Errorf("%s.%s: %w", t.name, f.DBName, err)
			}
		}
		out[i] = v
	}
	return out, nil
}

// writeBulk writes n rows of a row struct to their table, each made by rowAt as it is written:
// on PostgreSQL, pgx encodes rows on a goroutine of its own while it sends those before, so the
// rows are made while the server stores the ones before them.
func writeBulk[T any](ctx context.Context, s Bulk, n int, rowAt func(int) (T, error)) error {
	if n == 0 {
		return nil
	}
	var zero T
	t, err := bulkTableOf(s.db, &zero)
	if err != nil {
		return wrap(err, "bulk table")
	}
	postgres := isPostgres(s.db)
	src := &bulkSource{n: n, i: -1, values: func(i int) ([]any, error) {
		row, err := rowAt(i)
		if err != nil {
			return nil, err
		}
		return t.values(ctx, reflect.ValueOf(&row).Elem(), postgres)
	}}
	if postgres {
		return wrap(s.copyRows(ctx, t, src), "copy "+t.name)
	}
	return wrap(s.insertRows(ctx, t, src), "insert "+t.name)
}

// bulkSource gives rows one at a time, as pgx's COPY asks for them (pgx.CopyFromSource).
type bulkSource struct {
	n, i   int
	values func(i int) ([]any, error)
	err    error
}

func (b *bulkSource) Next() bool {
	b.i++
	return b.err == nil && b.i < b.n
}

func (b *bulkSource) Values() ([]any, error) {
	v, err := b.values(b.i)
	if err != nil {
		b.err = err
	}
	return v, err
}

func (b *bulkSource) Err() error { return b.err }

// copyRows writes rows with COPY, through the pgx connection beneath the transaction's.
func (s Bulk) copyRows(ctx context.Context, t *bulkTable, src *bulkSource) error {
	if s.raw == nil {
		return fmt.Errorf("store: COPY outside a bulk load's transaction")
	}
	return s.raw.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: COPY needs pgx's connection, not %T", dc)
		}
		n, err := c.Conn().CopyFrom(ctx, pgx.Identifier{t.name}, t.columns, src)
		if err == nil && n != int64(src.n) {
			err = fmt.Errorf("copied %d rows of %d", n, src.n)
		}
		return err
	})
}

// insertRows writes rows with multi-row INSERTs of about bindBudget parameters, a statement
// prepared once for every full one.
func (s Bulk) insertRows(ctx context.Context, t *bulkTable, src *bulkSource) error {
	per := batchRows(len(t.columns))
	pool := s.db.Statement.ConnPool
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, per*len(t.columns))
	for start := 0; start < src.n; start += per {
		rows := min(per, src.n-start)
		args = args[:0]
		for i := start; i < start+rows; i++ {
			v, err := src.values(i)
			if err != nil {
				return err
			}
			args = append(args, v...)
		}
		if rows < per {
			if _, err := pool.ExecContext(ctx, insertSQL(t, rows), args...); err != nil {
				return err
			}
			continue
		}
		if full == nil {
			var err error
			if full, err = pool.PrepareContext(ctx, insertSQL(t, per)); err != nil {
				return err
			}
		}
		if _, err := full.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

// insertSQL is the INSERT of n rows into a table.
func insertSQL(t *bulkTable, n int) string {
	row := "(" + strings.Repeat("?, ", len(t.columns)-1) + "?)"
	var b strings.Builder
	b.WriteString("INSERT INTO " + t.name + " (" + strings.Join(t.columns, ", ") + ") VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return b.String()
}
