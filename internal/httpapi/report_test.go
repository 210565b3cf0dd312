package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/store"
)

// exampleFigures are the worked example's figures of a year, in the request's shape.
func exampleFigures(t *testing.T, index int) map[string]any {
	t.Helper()
	r := workedExample(t)["reports"].([]any)[index].(map[string]any)
	delete(r, "year")
	return r
}

func TestAnnualReports(t *testing.T) {
	e := newEnv(t)
	own := e.addEnterprise("445202", "揭阳市年报测试有限公司")
	other := e.addEnterprise("445281", "普宁市年报测试有限公司")
	e.addUser("owner", access.Enterprise, "", own.ID)
	e.addUser("county", access.CountyOfficer, "445202", 0)
	e.addUser("boss", access.Leader, "", 0)
	owner, county, leader := e.login("owner", testPassword), e.login("county", testPassword), e.login("boss", testPassword)
	path := func(id int64, year int) string {
		return fmt.Sprintf("/api/v1/enterprises/%d/annual-reports/%d", id, year)
	}

	figures := exampleFigures(t, 0)
	delete(figures, "local_score")
	var created annualReportResponse
	owner.do("PUT", path(own.ID, 2025), figures).expectStatus(http.StatusCreated).decode(&created)
	if created.Version != 1 || created.RDExpense == nil || *created.RDExpense != 2_000_000 || created.LocalScore != nil {
		t.Errorf("created %+v", created)
	}
	// The size class follows the latest figures: 120 employees, 50M revenue in industry → small.
	var ent enterpriseResponse
	owner.do("GET", fmt.Sprintf("/api/v1/enterprises/%d", own.ID), nil).decode(&ent)
	if ent.SizeClass == nil || *ent.SizeClass != "small" {
		t.Errorf("size class %v", ent.SizeClass)
	}
	// Filing a year already filed needs its version; a stale one changes nothing.
	owner.do("PUT", path(own.ID, 2025), figures).expectError(http.StatusConflict, "stale_version")
	figures["employees"] = 400
	figures["version"] = 1
	var updated annualReportResponse
	owner.do("PUT", path(own.ID, 2025), figures).expectStatus(http.StatusOK).decode(&updated)
	if updated.Version != 2 || *updated.Employees != 400 {
		t.Errorf("updated %+v", updated)
	}
	owner.do("PUT", path(own.ID, 2025), figures).expectError(http.StatusConflict, "stale_version")

	// The province's assessment is not the enterprise's to give; an officer gives it.
	figures["version"] = 2
	figures["local_score"] = 12
	owner.do("PUT", path(own.ID, 2025), figures).expectError(http.StatusForbidden, "forbidden", "local_score")
	county.do("PUT", path(own.ID, 2025), figures).expectStatus(http.StatusOK)

	// Bad figures name their field and write nothing.
	bad := []struct {
		field string
		edit  func(m map[string]any)
	}{
		{"rd_expense", func(m map[string]any) { m["rd_expense"] = -1 }},
		{"rd_staff", func(m map[string]any) { m["rd_staff"] = 100_000 }},
		{"total_assets", func(m map[string]any) { m["total_assets"] = 0 }},
		{"national_market_share", func(m map[string]any) { m["national_market_share"] = 1.2 }},
		{"main_business_revenue", func(m map[string]any) { m["main_business_revenue"] = 60_000_000 }},
		{"rd_institution", func(m map[string]any) { m["rd_institution"] = "county" }},
		{"ip.class1", func(m map[string]any) { m["ip"] = map[string]any{"class1": -2} }},
	}
	for _, b := range bad {
		m := exampleFigures(t, 1)
		b.edit(m)
		owner.doUnchecked("PUT", path(own.ID, 2024), m).expectError(http.StatusUnprocessableEntity, "validation_failed", b.field)
	}
	owner.doUnchecked("PUT", path(own.ID, 2031), exampleFigures(t, 1)).expectError(http.StatusUnprocessableEntity, "validation_failed", "year")

	// Scope and role.
	owner.do("PUT", path(other.ID, 2025), exampleFigures(t, 1)).expectError(http.StatusNotFound, "not_found")
	county.do("GET", fmt.Sprintf("/api/v1/enterprises/%d/annual-reports", other.ID), nil).expectError(http.StatusNotFound, "not_found")
	leader.do("PUT", path(own.ID, 2024), exampleFigures(t, 1)).expectError(http.StatusForbidden, "forbidden")
	var list listResponse[annualReportResponse]
	leader.do("GET", fmt.Sprintf("/api/v1/enterprises/%d/annual-reports", own.ID), nil).expectStatus(http.StatusOK).decode(&list)
	if list.Total != 1 || list.Items[0].Year != 2025 || *list.Items[0].LocalScore != 12 {
		t.Errorf("list %+v", list.Items)
	}

	// Every change is audited with before and after.
	e.addUser("root", access.Admin, "", 0)
	var events listResponse[auditEventResponse]
	e.login("root", testPassword).do("GET", "/api/v1/audit-events?entity_type=annual_report", nil).decode(&events)
	if events.Total != 3 || events.Items[0].Before == nil || events.Items[2].Before != nil {
		t.Errorf("audit %+v", events.Items)
	}
}

