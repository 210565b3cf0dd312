package store

import (
	"context"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/report"
)

type annualReportRow struct {
	ID                     int64 `gorm:"primaryKey"`
	EnterpriseID           int64
	Year                   int
	Employees              *int64
	RDStaff                *int64 `gorm:"column:rd_staff"`
	OperatingRevenue       *int64
	MainBusinessRevenue    *int64
	RDExpense              *int64 `gorm:"column:rd_expense"`
	NetProfit              *int64
	TotalAssets            *int64
	TotalLiabilities       *int64
	EquityFinancing        *int64
	IPClass1               *int    `gorm:"column:ip_class1"`
	IPClass1SelfDeveloped  *int    `gorm:"column:ip_class1_self_developed"`
	IPClass1HighValue      *int    `gorm:"column:ip_class1_high_value"`
	IPClass2               *int    `gorm:"column:ip_class2"`
	IPClass1Applied        *int    `gorm:"column:ip_class1_applied"`
	RDInstitution          *string `gorm:"column:rd_institution"`
	DigitalLevel           *int
	QualityAward           *bool
	QualityCertified       *bool
	QualityOwnBrand        *bool
	QualityStandards       *bool
	InfoSystemCoreBusiness *bool
	ManagementCertified    *bool
	NationalMarketShare    *float64
	LocalScore             *int
	QualityScore           *float64
	MarketPositionLeading  *bool
	DomesticRank           *int
	Version                int
	CreatedAt              time.Time
	UpdatedAt              time.Time
}

func (annualReportRow) TableName() string { return "annual_reports" }

func reportToRow(a report.Annual) annualReportRow {
	r := a.Report
	row := annualReportRow{
		ID: a.ID, EnterpriseID: a.EnterpriseID, Year: r.Year, Employees: r.Employees, RDStaff: r.RDStaff,
		OperatingRevenue: r.OperatingRevenue, MainBusinessRevenue: r.MainBusinessRevenue, RDExpense: r.RDExpense,
		NetProfit: r.NetProfit, TotalAssets: r.TotalAssets, TotalLiabilities: r.TotalLiabilities,
		EquityFinancing: r.EquityFinancing, RDInstitution: r.RDInstitution, DigitalLevel: r.DigitalLevel,
		InfoSystemCoreBusiness: r.InfoSystemCoreBusiness, ManagementCertified: r.ManagementCertified,
		NationalMarketShare: r.NationalMarketShare, LocalScore: r.LocalScore, QualityScore: r.QualityScore,
		MarketPositionLeading: r.MarketPositionLeading, DomesticRank: r.DomesticRank,
		Version: max(a.Version, 1), CreatedAt: utc(a.CreatedAt), UpdatedAt: utc(a.UpdatedAt),
	}
	if ip := r.IP; ip != nil {
		row.IPClass1, row.IPClass1SelfDeveloped, row.IPClass1HighValue, row.IPClass2, row.IPClass1Applied =
			ip.Class1, ip.Class1SelfDeveloped, ip.Class1HighValue, ip.Class2, ip.Class1Applied
	}
	if q := r.Quality; q != nil {
		row.QualityAward, row.QualityCertified, row.QualityOwnBrand, row.QualityStandards = q.Award, q.Certified, q.OwnBrand, q.Standards
	}
	return row
}

func reportFromRow(row annualReportRow) report.Annual {
	r := criteria.Report{
		Year: row.Year, Employees: row.Employees, RDStaff: row.RDStaff, OperatingRevenue: row.OperatingRevenue,
		MainBusinessRevenue: row.MainBusinessRevenue, RDExpense: row.RDExpense, NetProfit: row.NetProfit,
		TotalAssets: row.TotalAssets, TotalLiabilities: row.TotalLiabilities, EquityFinancing: row.EquityFinancing,
		RDInstitution: row.RDInstitution, DigitalLevel: row.DigitalLevel, InfoSystemCoreBusiness: row.InfoSystemCoreBusiness,
		ManagementCertified: row.ManagementCertified, NationalMarketShare: row.NationalMarketShare, LocalScore: row.LocalScore,
		QualityScore: row.QualityScore, MarketPositionLeading: row.MarketPositionLeading, DomesticRank: row.DomesticRank,
	}
	if row.IPClass1 != nil || row.IPClass1SelfDeveloped != nil || row.IPClass1HighValue != nil || row.IPClass2 != nil || row.IPClass1Applied != nil {
		r.IP = &criteria.IP{Class1: row.IPClass1, Class1SelfDeveloped: row.IPClass1SelfDeveloped, Class1HighValue: row.IPClass1HighValue,
			Class2: row.IPClass2, Class1Applied: row.IPClass1Applied}
	}
	if row.QualityAward != nil || row.QualityCertified != nil || row.QualityOwnBrand != nil || row.QualityStandards != nil {
		r.Quality = &criteria.Quality{Award: row.QualityAward, Certified: row.QualityCertified, OwnBrand: row.QualityOwnBrand, Standards: row.QualityStandards}
	}
	return report.Annual{ID: row.ID, EnterpriseID: row.EnterpriseID, Version: row.Version,
		CreatedAt: row.CreatedAt.UTC(), UpdatedAt: row.UpdatedAt.UTC(), Report: r}
}

