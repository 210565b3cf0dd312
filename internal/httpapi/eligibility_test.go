package httpapi

import (
	"encoding/json"
	"net/http"
	"os"
	"testing"

	"github.com/tiertracker/tiertracker/internal/access"
)

func workedExample(t *testing.T) map[string]any {
	t.Helper()
	raw, err := os.ReadFile("testdata/worked_example.json")
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatal(err)
	}
	return body
}

type evaluation struct {
	Eligible bool    `json:"eligible"`
	Route    *string `json:"route"`
	Score    *int    `json:"score"`
	Criteria []struct {
		Code   string `json:"code"`
		Status string `json:"status"`
		Points *int   `json:"points"`
	} `json:"criteria"`
	Missing []string `json:"missing"`
}

func TestEvaluateTheWorkedExample(t *testing.T) {
	e := newEnv(t)
	e.addUser("leader", access.Leader, "", 0)
	c := e.login("leader", testPassword)
	var res evaluation
	c.do("POST", "/api/v1/eligibility/evaluate", workedExample(t)).expectStatus(http.StatusOK).decode(&res)
	if !res.Eligible || res.Route == nil || *res.Route != "score" || res.Score == nil || *res.Score != 68 {
		t.Fatalf("result %+v", res)
	}
	codes := map[string]bool{}
	for _, cr := range res.Criteria {
		codes[cr.Code] = true
	}
	for _, code := range []string{"P", "G", "C1", "C2", "C3", "C4", "Z1", "Z2", "Z3", "Z4", "J1", "J2", "J3", "J4", "T1", "N1", "N2", "N3", "N4"} {
		if !codes[code] {
			t.Errorf("no %s", code)
		}
	}
}

func TestEvaluateMissingAndBadInput(t *testing.T) {
	e := newEnv(t)
	e.addUser("owner", access.Enterprise, "", e.addEnterprise("445202", "甲").ID)
	c := e.login("owner", testPassword)

	// A figure left out is missing, never zero.
	body := workedExample(t)
	reports := body["reports"].([]any)
	delete(reports[0].(map[string]any), "rd_expense")
	var res evaluation
	c.do("POST", "/api/v1/eligibility/evaluate", body).expectStatus(http.StatusOK).decode(&res)
	if res.Eligible || res.Score != nil || !containsString(res.Missing, "reports[2023].rd_expense") {
		t.Errorf("with rd_expense left out: %+v", res)
	}
	for _, cr := range res.Criteria {
		if (cr.Code == "C2" || cr.Code == "N2") && cr.Status != "missing" {
			t.Errorf("%s is %s", cr.Code, cr.Status)
		}
	}

	bad := []struct {
		name  string
		edit  func(b map[string]any)
		field string
	}{
		{"unknown tier", func(b map[string]any) { b["tier"] = "giant" }, "tier"},
		{"unknown ruleset", func(b map[string]any) { b["ruleset"] = "miit-1999" }, "ruleset"},
		{"negative money", func(b map[string]any) { b["reports"].([]any)[1].(map[string]any)["rd_expense"] = -5 }, "reports[1].rd_expense"},
		{"share over 1", func(b map[string]any) { b["reports"].([]any)[0].(map[string]any)["national_market_share"] = 1.5 }, "reports[0].national_market_share"},
		{"unknown enum", func(b map[string]any) { b["reports"].([]any)[0].(map[string]any)["rd_institution"] = "county" }, "reports[0].rd_institution"},
		{"year without a report", func(b map[string]any) { b["report_year"] = 2024 }, "report_year"},
		{"unknown field", func(b map[string]any) { b["owner"] = "me" }, "owner"},
		{"wrong type", func(b map[string]any) { b["report_year"] = "2023" }, "report_year"},
	}
	for _, tt := range bad {
		b := workedExample(t)
		tt.edit(b)
		c.doUnchecked("POST", "/api/v1/eligibility/evaluate", b).expectError(http.StatusUnprocessableEntity, "validation_failed", tt.field)
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
