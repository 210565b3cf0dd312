package criteria

import (
	"testing"
)

func i64(v int64) *int64    { return &v }
func iv(v int) *int         { return &v }
func bv(v bool) *bool       { return &v }
func sv(v string) *string   { return &v }
func fv(v float64) *float64 { return &v }
func pts(v int) *int        { return &v }

// base returns facts that meet every tier comfortably, but by score rather than by a direct
// condition: each case below moves one fact across one threshold.
func base(tier Tier) Facts {
	return Facts{
		Tier: tier, Ruleset: Ruleset2022, ReportYear: 2023, IndustryClass: ClassIndustry,
		General:          &General{AbnormalOrDishonestListed: bv(false), MajorIncidentOrViolation3y: bv(false)},
		HeldTiers:        []Tier{InnovativeSME, SpecializedSME},
		NicheMarketSince: sv("2015-01-01"),
		MainProduct:      &MainProduct{StrategicEmerging: bv(true), FieldClass: sv(FieldGapFilling), KeyField: bv(true), KeyChainLink: bv(true)},
		Honours:          []string{},
		Awards:           []Award{},
		MakersChina:      []MakersPlace{},
		Reports: []Report{
			{
				Year: 2023, Employees: i64(200), RDStaff: i64(60), OperatingRevenue: i64(120_000_000),
				MainBusinessRevenue: i64(110_000_000), RDExpense: i64(8_000_000), NetProfit: i64(15_000_000),
				TotalAssets: i64(100_000_000), TotalLiabilities: i64(40_000_000), EquityFinancing: i64(0),
				IP:            &IP{Class1: iv(5), Class1SelfDeveloped: iv(2), Class1HighValue: iv(1), Class2: iv(3), Class1Applied: iv(3)},
				RDInstitution: sv(InstitutionCity), DigitalLevel: iv(3),
				Quality:                &Quality{Award: bv(true), Certified: bv(true), OwnBrand: bv(true), Standards: bv(true)},
				InfoSystemCoreBusiness: bv(true), ManagementCertified: bv(true), NationalMarketShare: fv(0.15), LocalScore: iv(10),
			},
			{
				Year: 2022, Employees: i64(190), RDStaff: i64(50), OperatingRevenue: i64(100_000_000),
				MainBusinessRevenue: i64(95_000_000), RDExpense: i64(7_000_000), NetProfit: i64(12_000_000),
				TotalAssets: i64(90_000_000), TotalLiabilities: i64(40_000_000), EquityFinancing: i64(0),
			},
			{
				Year: 2021, Employees: i64(180), RDStaff: i64(40), OperatingRevenue: i64(90_000_000),
				MainBusinessRevenue: i64(85_000_000), RDExpense: i64(6_000_000), NetProfit: i64(10_000_000),
				TotalAssets: i64(80_000_000), TotalLiabilities: i64(40_000_000), EquityFinancing: i64(0),
			},
		},
	}
}

func y(f *Facts, year int) *Report {
	for i := range f.Reports {
		if f.Reports[i].Year == year {
			return &f.Reports[i]
		}
	}
	panic("no report")
}

type tierCase struct {
	name   string
	mutate func(f *Facts)
	code   string
	status Status
	points *int // nil: not checked, or expected null for a missing indicator
	// eligible, when set, is the tier's expected outcome.
	eligible *bool
	route    Route
}

func runCases(t *testing.T, tier Tier, cases []tierCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.code+" "+tc.name, func(t *testing.T) {
			f := base(tier)
			if tc.mutate != nil {
				tc.mutate(&f)
			}
			res, problems := Evaluate(f)
			if len(problems) > 0 {
				t.Fatalf("problems %+v", problems)
			}
			c, ok := res.Find(tc.code)
			if !ok {
				t.Fatalf("no criterion %s", tc.code)
			}
			if c.Status != tc.status {
				t.Errorf("%s status %s, want %s (value %v)", tc.code, c.Status, tc.status, c.Value)
			}
			if tc.points != nil && (c.Points == nil || *c.Points != *tc.points) {
				got := "null"
				if c.Points != nil {
					got = itoaTest(*c.Points)
				}
				t.Errorf("%s points %s, want %d (value %v)", tc.code, got, *tc.points, c.Value)
			}
			if tc.status == Missing && c.Points != nil {
				t.Errorf("%s missing but has points %d", tc.code, *c.Points)
			}
			if tc.status == Missing && len(res.Missing) == 0 {
				t.Errorf("%s missing but nothing listed", tc.code)
			}
			if tc.eligible != nil {
				if res.Eligible != *tc.eligible {
					t.Errorf("eligible %v, want %v", res.Eligible, *tc.eligible)
				}
				if tc.route != "" && (res.Route == nil || *res.Route != tc.route) {
					t.Errorf("route %v, want %s", res.Route, tc.route)
				}
				if !*tc.eligible && res.Route != nil {
					t.Errorf("route %s on an ineligible result", *res.Route)
				}
			}
		})
	}
}

