package criteria

// Ruleset2026 is the name of the 2026 measures (工信部企业〔2026〕2号), for batches opened from
// 2026-04-01: the bottom tier is 科技和创新型中小企业 and judged as the 2022 innovative SME; the
// specialised SME and the little giant have conditions only, the national platform's
// quality-of-development score among them.
const Ruleset2026 = "miit-2026"

func init() {
	Register(Ruleset{Name: Ruleset2026, Tiers: map[Tier]Evaluator{
		InnovativeSME:  evaluateInnovative,
		SpecializedSME: evaluateSpecialized2026,
		LittleGiant:    evaluateLittleGiant2026,
	}, Labels: map[Tier]string{
		InnovativeSME: "科技和创新型中小企业", SpecializedSME: "专精特新中小企业", LittleGiant: "专精特新\"小巨人\"企业",
	}})
}

var (
	specA1 = spec{"A1", names{"conditions", "持有有效的创新型中小企业资质，从事特定细分市场时间达到3年以上"}, "holds a valid innovative_sme; >= 3 years in the niche market", 0}
	specA2 = spec{"A2", names{"conditions", "上年度营业收入1500万元以上或近2年新增股权融资2000万元以上；主营业务收入占比不低于80%；资产负债率不高于80%"},
		"revenue >= 15,000,000 or financing Y-1..Y >= 20,000,000; main-business share >= 80%; liabilities/assets <= 80%", 0}
	specA3 = spec{"A3", names{"conditions", "近2年每年研发费用不低于100万元，且研发费用占营业收入比重不低于3%"}, "in each of Y-1 and Y: R&D expense >= 1,000,000 and R&D ratio >= 3%", 0}
	specA4 = spec{"A4", names{"conditions", "拥有1项以上与主导产品相关、已实施并产生经济效益的Ⅰ类知识产权（近3年获省级以上科技奖励排名前三或拥有省级以上研发机构的可免）"},
		">= 1 applied Class I IP; exempt with a provincial-or-higher award ranked top 3 in Y-2..Y, or a provincial-or-higher R&D institution", 0}
	specA5 = spec{"A5", names{"conditions", "主导产品在国内或国际细分市场占有率位居前列"}, "among the leaders of its niche market (an officer's assessment)", 0}
	specA6 = spec{"A6", names{"conditions", "专精特新发展质量评价得分不低于50分"}, "quality_score >= 50", 0}

	specB1 = spec{"B1", names{"conditions", "持有有效的专精特新中小企业资质，从事特定细分市场时间达到3年以上"}, "holds a valid specialized_sme; >= 3 years in the niche market", 0}
	specB2 = spec{"B2", names{"conditions", "上年度营业收入5000万元以上；主营业务收入占比不低于90%；近2年营业收入复合增长率不低于5%；资产负债率不高于75%"},
		"revenue >= 50,000,000; main-business share >= 90%; revenue(Y)/revenue(Y-2) >= 1.1025; liabilities/assets <= 75%", 0}
	specB3 = spec{"B3", names{"conditions", "近2年研发费用总额不低于1200万元，且每年研发费用占营业收入比重不低于3%"}, "R&D expense Y-1..Y >= 12,000,000 and R&D ratio >= 3% in each of Y-1 and Y", 0}
	specB4 = spec{"B4", names{"conditions", "拥有4项以上与主导产品相关、已实施并产生经济效益的Ⅰ类知识产权（近3年获国家级科技奖励排名前三的可免）"},
		">= 4 applied Class I IP; exempt with a national award ranked top 3 in Y-2..Y", 0}
	specB5 = spec{"B5", names{"conditions", "主导产品全国细分市场占有率达到10%以上，或位居国内细分市场前三"}, "national market share >= 10% or domestic_rank <= 3", 0}
	specB6 = spec{"B6", names{"conditions", "主导产品位于产业链关键环节，对产业链韧性和安全具有重要作用"}, "at a key link of an industrial chain (an officer's assessment)", 0}
	specB7 = spec{"B7", names{"conditions", "专精特新发展质量评价得分不低于60分"}, "quality_score >= 60", 0}
)

