package httpapi

import (
	"net/http"
	"testing"

	"github.com/tiertracker/tiertracker/internal/demo"
)

func TestStatsOverHTTP(t *testing.T) {
	e := newEnv(t)
	e.seedDemo()
	leader, county := e.login("leader", demo.Password), e.login("county", demo.Password)
	var summary struct {
		AsOf  string `json:"as_of"`
		Tiers []struct {
			Tier    string `json:"tier"`
			Holders int64  `json:"holders"`
		} `json:"tiers"`
	}
	leader.do("GET", "/api/v1/stats/summary?as_of=2023-06-30", nil).expectStatus(http.StatusOK).decode(&summary)
	want := map[string]int64{"innovative_sme": 83, "specialized_sme": 76, "little_giant": 2}
	for _, s := range summary.Tiers {
		var list listResponse[qualificationResponse]
		leader.do("GET", "/api/v1/qualifications?status=valid&as_of=2023-06-30&tier="+s.Tier, nil).decode(&list)
		if s.Holders != want[s.Tier] || list.Total != s.Holders {
			t.Errorf("%s: summary %d, list %d, want %d", s.Tier, s.Holders, list.Total, want[s.Tier])
		}
	}
	for _, path := range []string{"/api/v1/stats/by-region", "/api/v1/stats/by-industry", "/api/v1/stats/trend?from=2020&to=2026", "/api/v1/stats/pipeline"} {
		county.do("GET", path, nil).expectStatus(http.StatusOK)
	}
	var cells struct {
		Items []struct {
			Code string `json:"code"`
		} `json:"items"`
	}
	county.do("GET", "/api/v1/stats/by-region?as_of=2023-06-30", nil).decode(&cells)
	for _, c := range cells.Items {
		if c.Code != "445202" {
			t.Errorf("county sees region %s", c.Code)
		}
	}
	e.login("enterprise", demo.Password).do("GET", "/api/v1/stats/summary", nil).expectError(http.StatusForbidden, "forbidden")
	leader.do("GET", "/api/v1/stats/trend?from=2020&to=2080", nil).expectError(http.StatusUnprocessableEntity, "validation_failed", "to")
}
