package httpapi

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/tiertracker/tiertracker/internal/access"
)

func TestEnterpriseScope(t *testing.T) {
	e := newEnv(t)
	rongcheng := e.addEnterprise("445202", "揭阳市榕城测试有限公司")
	puning := e.addEnterprise("445281", "普宁市测试有限公司")
	e.addUser("county", access.CountyOfficer, "445202", 0)
	e.addUser("owner", access.Enterprise, "", rongcheng.ID)
	e.addUser("boss", access.Leader, "", 0)
	county, owner, leader := e.login("county", testPassword), e.login("owner", testPassword), e.login("boss", testPassword)
	path := func(id int64) string { return fmt.Sprintf("/api/v1/enterprises/%d", id) }

	// Another region's or enterprise's record does not exist for the caller, to read or change.
	county.do("GET", path(puning.ID), nil).expectError(http.StatusNotFound, "not_found")
	county.do("PATCH", path(puning.ID), map[string]any{"main_products": "x", "version": 1}).expectError(http.StatusNotFound, "not_found")
	owner.do("GET", path(puning.ID), nil).expectError(http.StatusNotFound, "not_found")
	owner.do("PATCH", path(puning.ID), map[string]any{"main_products": "x", "version": 1}).expectError(http.StatusNotFound, "not_found")
	county.do("GET", path(rongcheng.ID), nil).expectStatus(http.StatusOK)

	// A county officer cannot create in, or move an enterprise to, another region.
	create := map[string]any{"name": "揭东测试", "credit_code": e.validCode("445203"), "region_code": "445203", "industry_code": "C33"}
	county.do("POST", "/api/v1/enterprises", create).expectError(http.StatusForbidden, "forbidden", "region_code")
	county.do("PATCH", path(rongcheng.ID), map[string]any{"region_code": "445203", "version": 1}).expectError(http.StatusForbidden, "forbidden", "region_code")

	// Lists: the enterprise user sees itself, the leader everything, and none can widen it by filter.
	var list listResponse[enterpriseResponse]
	owner.do("GET", "/api/v1/enterprises?region=445281", nil).expectStatus(http.StatusOK).decode(&list)
	if list.Total != 0 {
		t.Errorf("owner filtering by another region sees %d", list.Total)
	}
	owner.do("GET", "/api/v1/enterprises", nil).expectStatus(http.StatusOK).decode(&list)
	if list.Total != 1 || list.Items[0].ID != rongcheng.ID {
		t.Errorf("owner sees %+v", list.Items)
	}
	leader.do("GET", "/api/v1/enterprises", nil).expectStatus(http.StatusOK).decode(&list)
	if list.Total != 2 {
		t.Errorf("leader sees %d", list.Total)
	}
	leader.do("PATCH", path(rongcheng.ID), map[string]any{"main_products": "x", "version": 1}).expectError(http.StatusForbidden, "forbidden")
	leader.do("GET", "/api/v1/registrations", nil).expectError(http.StatusForbidden, "forbidden")
}

func TestEnterpriseUserEditsItsOwnProfile(t *testing.T) {
	e := newEnv(t)
	ent := e.addEnterprise("445202", "揭阳市自助测试有限公司")
	e.addUser("owner", access.Enterprise, "", ent.ID)
	owner := e.login("owner", testPassword)
	path := fmt.Sprintf("/api/v1/enterprises/%d", ent.ID)

	var got enterpriseResponse
	owner.do("PATCH", path, map[string]any{
		"main_products": "精密阀门", "niche_market": "食品级卫生阀门", "niche_market_since": "2019-03-01",
		"strategic_emerging": true, "contact_person": "郑敏", "contact_phone": "0663-8123456",
		"name": ent.Name, "version": 1, // an unchanged officer field is fine
	}).expectStatus(http.StatusOK).decode(&got)
	if got.MainProducts == nil || *got.MainProducts != "精密阀门" || got.Version != 2 || got.StrategicEmerging == nil || !*got.StrategicEmerging {
		t.Errorf("after patch: %+v", got)
	}
	// The bureau's fields are refused, naming each, and nothing changes.
	env := owner.do("PATCH", path, map[string]any{"name": "新名字", "tags": []string{"上市后备"}, "main_products": "别的", "version": 2}).
		expectError(http.StatusForbidden, "forbidden", "name", "tags")
	if len(env.Error.Fields) != 2 {
		t.Errorf("fields = %+v", env.Error.Fields)
	}
	owner.do("GET", path, nil).decode(&got)
	if *got.MainProducts != "精密阀门" || got.Version != 2 {
		t.Errorf("a refused patch changed the record: %+v", got)
	}
	// Clearing with null.
	owner.do("PATCH", path, map[string]any{"niche_market_since": nil, "strategic_emerging": nil, "version": 2}).expectStatus(http.StatusOK).decode(&got)
	if got.NicheMarketSince != nil || got.StrategicEmerging != nil {
		t.Errorf("null did not clear: %+v", got)
	}
}

