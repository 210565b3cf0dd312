package importer

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/paging"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
	"github.com/tiertracker/tiertracker/internal/spreadsheet"
)

// Service runs imports. Its jobs run in the background of the process that accepted them, under
// Background (cancelled when the server stops); their progress is read from memory while they run,
// so that a long write does not keep readers waiting on the database.
type Service struct {
	Store      Store
	Now        func() time.Time
	Location   *time.Location
	Logger     *slog.Logger
	Background context.Context
	// StaleAfter is how long a job may go without a heartbeat before it counts as interrupted.
	StaleAfter time.Duration
	// Qualifications records the historic qualifications a file brings, as the form does.
	Qualifications qualification.Service

	jobs *jobs
}

// NewService returns a Service; its jobs run under background.
func NewService(background context.Context, st Store, quals qualification.Service, now func() time.Time, loc *time.Location, logger *slog.Logger) Service {
	return Service{Store: st, Qualifications: quals, Now: now, Location: loc, Logger: logger, Background: background, StaleAfter: 30 * time.Second,
		jobs: &jobs{running: map[int64]*Import{}}}
}

// jobs are the imports this process is working on, as they stand.
type jobs struct {
	mu      sync.Mutex
	running map[int64]*Import
	wg      sync.WaitGroup
}

func (j *jobs) snapshot(id int64) (Import, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	im, ok := j.running[id]
	if !ok {
		return Import{}, false
	}
	out := *im
	out.Errors = slices.Clone(im.Errors)
	return out, true
}

func (j *jobs) update(id int64, fn func(*Import)) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if im, ok := j.running[id]; ok {
		fn(im)
	}
}

// Wait waits for the running jobs to end (after Background is cancelled, they end soon).
func (s Service) Wait() { s.jobs.wg.Wait() }

