package criteria

// evaluateSpecialized applies 专精特新中小企业认定标准: the prerequisite, the general conditions and
// all four of C1–C4, C4 by the score (Z, J, T, N indicators) or by one of its alternatives.
func evaluateSpecialized(f *Facts, ruleset string, buf []Criterion) Result {
	ev := newEvaluation(f, 19, buf)
	e := &ev
	p := e.prerequisite()
	g := e.general()

	years, yearsKnown := e.nicheYears()
	c1 := e.condition(&specC1, valueIf(years, yearsKnown), status(years >= 2, yearsKnown))

	rdAmount, rdAmountKnown := e.money(e.y, "rd_expense", rdExpense)
	rd, rdKnown := e.rdRatio(e.y)
	c2 := e.condition(&specC2, put(&e.vals.rdInput, rdInputValue{valueIf(rdAmount, rdAmountKnown), e.number(rd.float(), rdKnown)}),
		all(status(rdAmount >= 1_000_000, rdAmountKnown), status(rd.atLeast(3, 100), rdKnown)))

	revenue, revenueKnown := e.money(e.y, "operating_revenue", operatingRevenue)
	var c3 Status
	financing2, fin2 := e.sumAtLeast([]int{e.y - 1, e.y}, "equity_financing", equityFinancing, 20_000_000)
	switch {
	case !revenueKnown:
		// Financing of 20M meets C3 whatever the revenue; otherwise the revenue decides.
		c3 = anyOf(Missing, fin2)
	case revenue >= 10_000_000:
		c3 = Met
	default:
		c3 = fin2
	}
	e.condition(&specC3, put(&e.vals.revFin, revenueFinancingValue{valueIf(revenue, revenueKnown), financing2}), c3)
	// C4 is decided by the score below, but explained here, after C3.
	c4At := e.reserve()

	// The score.
	share, shareKnown := e.mainShare()
	z1, z1text := scoreFrac(share, bandsZ1)
	e.scored(&specZ1, e.number(share.float(), shareKnown), z1, z1text, shareKnown)
	mean, meanKnown := e.meanMainGrowth()
	z2, z2text := scoreMean(mean, bandsZ2)
	e.scored(&specZ2, e.number(mean.float(), meanKnown), z2, z2text, meanKnown)
	z3 := min(years/2, 5)
	e.scored(&specZ3, valueIf(years, yearsKnown), z3, z3Text(z3), yearsKnown)
	var mp MainProduct
	if f.MainProduct != nil {
		mp = *f.MainProduct
	}
	z4, z4text, z4Known := 0, "", mp.FieldClass != nil
	if z4Known {
		z4, z4text = fieldPoints(*mp.FieldClass)
	} else {
		e.miss("main_product.field_class")
	}
	e.scored(&specZ4, strValue(mp.FieldClass), z4, z4text, z4Known)

	r := e.report(e.y)
	var digital *int
	if r != nil {
		digital = r.DigitalLevel
	}
	j1, j1text := 0, "level 1: 0"
	if digital == nil {
		e.miss(reportField(e.y, "digital_level"))
	} else if *digital >= 3 {
		j1, j1text = 5, "level 3 or above: 5"
	} else if *digital == 2 {
		j1, j1text = 3, "level 2: 3"
	}
	e.scored(&specJ1, intValue(digital), j1, j1text, digital != nil)
	j2, j2Known, j2Value := e.quality()
	e.scored(&specJ2, j2Value, j2, "3 each, at most 5", j2Known)
	margin, marginKnown := e.ratioOf(e.y, "net_profit", netProfit, "operating_revenue", operatingRevenue)
	j3, j3text := scoreFrac(margin, bandsJ3)
	e.scored(&specJ3, e.number(margin.float(), marginKnown), j3, j3text, marginKnown)
	debt, debtKnown := e.debtRatio()
	j4, j4text := debtPoints(debt, bandsJ4)
	e.scored(&specJ4, e.number(debt.float(), debtKnown), j4, j4text, debtKnown)
	var local *int
	if r != nil {
		local = r.LocalScore
	}
	t1 := 0
	if local == nil {
		e.miss(reportField(e.y, "local_score"))
	} else {
		t1 = min(max(*local, 0), 15)
	}
	e.scored(&specT1, intValue(local), t1, "0–15", local != nil)
	level, n1, n1Known := e.ipLevel([5]int{10, 8, 6, 2, 0})
	e.scored(&specN1, nilIfEmpty(level), n1, n1Text[level], n1Known)
	n2, n2text, n2Known := rdInputPoints(rdAmount, rdAmountKnown, rd, rdKnown)
	e.scored(&specN2, put(&e.vals.rdInput, rdInputValue{valueIf(rdAmount, rdAmountKnown), e.number(rd.float(), rdKnown)}), n2, n2text, n2Known)
	staff, staffKnown := e.ratioOf(e.y, "rd_staff", rdStaff, "employees", employees)
	n3, n3text := scoreFrac(staff, bandsN3)
	e.scored(&specN3, e.number(staff.float(), staffKnown), n3, n3text, staffKnown)
	inst, instKnown := e.institution()
	n4 := institutionPoints[inst]
	e.scored(&specN4, nilIfEmpty(inst), n4, institutionText[inst], instKnown)

	var score *int
	byScore := Missing
	if shareKnown && meanKnown && yearsKnown && z4Known && digital != nil && j2Known && marginKnown && debtKnown && local != nil && n1Known && n2Known && staffKnown && instKnown {
		total := z1 + z2 + z3 + z4 + j1 + j2 + j3 + j4 + t1 + n1 + n2 + n3 + n4
		score = e.keep(total)
		byScore = status(total >= 60, true)
	}

	// C4's alternatives: a top-3 provincial or top-5 national award, a mean R&D expense over
	// Y-1..Y of 10M, equity financing over Y-1..Y of 60M, a 创客中国 top-500 place.
	provincial, provincialKnown := e.hasAward(LevelProvincial, 3)
	national, nationalKnown := e.hasAward(LevelNational, 5)
	_, rdSumStatus := e.sumAtLeast([]int{e.y - 1, e.y}, "rd_expense", rdExpense, 20_000_000)
	_, fin60 := e.sumAtLeast([]int{e.y - 1, e.y}, "equity_financing", equityFinancing, 60_000_000)
	makers, makersKnown := e.hasMakersPlace(500)
	alternative := anyOf(status(provincial, provincialKnown), status(national, nationalKnown), rdSumStatus, fin60, status(makers, makersKnown))
	c4 := anyOf(byScore, alternative)
	e.fill(c4At, &specC4, put(&e.vals.scoreAlt, scoreAlternativeValue{score, alternative == Met}), c4)
	eligible := all(p, g, c1, c2, c3, c4) == Met
	route := RouteScore
	if alternative == Met {
		route = RouteAlternative
	}
	return e.result(ruleset, eligible, route, score)
}

