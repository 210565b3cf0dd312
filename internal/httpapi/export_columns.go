package httpapi

import (
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/industry"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
)

var yesNoText = [2][2]string{{"否", "是"}, {"No", "Yes"}}

func yesNo(b *bool, l lang) any {
	if b == nil {
		return nil
	}
	if *b {
		return yesNoText[l][1]
	}
	return yesNoText[l][0]
}

func industryName(code string, l lang) any {
	if _, d, ok := industry.Lookup(code); ok && d.Code != "" {
		if l == enUS {
			return code + " " + d.NameEn
		}
		return code + " " + d.Name
	}
	return orNil(code)
}

var enterpriseColumns = []column[enterprise.Enterprise]{
	{text{"企业名称", "Enterprise"}, func(e enterprise.Enterprise, _ lang) any { return e.Name }},
	{text{"统一社会信用代码", "Credit code"}, func(e enterprise.Enterprise, _ lang) any { return e.CreditCode }},
	{text{"所属区域", "Region"}, func(e enterprise.Enterprise, _ lang) any { return e.RegionName }},
	{text{"所属行业", "Industry"}, func(e enterprise.Enterprise, l lang) any { return industryName(e.IndustryCode, l) }},
	{text{"企业规模", "Size"}, func(e enterprise.Enterprise, l lang) any { return orNil(sizeNames[string(e.SizeClass)][l]) }},
	{text{"成立日期", "Founded"}, func(e enterprise.Enterprise, _ lang) any { return orNil(e.FoundedOn.String()) }},
	{text{"主导产品", "Main products"}, func(e enterprise.Enterprise, _ lang) any { return orNil(e.MainProducts) }},
	{text{"细分市场", "Niche market"}, func(e enterprise.Enterprise, _ lang) any { return orNil(e.NicheMarket) }},
	{text{"进入细分市场时间", "In the niche since"}, func(e enterprise.Enterprise, _ lang) any { return orNil(e.NicheMarketSince.String()) }},
	{text{"战略性新兴产业", "Strategic emerging"}, func(e enterprise.Enterprise, l lang) any { return yesNo(e.StrategicEmerging, l) }},
	{text{"联系人", "Contact"}, func(e enterprise.Enterprise, _ lang) any { return orNil(e.ContactPerson) }},
	{text{"联系电话", "Phone"}, func(e enterprise.Enterprise, _ lang) any { return orNil(e.ContactPhone) }},
	{text{"企业联络员", "Liaison officer"}, func(e enterprise.Enterprise, _ lang) any { return orNil(e.LiaisonOfficerName) }},
}

var reportColumns = []column[report.Annual]{
	{text{"年度", "Year"}, func(a report.Annual, _ lang) any { return a.Year }},
	{text{"从业人员（人）", "Employees"}, func(a report.Annual, _ lang) any { return deref(a.Employees) }},
	{text{"研发人员（人）", "R&D staff"}, func(a report.Annual, _ lang) any { return deref(a.RDStaff) }},
	{text{"营业收入（万元）", "Operating revenue (10k yuan)"}, func(a report.Annual, _ lang) any { return wan(a.OperatingRevenue) }},
	{text{"主营业务收入（万元）", "Main-business revenue (10k yuan)"}, func(a report.Annual, _ lang) any { return wan(a.MainBusinessRevenue) }},
	{text{"研发费用（万元）", "R&D expense (10k yuan)"}, func(a report.Annual, _ lang) any { return wan(a.RDExpense) }},
	{text{"净利润（万元）", "Net profit (10k yuan)"}, func(a report.Annual, _ lang) any { return wan(a.NetProfit) }},
	{text{"资产总额（万元）", "Total assets (10k yuan)"}, func(a report.Annual, _ lang) any { return wan(a.TotalAssets) }},
	{text{"负债总额（万元）", "Total liabilities (10k yuan)"}, func(a report.Annual, _ lang) any { return wan(a.TotalLiabilities) }},
	{text{"新增股权融资（万元）", "Equity financing (10k yuan)"}, func(a report.Annual, _ lang) any { return wan(a.EquityFinancing) }},
}

var applicationColumns = []column[application.Application]{
	{text{"批次", "Batch"}, func(a application.Application, _ lang) any { return a.Batch.Name }},
	{text{"企业名称", "Enterprise"}, func(a application.Application, _ lang) any { return a.EnterpriseName }},
	{text{"统一社会信用代码", "Credit code"}, func(a application.Application, _ lang) any { return a.CreditCode }},
	{text{"所属区域", "Region"}, func(a application.Application, _ lang) any { return a.RegionName }},
	{text{"申报梯度", "Tier"}, func(a application.Application, l lang) any { return tierNames[a.Batch.Tier][l] }},
	{text{"报告年度", "Report year"}, func(a application.Application, _ lang) any { return a.ReportYear }},
	{text{"状态", "State"}, func(a application.Application, l lang) any { return stateNames[a.State][l] }},
	{text{"公告文号", "Announcement"}, func(a application.Application, _ lang) any { return orNil(a.AnnouncementNo) }},
	{text{"认定日期", "Granted on"}, func(a application.Application, _ lang) any { return orNil(a.GrantedOn.String()) }},
}

var stateNames = map[application.State]text{
	application.Draft: {"草稿", "Draft"}, application.CountyReview: {"区县初审", "County review"},
	application.CityReview: {"市级复审", "City review"}, application.Recommended: {"已推荐", "Recommended"},
	application.Approved: {"已认定", "Approved"}, application.NotApproved: {"未通过", "Not approved"},
	application.Returned: {"已退回", "Returned"}, application.Rejected: {"不予推荐", "Rejected"},
	application.Withdrawn: {"已撤回", "Withdrawn"},
}

var qualificationStatusNames = map[qualification.Status]text{
	qualification.Valid: {"有效", "Valid"}, qualification.Expiring: {"即将到期", "Expiring"},
	qualification.Expired: {"已过期", "Expired"}, qualification.Revoked: {"已撤销", "Revoked"},
	qualification.Pending: {"未生效", "Not yet in force"},
}

func qualificationColumns(status func(qualification.Listed) qualification.Status) []column[qualification.Listed] {
	return []column[qualification.Listed]{
		{text{"企业名称", "Enterprise"}, func(q qualification.Listed, _ lang) any { return q.EnterpriseName }},
		{text{"统一社会信用代码", "Credit code"}, func(q qualification.Listed, _ lang) any { return q.CreditCode }},
		{text{"所属区域", "Region"}, func(q qualification.Listed, _ lang) any { return q.RegionName }},
		{text{"梯度", "Tier"}, func(q qualification.Listed, l lang) any { return tierNames[q.Tier][l] }},
		{text{"批次", "Batch"}, func(q qualification.Listed, _ lang) any { return orNil(q.BatchName) }},
		{text{"公告文号", "Announcement"}, func(q qualification.Listed, _ lang) any { return orNil(q.AnnouncementNo) }},
		{text{"认定日期", "Granted on"}, func(q qualification.Listed, _ lang) any { return q.GrantedOn.String() }},
		{text{"有效期至", "Valid until"}, func(q qualification.Listed, _ lang) any { return q.ValidUntil.String() }},
		{text{"状态", "Status"}, func(q qualification.Listed, l lang) any { return qualificationStatusNames[status(q)][l] }},
	}
}