// Upload takes a file of a kind, stores it and starts checking its rows; the answer is the
// import, validating.
func (s Service) Upload(ctx context.Context, actor access.Actor, kind Kind, filename string, content []byte) (Import, error) {
	if !kind.Valid() {
		return Import{}, apperr.Field("kind", apperr.RuleOneOf, map[string]any{"values": Kinds})
	}
	if !may(actor, kind) {
		return Import{}, apperr.New(apperr.Forbidden, "")
	}
	var fs apperr.Fields
	format, err := spreadsheet.Sniff(content)
	switch {
	case len(content) == 0:
		fs.Add("file", apperr.RuleRequired, nil)
	case len(content) > MaxFileBytes:
		fs.Add("file", apperr.RuleTooLarge, map[string]any{"max": MaxFileBytes})
	case err != nil:
		fs.Add("file", apperr.RuleTableType, nil)
	}
	if utf8.RuneCountInString(filename) > 255 || !utf8.ValidString(filename) {
		filename = "upload." + string(format)
	}
	if err := fs.Err(); err != nil {
		return Import{}, err
	}
	now := s.Now().UTC()
	im := Import{Kind: kind, Filename: filename, Format: string(format), Content: content, Status: Validating,
		CreatedByID: actor.UserID, CreatedBy: actor.Username, HeartbeatAt: now, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := s.Store.CreateImport(ctx, &im); err != nil {
		return Import{}, err
	}
	if err := s.Store.RecordAudit(ctx, audit.New(ctx, now, actor, "import.upload", "import", im.EntityID(), nil,
		map[string]any{"kind": kind, "filename": filename, "bytes": len(content)})); err != nil {
		return Import{}, err
	}
	s.start(im, actor, false)
	im.Content = nil
	return im, nil
}

// Get returns an import its uploader (or an admin) may see, as it stands now.
func (s Service) Get(ctx context.Context, actor access.Actor, id int64) (Import, error) {
	if im, ok := s.jobs.snapshot(id); ok {
		if !visible(actor, im) {
			return Import{}, apperr.New(apperr.NotFound, "")
		}
		return im, nil
	}
	im, err := s.Store.GetImport(ctx, id)
	if err != nil {
		return Import{}, err
	}
	if !visible(actor, im) {
		return Import{}, apperr.New(apperr.NotFound, "")
	}
	im.Content = nil
	// A job that stopped beating without finishing died with its process: say so.
	if im.Status.Running() && s.Now().Sub(im.HeartbeatAt) > s.StaleAfter {
		im.Status, im.Failure, im.FinishedAt, im.UpdatedAt = Failed, FailInterrupted, s.Now().UTC(), s.Now().UTC()
		if err := s.Store.SaveImport(ctx, &im); err != nil {
			return Import{}, err
		}
	}
	return im, nil
}

func visible(actor access.Actor, im Import) bool {
	return actor.Is(access.Admin) || (actor.UserID != 0 && im.CreatedByID == actor.UserID)
}

// List returns the caller's imports, newest first (an admin's: everyone's).
func (s Service) List(ctx context.Context, actor access.Actor, page paging.Request) (paging.Result[Import], error) {
	if !actor.IsOfficer() {
		return paging.Result[Import]{}, apperr.New(apperr.Forbidden, "")
	}
	f := Filter{CreatedByID: actor.UserID, Page: page}
	if actor.Is(access.Admin) {
		f.CreatedByID = 0
	}
	items, total, err := s.Store.ListImports(ctx, f)
	if err != nil {
		return paging.Result[Import]{}, err
	}
	for i := range items {
		if live, ok := s.jobs.snapshot(items[i].ID); ok {
			items[i] = live
		}
	}
	return paging.Result[Import]{Items: items, Total: total, Page: page}, nil
}

// Confirm writes an import whose rows were all found good. The rows are checked again against the
// registry as it is now, and written in one transaction with their audit, or not at all.
func (s Service) Confirm(ctx context.Context, actor access.Actor, id int64) (Import, error) {
	im, err := s.Get(ctx, actor, id)
	if err != nil {
		return Import{}, err
	}
	if !may(actor, im.Kind) {
		return Import{}, apperr.New(apperr.Forbidden, "")
	}
	if !im.Confirmable() {
		return Import{}, apperr.New(apperr.InvalidTransition, "import_not_ready")
	}
	im.Status, im.Failure, im.ProcessedRows, im.HeartbeatAt, im.UpdatedAt = Importing, "", 0, s.Now().UTC(), s.Now().UTC()
	if err := s.Store.SaveImport(ctx, &im); err != nil {
		return Import{}, err
	}
	s.start(im, actor, true)
	return im, nil
}

// start runs an import's job in the background: it checks the rows, and, when write is set and
// they are all good, writes them.
func (s Service) start(im Import, actor access.Actor, write bool) {
	im.Content = nil
	s.jobs.mu.Lock()
	s.jobs.running[im.ID] = &im
	s.jobs.mu.Unlock()
	s.jobs.wg.Add(1)
	go func() {
		defer s.jobs.wg.Done()
		ctx, stop := context.WithCancel(s.Background)
		defer stop()
		go s.beat(ctx, im.ID)
		final := s.run(ctx, im.ID, actor, write)
		s.jobs.mu.Lock()
		delete(s.jobs.running, im.ID)
		s.jobs.mu.Unlock()
		// The job's context may be gone (the server stopping): the last word is still stored.
		save, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := s.Store.SaveImport(save, &final); err != nil {
			s.Logger.Error("import: save", "import", im.ID, "err", err)
		}
	}()
}

// beat tells other replicas the job is alive.
func (s Service) beat(ctx context.Context, id int64) {
	t := time.NewTicker(s.StaleAfter / 4)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Store.Heartbeat(ctx, id, s.Now().UTC()); err != nil && ctx.Err() == nil {
				s.Logger.Warn("import: heartbeat", "import", id, "err", err)
			}
		}
	}
}

