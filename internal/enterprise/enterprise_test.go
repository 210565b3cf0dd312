package enterprise

import (
	"strings"
	"testing"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/optional"
)

var today = calendar.NewDate(2026, 11, 26)

func fieldsOf(fs apperr.Fields) map[string]apperr.Rule {
	out := map[string]apperr.Rule{}
	for _, f := range fs {
		out[f.Field] = f.Rule
	}
	return out
}

func TestApply(t *testing.T) {
	const good, badCheck = "914403001922038216", "914403001922038217"
	tests := []struct {
		name     string
		changes  Changes
		override bool
		want     map[string]apperr.Rule
		check    func(t *testing.T, e Enterprise)
	}{
		{"trims and normalises", Changes{Name: optional.Of("  甲公司 "), CreditCode: optional.Of(" 914403001922038216"), IndustryCode: optional.Of("c34")}, false, nil,
			func(t *testing.T, e Enterprise) {
				if e.Name != "甲公司" || e.CreditCode != good || e.IndustryCode != "C34" {
					t.Errorf("got %+v", e)
				}
			}},
		{"required fields cannot be emptied", Changes{Name: optional.Null[string](), CreditCode: optional.Of(""), RegionCode: optional.Of(" ")}, false,
			map[string]apperr.Rule{"name": apperr.RuleRequired, "credit_code": apperr.RuleRequired, "region_code": apperr.RuleRequired}, nil},
		{"bad check without override", Changes{CreditCode: optional.Of(badCheck)}, false, map[string]apperr.Rule{"credit_code": apperr.RuleCreditCheck}, nil},
		{"override asked but not allowed", Changes{CreditCode: optional.Of(badCheck), CreditCodeOverride: optional.Of(true)}, false, map[string]apperr.Rule{"credit_code": apperr.RuleCreditCheck}, nil},
		{"override allowed", Changes{CreditCode: optional.Of(badCheck), CreditCodeOverride: optional.Of(true)}, true, nil,
			func(t *testing.T, e Enterprise) {
				if !e.CreditCodeOverride {
					t.Error("override not recorded")
				}
			}},
		{"override on a valid code records nothing", Changes{CreditCode: optional.Of(good), CreditCodeOverride: optional.Of(true)}, true, nil,
			func(t *testing.T, e Enterprise) {
				if e.CreditCodeOverride {
					t.Error("a valid code marked as overridden")
				}
			}},
		{"override never passes a malformed code", Changes{CreditCode: optional.Of("91440300192203821S"), CreditCodeOverride: optional.Of(true)}, true, map[string]apperr.Rule{"credit_code": apperr.RuleCreditFormat}, nil},
		{"industry must be a division", Changes{IndustryCode: optional.Of("C")}, false, map[string]apperr.Rule{"industry_code": apperr.RuleUnknownIndustry}, nil},
		{"dates: today is fine, tomorrow is not", Changes{FoundedOn: optional.Of(today), NicheMarketSince: optional.Of(today.AddDays(1))}, false, map[string]apperr.Rule{"niche_market_since": apperr.RuleFuture}, nil},
		{"dates before 1900", Changes{FoundedOn: optional.Of(calendar.NewDate(1899, 12, 31))}, false, map[string]apperr.Rule{"founded_on": apperr.RuleTooSmall}, nil},
		{"length limits", Changes{Name: optional.Of(strings.Repeat("甲", MaxName+1)), MainProducts: optional.Of(strings.Repeat("乙", MaxText))}, false, map[string]apperr.Rule{"name": apperr.RuleTooLong}, nil},
		{"phone characters", Changes{ContactPhone: optional.Of("0663-812345x")}, false, map[string]apperr.Rule{"contact_phone": apperr.RuleInvalid}, nil},
		{"tags deduplicated and trimmed", Changes{Tags: optional.Of([]string{" 上市后备", "上市后备", "", "专精特新"})}, false, nil,
			func(t *testing.T, e Enterprise) {
				if len(e.Tags) != 2 || e.Tags[0] != "上市后备" {
					t.Errorf("tags %v", e.Tags)
				}
			}},
		{"too many tags", Changes{Tags: optional.Of(manyTags(MaxTags + 1))}, false, map[string]apperr.Rule{"tags": apperr.RuleTooLarge}, nil},
		{"strategic emerging: null clears", Changes{StrategicEmerging: optional.Null[bool]()}, false, nil,
			func(t *testing.T, e Enterprise) {
				if e.StrategicEmerging != nil {
					t.Error("not cleared")
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			yes := true
			e := Enterprise{Name: "原名", CreditCode: good, RegionCode: "445202", StrategicEmerging: &yes}
			var fs apperr.Fields
			tt.changes.Apply(&e, tt.override, today, &fs)
			got := fieldsOf(fs)
			if len(got) != len(tt.want) {
				t.Fatalf("field errors %v, want %v", got, tt.want)
			}
			for f, rule := range tt.want {
				if got[f] != rule {
					t.Errorf("%s: %s, want %s", f, got[f], rule)
				}
			}
			if tt.check != nil {
				tt.check(t, e)
			}
		})
	}
}

func manyTags(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strings.Repeat("标", 1+i%5) + string(rune('A'+i))
	}
	return out
}

func TestOfficerOnly(t *testing.T) {
	current := Enterprise{Name: "甲", CreditCode: "914403001922038216", RegionCode: "445202", LiaisonOfficerID: 3, Tags: []string{"上市后备"}}
	same := Changes{Name: optional.Of("甲"), RegionCode: optional.Of("445202"), LiaisonOfficerID: optional.Of[int64](3), Tags: optional.Of([]string{"上市后备"}), MainProducts: optional.Of("阀门")}
	if got := same.officerOnly(current); len(got) != 0 {
		t.Errorf("unchanged officer fields flagged: %v", got)
	}
	changed := Changes{Name: optional.Of("乙"), CreditCode: optional.Of("9144030071526726XG"), RegionCode: optional.Of("445281"), LiaisonOfficerID: optional.Null[int64](), Tags: optional.Of([]string{}), CreditCodeOverride: optional.Of(true)}
	got := changed.officerOnly(current)
	if len(got) != 6 {
		t.Errorf("officer-only fields %v", got)
	}
}

func TestComputeSizeClass(t *testing.T) {
	e, r := int64(50), int64(30_000_000)
	if got := ComputeSizeClass("C34", Figures{Employees: &e, OperatingRevenue: &r}); got != criteria.Small {
		t.Errorf("C34 = %s", got)
	}
	if got := ComputeSizeClass("", Figures{Employees: &e, OperatingRevenue: &r}); got != "" {
		t.Errorf("no industry = %s", got)
	}
	if got := ComputeSizeClass("C34", Figures{Employees: &e}); got != "" {
		t.Errorf("no revenue = %s", got)
	}
}