func TestEnterpriseVersionsAndOverride(t *testing.T) {
	e := newEnv(t)
	e.addUser("city", access.CityOfficer, "", 0)
	e.addUser("county", access.CountyOfficer, "445202", 0)
	e.addUser("county2", access.CountyOfficer, "445281", 0)
	e.addUser("owner", access.Enterprise, "", e.addEnterprise("445202", "甲").ID)
	city := e.login("city", testPassword)
	owner := e.login("owner", testPassword)

	// A legal early code failing its check: refused to the enterprise user, registered by an
	// officer's explicit override, and audited.
	early := badCheck(e.validCode("445202"))
	body := map[string]any{"name": "揭阳市早期试点有限公司", "credit_code": early, "region_code": "445202", "industry_code": "C39"}
	city.do("POST", "/api/v1/enterprises", body).expectError(http.StatusUnprocessableEntity, "validation_failed", "credit_code")
	body["credit_code_override"] = true
	var created enterpriseResponse
	city.do("POST", "/api/v1/enterprises", body).expectStatus(http.StatusCreated).decode(&created)
	if !created.CreditCodeOverride || created.CreditCode != early {
		t.Errorf("override not kept: %+v", created)
	}
	owner.do("PATCH", fmt.Sprintf("/api/v1/enterprises/%d", created.ID), map[string]any{"credit_code_override": false, "version": 1}).
		expectError(http.StatusNotFound, "not_found")
	var events listResponse[auditEventResponse]
	city.do("GET", "/api/v1/audit-events?action=enterprise.credit_code_override", nil).expectStatus(http.StatusOK).decode(&events)
	if events.Total != 1 || *events.Items[0].ActorUsername != "city" {
		t.Errorf("override audit = %+v", events.Items)
	}
	// An override never lets a malformed code through.
	body["credit_code"] = "91445202ABCDEFGHIO"
	city.do("POST", "/api/v1/enterprises", body).expectError(http.StatusUnprocessableEntity, "validation_failed", "credit_code")

	// Two officers edit at once: exactly one wins, the other gets stale_version and changes nothing.
	path := fmt.Sprintf("/api/v1/enterprises/%d", created.ID)
	county := e.login("county", testPassword)
	city.do("PATCH", path, map[string]any{"main_products": "A", "version": 1}).expectStatus(http.StatusOK)
	county.do("PATCH", path, map[string]any{"main_products": "B", "version": 1}).expectError(http.StatusConflict, "stale_version")
	var got enterpriseResponse
	city.do("GET", path, nil).decode(&got)
	if *got.MainProducts != "A" || got.Version != 2 {
		t.Errorf("after the race: %+v", got)
	}

	// A liaison officer must be an active officer who may follow the enterprise's region.
	var officers listResponse[officerResponse]
	county.do("GET", "/api/v1/officers", nil).expectStatus(http.StatusOK).decode(&officers)
	ids := map[string]int64{}
	for _, o := range officers.Items {
		ids[o.Username] = o.ID
	}
	if _, ok := ids["county2"]; ok || ids["county"] == 0 || ids["city"] == 0 {
		t.Errorf("county sees officers %v", ids)
	}
	county2ID := e.addUser("county3", access.CountyOfficer, "445281", 0).ID
	city.do("PATCH", path, map[string]any{"liaison_officer_id": county2ID, "version": 2}).expectError(http.StatusUnprocessableEntity, "validation_failed", "liaison_officer_id")
	city.do("PATCH", path, map[string]any{"liaison_officer_id": ids["county"], "tags": []string{"上市后备", "上市后备", " "}, "version": 2}).expectStatus(http.StatusOK).decode(&got)
	if got.LiaisonOfficerName == nil || *got.LiaisonOfficerName != "测试 county" || len(got.Tags) != 1 {
		t.Errorf("liaison and tags: %+v", got)
	}
}