// held reports whether the tier below is held, as P does.
func (e *evaluation) heldBelow() (bool, bool) {
	below, ok := e.f.Tier.Below()
	if !ok {
		return true, true
	}
	if e.f.HeldTiers == nil {
		return false, false
	}
	for _, t := range e.f.HeldTiers {
		if t == below {
			return true, true
		}
	}
	return false, true
}

// qualityScore reads the national platform's score of the report year.
func (e *evaluation) qualityScore() (float64, bool) {
	r := e.report(e.y)
	if r == nil || r.QualityScore == nil {
		e.miss(reportField(e.y, "quality_score"))
		return 0, false
	}
	return *r.QualityScore, true
}

// appliedIP reads the applied Class I IP items of the report year.
func (e *evaluation) appliedIP() (int, bool) {
	r := e.report(e.y)
	if r == nil || r.IP == nil || r.IP.Class1Applied == nil {
		e.miss(reportField(e.y, "ip.class1_applied"))
		return 0, false
	}
	return *r.IP.Class1Applied, true
}

// bothYears checks R&D expense ≥ 1M and ratio ≥ 3% in each of Y-1 and Y.
func (e *evaluation) rdBothYears(minExpense int64) Status {
	parts := make([]Status, 0, 4)
	for _, y := range []int{e.y - 1, e.y} {
		amount, amountKnown := e.money(y, "rd_expense", rdExpense)
		ratio, ratioKnown := e.rdRatio(y)
		parts = append(parts, status(amount >= minExpense, amountKnown), status(ratio.atLeast(3, 100), ratioKnown))
	}
	return all(parts...)
}

func evaluateSpecialized2026(f *Facts, ruleset string, buf []Criterion) Result {
	ev := newEvaluation(f, 8, buf)
	e := &ev
	p := e.prerequisite()
	g := e.general()

	years, yearsKnown := e.nicheYears()
	held, heldKnown := e.heldBelow()
	a1 := e.condition(&specA1, valueIf(years, yearsKnown), all(status(held, heldKnown), status(years >= 3, yearsKnown)))

	revenue, revenueKnown := e.money(e.y, "operating_revenue", operatingRevenue)
	_, fin := e.sumAtLeast([]int{e.y - 1, e.y}, "equity_financing", equityFinancing, 20_000_000)
	share, shareKnown := e.mainShare()
	debt, debtKnown := e.debtRatio()
	a2 := e.condition(&specA2, put(&e.vals.a2, a2Value{valueIf(revenue, revenueKnown), e.number(share.float(), shareKnown), e.number(debt.float(), debtKnown)}),
		all(anyOf(status(revenue >= 15_000_000, revenueKnown), fin), status(share.atLeast(80, 100), shareKnown), status(debt.cmp(80, 100) <= 0, debtKnown)))

	a3 := e.condition(&specA3, nil, e.rdBothYears(1_000_000))

	applied, appliedKnown := e.appliedIP()
	byIP := status(applied >= 1, appliedKnown)
	award, awardKnown := e.hasAwardAtLeastProvincial(3)
	inst, instKnown := e.institution()
	exempt := anyOf(status(award, awardKnown), status(inst == InstitutionProvincial || inst == InstitutionNational, instKnown))
	a4 := e.condition(&specA4, valueIf(applied, appliedKnown), anyOf(byIP, exempt))

	var leading *bool
	if r := e.report(e.y); r != nil {
		leading = r.MarketPositionLeading
	}
	lead, leadKnown := e.flag(reportField(e.y, "market_position_leading"), leading)
	a5 := e.condition(&specA5, valueIf(lead, leadKnown), status(lead, leadKnown))

	qs, qsKnown := e.qualityScore()
	a6 := e.condition(&specA6, e.number(qs, qsKnown), status(qs >= 50, qsKnown))

	eligible := all(p, g, a1, a2, a3, a4, a5, a6) == Met
	route := RouteGeneral
	if byIP != Met && exempt == Met {
		route = RouteExempt
	}
	return e.result(ruleset, eligible, route, nil)
}

