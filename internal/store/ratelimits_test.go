package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/ratelimit"
	"github.com/tiertracker/tiertracker/internal/store"
	"github.com/tiertracker/tiertracker/internal/store/storetest"
)

func TestMigration0002RateLimits(t *testing.T) {
	db := storetest.New(t)
	for _, c := range []string{"key", "window_start", "count"} {
		if !db.Migrator().HasColumn("rate_limits", c) {
			t.Errorf("rate_limits.%s missing", c)
		}
	}
}

func TestRateLimiter(t *testing.T) {
	db := storetest.New(t)
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	l := ratelimit.Limiter{Store: store.NewRateLimits(db), Now: func() time.Time { return now }, Limit: 3, Window: time.Hour}
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if err := l.Allow(ctx, "register:10.0.0.1"); err != nil {
			t.Fatalf("use %d: %v", i+1, err)
		}
	}
	err := l.Allow(ctx, "register:10.0.0.1")
	if !apperr.Is(err, apperr.RateLimited) {
		t.Fatalf("fourth use: %v", err)
	}
	if ra := err.(*apperr.Error).RetryAfter; ra != time.Hour {
		t.Errorf("retry after %v", ra)
	}
	// Another key has its own count; a new window starts afresh.
	if err := l.Allow(ctx, "register:10.0.0.2"); err != nil {
		t.Errorf("other key: %v", err)
	}
	now = now.Add(59 * time.Minute)
	if err := l.Allow(ctx, "register:10.0.0.1"); !apperr.Is(err, apperr.RateLimited) {
		t.Errorf("within the window: %v", err)
	}
	now = now.Add(2 * time.Minute)
	if err := l.Allow(ctx, "register:10.0.0.1"); err != nil {
		t.Errorf("next window: %v", err)
	}
}
