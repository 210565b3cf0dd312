package store

import (
	"context"
	"time"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/qualification"
)

type qualificationRow struct {
	ID               int64 `gorm:"primaryKey"`
	EnterpriseID     int64
	Tier             string
	Source           string
	BatchID          *int64
	BatchName        *string
	ApplicationID    *int64
	AnnouncementNo   *string
	GrantedOn        calendar.Date
	ValidUntil       calendar.Date
	RevokedOn        calendar.Date
	RevokeReasonCode *string
	RevokedReason    *string
	RevokedBy        *string
	Version          int
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (qualificationRow) TableName() string { return "qualifications" }

func qualificationFromRow(r qualificationRow) qualification.Qualification {
	return qualification.Qualification{
		ID: r.ID, EnterpriseID: r.EnterpriseID, Tier: criteria.Tier(r.Tier), Source: r.Source, BatchID: idOf(r.BatchID),
		BatchName: strOf(r.BatchName), ApplicationID: idOf(r.ApplicationID),
		AnnouncementNo: strOf(r.AnnouncementNo), GrantedOn: r.GrantedOn, ValidUntil: r.ValidUntil, RevokedOn: r.RevokedOn,
		RevokeReasonCode: strOf(r.RevokeReasonCode), RevokedReason: strOf(r.RevokedReason), RevokedBy: strOf(r.RevokedBy), Version: r.Version,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
}

// ListQualifications returns an enterprise's qualifications, latest grant first.
func (c conn) ListQualifications(ctx context.Context, enterpriseID int64) ([]qualification.Qualification, error) {
	var rows []qualificationRow
	if err := c.ctx(ctx).Where("enterprise_id = ?", enterpriseID).Order("granted_on DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list qualifications")
	}
	out := make([]qualification.Qualification, len(rows))
	for i, r := range rows {
		out[i] = qualificationFromRow(r)
	}
	return out, nil
}

// CreateQualifications stores qualifications and sets their IDs.
func (c conn) CreateQualifications(ctx context.Context, qs []qualification.Qualification) error {
	if len(qs) == 0 {
		return nil
	}
	rows := make([]qualificationRow, len(qs))
	for i, q := range qs {
		rows[i] = qualificationToRow(q)
		rows[i].ID = 0
	}
	if err := c.ctx(ctx).CreateInBatches(&rows, 200).Error; err != nil {
		return wrap(err, "create qualifications")
	}
	for i := range rows {
		qs[i].ID = rows[i].ID
	}
	return nil
}

func qualificationToRow(q qualification.Qualification) qualificationRow {
	return qualificationRow{
		ID: q.ID, EnterpriseID: q.EnterpriseID, Tier: string(q.Tier), Source: q.Source, BatchID: idPtr(q.BatchID),
		BatchName: strPtr(q.BatchName), ApplicationID: idPtr(q.ApplicationID),
		AnnouncementNo: strPtr(q.AnnouncementNo), GrantedOn: q.GrantedOn, ValidUntil: q.ValidUntil, RevokedOn: q.RevokedOn,
		RevokeReasonCode: strPtr(q.RevokeReasonCode), RevokedReason: strPtr(q.RevokedReason), RevokedBy: strPtr(q.RevokedBy),
		Version: max(q.Version, 1), CreatedAt: utc(q.CreatedAt), UpdatedAt: utc(q.UpdatedAt),
	}
}

type qualificationEventRow struct {
	ID              int64 `gorm:"primaryKey"`
	QualificationID int64
	Kind            string
	On              calendar.Date `gorm:"column:on_date"`
	ValidUntil      calendar.Date
	BatchID         *int64
	ApplicationID   *int64
	AnnouncementNo  *string
	ReasonCode      *string
	Reason          *string
	ActorUsername   string
	CreatedAt       time.Time
}

func (qualificationEventRow) TableName() string { return "qualification_events" }

// CreateQualificationEvents stores entries of qualifications' histories.
func (c conn) CreateQualificationEvents(ctx context.Context, evs []qualification.Event) error {
	if len(evs) == 0 {
		return nil
	}
	rows := make([]qualificationEventRow, len(evs))
	for i, e := range evs {
		rows[i] = qualificationEventRow{QualificationID: e.QualificationID, Kind: string(e.Kind), On: e.On, ValidUntil: e.ValidUntil,
			BatchID: idPtr(e.BatchID), ApplicationID: idPtr(e.ApplicationID), AnnouncementNo: strPtr(e.AnnouncementNo),
			ReasonCode: strPtr(e.ReasonCode), Reason: strPtr(e.Reason), ActorUsername: e.ActorUsername, CreatedAt: utc(e.CreatedAt)}
	}
	if err := c.ctx(ctx).CreateInBatches(&rows, 200).Error; err != nil {
		return wrap(err, "create qualification events")
	}
	for i := range rows {
		evs[i].ID = rows[i].ID
	}
	return nil
}

// ListQualificationEvents returns a qualification's history, oldest first.
func (c conn) ListQualificationEvents(ctx context.Context, qualificationID int64) ([]qualification.Event, error) {
	var rows []qualificationEventRow
	if err := c.ctx(ctx).Where("qualification_id = ?", qualificationID).Order("on_date, id").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list qualification events")
	}
	out := make([]qualification.Event, len(rows))
	for i, r := range rows {
		out[i] = qualification.Event{ID: r.ID, QualificationID: r.QualificationID, Kind: qualification.EventKind(r.Kind), On: r.On,
			ValidUntil: r.ValidUntil, BatchID: idOf(r.BatchID), ApplicationID: idOf(r.ApplicationID), AnnouncementNo: strOf(r.AnnouncementNo),
			ReasonCode: strOf(r.ReasonCode), Reason: strOf(r.Reason), ActorUsername: r.ActorUsername, CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}

// inForceSQL is the condition that a qualification (aliased q) is in force on a day.
const inForceSQL = "q.granted_on <= ? AND q.valid_until >= ? AND (q.revoked_on IS NULL OR q.revoked_on > ?)"

// holdsSQL is the condition that the enterprise e holds a tier on a day.
const holdsSQL = "EXISTS (SELECT 1 FROM qualifications q WHERE q.enterprise_id = e.id AND q.tier = ? AND " + inForceSQL + ")"

// holdsArgs are the arguments of holdsSQL.
func holdsArgs(tier criteria.Tier, day calendar.Date) []any {
	d := day.String()
	return []any{string(tier), d, d, d}
}
