package store_test

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/importer"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
	"github.com/tiertracker/tiertracker/internal/user"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// BenchmarkImportEnterprisesCSV measures a confirmed import of new enterprises, from the upload to
// the written job: reading, checking every row, and the one-transaction write with its audit and
// the criteria results. It runs on the SQLite file the server uses (one writer beside readers) or,
// with TEST_DATABASE_URL, on PostgreSQL. The figure to read is rows/s. IMPORT_BENCH_ROWS sets the
// file's size (10,000 rows by default); IMPORT_BENCH_STATEMENTS=1 logs where the database's time
// went, summed by statement (the first words of each).
func BenchmarkImportEnterprisesCSV(b *testing.B) {
	rows := 10_000
	if n, err := strconv.Atoi(os.Getenv("IMPORT_BENCH_ROWS")); err == nil && n > 0 {
		rows = n
	}
	ctx := context.Background()
	var db *gorm.DB
	if os.Getenv("TEST_DATABASE_URL") != "" {
		db = storetest.New(b)
	} else {
		var err error
		if db, err = store.Open(ctx, "", b.TempDir()); err != nil {
			b.Fatal(err)
		}
		if err := store.Migrate(ctx, db); err != nil {
			b.Fatal(err)
		}
	}
	now := time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC)
	if err := store.NewSeeder(db).UpsertRegions(ctx, demo.Regions, now); err != nil {
		b.Fatal(err)
	}
	if os.Getenv("IMPORT_BENCH_STATEMENTS") != "" {
		timer := &statementTimer{spent: map[string]time.Duration{}, count: map[string]int{}}
		db = db.Session(&gorm.Session{Logger: timer})
		defer timer.report(b)
	}
	officer := user.User{Username: "bench", DisplayName: "bench", Role: access.CityOfficer, Status: user.Active, PasswordHash: "x", Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := store.NewUsers(db).CreateUser(ctx, &officer); err != nil {
		b.Fatal(err)
	}
	actor := access.Actor{UserID: officer.ID, Username: officer.Username, Role: access.CityOfficer}
	clock := func() time.Time { return now }
	loc := time.FixedZone("CST", 8*3600)
	svc := importer.NewService(ctx, store.NewImports(db), qualification.Service{Store: store.NewQualifications(db), Now: clock, Location: loc},
		clock, loc, slog.New(slog.NewTextHandler(io.Discard, nil)))

	seq := 0
	file := func() []byte {
		var buf bytes.Buffer
		buf.WriteString("企业名称,统一社会信用代码,所属区域,所属行业,成立日期,战略性新兴产业\n")
		for range rows {
			seq++
			first := fmt.Sprintf("91445202%09d", 100000+seq)
			fmt.Fprintf(&buf, "揭阳市压测%07d有限公司,%s%c,榕城区,C33 金属制品业,2015-03-01,否\n", seq, first, creditcode.CheckChar(first))
		}
		return buf.Bytes()
	}
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		content := file()
		b.StartTimer()
		im, err := svc.Upload(ctx, actor, importer.Enterprises, "bench.csv", content)
		if err != nil {
			b.Fatal(err)
		}
		svc.Wait()
		if _, err := svc.Confirm(ctx, actor, im.ID); err != nil {
			b.Fatal(err)
		}
		svc.Wait()
		if im, err = svc.Get(ctx, actor, im.ID); err != nil || im.Status != importer.Done {
			b.Fatalf("import: %+v %v", im, err)
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// statementTimer is a GORM logger that sums the time of the statements by their first words.
type statementTimer struct {
	mu    sync.Mutex
	spent map[string]time.Duration
	count map[string]int
}

func (s *statementTimer) LogMode(logger.LogLevel) logger.Interface { return s }
func (s *statementTimer) Info(context.Context, string, ...any)     {}
func (s *statementTimer) Warn(context.Context, string, ...any)     {}
func (s *statementTimer) Error(context.Context, string, ...any)    {}

func (s *statementTimer) Trace(_ context.Context, begin time.Time, fc func() (string, int64), _ error) {
	sql, _ := fc()
	key := strings.Join(strings.Fields(sql)[:min(4, len(strings.Fields(sql)))], " ")
	s.mu.Lock()
	defer s.mu.Unlock()
	s.spent[key] += time.Since(begin)
	s.count[key]++
}

func (s *statementTimer) report(b *testing.B) {
	keys := slices.SortedFunc(maps.Keys(s.spent), func(x, y string) int { return cmp.Compare(s.spent[y], s.spent[x]) })
	var total time.Duration
	for _, k := range keys {
		total += s.spent[k]
	}
	b.Logf("statements: %s in all", total.Round(time.Millisecond))
	for _, k := range keys[:min(12, len(keys))] {
		b.Logf("%9s %6d× %s", s.spent[k].Round(time.Millisecond), s.count[k], k)
	}
}
