// Package ratelimit bounds how often one caller (an address, say) may use a public endpoint such
// as self-registration. Counts are kept in the database, so that every replica shares them.
package ratelimit

import (
	"context"
	"time"

	"github.com/tiertracker/tiertracker/internal/apperr"
)

// Store counts hits per key in fixed windows.
type Store interface {
	// Hit counts one use of key in the window that starts at or after windowStart (a window that
	// started earlier is over and is restarted at now), and returns the count in the current
	// window with its start.
	Hit(ctx context.Context, key string, now, windowStart time.Time) (count int, started time.Time, err error)
}

// Limiter allows at most Limit uses of a key per Window.
type Limiter struct {
	Store  Store
	Now    func() time.Time
	Limit  int
	Window time.Duration
}

// Allow counts a use of key and answers rate_limited (with RetryAfter) once the limit is passed.
func (l Limiter) Allow(ctx context.Context, key string) error {
	now := l.Now().UTC()
	n, started, err := l.Store.Hit(ctx, key, now, now.Add(-l.Window))
	if err != nil {
		return err
	}
	if n > l.Limit {
		return &apperr.Error{Code: apperr.RateLimited, RetryAfter: started.Add(l.Window).Sub(now)}
	}
	return nil
}
