package criteria

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(f *Facts)
		field  string
		rule   string
	}{
		{"unknown tier", func(f *Facts) { f.Tier = "giant" }, "tier", "one_of"},
		{"unknown ruleset", func(f *Facts) { f.Ruleset = "miit-1999" }, "ruleset", "one_of"},
		{"no report year", func(f *Facts) { f.ReportYear = 0 }, "report_year", "required"},
		{"report year without a report", func(f *Facts) { f.ReportYear = 2024 }, "report_year", "no_report"},
		{"unknown industry class", func(f *Facts) { f.IndustryClass = "farming" }, "industry_class", "one_of"},
		{"unknown held tier", func(f *Facts) { f.HeldTiers = []Tier{"gold"} }, "held_tiers[0]", "one_of"},
		{"bad date", func(f *Facts) { f.NicheMarketSince = sv("2018-02-30") }, "niche_market_since", "date"},
		{"unknown field class", func(f *Facts) { f.MainProduct.FieldClass = sv("key") }, "main_product.field_class", "one_of"},
		{"unknown honour", func(f *Facts) { f.Honours = []string{"gazelle"} }, "honours[0]", "one_of"},
		{"award level", func(f *Facts) { f.Awards = []Award{{2023, "city", 1}} }, "awards[0].level", "one_of"},
		{"award rank", func(f *Facts) { f.Awards = []Award{{2023, LevelNational, 0}} }, "awards[0].rank", "too_small"},
		{"makers top", func(f *Facts) { f.MakersChina = []MakersPlace{{2023, 100}} }, "makers_china[0].top", "one_of"},
		{"negative money", func(f *Facts) { y(f, 2022).RDExpense = i64(-1) }, "reports[1].rd_expense", "too_small"},
		{"assets zero", func(f *Facts) { y(f, 2023).TotalAssets = i64(0) }, "reports[0].total_assets", "too_small"},
		{"R&D staff over employees", func(f *Facts) { y(f, 2023).RDStaff = i64(201) }, "reports[0].rd_staff", "too_large"},
		{"main over operating revenue", func(f *Facts) { y(f, 2023).MainBusinessRevenue = i64(120_000_001) }, "reports[0].main_business_revenue", "too_large"},
		{"share over 1", func(f *Facts) { y(f, 2023).NationalMarketShare = fv(1.01) }, "reports[0].national_market_share", "too_large"},
		{"share under 0", func(f *Facts) { y(f, 2023).NationalMarketShare = fv(-0.01) }, "reports[0].national_market_share", "too_small"},
		{"digital level 5", func(f *Facts) { y(f, 2023).DigitalLevel = iv(5) }, "reports[0].digital_level", "too_large"},
		{"local score 16", func(f *Facts) { y(f, 2023).LocalScore = iv(16) }, "reports[0].local_score", "too_large"},
		{"unknown institution", func(f *Facts) { y(f, 2023).RDInstitution = sv("county") }, "reports[0].rd_institution", "one_of"},
		{"negative IP", func(f *Facts) { y(f, 2023).IP.Class2 = iv(-1) }, "reports[0].ip.class2", "too_small"},
		{"two reports of a year", func(f *Facts) { f.Reports[2].Year = 2022 }, "reports[2].year", "duplicate"},
		{"year out of reason", func(f *Facts) { f.Reports[2].Year = 1900 }, "reports[2].year", "too_small"},
		{"quality score over 100", func(f *Facts) { y(f, 2023).QualityScore = fv(100.5) }, "reports[0].quality_score", "too_large"},
	}
	for _, tt := range tests {
		f := base(SpecializedSME)
		tt.mutate(&f)
		_, problems := Evaluate(f)
		found := false
		for _, p := range problems {
			found = found || (p.Field == tt.field && p.Rule == tt.rule)
		}
		if !found {
			t.Errorf("%s: problems %+v, want %s %s", tt.name, problems, tt.field, tt.rule)
		}
	}
	// A net loss is no problem; nor is a fact left out.
	f := base(SpecializedSME)
	y(&f, 2023).NetProfit = i64(-3_000_000)
	y(&f, 2023).Employees = nil
	f.General = nil
	if _, problems := Evaluate(f); len(problems) > 0 {
		t.Errorf("problems %+v", problems)
	}
}

func TestEvaluateAll(t *testing.T) {
	results, problems := EvaluateAll(base(LittleGiant))
	if len(problems) > 0 || len(results) != 3 {
		t.Fatalf("%d results, %+v", len(results), problems)
	}
	for i, tier := range Tiers {
		if results[i].Tier != tier || !results[i].Eligible {
			t.Errorf("%s: %+v", tier, results[i])
		}
	}
}

// A result written as JSON names its criteria with their codes, and reads back to itself.
func TestResultJSON(t *testing.T) {
	results, problems := EvaluateAll(loadFacts(t, "worked_example.json"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, r := range results {
		direct, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(direct, []byte(`"criteria":[{"code":`)) {
			t.Fatalf("%s: JSON %s", r.Tier, direct)
		}
		// Read back (a frozen self-check) and written again, it says the same (a compound value's
		// keys come back in another order, so compare the documents, not the bytes).
		var back Result
		if err := json.Unmarshal(direct, &back); err != nil {
			t.Fatal(err)
		}
		again, _ := json.Marshal(back)
		var a, b any
		_ = json.Unmarshal(direct, &a)
		_ = json.Unmarshal(again, &b)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: read back as %s", r.Tier, again)
		}
	}
}

// BenchmarkEvaluateAllTiers measures a three-tier evaluation of the worked example's facts.
func BenchmarkEvaluateAllTiers(b *testing.B) {
	f := loadFacts(b, "worked_example.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, problems := EvaluateAll(f); len(problems) > 0 {
			b.Fatal(problems)
		}
	}
}
