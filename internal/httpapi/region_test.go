package httpapi

import (
	"net/http"
	"testing"

	"github.com/tiertracker/tiertracker/internal/access"
)

// TestRegionAdministration is a bureau outside the demo city entering its own regions.
func TestRegionAdministration(t *testing.T) {
	e := newEnv(t)
	e.addUser("root", access.Admin, "", 0)
	admin := e.login("root", testPassword)

	var created regionResponse
	admin.do("POST", "/api/v1/regions", map[string]any{"code": "440303", "name": "罗湖区", "name_en": "Luohu District", "kind": "district", "order": 10}).
		expectStatus(http.StatusCreated).decode(&created)
	if created.Code != "440303" || created.Order != 10 {
		t.Errorf("created %+v", created)
	}
	admin.do("POST", "/api/v1/regions", map[string]any{"code": "440303", "name": "再来", "kind": "district"}).expectError(http.StatusConflict, "duplicate", "code")
	admin.doUnchecked("POST", "/api/v1/regions", map[string]any{"code": "44", "name": "", "kind": "province"}).
		expectError(http.StatusUnprocessableEntity, "validation_failed", "code", "name", "kind")

	var renamed regionResponse
	admin.do("PATCH", "/api/v1/regions/440303", map[string]any{"name": "罗湖", "kind": "zone"}).expectStatus(http.StatusOK).decode(&renamed)
	if renamed.Name != "罗湖" || renamed.Kind != "zone" || renamed.NameEn != "Luohu District" {
		t.Errorf("renamed %+v", renamed)
	}
	admin.do("PATCH", "/api/v1/regions/999999", map[string]any{"name": "无"}).expectError(http.StatusNotFound, "not_found")

	// The new region binds a county officer at once.
	admin.do("POST", "/api/v1/users", map[string]any{"username": "luohu", "password": "start-pass-1", "display_name": "罗湖", "role": "county_officer", "region_code": "440303"}).
		expectStatus(http.StatusCreated)
	var regions listResponse[regionResponse]
	e.client().do("GET", "/api/v1/regions", nil).expectStatus(http.StatusOK).decode(&regions)
	if regions.Total != 10 || regions.Items[len(regions.Items)-1].Code != "440303" {
		t.Errorf("regions %+v", regions.Items)
	}
}
