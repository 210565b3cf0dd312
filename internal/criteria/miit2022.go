package criteria

// Ruleset2022 is the name of the 2022 measures (工信部企业〔2022〕63号).
const Ruleset2022 = "miit-2022"

// prerequisite adds P: the tier below the one evaluated is held (none for the bottom tier).
func (e *evaluation) prerequisite() Status {
	below, ok := e.f.Tier.Below()
	if !ok {
		return e.condition(&specPrereqNone, nil, Met)
	}
	s := &specPrereqISME
	if below == SpecializedSME {
		s = &specPrereqSSME
	}
	if e.f.HeldTiers == nil {
		e.miss("held_tiers")
		return e.condition(s, nil, Missing)
	}
	held := false
	for _, t := range e.f.HeldTiers {
		held = held || t == below
	}
	return e.condition(s, held, status(held, true))
}

// general adds G: an SME by the size rules, not listed, no major incident or violation.
func (e *evaluation) general() Status {
	size, sizeKnown := e.sizeClass()
	g := e.f.General
	if g == nil {
		g = &General{}
	}
	listed, listedKnown := e.flag("general.abnormal_or_dishonest_listed", g.AbnormalOrDishonestListed)
	incident, incidentKnown := e.flag("general.major_incident_or_violation_3y", g.MajorIncidentOrViolation3y)
	st := all(status(size != Large, sizeKnown), status(!listed, listedKnown), status(!incident, incidentKnown))
	value := generalValue{Listed: g.AbnormalOrDishonestListed, Incident: g.MajorIncidentOrViolation3y}
	if sizeKnown {
		value.SizeClass = sizePointer(size)
	}
	return e.condition(&specGeneral, put(&e.vals.general, value), st)
}

type generalValue struct {
	Listed    *bool      `json:"abnormal_or_dishonest_listed"`
	Incident  *bool      `json:"major_incident_or_violation_3y"`
	SizeClass *SizeClass `json:"size_class"`
}

// ratioOf reads a ratio of two figures of a year, recording what is missing.
func (e *evaluation) ratioOf(year int, numField string, num func(*Report) *int64, denField string, den func(*Report) *int64) (frac, bool) {
	a, aok := e.money(year, numField, num)
	b, bok := e.money(year, denField, den)
	if !aok || !bok {
		return frac{}, false
	}
	return ratio(a, b), true
}

func rdExpense(r *Report) *int64           { return r.RDExpense }
func operatingRevenue(r *Report) *int64    { return r.OperatingRevenue }
func mainBusinessRevenue(r *Report) *int64 { return r.MainBusinessRevenue }
func totalAssets(r *Report) *int64         { return r.TotalAssets }
func totalLiabilities(r *Report) *int64    { return r.TotalLiabilities }
func netProfit(r *Report) *int64           { return r.NetProfit }
func employees(r *Report) *int64           { return r.Employees }
func rdStaff(r *Report) *int64             { return r.RDStaff }
func equityFinancing(r *Report) *int64     { return r.EquityFinancing }

func (e *evaluation) rdRatio(year int) (frac, bool) {
	return e.ratioOf(year, "rd_expense", rdExpense, "operating_revenue", operatingRevenue)
}

func (e *evaluation) mainShare() (frac, bool) {
	return e.ratioOf(e.y, "main_business_revenue", mainBusinessRevenue, "operating_revenue", operatingRevenue)
}

func (e *evaluation) debtRatio() (frac, bool) {
	return e.ratioOf(e.y, "total_liabilities", totalLiabilities, "total_assets", totalAssets)
}

// mainGrowth is the growth of main-business revenue in a year over the year before.
func (e *evaluation) mainGrowth(year int) (frac, bool) {
	cur, cok := e.money(year, "main_business_revenue", mainBusinessRevenue)
	prev, pok := e.money(year-1, "main_business_revenue", mainBusinessRevenue)
	if !cok || !pok {
		return frac{}, false
	}
	return growth(cur, prev), true
}

// meanMainGrowth is the mean of the main-business revenue growth in Y and in Y-1.
func (e *evaluation) meanMainGrowth() (meanGrowth, bool) {
	a, aok := e.money(e.y, "main_business_revenue", mainBusinessRevenue)
	b, bok := e.money(e.y-1, "main_business_revenue", mainBusinessRevenue)
	c, cok := e.money(e.y-2, "main_business_revenue", mainBusinessRevenue)
	if !aok || !bok || !cok {
		return meanGrowth{}, false
	}
	return newMeanGrowth(a, b, c), true
}

// sumAtLeast sums a non-negative figure over years and compares it with a threshold. Known parts
// that already reach it decide "met" even when other years are missing.
func (e *evaluation) sumAtLeast(years []int, field string, get func(*Report) *int64, threshold int64) (int64, Status) {
	var sum int64
	complete := true
	for _, y := range years {
		r := e.report(y)
		if r == nil || get(r) == nil {
			complete = false
			e.miss(reportField(y, field))
			continue
		}
		sum += *get(r)
	}
	switch {
	case sum >= threshold:
		return sum, Met
	case !complete:
		return sum, Missing
	}
	return sum, Unmet
}

// ipLevel is the best IP band reached: first the high-value Class I, then self-developed Class I,
// Class I, Class II. A band can be decided only when the bands above it are known not reached.
func (e *evaluation) ipLevel(points [5]int) (string, int, bool) {
	r := e.report(e.y)
	var ip IP
	if r != nil && r.IP != nil {
		ip = *r.IP
	}
	levels := []struct {
		field, name string
		v           *int
	}{
		{"ip.class1_high_value", "class1_high_value", ip.Class1HighValue},
		{"ip.class1_self_developed", "class1_self_developed", ip.Class1SelfDeveloped},
		{"ip.class1", "class1", ip.Class1},
		{"ip.class2", "class2", ip.Class2},
	}
	for i, l := range levels {
		if l.v == nil {
			e.miss(reportField(e.y, l.field))
			return "", 0, false
		}
		if *l.v >= 1 {
			return l.name, points[i], true
		}
	}
	return "none", points[4], true
}

// award and makers tests over the last three years.
func (e *evaluation) hasAward(level string, maxRank int) (bool, bool) {
	if e.f.Awards == nil {
		e.miss("awards")
		return false, false
	}
	for _, a := range e.f.Awards {
		if e.inLastThreeYears(a.Year) && (level == "" || a.Level == level) && (maxRank == 0 || (a.Rank >= 1 && a.Rank <= maxRank)) {
			return true, true
		}
	}
	return false, true
}

func (e *evaluation) hasMakersPlace(top int) (bool, bool) {
	if e.f.MakersChina == nil {
		e.miss("makers_china")
		return false, false
	}
	for _, m := range e.f.MakersChina {
		if e.inLastThreeYears(m.Year) && m.Top >= 1 && m.Top <= top {
			return true, true
		}
	}
	return false, true
}

func (e *evaluation) institution() (string, bool) {
	r := e.report(e.y)
	if r == nil || r.RDInstitution == nil {
		e.miss(reportField(e.y, "rd_institution"))
		return "", false
	}
	return *r.RDInstitution, true
}