func TestEnterpriseListFilters(t *testing.T) {
	e := newEnv(t)
	e.seedDemo()
	city := e.login("city", "demo-pass-2024")
	var all listResponse[enterpriseResponse]
	city.do("GET", "/api/v1/enterprises?page_size=200", nil).expectStatus(http.StatusOK).decode(&all)
	if all.Total != 200 || len(all.Items) != 200 {
		t.Fatalf("total = %d", all.Total)
	}
	// Every filter agrees with a count over the full list.
	sample := all.Items[7]
	count := func(keep func(enterpriseResponse) bool) int64 {
		var n int64
		for _, it := range all.Items {
			if keep(it) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		query string
		want  int64
	}{
		{"region=445281", count(func(it enterpriseResponse) bool { return it.RegionCode == "445281" })},
		{"industry=C", count(func(it enterpriseResponse) bool { return it.IndustryCode != nil && (*it.IndustryCode)[0] == 'C' })},
		{"industry=I65", count(func(it enterpriseResponse) bool { return it.IndustryCode != nil && *it.IndustryCode == "I65" })},
		{"size_class=small", count(func(it enterpriseResponse) bool { return it.SizeClass != nil && *it.SizeClass == "small" })},
		{"q=" + sample.CreditCode[4:12], 1},
		{"q=" + urlQuery(sample.Name), 1},
		{"q=%25", 0}, // a literal %, not a wildcard
		{"region=445202&industry=C33", count(func(it enterpriseResponse) bool {
			return it.RegionCode == "445202" && it.IndustryCode != nil && *it.IndustryCode == "C33"
		})},
	}
	for _, tt := range tests {
		var page listResponse[enterpriseResponse]
		city.do("GET", "/api/v1/enterprises?page_size=5&"+tt.query, nil).expectStatus(http.StatusOK).decode(&page)
		if page.Total != tt.want {
			t.Errorf("%s: total %d, want %d", tt.query, page.Total, tt.want)
		}
		if len(page.Items) > 5 || page.PageSize != 5 {
			t.Errorf("%s: page of %d", tt.query, len(page.Items))
		}
	}
	// Pages do not overlap and cover the list.
	seen := map[int64]bool{}
	for p := 1; p <= 4; p++ {
		var page listResponse[enterpriseResponse]
		city.do("GET", fmt.Sprintf("/api/v1/enterprises?page=%d&page_size=60&sort=-created_at", p), nil).decode(&page)
		for _, it := range page.Items {
			if seen[it.ID] {
				t.Errorf("enterprise %d on two pages", it.ID)
			}
			seen[it.ID] = true
		}
	}
	if len(seen) != 200 {
		t.Errorf("pages cover %d", len(seen))
	}
}

func TestCriteriaFactsOfTheProfile(t *testing.T) {
	e := newEnv(t)
	ent := e.addEnterprise("445202", "揭阳市要素测试有限公司")
	e.addUser("owner", access.Enterprise, "", ent.ID)
	e.addUser("county", access.CountyOfficer, "445202", 0)
	owner, county := e.login("owner", testPassword), e.login("county", testPassword)
	path := fmt.Sprintf("/api/v1/enterprises/%d", ent.ID)

	var got enterpriseResponse
	owner.do("GET", path, nil).decode(&got)
	if got.Honours != nil || got.Awards != nil || got.MakersChina != nil || got.FieldClass != nil {
		t.Errorf("a new enterprise's facts should be unknown: %+v", got)
	}
	owner.do("PATCH", path, map[string]any{
		"field_class": "gap_filling", "abnormal_or_dishonest_listed": false,
		"honours":      []any{map[string]any{"code": "high_tech_enterprise", "valid_from": "2024-12-01", "valid_until": "2027-11-30", "certificate_no": "GR202444001234"}},
		"awards":       []any{},
		"makers_china": []any{map[string]any{"year": 2025, "top": 50}},
		"version":      1,
	}).expectStatus(http.StatusOK).decode(&got)
	if len(got.Honours) != 1 || got.Honours[0].ValidUntil == nil || *got.Honours[0].ValidUntil != "2027-11-30" || got.Awards == nil || len(got.Awards) != 0 {
		t.Errorf("facts %+v", got)
	}
	// The officers' assessments are theirs.
	owner.do("PATCH", path, map[string]any{"key_chain_link": true, "version": 2}).expectError(http.StatusForbidden, "forbidden", "key_chain_link")
	county.do("PATCH", path, map[string]any{"key_chain_link": true, "key_field": false, "version": 2}).expectStatus(http.StatusOK)

	bad := []struct {
		field string
		body  map[string]any
	}{
		{"honours[0].code", map[string]any{"honours": []any{map[string]any{"code": "gazelle", "valid_from": "2024-01-01"}}}},
		{"honours[0].valid_from", map[string]any{"honours": []any{map[string]any{"code": "ip_demo", "valid_from": "2024-13-01"}}}},
		{"honours[0].valid_until", map[string]any{"honours": []any{map[string]any{"code": "ip_demo", "valid_from": "2024-01-01", "valid_until": "2023-01-01"}}}},
		{"awards[0].rank", map[string]any{"awards": []any{map[string]any{"year": 2024, "level": "national", "rank": 0}}}},
		{"awards[0].level", map[string]any{"awards": []any{map[string]any{"year": 2024, "level": "city", "rank": 1}}}},
		{"awards[0].year", map[string]any{"awards": []any{map[string]any{"year": 2030, "level": "national", "rank": 1}}}},
		{"makers_china[0].top", map[string]any{"makers_china": []any{map[string]any{"year": 2024, "top": 100}}}},
		{"field_class", map[string]any{"field_class": "key"}},
	}
	for _, b := range bad {
		b.body["version"] = 3
		county.doUnchecked("PATCH", path, b.body).expectError(http.StatusUnprocessableEntity, "validation_failed", b.field)
	}
}
