package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tiertracker/tiertracker/internal/collate"
	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/spreadsheet"
)

// importResult is a file of new enterprises imported through the API, from upload to done,
// against COPY of the same rows into the enterprises table.
type importResult struct {
	Rows      int
	CSVBytes  int
	XLSXBytes int
	CSV       importRun
	XLSX      importRun
	Copy      time.Duration
	PeakRSS   int64 // the server's peak over both imports (a fresh process)
}

// importRun is one import's timeline.
type importRun struct {
	Total      time.Duration // upload to done
	Validating time.Duration // upload to ready
	Writing    time.Duration // confirm to done
	Created    int
}

// importColumns is the header of the enterprises import, as its template has it.
var importColumns = []string{"企业名称", "统一社会信用代码", "所属区域", "所属行业", "成立日期", "战略性新兴产业"}

// newEnterprise is one row of the file.
type newEnterprise struct {
	Name, Code, RegionName, RegionCode string
	Industry, IndustryName             string
	Founded                            time.Time
}

// importIndustries are the divisions the rows cycle through.
var importIndustries = []string{"C33", "C34", "C38", "C39", "I65"}

// region is a region as the file names it.
type region struct{ Code, Name string }

// newEnterprises makes n enterprises numbered from first, across the regions given. Their credit
// codes are made of "BT" and the number, which no generated or demo enterprise has, so every row
// is new.
func newEnterprises(first, n int, regions []region) []newEnterprise {
	out := make([]newEnterprise, n)
	for i := range out {
		seq := first + i
		r := regions[seq%len(regions)]
		_, ind, _ := industry.Lookup(importIndustries[seq%len(importIndustries)])
		code17 := fmt.Sprintf("91445200BT%07d", seq) // 445200: the city
		out[i] = newEnterprise{
			Name: fmt.Sprintf("揭阳市压测%07d有限公司", seq), Code: code17 + string(creditcode.CheckChar(code17)),
			RegionName: r.Name, RegionCode: r.Code, Industry: ind.Code, IndustryName: ind.Name,
			Founded: time.Date(2010+seq%12, time.Month(1+seq%12), 1+seq%28, 0, 0, 0, 0, time.UTC),
		}
	}
	return out
}

func (e newEnterprise) cells() []string {
	return []string{e.Name, e.Code, e.RegionName, e.Industry + " " + e.IndustryName, e.Founded.Format("2006-01-02"), "否"}
}

