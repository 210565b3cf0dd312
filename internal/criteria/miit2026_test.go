package criteria

import "testing"

// base2026 meets every 2026 tier comfortably; each case moves one fact across one threshold.
func base2026(tier Tier) Facts {
	f := base(tier)
	f.Ruleset = Ruleset2026
	r := y(&f, 2023)
	r.QualityScore, r.MarketPositionLeading, r.DomesticRank = fv(75), bv(true), iv(2)
	r.IP.Class1Applied = iv(5)
	r.MainBusinessRevenue = i64(110_000_000) // 91.7% of 120M
	// Operating revenue 90M in Y-2 and 120M in Y: ×1.333, above 1.1025.
	return f
}

func runCases2026(t *testing.T, tier Tier, cases []tierCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.code+" "+tc.name, func(t *testing.T) {
			f := base2026(tier)
			if tc.mutate != nil {
				tc.mutate(&f)
			}
			res, problems := Evaluate(f)
			if len(problems) > 0 {
				t.Fatalf("problems %+v", problems)
			}
			if res.Score != nil {
				t.Errorf("score %d under miit-2026", *res.Score)
			}
			c, ok := res.Find(tc.code)
			if !ok {
				t.Fatalf("no criterion %s", tc.code)
			}
			if c.Status != tc.status {
				t.Errorf("%s status %s, want %s (value %v)", tc.code, c.Status, tc.status, c.Value)
			}
			if tc.eligible != nil {
				if res.Eligible != *tc.eligible {
					t.Errorf("eligible %v, want %v", res.Eligible, *tc.eligible)
				}
				if tc.route != "" && (res.Route == nil || *res.Route != tc.route) {
					t.Errorf("route %v, want %s", res.Route, tc.route)
				}
			}
		})
	}
}

func TestSpecializedSME2026(t *testing.T) {
	T, F := bv(true), bv(false)
	noIP := func(f *Facts) { y(f, 2023).IP.Class1Applied = iv(0) }
	runCases2026(t, SpecializedSME, []tierCase{
		{name: "base", code: "A1", status: Met, eligible: T, route: RouteGeneral},
		// A1: innovative SME held; 3 years in the niche.
		{name: "not held", mutate: func(f *Facts) { f.HeldTiers = []Tier{} }, code: "A1", status: Unmet, eligible: F},
		{name: "3 years", mutate: func(f *Facts) { f.NicheMarketSince = sv("2021-01-01") }, code: "A1", status: Met},
		{name: "just under 3 years", mutate: func(f *Facts) { f.NicheMarketSince = sv("2021-01-02") }, code: "A1", status: Unmet, eligible: F},
		// A2: revenue 15M or financing 20M; share 80%; debt ≤ 80%.
		{name: "revenue 15M", mutate: combine(rd(1_500_000, 15_000_000), mainShare(13_000_000, 15_000_000)), code: "A2", status: Met},
		{name: "revenue just under 15M", mutate: combine(rd(1_500_000, 14_999_999), mainShare(13_000_000, 14_999_999)), code: "A2", status: Unmet},
		{name: "small revenue, 20M financing", mutate: combine(rd(1_500_000, 14_999_999), mainShare(13_000_000, 14_999_999), func(f *Facts) {
			y(f, 2022).EquityFinancing, y(f, 2023).EquityFinancing = i64(10_000_000), i64(10_000_000)
		}), code: "A2", status: Met},
		{name: "share 80%", mutate: mainShare(96_000_000, 120_000_000), code: "A2", status: Met},
		{name: "share just under 80%", mutate: mainShare(95_999_999, 120_000_000), code: "A2", status: Unmet},
		{name: "debt 80%", mutate: debt(80_000_000, 100_000_000), code: "A2", status: Met},
		{name: "debt just over 80%", mutate: debt(80_000_001, 100_000_000), code: "A2", status: Unmet},
		// A3: each of Y-1 and Y, 1M and 3%.
		{name: "Y-1 R&D just under 1M", mutate: func(f *Facts) { y(f, 2022).RDExpense = i64(999_999) }, code: "A3", status: Unmet, eligible: F},
		{name: "Y-1 ratio just under 3%", mutate: func(f *Facts) { y(f, 2022).RDExpense, y(f, 2022).OperatingRevenue = i64(2_999_999), i64(100_000_000) }, code: "A3", status: Unmet},
		{name: "Y-1 ratio 3%", mutate: func(f *Facts) { y(f, 2022).RDExpense, y(f, 2022).OperatingRevenue = i64(3_000_000), i64(100_000_000) }, code: "A3", status: Met},
		{name: "Y ratio just under 3%", mutate: rd(3_599_999, 120_000_000), code: "A3", status: Unmet},
		{name: "Y-1 missing", mutate: func(f *Facts) { y(f, 2022).RDExpense = nil }, code: "A3", status: Missing},
		// A4: one applied class I item, or an exemption.
		{name: "one applied item", mutate: func(f *Facts) { y(f, 2023).IP.Class1Applied = iv(1) }, code: "A4", status: Met, route: RouteGeneral, eligible: T},
		{name: "none", mutate: noIP, code: "A4", status: Unmet, eligible: F},
		{name: "exempt by a provincial award ranked 3rd", mutate: combine(noIP, func(f *Facts) { f.Awards = []Award{{2022, LevelProvincial, 3}} }), code: "A4", status: Met, eligible: T, route: RouteExempt},
		{name: "a provincial award ranked 4th exempts nothing", mutate: combine(noIP, func(f *Facts) { f.Awards = []Award{{2022, LevelProvincial, 4}} }), code: "A4", status: Unmet},
		{name: "exempt by a provincial R&D institution", mutate: combine(noIP, institution(InstitutionProvincial)), code: "A4", status: Met, route: RouteExempt, eligible: T},
		{name: "a city R&D institution exempts nothing", mutate: noIP, code: "A4", status: Unmet},
		// A5: among the leaders.
		{name: "not leading", mutate: func(f *Facts) { y(f, 2023).MarketPositionLeading = F }, code: "A5", status: Unmet, eligible: F},
		{name: "not assessed", mutate: func(f *Facts) { y(f, 2023).MarketPositionLeading = nil }, code: "A5", status: Missing},
		// A6: quality score 50.
		{name: "score 50", mutate: func(f *Facts) { y(f, 2023).QualityScore = fv(50) }, code: "A6", status: Met},
		{name: "score 49.9", mutate: func(f *Facts) { y(f, 2023).QualityScore = fv(49.9) }, code: "A6", status: Unmet, eligible: F},
		{name: "no score", mutate: func(f *Facts) { y(f, 2023).QualityScore = nil }, code: "A6", status: Missing, eligible: F},
	})
}

