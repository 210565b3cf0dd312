package criteria

// evaluateLittleGiant applies 专精特新"小巨人"企业认定标准: the prerequisite, the general conditions
// and all of L1–L6; L4 by the general route or a direct condition. There is no score.
func evaluateLittleGiant(f *Facts, ruleset string, buf []Criterion) Result {
	ev := newEvaluation(f, 8, buf)
	e := &ev
	p := e.prerequisite()
	g := e.general()
	r := e.report(e.y)
	var rep Report
	if r != nil {
		rep = *r
	}

	// L1 specialisation.
	years, yearsKnown := e.nicheYears()
	share, shareKnown := e.mainShare()
	mean, meanKnown := e.meanMainGrowth()
	l1 := e.condition(&specL1, put(&e.vals.l1, l1Value{valueIf(years, yearsKnown), e.number(share.float(), shareKnown), e.number(mean.float(), meanKnown)}),
		all(status(years >= 3, yearsKnown), status(share.atLeast(70, 100), shareKnown), status(mean.atLeast(5, 100), meanKnown)))

	// L2 refinement.
	debt, debtKnown := e.debtRatio()
	info, infoKnown := e.reportFlag(e.y, "info_system_core_business", func(r *Report) *bool { return r.InfoSystemCoreBusiness })
	cert, certKnown := e.reportFlag(e.y, "management_certified", func(r *Report) *bool { return r.ManagementCertified })
	l2 := e.condition(&specL2, put(&e.vals.l2, l2Value{e.number(debt.float(), debtKnown), valueIf(info, infoKnown), valueIf(cert, certKnown)}),
		all(status(debt.cmp(70, 100) <= 0, debtKnown), status(info, infoKnown), status(cert, certKnown)))

	// L3 distinctiveness.
	var marketShare any
	shareOK, marketKnown := false, rep.NationalMarketShare != nil
	if marketKnown {
		marketShare = *rep.NationalMarketShare
		shareOK = *rep.NationalMarketShare >= 0.10
	} else {
		e.miss(reportField(e.y, "national_market_share"))
	}
	ownBrand, brandKnown := e.reportFlag(e.y, "quality.own_brand", func(r *Report) *bool {
		if r.Quality == nil {
			return nil
		}
		return r.Quality.OwnBrand
	})
	l3 := e.condition(&specL3, put(&e.vals.l3, l3Value{marketShare, valueIf(ownBrand, brandKnown)}), all(status(shareOK, marketKnown), status(ownBrand, brandKnown)))

	// L4 innovation: the general route, all of (a) R&D by revenue, (b) an R&D institution,
	// (c) two applied Class I IP items; or the direct route.
	a := e.l4Investment()
	inst, instKnown := e.institution()
	b := status(inst != "" && inst != InstitutionNone, instKnown)
	var applied *int
	if rep.IP != nil {
		applied = rep.IP.Class1Applied
	}
	c := Missing
	if applied == nil {
		e.miss(reportField(e.y, "ip.class1_applied"))
	} else {
		c = status(*applied >= 2, true)
	}
	general := all(a, b, c)
	national, nationalKnown := e.hasAward(LevelNational, 3)
	makers, makersKnown := e.hasMakersPlace(50)
	direct := anyOf(status(national, nationalKnown), status(makers, makersKnown))
	l4 := e.condition(&specL4, put(&e.vals.l4, l4Value{string(a), string(b), string(c), string(direct)}), anyOf(general, direct))

	// L5 industrial chain, L6 field: officers' assessments.
	var mp MainProduct
	if f.MainProduct != nil {
		mp = *f.MainProduct
	}
	link, linkKnown := e.flag("main_product.key_chain_link", mp.KeyChainLink)
	l5 := e.condition(&specL5, valueIf(link, linkKnown), status(link, linkKnown))
	field, fieldKnown := e.flag("main_product.key_field", mp.KeyField)
	l6 := e.condition(&specL6, valueIf(field, fieldKnown), status(field, fieldKnown))

	eligible := all(p, g, l1, l2, l3, l4, l5, l6) == Met
	route := RouteGeneral
	if direct == Met {
		route = RouteDirect
	}
	return e.result(ruleset, eligible, route, nil)
}

// l4Investment is L4(a): by operating revenue in Y, ≥ 100M needs an R&D ratio ≥ 3% in each of
// Y-1 and Y; 50–100M, ≥ 6%; below 50M, equity financing over Y-1..Y ≥ 80M, R&D expense over
// Y-1..Y ≥ 30M and an R&D staff share ≥ 50%.
func (e *evaluation) l4Investment() Status {
	revenue, known := e.money(e.y, "operating_revenue", operatingRevenue)
	if !known {
		return Missing
	}
	ratioBoth := func(p int64) Status {
		cur, curKnown := e.rdRatio(e.y)
		prev, prevKnown := e.rdRatio(e.y - 1)
		return all(status(cur.atLeast(p, 100), curKnown), status(prev.atLeast(p, 100), prevKnown))
	}
	switch {
	case revenue >= 100_000_000:
		return ratioBoth(3)
	case revenue >= 50_000_000:
		return ratioBoth(6)
	}
	_, financing := e.sumAtLeast([]int{e.y - 1, e.y}, "equity_financing", equityFinancing, 80_000_000)
	_, rd := e.sumAtLeast([]int{e.y - 1, e.y}, "rd_expense", rdExpense, 30_000_000)
	staff, staffKnown := e.ratioOf(e.y, "rd_staff", rdStaff, "employees", employees)
	return all(financing, rd, status(staff.atLeast(50, 100), staffKnown))
}

type l1Value struct {
	NicheYears any `json:"niche_years"`
	MainShare  any `json:"main_business_share"`
	MeanGrowth any `json:"mean_growth"`
}

type l2Value struct {
	DebtRatio  any `json:"asset_liability_ratio"`
	InfoSystem any `json:"info_system_core_business"`
	Certified  any `json:"management_certified"`
}

type l3Value struct {
	MarketShare any `json:"national_market_share"`
	OwnBrand    any `json:"own_brand"`
}

type l4Value struct {
	Investment  string `json:"investment"`
	Institution string `json:"institution"`
	IP          string `json:"class1_applied"`
	Direct      string `json:"direct"`
}
