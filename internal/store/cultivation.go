package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/cultivation"
)

type cultivationRow struct {
	ID           int64 `gorm:"primaryKey"`
	EnterpriseID int64
	TargetTier   string
	OwnerID      int64
	Note         *string
	FollowUpOn   calendar.Date
	CreatedBy    string
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (cultivationRow) TableName() string { return "cultivation_entries" }

// Cultivation is the pool's store.
type Cultivation struct{ conn }

// NewCultivation returns the pool's store over db.
func NewCultivation(db *gorm.DB) Cultivation { return Cultivation{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Cultivation) Tx(ctx context.Context, fn func(cultivation.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Cultivation{c}) })
}

type candidateRow struct {
	EnterpriseID int64
	Name         string
	CreditCode   string
	RegionCode   string
	RegionName   string
	IndustryCode *string
	SizeClass    *string
	Eligible     bool
	Score        *int
	Ruleset      string
	ReportYear   int
	ComputedAt   time.Time
	EntryID      *int64
	OwnerID      *int64
	OwnerName    *string
	Note         *string
	FollowUpOn   calendar.Date
	CreatedBy    *string
	EntryVersion *int
	EntryCreated *time.Time
	EntryUpdated *time.Time
}

// ListCandidates returns the pool of a target tier: enterprises within scope holding the tier
// below it (none at all, for the bottom tier) and not the tier itself, eligible first, then by the
// fewest blocking criteria, the highest score, and the name.
func (c conn) ListCandidates(ctx context.Context, f cultivation.Filter) ([]cultivation.Candidate, int64, error) {
	q := c.ctx(ctx).Table("enterprises AS e").
		Joins("JOIN regions r ON r.code = e.region_code").
		Joins("JOIN eligibility_results er ON er.enterprise_id = e.id AND er.tier = ?", string(f.TargetTier)).
		Joins("LEFT JOIN cultivation_entries ce ON ce.enterprise_id = e.id AND ce.target_tier = ?", string(f.TargetTier)).
		Joins("LEFT JOIN users u ON u.id = ce.owner_id")
	q = scopeEnterprises(q, f.Scope, "e")
	if below, ok := f.TargetTier.Below(); ok {
		q = q.Where(holdsSQL, holdsArgs(below, f.Today)...)
	}
	for _, t := range criteria.Tiers {
		if t == f.TargetTier || (f.TargetTier == criteria.InnovativeSME) {
			q = q.Where("NOT "+holdsSQL, holdsArgs(t, f.Today)...)
		}
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
	switch f.Status {
	case cultivation.StatusEligible:
		q = q.Where("er.eligible = ?", true)
	case cultivation.StatusNotEligible:
		q = q.Where("er.eligible = ?", false)
	}
	if f.Followed != nil {
		if *f.Followed {
			q = q.Where("ce.id IS NOT NULL")
		} else {
			q = q.Where("ce.id IS NULL")
		}
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, wrap(err, "count pool")
	}
	q = q.Select(`e.id AS enterprise_id, e.name, e.credit_code, e.region_code, r.name AS region_name, e.industry_code,
		e.size_class, er.eligible, er.score, er.ruleset, er.report_year, er.computed_at, ce.id AS entry_id, ce.owner_id, u.display_name AS owner_name,
		ce.note, ce.follow_up_on, ce.created_by, ce.version AS entry_version, ce.created_at AS entry_created,
		ce.updated_at AS entry_updated`).
		Order("er.eligible DESC, er.unmet_count, CASE WHEN er.score IS NULL THEN 1 ELSE 0 END, er.score DESC, e.name_sort, e.id")
	q = page(q, f.Page)
	var rows []candidateRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, 0, wrap(err, "list pool")
	}
	out := make([]cultivation.Candidate, len(rows))
	for i, r := range rows {
		cand := cultivation.Candidate{
			EnterpriseID: r.EnterpriseID, Name: r.Name, CreditCode: r.CreditCode, RegionCode: r.RegionCode,
			RegionName: r.RegionName, IndustryCode: strOf(r.IndustryCode), SizeClass: strOf(r.SizeClass),
			Eligible: r.Eligible, Score: r.Score, Ruleset: r.Ruleset, ReportYear: r.ReportYear, ComputedAt: r.ComputedAt.UTC(),
		}
		if r.EntryID != nil {
			cand.Entry = &cultivation.Entry{
				ID: *r.EntryID, EnterpriseID: r.EnterpriseID, TargetTier: f.TargetTier, OwnerID: idOf(r.OwnerID),
				OwnerName: strOf(r.OwnerName), Note: strOf(r.Note), FollowUpOn: r.FollowUpOn, CreatedBy: strOf(r.CreatedBy),
				Version: *r.EntryVersion, CreatedAt: timeOf(r.EntryCreated), UpdatedAt: timeOf(r.EntryUpdated),
			}
		}
		out[i] = cand
	}
	return out, total, nil
}

// GetEntry returns a pool entry with its owner's name, or not_found.
func (c conn) GetEntry(ctx context.Context, id int64) (cultivation.Entry, error) {
	var row struct {
		Row       cultivationRow `gorm:"embedded"`
		OwnerName *string
	}
	err := c.ctx(ctx).Table("cultivation_entries AS ce").Select("ce.*, u.display_name AS owner_name").
		Joins("LEFT JOIN users u ON u.id = ce.owner_id").Where("ce.id = ?", id).Take(&row).Error
	if err != nil {
		return cultivation.Entry{}, notFoundOr(err, "get pool entry")
	}
	r := row.Row
	return cultivation.Entry{ID: r.ID, EnterpriseID: r.EnterpriseID, TargetTier: criteria.Tier(r.TargetTier), OwnerID: r.OwnerID,
		OwnerName: strOf(row.OwnerName), Note: strOf(r.Note), FollowUpOn: r.FollowUpOn, CreatedBy: r.CreatedBy,
		Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}, nil
}

func entryToRow(e cultivation.Entry) cultivationRow {
	return cultivationRow{ID: e.ID, EnterpriseID: e.EnterpriseID, TargetTier: string(e.TargetTier), OwnerID: e.OwnerID,
		Note: strPtr(e.Note), FollowUpOn: e.FollowUpOn, CreatedBy: e.CreatedBy, Version: e.Version,
		CreatedAt: utc(e.CreatedAt), UpdatedAt: utc(e.UpdatedAt)}
}

// CreateEntry stores a pool entry.
func (c conn) CreateEntry(ctx context.Context, e *cultivation.Entry) error {
	row := entryToRow(*e)
	row.ID = 0
	if err := c.ctx(ctx).Create(&row).Error; err != nil {
		return duplicateOr(err, "enterprise_id", "create pool entry")
	}
	e.ID = row.ID
	return nil
}

// UpdateEntry stores a pool entry if its stored version is readVersion.
func (c conn) UpdateEntry(ctx context.Context, e *cultivation.Entry, readVersion int) error {
	row := entryToRow(*e)
	row.Version = readVersion + 1
	if err := c.updateVersioned(ctx, &row, e.ID, readVersion, "enterprise_id", "target_tier", "created_by"); err != nil {
		return wrap(err, "update pool entry")
	}
	e.Version = row.Version
	return nil
}

// DeleteEntry removes a pool entry.
func (c conn) DeleteEntry(ctx context.Context, id int64) error {
	return wrap(c.ctx(ctx).Where("id = ?", id).Delete(&cultivationRow{}).Error, "delete pool entry")
}
