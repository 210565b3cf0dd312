// Package notification keeps the notices the product leaves its users: a qualification coming
// up for expiry, an application returned, rejected or decided. Each notice has a key that makes
// creating it twice harmless, so that jobs on several replicas may run at once.
package notification

import (
	"context"
	"strconv"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// Kind is what a notice is about; the SPA words it by kind and params.
type Kind string

// The kinds of notice.
const (
	QualificationExpiring Kind = "qualification_expiring"
	ApplicationReturned   Kind = "application_returned"
	ApplicationRejected   Kind = "application_rejected"
	ApplicationDecided    Kind = "application_decided"
	AnnualUpdateDue       Kind = "annual_update_due"
)

// Notification is one notice to one user.
type Notification struct {
	ID        int64
	UserID    int64
	Kind      Kind
	Params    map[string]any
	Link      string
	DedupeKey string
	ReadAt    time.Time
	CreatedAt time.Time
}

// Key joins the parts of a dedupe key.
func Key(parts ...any) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += ":"
		}
		switch v := p.(type) {
		case string:
			s += v
		case int:
			s += strconv.Itoa(v)
		case int64:
			s += strconv.FormatInt(v, 10)
		default:
			s += "?"
		}
	}
	return s
}

// Store keeps notices.
type Store interface {
	// Notify stores notices, skipping those whose dedupe key is already stored.
	Notify(ctx context.Context, ns []Notification) (int, error)
	ListNotifications(ctx context.Context, userID int64, unreadOnly bool, page paging.Request) ([]Notification, int64, int64, error)
	// MarkRead marks a user's notice read; not_found for another's.
	MarkRead(ctx context.Context, userID, id int64, at time.Time) error
}

// Service answers a user's notices.
type Service struct {
	Store Store
	Now   func() time.Time
}

// Page is a page of notices and the number unread.
type Page struct {
	paging.Result[Notification]
	Unread int64
}

// List returns the caller's own notices, newest first.
func (s Service) List(ctx context.Context, actor access.Actor, unreadOnly bool, page paging.Request) (Page, error) {
	if actor.UserID == 0 {
		return Page{}, apperr.New(apperr.Unauthenticated, "")
	}
	items, total, unread, err := s.Store.ListNotifications(ctx, actor.UserID, unreadOnly, page)
	if err != nil {
		return Page{}, err
	}
	return Page{Result: paging.Result[Notification]{Items: items, Total: total, Page: page}, Unread: unread}, nil
}

// Read marks one of the caller's notices read.
func (s Service) Read(ctx context.Context, actor access.Actor, id int64) error {
	return s.Store.MarkRead(ctx, actor.UserID, id, s.Now().UTC())
}