func csvOf(es []newEnterprise) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(importColumns)
	for _, e := range es {
		_ = w.Write(e.cells())
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func xlsxOf(es []newEnterprise) ([]byte, error) {
	rows := make([][]any, len(es))
	for i, e := range es {
		cells := e.cells()
		rows[i] = make([]any, len(cells))
		for j, c := range cells {
			rows[i][j] = c
		}
	}
	var buf bytes.Buffer
	err := spreadsheet.Write(&buf, "企业", importColumns, rows)
	return buf.Bytes(), err
}

// copyRows copies es into the enterprises table in a transaction that it then rolls back, and
// returns how long the COPY took: the database's floor for writing those rows. The columns are
// the ones the file fills, with the values the server would store (name's sort key, empty tags,
// version 1, times), computed before the clock starts.
func copyRows(ctx context.Context, databaseURL string, es []newEnterprise) (time.Duration, error) {
	now := time.Now().UTC()
	rows := make([][]any, len(es))
	for i, e := range es {
		rows[i] = []any{e.Name, collate.Key(e.Name), e.Code, false, e.RegionCode, e.Industry, e.Founded, false, "[]", int64(1), now, now}
	}
	conn, err := pgx.Connect(ctx, databaseURL)
	if err != nil {
		return 0, err
	}
	defer conn.Close(ctx)
	start := time.Now()
	tx, err := conn.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	n, err := tx.CopyFrom(ctx, pgx.Identifier{"enterprises"},
		[]string{"name", "name_sort", "credit_code", "credit_code_override", "region_code", "industry_code", "founded_on",
			"strategic_emerging", "tags", "version", "created_at", "updated_at"},
		pgx.CopyFromRows(rows))
	took := time.Since(start)
	if err != nil {
		return 0, err
	}
	if int(n) != len(es) {
		return 0, fmt.Errorf("COPY wrote %d rows of %d", n, len(es))
	}
	return took, nil
}

// importStatus is the part of an import's answer that the benchmark follows.
type importStatus struct {
	ID           int64  `json:"id"`
	Status       string `json:"status"`
	ErrorCount   int    `json:"error_count"`
	CreatedCount int    `json:"created_count"`
	UpdatedCount int    `json:"updated_count"`
}

// importFile uploads a file of new enterprises, waits for its check, confirms it and waits for
// the write, as an officer does from the import page (which polls the same way).
func importFile(ctx context.Context, cl *client, filename string, content []byte) (importRun, error) {
	var r importRun
	start := time.Now()
	var im importStatus
	if err := cl.upload(ctx, "/api/v1/imports", map[string]string{"kind": "enterprises"}, filename, content, &im); err != nil {
		return r, err
	}
	path := "/api/v1/imports/" + strconv.FormatInt(im.ID, 10)
	wait := func(while string) error {
		deadline := time.Now().Add(30 * time.Minute)
		for im.Status == while {
			if time.Now().After(deadline) {
				return fmt.Errorf("import of %s: still %s after 30 min", filename, while)
			}
			time.Sleep(100 * time.Millisecond)
			if err := cl.get(ctx, path, &im); err != nil {
				return err
			}
		}
		return nil
	}
	if err := wait("validating"); err != nil {
		return r, err
	}
	if im.Status != "ready" {
		return r, fmt.Errorf("import of %s: %s with %d errors", filename, im.Status, im.ErrorCount)
	}
	r.Validating = time.Since(start)
	confirmed := time.Now()
	if err := cl.post(ctx, path+"/confirm", "", nil, http.StatusAccepted, &im); err != nil {
		return r, err
	}
	if err := wait("importing"); err != nil {
		return r, err
	}
	if im.Status != "done" {
		return r, fmt.Errorf("import of %s: %s", filename, im.Status)
	}
	r.Writing, r.Total, r.Created = time.Since(confirmed), time.Since(start), im.CreatedCount
	if im.UpdatedCount != 0 {
		return r, fmt.Errorf("import of %s updated %d enterprises; every row should be new", filename, im.UpdatedCount)
	}
	return r, nil
}

// imports restarts the server (its peak memory is then the imports'), copies the CSV's rows as
// the floor, then imports the CSV and the same rows, numbered on, as .xlsx.
func (b *sizeBench) imports(ctx context.Context) (*importResult, error) {
	n := b.opts.importRows
	r := &importResult{Rows: n}
	regions, err := b.regions(ctx)
	if err != nil {
		return nil, err
	}
	csvRows, xlsxRows := newEnterprises(1, n, regions), newEnterprises(n+1, n, regions)
	csvFile, err := csvOf(csvRows)
	if err != nil {
		return nil, err
	}
	xlsxFile, err := xlsxOf(xlsxRows)
	if err != nil {
		return nil, err
	}
	r.CSVBytes, r.XLSXBytes = len(csvFile), len(xlsxFile)

	b.logf("import: COPY of %d rows", n)
	if r.Copy, err = copyRows(ctx, b.url, csvRows); err != nil {
		return nil, fmt.Errorf("copy: %w", err)
	}
	// The rolled-back rows leave dead tuples behind; clear them so the import meets a table as
	// it was.
	if _, err := b.sqlDB.ExecContext(ctx, "VACUUM (ANALYZE) enterprises"); err != nil {
		return nil, err
	}
	if err := b.restartServer(ctx); err != nil {
		return nil, err
	}
	cl := b.client
	b.logf("import: CSV")
	if r.CSV, err = importFile(ctx, cl, "bench.csv", csvFile); err != nil {
		return nil, err
	}
	b.logf("import: XLSX")
	if r.XLSX, err = importFile(ctx, cl, "bench.xlsx", xlsxFile); err != nil {
		return nil, err
	}
	for _, run := range []importRun{r.CSV, r.XLSX} {
		if run.Created != n {
			return nil, fmt.Errorf("an import created %d enterprises of %d", run.Created, n)
		}
	}
	m, err := memoryOf(b.srv.pid())
	if err != nil {
		return nil, err
	}
	r.PeakRSS = m.HWM
	return r, nil
}

// regions are the regions of the database, which the file's rows name.
func (b *sizeBench) regions(ctx context.Context) ([]region, error) {
	rows, err := b.sqlDB.QueryContext(ctx, "SELECT code, name FROM regions ORDER BY code")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []region
	for rows.Next() {
		var r region
		if err := rows.Scan(&r.Code, &r.Name); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the database has no regions")
	}
	return out, nil
}
