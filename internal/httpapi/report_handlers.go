package httpapi

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/report"
)

// reportFigures are a year's figures in JSON: criteria.Report without the year, which the path names.
type reportFigures struct {
	Employees              *int64            `json:"employees"`
	RDStaff                *int64            `json:"rd_staff"`
	OperatingRevenue       *int64            `json:"operating_revenue"`
	MainBusinessRevenue    *int64            `json:"main_business_revenue"`
	RDExpense              *int64            `json:"rd_expense"`
	NetProfit              *int64            `json:"net_profit"`
	TotalAssets            *int64            `json:"total_assets"`
	TotalLiabilities       *int64            `json:"total_liabilities"`
	EquityFinancing        *int64            `json:"equity_financing"`
	IP                     *criteria.IP      `json:"ip"`
	RDInstitution          *string           `json:"rd_institution"`
	DigitalLevel           *int              `json:"digital_level"`
	Quality                *criteria.Quality `json:"quality"`
	InfoSystemCoreBusiness *bool             `json:"info_system_core_business"`
	ManagementCertified    *bool             `json:"management_certified"`
	NationalMarketShare    *float64          `json:"national_market_share"`
	LocalScore             *int              `json:"local_score"`
	QualityScore           *float64          `json:"quality_score"`
	MarketPositionLeading  *bool             `json:"market_position_leading"`
	DomesticRank           *int              `json:"domestic_rank"`
}

func (f reportFigures) report(year int) criteria.Report {
	return criteria.Report{
		Year: year, Employees: f.Employees, RDStaff: f.RDStaff, OperatingRevenue: f.OperatingRevenue,
		MainBusinessRevenue: f.MainBusinessRevenue, RDExpense: f.RDExpense, NetProfit: f.NetProfit,
		TotalAssets: f.TotalAssets, TotalLiabilities: f.TotalLiabilities, EquityFinancing: f.EquityFinancing,
		IP: f.IP, RDInstitution: f.RDInstitution, DigitalLevel: f.DigitalLevel, Quality: f.Quality,
		InfoSystemCoreBusiness: f.InfoSystemCoreBusiness, ManagementCertified: f.ManagementCertified,
		NationalMarketShare: f.NationalMarketShare, LocalScore: f.LocalScore, QualityScore: f.QualityScore,
		MarketPositionLeading: f.MarketPositionLeading, DomesticRank: f.DomesticRank,
	}
}

func figuresOf(r criteria.Report) reportFigures {
	return reportFigures{
		Employees: r.Employees, RDStaff: r.RDStaff, OperatingRevenue: r.OperatingRevenue,
		MainBusinessRevenue: r.MainBusinessRevenue, RDExpense: r.RDExpense, NetProfit: r.NetProfit,
		TotalAssets: r.TotalAssets, TotalLiabilities: r.TotalLiabilities, EquityFinancing: r.EquityFinancing,
		IP: r.IP, RDInstitution: r.RDInstitution, DigitalLevel: r.DigitalLevel, Quality: r.Quality,
		InfoSystemCoreBusiness: r.InfoSystemCoreBusiness, ManagementCertified: r.ManagementCertified,
		NationalMarketShare: r.NationalMarketShare, LocalScore: r.LocalScore, QualityScore: r.QualityScore,
		MarketPositionLeading: r.MarketPositionLeading, DomesticRank: r.DomesticRank,
	}
}

type annualReportResponse struct {
	EnterpriseID int64 `json:"enterprise_id"`
	Year         int   `json:"year"`
	reportFigures
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func annualReportOf(a report.Annual) annualReportResponse {
	return annualReportResponse{EnterpriseID: a.EnterpriseID, Year: a.Year, reportFigures: figuresOf(a.Report),
		Version: a.Version, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

type annualReportRequest struct {
	reportFigures
	// Version is the version read; left out (or 0) for a year not filed yet.
	Version *int `json:"version"`
}

func (a *api) listAnnualReports(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	reports, err := a.Reports.List(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(reports, int64(len(reports)), 1, max(len(reports), 1), annualReportOf))
}

func (a *api) putAnnualReport(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	year, err := strconv.Atoi(c.Param("year"))
	if err != nil {
		fail(c, apperr.Field("year", apperr.RuleWrongType, map[string]any{"type": "integer"}))
		return
	}
	var req annualReportRequest
	if err := bindJSON(c, &req); err != nil {
		fail(c, err)
		return
	}
	version := 0
	if req.Version != nil {
		version = *req.Version
	}
	saved, err := a.Reports.Put(c.Request.Context(), actorOf(c), id, year, req.report(year), version)
	if err != nil {
		fail(c, err)
		return
	}
	status := http.StatusOK
	if saved.Version == 1 {
		status = http.StatusCreated
	}
	c.JSON(status, annualReportOf(saved))
}

type eligibilityResponse struct {
	EnterpriseID int64             `json:"enterprise_id"`
	ReportYear   int               `json:"report_year"`
	Ruleset      string            `json:"ruleset"`
	Results      []criteria.Result `json:"results"`
}

func (a *api) getEligibility(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	year := queryInt(c, "report_year", &fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	ev, err := a.Eligibility.ForEnterprise(c.Request.Context(), actorOf(c), id, year, c.Query("ruleset"))
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, eligibilityResponse{EnterpriseID: ev.EnterpriseID, ReportYear: ev.ReportYear, Ruleset: ev.Ruleset, Results: ev.Results})
}
