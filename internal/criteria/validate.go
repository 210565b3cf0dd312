package criteria

import (
	"slices"
	"strconv"
	"time"
)

// Problem is a fact that cannot be evaluated: its field (a JSON path such as
// "reports[1].rd_expense") and the rule it breaks ("required", "one_of", "too_small",
// "too_large", "date", "no_report", "duplicate").
type Problem struct {
	Field string
	Rule  string
	// Limit is the bound broken, for too_small and too_large.
	Limit any
}

// The years the facts may speak of.
const (
	MinYear = 1949
	MaxYear = 2100
)

type problems []Problem

func (ps *problems) add(field, rule string, limit any) {
	*ps = append(*ps, Problem{Field: field, Rule: rule, Limit: limit})
}

func (ps *problems) year(field string, y int) {
	if y < MinYear {
		ps.add(field, "too_small", MinYear)
	} else if y > MaxYear {
		ps.add(field, "too_large", MaxYear)
	}
}

// The checks below take a field's prefix and name apart, joining them only for a problem: they
// run on every evaluation.

func (ps *problems) nonNegative(prefix, name string, v *int64) {
	if v != nil && *v < 0 {
		ps.add(prefix+name, "too_small", 0)
	}
}

func (ps *problems) intRange(prefix, name string, v *int, lo, hi int) {
	if v == nil {
		return
	}
	if *v < lo {
		ps.add(prefix+name, "too_small", lo)
	} else if *v > hi {
		ps.add(prefix+name, "too_large", hi)
	}
}

func (ps *problems) floatRange(prefix, name string, v *float64, lo, hi float64) {
	if v == nil {
		return
	}
	if *v < lo {
		ps.add(prefix+name, "too_small", lo)
	} else if *v > hi {
		ps.add(prefix+name, "too_large", hi)
	}
}

func (ps *problems) oneOf(prefix, name string, v *string, allowed []string) {
	if v != nil && !slices.Contains(allowed, *v) {
		ps.add(prefix+name, "one_of", allowed)
	}
}

// Validate returns the problems of the facts: unknown tiers, rulesets or enum values, negative
// money, shares outside 0–1, a report year without a report, and the like. Facts merely left out
// are no problem: they are missing, and the evaluation says so.
func (f *Facts) Validate() []Problem {
	var ps problems
	if !f.Tier.Valid() {
		ps.add("tier", "one_of", Tiers)
	}
	if f.Ruleset != "" && !KnownRuleset(f.Ruleset) {
		ps.add("ruleset", "one_of", Rulesets())
	}
	if f.ReportYear == 0 {
		ps.add("report_year", "required", nil)
	} else {
		ps.year("report_year", f.ReportYear)
	}
	if f.IndustryClass != "" && !f.IndustryClass.Valid() {
		ps.add("industry_class", "one_of", []IndustryClass{ClassIndustry, ClassSoftware, ClassOther})
	}
	for i, t := range f.HeldTiers {
		if !t.Valid() {
			ps.add("held_tiers["+strconv.Itoa(i)+"]", "one_of", Tiers)
		}
	}
	f.nicheParsed = false
	if f.NicheMarketSince != nil {
		d, err := time.Parse("2006-01-02", *f.NicheMarketSince)
		if err != nil {
			ps.add("niche_market_since", "date", nil)
		}
		f.niche, f.nicheParsed = d, err == nil
	}
	if f.MainProduct != nil {
		ps.oneOf("main_product.", "field_class", f.MainProduct.FieldClass, FieldClasses)
	}
	for i, h := range f.Honours {
		if !slices.Contains(Honours, h) {
			ps.add("honours["+strconv.Itoa(i)+"]", "one_of", Honours)
		}
	}
	for i, a := range f.Awards {
		if a.Year < MinYear || a.Year > MaxYear || !slices.Contains(awardLevels, a.Level) || a.Rank < 1 {
			p := "awards[" + strconv.Itoa(i) + "]."
			ps.year(p+"year", a.Year)
			ps.oneOf(p, "level", &a.Level, awardLevels)
			if a.Rank < 1 {
				ps.add(p+"rank", "too_small", 1)
			}
		}
	}
	for i, m := range f.MakersChina {
		if m.Year < MinYear || m.Year > MaxYear || (m.Top != 50 && m.Top != 500) {
			p := "makers_china[" + strconv.Itoa(i) + "]."
			ps.year(p+"year", m.Year)
			if m.Top != 50 && m.Top != 500 {
				ps.add(p+"top", "one_of", []int{50, 500})
			}
		}
	}
	hasReportYear := false
	for i := range f.Reports {
		r := &f.Reports[i]
		var p string
		if i < len(reportPrefixes) {
			p = reportPrefixes[i]
		} else {
			p = "reports[" + strconv.Itoa(i) + "]."
		}
		if r.Year < MinYear || r.Year > MaxYear {
			ps.year(p+"year", r.Year)
		}
		for j := 0; j < i; j++ {
			if f.Reports[j].Year == r.Year {
				ps.add(p+"year", "duplicate", nil)
			}
		}
		hasReportYear = hasReportYear || r.Year == f.ReportYear
		ps.validateReport(p, r)
	}
	if f.ReportYear != 0 && !hasReportYear {
		ps.add("report_year", "no_report", nil)
	}
	return ps
}

