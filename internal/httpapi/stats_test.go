package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"testing"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/calendar"
	"github.com/tiertracker/tiertracker/internal/criteria"
	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/store"
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
	// The pipeline's workbook: a row per open batch, its states across, the JSON's counts.
	var pipe pipelineResponse
	leader.do("GET", "/api/v1/stats/pipeline", nil).expectStatus(http.StatusOK).decode(&pipe)
	inJSON := map[string]int{}
	for _, c := range pipe.Items {
		inJSON[c.BatchName+"/"+stateNames[application.State(c.State)][zhCN]] += c.Count
	}
	rows = xlsxRows(t, leader.do("GET", "/api/v1/stats/pipeline?format=xlsx", nil).expectStatus(http.StatusOK).body)
	inBook, total := map[string]int{}, 0
	for _, r := range rows[1:] {
		for j := 2; j < len(r); j++ {
			if n, _ := strconv.Atoi(r[j]); n > 0 {
				inBook[r[0]+"/"+rows[0][j]] = n
				total += n
			}
		}
	}
	if total < 5 || !reflect.DeepEqual(inBook, inJSON) {
		t.Errorf("pipeline workbook %v, JSON %v", inBook, inJSON)
	}
	leader.doUnchecked("GET", "/api/v1/stats/summary?format=pdf", nil).expectError(http.StatusUnprocessableEntity, "validation_failed", "format")
}