// run does the job and returns the import as it ends.
func (s Service) run(ctx context.Context, id int64, actor access.Actor, write bool) Import {
	im, err := s.Store.GetImport(ctx, id)
	if err != nil {
		s.Logger.Error("import: load", "import", id, "err", err)
		im.ID, im.Status, im.Failure = id, Failed, FailInternal
		return im
	}
	content := im.Content
	im.Content = nil
	finish := func(status Status, failure string) Import {
		now := s.Now().UTC()
		im.Status, im.Failure, im.FinishedAt, im.UpdatedAt, im.HeartbeatAt = status, failure, now, now, now
		return im
	}
	rows, err := spreadsheet.Read(content, spreadsheet.Limits{MaxRows: MaxRows, MaxUnzipped: MaxUnzipped, MaxXMLUnzip: MaxXMLUnzip, MaxCellChars: MaxCellChars})
	switch {
	case errors.Is(err, spreadsheet.ErrTooLarge):
		return finish(Failed, FailTooLarge)
	case errors.As(err, new(spreadsheet.TooManyRowsError)):
		return finish(Failed, FailTooManyRows)
	case err != nil:
		return finish(Failed, FailNotTable)
	case len(rows) < 2:
		return finish(Failed, FailEmpty)
	}
	im.TotalRows = len(rows) - 1
	s.jobs.update(id, func(j *Import) { j.TotalRows = im.TotalRows })
	p, err := s.check(ctx, actor, im.Kind, rows, func(n int) { s.jobs.update(id, func(j *Import) { j.ProcessedRows = n }) })
	if err != nil {
		s.Logger.Error("import: check", "import", id, "err", err)
		return finish(Failed, failureOf(ctx))
	}
	im.Errors, im.ErrorCount, im.Validated = p.errors, p.errorCount, p.errorCount == 0
	im.ProcessedRows = im.TotalRows
	if p.errorCount > 0 {
		return finish(Invalid, "")
	}
	im.CreatedCount, im.UpdatedCount = p.counts()
	if !write {
		return finish(Ready, "")
	}
	im.ProcessedRows = 0 // from here it counts the rows written
	s.Logger.Info("import: writing", "import", id, "kind", im.Kind, "created", im.CreatedCount, "updated", im.UpdatedCount)
	if err := s.write(ctx, actor, &im, p); err != nil {
		s.Logger.Error("import: write", "import", id, "err", err)
		return finish(Failed, failureOf(ctx))
	}
	s.Logger.Info("import: done", "import", id, "rows", im.ProcessedRows)
	return im // written, as done, in the write's own transaction
}

func failureOf(ctx context.Context) string {
	if ctx.Err() != nil {
		return FailInterrupted
	}
	return FailInternal
}

func (p plan) counts() (created, updated int) {
	for _, op := range p.enterprises {
		if op.before == nil {
			created++
		} else {
			updated++
		}
	}
	for _, op := range p.reports {
		if op.before == nil {
			created++
		} else {
			updated++
		}
	}
	return created + len(p.qualifications), updated
}

// progressEvery is how many rows pass between progress reports.
const progressEvery = 500

// check reads the header, loads what the rows refer to, and checks every row.
func (s Service) check(ctx context.Context, actor access.Actor, kind Kind, rows [][]string, progress func(int)) (plan, error) {
	idx, headErrs := header(kind, rows[0])
	if len(headErrs) > 0 {
		var p plan
		p.problems(headErrs)
		return p, nil
	}
	rf, err := s.refs(ctx, actor, creditCodes(idx, rows[1:]))
	if err != nil {
		return plan{}, err
	}
	c := newChecker(kind, idx, rf)
	for i, cells := range rows[1:] {
		c.check(i+2, cells)
		if (i+1)%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return plan{}, err
			}
			progress(i + 1)
		}
	}
	progress(len(rows) - 1)
	return c.plan, nil
}

// refs loads what a file's rows refer to: the regions, and the enterprises of its credit codes
// with their reports and qualifications.
func (s Service) refs(ctx context.Context, actor access.Actor, codes []string) (*refs, error) {
	regions, err := s.Store.ListRegions(ctx)
	if err != nil {
		return nil, err
	}
	ents, err := s.Store.EnterprisesByCreditCode(ctx, codes)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(ents))
	for _, e := range ents {
		ids = append(ids, e.ID)
	}
	reports, err := s.Store.AnnualReportsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	quals, err := s.Store.QualificationsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	return &refs{actor: actor, today: today(s.Now(), s.Location), regions: regionIndex(regions), enterprises: ents, reports: reports, quals: quals}, nil
}