func evaluateLittleGiant2026(f *Facts, ruleset string, buf []Criterion) Result {
	ev := newEvaluation(f, 9, buf)
	e := &ev
	p := e.prerequisite()
	g := e.general()

	years, yearsKnown := e.nicheYears()
	held, heldKnown := e.heldBelow()
	b1 := e.condition(&specB1, valueIf(years, yearsKnown), all(status(held, heldKnown), status(years >= 3, yearsKnown)))

	revenue, revenueKnown := e.money(e.y, "operating_revenue", operatingRevenue)
	revenue2, revenue2Known := e.money(e.y-2, "operating_revenue", operatingRevenue)
	compound := ratio(revenue, revenue2)
	share, shareKnown := e.mainShare()
	debt, debtKnown := e.debtRatio()
	b2 := e.condition(&specB2, put(&e.vals.b2, b2Value{valueIf(revenue, revenueKnown), e.number(share.float(), shareKnown),
		e.number(compound.float(), revenueKnown && revenue2Known), e.number(debt.float(), debtKnown)}),
		all(status(revenue >= 50_000_000, revenueKnown), status(share.atLeast(90, 100), shareKnown),
			status(compound.atLeast(11025, 10000), revenueKnown && revenue2Known), status(debt.cmp(75, 100) <= 0, debtKnown)))

	_, rdSum := e.sumAtLeast([]int{e.y - 1, e.y}, "rd_expense", rdExpense, 12_000_000)
	b3 := e.condition(&specB3, nil, all(rdSum, e.rdBothYears(0)))

	applied, appliedKnown := e.appliedIP()
	byIP := status(applied >= 4, appliedKnown)
	national, nationalKnown := e.hasAward(LevelNational, 3)
	exempt := status(national, nationalKnown)
	b4 := e.condition(&specB4, valueIf(applied, appliedKnown), anyOf(byIP, exempt))

	var marketShare *float64
	var rank *int
	if r := e.report(e.y); r != nil {
		marketShare, rank = r.NationalMarketShare, r.DomesticRank
	}
	shareStatus, rankStatus := Missing, Missing
	if marketShare != nil {
		shareStatus = status(*marketShare >= 0.10, true)
	} else {
		e.miss(reportField(e.y, "national_market_share"))
	}
	if rank != nil {
		rankStatus = status(*rank <= 3, true)
	} else {
		e.miss(reportField(e.y, "domestic_rank"))
	}
	b5 := e.condition(&specB5, put(&e.vals.b5, b5Value{marketShare, rank}), anyOf(shareStatus, rankStatus))

	var mp MainProduct
	if f.MainProduct != nil {
		mp = *f.MainProduct
	}
	link, linkKnown := e.flag("main_product.key_chain_link", mp.KeyChainLink)
	b6 := e.condition(&specB6, valueIf(link, linkKnown), status(link, linkKnown))

	qs, qsKnown := e.qualityScore()
	b7 := e.condition(&specB7, e.number(qs, qsKnown), status(qs >= 60, qsKnown))

	eligible := all(p, g, b1, b2, b3, b4, b5, b6, b7) == Met
	route := RouteGeneral
	if byIP != Met && exempt == Met {
		route = RouteExempt
	}
	return e.result(ruleset, eligible, route, nil)
}

// hasAwardAtLeastProvincial reports a provincial or national award ranked within maxRank in Y-2..Y.
func (e *evaluation) hasAwardAtLeastProvincial(maxRank int) (bool, bool) {
	p, pKnown := e.hasAward(LevelProvincial, maxRank)
	n, _ := e.hasAward(LevelNational, maxRank)
	return p || n, pKnown
}

type a2Value struct {
	OperatingRevenue any `json:"operating_revenue"`
	MainShare        any `json:"main_business_share"`
	DebtRatio        any `json:"asset_liability_ratio"`
}

type b2Value struct {
	OperatingRevenue any `json:"operating_revenue"`
	MainShare        any `json:"main_business_share"`
	RevenueMultiple  any `json:"revenue_y_over_y2"`
	DebtRatio        any `json:"asset_liability_ratio"`
}

type b5Value struct {
	NationalMarketShare *float64 `json:"national_market_share"`
	DomesticRank        *int     `json:"domestic_rank"`
}
