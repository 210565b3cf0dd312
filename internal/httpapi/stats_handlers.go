package httpapi

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/stats"
)

// statsFilter reads the filters every statistic takes, and whether the caller wants the table as .xlsx.
func statsFilter(c *gin.Context, fs *apperr.Fields) (stats.Filter, bool) {
	f := stats.Filter{AsOf: queryDate(c, "as_of", fs), RegionCode: c.Query("region"), Industry: c.Query("industry")}
	return f, wantsExport(c, fs)
}

type tierSummaryBody struct {
	Tier               criteria.Tier `json:"tier"`
	Holders            int           `json:"holders"`
	HighestTierHolders int           `json:"highest_tier_holders"`
	Expiring90         int           `json:"expiring_90"`
	Expiring180        int           `json:"expiring_180"`
	Candidates         int           `json:"candidates"`
}

type summaryResponse struct {
	AsOf  string            `json:"as_of"`
	Tiers []tierSummaryBody `json:"tiers"`
}

func (a *api) statsSummary(c *gin.Context) {
	var fs apperr.Fields
	f, export := statsFilter(c, &fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	rows, asOf, err := a.Stats.Summary(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	out := summaryResponse{AsOf: asOf.String(), Tiers: make([]tierSummaryBody, len(rows))}
	for i, r := range rows {
		out.Tiers[i] = tierSummaryBody{Tier: r.Tier, Holders: r.Holders, HighestTierHolders: r.HighestTierHolders,
			Expiring90: r.Expiring90, Expiring180: r.Expiring180, Candidates: r.Candidates}
	}
	if export {
		sendXLSX(c, "stats-summary", statsSheet(text{"梯度汇总", "Summary"}, out.AsOf), summaryColumns, out.Tiers)
		return
	}
	c.JSON(http.StatusOK, out)
}

type cellBody struct {
	Code               string        `json:"code"`
	Name               string        `json:"name"`
	Tier               criteria.Tier `json:"tier"`
	Holders            int           `json:"holders"`
	HighestTierHolders int           `json:"highest_tier_holders"`
}

type cellsResponse struct {
	AsOf  string     `json:"as_of"`
	Items []cellBody `json:"items"`
}

// cellTable is how a tier × group statistic exports: its file name, sheet title and columns.
type cellTable struct {
	file  string
	title text
	cols  []column[groupRow]
}

func (a *api) statsCells(c *gin.Context, table cellTable, get func(*gin.Context, stats.Filter) ([]stats.Cell, string, error), name func(stats.Cell) string) {
	var fs apperr.Fields
	f, export := statsFilter(c, &fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	cells, asOf, err := get(c, f)
	if err != nil {
		fail(c, err)
		return
	}
	out := cellsResponse{AsOf: asOf, Items: make([]cellBody, len(cells))}
	for i, cell := range cells {
		out.Items[i] = cellBody{Code: cell.Group, Name: name(cell), Tier: cell.Tier, Holders: cell.Holders, HighestTierHolders: cell.HighestTierHolders}
	}
	if export {
		sendXLSX(c, table.file, statsSheet(table.title, out.AsOf), table.cols, pivotCells(out.Items))
		return
	}
	c.JSON(http.StatusOK, out)
}

func (a *api) statsByRegion(c *gin.Context) {
	a.statsCells(c, cellTable{"stats-by-region", text{"分区域", "By region"}, regionColumns}, func(c *gin.Context, f stats.Filter) ([]stats.Cell, string, error) {
		cells, asOf, err := a.Stats.ByRegion(c.Request.Context(), actorOf(c), f)
		return cells, asOf.String(), err
	}, func(cell stats.Cell) string { return cell.GroupName })
}

func (a *api) statsByIndustry(c *gin.Context) {
	a.statsCells(c, cellTable{"stats-by-industry", text{"分行业", "By industry"}, industryColumns}, func(c *gin.Context, f stats.Filter) ([]stats.Cell, string, error) {
		cells, asOf, err := a.Stats.ByIndustry(c.Request.Context(), actorOf(c), f)
		return cells, asOf.String(), err
	}, func(cell stats.Cell) string {
		if s, _, ok := industry.Lookup(cell.Group); ok {
			return s.Name
		}
		return ""
	})
}

type trendPointBody struct {
	Year             int           `json:"year"`
	Tier             criteria.Tier `json:"tier"`
	NewQualification int           `json:"new_qualifications"`
	HoldersAtYearEnd int           `json:"holders_at_year_end"`
}

type trendResponse struct {
	From  int              `json:"from"`
	To    int              `json:"to"`
	Items []trendPointBody `json:"items"`
}

func (a *api) statsTrend(c *gin.Context) {
	var fs apperr.Fields
	f, export := statsFilter(c, &fs)
	today := a.today()
	from, to := queryInt(c, "from", &fs), queryInt(c, "to", &fs)
	if from == 0 {
		from = today.Year() - 5
	}
	if to == 0 {
		to = today.Year()
	}
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	points, err := a.Stats.Trend(c.Request.Context(), actorOf(c), f, from, to)
	if err != nil {
		fail(c, err)
		return
	}
	out := trendResponse{From: from, To: to, Items: make([]trendPointBody, len(points))}
	for i, p := range points {
		out.Items[i] = trendPointBody{Year: p.Year, Tier: p.Tier, NewQualification: p.NewQualification, HoldersAtYearEnd: p.HoldersAtYearEnd}
	}
	if export {
		sendXLSX(c, "stats-trend", text{fmt.Sprintf("趋势 %d-%d", from, to), fmt.Sprintf("Trend %d-%d", from, to)}, trendColumns, pivotTrend(out.Items))
		return
	}
	c.JSON(http.StatusOK, out)
}

type pipelineCellBody struct {
	BatchID   int64         `json:"batch_id"`
	BatchName string        `json:"batch_name"`
	Tier      criteria.Tier `json:"tier"`
	State     string        `json:"state"`
	Count     int           `json:"count"`
}

type pipelineResponse struct {
	AsOf  string             `json:"as_of"`
	Items []pipelineCellBody `json:"items"`
}

func (a *api) statsPipeline(c *gin.Context) {
	var fs apperr.Fields
	f, export := statsFilter(c, &fs)
	if err := fs.Err(); err != nil {
		fail(c, err)
		return
	}
	cells, asOf, err := a.Stats.Pipeline(c.Request.Context(), actorOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	out := pipelineResponse{AsOf: asOf.String(), Items: make([]pipelineCellBody, len(cells))}
	for i, p := range cells {
		out.Items[i] = pipelineCellBody{BatchID: p.BatchID, BatchName: p.BatchName, Tier: p.Tier, State: p.State, Count: p.Count}
	}
	if export {
		sendXLSX(c, "stats-pipeline", statsSheet(text{"申报进度", "Pipeline"}, out.AsOf), pipelineColumns, pivotPipeline(out.Items))
		return
	}
	c.JSON(http.StatusOK, out)
}
