package httpapi

import (
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

// The statistics export as the tables a leader reads: one row per tier, region, industry, year or
// batch, and the tiers (or states) across.

var summaryColumns = []column[tierSummaryBody]{
	{text{"梯度", "Tier"}, func(r tierSummaryBody, l lang) any { return tierNames[r.Tier][l] }},
	{text{"有效企业数", "Holders"}, func(r tierSummaryBody, _ lang) any { return r.Holders }},
	{text{"按最高梯度计", "At their highest tier"}, func(r tierSummaryBody, _ lang) any { return r.HighestTierHolders }},
	{text{"90天内到期", "Expiring within 90 days"}, func(r tierSummaryBody, _ lang) any { return r.Expiring90 }},
	{text{"180天内到期", "Expiring within 180 days"}, func(r tierSummaryBody, _ lang) any { return r.Expiring180 }},
	{text{"符合条件未认定", "Candidates"}, func(r tierSummaryBody, _ lang) any { return r.Candidates }},
}

// groupRow is a region's or an industry's holders, by tier.
type groupRow struct {
	code, name string
	holders    map[criteria.Tier]int
}

func pivotCells(items []cellBody) []groupRow {
	var rows []groupRow
	at := map[string]int{}
	for _, it := range items {
		i, ok := at[it.Code]
		if !ok {
			i = len(rows)
			at[it.Code] = i
			rows = append(rows, groupRow{code: it.Code, name: it.Name, holders: map[criteria.Tier]int{}})
		}
		rows[i].holders[it.Tier] = it.Holders
	}
	return rows
}

func groupColumns(code, name text) []column[groupRow] {
	cols := []column[groupRow]{
		{code, func(r groupRow, _ lang) any { return r.code }},
		{name, func(r groupRow, _ lang) any { return orNil(r.name) }},
	}
	for _, t := range criteria.Tiers {
		cols = append(cols, column[groupRow]{tierNames[t], func(r groupRow, _ lang) any { return r.holders[t] }})
	}
	return cols
}

var (
	regionColumns   = groupColumns(text{"区域代码", "Region code"}, text{"区域", "Region"})
	industryColumns = groupColumns(text{"行业门类", "Industry section"}, text{"行业", "Industry"})
)

// trendRow is a year's new qualifications and year-end holders, by tier.
type trendRow struct {
	year         int
	granted, end map[criteria.Tier]int
}

func pivotTrend(items []trendPointBody) []trendRow {
	var rows []trendRow
	at := map[int]int{}
	for _, p := range items {
		i, ok := at[p.Year]
		if !ok {
			i = len(rows)
			at[p.Year] = i
			rows = append(rows, trendRow{year: p.Year, granted: map[criteria.Tier]int{}, end: map[criteria.Tier]int{}})
		}
		rows[i].granted[p.Tier] = p.NewQualification
		rows[i].end[p.Tier] = p.HoldersAtYearEnd
	}
	return rows
}

var trendColumns = func() []column[trendRow] {
	cols := []column[trendRow]{{text{"年度", "Year"}, func(r trendRow, _ lang) any { return r.year }}}
	for _, t := range criteria.Tiers {
		head := text{"新认定：" + tierNames[t][zhCN], "New: " + tierNames[t][enUS]}
		cols = append(cols, column[trendRow]{head, func(r trendRow, _ lang) any { return r.granted[t] }})
	}
	for _, t := range criteria.Tiers {
		head := text{"年末有效：" + tierNames[t][zhCN], "Year-end holders: " + tierNames[t][enUS]}
		cols = append(cols, column[trendRow]{head, func(r trendRow, _ lang) any { return r.end[t] }})
	}
	return cols
}()

// pipelineRow is an open batch's applications, by state.
type pipelineRow struct {
	name   string
	tier   criteria.Tier
	counts map[string]int
}

func pivotPipeline(items []pipelineCellBody) []pipelineRow {
	var rows []pipelineRow
	at := map[int64]int{}
	for _, p := range items {
		i, ok := at[p.BatchID]
		if !ok {
			i = len(rows)
			at[p.BatchID] = i
			rows = append(rows, pipelineRow{name: p.BatchName, tier: p.Tier, counts: map[string]int{}})
		}
		rows[i].counts[p.State] += p.Count
	}
	return rows
}

var pipelineColumns = func() []column[pipelineRow] {
	cols := []column[pipelineRow]{
		{text{"批次", "Batch"}, func(r pipelineRow, _ lang) any { return r.name }},
		{text{"梯度", "Tier"}, func(r pipelineRow, l lang) any { return tierNames[r.tier][l] }},
	}
	for _, s := range application.States {
		cols = append(cols, column[pipelineRow]{stateNames[s], func(r pipelineRow, _ lang) any { return r.counts[string(s)] }})
	}
	return cols
}()

// statsSheet names a statistics workbook's sheet by its title and date (within Excel's 31 characters).
func statsSheet(title text, asOf string) text {
	return text{title[zhCN] + " " + asOf, title[enUS] + " " + asOf}
}
