package httpapi

import (
	"net/http"
	"reflect"
	"strconv"
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

// The statistics export as tables that hold the same figures as the JSON, within the caller's scope.
func TestStatsExports(t *testing.T) {
	e := newEnv(t)
	e.seedDemo()
	leader, county := e.login("leader", demo.Password), e.login("county", demo.Password)

	rows := xlsxRows(t, leader.do("GET", "/api/v1/stats/summary?as_of=2023-06-30&format=xlsx&lang=en-US", nil).expectStatus(http.StatusOK).body)
	wantSummary := [][]string{
		{"Tier", "Holders", "At their highest tier", "Expiring within 90 days", "Expiring within 180 days", "Candidates"},
	}
	var summary summaryResponse
	leader.do("GET", "/api/v1/stats/summary?as_of=2023-06-30", nil).decode(&summary)
	for _, s := range summary.Tiers {
		wantSummary = append(wantSummary, []string{tierNames[s.Tier][enUS], strconv.Itoa(s.Holders), strconv.Itoa(s.HighestTierHolders),
			strconv.Itoa(s.Expiring90), strconv.Itoa(s.Expiring180), strconv.Itoa(s.Candidates)})
	}
	if !reflect.DeepEqual(rows, wantSummary) {
		t.Errorf("summary workbook\n got %v\nwant %v", rows, wantSummary)
	}

	// By region: one row per region, the tiers across, each cell the JSON's holders.
	var cells cellsResponse
	leader.do("GET", "/api/v1/stats/by-region?as_of=2023-06-30", nil).decode(&cells)
	held := map[string]map[string]string{}
	for _, c := range cells.Items {
		if held[c.Code] == nil {
			held[c.Code] = map[string]string{}
		}
		held[c.Code][tierNames[c.Tier][zhCN]] = strconv.Itoa(c.Holders)
	}
	rows = xlsxRows(t, leader.do("GET", "/api/v1/stats/by-region?as_of=2023-06-30&format=xlsx", nil).expectStatus(http.StatusOK).body)
	if len(rows)-1 != len(held) {
		t.Fatalf("by-region workbook has %d regions, the JSON %d", len(rows)-1, len(held))
	}
	head := rows[0]
	total := 0
	for _, r := range rows[1:] {
		for j := 2; j < len(head); j++ {
			want, ok := held[r[0]][head[j]]
			if !ok {
				want = "0" // the JSON leaves out the empty cells
			}
			if r[j] != want {
				t.Errorf("region %s, %s: workbook %q, JSON %q", r[0], head[j], r[j], want)
			}
			n, _ := strconv.Atoi(r[j])
			total += n
		}
	}
	if total != 2+76+83 {
		t.Errorf("by-region workbook sums to %d holders, want %d", total, 2+76+83)
	}

	// A county officer's table is its region's only.
	rows = xlsxRows(t, county.do("GET", "/api/v1/stats/by-region?as_of=2023-06-30&format=xlsx", nil).expectStatus(http.StatusOK).body)
	if len(rows) != 2 || rows[1][0] != "445202" {
		t.Errorf("county's by-region workbook: %v", rows)
	}

	// The trend and the pipeline export too.
	rows = xlsxRows(t, leader.do("GET", "/api/v1/stats/trend?from=2020&to=2023&format=xlsx", nil).expectStatus(http.StatusOK).body)
	if len(rows) != 5 || rows[1][0] != "2020" || rows[4][0] != "2023" {
		t.Errorf("trend workbook: %v", rows)
	}
	xlsxRows(t, leader.do("GET", "/api/v1/stats/pipeline?format=xlsx", nil).expectStatus(http.StatusOK).body)
	leader.doUnchecked("GET", "/api/v1/stats/summary?format=pdf", nil).expectError(http.StatusUnprocessableEntity, "validation_failed", "format")
}
