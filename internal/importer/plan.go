package importer

import (
	"strings"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/optional"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/region"
	"github.com/tiertracker/tiertracker/internal/report"
)

// refs are what the rows are checked against: who imports, today, and the registry as it stands
// for the credit codes of the file.
type refs struct {
	actor       access.Actor
	today       calendar.Date
	regions     map[string]string // code, name and English name → code
	enterprises map[string]enterprise.Enterprise
	reports     map[int64][]report.Annual
	quals       map[int64][]qualification.Qualification
}

func regionIndex(rs []region.Region) map[string]string {
	m := map[string]string{}
	for _, r := range rs {
		m[r.Code], m[r.Name] = r.Code, r.Code
		if r.NameEn != "" {
			m[r.NameEn] = r.Code
		}
	}
	return m
}

type enterpriseOp struct {
	row    int
	before *enterprise.Enterprise // nil: a new enterprise
	after  enterprise.Enterprise
}

type reportOp struct {
	row        int
	enterprise enterprise.Enterprise
	before     *report.Annual // nil: a new year
	after      criteria.Report
}

type qualificationOp struct {
	row int
	h   qualification.Historic
}

// plan is what a file would write, or the problems that stop it.
type plan struct {
	enterprises    []enterpriseOp
	reports        []reportOp
	qualifications []qualificationOp
	errors         []RowError // the first MaxListedError
	errorCount     int
}

func (p *plan) problems(errs []RowError) {
	p.errorCount += len(errs)
	if room := MaxListedError - len(p.errors); room > 0 {
		p.errors = append(p.errors, errs[:min(room, len(errs))]...)
	}
}