// write stores a plan in one transaction with the import's own record as done: a crash or a
// failure anywhere leaves nothing of it. Each row's change is audited with its before and after;
// the touched enterprises' size and criteria results are recomputed in the same transaction.
// New rows, audit entries and results go in batched statements, progressEvery rows at a time, so
// that a large file holds the database (on SQLite, its one writer) for as short a time as may be.
func (s Service) write(ctx context.Context, actor access.Actor, im *Import, p plan) error {
	now := s.Now().UTC()
	written := 0
	progress := func(n int) {
		written += n
		s.jobs.update(im.ID, func(j *Import) { j.ProcessedRows = written })
	}
	return s.Store.Tx(ctx, func(st Store) error {
		touched := map[int64]enterprise.Enterprise{}
		for part := range slices.Chunk(p.enterprises, progressEvery) {
			if err := writeEnterprises(ctx, st, actor, now, part, touched); err != nil {
				return err
			}
			progress(len(part))
		}
		for part := range slices.Chunk(p.reports, progressEvery) {
			if err := writeReports(ctx, st, actor, now, part, touched); err != nil {
				return err
			}
			progress(len(part))
		}
		for _, op := range p.qualifications {
			// The same entry as the form's, in this transaction.
			if _, err := s.Qualifications.RecordIn(ctx, st.Qualifications(), actor, op.h); err != nil {
				return err
			}
			if written++; written%progressEvery == 0 {
				progress(0)
			}
		}
		if err := s.refresh(ctx, st, touched, im.Kind != Qualifications, now); err != nil {
			return err
		}
		end := s.Now().UTC() // the write's own end, not its start
		im.Status, im.ProcessedRows, im.FinishedAt, im.UpdatedAt, im.HeartbeatAt = Done, written, end, end, end
		if err := st.SaveImport(ctx, im); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, now, actor, "import.commit", "import", im.EntityID(), nil,
			map[string]any{"kind": im.Kind, "created": im.CreatedCount, "updated": im.UpdatedCount}))
	})
}

// writeEnterprises stores a part of the plan's enterprises: the new ones in one batch, the others
// one by one against the version they were read at; then their audit entries, in row order.
func writeEnterprises(ctx context.Context, st Store, actor access.Actor, now time.Time, ops []enterpriseOp, touched map[int64]enterprise.Enterprise) error {
	var created []enterprise.Enterprise
	for _, op := range ops {
		if op.before == nil {
			e := op.after
			e.CreatedAt, e.UpdatedAt = now, now
			created = append(created, e)
		}
	}
	if err := st.CreateEnterprises(ctx, created); err != nil {
		return err
	}
	events := make([]audit.Event, 0, len(ops))
	for _, op := range ops {
		var e enterprise.Enterprise
		if op.before == nil {
			e, created = created[0], created[1:]
			events = append(events, audit.New(ctx, now, actor, "enterprise.create", "enterprise", e.EntityID(), nil, e.Snapshot()))
		} else {
			e = op.after
			e.UpdatedAt = now
			if err := st.UpdateEnterprise(ctx, &e, op.before.Version); err != nil {
				return err
			}
			events = append(events, audit.New(ctx, now, actor, "enterprise.update", "enterprise", e.EntityID(), op.before.Snapshot(), e.Snapshot()))
		}
		touched[e.ID] = e
	}
	return st.RecordAudits(ctx, events)
}

