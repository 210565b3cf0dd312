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

// annualReportResponse is a year's figures: the criteria's per-year facts, with the record's own.
type annualReportResponse struct {
	EnterpriseID int64 `json:"enterprise_id"`
	criteria.Report
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func annualReportOf(a report.Annual) annualReportResponse {
	return annualReportResponse{EnterpriseID: a.EnterpriseID, Report: a.Report, Version: a.Version, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

// annualReportRequest is a year's figures; the year is the path's (a body naming another is refused).
type annualReportRequest struct {
	criteria.Report
	// Version is the version read; left out (or 0) for a year not filed yet.
	Version *int `json:"version"`
}

func (a *api) listAnnualReports(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		fail(c, err)
		return
	}
	var fs apperr.Fields
	export := wantsExport(c, &fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	reports, err := a.Reports.List(c.Request.Context(), actorOf(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	if export {
		sendXLSX(c, "annual-reports", text{"年度数据", "Annual figures"}, reportColumns, reports)
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
	if req.Year != 0 && req.Year != year {
		fail(c, apperr.Field("year", apperr.RuleInvalid, nil))
		return
	}
	version := 0
	if req.Version != nil {
		version = *req.Version
	}
	saved, err := a.Reports.Put(c.Request.Context(), actorOf(c), id, year, req.Report, version)
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