// creditCodes returns the credit codes a file's rows name, upper-cased, each once.
func creditCodes(idx map[string]int, rows [][]string) []string {
	i, ok := idx["credit_code"]
	if !ok {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, cells := range rows {
		if i < len(cells) {
			if c := strings.ToUpper(cells[i]); c != "" && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// checker checks the rows of one file in order, remembering what earlier rows claimed.
type checker struct {
	kind Kind
	refs *refs
	idx  map[string]int
	seen map[string]int // a row's identity (credit code, year, tier and date) → the first row that had it
	plan plan
}

func newChecker(k Kind, idx map[string]int, rf *refs) *checker {
	return &checker{kind: k, refs: rf, idx: idx, seen: map[string]int{}}
}

// check checks one data row (num is its row number in the file) and adds it to the plan.
func (c *checker) check(num int, cells []string) {
	r := &row{num: num, cells: cells, idx: c.idx}
	if r.blank() {
		return
	}
	switch c.kind {
	case Enterprises:
		c.enterprise(r)
	case AnnualReports:
		c.report(r)
	case Qualifications:
		c.qualification(r)
	}
	c.plan.problems(r.errs)
}

// once reports whether key is new to the file; a repeat is a problem of the column named.
func (c *checker) once(r *row, key, column string) bool {
	if first, ok := c.seen[key]; ok {
		r.fail(column, apperr.RuleRepeatsRow, map[string]any{"row": first})
		return false
	}
	c.seen[key] = r.num
	return true
}

// known finds the enterprise a row names by credit code, within the importer's scope.
func (c *checker) known(r *row) (enterprise.Enterprise, bool) {
	code := strings.ToUpper(r.get("credit_code"))
	if code == "" {
		r.fail("credit_code", apperr.RuleRequired, nil)
		return enterprise.Enterprise{}, false
	}
	e, ok := c.refs.enterprises[code]
	if !ok || !c.refs.actor.Scope().Contains(e.ID, e.RegionCode) {
		r.fail("credit_code", apperr.RuleUnknownEnt, nil)
		return enterprise.Enterprise{}, false
	}
	return e, true
}

func text(r *row, key string, dst *optional.Value[string]) {
	if r.has(key) {
		*dst = optional.Of(r.get(key))
	}
}

func date(r *row, key string, dst *optional.Value[calendar.Date]) {
	if d := r.date(key); !d.IsZero() {
		*dst = optional.Of(d)
	}
}

// enterprise checks a row of the registry: an unknown credit code creates an enterprise (name,
// region and industry required), a known one updates it with the cells given (an empty cell
// leaves the field as it is). The domain's own checks apply, as on the form.
func (c *checker) enterprise(r *row) {
	code := strings.ToUpper(r.get("credit_code"))
	if code == "" {
		r.fail("credit_code", apperr.RuleRequired, nil)
		return
	}
	if !c.once(r, code, "credit_code") {
		return
	}
	var ch enterprise.Changes
	text(r, "name", &ch.Name)
	text(r, "address", &ch.Address)
	text(r, "main_products", &ch.MainProducts)
	text(r, "niche_market", &ch.NicheMarket)
	text(r, "contact_person", &ch.ContactPerson)
	text(r, "contact_phone", &ch.ContactPhone)
	if r.has("region_code") {
		if rc := r.regionCode("region_code", c.refs.regions); rc != "" {
			ch.RegionCode = optional.Of(rc)
		}
	}
	if r.has("industry_code") {
		ch.IndustryCode = optional.Of(r.industryCode("industry_code"))
	}
	date(r, "founded_on", &ch.FoundedOn)
	date(r, "niche_market_since", &ch.NicheMarketSince)
	if b := r.bool("strategic_emerging"); b != nil {
		ch.StrategicEmerging = optional.Of(*b)
	}
	scope := c.refs.actor.Scope()
	var fs apperr.Fields
	existing, found := c.refs.enterprises[code]
	if found {
		if !scope.Contains(existing.ID, existing.RegionCode) {
			r.fail("credit_code", apperr.RuleOutsideRegion, nil)
			return
		}
		e := existing
		ch.Apply(&e, false, c.refs.today, &fs)
		if !scope.ContainsRegion(e.RegionCode) {
			fs.Add("region_code", apperr.RuleOutsideRegion, nil)
		}
		r.fields(fs)
		c.plan.enterprises = append(c.plan.enterprises, enterpriseOp{row: r.num, before: &existing, after: e})
		return
	}
	for _, key := range []string{"name", "region_code", "industry_code"} {
		if !r.has(key) {
			r.fail(key, apperr.RuleRequired, nil)
		}
	}
	ch.CreditCode = optional.Of(code)
	e := enterprise.Enterprise{Version: 1}
	ch.Apply(&e, false, c.refs.today, &fs)
	if e.RegionCode != "" && !scope.ContainsRegion(e.RegionCode) {
		fs.Add("region_code", apperr.RuleOutsideRegion, nil)
	}
	r.fields(fs)
	c.plan.enterprises = append(c.plan.enterprises, enterpriseOp{row: r.num, after: e})
}

// report checks a row of annual figures: the year's report is created, or updated with the cells
// given (an empty cell keeps the figure filed); the whole report is then checked as on the form.
func (c *checker) report(r *row) {
	e, ok := c.known(r)
	year := r.int("year")
	if year == nil && !r.has("year") {
		r.fail("year", apperr.RuleRequired, nil)
	}
	if !ok || year == nil || !c.once(r, e.CreditCode+"/"+r.get("year"), "year") {
		return
	}
	var before *report.Annual
	next := criteria.Report{Year: *year}
	for _, a := range c.refs.reports[e.ID] {
		if a.Year == *year {
			a := a
			before, next = &a, a.Report
		}
	}
	setInt64 := func(key string, dst **int64) {
		if v := r.int64(key); v != nil {
			*dst = v
		}
	}
	setWan := func(key string, dst **int64) {
		if v := r.wan(key); v != nil {
			*dst = v
		}
	}
	setInt := func(key string, dst **int) {
		if v := r.int(key); v != nil {
			*dst = v
		}
	}
	setBool := func(key string, dst **bool) {
		if v := r.bool(key); v != nil {
			*dst = v
		}
	}
	setInt64("employees", &next.Employees)
	setInt64("rd_staff", &next.RDStaff)
	setWan("operating_revenue", &next.OperatingRevenue)
	setWan("main_business_revenue", &next.MainBusinessRevenue)
	setWan("rd_expense", &next.RDExpense)
	setWan("net_profit", &next.NetProfit)
	setWan("total_assets", &next.TotalAssets)
	setWan("total_liabilities", &next.TotalLiabilities)
	setWan("equity_financing", &next.EquityFinancing)
	if r.has("ip.class1") || r.has("ip.class1_self_developed") || r.has("ip.class1_high_value") || r.has("ip.class2") || r.has("ip.class1_applied") {
		ip := criteria.IP{}
		if next.IP != nil {
			ip = *next.IP
		}
		setInt("ip.class1", &ip.Class1)
		setInt("ip.class1_self_developed", &ip.Class1SelfDeveloped)
		setInt("ip.class1_high_value", &ip.Class1HighValue)
		setInt("ip.class2", &ip.Class2)
		setInt("ip.class1_applied", &ip.Class1Applied)
		next.IP = &ip
	}
	if v := r.institution("rd_institution"); v != nil {
		next.RDInstitution = v
	}
	setInt("digital_level", &next.DigitalLevel)
	if r.has("quality.award") || r.has("quality.certified") || r.has("quality.own_brand") || r.has("quality.standards") {
		q := criteria.Quality{}
		if next.Quality != nil {
			q = *next.Quality
		}
		setBool("quality.award", &q.Award)
		setBool("quality.certified", &q.Certified)
		setBool("quality.own_brand", &q.OwnBrand)
		setBool("quality.standards", &q.Standards)
		next.Quality = &q
	}
	setBool("info_system_core_business", &next.InfoSystemCoreBusiness)
	setBool("management_certified", &next.ManagementCertified)
	if v := r.share("national_market_share"); v != nil {
		next.NationalMarketShare = v
	}
	setInt("local_score", &next.LocalScore)
	if v := r.float("quality_score"); v != nil {
		next.QualityScore = v
	}
	setBool("market_position_leading", &next.MarketPositionLeading)
	setInt("domestic_rank", &next.DomesticRank)
	r.fields(report.CheckFigures(&next, c.refs.today))
	c.plan.reports = append(c.plan.reports, reportOp{row: r.num, enterprise: e, before: before, after: next})
}

// qualification checks a row of historic qualifications: the enterprise must be known, and the
// same tier granted on the same day not recorded already (in the registry or the file).
func (c *checker) qualification(r *row) {
	e, ok := c.known(r)
	h := qualification.Historic{EnterpriseID: e.ID, BatchName: r.get("batch_name"), AnnouncementNo: r.get("announcement_no"),
		GrantedOn: r.date("granted_on")}
	if r.has("tier") {
		h.Tier = r.tier("tier")
	}
	r.fields(qualification.CheckHistoric(&h, c.refs.today))
	if !ok || len(r.errs) > 0 {
		return
	}
	for _, q := range c.refs.quals[e.ID] {
		if q.Tier == h.Tier && q.GrantedOn == h.GrantedOn {
			r.fail("granted_on", apperr.RuleDuplicate, nil)
			return
		}
	}
	if c.once(r, e.CreditCode+"/"+string(h.Tier)+"/"+h.GrantedOn.String(), "granted_on") {
		c.plan.qualifications = append(c.plan.qualifications, qualificationOp{row: r.num, h: h})
	}
}