// writeReports stores a part of the plan's annual figures as writeEnterprises does enterprises.
func writeReports(ctx context.Context, st Store, actor access.Actor, now time.Time, ops []reportOp, touched map[int64]enterprise.Enterprise) error {
	var created []report.Annual
	for _, op := range ops {
		if op.before == nil {
			created = append(created, report.Annual{EnterpriseID: op.enterprise.ID, Report: op.after, Version: 1, CreatedAt: now, UpdatedAt: now})
		}
	}
	if err := st.CreateAnnualReports(ctx, created); err != nil {
		return err
	}
	events := make([]audit.Event, 0, len(ops))
	for _, op := range ops {
		var a report.Annual
		if op.before == nil {
			a, created = created[0], created[1:]
			events = append(events, audit.New(ctx, now, actor, "annual_report.create", "annual_report", a.EntityID(), nil, a.Report))
		} else {
			a = report.Annual{ID: op.before.ID, EnterpriseID: op.enterprise.ID, Report: op.after, CreatedAt: op.before.CreatedAt, UpdatedAt: now}
			if err := st.UpdateAnnualReport(ctx, &a, op.before.Version); err != nil {
				return err
			}
			events = append(events, audit.New(ctx, now, actor, "annual_report.update", "annual_report", a.EntityID(), op.before.Report, a.Report))
		}
		touched[op.enterprise.ID] = op.enterprise
	}
	return st.RecordAudits(ctx, events)
}

// refresh recomputes the touched enterprises' criteria results, and, when their profile or
// figures changed (sizes), their size, a part at a time.
func (s Service) refresh(ctx context.Context, st Store, touched map[int64]enterprise.Enterprise, sizes bool, now time.Time) error {
	ids := slices.Sorted(maps.Keys(touched))
	for part := range slices.Chunk(ids, progressEvery) {
		es := make([]enterprise.Enterprise, len(part))
		for i, id := range part {
			es[i] = touched[id]
		}
		if sizes {
			reports, err := st.AnnualReportsOf(ctx, part)
			if err != nil {
				return err
			}
			classes := map[int64]string{}
			for _, e := range es {
				if size, ok := report.SizeClass(e.IndustryCode, reports[e.ID]); ok {
					classes[e.ID] = string(size)
				}
			}
			if err := st.SetSizeClasses(ctx, classes); err != nil {
				return err
			}
		}
		if err := st.RefreshEligibilityOf(ctx, es, now, s.Location); err != nil {
			return err
		}
	}
	return nil
}

// Template writes the import template of a kind: its headers in a language, an example row, and
// drop-downs for the dictionary columns.
func (s Service) Template(ctx context.Context, kind Kind, l Lang) ([]byte, error) {
	if !kind.Valid() {
		return nil, apperr.Field("kind", apperr.RuleOneOf, map[string]any{"values": Kinds})
	}
	regions, err := s.Store.ListRegions(ctx)
	if err != nil {
		return nil, err
	}
	cols := columnsOf(kind)
	out := make([]spreadsheet.TemplateColumn, len(cols))
	for i, c := range cols {
		tc := spreadsheet.TemplateColumn{Header: c.label[l], Example: c.example}
		switch c.kind {
		case regionCell:
			for _, r := range regions {
				tc.Choices = append(tc.Choices, regionChoice(r))
			}
			if len(tc.Choices) > 0 {
				tc.Example = tc.Choices[0]
			}
		case industryCell:
			for _, sec := range industry.Sections() {
				for _, d := range sec.Divisions {
					tc.Choices = append(tc.Choices, industryChoice(d, l))
				}
			}
		case tierCell:
			for _, t := range criteria.Tiers {
				tc.Choices = append(tc.Choices, TierLabels[t][l])
			}
		case institutionCell:
			for _, v := range criteria.Institutions {
				tc.Choices = append(tc.Choices, institutionLabels[v][l])
			}
		case boolCell:
			if l == EnUS {
				tc.Choices = []string{"Yes", "No"}
			} else {
				tc.Choices = []string{"是", "否"}
			}
		}
		if tc.Example == "" && len(tc.Choices) > 0 {
			tc.Example = tc.Choices[0]
		}
		out[i] = tc
	}
	sheet := kindLabels[kind][l]
	var buf bytes.Buffer
	if err := spreadsheet.WriteTemplate(&buf, sheet, out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var kindLabels = map[Kind]label{
	Enterprises:    {"企业名录", "Enterprises"},
	AnnualReports:  {"年度数据", "Annual figures"},
	Qualifications: {"历史认定", "Historic qualifications"},
}
