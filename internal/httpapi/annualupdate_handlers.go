package httpapi

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/annualupdate"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

type annualUpdateBody struct {
	EnterpriseID   int64               `json:"enterprise_id"`
	EnterpriseName string              `json:"enterprise_name"`
	CreditCode     string              `json:"credit_code"`
	RegionCode     string              `json:"region_code"`
	RegionName     string              `json:"region_name"`
	Tiers          []criteria.Tier     `json:"tiers"`
	Year           int                 `json:"year"`
	ReportYear     int                 `json:"report_year"`
	Status         annualupdate.Status `json:"status"`
	FiledOn        *string             `json:"filed_on"`
	OpensOn        string              `json:"opens_on"`
	ClosesOn       string              `json:"closes_on"`
}

func annualUpdateOf(r annualupdate.Row) annualUpdateBody {
	return annualUpdateBody{EnterpriseID: r.EnterpriseID, EnterpriseName: r.EnterpriseName, CreditCode: r.CreditCode, RegionCode: r.RegionCode,
		RegionName: r.RegionName, Tiers: r.Tiers, Year: r.Year, ReportYear: r.Year - 1, Status: r.Status, FiledOn: datePtr(r.FiledOn),
		OpensOn: r.Opens.String(), ClosesOn: r.Closes.String()}
}

var updateStatusNames = map[annualupdate.Status]text{
	annualupdate.NotRequired: {"无需报送", "Not required"}, annualupdate.Upcoming: {"未开始", "Not yet open"},
	annualupdate.Pending: {"待报送", "Not yet filed"}, annualupdate.Filed: {"已报送", "Filed"}, annualupdate.Missed: {"逾期未报", "Missed"},
}

var annualUpdateColumns = []column[annualupdate.Row]{
	{text{"企业名称", "Enterprise"}, func(r annualupdate.Row, _ lang) any { return r.EnterpriseName }},
	{text{"统一社会信用代码", "Credit code"}, func(r annualupdate.Row, _ lang) any { return r.CreditCode }},
	{text{"所属区域", "Region"}, func(r annualupdate.Row, _ lang) any { return r.RegionName }},
	{text{"所持梯度", "Tiers held"}, func(r annualupdate.Row, l lang) any {
		s := ""
		for i, t := range r.Tiers {
			if i > 0 {
				s += "、"
			}
			s += tierNames[t][l]
		}
		return s
	}},
	{text{"数据年度", "Figures of"}, func(r annualupdate.Row, _ lang) any { return r.Year - 1 }},
	{text{"状态", "Status"}, func(r annualupdate.Row, l lang) any { return updateStatusNames[r.Status][l] }},
	{text{"报送日期", "Filed on"}, func(r annualupdate.Row, _ lang) any { return orNil(r.FiledOn.String()) }},
	{text{"截止日期", "Closes on"}, func(r annualupdate.Row, _ lang) any { return r.Closes.String() }},
}

func (a *api) listAnnualUpdates(c *gin.Context) {
	var fs apperr.Fields
	f := annualupdate.Filter{Year: queryInt(c, "year", &fs), Status: annualupdate.Status(c.Query("status")), RegionCode: c.Query("region"), Page: pageOf(c, &fs)}
	export := wantsExport(c, &fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	if export {
		f.Page.Size = 0
	}
	res, err := a.AnnualUpdates.List(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	if export {
		sendXLSX(c, "annual-updates", text{"年度数据更新", "Annual update"}, annualUpdateColumns, res.Items)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, f.Page.Number, f.Page.Size, annualUpdateOf))
}

type proposalBody struct {
	ID               int64                       `json:"id"`
	EnterpriseID     int64                       `json:"enterprise_id"`
	EnterpriseName   string                      `json:"enterprise_name"`
	CreditCode       string                      `json:"credit_code"`
	RegionCode       string                      `json:"region_code"`
	RegionName       string                      `json:"region_name"`
	QualificationID  int64                       `json:"qualification_id"`
	Tier             criteria.Tier               `json:"tier"`
	PeriodValidUntil string                      `json:"period_valid_until"`
	MissedYears      []int                       `json:"missed_years"`
	Status           annualupdate.ProposalStatus `json:"status"`
	Reason           *string                     `json:"reason"`
	DecidedBy        *string                     `json:"decided_by"`
	DecidedAt        *time.Time                  `json:"decided_at"`
	Version          int                         `json:"version"`
	CreatedAt        time.Time                   `json:"created_at"`
}

func proposalOf(p annualupdate.Proposal) proposalBody {
	return proposalBody{ID: p.ID, EnterpriseID: p.EnterpriseID, EnterpriseName: p.EnterpriseName, CreditCode: p.CreditCode, RegionCode: p.RegionCode,
		RegionName: p.RegionName, QualificationID: p.QualificationID, Tier: p.Tier, PeriodValidUntil: p.PeriodValidUntil.String(),
		MissedYears: p.MissedYears, Status: p.Status, Reason: strPtrOrNil(p.Reason), DecidedBy: strPtrOrNil(p.DecidedBy),
		DecidedAt: timePtr(p.DecidedAt), Version: p.Version, CreatedAt: p.CreatedAt}
}

func strPtrOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (a *api) listCancellationProposals(c *gin.Context) {
	var fs apperr.Fields
	f := annualupdate.ProposalFilter{Status: annualupdate.ProposalStatus(c.Query("status")), RegionCode: c.Query("region"), Page: pageOf(c, &fs)}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	res, err := a.AnnualUpdates.ListProposals(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(res.Items, res.Total, f.Page.Number, f.Page.Size, proposalOf))
}

type decisionRequest struct {
	Reason  string `json:"reason"`
	Version int    `json:"version" validate:"required,min=1"`
}

func (a *api) decideCancellation(confirm bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, err := pathID(c)
		if err != nil {
			fail(c, err)
			return
		}
		var req decisionRequest
		if err := bindJSON(c, &req); err != nil {
			fail(c, err)
			return
		}
		p, err := a.AnnualUpdates.Decide(c.Request.Context(), actorOf(c), id, confirm, req.Reason, req.Version)
		if err != nil {
			fail(c, err)
			return
		}
		c.JSON(http.StatusOK, proposalOf(p))
	}
}
