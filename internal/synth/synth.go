// Package synth generates a synthetic registry of any size for measuring the product at scale:
// enterprises spread over the demo city's regions and over the industries, three years of figures
// each, qualification histories with their batches and applications, and every enterprise's stored
// criteria results, computed by the real engine. The same size, seed and day give byte-identical
// data: every enterprise draws from its own random source, keyed by the seed and its id, so the
// registry can be generated a chunk at a time, on several goroutines, and never held whole.
package synth

import (
	"errors"
	"fmt"
	"time"

	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
)

// DefaultToday is the day a generated registry stands on unless told another: figures of the three
// complete years before it, qualifications as of it, criteria results computed on it.
var DefaultToday = calendar.NewDate(2026, 6, 30)

// MaxEnterprises bounds one registry: credit codes are made unique by numbering enterprises within
// the nine digits of the organisation code.
const MaxEnterprises = 100_000_000

// Config says what to generate.
type Config struct {
	Enterprises int
	Seed        uint64
	// Today is the day the registry stands on (DefaultToday when zero).
	Today calendar.Date
	// Location is the bureau's time zone, in which generated instants fall on their days.
	Location *time.Location
}

// IDs are the highest ids in use in each table a generation writes to (serial ids).
type IDs struct {
	Enterprise, AnnualReport, Qualification, QualificationEvent, Batch, Application, ApplicationStep int64
}

// Existing is what a database holds before a generation adds to it: its highest ids, which the
// generated rows follow, and its batches by name, which the generated history joins rather than
// repeats.
type Existing struct {
	Enterprises int64
	Last        IDs
	Batches     map[string]int64
}

// Chunk is the generated rows of consecutive enterprises: everything that hangs off them.
type Chunk struct {
	Enterprises    []enterprise.Enterprise
	Reports        []report.Annual
	Qualifications []qualification.Qualification
	Events         []qualification.Event
	Applications   []application.Application
	Steps          []application.Step
	Results        []Results
}

// Results are an enterprise's criteria results, as the daily refresh stores them.
type Results struct {
	EnterpriseID int64
	Results      []criteria.Result
	ComputedAt   time.Time
}

// Counts are how many rows of each kind a generation made.
type Counts struct {
	Regions        int64 `json:"regions"`
	Batches        int64 `json:"batches"`
	Enterprises    int64 `json:"enterprises"`
	Reports        int64 `json:"annual_reports"`
	Qualifications int64 `json:"qualifications"`
	Events         int64 `json:"qualification_events"`
	Applications   int64 `json:"applications"`
	Steps          int64 `json:"application_steps"`
	Results        int64 `json:"eligibility_results"`
}

// Rows returns the number of rows in all.
func (c Counts) Rows() int64 {
	return c.Regions + c.Batches + c.Enterprises + c.Reports + c.Qualifications + c.Events + c.Applications + c.Steps + c.Results
}

// TableRows is how many rows a generation made of a table.
type TableRows struct {
	Table string
	Rows  int64
}

// Tables returns the counts by table, in the order a load writes them.
func (c Counts) Tables() []TableRows {
	return []TableRows{
		{"regions", c.Regions}, {"batches", c.Batches}, {"enterprises", c.Enterprises}, {"annual_reports", c.Reports},
		{"eligibility_results", c.Results}, {"qualifications", c.Qualifications}, {"qualification_events", c.Events},
		{"applications", c.Applications}, {"application_steps", c.Steps},
	}
}

// add counts a chunk's rows.
func (c *Counts) add(ch *Chunk) {
	c.Enterprises += int64(len(ch.Enterprises))
	c.Reports += int64(len(ch.Reports))
	c.Qualifications += int64(len(ch.Qualifications))
	c.Events += int64(len(ch.Events))
	c.Applications += int64(len(ch.Applications))
	c.Steps += int64(len(ch.Steps))
	for _, r := range ch.Results {
		c.Results += int64(len(r.Results))
	}
}

// ErrBadConfig is returned for a configuration that cannot be generated.
var ErrBadConfig = errors.New("synth: bad configuration")

func (cfg *Config) check(existing Existing) error {
	if cfg.Today.IsZero() {
		cfg.Today = DefaultToday
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	switch {
	case cfg.Enterprises < 1:
		return fmt.Errorf("%w: at least 1 enterprise, not %d", ErrBadConfig, cfg.Enterprises)
	case existing.Last.Enterprise+int64(cfg.Enterprises) > MaxEnterprises:
		return fmt.Errorf("%w: at most %d enterprises in one registry", ErrBadConfig, MaxEnterprises)
	case cfg.Today.Year() < 2022:
		return fmt.Errorf("%w: today must be in 2022 or later (the ladder's measures), not %s", ErrBadConfig, cfg.Today)
	case cfg.Today.Year()-1 > criteria.MaxYear:
		return fmt.Errorf("%w: today must be in %d or before (its reports' years are checked), not %s", ErrBadConfig, criteria.MaxYear+1, cfg.Today)
	}
	return nil
}

// at returns the instant of a day at an hour in the bureau's time zone, in UTC.
func (g *Generator) at(d calendar.Date, hour int) time.Time {
	return d.Start(g.cfg.Location).Add(time.Duration(hour) * time.Hour).UTC()
}