// Every statistic against counts the test makes itself: qualifications granted across six years
// and three regions of two industries, some revoked, some with a second tier; each endpoint as of
// several dates, whole and filtered by region and by industry, agrees.
func TestStatsAgainstIndependentCounts(t *testing.T) {
	e := newEnv(t)
	regions := []string{"445202", "445281", "445203"}
	industries := []string{"C34", "I65"}
	type qual struct {
		ent, region, industry string
		tier                  criteria.Tier
		granted, until, ended calendar.Date
	}
	var quals []qual
	var rows []qualification.Qualification
	start := calendar.NewDate(2019, 1, 1)
	for i := range 60 {
		region, ind := regions[i%3], industries[(i/3)%2]
		ent := e.addEnterprise(region, fmt.Sprintf("揭阳市统计核对%02d有限公司", i))
		ent.IndustryCode = ind
		if err := store.NewEnterprises(e.db).UpdateEnterprise(context.Background(), &ent, ent.Version); err != nil {
			t.Fatal(err)
		}
		tiers := []criteria.Tier{criteria.Tiers[i%3]}
		if i%4 == 0 && i%3 != 2 {
			tiers = append(tiers, criteria.Tiers[i%3+1]) // a second, higher tier
		}
		for k, tier := range tiers {
			granted := start.AddDays((i*53 + k*400) % 2200)
			q := qual{ent: strconv.FormatInt(ent.ID, 10), region: region, industry: ind, tier: tier, granted: granted, until: qualification.ValidUntilOf(granted)}
			row := qualification.Qualification{EnterpriseID: ent.ID, Tier: tier, Source: qualification.SourceImport, GrantedOn: q.granted,
				ValidUntil: q.until, Version: 1, CreatedAt: e.now, UpdatedAt: e.now}
			if i%7 == 0 {
				q.ended = granted.AddDays(400)
				row.RevokedOn, row.RevokeReasonCode, row.RevokedReason, row.RevokedBy = q.ended, "other", "核对", "city"
			}
			quals, rows = append(quals, q), append(rows, row)
		}
	}
	if err := store.NewEnterprises(e.db).CreateQualifications(context.Background(), rows); err != nil {
		t.Fatal(err)
	}
	inForce := func(q qual, d calendar.Date) bool {
		return !q.granted.After(d) && !d.After(q.until) && (q.ended.IsZero() || d.Before(q.ended))
	}
	rank := map[criteria.Tier]int{criteria.InnovativeSME: 1, criteria.SpecializedSME: 2, criteria.LittleGiant: 3}
	e.addUser("boss", access.Leader, "", 0)
	leader := e.login("boss", testPassword)

	for _, asOf := range []string{"2020-06-30", "2022-03-15", "2023-12-31", "2025-08-01"} {
		d, _ := calendar.Parse(asOf)
		for _, filter := range []struct{ query, region, industry string }{{"", "", ""}, {"&region=445281", "445281", ""}, {"&industry=I", "", "I65"}} {
			keep := func(q qual) bool {
				return (filter.region == "" || q.region == filter.region) && (filter.industry == "" || q.industry == filter.industry)
			}
			holders, e90, e180 := map[criteria.Tier]int{}, map[criteria.Tier]int{}, map[criteria.Tier]int{}
			top := map[string]criteria.Tier{}
			byRegion, byIndustry := map[string]int{}, map[string]int{}
			for _, q := range quals {
				if !keep(q) || !inForce(q, d) {
					continue
				}
				holders[q.tier]++
				if !q.until.After(d.AddDays(90)) {
					e90[q.tier]++
				}
				if !q.until.After(d.AddDays(180)) {
					e180[q.tier]++
				}
				if rank[q.tier] > rank[top[q.ent]] {
					top[q.ent] = q.tier
				}
				byRegion[q.region+"/"+string(q.tier)]++
				byIndustry[q.industry[:1]+"/"+string(q.tier)]++
			}
			highest := map[criteria.Tier]int{}
			for _, t := range top {
				highest[t]++
			}
			if asOf == "2023-12-31" && filter.query == "" && holders[criteria.InnovativeSME]+holders[criteria.SpecializedSME]+holders[criteria.LittleGiant] < 20 {
				t.Fatalf("the test's own data hold too little to show anything: %v", holders)
			}
			var summary summaryResponse
			leader.do("GET", "/api/v1/stats/summary?as_of="+asOf+filter.query, nil).expectStatus(http.StatusOK).decode(&summary)
			for _, s := range summary.Tiers {
				if s.Holders != holders[s.Tier] || s.HighestTierHolders != highest[s.Tier] || s.Expiring90 != e90[s.Tier] || s.Expiring180 != e180[s.Tier] {
					t.Errorf("%s%s %s: got %+v, want holders %d highest %d expiring %d/%d", asOf, filter.query, s.Tier, s,
						holders[s.Tier], highest[s.Tier], e90[s.Tier], e180[s.Tier])
				}
			}
			for path, want := range map[string]map[string]int{"by-region": byRegion, "by-industry": byIndustry} {
				var cells cellsResponse
				leader.do("GET", "/api/v1/stats/"+path+"?as_of="+asOf+filter.query, nil).expectStatus(http.StatusOK).decode(&cells)
				got := map[string]int{}
				for _, c := range cells.Items {
					if c.Holders > 0 {
						got[c.Code+"/"+string(c.Tier)] = c.Holders
					}
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s %s%s: got %v, want %v", path, asOf, filter.query, got, want)
				}
			}
		}
	}

	// The trend: grants per year, and holders at each year's end.
	var trend trendResponse
	leader.do("GET", "/api/v1/stats/trend?from=2019&to=2026", nil).expectStatus(http.StatusOK).decode(&trend)
	for _, p := range trend.Items {
		granted, held := 0, 0
		end := calendar.NewDate(p.Year, 12, 31)
		for _, q := range quals {
			if q.tier == p.Tier && q.granted.Year() == p.Year {
				granted++
			}
			if q.tier == p.Tier && inForce(q, end) {
				held++
			}
		}
		if p.NewQualification != granted || p.HoldersAtYearEnd != held {
			t.Errorf("trend %d %s: got %d new, %d held; want %d, %d", p.Year, p.Tier, p.NewQualification, p.HoldersAtYearEnd, granted, held)
		}
	}
}