func TestLittleGiant2026(t *testing.T) {
	T, F := bv(true), bv(false)
	// revenue sets operating revenue of Y-2 and Y (main business 95% of Y).
	revenue := func(y2, cur int64) func(*Facts) {
		return func(f *Facts) {
			y(f, 2021).OperatingRevenue, y(f, 2021).MainBusinessRevenue = i64(y2), i64(y2*9/10)
			y(f, 2023).OperatingRevenue, y(f, 2023).MainBusinessRevenue = i64(cur), i64(cur*95/100)
			y(f, 2023).RDExpense = i64(cur / 10)
		}
	}
	noIP := func(f *Facts) { y(f, 2023).IP.Class1Applied = iv(3) }
	runCases2026(t, LittleGiant, []tierCase{
		{name: "base", code: "B1", status: Met, eligible: T, route: RouteGeneral},
		{name: "specialised SME not held", mutate: func(f *Facts) { f.HeldTiers = []Tier{InnovativeSME} }, code: "B1", status: Unmet, eligible: F},
		{name: "just under 3 years", mutate: func(f *Facts) { f.NicheMarketSince = sv("2021-01-02") }, code: "B1", status: Unmet},
		// B2: 50M; 90%; compound growth 1.1025 exactly; debt ≤ 75%.
		{name: "compound growth exactly 1.1025", mutate: revenue(100_000_000, 110_250_000), code: "B2", status: Met, eligible: T},
		{name: "compound growth just under 1.1025", mutate: revenue(100_000_000, 110_249_999), code: "B2", status: Unmet, eligible: F},
		{name: "revenue 50M", mutate: revenue(40_000_000, 50_000_000), code: "B2", status: Met},
		{name: "revenue just under 50M", mutate: revenue(40_000_000, 49_999_999), code: "B2", status: Unmet},
		{name: "share 90%", mutate: mainShare(108_000_000, 120_000_000), code: "B2", status: Met},
		{name: "share just under 90%", mutate: mainShare(107_999_999, 120_000_000), code: "B2", status: Unmet},
		{name: "debt 75%", mutate: debt(75_000_000, 100_000_000), code: "B2", status: Met},
		{name: "debt just over 75%", mutate: debt(75_000_001, 100_000_000), code: "B2", status: Unmet},
		{name: "Y-2 revenue missing", mutate: func(f *Facts) { y(f, 2021).OperatingRevenue = nil }, code: "B2", status: Missing},
		// B3: 12M over two years, 3% in each.
		{name: "12M over two years", mutate: func(f *Facts) { y(f, 2022).RDExpense, y(f, 2023).RDExpense = i64(4_000_000), i64(8_000_000) }, code: "B3", status: Met},
		{name: "just under 12M", mutate: func(f *Facts) { y(f, 2022).RDExpense, y(f, 2023).RDExpense = i64(4_000_000), i64(7_999_999) }, code: "B3", status: Unmet, eligible: F},
		{name: "Y-1 ratio just under 3%", mutate: func(f *Facts) {
			y(f, 2022).RDExpense, y(f, 2022).OperatingRevenue = i64(2_999_999), i64(100_000_000)
			y(f, 2023).RDExpense = i64(10_000_000)
		}, code: "B3", status: Unmet},
		// B4: four applied items, or a national award ranked top 3.
		{name: "four items", mutate: func(f *Facts) { y(f, 2023).IP.Class1Applied = iv(4) }, code: "B4", status: Met},
		{name: "three items", mutate: noIP, code: "B4", status: Unmet, eligible: F},
		{name: "exempt by a national award ranked 3rd", mutate: combine(noIP, func(f *Facts) { f.Awards = []Award{{2021, LevelNational, 3}} }), code: "B4", status: Met, eligible: T, route: RouteExempt},
		{name: "a national award ranked 4th exempts nothing", mutate: combine(noIP, func(f *Facts) { f.Awards = []Award{{2021, LevelNational, 4}} }), code: "B4", status: Unmet},
		{name: "a provincial award exempts nothing", mutate: combine(noIP, func(f *Facts) { f.Awards = []Award{{2021, LevelProvincial, 1}} }), code: "B4", status: Unmet},
		// B5: 10% national share, or top 3 at home.
		{name: "share 10%, rank 5", mutate: func(f *Facts) { y(f, 2023).NationalMarketShare, y(f, 2023).DomesticRank = fv(0.10), iv(5) }, code: "B5", status: Met},
		{name: "share 9.99%, rank 3", mutate: func(f *Facts) { y(f, 2023).NationalMarketShare, y(f, 2023).DomesticRank = fv(0.0999), iv(3) }, code: "B5", status: Met},
		{name: "share 9.99%, rank 4", mutate: func(f *Facts) { y(f, 2023).NationalMarketShare, y(f, 2023).DomesticRank = fv(0.0999), iv(4) }, code: "B5", status: Unmet, eligible: F},
		{name: "share 9.99%, rank unknown", mutate: func(f *Facts) { y(f, 2023).NationalMarketShare, y(f, 2023).DomesticRank = fv(0.0999), nil }, code: "B5", status: Missing},
		{name: "share unknown, rank 1", mutate: func(f *Facts) { y(f, 2023).NationalMarketShare, y(f, 2023).DomesticRank = nil, iv(1) }, code: "B5", status: Met},
		// B6, B7.
		{name: "not a key link", mutate: func(f *Facts) { f.MainProduct.KeyChainLink = F }, code: "B6", status: Unmet, eligible: F},
		{name: "score 60", mutate: func(f *Facts) { y(f, 2023).QualityScore = fv(60) }, code: "B7", status: Met},
		{name: "score 59.99", mutate: func(f *Facts) { y(f, 2023).QualityScore = fv(59.99) }, code: "B7", status: Unmet, eligible: F},
	})
}

