package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	"github.com/tiertracker/tiertracker/internal/auth"
)

type sessionRow struct {
	ID         string `gorm:"primaryKey"`
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string
	UserAgent  string
}

func (sessionRow) TableName() string { return "sessions" }

type throttleRow struct {
	Username    string `gorm:"primaryKey"`
	Failures    int
	WindowStart *time.Time
	LockedUntil *time.Time
}

func (throttleRow) TableName() string { return "login_throttles" }

// CreateSession stores a new session.
func (c conn) CreateSession(ctx context.Context, s auth.Session) error {
	row := sessionRow{
		ID: s.ID, UserID: s.UserID, CreatedAt: utc(s.CreatedAt), LastSeenAt: utc(s.LastSeenAt),
		ExpiresAt: utc(s.ExpiresAt), IP: truncate(s.IP, 64), UserAgent: truncate(s.UserAgent, 300),
	}
	return wrap(c.ctx(ctx).Create(&row).Error, "create session")
}

// GetSession returns a session, or not_found.
func (c conn) GetSession(ctx context.Context, id string) (auth.Session, error) {
	var row sessionRow
	if err := c.ctx(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return auth.Session{}, notFoundOr(err, "get session")
	}
	return auth.Session{
		ID: row.ID, UserID: row.UserID, CreatedAt: row.CreatedAt.UTC(), LastSeenAt: row.LastSeenAt.UTC(),
		ExpiresAt: row.ExpiresAt.UTC(), IP: row.IP, UserAgent: row.UserAgent,
	}, nil
}

// TouchSession records a session's use.
func (c conn) TouchSession(ctx context.Context, id string, t time.Time) error {
	return wrap(c.ctx(ctx).Model(&sessionRow{}).Where("id = ?", id).Update("last_seen_at", utc(t)).Error, "touch session")
}

// DeleteSession ends a session.
func (c conn) DeleteSession(ctx context.Context, id string) error {
	return wrap(c.ctx(ctx).Where("id = ?", id).Delete(&sessionRow{}).Error, "delete session")
}

// DeleteSessionsOf ends every session of a user but the one kept.
func (c conn) DeleteSessionsOf(ctx context.Context, userID int64, keep string) error {
	return wrap(c.ctx(ctx).Where("user_id = ? AND id <> ?", userID, keep).Delete(&sessionRow{}).Error, "delete sessions")
}

// DeleteExpiredSessions removes ended sessions.
func (c conn) DeleteExpiredSessions(ctx context.Context, cutoff, idleCutoff time.Time) (int64, error) {
	res := c.ctx(ctx).Where("expires_at <= ? OR last_seen_at <= ?", utc(cutoff), utc(idleCutoff)).Delete(&sessionRow{})
	return res.RowsAffected, wrap(res.Error, "sweep sessions")
}

// LockThrottle returns a username's throttle, locking its row inside a transaction on PostgreSQL.
func (c conn) LockThrottle(ctx context.Context, username string) (auth.Throttle, error) {
	var rows []throttleRow
	if err := forUpdate(c.ctx(ctx)).Where("username = ?", username).Limit(1).Find(&rows).Error; err != nil {
		return auth.Throttle{}, wrap(err, "read throttle")
	}
	if len(rows) == 0 {
		return auth.Throttle{Username: username}, nil
	}
	r := rows[0]
	return auth.Throttle{Username: r.Username, Failures: r.Failures, WindowStart: timeOf(r.WindowStart), LockedUntil: timeOf(r.LockedUntil)}, nil
}

// SaveThrottle stores a username's throttle.
func (c conn) SaveThrottle(ctx context.Context, t auth.Throttle) error {
	row := throttleRow{Username: t.Username, Failures: t.Failures, WindowStart: utcPtr(t.WindowStart), LockedUntil: utcPtr(t.LockedUntil)}
	err := c.ctx(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "username"}},
		DoUpdates: clause.AssignmentColumns([]string{"failures", "window_start", "locked_until"}),
	}).Create(&row).Error
	return wrap(err, "save throttle")
}
