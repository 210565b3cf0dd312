package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/store"
)

func TestRecorderKeepsWhatRuns(t *testing.T) {
	ctx := context.Background()
	db, err := store.OpenSQLite(ctx, "file:"+filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("CREATE TABLE t (a INTEGER, d TEXT)").Error; err != nil {
		t.Fatal(err)
	}
	rec, err := newRecorder(db)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Exec("INSERT INTO t VALUES (1, '2026-01-31')") // not recorded: off
	stmts, err := rec.capture(func() error {
		var n int64
		// The subquery is built by a dry run of its own, and runs within the count only.
		sub := db.Table("t").Select("a").Where("d <= ?", calendar.NewDate(2026, 1, 31))
		if err := db.Table("(?) AS s", sub).Count(&n).Error; err != nil {
			return err
		}
		var rows []struct{ A int }
		return db.Table("t").Where("a = ?", 1).Find(&rows).Error
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) != 2 {
		t.Fatalf("recorded %d statements, want 2: %+v", len(stmts), stmts)
	}
	if got, want := stmts[0].SQL, "SELECT count(*) FROM (SELECT a FROM `t` WHERE d <= ?) AS s"; got != want {
		t.Errorf("first statement %q, want %q", got, want)
	}
	if len(stmts[1].Args) == 0 || stmts[1].Args[0] != 1 { // SQLite's dialect writes LIMIT and OFFSET inline
		t.Errorf("second statement's values %v, want 1 first", stmts[1].Args)
	}
	if more, _ := rec.capture(func() error { return nil }); len(more) != 0 {
		t.Errorf("a new capture kept %d old statements", len(more))
	}
	for _, v := range []struct {
		in   any
		want string
	}{{"C%", "C%"}, {20, "20"}, {int64(7), "7"}, {true, "true"}, {calendar.NewDate(2026, 1, 31), "2026-01-31"}} {
		if got, err := textOf(v.in); err != nil || got != v.want {
			t.Errorf("textOf(%v) = %q, %v; want %q", v.in, got, err, v.want)
		}
	}
}