func TestInnovativeSME2026IsThe2022Standard(t *testing.T) {
	f := loadFacts(t, "worked_example.json")
	f.Tier = InnovativeSME
	f.Ruleset = Ruleset2022
	r22, _ := Evaluate(f)
	f.Ruleset = Ruleset2026
	r26, _ := Evaluate(f)
	if r26.Ruleset != Ruleset2026 || r22.Eligible != r26.Eligible || *r22.Score != *r26.Score || len(r22.Criteria) != len(r26.Criteria) {
		t.Errorf("2022 %+v\n2026 %+v", r22, r26)
	}
	if TierLabel(Ruleset2026, InnovativeSME) != "科技和创新型中小企业" || TierLabel(Ruleset2022, InnovativeSME) != "创新型中小企业" {
		t.Error("tier labels")
	}
	codes := map[Tier][]string{SpecializedSME: {"P", "G", "A1", "A2", "A3", "A4", "A5", "A6"}, LittleGiant: {"P", "G", "B1", "B2", "B3", "B4", "B5", "B6", "B7"}}
	for tier, want := range codes {
		f.Tier = tier
		res, _ := Evaluate(f)
		for i, c := range res.Criteria {
			if c.Code != want[i] {
				t.Errorf("%s criterion %d: %s, want %s", tier, i, c.Code, want[i])
			}
		}
	}
}