// CreateAnnualReports stores annual reports and sets their IDs.
func (c conn) CreateAnnualReports(ctx context.Context, reports []report.Annual) error {
	if len(reports) == 0 {
		return nil
	}
	rows := make([]annualReportRow, len(reports))
	for i, r := range reports {
		rows[i] = reportToRow(r)
		rows[i].ID = 0
	}
	if err := c.ctx(ctx).CreateInBatches(&rows, batchRows(33)).Error; err != nil {
		return duplicateOr(err, "year", "create annual reports")
	}
	for i := range rows {
		reports[i].ID = rows[i].ID
	}
	return nil
}

// ListAnnualReports returns an enterprise's reports, latest year first.
func (c conn) ListAnnualReports(ctx context.Context, enterpriseID int64) ([]report.Annual, error) {
	var rows []annualReportRow
	if err := c.ctx(ctx).Where("enterprise_id = ?", enterpriseID).Order("year DESC").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list annual reports")
	}
	out := make([]report.Annual, len(rows))
	for i, r := range rows {
		out[i] = reportFromRow(r)
	}
	return out, nil
}

// GetAnnualReport returns an enterprise's report of a year, or not_found.
func (c conn) GetAnnualReport(ctx context.Context, enterpriseID int64, year int) (report.Annual, error) {
	var row annualReportRow
	if err := c.ctx(ctx).Where("enterprise_id = ? AND year = ?", enterpriseID, year).Take(&row).Error; err != nil {
		return report.Annual{}, notFoundOr(err, "get annual report")
	}
	return reportFromRow(row), nil
}

// CreateAnnualReport stores a new report; duplicate when the year has one.
func (c conn) CreateAnnualReport(ctx context.Context, a *report.Annual) error {
	reports := []report.Annual{*a}
	if err := c.CreateAnnualReports(ctx, reports); err != nil {
		return err
	}
	a.ID = reports[0].ID
	return nil
}

// UpdateAnnualReport stores a report if its stored version is readVersion.
func (c conn) UpdateAnnualReport(ctx context.Context, a *report.Annual, readVersion int) error {
	row := reportToRow(*a)
	row.Version = readVersion + 1
	if err := c.updateVersioned(ctx, &row, a.ID, readVersion, "enterprise_id", "year"); err != nil {
		return wrap(err, "update annual report")
	}
	a.Version = row.Version
	return nil
}

// SetSizeClass records an enterprise's size class, computed from its latest figures; it is derived,
// so it changes neither the enterprise's version nor its audit trail.
func (c conn) SetSizeClass(ctx context.Context, enterpriseID int64, size string) error {
	res := c.ctx(ctx).Model(&enterpriseRow{}).Where("id = ?", enterpriseID).UpdateColumn("size_class", strPtr(size))
	if res.Error == nil && res.RowsAffected == 0 {
		return apperr.New(apperr.NotFound, "")
	}
	return wrap(res.Error, "set size class")
}

// SetSizeClasses records the size classes of several enterprises (by enterprise ID), one
// statement per class and few hundred enterprises; like SetSizeClass, it leaves versions alone.
func (c conn) SetSizeClasses(ctx context.Context, sizes map[int64]string) error {
	byClass := map[string][]int64{}
	for id, size := range sizes {
		byClass[size] = append(byClass[size], id)
	}
	for size, ids := range byClass {
		slices.Sort(ids)
		err := inChunks(ids, func(part []int64) error {
			return c.ctx(ctx).Model(&enterpriseRow{}).Where("id IN ?", part).UpdateColumn("size_class", strPtr(size)).Error
		})
		if err != nil {
			return wrap(err, "set size classes")
		}
	}
	return nil
}

// Reports is the annual figures' store.
type Reports struct{ conn }

// NewReports returns the annual figures' store over db.
func NewReports(db *gorm.DB) Reports { return Reports{conn{db: db}} }

// Tx runs fn in one transaction.
func (s Reports) Tx(ctx context.Context, fn func(report.Store) error) error {
	return s.tx(ctx, func(c conn) error { return fn(Reports{c}) })
}
