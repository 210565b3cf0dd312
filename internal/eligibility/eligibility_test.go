package eligibility

import (
	"slices"
	"testing"

	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/report"
)

func i64(v int64) *int64 { return &v }

func TestReportYear(t *testing.T) {
	today := calendar.NewDate(2026, 11, 26)
	tests := []struct {
		years []int
		want  int
	}{
		{[]int{2025, 2024}, 2025},
		{[]int{2024, 2023}, 2024}, // 2025 not filed yet: the latest earlier one
		{[]int{2026, 2023}, 2023}, // a report of the running year is not a complete year
		{nil, 2025},
	}
	for _, tt := range tests {
		var rs []report.Annual
		for _, y := range tt.years {
			rs = append(rs, report.Annual{Report: criteria.Report{Year: y}})
		}
		if got := ReportYear(rs, today); got != tt.want {
			t.Errorf("%v: %d, want %d", tt.years, got, tt.want)
		}
	}
}

func TestFacts(t *testing.T) {
	today := calendar.NewDate(2026, 11, 26)
	yes, no := true, false
	e := enterprise.Enterprise{
		IndustryCode: "I65", NicheMarketSince: calendar.NewDate(2019, 3, 1), FieldClass: criteria.FieldSixFoundations,
		StrategicEmerging: &yes, AbnormalOrDishonestListed: &no,
		Honours: []enterprise.Honour{
			{Code: criteria.HonourHighTech, ValidFrom: calendar.NewDate(2022, 12, 31), ValidUntil: calendar.NewDate(2025, 12, 31)},
			{Code: criteria.HonourInnovationDemo, ValidFrom: calendar.NewDate(2021, 1, 1), ValidUntil: calendar.NewDate(2025, 12, 30)},
			{Code: criteria.HonourIPDemo, ValidFrom: calendar.NewDate(2026, 1, 1)},
		},
		Awards: []enterprise.Award{{Year: 2024, Level: criteria.LevelProvincial, Rank: 2, Name: "省科技进步奖"}},
	}
	quals := []qualification.Qualification{
		{Tier: criteria.InnovativeSME, GrantedOn: calendar.NewDate(2024, 6, 20), ValidUntil: calendar.NewDate(2027, 6, 20)},
		{Tier: criteria.SpecializedSME, GrantedOn: calendar.NewDate(2020, 12, 15), ValidUntil: calendar.NewDate(2023, 12, 15)},
	}
	reports := []report.Annual{{Report: criteria.Report{Year: 2024, Employees: i64(50)}}}
	f := Facts(e, reports, quals, 2025, criteria.Ruleset2022, today)

	if f.IndustryClass != criteria.ClassSoftware || *f.NicheMarketSince != "2019-03-01" || *f.MainProduct.FieldClass != criteria.FieldSixFoundations {
		t.Errorf("profile facts %+v", f)
	}
	// Tiers in force today; honours valid at the end of the report year.
	if !slices.Equal(f.HeldTiers, []criteria.Tier{criteria.InnovativeSME}) {
		t.Errorf("held %v", f.HeldTiers)
	}
	if !slices.Equal(f.Honours, []string{criteria.HonourHighTech}) {
		t.Errorf("honours %v", f.Honours)
	}
	// Unknown stays unknown: a nil flag, an unknown list.
	if f.General.MajorIncidentOrViolation3y != nil || f.MakersChina != nil {
		t.Errorf("unknowns %+v %+v", f.General, f.MakersChina)
	}
	// The report year gets an empty report, so that its figures are missing rather than refused.
	if len(f.Reports) != 2 || f.Reports[1].Year != 2025 || f.Reports[1].Employees != nil {
		t.Errorf("reports %+v", f.Reports)
	}
	if _, problems := criteria.EvaluateAll(f); len(problems) > 0 {
		t.Errorf("problems %+v", problems)
	}
}

func TestGapsAndScoreGap(t *testing.T) {
	pts := func(n int) *int { return &n }
	r := criteria.Result{Tier: criteria.SpecializedSME, Score: pts(52), Criteria: []criteria.Criterion{
		{Code: "P", Status: criteria.Met},
		{Code: "C2", Status: criteria.Unmet},
		{Code: "C4", Status: criteria.Unmet},
		{Code: "Z1", Status: criteria.Unmet, Points: pts(0), MaxPoints: pts(5)},
	}}
	gaps := Gaps(r)
	if len(gaps) != 2 || gaps[0].Code != "C2" || gaps[1].Code != "C4" || Blocking(r) != 2 {
		t.Errorf("gaps %+v", gaps)
	}
	if gap, ok := ScoreGap(r); !ok || gap != 8 {
		t.Errorf("score gap %d %v", gap, ok)
	}
	r.Eligible = true
	if len(Gaps(r)) != 0 {
		t.Error("an eligible result has gaps")
	}
	r.Eligible, r.Score = false, nil
	if _, ok := ScoreGap(r); ok {
		t.Error("unknown score gives a gap")
	}
	// Innovative SME: direct conditions are alternatives, not gaps; a category short of its minimum
	// counts even when the total reaches 60.
	res, _ := criteria.Evaluate(innovativeShortOfInnovation())
	if res.Eligible || *res.Score < 60 {
		t.Fatalf("setup: eligible %v score %v", res.Eligible, *res.Score)
	}
	for _, g := range Gaps(res) {
		if g.Code[0] == 'D' {
			t.Errorf("direct condition %s listed as a gap", g.Code)
		}
	}
	if gap, ok := ScoreGap(res); !ok || gap != 5 {
		t.Errorf("innovative score gap %d", gap)
	}
}

// innovativeShortOfInnovation scores 75 with only 15 for innovation (minimum 20).
func innovativeShortOfInnovation() criteria.Facts {
	b := func(v bool) *bool { return &v }
	i := func(v int) *int { return &v }
	s := func(v string) *string { return &v }
	return criteria.Facts{
		Tier: criteria.InnovativeSME, ReportYear: 2025, IndustryClass: criteria.ClassIndustry,
		General:     &criteria.General{AbnormalOrDishonestListed: b(false), MajorIncidentOrViolation3y: b(false)},
		MainProduct: &criteria.MainProduct{StrategicEmerging: b(true)},
		Honours:     []string{}, Awards: []criteria.Award{}, MakersChina: []criteria.MakersPlace{},
		Reports: []criteria.Report{
			{Year: 2025, Employees: i64(100), OperatingRevenue: i64(100_000_000), MainBusinessRevenue: i64(90_000_000),
				RDExpense: i64(500_000), TotalAssets: i64(100_000_000), TotalLiabilities: i64(30_000_000), EquityFinancing: i64(0),
				IP: &criteria.IP{Class1HighValue: i(0), Class1SelfDeveloped: i(1), Class1: i(1), Class2: i(0)}, RDInstitution: s("none")},
			{Year: 2024, MainBusinessRevenue: i64(70_000_000), EquityFinancing: i64(0)},
			{Year: 2023, EquityFinancing: i64(0)},
		},
	}
}
