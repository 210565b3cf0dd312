package store

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/audit"
)

type auditRow struct {
	ID            int64 `gorm:"primaryKey"`
	At            time.Time
	ActorID       *int64
	ActorUsername *string
	ActorRole     *string
	Action        string
	EntityType    *string
	EntityID      *string
	Before        *string
	After         *string
	IP            *string
	UserAgent     *string
	RequestID     *string
}

func (auditRow) TableName() string { return "audit_events" }

func rawJSON(p *string) json.RawMessage {
	if p == nil || *p == "" {
		return nil
	}
	return json.RawMessage(*p)
}

// ListEvents returns audit events matching f, newest first.
func (c conn) ListEvents(ctx context.Context, f audit.Filter) ([]audit.Event, int64, error) {
	q := c.ctx(ctx).Model(&auditRow{})
	if f.ActorUsername != "" {
		q = q.Where("actor_username = ?", strings.ToLower(f.ActorUsername))
	}
	if f.Action != "" {
		if strings.HasSuffix(f.Action, ".") {
			q = q.Where(`action LIKE ? ESCAPE '\'`, prefixPattern(f.Action))
		} else {
			q = q.Where("action = ?", f.Action)
		}
	}
	if f.EntityType != "" {
		q = q.Where("entity_type = ?", f.EntityType)
	}
	if f.EntityID != "" {
		q = q.Where("entity_id = ?", f.EntityID)
	}
	if !f.From.IsZero() {
		q = q.Where("at >= ?", utc(f.From))
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", utc(f.To))
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, wrap(err, "count audit events")
	}
	var rows []auditRow
	if err := q.Order("at DESC, id DESC").Offset(f.Page.Offset()).Limit(f.Page.Size).Find(&rows).Error; err != nil {
		return nil, 0, wrap(err, "list audit events")
	}
	out := make([]audit.Event, len(rows))
	for i, r := range rows {
		out[i] = audit.Event{
			ID: r.ID, At: r.At.UTC(), ActorID: idOf(r.ActorID), ActorUsername: strOf(r.ActorUsername),
			ActorRole: access.Role(strOf(r.ActorRole)), Action: r.Action, EntityType: strOf(r.EntityType),
			EntityID: strOf(r.EntityID), Before: rawJSON(r.Before), After: rawJSON(r.After),
			IP: strOf(r.IP), UserAgent: strOf(r.UserAgent), RequestID: strOf(r.RequestID),
		}
	}
	return out, total, nil
}