var awardLevels = []string{LevelNational, LevelProvincial}

// reportPrefixes are the field prefixes of the first reports, made once.
var reportPrefixes = func() []string {
	out := make([]string, 8)
	for i := range out {
		out[i] = "reports[" + strconv.Itoa(i) + "]."
	}
	return out
}()

// ValidateReport returns the problems of one year's figures, with fields named under prefix.
func ValidateReport(prefix string, r *Report) []Problem {
	var ps problems
	ps.validateReport(prefix, r)
	return ps
}

func (ps *problems) validateReport(p string, r *Report) {
	ps.nonNegative(p, "employees", r.Employees)
	ps.nonNegative(p, "rd_staff", r.RDStaff)
	ps.nonNegative(p, "operating_revenue", r.OperatingRevenue)
	ps.nonNegative(p, "main_business_revenue", r.MainBusinessRevenue)
	ps.nonNegative(p, "rd_expense", r.RDExpense)
	ps.nonNegative(p, "total_liabilities", r.TotalLiabilities)
	ps.nonNegative(p, "equity_financing", r.EquityFinancing)
	if r.TotalAssets != nil && *r.TotalAssets <= 0 {
		ps.add(p+"total_assets", "too_small", 1)
	}
	if r.RDStaff != nil && r.Employees != nil && *r.RDStaff > *r.Employees {
		ps.add(p+"rd_staff", "too_large", *r.Employees)
	}
	if r.MainBusinessRevenue != nil && r.OperatingRevenue != nil && *r.MainBusinessRevenue > *r.OperatingRevenue {
		ps.add(p+"main_business_revenue", "too_large", *r.OperatingRevenue)
	}
	if r.IP != nil {
		ps.intRange(p, "ip.class1", r.IP.Class1, 0, 1_000_000)
		ps.intRange(p, "ip.class1_self_developed", r.IP.Class1SelfDeveloped, 0, 1_000_000)
		ps.intRange(p, "ip.class1_high_value", r.IP.Class1HighValue, 0, 1_000_000)
		ps.intRange(p, "ip.class2", r.IP.Class2, 0, 1_000_000)
		ps.intRange(p, "ip.class1_applied", r.IP.Class1Applied, 0, 1_000_000)
	}
	ps.oneOf(p, "rd_institution", r.RDInstitution, Institutions)
	ps.intRange(p, "digital_level", r.DigitalLevel, 1, 4)
	ps.floatRange(p, "national_market_share", r.NationalMarketShare, 0, 1)
	ps.intRange(p, "local_score", r.LocalScore, 0, 15)
	ps.floatRange(p, "quality_score", r.QualityScore, 0, 100)
	ps.intRange(p, "domestic_rank", r.DomesticRank, 1, 1_000_000)
}