// TestEligibilityFromTheRegistry files the worked example through the registry and reads the
// same answer back.
func TestEligibilityFromTheRegistry(t *testing.T) {
	e := newEnv(t)
	ent := e.addEnterprise("445202", "揭阳市自评测试有限公司")
	e.addUser("owner", access.Enterprise, "", ent.ID)
	e.addUser("county2", access.CountyOfficer, "445281", 0)
	owner := e.login("owner", testPassword)
	entPath := fmt.Sprintf("/api/v1/enterprises/%d", ent.ID)

	// Before anything is filed, every figure is missing, never zero.
	var ev eligibilityResponse
	owner.do("GET", entPath+"/eligibility", nil).expectStatus(http.StatusOK).decode(&ev)
	if ev.ReportYear != 2025 || len(ev.Results) != 3 || ev.Results[1].Eligible || !containsString(ev.Results[1].Missing, "reports[2025].rd_expense") {
		t.Fatalf("empty registry: %+v", ev)
	}

	owner.do("PATCH", entPath, map[string]any{
		"niche_market_since": "2020-05-01", "strategic_emerging": false, "field_class": "other",
		"abnormal_or_dishonest_listed": false, "major_incident_or_violation_3y": false,
		"honours": []any{}, "awards": []any{map[string]any{"year": 2021, "level": "provincial", "rank": 6}},
		"makers_china": []any{map[string]any{"year": 2022, "top": 500}}, "version": 1,
	}).expectStatus(http.StatusOK)
	for i, year := range []int{2025, 2024, 2023} {
		figures := exampleFigures(t, i)
		delete(figures, "local_score")
		owner.do("PUT", fmt.Sprintf("%s/annual-reports/%d", entPath, year), figures).expectStatus(http.StatusCreated)
	}
	err := store.NewEnterprises(e.db).CreateQualifications(context.Background(), []qualification.Qualification{{
		EnterpriseID: ent.ID, Tier: criteria.InnovativeSME, Source: qualification.SourceImport,
		GrantedOn: calendar.NewDate(2024, 6, 20), ValidUntil: calendar.NewDate(2027, 6, 20), Version: 1,
	}})
	if err != nil {
		t.Fatal(err)
	}
	// The local score is the province's: an officer enters it.
	e.addUser("county", access.CountyOfficer, "445202", 0)
	fig := exampleFigures(t, 0)
	fig["version"] = 1
	e.login("county", testPassword).do("PUT", entPath+"/annual-reports/2025", fig).expectStatus(http.StatusOK)

	// In force today (2026-11-26) is miit-2026, which asks for facts the 2022 measures did not.
	owner.do("GET", entPath+"/eligibility", nil).expectStatus(http.StatusOK).decode(&ev)
	if r := ev.Results[1]; ev.Ruleset != "miit-2026" || r.Eligible || r.Score != nil ||
		!containsString(r.Missing, "reports[2025].quality_score") || !containsString(r.Missing, "reports[2025].market_position_leading") {
		t.Fatalf("specialised under miit-2026 without its facts: %+v", ev)
	}
	// The other ruleset on request: under miit-2022 the same figures score 68.
	owner.do("GET", entPath+"/eligibility?ruleset=miit-2022", nil).expectStatus(http.StatusOK).decode(&ev)
	specialised := ev.Results[1]
	// The 创客中国 place of 2022 is within Y-2..Y of 2025: C4 holds by an alternative as well.
	if ev.Ruleset != "miit-2022" || !specialised.Eligible || specialised.Score == nil || *specialised.Score != 68 || len(specialised.Missing) != 0 {
		t.Fatalf("specialised: eligible %v score %v missing %v", specialised.Eligible, specialised.Score, specialised.Missing)
	}
	// An earlier report year is asked for by name: 2023 has no earlier figures, so the score is
	// missing, yet the 创客中国 place of 2022 meets C4 by an alternative.
	owner.do("GET", entPath+"/eligibility?report_year=2023&ruleset=miit-2022", nil).decode(&ev)
	r2023 := ev.Results[1]
	if ev.ReportYear != 2023 || r2023.Score != nil || !r2023.Eligible || r2023.Route == nil || *r2023.Route != criteria.RouteAlternative ||
		!strings.Contains(strings.Join(r2023.Missing, ","), "reports[2022].main_business_revenue") {
		t.Errorf("2023: eligible %v route %v missing %v", r2023.Eligible, r2023.Route, r2023.Missing)
	}
	owner.do("GET", entPath+"/eligibility?ruleset=miit-1999", nil).expectError(http.StatusUnprocessableEntity, "validation_failed", "ruleset")
	e.login("county2", testPassword).do("GET", entPath+"/eligibility", nil).expectError(http.StatusNotFound, "not_found")

	// The 2026 facts filed (the niche-market position is the officers' assessment), the ruleset in
	// force finds it eligible, unscored.
	fig = exampleFigures(t, 0)
	fig["version"], fig["quality_score"], fig["market_position_leading"], fig["domestic_rank"] = 2, 72.5, true, 4
	ip := fig["ip"].(map[string]any)
	ip["class1_applied"] = 1 // A4: a Class I IP applied in the main product
	e.login("county", testPassword).do("PUT", entPath+"/annual-reports/2025", fig).expectStatus(http.StatusOK)
	owner.do("GET", entPath+"/eligibility", nil).decode(&ev)
	if r := ev.Results[1]; ev.Ruleset != "miit-2026" || !r.Eligible || r.Score != nil || len(r.Missing) != 0 {
		t.Fatalf("specialised under miit-2026 with its facts: %+v", r)
	}

	// The stored results are current, under the ruleset in force: the specialised tier is eligible
	// in the registry's table.
	var stored struct {
		Eligible bool
		Score    *int
		Ruleset  string
	}
	e.db.Table("eligibility_results").Where("enterprise_id = ? AND tier = ?", ent.ID, "specialized_sme").Take(&stored)
	if !stored.Eligible || stored.Score != nil || stored.Ruleset != "miit-2026" {
		t.Errorf("stored %+v", stored)
	}
}
