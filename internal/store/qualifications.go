package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/access"
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
	ids := make([]int64, len(qs))
	for i, q := range qs {
		rows[i] = qualificationToRow(q)
		rows[i].ID = 0
		ids[i] = q.EnterpriseID
	}
	err := c.recounted(ctx, ids, qualificationsFacet, func(tx conn) error { return tx.ctx(ctx).CreateInBatches(&rows, 200).Error })
	if err != nil {
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

func eventToRow(e qualification.Event) qualificationEventRow {
	return qualificationEventRow{ID: e.ID, QualificationID: e.QualificationID, Kind: string(e.Kind), On: e.On, ValidUntil: e.ValidUntil,
		BatchID: idPtr(e.BatchID), ApplicationID: idPtr(e.ApplicationID), AnnouncementNo: strPtr(e.AnnouncementNo),
		ReasonCode: strPtr(e.ReasonCode), Reason: strPtr(e.Reason), ActorUsername: e.ActorUsername, CreatedAt: utc(e.CreatedAt)}
}

// CreateQualificationEvents stores entries of qualifications' histories.
func (c conn) CreateQualificationEvents(ctx context.Context, evs []qualification.Event) error {
	if len(evs) == 0 {
		return nil
	}
	rows := make([]qualificationEventRow, len(evs))
	for i, e := range evs {
		rows[i] = eventToRow(e)
		rows[i].ID = 0
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

// Qualifications is the qualifications' store.
type Qualifications struct{ conn }

// NewQualifications returns the qualifications' store over db.
func NewQualifications(db *gorm.DB) Qualifications { return Qualifications{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Qualifications) Tx(ctx context.Context, fn func(qualification.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Qualifications{c}) })
}

type listedRow struct {
	Row            qualificationRow `gorm:"embedded"`
	EnterpriseName string
	CreditCode     string
	RegionCode     string
	RegionName     string
	IndustryCode   *string
}

func (c conn) qualificationsIn(ctx context.Context, scope access.Scope) *gorm.DB {
	q := c.ctx(ctx).Table("qualifications AS q").
		Select("q.*, e.name AS enterprise_name, e.credit_code, e.region_code, r.name AS region_name, e.industry_code").
		Joins("JOIN enterprises e ON e.id = q.enterprise_id").
		Joins("JOIN regions r ON r.code = e.region_code")
	return scopeEnterprises(q, scope, "e")
}

func listedFromRow(r listedRow) qualification.Listed {
	return qualification.Listed{Qualification: qualificationFromRow(r.Row), EnterpriseName: r.EnterpriseName, CreditCode: r.CreditCode,
		RegionCode: r.RegionCode, RegionName: r.RegionName, IndustryCode: strOf(r.IndustryCode)}
}

// InForceAfter returns up to limit qualifications in force on day whose IDs follow afterID, in ID
// order, for a job that walks the whole registry a page at a time.
func (c conn) InForceAfter(ctx context.Context, day calendar.Date, afterID int64, limit int) ([]qualification.Qualification, error) {
	d := day.String()
	var rows []qualificationRow
	err := c.ctx(ctx).Table("qualifications AS q").Where("q.id > ?", afterID).Where(inForceSQL, d, d, d).
		Order("q.id").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, wrap(err, "qualifications in force")
	}
	out := make([]qualification.Qualification, len(rows))
	for i, r := range rows {
		out[i] = qualificationFromRow(r)
	}
	return out, nil
}

// QueryQualifications returns qualifications matching f, the soonest expiry first, and their number.
func (c conn) QueryQualifications(ctx context.Context, f qualification.Filter) ([]qualification.Listed, int64, error) {
	q := c.qualificationsIn(ctx, f.Scope)
	if f.Tier != "" {
		q = q.Where("q.tier = ?", string(f.Tier))
	}
	if f.RegionCode != "" {
		q = q.Where("e.region_code = ?", f.RegionCode)
	}
	if ind := strings.ToUpper(strings.TrimSpace(f.Industry)); ind != "" {
		if len(ind) == 1 {
			q = q.Where("e.industry_code LIKE ?", ind+"%")
		} else {
			q = q.Where("e.industry_code = ?", ind)
		}
	}
	if f.EnterpriseID != 0 {
		q = q.Where("q.enterprise_id = ?", f.EnterpriseID)
	}
	asOf := f.AsOf.String()
	soon := f.AsOf.AddDays(f.ExpiringDays).String()
	switch f.Status {
	case qualification.Valid:
		q = q.Where(inForceSQL, asOf, asOf, asOf)
	case qualification.Expiring:
		q = q.Where(inForceSQL+" AND q.valid_until <= ?", asOf, asOf, asOf, soon)
	case qualification.Expired:
		q = q.Where("q.valid_until < ? AND (q.revoked_on IS NULL OR q.revoked_on > ?)", asOf, asOf)
	case qualification.Revoked:
		q = q.Where("q.revoked_on IS NOT NULL AND q.revoked_on <= ?", asOf)
	}
	if f.ExpiringWithinDays > 0 {
		q = q.Where(inForceSQL+" AND q.valid_until <= ?", asOf, asOf, asOf, f.AsOf.AddDays(f.ExpiringWithinDays).String())
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, wrap(err, "count qualifications")
	}
	q = q.Order("q.valid_until, q.id")
	q = page(q, f.Page)
	var rows []listedRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, 0, wrap(err, "list qualifications")
	}
	out := make([]qualification.Listed, len(rows))
	for i, r := range rows {
		out[i] = listedFromRow(r)
	}
	return out, total, nil
}

// GetQualification returns a qualification within scope, or not_found.
func (c conn) GetQualification(ctx context.Context, scope access.Scope, id int64) (qualification.Listed, error) {
	var r listedRow
	if err := c.qualificationsIn(ctx, scope).Where("q.id = ?", id).Take(&r).Error; err != nil {
		return qualification.Listed{}, notFoundOr(err, "get qualification")
	}
	return listedFromRow(r), nil
}

// Recipients returns the active accounts of an enterprise and the county officers of its region.
func (c conn) Recipients(ctx context.Context, enterpriseID int64) ([]int64, error) {
	var ids []int64
	err := c.ctx(ctx).Table("users AS u").Select("u.id").
		Where("u.status = ? AND (u.enterprise_id = ? OR (u.role = ? AND u.region_code = (SELECT region_code FROM enterprises WHERE id = ?)))",
			"active", enterpriseID, "county_officer", enterpriseID).Order("u.id").Pluck("u.id", &ids).Error
	return ids, wrap(err, "recipients")
}

// Exclusive runs fn in a transaction only one replica at a time holds for a job's name, and
// reports whether it ran.
func (s Qualifications) Exclusive(ctx context.Context, name string, fn func(qualification.Store) error) (bool, error) {
	return s.exclusive(ctx, name, func(c conn) error { return fn(Qualifications{c}) })
}
