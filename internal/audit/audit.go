// Package audit records every change and every sign-in: who, what, which record, before and
// after, when and from where. Services build events inside the transaction of the change they
// describe, so that a change and its record stand or fall together.
package audit

import (
	"context"
	"encoding/json"
	"time"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/paging"
)

// Event is one audited action.
type Event struct {
	ID            int64
	At            time.Time
	ActorID       int64 // 0 for an anonymous caller
	ActorUsername string
	ActorRole     access.Role
	Action        string // e.g. "enterprise.update", "auth.login"
	EntityType    string
	EntityID      string
	Before        json.RawMessage // nil when there was nothing before
	After         json.RawMessage
	IP            string
	UserAgent     string
	RequestID     string
}

// Origin is where a request came from, carried in its context.
type Origin struct {
	IP        string
	UserAgent string
	RequestID string
}

type originKey struct{}

// WithOrigin returns a context carrying the request's origin.
func WithOrigin(ctx context.Context, o Origin) context.Context {
	return context.WithValue(ctx, originKey{}, o)
}

// OriginFrom returns the origin carried by ctx, empty when there is none (a command, a job).
func OriginFrom(ctx context.Context) Origin {
	o, _ := ctx.Value(originKey{}).(Origin)
	return o
}

// New builds the event of actor doing action on an entity at time at, with snapshots of the
// record before and after (nil for none); snapshots must hold no secret.
func New(ctx context.Context, at time.Time, actor access.Actor, action, entityType, entityID string, before, after any) Event {
	o := OriginFrom(ctx)
	return Event{
		At:            at.UTC(),
		ActorID:       actor.UserID,
		ActorUsername: actor.Username,
		ActorRole:     actor.Role,
		Action:        action,
		EntityType:    entityType,
		EntityID:      entityID,
		Before:        snapshot(before),
		After:         snapshot(after),
		IP:            o.IP,
		UserAgent:     o.UserAgent,
		RequestID:     o.RequestID,
	}
}

func snapshot(v any) json.RawMessage {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return nil
	}
	return b
}

// Filter narrows the audit list. From and To are instants; zero means open.
type Filter struct {
	ActorUsername string
	Action        string // exact, or a prefix ending in "."
	EntityType    string
	EntityID      string
	From, To      time.Time
	Page          paging.Request
}

// Store reads the audit log.
type Store interface {
	// ListEvents returns events matching f, newest first.
	ListEvents(ctx context.Context, f Filter) ([]Event, int64, error)
}

// Service answers questions about the audit log.
type Service struct {
	Store Store
}

// List returns a page of events for an admin or a city officer; others get forbidden.
func (s Service) List(ctx context.Context, actor access.Actor, f Filter) (paging.Result[Event], error) {
	if !actor.Is(access.Admin, access.CityOfficer) {
		return paging.Result[Event]{}, apperr.New(apperr.Forbidden, "")
	}
	items, total, err := s.Store.ListEvents(ctx, f)
	if err != nil {
		return paging.Result[Event]{}, err
	}
	return paging.Result[Event]{Items: items, Total: total, Page: f.Page}, nil
}
