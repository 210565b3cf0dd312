package httpapi

import (
	"bytes"
	"fmt"
	"net/http"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tiertracker/tiertracker/internal/demo"
)

func TestCultivationPool(t *testing.T) {
	e := newEnv(t)
	e.seedDemo()
	city, county := e.login("city", demo.Password), e.login("county", demo.Password)
	leader, owner := e.login("leader", demo.Password), e.login("enterprise", demo.Password)

	var pool listResponse[poolRowResponse]
	city.do("GET", "/api/v1/cultivation?target_tier=specialized_sme&page_size=200", nil).expectStatus(http.StatusOK).decode(&pool)
	if pool.Total == 0 || int(pool.Total) != len(pool.Items) {
		t.Fatalf("pool of %d (%d rows)", pool.Total, len(pool.Items))
	}
	// Ranked: the eligible first, then by fewer unmet conditions.
	seenIneligible, lastGaps := false, -1
	for _, r := range pool.Items {
		if r.Eligible && seenIneligible {
			t.Fatalf("%s eligible after an ineligible row", r.Name)
		}
		if !r.Eligible {
			if seenIneligible && len(r.Gaps) < lastGaps {
				t.Fatalf("%s has %d gaps after a row with %d", r.Name, len(r.Gaps), lastGaps)
			}
			seenIneligible, lastGaps = true, len(r.Gaps)
			if len(r.Gaps) == 0 && (r.ScoreGap == nil || *r.ScoreGap == 0) {
				t.Errorf("%s is not eligible but shows no gap", r.Name)
			}
		}
		for _, g := range r.Gaps {
			if g.Requirement == "" || g.Status == "met" {
				t.Errorf("%s: gap %+v", r.Name, g)
			}
		}
		// Every row holds the innovative SME today and not the specialised SME.
		var held []string
		e.db.Raw("SELECT tier FROM qualifications WHERE enterprise_id = ? AND granted_on <= '2026-11-26' AND valid_until >= '2026-11-26' AND (revoked_on IS NULL OR revoked_on > '2026-11-26')", r.EnterpriseID).Scan(&held)
		if !containsString(held, "innovative_sme") || containsString(held, "specialized_sme") {
			t.Errorf("%s holds %v", r.Name, held)
		}
	}
	if !seenIneligible {
		t.Error("no enterprise short of the tier: the demo gives the pool nothing to rank")
	}

	// The county officer sees its region's only; a leader reads; an enterprise user may not.
	var mine listResponse[poolRowResponse]
	county.do("GET", "/api/v1/cultivation?target_tier=specialized_sme&page_size=200", nil).expectStatus(http.StatusOK).decode(&mine)
	for _, r := range mine.Items {
		if r.RegionCode != "445202" {
			t.Errorf("county sees %s of %s", r.Name, r.RegionCode)
		}
	}
	if mine.Total == 0 || mine.Total >= pool.Total {
		t.Errorf("county sees %d of %d", mine.Total, pool.Total)
	}
	leader.do("GET", "/api/v1/cultivation?target_tier=little_giant", nil).expectStatus(http.StatusOK)
	owner.do("GET", "/api/v1/cultivation?target_tier=little_giant", nil).expectError(http.StatusForbidden, "forbidden")
	city.doUnchecked("GET", "/api/v1/cultivation", nil).expectError(http.StatusUnprocessableEntity, "validation_failed", "target_tier")
	city.doUnchecked("GET", "/api/v1/cultivation?target_tier=specialized_sme&status=close", nil).expectError(http.StatusUnprocessableEntity, "validation_failed", "status")

	// Filters agree with the full list.
	var eligible, region listResponse[poolRowResponse]
	city.do("GET", "/api/v1/cultivation?target_tier=specialized_sme&status=eligible&page_size=200", nil).decode(&eligible)
	city.do("GET", "/api/v1/cultivation?target_tier=specialized_sme&region=445281&page_size=200", nil).decode(&region)
	var wantEligible, wantRegion int64
	for _, r := range pool.Items {
		if r.Eligible {
			wantEligible++
		}
		if r.RegionCode == "445281" {
			wantRegion++
		}
	}
	if eligible.Total != wantEligible || region.Total != wantRegion {
		t.Errorf("eligible %d want %d; 普宁 %d want %d", eligible.Total, wantEligible, region.Total, wantRegion)
	}

	// The export holds every row of the same list, headers in the caller's language.
	r := county.raw("GET", "/api/v1/cultivation?target_tier=specialized_sme&format=xlsx&lang=en-US", "", nil, nil).expectStatus(http.StatusOK)
	f, err := excelize.OpenReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(f.GetSheetName(0))
	if len(rows) != int(mine.Total)+1 || rows[0][0] != "Enterprise" || rows[1][0] != mine.Items[0].Name {
		t.Errorf("export: %d rows, header %v", len(rows), rows[0])
	}

	// Put an enterprise into the pool, followed by the county officer.
	target := mine.Items[len(mine.Items)-1]
	var officers listResponse[officerResponse]
	county.do("GET", "/api/v1/officers", nil).decode(&officers)
	var countyID int64
	for _, o := range officers.Items {
		if o.Username == "county" {
			countyID = o.ID
		}
	}
	body := map[string]any{"enterprise_id": target.EnterpriseID, "target_tier": "specialized_sme", "owner_id": countyID, "note": "走访：研发投入不足", "follow_up_on": "2026-12-15"}
	var entry entryResponse
	county.do("POST", "/api/v1/cultivation/entries", body).expectStatus(http.StatusCreated).decode(&entry)
	county.do("POST", "/api/v1/cultivation/entries", body).expectError(http.StatusConflict, "duplicate", "enterprise_id")
	leaderID := int64(0)
	var users struct {
		ID int64
	}
	e.db.Table("users").Select("id").Where("username = ?", "leader").Take(&users)
	leaderID = users.ID
	body["owner_id"], body["target_tier"] = leaderID, "little_giant"
	county.do("POST", "/api/v1/cultivation/entries", body).expectError(http.StatusUnprocessableEntity, "validation_failed", "owner_id")
	outside := region.Items[0]
	body["enterprise_id"], body["owner_id"] = outside.EnterpriseID, countyID
	county.do("POST", "/api/v1/cultivation/entries", body).expectError(http.StatusUnprocessableEntity, "validation_failed", "enterprise_id")

	var followed listResponse[poolRowResponse]
	county.do("GET", "/api/v1/cultivation?target_tier=specialized_sme&followed=true", nil).decode(&followed)
	if followed.Total != 1 || followed.Items[0].Entry == nil || followed.Items[0].Entry.OwnerName != "榕城区工信局 林晓" {
		t.Fatalf("followed %+v", followed.Items)
	}
	path := fmt.Sprintf("/api/v1/cultivation/entries/%d", entry.ID)
	var changed entryResponse
	city.do("PATCH", path, map[string]any{"note": "已上门辅导", "follow_up_on": nil, "version": 1}).expectStatus(http.StatusOK).decode(&changed)
	if changed.Version != 2 || changed.FollowUpOn != nil || *changed.Note != "已上门辅导" {
		t.Errorf("changed %+v", changed)
	}
	county.do("PATCH", path, map[string]any{"note": "x", "version": 1}).expectError(http.StatusConflict, "stale_version")
	leader.do("DELETE", path, nil).expectError(http.StatusForbidden, "forbidden")
	e.login("enterprise2", demo.Password).do("DELETE", path, nil).expectError(http.StatusForbidden, "forbidden")
	county.do("DELETE", path, nil).expectStatus(http.StatusNoContent)
	county.do("DELETE", path, nil).expectError(http.StatusNotFound, "not_found")
}
