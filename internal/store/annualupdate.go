package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/annualupdate"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/qualification"
)

type proposalRow struct {
	ID               int64 `gorm:"primaryKey"`
	EnterpriseID     int64
	QualificationID  int64
	Tier             string
	PeriodValidUntil calendar.Date
	MissedYears      string
	Status           string
	Reason           *string
	DecidedBy        *string
	DecidedAt        *time.Time
	Version          int
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (proposalRow) TableName() string { return "cancellation_proposals" }

type proposalView struct {
	Row            proposalRow `gorm:"embedded"`
	EnterpriseName string
	CreditCode     string
	RegionCode     string
	RegionName     string
}

func proposalToRow(p annualupdate.Proposal) proposalRow {
	years, _ := json.Marshal(p.MissedYears)
	return proposalRow{ID: p.ID, EnterpriseID: p.EnterpriseID, QualificationID: p.QualificationID, Tier: string(p.Tier), PeriodValidUntil: p.PeriodValidUntil,
		MissedYears: string(years), Status: string(p.Status), Reason: strPtr(p.Reason), DecidedBy: strPtr(p.DecidedBy), DecidedAt: utcPtr(p.DecidedAt),
		Version: p.Version, CreatedAt: utc(p.CreatedAt), UpdatedAt: utc(p.UpdatedAt)}
}

func proposalFromView(v proposalView) annualupdate.Proposal {
	r := v.Row
	var years []int
	_ = json.Unmarshal([]byte(r.MissedYears), &years)
	return annualupdate.Proposal{ID: r.ID, EnterpriseID: r.EnterpriseID, QualificationID: r.QualificationID, Tier: criteria.Tier(r.Tier),
		PeriodValidUntil: r.PeriodValidUntil, MissedYears: years, Status: annualupdate.ProposalStatus(r.Status), Reason: strOf(r.Reason),
		DecidedBy: strOf(r.DecidedBy), DecidedAt: timeOf(r.DecidedAt), Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		EnterpriseName: v.EnterpriseName, CreditCode: v.CreditCode, RegionCode: v.RegionCode, RegionName: v.RegionName}
}

// AnnualUpdates is the annual update's store.
type AnnualUpdates struct{ conn }

// NewAnnualUpdates returns the annual update's store over db.
func NewAnnualUpdates(db *gorm.DB) AnnualUpdates { return AnnualUpdates{conn{db: db}} }

// Tx runs fn in one transaction.
func (s AnnualUpdates) Tx(ctx context.Context, fn func(annualupdate.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(AnnualUpdates{c}) })
}

// Qualifications is the qualifications' store over the same connection (or transaction).
func (s AnnualUpdates) Qualifications() qualification.Store { return Qualifications{s.conn} }

// CreateProposals stores the proposals not made yet; one per qualification and period.
func (c conn) CreateProposals(ctx context.Context, ps []annualupdate.Proposal) (int, error) {
	if len(ps) == 0 {
		return 0, nil
	}
	rows := make([]proposalRow, len(ps))
	for i, p := range ps {
		rows[i] = proposalToRow(p)
		rows[i].ID = 0
	}
	res := c.ctx(ctx).Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(&rows, 500)
	return int(res.RowsAffected), wrap(res.Error, "create cancellation proposals")
}

func (c conn) proposalsIn(ctx context.Context, scope access.Scope) *gorm.DB {
	q := c.ctx(ctx).Table("cancellation_proposals AS p").
		Select("p.*, e.name AS enterprise_name, e.credit_code, e.region_code, r.name AS region_name").
		Joins("JOIN enterprises e ON e.id = p.enterprise_id").
		Joins("JOIN regions r ON r.code = e.region_code")
	return scopeEnterprises(q, scope, "e")
}

// ListProposals returns proposals within scope, the undecided first, newest first.
func (c conn) ListProposals(ctx context.Context, f annualupdate.ProposalFilter) ([]annualupdate.Proposal, int64, error) {
	q := c.proposalsIn(ctx, f.Scope)
	if f.Status != "" {
		q = q.Where("p.status = ?", string(f.Status))
	}
	if f.RegionCode != "" {
		q = q.Where("e.region_code = ?", f.RegionCode)
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, wrap(err, "count cancellation proposals")
	}
	var vs []proposalView
	if err := page(q.Order("CASE WHEN p.status = 'proposed' THEN 0 ELSE 1 END, p.created_at DESC, p.id DESC"), f.Page).Find(&vs).Error; err != nil {
		return nil, 0, wrap(err, "list cancellation proposals")
	}
	out := make([]annualupdate.Proposal, len(vs))
	for i, v := range vs {
		out[i] = proposalFromView(v)
	}
	return out, total, nil
}

// GetProposal returns a proposal within scope, or not_found.
func (c conn) GetProposal(ctx context.Context, scope access.Scope, id int64) (annualupdate.Proposal, error) {
	var v proposalView
	if err := c.proposalsIn(ctx, scope).Where("p.id = ?", id).Take(&v).Error; err != nil {
		return annualupdate.Proposal{}, notFoundOr(err, "get cancellation proposal")
	}
	return proposalFromView(v), nil
}

// UpdateProposal stores a decision if the stored version is readVersion.
func (c conn) UpdateProposal(ctx context.Context, p *annualupdate.Proposal, readVersion int) error {
	row := proposalToRow(*p)
	row.Version = readVersion + 1
	if err := c.updateVersioned(ctx, &row, p.ID, readVersion, "enterprise_id", "qualification_id", "tier", "period_valid_until", "missed_years", "created_at"); err != nil {
		return err
	}
	p.Version = row.Version
	return nil
}

// Exclusive runs fn in a transaction if no other replica runs the job of that name now; false
// when another does.
func (s AnnualUpdates) Exclusive(ctx context.Context, name string, fn func(annualupdate.Store) error) (bool, error) {
	return s.exclusive(ctx, name, func(c conn) error { return fn(AnnualUpdates{c}) })
}
