// Package report holds the annual figures (年度数据) an enterprise files for each year: the facts
// the size rules and the tier criteria are computed from. Money is whole yuan; a figure not given
// is nil, never zero.
package report

import "time"

// Annual is one enterprise's figures for one year.
type Annual struct {
	ID                  int64
	EnterpriseID        int64
	Year                int
	Employees           *int64
	RDStaff             *int64
	OperatingRevenue    *int64
	MainBusinessRevenue *int64
	RDExpense           *int64
	NetProfit           *int64
	TotalAssets         *int64
	TotalLiabilities    *int64
	EquityFinancing     *int64
	Version             int
	CreatedAt           time.Time
	UpdatedAt           time.Time
}
