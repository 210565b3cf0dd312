package store

import (
	"context"
	"time"

	"github.com/tiertracker/tiertracker/internal/report"
)

type annualReportRow struct {
	ID                  int64 `gorm:"primaryKey"`
	EnterpriseID        int64
	Year                int
	Employees           *int64
	RDStaff             *int64 `gorm:"column:rd_staff"`
	OperatingRevenue    *int64
	MainBusinessRevenue *int64
	RDExpense           *int64 `gorm:"column:rd_expense"`
	NetProfit           *int64
	TotalAssets         *int64
	TotalLiabilities    *int64
	EquityFinancing     *int64
	Version             int
	CreatedAt           time.Time
	UpdatedAt           time.Time
}

func (annualReportRow) TableName() string { return "annual_reports" }

// CreateAnnualReports stores annual reports and sets their IDs.
func (c conn) CreateAnnualReports(ctx context.Context, reports []report.Annual) error {
	if len(reports) == 0 {
		return nil
	}
	rows := make([]annualReportRow, len(reports))
	for i, r := range reports {
		rows[i] = annualReportRow{
			EnterpriseID: r.EnterpriseID, Year: r.Year, Employees: r.Employees, RDStaff: r.RDStaff,
			OperatingRevenue: r.OperatingRevenue, MainBusinessRevenue: r.MainBusinessRevenue, RDExpense: r.RDExpense,
			NetProfit: r.NetProfit, TotalAssets: r.TotalAssets, TotalLiabilities: r.TotalLiabilities,
			EquityFinancing: r.EquityFinancing, Version: max(r.Version, 1), CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt),
		}
	}
	if err := c.ctx(ctx).CreateInBatches(&rows, 200).Error; err != nil {
		return duplicateOr(err, "year", "create annual reports")
	}
	for i := range rows {
		reports[i].ID = rows[i].ID
	}
	return nil
}