type rdInputValue struct {
	RDExpense any `json:"rd_expense"`
	RDRatio   any `json:"rd_ratio"`
}

type revenueFinancingValue struct {
	OperatingRevenue any   `json:"operating_revenue"`
	EquityFinancing  int64 `json:"equity_financing"`
}

type scoreAlternativeValue struct {
	Score       *int `json:"score"`
	Alternative bool `json:"alternative"`
}

var bandsJ4 = []band{{50, 100, 5, "< 50%: 5"}, {60, 100, 3, "50–60%: 3"}, {70, 100, 1, "60–70%: 1"}, {1 << 62, 1, 0, ">= 70%: 0"}}

var n1Text = map[string]string{
	"class1_high_value": "high-value Class I >= 1: 10", "class1_self_developed": "self-developed Class I >= 1: 8",
	"class1": "Class I >= 1: 6", "class2": "Class II >= 1: 2", "none": "none: 0",
}

var institutionText = map[string]string{
	InstitutionNational: "national: 10", InstitutionProvincial: "provincial: 8", InstitutionCity: "city: 4",
	InstitutionBelowCity: "below city: 2", InstitutionNone: "none: 0",
}

var institutionPoints = map[string]int{
	InstitutionNational: 10, InstitutionProvincial: 8, InstitutionCity: 4, InstitutionBelowCity: 2, InstitutionNone: 0,
}

func fieldPoints(class string) (int, string) {
	switch class {
	case FieldGapFilling:
		return 5, "gap filling: 5"
	case FieldSixFoundations:
		return 3, "six foundations: 3"
	}
	return 0, "otherwise: 0"
}

var z3Texts = [6]string{"0 (1 per full 2 years, at most 5)", "1 (1 per full 2 years, at most 5)", "2 (1 per full 2 years, at most 5)",
	"3 (1 per full 2 years, at most 5)", "4 (1 per full 2 years, at most 5)", "5 (1 per full 2 years, at most 5)"}

func z3Text(points int) string { return z3Texts[min(max(points, 0), 5)] }

// quality scores J2: 3 for each of award, certificate, own brand, standards; at most 5. Known
// parts that already reach 5 decide it even when others are missing.
func (e *evaluation) quality() (int, bool, any) {
	r := e.report(e.y)
	var q Quality
	if r != nil && r.Quality != nil {
		q = *r.Quality
	}
	fields := []struct {
		name string
		v    *bool
	}{{"quality.award", q.Award}, {"quality.certified", q.Certified}, {"quality.own_brand", q.OwnBrand}, {"quality.standards", q.Standards}}
	points, complete, count := 0, true, 0
	for _, f := range fields {
		if f.v == nil {
			complete = false
			e.miss(reportField(e.y, f.name))
			continue
		}
		if *f.v {
			points += 3
			count++
		}
	}
	points = min(points, 5)
	if !complete && points < 5 {
		return 0, false, nil
	}
	return points, true, count
}

// rdInputPoints scores N2 by the better of the amount's band and the ratio's band. When the ratio
// is missing, the amount alone decides only if it reaches the top band.
func rdInputPoints(amount int64, amountKnown bool, rd frac, rdKnown bool) (int, string, bool) {
	if !amountKnown {
		return 0, "", false
	}
	byAmount, amountText := scoreFrac(ratio(amount, 1), bandsN2Amount)
	if !rdKnown {
		if byAmount == 10 {
			return byAmount, amountText, true
		}
		return 0, "", false
	}
	byRatio, ratioText := scoreFrac(rd, bandsN2Ratio)
	if byRatio > byAmount {
		return byRatio, ratioText, true
	}
	return byAmount, amountText, true
}

func scoreMean(m meanGrowth, bands []band) (int, string) {
	for _, b := range bands {
		if m.atLeast(b.p, b.q) {
			return b.points, b.text
		}
	}
	last := bands[len(bands)-1]
	return 0, last.text
}

// strValue shows an optional string: the pointer itself, which marshals as the string or null.
func strValue(p *string) any {
	if p == nil {
		return nil
	}
	return p
}

func intValue(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