func itoaTest(n int) string {
	b := []byte{}
	if n == 0 {
		return "0"
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

var (
	yes = bv(true)
	no  = bv(false)
)

// rd sets the R&D expense and operating revenue of Y.
func rd(expense, revenue int64) func(*Facts) {
	return func(f *Facts) {
		r := y(f, 2023)
		r.RDExpense, r.OperatingRevenue = i64(expense), i64(revenue)
		if *r.MainBusinessRevenue > revenue {
			r.MainBusinessRevenue = i64(revenue * 9 / 10)
		}
	}
}

// mainGrowthY sets main-business revenue of Y and Y-1.
func mainGrowthY(cur, prev int64) func(*Facts) {
	return func(f *Facts) {
		y(f, 2023).MainBusinessRevenue = i64(cur)
		y(f, 2022).MainBusinessRevenue = i64(prev)
		y(f, 2023).OperatingRevenue = i64(max(cur, 120_000_000))
		y(f, 2022).OperatingRevenue = i64(max(prev, 100_000_000))
	}
}

// debt sets liabilities and assets of Y.
func debt(liabilities, assets int64) func(*Facts) {
	return func(f *Facts) { r := y(f, 2023); r.TotalLiabilities, r.TotalAssets = i64(liabilities), i64(assets) }
}

// mainShare sets main-business and operating revenue of Y.
func mainShare(main, operating int64) func(*Facts) {
	return func(f *Facts) { r := y(f, 2023); r.MainBusinessRevenue, r.OperatingRevenue = i64(main), i64(operating) }
}

func ipCounts(hv, sd, c1, c2 int) func(*Facts) {
	return func(f *Facts) {
		ip := y(f, 2023).IP
		ip.Class1HighValue, ip.Class1SelfDeveloped, ip.Class1, ip.Class2 = iv(hv), iv(sd), iv(c1), iv(c2)
	}
}

func combine(fs ...func(*Facts)) func(*Facts) {
	return func(f *Facts) {
		for _, m := range fs {
			m(f)
		}
	}
}

func TestInnovativeSME(t *testing.T) {
	T, F := bv(true), bv(false)
	runCases(t, InnovativeSME, []tierCase{
		{name: "base", code: "P", status: Met, eligible: T, route: RouteScore},
		// I1
		{name: "high-value class I", code: "I1", status: Met, points: pts(20)},
		{name: "self-developed class I", mutate: ipCounts(0, 1, 1, 0), code: "I1", status: Met, points: pts(15)},
		{name: "class I", mutate: ipCounts(0, 0, 1, 0), code: "I1", status: Met, points: pts(10)},
		{name: "class II", mutate: ipCounts(0, 0, 0, 1), code: "I1", status: Met, points: pts(5)},
		{name: "none", mutate: ipCounts(0, 0, 0, 0), code: "I1", status: Unmet, points: pts(0)},
		{name: "high-value count missing", mutate: func(f *Facts) { y(f, 2023).IP.Class1HighValue = nil }, code: "I1", status: Missing},
		{name: "high-value known decides though lower counts are missing", mutate: func(f *Facts) { y(f, 2023).IP.Class2 = nil }, code: "I1", status: Met, points: pts(20)},
		// I2: 5%, 3%, 2%, 1%
		{name: "5% exactly", mutate: rd(5_000_000, 100_000_000), code: "I2", status: Met, points: pts(20)},
		{name: "just under 5%", mutate: rd(4_999_999, 100_000_000), code: "I2", status: Met, points: pts(15)},
		{name: "3% exactly", mutate: rd(3_000_000, 100_000_000), code: "I2", status: Met, points: pts(15)},
		{name: "just under 3%", mutate: rd(2_999_999, 100_000_000), code: "I2", status: Met, points: pts(10)},
		{name: "2% exactly", mutate: rd(2_000_000, 100_000_000), code: "I2", status: Met, points: pts(10)},
		{name: "just under 2%", mutate: rd(1_999_999, 100_000_000), code: "I2", status: Met, points: pts(5)},
		{name: "1% exactly", mutate: rd(1_000_000, 100_000_000), code: "I2", status: Met, points: pts(5)},
		{name: "just under 1%", mutate: rd(999_999, 100_000_000), code: "I2", status: Unmet, points: pts(0)},
		{name: "R&D expense missing", mutate: func(f *Facts) { y(f, 2023).RDExpense = nil }, code: "I2", status: Missing},
		// G1: 15%, 10%, 5%, 0
		{name: "15% exactly", mutate: mainGrowthY(115_000_000, 100_000_000), code: "G1", status: Met, points: pts(20)},
		{name: "just under 15%", mutate: mainGrowthY(114_999_999, 100_000_000), code: "G1", status: Met, points: pts(15)},
		{name: "10% exactly", mutate: mainGrowthY(110_000_000, 100_000_000), code: "G1", status: Met, points: pts(15)},
		{name: "just under 10%", mutate: mainGrowthY(109_999_999, 100_000_000), code: "G1", status: Met, points: pts(10)},
		{name: "5% exactly", mutate: mainGrowthY(105_000_000, 100_000_000), code: "G1", status: Met, points: pts(10)},
		{name: "just under 5%", mutate: mainGrowthY(104_999_999, 100_000_000), code: "G1", status: Met, points: pts(5)},
		{name: "no growth", mutate: mainGrowthY(100_000_000, 100_000_000), code: "G1", status: Met, points: pts(5)},
		{name: "a fall", mutate: mainGrowthY(99_999_999, 100_000_000), code: "G1", status: Unmet, points: pts(0)},
		{name: "last year missing", mutate: func(f *Facts) { y(f, 2022).MainBusinessRevenue = nil }, code: "G1", status: Missing},
		// G2: < 55%, 55–75%, ≥ 75%
		{name: "just under 55%", mutate: debt(54_999_999, 100_000_000), code: "G2", status: Met, points: pts(10)},
		{name: "55% exactly", mutate: debt(55_000_000, 100_000_000), code: "G2", status: Met, points: pts(5)},
		{name: "just under 75%", mutate: debt(74_999_999, 100_000_000), code: "G2", status: Met, points: pts(5)},
		{name: "75% exactly", mutate: debt(75_000_000, 100_000_000), code: "G2", status: Unmet, points: pts(0)},
		{name: "assets missing", mutate: func(f *Facts) { y(f, 2023).TotalAssets = nil }, code: "G2", status: Missing},
		// S1
		{name: "in the catalogue", code: "S1", status: Met, points: pts(10)},
		{name: "not in the catalogue", mutate: func(f *Facts) { f.MainProduct.StrategicEmerging = F }, code: "S1", status: Met, points: pts(5)},
		{name: "unknown", mutate: func(f *Facts) { f.MainProduct.StrategicEmerging = nil }, code: "S1", status: Missing},
		// S2: 70%, 60%, 55%, 50%
		{name: "70% exactly", mutate: mainShare(70_000_000, 100_000_000), code: "S2", status: Met, points: pts(20)},
		{name: "just under 70%", mutate: mainShare(69_999_999, 100_000_000), code: "S2", status: Met, points: pts(15)},
		{name: "60% exactly", mutate: mainShare(60_000_000, 100_000_000), code: "S2", status: Met, points: pts(15)},
		{name: "just under 60%", mutate: mainShare(59_999_999, 100_000_000), code: "S2", status: Met, points: pts(10)},
		{name: "55% exactly", mutate: mainShare(55_000_000, 100_000_000), code: "S2", status: Met, points: pts(10)},
		{name: "just under 55%", mutate: mainShare(54_999_999, 100_000_000), code: "S2", status: Met, points: pts(5)},
		{name: "50% exactly", mutate: mainShare(50_000_000, 100_000_000), code: "S2", status: Met, points: pts(5)},
		{name: "just under 50%", mutate: mainShare(49_999_999, 100_000_000), code: "S2", status: Unmet, points: pts(0)},
		// Category minimums: 60 in all, innovation ≥ 20, growth ≥ 15, specialisation ≥ 15.
		{name: "innovation 15 fails the minimum", mutate: combine(ipCounts(0, 0, 0, 0), rd(3_600_000, 120_000_000)), code: "I2", status: Met, points: pts(15), eligible: F},
		{name: "innovation 20 passes", mutate: combine(ipCounts(0, 0, 0, 1), rd(3_600_000, 120_000_000)), code: "I1", status: Met, points: pts(5), eligible: T, route: RouteScore},
		{name: "growth 10 fails the minimum", mutate: combine(mainGrowthY(96_000_000, 95_000_000), debt(75_000_000, 100_000_000)), code: "G2", status: Unmet, points: pts(0), eligible: F},
		{name: "specialisation 10 fails the minimum", mutate: combine(func(f *Facts) { f.MainProduct.StrategicEmerging = F }, mainShare(49_000_000, 120_000_000)), code: "S2", status: Unmet, points: pts(0), eligible: F},
		{name: "score 55 fails", mutate: combine(ipCounts(0, 0, 1, 0), rd(2_400_000, 120_000_000), mainGrowthY(104_000_000, 100_000_000), debt(60_000_000, 100_000_000), mainShare(104_000_000, 120_000_000)), code: "S2", status: Met, eligible: F},
		// Direct conditions make it eligible whatever the score.
		{name: "D1 provincial award in Y-2", mutate: combine(ipCounts(0, 0, 0, 0), rd(0, 120_000_000), func(f *Facts) { f.Awards = []Award{{Year: 2021, Level: LevelProvincial, Rank: 9}} }), code: "D1", status: Met, eligible: T, route: RouteDirect},
		{name: "D1 award in Y-3 is too old", mutate: combine(ipCounts(0, 0, 0, 0), rd(0, 120_000_000), func(f *Facts) { f.Awards = []Award{{Year: 2020, Level: LevelNational, Rank: 1}} }), code: "D1", status: Unmet, eligible: F},
		{name: "D1 awards unknown", mutate: func(f *Facts) { f.Awards = nil }, code: "D1", status: Missing, eligible: T, route: RouteScore},
		{name: "D2 high-tech enterprise", mutate: combine(ipCounts(0, 0, 0, 0), func(f *Facts) { f.Honours = []string{HonourHighTech} }), code: "D2", status: Met, eligible: T, route: RouteDirect},
		{name: "D2 no honour", code: "D2", status: Unmet},
		{name: "D3 provincial institution", mutate: func(f *Facts) { y(f, 2023).RDInstitution = sv(InstitutionProvincial) }, code: "D3", status: Met, eligible: T, route: RouteDirect},
		{name: "D3 national institution", mutate: func(f *Facts) { y(f, 2023).RDInstitution = sv(InstitutionNational) }, code: "D3", status: Met},
		{name: "D3 city institution", code: "D3", status: Unmet},
		{name: "D4 financing of 5M over three years", mutate: func(f *Facts) {
			y(f, 2021).EquityFinancing, y(f, 2022).EquityFinancing, y(f, 2023).EquityFinancing = i64(1_000_000), i64(2_000_000), i64(2_000_000)
		}, code: "D4", status: Met, eligible: T, route: RouteDirect},
		{name: "D4 one yuan short", mutate: func(f *Facts) {
			y(f, 2021).EquityFinancing, y(f, 2022).EquityFinancing, y(f, 2023).EquityFinancing = i64(1_000_000), i64(2_000_000), i64(1_999_999)
		}, code: "D4", status: Unmet},
		{name: "D4 known years reach it though one is missing", mutate: func(f *Facts) {
			y(f, 2021).EquityFinancing, y(f, 2023).EquityFinancing = nil, i64(5_000_000)
		}, code: "D4", status: Met},
		{name: "D4 short with a year missing", mutate: func(f *Facts) { y(f, 2021).EquityFinancing = nil }, code: "D4", status: Missing},
		// Missing data: a direct route met does not need the score's inputs.
		{name: "score inputs missing, direct route met", mutate: func(f *Facts) {
			f.Honours = []string{HonourIPDemo}
			y(f, 2023).RDExpense = nil
		}, code: "I2", status: Missing, eligible: T, route: RouteDirect},
		{name: "score inputs missing, no direct route", mutate: func(f *Facts) { y(f, 2023).RDExpense = nil }, code: "I2", status: Missing, eligible: F},
		// G: listed, incident, size.
		{name: "listed", mutate: func(f *Facts) { f.General.AbnormalOrDishonestListed = T }, code: "G", status: Unmet, eligible: F},
		{name: "incident", mutate: func(f *Facts) { f.General.MajorIncidentOrViolation3y = T }, code: "G", status: Unmet, eligible: F},
		{name: "large enterprise", mutate: func(f *Facts) { r := y(f, 2023); r.Employees, r.OperatingRevenue = i64(1000), i64(400_000_000) }, code: "G", status: Unmet, eligible: F},
		{name: "employees missing", mutate: func(f *Facts) { y(f, 2023).Employees = nil; y(f, 2023).RDStaff = nil }, code: "G", status: Missing, eligible: F},
		{name: "general facts missing", mutate: func(f *Facts) { f.General = nil }, code: "G", status: Missing, eligible: F},
		{name: "no prerequisite for the bottom tier", mutate: func(f *Facts) { f.HeldTiers = nil }, code: "P", status: Met, eligible: T},
	})
}

func TestSpecializedSME(t *testing.T) {
	T, F := bv(true), bv(false)
	noAlternatives := func(f *Facts) {}
	lowScore := combine( // Z1 5, Z2 10, Z3 4, Z4 0, J1 0, J2 0, J3 0, J4 0, T1 0, N1 0, N2 10, N3 5, N4 4 = 38
		func(f *Facts) {
			f.MainProduct.FieldClass = sv(FieldOther)
			r := y(f, 2023)
			r.DigitalLevel, r.LocalScore = iv(1), iv(0)
			r.Quality = &Quality{Award: no, Certified: no, OwnBrand: no, Standards: no}
			r.NetProfit = i64(0)
		},
		ipCounts(0, 0, 0, 0), debt(80_000_000, 100_000_000))
	runCases(t, SpecializedSME, []tierCase{
		{name: "base", code: "C4", status: Met, eligible: T, route: RouteScore},
		{name: "prerequisite not held", mutate: func(f *Facts) { f.HeldTiers = []Tier{} }, code: "P", status: Unmet, eligible: F},
		{name: "prerequisite unknown", mutate: func(f *Facts) { f.HeldTiers = nil }, code: "P", status: Missing, eligible: F},
		// C1: entered 2022-01-01 → 2 years at 2023; 2022-01-02 → 1; 2021-12-31 → 2.
		{name: "entered 1 January two years before", mutate: func(f *Facts) { f.NicheMarketSince = sv("2022-01-01") }, code: "C1", status: Met},
		{name: "entered 2 January", mutate: func(f *Facts) { f.NicheMarketSince = sv("2022-01-02") }, code: "C1", status: Unmet, eligible: F},
		{name: "entered 31 December", mutate: func(f *Facts) { f.NicheMarketSince = sv("2021-12-31") }, code: "C1", status: Met},
		{name: "niche date missing", mutate: func(f *Facts) { f.NicheMarketSince = nil }, code: "C1", status: Missing, eligible: F},
		// C2: R&D ≥ 1M and ratio ≥ 3%.
		{name: "R&D 1M at 3%", mutate: rd(1_000_000, 33_333_333), code: "C2", status: Met},
		{name: "R&D one yuan under 1M", mutate: rd(999_999, 10_000_000), code: "C2", status: Unmet, eligible: F},
		{name: "ratio just under 3%", mutate: rd(2_999_999, 100_000_000), code: "C2", status: Unmet, eligible: F},
		{name: "ratio 3% exactly", mutate: rd(3_000_000, 100_000_000), code: "C2", status: Met},
		// C3: revenue ≥ 10M, or under it with 20M financing over Y-1..Y.
		{name: "revenue 10M exactly", mutate: rd(1_000_000, 10_000_000), code: "C3", status: Met},
		{name: "revenue just under 10M", mutate: combine(rd(1_000_000, 9_999_999), mainShare(9_000_000, 9_999_999)), code: "C3", status: Unmet, eligible: F},
		{name: "revenue under 10M with 20M financing", mutate: combine(rd(1_000_000, 9_999_999), mainShare(9_000_000, 9_999_999), func(f *Facts) {
			y(f, 2022).EquityFinancing, y(f, 2023).EquityFinancing = i64(10_000_000), i64(10_000_000)
		}), code: "C3", status: Met},
		{name: "revenue under 10M with financing one yuan short", mutate: combine(rd(1_000_000, 9_999_999), mainShare(9_000_000, 9_999_999), func(f *Facts) {
			y(f, 2022).EquityFinancing, y(f, 2023).EquityFinancing = i64(10_000_000), i64(9_999_999)
		}), code: "C3", status: Unmet},
		{name: "revenue missing", mutate: func(f *Facts) { y(f, 2023).OperatingRevenue = nil }, code: "C3", status: Missing, eligible: F},
		// C4: score ≥ 60 or an alternative.
		{name: "score 38", mutate: lowScore, code: "C4", status: Unmet, eligible: F},
		{name: "alternative: provincial award ranked 3rd", mutate: combine(lowScore, func(f *Facts) { f.Awards = []Award{{2021, LevelProvincial, 3}} }), code: "C4", status: Met, eligible: T, route: RouteAlternative},
		{name: "provincial award ranked 4th", mutate: combine(lowScore, func(f *Facts) { f.Awards = []Award{{2021, LevelProvincial, 4}} }), code: "C4", status: Unmet},
		{name: "alternative: national award ranked 5th", mutate: combine(lowScore, func(f *Facts) { f.Awards = []Award{{2023, LevelNational, 5}} }), code: "C4", status: Met, route: RouteAlternative, eligible: T},
		{name: "national award ranked 6th", mutate: combine(lowScore, func(f *Facts) { f.Awards = []Award{{2023, LevelNational, 6}} }), code: "C4", status: Unmet},
		{name: "award too old", mutate: combine(lowScore, func(f *Facts) { f.Awards = []Award{{2020, LevelNational, 1}} }), code: "C4", status: Unmet},
		{name: "alternative: mean R&D of 10M", mutate: combine(lowScore, func(f *Facts) { y(f, 2022).RDExpense, y(f, 2023).RDExpense = i64(9_000_000), i64(11_000_000) }), code: "C4", status: Met, eligible: T, route: RouteAlternative},
		{name: "mean R&D just under 10M", mutate: combine(lowScore, func(f *Facts) { y(f, 2022).RDExpense, y(f, 2023).RDExpense = i64(9_000_000), i64(10_999_999) }), code: "C4", status: Unmet},
		{name: "alternative: 60M financing", mutate: combine(lowScore, func(f *Facts) {
			y(f, 2022).EquityFinancing, y(f, 2023).EquityFinancing = i64(30_000_000), i64(30_000_000)
		}), code: "C4", status: Met},
		{name: "59,999,999 financing", mutate: combine(lowScore, func(f *Facts) {
			y(f, 2022).EquityFinancing, y(f, 2023).EquityFinancing = i64(30_000_000), i64(29_999_999)
		}), code: "C4", status: Unmet},
		{name: "alternative: 创客中国 top 500 in Y-2", mutate: combine(lowScore, func(f *Facts) { f.MakersChina = []MakersPlace{{2021, 500}} }), code: "C4", status: Met},
		{name: "创客中国 place too old", mutate: combine(lowScore, func(f *Facts) { f.MakersChina = []MakersPlace{{2020, 50}} }), code: "C4", status: Unmet},
		{name: "score missing, alternative met", mutate: combine(func(f *Facts) { y(f, 2023).LocalScore = nil }, func(f *Facts) { f.MakersChina = []MakersPlace{{2023, 50}} }), code: "T1", status: Missing, eligible: T, route: RouteAlternative},
		{name: "score missing, no alternative", mutate: func(f *Facts) { y(f, 2023).LocalScore = nil }, code: "C4", status: Missing, eligible: F},
		// Z1: 80%, 70%, 60%
		{name: "80%", mutate: mainShare(96_000_000, 120_000_000), code: "Z1", status: Met, points: pts(5)},
		{name: "just under 80%", mutate: mainShare(95_999_999, 120_000_000), code: "Z1", status: Met, points: pts(3)},
		{name: "70%", mutate: mainShare(84_000_000, 120_000_000), code: "Z1", status: Met, points: pts(3)},
		{name: "just under 70%", mutate: mainShare(83_999_999, 120_000_000), code: "Z1", status: Met, points: pts(1)},
		{name: "60%", mutate: mainShare(72_000_000, 120_000_000), code: "Z1", status: Met, points: pts(1)},
		{name: "just under 60%", mutate: mainShare(71_999_999, 120_000_000), code: "Z1", status: Unmet, points: pts(0)},
		// Z2: mean growth 10%, 8%, 6%, 4%, 0 — Y-2 = 100, Y-1 = 100, Y = 100·(1 + 2g)
		{name: "mean 10%", mutate: meanGrowthOf(120_000_000), code: "Z2", status: Met, points: pts(10)},
		{name: "mean just under 10%", mutate: meanGrowthOf(119_999_999), code: "Z2", status: Met, points: pts(8)},
		{name: "mean 8%", mutate: meanGrowthOf(116_000_000), code: "Z2", status: Met, points: pts(8)},
		{name: "mean just under 8%", mutate: meanGrowthOf(115_999_999), code: "Z2", status: Met, points: pts(6)},
		{name: "mean 6%", mutate: meanGrowthOf(112_000_000), code: "Z2", status: Met, points: pts(6)},
		{name: "mean just under 6%", mutate: meanGrowthOf(111_999_999), code: "Z2", status: Met, points: pts(4)},
		{name: "mean 4%", mutate: meanGrowthOf(108_000_000), code: "Z2", status: Met, points: pts(4)},
		{name: "mean just under 4%", mutate: meanGrowthOf(107_999_999), code: "Z2", status: Met, points: pts(2)},
		{name: "mean 0", mutate: meanGrowthOf(100_000_000), code: "Z2", status: Met, points: pts(2)},
		{name: "mean below 0", mutate: meanGrowthOf(99_999_999), code: "Z2", status: Unmet, points: pts(0)},
		{name: "Y-2 missing", mutate: func(f *Facts) { y(f, 2021).MainBusinessRevenue = nil }, code: "Z2", status: Missing},
		// Z3: 1 point per full 2 years, at most 5.
		{name: "1 year", mutate: func(f *Facts) { f.NicheMarketSince = sv("2023-01-01") }, code: "Z3", status: Unmet, points: pts(0)},
		{name: "2 years", mutate: func(f *Facts) { f.NicheMarketSince = sv("2022-01-01") }, code: "Z3", status: Met, points: pts(1)},
		{name: "3 years", mutate: func(f *Facts) { f.NicheMarketSince = sv("2021-01-01") }, code: "Z3", status: Met, points: pts(1)},
		{name: "9 years", code: "Z3", status: Met, points: pts(4)},
		{name: "10 years", mutate: func(f *Facts) { f.NicheMarketSince = sv("2014-01-01") }, code: "Z3", status: Met, points: pts(5)},
		{name: "30 years", mutate: func(f *Facts) { f.NicheMarketSince = sv("1994-01-01") }, code: "Z3", status: Met, points: pts(5)},
		// Z4
		{name: "gap filling", code: "Z4", status: Met, points: pts(5)},
		{name: "six foundations", mutate: func(f *Facts) { f.MainProduct.FieldClass = sv(FieldSixFoundations) }, code: "Z4", status: Met, points: pts(3)},
		{name: "other", mutate: func(f *Facts) { f.MainProduct.FieldClass = sv(FieldOther) }, code: "Z4", status: Unmet, points: pts(0)},
		{name: "field unknown", mutate: func(f *Facts) { f.MainProduct.FieldClass = nil }, code: "Z4", status: Missing},
		// J1
		{name: "level 4", mutate: func(f *Facts) { y(f, 2023).DigitalLevel = iv(4) }, code: "J1", status: Met, points: pts(5)},
		{name: "level 3", code: "J1", status: Met, points: pts(5)},
		{name: "level 2", mutate: func(f *Facts) { y(f, 2023).DigitalLevel = iv(2) }, code: "J1", status: Met, points: pts(3)},
		{name: "level 1", mutate: func(f *Facts) { y(f, 2023).DigitalLevel = iv(1) }, code: "J1", status: Unmet, points: pts(0)},
		// J2: 3 each, at most 5.
		{name: "all four", code: "J2", status: Met, points: pts(5)},
		{name: "one", mutate: func(f *Facts) { y(f, 2023).Quality = &Quality{Award: no, Certified: yes, OwnBrand: no, Standards: no} }, code: "J2", status: Met, points: pts(3)},
		{name: "none", mutate: func(f *Facts) { y(f, 2023).Quality = &Quality{Award: no, Certified: no, OwnBrand: no, Standards: no} }, code: "J2", status: Unmet, points: pts(0)},
		{name: "two known true, two missing", mutate: func(f *Facts) { y(f, 2023).Quality = &Quality{Award: yes, Certified: yes} }, code: "J2", status: Met, points: pts(5)},
		{name: "one known true, others missing", mutate: func(f *Facts) { y(f, 2023).Quality = &Quality{Award: yes} }, code: "J2", status: Missing},
		// J3: 10, 8, 6, 4, 2%
		{name: "10%", mutate: margin(12_000_000), code: "J3", status: Met, points: pts(10)},
		{name: "just under 10%", mutate: margin(11_999_999), code: "J3", status: Met, points: pts(8)},
		{name: "8%", mutate: margin(9_600_000), code: "J3", status: Met, points: pts(8)},
		{name: "just under 8%", mutate: margin(9_599_999), code: "J3", status: Met, points: pts(6)},
		{name: "6%", mutate: margin(7_200_000), code: "J3", status: Met, points: pts(6)},
		{name: "just under 6%", mutate: margin(7_199_999), code: "J3", status: Met, points: pts(4)},
		{name: "4%", mutate: margin(4_800_000), code: "J3", status: Met, points: pts(4)},
		{name: "just under 4%", mutate: margin(4_799_999), code: "J3", status: Met, points: pts(2)},
		{name: "2%", mutate: margin(2_400_000), code: "J3", status: Met, points: pts(2)},
		{name: "just under 2%", mutate: margin(2_399_999), code: "J3", status: Unmet, points: pts(0)},
		{name: "a loss", mutate: margin(-5_000_000), code: "J3", status: Unmet, points: pts(0)},
		// J4: < 50, 50–60, 60–70, ≥ 70
		{name: "just under 50%", mutate: debt(49_999_999, 100_000_000), code: "J4", status: Met, points: pts(5)},
		{name: "50%", mutate: debt(50_000_000, 100_000_000), code: "J4", status: Met, points: pts(3)},
		{name: "just under 60%", mutate: debt(59_999_999, 100_000_000), code: "J4", status: Met, points: pts(3)},
		{name: "60%", mutate: debt(60_000_000, 100_000_000), code: "J4", status: Met, points: pts(1)},
		{name: "just under 70%", mutate: debt(69_999_999, 100_000_000), code: "J4", status: Met, points: pts(1)},
		{name: "70%", mutate: debt(70_000_000, 100_000_000), code: "J4", status: Unmet, points: pts(0)},
		// T1
		{name: "15", mutate: func(f *Facts) { y(f, 2023).LocalScore = iv(15) }, code: "T1", status: Met, points: pts(15)},
		{name: "0", mutate: func(f *Facts) { y(f, 2023).LocalScore = iv(0) }, code: "T1", status: Unmet, points: pts(0)},
		// N1
		{name: "high-value", code: "N1", status: Met, points: pts(10)},
		{name: "self-developed", mutate: ipCounts(0, 1, 1, 0), code: "N1", status: Met, points: pts(8)},
		{name: "class I", mutate: ipCounts(0, 0, 1, 0), code: "N1", status: Met, points: pts(6)},
		{name: "class II", mutate: ipCounts(0, 0, 0, 1), code: "N1", status: Met, points: pts(2)},
		{name: "none", mutate: ipCounts(0, 0, 0, 0), code: "N1", status: Unmet, points: pts(0)},
		// N2: amount or ratio, the better band.
		{name: "5M", mutate: rd(5_000_000, 500_000_000), code: "N2", status: Met, points: pts(10)},
		{name: "just under 5M at 1%", mutate: rd(4_999_999, 500_000_000), code: "N2", status: Met, points: pts(8)},
		{name: "4M", mutate: rd(4_000_000, 400_000_000), code: "N2", status: Met, points: pts(8)},
		{name: "just under 4M", mutate: rd(3_999_999, 400_000_000), code: "N2", status: Met, points: pts(6)},
		{name: "3M", mutate: rd(3_000_000, 300_000_000), code: "N2", status: Met, points: pts(6)},
		{name: "just under 3M", mutate: rd(2_999_999, 300_000_000), code: "N2", status: Met, points: pts(4)},
		{name: "2M", mutate: rd(2_000_000, 200_000_000), code: "N2", status: Met, points: pts(4)},
		{name: "just under 2M", mutate: rd(1_999_999, 200_000_000), code: "N2", status: Met, points: pts(2)},
		{name: "1M", mutate: rd(1_000_000, 100_000_000), code: "N2", status: Met, points: pts(2)},
		{name: "just under 1M at under 3%", mutate: rd(999_999, 100_000_000), code: "N2", status: Unmet, points: pts(0)},
		{name: "ratio 10% beats a small amount", mutate: rd(1_000_000, 10_000_000), code: "N2", status: Met, points: pts(10)},
		{name: "ratio just under 10%", mutate: rd(999_999, 10_000_000), code: "N2", status: Met, points: pts(8)},
		{name: "ratio 8%", mutate: rd(800_000, 10_000_000), code: "N2", status: Met, points: pts(8)},
		{name: "ratio just under 8%", mutate: rd(799_999, 10_000_000), code: "N2", status: Met, points: pts(6)},
		{name: "ratio 6%", mutate: rd(600_000, 10_000_000), code: "N2", status: Met, points: pts(6)},
		{name: "ratio just under 6%", mutate: rd(599_999, 10_000_000), code: "N2", status: Met, points: pts(4)},
		{name: "ratio 4%", mutate: rd(400_000, 10_000_000), code: "N2", status: Met, points: pts(4)},
		{name: "ratio just under 4%", mutate: rd(399_999, 10_000_000), code: "N2", status: Met, points: pts(2)},
		{name: "ratio 3%", mutate: rd(300_000, 10_000_000), code: "N2", status: Met, points: pts(2)},
		{name: "ratio just under 3%", mutate: rd(299_999, 10_000_000), code: "N2", status: Unmet, points: pts(0)},
		{name: "revenue missing, amount at the top", mutate: func(f *Facts) { y(f, 2023).OperatingRevenue = nil }, code: "N2", status: Met, points: pts(10)},
		{name: "revenue missing, amount below the top", mutate: func(f *Facts) { y(f, 2023).OperatingRevenue, y(f, 2023).RDExpense = nil, i64(2_000_000) }, code: "N2", status: Missing},
		// N3: 20, 10, 5%
		{name: "20%", mutate: staff(40, 200), code: "N3", status: Met, points: pts(5)},
		{name: "just under 20%", mutate: staff(39, 200), code: "N3", status: Met, points: pts(3)},
		{name: "10%", mutate: staff(20, 200), code: "N3", status: Met, points: pts(3)},
		{name: "just under 10%", mutate: staff(19, 200), code: "N3", status: Met, points: pts(1)},
		{name: "5%", mutate: staff(10, 200), code: "N3", status: Met, points: pts(1)},
		{name: "just under 5%", mutate: staff(9, 200), code: "N3", status: Unmet, points: pts(0)},
		// N4
		{name: "national", mutate: institution(InstitutionNational), code: "N4", status: Met, points: pts(10)},
		{name: "provincial", mutate: institution(InstitutionProvincial), code: "N4", status: Met, points: pts(8)},
		{name: "city", code: "N4", status: Met, points: pts(4)},
		{name: "below city", mutate: institution(InstitutionBelowCity), code: "N4", status: Met, points: pts(2)},
		{name: "none", mutate: institution(InstitutionNone), code: "N4", status: Unmet, points: pts(0)},
		{name: "unknown", mutate: func(f *Facts) { y(f, 2023).RDInstitution = nil }, code: "N4", status: Missing},
		{name: "no alternatives", mutate: noAlternatives, code: "C4", status: Met},
	})
}

func meanGrowthOf(current int64) func(*Facts) {
	return func(f *Facts) {
		y(f, 2021).MainBusinessRevenue, y(f, 2022).MainBusinessRevenue = i64(100_000_000), i64(100_000_000)
		y(f, 2021).OperatingRevenue, y(f, 2022).OperatingRevenue = i64(100_000_000), i64(100_000_000)
		y(f, 2023).MainBusinessRevenue, y(f, 2023).OperatingRevenue = i64(current), i64(max(current, 120_000_000))
	}
}

func margin(profit int64) func(*Facts) {
	return func(f *Facts) { r := y(f, 2023); r.NetProfit, r.OperatingRevenue = i64(profit), i64(120_000_000) }
}

func staff(rdStaff, employees int64) func(*Facts) {
	return func(f *Facts) { r := y(f, 2023); r.RDStaff, r.Employees = i64(rdStaff), i64(employees) }
}

func institution(level string) func(*Facts) {
	return func(f *Facts) { y(f, 2023).RDInstitution = sv(level) }
}

func TestLittleGiant(t *testing.T) {
	T, F := bv(true), bv(false)
	// For L4's revenue bands: the revenue of Y, and R&D of Y-1 and Y as given.
	l4 := func(revenue, rdPrev, revenuePrev, rdCur int64) func(*Facts) {
		return func(f *Facts) {
			y(f, 2023).OperatingRevenue, y(f, 2023).RDExpense = i64(revenue), i64(rdCur)
			y(f, 2023).MainBusinessRevenue = i64(revenue * 9 / 10)
			y(f, 2022).OperatingRevenue, y(f, 2022).RDExpense = i64(revenuePrev), i64(rdPrev)
			y(f, 2022).MainBusinessRevenue = i64(revenue * 8 / 10)
			y(f, 2021).MainBusinessRevenue = i64(revenue * 7 / 10)
		}
	}
	small := func(financing, rdEach int64, rdStaff int64) func(*Facts) {
		return combine(l4(40_000_000, rdEach, 40_000_000, rdEach), func(f *Facts) {
			y(f, 2022).EquityFinancing, y(f, 2023).EquityFinancing = i64(financing/2), i64(financing-financing/2)
			y(f, 2023).RDStaff, y(f, 2023).Employees = i64(rdStaff), i64(200)
		})
	}
	runCases(t, LittleGiant, []tierCase{
		{name: "base", code: "L4", status: Met, eligible: T, route: RouteGeneral},
		{name: "score is null", code: "P", status: Met},
		{name: "specialised SME not held", mutate: func(f *Facts) { f.HeldTiers = []Tier{InnovativeSME} }, code: "P", status: Unmet, eligible: F},
		// L1: 3 years, 70% share, 5% mean growth.
		{name: "3 years", mutate: func(f *Facts) { f.NicheMarketSince = sv("2021-01-01") }, code: "L1", status: Met},
		{name: "just under 3 years", mutate: func(f *Facts) { f.NicheMarketSince = sv("2021-01-02") }, code: "L1", status: Unmet, eligible: F},
		{name: "share 70%", mutate: mainShare(112_000_000, 160_000_000), code: "L1", status: Met},
		{name: "share just under 70%", mutate: mainShare(111_999_999, 160_000_000), code: "L1", status: Unmet},
		{name: "mean growth 5%", mutate: meanGrowthOf(110_000_000), code: "L1", status: Met},
		{name: "mean growth just under 5%", mutate: meanGrowthOf(109_999_999), code: "L1", status: Unmet},
		{name: "Y-2 missing", mutate: func(f *Facts) { y(f, 2021).MainBusinessRevenue = nil }, code: "L1", status: Missing, eligible: F},
		// L2: ≤ 70%, information system, certification.
		{name: "debt 70%", mutate: debt(70_000_000, 100_000_000), code: "L2", status: Met},
		{name: "debt just over 70%", mutate: debt(70_000_001, 100_000_000), code: "L2", status: Unmet, eligible: F},
		{name: "no information system", mutate: func(f *Facts) { y(f, 2023).InfoSystemCoreBusiness = no }, code: "L2", status: Unmet},
		{name: "not certified", mutate: func(f *Facts) { y(f, 2023).ManagementCertified = no }, code: "L2", status: Unmet},
		{name: "certification unknown", mutate: func(f *Facts) { y(f, 2023).ManagementCertified = nil }, code: "L2", status: Missing},
		// L3: 10% national share, own brand.
		{name: "share 10%", mutate: func(f *Facts) { y(f, 2023).NationalMarketShare = fv(0.10) }, code: "L3", status: Met},
		{name: "share just under 10%", mutate: func(f *Facts) { y(f, 2023).NationalMarketShare = fv(0.0999) }, code: "L3", status: Unmet, eligible: F},
		{name: "no own brand", mutate: func(f *Facts) { y(f, 2023).Quality.OwnBrand = no }, code: "L3", status: Unmet},
		{name: "share unknown", mutate: func(f *Facts) { y(f, 2023).NationalMarketShare = nil }, code: "L3", status: Missing},
		// L4(a) revenue ≥ 100M: R&D ratio ≥ 3% in each of Y-1 and Y.
		{name: "100M at 3% both years", mutate: l4(100_000_000, 3_000_000, 100_000_000, 3_000_000), code: "L4", status: Met, route: RouteGeneral, eligible: T},
		{name: "100M, Y-1 just under 3%", mutate: l4(100_000_000, 2_999_999, 100_000_000, 3_000_000), code: "L4", status: Unmet, eligible: F},
		{name: "100M, Y just under 3%", mutate: l4(100_000_000, 3_000_000, 100_000_000, 2_999_999), code: "L4", status: Unmet},
		// 50–100M: ≥ 6% in each year.
		{name: "just under 100M at 3% needs 6%", mutate: l4(99_999_999, 3_000_000, 100_000_000, 3_000_000), code: "L4", status: Unmet},
		{name: "50M at 6% both years", mutate: l4(50_000_000, 3_000_000, 50_000_000, 3_000_000), code: "L4", status: Met},
		{name: "50M, Y just under 6%", mutate: l4(50_000_000, 3_000_000, 50_000_000, 2_999_999), code: "L4", status: Unmet},
		// < 50M: financing ≥ 80M, R&D ≥ 30M over Y-1..Y, R&D staff ≥ 50%.
		{name: "under 50M with financing, R&D and staff", mutate: small(80_000_000, 15_000_000, 100), code: "L4", status: Met},
		{name: "financing one yuan short", mutate: small(79_999_999, 15_000_000, 100), code: "L4", status: Unmet},
		{name: "R&D one yuan short", mutate: combine(small(80_000_000, 15_000_000, 100), func(f *Facts) { y(f, 2023).RDExpense = i64(14_999_999) }), code: "L4", status: Unmet},
		{name: "R&D staff just under 50%", mutate: small(80_000_000, 15_000_000, 99), code: "L4", status: Unmet},
		// (b) and (c)
		{name: "no R&D institution", mutate: institution(InstitutionNone), code: "L4", status: Unmet, eligible: F},
		{name: "institution below city level", mutate: institution(InstitutionBelowCity), code: "L4", status: Met},
		{name: "one applied class I item", mutate: func(f *Facts) { y(f, 2023).IP.Class1Applied = iv(1) }, code: "L4", status: Unmet},
		{name: "two applied class I items", mutate: func(f *Facts) { y(f, 2023).IP.Class1Applied = iv(2) }, code: "L4", status: Met},
		{name: "applied items unknown", mutate: func(f *Facts) { y(f, 2023).IP.Class1Applied = nil }, code: "L4", status: Missing, eligible: F},
		// The direct route.
		{name: "national award ranked 3rd", mutate: combine(institution(InstitutionNone), func(f *Facts) { f.Awards = []Award{{2021, LevelNational, 3}} }), code: "L4", status: Met, eligible: T, route: RouteDirect},
		{name: "national award ranked 4th", mutate: combine(institution(InstitutionNone), func(f *Facts) { f.Awards = []Award{{2021, LevelNational, 4}} }), code: "L4", status: Unmet},
		{name: "provincial award ranked 1st", mutate: combine(institution(InstitutionNone), func(f *Facts) { f.Awards = []Award{{2023, LevelProvincial, 1}} }), code: "L4", status: Unmet},
		{name: "创客中国 top 50", mutate: combine(institution(InstitutionNone), func(f *Facts) { f.MakersChina = []MakersPlace{{2023, 50}} }), code: "L4", status: Met, eligible: T, route: RouteDirect},
		{name: "创客中国 top 500", mutate: combine(institution(InstitutionNone), func(f *Facts) { f.MakersChina = []MakersPlace{{2023, 500}} }), code: "L4", status: Unmet},
		{name: "direct route met, general inputs missing", mutate: combine(func(f *Facts) { y(f, 2023).IP.Class1Applied = nil }, func(f *Facts) { f.MakersChina = []MakersPlace{{2022, 50}} }), code: "L4", status: Met, eligible: T, route: RouteDirect},
		// L5, L6
		{name: "not a key link", mutate: func(f *Facts) { f.MainProduct.KeyChainLink = no }, code: "L5", status: Unmet, eligible: F},
		{name: "key link unknown", mutate: func(f *Facts) { f.MainProduct.KeyChainLink = nil }, code: "L5", status: Missing},
		{name: "not a key field", mutate: func(f *Facts) { f.MainProduct.KeyField = no }, code: "L6", status: Unmet, eligible: F},
		{name: "key field unknown", mutate: func(f *Facts) { f.MainProduct = nil }, code: "L6", status: Missing},
	})
}

func TestLittleGiantHasNoScore(t *testing.T) {
	res, _ := Evaluate(base(LittleGiant))
	if res.Score != nil {
		t.Errorf("score %d", *res.Score)
	}
	for _, c := range res.Criteria {
		if c.Points != nil || c.MaxPoints != nil {
			t.Errorf("%s has points", c.Code)
		}
	}
}

func TestEveryCodeIsExplained(t *testing.T) {
	want := map[Tier][]string{
		InnovativeSME:  {"P", "G", "D1", "D2", "D3", "D4", "I1", "I2", "G1", "G2", "S1", "S2"},
		SpecializedSME: {"P", "G", "C1", "C2", "C3", "C4", "Z1", "Z2", "Z3", "Z4", "J1", "J2", "J3", "J4", "T1", "N1", "N2", "N3", "N4"},
		LittleGiant:    {"P", "G", "L1", "L2", "L3", "L4", "L5", "L6"},
	}
	// Even with nothing known, every code appears, as missing where it cannot be decided.
	for tier, codes := range want {
		res, problems := Evaluate(Facts{Tier: tier, ReportYear: 2023, Reports: []Report{{Year: 2023}}})
		if len(problems) > 0 {
			t.Fatalf("%s: %+v", tier, problems)
		}
		if len(res.Criteria) != len(codes) {
			t.Errorf("%s: %d criteria, want %d", tier, len(res.Criteria), len(codes))
		}
		for i, c := range res.Criteria {
			if i < len(codes) && c.Code != codes[i] {
				t.Errorf("%s: criterion %d is %s, want %s", tier, i, c.Code, codes[i])
			}
			if c.Label() == "" || c.Requirement == "" || c.Group() == "" {
				t.Errorf("%s %s: incomplete %+v", tier, c.Code, c)
			}
		}
		if res.Eligible || res.Score != nil || len(res.Missing) == 0 {
			t.Errorf("%s with nothing known: eligible %v score %v missing %v", tier, res.Eligible, res.Score, res.Missing)
		}
	}
}
