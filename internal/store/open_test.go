package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/store"
)

// The SQLite file has one writer connection however many readers it gets, so that a long write
// makes other writers queue, never fail on SQLite's lock; and a reader answers meanwhile.
func TestSQLiteFileHasOneWriter(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	t.Cleanup(func() { _ = sqlDB.Close() })
	if n := sqlDB.Stats().MaxOpenConnections; n != 1 {
		t.Fatalf("the writer pool allows %d connections", n)
	}
	if err := db.Exec("CREATE TABLE t (n INTEGER)").Error; err != nil {
		t.Fatal(err)
	}
	// A transaction holds the writer for longer than SQLite's busy timeout would allow a rival.
	var wg sync.WaitGroup
	release := make(chan struct{})
	started := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		tx := db.Begin()
		tx.Exec("INSERT INTO t VALUES (1)")
		close(started)
		<-release
		tx.Commit()
	}()
	<-started
	var count int64
	if err := db.Table("t").Count(&count).Error; err != nil || count != 0 {
		t.Errorf("a reader during the write: %d, %v", count, err)
	}
	done := make(chan error, 1)
	go func() { done <- db.Exec("INSERT INTO t VALUES (2)").Error }()
	select {
	case err := <-done:
		t.Fatalf("a second writer did not wait for the first: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	close(release)
	if err := <-done; err != nil {
		t.Errorf("the queued writer failed: %v", err)
	}
	wg.Wait()
	db.Table("t").Count(&count)
	if count != 2 {
		t.Errorf("rows %d", count)
	}
}
