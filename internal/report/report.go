// Package report holds the annual figures (年度数据) an enterprise files for each year: every
// per-year fact of the criteria's evaluation contract. Money is whole yuan; a figure not given is
// nil, never zero.
package report

import (
	"strconv"
	"time"

	"github.com/tiertracker/tiertracker/internal/criteria"
)

// Annual is one enterprise's figures for one year.
type Annual struct {
	ID           int64
	EnterpriseID int64
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
	criteria.Report
}

// EntityID returns the id of the report as audit events name it: enterprise and year.
func (a Annual) EntityID() string {
	return strconv.FormatInt(a.EnterpriseID, 10) + "/" + strconv.Itoa(a.Year)
}

// CriteriaReports returns the figures of several years as the criteria read them.
func CriteriaReports(as []Annual) []criteria.Report {
	out := make([]criteria.Report, len(as))
	for i, a := range as {
		out[i] = a.Report
	}
	return out
}

// Latest returns the report of the latest year, and false when there is none.
func Latest(as []Annual) (Annual, bool) {
	var best Annual
	found := false
	for _, a := range as {
		if !found || a.Year > best.Year {
			best, found = a, true
		}
	}
	return best, found
}
